/* ledger_store_write.c — SQL for the ledgers' own tables (see
 * ledger_store_write.h). */
#include "store/ledger_store_write.h"

#include <string.h>

static void bind_id(sqlite3_stmt *st, int i, jz_rowid id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static int insert(jz_db *db, sqlite3_stmt *st, jz_rowid *id, jz_err *e, const char *what)
{
	if (jz_stmt_done(db, st, e, what))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

/* UPDATE ... SET two text columns WHERE id = ?: sql binds a, b, then id. */
static int set_two(jz_db *db, const char *sql, jz_rowid id, const char *a, const char *b, jz_err *e,
		   const char *what)
{
	sqlite3_stmt *st = jz_stmt(db, sql, e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, a);
	jz_bind_text(st, 2, b);
	sqlite3_bind_int64(st, 3, id);
	return jz_stmt_done(db, st, e, what);
}

/* ---- watch ---- */

int jz_store_watch_has(jz_db *db, const char *kind, jz_rowid household_id, jz_err *e)
{
	long long n = 0;
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM watch WHERE kind = ? AND household_id = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, household_id);
	if (jz_stmt_int(db, st, &n, e, "读取关注名单"))
		return -1;
	return n > 0;
}

int jz_store_watch_insert(jz_db *db, struct jz_watch *w, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO watch(kind, household_id, id_number, name, village,"
				   " situation, source, listed_on, next_visit) VALUES (?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, w->kind);
	bind_id(st, 2, w->household_id);
	jz_bind_text(st, 3, w->id_number);
	jz_bind_text(st, 4, w->name);
	jz_bind_text(st, 5, w->village);
	jz_bind_text(st, 6, w->situation);
	jz_bind_text(st, 7, w->source);
	jz_bind_text(st, 8, w->listed_on);
	jz_bind_text(st, 9, w->next_visit);
	return insert(db, st, &w->id, e, "登记关注对象");
}

static void read_watch(sqlite3_stmt *st, void *out)
{
	struct jz_watch *w = out;
	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(st, 0);
	w->household_id = sqlite3_column_int64(st, 1);
	jz_col_text(st, 2, w->kind, sizeof w->kind);
	jz_col_text(st, 3, w->id_number, sizeof w->id_number);
	jz_col_text(st, 4, w->name, sizeof w->name);
	jz_col_text(st, 5, w->village, sizeof w->village);
	jz_col_text(st, 6, w->situation, sizeof w->situation);
	jz_col_text(st, 7, w->source, sizeof w->source);
	jz_col_text(st, 8, w->listed_on, sizeof w->listed_on);
	jz_col_text(st, 9, w->next_visit, sizeof w->next_visit);
	jz_col_text(st, 10, w->closed_on, sizeof w->closed_on);
	jz_col_text(st, 11, w->close_reason, sizeof w->close_reason);
}

int jz_store_watch_get(jz_db *db, jz_rowid id, struct jz_watch *w, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, household_id, kind, id_number, name, village, situation,"
				   " source, listed_on, next_visit, closed_on, close_reason FROM watch WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_watch, w, e, "读取关注对象");
}

int jz_store_watch_close(jz_db *db, jz_rowid id, const char *date, const char *reason, jz_err *e)
{
	return set_two(db, "UPDATE watch SET closed_on = ?, close_reason = ? WHERE id = ?",
		       id, date, reason, e, "关注对象销号");
}

/* ---- bed_wish ---- */

int jz_store_bed_insert(jz_db *db, struct jz_bed *b, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO bed_wish(person_id, case_id, asked_on, wants, preferred,"
				   " note) VALUES (?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, b->person_id);
	bind_id(st, 2, b->case_id);
	jz_bind_text(st, 3, b->asked_on);
	sqlite3_bind_int(st, 4, b->wants != 0);
	jz_bind_text(st, 5, b->preferred);
	jz_bind_text(st, 6, b->note);
	return insert(db, st, &b->id, e, "登记集中供养意愿");
}

static void read_bed(sqlite3_stmt *st, void *out)
{
	struct jz_bed *b = out;
	memset(b, 0, sizeof *b);
	b->id = sqlite3_column_int64(st, 0);
	b->person_id = sqlite3_column_int64(st, 1);
	b->case_id = sqlite3_column_int64(st, 2);
	jz_col_text(st, 3, b->asked_on, sizeof b->asked_on);
	b->wants = sqlite3_column_int(st, 4);
	jz_col_text(st, 5, b->preferred, sizeof b->preferred);
	jz_col_text(st, 6, b->placed_on, sizeof b->placed_on);
	jz_col_text(st, 7, b->placed_at, sizeof b->placed_at);
	jz_col_text(st, 8, b->note, sizeof b->note);
}

int jz_store_bed_get(jz_db *db, jz_rowid id, struct jz_bed *b, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, person_id, case_id, asked_on, wants, preferred, placed_on,"
				   " placed_at, note FROM bed_wish WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_bed, b, e, "读取集中供养意愿");
}

int jz_store_bed_place(jz_db *db, jz_rowid id, const char *date, const char *where, jz_err *e)
{
	return set_two(db, "UPDATE bed_wish SET placed_on = ?, placed_at = ? WHERE id = ?",
		       id, date, where, e, "登记安置");
}

/* ---- income_ok ---- */

int jz_store_income_ok_insert(jz_db *db, struct jz_income_ok *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO income_ok(household_id, case_id, screening_id, found_on,"
				   " per_capita_fen, standard_fen, reason, fed_back_on, fed_back_by)"
				   " VALUES (?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, r->household_id);
	bind_id(st, 2, r->case_id);
	bind_id(st, 3, r->screening_id);
	jz_bind_text(st, 4, r->found_on);
	sqlite3_bind_int64(st, 5, r->per_capita_fen);
	sqlite3_bind_int64(st, 6, r->standard_fen);
	jz_bind_text(st, 7, r->reason);
	jz_bind_text(st, 8, r->fed_back_on);
	jz_bind_text(st, 9, r->fed_back_by);
	return insert(db, st, &r->id, e, "登记收入已达标户");
}

#define IOK_COLS "id, household_id, case_id, screening_id, found_on, per_capita_fen, standard_fen," \
	" reason, fed_back_on, fed_back_by"

static void read_iok(sqlite3_stmt *st, void *out)
{
	struct jz_income_ok *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->household_id = sqlite3_column_int64(st, 1);
	r->case_id = sqlite3_column_int64(st, 2);
	r->screening_id = sqlite3_column_int64(st, 3);
	jz_col_text(st, 4, r->found_on, sizeof r->found_on);
	r->per_capita_fen = sqlite3_column_int64(st, 5);
	r->standard_fen = sqlite3_column_int64(st, 6);
	jz_col_text(st, 7, r->reason, sizeof r->reason);
	jz_col_text(st, 8, r->fed_back_on, sizeof r->fed_back_on);
	jz_col_text(st, 9, r->fed_back_by, sizeof r->fed_back_by);
}

int jz_store_income_ok_get(jz_db *db, jz_rowid id, struct jz_income_ok *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " IOK_COLS " FROM income_ok WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_iok, r, e, "读取收入已达标户");
}

int jz_store_income_ok_of_case(jz_db *db, jz_rowid case_id, struct jz_income_ok *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " IOK_COLS " FROM income_ok WHERE case_id = ? LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	return jz_stmt_row(db, st, read_iok, r, e, "读取收入已达标户");
}

int jz_store_income_ok_of_screening(jz_db *db, jz_rowid screening_id, struct jz_income_ok *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " IOK_COLS " FROM income_ok WHERE screening_id = ? LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, screening_id);
	return jz_stmt_row(db, st, read_iok, r, e, "读取收入已达标户");
}

int jz_store_income_ok_feedback(jz_db *db, jz_rowid id, const char *date, const char *by, jz_err *e)
{
	return set_two(db, "UPDATE income_ok SET fed_back_on = ?, fed_back_by = ? WHERE id = ?",
		       id, date, by, e, "登记反馈");
}

/* ---- referral ---- */

static void read_ref(sqlite3_stmt *st, void *out)
{
	struct jz_referral *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->aid_case_id = sqlite3_column_int64(st, 2);
	r->screening_id = sqlite3_column_int64(st, 3);
	jz_col_text(st, 4, r->department, sizeof r->department);
	jz_col_text(st, 5, r->referred_on, sizeof r->referred_on);
	jz_col_text(st, 6, r->outcome, sizeof r->outcome);
	jz_col_text(st, 7, r->outcome_on, sizeof r->outcome_on);
}

int jz_store_referral_get(jz_db *db, jz_rowid id, struct jz_referral *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, case_id, aid_case_id, screening_id, department, referred_on,"
				   " outcome, outcome_on FROM referral WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_ref, r, e, "读取转介");
}

int jz_store_referral_outcome(jz_db *db, jz_rowid id, const char *outcome, const char *date, jz_err *e)
{
	return set_two(db, "UPDATE referral SET outcome = ?, outcome_on = ? WHERE id = ?",
		       id, outcome, date, e, "登记转介结果");
}

/* ---- visit, care_agreement ---- */

int jz_store_visit_insert(jz_db *db, jz_rowid case_id, const char *date, const char *visitor,
			  const char *finding, const char *needs, jz_rowid *id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO visit(case_id, visited_on, visitor, finding, needs)"
				   " VALUES (?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	jz_bind_text(st, 2, date);
	jz_bind_text(st, 3, visitor);
	jz_bind_text(st, 4, finding);
	jz_bind_text(st, 5, needs);
	return insert(db, st, id, e, "登记探访");
}

int jz_store_care_insert(jz_db *db, struct jz_care *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO care_agreement(case_id, carer_name, carer_id_number,"
				   " carer_phone, carer_relation, signed_on, valid_until, content)"
				   " VALUES (?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a->case_id);
	jz_bind_text(st, 2, a->carer_name);
	jz_bind_text(st, 3, a->carer_id_number);
	jz_bind_text(st, 4, a->carer_phone);
	jz_bind_text(st, 5, a->carer_relation);
	jz_bind_text(st, 6, a->signed_on);
	jz_bind_text(st, 7, a->valid_until);
	jz_bind_text(st, 8, a->content);
	return insert(db, st, &a->id, e, "登记照料护理协议");
}

static void read_care(sqlite3_stmt *st, void *out)
{
	struct jz_care *a = out;
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->case_id = sqlite3_column_int64(st, 1);
	jz_col_text(st, 2, a->carer_name, sizeof a->carer_name);
	jz_col_text(st, 3, a->signed_on, sizeof a->signed_on);
	jz_col_text(st, 4, a->ended_on, sizeof a->ended_on);
}

int jz_store_care_get(jz_db *db, jz_rowid id, struct jz_care *a, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, case_id, carer_name, signed_on, ended_on"
				   " FROM care_agreement WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_care, a, e, "读取照料护理协议");
}

int jz_store_care_end(jz_db *db, jz_rowid id, const char *date, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE care_agreement SET ended_on = ? WHERE id = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, date);
	sqlite3_bind_int64(st, 2, id);
	return jz_stmt_done(db, st, e, "终止照料护理协议");
}

/* ---- survey ---- */

static void read_survey(sqlite3_stmt *st, void *out)
{
	struct jz_survey *s = out;
	memset(s, 0, sizeof *s);
	s->village_id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, s->month, sizeof s->month);
	jz_col_text(st, 2, s->handed_on, sizeof s->handed_on);
	jz_col_text(st, 3, s->by, sizeof s->by);
	for (int i = 0; i < JZ_SURVEY_N; i++)
		s->count[i] = sqlite3_column_int64(st, 4 + i);
	jz_col_text(st, 10, s->note, sizeof s->note);
}

int jz_store_survey_get(jz_db *db, jz_rowid village_id, const char *month, struct jz_survey *s, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT village_id, month, handed_on, by, unemployed, hard_enterprise,"
				   " graduates, migrant_uninsured, flexible, edge, note FROM survey"
				   " WHERE village_id = ? AND month = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, village_id);
	jz_bind_text(st, 2, month);
	return jz_stmt_row(db, st, read_survey, s, e, "读取摸排表");
}

int jz_store_survey_put(jz_db *db, const struct jz_survey *s, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT OR REPLACE INTO survey(village_id, month, handed_on, by,"
				   " unemployed, hard_enterprise, graduates, migrant_uninsured, flexible, edge, note)"
				   " VALUES (?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, s->village_id);
	jz_bind_text(st, 2, s->month);
	jz_bind_text(st, 3, s->handed_on);
	jz_bind_text(st, 4, s->by);
	for (int i = 0; i < JZ_SURVEY_N; i++)
		sqlite3_bind_int64(st, 5 + i, s->count[i]);
	jz_bind_text(st, 11, s->note);
	return jz_stmt_done(db, st, e, "登记摸排表");
}

int jz_store_survey_person_insert(jz_db *db, jz_rowid village_id, const char *month, const char *category,
				  const char *id_number, const char *name, const char *situation,
				  jz_rowid *id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO survey_person(village_id, month, category, id_number, name,"
				   " situation) VALUES (?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, village_id);
	jz_bind_text(st, 2, month);
	jz_bind_text(st, 3, category);
	jz_bind_text(st, 4, id_number);
	jz_bind_text(st, 5, name);
	jz_bind_text(st, 6, situation);
	return insert(db, st, id, e, "登记摸排人员");
}
