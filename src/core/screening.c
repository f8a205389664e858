/* screening.c — the 六类对象 screening workflow (see screening.h). */
#include "core/screening.h"

#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/ledger_util.h"
#include "core/record.h"
#include "core/settings.h"
#include "io/text.h"
#include "store/ledger_store_write.h"
#include "store/township_store.h"

const char *const jz_screening_cats_001[6] = {
	"未脱贫建档立卡", "整户无劳动力", "重残重病", "已脱贫收入低于低保标准", "脱贫监测户", "脱贫边缘户"};
const char *const jz_screening_cats_000[6] = {
	"剩余贫困人口", "脱贫不稳定", "贫困边缘", "未落实分类施保的低保残疾人", "未脱贫因残致贫",
	"未脱贫因病致贫"};

static const char RESULTS[] = "纳入低保|纳入特困|其他救助|不符合条件";

const char *jz_screening_list_of(const char *category)
{
	for (int i = 0; i < 6; i++) {
		if (!strcmp(category, jz_screening_cats_001[i]))
			return "001";
		if (!strcmp(category, jz_screening_cats_000[i]))
			return "000";
	}
	return NULL;
}

static void sc_diff(jz_change *c, const jz_screening *o, const jz_screening *n)
{
	jz_diff_text(c, "list", o->list, n->list);
	jz_diff_text(c, "category", o->category, n->category);
	jz_diff_text(c, "id_number", o->id_number, n->id_number);
	jz_diff_text(c, "name", o->name, n->name);
	jz_diff_text(c, "listed_on", o->listed_on, n->listed_on);
	jz_diff_text(c, "visit_on", o->visit_on, n->visit_on);
	jz_diff_text(c, "visitors", o->visitors, n->visitors);
	jz_diff_text(c, "result", o->result, n->result);
	jz_diff_text(c, "reason", o->reason, n->reason);
	jz_diff_text(c, "basis", o->basis, n->basis);
	jz_diff_int(c, "case_id", o->case_id, n->case_id);
	jz_diff_text(c, "closed_on", o->closed_on, n->closed_on);
	jz_diff_text(c, "province_on", o->province_on, n->province_on);
}

/* A household of the township found not eligible for 收入超标 goes to the
 * 收入已达标 ledger (to be fed back to the poverty system), once. */
static int income_ok_row(jz_session *s, const jz_screening *n, jz_err *e)
{
	struct jz_income_ok r = {0};
	if (!n->household_id || strcmp(n->result, "不符合条件") || strcmp(n->reason, "收入超标"))
		return 0;
	int had = jz_store_income_ok_of_screening(s->db, n->id, &r, e);
	if (had)
		return had < 0 ? -1 : 0;
	r.household_id = n->household_id;
	r.screening_id = n->id;
	snprintf(r.found_on, sizeof r.found_on, "%s", n->visit_on);
	char why[700];
	snprintf(why, sizeof why, "排查（%s）：收入超标%s%s", n->category, n->basis[0] ? "，" : "", n->basis);
	size_t fit = jz_str_fit(why, 2 * 80, NULL);
	snprintf(r.reason, sizeof r.reason, "%.*s", (int)(fit < sizeof r.reason ? fit : sizeof r.reason - 1), why);
	return jz_store_income_ok_insert(s->db, &r, e);
}

