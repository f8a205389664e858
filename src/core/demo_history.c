/* demo_history.c — the demo township's past: month by month, applications
 * taken through every step by the operator of each role (some refused,
 * some still open at the end), incomes for the means test, reviews with
 * 调整, 渐退 and exits, deaths, 特困 集中 and 分散, and a locked payment roll
 * for every past month. Everything goes through the core functions the desk
 * uses, with the clock set to each day in turn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/demo_gen.h"
#include "core/household.h"
#include "core/operator.h"
#include "core/roll.h"
#include "store/case_store.h"
#include "store/people.h"

struct staff {
	jz_session jb, sh, sp; /* 经办, 审核, 审批 */
	char today[11];        /* nothing is dated after the real today */
};

static void set_day(const struct staff *st, const char *month, int day)
{
	char d[11], tmp[32];
	snprintf(tmp, sizeof tmp, "%.7s-%02d", month, day % 100);
	memcpy(d, tmp, 11);
	jz_clock_set_today(strcmp(d, st->today) > 0 ? st->today : d, NULL);
}

static long long yuan(struct jz_demo_gen *g, int lo, int hi)
{
	return (long long)(lo + (int)jz_demo_rand(g, (unsigned)(hi - lo + 1))) * 100;
}

/* Incomes as a clerk would find them on the home visit. */
static int incomes(struct staff *st, struct jz_demo_gen *g, const jz_case *c, jz_err *e)
{
	jz_person m[16];
	int n = jz_store_members(st->jb.db, c->household_id, m, 16, e);
	for (int i = 0; i < n && i < 16; i++) {
		const char *kind = NULL;
		long long fen = 0;
		if (!strcmp(m[i].employment, "外出务工"))
			kind = "外出务工", fen = yuan(g, 600, 2000);
		else if (!strcmp(m[i].employment, "在职") || !strcmp(m[i].employment, "困难企业职工"))
			kind = "工资", fen = yuan(g, 900, 2600);
		else if (!strcmp(m[i].employment, "灵活就业"))
			kind = "灵活就业", fen = yuan(g, 500, 1400);
		else if (jz_age_on(m[i].birth, c->accepted_on) >= 60)
			kind = "基础养老金", fen = yuan(g, 130, 180);
		if (kind && jz_case_set_income(&st->jb, c->id, m[i].id_number, kind, fen, e))
			return -1;
	}
	if (jz_demo_pct(g, 20) && jz_case_set_expense(&st->jb, c->id, "医疗", yuan(g, 100, 600), e))
		return -1;
	return 0;
}

/* Who is likely to apply: poorer households for 低保 (no one able to work,
 * 建档立卡, a disabled or seriously ill member, a cause of poverty), old
 * people living alone for 特困, children for 孤儿, the seriously disabled for
 * 残疾补贴. Gathered once, drawn from at random. */
struct pool {
	jz_rowid *v;
	int n;
};

struct candidates {
	struct pool dibao, tekun, orphan, disabled; /* households; persons for the others */
};

static void pool_add(struct pool *p, jz_rowid id, int cap)
{
	if (p->n < cap)
		p->v[p->n++] = id;
}

static int poor(const jz_household *h, const jz_person *m, int n)
{
	int score = h->no_labour * 3 + h->jiandang * 2 + (*h->poverty_cause != 0);
	for (int i = 0; i < n; i++)
		score += (m[i].disability_grade > 0) + m[i].serious_illness;
	return score >= 2;
}

