/* case_extra.c — what goes with a case besides its steps: 转介 to another
 * department, refusals of offered work (three in a row without good reason
 * may stop the member's own share), and the 近亲属备案 list the approval
 * rule consults. Each one transaction with its event. */
#include <stdio.h>
#include <string.h>

#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/id.h"
#include "core/record.h"
#include "store/case_store.h"
#include "store/people.h"

static const char *const departments[] = {"教育", "医疗保障", "住房城乡建设", "人力资源和社会保障",
	"残联", "乡村振兴", "其他", NULL};

static int date_ok(const char *field, const char *date, jz_err *e)
{
	char today[11];
	jz_today(today);
	if (!date || !jz_date_valid(date) || strcmp(date, today) > 0)
		return jz_fail(e, JZ_EUSER, "「%s」「%s」不对：应为今天或以前的日期 YYYY-MM-DD", field, date ? date : "");
	return 0;
}

int jz_case_refer(jz_session *s, jz_rowid case_id, const char *department, const char *date,
		  const char *outcome, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "转介", e))
		return -1;
	jz_case c;
	char line[300];
	if (jz_check_choice("department", "转介部门", department ? department : "", departments, 0, e) ||
	    date_ok("转介日期", date, e) || jz_case_get(s->db, case_id, &c, e) || jz_tx_begin(s->db, e))
		return -1;
	snprintf(line, sizeof line, "转介%s（%s）%s%s", department, date, outcome && *outcome ? "：" : "",
		 outcome ? outcome : "");
	if (jz_store_referral_add(s->db, case_id, department, date, outcome, NULL, e) ||
	    jz_case_record(s, &c, "case.refer", "转介", line, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_work_refusal(jz_session *s, const char *id_number, const char *date, const char *offer,
		    int good_reason, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "登记拒绝就业", e))
		return -1;
	jz_person p;
	char id[19], why[300];
	if (jz_id_normalize(id_number, NULL, 1, id, NULL, e) || date_ok("日期", date, e))
		return -1;
	if (!offer || !*offer)
		return jz_fail(e, JZ_EUSER, "请写明提供的工作或培训（例如：镇扶贫车间包装工）");
	int r = jz_store_person_by_idno(s->db, id, &p, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到身份证号为 %s 的人员", id);
	if (jz_tx_begin(s->db, e))
		return -1;
	jz_change ch;
	jz_change_init(&ch, "person.work_refusal", "person", good_reason ? "拒绝就业（有正当理由）" : "拒绝就业");
	jz_diff_text(&ch, "日期", NULL, date);
	jz_diff_text(&ch, "提供的工作或培训", NULL, offer);
	ch.entity_id = p.id;
	ch.household_id = p.household_id;
	snprintf(why, sizeof why, "%s", offer);
	if (jz_store_work_refusal_add(s->db, p.id, date, why, good_reason, e) || jz_record(s, &ch, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	if (jz_tx_commit(s->db, e))
		return -1;
	return jz_store_work_refusals_in_a_row(s->db, p.id, e);
}

/* seed 001: a 建档立卡 member able to work, not employed, who refused offered
 * work or training three times in a row without good reason. */
static int may_stop_share(jz_db *db, const jz_case *c, const jz_person *p, jz_err *e)
{
	jz_household h;
	if (jz_store_household_get(db, c->household_id, &h, e) <= 0)
		return -1;
	if (!h.jiandang)
		return jz_fail(e, JZ_EUSER, "只对建档立卡户的成员适用（户编号 %s 不是建档立卡户）", h.number);
	if (strcmp(p->labour, "有劳动能力") || !strcmp(p->employment, "在职") ||
	    !strcmp(p->employment, "外出务工") || !strcmp(p->employment, "灵活就业"))
		return jz_fail(e, JZ_EUSER, "「%s」不是有劳动能力而未就业的成员，不能减发或停发", p->name);
	int n = jz_store_work_refusals_in_a_row(db, p->id, e);
	if (n < 0)
		return -1;
	if (n < 3)
		return jz_fail(e, JZ_EUSER, "「%s」无正当理由连续拒绝就业 %d 次，要连续 3 次才能减发或停发", p->name, n);
	return 0;
}

int jz_case_stop_share(jz_session *s, jz_rowid case_id, const char *id_number, jz_err *e)
{
	jz_case c;
	jz_person p;
	char id[19], month[8], next[8], line[200];
	struct jz_case_means cm;
	if (jz_case_need_role(s, "经办", "停发个人保障金", e) || jz_id_normalize(id_number, NULL, 1, id, NULL, e) ||
	    jz_case_get(s->db, case_id, &c, e))
		return -1;
	int r = jz_store_person_by_idno(s->db, id, &p, e);
	if (r <= 0 || p.household_id != c.household_id)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "身份证号 %s 不是案件 %s 这一户的成员", id, c.number);
	if (strcmp(c.state, "在保"))
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，不在保障中", c.number, c.state);
	if (may_stop_share(s->db, &c, &p, e))
		return -1;
	char today[11];
	jz_today(today);
	jz_month_of(today, month);
	jz_month_add(month, 1, next);
	if (jz_tx_begin(s->db, e))
		return -1;
	snprintf(line, sizeof line, "%s 本人保障金从 %s 起停发", p.name, next);
	c.province_pending = 1;
	if (jz_store_case_member_stop(s->db, case_id, p.id, month, e) ||
	    jz_case_calc(s->db, &c, next, &cm, e) || jz_case_fix_amount(s->db, &c, next, &cm, "停发个人保障金", e) ||
	    jz_store_case_update(s->db, &c, e) ||
	    jz_case_record(s, &c, "case.stop_share", "连续三次无正当理由拒绝就业", line, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_relative_register(jz_session *s, const char *id_number, const char *name, const char *cadre,
			 const char *post, const char *login, const char *relation, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "近亲属备案", e))
		return -1;
	char id[19], today[11];
	jz_today(today);
	if (jz_id_normalize(id_number, today, 1, id, NULL, e))
		return -1;
	if (!name || !*name || !cadre || !*cadre || !relation || !*relation)
		return jz_fail(e, JZ_EUSER, "近亲属备案要写明：近亲属姓名、干部或工作人员姓名、亲属关系");
	if (jz_tx_begin(s->db, e))
		return -1;
	jz_change ch;
	jz_change_init(&ch, "relative.add", "relative", "近亲属备案");
	jz_diff_text(&ch, "近亲属", NULL, name);
	jz_diff_text(&ch, "身份证号", NULL, id);
	jz_diff_text(&ch, "干部", NULL, cadre);
	jz_diff_text(&ch, "职务", NULL, post ? post : "");
	jz_diff_text(&ch, "关系", NULL, relation);
	if (jz_store_relative_add(s->db, id, name, cadre, post, login, relation, today, e) ||
	    jz_record(s, &ch, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}
