/* case_calc.c — the means test of a case: gathers the household's members,
 * incomes, expenses and assets from the store and runs core/means.c with the
 * database's settings (see case_calc.h). */
#include "core/case_calc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"

struct gather {
	struct jz_means_input in;
	struct jz_means_member m[JZ_MEANS_MAX_MEMBERS];
	jz_person p[JZ_MEANS_MAX_MEMBERS];
	jz_rowid covered[JZ_MEANS_MAX_MEMBERS];
	int ncovered;
};

static int kind_index(const char *const *names, int n, const char *kind)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], kind))
			return i;
	return -1;
}

static void on_income(jz_rowid pid, const char *kind, long long fen, void *arg)
{
	struct gather *g = arg;
	int k = kind_index(jz_income_kind_names, JZ_INC_N, kind);
	for (int i = 0; k >= 0 && i < g->in.n; i++)
		if (g->m[i].person_id == pid)
			g->m[i].income_fen[k] += fen;
}

static void on_expense(const char *kind, long long fen, void *arg)
{
	struct gather *g = arg;
	int k = kind_index(jz_expense_kind_names, JZ_EXP_N, kind);
	if (k >= 0)
		g->in.expense_fen[k] += fen;
}

static int is_covered(const struct gather *g, jz_rowid pid)
{
	for (int i = 0; i < g->ncovered; i++)
		if (g->covered[i] == pid)
			return 1;
	return 0;
}

/* Members living on the month's last day, with their ages then. */
static int gather_members(jz_db *db, const jz_case *c, const char *month, struct gather *g, jz_err *e)
{
	char last[11];
	jz_month_last_day(month, last);
	int n = jz_store_members(db, c->household_id, g->p, JZ_MEANS_MAX_MEMBERS, e);
	g->ncovered = jz_store_case_members_in(db, c->id, month, g->covered, JZ_MEANS_MAX_MEMBERS, e);
	if (n < 0 || g->ncovered < 0)
		return -1;
	for (int i = 0; i < n && i < JZ_MEANS_MAX_MEMBERS; i++) {
		const jz_person *p = &g->p[i];
		if (*p->deceased_on && strcmp(p->deceased_on, last) <= 0)
			continue;
		struct jz_means_member *m = &g->m[g->in.n++];
		memset(m, 0, sizeof *m);
		m->person_id = p->id;
		memcpy(m->name, p->name, sizeof m->name); /* same sizes */
		m->covered = is_covered(g, p->id);
		m->age = jz_age_on(p->birth, last);
		memcpy(m->disability_cat, p->disability_cat, sizeof m->disability_cat);
		m->disability_grade = p->disability_grade;
		m->serious_illness = p->serious_illness;
		m->student = p->student;
	}
	return 0;
}

static void add_line(struct jz_means_result *r, const char *text)
{
	if (r->nlines < JZ_MEANS_MAX_LINES)
		snprintf(r->lines[r->nlines++].text, sizeof r->lines[0].text, "%s", text);
}

/* 低保: assets above the limits (settings) make the household ineligible. */
static int check_assets(jz_db *db, const jz_case *c, const char *month, const struct jz_means_input *in,
			struct jz_means_result *r, jz_err *e)
{
	long long pct, vehicles, houses;
	char line[256], a[32], b[32], day[11];
	if (strcmp(c->programme, "低保") || !r->members_counted)
		return 0;
	snprintf(day, sizeof day, "%.7s-01", month);
	if (jz_setting_int(db, "means.deposit_limit_pct", "*", day, &pct, e) ||
	    jz_setting_int(db, "means.vehicle_limit", "*", day, &vehicles, e) ||
	    jz_setting_int(db, "means.house_limit", "*", day, &houses, e))
		return -1;
	long long per_capita = in->assets_deposit_fen / r->members_counted;
	long long limit = r->standard_fen * 12 * pct / 100;
	const char *why = NULL;
	if (per_capita > limit)
		why = "人均存款超过规定";
	else if (in->assets_vehicles > vehicles)
		why = "家庭有机动车超过规定";
	else if (in->assets_houses > houses)
		why = "家庭住房超过规定";
	jz_means_money(per_capita, a, sizeof a);
	jz_means_money(limit, b, sizeof b);
	snprintf(line, sizeof line, "家庭财产：人均存款 %s 元（上限 %s 元），机动车 %d 辆（上限 %lld），住房 %d 套（上限 %lld）%s",
		 a, b, in->assets_vehicles, vehicles, in->assets_houses, houses, why ? "，不符合" : "，符合");
	add_line(r, line);
	if (why && r->eligible) {
		r->eligible = 0;
		r->base_fen = r->care_fen = r->supplement_total_fen = r->total_fen = 0;
		memset(r->supplement_fen, 0, sizeof r->supplement_fen);
		snprintf(r->refusal, sizeof r->refusal, "%s", why);
		add_line(r, "结论：家庭财产超过规定，不符合低保条件");
	}
	return 0;
}

