/* compare_lists.c — the deaths, the 残联 roster and the 医保 list of
 * 重特大疾病 against the township (see compare.h):
 *  death       paid after the death month (roll lines in his name or of a
 *              case covering him alone: 死亡仍发放, with the months and the
 *              net to recover), else still a member of a case in force
 *              (死亡未退出)
 *  disability  grade 1-4 in a 低保 case in force with no 分类施保 supplement
 *              in its current amount (未分类施保); a grade or category other
 *              than ours (残疾等级不符). Both details start "残联登记：类别
 *              N 级；" — acting on them reads it back (finding_act.c).
 *  medical     not covered by any case in force (重病未保); covered but
 *              serious_illness not set (重病未登记). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/compare_int.h"
#include "io/form_file.h"
#include "store/compare_store.h"

/* A death date as lists write it: 2026-09-15, 2026/9/15, 2026.9.15,
 * 20260915, 2026年9月15日, a time after it, or an Excel date number. */
static int parse_date(const char *v, char out[11])
{
	int y, m, d;
	char *end;
	while (*v == ' ')
		v++;
	long serial = strtol(v, &end, 10);
	if (end != v && (*end == '\0' || !strcmp(end, ".0")) && serial > 20000 && serial < 80000) {
		jz_days_to_date(serial - 25569, out); /* Excel counts days from 1899-12-30 */
		return 0;
	}
	if (sscanf(v, "%4d%2d%2d", &y, &m, &d) == 3 && strlen(v) == 8)
		;
	else if (sscanf(v, "%d-%d-%d", &y, &m, &d) != 3 && sscanf(v, "%d/%d/%d", &y, &m, &d) != 3 &&
		 sscanf(v, "%d.%d.%d", &y, &m, &d) != 3 && sscanf(v, "%d年%d月%d日", &y, &m, &d) != 3)
		return -1;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return jz_date_valid(out) ? 0 : -1;
}

struct paid {
	int months;
	long long fen;
	char list[200];
};

static void add_month(const char *ym, long long fen, void *arg)
{
	struct paid *p = arg;
	if (fen <= 0)
		return;
	size_t n = strlen(p->list);
	if (p->months < 12)
		snprintf(p->list + n, sizeof p->list - n, "%s%s", n ? "、" : "", ym);
	else if (p->months == 12)
		snprintf(p->list + n, sizeof p->list - n, "等");
	p->months++;
	p->fen += fen;
}

static int death_row(struct cmp *c, const struct cmp_row *row, jz_err *e)
{
	char date[11], dm[8], num[48] = "", ours[64], money[32];
	const char *v = cmp_cell(c, row, C_DEATH);
	if (parse_date(v, date))
		return cmp_problem(c, row->line, C_DEATH, v, "死亡日期看不懂，应写成 YYYY-MM-DD，例如 2026-03-10"), 0;
	if (strcmp(date, c->today) > 0)
		return cmp_problem(c, row->line, C_DEATH, v, "死亡日期晚于今天，请核对"), 0;
	if (!row->found)
		return 0;
	struct paid p = {0};
	jz_rowid cid = 0;
	jz_month_of(date, dm);
	if (jz_store_paid_after(c->s->db, row->p.id, dm, add_month, &p, e))
		return -1;
	int open = jz_store_covering_case(c->s->db, row->p.id, 0, NULL, &cid, NULL, e);
	if (open < 0)
		return -1;
	if (!p.months && !open)
		return 0;
	jz_finding f;
	cmp_finding_init(c, row, &f, p.months ? "死亡仍发放" : "死亡未退出", "");
	memcpy(f.death_date, date, sizeof f.death_date);
	f.months_after = p.months;
	f.recover_fen = p.fen;
	if (open) {
		jz_case cs;
		f.case_id = cid;
		if (jz_case_get(c->s->db, cid, &cs, e))
			return -1;
		snprintf(num, sizeof num, "%s", cs.number);
	}
	if (row->p.deceased_on[0])
		snprintf(ours, sizeof ours, "本系统登记死亡 %s", row->p.deceased_on);
	else
		snprintf(ours, sizeof ours, "本系统未登记死亡");
	jz_money_format(p.fen, money, sizeof money);
	size_t n = (size_t)snprintf(f.detail, sizeof f.detail, "死亡日期 %s（%s）", date, ours);
	if (p.months)
		n += (size_t)snprintf(f.detail + n, sizeof f.detail - n, "；死亡后仍发放 %d 个月（%s），应追回 %s 元",
				      p.months, p.list, money);
	if (open && n < sizeof f.detail)
		snprintf(f.detail + n, sizeof f.detail - n, "；案件 %s 仍在保", num);
	return cmp_emit(c, &f, e) ? -1 : 0;
}

