/* case.c — opening a case and its lists of codes (see case.h). The steps
 * are case_step.c, reviews and exits case_review.c. */
#include "core/case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/record.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"

const char *const jz_programmes[] = {"低保", "特困", "孤儿", "残疾补贴", NULL};

static const struct {
	const char *programme, *prefix, *modes[4];
} programmes[] = {
	{"低保", "DB", {"整户保障", "单人保", NULL}},
	{"特困", "TK", {"分散供养", "集中供养", NULL}},
	{"孤儿", "GE", {"社会散居", "集中养育", "事实无人抚养", NULL}},
	{"残疾补贴", "CJ", {"护理补贴", "生活补贴", NULL}},
};

static int programme_index(const char *p)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(programmes[i].programme, p))
			return i;
	return -1;
}

static int check_mode(int pi, const char *mode, char *out, size_t n, jz_err *e)
{
	if (!mode || !*mode) {
		snprintf(out, n, "%s", programmes[pi].modes[0]);
		return 0;
	}
	for (int i = 0; programmes[pi].modes[i]; i++)
		if (!strcmp(mode, programmes[pi].modes[i])) {
			snprintf(out, n, "%s", mode);
			return 0;
		}
	return jz_check_choice("mode", "保障方式", mode, programmes[pi].modes, 0, e);
}

int jz_case_load(jz_db *db, const char *key, jz_case *c, jz_err *e)
{
	int r = jz_store_case_by_number(db, key, c, e);
	if (r == 0) {
		char *end;
		long long id = strtoll(key, &end, 10);
		if (*key && !*end)
			r = jz_store_case_get(db, id, c, e);
	}
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到案件「%s」：请写案件编号，例如 DB2026-0001", key);
	return r < 0 ? -1 : 0;
}

