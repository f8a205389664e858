/* household.c — households and members, one transaction and one event per
 * change (see household.h). The rules live here; the SQL in store/people.c. */
#include "core/case_util.h"
#include "core/household.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/record.h"
#include "store/people.h"
#include "store/township_store.h"

static const char *yn(int v) { return v ? "是" : "否"; }

static void household_diff(jz_change *c, const jz_household *old, const jz_household *h)
{
#define T(label, f) jz_diff_text(c, label, old ? old->f : NULL, h->f)
#define B(label, f) jz_diff_text(c, label, old ? yn(old->f) : NULL, yn(h->f))
	T("户编号", number);
	T("组", grp);
	T("住址", address);
	T("城乡", area);
	T("致贫原因", poverty_cause);
	B("建档立卡", jiandang);
	T("脱贫状态", tuopin);
	B("脱贫监测户", monitored);
	B("边缘户", edge);
	B("易地扶贫搬迁", relocated);
	B("整户无劳动力", no_labour);
	T("联系电话", phone);
	T("注销日期", closed_on);
#undef T
#undef B
}

static int next_number(jz_db *db, const jz_village *v, char *out, size_t n, jz_err *e)
{
	int serial = jz_store_household_max_serial(db, v->code, e);
	if (serial < 0)
		return -1;
	snprintf(out, n, "%s%04d", v->code, serial + 1);
	return 0;
}

int jz_household_validate(jz_db *db, jz_household *h, jz_err *e)
{
	jz_village v;
	int r = jz_store_village_get(db, h->village_id, &v, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail_field(e, JZ_EUSER, "village_id", "「村（社区）」没有选择或不存在，请从列表中选择");
	if (!*h->area)
		snprintf(h->area, sizeof h->area, "%s", v.area);
	if (strcmp(h->area, "城市") && strcmp(h->area, "农村"))
		return jz_fail_field(e, JZ_EUSER, "area", "「城乡」只能是 城市 或 农村，现在是「%s」", h->area);
	static const char *const tuopin[] = {"未脱贫", "已脱贫", NULL};
	if (jz_check_choice("poverty_cause", "致贫原因", h->poverty_cause, jz_poverty_causes, 1, e) ||
	    jz_check_choice("tuopin", "脱贫状态", h->tuopin, tuopin, 1, e))
		return -1;
	if (*h->tuopin && !h->jiandang)
		return jz_fail_field(e, JZ_EUSER, "tuopin", "「脱贫状态」只对建档立卡户填写；不是建档立卡户请留空");
	if (!*h->number)
		return next_number(db, &v, h->number, sizeof h->number, e);
	jz_household other;
	r = jz_store_household_by_number(db, h->number, &other, e);
	if (r < 0)
		return -1;
	if (r && other.id != h->id)
		return jz_fail_field(e, JZ_EUSER, "number", "「户编号」%s 已被另一户使用，请换一个或留空自动编号", h->number);
	return 0;
}

/* Refuses an ID that is already a member of another household. */
static int check_not_member_elsewhere(jz_db *db, const jz_person *p, jz_rowid hid, jz_err *e)
{
	jz_person other;
	int r = jz_store_person_by_idno(db, p->id_number, &other, e);
	if (r <= 0 || other.id == p->id)
		return r < 0 ? -1 : 0;
	if (!other.household_id)
		return 0;
	jz_household h;
	if (jz_store_household_get(db, other.household_id, &h, e) < 0)
		return -1;
	if (other.household_id == hid)
		return jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s（%s）已经是本户成员，不能重复添加", p->id_number, other.name);
	return jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s 已是户编号 %s 的成员（%s）。同一个人只能在一个家庭里："
		       "请先在那一户把他移出，或用「迁移成员」", p->id_number, h.number, other.name);
}

/* Inserts p, or re-attaches the existing row of the same ID (a non-local or
 * removed person coming back). Records the event. */
static int attach_person(jz_session *s, jz_person *p, jz_rowid hid, const char *action,
			 const char *why, jz_err *e)
{
	jz_person old;
	int r = jz_store_person_by_idno(s->db, p->id_number, &old, e);
	if (r < 0 || check_not_member_elsewhere(s->db, p, hid, e))
		return -1;
	p->household_id = hid;
	jz_change c;
	jz_change_init(&c, action, "person", why);
	if (r && *old.deceased_on)
		return jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s（%s）已于 %s 登记死亡，不能作为户主建档",
				     p->id_number, old.name, old.deceased_on);
	if (r) {
		p->id = old.id;
		jz_person_diff(&c, &old, p);
		if (jz_store_person_update(s->db, p, e))
			return -1;
	} else {
		jz_person_diff(&c, NULL, p);
		if (jz_store_person_insert(s->db, p, e))
			return -1;
	}
	c.entity_id = p->id;
	c.household_id = hid;
	return jz_record(s, &c, e);
}

int jz_household_create(jz_session *s, jz_household *h, jz_person *head, const char *why,
			jz_err *e)
{
	if (jz_case_need_role(s, "经办", "登记家庭", e))
		return -1;
	char today[11];
	jz_today(today);
	snprintf(head->relation, sizeof head->relation, "户主");
	head->household_id = 1; /* validated as a member */
	h->id = 0;
	if (jz_person_validate(head, today, e) || jz_tx_begin(s->db, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "household.add", "household", why);
	if (jz_household_validate(s->db, h, e) || jz_store_household_insert(s->db, h, e))
		goto fail;
	household_diff(&c, NULL, h);
	c.entity_id = c.household_id = h->id;
	if (jz_record(s, &c, e) || attach_person(s, head, h->id, "person.add", why, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_household_update(jz_session *s, jz_household *h, const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "修改家庭信息", e))
		return -1;
	jz_household old;
	if (jz_tx_begin(s->db, e))
		return -1;
	int r = jz_store_household_get(s->db, h->id, &old, e);
	if (r <= 0) {
		if (r == 0)
			jz_fail(e, JZ_EUSER, "要修改的家庭不存在（编号 %lld）", h->id);
		goto fail;
	}
	jz_change c;
	jz_change_init(&c, "household.update", "household", why);
	if (jz_household_validate(s->db, h, e) || jz_store_household_update(s->db, h, e))
		goto fail;
	household_diff(&c, &old, h);
	c.entity_id = c.household_id = h->id;
	if (jz_record(s, &c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