int cmp_death(struct cmp *c, struct cmp_row *rows, int n, jz_err *e)
{
	for (int i = 0; i < n; i++)
		if (!rows[i].skip && death_row(c, &rows[i], e))
			return -1;
	return 0;
}

static int disability_row(struct cmp *c, const struct cmp_row *row, jz_err *e)
{
	const char *gv = cmp_cell(c, row, C_DGRADE), *cv = cmp_cell(c, row, C_DCAT);
	char cat[12], ours[64], theirs[64];
	int g = cmp_grade(gv);
	if (!g)
		return cmp_problem(c, row->line, C_DGRADE, gv, "残疾等级看不懂，应为一级至四级（1 到 4）"), 0;
	cmp_category(cv, cat);
	if (*cv && !*cat)
		cmp_problem(c, row->line, C_DCAT, cv, "残疾类别看不懂（视力、听力、言语、肢体、智力、精神、多重），只比对等级");
	if (!row->found || row->p.deceased_on[0])
		return 0;
	const jz_person *p = &row->p;
	snprintf(theirs, sizeof theirs, "残联登记：%s %d 级", *cat ? cat : "类别未填", g);
	if (p->disability_grade)
		snprintf(ours, sizeof ours, "本系统：%s %d 级", *p->disability_cat ? p->disability_cat : "类别未填",
			 p->disability_grade);
	else
		snprintf(ours, sizeof ours, "本系统：无残疾登记");
	jz_finding f;
	if (p->disability_grade != g || (*cat && strcmp(cat, p->disability_cat))) {
		cmp_finding_init(c, row, &f, "残疾等级不符", "");
		snprintf(f.detail, sizeof f.detail, "%s；%s", theirs, ours);
		if (cmp_emit(c, &f, e))
			return -1;
	}
	jz_rowid cid;
	int on = jz_store_covering_case(c->s->db, p->id, 0, "低保", &cid, NULL, e);
	int sup = on == 1 ? jz_store_has_supplement(c->s->db, cid, p->id, c->month, e) : 0;
	if (on < 0 || sup < 0)
		return -1;
	if (on && !sup) {
		jz_case cs;
		if (jz_case_get(c->s->db, cid, &cs, e))
			return -1;
		cmp_finding_init(c, row, &f, "未分类施保", "");
		f.case_id = cid;
		snprintf(f.detail, sizeof f.detail, "%s；%s；低保案件 %s 当前金额中没有此人的分类施保",
			 theirs, ours, cs.number);
		if (cmp_emit(c, &f, e))
			return -1;
	}
	return 0;
}

int cmp_disability(struct cmp *c, struct cmp_row *rows, int n, jz_err *e)
{
	for (int i = 0; i < n; i++)
		if (!rows[i].skip && disability_row(c, &rows[i], e))
			return -1;
	return 0;
}

static int medical_row(struct cmp *c, const struct cmp_row *row, jz_err *e)
{
	const char *ill = cmp_cell(c, row, C_DISEASE);
	jz_rowid cid = 0;
	char prog[16] = "";
	if (row->found && row->p.deceased_on[0])
		return 0;
	int cov = row->found ? jz_store_covering_case(c->s->db, row->p.id, row->p.household_id, NULL,
						      &cid, prog, e) : 0;
	if (cov < 0)
		return -1;
	if (cov && row->p.serious_illness)
		return 0;
	jz_finding f;
	cmp_finding_init(c, row, &f, cov ? "重病未登记" : "重病未保", "");
	if (cov) {
		jz_case cs;
		if (jz_case_get(c->s->db, cid, &cs, e))
			return -1;
		f.case_id = cid;
		snprintf(f.detail, sizeof f.detail, "医保重特大疾病：%s；在%s案件 %s 中，本系统未登记重病",
			 *ill ? ill : "病种未填", prog, cs.number);
	} else {
		snprintf(f.detail, sizeof f.detail, "医保重特大疾病：%s；%s", *ill ? ill : "病种未填",
			 row->found ? "本人及家庭无在保、渐退案件" : "本乡镇无此人登记（未建户）");
	}
	return cmp_emit(c, &f, e) ? -1 : 0;
}

int cmp_medical(struct cmp *c, struct cmp_row *rows, int n, jz_err *e)
{
	for (int i = 0; i < n; i++)
		if (!rows[i].skip && medical_row(c, &rows[i], e))
			return -1;
	return 0;
}
