/* ledger_export.c — a ledger's rows as a workbook (.xlsx, a titled sheet
 * that prints on A4) or a CSV file (GBK by default, which Excel on a
 * Chinese Windows opens directly; UTF-8 with a BOM on request). The state
 * column comes first, then the ledger's columns. */
#include "core/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_out.h"
#include "io/text.h"
#include "io/xlsx_table.h"

#define MAXC 40

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static int write_xlsx(const struct jz_ledger_table *t, const char *note, const char *path, jz_err *e)
{
	const struct jz_ledger_def *d = t->def;
	struct jz_xcol cols[MAXC];
	cols[0] = (struct jz_xcol){"状态", JZ_CELL_TEXT, 10};
	for (int c = 0; c < d->ncols && c + 1 < MAXC; c++) {
		enum jz_cell_kind k = d->cols[c].kind == JZ_LCOL_MONEY ? JZ_CELL_MONEY :
				      d->cols[c].kind == JZ_LCOL_INT ? JZ_CELL_INT : JZ_CELL_TEXT;
		int w = d->cols[c].width + 2;
		int hw = jz_str_width(d->cols[c].header) + 2;
		cols[c + 1] = (struct jz_xcol){d->cols[c].header, k, w > hw ? w : hw};
	}
	struct jz_xtable x = {path, d->title, d->title, note, NULL, cols, d->ncols + 1, -1};
	jz_xwriter *w = jz_xtable_open(&x, e);
	if (!w)
		return -1;
	for (int i = 0; i < t->n; i++) {
		const char *cells[MAXC];
		long long num[MAXC];
		cells[0] = t->rows[i].state;
		num[0] = 0;
		for (int c = 0; c < d->ncols && c + 1 < MAXC; c++) {
			cells[c + 1] = t->rows[i].cell[c];
			num[c + 1] = t->rows[i].num[c];
		}
		jz_xtable_row(w, cells, num);
	}
	return jz_xtable_close(w, e);
}

static int write_csv(const struct jz_ledger_table *t, const char *path, int utf8, jz_err *e)
{
	const struct jz_ledger_def *d = t->def;
	jz_csv_out w = {0};
	jz_csv_cell(&w, "状态");
	for (int c = 0; c < d->ncols; c++)
		jz_csv_cell(&w, d->cols[c].header);
	jz_csv_end_row(&w);
	for (int i = 0; i < t->n; i++) {
		jz_csv_cell(&w, t->rows[i].state);
		for (int c = 0; c < d->ncols; c++) {
			char money[48];
			const char *v = t->rows[i].cell[c];
			if (d->cols[c].kind == JZ_LCOL_MONEY && v[0]) {
				long long f = t->rows[i].num[c];
				snprintf(money, sizeof money, "%s%lld.%02lld", f < 0 ? "-" : "", llabs(f) / 100, llabs(f) % 100);
				v = money;
			}
			jz_csv_cell(&w, v);
		}
		jz_csv_end_row(&w);
	}
	jz_err ce = {0};
	if (jz_csv_save(&w, path, utf8 ? JZ_CSV_UTF8_BOM : JZ_CSV_GBK, &ce) == 0)
		return 0;
	if (ce.code == JZ_EUSER)
		return jz_fail(e, JZ_EUSER, "台账不能写成 GBK 编码的 CSV（%s）：有的字不在 GBK 中，请改用 UTF-8（--utf8）"
			       "或导出为 .xlsx", ce.msg);
	if (e)
		*e = ce;
	return -1;
}

int jz_ledger_export(const struct jz_ledger_table *t, const char *note, const char *path, int utf8,
		     jz_err *e)
{
	if (!path || !path[0])
		return jz_fail(e, JZ_EUSER, "请给出导出的文件名（.xlsx 或 .csv）");
	if (ends_with(path, ".xlsx"))
		return utf8 ? jz_fail(e, JZ_EUSER, "--utf8 只用于 .csv 文件") : write_xlsx(t, note, path, e);
	if (ends_with(path, ".csv"))
		return write_csv(t, path, utf8, e);
	return jz_fail(e, JZ_EUSER, "文件名「%s」应以 .xlsx 或 .csv 结尾", path);
}
