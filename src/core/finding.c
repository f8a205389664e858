/* finding.c — reading the findings and the simple steps of working one:
 * 已核实 and 已排除 (with a required reason). Acting on one: finding_act.c. */
#include "core/finding.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/finding_int.h"
#include "core/record.h"
#include "store/compare_store.h"

int jz_findings(jz_db *db, const struct jz_finding_filter *f,
		int (*fn)(const jz_finding *, void *), void *arg, jz_err *e)
{
	struct jz_finding_filter none = {0};
	if (!f)
		f = &none;
	return jz_store_findings(db, f->source, f->state, f->village, f->kind, fn, arg, e);
}

int jz_finding_get(jz_db *db, jz_rowid id, jz_finding *f, jz_err *e)
{
	int r = jz_store_finding_get(db, id, f, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "没有编号为 %lld 的比对发现（jiuzhu finding list 列出编号）", id);
	return r < 0 ? -1 : 0;
}

int jz_findings_open(jz_db *db, long long *n, jz_err *e)
{
	return jz_store_findings_open(db, n, e);
}

int jz_finding_load_open(jz_session *s, jz_rowid id, jz_finding *f, jz_err *e)
{
	if (!jz_session_has_role(s, "经办"))
		return jz_fail(e, JZ_EUSER, "处理比对发现需要「经办」角色，%s 没有", s->op.login);
	if (jz_finding_get(s->db, id, f, e))
		return -1;
	if (strcmp(f->state, "待核实") && strcmp(f->state, "已核实"))
		return jz_fail(e, JZ_EUSER, "比对发现 %lld 已%s（%s %s），不能再改", id,
			       !strcmp(f->state, "已处理") ? "处理" : "排除", f->worked_on, f->worked_by);
	return 0;
}

int jz_finding_close(jz_session *s, jz_finding *f, const char *state, const char *note, jz_err *e)
{
	jz_finding old = *f;
	jz_change ch;
	snprintf(f->state, sizeof f->state, "%s", state);
	jz_today(f->worked_on);
	snprintf(f->worked_by, sizeof f->worked_by, "%s", s->op.login);
	if (note && *note)
		snprintf(f->note, sizeof f->note, "%s", note);
	jz_change_init(&ch, !strcmp(state, "已核实") ? "finding.verify" :
		       !strcmp(state, "已处理") ? "finding.act" : "finding.dismiss", "finding", note);
	ch.entity_id = f->id;
	ch.household_id = f->household_id;
	jz_diff_text(&ch, "状态", old.state, f->state);
	jz_diff_text(&ch, "备注", old.note, f->note);
	if (jz_store_finding_update(s->db, f, e))
		return -1;
	return jz_record(s, &ch, e);
}

static int simple(jz_session *s, jz_rowid id, const char *state, const char *note, jz_err *e)
{
	jz_finding f;
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_finding_load_open(s, id, &f, e) || jz_finding_close(s, &f, state, note, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_finding_verify(jz_session *s, jz_rowid id, const char *note, jz_err *e)
{
	jz_finding f;
	if (jz_finding_get(s->db, id, &f, e))
		return -1;
	if (!strcmp(f.state, "已核实"))
		return jz_fail(e, JZ_EUSER, "比对发现 %lld 已核实（%s %s）", id, f.worked_on, f.worked_by);
	return simple(s, id, "已核实", note, e);
}

int jz_finding_dismiss(jz_session *s, jz_rowid id, const char *reason, jz_err *e)
{
	const char *p = reason;
	while (p && (*p == ' ' || *p == '\t'))
		p++;
	if (!p || !*p)
		return jz_fail_field(e, JZ_EUSER, "reason", "排除比对发现必须写明原因（--reason），"
				     "例如「已核实为同名同号错误，医保已更正」");
	return simple(s, id, "已排除", reason, e);
}
