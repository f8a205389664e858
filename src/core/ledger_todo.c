/* ledger_todo.c — the ledgers' items on the to-do list (see ledger_todo.h). */
#include "core/ledger_todo.h"

#include <stdio.h>
#include <string.h>

#include "core/ledger.h"
#include "core/settings.h"

struct out {
	struct jz_todo *t;
	int max, n;
};

static void add(struct out *o, const struct jz_todo *t)
{
	if (o->n < o->max)
		o->t[o->n] = *t;
	o->n++;
}

/* The tekun ledger's rows in state (探访超期 or 缺协议). */
static int tekun(jz_db *db, const char *today, const char *state, struct out *o, jz_err *e)
{
	struct jz_ledger_table t = {0};
	struct jz_ledger_filter f = {0};
	snprintf(f.state, sizeof f.state, "%s", state);
	if (jz_ledger_load(db, jz_ledger_find("tekun", e), &f, today, &t, e))
		return -1;
	int overdue = !strcmp(state, "探访超期");
	for (int i = 0; i < t.n; i++) {
		char **c = t.rows[i].cell; /* 案件 姓名 身份证 村 自理 协议 照料人 上次 应探访 */
		struct jz_todo td = {.kind = overdue ? "探访" : "照料", .urgent = overdue,
				     .household_id = t.rows[i].household_id, .case_id = t.rows[i].id};
		if (overdue)
			snprintf(td.text, sizeof td.text, "特困 %s（%s %s）应于 %s 前探访%s%s", c[1], c[3], c[0], c[8],
				 c[7][0] ? "，上次 " : "，尚未探访", c[7]);
		else
			snprintf(td.text, sizeof td.text, "特困 %s（%s %s，%s）没有照料护理协议", c[1], c[3], c[0], c[4]);
		snprintf(td.due, sizeof td.due, "%s", overdue ? c[8] : "");
		add(o, &td);
	}
	jz_ledger_free(&t);
	return 0;
}

static int survey(jz_db *db, const char *today, struct out *o, jz_err *e)
{
	long long due_day = 0;
	if (jz_setting_int(db, "survey.due_day", "*", today, &due_day, e))
		return -1;
	int day = 0;
	sscanf(today + 8, "%d", &day);
	if (day <= due_day)
		return 0;
	struct jz_ledger_table t = {0};
	struct jz_ledger_filter f = {0};
	snprintf(f.from, sizeof f.from, "%.7s", today);
	snprintf(f.to, sizeof f.to, "%.7s", today);
	snprintf(f.state, sizeof f.state, "未报送");
	if (jz_ledger_load(db, jz_ledger_find("survey", e), &f, today, &t, e))
		return -1;
	for (int i = 0; i < t.n; i++) {
		struct jz_todo td = {.kind = "摸排", .urgent = 1};
		snprintf(td.text, sizeof td.text, "%s 未报送 %.7s 困难群众摸排表（每月 %lld 日截止）",
			 t.rows[i].cell[0], today, due_day);
		char due[32];
		snprintf(due, sizeof due, "%.7s-%02d", today, (int)(due_day % 100));
		memcpy(td.due, due, 10);
		td.due[10] = '\0';
		add(o, &td);
	}
	jz_ledger_free(&t);
	return 0;
}

int jz_ledger_todos(jz_db *db, const char *today, struct jz_todo *out, int max, jz_err *e)
{
	struct out o = {out, max, 0};
	if (tekun(db, today, "探访超期", &o, e) || tekun(db, today, "缺协议", &o, e) || survey(db, today, &o, e))
		return -1;
	return o.n;
}
