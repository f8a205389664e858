/* test_means.c — the means test and the monthly amounts (core/means.c).
 *
 * Every case is worked by hand in its comment, in fen, from the settings
 * table below (the values suggested for the demo). The settings come from
 * a table here through the jz_setting_fn callback, the way the database's
 * do: the latest row not after the month, for the area or '*'. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/means.h"

/* ---- the settings table -------------------------------------------------- */

struct row {
	char key[48];
	char area[12];
	char from[8]; /* YYYY-MM */
	long long v;
};

struct fake {
	struct row rows[96];
	int n;
	int calls;
	int silent; /* fail missing settings without a message */
};

static const struct row base_rows[] = {
	{"dibao.standard_fen", "城市", "2025-01", 72000},
	{"dibao.standard_fen", "农村", "2025-01", 58000},
	{"dibao.standard_fen", "城市", "2026-01", 75000},
	{"dibao.standard_fen", "农村", "2026-01", 61000},
	{"means.migrant_deduction_pct", "*", "2020-01", 30},
	{"dibao.rounding", "*", "2020-01", 0},
	{"dibao.edge_factor_pct", "*", "2020-01", 150},
	{"dibao.low_income_pct", "*", "2020-01", 150},
	{"dibao.single_disability_max_grade", "*", "2020-01", 2},
	{"dibao.single_mental_max_grade", "*", "2020-01", 4},
	{"dibao.single_amount_rule", "*", "2020-01", 0},
	{"dibao.supp_disabled12_pct", "*", "2020-01", 20},
	{"dibao.supp_disabled34_pct", "*", "2020-01", 10},
	{"dibao.elderly_age", "*", "2020-01", 60},
	{"dibao.supp_elderly_pct", "*", "2020-01", 10},
	{"dibao.supp_minor_pct", "*", "2020-01", 10},
	{"dibao.supp_ill_pct", "*", "2020-01", 15},
	/* 特困: chosen so that the max() is visible both ways: 农村 95,000 <
	 * 1.6 x 61,000 = 97,600; 城市 125,000 > 1.6 x 75,000 = 120,000 */
	{"tekun.basic_fen", "城市", "2026-01", 125000},
	{"tekun.basic_fen", "农村", "2026-01", 95000},
	{"tekun.basic_factor_pct", "*", "2020-01", 160},
	{"wage.minimum_fen", "*", "2025-01", 210000},
	{"tekun.care_self_pct", "*", "2020-01", 2},
	{"tekun.care_half_pct", "*", "2020-01", 30},
	{"tekun.care_full_pct", "*", "2020-01", 60},
	{"orphan.concentrated_fen", "*", "2020-01", 160000},
	{"orphan.scattered_fen", "*", "2020-01", 105000},
	{"orphan.de_facto_fen", "*", "2020-01", 105000},
	{"disability.care_grade1_fen", "*", "2020-01", 7000},
	{"disability.care_grade2_fen", "*", "2020-01", 5000},
	{"disability.living_fen", "*", "2020-01", 8000},
};

static void fake_init(struct fake *f)
{
	memset(f, 0, sizeof *f);
	f->n = (int)(sizeof base_rows / sizeof base_rows[0]);
	memcpy(f->rows, base_rows, sizeof base_rows);
}

/* Sets key for area from month on (replacing that very row if present). */
static void fake_set(struct fake *f, const char *key, const char *area, const char *from, long long v)
{
	for (int i = 0; i < f->n; i++) {
		struct row *r = &f->rows[i];
		if (!strcmp(r->key, key) && !strcmp(r->area, area) && !strcmp(r->from, from)) {
			r->v = v;
			return;
		}
	}
	assert_true(f->n < (int)(sizeof f->rows / sizeof f->rows[0]));
	struct row *r = &f->rows[f->n++];
	snprintf(r->key, sizeof r->key, "%s", key);
	snprintf(r->area, sizeof r->area, "%s", area);
	snprintf(r->from, sizeof r->from, "%s", from);
	r->v = v;
}

/* Removes every row of key. */
static void fake_drop(struct fake *f, const char *key)
{
	int j = 0;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->rows[i].key, key))
			f->rows[j++] = f->rows[i];
	f->n = j;
}

static int fake_setting(void *ctx, const char *key, const char *area, const char *month,
			long long *out, jz_err *e)
{
	struct fake *f = ctx;
	const struct row *best = NULL;
	f->calls++;
	for (int i = 0; i < f->n; i++) {
		const struct row *r = &f->rows[i];
		if (strcmp(r->key, key) || (strcmp(r->area, area) && strcmp(r->area, "*")) ||
		    strcmp(r->from, month) > 0)
			continue;
		int c = best ? strcmp(r->from, best->from) : 1;
		if (c > 0 || (c == 0 && strcmp(r->area, "*")))
			best = r;
	}
	if (!best) {
		if (f->silent)
			return -1;
		return jz_fail(e, JZ_EUSER, "缺少设置「%s」（地区：%s，日期：%s）。请在「设置」里填写后再试", key,
			       area, month);
	}
	*out = best->v;
	return 0;
}

/* ---- building a household ------------------------------------------------ */

static struct jz_means_member member(const char *name, int covered, int age)
{
	struct jz_means_member m;
	memset(&m, 0, sizeof m);
	snprintf(m.name, sizeof m.name, "%s", name);
	m.covered = covered;
	m.age = age;
	return m;
}

static void disabled(struct jz_means_member *m, const char *cat, int grade)
{
	snprintf(m->disability_cat, sizeof m->disability_cat, "%s", cat);
	m->disability_grade = grade;
}

static struct jz_means_input input(struct fake *f, const char *month, const char *area,
				   const char *programme, const char *mode,
				   struct jz_means_member *m, int n)
{
	struct jz_means_input in;
	memset(&in, 0, sizeof in);
	in.month = month;
	in.area = area;
	in.programme = programme;
	in.mode = mode;
	in.m = m;
	in.n = n;
	in.setting = fake_setting;
	in.ctx = f;
	return in;
}

/* ---- checking the result --------------------------------------------------- */

static void dump(const struct jz_means_result *r)
{
	for (int i = 0; i < r->nlines; i++)
		print_message("  [%2d] %s (%lld)\n", i, r->lines[i].text, r->lines[i].fen);
	if (r->refusal[0])
		print_message("  refusal: %s\n", r->refusal);
}

/* The index of the first line containing every word (NULL-terminated), or -1. */
static int find_line(const struct jz_means_result *r, const char *const *words)
{
	for (int i = 0; i < r->nlines; i++) {
		int ok = 1;
		for (const char *const *w = words; *w && ok; w++)
			ok = strstr(r->lines[i].text, *w) != NULL;
		if (ok)
			return i;
	}
	return -1;
}

static void assert_line_words(const struct jz_means_result *r, const char *const *words)
{
	if (find_line(r, words) < 0) {
		print_error("no line has all of:");
		for (const char *const *w = words; *w; w++)
			print_error(" \"%s\"", *w);
		print_error("\n");
		dump(r);
	}
	assert_true(find_line(r, words) >= 0);
}
#define HAS_LINE(r, ...) assert_line_words((r), (const char *const[]){__VA_ARGS__, NULL})
#define NO_LINE(r, ...) assert_int_equal(find_line((r), (const char *const[]){__VA_ARGS__, NULL}), -1)

