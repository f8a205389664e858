/* roll_store.c — SQL for payment rolls and one-off payments (see
 * roll_store.h). Iterations that call back into the caller prepare their
 * own statement, so a callback may use the registry freely. */
#include "store/roll_store.h"

#include <string.h>

#include "core/clock.h"

static void read_info(sqlite3_stmt *st, struct jz_roll_info *r)
{
	memset(r, 0, sizeof *r);
	jz_col_text(st, 0, r->month, sizeof r->month);
	jz_col_text(st, 1, r->built_at, sizeof r->built_at);
	jz_col_text(st, 2, r->built_by, sizeof r->built_by);
	jz_col_text(st, 3, r->locked_at, sizeof r->locked_at);
	jz_col_text(st, 4, r->locked_by, sizeof r->locked_by);
}

int jz_store_roll_get(jz_db *db, const char *month, struct jz_roll_info *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT month, built_at, built_by, locked_at, locked_by"
				       " FROM roll WHERE month = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_info(st, r);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取发放花名册");
	return rc == SQLITE_ROW;
}

int jz_store_roll_built(jz_db *db, const char *month, const char *at, const char *by, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO roll(month, built_at, built_by) VALUES (?,?,?)"
				       " ON CONFLICT(month) DO UPDATE SET built_at = excluded.built_at,"
				       " built_by = excluded.built_by", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	jz_bind_text(st, 2, at);
	jz_bind_text(st, 3, by);
	return jz_stmt_done(db, st, e, "保存发放花名册");
}

int jz_store_roll_ensure(jz_db *db, const char *month, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO roll(month, built_at, built_by) VALUES (?, '', '')"
				       " ON CONFLICT(month) DO NOTHING", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	return jz_stmt_done(db, st, e, "保存发放花名册");
}

int jz_store_roll_lock(jz_db *db, const char *month, const char *at, const char *by, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE roll SET locked_at = ?, locked_by = ?"
				       " WHERE month = ? AND locked_at = ''", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, at);
	jz_bind_text(st, 2, by);
	jz_bind_text(st, 3, month);
	if (jz_stmt_done(db, st, e, "锁定发放花名册"))
		return -1;
	if (sqlite3_changes(jz_db_handle(db)) != 1)
		return jz_fail(e, JZ_EUSER, "%s 的发放花名册不存在或已经锁定", month);
	return 0;
}

int jz_store_rolls(jz_db *db, int (*fn)(const struct jz_roll_info *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db), "SELECT month, built_at, built_by, locked_at, locked_by"
			       " FROM roll ORDER BY month", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取发放花名册");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_roll_info r;
		read_info(st, &r);
		if (fn(&r, arg))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取发放花名册");
}

int jz_store_roll_clear_cases(jz_db *db, const char *month, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "DELETE FROM roll_line WHERE month = ? AND kind <> '一次性'", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	return jz_stmt_done(db, st, e, "清除花名册草稿");
}

