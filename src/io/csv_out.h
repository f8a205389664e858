/* csv_out.h — writing CSV files for Excel, WPS and banks: rows built in
 * memory (RFC 4180 quoting, CRLF), saved in GBK (what a Chinese Excel
 * opens by default) or UTF-8, all at once under a temporary name so a full
 * disk never leaves half a file. */
#ifndef JZ_CSV_OUT_H
#define JZ_CSV_OUT_H

#include <stddef.h>

#include "core/err.h"

enum jz_csv_enc {
	JZ_CSV_GBK = 0,
	JZ_CSV_UTF8 = 1,     /* no BOM (bank systems) */
	JZ_CSV_UTF8_BOM = 2, /* with a BOM, so Excel knows it is UTF-8 */
};

typedef struct jz_csv_out {
	char *p;
	size_t len, cap;
	int oom;
	int ncells; /* cells in the current row */
} jz_csv_out;

/* Adds a cell (NULL is empty) to the current row, quoted when needed. */
void jz_csv_cell(jz_csv_out *w, const char *s);
/* Ends the current row. */
void jz_csv_end_row(jz_csv_out *w);
/* A whole row of n cells. */
void jz_csv_row(jz_csv_out *w, const char *const *cells, int n);
/* Writes everything to path in enc and frees the buffer (also on failure).
 * A character GBK lacks gives a message naming it and suggesting UTF-8. */
int jz_csv_save(jz_csv_out *w, const char *path, enum jz_csv_enc enc, jz_err *e);
/* Frees the buffer without writing. */
void jz_csv_discard(jz_csv_out *w);

#endif
