/* figures_people.c — the figures of persons and money of the monthly
 * workbook: dibao (低保), tekun (特困供养), butie (孤儿, 残疾补贴 and the
 * month's one-off payments). See figures.h.
 *
 * Rules
 *  1. A case counts in month M when it is in force in M (roll.c rule 2); a
 *     person when he is a member of such a case, his until_month is '' or
 *     >= M and he had not died before M began. A household counts once if
 *     any of its members counts.
 *  2. Persons and households are counted by the values they had on the last
 *     day of M (person_past, household_past): village, 城市/农村 (the
 *     household's area), poverty cause (households), labour, disability,
 *     student. Sex and age come from the ID; ages on the last day of M:
 *     老年人 >= the setting dibao.elderly_age, 成年人 18 to that age,
 *     未成年人 < 18, 未满16周岁 < 16. 残疾人: any grade; 重度: grade 1–2.
 *  3. 当月新增: counted in M, not in M-1 (persons by person, households by
 *     household); 当月退出: counted in M-1, not in M. So 新增 − 退出 is
 *     exactly the change from last month (a cross-check).
 *  4. Money is what the roll of M pays (月发 + 补发 + 扣回, roll.c rule 9) by
 *     the village and area of the line's household on the last day of M;
 *     累计: the rolls of January to M. 月人均补助 = 当月支出金额 / 保障人数,
 *     rounded to the fen. The roll not locked: the workbook says 草稿.
 *  5. Standards are the settings in force on the last day of M: 低保
 *     dibao.standard_fen by area; 特困 基本生活标准 the higher of
 *     tekun.basic_fen and 低保标准 x tekun.basic_factor_pct, 照料护理标准
 *     wage.minimum_fen x tekun.care_*_pct, for 农村. A standard not set is
 *     left blank. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/figures.h"
#include "core/clock.h"
#include "store/figures_store.h"
#include "store/township_store.h"

#define MAX_VILLAGES 512

static const char *const dibao_cols[] = {
	"households", "persons", "female", "elderly", "adult", "minor", "student", "disabled",
	"severe", "labour_none", "labour_part", "single", "cause_ill", "cause_disabled",
	"cause_study", "cause_disaster", "cause_labour", "cause_other", "new_households",
	"new_persons", "exit_households", "exit_persons", "paid", "per_person", "ytd", NULL};
static const char *const tekun_cols[] = {
	"persons", "female", "elderly", "under16", "disabled", "care_half", "care_full", "paid",
	"ytd", NULL};
static const char *const cause_cols[] = {
	"cause_ill", "cause_disabled", "cause_study", "cause_disaster", "cause_labour", "cause_other"};

struct people {
	jz_db *db;
	struct jz_figures *f;
	struct jz_fig_table *dibao, *tekun, *butie;
	jz_village *villages;
	int nvillages;
	jz_err *e;
	int failed;
};

static void zeros(struct jz_fig_row *r, const char *const *cols)
{
	for (int i = 0; cols[i]; i++)
		jz_fig_set(r, cols[i], 0);
}

static const jz_village *village_of(const struct people *p, jz_rowid id)
{
	for (int i = 0; i < p->nvillages; i++)
		if (p->villages[i].id == id)
			return &p->villages[i];
	return NULL;
}

/* Found: 1 and the value; not set: 0; error: -1. */
static int setting_fen(jz_db *db, const char *key, const char *area, const char *day,
		       long long *v, jz_err *e)
{
	char buf[64];
	int r = jz_store_setting_get(db, key, area, day, buf, sizeof buf, e);
	if (r > 0)
		*v = strtoll(buf, NULL, 10);
	return r;
}

/* 孤儿 and 残疾补贴 rows: "孤儿（社会散居）". */
static struct jz_fig_row *butie_row(struct people *p, const char *programme, const char *mode)
{
	char key[96];
	if (*mode)
		snprintf(key, sizeof key, "%s（%s）", programme, mode);
	else
		snprintf(key, sizeof key, "%s", programme);
	struct jz_fig_row *r = jz_fig_row_get(p->butie, key);
	if (!r && (r = jz_fig_row_add(p->butie, key, NULL, p->e))) {
		jz_fig_set(r, "persons", 0);
		jz_fig_set(r, "paid", 0);
		jz_fig_set(r, "ytd", 0);
	}
	if (!r)
		p->failed = 1;
	return r;
}

