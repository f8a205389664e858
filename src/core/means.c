/* means.c — the means test and the monthly amounts (see means.h).
 * Whole fen only: every product is of integers, every division says how it
 * rounds. */
#include "core/means.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/settings.h"

const char *const jz_income_kind_names[JZ_INC_N] = {
	"工资", "外出务工", "灵活就业", "农业", "基础养老金", "其他养老金", "转移性", "其他",
};

const char *const jz_expense_kind_names[JZ_EXP_N] = {"医疗", "教育", "必要就业成本"};

/* The policies the lines cite (the seeds of DOMAIN.md). */
#define DOC_GZ "黔民发〔2020〕9号"      /* seed 000, Guizhou */
#define DOC_PN "普民〔2021〕77号"       /* seed 002, Puning */
#define DOC_KZ "开州民发〔2020〕82号"   /* seed 004, Kaizhou */

/* Largest amount accepted from the clerk (jz_money_parse's limit, 10^12
 * yuan) and from a setting: sums and products stay far from overflow. */
#define MAX_INPUT_FEN 100000000000000LL
#define MAX_SETTING_FEN 1000000000000LL
#define MAX_PCT 10000
#define MINOR_AGE 18 /* 未成年人: under 18 (民法典第17条), law rather than policy */

/* ---- money ------------------------------------------------------------- */

void jz_means_money(long long fen, char *buf, size_t n)
{
	unsigned long long u = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
	unsigned long long yuan = u / 100;
	char digits[32], grouped[48];
	int len = snprintf(digits, sizeof digits, "%llu", yuan);
	int j = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[j++] = ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(buf, n, "%s%s.%02llu", fen < 0 ? "-" : "", grouped, u % 100);
}

/* A formatted amount usable inside one printf call: the temporary lives to
 * the end of the full expression (C11 6.2.4p8). */
struct money {
	char s[40];
};
static struct money M(long long fen)
{
	struct money m;
	jz_means_money(fen, m.s, sizeof m.s);
	return m;
}

long long jz_round_fen(long long fen, int rule)
{
	if (fen > LLONG_MAX - 100 || fen < -(LLONG_MAX - 100))
		return fen; /* far beyond any amount: left as it is */
	long long a = fen < 0 ? -fen : fen;
	switch (rule) {
	case 0:
		a = (a + 50) / 100 * 100;
		return fen < 0 ? -a : a;
	case 1:
		if (fen >= 0)
			return (fen + 99) / 100 * 100;
		return -(a / 100 * 100);
	default:
		return fen;
	}
}

static const char *rounding_name(int rule)
{
	return rule == 0 ? "四舍五入到元" : rule == 1 ? "向上取整到元" : "保留到分";
}

/* pct % of a non-negative amount, rounded half up to the fen. */
static long long pct_of(long long fen, long long pct)
{
	return (fen * pct + 50) / 100;
}

static const char *grade_name(int g)
{
	static const char *const names[] = {"无", "一级", "二级", "三级", "四级"};
	return g >= 0 && g <= 4 ? names[g] : "?级";
}

/* ---- the calculation's state -------------------------------------------- */

struct calc {
	const struct jz_means_input *in;
	struct jz_means_result *out;
	jz_err *e;
	int overflow;
	long long rounding; /* dibao.rounding, once read */
};

/* Cuts s (a NUL-terminated string filling its buffer) back to the last
 * whole UTF-8 character. */
static void cut_utf8(char *s, size_t len)
{
	size_t i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t clen = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (i - 1 + clen > len)
		s[i - 1] = '\0';
}

static void vtext(char *buf, size_t n, const char *fmt, va_list ap)
{
	int r = vsnprintf(buf, n, fmt, ap);
	if (r >= 0 && (size_t)r >= n)
		cut_utf8(buf, n - 1);
}

