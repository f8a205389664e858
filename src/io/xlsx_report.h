/* xlsx_report.h — writing the monthly workbook (月报) and its CSV files
 * from the table files of reports/ and the cells the core resolved. No SQL
 * and no policy here. */
#ifndef JZ_XLSX_REPORT_H
#define JZ_XLSX_REPORT_H

#include "core/err.h"
#include "io/report_file.h"

struct jz_xr_cell {
	int has;              /* 0: blank */
	long long v;          /* int, or fen for money */
	const char *text;     /* text columns */
};

struct jz_xr_sheet {
	const struct jz_report_def *def;
	const char *title;    /* the full title */
	const char *note;     /* a line under the title (unit, month, 草稿), may be NULL */
	int nrows;
	const char *const *labels;        /* nrows row labels (first column) */
	const struct jz_xr_cell *cells;   /* nrows x def->ncols */
};

/* The workbook: one sheet per table, then (when nnotes) a sheet 核对说明
 * listing notes (failed cross-checks, figures changed since submitted).
 * footer: the line under each table (单位负责人 / 审核人 / 填表人 / 填报日期). */
int jz_xlsx_report_write(const char *path, const struct jz_xr_sheet *sheets, int n,
			 const char *footer, const char *const *notes, int nnotes, jz_err *e);

/* One CSV of a sheet: the row label, then one header row of the leaf
 * column names, plain numbers (money with 2 decimals); CRLF; GBK unless
 * utf8. */
int jz_csv_report_write(const char *path, const struct jz_xr_sheet *s, int utf8, jz_err *e);

#endif
