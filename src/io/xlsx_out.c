/* xlsx_out.c — a village's payment roll as xlsx and the bank file as CSV
 * (see xlsx_out.h). The workbook's formats are made once per workbook;
 * every libxlsxwriter call's error is kept and the first one reported,
 * workbook_close()'s included (that is when the file is really written). */
#include "io/xlsx_out.h"

#include "io/csv_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "io/csv_out.h"
#include "io/form_file.h"
#include "io/text.h"
#include "platform/platform.h"

#define FONT "宋体"
#define NCOLS 10

enum { C_SEQ, C_HOUSEHOLD, C_NAME, C_ID, C_PROGRAMME, C_KIND, C_MONTH, C_AMOUNT, C_BANK, C_SIGN };

static const char *const headers[NCOLS] = {"序号", "户编号", "姓名", "身份证号", "项目",
	"类别", "所属月份", "金额", "银行账号", "签字"};

struct fmts {
	lxw_format *title, *head, *text, *seq, *money, *total_text, *total_money, *plain;
};

static lxw_format *new_format(lxw_workbook *wb, double size, int bold, int border)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_formats(lxw_workbook *wb, struct fmts *f)
{
	f->title = new_format(wb, 16, 1, 0);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	f->head = new_format(wb, 11, 1, 1);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_bg_color(f->head, 0xD9D9D9);
	f->text = new_format(wb, 11, 0, 1);
	f->seq = new_format(wb, 11, 0, 1);
	format_set_align(f->seq, LXW_ALIGN_CENTER);
	f->money = new_format(wb, 11, 0, 1);
	format_set_num_format(f->money, "0.00");
	f->total_text = new_format(wb, 11, 1, 1);
	format_set_align(f->total_text, LXW_ALIGN_CENTER);
	f->total_money = new_format(wb, 11, 1, 1);
	format_set_num_format(f->total_money, "0.00");
	f->plain = new_format(wb, 11, 0, 0);
}

/* Keeps the first error. */
static void keep(lxw_error *first, lxw_error rc)
{
	if (*first == LXW_NO_ERROR && rc != LXW_NO_ERROR)
		*first = rc;
}

static double yuan(long long fen)
{
	return (double)fen / 100.0; /* the cell's value only; sums stay in fen */
}

static void widen(int *w, const char *s)
{
	int n = s ? jz_str_width(s) : 0;
	if (n > *w)
		*w = n;
}

static void write_row(lxw_worksheet *ws, lxw_row_t r, int seq, const struct jz_xlsx_roll_row *x,
		      const struct fmts *f, int *w, lxw_error *err)
{
	const char *texts[NCOLS] = {NULL, x->household, x->name, x->id_number, x->programme,
		x->kind, x->for_month, NULL, x->bank_account, ""};
	char money[32];
	jz_money_format(x->amount_fen, money, sizeof money);
	keep(err, worksheet_write_number(ws, r, C_SEQ, seq, f->seq));
	for (int c = C_HOUSEHOLD; c < NCOLS; c++) {
		if (c == C_AMOUNT)
			continue;
		keep(err, worksheet_write_string(ws, r, (lxw_col_t)c, texts[c] ? texts[c] : "", f->text));
		widen(&w[c], texts[c]);
	}
	keep(err, worksheet_write_number(ws, r, C_AMOUNT, yuan(x->amount_fen), f->money));
	widen(&w[C_AMOUNT], money);
}

