/* import_store.c — the record of each roster import (see import_store.h). */
#include "store/import_store.h"

#include "core/clock.h"

int jz_store_import_run_add(jz_db *db, const struct jz_import_run *r, long long *id, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO import_run(file, sha256, at, by, rows, households_added, households_changed,"
		" persons_added, persons_changed, cases_added, cases_changed) VALUES (?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(now);
	jz_bind_text(st, 1, r->file);
	jz_bind_text(st, 2, r->sha256);
	jz_bind_text(st, 3, now);
	jz_bind_text(st, 4, r->by);
	sqlite3_bind_int(st, 5, r->rows);
	sqlite3_bind_int(st, 6, r->households_added);
	sqlite3_bind_int(st, 7, r->households_changed);
	sqlite3_bind_int(st, 8, r->persons_added);
	sqlite3_bind_int(st, 9, r->persons_changed);
	sqlite3_bind_int(st, 10, r->cases_added);
	sqlite3_bind_int(st, 11, r->cases_changed);
	if (jz_stmt_done(db, st, e, "记录导入"))
		return -1;
	*id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_import_runs(jz_db *db, long long *n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM import_run", e);
	return st ? jz_stmt_int(db, st, n, e, "读取导入记录") : -1;
}

int jz_store_big_batch(jz_db *db, int on, jz_err *e)
{
	const char *sql = on ? "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY"
			     : "PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT";
	if (sqlite3_exec(jz_db_handle(db), sql, NULL, NULL, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "设置缓存");
	return 0;
}

static void read_month(sqlite3_stmt *st, void *out)
{
	jz_col_text(st, 0, out, 8);
}

int jz_store_last_locked_roll(jz_db *db, char month[8], jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT max(month) FROM roll WHERE locked_at <> ''", e);
	*month = '\0';
	if (!st)
		return -1;
	return jz_stmt_row(db, st, read_month, month, e, "读取发放花名册") < 0 ? -1 : 0;
}