static void assert_contains(const char *text, const char *word)
{
	if (!strstr(text, word))
		print_error("\"%s\" lacks \"%s\"\n", text, word);
	assert_non_null(strstr(text, word));
}

/* Every line is well-formed UTF-8 and fits its buffer. */
static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3
			: (*p & 0xF8) == 0xF0 ? 4 : 0;
		if (!len)
			return 0;
		for (int i = 1; i < len; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += len;
	}
	return 1;
}

static void assert_lines_sane(const struct jz_means_result *r)
{
	assert_true(r->nlines > 0 && r->nlines <= JZ_MEANS_MAX_LINES);
	for (int i = 0; i < r->nlines; i++) {
		assert_true(strlen(r->lines[i].text) < sizeof r->lines[i].text);
		assert_true(valid_utf8(r->lines[i].text));
	}
	assert_true(valid_utf8(r->refusal));
}

static void calc_ok(const struct jz_means_input *in, struct jz_means_result *r)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_means_calc(in, r, &e);
	if (rc)
		print_error("jz_means_calc: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(e.code, JZ_OK);
	assert_lines_sane(r);
}

/* jz_means_calc fails with code and a message holding word. */
static void calc_fails(const struct jz_means_input *in, int code, const char *word)
{
	static struct jz_means_result r;
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_means_calc(in, &r, &e), -1);
	assert_int_equal(e.code, code);
	assert_contains(e.msg, word);
}

/* ---- money and rounding --------------------------------------------------- */

static void test_money_format(void **state)
{
	(void)state;
	char b[32];
	static const struct {
		long long fen;
		const char *want;
	} v[] = {
		{0, "0.00"}, {5, "0.05"}, {99, "0.99"}, {100, "1.00"}, {99999, "999.99"},
		{100000, "1,000.00"}, {140000, "1,400.00"}, {98001, "980.01"},
		{123456789, "1,234,567.89"}, {100000000000LL, "1,000,000,000.00"},
		{-5, "-0.05"}, {-140000, "-1,400.00"},
		{INT64_MIN, "-92,233,720,368,547,758.08"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		jz_means_money(v[i].fen, b, sizeof b);
		assert_string_equal(b, v[i].want);
	}
	char small[6];
	jz_means_money(140000, small, sizeof small); /* cut, still terminated */
	assert_string_equal(small, "1,400");
}

static void test_round_fen(void **state)
{
	(void)state;
	/* rule 0: half up to the yuan */
	assert_int_equal(jz_round_fen(98001, 0), 98000);
	assert_int_equal(jz_round_fen(98049, 0), 98000);
	assert_int_equal(jz_round_fen(98050, 0), 98100);
	assert_int_equal(jz_round_fen(98099, 0), 98100);
	assert_int_equal(jz_round_fen(0, 0), 0);
	assert_int_equal(jz_round_fen(49, 0), 0);
	assert_int_equal(jz_round_fen(-150, 0), -200); /* half away from zero */
	assert_int_equal(jz_round_fen(-149, 0), -100);
	/* rule 1: up to the yuan */
	assert_int_equal(jz_round_fen(98001, 1), 98100);
	assert_int_equal(jz_round_fen(98000, 1), 98000);
	assert_int_equal(jz_round_fen(1, 1), 100);
	assert_int_equal(jz_round_fen(0, 1), 0);
	assert_int_equal(jz_round_fen(-150, 1), -100); /* toward +infinity */
	/* rule 2 (and anything else): unchanged */
	assert_int_equal(jz_round_fen(98001, 2), 98001);
	assert_int_equal(jz_round_fen(-7, 2), -7);
	assert_int_equal(jz_round_fen(98001, 9), 98001);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(jz_income_kind_names[JZ_INC_WAGE], "工资");
	assert_string_equal(jz_income_kind_names[JZ_INC_MIGRANT], "外出务工");
	assert_string_equal(jz_income_kind_names[JZ_INC_FLEXIBLE], "灵活就业");
	assert_string_equal(jz_income_kind_names[JZ_INC_AGRI], "农业");
	assert_string_equal(jz_income_kind_names[JZ_INC_BASIC_PENSION], "基础养老金");
	assert_string_equal(jz_income_kind_names[JZ_INC_OTHER_PENSION], "其他养老金");
	assert_string_equal(jz_income_kind_names[JZ_INC_TRANSFER], "转移性");
	assert_string_equal(jz_income_kind_names[JZ_INC_OTHER], "其他");
	assert_string_equal(jz_expense_kind_names[JZ_EXP_MEDICAL], "医疗");
	assert_string_equal(jz_expense_kind_names[JZ_EXP_EDUCATION], "教育");
	assert_string_equal(jz_expense_kind_names[JZ_EXP_EMPLOYMENT], "必要就业成本");
}

/* ---- 低保 整户保障 ------------------------------------------------------------ */

/* The worked household: rural, 2026-01, standard 610.00 yuan.
 *   王建国 (45) 外出务工 1,500.00  -> less 30% (450.00)   = 1,050.00 counted
 *   李秀英 (58) 基础养老金   150.00  -> not counted
 *   王小明 (16) student, grade 2 智力 disability, no income
 *   medical expense 200.00 deducted
 * per-capita = (105,000 - 20,000) / 3 = 85,000 / 3 = 28,333 fen (283.33, 1/3 fen dropped)
 * gap = 61,000 - 28,333 = 32,667 fen (326.67) per person
 * base = 32,667 x 3 = 98,001 (980.01) -> rule 0 -> 98,000 (980.00)
 * 分类施保: 王小明 grade 2 (20%) beats minor (10%): 61,000 x 20% = 12,200 (122.00)
 * total = 98,000 + 12,200 = 110,200 (1,102.00)
 * low income (283.33 <= 915.00), not edge (below the standard). */
static void worked_household(struct fake *f, struct jz_means_member m[3], struct jz_means_input *in,
			     const char *month)
{
	m[0] = member("王建国", 1, 45);
	m[0].income_fen[JZ_INC_MIGRANT] = 150000;
	m[1] = member("李秀英", 1, 58);
	m[1].income_fen[JZ_INC_BASIC_PENSION] = 15000;
	m[2] = member("王小明", 1, 16);
	m[2].student = 1;
	disabled(&m[2], "智力", 2);
	*in = input(f, month, "农村", "低保", "整户保障", m, 3);
	in->expense_fen[JZ_EXP_MEDICAL] = 20000;
}

static void test_dibao_worked_household(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	worked_household(&f, m, &in, "2026-01");
	calc_ok(&in, &r);

	assert_int_equal(r.counted_income_fen, 105000);
	assert_int_equal(r.deductions_fen, 20000);
	assert_int_equal(r.members_counted, 3);
	assert_int_equal(r.per_capita_fen, 28333);
	assert_int_equal(r.standard_fen, 61000);
	assert_int_equal(r.gap_fen, 32667);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.edge, 0);
	assert_int_equal(r.low_income, 1);
	assert_int_equal(r.covered, 3);
	assert_int_equal(r.base_fen, 98000);
	assert_int_equal(r.supplement_fen[0], 0);
	assert_int_equal(r.supplement_fen[1], 0);
	assert_int_equal(r.supplement_fen[2], 12200);
	assert_int_equal(r.supplement_total_fen, 12200);
	assert_int_equal(r.total_fen, 110200);
	assert_string_equal(r.refusal, "");

	/* the working, as the clerk reads it out */
	HAS_LINE(&r, "王建国", "外出务工收入 1,500.00 元", "扣减 30%", "1,050.00 元", "开州民发〔2020〕82号");
	HAS_LINE(&r, "李秀英", "基础养老金 150.00 元", "不计入");
	HAS_LINE(&r, "王小明 无收入");
	HAS_LINE(&r, "计入收入合计 1,050.00 元");
	HAS_LINE(&r, "扣减医疗刚性支出 200.00 元", "黔民发〔2020〕9号");
	HAS_LINE(&r, "家庭月人均收入", "1,050.00", "200.00", "3 人", "283.33 元", "舍去");
	HAS_LINE(&r, "2026-01 农村低保标准 610.00 元");
	HAS_LINE(&r, "差额", "326.67 元");
	HAS_LINE(&r, "低保边缘：否");
	HAS_LINE(&r, "低收入家庭：是", "915.00");
	HAS_LINE(&r, "保障对象 3 人：王建国、李秀英、王小明");
	HAS_LINE(&r, "补差 326.67 x 3 人 = 980.01 元", "四舍五入到元为 980.00 元");
	HAS_LINE(&r, "王小明 分类施保", "二级智力残疾", "610.00 x 20% = 122.00 元", "1–4 级残疾证");
	HAS_LINE(&r, "结论：符合", "1,102.00 元");
	NO_LINE(&r, "王建国 分类施保");
	/* the fen of the lines that carry an amount */
	int i = find_line(&r, (const char *const[]){"王建国", "外出务工", NULL});
	assert_int_equal(r.lines[i].fen, 105000);
	i = find_line(&r, (const char *const[]){"结论", NULL});
	assert_int_equal(r.lines[i].fen, 110200);
	assert_int_equal(i, r.nlines - 1);
}

