/* ledger_write.c — watch lists, bed wishes, 收入已达标 and referral
 * outcomes (see ledger_write.h). */
#include "core/ledger_write.h"

#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/ledger_util.h"
#include "core/record.h"
#include "store/ledger_store_write.h"
#include "store/township_store.h"

/* Records c and commits; rolls back on failure. */
static int finish(jz_session *s, jz_change *c, jz_err *e)
{
	if (jz_record(s, c, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_watch_add(jz_session *s, const char *kind, const char *id_number, const char *name,
		 const char *village, const char *situation, const char *next_visit, jz_rowid *id, jz_err *e)
{
	struct jz_watch w = {0};
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记关注对象", e))
		return -1;
	if (!kind || (strcmp(kind, "潜在救助对象") && strcmp(kind, "低保边缘")))
		return jz_fail_field(e, JZ_EUSER, "kind", "关注类别「%s」不对，应为 潜在救助对象 或 低保边缘",
				     kind ? kind : "");
	snprintf(w.kind, sizeof w.kind, "%s", kind);
	snprintf(w.name, sizeof w.name, "%s", name ? name : "");
	snprintf(w.situation, sizeof w.situation, "%s", situation ? situation : "");
	snprintf(w.source, sizeof w.source, "手工");
	if (jz_ledger_idno(id_number, w.id_number, e) || jz_ledger_date("", "listed_on", "", w.listed_on, e) ||
	    jz_ledger_person(s->db, w.id_number, NULL, &w.household_id, w.name, sizeof w.name, w.village,
			     sizeof w.village, e))
		return -1;
	if (next_visit && next_visit[0]) {
		if (!jz_date_valid(next_visit))
			return jz_fail_field(e, JZ_EUSER, "next_visit", "下次走访日期「%s」不对，应写成 YYYY-MM-DD",
					     next_visit);
		snprintf(w.next_visit, sizeof w.next_visit, "%s", next_visit);
	}
	if (!w.name[0])
		return jz_fail_field(e, JZ_EUSER, "name", "身份证号 %s 不是本乡镇的人员，请填写姓名", w.id_number);
	if (!w.household_id) {
		jz_village v;
		int r = village && village[0] ? jz_store_village_by_name(s->db, village, &v, e) : 0;
		if (r <= 0)
			return r < 0 ? -1 : jz_fail_field(e, JZ_EUSER, "village", "请填写本乡镇的村（社区）：「%s」不对",
							  village ? village : "");
		snprintf(w.village, sizeof w.village, "%s", v.name);
	}
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_watch_insert(s->db, &w, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "watch.add", "watch", kind);
	c.entity_id = w.id;
	c.household_id = w.household_id;
	jz_diff_text(&c, "kind", "", w.kind);
	jz_diff_text(&c, "id_number", "", w.id_number);
	jz_diff_text(&c, "name", "", w.name);
	jz_diff_text(&c, "situation", "", w.situation);
	if (id)
		*id = w.id;
	return finish(s, &c, e);
}

int jz_watch_close(jz_session *s, jz_rowid id, const char *date, const char *reason, jz_err *e)
{
	struct jz_watch w;
	char day[11];
	jz_change c;
	if (jz_ledger_need_clerk(s, "关注对象销号", e) || jz_ledger_date(date, "closed_on", "销号日期", day, e))
		return -1;
	int r = jz_store_watch_get(s->db, id, &w, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的关注对象（由申请不予或测算得出的行不能销号）", id);
	if (w.closed_on[0])
		return jz_fail(e, JZ_EUSER, "%s 已于 %s 销号", w.name, w.closed_on);
	if (!reason || !reason[0])
		return jz_fail_field(e, JZ_EUSER, "close_reason", "请填写销号原因（例如：已纳入低保、收入好转）");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_watch_close(s->db, id, day, reason, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "watch.close", "watch", reason);
	c.entity_id = id;
	c.household_id = w.household_id;
	jz_diff_text(&c, "closed_on", "", day);
	jz_diff_text(&c, "close_reason", "", reason);
	return finish(s, &c, e);
}

int jz_bed_add(jz_session *s, const char *id_number, int wants, const char *preferred, const char *date,
	       const char *note, jz_rowid *id, jz_err *e)
{
	struct jz_bed b = {0};
	char idn[19], name[96] = "", village[96];
	jz_rowid hid;
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记集中供养意愿", e) || jz_ledger_idno(id_number, idn, e) ||
	    jz_ledger_date(date, "asked_on", "询问日期", b.asked_on, e) ||
	    jz_ledger_person(s->db, idn, &b.person_id, &hid, name, sizeof name, village, sizeof village, e))
		return -1;
	if (!b.person_id)
		return jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s 不是本乡镇的人员，请先在家庭档案中登记", idn);
	b.wants = wants != 0;
	snprintf(b.preferred, sizeof b.preferred, "%s", preferred ? preferred : "");
	snprintf(b.note, sizeof b.note, "%s", note ? note : "");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_bed_insert(s->db, &b, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "bed.add", "bed_wish", b.wants ? "愿意集中供养" : "不愿集中供养");
	c.entity_id = b.id;
	c.household_id = hid;
	jz_diff_text(&c, "person", "", name);
	jz_diff_int(&c, "wants", -1, b.wants);
	jz_diff_text(&c, "preferred", "", b.preferred);
	if (id)
		*id = b.id;
	return finish(s, &c, e);
}

int jz_bed_place(jz_session *s, jz_rowid id, const char *date, const char *where, jz_err *e)
{
	struct jz_bed b;
	char day[11];
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记安置", e) || jz_ledger_date(date, "placed_on", "安置日期", day, e))
		return -1;
	int r = jz_store_bed_get(s->db, id, &b, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的集中供养意愿", id);
	if (!b.wants)
		return jz_fail(e, JZ_EUSER, "意愿 %lld 登记为不愿集中供养，请先重新登记意愿", id);
	if (b.placed_on[0])
		return jz_fail(e, JZ_EUSER, "意愿 %lld 已于 %s 安置在%s", id, b.placed_on, b.placed_at);
	if (!where || !where[0])
		return jz_fail_field(e, JZ_EUSER, "placed_at", "请填写安置的供养机构");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_bed_place(s->db, id, day, where, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "bed.place", "bed_wish", "安置");
	c.entity_id = id;
	jz_diff_text(&c, "placed_on", "", day);
	jz_diff_text(&c, "placed_at", "", where);
	return finish(s, &c, e);
}

int jz_income_ok_add(jz_session *s, const char *id_number, long long per_capita_fen,
		     long long standard_fen, const char *reason, const char *date, jz_rowid *id, jz_err *e)
{
	struct jz_income_ok r = {0};
	char idn[19], name[96] = "", village[96];
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记收入已达标户", e) || jz_ledger_idno(id_number, idn, e) ||
	    jz_ledger_date(date, "found_on", "发现日期", r.found_on, e) ||
	    jz_ledger_person(s->db, idn, NULL, &r.household_id, name, sizeof name, village, sizeof village, e))
		return -1;
	if (!r.household_id)
		return jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s 不是本乡镇家庭的成员", idn);
	if (per_capita_fen < 0 || standard_fen < 0)
		return jz_fail_field(e, JZ_EUSER, "per_capita", "收入和标准不能是负数");
	if (!reason || !reason[0])
		return jz_fail_field(e, JZ_EUSER, "reason", "请填写收入达标的原因（例如：务工收入增加）");
	r.per_capita_fen = per_capita_fen;
	r.standard_fen = standard_fen;
	snprintf(r.reason, sizeof r.reason, "%s", reason);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_income_ok_insert(s->db, &r, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "income_ok.add", "income_ok", reason);
	c.entity_id = r.id;
	c.household_id = r.household_id;
	jz_diff_text(&c, "id_number", "", idn);
	jz_diff_int(&c, "per_capita_fen", 0, r.per_capita_fen);
	jz_diff_int(&c, "standard_fen", 0, r.standard_fen);
	if (id)
		*id = r.id;
	return finish(s, &c, e);
}

/* The row of an exited case (made when missing). */
static int row_of_case(jz_session *s, jz_rowid case_id, struct jz_income_ok *r, jz_err *e)
{
	jz_case cs;
	int got = jz_store_income_ok_of_case(s->db, case_id, r, e);
	if (got)
		return got < 0 ? -1 : 0;
	if (jz_case_get(s->db, case_id, &cs, e))
		return -1;
	if (strcmp(cs.exit_reason, "收入超标") || !cs.exit_on[0])
		return jz_fail(e, JZ_EUSER, "案件 %s 不是因收入超标退出的", cs.number);
	memset(r, 0, sizeof *r);
	r->household_id = cs.household_id;
	r->case_id = cs.id;
	snprintf(r->found_on, sizeof r->found_on, "%s", cs.exit_on);
	snprintf(r->reason, sizeof r->reason, "%s退出：收入超标", cs.programme);
	return jz_store_income_ok_insert(s->db, r, e);
}

int jz_income_ok_feedback(jz_session *s, jz_rowid id, const char *date, jz_err *e)
{
	struct jz_income_ok r;
	char day[11];
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记反馈扶贫系统", e) || jz_ledger_date(date, "fed_back_on", "反馈日期", day, e))
		return -1;
	if (jz_tx_begin(s->db, e))
		return -1;
	int got = id < 0 ? (row_of_case(s, -id, &r, e) ? -1 : 1) : jz_store_income_ok_get(s->db, id, &r, e);
	if (got <= 0) {
		if (got == 0)
			jz_fail(e, JZ_EUSER, "没有编号为 %lld 的收入已达标记录", id);
		goto fail;
	}
	if (r.fed_back_on[0]) {
		jz_fail(e, JZ_EUSER, "该户已于 %s 由 %s 反馈扶贫系统", r.fed_back_on, r.fed_back_by);
		goto fail;
	}
	if (jz_store_income_ok_feedback(s->db, r.id, day, s->op.login, e))
		goto fail;
	jz_change_init(&c, "income_ok.feedback", "income_ok", "已反馈扶贫系统");
	c.entity_id = r.id;
	c.household_id = r.household_id;
	jz_diff_text(&c, "fed_back_on", "", day);
	jz_diff_text(&c, "fed_back_by", "", s->op.login);
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_referral_outcome(jz_session *s, jz_rowid id, const char *outcome, const char *date, jz_err *e)
{
	struct jz_referral r;
	char day[11];
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记转介结果", e) || jz_ledger_date(date, "outcome_on", "反馈日期", day, e))
		return -1;
	int got = jz_store_referral_get(s->db, id, &r, e);
	if (got <= 0)
		return got < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的转介", id);
	if (!outcome || !outcome[0])
		return jz_fail_field(e, JZ_EUSER, "outcome", "请填写转介部门的办理结果");
	if (strcmp(day, r.referred_on) < 0)
		return jz_fail_field(e, JZ_EUSER, "outcome_on", "反馈日期 %s 早于转介日期 %s", day, r.referred_on);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_referral_outcome(s->db, id, outcome, day, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "referral.outcome", "referral", r.department);
	c.entity_id = id;
	jz_diff_text(&c, "outcome", r.outcome, outcome);
	jz_diff_text(&c, "outcome_on", r.outcome_on, day);
	return finish(s, &c, e);
}
