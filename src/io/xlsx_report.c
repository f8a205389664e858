/* xlsx_report.c — the monthly workbook and its CSV files (see
 * xlsx_report.h). Formats are made once per workbook; numbers are
 * numbers (money "0.00" from whole fen), text in 宋体; each sheet has a
 * merged title, a note line, merged multi-row headers with borders,
 * widths fitted to Chinese text, A4 landscape one page wide with the
 * header rows repeated, frozen panes and a footer line. */
#include "io/xlsx_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "io/csv_out.h"
#include "platform/platform.h"
#include "io/text.h"

struct formats {
	lxw_format *title, *note, *head, *label, *text, *num, *money, *plain;
};

static lxw_format *fmt(lxw_workbook *wb, int bold, int border, const char *num, int size, int center)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (num)
		format_set_num_format(f, num);
	if (center)
		format_set_align(f, LXW_ALIGN_CENTER);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_formats(lxw_workbook *wb, struct formats *F)
{
	F->title = fmt(wb, 1, 0, NULL, 16, 1);
	F->note = fmt(wb, 0, 0, NULL, 10, 0);
	F->head = fmt(wb, 1, 1, NULL, 10, 1);
	format_set_text_wrap(F->head);
	F->label = fmt(wb, 0, 1, NULL, 10, 0);
	F->text = fmt(wb, 0, 1, NULL, 10, 0);
	format_set_text_wrap(F->text);
	F->num = fmt(wb, 0, 1, "0", 10, 0);
	F->money = fmt(wb, 0, 1, "0.00", 10, 0);
	F->plain = fmt(wb, 0, 0, NULL, 10, 0);
}

static const char *leaf(const struct jz_rpt_col *c)
{
	return c->head[c->depth - 1];
}

static int same_group(const struct jz_rpt_col *a, const struct jz_rpt_col *b, int level)
{
	if (b->depth <= level + 1 || a->depth <= level + 1)
		return 0;
	for (int l = 0; l <= level; l++)
		if (strcmp(a->head[l], b->head[l]))
			return 0;
	return 1;
}

static void cell_or_merge(lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s,
			  lxw_format *f)
{
	if (r1 == r2 && c1 == c2)
		worksheet_write_string(ws, (lxw_row_t)r1, (lxw_col_t)c1, s, f);
	else
		worksheet_merge_range(ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2, (lxw_col_t)c2, s, f);
}

/* The header rows from row top: groups merged across, leaves merged down. */
static void headers(lxw_worksheet *ws, const struct jz_report_def *d, int top, struct formats *F)
{
	int last = top + d->depth - 1;
	cell_or_merge(ws, top, 0, last, 0, d->label, F->head);
	for (int l = 0; l < d->depth; l++)
		for (int i = 0; i < d->ncols;) {
			const struct jz_rpt_col *c = &d->cols[i];
			if (c->depth <= l) {
				i++;
				continue;
			}
			if (c->depth == l + 1) { /* the leaf: down to the last header row */
				cell_or_merge(ws, top + l, i + 1, last, i + 1, c->head[l], F->head);
				i++;
				continue;
			}
			int j = i;
			while (j + 1 < d->ncols && same_group(c, &d->cols[j + 1], l))
				j++;
			cell_or_merge(ws, top + l, i + 1, top + l, j + 1, c->head[l], F->head);
			i = j + 1;
		}
}

static int digits(long long v)
{
	int n = v < 0 ? 2 : 1;
	for (v = v < 0 ? -v : v; v >= 10; v /= 10)
		n++;
	return n;
}

static void widths(lxw_worksheet *ws, const struct jz_xr_sheet *s)
{
	const struct jz_report_def *d = s->def;
	int w = jz_str_width(d->label) + 2;
	for (int r = 0; r < s->nrows; r++) {
		int x = jz_str_width(s->labels[r]) + 2;
		w = x > w ? x : w;
	}
	worksheet_set_column(ws, 0, 0, w > 40 ? 40 : w, NULL);
	for (int i = 0; i < d->ncols; i++) {
		const struct jz_rpt_col *c = &d->cols[i];
		int cw = jz_str_width(leaf(c)) + 2;
		cw = cw > 14 ? (cw + 1) / 2 + 1 : cw; /* long headers wrap on two lines */
		for (int r = 0; r < s->nrows; r++) {
			const struct jz_xr_cell *x = &s->cells[r * d->ncols + i];
			if (!x->has)
				continue;
			int vw = c->kind == JZ_RPT_TEXT ? jz_str_width(x->text ? x->text : "") + 2
			       : c->kind == JZ_RPT_MONEY ? digits(x->v / 100) + 5 : digits(x->v) + 2;
			cw = vw > cw ? vw : cw;
		}
		if (c->width > 0)
			cw = c->width;
		worksheet_set_column(ws, (lxw_col_t)(i + 1), (lxw_col_t)(i + 1), cw > 60 ? 60 : cw < 6 ? 6 : cw,
				     NULL);
	}
}

/* Lines a wrapped text cell needs in a column of the given width. */
static int text_lines(const char *text, int width)
{
	int w = jz_str_width(text ? text : ""), n = 0;
	for (const char *p = text ? text : ""; *p; p++)
		n += *p == '\n';
	width = width > 2 ? width - 1 : 1;
	return n + (w + width - 1) / width;
}