/* One rural member, 2026-01 (standard 61,000; 150% = 91,500), wage w. */
static void one_member(struct fake *f, struct jz_means_member *m, struct jz_means_input *in, long long w)
{
	*m = member("赵一", 1, 40);
	m->income_fen[JZ_INC_WAGE] = w;
	*in = input(f, "2026-01", "农村", "低保", "整户保障", m, 1);
}

/* Wage 1,200.00 alone: per-capita 1,200.00 >= 610.00 -> refused; above
 * 915.00 -> neither edge nor low income. Nothing is paid. */
static void test_dibao_above_standard(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m;
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	one_member(&f, &m, &in, 120000);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_int_equal(r.edge, 0);
	assert_int_equal(r.low_income, 0);
	assert_int_equal(r.per_capita_fen, 120000);
	assert_int_equal(r.gap_fen, -59000);
	assert_int_equal(r.base_fen, 0);
	assert_int_equal(r.supplement_total_fen, 0);
	assert_int_equal(r.total_fen, 0);
	assert_contains(r.refusal, "1,200.00 元");
	assert_contains(r.refusal, "不低于 2026-01 农村低保标准 610.00 元");
	HAS_LINE(&r, "赵一 工资收入 1,200.00 元，全额计入");
	HAS_LINE(&r, "低保边缘：否", "915.00");
	HAS_LINE(&r, "结论：不符合", "610.00");
	assert_int_equal(find_line(&r, (const char *const[]){"结论", NULL}), r.nlines - 1);
	/* the supplements are not even asked for */
	fake_drop(&f, "dibao.supp_ill_pct");
	calc_ok(&in, &r);
}

/* The 低保边缘 band: not eligible, and per-capita <= 150% of 610.00 = 915.00.
 *   700.00 -> edge, low income     915.00 -> edge (inclusive)
 *   915.01 -> neither              610.00 -> not eligible (not below), edge
 *   609.99 -> eligible: gap 0.01 x 1, rule 0 -> 0.00; rule 1 -> 1.00 */
static void test_dibao_edge(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m;
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);

	one_member(&f, &m, &in, 70000);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_int_equal(r.edge, 1);
	assert_int_equal(r.low_income, 1);
	assert_contains(r.refusal, "低保边缘");
	HAS_LINE(&r, "低保边缘：是", "700.00", "150%", "915.00");

	one_member(&f, &m, &in, 91500);
	calc_ok(&in, &r);
	assert_int_equal(r.edge, 1);
	assert_int_equal(r.low_income, 1);

	one_member(&f, &m, &in, 91501);
	calc_ok(&in, &r);
	assert_int_equal(r.edge, 0);
	assert_int_equal(r.low_income, 0);
	assert_int_equal(r.eligible, 0);

	one_member(&f, &m, &in, 61000);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_int_equal(r.edge, 1);

	one_member(&f, &m, &in, 60999);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.edge, 0);
	assert_int_equal(r.gap_fen, 1);
	assert_int_equal(r.base_fen, 0);
	fake_set(&f, "dibao.rounding", "*", "2020-01", 1);
	calc_ok(&in, &r);
	assert_int_equal(r.base_fen, 100);
	assert_int_equal(r.total_fen, 100);

	/* a different factor moves the line: 120% of 610.00 = 732.00 */
	fake_set(&f, "dibao.edge_factor_pct", "*", "2020-01", 120);
	one_member(&f, &m, &in, 73200);
	calc_ok(&in, &r);
	assert_int_equal(r.edge, 1);
	one_member(&f, &m, &in, 73201);
	calc_ok(&in, &r);
	assert_int_equal(r.edge, 0);
	assert_int_equal(r.low_income, 1); /* still under 150% */
}

/* The rounding rule of the worked household: base 980.01 ->
 *   rule 0: 980.00, total 1,102.00
 *   rule 1: 981.00, total 1,103.00
 *   rule 2: 980.01, total 1,102.01
 * and the supplement, with the standard at 610.50 (2026-03):
 *   per-capita (105,000 - 20,000) / 3 = 28,333; gap 61,050 - 28,333 = 32,717;
 *   x 3 = 98,151; 20% of 61,050 = 12,210
 *   rule 0: 98,200 + 12,200 = 110,400
 *   rule 1: 98,200 + 12,300 = 110,500
 *   rule 2: 98,151 + 12,210 = 110,361 */
