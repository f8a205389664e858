/* case_util.c — role checks and events of cases (see case_util.h). */
#include "core/case_util.h"

#include <stdio.h>
#include <string.h>

#include "core/record.h"

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
