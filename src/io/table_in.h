/* table_in.h — reads a CSV file or a sheet of an .xlsx workbook into rows
 * of UTF-8 cells, for the roster import.
 *
 * A row number in an error message counts from 1, the header included: a
 * CSV record (a quoted field may span lines; empty lines are skipped), an
 * xlsx row as Excel numbers it (rows missing from the sheet are kept as
 * empty rows, so t->rows[N - 1] is Excel's row N). */
#ifndef JZ_TABLE_IN_H
#define JZ_TABLE_IN_H

#include <stddef.h>

#include "core/err.h"

typedef struct jz_table {
	char ***rows;      /* rows[i][j]: a malloc'd NUL-terminated UTF-8 string */
	int *ncells;       /* cells of row i (0 for an empty row, rows[i] NULL) */
	int nrows;
	char encoding[16]; /* the source's: "UTF-8", "GBK", "GB18030"... ("UTF-8" for xlsx) */
} jz_table;

/* Reads a CSV file (RFC 4180 via libcsv, not strict: quoted fields,
 * embedded commas, quotes and newlines, CRLF). `encoding` NULL detects it:
 * UTF-8 with or without a BOM, UTF-16 with a BOM, else GB18030 (GBK is a
 * subset); given, it is an iconv name ("UTF-8", "GBK", "GB18030"), a UTF-8
 * BOM being skipped. Fills *t (zeroed first) and returns 0, or returns -1
 * with e set (JZ_EDATA), a Chinese message naming the file and, for bytes
 * invalid in the encoding, the row and column; t is then empty. */
int jz_csv_read(const char *path, const char *encoding, jz_table *t, jz_err *e);
/* Same from memory; messages name the data "CSV 数据". */
int jz_csv_read_mem(const char *buf, size_t len, const char *encoding,
	jz_table *t, jz_err *e);

/* Reads one sheet of an .xlsx: `sheet` NULL is the first sheet, else the
 * sheet of that name (an unknown name is an error listing the sheets).
 * Cells are placed by their reference (B3 is rows[2][1]); gaps become empty
 * strings. Shared strings (rich text runs joined, phonetic runs left out),
 * inline strings and formula strings give their text; numbers keep the
 * text stored in the file (5.32326E+17 stays so, for the import to
 * explain); booleans give "TRUE"/"FALSE"; errors their code ("#N/A").
 * Returns 0, or -1 with e set (not a zip, not a workbook, bad XML...). */
int jz_xlsx_read(const char *path, const char *sheet, jz_table *t, jz_err *e);

/* Frees every cell and row and zeroes *t; t may be NULL or already empty. */
void jz_table_free(jz_table *t);

/* For the readers: stores `cell` (malloc'd; taken over, freed on failure)
 * at rows[row][col] (0-based), adding empty rows and "" cells before it as
 * needed and replacing a cell already there. Returns 0, or -1 when out of
 * memory. */
int jz_table_put(jz_table *t, int row, int col, char *cell);

#endif
