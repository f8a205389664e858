/* means.h — the means test (家庭经济状况核算) and the monthly amount of
 * 低保, 特困, 孤儿 and 残疾人两项补贴, as pure functions: no SQL, no screen.
 * Every number of policy comes through a settings callback (jz_setting_fn):
 * the desk passes jz_means_db_setting (the database's setting table), tests
 * pass their own table. Money is whole fen (分) throughout.
 *
 * Settings read (key: what it is; value suggested for the demo):
 *   all 低保 (整户保障 and 单人保, unless 免核对):
 *     means.migrant_deduction_pct    外出务工收入扣减的就业成本, %      30
 *     dibao.standard_fen             低保标准, fen/person/month, by area
 *                                    (城市 75000 / 农村 61000 in 2026)
 *     dibao.rounding                 rounding of amounts: 0 四舍五入到元,
 *                                    1 向上取整到元, 2 保留到分            0
 *     dibao.edge_factor_pct          低保边缘 line, % of the standard    150
 *     dibao.low_income_pct           低收入 line, % of the standard       150
 *   单人保 in addition:
 *     dibao.single_disability_max_grade  重残: grades 1..this, any category  2
 *     dibao.single_mental_max_grade      重残: grades 1..this, 智力/精神      4
 *     dibao.single_amount_rule       0 = full standard per covered person,
 *                                    1 = the household's gap per person    0
 *   分类施保 (read only when the household is found eligible), each a % of
 *   the standard, 0 = none:
 *     dibao.supp_disabled12_pct      grade 1-2 disability                 20
 *     dibao.supp_disabled34_pct      grade 3-4 disability                 10
 *     dibao.elderly_age              age from which one is elderly        60
 *     dibao.supp_elderly_pct         age >= dibao.elderly_age             10
 *     dibao.supp_minor_pct           age < 18 (未成年人, 民法典第17条)     10
 *     dibao.supp_ill_pct             serious illness                      15
 *   特困:
 *     dibao.standard_fen             (as above)
 *     tekun.basic_fen                现行特困基本生活标准, by area
 *     tekun.basic_factor_pct         floor of the basic standard, % of 低保  160
 *     wage.minimum_fen               最低工资标准 (monthly)
 *     tekun.care_self_pct            全自理 care, % of the minimum wage     2
 *     tekun.care_half_pct            半自理                                30
 *     tekun.care_full_pct            全护理                                60
 *   孤儿: orphan.concentrated_fen (集中养育), orphan.scattered_fen (社会散居),
 *         orphan.de_facto_fen (事实无人抚养)
 *   残疾补贴: disability.care_grade1_fen, disability.care_grade2_fen
 *         (护理补贴), disability.living_fen (生活补贴)
 * A setting of the wrong range (a negative amount, a rounding rule other
 * than 0-2...) is refused with a message naming it.
 *
 * Rules, in the order the working shows them (the lines):
 *   - Income: every kind counted in full, except 基础养老金 (城乡居民基本养老
 *     保险基础养老金: not counted) and 外出务工 (reduced by
 *     means.migrant_deduction_pct; the deduction is rounded half up to the
 *     fen). 灵活就业 comes already assessed by trade and days: counted.
 *   - Deductions: 必要就业成本, 医疗 and 教育 rigid expenses, as entered.
 *   - Per-capita = (counted - deductions) / members (every member in m[],
 *     covered or not; the caller leaves the deceased out). Integer division:
 *     fractions of a fen are dropped (floor); a negative net is taken as 0.
 *   - 低保 整户保障: eligible when per-capita < standard. base = (standard -
 *     per-capita) x covered members, then rounded by dibao.rounding.
 *   - 低保边缘 (edge): not eligible (per-capita >= standard) and per-capita
 *     <= dibao.edge_factor_pct % of the standard. 低收入 (low_income):
 *     per-capita <= dibao.low_income_pct % of the standard (so a household
 *     below the standard is low-income too). Both only when the means test
 *     is done.
 *   - 单人保: every covered member must be 重残 (grade 1..single_disability_
 *     max_grade of any category, or 1..single_mental_max_grade for 智力 or
 *     精神) or 重病; the household must be 未脱贫建档立卡 or 低收入. A
 *     未脱贫建档立卡 household with `waived` skips the means test (免核对:
 *     per-capita taken as 0). `waived` elsewhere is noted in a line and the
 *     means test is done. amount = (standard, or the gap when
 *     single_amount_rule is 1) x covered, rounded by dibao.rounding; a gap
 *     of 0 or less under rule 1 is a refusal.
 *   - 分类施保 (低保, when eligible): each covered member gets the highest of
 *     the percentages that apply to him (disability grade 1-2 or 3-4,
 *     elderly, minor, seriously ill; on a tie the first in that order), of
 *     the standard, rounded half up to the fen then by dibao.rounding. A
 *     grade 1-4 disabled member left without any (all his settings 0) gets
 *     a warning line: seed 000 makes it mandatory.
 *   - 特困: per covered person, basic = max(tekun.basic_fen, standard x
 *     tekun.basic_factor_pct %) and care = wage.minimum_fen x the self-care
 *     %, each rounded half up to the fen; no rounding to the yuan.
 *   - 孤儿: the fixed amount of the mode per covered child.
 *   - 残疾补贴: 护理补贴 by grade (1 or 2; grade 3-4 or none refused),
 *     生活补贴 disability.living_fen for a covered member with a grade 1-4
 *     certificate. */
