/* desk_safety.c — what the desk does so nothing is lost: the marker of an
 * open desk (a power cut leaves it behind), the check after such a start
 * with the offer of the newest good backup, the idle lock, and the daily
 * backup when the desk closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/check.h"
#include "core/clock.h"
#include "core/operator.h"
#include "core/record.h"
#include "core/search.h"
#include "core/settings.h"
#include "core/township.h"
#include "ui/desk.h"

void jz_desk_mark_open(jz_desk *d)
{
	char m[4200];
	jz_open_marker(jz_db_path(d->s.db), m, sizeof m);
	d->unclean = access(m, F_OK) == 0;
	FILE *f = fopen(m, "w");
	if (f) {
		fprintf(f, "%ld\n", (long)getpid());
		fclose(f);
	}
	jz_now(d->last_key_at);
}

struct first_problem {
	int n;
	char text[400];
};

static void keep_first(const char *kind, const char *where, const char *what, void *arg)
{
	struct first_problem *p = arg;
	if (p->n++ == 0)
		snprintf(p->text, sizeof p->text, "[%s] %s：%s", kind, where, what);
}

/* An 管理员 of the backup itself says yes: the current file is not trusted. */
static int admin_of(jz_desk *d, const char *file)
{
	char login[32], pw[256];
	jz_err e = {0};
	if (!jz_desk_prompt(d, "管理员登录名：", "", login, sizeof login) ||
	    !jz_desk_prompt_ex(d, "管理员密码：", "", pw, sizeof pw, 1))
		return 0;
	jz_session s = {.db = jz_db_open(file, JZ_OPEN_READONLY, &e)};
	int ok = s.db && jz_sign_in(&s, login, pw, &e) == 0 && jz_session_has_role(&s, "管理员");
	memset(pw, 0, sizeof pw);
	if (s.db && !e.msg[0] && !ok)
		jz_fail(&e, JZ_EUSER, "%s 不是管理员，不能恢复备份", login);
	jz_db_close(s.db);
	if (!ok)
		jz_desk_report(d, &e);
	else
		snprintf(d->s.op.login, sizeof d->s.op.login, "%s", login);
	return ok;
}

void jz_desk_restore(jz_desk *d, const char *file)
{
	char path[4096], aside[4400];
	jz_err e = {0};
	if (!admin_of(d, file))
		return;
	char who[32];
	snprintf(who, sizeof who, "%s", d->s.op.login);
	snprintf(path, sizeof path, "%s", jz_db_path(d->s.db));
	if (d->search) {
		jz_search_close(d->search);
		d->search = NULL;
	}
	jz_db_close(d->s.db);
	int rc = jz_restore_file(path, file, aside, sizeof aside, &e);
	d->s.db = jz_db_open(path, JZ_OPEN_EXISTING, rc ? NULL : &e);
	if (!rc && d->s.db) {
		jz_change ch;
		jz_change_init(&ch, "db.restore", "database", "工作台发现数据文件损坏，从备份恢复");
		jz_diff_text(&ch, "备份文件", NULL, file);
		jz_diff_text(&ch, "原文件移到", NULL, aside);
		if (jz_tx_begin(d->s.db, &e) || jz_record_as(d->s.db, who, &ch, &e) || jz_tx_commit(d->s.db, &e))
			rc = -1;
		jz_township_load(d->s.db, &d->town, &e);
	}
	memset(&d->s.op, 0, sizeof d->s.op);
	if (!d->s.db) { /* neither file opens: nothing more the desk can do */
		snprintf(d->close_note, sizeof d->close_note, "jiuzhu: %s\n", e.msg);
		d->quit = 1;
		return;
	}
	jz_push_signin_root(d);
	if (rc || !d->s.db)
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已从备份恢复，原来的数据文件保留为 %s。请重新登录，核对最近的录入", aside);
}

void jz_desk_after_start(jz_desk *d)
{
	if (!d->unclean)
		return;
	struct first_problem p = {0};
	jz_err e = {0};
	jz_desk_msg(d, 0, "上次工作台没有正常关闭（可能停电），正在检查数据文件……");
	jz_desk_draw_now(d);
	int n = jz_check_all(d->s.db, 1, keep_first, &p, &e);
	if (n == 0) {
		jz_desk_msg(d, 0, "上次工作台没有正常关闭，已检查数据文件：完好，所有已保存的内容都在");
		return;
	}
	char file[4096], q[1200];
	if (!jz_backup_newest_good(jz_db_path(d->s.db), file, sizeof file)) {
		jz_desk_msg(d, 1, "数据文件已损坏：%s。没有找到完好的备份：请停止录入，联系技术人员",
			    n < 0 ? e.msg : p.text);
		return;
	}
	snprintf(q, sizeof q, "数据文件已损坏！用最近的完好备份 %.300s 恢复？y 恢复 n 暂不",
		 strrchr(file, '/') ? strrchr(file, '/') + 1 : file);
	if (jz_desk_ask(d, q, "yn") == 'y')
		jz_desk_restore(d, file);
	else
		jz_desk_msg(d, 1, "数据文件已损坏（%.300s），暂未恢复。可退出后运行 jiuzhu restore %s --as 管理员",
			    n < 0 ? e.msg : p.text, file);
}

void jz_desk_idle_check(jz_desk *d)
{
	long long idle;
	char now[20];
	jz_err e;
	if (d->locked || !d->s.op.login[0])
		return;
	jz_now(now);
	if (jz_setting_int(d->s.db, "auth.idle_minutes", "*", d->today, &idle, &e) || idle <= 0)
		return;
	long m = jz_minutes_between(d->last_key_at, now);
	if (m >= idle)
		jz_push_lock(d, m);
}

void jz_desk_on_close(jz_desk *d)
{
	char out[4200], m[4200];
	jz_err e = {0};
	if (!d->s.db)
		return;
	jz_desk_msg(d, 0, "正在备份数据文件……");
	jz_desk_draw_now(d);
	int r = jz_backup_daily(d->s.db, out, sizeof out, &e);
	jz_open_marker(jz_db_path(d->s.db), m, sizeof m);
	unlink(m);
	if (r < 0)
		snprintf(d->close_note, sizeof d->close_note, "jiuzhu: 自动备份没有成功：%s\n", e.msg);
	else if (r > 0)
		snprintf(d->close_note, sizeof d->close_note, "已自动备份到 %s\n", out);
}