/* Writes n (insert when n->id is 0) with its event, in one transaction. */
static int save(jz_session *s, const jz_screening *o, jz_screening *n, const char *action,
		const char *why, jz_err *e)
{
	jz_change c;
	jz_screening none = {0};
	if (jz_tx_begin(s->db, e))
		return -1;
	if (!n->id) {
		int r = jz_store_screening_insert(s->db, n, e);
		if (r == 0)
			jz_fail(e, JZ_EUSER, "%s %s 已在「%s」排查名单中，不再重复登记", n->name, n->id_number,
				n->category);
		if (r <= 0)
			goto fail;
	} else if (jz_store_screening_update(s->db, n, e) || income_ok_row(s, n, e)) {
		goto fail;
	}
	jz_change_init(&c, action, "screening", why);
	c.entity_id = n->id;
	c.household_id = n->household_id;
	sc_diff(&c, o ? o : &none, n);
	if (jz_record(s, &c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_screening_add(jz_session *s, const char *category, const char *id_number, const char *name,
		     const char *village, const char *listed_on, jz_rowid *id, jz_err *e)
{
	jz_screening n = {0};
	const char *list = jz_screening_list_of(category ? category : "");
	if (jz_ledger_need_clerk(s, "登记排查对象", e))
		return -1;
	if (!list)
		return jz_fail_field(e, JZ_EUSER, "category", "排查类别「%s」不对，应为 %s、%s、%s、%s、%s、%s"
				     "（001 号文）或 %s、%s、%s、%s、%s、%s（000 号文）", category ? category : "",
				     jz_screening_cats_001[0], jz_screening_cats_001[1], jz_screening_cats_001[2],
				     jz_screening_cats_001[3], jz_screening_cats_001[4], jz_screening_cats_001[5],
				     jz_screening_cats_000[0], jz_screening_cats_000[1], jz_screening_cats_000[2],
				     jz_screening_cats_000[3], jz_screening_cats_000[4], jz_screening_cats_000[5]);
	snprintf(n.list, sizeof n.list, "%s", list);
	snprintf(n.category, sizeof n.category, "%s", category);
	snprintf(n.name, sizeof n.name, "%s", name ? name : "");
	if (jz_ledger_idno(id_number, n.id_number, e) ||
	    jz_ledger_date(listed_on, "listed_on", "列入日期", n.listed_on, e) ||
	    jz_ledger_person(s->db, n.id_number, NULL, &n.household_id, n.name, sizeof n.name, n.village,
			     sizeof n.village, e))
		return -1;
	if (!n.name[0])
		return jz_fail_field(e, JZ_EUSER, "name", "身份证号 %s 不是本乡镇的人员，请填写姓名", n.id_number);
	if (!n.household_id && village && village[0]) {
		jz_village v;
		int r = jz_store_village_by_name(s->db, village, &v, e);
		if (r <= 0)
			return r < 0 ? -1 : jz_fail_field(e, JZ_EUSER, "village", "没有「%s」这个村（社区）", village);
		snprintf(n.village, sizeof n.village, "%s", village);
	}
	if (save(s, NULL, &n, "screening.add", "登记排查对象", e))
		return -1;
	if (id)
		*id = n.id;
	return 0;
}

static int load(jz_session *s, jz_rowid id, const char *what, jz_screening *o, jz_screening *n, jz_err *e)
{
	if (jz_ledger_need_clerk(s, what, e))
		return -1;
	int r = jz_store_screening_get(s->db, id, o, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的排查记录", id);
	*n = *o;
	return 0;
}

static int not_closed(const jz_screening *o, jz_err *e)
{
	if (!o->closed_on[0])
		return 0;
	return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）已于 %s 销号，不能再改", o->id, o->name, o->closed_on);
}

int jz_screening_visit(jz_session *s, jz_rowid id, const char *date, const char *visitors, jz_err *e)
{
	jz_screening o, n;
	if (load(s, id, "登记走访", &o, &n, e) || not_closed(&o, e) ||
	    jz_ledger_date(date, "visit_on", "走访日期", n.visit_on, e))
		return -1;
	if (strcmp(n.visit_on, n.listed_on) < 0)
		return jz_fail_field(e, JZ_EUSER, "visit_on", "走访日期 %s 早于列入日期 %s", n.visit_on, n.listed_on);
	if (!visitors || !visitors[0])
		return jz_fail_field(e, JZ_EUSER, "visitors", "请填写走访人");
	snprintf(n.visitors, sizeof n.visitors, "%s", visitors);
	return save(s, &o, &n, "screening.visit", "入户走访", e);
}

/* Links the case numbered number, of the programme the result asks for. */
static int link_case(jz_session *s, jz_screening *n, const char *number, jz_err *e)
{
	jz_case c;
	n->case_id = 0;
	if (!number || !number[0])
		return 0;
	if (jz_case_load(s->db, number, &c, e))
		return -1;
	if ((!strcmp(n->result, "纳入低保") && strcmp(c.programme, "低保")) ||
	    (!strcmp(n->result, "纳入特困") && strcmp(c.programme, "特困")))
		return jz_fail_field(e, JZ_EUSER, "case", "案件 %s 是%s案件，与结果「%s」不符", c.number, c.programme,
				     n->result);
	n->case_id = c.id;
	return 0;
}

int jz_screening_result(jz_session *s, jz_rowid id, const char *result, const char *reason,
			const char *basis, const char *case_number, jz_err *e)
{
	jz_screening o, n;
	char reasons[1024];
	if (load(s, id, "登记排查结果", &o, &n, e) || not_closed(&o, e))
		return -1;
	if (!o.visit_on[0])
		return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）还没有走访，请先登记走访", id, o.name);
	if (!result || !jz_ledger_in_list(RESULTS, result))
		return jz_fail_field(e, JZ_EUSER, "result", "排查结果「%s」不对，应为 纳入低保、纳入特困、其他救助、不符合条件",
				     result ? result : "");
	snprintf(n.result, sizeof n.result, "%s", result);
	snprintf(n.reason, sizeof n.reason, "%s", "");
	snprintf(n.basis, sizeof n.basis, "%s", basis ? basis : "");
	if (!strcmp(result, "不符合条件")) {
		if (jz_setting_text(s->db, "screening.not_eligible_reasons", "*", n.visit_on, reasons,
				    sizeof reasons, e))
			return -1;
		if (!reason || !jz_ledger_in_list(reasons, reason))
			return jz_fail_field(e, JZ_EUSER, "reason", "不符合条件的原因「%s」不在设置的原因中：%s",
					     reason ? reason : "", reasons);
		if (!strcmp(reason, "其他") && !n.basis[0])
			return jz_fail_field(e, JZ_EUSER, "basis", "原因为「其他」时请写明具体依据");
		snprintf(n.reason, sizeof n.reason, "%s", reason);
		n.case_id = 0;
	} else if (link_case(s, &n, case_number, e)) {
		return -1;
	}
	return save(s, &o, &n, "screening.result", result, e);
}

int jz_screening_close(jz_session *s, jz_rowid id, const char *date, jz_err *e)
{
	jz_screening o, n;
	if (load(s, id, "排查销号", &o, &n, e) || not_closed(&o, e) ||
	    jz_ledger_date(date, "closed_on", "销号日期", n.closed_on, e))
		return -1;
	if (!o.result[0])
		return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）还没有结果，不能销号：请先登记结果", id, o.name);
	if (strcmp(o.result, "不符合条件") && !o.case_id)
		return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）结果为「%s」，须关联救助案件后才能销号", id, o.name,
			       o.result);
	if (!strcmp(o.result, "不符合条件") && !o.reason[0])
		return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）不符合条件但没有原因，请先登记原因", id, o.name);
	if (strcmp(n.closed_on, o.visit_on) < 0)
		return jz_fail_field(e, JZ_EUSER, "closed_on", "销号日期 %s 早于走访日期 %s", n.closed_on, o.visit_on);
	return save(s, &o, &n, "screening.close", "销号", e);
}

int jz_screening_province(jz_session *s, jz_rowid id, const char *date, jz_err *e)
{
	jz_screening o, n;
	if (load(s, id, "登记录入省系统", &o, &n, e) ||
	    jz_ledger_date(date, "province_on", "录入日期", n.province_on, e))
		return -1;
	if (o.province_on[0])
		return jz_fail(e, JZ_EUSER, "排查记录 %lld（%s）已于 %s 录入省系统", id, o.name, o.province_on);
	snprintf(n.province_by, sizeof n.province_by, "%s", s->op.login);
	return save(s, &o, &n, "screening.province", "录入省系统", e);
}

struct fill {
	jz_session *s;
	int added;
	jz_err *e;
};

static int fill_one(const struct jz_jd_finding *f, void *arg)
{
	struct fill *fl = arg;
	jz_screening n = {0};
	const char *list = jz_screening_list_of(f->category);
	if (!list || strcmp(list, "001"))
		return 0; /* not one of seed 001's categories */
	snprintf(n.list, sizeof n.list, "001");
	snprintf(n.category, sizeof n.category, "%s", f->category);
	snprintf(n.id_number, sizeof n.id_number, "%s", f->id_number);
	snprintf(n.name, sizeof n.name, "%s", f->name);
	snprintf(n.village, sizeof n.village, "%s", f->village);
	n.household_id = f->household_id;
	n.finding_id = f->id;
	jz_today(n.listed_on);
	int r = jz_store_screening_insert(fl->s->db, &n, fl->e);
	if (r < 0)
		return -1;
	if (r == 0)
		return 0;
	jz_change c;
	jz_change_init(&c, "screening.fill", "screening", "建档立卡比对结果列入排查");
	c.entity_id = n.id;
	c.household_id = n.household_id;
	jz_diff_text(&c, "category", "", n.category);
	jz_diff_text(&c, "id_number", "", n.id_number);
	jz_diff_int(&c, "finding_id", 0, n.finding_id);
	if (jz_record(fl->s, &c, fl->e))
		return -1;
	fl->added++;
	return 0;
}

int jz_screening_fill_from_findings(jz_session *s, jz_rowid run_id, int *added, jz_err *e)
{
	struct fill fl = {s, 0, e};
	if (jz_ledger_need_clerk(s, "从比对结果生成排查名单", e))
		return -1;
	if (run_id) {
		int r = jz_store_compare_run_exists(s->db, run_id, e);
		if (r <= 0)
			return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有编号为 %lld 的比对记录", run_id);
	}
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_jd_findings(s->db, run_id, fill_one, &fl, e))
		goto fail;
	if (jz_tx_commit(s->db, e))
		return -1;
	if (added)
		*added = fl.added;
	return 0;
fail:
	jz_tx_rollback(s->db);
	return -1;
}