static void line(struct calc *c, long long fen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void line(struct calc *c, long long fen, const char *fmt, ...)
{
	struct jz_means_result *o = c->out;
	if (o->nlines >= JZ_MEANS_MAX_LINES) {
		c->overflow = 1;
		return;
	}
	struct jz_means_line *l = &o->lines[o->nlines++];
	va_list ap;
	va_start(ap, fmt);
	vtext(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->fen = fen;
}

/* Records a refusal (the first one wins); jz_means_calc writes its line
 * last. */
static void refuse(struct calc *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void refuse(struct calc *c, const char *fmt, ...)
{
	struct jz_means_result *o = c->out;
	o->eligible = 0;
	if (o->refusal[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vtext(o->refusal, sizeof o->refusal, fmt, ap);
	va_end(ap);
}

/* Reads a setting and checks it lies within [lo, hi]. */
static int get(struct calc *c, const char *key, long long lo, long long hi, long long *v)
{
	const struct jz_means_input *in = c->in;
	if (c->e)
		jz_err_clear(c->e);
	if (in->setting(in->ctx, key, in->area, in->month, v, c->e)) {
		if (c->e && !c->e->msg[0])
			jz_fail(c->e, JZ_EUSER, "缺少设置「%s」（地区：%s，月份：%s）。请在「设置」里填写后再试",
				key, in->area, in->month);
		return -1;
	}
	if (*v < lo || *v > hi)
		return jz_fail(c->e, JZ_EDATA,
			       "设置「%s」的值 %lld 不合理（应在 %lld 到 %lld 之间），请在「设置」里改正",
			       key, *v, lo, hi);
	return 0;
}
#define GET_FEN(c, key, v) get((c), (key), 0, MAX_SETTING_FEN, (v))
#define GET_PCT(c, key, v) get((c), (key), 0, MAX_PCT, (v))

static const char *member_name(const struct jz_means_member *m, char *buf, size_t n, int i)
{
	size_t len = strnlen(m->name, sizeof m->name);
	if (len == 0 || len == sizeof m->name) {
		snprintf(buf, n, "成员%d", i + 1);
		return buf;
	}
	return m->name;
}
#define NAME(i) member_name(&in->m[(i)], namebuf, sizeof namebuf, (i))

/* "二级肢体残疾" or "二级残疾". */
static void disability_text(const struct jz_means_member *m, char *buf, size_t n)
{
	size_t len = strnlen(m->disability_cat, sizeof m->disability_cat);
	snprintf(buf, n, "%s%.*s残疾", grade_name(m->disability_grade),
		 len < sizeof m->disability_cat ? (int)len : 0, m->disability_cat);
}

static int is_mental(const struct jz_means_member *m)
{
	return !strcmp(m->disability_cat, "智力") || !strcmp(m->disability_cat, "精神");
}

/* "张三、李四" of the covered members, cut to fit a line. */
static void covered_names(const struct jz_means_input *in, char *buf, size_t n)
{
	char namebuf[24];
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < in->n; i++) {
		if (!in->m[i].covered)
			continue;
		int r = snprintf(buf + used, n - used, "%s%s", used ? "、" : "", NAME(i));
		if (r < 0 || (size_t)r >= n - used) {
			cut_utf8(buf, n - 1);
			return;
		}
		used += (size_t)r;
	}
}

/* ---- input -------------------------------------------------------------- */

static int valid_month(const char *s)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int mon = (s[5] - '0') * 10 + (s[6] - '0');
	return mon >= 1 && mon <= 12 && memcmp(s, "0000", 4) != 0;
}

static int check_amount(jz_err *e, const char *what, const char *who, long long fen)
{
	if (fen < 0)
		return jz_fail(e, JZ_EUSER, "%s%s不能为负数，请核对", who, what);
	if (fen > MAX_INPUT_FEN)
		return jz_fail(e, JZ_EUSER, "%s%s太大，请核对", who, what);
	return 0;
}

static int check_input(const struct jz_means_input *in, jz_err *e)
{
	char namebuf[24], what[64];
	if (!in->setting)
		return jz_fail(e, JZ_EUSER, "核算缺少设置来源（程序错误）");
	if (!valid_month(in->month))
		return jz_fail_field(e, JZ_EUSER, "month", "核算月份「%s」无效，应写成 YYYY-MM，例如 2026-01",
				     in->month ? in->month : "");
	if (!in->area || (strcmp(in->area, "城市") && strcmp(in->area, "农村")))
		return jz_fail_field(e, JZ_EUSER, "area", "地区「%s」无效，应为 城市 或 农村",
				     in->area ? in->area : "");
	if (in->n < 1 || !in->m)
		return jz_fail(e, JZ_EUSER, "没有家庭成员，无法核算");
	if (in->n > JZ_MEANS_MAX_MEMBERS)
		return jz_fail(e, JZ_EUSER, "家庭成员 %d 人，超过核算上限 %d 人", in->n,
			       JZ_MEANS_MAX_MEMBERS);
	for (int i = 0; i < in->n; i++) {
		const struct jz_means_member *m = &in->m[i];
		for (int k = 0; k < JZ_INC_N; k++) {
			snprintf(what, sizeof what, "的%s收入", jz_income_kind_names[k]);
			if (check_amount(e, what, NAME(i), m->income_fen[k]))
				return -1;
		}
		if (m->disability_grade < 0 || m->disability_grade > 4)
			return jz_fail(e, JZ_EUSER, "%s的残疾等级 %d 无效，应为 0（无）到 4", NAME(i),
				       m->disability_grade);
		if (m->age < 0 || m->age > 150)
			return jz_fail(e, JZ_EUSER, "%s的年龄 %d 无效", NAME(i), m->age);
	}
	for (int k = 0; k < JZ_EXP_N; k++) {
		snprintf(what, sizeof what, "%s支出", jz_expense_kind_names[k]);
		if (check_amount(e, what, "家庭", in->expense_fen[k]))
			return -1;
	}
	if (check_amount(e, "存款", "家庭", in->assets_deposit_fen))
		return -1;
	if (in->assets_vehicles < 0 || in->assets_houses < 0)
		return jz_fail(e, JZ_EUSER, "家庭车辆、房屋数量不能为负数，请核对");
	return 0;
}

static int count_covered(const struct jz_means_input *in)
{
	int k = 0;
	for (int i = 0; i < in->n; i++)
		k += in->m[i].covered != 0;
	return k;
}

/* ---- the means test ----------------------------------------------------- */

/* Incomes, deductions, per-capita and the edge lines. Needs standard_fen. */
static int means_test(struct calc *c)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char namebuf[24];
	long long migrant_pct, edge_pct, low_pct;
	if (GET_PCT(c, "means.migrant_deduction_pct", &migrant_pct) ||
	    get(c, "dibao.edge_factor_pct", 100, MAX_PCT, &edge_pct) ||
	    get(c, "dibao.low_income_pct", 100, MAX_PCT, &low_pct))
		return -1;
	if (migrant_pct > 100)
		return jz_fail(c->e, JZ_EDATA,
			       "设置「means.migrant_deduction_pct」的值 %lld 不合理（应在 0 到 100 之间），请在「设置」里改正",
			       migrant_pct);

	long long counted = 0;
	for (int i = 0; i < in->n; i++) {
		const struct jz_means_member *m = &in->m[i];
		int any = 0;
		for (int k = 0; k < JZ_INC_N; k++) {
			long long v = m->income_fen[k];
			if (!v)
				continue;
			any = 1;
			const char *kn = jz_income_kind_names[k];
			if (k == JZ_INC_BASIC_PENSION) {
				line(c, 0, "%s %s %s 元，不计入收入（城乡居民基本养老保险基础养老金不计入，" DOC_PN "）",
				     NAME(i), kn, M(v).s);
			} else if (k == JZ_INC_MIGRANT) {
				long long cut = pct_of(v, migrant_pct);
				line(c, v - cut, "%s %s收入 %s 元，扣减 %lld%% 就业成本后计 %s 元（" DOC_KZ "）",
				     NAME(i), kn, M(v).s, migrant_pct, M(v - cut).s);
				counted += v - cut;
			} else if (k == JZ_INC_FLEXIBLE) {
				line(c, v, "%s %s收入 %s 元（已按工种、务工时间核定，" DOC_KZ "），全额计入",
				     NAME(i), kn, M(v).s);
				counted += v;
			} else {
				line(c, v, "%s %s收入 %s 元，全额计入", NAME(i), kn, M(v).s);
				counted += v;
			}
		}
		if (!any)
			line(c, 0, "%s 无收入", NAME(i));
	}
	o->counted_income_fen = counted;
	line(c, counted, "计入收入合计 %s 元", M(counted).s);

	long long ded = 0;
	const long long *x = in->expense_fen;
	if (x[JZ_EXP_EMPLOYMENT])
		line(c, x[JZ_EXP_EMPLOYMENT], "扣减必要就业成本 %s 元（核算家庭收入时扣减必要的就业成本，" DOC_GZ "）",
		     M(x[JZ_EXP_EMPLOYMENT]).s);
	if (x[JZ_EXP_MEDICAL])
		line(c, x[JZ_EXP_MEDICAL], "扣减医疗刚性支出 %s 元（特殊刚性支出核算抵扣，" DOC_GZ "）",
		     M(x[JZ_EXP_MEDICAL]).s);
	if (x[JZ_EXP_EDUCATION])
		line(c, x[JZ_EXP_EDUCATION], "扣减教育刚性支出 %s 元（特殊刚性支出核算抵扣，" DOC_GZ "）",
		     M(x[JZ_EXP_EDUCATION]).s);
	for (int k = 0; k < JZ_EXP_N; k++)
		ded += x[k];
	o->deductions_fen = ded;
	if (ded)
		line(c, ded, "扣减合计 %s 元", M(ded).s);

	long long net = counted - ded;
	o->members_counted = in->n;
	if (net < 0) {
		o->per_capita_fen = 0;
		line(c, 0, "家庭月人均收入：(%s - %s) 为负，按 0.00 元计（家庭 %d 人）", M(counted).s,
		     M(ded).s, in->n);
	} else {
		o->per_capita_fen = net / in->n;
		line(c, o->per_capita_fen, "家庭月人均收入 (%s - %s) / %d 人 = %s 元%s", M(counted).s,
		     M(ded).s, in->n, M(o->per_capita_fen).s, net % in->n ? "（不足 1 分舍去）" : "");
	}
	if (in->assets_deposit_fen || in->assets_vehicles || in->assets_houses)
		line(c, in->assets_deposit_fen, "家庭财产：存款 %s 元，车辆 %d 辆，房屋 %d 套（财产状况另行核对）",
		     M(in->assets_deposit_fen).s, in->assets_vehicles, in->assets_houses);

	long long pc = o->per_capita_fen, std = o->standard_fen;
	o->gap_fen = std - pc;
	line(c, o->gap_fen, "差额：低保标准 %s - 人均 %s = %s 元", M(std).s, M(pc).s, M(o->gap_fen).s);

	long long edge_line = pct_of(std, edge_pct), low_line = pct_of(std, low_pct);
	o->low_income = pc * 100 <= std * low_pct;
	o->edge = pc >= std && pc * 100 <= std * edge_pct;
	if (o->edge)
		line(c, 0, "低保边缘：是（人均 %s 元，不低于标准、不超过标准的 %lld%% 即 %s 元，" DOC_KZ "）",
		     M(pc).s, edge_pct, M(edge_line).s);
	else if (pc < std)
		line(c, 0, "低保边缘：否（人均收入低于低保标准）");
	else
		line(c, 0, "低保边缘：否（人均 %s 元，超过标准的 %lld%% 即 %s 元）", M(pc).s, edge_pct,
		     M(edge_line).s);
	line(c, 0, "低收入家庭：%s（人均%s标准的 %lld%% 即 %s 元）", o->low_income ? "是" : "否",
	     o->low_income ? "不超过" : "超过", low_pct, M(low_line).s);
	return 0;
}

/* 分类施保 for every covered member. */
static int supplements(struct calc *c)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char namebuf[24], dis[48];
	long long d12, d34, eld_age, eld, minor, ill;
	if (GET_PCT(c, "dibao.supp_disabled12_pct", &d12) ||
	    GET_PCT(c, "dibao.supp_disabled34_pct", &d34) ||
	    get(c, "dibao.elderly_age", 0, 150, &eld_age) ||
	    GET_PCT(c, "dibao.supp_elderly_pct", &eld) || GET_PCT(c, "dibao.supp_minor_pct", &minor) ||
	    GET_PCT(c, "dibao.supp_ill_pct", &ill))
		return -1;
	long long std = o->standard_fen;
	for (int i = 0; i < in->n; i++) {
		const struct jz_means_member *m = &in->m[i];
		if (!m->covered)
			continue;
		disability_text(m, dis, sizeof dis);
		/* the candidates in order: on a tie the first wins */
		struct {
			int applies;
			long long pct;
			const char *what;
			const char *key;
		} cand[] = {
			{m->disability_grade >= 1 && m->disability_grade <= 2, d12, dis,
			 "dibao.supp_disabled12_pct"},
			{m->disability_grade >= 3 && m->disability_grade <= 4, d34, dis,
			 "dibao.supp_disabled34_pct"},
			{m->age >= eld_age, eld, "老年人", "dibao.supp_elderly_pct"},
			{m->age < MINOR_AGE, minor, "未成年人", "dibao.supp_minor_pct"},
			{m->serious_illness != 0, ill, "重病", "dibao.supp_ill_pct"},
		};
		int best = -1;
		for (int k = 0; k < (int)(sizeof cand / sizeof cand[0]); k++)
			if (cand[k].applies && cand[k].pct > 0 && (best < 0 || cand[k].pct > cand[best].pct))
				best = k;
		if (best < 0) {
			if (m->disability_grade >= 1)
				line(c, 0, "注意：%s 持%s证，应落实分类施保（" DOC_GZ "），但设置「%s」为 0，请核对",
				     NAME(i), dis, cand[m->disability_grade <= 2 ? 0 : 1].key);
			continue;
		}
		long long raw = pct_of(std, cand[best].pct);
		long long amt = jz_round_fen(raw, (int)c->rounding);
		o->supplement_fen[i] = amt;
		o->supplement_total_fen += amt;
		char rounded[96] = "";
		if (amt != raw)
			snprintf(rounded, sizeof rounded, "，%s为 %s 元", rounding_name((int)c->rounding),
				 M(amt).s);
		line(c, amt, "%s 分类施保（%s）%s x %lld%% = %s 元%s%s", NAME(i), cand[best].what,
		     M(std).s, cand[best].pct, M(raw).s, rounded,
		     best <= 1 ? "（持 1–4 级残疾证的低保残疾人应落实分类施保，" DOC_GZ "）" : "");
	}
	if (o->supplement_total_fen)
		line(c, o->supplement_total_fen, "分类施保合计 %s 元", M(o->supplement_total_fen).s);
	return 0;
}

/* Whether member m is 重残 or 重病 for 单人保; why in buf. */
static int single_serious(const struct jz_means_member *m, long long max_any, long long max_mental,
			  char *why, size_t n)
{
	char dis[48];
	disability_text(m, dis, sizeof dis);
	int g = m->disability_grade;
	if (g >= 1 && g <= max_any) {
		snprintf(why, n, "%s，属重度残疾", dis);
		return 1;
	}
	if (g >= 1 && g <= max_mental && is_mental(m)) {
		snprintf(why, n, "%s，属重度残疾（智力、精神残疾）", dis);
		return 1;
	}
	if (m->serious_illness) {
		snprintf(why, n, "患重病");
		return 1;
	}
	snprintf(why, n, "%s", g ? dis : "无残疾证、未患重病");
	return 0;
}

/* "一至二级残疾、智力或精神一至四级残疾、重病" per the settings. */
static const char *single_rule_text(long long max_any, long long max_mental, char *buf, size_t n)
{
	static const char *const num[] = {"", "一", "二", "三", "四"};
	size_t used = 0;
	buf[0] = '\0';
	if (max_any >= 1)
		used += (size_t)snprintf(buf, n, max_any == 1 ? "一级残疾、" : "一至%s级残疾、",
					 num[max_any]);
	if (max_mental > max_any)
		snprintf(buf + used, n - used, max_mental == 1 ? "智力或精神一级残疾、" : "智力或精神一至%s级残疾、",
			 num[max_mental]);
	strncat(buf, "重病", n - strlen(buf) - 1);
	return buf;
}

static int dibao(struct calc *c, int single)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char namebuf[24], names[200], why[96], rule[160];
	long long std;
	if (GET_FEN(c, "dibao.standard_fen", &std) || get(c, "dibao.rounding", 0, 2, &c->rounding))
		return -1;
	o->standard_fen = std;
	o->covered = count_covered(in);
	if (!o->covered)
		return jz_fail(c->e, JZ_EUSER, "没有选定保障对象：请在家庭成员中勾选纳入保障的人");

	line(c, 0, "核算月份 %s，%s低保（%s），家庭 %d 人", in->month, in->area,
	     single ? "单人保" : "整户保障", in->n);
	line(c, std, "%s %s低保标准 %s 元/人/月", in->month, in->area, M(std).s);

	long long max_any = 0, max_mental = 0, amount_rule = 0;
	if (single &&
	    (get(c, "dibao.single_disability_max_grade", 0, 4, &max_any) ||
	     get(c, "dibao.single_mental_max_grade", 0, 4, &max_mental) ||
	     get(c, "dibao.single_amount_rule", 0, 1, &amount_rule)))
		return -1;

	int waive = single && in->waived && in->jiandang_unlifted;
	if (waive) {
		line(c, 0, "免核对：未脱贫建档立卡家庭的重病、重残人员单人保，对其家庭不再进行经济状况核对，人均收入按 0 计（" DOC_GZ "）");
		o->gap_fen = std;
	} else {
		if (in->waived)
			line(c, 0, "免核对只适用于未脱贫建档立卡家庭的单人保，本次照常核算家庭经济状况");
		if (means_test(c))
			return -1;
	}
	long long pc = o->per_capita_fen;
	o->eligible = 1;

	long long raw;
	if (!single) {
		if (pc >= std)
			refuse(c, "家庭月人均收入 %s 元，不低于 %s %s低保标准 %s 元%s", M(pc).s, in->month,
			       in->area, M(std).s,
			       o->edge ? "；属低保边缘家庭，可列入低收入人口监测" : "");
		raw = o->gap_fen * o->covered;
	} else {
		for (int i = 0; i < in->n; i++) {
			if (!in->m[i].covered)
				continue;
			int ok = single_serious(&in->m[i], max_any, max_mental, why, sizeof why);
			if (ok)
				line(c, 0, "单人保对象 %s：%s", NAME(i), why);
			else
				refuse(c, "%s：%s，不属单人保的重残、重病人员（%s），不能单人保", NAME(i), why,
				       single_rule_text(max_any, max_mental, rule, sizeof rule));
		}
		if (in->jiandang_unlifted)
			line(c, 0, "单人保资格：未脱贫建档立卡家庭（" DOC_GZ "）");
		else if (o->low_income)
			line(c, 0, "单人保资格：低收入家庭，低收入家庭中的重病、重残人员参照单人保纳入低保（" DOC_PN "）");
		else
			refuse(c, "家庭月人均收入 %s 元超过低收入线，且不是未脱贫建档立卡家庭，不能单人保", M(pc).s);
		if (amount_rule == 0) {
			raw = std * o->covered;
		} else {
			if (o->gap_fen <= 0)
				refuse(c, "单人保按差额发放（设置 dibao.single_amount_rule 为 1），但家庭月人均收入 %s 元不低于低保标准，差额为 0",
				       M(pc).s);
			raw = o->gap_fen * o->covered;
		}
	}
	if (!o->eligible)
		return 0;

	covered_names(in, names, sizeof names);
	line(c, 0, "保障对象 %d 人：%s", o->covered, names);
	o->base_fen = jz_round_fen(raw, (int)c->rounding);
	char rounded[96] = "";
	if (o->base_fen != raw)
		snprintf(rounded, sizeof rounded, "，%s为 %s 元", rounding_name((int)c->rounding),
			 M(o->base_fen).s);
	if (single && amount_rule == 0)
		line(c, o->base_fen, "单人保金额：按低保标准全额 %s x %d 人 = %s 元%s", M(std).s, o->covered,
		     M(raw).s, rounded);
	else
		line(c, o->base_fen, "%s补差 %s x %d 人 = %s 元%s", single ? "单人保按差额" : "", M(o->gap_fen).s,
		     o->covered, M(raw).s, rounded);
	if (supplements(c))
		return -1;
	o->total_fen = o->base_fen + o->supplement_total_fen;
	line(c, o->total_fen, "结论：符合低保条件。每月救助金额 %s + 分类施保 %s = %s 元", M(o->base_fen).s,
	     M(o->supplement_total_fen).s, M(o->total_fen).s);
	return 0;
}

