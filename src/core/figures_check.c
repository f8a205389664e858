/* figures_check.c — the cross-checks run before the monthly workbook is
 * shown or written. A failing check is kept in f->checks (shown on the
 * command line, on the desk and in the workbook), never hidden.
 *
 *  1. 低保: the villages add up to 合计, and 城市 + 农村 = 合计, column by
 *     column; 特困: 集中供养 + 分散供养 = 合计.
 *  2. In every row: 女性, 单人保, 户数 <= 人数; 老年人 + 成年人 + 未成年人 =
 *     人数; 重度残疾人 <= 残疾人.
 *  3. 合计 人数 and 户数 equal a count of distinct persons and households
 *     made apart (a person counted twice shows here).
 *  4. 新增 − 退出 = 人数 − last month's 人数 (persons and households).
 *  5. 当月支出金额 of 低保 and 特困 equal the roll's totals to the fen.
 *  6. 备用金: 期初 + 预拨 + 退回 + 调增 − 支出 − 调减 = 期末; 支出 = the
 *     causes' sum. 临时救助: 急难型 + 支出型 = 户次; its 当月支出 = the
 *     fund's 支出 of the month (every payment is one).
 *  7. 排查: 已走访 <= 排查人数; the results <= 已走访; the reasons add up to
 *     不符合条件. */
#include <stdio.h>
#include <string.h>

#include "core/figures.h"
#include "core/clock.h"
#include "core/roll.h"
#include "store/figures_store.h"

static long long val(const struct jz_fig_row *r, const char *col)
{
	const struct jz_fig_cell *c = jz_fig_cell(r, col);
	return c ? c->v : 0;
}

static void sums(struct jz_figures *f, const struct jz_fig_table *t, const char *what,
		 const char *const *parts, int nparts, int villages)
{
	const struct jz_fig_row *total = jz_fig_row(t, "合计");
	if (!total)
		return;
	for (int k = 0; k < total->ncells; k++) {
		const char *col = total->cells[k].col;
		if (total->cells[k].text || !strcmp(col, "per_person") || strstr(col, "standard"))
			continue;
		long long s = 0;
		for (int i = 0; i < t->nrows; i++) {
			const struct jz_fig_row *r = &t->rows[i];
			int in = villages ? r->village : 0;
			for (int j = 0; !villages && j < nparts; j++)
				in |= !strcmp(r->key, parts[j]);
			if (in)
				s += val(r, col);
		}
		if (s != total->cells[k].v)
			jz_fig_check_failed(f, "%s：合计的 %s 为 %lld，%s之和为 %lld", t->name, col,
					    total->cells[k].v, what, s);
	}
}

static void rows(struct jz_figures *f, const struct jz_fig_table *t, int dibao)
{
	for (int i = 0; i < t->nrows; i++) {
		const struct jz_fig_row *r = &t->rows[i];
		long long n = val(r, "persons");
		if (val(r, "female") > n)
			jz_fig_check_failed(f, "%s %s：女性 %lld 多于人数 %lld", t->name, r->key, val(r, "female"), n);
		if (val(r, "severe") > val(r, "disabled"))
			jz_fig_check_failed(f, "%s %s：重度残疾人多于残疾人", t->name, r->key);
		if (!dibao)
			continue;
		if (val(r, "single") > n || val(r, "households") > n)
			jz_fig_check_failed(f, "%s %s：户数或单人保人数多于保障人数", t->name, r->key);
		long long ages = val(r, "elderly") + val(r, "adult") + val(r, "minor");
		if (ages != n)
			jz_fig_check_failed(f, "%s %s：老年人+成年人+未成年人 = %lld，保障人数 %lld", t->name, r->key, ages, n);
	}
}

static int counts(jz_db *db, struct jz_figures *f, const char *programme, const char *tbl,
		  jz_err *e)
{
	const struct jz_fig_row *total = jz_fig_row(jz_fig_table(f, tbl), "合计");
	char prev[8];
	long long p, h, pp, ph;
	jz_month_add(f->month, -1, prev);
	if (!total || jz_store_fig_count(db, programme, f->month, &p, &h, e) ||
	    jz_store_fig_count(db, programme, prev, &pp, &ph, e))
		return -1;
	if (p != val(total, "persons") || h != val(total, "households"))
		jz_fig_check_failed(f, "%s：合计 %lld 户 %lld 人，另行清点为 %lld 户 %lld 人（有人被重复统计）",
				    programme, val(total, "households"), val(total, "persons"), h, p);
	long long dn = val(total, "new_persons") - val(total, "exit_persons");
	if (dn != p - pp)
		jz_fig_check_failed(f, "%s：新增 − 退出 = %lld 人，但人数比上月变动 %lld 人", programme, dn, p - pp);
	long long dh = val(total, "new_households") - val(total, "exit_households");
	if (!strcmp(programme, "低保") && dh != h - ph)
		jz_fig_check_failed(f, "%s：新增 − 退出 = %lld 户，但户数比上月变动 %lld 户", programme, dh, h - ph);
	long long roll;
	if (jz_roll_total(db, f->month, programme, &roll, e))
		return -1;
	if (roll != val(total, "paid"))
		jz_fig_check_failed(f, "%s：当月支出金额 %lld 分与花名册合计 %lld 分不符", programme,
				    val(total, "paid"), roll);
	return 0;
}

