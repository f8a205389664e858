/* compare_store.c — SQL for comparison runs and findings, and for the
 * questions the comparisons ask (see compare_store.h). */
#include "store/compare_store.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"

#define FINDING_COLS "id, run_id, source, kind, category, id_number, name, village, person_id," \
	" household_id, case_id, detail, death_date, months_after, recover_fen, found_on, state," \
	" worked_on, worked_by, note"

int jz_store_compare_run_add(jz_db *db, const char *source, const char *file, const char *by,
			     jz_rowid *id, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO compare_run(source, file, at, by, rows, matched,"
		" findings) VALUES (?,?,?,?,0,0,0)", e);
	if (!st)
		return -1;
	jz_now(now);
	jz_bind_text(st, 1, source);
	jz_bind_text(st, 2, file);
	jz_bind_text(st, 3, now);
	jz_bind_text(st, 4, by);
	if (jz_stmt_done(db, st, e, "记录比对"))
		return -1;
	*id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_compare_run_counts(jz_db *db, jz_rowid id, int rows, int matched, int findings,
				jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE compare_run SET rows = ?2, matched = ?3, findings = ?4"
		" WHERE id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, rows);
	sqlite3_bind_int(st, 3, matched);
	sqlite3_bind_int(st, 4, findings);
	return jz_stmt_done(db, st, e, "记录比对结果");
}

static void bind_id(sqlite3_stmt *st, int i, jz_rowid v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Binds f's fields from run_id on as ?2..?20 (?1 is the id). */
static void bind_finding(sqlite3_stmt *st, const jz_finding *f)
{
	sqlite3_bind_int64(st, 2, f->run_id);
	jz_bind_text(st, 3, f->source);
	jz_bind_text(st, 4, f->kind);
	jz_bind_text(st, 5, f->category);
	jz_bind_text(st, 6, f->id_number);
	jz_bind_text(st, 7, f->name);
	jz_bind_text(st, 8, f->village);
	bind_id(st, 9, f->person_id);
	bind_id(st, 10, f->household_id);
	bind_id(st, 11, f->case_id);
	jz_bind_text(st, 12, f->detail);
	jz_bind_text(st, 13, f->death_date);
	sqlite3_bind_int(st, 14, f->months_after);
	sqlite3_bind_int64(st, 15, f->recover_fen);
	jz_bind_text(st, 16, f->found_on);
	jz_bind_text(st, 17, f->state);
	jz_bind_text(st, 18, f->worked_on);
	jz_bind_text(st, 19, f->worked_by);
	jz_bind_text(st, 20, f->note);
}

int jz_store_finding_insert(jz_db *db, jz_finding *f, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "INSERT INTO finding(" FINDING_COLS ") VALUES"
		" (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)", e);
	if (!st)
		return -1;
	sqlite3_bind_null(st, 1);
	bind_finding(st, f);
	if (jz_stmt_done(db, st, e, "记入比对发现"))
		return -1;
	f->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_finding_update(jz_db *db, const jz_finding *f, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE finding SET run_id = ?2, source = ?3, kind = ?4,"
		" category = ?5, id_number = ?6, name = ?7, village = ?8, person_id = ?9,"
		" household_id = ?10, case_id = ?11, detail = ?12, death_date = ?13,"
		" months_after = ?14, recover_fen = ?15, found_on = ?16, state = ?17, worked_on = ?18,"
		" worked_by = ?19, note = ?20 WHERE id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	bind_finding(st, f);
	return jz_stmt_done(db, st, e, "修改比对发现");
}

static void read_finding(sqlite3_stmt *st, void *out)
{
	jz_finding *f = out;
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->run_id = sqlite3_column_int64(st, 1);
	jz_col_text(st, 2, f->source, sizeof f->source);
	jz_col_text(st, 3, f->kind, sizeof f->kind);
	jz_col_text(st, 4, f->category, sizeof f->category);
	jz_col_text(st, 5, f->id_number, sizeof f->id_number);
	jz_col_text(st, 6, f->name, sizeof f->name);
	jz_col_text(st, 7, f->village, sizeof f->village);
	f->person_id = sqlite3_column_int64(st, 8);
	f->household_id = sqlite3_column_int64(st, 9);
	f->case_id = sqlite3_column_int64(st, 10);
	jz_col_text(st, 11, f->detail, sizeof f->detail);
	jz_col_text(st, 12, f->death_date, sizeof f->death_date);
	f->months_after = sqlite3_column_int(st, 13);
	f->recover_fen = sqlite3_column_int64(st, 14);
	jz_col_text(st, 15, f->found_on, sizeof f->found_on);
	jz_col_text(st, 16, f->state, sizeof f->state);
	jz_col_text(st, 17, f->worked_on, sizeof f->worked_on);
	jz_col_text(st, 18, f->worked_by, sizeof f->worked_by);
	jz_col_text(st, 19, f->note, sizeof f->note);
}

int jz_store_finding_get(jz_db *db, jz_rowid id, jz_finding *f, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " FINDING_COLS " FROM finding WHERE id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, read_finding, f, e, "读取比对发现");
}

int jz_store_finding_last(jz_db *db, const char *source, const char *kind, const char *category,
			  const char *id_number, jz_finding *f, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " FINDING_COLS " FROM finding WHERE source = ?1"
		" AND kind = ?2 AND category = ?3 AND id_number = ?4 ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, source);
	jz_bind_text(st, 2, kind);
	jz_bind_text(st, 3, category);
	jz_bind_text(st, 4, id_number);
	return jz_stmt_row(db, st, read_finding, f, e, "读取比对发现");
}

int jz_store_findings(jz_db *db, const char *source, const char *state, const char *village,
		      const char *kind, int (*fn)(const jz_finding *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " FINDING_COLS " FROM finding"
		" WHERE (?1 = '' OR source = ?1) AND (?2 = '' OR state = ?2"
		"  OR (?2 = '未办结' AND state IN ('待核实','已核实')))"
		" AND (?3 = '' OR village = ?3) AND (?4 = '' OR kind = ?4)"
		" ORDER BY state NOT IN ('待核实','已核实'), village, id", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, source ? source : "");
	jz_bind_text(st, 2, state ? state : "");
	jz_bind_text(st, 3, village ? village : "");
	jz_bind_text(st, 4, kind ? kind : "");
	int rc;
	jz_finding f;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_finding(st, &f);
		if (fn(&f, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取比对发现");
}

int jz_store_findings_open(jz_db *db, long long *n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM finding WHERE state IN ('待核实','已核实')", e);
	return st ? jz_stmt_int(db, st, n, e, "统计比对发现") : -1;
}

static void read_text0(sqlite3_stmt *st, void *out)
{
	jz_col_text(st, 0, out, 96);
}

int jz_store_household_village(jz_db *db, jz_rowid hid, char *name, size_t n, jz_err *e)
{
	char buf[96] = "";
	sqlite3_stmt *st = jz_stmt(db, "SELECT v.name FROM household h JOIN village v"
		" ON v.id = h.village_id WHERE h.id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hid);
	if (jz_stmt_row(db, st, read_text0, buf, e, "读取家庭所在村") < 0)
		return -1;
	snprintf(name, n, "%s", buf);
	return 0;
}

int jz_store_household_area(jz_db *db, jz_rowid hid, char *area, size_t n, jz_err *e)
{
	char buf[96] = "";
	sqlite3_stmt *st = jz_stmt(db, "SELECT area FROM household WHERE id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hid);
	if (jz_stmt_row(db, st, read_text0, buf, e, "读取家庭城乡类别") < 0)
		return -1;
	if (buf[0])
		snprintf(area, n, "%s", buf);
	return 0;
}

struct case_ref {
	jz_rowid id;
	char prog[16];
};

static void read_case_ref(sqlite3_stmt *st, void *out)
{
	struct case_ref *c = out;
	c->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, c->prog, sizeof c->prog);
}

int jz_store_covering_case(jz_db *db, jz_rowid pid, jz_rowid hid, const char *programme,
			   jz_rowid *case_id, char prog[16], jz_err *e)
{
	struct case_ref c = {0};
	sqlite3_stmt *st = jz_stmt(db, "SELECT c.id, c.programme FROM case_file c"
		" WHERE c.state IN ('在保','渐退') AND (?3 IS NULL OR c.programme = ?3)"
		" AND ((?2 <> 0 AND c.household_id = ?2)"
		"  OR EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = c.id AND m.person_id = ?1))"
		" ORDER BY EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = c.id AND m.person_id = ?1) DESC,"
		" c.id LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, hid);
	jz_bind_text(st, 3, programme);
	int rc = jz_stmt_row(db, st, read_case_ref, &c, e, "读取在保案件");
	if (rc == 1) {
		*case_id = c.id;
		if (prog)
			memcpy(prog, c.prog, 16);
	}
	return rc;
}

int jz_store_pending_case(jz_db *db, jz_rowid hid, jz_rowid *case_id, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*), max(id) FROM case_file WHERE household_id = ?1"
		" AND state IN ('受理','调查','评议','审核','公示')", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, hid);
	int rc = sqlite3_step(st), found = 0;
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0) {
		found = 1;
		*case_id = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? found : jz_db_fail(db, e, "读取办理中的案件");
}

int jz_store_screened(jz_db *db, const char *id_number, long long *n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM screening WHERE id_number = ?1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, id_number);
	return jz_stmt_int(db, st, n, e, "读取排查台账");
}

int jz_store_paid_after(jz_db *db, jz_rowid pid, const char *month,
			void (*fn)(const char *, long long, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT l.for_month, sum(l.amount_fen) FROM roll_line l"
		" WHERE l.for_month > ?2 AND l.case_id IS NOT NULL AND (l.person_id = ?1 OR l.case_id IN"
		"  (SELECT m.case_id FROM case_member m WHERE m.person_id = ?1 AND"
		"   (SELECT count(*) FROM case_member o WHERE o.case_id = m.case_id) = 1))"
		" GROUP BY l.for_month ORDER BY l.for_month", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	jz_bind_text(st, 2, month);
	int rc;
	char ym[8];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		jz_col_text(st, 0, ym, sizeof ym);
		fn(ym, sqlite3_column_int64(st, 1), arg);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取死亡后的发放");
}

int jz_store_has_supplement(jz_db *db, jz_rowid case_id, jz_rowid pid, const char *month,
			    jz_err *e)
{
	long long n = 0;
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM case_supplement s WHERE s.case_id = ?1"
		" AND s.person_id = ?2 AND s.fen > 0 AND s.from_month = (SELECT max(a.from_month)"
		"  FROM case_amount a WHERE a.case_id = ?1 AND a.from_month <= ?3)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_int64(st, 2, pid);
	jz_bind_text(st, 3, month);
	if (jz_stmt_int(db, st, &n, e, "读取分类施保"))
		return -1;
	return n > 0;
}
