/* report.c — laying the month's figures out by the table files and writing
 * the workbook and the CSV files (see report.h). */
#include "core/report.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"

#define MAX_DEFS 16

void jz_report_dir(jz_db *db, char *out, size_t n)
{
	const char *env = getenv("JIUZHU_REPORTS");
	if (env && *env) {
		snprintf(out, n, "%s", env);
		return;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s", db ? jz_db_path(db) : ".");
	snprintf(out, n, "%s/reports", dirname(path));
}

void jz_report_free(struct jz_report *r)
{
	for (int i = 0; r->sheets && i < r->ndefs; i++) {
		free((void *)r->sheets[i].labels);
		free((void *)r->sheets[i].cells);
	}
	free(r->sheets);
	free(r->defs);
	free(r->titles);
	free(r->notes);
	jz_figures_free(&r->fig);
	memset(r, 0, sizeof *r);
}

/* The rows of table t that def row key k stands for: calls add for each. */
static int expand(const struct jz_fig_table *t, const char *k, const struct jz_fig_row **out, int n,
		  int max)
{
	for (int i = 0; i < t->nrows && n < max; i++) {
		const struct jz_fig_row *r = &t->rows[i];
		if (!strcmp(k, "@all") || (!strcmp(k, "@villages") && r->village) || !strcmp(k, r->key))
			out[n++] = r;
	}
	return n;
}

static int lay_out(struct jz_report *r, int i, jz_err *e)
{
	const struct jz_report_def *d = &r->defs[i];
	const struct jz_fig_table *t = jz_fig_table(&r->fig, d->figures);
	if (!t)
		return jz_fail(e, JZ_EDATA, "报表文件 reports/%s.ini：figures = %s 不是程序算出的数字表"
			       "（可用 dibao tekun linshi beiyongjin biandong butie gongzuo paicha）", d->name, d->figures);
	int max = t->nrows * d->nrows + 1;
	const struct jz_fig_row **rows = calloc((size_t)max, sizeof *rows);
	if (!rows)
		return jz_fail(e, JZ_EDATA, "内存不足");
	int n = 0;
	for (int k = 0; k < d->nrows; k++)
		n = expand(t, d->rows[k], rows, n, max);
	const char **labels = calloc((size_t)n + 1, sizeof *labels);
	struct jz_xr_cell *cells = calloc((size_t)(n * d->ncols) + 1, sizeof *cells);
	if (!labels || !cells) {
		free(rows);
		free(labels);
		free(cells);
		return jz_fail(e, JZ_EDATA, "内存不足");
	}
	for (int k = 0; k < n; k++) {
		labels[k] = rows[k]->label;
		for (int c = 0; c < d->ncols; c++) {
			const struct jz_fig_cell *x = jz_fig_cell(rows[k], d->cols[c].key);
			if (x)
				cells[k * d->ncols + c] = (struct jz_xr_cell){1, x->v, x->text};
		}
	}
	free(rows);
	struct jz_xr_sheet *s = &r->sheets[i];
	s->def = d;
	s->nrows = n;
	s->labels = labels;
	s->cells = cells;
	snprintf(r->titles[i], sizeof r->titles[0], "%s%s（%.4s年%d月）", r->fig.township, d->title,
		 r->fig.month, atoi(r->fig.month + 5));
	s->title = r->titles[i];
	s->note = r->note;
	return 0;
}

static void make_note(struct jz_report *r)
{
	const struct jz_figures *f = &r->fig;
	size_t len = (size_t)snprintf(r->note, sizeof r->note, "填报单位：%s%s　统计月份：%.4s年%d月　金额单位：元",
				      f->county, f->township, f->month, atoi(f->month + 5));
	if (!f->roll_locked && len < sizeof r->note)
		len += (size_t)snprintf(r->note + len, sizeof r->note - len, "　草稿：本月花名册%s，金额以锁定后为准",
					f->roll_built ? "未锁定" : "未生成");
	if (f->nchecks && len < sizeof r->note)
		len += (size_t)snprintf(r->note + len, sizeof r->note - len, "　有 %d 项核对未通过，见核对说明",
					f->nchecks);
	if (f->nchanged && len < sizeof r->note)
		snprintf(r->note + len, sizeof r->note - len, "　%s 报送后有 %d 个数字变动，见核对说明",
			 f->submitted_on, f->nchanged);
}

static int collect_notes(struct jz_report *r, jz_err *e)
{
	const struct jz_figures *f = &r->fig;
	int nc = f->nchecks < JZ_FIG_MAX_CHECKS ? f->nchecks : JZ_FIG_MAX_CHECKS;
	int nd = f->nchanged < JZ_FIG_MAX_CHANGED ? f->nchanged : JZ_FIG_MAX_CHANGED;
	r->notes = calloc((size_t)(nc + nd) + 1, sizeof *r->notes);
	if (!r->notes)
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int i = 0; i < nc; i++)
		r->notes[r->nnotes++] = f->checks[i];
	for (int i = 0; i < nd; i++)
		r->notes[r->nnotes++] = f->changed[i];
	return 0;
}

int jz_report_build(jz_db *db, const char *month, const char *dir, struct jz_report *r, jz_err *e)
{
	memset(r, 0, sizeof *r);
	if (jz_figures_compute(db, month, &r->fig, e))
		return -1;
	return jz_report_lay_out(r, dir, e);
}

int jz_report_lay_out(struct jz_report *r, const char *dir, jz_err *e)
{
	r->defs = calloc(MAX_DEFS, sizeof *r->defs);
	if (!r->defs)
		return jz_fail(e, JZ_EDATA, "内存不足");
	r->ndefs = jz_report_defs(dir, r->defs, MAX_DEFS, e);
	if (r->ndefs < 0) {
		r->ndefs = 0;
		return -1;
	}
	r->sheets = calloc((size_t)r->ndefs + 1, sizeof *r->sheets);
	r->titles = calloc((size_t)r->ndefs + 1, sizeof *r->titles);
	if (!r->sheets || !r->titles)
		return jz_fail(e, JZ_EDATA, "内存不足");
	make_note(r);
	for (int i = 0; i < r->ndefs; i++)
		if (lay_out(r, i, e))
			return -1;
	return collect_notes(r, e);
}

int jz_report_write_xlsx(const struct jz_report *r, const char *path, jz_err *e)
{
	char today[11], footer[256];
	jz_today(today);
	snprintf(footer, sizeof footer, "单位负责人：　　　　　　审核人：　　　　　　填表人：　　　　　　填报日期：%s",
		 *r->fig.submitted_on ? r->fig.submitted_on : today);
	return jz_xlsx_report_write(path, r->sheets, r->ndefs, footer, r->notes, r->nnotes, e);
}

int jz_report_write_csv(const struct jz_report *r, const char *dir, int utf8, jz_err *e)
{
	for (int i = 0; i < r->ndefs; i++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/%s.csv", dir, r->defs[i].name);
		if (jz_csv_report_write(path, &r->sheets[i], utf8, e))
			return -1;
	}
	return 0;
}
