/* search_store.c — SQL behind the search index (see search_store.h). */
#include "store/search_store.h"

#include <stddef.h>

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

int jz_store_search_rows(jz_db *db, jz_search_row_fn fn, void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT p.id, coalesce(p.household_id, 0), coalesce(h.village_id, 0), p.name,"
		" p.id_number, coalesce(h.number, ''), coalesce(v.name, ''), p.relation, p.phone,"
		" coalesce(h.phone, ''),"
		" p.household_id IS NOT NULL AND p.relation = '户主', p.deceased_on <> '', p.birth,"
		" (SELECT coalesce(sum(DISTINCT CASE c.programme WHEN '低保' THEN 1 WHEN '特困' THEN 2"
		"   WHEN '孤儿' THEN 4 ELSE 8 END), 0) FROM case_file c"
		"   WHERE c.household_id = p.household_id AND c.state NOT IN ('退出','不予'))"
		" FROM person p NOT INDEXED" /* all of it: a plain table scan */
		" LEFT JOIN household h ON h.id = p.household_id"
		" LEFT JOIN village v ON v.id = h.village_id", e);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_search_row r = {
			.person_id = sqlite3_column_int64(st, 0),
			.household_id = sqlite3_column_int64(st, 1),
			.village_id = sqlite3_column_int64(st, 2),
			.name = col(st, 3),
			.id_number = col(st, 4),
			.household_number = col(st, 5),
			.village = col(st, 6),
			.relation = col(st, 7),
			.phone = col(st, 8),
			.household_phone = col(st, 9),
			.head = sqlite3_column_int(st, 10),
			.deceased = sqlite3_column_int(st, 11),
			.birth = col(st, 12),
			.programmes = (unsigned)sqlite3_column_int(st, 13),
		};
		if (fn(&r, arg, e)) {
			sqlite3_reset(st);
			return -1;
		}
	}
	if (rc != SQLITE_DONE) {
		jz_db_fail(db, e, "读取查找索引");
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int jz_store_change_stamp(jz_db *db, long long *changes, long long *version, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "PRAGMA data_version", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		jz_db_fail(db, e, "读取数据版本");
		sqlite3_reset(st);
		return -1;
	}
	*version = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	*changes = sqlite3_total_changes64(jz_db_handle(db));
	return 0;
}