static int tekun(struct calc *c)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char names[200];
	const char *sc = in->self_care ? in->self_care : "";
	const char *care_key = !strcmp(sc, "全自理") ? "tekun.care_self_pct"
			     : !strcmp(sc, "半自理") ? "tekun.care_half_pct"
			     : !strcmp(sc, "全护理") ? "tekun.care_full_pct"
						     : NULL;
	if (!care_key)
		return jz_fail_field(c->e, JZ_EUSER, "self_care", "特困人员的自理能力「%s」无效，应为 全自理、半自理 或 全护理", sc);
	o->covered = count_covered(in);
	if (!o->covered)
		return jz_fail(c->e, JZ_EUSER, "没有选定特困供养对象：请勾选纳入供养的人");
	long long std, basic, factor, wage, care_pct;
	if (GET_FEN(c, "dibao.standard_fen", &std) || GET_FEN(c, "tekun.basic_fen", &basic) ||
	    GET_PCT(c, "tekun.basic_factor_pct", &factor) || GET_FEN(c, "wage.minimum_fen", &wage) ||
	    GET_PCT(c, care_key, &care_pct))
		return -1;
	o->standard_fen = std;
	line(c, 0, "核算月份 %s，%s特困人员（%s，%s）", in->month, in->area, in->mode, sc);
	line(c, std, "%s %s低保标准 %s 元/人/月", in->month, in->area, M(std).s);
	long long floor_ = pct_of(std, factor);
	long long b = basic > floor_ ? basic : floor_;
	line(c, b, "基本生活标准：取 现行特困基本生活标准 %s 元 与 低保标准 x %lld%% = %s 元 之高者，为 %s 元（" DOC_PN "）",
	     M(basic).s, factor, M(floor_).s, M(b).s);
	long long care = pct_of(wage, care_pct);
	line(c, care, "照料护理标准（%s）：最低工资 %s x %lld%% = %s 元（" DOC_PN "）", sc, M(wage).s, care_pct,
	     M(care).s);
	covered_names(in, names, sizeof names);
	line(c, 0, "供养对象 %d 人：%s", o->covered, names);
	o->eligible = 1;
	o->base_fen = b * o->covered;
	o->care_fen = care * o->covered;
	o->total_fen = o->base_fen + o->care_fen;
	line(c, o->total_fen, "每月供养金额 (%s + %s) x %d 人 = %s 元", M(b).s, M(care).s, o->covered,
	     M(o->total_fen).s);
	return 0;
}

