/* case_step.c — the workflow of a case, one step at a time:
 *   受理 → 入户调查 → (民主评议) → 乡镇审核 → 公示 → 审批 → 在保
 * Each step has its role; refusal at any step ends the case as 不予 with
 * its reason. 公示 cannot be skipped or shortened. Whoever accepted a case
 * never approves it, nor does anyone approve his own household or one on
 * the 近亲属备案 list against him. */
#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_util.h"
#include "core/clock.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"

const char *jz_case_next_step(const jz_case *c, int democratic, const char **role)
{
	static const struct {
		const char *state, *step, *role;
	} next[] = {
		{"受理", "入户调查", "经办"}, {"评议", "乡镇审核", "审核"}, {"审核", "公示", "经办"},
		{"公示", "审批", "审批"},     {"在保", "复核", "经办"},     {"渐退", "复核", "经办"},
	};
	if (!strcmp(c->state, "调查")) {
		*role = democratic ? "经办" : "审核";
		return democratic ? "民主评议" : "乡镇审核";
	}
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++)
		if (!strcmp(c->state, next[i].state)) {
			*role = next[i].role;
			return next[i].step;
		}
	*role = NULL;
	return NULL;
}

static void set_state(jz_case *c, const char *state)
{
	snprintf(c->state, sizeof c->state, "%s", state);
}

static int refuse(jz_session *s, jz_case *c, const char *step, const struct jz_step *st, jz_err *e)
{
	char why[300];
	if (!st->note || !*st->note)
		return jz_fail(e, JZ_EUSER, "不通过要写明理由（例如：家庭人均收入超过低保标准）");
	snprintf(c->refused_reason, sizeof c->refused_reason, "%s", st->note);
	snprintf(why, sizeof why, "%s不通过：%s", step, st->note);
	set_state(c, "不予");
	return jz_store_case_update(s->db, c, e) || jz_case_record(s, c, "case.refuse", why, st->note, e);
}

static int investigate(jz_session *s, jz_case *c, const struct jz_step *st, const char *today)
{
	memcpy(c->investigated_on, today, sizeof c->investigated_on);
	snprintf(c->investigators, sizeof c->investigators, "%s",
		 st->investigators && *st->investigators ? st->investigators : s->op.name);
	if (st->note && *st->note) { /* facts carried over (from 临时救助) stay */
		char all[3 * sizeof c->findings];
		snprintf(all, sizeof all, "%s%s%.*s", c->findings, *c->findings ? "；" : "",
			 (int)sizeof c->findings, st->note);
		size_t len = strlen(all);
		if (len >= sizeof c->findings) { /* cut on a character boundary */
			len = sizeof c->findings - 1;
			while (len > 0 && ((unsigned char)all[len] & 0xC0) == 0x80)
				len--;
		}
		memcpy(c->findings, all, len);
		c->findings[len] = '\0';
	}
	set_state(c, "调查");
	return 0;
}

/* 公示 starts only for a case the means test finds eligible. */
static int start_notice(jz_session *s, jz_case *c, const char *today, jz_err *e)
{
	struct jz_case_means cm;
	long long days;
	char month[8];
	jz_month_of(today, month);
	if (jz_case_calc(s->db, c, month, &cm, e))
		return -1;
	if (!cm.r.eligible)
		return jz_fail(e, JZ_EUSER, "按家庭经济状况核算不符合条件：%s。请选「不通过」并写明理由",
			       cm.r.refusal[0] ? cm.r.refusal : "不符合");
	if (jz_setting_int(s->db, "case.notice_days", "*", today, &days, e))
		return -1;
	memcpy(c->notice_from, today, sizeof c->notice_from);
	jz_days_to_date(jz_date_to_days(today) + days - 1, c->notice_to);
	set_state(c, "公示");
	return 0;
}

/* Separation of duties for the approver. */
static int may_approve(jz_session *s, const jz_case *c, jz_err *e)
{
	char who[96];
	jz_person self;
	if (!strcmp(c->accepted_by, s->op.login))
		return jz_fail(e, JZ_EUSER, "审批被拒绝：受理人不能审批自己受理的案件（%s 由 %s 受理）。请由其他审批人审批",
			       c->number, c->accepted_by);
	if (*s->op.id_number && jz_store_person_by_idno(s->db, s->op.id_number, &self, e) > 0 &&
	    self.household_id == c->household_id)
		return jz_fail(e, JZ_EUSER, "审批被拒绝：不能审批本人家庭的案件（%s）", c->number);
	int r = jz_store_relative_of(s->db, c->household_id, s->op.login, s->op.name, who, sizeof who, e);
	if (r < 0)
		return -1;
	if (r)
		return jz_fail(e, JZ_EUSER, "审批被拒绝：%s 在近亲属备案名单上，是 %s 的近亲属，应当回避（%s）",
			       who, s->op.name, c->number);
	return 0;
}

