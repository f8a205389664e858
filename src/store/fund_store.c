/* fund_store.c — SQL for the reserve fund's ledger and the cases it pays
 * (see fund_store.h). */
#include "store/fund_store.h"

#include <string.h>

#include "core/clock.h"

int jz_store_fund_insert(jz_db *db, struct jz_fund_move *m, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO fund_move(on_date, kind, amount_fen, doc, reason,"
		" aid_case_id, approved_by, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(m->created_at);
	jz_bind_text(st, 1, m->on_date);
	jz_bind_text(st, 2, m->kind);
	sqlite3_bind_int64(st, 3, m->amount_fen);
	jz_bind_text(st, 4, m->doc);
	jz_bind_text(st, 5, m->reason);
	if (m->aid_case_id)
		sqlite3_bind_int64(st, 6, m->aid_case_id);
	else
		sqlite3_bind_null(st, 6);
	jz_bind_text(st, 7, m->approved_by);
	jz_bind_text(st, 8, m->created_by);
	jz_bind_text(st, 9, m->created_at);
	if (jz_stmt_done(db, st, e, "记入备用金台账"))
		return -1;
	m->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_fund_balance(jz_db *db, const char *date, long long *fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT coalesce(sum(amount_fen), 0) FROM fund_move"
		" WHERE ?1 IS NULL OR on_date <= ?1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, date);
	return jz_stmt_int(db, st, fen, e, "读取备用金余额");
}

int jz_store_fund_opening(jz_db *db, const char *date, long long *fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT coalesce(sum(amount_fen), 0) FROM fund_move"
		" WHERE on_date < ?1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, date);
	return jz_stmt_int(db, st, fen, e, "读取备用金期初余额");
}

int jz_store_fund_lowest_from(jz_db *db, const char *date, long long *fen, char day[11],
			      jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"WITH d(day, s) AS (SELECT on_date, sum(amount_fen) FROM fund_move GROUP BY on_date),"
		" r(day, b) AS (SELECT day, sum(s) OVER (ORDER BY day) FROM d)"
		" SELECT day, b FROM r WHERE day > ?1"
		" UNION ALL SELECT ?1, (SELECT coalesce(sum(amount_fen), 0) FROM fund_move WHERE on_date <= ?1)"
		" ORDER BY 2, 1 LIMIT 1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, date);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		jz_col_text(st, 0, day, 11);
		*fen = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "读取备用金余额");
}

int jz_store_fund_sums(jz_db *db, const char *from, const char *to, struct jz_fund_sums *s,
		       jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT kind, amount_fen > 0, count(*), sum(abs(amount_fen))"
		" FROM fund_move WHERE on_date BETWEEN ?1 AND ?2 GROUP BY 1, 2", e);
	if (!st)
		return -1;
	memset(s, 0, sizeof *s);
	jz_bind_text(st, 1, from);
	jz_bind_text(st, 2, to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		int plus = sqlite3_column_int(st, 1), n = sqlite3_column_int(st, 2);
		long long fen = sqlite3_column_int64(st, 3);
		int *pn = NULL;
		long long *pf = NULL;
		if (!k)
			continue;
		if (!strcmp(k, "预拨"))
			pn = &s->alloc_n, pf = &s->alloc_fen;
		else if (!strcmp(k, "支出"))
			pn = &s->spent_n, pf = &s->spent_fen;
		else if (!strcmp(k, "退回"))
			pn = &s->return_n, pf = &s->return_fen;
		else if (plus)
			pn = &s->adj_in_n, pf = &s->adj_in_fen;
		else
			pn = &s->adj_out_n, pf = &s->adj_out_fen;
		*pn += n;
		*pf += fen;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "汇总备用金台账");
}

int jz_store_fund_spent_by(jz_db *db, const char *from, const char *to,
			   int (*fn)(const char *kind, const char *cause, int n, long long fen, void *),
			   void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT c.kind, c.cause, count(*), -sum(m.amount_fen)"
		" FROM fund_move m JOIN aid_case c ON c.id = m.aid_case_id"
		" WHERE m.kind = '支出' AND m.on_date BETWEEN ?1 AND ?2 GROUP BY 1, 2 ORDER BY 1, 2", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, from);
	jz_bind_text(st, 2, to);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char kind[8], cause[48];
		jz_col_text(st, 0, kind, sizeof kind);
		jz_col_text(st, 1, cause, sizeof cause);
		stop = fn(kind, cause, sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3), arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop < 0 ? -1 : 0;
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "按原因汇总备用金支出");
}

