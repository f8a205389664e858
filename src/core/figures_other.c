/* figures_other.c — the monthly workbook's 临时救助 (linshi), 备用金
 * (beiyongjin), 增减变动明细 (biandong), 工作情况 (gongzuo) and 排查进展
 * (paicha) figures (see figures.h).
 *
 * Rules
 *  1. 临时救助: core/aid_report.c's figures (jz_aid_figures) for the month
 *     and for January 1 to the month's last day; 平均救助水平 = 支出 / 户次.
 *  2. 备用金: core/fund.c's statement for the month and for the year to
 *     the month's last day; spending by the causes of the setting
 *     aid.causes (cause:原因).
 *  3. 增减变动明细: every case (低保 特困 孤儿 残疾补贴) in force in M and not
 *     in M-1 (纳入, with its entry reason and amount in M), or the reverse
 *     (退出, its exit reason and the amount it had in M-1); by village and
 *     household number; the head's ID masked (first 6 and last 4 digits).
 *  4. 工作情况: the text the officer wrote for the month (report_month) and
 *     the to-do list as it stands on the month's last day (待办, of which
 *     逾期 are the urgent ones).
 *  5. 排查进展: the screening list 001 as it stood on the month's last day:
 *     listed on or before it; visited, its result and reason counted once
 *     the visit is on or before it; 销号 and 已录入省级系统 by their dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/aid.h"
#include "core/clock.h"
#include "core/figures.h"
#include "core/fund.h"
#include "core/todo.h"
#include "store/aid_store.h"
#include "store/figures_store.h"
#include "store/township_store.h"

static void aid_row(struct jz_fig_row *r, const struct jz_aid_figures *a)
{
	jz_fig_set(r, "cases", a->cases);
	jz_fig_set(r, "persons", a->persons);
	jz_fig_set(r, "jinan_cases", a->jinan_cases);
	jz_fig_set(r, "jinan_persons", a->jinan_persons);
	jz_fig_set(r, "zhichu_cases", a->zhichu_cases);
	jz_fig_set(r, "zhichu_persons", a->zhichu_persons);
	jz_fig_set(r, "advance_cases", a->advance_cases);
	jz_fig_set(r, "paperwork_missing", a->paperwork_missing);
	jz_fig_set(r, "nonlocal_cases", a->nonlocal_cases);
	jz_fig_set(r, "nonlocal_persons", a->nonlocal_persons);
	jz_fig_set(r, "yishi_cases", a->yishi_cases);
	jz_fig_set(r, "county_cases", a->county_cases);
	jz_fig_set(r, "paid", a->paid_fen);
	jz_fig_set(r, "average", a->cases ? (a->paid_fen * 2 + a->cases) / (2 * a->cases) : 0);
}

static void fund_row(struct jz_fig_row *r, const struct jz_fund_statement *s)
{
	jz_fig_set(r, "opening", s->opening_fen);
	jz_fig_set(r, "alloc", s->alloc_fen);
	jz_fig_set(r, "returned", s->return_fen);
	jz_fig_set(r, "adjust_in", s->adj_in_fen);
	jz_fig_set(r, "spent", s->spent_fen);
	for (int i = 0; i < s->ncauses; i++) {
		char col[64];
		snprintf(col, sizeof col, "cause:%s", s->by_cause[i].name);
		jz_fig_set(r, col, s->by_cause[i].fen);
	}
	jz_fig_set(r, "adjust_out", s->adj_out_fen);
	jz_fig_set(r, "closing", s->closing_fen);
}

int jz_fig_aid(jz_db *db, struct jz_figures *f, jz_err *e)
{
	struct jz_aid_figures a;
	struct jz_fund_statement s;
	char first[11], year[11];
	snprintf(first, sizeof first, "%s-01", f->month);
	snprintf(year, sizeof year, "%.4s-01-01", f->month);
	struct jz_fig_table *t = jz_fig_table_add(f, "linshi", e);
	struct jz_fig_table *b = t ? jz_fig_table_add(f, "beiyongjin", e) : NULL;
	if (!b)
		return -1;
	struct jz_fig_row *r;
	if (jz_aid_figures(db, f->month, &a, e) || !(r = jz_fig_row_add(t, "本月", NULL, e)))
		return -1;
	aid_row(r, &a);
	memset(&a, 0, sizeof a);
	if (jz_store_aid_figures(db, year, f->last_day, &a, e) || !(r = jz_fig_row_add(t, "本年累计", NULL, e)))
		return -1;
	aid_row(r, &a);
	if (jz_fund_statement(db, first, f->last_day, &s, e) || !(r = jz_fig_row_add(b, "本月", NULL, e)))
		return -1;
	fund_row(r, &s);
	if (jz_fund_statement(db, year, f->last_day, &s, e) || !(r = jz_fig_row_add(b, "本年累计", NULL, e)))
		return -1;
	fund_row(r, &s);
	return 0;
}

/* ---- 增减变动明细 ---- */

struct changes {
	struct jz_fig_table *t;
	jz_err *e;
	int failed;
};

static void mask_id(const char *id, char *out, size_t n)
{
	if (strlen(id) == 18)
		snprintf(out, n, "%.6s********%.4s", id, id + 14);
	else
		snprintf(out, n, "%s", id);
}