int jz_case_calc(jz_db *db, const jz_case *c, const char *month, struct jz_case_means *cm,
		 jz_err *e)
{
	struct gather *g = calloc(1, sizeof *g);
	jz_household h;
	int rc = -1;
	if (!g)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (jz_store_household_get(db, c->household_id, &h, e) < 0 ||
	    gather_members(db, c, month, g, e) ||
	    jz_store_incomes(db, c->id, on_income, g, e) || jz_store_expenses(db, c->id, on_expense, g, e))
		goto out;
	g->in.month = month;
	g->in.area = c->area;
	g->in.programme = c->programme;
	g->in.mode = c->mode;
	g->in.self_care = c->self_care;
	g->in.jiandang_unlifted = h.jiandang && !strcmp(h.tuopin, "未脱贫");
	g->in.waived = c->waived;
	g->in.m = g->m;
	g->in.assets_deposit_fen = c->deposit_fen;
	g->in.assets_vehicles = c->vehicles;
	g->in.assets_houses = c->houses;
	g->in.setting = jz_means_db_setting;
	g->in.ctx = db;
	cm->n = g->in.n;
	for (int i = 0; i < g->in.n; i++) {
		cm->person_id[i] = g->m[i].person_id;
		memcpy(cm->name[i], g->m[i].name, sizeof cm->name[i]);
		cm->covered[i] = g->m[i].covered;
		cm->grade[i] = g->m[i].disability_grade;
	}
	rc = jz_means_calc(&g->in, &cm->r, e);
	if (!rc)
		rc = check_assets(db, c, month, &g->in, &cm->r, e);
out:
	free(g);
	return rc;
}

int jz_case_check_supplements(const jz_case *c, const struct jz_case_means *cm, jz_err *e)
{
	if (strcmp(c->programme, "低保"))
		return 0;
	for (int i = 0; i < cm->n; i++)
		if (cm->covered[i] && cm->grade[i] && cm->r.supplement_fen[i] <= 0)
			return jz_fail(e, JZ_EUSER, "「%s」持有%d级残疾证，必须落实分类施保，现在没有：请在「设置」里填写分类施保比例后再审批",
				       cm->name[i], cm->grade[i]);
	return 0;
}

int jz_case_fix_amount(jz_db *db, const jz_case *c, const char *from_month,
		       const struct jz_case_means *cm, const char *note, jz_err *e)
{
	struct jz_case_amount a = {0};
	const struct jz_means_result *r = &cm->r;
	snprintf(a.from_month, sizeof a.from_month, "%s", from_month);
	a.base_fen = r->base_fen + r->care_fen;
	a.supplement_fen = r->supplement_total_fen;
	a.total_fen = a.base_fen + a.supplement_fen;
	a.covered = r->covered;
	snprintf(a.note, sizeof a.note, "%s", note);
	if (jz_store_amount_put(db, c->id, &a, e))
		return -1;
	for (int i = 0; i < cm->n; i++)
		if (cm->covered[i] && jz_store_supplement_put(db, c->id, from_month, cm->person_id[i],
							      r->supplement_fen[i], e))
			return -1;
	return 0;
}
