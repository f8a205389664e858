/* care.c — 特困 care agreements and visits (see care.h). */
#include "core/care.h"

#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/ledger_util.h"
#include "core/record.h"
#include "store/ledger_store_write.h"

/* The case, which must be 特困 分散供养 (in force for a new entry). */
static int tekun_case(jz_session *s, const char *key, jz_case *c, jz_err *e)
{
	if (jz_case_load(s->db, key ? key : "", c, e))
		return -1;
	if (strcmp(c->programme, "特困") || strcmp(c->mode, "分散供养"))
		return jz_fail_field(e, JZ_EUSER, "case", "案件 %s 不是特困分散供养（%s %s）", c->number,
				     c->programme, c->mode);
	if (strcmp(c->state, "在保") && strcmp(c->state, "渐退"))
		return jz_fail_field(e, JZ_EUSER, "case", "案件 %s 当前为「%s」，不在保", c->number, c->state);
	return 0;
}

static int finish(jz_session *s, jz_change *c, jz_err *e)
{
	if (jz_record(s, c, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_visit_add(jz_session *s, const char *case_key, const char *date, const char *visitor,
		 const char *finding, const char *needs, jz_rowid *id, jz_err *e)
{
	jz_case cs;
	char day[11];
	jz_rowid vid = 0;
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记探访", e) || tekun_case(s, case_key, &cs, e) ||
	    jz_ledger_date(date, "visited_on", "探访日期", day, e))
		return -1;
	if (!visitor || !visitor[0])
		return jz_fail_field(e, JZ_EUSER, "visitor", "请填写探访人");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_visit_insert(s->db, cs.id, day, visitor, finding ? finding : "", needs ? needs : "", &vid, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "visit.add", "visit", "定期探访");
	c.entity_id = vid;
	c.household_id = cs.household_id;
	jz_diff_text(&c, "case", "", cs.number);
	jz_diff_text(&c, "visited_on", "", day);
	jz_diff_text(&c, "visitor", "", visitor);
	jz_diff_text(&c, "finding", "", finding ? finding : "");
	if (id)
		*id = vid;
	return finish(s, &c, e);
}

int jz_care_add(jz_session *s, const char *case_key, const struct jz_care_in *in, jz_rowid *id, jz_err *e)
{
	jz_case cs;
	struct jz_care a = {0};
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记照料护理协议", e) || tekun_case(s, case_key, &cs, e) ||
	    jz_ledger_date(in->signed_on, "signed_on", "签订日期", a.signed_on, e))
		return -1;
	if (!in->carer_name || !in->carer_name[0])
		return jz_fail_field(e, JZ_EUSER, "carer_name", "请填写照料人姓名");
	if (in->carer_id_number && in->carer_id_number[0] && jz_ledger_idno(in->carer_id_number, a.carer_id_number, e))
		return -1;
	if (in->valid_until && in->valid_until[0]) {
		if (!jz_date_valid(in->valid_until) || strcmp(in->valid_until, a.signed_on) < 0)
			return jz_fail_field(e, JZ_EUSER, "valid_until", "有效期至「%s」不对：应写成 YYYY-MM-DD，且不早于签订日期",
					     in->valid_until);
		snprintf(a.valid_until, sizeof a.valid_until, "%s", in->valid_until);
	}
	a.case_id = cs.id;
	snprintf(a.carer_name, sizeof a.carer_name, "%s", in->carer_name);
	snprintf(a.carer_phone, sizeof a.carer_phone, "%s", in->carer_phone ? in->carer_phone : "");
	snprintf(a.carer_relation, sizeof a.carer_relation, "%s", in->carer_relation ? in->carer_relation : "");
	snprintf(a.content, sizeof a.content, "%s", in->content ? in->content : "");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_care_insert(s->db, &a, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "care.add", "care_agreement", "签订照料护理协议");
	c.entity_id = a.id;
	c.household_id = cs.household_id;
	jz_diff_text(&c, "case", "", cs.number);
	jz_diff_text(&c, "carer_name", "", a.carer_name);
	jz_diff_text(&c, "signed_on", "", a.signed_on);
	jz_diff_text(&c, "valid_until", "", a.valid_until);
	if (id)
		*id = a.id;
	return finish(s, &c, e);
}

int jz_care_end(jz_session *s, jz_rowid id, const char *date, jz_err *e)
{
	struct jz_care a;
	char day[11];
	jz_change c;
	if (jz_ledger_need_clerk(s, "终止照料护理协议", e) || jz_ledger_date(date, "ended_on", "终止日期", day, e))
		return -1;
	int r = jz_store_care_get(s->db, id, &a, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的照料护理协议", id);
	if (a.ended_on[0])
		return jz_fail(e, JZ_EUSER, "协议 %lld 已于 %s 终止", id, a.ended_on);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_care_end(s->db, id, day, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "care.end", "care_agreement", "终止照料护理协议");
	c.entity_id = id;
	jz_diff_text(&c, "ended_on", "", day);
	return finish(s, &c, e);
}
