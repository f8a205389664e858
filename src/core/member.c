/* member.c — adding, editing, moving and removing members of a household,
 * holding "exactly one head" and "one household per ID" (see household.h). */
#include <stdio.h>
#include <string.h>

#include "core/case_util.h"
#include "core/case.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/record.h"
#include "store/people.h"

#define MAX_MEMBERS 64

static int load_person(jz_db *db, jz_rowid pid, jz_person *p, jz_err *e)
{
	int r = jz_store_person_get(db, pid, p, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到这个人员（编号 %lld）", pid);
	return r < 0 ? -1 : 0;
}

static int load_open_household(jz_db *db, jz_rowid hid, jz_household *h, jz_err *e)
{
	int r = jz_store_household_get(db, hid, h, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到这个家庭（编号 %lld）", hid);
	if (r < 0)
		return -1;
	if (*h->closed_on)
		return jz_fail(e, JZ_EUSER, "户编号 %s 已于 %s 注销，不能再添加成员", h->number, h->closed_on);
	return 0;
}

static int not_head(const char *relation, jz_err *e)
{
	if (strcmp(relation, "户主") == 0 || strcmp(relation, "本人") == 0)
		return jz_fail_field(e, JZ_EUSER, "relation", "一户只能有一个户主。要换户主，请用「设为户主」，原户主会改成你选的关系");
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

int jz_member_add(jz_session *s, jz_rowid hid, jz_person *p, const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "添加家庭成员", e))
		return -1;
	char today[11];
	jz_household h;
	jz_today(today);
	p->household_id = hid;
	p->id = 0;
	if (not_head(p->relation, e) || jz_person_validate(p, today, e) || jz_tx_begin(s->db, e))
		return -1;
	jz_person old;
	int r = jz_store_person_by_idno(s->db, p->id_number, &old, e);
	if (r < 0 || load_open_household(s->db, hid, &h, e))
		goto fail;
	jz_change c;
	jz_change_init(&c, "person.add", "person", why);
	if (r && old.household_id) {
		jz_household other;
		if (jz_store_household_get(s->db, old.household_id, &other, e) >= 0)
			jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s 已是户编号 %s 的成员（%s）。同一个人只能在一个家庭里："
				"请先在那一户把他移出，或用「迁移成员」", p->id_number, other.number, old.name);
		goto fail;
	}
	if (r && *old.deceased_on) {
		jz_fail_field(e, JZ_EUSER, "id_number", "身份证号 %s（%s）已于 %s 登记死亡，不能加入家庭；"
			      "如果死亡登记有误，请先更正死亡登记", p->id_number, old.name, old.deceased_on);
		goto fail;
	}
	if (r) { /* a known non-local or removed person joins */
		p->id = old.id;
		jz_diff_text(&c, "所在户", "", h.number);
		jz_person_diff(&c, &old, p);
		if (jz_store_person_update(s->db, p, e))
			goto fail;
	} else {
		jz_person_diff(&c, NULL, p);
		if (jz_store_person_insert(s->db, p, e))
			goto fail;
	}
	c.entity_id = p->id;
	c.household_id = hid;
	if (jz_case_household_changed(s, hid, "家庭新增成员", e))
		goto fail;
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_person_update(jz_session *s, jz_person *p, const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "修改人员信息", e))
		return -1;
	char today[11];
	jz_person old;
	jz_today(today);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (load_person(s->db, p->id, &old, e))
		goto fail;
	p->household_id = old.household_id;
	memcpy(p->deceased_on, old.deceased_on, sizeof p->deceased_on); /* see jz_person_died */
	int was_head = strcmp(old.relation, "户主") == 0;
	int is_head = !strcmp(p->relation, "户主") || !strcmp(p->relation, "本人");
	if (was_head && !is_head) {
		jz_fail_field(e, JZ_EUSER, "relation", "「%s」是户主，不能直接改关系：请把另一名成员「设为户主」", old.name);
		goto fail;
	}
	if ((!was_head && is_head && not_head(p->relation, e)) || jz_person_validate(p, today, e))
		goto fail;
	jz_person other;
	int r = jz_store_person_by_idno(s->db, p->id_number, &other, e);
	if (r < 0)
		goto fail;
	if (r && other.id != p->id) {
		jz_fail_field(e, JZ_EUSER, "id_number", "「身份证号」%s 已属于另一个人（%s），请核对", p->id_number, other.name);
		goto fail;
	}
	jz_change c;
	jz_change_init(&c, "person.update", "person", why);
	jz_person_diff(&c, &old, p);
	c.entity_id = p->id;
	c.household_id = p->household_id;
	if (jz_store_person_update(s->db, p, e))
		goto fail;
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

static int count_members(jz_db *db, jz_rowid hid, jz_err *e)
{
	jz_person tmp[1];
	return jz_store_members(db, hid, tmp, 0, e);
}

/* The head may leave only as the last member (the household then closes). */
static int may_leave(jz_db *db, const jz_person *p, int *closes, jz_err *e)
{
	*closes = 0;
	if (!p->household_id)
		return jz_fail(e, JZ_EUSER, "「%s」不在任何家庭里", p->name);
	if (strcmp(p->relation, "户主"))
		return 0;
	int n = count_members(db, p->household_id, e);
	if (n < 0)
		return -1;
	if (n > 1)
		return jz_fail(e, JZ_EUSER, "「%s」是户主，家里还有 %d 名成员：请先把另一名成员「设为户主」，再移出",
			       p->name, n - 1);
	*closes = 1;
	return 0;
}

