/* case_util.c — role checks and events of cases (see case_util.h). */
#include "core/case_util.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/record.h"
#include "core/settings.h"
#include "store/people.h"

int jz_case_need_role(const jz_session *s, const char *role, const char *what, jz_err *e)
{
	if (jz_session_has_role(s, role))
		return 0;
	return jz_fail(e, JZ_EUSER, "「%s」要由有「%s」角色的操作员办理，%s（%s）没有这个角色",
		       what, role, s->op.name, s->op.login);
}

int jz_case_record(jz_session *s, const jz_case *c, const char *action, const char *why,
		   const char *detail, jz_err *e)
{
	jz_change ch;
	jz_change_init(&ch, action, "case", why);
	jz_diff_text(&ch, "案件", NULL, c->number);
	jz_diff_text(&ch, "项目", NULL, c->programme);
	jz_diff_text(&ch, "状态", NULL, c->state);
	if (detail && *detail)
		jz_diff_text(&ch, "内容", NULL, detail);
	ch.entity_id = c->id;
	ch.household_id = c->household_id;
	return jz_record(s, &ch, e);
}

int jz_case_editable(const jz_case *c, jz_err *e)
{
	static const char *const open[] = {"受理", "调查", "评议", "审核", "在保", "渐退", NULL};
	for (int i = 0; open[i]; i++)
		if (!strcmp(c->state, open[i]))
			return 0;
	return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，不能再修改核算数据", c->number, c->state);
}

static int unsteady(const jz_person *m, int n, const char *today)
{
	for (int i = 0; i < n; i++) {
		int age = jz_age_on(m[i].birth, today);
		if (!*m[i].deceased_on && age >= 18 && age < 60 && !strcmp(m[i].labour, "有劳动能力") &&
		    (!strcmp(m[i].employment, "外出务工") || !strcmp(m[i].employment, "灵活就业") ||
		     !strcmp(m[i].employment, "未登记失业")))
			return 1;
	}
	return 0;
}

int jz_case_review_due(jz_db *db, const jz_case *c, const char *today, char out[11], jz_err *e)
{
	jz_household h;
	jz_person m[32];
	long long months;
	const char *key = "case.review_months_other";
	int n = jz_store_members(db, c->household_id, m, 32, e);
	if (n < 0 || jz_store_household_get(db, c->household_id, &h, e) < 0)
		return -1;
	if (strcmp(c->programme, "低保") || h.no_labour)
		key = "case.review_months_stable";
	else if (unsteady(m, n < 32 ? n : 32, today))
		key = "case.review_months_unsteady";
	if (jz_setting_int(db, key, "*", today, &months, e))
		return -1;
	char month[8];
	jz_month_add(today, (int)months, month);
	jz_month_last_day(month, out);
	return 0;
}