static void bind_id_or_null(sqlite3_stmt *st, int i, jz_rowid id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

int jz_store_roll_line_add(jz_db *db, struct jz_roll_line *l, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO roll_line(month, case_id, onetime_id, household_id, person_id, programme,"
		" kind, for_month, amount_fen, note) VALUES (?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, l->month);
	bind_id_or_null(st, 2, l->case_id);
	bind_id_or_null(st, 3, l->onetime_id);
	sqlite3_bind_int64(st, 4, l->household_id);
	sqlite3_bind_int64(st, 5, l->person_id);
	jz_bind_text(st, 6, l->programme);
	jz_bind_text(st, 7, l->kind);
	jz_bind_text(st, 8, l->for_month);
	sqlite3_bind_int64(st, 9, l->amount_fen);
	jz_bind_text(st, 10, l->note);
	if (jz_stmt_done(db, st, e, "保存花名册明细"))
		return -1;
	l->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

#define LINE_COLS "l.id, l.month, coalesce(l.case_id, 0), coalesce(l.onetime_id, 0)," \
	" l.household_id, l.person_id, l.programme, l.kind, l.for_month, l.amount_fen, l.note"

static void read_line(sqlite3_stmt *st, struct jz_roll_line *l)
{
	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, l->month, sizeof l->month);
	l->case_id = sqlite3_column_int64(st, 2);
	l->onetime_id = sqlite3_column_int64(st, 3);
	l->household_id = sqlite3_column_int64(st, 4);
	l->person_id = sqlite3_column_int64(st, 5);
	jz_col_text(st, 6, l->programme, sizeof l->programme);
	jz_col_text(st, 7, l->kind, sizeof l->kind);
	jz_col_text(st, 8, l->for_month, sizeof l->for_month);
	l->amount_fen = sqlite3_column_int64(st, 9);
	jz_col_text(st, 10, l->note, sizeof l->note);
}

static int each_line(jz_db *db, sqlite3_stmt *st, int joined,
		     int (*fn)(const struct jz_roll_line *, void *), void *arg, jz_err *e)
{
	struct jz_roll_line l;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_line(st, &l);
		if (joined) {
			jz_col_text(st, 11, l.case_number, sizeof l.case_number);
			jz_col_text(st, 12, l.area, sizeof l.area);
			jz_col_text(st, 13, l.household_number, sizeof l.household_number);
			jz_col_text(st, 14, l.village, sizeof l.village);
			jz_col_text(st, 15, l.village_code, sizeof l.village_code);
			jz_col_text(st, 16, l.name, sizeof l.name);
			jz_col_text(st, 17, l.id_number, sizeof l.id_number);
			jz_col_text(st, 18, l.bank_account, sizeof l.bank_account);
		}
		if (fn(&l, arg))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取花名册明细");
}

int jz_store_roll_lines(jz_db *db, const char *month,
			int (*fn)(const struct jz_roll_line *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db), "SELECT " LINE_COLS ","
		" coalesce(c.number, ''), coalesce(c.area, h.area), h.number, v.name, v.code,"
		" p.name, p.id_number, p.bank_account"
		" FROM roll_line l JOIN household h ON h.id = l.household_id"
		" JOIN village v ON v.id = h.village_id JOIN person p ON p.id = l.person_id"
		" LEFT JOIN case_file c ON c.id = l.case_id"
		" WHERE l.month = ? ORDER BY v.code, h.number, l.id", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取花名册明细");
	jz_bind_text(st, 1, month);
	return each_line(db, st, 1, fn, arg, e);
}

int jz_store_roll_case_locked(jz_db *db, jz_rowid case_id,
			      int (*fn)(const struct jz_roll_line *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db), "SELECT " LINE_COLS
		" FROM roll_line l JOIN roll r ON r.month = l.month"
		" WHERE l.case_id = ? AND r.locked_at <> '' ORDER BY l.for_month, l.id",
		-1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取花名册明细");
	sqlite3_bind_int64(st, 1, case_id);
	return each_line(db, st, 0, fn, arg, e);
}

int jz_store_roll_sum(jz_db *db, const char *month, const char *programme, long long *fen,
		      jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT coalesce(sum(amount_fen), 0) FROM roll_line"
				       " WHERE month = ?1 AND (?2 IS NULL OR programme = ?2)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	jz_bind_text(st, 2, programme);
	int rc = sqlite3_step(st);
	*fen = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "合计花名册");
}

int jz_store_roll_kind_sums(jz_db *db, const char *month, int lines[], long long fen[], jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT kind, count(*), sum(amount_fen) FROM roll_line"
				       " WHERE month = ? GROUP BY kind", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	for (int k = 0; k < JZ_ROLL_KINDS; k++)
		lines[k] = 0, fen[k] = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char kind[16];
		jz_col_text(st, 0, kind, sizeof kind);
		for (int k = 0; k < JZ_ROLL_KINDS; k++)
			if (!strcmp(kind, jz_roll_kinds[k])) {
				lines[k] = sqlite3_column_int(st, 1);
				fen[k] = sqlite3_column_int64(st, 2);
			}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "合计花名册");
}

int jz_store_roll_sums(jz_db *db, const char *month, struct jz_roll_sum *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT l.programme, coalesce(c.area, h.area), count(*), sum(l.amount_fen)"
		" FROM roll_line l JOIN household h ON h.id = l.household_id"
		" LEFT JOIN case_file c ON c.id = l.case_id WHERE l.month = ? GROUP BY 1, 2"
		" ORDER BY CASE l.programme WHEN '低保' THEN 1 WHEN '特困' THEN 2 WHEN '孤儿' THEN 3"
		" WHEN '残疾补贴' THEN 4 ELSE 5 END, coalesce(min(l.onetime_id), 0),"
		" CASE coalesce(c.area, h.area) WHEN '城市' THEN 0 ELSE 1 END", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max) {
			jz_col_text(st, 0, out[n].programme, sizeof out[n].programme);
			jz_col_text(st, 1, out[n].area, sizeof out[n].area);
			out[n].lines = sqlite3_column_int(st, 2);
			out[n].fen = sqlite3_column_int64(st, 3);
		}
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jz_db_fail(db, e, "合计花名册");
	return n < max ? n : max;
}

int jz_store_onetime_insert(jz_db *db, struct jz_onetime_info *o, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO onetime(name, per, amount_fen, month, selection,"
				       " created_at) VALUES (?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(now);
	jz_bind_text(st, 1, o->name);
	jz_bind_text(st, 2, o->per);
	sqlite3_bind_int64(st, 3, o->amount_fen);
	jz_bind_text(st, 4, o->month);
	jz_bind_text(st, 5, o->selection);
	jz_bind_text(st, 6, now);
	if (jz_stmt_done(db, st, e, "保存一次性发放"))
		return -1;
	o->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

static void read_onetime(sqlite3_stmt *st, struct jz_onetime_info *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, o->name, sizeof o->name);
	jz_col_text(st, 2, o->per, sizeof o->per);
	o->amount_fen = sqlite3_column_int64(st, 3);
	jz_col_text(st, 4, o->month, sizeof o->month);
	jz_col_text(st, 5, o->selection, sizeof o->selection);
}

int jz_store_onetime_find(jz_db *db, const char *name, const char *month,
			  struct jz_onetime_info *o, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, name, per, amount_fen, month, selection FROM onetime"
				       " WHERE name = ? AND month = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, name);
	jz_bind_text(st, 2, month);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_onetime(st, o);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取一次性发放");
	return rc == SQLITE_ROW;
}

int jz_store_onetimes(jz_db *db, const char *month, struct jz_onetime_info *out, int max,
		      jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, name, per, amount_fen, month, selection FROM onetime"
				       " WHERE month = ? ORDER BY id", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			read_onetime(st, &out[n]);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取一次性发放");
	return n < max ? n : max;
}
