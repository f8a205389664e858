/* compare_jiandang.c — the 建档立卡 roster against the township (seed 001):
 * a poor person not covered (no case 在保 or 渐退 for him or his household)
 * and not in the screening ledger is a 漏保 candidate, filed once for each
 * of the six categories his row fits, read from the roster's own columns:
 *  1 未脱贫建档立卡      脱贫状态 未脱贫
 *  2 整户无劳动力        整户无劳动力/零劳力 = 是, or no one of his household
 *                        (户编号 in the roster) able to work by 劳动能力
 *  3 重残重病            残疾等级 1 to dibao.single_disability_max_grade, or to
 *                        dibao.single_mental_max_grade for 智力/精神, or 重病 = 是
 *  4 已脱贫收入低于低保标准  已脱贫 and 年人均纯收入 below
 *                        jiandang.income_factor_months x the monthly 低保
 *                        standard of his area on the comparison date
 *  5 脱贫监测户          监测户 = 是, or 户类型 naming a monitored household
 *  6 脱贫边缘户          边缘户 = 是, or 户类型 naming an edge household
 * Household flags of the township are left as they are: the roster is the
 * poverty office's view, the clerk's visit decides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compare_int.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/compare_store.h"

struct limits {
	long long any_max, mental_max, factor;
};

/* Can this 劳动能力 value work? 1 yes, 0 no, -1 unknown/empty. */
static int able(const char *v)
{
	if (!*v)
		return -1;
	if (strstr(v, "丧失") || strstr(v, "无劳动"))
		return 0;
	return 1;
}

struct key {
	char k[112];
	int row;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->k, ((const struct key *)b)->k);
}

/* group_no_labour of every row: all rows of its household (户编号 in the
 * file, else our household, else the person alone) have a 劳动能力 that
 * cannot work. */
static int households(struct cmp *c, struct cmp_row *rows, int n)
{
	if (c->col[C_LABOUR] < 0)
		return 0;
	struct key *k = calloc((size_t)(n ? n : 1), sizeof *k);
	if (!k)
		return -1;
	for (int i = 0; i < n; i++) {
		const char *hh = cmp_cell(c, &rows[i], C_HH);
		if (*hh)
			snprintf(k[i].k, sizeof k[i].k, "H%.100s", hh);
		else if (rows[i].found && rows[i].p.household_id)
			snprintf(k[i].k, sizeof k[i].k, "P%lld", rows[i].p.household_id);
		else
			snprintf(k[i].k, sizeof k[i].k, "I%d", rows[i].line);
		k[i].row = i;
	}
	qsort(k, (size_t)n, sizeof *k, by_key);
	for (int a = 0, b; a < n; a = b) {
		int none = 1;
		for (b = a; b < n && !strcmp(k[b].k, k[a].k); b++)
			none &= able(cmp_cell(c, &rows[k[b].row], C_LABOUR)) == 0;
		for (int i = a; i < b; i++)
			rows[k[i].row].group_no_labour = none;
	}
	free(k);
	return 0;
}

static int is_tuopin(const char *v)
{
	return strstr(v, "已脱贫") || (!strncmp(v, "脱贫", strlen("脱贫")) && !strstr(v, "未脱贫"));
}

static int heavy(struct cmp *c, const struct cmp_row *row, const struct limits *l, char *why,
		 size_t n)
{
	int g = cmp_grade(cmp_cell(c, row, C_DGRADE));
	char cat[12];
	cmp_category(cmp_cell(c, row, C_DCAT), cat);
	int mental = !strcmp(cat, "智力") || !strcmp(cat, "精神");
	if (g && (g <= l->any_max || (mental && g <= l->mental_max)))
		return snprintf(why, n, "%s残疾 %d 级", *cat ? cat : "", g), 1;
	if (cmp_truthy(cmp_cell(c, row, C_ILL)))
		return snprintf(why, n, "患重病（%s）", cmp_cell(c, row, C_ILL)), 1;
	return 0;
}

