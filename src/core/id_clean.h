/* id_clean.h — resident IDs as they come out of spreadsheets.
 *
 * A roster kept in Excel damages IDs in known ways. Some damage loses
 * nothing and is repaired here (a leading apostrophe, full-width digits,
 * spaces around the number, a ".0" left by a number cell); some loses
 * digits and can only be explained (5.32326E+17, the last digits turned to
 * 000 because Excel keeps 15 significant digits). 15-digit old IDs are
 * converted. Everything else goes through jz_id_normalize (id.h). */
#ifndef JZ_ID_CLEAN_H
#define JZ_ID_CLEAN_H

#include "core/err.h"

struct jz_id_clean {
	char id[19];      /* the 18-character ID, on success */
	char fixed[160];  /* what was repaired, "" when nothing: "去掉了开头的单引号；…" */
};

/* Cleans raw (a cell, UTF-8) into out. today (YYYY-MM-DD, may be NULL) as
 * for jz_id_normalize. Returns 0, or -1 with e holding a Chinese message
 * (no row or column: the caller prefixes "第 N 行, 列「…」, 值「…」: ")
 * that says what is wrong and how to fix it. An empty cell is an error
 * "身份证号为空". */
int jz_id_clean(const char *raw, const char *today, struct jz_id_clean *out, jz_err *e);

#endif
