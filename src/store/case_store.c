/* case_store.c — SQL for cases (see case_store.h). The columns of case_file
 * are read and bound through one table (cols[]) in the order of CASE_COLS. */
#include "store/case_store.h"

#include <stddef.h>
#include <string.h>

#include "core/clock.h"

enum { T_TEXT, T_INT, T_I64 };

struct col {
	size_t off, size;
	int type;
};

#define TXT(f) {offsetof(jz_case, f), sizeof(((jz_case *)0)->f), T_TEXT}
#define INT(f) {offsetof(jz_case, f), sizeof(int), T_INT}
#define I64(f) {offsetof(jz_case, f), sizeof(long long), T_I64}

/* Same order as CASE_COLS. */
static const struct col cols[] = {
	TXT(number), I64(household_id), TXT(programme), TXT(mode), TXT(self_care), TXT(area),
	TXT(state), TXT(accepted_on), TXT(accepted_by), TXT(entry_reason), INT(waived),
	TXT(investigate_due), TXT(investigated_on), TXT(investigators), TXT(findings),
	TXT(notice_from), TXT(notice_to), TXT(approved_on), TXT(approved_by), TXT(county_doc),
	TXT(county_date), TXT(start_month), TXT(end_month), TXT(review_due), TXT(grace_until),
	TXT(exit_reason), TXT(exit_note), TXT(exit_on), TXT(refused_reason), TXT(province_on),
	TXT(province_by), INT(province_pending), I64(deposit_fen), INT(vehicles), INT(houses),
	TXT(imported_from),
};
#define NCOLS (int)(sizeof cols / sizeof cols[0])

#define CASE_COLS "number, household_id, programme, mode, self_care, area, state, accepted_on," \
	" accepted_by, entry_reason, waived, investigate_due, investigated_on, investigators," \
	" findings, notice_from, notice_to, approved_on, approved_by, county_doc, county_date," \
	" start_month, end_month, review_due, grace_until, exit_reason, exit_note, exit_on," \
	" refused_reason, province_on, province_by, province_pending, deposit_fen, vehicles," \
	" houses, imported_from"

static void read_case(sqlite3_stmt *st, jz_case *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < NCOLS; i++) {
		char *p = (char *)c + cols[i].off;
		if (cols[i].type == T_TEXT)
			jz_col_text(st, i + 1, p, cols[i].size);
		else if (cols[i].type == T_INT)
			*(int *)p = sqlite3_column_int(st, i + 1);
		else
			*(long long *)p = sqlite3_column_int64(st, i + 1);
	}
}

static void bind_case(sqlite3_stmt *st, const jz_case *c)
{
	for (int i = 0; i < NCOLS; i++) {
		const char *p = (const char *)c + cols[i].off;
		if (cols[i].type == T_TEXT)
			jz_bind_text(st, i + 1, p);
		else if (cols[i].type == T_INT)
			sqlite3_bind_int(st, i + 1, *(const int *)p);
		else
			sqlite3_bind_int64(st, i + 1, *(const long long *)p);
	}
}

int jz_store_case_insert(jz_db *db, jz_case *c, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO case_file(" CASE_COLS ", created_at) VALUES"
		" (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(now);
	bind_case(st, c);
	jz_bind_text(st, NCOLS + 1, now);
	if (jz_stmt_done(db, st, e, "新增案件"))
		return -1;
	c->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_case_update(jz_db *db, const jz_case *c, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE case_file SET (" CASE_COLS ") ="
		" (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?", e);
	if (!st)
		return -1;
	bind_case(st, c);
	sqlite3_bind_int64(st, NCOLS + 1, c->id);
	return jz_stmt_done(db, st, e, "修改案件");
}

static void one_case_cb(sqlite3_stmt *st, void *out) { read_case(st, out); }

static int one_case(jz_db *db, sqlite3_stmt *st, jz_case *c, jz_err *e)
{
	return jz_stmt_row(db, st, one_case_cb, c, e, "读取案件");
}