static int county_record(jz_session *s, jz_case *c, const struct jz_step *st, const char *today,
			 jz_err *e)
{
	long long county;
	if (jz_setting_int(s->db, "case.county_approves", "*", today, &county, e))
		return -1;
	if (!county)
		return 0;
	if (!st->county_doc || !*st->county_doc || !st->county_date || !jz_date_valid(st->county_date))
		return jz_fail(e, JZ_EUSER, "本县由县民政局审批：请填写县里的审批文号和日期（--doc 文号 --doc-date YYYY-MM-DD）");
	if (strcmp(st->county_date, today) > 0)
		return jz_fail(e, JZ_EUSER, "县审批日期 %s 在今天之后，请核对", st->county_date);
	snprintf(c->county_doc, sizeof c->county_doc, "%s", st->county_doc);
	snprintf(c->county_date, sizeof c->county_date, "%s", st->county_date);
	return 0;
}

static int approve(jz_session *s, jz_case *c, const struct jz_step *st, const char *today, jz_err *e)
{
	struct jz_case_means cm;
	if (strcmp(today, c->notice_to) <= 0)
		return jz_fail(e, JZ_EUSER, "公示到 %s 才结束，不能提前审批（公示期不能缩短）", c->notice_to);
	if (may_approve(s, c, e) || county_record(s, c, st, today, e))
		return -1;
	memcpy(c->approved_on, today, sizeof c->approved_on);
	snprintf(c->approved_by, sizeof c->approved_by, "%s", s->op.login);
	jz_month_add(today, 1, c->start_month); /* paid from the month after approval */
	if (jz_case_calc(s->db, c, c->start_month, &cm, e))
		return -1;
	if (!cm.r.eligible)
		return jz_fail(e, JZ_EUSER, "按 %s 的标准核算已不符合条件：%s", c->start_month, cm.r.refusal);
	if (jz_case_check_supplements(c, &cm, e) ||
	    jz_case_fix_amount(s->db, c, c->start_month, &cm, "审批", e) ||
	    jz_case_review_due(s->db, c, today, c->review_due, e))
		return -1;
	c->province_pending = 1;
	set_state(c, "在保");
	return 0;
}

static int forward(jz_session *s, jz_case *c, const char *step, const struct jz_step *st,
		   const char *today, jz_err *e)
{
	if (!strcmp(step, "入户调查"))
		return investigate(s, c, st, today);
	if (!strcmp(step, "民主评议")) {
		set_state(c, "评议");
		return 0;
	}
	if (!strcmp(step, "乡镇审核")) {
		set_state(c, "审核");
		return 0;
	}
	if (!strcmp(step, "公示"))
		return start_notice(s, c, today, e);
	return approve(s, c, st, today, e);
}

int jz_case_step(jz_session *s, jz_rowid case_id, const struct jz_step *st, jz_err *e)
{
	jz_case c;
	long long democratic;
	char today[11], what[300];
	const char *role;
	jz_today(today);
	if (jz_case_get(s->db, case_id, &c, e) ||
	    jz_setting_int(s->db, "case.democratic_review", "*", today, &democratic, e))
		return -1;
	const char *step = jz_case_next_step(&c, (int)democratic, &role);
	if (!step || !strcmp(step, "复核"))
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，%s", c.number, c.state,
			       step ? "请用复核（case review）办理" : "已经结束，没有下一步");
	if (jz_case_need_role(s, role, step, e) || jz_tx_begin(s->db, e))
		return -1;
	if (st->refuse) {
		/* deciding against a case is deciding it: the same duties apply */
		if ((!strcmp(step, "审批") && may_approve(s, &c, e)) || refuse(s, &c, step, st, e))
			goto fail;
		return jz_tx_commit(s->db, e);
	}
	if (forward(s, &c, step, st, today, e) || jz_store_case_update(s->db, &c, e))
		goto fail;
	snprintf(what, sizeof what, "%s通过%s%s", step, st->note && *st->note ? "：" : "", st->note ? st->note : "");
	if (jz_case_record(s, &c, "case.step", what, step, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
