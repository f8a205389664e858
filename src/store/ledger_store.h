/* ledger_store.h — the queries behind the ledgers (台账): one SQL text per
 * ledger, filtered by village, period (months) and state, rows handed out as
 * text cells. Every query returns, in this order: the row's id (negative for
 * a row derived from a case rather than stored in the ledger's own table),
 * its household id (or NULL), the village, the day the period filter looks
 * at, two state columns the state filter matches, then the shown columns. */
#ifndef JZ_LEDGER_STORE_H
#define JZ_LEDGER_STORE_H

#include "core/model.h"
#include "store/db.h"

#define JZ_LEDGER_META 6 /* id, household, village, day, state, state2 */

struct jz_ledger_params {
	const char *village; /* "" = all */
	const char *from;    /* YYYY-MM or "" */
	const char *to;      /* YYYY-MM or "" */
	const char *state;   /* "" = all */
	const char *today;   /* YYYY-MM-DD */
	long long n;         /* a number the query needs (e.g. the visit interval) */
};

/* fn gets the cells of one row (NULL columns as ""), ncols in all; returns
 * nonzero to stop. Returns 0, or -1 for an unknown ledger or a SQL error. */
typedef int (*jz_ledger_row_fn)(const char *const *cells, int ncols, void *arg);
int jz_store_ledger_rows(jz_db *db, const char *name, const struct jz_ledger_params *p,
			 jz_ledger_row_fn fn, void *arg, jz_err *e);

#endif
