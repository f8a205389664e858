/* finding_act.c — acting on a finding (已处理), each kind through the core
 * function that owns the change, in one transaction with the finding:
 *  漏保, 重病未保      the household's application: a case in force or in
 *                     progress is linked, else a 低保 case (整户保障) is
 *                     opened with jz_case_new — the person must have been
 *                     registered in a household first
 *  死亡仍发放/未退出   the death recorded (jz_person_died, which ends a case
 *                     covering him alone and makes a household's due for
 *                     review) or, when already recorded, the cases ended
 *                     (jz_case_person_died); the amount to recover stays on
 *                     the finding and the rolls take it back (扣回)
 *  残疾等级不符, 未分类施保  the person's disability set from the 残联 list
 *                     (jz_person_update); the supplement follows at review
 *  重病未登记          serious_illness set (jz_person_update) */
#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/compare_int.h"
#include "core/finding_int.h"
#include "core/household.h"
#include "io/form_file.h"
#include "store/compare_store.h"
#include "store/people.h"

static int person_of(jz_session *s, const jz_finding *f, jz_person *p, jz_err *e)
{
	int r = jz_store_person_by_idno(s->db, f->id_number, p, e);
	if (r < 0)
		return -1;
	if (!r || !p->household_id)
		return jz_fail(e, JZ_EUSER, "「%s」（%s）不在本乡镇的家庭名册中：请先登记家庭"
			       "（jiuzhu household add，或在救助台新建家庭），再处理这条发现", f->name,
			       f->id_number);
	return 0;
}

static int act_case(jz_session *s, jz_finding *f, char *what, size_t n, jz_err *e)
{
	jz_person p;
	jz_rowid cid;
	jz_case c;
	if (person_of(s, f, &p, e))
		return -1;
	f->person_id = p.id;
	f->household_id = p.household_id;
	int r = jz_store_covering_case(s->db, p.id, p.household_id, NULL, &cid, NULL, e);
	if (r == 0)
		r = jz_store_pending_case(s->db, p.household_id, &cid, e) * 2;
	if (r < 0)
		return -1;
	if (r) {
		if (jz_case_get(s->db, cid, &c, e))
			return -1;
		snprintf(what, n, "%s%s案件 %s（%s）", r == 1 ? "家庭已在保：" : "家庭已有办理中的",
			 c.programme, c.number, c.state);
	} else {
		if (jz_case_new(s, p.household_id, "低保", NULL, NULL, 0, &c, e))
			return -1;
		snprintf(what, n, "已受理低保申请 %s（%s），进入入户调查", c.number, c.mode);
	}
	f->case_id = c.id;
	return 0;
}

static int act_death(jz_session *s, jz_finding *f, char *what, size_t n, jz_err *e)
{
	jz_person p;
	char why[160], money[32];
	int r = jz_store_person_by_idno(s->db, f->id_number, &p, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "本乡镇已没有身份证号 %s 的人员", f->id_number);
	snprintf(why, sizeof why, "数据比对：%s", jz_compare_source_label(f->source));
	int cases;
	if (!p.deceased_on[0])
		cases = jz_person_died(s, p.id, f->death_date, why, e) ? -1 : 1;
	else
		cases = jz_case_person_died(s, p.id, p.deceased_on, e);
	if (cases < 0)
		return -1;
	jz_money_format(f->recover_fen, money, sizeof money);
	size_t k = (size_t)snprintf(what, n, "%s，在保案件已按死亡处理", p.deceased_on[0] ?
				    "已登记过死亡" : "已登记死亡");
	if (f->recover_fen && k < n)
		snprintf(what + k, n - k, "；应追回 %s 元（死亡后 %d 个月），花名册按月扣回", money,
			 f->months_after);
	return 0;
}

/* "残联登记：肢体 2 级；..." back into category (may stay "") and grade. */
static int theirs(const char *detail, char cat[12], int *grade)
{
	const char *p = strstr(detail, "残联登记：");
	if (!p)
		return -1;
	p += strlen("残联登记：");
	cmp_category(p, cat);
	const char *sp = strchr(p, ' ');
	*grade = sp ? cmp_grade(sp + 1) : 0;
	return *grade ? 0 : -1;
}

static int act_person(jz_session *s, jz_finding *f, char *what, size_t n, jz_err *e)
{
	jz_person p;
	char cat[12], why[160];
	int g = 0;
	if (person_of(s, f, &p, e))
		return -1;
	snprintf(why, sizeof why, "数据比对：%s", jz_compare_source_label(f->source));
	if (!strcmp(f->kind, "重病未登记")) {
		if (p.serious_illness)
			return snprintf(what, n, "重病已登记"), 0;
		p.serious_illness = 1;
		snprintf(what, n, "已登记重病");
	} else {
		if (theirs(f->detail, cat, &g))
			return jz_fail(e, JZ_EDATA, "比对发现 %lld 的说明里没有残联登记的等级", f->id);
		if (p.disability_grade == g && (!*cat || !strcmp(cat, p.disability_cat))) {
			snprintf(what, n, "残疾登记已与残联一致%s", !strcmp(f->kind, "未分类施保") ?
				 "；分类施保在复核（调整）时核定" : "");
			return 0;
		}
		if (*cat)
			memcpy(p.disability_cat, cat, sizeof p.disability_cat);
		p.disability_grade = g;
		snprintf(what, n, "残疾登记改为 %s %d 级%s", p.disability_cat, g,
			 !strcmp(f->kind, "未分类施保") ? "；分类施保在复核（调整）时核定" : "");
	}
	return jz_person_update(s, &p, why, e);
}

int jz_finding_act(jz_session *s, jz_rowid id, const char *note, char *done, size_t n, jz_err *e)
{
	jz_finding f;
	char what[400] = "", full[512];
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_finding_load_open(s, id, &f, e))
		goto fail;
	int rc;
	if (!strcmp(f.kind, "漏保") || !strcmp(f.kind, "重病未保"))
		rc = act_case(s, &f, what, sizeof what, e);
	else if (!strncmp(f.kind, "死亡", strlen("死亡")))
		rc = act_death(s, &f, what, sizeof what, e);
	else
		rc = act_person(s, &f, what, sizeof what, e);
	if (rc)
		goto fail;
	snprintf(full, sizeof full, "%s%s%s", what, note && *note ? "；" : "", note ? note : "");
	if (jz_finding_close(s, &f, "已处理", full, e))
		goto fail;
	if (done)
		snprintf(done, n, "%s", what);
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