int jz_store_case_get(jz_db *db, jz_rowid id, jz_case *c, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, " CASE_COLS " FROM case_file WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return one_case(db, st, c, e);
}

int jz_store_case_by_number(jz_db *db, const char *number, jz_case *c, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, " CASE_COLS " FROM case_file WHERE number = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, number);
	return one_case(db, st, c, e);
}

int jz_store_case_max_serial(jz_db *db, const char *prefix, jz_err *e)
{
	/* The range on number lets its unique index find the prefix's rows
	 * (not a scan of the whole table for each new number). */
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT coalesce(max(CAST(substr(number, length(?1) + 1) AS INTEGER)), 0)"
		" FROM case_file WHERE number >= ?1 AND number < ?1 || char(1114111)"
		" AND substr(number, 1, length(?1)) = ?1", e);
	if (!st)
		return -1;
	long long n;
	jz_bind_text(st, 1, prefix);
	return jz_stmt_int(db, st, &n, e, "读取案件编号") ? -1 : (int)n;
}

int jz_store_case_member_add(jz_db *db, jz_rowid case_id, jz_rowid person_id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO case_member(case_id, person_id) VALUES (?, ?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, person_id);
	return jz_stmt_done(db, st, e, "保存保障对象");
}

int jz_store_case_members(jz_db *db, jz_rowid case_id, jz_rowid *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT person_id FROM case_member WHERE case_id = ? ORDER BY person_id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			out[n] = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取保障对象");
}

static int ids_of(jz_db *db, sqlite3_stmt *st, jz_rowid *out, int max, jz_err *e)
{
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			out[n] = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? (n < max ? n : max) : jz_db_fail(db, e, "读取案件");
}

int jz_store_cases_in_force_of_household(jz_db *db, jz_rowid hid, jz_rowid *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT id FROM case_file WHERE household_id = ? AND state IN ('在保', '渐退') ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hid);
	return ids_of(db, st, out, max, e);
}

int jz_store_cases_in_force_covering(jz_db *db, jz_rowid person_id, jz_rowid *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT c.id FROM case_member m JOIN case_file c ON c.id = m.case_id"
		" WHERE m.person_id = ? AND c.state IN ('在保', '渐退') ORDER BY c.id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person_id);
	return ids_of(db, st, out, max, e);
}

int jz_store_open_case_of(jz_db *db, jz_rowid person_id, const char *programme,
			  jz_rowid except_case, char *number, size_t n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT c.number FROM case_member m JOIN case_file c ON c.id = m.case_id"
		" WHERE m.person_id = ? AND c.programme = ? AND c.id <> ?"
		" AND c.state NOT IN ('退出','不予') LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person_id);
	jz_bind_text(st, 2, programme);
	sqlite3_bind_int64(st, 3, except_case);
	int rc = sqlite3_step(st);
	number[0] = '\0';
	if (rc == SQLITE_ROW)
		jz_col_text(st, 0, number, n);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取案件");
}

int jz_store_income_put(jz_db *db, jz_rowid case_id, jz_rowid person_id, const char *kind,
			long long fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO case_income(case_id, person_id, kind, monthly_fen) VALUES (?,?,?,?)"
		" ON CONFLICT(case_id, person_id, kind) DO UPDATE SET monthly_fen = excluded.monthly_fen", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, person_id);
	jz_bind_text(st, 3, kind);
	sqlite3_bind_int64(st, 4, fen);
	return jz_stmt_done(db, st, e, "保存收入");
}

int jz_store_incomes(jz_db *db, jz_rowid case_id,
		     void (*fn)(jz_rowid, const char *, long long, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT person_id, kind, monthly_fen FROM case_income WHERE case_id = ?"
		" ORDER BY person_id, kind", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char kind[32];
		jz_col_text(st, 1, kind, sizeof kind);
		fn(sqlite3_column_int64(st, 0), kind, sqlite3_column_int64(st, 2), arg);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取收入");
}

int jz_store_expense_put(jz_db *db, jz_rowid case_id, const char *kind, long long fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO case_expense(case_id, kind, monthly_fen) VALUES (?,?,?)"
		" ON CONFLICT(case_id, kind) DO UPDATE SET monthly_fen = excluded.monthly_fen", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, kind);
	sqlite3_bind_int64(st, 3, fen);
	return jz_stmt_done(db, st, e, "保存支出");
}

