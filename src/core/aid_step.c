/* aid_step.c — the steps of a 临时救助 case (see aid.h):
 *   受理 → 入户调查 (经办) → 调查 → 乡镇审核 (审核) → 审核 → 审批 (审批) → 已审批
 * and, for an amount above the township's limit approved without it, the
 * county's decision recorded afterwards (县级审批). 不通过 ends the case as
 * 不予. The approver is never the acceptor, nor of the household, nor its
 * registered close relative; above the usual maximum a 一事一议 record is
 * required. */
#include <stdio.h>
#include <string.h>

#include "core/aid.h"
#include "core/clock.h"
#include "store/aid_store.h"
#include "store/case_store.h"
#include "store/people.h"

int jz_aid_needs_county(jz_db *db, const jz_aid *a, jz_err *e)
{
	long long limit, usual;
	if (!*a->approved_on)
		return 0;
	if (jz_aid_limits(db, a->approved_on, &limit, &usual, e))
		return -1;
	return a->approved_fen > limit;
}

const char *jz_aid_next_step(const jz_aid *a, const char **role)
{
	static const struct {
		const char *state, *step, *role;
	} next[] = {
		{"受理", "入户调查", "经办"},
		{"调查", "乡镇审核", "审核"},
		{"审核", "审批", "审批"},
	};
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++)
		if (!strcmp(a->state, next[i].state)) {
			*role = next[i].role;
			return next[i].step;
		}
	*role = NULL;
	return NULL;
}

static int refuse(jz_session *s, jz_aid *a, const char *step, const struct jz_aid_step *st, jz_err *e)
{
	char why[300], paid[32];
	if (!st->note || !*st->note)
		return jz_fail(e, JZ_EUSER, "不通过要写明理由（例如：经调查家庭有能力解决）");
	if (strlen(st->note) >= sizeof a->refused_reason)
		return jz_fail(e, JZ_EUSER, "理由太长，请精简");
	long long fen = jz_aid_paid(s->db, a->id, e);
	if (fen < 0)
		return -1;
	snprintf(a->refused_reason, sizeof a->refused_reason, "%s", st->note);
	snprintf(a->state, sizeof a->state, "不予");
	jz_aid_yuan(fen, paid, sizeof paid);
	snprintf(why, sizeof why, "%s不通过：%s%s%s%s", step, st->note, fen ? "（已先行发放 " : "", fen ? paid : "",
		 fen ? " 元，应按规定追回或说明）" : "");
	return jz_store_aid_update(s->db, a, e) || jz_aid_record(s, a, "aid.refuse", why, st->note, e);
}

/* Separation of duties for the approver (as for cases). */
static int may_approve(jz_session *s, const jz_aid *a, jz_err *e)
{
	char who[96];
	jz_person self;
	if (!strcmp(a->accepted_by, s->op.login))
		return jz_fail(e, JZ_EUSER, "审批被拒绝：受理人不能审批自己受理的案件（%s 由 %s 受理）。请由其他审批人审批",
			       a->number, a->accepted_by);
	if (!a->household_id)
		return 0;
	if (*s->op.id_number && jz_store_person_by_idno(s->db, s->op.id_number, &self, e) > 0 &&
	    self.household_id == a->household_id)
		return jz_fail(e, JZ_EUSER, "审批被拒绝：不能审批本人家庭的案件（%s）", a->number);
	int r = jz_store_relative_of(s->db, a->household_id, s->op.login, s->op.name, who, sizeof who, e);
	if (r < 0)
		return -1;
	if (r)
		return jz_fail(e, JZ_EUSER, "审批被拒绝：%s 在近亲属备案名单上，是 %s 的近亲属，应当回避（%s）", who,
			       s->op.name, a->number);
	return 0;
}