static int orphan(struct calc *c)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char names[200];
	const char *mode = in->mode;
	const char *key = !strcmp(mode, "集中养育") ? "orphan.concentrated_fen"
			: !strcmp(mode, "社会散居") ? "orphan.scattered_fen"
			: !strcmp(mode, "事实无人抚养") ? "orphan.de_facto_fen"
							: NULL;
	if (!key)
		return jz_fail_field(c->e, JZ_EUSER, "mode", "孤儿保障方式「%s」无效，应为 集中养育、社会散居 或 事实无人抚养", mode);
	o->covered = count_covered(in);
	if (!o->covered)
		return jz_fail(c->e, JZ_EUSER, "没有选定保障的儿童：请勾选纳入保障的人");
	long long amt;
	if (GET_FEN(c, key, &amt))
		return -1;
	line(c, 0, "核算月份 %s，%s%s基本生活保障（%s）", in->month, in->area,
	     strcmp(mode, "事实无人抚养") ? "孤儿" : "事实无人抚养儿童", mode);
	line(c, amt, "%s标准 %s 元/人/月", mode, M(amt).s);
	covered_names(in, names, sizeof names);
	line(c, 0, "保障对象 %d 人：%s", o->covered, names);
	o->eligible = 1;
	o->base_fen = o->total_fen = amt * o->covered;
	line(c, o->total_fen, "每月金额 %s x %d 人 = %s 元", M(amt).s, o->covered, M(o->total_fen).s);
	return 0;
}

