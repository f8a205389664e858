/* import_store.h — the record of each roster import (table import_run). */
#ifndef JZ_IMPORT_STORE_H
#define JZ_IMPORT_STORE_H

#include "store/db.h"

struct jz_import_run {
	char file[256], sha256[65], by[32];
	int rows, households_added, households_changed, persons_added, persons_changed;
	int cases_added, cases_changed;
};
/* Inserts a run (at = now); *id receives its row id. */
int jz_store_import_run_add(jz_db *db, const struct jz_import_run *r, long long *id, jz_err *e);
/* on: gives the connection a page cache big enough that a batch of tens
 * of thousands of rows stays in memory until its commit (no spilling to
 * the WAL mid-transaction) and keeps the savepoints' journal in memory;
 * off: SQLite's defaults again, after the batch. */
int jz_store_big_batch(jz_db *db, int on, jz_err *e);
/* The last month whose payment roll is locked, "" when none. */
int jz_store_last_locked_roll(jz_db *db, char month[8], jz_err *e);
/* How many runs there are (for tests and the desk). */
int jz_store_import_runs(jz_db *db, long long *n, jz_err *e);

#endif
