/* cli_common.c — helpers every subcommand uses (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/operator.h"
#include "io/form_file.h"
#include "io/text.h"
#include "platform/platform.h"

int jz_cli_report(const jz_err *e)
{
	fprintf(stderr, "jiuzhu: %s\n", e->msg[0] ? e->msg : "未知错误");
	return e->code ? e->code : 2;
}

int jz_cli_interactive(void)
{
	return isatty(0) && isatty(1);
}

int jz_cli_db_path(const jz_cli *c, const char *file, int create, char *out, size_t n, jz_err *e)
{
	const char *env = getenv("JIUZHU_DB");
	if (c->db_path)
		snprintf(out, n, "%s", c->db_path);
	else if (env && *env)
		snprintf(out, n, "%s", env);
	else
		return jz_plat_data_path(file, create, out, n, e);
	return create ? jz_plat_mkdirs_for(out, e) : 0;
}

int jz_cli_password(const char *prompt, int confirm, char *out, size_t n, jz_err *e)
{
	const char *env = getenv("JIUZHU_PASSWORD");
	if (env) {
		snprintf(out, n, "%s", env);
		return 0;
	}
	if (!isatty(0) || jz_plat_read_hidden(prompt, out, n))
		return jz_fail(e, JZ_EUSER, "需要密码：请在终端上运行，或用环境变量 JIUZHU_PASSWORD 提供（不要写在命令行上）");
	if (confirm) {
		char again[256];
		jz_plat_read_hidden("再输入一次：", again, sizeof again);
		if (strcmp(again, out))
			return jz_fail(e, JZ_EUSER, "两次输入的密码不一样，请重新运行");
	}
	return 0;
}

int jz_cli_session(const jz_cli *c, const char *login, jz_session *s, jz_err *e)
{
	char path[4096], pw[256];
	if (!login || !*login)
		return jz_fail(e, JZ_EUSER, "修改数据要指明操作员：加上 --as 登录名");
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, e))
		return -1;
	s->db = jz_db_open(path, JZ_OPEN_EXISTING, e);
	if (!s->db)
		return -1;
	char prompt[128];
	snprintf(prompt, sizeof prompt, "操作员 %s 的密码：", login);
	if (jz_cli_password(prompt, 0, pw, sizeof pw, e) || jz_sign_in(s, login, pw, e)) {
		jz_db_close(s->db);
		s->db = NULL;
		return -1;
	}
	return 0;
}

static const jz_opt *find_opt(const jz_opt *opts, const char *arg, size_t len)
{
	for (; opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, arg, len) == 0)
			return opts;
	return NULL;
}

int jz_cli_parse(const jz_cli *c, const jz_opt *opts, const char **pos, int maxpos, jz_err *e)
{
	int npos = 0;
	for (int i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			if (npos >= maxpos)
				return jz_fail(e, JZ_EUSER, "多余的参数「%s」；用 jiuzhu %s --help 查看用法", a,
					       c->command ? c->command : c->argv[0]);
			pos[npos++] = a;
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t len = eq ? (size_t)(eq - a) : strlen(a);
		const jz_opt *o = find_opt(opts, a, len);
		if (!o)
			return jz_fail(e, JZ_EUSER, "不认识的选项「%s」；用 jiuzhu %s --help 查看用法", a,
				       c->command ? c->command : c->argv[0]);
		if (o->flag) {
			if (eq)
				return jz_fail(e, JZ_EUSER, "选项 %s 不带值", o->name);
			*o->flag = 1;
		} else if (eq)
			*o->val = eq + 1;
		else if (i + 1 < c->argc)
			*o->val = c->argv[++i];
		else
			return jz_fail(e, JZ_EUSER, "选项 %s 后面缺少值", o->name);
	}
	return npos;
}

int jz_cli_int(const char *opt, const char *v, long min, long max, long *out, jz_err *e)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max)
		return jz_fail(e, JZ_EUSER, "选项 %s 的值「%s」不对：应为 %ld 到 %ld 之间的整数", opt, v, min, max);
	*out = n;
	return 0;
}

int jz_cli_take_multi(jz_cli *c, const char *name, const char **vals, int max, jz_err *e)
{
	int n = 0, out = 1;
	for (int i = 1; i < c->argc; i++) {
		if (strcmp(c->argv[i], name)) {
			c->argv[out++] = c->argv[i];
			continue;
		}
		if (i + 1 >= c->argc)
			return jz_fail(e, JZ_EUSER, "选项 %s 后面缺少值", name);
		if (n == max)
			return jz_fail(e, JZ_EUSER, "选项 %s 最多只能给 %d 次", name, max);
		vals[n++] = c->argv[++i];
	}
	c->argc = out;
	return n;
}

int jz_cli_money(const char *opt, const char *v, long long *fen, jz_err *e)
{
	char msg[sizeof e->msg];
	if (jz_money_parse(v, fen, e) == 0)
		return 0;
	snprintf(msg, sizeof msg, "%s", e->msg);
	return jz_fail(e, JZ_EUSER, "选项 %s：%s", opt, msg);
}

jz_cli jz_cli_sub(const jz_cli *c)
{
	return (jz_cli){.argc = c->argc - 1, .argv = c->argv + 1, .db_path = c->db_path, .command = c->command};
}

jz_db *jz_cli_open(const jz_cli *c, jz_err *e)
{
	char path[4096];
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, e))
		return NULL;
	return jz_db_open(path, JZ_OPEN_EXISTING, e);
}

void jz_cli_cell(const char *s, int cols)
{
	int w = jz_str_width(s);
	fputs(s, stdout);
	for (; w < cols; w++)
		putchar(' ');
}