static void test_rounding_rules(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	static struct jz_means_result r;
	static const long long base[3] = {98000, 98100, 98001}, total[3] = {110200, 110300, 110201};
	static const long long base2[3] = {98200, 98200, 98151}, supp2[3] = {12200, 12300, 12210};
	fake_init(&f);
	fake_set(&f, "dibao.standard_fen", "农村", "2026-03", 61050);
	for (int rule = 0; rule < 3; rule++) {
		fake_set(&f, "dibao.rounding", "*", "2020-01", rule);
		worked_household(&f, m, &in, "2026-01");
		calc_ok(&in, &r);
		assert_int_equal(r.base_fen, base[rule]);
		assert_int_equal(r.total_fen, total[rule]);
		worked_household(&f, m, &in, "2026-03");
		calc_ok(&in, &r);
		assert_int_equal(r.standard_fen, 61050);
		assert_int_equal(r.base_fen, base2[rule]);
		assert_int_equal(r.supplement_fen[2], supp2[rule]);
		assert_int_equal(r.total_fen, base2[rule] + supp2[rule]);
	}
	HAS_LINE(&r, "补差 327.17 x 3 人 = 981.51 元"); /* rule 2: nothing to round */
	NO_LINE(&r, "保留到分为");
	fake_set(&f, "dibao.rounding", "*", "2020-01", 1);
	calc_ok(&in, &r);
	HAS_LINE(&r, "981.51 元", "向上取整到元为 982.00 元");
	HAS_LINE(&r, "王小明 分类施保", "122.10 元", "向上取整到元为 123.00 元");
}

/* The standard changes on 2026-01: the same household (one member, wage
 * 300.00) gets the standard in force in the month of the calculation.
 *   2025-12: 580.00 - 300.00 = 280.00
 *   2026-01: 610.00 - 300.00 = 310.00
 *   2026-06: still 610.00 -> 310.00 (the latest change not after the month)
 *   城市 2026-01: 750.00 - 300.00 = 450.00 */
static void test_standard_change(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m;
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	one_member(&f, &m, &in, 30000);
	in.month = "2025-12";
	calc_ok(&in, &r);
	assert_int_equal(r.standard_fen, 58000);
	assert_int_equal(r.total_fen, 28000);
	HAS_LINE(&r, "2025-12 农村低保标准 580.00 元");
	in.month = "2026-01";
	calc_ok(&in, &r);
	assert_int_equal(r.standard_fen, 61000);
	assert_int_equal(r.total_fen, 31000);
	HAS_LINE(&r, "2026-01 农村低保标准 610.00 元");
	in.month = "2026-06";
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 31000);
	in.area = "城市";
	in.month = "2026-01";
	calc_ok(&in, &r);
	assert_int_equal(r.standard_fen, 75000);
	assert_int_equal(r.total_fen, 45000);
	HAS_LINE(&r, "2026-01 城市低保标准 750.00 元");
}

/* Every income kind: only 基础养老金 is left out, only 外出务工 is reduced.
 * Rural 2026-01, two members, one covered:
 *   钱一: 工资 100.00, 外出务工 333.33 (30% = 99.999 -> 100.00 deducted,
 *         233.33 counted), 灵活就业 50.00, 农业 20.00
 *   钱二: 基础养老金 120.00 (out), 其他养老金 30.00, 转移性 10.00, 其他 5.00
 *   counted = 10,000 + 23,333 + 5,000 + 2,000 + 3,000 + 1,000 + 500 = 44,833
 *   deductions: 就业成本 10.00 + 教育 30.00 = 4,000
 *   per-capita = 40,833 / 2 = 20,416 (half a fen dropped)
 *   gap = 61,000 - 20,416 = 40,584 x 1 covered = 40,584 -> 40,600
 *   钱一 is 65: elderly 10% = 6,100 -> total 46,700 */
static void test_income_kinds(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("钱一", 1, 65);
	m[0].income_fen[JZ_INC_WAGE] = 10000;
	m[0].income_fen[JZ_INC_MIGRANT] = 33333;
	m[0].income_fen[JZ_INC_FLEXIBLE] = 5000;
	m[0].income_fen[JZ_INC_AGRI] = 2000;
	m[1] = member("钱二", 0, 70);
	m[1].income_fen[JZ_INC_BASIC_PENSION] = 12000;
	m[1].income_fen[JZ_INC_OTHER_PENSION] = 3000;
	m[1].income_fen[JZ_INC_TRANSFER] = 1000;
	m[1].income_fen[JZ_INC_OTHER] = 500;
	in = input(&f, "2026-01", "农村", "低保", NULL, m, 2); /* no mode: 整户保障 */
	in.expense_fen[JZ_EXP_EMPLOYMENT] = 1000;
	in.expense_fen[JZ_EXP_EDUCATION] = 3000;
	calc_ok(&in, &r);
	assert_int_equal(r.counted_income_fen, 44833);
	assert_int_equal(r.deductions_fen, 4000);
	assert_int_equal(r.members_counted, 2);
	assert_int_equal(r.per_capita_fen, 20416);
	assert_int_equal(r.covered, 1);
	assert_int_equal(r.base_fen, 40600);
	assert_int_equal(r.supplement_fen[0], 6100);
	assert_int_equal(r.supplement_fen[1], 0); /* not covered */
	assert_int_equal(r.total_fen, 46700);
	HAS_LINE(&r, "钱一 外出务工收入 333.33 元", "233.33 元");
	HAS_LINE(&r, "钱一 灵活就业收入 50.00 元", "工种", "全额计入");
	HAS_LINE(&r, "钱一 农业收入 20.00 元");
	HAS_LINE(&r, "钱二 基础养老金 120.00 元", "不计入");
	HAS_LINE(&r, "钱二 其他养老金收入 30.00 元");
	HAS_LINE(&r, "钱二 转移性收入 10.00 元");
	HAS_LINE(&r, "钱二 其他收入 5.00 元");
	HAS_LINE(&r, "扣减必要就业成本 10.00 元");
	HAS_LINE(&r, "扣减教育刚性支出 30.00 元");
	HAS_LINE(&r, "扣减合计 40.00 元");
	HAS_LINE(&r, "钱一 分类施保（老年人）", "61.00 元");
	HAS_LINE(&r, "保障对象 1 人：钱一");
}

/* Deductions larger than the income: the net is taken as 0, the gap is
 * the whole standard. 100.00 - 500.00 < 0 -> per-capita 0; 2 covered ->
 * 61,000 x 2 = 122,000. */
static void test_negative_net(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("孙甲", 1, 40);
	m[0].income_fen[JZ_INC_AGRI] = 10000;
	m[1] = member("孙乙", 1, 38);
	in = input(&f, "2026-01", "农村", "低保", "整户保障", m, 2);
	in.expense_fen[JZ_EXP_MEDICAL] = 50000;
	in.assets_deposit_fen = 1234567;
	in.assets_vehicles = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.per_capita_fen, 0);
	assert_int_equal(r.gap_fen, 61000);
	assert_int_equal(r.base_fen, 122000);
	assert_int_equal(r.total_fen, 122000);
	HAS_LINE(&r, "为负", "按 0.00 元计");
	HAS_LINE(&r, "家庭财产", "存款 12,345.67 元", "车辆 1 辆", "房屋 0 套");
}

/* 分类施保: the highest percentage that applies, 0 = none. Rural 2026-01,
 * no income, 5 covered, per-capita 0, base 61,000 x 5 = 305,000.
 *   周一 70, 重病:          elderly 10% vs ill 15% -> ill 9,150, rounded
 *                           by dibao.rounding (0) to 9,200
 *   周二 65, grade 3 肢体:  grade 3-4 10% vs elderly 10% -> tie, the
 *                           disability first: 6,100 (rule 0 leaves it)
 *   周三 10, 重病:          minor 10% vs ill 15% -> 9,150 -> 9,200
 *   周四 40:                nothing
 *   周五 30, grade 4 听力:  grade 3-4 10% -> 6,100
 * supplements 30,600, total 335,600. Then with dibao.supp_disabled34_pct
 * at 0: 周二 gets elderly 10% = 6,100 instead (same amount); 周五 gets
 * nothing and a warning line (分类施保 is mandatory for him):
 * total 305,000 + 9,200 + 6,100 + 9,200 = 329,500. */
