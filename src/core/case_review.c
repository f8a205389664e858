/* case_review.c — a case in force: reviews (继续 / 调整 / 渐退 / 退出),
 * exits at once (death, fraud), the end of 渐退, and the note that a change
 * was typed into the provincial system. */
#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"

static int in_force(const jz_case *c, jz_err *e)
{
	if (!strcmp(c->state, "在保") || !strcmp(c->state, "渐退"))
		return 0;
	return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，不在保障中", c->number, c->state);
}

/* Who may get 渐退 is a setting: 建档立卡 households, rural ones, or both. */
static int grace_allowed(jz_db *db, const jz_case *c, const char *today, jz_err *e)
{
	jz_household h;
	long long jd, rural;
	if (jz_store_household_get(db, c->household_id, &h, e) < 0 ||
	    jz_setting_int(db, "case.grace_jiandang", "*", today, &jd, e) ||
	    jz_setting_int(db, "case.grace_rural", "*", today, &rural, e))
		return -1;
	if (strcmp(c->programme, "低保"))
		return jz_fail(e, JZ_EUSER, "只有低保可以渐退");
	if ((jd && h.jiandang) || (rural && !strcmp(c->area, "农村")))
		return 0;
	if (!jd && !rural)
		return jz_fail(e, JZ_EUSER, "按本县设置，不实行渐退（设置 case.grace_jiandang 和 case.grace_rural 都是 0），应直接退出");
	return jz_fail(e, JZ_EUSER, "按本县设置，渐退只适用于%s%s%s；户编号 %s 不符合，应直接退出",
		       jd ? "建档立卡户" : "", jd && rural ? "或" : "", rural ? "农村低保户" : "", h.number);
}

static int do_grace(jz_session *s, jz_case *c, const struct jz_review *r, const char *today,
		    const char *next, jz_err *e)
{
	long long pct;
	struct jz_case_amount a;
	const char *why = r->reason && *r->reason ? r->reason : "收入超标";
	if (jz_case_check_reason(s->db, 1, why, e))
		return -1;
	if (!strcmp(why, "死亡") || !strcmp(why, "骗保"))
		return jz_fail(e, JZ_EUSER, "%s应直接退出，不能渐退", why);
	if (r->grace_months < 3 || r->grace_months > 12)
		return jz_fail(e, JZ_EUSER, "渐退期应为 3 到 12 个月，现在是 %d", r->grace_months);
	if (grace_allowed(s->db, c, today, e) ||
	    jz_setting_int(s->db, "case.grace_amount_pct", "*", today, &pct, e))
		return -1;
	char this_month[8];
	jz_month_of(today, this_month);
	jz_month_add(this_month, r->grace_months, c->grace_until);
	snprintf(c->exit_reason, sizeof c->exit_reason, "%s", why);
	snprintf(c->state, sizeof c->state, "渐退");
	if (pct != 100 && jz_store_amount_in(s->db, c->id, next, &a, e) > 0) {
		snprintf(a.from_month, sizeof a.from_month, "%s", next);
		a.base_fen = a.base_fen * pct / 100;
		a.supplement_fen = a.supplement_fen * pct / 100;
		a.total_fen = a.base_fen + a.supplement_fen;
		snprintf(a.note, sizeof a.note, "渐退期按 %lld%% 发放", pct);
		c->province_pending = 1;
		return jz_store_amount_put(s->db, c->id, &a, e);
	}
	return 0;
}

static int end_case(jz_case *c, const char *reason, const char *date, const char *note)
{
	jz_month_of(date, c->end_month);
	snprintf(c->exit_reason, sizeof c->exit_reason, "%s", reason);
	snprintf(c->exit_note, sizeof c->exit_note, "%s", note ? note : "");
	snprintf(c->exit_on, sizeof c->exit_on, "%s", date);
	snprintf(c->state, sizeof c->state, "退出");
	c->province_pending = 1;
	return 0;
}

static int apply_review(jz_session *s, jz_case *c, const struct jz_review *r, const char *today,
			jz_err *e)
{
	struct jz_case_means res;
	char month[8], next[8];
	jz_month_of(today, month);
	jz_month_add(month, 1, next);
	if (!strcmp(r->result, "退出")) {
		if (jz_case_check_reason(s->db, 1, r->reason, e))
			return -1;
		return end_case(c, r->reason, today, r->note);
	}
	if (strcmp(c->state, "在保"))
		return jz_fail(e, JZ_EUSER, "渐退中的案件复核只能是「退出」");
	if (!strcmp(r->result, "渐退"))
		return do_grace(s, c, r, today, next, e);
	if (jz_case_calc(s->db, c, next, &res, e))
		return -1;
	if (strcmp(r->result, "继续") && strcmp(r->result, "调整"))
		return jz_fail(e, JZ_EUSER, "复核结果只能是 继续、调整、渐退 或 退出，现在是「%s」", r->result);
	if (!res.r.eligible)
		return jz_fail(e, JZ_EUSER, "复核核算已不符合条件（%s）：请选择渐退或退出", res.r.refusal);
	if (!strcmp(r->result, "继续")) {
		/* 继续 keeps the amount: only when the means test still gives it. */
		struct jz_case_amount a;
		int got = jz_store_amount_in(s->db, c->id, next, &a, e);
		if (got < 0)
			return -1;
		if (got && a.total_fen != res.r.total_fen)
			return jz_fail(e, JZ_EUSER, "按现在的家庭情况核算，从 %s 起每月应为 %lld.%02lld 元，与现在发放的 %lld.%02lld 元"
				       "不同：复核结果请选「调整」", next, res.r.total_fen / 100, res.r.total_fen % 100,
				       a.total_fen / 100, a.total_fen % 100);
		return jz_case_review_due(s->db, c, today, c->review_due, e);
	}
	c->province_pending = 1;
	return jz_case_fix_amount(s->db, c, next, &res, "复核调整", e) || jz_case_review_due(s->db, c, today, c->review_due, e);
}