static int on_change(const struct jz_fig_change *c, void *arg)
{
	struct changes *ch = arg;
	char key[16], masked[24];
	snprintf(key, sizeof key, "%d", ch->t->nrows + 1);
	mask_id(c->head_id, masked, sizeof masked);
	struct jz_fig_row *r = jz_fig_row_add(ch->t, key, NULL, ch->e);
	if (!r || jz_fig_text(r, "change", c->entered ? "纳入" : "退出", ch->e) ||
	    jz_fig_text(r, "village", c->village, ch->e) || jz_fig_text(r, "name", c->head_name, ch->e) ||
	    jz_fig_text(r, "id_masked", masked, ch->e) ||
	    jz_fig_text(r, "programme", c->programme, ch->e) || jz_fig_text(r, "reason", c->reason, ch->e)) {
		ch->failed = 1;
		return 1;
	}
	jz_fig_set(r, "persons", c->persons);
	jz_fig_set(r, "before", c->before_fen);
	jz_fig_set(r, "after", c->after_fen);
	return 0;
}

int jz_fig_changes(jz_db *db, struct jz_figures *f, jz_err *e)
{
	struct jz_fig_period per;
	memset(&per, 0, sizeof per);
	snprintf(per.month, sizeof per.month, "%s", f->month);
	jz_month_add(f->month, -1, per.prev);
	snprintf(per.last, sizeof per.last, "%s", f->last_day);
	struct changes ch = {.e = e};
	if (!(ch.t = jz_fig_table_add(f, "biandong", e)))
		return -1;
	if (jz_store_fig_changes(db, &per, on_change, &ch, e) || ch.failed)
		return -1;
	return 0;
}

/* ---- 工作情况 and 排查进展 ---- */

static int work(jz_db *db, struct jz_figures *f, jz_err *e)
{
	struct jz_report_month rm;
	struct jz_fig_table *t = jz_fig_table_add(f, "gongzuo", e);
	if (!t || jz_store_report_month_get(db, f->month, &rm, e) < 0)
		return -1;
	const char *labels[] = {"工作进展情况", "存在问题及困难", "请求帮助解决"};
	const char *texts[] = {rm.progress, rm.problems, rm.help};
	for (int i = 0; i < 3; i++) {
		struct jz_fig_row *r = jz_fig_row_add(t, labels[i], NULL, e);
		if (!r || jz_fig_text(r, "text", texts[i], e))
			return -1;
	}
	jz_operator op = {.roles = "管理员"};
	struct jz_todo *items = calloc(512, sizeof *items);
	if (!items)
		return jz_fail(e, JZ_EDATA, "内存不足");
	int n = jz_todo_list(db, &op, f->last_day, items, 512, e), urgent = 0;
	for (int i = 0; i < n && i < 512; i++)
		urgent += items[i].urgent;
	free(items);
	struct jz_fig_row *a = n >= 0 ? jz_fig_row_add(t, "待办事项", NULL, e) : NULL;
	struct jz_fig_row *b = a ? jz_fig_row_add(t, "逾期事项", NULL, e) : NULL;
	if (!b)
		return -1;
	jz_fig_set(a, "count", n);
	jz_fig_set(b, "count", urgent);
	return jz_fig_text(a, "text", "截至月末待办的事项（到期提醒、补充材料、复核等）", e) ||
	       jz_fig_text(b, "text", "其中已逾期或临近期限的事项", e);
}

static const char *const screen_cats[] = {"未脱贫建档立卡", "整户无劳动力", "重残重病",
					 "已脱贫收入低于低保标准", "脱贫监测户", "脱贫边缘户", "合计"};

static int on_screen(const struct jz_fig_screen *s, void *arg)
{
	struct jz_fig_table *t = arg;
	struct jz_fig_row *rows[2] = {jz_fig_row_get(t, s->category), jz_fig_row_get(t, "合计")};
	for (int i = 0; i < 2; i++) {
		struct jz_fig_row *r = rows[i];
		if (!r)
			continue;
		jz_fig_add(r, "listed", s->listed);
		jz_fig_add(r, "visited", s->visited);
		jz_fig_add(r, "closed", s->closed);
		jz_fig_add(r, "province", s->province);
		long long got = s->listed;
		if (!strcmp(s->result, "纳入低保"))
			jz_fig_add(r, "dibao", got);
		else if (!strcmp(s->result, "纳入特困"))
			jz_fig_add(r, "tekun", got);
		else if (!strcmp(s->result, "其他救助"))
			jz_fig_add(r, "other", got);
		else if (!strcmp(s->result, "不符合条件")) {
			char col[128];
			snprintf(col, sizeof col, "reason:%s", *s->reason ? s->reason : "其他");
			jz_fig_add(r, "not_eligible", got);
			jz_fig_add(r, col, got);
		}
	}
	return 0;
}

/* A 0 for each reason of the setting screening.not_eligible_reasons. */
static int zero_reasons(jz_db *db, struct jz_figures *f, struct jz_fig_row *r, jz_err *e)
{
	char list[1024], col[160], *p, *save = NULL;
	int got = jz_store_setting_get(db, "screening.not_eligible_reasons", "*", f->last_day, list,
				       sizeof list, e);
	if (got < 0)
		return -1;
	for (p = got ? strtok_r(list, "|", &save) : NULL; p; p = strtok_r(NULL, "|", &save)) {
		snprintf(col, sizeof col, "reason:%s", p);
		jz_fig_set(r, col, 0);
	}
	return 0;
}

int jz_fig_work(jz_db *db, struct jz_figures *f, jz_err *e)
{
	if (work(db, f, e))
		return -1;
	struct jz_fig_table *t = jz_fig_table_add(f, "paicha", e);
	if (!t)
		return -1;
	static const char *const cols[] = {"listed", "visited", "dibao", "tekun", "other",
					   "not_eligible", "closed", "province"};
	for (int i = 0; i < 7; i++) {
		struct jz_fig_row *r = jz_fig_row_add(t, screen_cats[i], NULL, e);
		if (!r)
			return -1;
		for (int k = 0; k < 8; k++)
			jz_fig_set(r, cols[k], 0);
		if (zero_reasons(db, f, r, e))
			return -1;
	}
	return jz_store_fig_screening(db, f->last_day, on_screen, t, e);
}
