/* cli_operator.c — `jiuzhu operator`: list, add, passwd, set, disable,
 * enable, unlock. A new password is asked twice on the terminal, or taken
 * from JIUZHU_NEW_PASSWORD in scripts; never from the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "core/id.h"
#include "core/operator.h"

static const char USAGE[] =
	"用法：jiuzhu operator list\n"
	"      jiuzhu operator add 登录名 --name 姓名 --roles 经办,审核,审批,管理员 [--id-number 身份证号] --as 管理员\n"
	"      jiuzhu operator passwd 登录名 --as 操作员（本人或管理员）\n"
	"      jiuzhu operator set 登录名 [--name 姓名] [--roles 角色] [--id-number 身份证号] --as 管理员\n"
	"      jiuzhu operator disable 登录名 --reason 原因 --as 管理员\n"
	"      jiuzhu operator enable|unlock 登录名 --as 管理员\n"
	"新密码在终端上输入两次；脚本里用环境变量 JIUZHU_NEW_PASSWORD 提供（不要写在命令行上）。\n";

static int usage(void)
{
	fputs(USAGE, stderr);
	return 1;
}

static int new_password(const char *login, char *out, size_t n, jz_err *e)
{
	const char *env = getenv("JIUZHU_NEW_PASSWORD");
	if (env) {
		snprintf(out, n, "%s", env);
		return 0;
	}
	if (!isatty(0))
		return jz_fail(e, JZ_EUSER, "需要新密码：请在终端上运行，或用环境变量 JIUZHU_NEW_PASSWORD 提供（不要写在命令行上）");
	char prompt[96];
	snprintf(prompt, sizeof prompt, "操作员 %s 的新密码：", login);
	/* jz_cli_password reads JIUZHU_PASSWORD first: that is the signer's own. */
	const char *own = getenv("JIUZHU_PASSWORD");
	char *saved = own ? strdup(own) : NULL;
	if (own)
		unsetenv("JIUZHU_PASSWORD");
	int rc = jz_cli_password(prompt, 1, out, n, e);
	if (saved) {
		setenv("JIUZHU_PASSWORD", saved, 1);
		sodium_memzero(saved, strlen(saved));
		free(saved);
	}
	return rc;
}

static int cmd_list(jz_cli *c)
{
	jz_err e = {0};
	jz_operator ops[200];
	const char *pos[1];
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, (jz_opt[]){{0}}, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	int n = db ? jz_operator_list(db, ops, 200, &e) : -1;
	jz_db_close(db);
	if (n < 0)
		return jz_cli_report(&e);
	static const char *const head[] = {"登录名", "姓名", "角色", "身份证号"};
	static const int width[] = {17, 13, 25, 19};
	for (int k = 0; k < 4; k++)
		jz_cli_cell(head[k], width[k]);
	puts("状态");
	for (int i = 0; i < n && i < 200; i++) {
		char masked[19] = "";
		if (ops[i].id_number[0])
			jz_id_mask(ops[i].id_number, masked);
		char state[64];
		if (ops[i].disabled)
			snprintf(state, sizeof state, "停用");
		else if (ops[i].locked_until[0])
			snprintf(state, sizeof state, "锁定到 %.10s %.5s", ops[i].locked_until, ops[i].locked_until + 11);
		else
			snprintf(state, sizeof state, "在用");
		const char *cell[] = {ops[i].login, ops[i].name, ops[i].roles, masked[0] ? masked : "-"};
		for (int k = 0; k < 4; k++)
			jz_cli_cell(cell[k], width[k]);
		puts(state);
	}
	return 0;
}

/* Parses LOGIN and options, signs in with --as; runs fn. */
struct args {
	const char *as, *name, *roles, *id_number, *reason;
	const char *login;
};

static int parse(jz_cli *c, struct args *a, jz_session *s, jz_err *e)
{
	const char *pos[1] = {NULL};
	jz_opt opts[] = {{"--as", &a->as, NULL}, {"--name", &a->name, NULL}, {"--roles", &a->roles, NULL},
		{"--id-number", &a->id_number, NULL}, {"--reason", &a->reason, NULL}, {0}};
	jz_cli sub = jz_cli_sub(c);
	int npos = jz_cli_parse(&sub, opts, pos, 1, e);
	if (npos < 0)
		return -1;
	if (npos != 1)
		return jz_fail(e, JZ_EUSER, "要写明操作员的登录名，例如：jiuzhu operator %s zhangsan --as admin", c->argv[1]);
	a->login = pos[0];
	return jz_cli_session(c, a->as, s, e);
}

static int cmd_write(jz_cli *c, const char *w)
{
	struct args a = {0};
	jz_session s = {0};
	jz_err e = {0};
	char pw[256] = "";
	int rc = -1;
	if (parse(c, &a, &s, &e))
		return jz_cli_report(&e);
	if (!strcmp(w, "add")) {
		if (!a.roles)
			jz_fail(&e, JZ_EUSER, "新增操作员要写 --roles（经办、审核、审批、管理员，用逗号分隔）");
		else if (!new_password(a.login, pw, sizeof pw, &e))
			rc = jz_operator_create(&s, a.login, a.name ? a.name : a.login, a.roles, a.id_number, pw, &e);
	} else if (!strcmp(w, "passwd")) {
		if (!new_password(a.login, pw, sizeof pw, &e))
			rc = jz_operator_passwd(&s, a.login, pw, &e);
	} else if (!strcmp(w, "set")) {
		rc = jz_operator_set(&s, a.login, a.name, a.roles, a.id_number, &e);
	} else if (!strcmp(w, "disable") || !strcmp(w, "enable")) {
		rc = jz_operator_disable(&s, a.login, !strcmp(w, "disable"), a.reason, &e);
	} else {
		rc = jz_operator_unlock(&s, a.login, &e);
	}
	sodium_memzero(pw, sizeof pw);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	static const char *const done[][2] = {{"add", "已新增操作员"}, {"passwd", "已修改密码："},
		{"set", "已修改操作员"}, {"disable", "已停用操作员"}, {"enable", "已启用操作员"},
		{"unlock", "已解锁操作员"}};
	for (size_t i = 0; i < sizeof done / sizeof done[0]; i++)
		if (!strcmp(w, done[i][0]))
			printf("%s %s\n", done[i][1], a.login);
	return 0;
}

int jz_cmd_operator(jz_cli *c)
{
	const char *w = c->argc >= 2 ? c->argv[1] : "";
	if (!strcmp(w, "list"))
		return cmd_list(c);
	static const char *const writes[] = {"add", "passwd", "set", "disable", "enable", "unlock"};
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++)
		if (!strcmp(w, writes[i]))
			return cmd_write(c, w);
	return usage();
}