static int past_date(const char *what, const char *d, const char *today, jz_err *e)
{
	if (!d || !jz_date_valid(d))
		return jz_fail(e, JZ_EUSER, "%s「%s」不对，应写成 YYYY-MM-DD", what, d ? d : "");
	if (strcmp(d, today) > 0)
		return jz_fail(e, JZ_EUSER, "%s %s 在今天之后，请核对", what, d);
	return 0;
}

/* The county's decision: document number and date. */
static int county(jz_aid *a, const struct jz_aid_step *st, const char *today, jz_err *e)
{
	if (!st->county_doc || !*st->county_doc)
		return 0;
	if (strlen(st->county_doc) >= sizeof a->county_doc)
		return jz_fail(e, JZ_EUSER, "县审批文号太长，请核对");
	if (past_date("县审批日期", st->county_date, today, e))
		return -1;
	snprintf(a->county_doc, sizeof a->county_doc, "%s", st->county_doc);
	snprintf(a->county_date, sizeof a->county_date, "%s", st->county_date);
	return 0;
}

/* 一事一议 of the county's coordination mechanism. */
static int yishi(jz_aid *a, const struct jz_aid_step *st, long long usual, const char *today, jz_err *e)
{
	char x[32], u[32];
	int given = st->yishi_date && *st->yishi_date;
	if (!given && a->approved_fen <= usual)
		return 0;
	if (!given || !st->yishi_participants || !*st->yishi_participants || !st->yishi_reason ||
	    !*st->yishi_reason) {
		jz_aid_yuan(a->approved_fen, x, sizeof x);
		jz_aid_yuan(usual, u, sizeof u);
		return jz_fail(e, JZ_EUSER, "审批金额 %s 元超过临时救助一般最高金额 %s 元，须经县级困难群众基本生活保障"
			       "工作协调机制「一事一议」：请填写会议日期、参加人员和理由（--yishi-date --yishi-people "
			       "--yishi-reason）", x, u);
	}
	if (past_date("一事一议会议日期", st->yishi_date, today, e))
		return -1;
	if (strlen(st->yishi_participants) >= sizeof a->yishi_participants ||
	    strlen(st->yishi_reason) >= sizeof a->yishi_reason)
		return jz_fail(e, JZ_EUSER, "一事一议的参加人员或理由太长，请精简");
	snprintf(a->yishi_date, sizeof a->yishi_date, "%s", st->yishi_date);
	snprintf(a->yishi_participants, sizeof a->yishi_participants, "%s", st->yishi_participants);
	snprintf(a->yishi_reason, sizeof a->yishi_reason, "%s", st->yishi_reason);
	return 0;
}

static int approve(jz_session *s, jz_aid *a, const struct jz_aid_step *st, const char *today, jz_err *e)
{
	long long limit, usual, paid, planned;
	char x[32], y[32];
	if (may_approve(s, a, e) || jz_aid_limits(s->db, today, &limit, &usual, e) ||
	    jz_store_aid_sums(s->db, a->id, &paid, &planned, e))
		return -1;
	a->approved_fen = st->amount_fen ? st->amount_fen : a->asked_fen;
	if (a->approved_fen <= 0)
		return jz_fail(e, JZ_EUSER, "审批金额要大于 0");
	if (a->approved_fen < paid) {
		jz_aid_yuan(a->approved_fen, x, sizeof x);
		jz_aid_yuan(paid, y, sizeof y);
		return jz_fail(e, JZ_EUSER, "审批金额 %s 元少于已先行发放的 %s 元：多发的部分要先退回备用金，"
			       "或按已发金额审批", x, y);
	}
	if (yishi(a, st, usual, today, e) || county(a, st, today, e))
		return -1;
	memcpy(a->approved_on, today, sizeof a->approved_on);
	snprintf(a->approved_by, sizeof a->approved_by, "%s", s->op.login);
	snprintf(a->state, sizeof a->state, "%s", paid >= a->approved_fen ? "已救助" : "已审批");
	return 0;
}