static lxw_error fill(lxw_workbook *wb, const char *title, const struct jz_xlsx_roll_row *rows,
		      int n)
{
	struct fmts f;
	lxw_error err = LXW_NO_ERROR;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "发放花名册");
	int w[NCOLS];
	long long total = 0;
	char money[32], count[32];
	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	make_formats(wb, &f);
	keep(&err, worksheet_merge_range(ws, 0, 0, 0, NCOLS - 1, title, f.title));
	keep(&err, worksheet_set_row(ws, 0, 28, NULL));
	for (int c = 0; c < NCOLS; c++) {
		keep(&err, worksheet_write_string(ws, 1, (lxw_col_t)c, headers[c], f.head));
		w[c] = jz_str_width(headers[c]);
	}
	for (int i = 0; i < n; i++) {
		write_row(ws, (lxw_row_t)(i + 2), i + 1, &rows[i], &f, w, &err);
		total += rows[i].amount_fen;
	}
	lxw_row_t tr = (lxw_row_t)(n + 2);
	snprintf(count, sizeof count, "共 %d 笔", n);
	keep(&err, worksheet_write_string(ws, tr, C_SEQ, "合计", f.total_text));
	for (int c = C_HOUSEHOLD; c < NCOLS; c++)
		if (c != C_AMOUNT)
			keep(&err, worksheet_write_string(ws, tr, (lxw_col_t)c, c == C_NAME ? count : "",
							  f.total_text));
	keep(&err, worksheet_write_number(ws, tr, C_AMOUNT, yuan(total), f.total_money));
	jz_money_format(total, money, sizeof money);
	widen(&w[C_AMOUNT], money);
	keep(&err, worksheet_write_string(ws, tr + 2, C_HOUSEHOLD,
		"经办人：            审核人：            分管领导：            日期：", f.plain));
	w[C_SIGN] = 14; /* room to sign */
	for (int c = 0; c < NCOLS; c++)
		keep(&err, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c] + 3, NULL));
	worksheet_freeze_panes(ws, 2, 0);
	keep(&err, worksheet_repeat_rows(ws, 1, 1));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	keep(&err, worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));
	return err;
}

int jz_xlsx_roll_write(const char *path, const char *title, const struct jz_xlsx_roll_row *rows,
		       int n, jz_err *e)
{
	/* Written aside and renamed once whole: a full disk leaves no half file
	 * (platform.h: on Windows under an ASCII name libxlsxwriter can open). */
	char tmp[4200];
	jz_plat_xlsx_tmp(path, tmp, sizeof tmp);
	lxw_workbook *wb = workbook_new(tmp);
	if (!wb)
		return jz_fail(e, JZ_EDATA, "无法创建工作簿 %s（文件夹是否存在、可写，磁盘是否已满？）", path);
	lxw_error err = fill(wb, title, rows, n);
	lxw_error closed = workbook_close(wb); /* writes the file and frees wb */
	if (err == LXW_NO_ERROR)
		err = closed;
	if (jz_plat_xlsx_done(tmp, path, err == LXW_NO_ERROR) == 0 && err == LXW_NO_ERROR)
		return 0;
	return jz_fail(e, JZ_EDATA, "写工作簿 %s 失败：%s（请检查磁盘空间是否已满、文件夹是否可写，文件是否正在 Excel 里打开）",
		       path, err != LXW_NO_ERROR ? lxw_strerror(err) : "不能改名");
}

/* ---- the bank file ------------------------------------------------------ */

int jz_bank_csv_write(const char *path, const struct jz_bank_row *rows, int n, int utf8,
		      jz_err *e)
{
	jz_csv_out w = {0};
	long long total = 0;
	char money[32];
	static const char *const head[] = {"姓名", "身份证号", "银行账号", "金额"};
	jz_csv_row(&w, head, 4);
	for (int i = 0; i < n; i++) {
		jz_money_format(rows[i].amount_fen, money, sizeof money);
		const char *cells[] = {rows[i].name, rows[i].id_number, rows[i].bank_account, money};
		jz_csv_row(&w, cells, 4);
		total += rows[i].amount_fen;
	}
	jz_money_format(total, money, sizeof money);
	const char *last[] = {"合计", "", "", money};
	jz_csv_row(&w, last, 4);
	jz_err ce = {0};
	if (jz_csv_save(&w, path, utf8 ? JZ_CSV_UTF8 : JZ_CSV_GBK, &ce) == 0)
		return 0;
	if (ce.code == JZ_EUSER)
		return jz_fail(e, JZ_EUSER, "银行代发文件 %s 不能写成 GBK：有的姓名含 GBK 以外的字，"
			      "请加 --utf8 写成 UTF-8，或与银行核对（%s）", path, ce.msg);
	if (e)
		*e = ce;
	return -1;
}