static int close_household(jz_session *s, jz_rowid hid, const char *why, jz_err *e)
{
	jz_household h;
	char today[11];
	if (jz_store_household_get(s->db, hid, &h, e) <= 0)
		return -1;
	jz_today(today);
	jz_change c;
	jz_change_init(&c, "household.close", "household", why);
	jz_diff_text(&c, "注销日期", h.closed_on, today);
	memcpy(h.closed_on, today, sizeof h.closed_on);
	c.entity_id = c.household_id = hid;
	return jz_store_household_update(s->db, &h, e) || jz_record(s, &c, e) ? -1 : 0;
}

/* Takes p out of his household, with the event; closes an emptied household. */
static int detach(jz_session *s, jz_person *p, const char *action, const char *to,
		  const char *why, jz_err *e)
{
	int closes;
	jz_household h;
	if (may_leave(s->db, p, &closes, e) || jz_store_household_get(s->db, p->household_id, &h, e) < 0)
		return -1;
	jz_change c;
	jz_change_init(&c, action, "person", why);
	jz_diff_text(&c, "所在户", h.number, to);
	c.entity_id = p->id;
	c.household_id = p->household_id;
	jz_rowid hid = p->household_id;
	p->household_id = 0;
	if (jz_store_person_update(s->db, p, e) || jz_record(s, &c, e) ||
	    jz_case_household_changed(s, hid, "家庭成员移出", e))
		return -1;
	return closes ? close_household(s, hid, why, e) : 0;
}

int jz_member_remove(jz_session *s, jz_rowid pid, const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "移出家庭成员", e))
		return -1;
	jz_person p;
	if (!why || !*why)
		return jz_fail(e, JZ_EUSER, "移出成员要写明原因（例如：出嫁、迁出本乡镇）");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (load_person(s->db, pid, &p, e) || detach(s, &p, "person.remove", "", why, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_member_move(jz_session *s, jz_rowid pid, jz_rowid to_hid, const char *relation,
		   const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "迁移家庭成员", e))
		return -1;
	jz_person p;
	jz_household to;
	if (not_head(relation, e) || jz_check_choice("relation", "与户主关系", relation, jz_relations, 0, e) ||
	    jz_tx_begin(s->db, e))
		return -1;
	if (load_person(s->db, pid, &p, e) || load_open_household(s->db, to_hid, &to, e))
		goto fail;
	if (p.household_id == to_hid) {
		jz_fail(e, JZ_EUSER, "「%s」已经在户编号 %s 里了", p.name, to.number);
		goto fail;
	}
	if (detach(s, &p, "person.move_out", to.number, why, e))
		goto fail;
	p.household_id = to_hid;
	snprintf(p.relation, sizeof p.relation, "%s", relation);
	jz_change c;
	jz_change_init(&c, "person.move_in", "person", why);
	jz_diff_text(&c, "所在户", "", to.number);
	jz_diff_text(&c, "与户主关系", NULL, relation);
	c.entity_id = pid;
	c.household_id = to_hid;
	if (jz_store_person_update(s->db, &p, e) || jz_case_household_changed(s, to_hid, "家庭迁入成员", e))
		goto fail;
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_head_change(jz_session *s, jz_rowid pid, const char *old_head_relation,
		   const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "变更户主", e))
		return -1;
	jz_person p, head;
	if (not_head(old_head_relation, e) ||
	    jz_check_choice("relation", "原户主的新关系", old_head_relation, jz_relations, 0, e) ||
	    jz_tx_begin(s->db, e))
		return -1;
	if (load_person(s->db, pid, &p, e))
		goto fail;
	if (!p.household_id || jz_store_household_head(s->db, p.household_id, &head, e) <= 0) {
		jz_fail(e, JZ_EUSER, "「%s」不在任何家庭里，不能设为户主", p.name);
		goto fail;
	}
	if (head.id == p.id) {
		jz_fail(e, JZ_EUSER, "「%s」已经是户主", p.name);
		goto fail;
	}
	jz_change c;
	jz_change_init(&c, "household.head", "person", why);
	jz_diff_text(&c, "户主", head.name, p.name);
	jz_diff_text(&c, "原户主关系", "户主", old_head_relation);
	c.entity_id = pid;
	c.household_id = p.household_id;
	snprintf(head.relation, sizeof head.relation, "%s", old_head_relation);
	snprintf(p.relation, sizeof p.relation, "户主");
	if (jz_store_person_update(s->db, &head, e) || jz_store_person_update(s->db, &p, e))
		goto fail;
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_person_died(jz_session *s, jz_rowid pid, const char *date, const char *why, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "登记死亡", e))
		return -1;
	jz_person p;
	char today[11];
	jz_today(today);
	if (!date || !*date)
		return jz_fail_field(e, JZ_EUSER, "deceased_on", "「死亡日期」不能为空，请按死亡证明填写，例如 2026-03-10");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (load_person(s->db, pid, &p, e))
		goto fail;
	if (*p.deceased_on) {
		jz_fail(e, JZ_EUSER, "「%s」已登记于 %s 死亡", p.name, p.deceased_on);
		goto fail;
	}
	jz_person old = p;
	snprintf(p.deceased_on, sizeof p.deceased_on, "%s", date);
	if (jz_person_validate(&p, today, e))
		goto fail;
	jz_change c;
	jz_change_init(&c, "person.died", "person", why);
	jz_person_diff(&c, &old, &p);
	c.entity_id = pid;
	c.household_id = p.household_id;
	if (jz_store_person_update(s->db, &p, e) || jz_case_person_died(s, pid, date, e) < 0)
		goto fail;
	return finish(s, &c, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