static void data(lxw_worksheet *ws, const struct jz_xr_sheet *s, int top, struct formats *F)
{
	const struct jz_report_def *d = s->def;
	for (int r = 0; r < s->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(top + r);
		int lines = 1;
		for (int i = 0; i < d->ncols; i++) {
			const struct jz_xr_cell *x = &s->cells[r * d->ncols + i];
			int n = x->has && d->cols[i].kind == JZ_RPT_TEXT && d->cols[i].width > 0
					? text_lines(x->text, d->cols[i].width) : 1;
			lines = n > lines ? n : lines;
		}
		if (lines > 1) /* a long text (工作情况) wraps: make its row tall enough */
			worksheet_set_row(ws, row, 14.0 * (lines > 30 ? 30 : lines), NULL);
		worksheet_write_string(ws, row, 0, s->labels[r], F->label);
		for (int i = 0; i < d->ncols; i++) {
			const struct jz_xr_cell *x = &s->cells[r * d->ncols + i];
			lxw_col_t col = (lxw_col_t)(i + 1);
			if (!x->has)
				worksheet_write_blank(ws, row, col, F->text);
			else if (d->cols[i].kind == JZ_RPT_TEXT)
				worksheet_write_string(ws, row, col, x->text ? x->text : "", F->text);
			else if (d->cols[i].kind == JZ_RPT_MONEY)
				worksheet_write_number(ws, row, col, (double)x->v / 100.0, F->money);
			else
				worksheet_write_number(ws, row, col, (double)x->v, F->num);
		}
	}
}

static void sheet(lxw_workbook *wb, const struct jz_xr_sheet *s, const char *footer, struct formats *F)
{
	const struct jz_report_def *d = s->def;
	lxw_worksheet *ws = workbook_add_worksheet(wb, d->sheet);
	if (!ws)
		return;
	int ncols = d->ncols + 1, top = 2;
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
	cell_or_merge(ws, 0, 0, 0, ncols - 1, s->title, F->title);
	worksheet_set_row(ws, 0, 28, NULL);
	cell_or_merge(ws, 1, 0, 1, ncols - 1, s->note ? s->note : "", F->note);
	headers(ws, d, top, F);
	int first = top + d->depth;
	worksheet_repeat_rows(ws, (lxw_row_t)top, (lxw_row_t)(first - 1));
	worksheet_freeze_panes(ws, (lxw_row_t)first, 1);
	data(ws, s, first, F);
	widths(ws, s);
	int foot = first + s->nrows + 1;
	cell_or_merge(ws, foot, 0, foot, ncols - 1, footer, F->plain);
}

static void notes_sheet(lxw_workbook *wb, const char *const *notes, int n, struct formats *F)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "核对说明");
	if (!ws)
		return;
	worksheet_set_column(ws, 0, 0, 110, NULL);
	worksheet_write_string(ws, 0, 0, "核对说明（交叉核对未通过的项目、报送后有变动的数字）", F->title);
	for (int i = 0; i < n; i++)
		worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, notes[i], F->plain);
}

int jz_xlsx_report_write(const char *path, const struct jz_xr_sheet *sheets, int n,
			 const char *footer, const char *const *notes, int nnotes, jz_err *e)
{
	/* Written aside and renamed once whole (platform.h: on Windows under an
	 * ASCII name libxlsxwriter can open). */
	char tmp[4200];
	jz_plat_xlsx_tmp(path, tmp, sizeof tmp);
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(tmp, &opt);
	if (!wb)
		return jz_fail(e, JZ_EDATA, "无法创建文件 %s：请检查文件夹是否存在、是否可写", path);
	struct formats F;
	make_formats(wb, &F);
	for (int i = 0; i < n; i++)
		sheet(wb, &sheets[i], footer, &F);
	if (nnotes)
		notes_sheet(wb, notes, nnotes, &F);
	lxw_error err = workbook_close(wb);
	if (jz_plat_xlsx_done(tmp, path, err == LXW_NO_ERROR) == 0 && err == LXW_NO_ERROR)
		return 0;
	return jz_fail(e, JZ_EDATA, "写月报 %s 失败：%s（磁盘已满、文件夹不可写，或文件正在 Excel 里打开？）", path,
		       err != LXW_NO_ERROR ? lxw_strerror(err) : "不能改名");
}

/* ---- CSV ---- */

static void number(jz_csv_out *w, const struct jz_xr_cell *x, enum jz_rpt_kind kind)
{
	char v[48];
	if (kind == JZ_RPT_MONEY) {
		long long a = x->v < 0 ? -x->v : x->v;
		snprintf(v, sizeof v, "%s%lld.%02lld", x->v < 0 ? "-" : "", a / 100, a % 100);
	} else
		snprintf(v, sizeof v, "%lld", x->v);
	jz_csv_cell(w, v);
}

int jz_csv_report_write(const char *path, const struct jz_xr_sheet *s, int utf8, jz_err *e)
{
	const struct jz_report_def *d = s->def;
	jz_csv_out w = {0};
	jz_csv_cell(&w, d->label);
	for (int i = 0; i < d->ncols; i++)
		jz_csv_cell(&w, leaf(&d->cols[i]));
	jz_csv_end_row(&w);
	for (int r = 0; r < s->nrows; r++) {
		jz_csv_cell(&w, s->labels[r]);
		for (int i = 0; i < d->ncols; i++) {
			const struct jz_xr_cell *x = &s->cells[r * d->ncols + i];
			if (x->has && d->cols[i].kind == JZ_RPT_TEXT)
				jz_csv_cell(&w, x->text ? x->text : "");
			else if (x->has)
				number(&w, x, d->cols[i].kind);
			else
				jz_csv_cell(&w, "");
		}
		jz_csv_end_row(&w);
	}
	return jz_csv_save(&w, path, utf8 ? JZ_CSV_UTF8 : JZ_CSV_GBK, e);
}