int jz_store_expenses(jz_db *db, jz_rowid case_id,
		      void (*fn)(const char *, long long, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT kind, monthly_fen FROM case_expense WHERE case_id = ? ORDER BY kind", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char kind[32];
		jz_col_text(st, 0, kind, sizeof kind);
		fn(kind, sqlite3_column_int64(st, 1), arg);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取支出");
}

int jz_store_amount_put(jz_db *db, jz_rowid case_id, const struct jz_case_amount *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO case_amount(case_id, from_month, base_fen, supplement_fen, total_fen, covered, note)"
		" VALUES (?,?,?,?,?,?,?) ON CONFLICT(case_id, from_month) DO UPDATE SET"
		" base_fen = excluded.base_fen, supplement_fen = excluded.supplement_fen,"
		" total_fen = excluded.total_fen, covered = excluded.covered, note = excluded.note", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, a->from_month);
	sqlite3_bind_int64(st, 3, a->base_fen);
	sqlite3_bind_int64(st, 4, a->supplement_fen);
	sqlite3_bind_int64(st, 5, a->total_fen);
	sqlite3_bind_int(st, 6, a->covered);
	jz_bind_text(st, 7, a->note);
	return jz_stmt_done(db, st, e, "保存保障金额");
}

int jz_store_supplement_put(jz_db *db, jz_rowid case_id, const char *from_month,
			    jz_rowid person_id, long long fen, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO case_supplement(case_id, from_month, person_id, fen) VALUES (?,?,?,?)"
		" ON CONFLICT(case_id, from_month, person_id) DO UPDATE SET fen = excluded.fen", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, from_month);
	sqlite3_bind_int64(st, 3, person_id);
	sqlite3_bind_int64(st, 4, fen);
	return jz_stmt_done(db, st, e, "保存分类施保");
}

int jz_store_amount_in(jz_db *db, jz_rowid case_id, const char *month, struct jz_case_amount *a,
		       jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT from_month, base_fen, supplement_fen, total_fen, covered, note FROM case_amount"
		" WHERE case_id = ? AND from_month <= ? ORDER BY from_month DESC LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, month);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		jz_col_text(st, 0, a->from_month, sizeof a->from_month);
		a->base_fen = sqlite3_column_int64(st, 1);
		a->supplement_fen = sqlite3_column_int64(st, 2);
		a->total_fen = sqlite3_column_int64(st, 3);
		a->covered = sqlite3_column_int(st, 4);
		jz_col_text(st, 5, a->note, sizeof a->note);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取保障金额");
	return rc == SQLITE_ROW;
}

int jz_store_relative_of(jz_db *db, jz_rowid hid, const char *login, const char *op_name,
			 char *who, size_t n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT r.name FROM relative r JOIN person p ON p.id_number = r.id_number"
		" WHERE p.household_id = ? AND (r.operator_login = ? OR r.cadre_name = ?) LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hid);
	jz_bind_text(st, 2, login);
	jz_bind_text(st, 3, op_name);
	int rc = sqlite3_step(st);
	who[0] = '\0';
	if (rc == SQLITE_ROW)
		jz_col_text(st, 0, who, n);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取近亲属备案");
	return rc == SQLITE_ROW;
}

int jz_store_cases(jz_db *db, const char *state, int (*fn)(const jz_case *, void *), void *arg,
		   jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db), "SELECT id, " CASE_COLS " FROM case_file"
		" WHERE ?1 = '' OR state = ?1 ORDER BY number", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取案件");
	jz_bind_text(st, 1, state ? state : "");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		jz_case c;
		read_case(st, &c);
		if (fn(&c, arg))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取案件");
}