static void test_supplements(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[5];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("周一", 1, 70);
	m[0].serious_illness = 1;
	m[1] = member("周二", 1, 65);
	disabled(&m[1], "肢体", 3);
	m[2] = member("周三", 1, 10);
	m[2].serious_illness = 1;
	m[3] = member("周四", 1, 40);
	m[4] = member("周五", 1, 30);
	disabled(&m[4], "听力", 4);
	in = input(&f, "2026-01", "农村", "低保", "整户保障", m, 5);
	calc_ok(&in, &r);
	assert_int_equal(r.base_fen, 305000);
	assert_int_equal(r.supplement_fen[0], 9200);
	assert_int_equal(r.supplement_fen[1], 6100);
	assert_int_equal(r.supplement_fen[2], 9200);
	assert_int_equal(r.supplement_fen[3], 0);
	assert_int_equal(r.supplement_fen[4], 6100);
	assert_int_equal(r.supplement_total_fen, 30600);
	assert_int_equal(r.total_fen, 335600);
	HAS_LINE(&r, "周一 分类施保（重病）", "15% = 91.50 元", "四舍五入到元为 92.00 元");
	HAS_LINE(&r, "周二 分类施保（三级肢体残疾）", "61.00 元");
	HAS_LINE(&r, "周三 分类施保（重病）");
	HAS_LINE(&r, "分类施保合计 306.00 元");
	NO_LINE(&r, "周四 分类施保");

	fake_set(&f, "dibao.supp_disabled34_pct", "*", "2020-01", 0);
	calc_ok(&in, &r);
	assert_int_equal(r.supplement_fen[1], 6100);
	HAS_LINE(&r, "周二 分类施保（老年人）");
	assert_int_equal(r.supplement_fen[4], 0);
	HAS_LINE(&r, "注意", "周五", "四级听力残疾", "dibao.supp_disabled34_pct");
	assert_int_equal(r.total_fen, 305000 + 9200 + 6100 + 9200);

	/* all at 0: only the base */
	fake_set(&f, "dibao.supp_elderly_pct", "*", "2020-01", 0);
	fake_set(&f, "dibao.supp_minor_pct", "*", "2020-01", 0);
	fake_set(&f, "dibao.supp_ill_pct", "*", "2020-01", 0);
	calc_ok(&in, &r);
	assert_int_equal(r.supplement_total_fen, 0);
	assert_int_equal(r.total_fen, 305000);
	NO_LINE(&r, "分类施保合计");
}

/* ---- 单人保 ------------------------------------------------------------------ */

/* 未脱贫建档立卡, 免核对: the father's 5,000.00 wage is not even looked at.
 *   张小花 grade 1 肢体, covered alone: rule 0 -> the full standard 610.00
 *   + 分类施保 grade 1-2 20% = 122.00 -> 732.00 */
static void test_single_waived(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("张大山", 0, 50);
	m[0].income_fen[JZ_INC_WAGE] = 500000;
	m[1] = member("张小花", 1, 20);
	disabled(&m[1], "肢体", 1);
	in = input(&f, "2026-01", "农村", "低保", "单人保", m, 2);
	in.jiandang_unlifted = 1;
	in.waived = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.members_counted, 0);
	assert_int_equal(r.counted_income_fen, 0);
	assert_int_equal(r.per_capita_fen, 0);
	assert_int_equal(r.gap_fen, 61000);
	assert_int_equal(r.covered, 1);
	assert_int_equal(r.base_fen, 61000);
	assert_int_equal(r.supplement_fen[1], 12200);
	assert_int_equal(r.total_fen, 73200);
	HAS_LINE(&r, "免核对", "黔民发〔2020〕9号");
	HAS_LINE(&r, "单人保对象 张小花", "一级肢体残疾");
	HAS_LINE(&r, "单人保资格：未脱贫建档立卡家庭");
	HAS_LINE(&r, "单人保金额", "610.00 x 1 人 = 610.00 元");
	NO_LINE(&r, "工资");
	NO_LINE(&r, "低保边缘");
	/* the migrant setting is not needed when nothing is counted */
	fake_drop(&f, "means.migrant_deduction_pct");
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 73200);

	/* rule 1 (the gap) under 免核对: per-capita 0, the gap is the standard */
	fake_set(&f, "dibao.single_amount_rule", "*", "2020-01", 1);
	calc_ok(&in, &r);
	assert_int_equal(r.base_fen, 61000);
}

/* 单人保 refused: the covered member is grade 3 肢体 (neither grade 1-2
 * nor 智力/精神), in a low-income household. */
static void test_single_refused_not_serious(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("刘父", 0, 50);
	m[0].income_fen[JZ_INC_WAGE] = 150000;
	m[1] = member("刘子", 1, 20);
	disabled(&m[1], "肢体", 3);
	in = input(&f, "2026-01", "农村", "低保", "单人保", m, 2);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_int_equal(r.total_fen, 0);
	assert_int_equal(r.base_fen, 0);
	assert_int_equal(r.supplement_total_fen, 0);
	assert_contains(r.refusal, "刘子");
	assert_contains(r.refusal, "三级肢体残疾");
	assert_contains(r.refusal, "不能单人保");
	assert_contains(r.refusal, "一至二级残疾、智力或精神一至四级残疾、重病");
	HAS_LINE(&r, "结论：不符合", "刘子");

	/* no certificate, not ill */
	disabled(&m[1], "", 0);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_contains(r.refusal, "无残疾证、未患重病");

	/* 重病 qualifies */
	m[1].serious_illness = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	HAS_LINE(&r, "单人保对象 刘子：患重病");
}

/* 单人保 in a low-income household (not 建档立卡), grade 3 智力 (serious by
 * the mental rule). Two members, wage 1,500.00:
 *   per-capita 75,000 <= 91,500 -> low income, allowed
 *   rule 0: 61,000 + 分类施保 grade 3-4 10% 6,100 = 67,100
 *   rule 1: the gap 61,000 - 75,000 < 0 -> refused
 * With wage 1,000.00: per-capita 50,000, gap 11,000:
 *   rule 1: 11,000 + 6,100 = 17,100
 * With wage 2,000.00: per-capita 100,000 > 91,500, not 建档立卡 -> refused;
 *   建档立卡 (not waived): allowed, the means test is shown, rule 0 -> 67,100 */
