/* aid_store.c — SQL for 临时救助 cases, payments, the holiday calendar and
 * the month's figures (see aid_store.h). The columns of aid_case are read and
 * bound through one table (cols[]) in the order of AID_COLS. */
#include "store/aid_store.h"

#include <stddef.h>
#include <string.h>

#include "core/clock.h"

enum { T_TEXT, T_INT, T_I64, T_ID };

struct col {
	size_t off, size;
	int type;
};

#define TXT(f) {offsetof(jz_aid, f), sizeof(((jz_aid *)0)->f), T_TEXT}
#define INT(f) {offsetof(jz_aid, f), sizeof(int), T_INT}
#define I64(f) {offsetof(jz_aid, f), sizeof(long long), T_I64}
#define RID(f) {offsetof(jz_aid, f), sizeof(jz_rowid), T_ID} /* 0 <-> NULL */

/* Same order as AID_COLS. */
static const struct col cols[] = {
	TXT(number), I64(person_id), RID(household_id), TXT(kind), TXT(cause), TXT(need),
	I64(asked_fen), TXT(evidence), INT(persons), INT(non_local), TXT(hukou), INT(advance),
	TXT(paperwork_due), TXT(paperwork_done_on), TXT(state), TXT(accepted_on), TXT(accepted_by),
	TXT(investigated_on), TXT(findings), TXT(reviewed_on), TXT(reviewed_by), TXT(approved_on),
	TXT(approved_by), I64(approved_fen), TXT(county_doc), TXT(county_date), TXT(yishi_date),
	TXT(yishi_participants), TXT(yishi_reason), RID(followup_of), TXT(meeting_date),
	TXT(meeting_note), RID(converted_case_id), TXT(refused_reason),
};
#define NCOLS (int)(sizeof cols / sizeof cols[0])

#define AID_COLS "number, person_id, household_id, kind, cause, need, asked_fen, evidence," \
	" persons, non_local, hukou, advance, paperwork_due, paperwork_done_on, state," \
	" accepted_on, accepted_by, investigated_on, findings, reviewed_on, reviewed_by," \
	" approved_on, approved_by, approved_fen, county_doc, county_date, yishi_date," \
	" yishi_participants, yishi_reason, followup_of, meeting_date, meeting_note," \
	" converted_case_id, refused_reason"
#define Q34 "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?"

static void read_aid(sqlite3_stmt *st, jz_aid *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < NCOLS; i++) {
		char *p = (char *)a + cols[i].off;
		if (cols[i].type == T_TEXT)
			jz_col_text(st, i + 1, p, cols[i].size);
		else if (cols[i].type == T_INT)
			*(int *)p = sqlite3_column_int(st, i + 1);
		else
			*(long long *)p = sqlite3_column_int64(st, i + 1);
	}
}

static void bind_aid(sqlite3_stmt *st, const jz_aid *a)
{
	for (int i = 0; i < NCOLS; i++) {
		const char *p = (const char *)a + cols[i].off;
		if (cols[i].type == T_TEXT)
			jz_bind_text(st, i + 1, p);
		else if (cols[i].type == T_INT)
			sqlite3_bind_int(st, i + 1, *(const int *)p);
		else if (cols[i].type == T_ID && *(const long long *)p == 0)
			sqlite3_bind_null(st, i + 1);
		else
			sqlite3_bind_int64(st, i + 1, *(const long long *)p);
	}
}

int jz_store_aid_insert(jz_db *db, jz_aid *a, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO aid_case(" AID_COLS ", created_at) VALUES (" Q34 ",?)", e);
	if (!st)
		return -1;
	jz_now(now);
	bind_aid(st, a);
	jz_bind_text(st, NCOLS + 1, now);
	if (jz_stmt_done(db, st, e, "新增临时救助案件"))
		return -1;
	a->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_aid_update(jz_db *db, const jz_aid *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE aid_case SET (" AID_COLS ") = (" Q34 ") WHERE id = ?", e);
	if (!st)
		return -1;
	bind_aid(st, a);
	sqlite3_bind_int64(st, NCOLS + 1, a->id);
	return jz_stmt_done(db, st, e, "修改临时救助案件");
}

static void one_aid_cb(sqlite3_stmt *st, void *out) { read_aid(st, out); }

static int one_aid(jz_db *db, sqlite3_stmt *st, jz_aid *a, jz_err *e)
{
	return jz_stmt_row(db, st, one_aid_cb, a, e, "读取临时救助案件");
}

int jz_store_aid_get(jz_db *db, jz_rowid id, jz_aid *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, " AID_COLS " FROM aid_case WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return one_aid(db, st, a, e);
}

int jz_store_aid_by_number(jz_db *db, const char *number, jz_aid *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, " AID_COLS " FROM aid_case WHERE number = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, number);
	return one_aid(db, st, a, e);
}