int jz_case_review(jz_session *s, jz_rowid case_id, const struct jz_review *r, jz_err *e)
{
	jz_case c;
	char today[11], why[300];
	jz_today(today);
	if (!r->result)
		return jz_fail(e, JZ_EUSER, "请写明复核结果：继续、调整、渐退 或 退出");
	if (jz_case_need_role(s, "经办", "复核", e) || jz_case_get(s->db, case_id, &c, e) ||
	    in_force(&c, e) || jz_tx_begin(s->db, e))
		return -1;
	snprintf(why, sizeof why, "复核：%s%s%s", r->result, r->reason ? "，" : "", r->reason ? r->reason : "");
	if (apply_review(s, &c, r, today, e) || jz_store_case_update(s->db, &c, e) ||
	    jz_case_record(s, &c, "case.review", why, r->note, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_exit(jz_session *s, jz_rowid case_id, const char *reason, const char *date,
		 const char *note, jz_err *e)
{
	jz_case c;
	char today[11], why[300];
	jz_today(today);
	if (jz_case_check_reason(s->db, 1, reason, e))
		return -1;
	if (!date || !jz_date_valid(date) || strcmp(date, today) > 0)
		return jz_fail(e, JZ_EUSER, "退出日期「%s」不对：应为今天或以前的日期 YYYY-MM-DD", date ? date : "");
	if (jz_case_need_role(s, "经办", "退出", e) || jz_case_get(s->db, case_id, &c, e) ||
	    in_force(&c, e) || jz_tx_begin(s->db, e))
		return -1;
	snprintf(why, sizeof why, "退出：%s（%s）", reason, date);
	end_case(&c, reason, date, note);
	if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.exit", why, note, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_province_done(jz_session *s, jz_rowid case_id, jz_err *e)
{
	jz_case c;
	if (jz_case_need_role(s, "经办", "录入省救助信息系统", e) || jz_case_get(s->db, case_id, &c, e))
		return -1;
	if (!c.province_pending)
		return jz_fail(e, JZ_EUSER, "案件 %s 没有需要录入省系统的变动", c.number);
	jz_today(c.province_on);
	snprintf(c.province_by, sizeof c.province_by, "%s", s->op.login);
	c.province_pending = 0;
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_case_update(s->db, &c, e) ||
	    jz_case_record(s, &c, "case.province", "已录入省救助信息系统", NULL, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

struct ended {
	jz_rowid ids[512];
	int n;
	char month[8];
};

static int collect_ended(const jz_case *c, void *arg)
{
	struct ended *x = arg;
	if (*c->grace_until && strcmp(c->grace_until, x->month) < 0 && x->n < 512)
		x->ids[x->n++] = c->id;
	return 0;
}

int jz_case_housekeeping(jz_session *s, const char *today, jz_err *e)
{
	struct ended x = {.n = 0};
	jz_month_of(today, x.month);
	if (jz_store_cases(s->db, "渐退", collect_ended, &x, e))
		return -1;
	for (int i = 0; i < x.n; i++) {
		jz_case c;
		char last[11];
		if (jz_case_get(s->db, x.ids[i], &c, e) || jz_tx_begin(s->db, e))
			return -1;
		char why[64];
		jz_month_last_day(c.grace_until, last);
		snprintf(why, sizeof why, "%s", *c.exit_reason ? c.exit_reason : "收入超标");
		end_case(&c, why, last, "渐退期满");
		if (jz_store_case_update(s->db, &c, e) ||
		    jz_case_record(s, &c, "case.exit", "渐退期满自动退出", c.grace_until, e)) {
			jz_tx_rollback(s->db);
			return -1;
		}
		if (jz_tx_commit(s->db, e))
			return -1;
	}
	return x.n;
}

int jz_case_person_died(jz_session *s, jz_rowid person_id, const char *date, jz_err *e)
{
	jz_rowid ids[16];
	int nc = jz_store_cases_in_force_covering(s->db, person_id, ids, 16, e);
	if (nc < 0)
		return -1;
	for (int i = 0; i < nc; i++) {
		jz_case c;
		jz_rowid m[2];
		char why[200];
		if (jz_case_get(s->db, ids[i], &c, e))
			return -1;
		int alone = jz_store_case_members(s->db, c.id, m, 2, e) == 1;
		if (alone) { /* death ends the case at once, without 渐退 */
			end_case(&c, "死亡", date, "保障对象死亡");
			snprintf(why, sizeof why, "保障对象于 %s 死亡，案件退出", date);
		} else { /* the household's amount must be reviewed */
			memcpy(c.review_due, date, sizeof c.review_due);
			c.province_pending = 1;
			snprintf(why, sizeof why, "家庭成员于 %s 死亡，需要复核调整金额", date);
		}
		if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.death", why, date, e))
			return -1;
	}
	return nc;
}

int jz_case_household_changed(jz_session *s, jz_rowid hid, const char *what, jz_err *e)
{
	jz_rowid ids[32];
	char today[11], why[200];
	jz_today(today);
	int n = jz_store_cases_in_force_of_household(s->db, hid, ids, 32, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		jz_case c;
		if (jz_case_get(s->db, ids[i], &c, e))
			return -1;
		if (*c.review_due && strcmp(c.review_due, today) <= 0)
			continue; /* already due */
		memcpy(c.review_due, today, sizeof c.review_due);
		snprintf(why, sizeof why, "%s，需要复核保障金额", what);
		if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.flag", why, "", e))
			return -1;
	}
	return 0;
}