int jz_case_get(jz_db *db, jz_rowid id, jz_case *c, jz_err *e)
{
	int r = jz_store_case_get(db, id, c, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到案件（编号 %lld）", id);
	return r < 0 ? -1 : 0;
}

/* The covered members: given ones must be living members of the household
 * and in no other open case of the programme. */
static int check_member(jz_db *db, const jz_case *c, const jz_person *p, jz_err *e)
{
	char other[24];
	if (p->household_id != c->household_id)
		return jz_fail(e, JZ_EUSER, "「%s」不是这一户的成员，不能作为保障对象", p->name);
	if (*p->deceased_on)
		return jz_fail(e, JZ_EUSER, "「%s」已于 %s 死亡，不能作为保障对象", p->name, p->deceased_on);
	if (jz_store_open_case_of(db, p->id, c->programme, c->id, other, sizeof other, e))
		return -1;
	if (*other)
		return jz_fail(e, JZ_EUSER, "「%s」（%s）已在%s案件 %s 中，同一个人在一个项目里只能有一个在办案件",
			       p->name, p->id_number, c->programme, other);
	return 0;
}

static int add_members(jz_db *db, jz_case *c, const jz_rowid *ids, int n, jz_err *e)
{
	jz_person m[64];
	int cnt = jz_store_members(db, c->household_id, m, 64, e), added = 0;
	if (cnt < 0)
		return -1;
	for (int i = 0; i < cnt && i < 64; i++) {
		int wanted = n == 0 ? !*m[i].deceased_on : 0;
		for (int k = 0; k < n; k++)
			wanted |= ids[k] == m[i].id;
		if (!wanted)
			continue;
		if (check_member(db, c, &m[i], e) || jz_store_case_member_add(db, c->id, m[i].id, e))
			return -1;
		added++;
	}
	if (added < n)
		return jz_fail(e, JZ_EUSER, "有 %d 个保障对象不是这一户的成员，请核对身份证号", n - added);
	return added ? 0 : jz_fail(e, JZ_EUSER, "这一户没有可以保障的成员");
}

static int fill_new(jz_db *db, jz_case *c, jz_rowid hid, int pi, const char *mode, jz_err *e)
{
	jz_household h;
	char today[11], year[5], prefix[13];
	long long days;
	int r = jz_store_household_get(db, hid, &h, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到这个家庭");
	if (*h.closed_on)
		return jz_fail(e, JZ_EUSER, "户编号 %s 已注销，不能受理申请", h.number);
	jz_today(today);
	if (jz_setting_int(db, "case.investigate_days", "*", today, &days, e))
		return -1;
	memset(c, 0, sizeof *c);
	c->household_id = hid;
	snprintf(c->programme, sizeof c->programme, "%s", programmes[pi].programme);
	if (check_mode(pi, mode, c->mode, sizeof c->mode, e))
		return -1;
	snprintf(c->area, sizeof c->area, "%s", h.area);
	snprintf(c->state, sizeof c->state, "受理");
	memcpy(c->accepted_on, today, sizeof c->accepted_on);
	snprintf(c->entry_reason, sizeof c->entry_reason, "新申请");
	jz_days_to_date(jz_date_to_days(today) + days, c->investigate_due);
	memcpy(year, today, 4);
	year[4] = '\0';
	snprintf(prefix, sizeof prefix, "%s%s-", programmes[pi].prefix, year);
	int serial = jz_store_case_max_serial(db, prefix, e);
	if (serial < 0)
		return -1;
	snprintf(c->number, sizeof c->number, "%.12s%04u", prefix, (unsigned)(serial + 1) % 1000000u);
	return 0;
}

int jz_case_new(jz_session *s, jz_rowid hid, const char *programme, const char *mode,
		const jz_rowid *members, int nmembers, jz_case *out, jz_err *e)
{
	int pi = programme_index(programme ? programme : "");
	if (pi < 0)
		return jz_check_choice("programme", "救助项目", programme ? programme : "", jz_programmes, 0, e);
	if (jz_case_need_role(s, "经办", "受理申请", e))
		return -1;
	if (jz_tx_begin(s->db, e))
		return -1;
	jz_case c;
	if (fill_new(s->db, &c, hid, pi, mode, e))
		goto fail;
	int need_list = strcmp(c.mode, "整户保障") != 0;
	if (need_list && nmembers == 0) {
		jz_fail(e, JZ_EUSER, "%s（%s）要指明保障对象：用 --member 身份证号", c.programme, c.mode);
		goto fail;
	}
	snprintf(c.accepted_by, sizeof c.accepted_by, "%s", s->op.login);
	if (jz_store_case_insert(s->db, &c, e) || add_members(s->db, &c, members, nmembers, e))
		goto fail;
	if (jz_case_record(s, &c, "case.new", "受理申请", NULL, e))
		goto fail;
	if (out)
		*out = c;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_case_set_income(jz_session *s, jz_rowid case_id, const char *id_number, const char *kind,
		       long long fen, jz_err *e)
{
	static const char *const kinds[] = {"工资", "外出务工", "灵活就业", "农业", "基础养老金",
		"其他养老金", "转移性", "其他", NULL};
	jz_case c;
	jz_person p;
	if (jz_case_need_role(s, "经办", "核算收入", e) || jz_check_choice("kind", "收入类别", kind, kinds, 0, e))
		return -1;
	if (fen < 0)
		return jz_fail(e, JZ_EUSER, "收入不能是负数");
	if (jz_case_get(s->db, case_id, &c, e) || jz_case_editable(&c, e))
		return -1;
	int r = jz_store_person_by_idno(s->db, id_number, &p, e);
	if (r <= 0 || p.household_id != c.household_id)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "身份证号 %s 不是案件 %s 这一户的成员", id_number, c.number);
	char line[160];
	snprintf(line, sizeof line, "%s %s=%lld.%02lld 元", p.name, kind, fen / 100, fen % 100);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_income_put(s->db, case_id, p.id, kind, fen, e) ||
	    jz_case_record(s, &c, "case.income", "核算收入", line, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_set_expense(jz_session *s, jz_rowid case_id, const char *kind, long long fen, jz_err *e)
{
	static const char *const kinds[] = {"医疗", "教育", "必要就业成本", NULL};
	jz_case c;
	if (jz_case_need_role(s, "经办", "核算支出", e) || jz_check_choice("kind", "支出类别", kind, kinds, 0, e))
		return -1;
	if (fen < 0)
		return jz_fail(e, JZ_EUSER, "支出不能是负数");
	if (jz_case_get(s->db, case_id, &c, e) || jz_case_editable(&c, e))
		return -1;
	char line[160];
	snprintf(line, sizeof line, "%s=%lld.%02lld 元", kind, fen / 100, fen % 100);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_expense_put(s->db, case_id, kind, fen, e) ||
	    jz_case_record(s, &c, "case.expense", "核算刚性支出", line, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_set_self_care(jz_session *s, jz_rowid case_id, const char *level, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "评定自理能力", e))
		return -1;
	static const char *const levels[] = {"全自理", "半自理", "全护理", NULL};
	jz_case c;
	if (jz_check_choice("self_care", "自理能力", level, levels, 0, e) ||
	    jz_case_get(s->db, case_id, &c, e) || jz_case_editable(&c, e))
		return -1;
	if (strcmp(c.programme, "特困"))
		return jz_fail(e, JZ_EUSER, "只有特困供养要填自理能力");
	snprintf(c.self_care, sizeof c.self_care, "%s", level);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.self_care", "自理能力评估", level, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_reasons(jz_db *db, int exits, char (*out)[JZ_REASON_MAX], int max, jz_err *e)
{
	char list[1024], today[11], *save = NULL;
	int n = 0;
	jz_today(today);
	if (jz_setting_text(db, exits ? "case.exit_reasons" : "case.entry_reasons", "*", today, list,
			    sizeof list, e))
		return -1;
	for (char *t = strtok_r(list, "|", &save); t && n < max; t = strtok_r(NULL, "|", &save))
		if (*t)
			snprintf(out[n++], JZ_REASON_MAX, "%s", t);
	return n;
}

int jz_case_check_reason(jz_db *db, int exits, const char *reason, jz_err *e)
{
	char list[32][JZ_REASON_MAX];
	const char *ptrs[33];
	int n = jz_case_reasons(db, exits, list, 32, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		ptrs[i] = list[i];
	ptrs[n] = NULL;
	return jz_check_choice("reason", exits ? "退出原因" : "纳入原因", reason ? reason : "", ptrs, 0, e);
}

int jz_case_set_entry_reason(jz_session *s, jz_rowid case_id, const char *reason, jz_err *e)
{
	if (jz_case_need_role(s, "经办", "填写纳入原因", e))
		return -1;
	jz_case c;
	if (jz_case_check_reason(s->db, 0, reason, e) || jz_case_get(s->db, case_id, &c, e) ||
	    jz_case_editable(&c, e))
		return -1;
	if (*c.approved_on)
		return jz_fail(e, JZ_EUSER, "案件 %s 已审批，纳入原因不能再改", c.number);
	snprintf(c.entry_reason, sizeof c.entry_reason, "%s", reason);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.entry_reason", "纳入原因", reason, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

static int save_case(jz_session *s, jz_case *c, const char *action, const char *why, const char *detail,
		     jz_err *e)
{
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_case_update(s->db, c, e) || jz_case_record(s, c, action, why, detail, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_case_set_assets(jz_session *s, jz_rowid case_id, long long deposit_fen, int vehicles,
		       int houses, jz_err *e)
{
	jz_case c;
	char line[160];
	if (deposit_fen < 0 || vehicles < 0 || houses < 0)
		return jz_fail(e, JZ_EUSER, "存款、车辆、住房不能是负数");
	if (jz_case_need_role(s, "经办", "核实财产", e) || jz_case_get(s->db, case_id, &c, e) ||
	    jz_case_editable(&c, e))
		return -1;
	c.deposit_fen = deposit_fen;
	c.vehicles = vehicles;
	c.houses = houses;
	snprintf(line, sizeof line, "存款 %lld.%02lld 元，机动车 %d 辆，住房 %d 套", deposit_fen / 100,
		 deposit_fen % 100, vehicles, houses);
	return save_case(s, &c, "case.assets", "核实家庭财产", line, e);
}

int jz_case_set_waived(jz_session *s, jz_rowid case_id, int waived, jz_err *e)
{
	jz_case c;
	jz_household h;
	if (jz_case_need_role(s, "经办", "免核对", e) || jz_case_get(s->db, case_id, &c, e) ||
	    jz_case_editable(&c, e) || jz_store_household_get(s->db, c.household_id, &h, e) < 0)
		return -1;
	if (waived && (strcmp(c.programme, "低保") || strcmp(c.mode, "单人保") || !h.jiandang ||
		       strcmp(h.tuopin, "未脱贫")))
		return jz_fail(e, JZ_EUSER, "只有未脱贫建档立卡户的单人保可以免核对家庭经济状况（黔民发〔2020〕9号）");
	c.waived = waived != 0;
	return save_case(s, &c, "case.waived", waived ? "免核对家庭经济状况" : "取消免核对", NULL, e);
}