static void money(struct jz_figures *f)
{
	const struct jz_fig_table *b = jz_fig_table(f, "beiyongjin");
	for (int i = 0; b && i < b->nrows; i++) {
		const struct jz_fig_row *r = &b->rows[i];
		long long end = val(r, "opening") + val(r, "alloc") + val(r, "returned") +
				val(r, "adjust_in") - val(r, "spent") - val(r, "adjust_out");
		if (end != val(r, "closing"))
			jz_fig_check_failed(f, "备用金 %s：期初+收入-支出 = %lld 分，期末余额 %lld 分", r->key, end,
					    val(r, "closing"));
		long long causes = 0;
		for (int k = 0; k < r->ncells; k++)
			if (!strncmp(r->cells[k].col, "cause:", 6))
				causes += r->cells[k].v;
		if (causes != val(r, "spent"))
			jz_fig_check_failed(f, "备用金 %s：各原因支出之和 %lld 分，支出合计 %lld 分", r->key,
					    causes, val(r, "spent"));
	}
	/* every 临时救助 payment is a 支出 of the fund on the same day */
	const struct jz_fig_row *lm = jz_fig_row(jz_fig_table(f, "linshi"), "本月");
	const struct jz_fig_row *bm = jz_fig_row(b, "本月");
	if (lm && bm && val(lm, "paid") != val(bm, "spent"))
		jz_fig_check_failed(f, "临时救助当月支出 %lld 分与备用金当月支出 %lld 分不符", val(lm, "paid"),
				    val(bm, "spent"));
	const struct jz_fig_table *l = jz_fig_table(f, "linshi");
	for (int i = 0; l && i < l->nrows; i++) {
		const struct jz_fig_row *r = &l->rows[i];
		if (val(r, "jinan_cases") + val(r, "zhichu_cases") != val(r, "cases"))
			jz_fig_check_failed(f, "临时救助 %s：急难型+支出型户次不等于救助户次", r->key);
	}
}

static void screening(struct jz_figures *f)
{
	const struct jz_fig_table *t = jz_fig_table(f, "paicha");
	for (int i = 0; t && i < t->nrows; i++) {
		const struct jz_fig_row *r = &t->rows[i];
		long long done = val(r, "dibao") + val(r, "tekun") + val(r, "other") + val(r, "not_eligible");
		if (val(r, "visited") > val(r, "listed") || done > val(r, "visited"))
			jz_fig_check_failed(f, "排查 %s：已走访或有结果的人数多于排查人数", r->key);
		long long reasons = 0;
		for (int k = 0; k < r->ncells; k++)
			if (!strncmp(r->cells[k].col, "reason:", 7))
				reasons += r->cells[k].v;
		if (reasons != val(r, "not_eligible"))
			jz_fig_check_failed(f, "排查 %s：各原因之和 %lld，不符合条件 %lld", r->key, reasons,
					    val(r, "not_eligible"));
	}
}

int jz_fig_checks(jz_db *db, struct jz_figures *f, jz_err *e)
{
	static const char *const areas[] = {"城市", "农村"};
	static const char *const modes[] = {"集中供养", "分散供养"};
	const struct jz_fig_table *d = jz_fig_table(f, "dibao"), *t = jz_fig_table(f, "tekun");
	if (d) {
		sums(f, d, "各村", NULL, 0, 1);
		sums(f, d, "城市、农村", areas, 2, 0);
		rows(f, d, 1);
	}
	if (t) {
		sums(f, t, "集中、分散供养", modes, 2, 0);
		rows(f, t, 0);
	}
	if (counts(db, f, "低保", "dibao", e) || counts(db, f, "特困", "tekun", e))
		return -1;
	money(f);
	screening(f);
	return 0;
}