static void test_single_low_income(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("陈母", 0, 48);
	m[0].income_fen[JZ_INC_WAGE] = 150000;
	m[1] = member("陈儿", 1, 22);
	disabled(&m[1], "智力", 3);
	in = input(&f, "2026-01", "农村", "低保", "单人保", m, 2);
	calc_ok(&in, &r);
	assert_int_equal(r.per_capita_fen, 75000);
	assert_int_equal(r.low_income, 1);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.base_fen, 61000);
	assert_int_equal(r.supplement_fen[1], 6100);
	assert_int_equal(r.total_fen, 67100);
	HAS_LINE(&r, "单人保对象 陈儿", "三级智力残疾", "智力、精神");
	HAS_LINE(&r, "单人保资格：低收入家庭", "普民〔2021〕77号");

	fake_set(&f, "dibao.single_amount_rule", "*", "2020-01", 1);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_contains(r.refusal, "差额");
	assert_int_equal(r.total_fen, 0);

	m[0].income_fen[JZ_INC_WAGE] = 100000;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.gap_fen, 11000);
	assert_int_equal(r.base_fen, 11000);
	assert_int_equal(r.total_fen, 17100);
	HAS_LINE(&r, "单人保按差额补差 110.00 x 1 人 = 110.00 元");

	fake_set(&f, "dibao.single_amount_rule", "*", "2020-01", 0);
	m[0].income_fen[JZ_INC_WAGE] = 200000;
	calc_ok(&in, &r);
	assert_int_equal(r.low_income, 0);
	assert_int_equal(r.eligible, 0);
	assert_contains(r.refusal, "超过低收入线");
	assert_contains(r.refusal, "1,000.00 元");

	in.jiandang_unlifted = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.members_counted, 2);
	assert_int_equal(r.total_fen, 67100);
	HAS_LINE(&r, "陈母 工资收入 2,000.00 元");
	HAS_LINE(&r, "单人保资格：未脱贫建档立卡家庭");

	/* 免核对 asked for a household that is not 未脱贫建档立卡: noted, and
	 * the means test is done (and refuses, as above) */
	in.jiandang_unlifted = 0;
	in.waived = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	HAS_LINE(&r, "免核对只适用于");
	HAS_LINE(&r, "陈母 工资收入 2,000.00 元");

	/* stricter settings: 智力 only up to grade 2 -> grade 3 refused */
	in.waived = 0;
	m[0].income_fen[JZ_INC_WAGE] = 100000;
	fake_set(&f, "dibao.single_mental_max_grade", "*", "2020-01", 2);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_contains(r.refusal, "一至二级残疾、重病");
}

/* ---- 特困, 孤儿, 残疾补贴 ------------------------------------------------------- */

/* 特困 分散供养 半自理, rural 2026-01:
 *   basic = max(950.00, 610.00 x 160% = 976.00) = 976.00
 *   care  = 2,100.00 x 30% = 630.00
 *   total = 1,606.00
 * 城市 集中供养 全护理: max(1,250.00, 750.00 x 160% = 1,200.00) = 1,250.00;
 *   care 2,100.00 x 60% = 1,260.00; total 2,510.00
 * 全自理: care 2,100.00 x 2% = 42.00 -> 976.00 + 42.00 = 1,018.00 */
static void test_tekun(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("吴老汉", 1, 78);
	m[0].income_fen[JZ_INC_BASIC_PENSION] = 15000;
	in = input(&f, "2026-01", "农村", "特困", "分散供养", m, 1);
	in.self_care = "半自理";
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.standard_fen, 61000);
	assert_int_equal(r.covered, 1);
	assert_int_equal(r.base_fen, 97600);
	assert_int_equal(r.care_fen, 63000);
	assert_int_equal(r.total_fen, 160600);
	HAS_LINE(&r, "分散供养", "半自理");
	HAS_LINE(&r, "基本生活标准", "950.00", "160%", "976.00 元", "普民〔2021〕77号");
	HAS_LINE(&r, "照料护理标准（半自理）", "2,100.00 x 30% = 630.00 元");
	HAS_LINE(&r, "供养对象 1 人：吴老汉");
	HAS_LINE(&r, "(976.00 + 630.00) x 1 人 = 1,606.00 元");

	in.area = "城市";
	in.mode = "集中供养";
	in.self_care = "全护理";
	calc_ok(&in, &r);
	assert_int_equal(r.base_fen, 125000);
	assert_int_equal(r.care_fen, 126000);
	assert_int_equal(r.total_fen, 251000);

	in.area = "农村";
	in.self_care = "全自理";
	calc_ok(&in, &r);
	assert_int_equal(r.care_fen, 4200);
	assert_int_equal(r.total_fen, 101800);

	/* two covered persons: each gets both parts */
	m[1] = member("吴老太", 1, 76);
	in.n = 2;
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 2 * 101800);

	in.self_care = "不详";
	calc_fails(&in, JZ_EUSER, "全自理、半自理 或 全护理");
	in.self_care = NULL;
	calc_fails(&in, JZ_EUSER, "自理能力");
	in.self_care = "全自理";
	in.mode = "机构";
	calc_fails(&in, JZ_EUSER, "集中供养 或 分散供养");
}

/* 孤儿: the fixed monthly amount of the mode, per covered child.
 *   社会散居 1,050.00; 集中养育 two children 2 x 1,600.00 = 3,200.00;
 *   事实无人抚养 1,050.00 */
static void test_orphan(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[2];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("郑小宝", 1, 9);
	in = input(&f, "2026-01", "农村", "孤儿", "社会散居", m, 1);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.total_fen, 105000);
	HAS_LINE(&r, "社会散居标准 1,050.00 元");
	HAS_LINE(&r, "每月金额 1,050.00 x 1 人 = 1,050.00 元");

	m[1] = member("郑小贝", 1, 7);
	in.n = 2;
	in.mode = "集中养育";
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 320000);
	assert_int_equal(r.base_fen, 320000);

	in.n = 1;
	in.mode = "事实无人抚养";
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 105000);
	HAS_LINE(&r, "事实无人抚养儿童");

	in.mode = "寄养";
	calc_fails(&in, JZ_EUSER, "孤儿保障方式「寄养」无效");
	in.mode = NULL;
	calc_fails(&in, JZ_EUSER, "孤儿保障方式");
}

/* 残疾人两项补贴:
 *   护理补贴 grade 1 70.00 + grade 2 50.00 = 120.00
 *   护理补贴 grade 3: refused (only grades 1-2)
 *   生活补贴 grade 4: 80.00; no certificate: refused */
static void test_disability(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	m[0] = member("冯一", 1, 40);
	disabled(&m[0], "肢体", 1);
	m[1] = member("冯二", 1, 12);
	disabled(&m[1], "视力", 2);
	m[2] = member("冯三", 0, 70);
	in = input(&f, "2026-01", "农村", "残疾补贴", "护理补贴", m, 3);
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.covered, 2);
	assert_int_equal(r.total_fen, 12000);
	HAS_LINE(&r, "冯一 一级肢体残疾", "护理补贴 70.00 元");
	HAS_LINE(&r, "冯二 二级视力残疾", "护理补贴 50.00 元");
	HAS_LINE(&r, "每月补贴合计 120.00 元");

	m[1].disability_grade = 3;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_int_equal(r.total_fen, 0);
	assert_contains(r.refusal, "冯二");
	assert_contains(r.refusal, "三级视力残疾");
	assert_contains(r.refusal, "一级、二级");
	HAS_LINE(&r, "结论：不符合", "冯二");

	in.mode = "生活补贴";
	m[0].covered = 0;
	m[1].disability_grade = 4;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 1);
	assert_int_equal(r.total_fen, 8000);
	HAS_LINE(&r, "冯二 四级视力残疾", "生活补贴 80.00 元");

	m[2].covered = 1;
	calc_ok(&in, &r);
	assert_int_equal(r.eligible, 0);
	assert_contains(r.refusal, "冯三 没有残疾证");

	in.mode = "交通补贴";
	calc_fails(&in, JZ_EUSER, "生活补贴 或 护理补贴");
}