static int add_rows(struct people *p)
{
	for (int i = 0; i < p->nvillages; i++) {
		struct jz_fig_row *r = jz_fig_row_add(p->dibao, p->villages[i].name, NULL, p->e);
		if (!r)
			return -1;
		r->village = 1;
		zeros(r, dibao_cols);
	}
	static const char *const dibao_total[] = {"城市", "农村", "合计"};
	static const char *const tekun_rows[] = {"集中供养", "分散供养", "合计"};
	for (int i = 0; i < 3; i++) {
		struct jz_fig_row *r = jz_fig_row_add(p->dibao, dibao_total[i], NULL, p->e);
		struct jz_fig_row *t = r ? jz_fig_row_add(p->tekun, tekun_rows[i], NULL, p->e) : NULL;
		if (!t)
			return -1;
		zeros(r, dibao_cols);
		zeros(t, tekun_cols);
	}
	static const char *const modes[][2] = {{"孤儿", "社会散居"}, {"孤儿", "集中养育"},
		{"孤儿", "事实无人抚养"}, {"残疾补贴", "护理补贴"}, {"残疾补贴", "生活补贴"}};
	for (int i = 0; i < 5; i++)
		if (!butie_row(p, modes[i][0], modes[i][1]))
			return -1;
	return 0;
}

static void add_dibao(struct jz_fig_row *r, const struct jz_fig_group *g)
{
	long long v[] = {g->households, g->persons, g->female, g->elderly, g->adult, g->minor,
			 g->student, g->disabled, g->severe, g->labour_none, g->labour_part,
			 strcmp(g->mode, "单人保") ? 0 : g->persons};
	for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
		jz_fig_add(r, dibao_cols[i], v[i]);
	for (int i = 0; i < 6; i++)
		jz_fig_add(r, cause_cols[i], g->cause[i]);
	jz_fig_add(r, "new_households", g->new_households);
	jz_fig_add(r, "new_persons", g->new_persons);
	jz_fig_add(r, "exit_households", g->exit_households);
	jz_fig_add(r, "exit_persons", g->exit_persons);
}

static void add_tekun(struct jz_fig_row *r, const struct jz_fig_group *g)
{
	long long v[] = {g->persons, g->female, g->elderly, g->under16, g->disabled,
			 strcmp(g->self_care, "半自理") ? 0 : g->persons,
			 strcmp(g->self_care, "全护理") ? 0 : g->persons};
	for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
		jz_fig_add(r, tekun_cols[i], v[i]);
	jz_fig_add(r, "households", g->households);
	jz_fig_add(r, "new_persons", g->new_persons);
	jz_fig_add(r, "exit_persons", g->exit_persons);
}

static int on_group(const struct jz_fig_group *g, void *arg)
{
	struct people *p = arg;
	if (!strcmp(g->programme, "低保")) {
		const jz_village *v = village_of(p, g->village_id);
		if (v)
			add_dibao(jz_fig_row_get(p->dibao, v->name), g);
		add_dibao(jz_fig_row_get(p->dibao, g->area), g);
		add_dibao(jz_fig_row_get(p->dibao, "合计"), g);
	} else if (!strcmp(g->programme, "特困")) {
		add_tekun(jz_fig_row_get(p->tekun, g->mode), g);
		add_tekun(jz_fig_row_get(p->tekun, "合计"), g);
	} else {
		struct jz_fig_row *r = butie_row(p, g->programme, g->mode);
		if (!r)
			return 1;
		jz_fig_add(r, "persons", g->persons);
	}
	return 0;
}

static void add_money(struct jz_fig_row *r, const struct jz_fig_money *m)
{
	if (m->this_month)
		jz_fig_add(r, "paid", m->fen);
	jz_fig_add(r, "ytd", m->fen);
}

static int on_money(const struct jz_fig_money *m, void *arg)
{
	struct people *p = arg;
	if (!strcmp(m->programme, "低保")) {
		const jz_village *v = village_of(p, m->village_id);
		if (v)
			add_money(jz_fig_row_get(p->dibao, v->name), m);
		add_money(jz_fig_row_get(p->dibao, m->area), m);
		add_money(jz_fig_row_get(p->dibao, "合计"), m);
	} else if (!strcmp(m->programme, "特困")) {
		add_money(jz_fig_row_get(p->tekun, m->mode), m);
		add_money(jz_fig_row_get(p->tekun, "合计"), m);
	} else if (!strcmp(m->programme, "孤儿") || !strcmp(m->programme, "残疾补贴")) {
		struct jz_fig_row *r = butie_row(p, m->programme, m->mode);
		if (!r)
			return 1;
		add_money(r, m);
	} else if (m->this_month) { /* a one-off payment of M */
		struct jz_fig_row *r = butie_row(p, m->programme, "");
		if (!r)
			return 1;
		jz_fig_add(r, "persons", m->persons);
		add_money(r, m);
	}
	return 0;
}

