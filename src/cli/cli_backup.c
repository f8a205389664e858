/* cli_backup.c — `jiuzhu backup [FILE|FOLDER] [--list]` and
 * `jiuzhu restore FILE --as 管理员`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "core/operator.h"
#include "core/record.h"

static int list(jz_db *db)
{
	char v[64][4096], why[512];
	int n = jz_backup_list(jz_db_path(db), v, 64);
	if (n == 0)
		printf("还没有备份（备份文件夹：");
	for (int i = 0; i < n; i++) {
		struct jz_file_info fi;
		int good = jz_store_file_info(v[i], &fi, why, sizeof why) == 1;
		if (good)
			printf("%s  %s，%lld 条操作记录，最后一条 %s\n", v[i], fi.township, fi.events, fi.last_event);
		else
			printf("%s  不能用：%s\n", v[i], why);
	}
	if (n == 0) {
		char dir[4096];
		jz_backup_dir(jz_db_path(db), dir, sizeof dir);
		printf("%s）\n", dir);
	}
	return 0;
}

int jz_cmd_backup(jz_cli *c)
{
	int want_list = 0;
	const char *pos[1] = {NULL};
	jz_opt opts[] = {{"--list", NULL, &want_list}, {0}};
	jz_err e = {0};
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	if (!db)
		return jz_cli_report(&e);
	if (want_list) {
		list(db);
		jz_db_close(db);
		return 0;
	}
	char out[4400];
	int rc = jz_backup_make(db, pos[0], out, sizeof out, NULL, NULL, &e);
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("已备份到 %s\n", out);
	return 0;
}

/* Who restores: an 管理员 of the current file, or of the backup when the
 * current file cannot be opened any more. */
static int authorize(jz_cli *c, const char *as, const char *file, jz_err *e)
{
	jz_session s = {0};
	jz_err first = {0};
	if (!as || !*as)
		return jz_fail(e, JZ_EUSER, "恢复备份要由管理员办理：加上 --as 登录名");
	if (jz_cli_session(c, as, &s, &first) == 0) {
		int admin = jz_session_has_role(&s, "管理员");
		jz_db_close(s.db);
		return admin ? 0 : jz_fail(e, JZ_EUSER, "只有管理员可以恢复备份（%s 不是管理员）", as);
	}
	if (first.code == JZ_EUSER && !strstr(first.msg, "找不到数据库文件")) {
		*e = first;
		return -1;
	}
	/* The current file is damaged or gone: check the password in the backup. */
	char pw[256];
	s.db = jz_db_open(file, JZ_OPEN_READONLY, e);
	if (!s.db)
		return -1;
	int rc = jz_cli_password("管理员密码：", 0, pw, sizeof pw, e) || jz_sign_in(&s, as, pw, e) ? -1 : 0;
	if (rc == 0 && !jz_session_has_role(&s, "管理员"))
		rc = jz_fail(e, JZ_EUSER, "只有管理员可以恢复备份（%s 不是管理员）", as);
	jz_db_close(s.db);
	return rc;
}

int jz_cmd_restore(jz_cli *c)
{
	const char *as = NULL, *pos[1] = {NULL};
	jz_opt opts[] = {{"--as", &as, NULL}, {0}};
	jz_err e = {0};
	char path[4096], aside[4400];
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 1) {
		fputs("用法：jiuzhu restore 备份文件 --as 管理员（jiuzhu backup --list 列出备份）\n", stderr);
		return 1;
	}
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, &e) || authorize(c, as, pos[0], &e) ||
	    jz_restore_file(path, pos[0], aside, sizeof aside, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, &e);
	if (!db)
		return jz_cli_report(&e);
	jz_change ch;
	jz_change_init(&ch, "db.restore", "database", "从备份恢复");
	jz_diff_text(&ch, "备份文件", NULL, pos[0]);
	jz_diff_text(&ch, "原文件移到", NULL, aside);
	int rc = jz_tx_begin(db, &e) || jz_record_as(db, as, &ch, &e) || jz_tx_commit(db, &e);
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("已从 %s 恢复。原来的数据文件保留在 %s\n", pos[0], aside);
	return 0;
}