/* ---- errors --------------------------------------------------------------- */

/* A missing setting stops the calculation with the callback's message,
 * which names the setting. */
static void test_missing_setting(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	fake_init(&f);
	worked_household(&f, m, &in, "2026-01");
	fake_drop(&f, "dibao.supp_ill_pct");
	calc_fails(&in, JZ_EUSER, "缺少设置「dibao.supp_ill_pct」");

	fake_init(&f);
	in.month = "2024-12"; /* before any standard */
	calc_fails(&in, JZ_EUSER, "缺少设置「dibao.standard_fen」（地区：农村，日期：2024-12）");

	/* a callback that fails silently still gets a message naming the key */
	fake_init(&f);
	fake_drop(&f, "dibao.rounding");
	f.silent = 1;
	in.month = "2026-01";
	calc_fails(&in, JZ_EUSER, "缺少设置「dibao.rounding」（地区：农村，月份：2026-01）");

	fake_init(&f);
	in.programme = "特困";
	in.mode = "分散供养";
	in.self_care = "全护理";
	fake_drop(&f, "tekun.care_full_pct");
	calc_fails(&in, JZ_EUSER, "tekun.care_full_pct");

	fake_init(&f);
	in.programme = "残疾补贴";
	in.mode = "护理补贴";
	m[0].covered = m[1].covered = 0;
	fake_drop(&f, "disability.care_grade2_fen");
	calc_fails(&in, JZ_EUSER, "disability.care_grade2_fen");
}

/* A setting out of its range is refused, naming it. */
static void test_bad_setting(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	static const struct {
		const char *key;
		long long v;
	} bad[] = {
		{"dibao.rounding", 3}, {"dibao.rounding", -1}, {"dibao.standard_fen", -61000},
		{"means.migrant_deduction_pct", 101}, {"dibao.edge_factor_pct", 99},
		{"dibao.single_amount_rule", 2}, {"dibao.supp_minor_pct", -10},
		{"dibao.elderly_age", 200},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		fake_init(&f);
		worked_household(&f, m, &in, "2026-01");
		if (!strcmp(bad[i].key, "dibao.single_amount_rule"))
			in.mode = "单人保";
		fake_set(&f, bad[i].key, "*", "2020-01", bad[i].v);
		fake_drop(&f, "dibao.standard_fen");
		fake_set(&f, "dibao.standard_fen", "*", "2020-01",
			 strcmp(bad[i].key, "dibao.standard_fen") ? 61000 : bad[i].v);
		calc_fails(&in, JZ_EDATA, bad[i].key);
	}
}

static void test_bad_input(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[3];
	struct jz_means_input in;
	static struct jz_means_member many[JZ_MEANS_MAX_MEMBERS + 1];
	static struct jz_means_result r;
	jz_err e;
	fake_init(&f);

	static const char *const months[] = {"2026-13", "2026-00", "2026-1", "202601", "2026/01",
					     "", "2026-01-01", "0000-01"};
	for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
		worked_household(&f, m, &in, months[i]);
		calc_fails(&in, JZ_EUSER, "核算月份");
	}
	worked_household(&f, m, &in, NULL);
	calc_fails(&in, JZ_EUSER, "YYYY-MM");

	worked_household(&f, m, &in, "2026-01");
	in.area = "乡村";
	calc_fails(&in, JZ_EUSER, "城市 或 农村");
	in.area = NULL;
	calc_fails(&in, JZ_EUSER, "地区");

	worked_household(&f, m, &in, "2026-01");
	in.programme = "五保";
	calc_fails(&in, JZ_EUSER, "救助项目「五保」无效");
	in.programme = NULL;
	calc_fails(&in, JZ_EUSER, "救助项目");
	in.programme = "低保";
	in.mode = "半户保";
	calc_fails(&in, JZ_EUSER, "整户保障 或 单人保");
	in.mode = "特困";
	calc_fails(&in, JZ_EUSER, "整户保障 或 单人保");

	worked_household(&f, m, &in, "2026-01");
	m[1].income_fen[JZ_INC_TRANSFER] = -1;
	calc_fails(&in, JZ_EUSER, "李秀英的转移性收入不能为负数");
	worked_household(&f, m, &in, "2026-01");
	in.expense_fen[JZ_EXP_EDUCATION] = -100;
	calc_fails(&in, JZ_EUSER, "教育支出不能为负数");
	worked_household(&f, m, &in, "2026-01");
	in.assets_houses = -1;
	calc_fails(&in, JZ_EUSER, "不能为负数");
	worked_household(&f, m, &in, "2026-01");
	m[0].income_fen[JZ_INC_WAGE] = 100000000000001LL;
	calc_fails(&in, JZ_EUSER, "太大");
	worked_household(&f, m, &in, "2026-01");
	m[2].disability_grade = 5;
	calc_fails(&in, JZ_EUSER, "残疾等级 5 无效");
	worked_household(&f, m, &in, "2026-01");
	m[2].age = -1;
	calc_fails(&in, JZ_EUSER, "年龄");

	worked_household(&f, m, &in, "2026-01");
	in.n = 0;
	calc_fails(&in, JZ_EUSER, "没有家庭成员");
	worked_household(&f, m, &in, "2026-01");
	in.m = NULL;
	calc_fails(&in, JZ_EUSER, "没有家庭成员");
	worked_household(&f, m, &in, "2026-01");
	m[0].covered = m[1].covered = m[2].covered = 0;
	calc_fails(&in, JZ_EUSER, "没有选定保障对象");
	in.mode = "单人保";
	calc_fails(&in, JZ_EUSER, "没有选定保障对象");

	for (int i = 0; i <= JZ_MEANS_MAX_MEMBERS; i++)
		many[i] = member("某", 1, 30);
	in = input(&f, "2026-01", "农村", "低保", "整户保障", many, JZ_MEANS_MAX_MEMBERS + 1);
	calc_fails(&in, JZ_EUSER, "超过核算上限 64 人");

	worked_household(&f, m, &in, "2026-01");
	in.setting = NULL;
	calc_fails(&in, JZ_EUSER, "设置来源");

	jz_err_clear(&e);
	assert_int_equal(jz_means_calc(NULL, &r, &e), -1);
	worked_household(&f, m, &in, "2026-01");
	assert_int_equal(jz_means_calc(&in, NULL, &e), -1);
	/* e may be NULL */
	in.area = "乡村";
	assert_int_equal(jz_means_calc(&in, &r, NULL), -1);
	in.area = "农村";
	assert_int_equal(jz_means_calc(&in, &r, NULL), 0);
	assert_int_equal(r.total_fen, 110200);
}

/* Too much working for 64 lines is an error, not a cut list: 40 members
 * with two incomes each make 80 income lines. 64 members with one income
 * each fit? No: 64 + the summary lines > 64, also refused. 20 members with
 * one income each fit (20 + about 15 lines). */
