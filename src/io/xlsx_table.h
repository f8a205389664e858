/* xlsx_table.h — one simple printable table as an .xlsx workbook: a merged
 * title, a note line, a header row, rows of text and money, an optional
 * total row and a footer; 宋体, borders, widths that fit Chinese text, A4
 * landscape one page wide, the header repeated on every printed page.
 * Used for notices (公示名单) and similar lists; the monthly report has its
 * own, richer writer. */
#ifndef JZ_XLSX_TABLE_H
#define JZ_XLSX_TABLE_H

#include "core/err.h"

enum jz_cell_kind { JZ_CELL_TEXT, JZ_CELL_MONEY, JZ_CELL_INT };

struct jz_xcol {
	const char *header;
	enum jz_cell_kind kind;
	int width;            /* in characters of Excel's default width */
};

struct jz_xtable {
	const char *path;     /* file to write (UTF-8 name) */
	const char *sheet;    /* sheet name, Chinese allowed */
	const char *title;
	const char *note;     /* a line under the title, may be NULL */
	const char *footer;   /* a line under the table, may be NULL */
	const struct jz_xcol *cols;
	int ncols;
	int total_col;        /* column summed in a 合计 row, -1 for none */
};

typedef struct jz_xwriter jz_xwriter;

jz_xwriter *jz_xtable_open(const struct jz_xtable *t, jz_err *e);
/* One row: cells[i] is text for TEXT columns; for MONEY columns fen[i]
 * (cells[i] ignored); for INT columns fen[i] as an integer. */
void jz_xtable_row(jz_xwriter *w, const char *const *cells, const long long *fen);
/* Writes the total row and footer, closes the file; -1 with a Chinese
 * message if libxlsxwriter could not write it. */
int jz_xtable_close(jz_xwriter *w, jz_err *e);

#endif
