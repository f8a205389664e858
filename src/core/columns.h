/* columns.h — finding a file's columns by header name.
 *
 * Rosters and other offices' lists put their columns in any order and name
 * them in several ways (身份证号 / 公民身份号码 / 身份证号码). A caller lists
 * the columns it knows, each with its synonyms; jz_columns_map finds them in
 * a header row, ignoring spaces, full/half-width forms and the kind of
 * brackets, and lists the columns it does not know. */
#ifndef JZ_COLUMNS_H
#define JZ_COLUMNS_H

#include <stddef.h>

#include "core/err.h"

struct jz_colspec {
	const char *names;  /* synonyms, "|"-separated; the first is the name used in messages */
	int required;
};

/* Maps header (ncells cells) against spec (n entries): idx[i] receives the
 * 0-based column of spec[i], or -1 when absent. unknown (size unknown_sz,
 * may be NULL) receives the headers matching nothing, joined with "、"
 * (empty headers skipped). Returns 0; or -1 with e naming the missing
 * required columns (all of them, with their synonyms) or a column that
 * appears twice. */
int jz_columns_map(char *const *header, int ncells, const struct jz_colspec *spec, int n,
	int *idx, char *unknown, size_t unknown_sz, jz_err *e);

/* Excel's letters for a 0-based column: 0 -> "A", 27 -> "AB". */
void jz_column_letter(int col, char out[8]);

#endif