static void per_person(struct jz_fig_table *t)
{
	for (int i = 0; i < t->nrows; i++) {
		const struct jz_fig_cell *paid = jz_fig_cell(&t->rows[i], "paid");
		const struct jz_fig_cell *n = jz_fig_cell(&t->rows[i], "persons");
		long long v = paid && n && n->v > 0 ? (paid->v * 2 + n->v) / (2 * n->v) : 0;
		jz_fig_set(&t->rows[i], "per_person", v);
	}
}

static int standards(struct people *p)
{
	const char *day = p->f->last_day;
	long long std = 0, basic = 0, factor = 0, wage = 0, pct = 0;
	for (int i = 0; i < p->dibao->nrows; i++) {
		struct jz_fig_row *r = &p->dibao->rows[i];
		const jz_village *v = r->village ? &p->villages[i] : NULL;
		const char *area = v ? v->area : r->key;
		if (strcmp(area, "城市") && strcmp(area, "农村"))
			continue;
		int got = setting_fen(p->db, "dibao.standard_fen", area, day, &std, p->e);
		if (got < 0)
			return -1;
		if (got)
			jz_fig_set(r, "standard", std);
	}
	int got = setting_fen(p->db, "dibao.standard_fen", "农村", day, &std, p->e);
	int got2 = got > 0 ? setting_fen(p->db, "tekun.basic_fen", "农村", day, &basic, p->e) : 0;
	int got3 = got2 > 0 ? setting_fen(p->db, "tekun.basic_factor_pct", "农村", day, &factor, p->e) : 0;
	int got4 = setting_fen(p->db, "wage.minimum_fen", "农村", day, &wage, p->e);
	if (got < 0 || got2 < 0 || got3 < 0 || got4 < 0)
		return -1;
	static const char *const care_key[] = {"tekun.care_self_pct", "tekun.care_half_pct", "tekun.care_full_pct"};
	static const char *const care_col[] = {"care_self_standard", "care_half_standard", "care_full_standard"};
	for (int i = 0; i < p->tekun->nrows; i++) {
		struct jz_fig_row *r = &p->tekun->rows[i];
		if (got3 > 0) {
			long long floor_ = (std * factor + 50) / 100;
			jz_fig_set(r, "basic_standard", basic > floor_ ? basic : floor_);
		}
		for (int k = 0; k < 3 && got4 > 0; k++) {
			int has = setting_fen(p->db, care_key[k], "农村", day, &pct, p->e);
			if (has < 0)
				return -1;
			if (has)
				jz_fig_set(r, care_col[k], (wage * pct + 50) / 100);
		}
	}
	return 0;
}

int jz_fig_people(jz_db *db, struct jz_figures *f, jz_err *e)
{
	struct people p = {.db = db, .f = f, .e = e};
	struct jz_fig_period per;
	long long elderly = 60;
	memset(&per, 0, sizeof per);
	snprintf(per.month, sizeof per.month, "%s", f->month);
	jz_month_add(f->month, -1, per.prev);
	snprintf(per.first, sizeof per.first, "%s-01", f->month);
	snprintf(per.last, sizeof per.last, "%s", f->last_day);
	snprintf(per.prev_first, sizeof per.prev_first, "%s-01", per.prev);
	jz_month_last_day(per.prev, per.prev_last);
	snprintf(per.year_first, sizeof per.year_first, "%.4s-01", f->month);
	if (setting_fen(db, "dibao.elderly_age", "*", f->last_day, &elderly, e) < 0)
		return -1;
	p.villages = calloc(MAX_VILLAGES, sizeof *p.villages);
	if (!p.villages)
		return jz_fail(e, JZ_EDATA, "内存不足");
	int rc = -1;
	p.nvillages = jz_store_villages(db, p.villages, MAX_VILLAGES, e);
	if (p.nvillages < 0)
		goto done;
	if (p.nvillages > MAX_VILLAGES)
		p.nvillages = MAX_VILLAGES;
	if (!(p.dibao = jz_fig_table_add(f, "dibao", e)) || !(p.tekun = jz_fig_table_add(f, "tekun", e)) ||
	    !(p.butie = jz_fig_table_add(f, "butie", e)) || add_rows(&p))
		goto done;
	if (jz_store_fig_groups(db, &per, elderly, on_group, &p, e) || p.failed ||
	    jz_store_fig_money(db, &per, on_money, &p, e) || p.failed)
		goto done;
	per_person(p.dibao);
	rc = standards(&p);
done:
	free(p.villages);
	return rc;
}