#ifndef JZ_MEANS_H
#define JZ_MEANS_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

/* Reads the integer setting key for area (城市 / 农村; the callback falls
 * back to '*') in force in month (YYYY-MM). 0, or non-zero with e set to a
 * Chinese message naming the setting. */
typedef int (*jz_setting_fn)(void *ctx, const char *key, const char *area, const char *month,
			     long long *out, jz_err *e);

enum jz_income_kind {
	JZ_INC_WAGE, JZ_INC_MIGRANT, JZ_INC_FLEXIBLE, JZ_INC_AGRI, JZ_INC_BASIC_PENSION,
	JZ_INC_OTHER_PENSION, JZ_INC_TRANSFER, JZ_INC_OTHER, JZ_INC_N
};
/* 工资 外出务工 灵活就业 农业 基础养老金 其他养老金 转移性 其他 */
extern const char *const jz_income_kind_names[JZ_INC_N];

enum jz_expense_kind { JZ_EXP_MEDICAL, JZ_EXP_EDUCATION, JZ_EXP_EMPLOYMENT, JZ_EXP_N };
/* 医疗 教育 必要就业成本 */
extern const char *const jz_expense_kind_names[JZ_EXP_N];

/* At most this many members (supplement_fen has one slot per member). */
#define JZ_MEANS_MAX_MEMBERS 64
/* At most this many lines of working; more is an error. */
#define JZ_MEANS_MAX_LINES 64

struct jz_means_member {
	jz_rowid person_id;
	char name[96];
	int covered;            /* named in the case */
	int age;                /* whole years in the month of the calculation */
	char disability_cat[12]; /* 视力 听力 言语 肢体 智力 精神 多重, or "" */
	int disability_grade;   /* 0 none, 1..4 */
	int serious_illness;
	int student;
	long long income_fen[JZ_INC_N]; /* monthly, >= 0 */
};