int jz_store_aid_max_serial(jz_db *db, const char *prefix, jz_err *e)
{
	/* The range on number lets its unique index find the prefix's rows
	 * (not a scan of the whole table for each new number). */
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT coalesce(max(CAST(substr(number, length(?1) + 1) AS INTEGER)), 0)"
		" FROM aid_case WHERE number >= ?1 AND number < ?1 || char(1114111)"
		" AND substr(number, 1, length(?1)) = ?1", e);
	if (!st)
		return -1;
	long long n;
	jz_bind_text(st, 1, prefix);
	return jz_stmt_int(db, st, &n, e, "读取临时救助案件编号") ? -1 : (int)n;
}

int jz_store_aids(jz_db *db, int (*fn)(const jz_aid *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	/* Not from the registry: fn may run other registry statements. */
	if (sqlite3_prepare_v2(jz_db_handle(db), "SELECT id, " AID_COLS " FROM aid_case ORDER BY number",
			       -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取临时救助案件");
	int rc, stop = 0;
	jz_aid a;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_aid(st, &a);
		stop = fn(&a, arg);
	}
	int bad = !stop && rc != SQLITE_DONE;
	sqlite3_finalize(st);
	return bad ? jz_db_fail(db, e, "读取临时救助案件") : 0;
}

/* ---- payments ---- */

#define PAY_COLS "id, aid_case_id, seq, due_on, amount_fen, paid_on, method, coalesce(fund_move_id, 0), note"

static void read_payment(sqlite3_stmt *st, struct jz_aid_payment *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->aid_case_id = sqlite3_column_int64(st, 1);
	p->seq = sqlite3_column_int(st, 2);
	jz_col_text(st, 3, p->due_on, sizeof p->due_on);
	p->amount_fen = sqlite3_column_int64(st, 4);
	jz_col_text(st, 5, p->paid_on, sizeof p->paid_on);
	jz_col_text(st, 6, p->method, sizeof p->method);
	p->fund_move_id = sqlite3_column_int64(st, 7);
	jz_col_text(st, 8, p->note, sizeof p->note);
}

static void bind_move(sqlite3_stmt *st, int i, jz_rowid id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

int jz_store_aid_payment_insert(jz_db *db, struct jz_aid_payment *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO aid_payment(aid_case_id, seq, due_on, amount_fen, paid_on, method, fund_move_id, note)"
		" VALUES (?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, p->aid_case_id);
	sqlite3_bind_int(st, 2, p->seq);
	jz_bind_text(st, 3, p->due_on);
	sqlite3_bind_int64(st, 4, p->amount_fen);
	jz_bind_text(st, 5, p->paid_on);
	jz_bind_text(st, 6, p->method);
	bind_move(st, 7, p->fund_move_id);
	jz_bind_text(st, 8, p->note);
	if (jz_stmt_done(db, st, e, "保存临时救助发放"))
		return -1;
	p->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_aid_payment_update(jz_db *db, const struct jz_aid_payment *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE aid_payment SET paid_on = ?, method = ?, fund_move_id = ?, note = ? WHERE id = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, p->paid_on);
	jz_bind_text(st, 2, p->method);
	bind_move(st, 3, p->fund_move_id);
	jz_bind_text(st, 4, p->note);
	sqlite3_bind_int64(st, 5, p->id);
	return jz_stmt_done(db, st, e, "保存临时救助发放");
}

int jz_store_aid_payments(jz_db *db, jz_rowid case_id, struct jz_aid_payment *out, int max,
			  jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " PAY_COLS " FROM aid_payment WHERE aid_case_id = ? ORDER BY seq", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			read_payment(st, &out[n]);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取临时救助发放");
}

int jz_store_aid_unpaid_delete(jz_db *db, jz_rowid case_id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "DELETE FROM aid_payment WHERE aid_case_id = ? AND paid_on = ''", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	return jz_stmt_done(db, st, e, "删除未发放的分期");
}

int jz_store_aid_sums(jz_db *db, jz_rowid case_id, long long *paid, long long *planned, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT coalesce(sum(CASE WHEN paid_on <> '' THEN amount_fen END), 0),"
		" coalesce(sum(CASE WHEN paid_on = '' THEN amount_fen END), 0)"
		" FROM aid_payment WHERE aid_case_id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (paid)
			*paid = sqlite3_column_int64(st, 0);
		if (planned)
			*planned = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "读取临时救助发放");
}

int jz_store_aid_max_seq(jz_db *db, jz_rowid case_id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT coalesce(max(seq), 0) FROM aid_payment WHERE aid_case_id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int rc = sqlite3_step(st);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return n < 0 ? jz_db_fail(db, e, "读取临时救助发放") : n;
}

int jz_store_aid_events(jz_db *db, jz_rowid case_id,
			int (*fn)(const char *, const char *, const char *, const char *, const char *, void *),
			void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db),
			       "SELECT at, operator, action, reason, new FROM event"
			       " WHERE entity = 'aid_case' AND entity_id = ? ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取操作记录");
	sqlite3_bind_int64(st, 1, case_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
			  (const char *)sqlite3_column_text(st, 4), arg);
	int bad = !stop && rc != SQLITE_DONE;
	sqlite3_finalize(st);
	return bad ? jz_db_fail(db, e, "读取操作记录") : 0;
}