/* 县级审批 recorded on an approved case above the township limit. */
static int county_step(jz_session *s, jz_aid *a, const struct jz_aid_step *st, const char *today,
		       jz_err *e)
{
	char line[160];
	int need = jz_aid_needs_county(s->db, a, e);
	if (need < 0)
		return -1;
	if (!need || *a->county_doc)
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，已经审批，没有下一步：发放用 aid pay，分期用 aid schedule",
			       a->number, a->state);
	if (st->refuse) { /* the county said no */
		if (jz_aid_need_role(s, "经办", "记录县级审批", e) || jz_tx_begin(s->db, e))
			return -1;
		if (refuse(s, a, "县级审批", st, e))
			goto fail;
		return jz_tx_commit(s->db, e);
	}
	if (!st->county_doc || !*st->county_doc)
		return jz_fail(e, JZ_EUSER, "案件 %s 超过乡镇审批额度，等待县民政局审批：请填写县里的审批文号和日期"
			       "（--doc 文号 --doc-date YYYY-MM-DD）", a->number);
	if (jz_aid_need_role(s, "经办", "记录县级审批", e) || jz_tx_begin(s->db, e))
		return -1;
	if (county(a, st, today, e) || jz_store_aid_update(s->db, a, e))
		goto fail;
	snprintf(line, sizeof line, "县审批文号 %s（%s）", a->county_doc, a->county_date);
	if (jz_aid_record(s, a, "aid.county", "县级审批", line, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

static int forward(jz_session *s, jz_aid *a, const char *step, const struct jz_aid_step *st,
		   const char *today, jz_err *e)
{
	if (!strcmp(step, "入户调查")) {
		if (st->note && strlen(st->note) >= sizeof a->findings)
			return jz_fail(e, JZ_EUSER, "调查情况太长，请精简");
		memcpy(a->investigated_on, today, sizeof a->investigated_on);
		snprintf(a->findings, sizeof a->findings, "%s", st->note ? st->note : "");
		snprintf(a->state, sizeof a->state, "调查");
		return 0;
	}
	if (!strcmp(step, "乡镇审核")) {
		memcpy(a->reviewed_on, today, sizeof a->reviewed_on);
		snprintf(a->reviewed_by, sizeof a->reviewed_by, "%s", s->op.login);
		snprintf(a->state, sizeof a->state, "审核");
		return 0;
	}
	return approve(s, a, st, today, e);
}

int jz_aid_step(jz_session *s, jz_rowid id, const struct jz_aid_step *st, jz_err *e)
{
	jz_aid a;
	char today[11], what[400], amount[32];
	const char *role;
	jz_today(today);
	if (jz_aid_get(s->db, id, &a, e))
		return -1;
	const char *step = jz_aid_next_step(&a, &role);
	if (!step && !strcmp(a.state, "已审批"))
		return county_step(s, &a, st, today, e);
	if (!step)
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，已经结束，没有下一步", a.number, a.state);
	if (jz_aid_need_role(s, role, step, e) || jz_tx_begin(s->db, e))
		return -1;
	if (st->refuse) {
		if ((!strcmp(step, "审批") && may_approve(s, &a, e)) || refuse(s, &a, step, st, e))
			goto fail;
		return jz_tx_commit(s->db, e);
	}
	if (forward(s, &a, step, st, today, e) || jz_store_aid_update(s->db, &a, e))
		goto fail;
	jz_aid_yuan(a.approved_fen, amount, sizeof amount);
	if (!strcmp(step, "审批"))
		snprintf(what, sizeof what, "审批通过，金额 %s 元%s%s%s%s", amount, *a.county_doc ? "，县审批文号 " : "",
			 a.county_doc, *a.yishi_date ? "，一事一议 " : "", a.yishi_date);
	else
		snprintf(what, sizeof what, "%s通过%s%s", step, st->note && *st->note ? "：" : "", st->note ? st->note : "");
	if (jz_aid_record(s, &a, "aid.step", what, step, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