static int gather(jz_db *db, int households, const char *ref, struct candidates *c, jz_err *e)
{
	struct pool *all[] = {&c->dibao, &c->tekun, &c->orphan, &c->disabled};
	for (int i = 0; i < 4; i++)
		if (!(all[i]->v = calloc((size_t)households * 2 + 1, sizeof(jz_rowid))))
			return jz_fail(e, JZ_EDATA, "内存不足");
	for (jz_rowid hid = 1; hid <= households; hid++) {
		jz_household h;
		jz_person m[16];
		int n = jz_store_members(db, hid, m, 16, e);
		if (n < 0 || jz_store_household_get(db, hid, &h, e) < 0)
			return -1;
		if (*h.closed_on)
			continue;
		if (poor(&h, m, n < 16 ? n : 16))
			pool_add(&c->dibao, hid, households * 2);
		for (int i = 0; i < n && i < 16; i++) {
			int age = jz_age_on(m[i].birth, ref);
			if (*m[i].deceased_on)
				continue;
			if (n == 1 && age >= 60 && strcmp(m[i].labour, "有劳动能力"))
				pool_add(&c->tekun, m[i].id, households * 2);
			if (age < 16 && hid % 7 == 0) /* a few children: orphans in the story */
				pool_add(&c->orphan, m[i].id, households * 2);
			if (m[i].disability_grade >= 1 && m[i].disability_grade <= 2)
				pool_add(&c->disabled, m[i].id, households * 2);
		}
	}
	return 0;
}

static void candidates_free(struct candidates *c)
{
	free(c->dibao.v);
	free(c->tekun.v);
	free(c->orphan.v);
	free(c->disabled.v);
}

static const char *pick_programme(struct jz_demo_gen *g)
{
	unsigned r = jz_demo_rand(g, 100);
	return r < 70 ? "低保" : r < 82 ? "特困" : r < 87 ? "孤儿" : "残疾补贴";
}

/* Opens one application; 0 when the one drawn does not fit this time. */
static int apply(struct staff *st, struct jz_demo_gen *g, const struct candidates *cand, jz_case *c,
		 jz_err *e)
{
	const char *prog = pick_programme(g);
	const struct pool *p = !strcmp(prog, "低保") ? &cand->dibao : !strcmp(prog, "特困") ? &cand->tekun :
			       !strcmp(prog, "孤儿") ? &cand->orphan : &cand->disabled;
	int person_prog = strcmp(prog, "低保") != 0;
	jz_person who;
	char other[40];
	if (!p->n)
		return 0;
	jz_rowid id = p->v[jz_demo_rand(g, (unsigned)p->n)];
	int r = person_prog ? jz_store_person_get(st->jb.db, id, &who, e)
			    : jz_store_household_head(st->jb.db, id, &who, e);
	if (r <= 0 || *who.deceased_on || !who.household_id)
		return r < 0 ? -1 : 0;
	if (jz_store_open_case_of(st->jb.db, who.id, prog, 0, other, sizeof other, e) || *other)
		return *other ? 0 : -1;
	const char *mode = !strcmp(prog, "特困") ? (jz_demo_pct(g, 30) ? "集中供养" : "分散供养") : NULL;
	jz_err tmp = {0};
	if (jz_case_new(&st->jb, who.household_id, prog, mode, person_prog ? &who.id : NULL, person_prog, c, &tmp))
		return 0;
	if (!strcmp(prog, "特困")) {
		static const char *const care[] = {"全自理", "半自理", "全护理"};
		if (jz_case_set_self_care(&st->jb, c->id, care[jz_demo_rand(g, 3)], e))
			return -1;
	}
	return person_prog || incomes(st, g, c, e) == 0 ? 1 : -1;
}

struct pipeline {
	jz_rowid ids[64];
	int n;
};

