/* screening_store.c — SQL for the screening ledger (see screening_store.h). */
#include "store/screening_store.h"

#include <string.h>

#define SC_COLS "list, category, id_number, name, household_id, village, finding_id, listed_on," \
	" visit_on, visitors, result, reason, basis, case_id, closed_on, province_on, province_by"

static void bind_id(sqlite3_stmt *st, int i, jz_rowid id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static void bind_sc(sqlite3_stmt *st, const jz_screening *sc)
{
	jz_bind_text(st, 1, sc->list);
	jz_bind_text(st, 2, sc->category);
	jz_bind_text(st, 3, sc->id_number);
	jz_bind_text(st, 4, sc->name);
	bind_id(st, 5, sc->household_id);
	jz_bind_text(st, 6, sc->village);
	bind_id(st, 7, sc->finding_id);
	jz_bind_text(st, 8, sc->listed_on);
	jz_bind_text(st, 9, sc->visit_on);
	jz_bind_text(st, 10, sc->visitors);
	jz_bind_text(st, 11, sc->result);
	jz_bind_text(st, 12, sc->reason);
	jz_bind_text(st, 13, sc->basis);
	bind_id(st, 14, sc->case_id);
	jz_bind_text(st, 15, sc->closed_on);
	jz_bind_text(st, 16, sc->province_on);
	jz_bind_text(st, 17, sc->province_by);
}

static void read_sc(sqlite3_stmt *st, void *out)
{
	jz_screening *sc = out;
	memset(sc, 0, sizeof *sc);
	sc->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, sc->list, sizeof sc->list);
	jz_col_text(st, 2, sc->category, sizeof sc->category);
	jz_col_text(st, 3, sc->id_number, sizeof sc->id_number);
	jz_col_text(st, 4, sc->name, sizeof sc->name);
	sc->household_id = sqlite3_column_int64(st, 5);
	jz_col_text(st, 6, sc->village, sizeof sc->village);
	sc->finding_id = sqlite3_column_int64(st, 7);
	jz_col_text(st, 8, sc->listed_on, sizeof sc->listed_on);
	jz_col_text(st, 9, sc->visit_on, sizeof sc->visit_on);
	jz_col_text(st, 10, sc->visitors, sizeof sc->visitors);
	jz_col_text(st, 11, sc->result, sizeof sc->result);
	jz_col_text(st, 12, sc->reason, sizeof sc->reason);
	jz_col_text(st, 13, sc->basis, sizeof sc->basis);
	sc->case_id = sqlite3_column_int64(st, 14);
	jz_col_text(st, 15, sc->closed_on, sizeof sc->closed_on);
	jz_col_text(st, 16, sc->province_on, sizeof sc->province_on);
	jz_col_text(st, 17, sc->province_by, sizeof sc->province_by);
}

int jz_store_screening_insert(jz_db *db, jz_screening *sc, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT OR IGNORE INTO screening(" SC_COLS ")"
				   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	bind_sc(st, sc);
	if (jz_stmt_done(db, st, e, "登记排查对象"))
		return -1;
	if (!sqlite3_changes(jz_db_handle(db)))
		return 0;
	sc->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 1;
}

int jz_store_screening_update(jz_db *db, const jz_screening *sc, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE screening SET (" SC_COLS ") ="
				   " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?", e);
	if (!st)
		return -1;
	bind_sc(st, sc);
	sqlite3_bind_int64(st, 18, sc->id);
	return jz_stmt_done(db, st, e, "修改排查记录");
}

int jz_store_screening_get(jz_db *db, jz_rowid id, jz_screening *sc, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, " SC_COLS " FROM screening WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_sc, sc, e, "读取排查记录");
}

int jz_store_jd_findings(jz_db *db, jz_rowid run_id, int (*fn)(const struct jz_jd_finding *, void *),
			 void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT f.id, f.run_id, coalesce(f.household_id, p.household_id), f.category, f.id_number,"
		" f.name, f.village, f.found_on FROM finding f LEFT JOIN person p ON p.id_number = f.id_number"
		" WHERE f.source = 'jiandang' AND f.category <> ''"
		" AND (?1 = 0 AND f.state <> '已排除' OR f.run_id = ?1) ORDER BY f.id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_jd_finding f;
		memset(&f, 0, sizeof f);
		f.id = sqlite3_column_int64(st, 0);
		f.run_id = sqlite3_column_int64(st, 1);
		f.household_id = sqlite3_column_int64(st, 2);
		jz_col_text(st, 3, f.category, sizeof f.category);
		jz_col_text(st, 4, f.id_number, sizeof f.id_number);
		jz_col_text(st, 5, f.name, sizeof f.name);
		jz_col_text(st, 6, f.village, sizeof f.village);
		jz_col_text(st, 7, f.found_on, sizeof f.found_on);
		stop = fn(&f, arg);
	}
	if (!stop && rc != SQLITE_DONE) {
		jz_db_fail(db, e, "读取建档立卡比对结果");
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return stop < 0 ? -1 : 0;
}

int jz_store_compare_run_exists(jz_db *db, jz_rowid id, jz_err *e)
{
	long long n = 0;
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM compare_run WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (jz_stmt_int(db, st, &n, e, "读取比对记录"))
		return -1;
	return n > 0;
}
