/* ledger_edge.h — inside the ledger code: adding a row to a table, and the
 * 低保边缘 rows found by the means tests of refused and exited cases. */
#ifndef JZ_LEDGER_EDGE_H
#define JZ_LEDGER_EDGE_H

#include "core/ledger.h"

int jz_ledger_add_row(struct jz_ledger_table *t, jz_rowid id, jz_rowid hid, const char *state,
		      const char *const *cells, int ncells);
/* Households whose latest 低保 case was refused or exited with a per-capita
 * income at or above the standard but within dibao.edge_factor_pct of it,
 * not already kept in the 低保边缘 watch list and not covered now. */
int jz_ledger_edge_rows(jz_db *db, const struct jz_ledger_filter *f, const char *today,
			struct jz_ledger_table *t, jz_err *e);

#endif
