/* todo.c — the to-do list and the report deadline (see todo.h). */
#include "core/todo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/aid.h"
#include "core/case_due.h"
#include "core/finding.h"
#include "core/fund.h"
#include "core/ledger_todo.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"
#include "store/figures_store.h"
#include "store/township_store.h"

void jz_report_deadline(const char *today, struct jz_deadline *dl)
{
	snprintf(dl->due, sizeof dl->due, "%.7s-15", today);
	/* The report due on the 15th covers the month before. */
	int y = 0, m = 0;
	sscanf(today, "%d-%d", &y, &m);
	if (--m == 0) {
		m = 12;
		y--;
	}
	char month[32];
	snprintf(month, sizeof month, "%04d-%02d", y % 10000, m % 100);
	memcpy(dl->month, month, 7);
	dl->month[7] = '\0';
	dl->days_left = (int)(jz_date_to_days(dl->due) - jz_date_to_days(today));
	dl->warn = dl->days_left <= 3;
}

int jz_report_deadline_db(jz_db *db, const char *today, struct jz_deadline *dl, jz_err *e)
{
	char buf[32], month[8], next[8];
	long long day = 15;
	struct jz_report_month rm;
	int got = jz_store_setting_get(db, "report.due_day", "*", today, buf, sizeof buf, e);
	if (got < 0)
		return -1;
	if (got > 0)
		day = strtoll(buf, NULL, 10);
	if (day < 1 || day > 28)
		day = 15;
	jz_month_of(today, month);
	jz_month_add(month, -1, dl->month);
	snprintf(dl->due, sizeof dl->due, "%s-%02lld", month, day);
	if (jz_store_report_month_get(db, dl->month, &rm, e) < 0)
		return -1;
	if (*rm.submitted_on) { /* done: the current month is next, due next month */
		jz_month_add(month, 1, next);
		memcpy(dl->month, month, sizeof dl->month);
		snprintf(dl->due, sizeof dl->due, "%s-%02lld", next, day);
	}
	dl->days_left = (int)(jz_date_to_days(dl->due) - jz_date_to_days(today));
	dl->warn = dl->days_left <= 3;
	return 0;
}

struct collect {
	struct jz_todo *out;
	int max, n;
};

static void add(struct collect *c, const struct jz_todo *t)
{
	if (c->n < c->max)
		c->out[c->n] = *t;
	c->n++;
}

static int deadline_item(jz_db *db, struct collect *c, const char *today, jz_err *e)
{
	struct jz_deadline dl;
	if (jz_report_deadline_db(db, today, &dl, e))
		return -1;
	if (!dl.warn)
		return 0;
	struct jz_todo t = {.kind = "月报", .urgent = 1};
	if (dl.days_left >= 0)
		snprintf(t.text, sizeof t.text, "%s 月报 %s 截止，还有 %d 天", dl.month, dl.due, dl.days_left);
	else
		snprintf(t.text, sizeof t.text, "%s 月报已过 %s 截止 %d 天，请尽快报送", dl.month, dl.due, -dl.days_left);
	memcpy(t.due, dl.due, sizeof t.due);
	add(c, &t);
	return 0;
}

static int dead_head(const jz_household *h, const jz_person *p, void *arg)
{
	struct jz_todo t = {.kind = "户主", .household_id = h->id};
	snprintf(t.text, sizeof t.text, "户编号 %s：户主%s已于 %s 死亡，请变更户主", h->number, p->name,
		 p->deceased_on);
	add(arg, &t);
	return 0;
}

struct case_walk {
	struct collect *c;
	const jz_operator *op;
	const char *today;
	int democratic;
};

/* Steps waiting for the operator's role, deadlines passed, 公示 ended,
 * reviews due, 渐退 ending, changes not typed into the provincial system. */
static int case_items(const jz_case *cs, void *arg)
{
	struct case_walk *w = arg;
	struct jz_case_due d[8];
	int n = jz_case_dues(cs, w->op, w->democratic, w->today, d, 8);
	for (int i = 0; i < n; i++) {
		struct jz_todo t = {.kind = d[i].kind, .urgent = d[i].urgent, .household_id = cs->household_id,
				    .case_id = cs->id};
		snprintf(t.text, sizeof t.text, "%s", d[i].text);
		snprintf(t.due, sizeof t.due, "%s", d[i].due);
		add(w->c, &t);
	}
	return 0;
}

/* 临时救助: steps for my role, paperwork of 先行 cases (red once overdue),
 * county records, money not paid yet, stages due. */
static int aid_items(jz_db *db, const jz_operator *op, const char *today, struct collect *c, jz_err *e)
{
	struct jz_aid_due d[64];
	int n = jz_aid_dues(db, today, d, 64, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n && i < 64; i++) {
		if (!strcmp(d[i].kind, "待办") && op && d[i].role && !strstr(op->roles, d[i].role) &&
		    !strstr(op->roles, "管理员"))
			continue; /* a step for another role */
		struct jz_todo t = {.kind = d[i].kind, .urgent = d[i].urgent, .household_id = d[i].household_id,
				    .aid_case_id = d[i].aid_case_id};
		snprintf(t.text, sizeof t.text, "%s", d[i].text);
		snprintf(t.due, sizeof t.due, "%s", d[i].due);
		add(c, &t);
	}
	return 0;
}

static int fund_item(jz_db *db, const char *today, struct collect *c, jz_err *e)
{
	long long balance, limit;
	char a[32], b[32];
	int low = jz_fund_low(db, today, &balance, &limit, e);
	if (low <= 0)
		return low;
	struct jz_todo t = {.kind = "备用金", .urgent = 1};
	jz_aid_yuan(balance, a, sizeof a);
	jz_aid_yuan(limit, b, sizeof b);
	snprintf(t.text, sizeof t.text, "临时救助备用金余额 %s 元，低于 %s 元，请向县民政局申请拨付", a, b);
	add(c, &t);
	return 0;
}

/* 数据比对: findings not yet worked (待核实, 已核实), one line. */
static int finding_item(jz_db *db, struct collect *c, jz_err *e)
{
	long long n = 0;
	if (jz_findings_open(db, &n, e))
		return -1;
	if (!n)
		return 0;
	struct jz_todo t = {.kind = "比对"};
	snprintf(t.text, sizeof t.text, "数据比对发现 %lld 条未办结，请核实处理（菜单：导入与比对）", n);
	add(c, &t);
	return 0;
}

/* The ledgers: 特困 visits overdue, care agreements missing, surveys not in. */
static int ledger_items(jz_db *db, const char *today, struct collect *c, jz_err *e)
{
	struct jz_todo t[64];
	int n = jz_ledger_todos(db, today, t, 64, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n && i < 64; i++)
		add(c, &t[i]);
	return 0;
}

int jz_todo_list(jz_db *db, const jz_operator *op, const char *today,
		 struct jz_todo *out, int max, jz_err *e)
{
	struct collect c = {out, max, 0};
	long long dem = 0;
	if (jz_setting_int(db, "case.democratic_review", "*", today, &dem, e))
		return -1;
	struct case_walk w = {&c, op, today, (int)dem};
	if (deadline_item(db, &c, today, e) || fund_item(db, today, &c, e) || aid_items(db, op, today, &c, e) ||
	    jz_store_cases(db, "", case_items, &w, e) || jz_store_dead_heads(db, dead_head, &c, e) ||
	    finding_item(db, &c, e) || ledger_items(db, today, &c, e))
		return -1;
	return c.n;
}