/* ---- figures ---- */

int jz_store_aid_figures(jz_db *db, const char *first, const char *last, struct jz_aid_figures *f,
			 jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"WITH paid AS (SELECT aid_case_id, sum(amount_fen) AS fen FROM aid_payment"
		"   WHERE paid_on <> '' AND paid_on BETWEEN ?1 AND ?2 GROUP BY aid_case_id),"
		" c AS (SELECT a.*, paid.fen FROM aid_case a JOIN paid ON paid.aid_case_id = a.id)"
		" SELECT count(*), coalesce(sum(persons), 0),"
		"  coalesce(sum(kind = '急难'), 0), coalesce(sum(CASE WHEN kind = '急难' THEN persons END), 0),"
		"  coalesce(sum(kind = '支出'), 0), coalesce(sum(CASE WHEN kind = '支出' THEN persons END), 0),"
		"  coalesce(sum(advance), 0),"
		"  coalesce(sum(non_local), 0), coalesce(sum(CASE WHEN non_local THEN persons END), 0),"
		"  coalesce(sum(yishi_date <> ''), 0), coalesce(sum(county_doc <> ''), 0),"
		"  coalesce(sum(followup_of IS NOT NULL), 0),"
		"  coalesce(sum(fen), 0), coalesce(sum(CASE WHEN kind = '急难' THEN fen END), 0),"
		"  coalesce(sum(CASE WHEN kind = '支出' THEN fen END), 0),"
		"  coalesce(sum(CASE WHEN advance THEN fen END), 0),"
		"  (SELECT count(*) FROM aid_case WHERE advance = 1 AND accepted_on <= ?2"
		"     AND (paperwork_done_on = '' OR paperwork_done_on > ?2)),"
		"  (SELECT count(*) FROM aid_case WHERE advance = 1 AND accepted_on <= ?2"
		"     AND (paperwork_done_on = '' OR paperwork_done_on > ?2) AND paperwork_due < ?2)"
		" FROM c", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, first);
	jz_bind_text(st, 2, last);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		long long *v[] = {&f->cases, &f->persons, &f->jinan_cases, &f->jinan_persons, &f->zhichu_cases,
				  &f->zhichu_persons, &f->advance_cases, &f->nonlocal_cases, &f->nonlocal_persons,
				  &f->yishi_cases, &f->county_cases, &f->followup_cases, &f->paid_fen,
				  &f->jinan_fen, &f->zhichu_fen, &f->advance_fen, &f->paperwork_missing,
				  &f->paperwork_overdue};
		for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
			*v[i] = sqlite3_column_int64(st, i);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计临时救助");
}

/* ---- holiday calendar ---- */

int jz_store_holiday_put(jz_db *db, const char *day, const char *kind, const char *note, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO holiday(day, kind, note) VALUES (?,?,?)"
		" ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, note = excluded.note", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, day);
	jz_bind_text(st, 2, kind);
	jz_bind_text(st, 3, note ? note : "");
	return jz_stmt_done(db, st, e, "保存节假日");
}

int jz_store_holiday_delete(jz_db *db, const char *day, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "DELETE FROM holiday WHERE day = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, day);
	return jz_stmt_done(db, st, e, "删除节假日");
}

int jz_store_holiday_get(jz_db *db, const char *day, char kind[4], jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT kind FROM holiday WHERE day = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, day);
	int rc = sqlite3_step(st);
	kind[0] = '\0';
	if (rc == SQLITE_ROW)
		jz_col_text(st, 0, kind, 4);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取节假日");
	return rc == SQLITE_ROW;
}

int jz_store_holidays(jz_db *db, const char *from, const char *to, struct jz_holiday *out, int max,
		      jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT day, kind, note FROM holiday WHERE (?1 IS NULL OR day >= ?1)"
		" AND (?2 IS NULL OR day <= ?2) ORDER BY day", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, from);
	jz_bind_text(st, 2, to);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max) {
			jz_col_text(st, 0, out[n].day, sizeof out[n].day);
			jz_col_text(st, 1, out[n].kind, sizeof out[n].kind);
			jz_col_text(st, 2, out[n].note, sizeof out[n].note);
		}
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取节假日");
}