/* Takes a case as far as `upto` steps (0..4), refusing some on the way. */
static int advance(struct staff *st, struct jz_demo_gen *g, jz_rowid id, int upto, const char *month,
		   jz_err *e)
{
	static const int days[] = {4, 7, 9, 18};
	for (int k = 0; k < upto && k < 4; k++) {
		jz_case c;
		struct jz_step s = {0};
		jz_session *who = k == 0 ? &st->jb : k == 1 ? &st->sh : k == 2 ? &st->jb : &st->sp;
		if (jz_case_get(st->jb.db, id, &c, e))
			return -1;
		if (strcmp(c.state, "受理") && strcmp(c.state, "调查") && strcmp(c.state, "审核") &&
		    strcmp(c.state, "公示"))
			return 0;
		set_day(st, month, days[k]);
		s.note = k == 0 ? "入户核实家庭成员、收入和财产情况" : "同意";
		s.county_doc = "开州民发〔审批〕号";
		s.county_date = NULL;
		char d[11];
		jz_today(d);
		s.county_date = d;
		if (k == 1 && jz_demo_pct(g, 8)) {
			s.refuse = 1;
			s.note = "家庭财产状况不符合规定（有商品房两套）";
		}
		jz_err tmp = {0};
		if (jz_case_step(who, id, &s, &tmp)) {
			/* the means test finds the household above the line: refuse with it */
			struct jz_step r = {.refuse = 1, .note = "家庭人均收入超过低保标准"};
			if (jz_case_step(who, id, &r, e))
				return -1;
			return 0;
		}
	}
	return 0;
}

struct ids {
	jz_rowid v[4096];
	int n;
	char until[11];
};

static int due_for_review(const jz_case *c, void *arg)
{
	struct ids *x = arg;
	if (*c->review_due && strcmp(c->review_due, x->until) <= 0 && x->n < 4096)
		x->v[x->n++] = c->id;
	return 0;
}

/* Reviews of the month: mostly 继续, some 调整, 渐退 or 退出. */
static int reviews(struct staff *st, struct jz_demo_gen *g, const char *month, jz_err *e)
{
	struct ids *x = calloc(1, sizeof *x);
	int rc = 0;
	if (!x)
		return jz_fail(e, JZ_EDATA, "内存不足");
	jz_month_last_day(month, x->until);
	set_day(st, month, 20);
	if (jz_store_cases(st->jb.db, "在保", due_for_review, x, e))
		rc = -1;
	for (int i = 0; !rc && i < x->n; i++) {
		unsigned r = jz_demo_rand(g, 100);
		struct jz_review rv = {.result = "继续", .note = "入户复核，家庭情况无变化"};
		if (r >= 97)
			rv = (struct jz_review){.result = "退出", .reason = "收入超标", .note = "子女务工收入增加"};
		else if (r >= 90)
			rv = (struct jz_review){.result = "渐退", .reason = "收入超标", .note = "家庭收入超过标准", .grace_months = 6};
		else if (r >= 80)
			rv = (struct jz_review){.result = "调整", .note = "家庭收入变化，调整金额"};
		jz_err tmp = {0};
		struct jz_review adjust = {.result = "调整", .note = "入户复核，按现在的家庭情况调整金额"};
		if (jz_case_review(&st->jb, x->v[i], &rv, &tmp) && (strcmp(rv.result, "继续") ||
		    jz_case_review(&st->jb, x->v[i], &adjust, &tmp))) {
			/* 渐退 not allowed for this household, or no longer eligible: exit */
			struct jz_review out = {.result = "退出", .reason = "收入超标", .note = "复核不符合条件"};
			jz_err tmp2 = {0};
			jz_case_review(&st->jb, x->v[i], &out, &tmp2);
		}
	}
	free(x);
	return rc;
}

static int covered_elderly(const jz_case *c, void *arg)
{
	struct ids *x = arg;
	if (x->n < 4096)
		x->v[x->n++] = c->id;
	return 0;
}

/* Now and then a covered old person dies; the core ends or flags his cases. */
static int deaths(struct staff *st, struct jz_demo_gen *g, const char *month, jz_err *e)
{
	struct ids *x = calloc(1, sizeof *x);
	jz_rowid m[8];
	jz_person p;
	int rc = 0;
	if (!x)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (jz_demo_pct(g, 35) && jz_store_cases(st->jb.db, "在保", covered_elderly, x, e) == 0 && x->n) {
		jz_rowid cid = x->v[jz_demo_rand(g, (unsigned)x->n)];
		int n = jz_store_case_members(st->jb.db, cid, m, 8, e);
		if (n > 0 && jz_store_person_get(st->jb.db, m[n - 1], &p, e) > 0 && !*p.deceased_on) {
			char day[11], tmp[32];
			char when[8];
			jz_month_add(month, -(int)jz_demo_rand(g, 3), when); /* reported up to 2 months late */
			snprintf(tmp, sizeof tmp, "%.7s-%02u", when, 1 + jz_demo_rand(g, 27));
			memcpy(day, tmp, 11);
			set_day(st, month, 28);
			rc = jz_person_died(&st->jb, p.id, day, "村委会报告死亡，已核实火化证明", e);
		}
	}
	free(x);
	return rc;
}