/* Category 4; -1 on a settings error, 1 fits, 0 not. */
static int low_income(struct cmp *c, const struct cmp_row *row, const struct limits *l, char *why,
		      size_t n, jz_err *e)
{
	const char *v = cmp_cell(c, row, C_INCOME);
	long long fen, std;
	jz_err pe = {0};
	if (!is_tuopin(cmp_cell(c, row, C_TUOPIN)) || !*v)
		return 0;
	if (jz_money_parse(v, &fen, &pe)) {
		cmp_problem(c, row->line, C_INCOME, v, "不是金额，这一行不按收入分类");
		return 0;
	}
	const char *ar = cmp_cell(c, row, C_AREA);
	const char *area = row->found && row->p.household_id ? NULL :
			   (strstr(ar, "城") && !strstr(ar, "乡村") ? "城市" : "农村");
	char hh_area[8] = "农村";
	if (!area) {
		if (jz_store_household_area(c->s->db, row->p.household_id, hh_area, sizeof hh_area, e))
			return -1;
		area = hh_area;
	}
	if (jz_setting_int(c->s->db, "dibao.standard_fen", area, c->today, &std, e))
		return -1;
	if (fen >= l->factor * std)
		return 0;
	char a[32], b[32], m[32];
	jz_money_format(fen, a, sizeof a);
	jz_money_format(l->factor * std, b, sizeof b);
	jz_money_format(std, m, sizeof m);
	snprintf(why, n, "已脱贫，年人均纯收入 %s 元，低于 %lld 个月%s低保标准 %s 元（每月 %s 元）", a,
		 l->factor, area, b, m);
	return 1;
}

static int file_one(struct cmp *c, const struct cmp_row *row, const char *cat, const char *why,
		    jz_err *e)
{
	jz_finding f;
	cmp_finding_init(c, row, &f, "漏保", cat);
	snprintf(f.detail, sizeof f.detail, "%s；%s未列入排查台账", why,
		 row->found ? "本人及家庭无在保、渐退案件，" : "本乡镇无此人登记（未建户），");
	return cmp_emit(c, &f, e) ? -1 : 0;
}

static int one_row(struct cmp *c, const struct cmp_row *row, const struct limits *l, jz_err *e)
{
	char why[256];
	const char *tp = cmp_cell(c, row, C_TUOPIN), *kind = cmp_cell(c, row, C_KIND);
	if (strstr(tp, "未脱贫") && file_one(c, row, "未脱贫建档立卡", "脱贫状态：未脱贫", e))
		return -1;
	if (cmp_truthy(cmp_cell(c, row, C_NOLABOUR)) || row->group_no_labour) {
		snprintf(why, sizeof why, "%s", cmp_truthy(cmp_cell(c, row, C_NOLABOUR)) ?
			 "名单标明整户无劳动力" : "家庭成员劳动能力均为丧失或无劳动力");
		if (file_one(c, row, "整户无劳动力", why, e))
			return -1;
	}
	if (heavy(c, row, l, why, sizeof why) && file_one(c, row, "重残重病", why, e))
		return -1;
	int low = low_income(c, row, l, why, sizeof why, e);
	if (low < 0 || (low && file_one(c, row, "已脱贫收入低于低保标准", why, e)))
		return -1;
	if ((cmp_truthy(cmp_cell(c, row, C_MONITOR)) || strstr(kind, "监测") || strstr(kind, "不稳定") ||
	     strstr(kind, "突发")) && file_one(c, row, "脱贫监测户", "名单标明脱贫监测户", e))
		return -1;
	if ((cmp_truthy(cmp_cell(c, row, C_EDGE)) || strstr(kind, "边缘")) &&
	    file_one(c, row, "脱贫边缘户", "名单标明脱贫边缘户", e))
		return -1;
	return 0;
}

int cmp_jiandang(struct cmp *c, struct cmp_row *rows, int n, jz_err *e)
{
	struct limits l;
	if (jz_setting_int(c->s->db, "dibao.single_disability_max_grade", "*", c->today, &l.any_max, e) ||
	    jz_setting_int(c->s->db, "dibao.single_mental_max_grade", "*", c->today, &l.mental_max, e) ||
	    jz_setting_int(c->s->db, "jiandang.income_factor_months", "*", c->today, &l.factor, e))
		return -1;
	if (households(c, rows, n))
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int i = 0; i < n; i++) {
		const struct cmp_row *row = &rows[i];
		jz_rowid cid;
		long long screened = 0;
		if (row->skip || (row->found && row->p.deceased_on[0]))
			continue;
		int cov = row->found ? jz_store_covering_case(c->s->db, row->p.id, row->p.household_id,
							      NULL, &cid, NULL, e) : 0;
		if (cov < 0 || jz_store_screened(c->s->db, row->id, &screened, e))
			return -1;
		if (!cov && !screened && one_row(c, row, &l, e))
			return -1;
	}
	return 0;
}