struct jz_means_input {
	const char *month;      /* YYYY-MM the calculation is for (standard in force that month) */
	const char *area;       /* 城市 / 农村 */
	const char *programme;  /* 低保 特困 孤儿 残疾补贴 */
	const char *mode;       /* 低保: 整户保障 (also NULL or "") | 单人保;
				 * 特困: 集中供养 | 分散供养 (+ self_care);
				 * 孤儿: 集中养育 | 社会散居 | 事实无人抚养;
				 * 残疾补贴: 生活补贴 | 护理补贴 */
	const char *self_care;  /* 特困: 全自理 | 半自理 | 全护理 */
	int jiandang_unlifted;  /* 未脱贫建档立卡 household */
	int waived;             /* 免核对 requested for 单人保 of a 未脱贫建档立卡 household */
	struct jz_means_member *m;
	int n;                  /* all household members (covered or not), 1..64 */
	long long expense_fen[JZ_EXP_N]; /* household monthly rigid expenses, >= 0 */
	long long assets_deposit_fen;
	int assets_vehicles;
	int assets_houses;      /* recorded in a line; asset limits are checked elsewhere */
	jz_setting_fn setting;
	void *ctx;
};

/* One line of the working, in Chinese, for the clerk to read out, e.g.
 * "王建国 外出务工收入 1,500.00 元，扣减 30% 就业成本后计 1,050.00 元（开州民发〔2020〕82号）";
 * fen is the amount the line is about (0 when none). A line too long for
 * text is cut at a character boundary. */
struct jz_means_line {
	char text[256];
	long long fen;
};

struct jz_means_result {
	struct jz_means_line lines[JZ_MEANS_MAX_LINES];
	int nlines;
	long long counted_income_fen; /* after the 外出务工 reduction, without 基础养老金 */
	long long deductions_fen;     /* 就业成本 + 医疗 + 教育 */
	long long per_capita_fen;
	int members_counted;          /* 0 when no means test was done */
	long long standard_fen;       /* 低保标准 in force for area & month (0 for 孤儿, 残疾补贴) */
	long long gap_fen;            /* standard - per_capita (may be negative) */
	int eligible;                 /* 符合 */
	int edge;                     /* 低保边缘 (see the rules above) */
	int low_income;               /* per-capita <= dibao.low_income_pct % of standard */
	int covered;                  /* persons covered */
	long long base_fen;           /* 低保: 补差 (or 单人保 amount) before supplements,
				       * rounded; 特困: basic living money x covered;
				       * 孤儿, 残疾补贴: = total_fen */
	long long care_fen;           /* 特困: care money x covered; 0 otherwise */
	long long supplement_fen[JZ_MEANS_MAX_MEMBERS]; /* 分类施保 per member (index into m[]) */
	long long supplement_total_fen;
	long long total_fen;          /* monthly amount: base + supplements (+ care) */
	char refusal[256];            /* why 不符合, in Chinese, when !eligible */
};

/* Works out the means test and the amount. Fills out entirely (zeroed
 * first). Returns 0 whether eligible or not (a refusal is out->eligible = 0
 * with out->refusal); -1 with e set when the input is wrong (bad month,
 * area, programme or mode, a negative amount, no covered member, too many
 * members or lines: JZ_EUSER) or a setting is missing or out of range (the
 * callback's message, or JZ_EDATA naming the setting). */
int jz_means_calc(const struct jz_means_input *in, struct jz_means_result *out, jz_err *e);

/* Rounds fen to the yuan per rule: 0 = round half up to the yuan (half
 * away from zero for a negative amount), 1 = up (toward +infinity) to the
 * yuan, 2 (or any other value) = none (keep fen). */
long long jz_round_fen(long long fen, int rule);

/* fen as yuan with thousands separators: 140000 -> "1,400.00",
 * -5 -> "-0.05". buf of n bytes (32 is always enough). */
void jz_means_money(long long fen, char *buf, size_t n);

/* The database's settings as a jz_setting_fn: ctx is the jz_db *; the
 * value in force on the first day of month (jz_setting_int: area falls back
 * to '*', a missing setting is an error naming it). The only function here
 * that touches the database, and only through core/settings.h. */
int jz_means_db_setting(void *ctx, const char *key, const char *area, const char *month,
			long long *out, jz_err *e);

#endif