int jz_store_covered(jz_db *db, const char *month, struct jz_covered *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT c.programme, count(DISTINCT c.household_id), count(DISTINCT m.person_id)"
		" FROM case_file c JOIN case_member m ON m.case_id = c.id"
		" WHERE c.state IN ('在保','渐退','退出') AND c.start_month <> '' AND c.start_month <= ?1"
		" AND (m.until_month = '' OR m.until_month >= ?1)"
		" AND (c.end_month = '' OR c.end_month >= ?1) AND (c.grace_until = '' OR c.grace_until >= ?1)"
		" GROUP BY c.programme ORDER BY c.programme", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max) {
			jz_col_text(st, 0, out[n].programme, sizeof out[n].programme);
			out[n].households = sqlite3_column_int64(st, 1);
			out[n].persons = sqlite3_column_int64(st, 2);
			n++;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "统计在保人数");
}

int jz_store_case_members_in(jz_db *db, jz_rowid case_id, const char *month, jz_rowid *out, int max,
			     jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT person_id FROM case_member WHERE case_id = ?1"
		" AND (until_month = '' OR until_month >= ?2) ORDER BY person_id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, month);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			out[n] = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取保障对象");
}

int jz_store_case_member_stop(jz_db *db, jz_rowid case_id, jz_rowid person_id,
			      const char *until_month, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE case_member SET until_month = ? WHERE case_id = ? AND person_id = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, until_month);
	sqlite3_bind_int64(st, 2, case_id);
	sqlite3_bind_int64(st, 3, person_id);
	return jz_stmt_done(db, st, e, "停发个人保障金");
}

int jz_store_referral_add_aid(jz_db *db, jz_rowid aid_case_id, const char *department, const char *date,
			      const char *outcome, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO referral(aid_case_id, department, referred_on, outcome) VALUES (?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, aid_case_id);
	jz_bind_text(st, 2, department);
	jz_bind_text(st, 3, date);
	jz_bind_text(st, 4, outcome ? outcome : "");
	return jz_stmt_done(db, st, e, "保存转介");
}

int jz_store_referral_add(jz_db *db, jz_rowid case_id, const char *department, const char *date,
			  const char *outcome, jz_rowid *id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO referral(case_id, department, referred_on, outcome) VALUES (?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, department);
	jz_bind_text(st, 3, date);
	jz_bind_text(st, 4, outcome ? outcome : "");
	if (jz_stmt_done(db, st, e, "保存转介"))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_work_refusal_add(jz_db *db, jz_rowid person_id, const char *date, const char *offer,
			      int good_reason, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO work_refusal(person_id, refused_on, offer, good_reason) VALUES (?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person_id);
	jz_bind_text(st, 2, date);
	jz_bind_text(st, 3, offer);
	sqlite3_bind_int(st, 4, good_reason);
	return jz_stmt_done(db, st, e, "保存拒绝就业记录");
}

int jz_store_work_refusals_in_a_row(jz_db *db, jz_rowid person_id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT count(*) FROM work_refusal WHERE person_id = ?1 AND good_reason = 0 AND id >"
		" coalesce((SELECT max(id) FROM work_refusal WHERE person_id = ?1 AND good_reason = 1), 0)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person_id);
	int rc = sqlite3_step(st);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return n < 0 ? jz_db_fail(db, e, "读取拒绝就业记录") : n;
}

int jz_store_relative_add(jz_db *db, const char *id_number, const char *name, const char *cadre_name,
			  const char *cadre_post, const char *login, const char *relation,
			  const char *date, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO relative(id_number, name, cadre_name, cadre_post, operator_login, relation,"
		" registered_on) VALUES (?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, id_number);
	jz_bind_text(st, 2, name);
	jz_bind_text(st, 3, cadre_name);
	jz_bind_text(st, 4, cadre_post ? cadre_post : "");
	jz_bind_text(st, 5, login ? login : "");
	jz_bind_text(st, 6, relation);
	jz_bind_text(st, 7, date);
	return jz_stmt_done(db, st, e, "保存近亲属备案");
}
