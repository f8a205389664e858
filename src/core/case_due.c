/* case_due.c — what a case waits for (see case_due.h). */
#include "core/case_due.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"

static int has_role(const jz_operator *op, const char *role)
{
	return op && role && (strstr(op->roles, role) || strstr(op->roles, "管理员"));
}

struct out {
	struct jz_case_due *v;
	int n, max;
};

static struct jz_case_due *add(struct out *o, const char *kind, int urgent, const char *due)
{
	if (o->n >= o->max)
		return NULL;
	struct jz_case_due *d = &o->v[o->n++];
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->urgent = urgent;
	snprintf(d->due, sizeof d->due, "%s", due ? due : "");
	return d;
}

static void deadlines(const jz_case *c, const char *today, struct out *o)
{
	struct jz_case_due *d;
	char month[8];
	jz_month_of(today, month);
	if (!strcmp(c->state, "受理") && strcmp(today, c->investigate_due) > 0 &&
	    (d = add(o, "调查超期", 1, c->investigate_due)))
		snprintf(d->text, sizeof d->text, "%s 入户调查已过期限 %s", c->number, c->investigate_due);
	if (!strcmp(c->state, "公示") && strcmp(today, c->notice_to) > 0 &&
	    (d = add(o, "公示期满", 0, c->notice_to)))
		snprintf(d->text, sizeof d->text, "%s 公示已于 %s 结束，可以审批", c->number, c->notice_to);
	if (!strcmp(c->state, "在保") && *c->review_due && strcmp(c->review_due, today) <= 0 &&
	    (d = add(o, "复核到期", 1, c->review_due)))
		snprintf(d->text, sizeof d->text, "%s %s复核到期（%s）", c->number, c->programme, c->review_due);
	if (!strcmp(c->state, "渐退") && !strcmp(c->grace_until, month) &&
	    (d = add(o, "渐退到期", 0, c->grace_until)))
		snprintf(d->text, sizeof d->text, "%s 渐退期本月（%s）结束，下月起自动退出", c->number, c->grace_until);
	if (c->province_pending && (d = add(o, "省系统", 0, NULL)))
		snprintf(d->text, sizeof d->text, "%s 的%s还没有录入省救助信息系统", c->number,
			 !strcmp(c->state, "退出") ? "退出" : "审批或变更");
}

int jz_case_dues(const jz_case *c, const jz_operator *op, int democratic, const char *today,
		 struct jz_case_due *outv, int max)
{
	struct out o = {outv, 0, max};
	const char *role;
	const char *step = jz_case_next_step(c, democratic, &role);
	if (step && strcmp(step, "复核") && has_role(op, role)) {
		struct jz_case_due *d = add(&o, "待办", 0, NULL);
		if (d) {
			d->mine = 1;
			snprintf(d->text, sizeof d->text, "%s %s申请等待「%s」", c->number, c->programme, step);
		}
	}
	deadlines(c, today, &o);
	return o.n;
}