static int disability(struct calc *c)
{
	const struct jz_means_input *in = c->in;
	struct jz_means_result *o = c->out;
	char namebuf[24], dis[48];
	int care = !strcmp(in->mode, "护理补贴");
	if (!care && strcmp(in->mode, "生活补贴"))
		return jz_fail_field(c->e, JZ_EUSER, "mode", "残疾人补贴类别「%s」无效，应为 生活补贴 或 护理补贴", in->mode);
	o->covered = count_covered(in);
	if (!o->covered)
		return jz_fail(c->e, JZ_EUSER, "没有选定领取补贴的残疾人：请勾选");
	line(c, 0, "核算月份 %s，%s%s", in->month, in->area, care ? "重度残疾人护理补贴" : "困难残疾人生活补贴");
	o->eligible = 1;
	long long living = 0;
	if (!care && GET_FEN(c, "disability.living_fen", &living))
		return -1;
	for (int i = 0; i < in->n; i++) {
		const struct jz_means_member *m = &in->m[i];
		if (!m->covered)
			continue;
		int g = m->disability_grade;
		disability_text(m, dis, sizeof dis);
		if (g < 1) {
			refuse(c, "%s 没有残疾证等级，不能领取残疾人%s", NAME(i), in->mode);
			continue;
		}
		long long amt = living;
		if (care) {
			if (g > 2) {
				refuse(c, "%s 为%s，重度残疾人护理补贴只发给一级、二级残疾人", NAME(i), dis);
				continue;
			}
			if (GET_FEN(c, g == 1 ? "disability.care_grade1_fen" : "disability.care_grade2_fen", &amt))
				return -1;
		}
		line(c, amt, "%s %s，%s %s 元/月", NAME(i), dis, care ? "护理补贴" : "生活补贴", M(amt).s);
		o->total_fen += amt;
	}
	if (!o->eligible) {
		o->total_fen = 0;
		return 0;
	}
	o->base_fen = o->total_fen;
	line(c, o->total_fen, "每月补贴合计 %s 元（%d 人）", M(o->total_fen).s, o->covered);
	return 0;
}

