/* xlsx_table.c — a simple printable table workbook (see xlsx_table.h). */
#include "io/xlsx_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "platform/platform.h"

struct jz_xwriter {
	const struct jz_xtable *t;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title, *head, *text, *money, *num, *plain;
	int row, first_data;
	long long total;
	char path[4200], tmp[4200]; /* written to tmp, renamed to path once whole
				       (copied: a caller may reuse t->path's buffer;
				       tmp from platform.h) */
};

static lxw_format *fmt(lxw_workbook *wb, int bold, int border, const char *num, int size)
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
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void setup_sheet(jz_xwriter *w)
{
	const struct jz_xtable *t = w->t;
	worksheet_set_landscape(w->ws);
	worksheet_set_paper(w->ws, 9); /* A4 */
	worksheet_fit_to_pages(w->ws, 1, 0);
	for (int i = 0; i < t->ncols; i++)
		worksheet_set_column(w->ws, (lxw_col_t)i, (lxw_col_t)i, t->cols[i].width, NULL);
	format_set_align(w->title, LXW_ALIGN_CENTER);
	format_set_align(w->head, LXW_ALIGN_CENTER);
	worksheet_merge_range(w->ws, 0, 0, 0, (lxw_col_t)(t->ncols - 1), t->title, w->title);
	worksheet_set_row(w->ws, 0, 28, NULL);
	w->row = 1;
	if (t->note) {
		worksheet_merge_range(w->ws, 1, 0, 1, (lxw_col_t)(t->ncols - 1), t->note, w->plain);
		w->row = 2;
	}
	for (int i = 0; i < t->ncols; i++)
		worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)i, t->cols[i].header, w->head);
	worksheet_repeat_rows(w->ws, (lxw_row_t)w->row, (lxw_row_t)w->row);
	worksheet_freeze_panes(w->ws, (lxw_row_t)(w->row + 1), 0);
	w->row++;
	w->first_data = w->row;
}

jz_xwriter *jz_xtable_open(const struct jz_xtable *t, jz_err *e)
{
	jz_xwriter *w = calloc(1, sizeof *w);
	if (!w) {
		jz_fail(e, JZ_EDATA, "内存不足");
		return NULL;
	}
	w->t = t;
	snprintf(w->path, sizeof w->path, "%s", t->path);
	jz_plat_xlsx_tmp(t->path, w->tmp, sizeof w->tmp);
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	w->wb = workbook_new_opt(w->tmp, &opt);
	if (!w->wb) {
		jz_fail(e, JZ_EDATA, "无法创建文件 %s：请检查文件夹是否存在、是否可写", t->path);
		free(w);
		return NULL;
	}
	w->ws = workbook_add_worksheet(w->wb, t->sheet);
	w->title = fmt(w->wb, 1, 0, NULL, 16);
	w->head = fmt(w->wb, 1, 1, NULL, 11);
	w->text = fmt(w->wb, 0, 1, NULL, 11);
	w->money = fmt(w->wb, 0, 1, "0.00", 11);
	w->num = fmt(w->wb, 0, 1, "0", 11);
	w->plain = fmt(w->wb, 0, 0, NULL, 11);
	setup_sheet(w);
	return w;
}

void jz_xtable_row(jz_xwriter *w, const char *const *cells, const long long *fen)
{
	for (int i = 0; i < w->t->ncols; i++) {
		lxw_row_t r = (lxw_row_t)w->row;
		lxw_col_t c = (lxw_col_t)i;
		switch (w->t->cols[i].kind) {
		case JZ_CELL_MONEY:
			/* fen to yuan: exact for amounts far beyond any benefit */
			worksheet_write_number(w->ws, r, c, (double)fen[i] / 100.0, w->money);
			break;
		case JZ_CELL_INT:
			worksheet_write_number(w->ws, r, c, (double)fen[i], w->num);
			break;
		default:
			worksheet_write_string(w->ws, r, c, cells[i] ? cells[i] : "", w->text);
		}
		if (i == w->t->total_col)
			w->total += fen[i];
	}
	w->row++;
}

int jz_xtable_close(jz_xwriter *w, jz_err *e)
{
	const struct jz_xtable *t = w->t;
	if (t->total_col >= 0) {
		worksheet_write_string(w->ws, (lxw_row_t)w->row, 0, "合计", w->head);
		for (int i = 1; i < t->ncols; i++)
			if (i != t->total_col)
				worksheet_write_blank(w->ws, (lxw_row_t)w->row, (lxw_col_t)i, w->text);
		worksheet_write_number(w->ws, (lxw_row_t)w->row, (lxw_col_t)t->total_col,
				       (double)w->total / 100.0, w->money);
		w->row++;
	}
	if (t->footer)
		worksheet_merge_range(w->ws, (lxw_row_t)(w->row + 1), 0, (lxw_row_t)(w->row + 1),
				      (lxw_col_t)(t->ncols - 1), t->footer, w->plain);
	/* A workbook that could not be written whole (disk full) leaves no
	 * half file behind: it is written aside and renamed when complete. */
	lxw_error rc = workbook_close(w->wb);
	int moved = jz_plat_xlsx_done(w->tmp, w->path, rc == LXW_NO_ERROR) == 0 && rc == LXW_NO_ERROR;
	if (!moved)
		jz_fail(e, JZ_EDATA, "写入 %s 失败：%s（请检查磁盘空间是否已满、文件是否被 Excel/WPS 打开）",
			w->path, rc != LXW_NO_ERROR ? lxw_strerror(rc) : "不能改名");
	free(w);
	return moved ? 0 : -1;
}