static void test_line_limit(void **state)
{
	(void)state;
	struct fake f;
	static struct jz_means_member m[JZ_MEANS_MAX_MEMBERS];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	for (int i = 0; i < 40; i++) {
		char name[24];
		snprintf(name, sizeof name, "成员%02d", i);
		m[i] = member(name, 1, 30);
		m[i].income_fen[JZ_INC_WAGE] = 100;
		m[i].income_fen[JZ_INC_AGRI] = 100;
	}
	in = input(&f, "2026-01", "农村", "低保", "整户保障", m, 40);
	calc_fails(&in, JZ_EUSER, "超过 64 行");
	in.n = 20;
	for (int i = 0; i < 20; i++)
		m[i].income_fen[JZ_INC_AGRI] = 0;
	calc_ok(&in, &r);
	assert_int_equal(r.covered, 20);
	assert_int_equal(r.total_fen, jz_round_fen((61000 - 100) * 20LL, 0));
}

/* Long names are cut at a character boundary, never in the middle of one. */
static void test_long_names(void **state)
{
	(void)state;
	struct fake f;
	struct jz_means_member m[4];
	struct jz_means_input in;
	static struct jz_means_result r;
	fake_init(&f);
	for (int i = 0; i < 4; i++) {
		m[i] = member("", 1, 30);
		for (int k = 0; k < 31; k++) /* 31 x 3 bytes = 93 bytes, the longest a name holds */
			memcpy(m[i].name + 3 * k, "鑫", 3);
		m[i].name[93] = (char)('0' + i);
		m[i].name[94] = '\0';
		m[i].income_fen[JZ_INC_MIGRANT] = 123456789;
		disabled(&m[i], "精神", 1);
	}
	m[3].name[0] = '\0'; /* no name: 成员4 */
	in = input(&f, "2026-01", "城市", "低保", "单人保", m, 4);
	in.jiandang_unlifted = 1;
	calc_ok(&in, &r); /* assert_lines_sane checks every line */
	HAS_LINE(&r, "成员4 外出务工收入 1,234,567.89 元");
	int i = find_line(&r, (const char *const[]){"保障对象 4 人", NULL});
	assert_true(i >= 0);
	assert_true(strlen(r.lines[i].text) < 256);
}

/* ---- the database's settings -------------------------------------------------- */

/* jz_means_db_setting reads the setting table: the value in force on the
 * first day of the month, the area's row before '*', a missing one named. */
static void test_db_setting(void **state)
{
	(void)state;
	char dir[64], path[128];
	jz_err e;
	long long v = -1;
	tu_tmpdir(dir, sizeof dir);
	tu_path(path, sizeof path, dir, "means.db");
	jz_db *db = tu_open_new(path);
	jz_err_clear(&e);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "农村", "2025-01-01", "58000", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "农村", "2026-01-01", "61000", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "*", "2026-01-01", "70000", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.rounding", "*", "2020-01-01", "1", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "wage.minimum_fen", "*", "2026-01-15", "220000", NULL, &e), 0);

	assert_int_equal(jz_means_db_setting(db, "dibao.standard_fen", "农村", "2025-12", &v, &e), 0);
	assert_int_equal(v, 58000);
	assert_int_equal(jz_means_db_setting(db, "dibao.standard_fen", "农村", "2026-01", &v, &e), 0);
	assert_int_equal(v, 61000);
	assert_int_equal(jz_means_db_setting(db, "dibao.standard_fen", "城市", "2026-01", &v, &e), 0);
	assert_int_equal(v, 70000);
	assert_int_equal(jz_means_db_setting(db, "dibao.rounding", "农村", "2026-01", &v, &e), 0);
	assert_int_equal(v, 1);
	/* a change on the 15th applies from the next month */
	assert_int_equal(jz_means_db_setting(db, "wage.minimum_fen", "农村", "2026-01", &v, &e), -1);
	assert_int_equal(jz_means_db_setting(db, "wage.minimum_fen", "农村", "2026-02", &v, &e), 0);
	assert_int_equal(v, 220000);
	jz_err_clear(&e);
	assert_int_equal(jz_means_db_setting(db, "test.no_such_setting", "农村", "2026-01", &v, &e), -1);
	assert_contains(e.msg, "test.no_such_setting");
	assert_int_equal(jz_means_db_setting(db, "dibao.rounding", "农村", "2026-1", &v, &e), -1);
	assert_contains(e.msg, "2026-1");

	/* a whole calculation from the database: one member, no income, 2026-01 */
	static const char *const rows[][2] = {
		{"means.migrant_deduction_pct", "30"}, {"dibao.edge_factor_pct", "150"},
		{"dibao.low_income_pct", "150"}, {"dibao.supp_disabled12_pct", "20"},
		{"dibao.supp_disabled34_pct", "10"}, {"dibao.elderly_age", "60"},
		{"dibao.supp_elderly_pct", "10"}, {"dibao.supp_minor_pct", "10"},
		{"dibao.supp_ill_pct", "15"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(jz_store_setting_put(db, rows[i][0], "*", "2020-01-01", rows[i][1], NULL, &e), 0);
	struct jz_means_member m = member("黄一", 1, 61);
	struct jz_means_input in;
	memset(&in, 0, sizeof in);
	in.month = "2026-01";
	in.area = "农村";
	in.programme = "低保";
	in.m = &m;
	in.n = 1;
	in.setting = jz_means_db_setting;
	in.ctx = db;
	static struct jz_means_result r;
	calc_ok(&in, &r);
	assert_int_equal(r.total_fen, 61000 + 6100);

	jz_db_close(db);
	tu_rmdir(dir);
}

/* Money is integers: the source holds no floating type nor its parsing. */
static void test_no_floating_point(void **state)
{
	(void)state;
	const char *src = getenv("SRC_DIR");
	char path[512];
	size_t len;
	snprintf(path, sizeof path, "%s/src/core/means.c", src ? src : ".");
	char *text = tu_slurp(path, &len);
	if (!text) {
		print_message("skipped: %s not readable\n", path);
		skip();
	}
	static const char *const words[] = {"double", "float", "strtod", "atof", "math.h", "%f", "%g"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strstr(text, words[i]))
			print_error("means.c holds \"%s\"\n", words[i]);
		assert_null(strstr(text, words[i]));
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_round_fen),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_dibao_worked_household),
		cmocka_unit_test(test_dibao_above_standard),
		cmocka_unit_test(test_dibao_edge),
		cmocka_unit_test(test_rounding_rules),
		cmocka_unit_test(test_standard_change),
		cmocka_unit_test(test_income_kinds),
		cmocka_unit_test(test_negative_net),
		cmocka_unit_test(test_supplements),
		cmocka_unit_test(test_single_waived),
		cmocka_unit_test(test_single_refused_not_serious),
		cmocka_unit_test(test_single_low_income),
		cmocka_unit_test(test_tekun),
		cmocka_unit_test(test_orphan),
		cmocka_unit_test(test_disability),
		cmocka_unit_test(test_missing_setting),
		cmocka_unit_test(test_bad_setting),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_line_limit),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_db_setting),
		cmocka_unit_test(test_no_floating_point),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