int jz_means_calc(const struct jz_means_input *in, struct jz_means_result *out, jz_err *e)
{
	if (!in || !out)
		return jz_fail(e, JZ_EUSER, "核算缺少输入（程序错误）");
	memset(out, 0, sizeof *out);
	if (check_input(in, e))
		return -1;
	struct calc c = {.in = in, .out = out, .e = e};
	const char *p = in->programme ? in->programme : "";
	const char *mode = in->mode ? in->mode : "";
	int rc;
	if (!strcmp(p, "低保")) {
		if (!*mode || !strcmp(mode, "整户保障"))
			rc = dibao(&c, 0);
		else if (!strcmp(mode, "单人保"))
			rc = dibao(&c, 1);
		else
			return jz_fail_field(e, JZ_EUSER, "mode", "低保保障方式「%s」无效，应为 整户保障 或 单人保", mode);
	} else if (!strcmp(p, "特困")) {
		if (strcmp(mode, "集中供养") && strcmp(mode, "分散供养"))
			return jz_fail_field(e, JZ_EUSER, "mode", "特困供养方式「%s」无效，应为 集中供养 或 分散供养", mode);
		rc = tekun(&c);
	} else if (!strcmp(p, "孤儿")) {
		struct jz_means_input copy = *in;
		copy.mode = mode;
		c.in = &copy;
		rc = orphan(&c);
	} else if (!strcmp(p, "残疾补贴")) {
		struct jz_means_input copy = *in;
		copy.mode = mode;
		c.in = &copy;
		rc = disability(&c);
	} else {
		return jz_fail_field(e, JZ_EUSER, "programme", "救助项目「%s」无效，应为 低保、特困、孤儿 或 残疾补贴", p);
	}
	if (rc)
		return -1;
	if (!out->eligible) {
		out->base_fen = out->supplement_total_fen = out->care_fen = out->total_fen = 0;
		memset(out->supplement_fen, 0, sizeof out->supplement_fen);
		line(&c, 0, "结论：不符合。%s", out->refusal);
	}
	if (c.overflow)
		return jz_fail(e, JZ_EUSER, "核算明细超过 %d 行（家庭成员或收入项太多），请分开核算",
			       JZ_MEANS_MAX_LINES);
	if (e)
		jz_err_clear(e);
	return 0;
}

/* ---- the database's settings ------------------------------------------- */

int jz_means_db_setting(void *ctx, const char *key, const char *area, const char *month,
			long long *out, jz_err *e)
{
	if (!valid_month(month))
		return jz_fail(e, JZ_EUSER, "核算月份「%s」无效，应写成 YYYY-MM", month ? month : "");
	char date[11];
	snprintf(date, sizeof date, "%.7s-01", month);
	return jz_setting_int((jz_db *)ctx, key, area, date, out, e);
}