static int pending(const jz_case *c, void *arg)
{
	struct ids *x = arg;
	if (c->province_pending && x->n < 4096)
		x->v[x->n++] = c->id;
	return 0;
}

/* Most changes are typed into the provincial system within the month. */
static int province(struct staff *st, struct jz_demo_gen *g, const char *month, int all, jz_err *e)
{
	struct ids *x = calloc(1, sizeof *x);
	int rc = 0;
	if (!x)
		return jz_fail(e, JZ_EDATA, "内存不足");
	set_day(st, month, 22);
	rc = jz_store_cases(st->jb.db, "", pending, x, e);
	for (int i = 0; !rc && i < x->n; i++)
		if (all || jz_demo_pct(g, 85))
			rc = jz_case_province_done(&st->jb, x->v[i], e);
	free(x);
	return rc;
}

/* scale: applications grow with the township (one share a 1,000 households). */
static int one_month(struct staff *st, struct jz_demo_gen *g, const struct candidates *cand,
		     const char *month, int last, int scale, jz_err *e)
{
	int apps = (4 + (int)jz_demo_rand(g, 6)) * scale, opened = 0;
	set_day(st, month, 3);
	for (int tries = 0; opened < apps && tries < apps * 6; tries++) {
		jz_case c;
		int r = apply(st, g, cand, &c, e);
		if (r < 0)
			return -1;
		if (r == 0)
			continue;
		opened++;
		/* in the last month the applications are still on their way */
		if (advance(st, g, c.id, last ? (int)jz_demo_rand(g, 4) : 4, month, e))
			return -1;
		set_day(st, month, 3);
	}
	if (reviews(st, g, month, e) || deaths(st, g, month, e) || province(st, g, month, 0, e))
		return -1;
	if (last)
		return 0;
	set_day(st, month, 25);
	return jz_roll_build(&st->jb, month, NULL, e) || jz_roll_lock(&st->sh, month, e);
}

static int sign_in(jz_db *db, struct staff *st, jz_err *e)
{
	st->jb.db = st->sh.db = st->sp.db = db;
	return jz_sign_in(&st->jb, "jingban", "demo", e) || jz_sign_in(&st->sh, "shenhe", "demo", e) ||
	       jz_sign_in(&st->sp, "shenpi", "demo", e);
}

int jz_demo_history(jz_db *db, struct jz_demo_gen *g, int households, int months, jz_err *e)
{
	struct staff st;
	char fixed[11], today[11], this_month[8], month[8];
	int had_fixed = jz_clock_fixed_today(fixed), rc = 0, scale = households >= 2000 ? households / 1000 : 1;
	jz_today(today);
	jz_month_of(today, this_month);
	struct candidates cand = {0};
	memcpy(st.today, today, sizeof st.today);
	if (sign_in(db, &st, e) || gather(db, households, today, &cand, e)) {
		candidates_free(&cand);
		return -1;
	}
	for (int k = months; k >= 1 && !rc; k--) {
		jz_month_add(this_month, -k, month);
		rc = one_month(&st, g, &cand, month, 0, scale, e);
	}
	/* this month: applications on their way, the roll a draft */
	if (!rc && !(rc = one_month(&st, g, &cand, this_month, 1, scale, e)))
		rc = jz_roll_build(&st.jb, this_month, NULL, e);
	candidates_free(&cand);
	if (had_fixed)
		jz_clock_set_today(fixed, NULL);
	else
		jz_clock_clear_today();
	return rc;
}