#define MOVE_COLS "m.id, m.on_date, m.kind, m.amount_fen, m.doc, m.reason, coalesce(m.aid_case_id, 0)," \
	" m.approved_by, m.created_by, m.created_at, coalesce(c.number, ''), coalesce(p.name, '')," \
	" coalesce(c.kind, ''), coalesce(c.cause, '')"

static void read_move(sqlite3_stmt *st, struct jz_fund_move *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, m->on_date, sizeof m->on_date);
	jz_col_text(st, 2, m->kind, sizeof m->kind);
	m->amount_fen = sqlite3_column_int64(st, 3);
	jz_col_text(st, 4, m->doc, sizeof m->doc);
	jz_col_text(st, 5, m->reason, sizeof m->reason);
	m->aid_case_id = sqlite3_column_int64(st, 6);
	jz_col_text(st, 7, m->approved_by, sizeof m->approved_by);
	jz_col_text(st, 8, m->created_by, sizeof m->created_by);
	jz_col_text(st, 9, m->created_at, sizeof m->created_at);
	jz_col_text(st, 10, m->case_number, sizeof m->case_number);
	jz_col_text(st, 11, m->person_name, sizeof m->person_name);
	jz_col_text(st, 12, m->case_kind, sizeof m->case_kind);
	jz_col_text(st, 13, m->cause, sizeof m->cause);
}

int jz_store_fund_moves(jz_db *db, const char *from, const char *to, const char *kind,
			int (*fn)(const struct jz_fund_move *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " MOVE_COLS " FROM fund_move m"
		" LEFT JOIN aid_case c ON c.id = m.aid_case_id LEFT JOIN person p ON p.id = c.person_id"
		" WHERE m.on_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR m.kind = ?3)"
		" ORDER BY m.on_date, m.id", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, from);
	jz_bind_text(st, 2, to);
	jz_bind_text(st, 3, kind);
	int rc, stop = 0;
	struct jz_fund_move m;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_move(st, &m);
		stop = fn(&m, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop < 0 ? -1 : 0;
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取备用金台账");
}

#define CASE_COLS "c.id, c.number, coalesce(c.household_id, 0), coalesce(p.name, ''), c.kind, c.cause," \
	" c.advance, c.state, c.accepted_on, c.approved_fen, c.county_doc, c.yishi_date"

static int one_case(jz_db *db, sqlite3_stmt *st, struct jz_fund_case *c, jz_err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		jz_col_text(st, 1, c->number, sizeof c->number);
		c->household_id = sqlite3_column_int64(st, 2);
		jz_col_text(st, 3, c->person_name, sizeof c->person_name);
		jz_col_text(st, 4, c->kind, sizeof c->kind);
		jz_col_text(st, 5, c->cause, sizeof c->cause);
		c->advance = sqlite3_column_int(st, 6);
		jz_col_text(st, 7, c->state, sizeof c->state);
		jz_col_text(st, 8, c->accepted_on, sizeof c->accepted_on);
		c->approved_fen = sqlite3_column_int64(st, 9);
		jz_col_text(st, 10, c->county_doc, sizeof c->county_doc);
		jz_col_text(st, 11, c->yishi_date, sizeof c->yishi_date);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取临时救助案件");
	return rc == SQLITE_ROW;
}

int jz_store_fund_case_get(jz_db *db, jz_rowid id, struct jz_fund_case *c, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " CASE_COLS " FROM aid_case c"
		" LEFT JOIN person p ON p.id = c.person_id WHERE c.id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return one_case(db, st, c, e);
}

int jz_store_fund_case_by_number(jz_db *db, const char *number, struct jz_fund_case *c,
				 jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " CASE_COLS " FROM aid_case c"
		" LEFT JOIN person p ON p.id = c.person_id WHERE c.number = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, number);
	return one_case(db, st, c, e);
}

int jz_store_fund_case_paid(jz_db *db, jz_rowid case_id, long long *fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT coalesce(-sum(amount_fen), 0) FROM fund_move"
		" WHERE aid_case_id = ? AND kind IN ('支出', '退回')", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	return jz_stmt_int(db, st, fen, e, "读取案件已支付金额");
}
