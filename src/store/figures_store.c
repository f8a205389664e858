/* figures_store.c — the queries of the monthly workbook (see
 * figures_store.h). Each table's figures come from one grouped query. */
#include "store/figures_store.h"

#include <stdio.h>
#include <string.h>

/* Cases with their flags for M (?1) and M-1 (?2): roll.c's rule 2. */
#define IN_FORCE(m) \
	"(start_month <> '' AND start_month <= " m " AND (end_month = '' OR end_month >= " m ")" \
	" AND (state <> '渐退' OR grace_until >= " m "))"
#define CASES_CTE \
	"c AS (SELECT id, household_id, programme, mode, self_care, entry_reason, exit_reason," \
	"  " IN_FORCE("?1") " AS now_in, " IN_FORCE("?2") " AS before_in FROM case_file" \
	"  WHERE state IN ('在保','渐退','退出') AND start_month <> '' AND start_month <= ?1" \
	"  AND (end_month = '' OR end_month >= ?2))"
/* Household fields on day ?3 (household_past: the first row changed after). */
#define HOUSEHOLD_CTE \
	"hv AS (SELECT h.id, h.number, coalesce(y.village_id, h.village_id) AS village_id," \
	"  coalesce(y.area, h.area) AS area, coalesce(y.poverty_cause, h.poverty_cause) AS cause," \
	"  coalesce(y.jiandang, h.jiandang) AS jiandang FROM household h" \
	"  LEFT JOIN household_past y ON y.rowid = (SELECT rowid FROM household_past" \
	"    WHERE household_id = h.id AND changed_on > ?3 ORDER BY changed_on, rowid LIMIT 1))"

static int groups_sql(jz_db *db, sqlite3_stmt **out, jz_err *e)
{
	*out = jz_stmt(db,
		"WITH " CASES_CTE ", " HOUSEHOLD_CTE ","
		/* ?1 M, ?2 M-1, ?3 last day of M, ?4 first day of M, ?5 of M-1, ?6 elderly age,
		 * ?7 last day of M-1 */
		" pv AS (SELECT c.programme, c.mode, c.self_care, c.household_id, m.person_id, p.sex,"
		"   CAST(substr(?3,1,4) AS INTEGER) - CAST(substr(p.birth,1,4) AS INTEGER)"
		"     - (substr(?3,6,5) < substr(p.birth,6,5)) AS age,"
		"   coalesce(x.labour, p.labour) AS labour,"
		"   coalesce(x.disability_grade, p.disability_grade) AS grade,"
		"   coalesce(x.student, p.student) AS student,"
		"   c.now_in AND (m.until_month = '' OR m.until_month >= ?1)"
		"     AND NOT (coalesce(x.deceased_on, p.deceased_on) <> ''"
		"              AND coalesce(x.deceased_on, p.deceased_on) < ?4) AS n,"
		/* last month as it was known on its last day (?7), like its own report */
		"   c.before_in AND (m.until_month = '' OR m.until_month >= ?2)"
		"     AND NOT (coalesce(x2.deceased_on, p.deceased_on) <> ''"
		"              AND coalesce(x2.deceased_on, p.deceased_on) < ?5) AS b"
		"  FROM c JOIN case_member m ON m.case_id = c.id JOIN person p ON p.id = m.person_id"
		"  LEFT JOIN person_past x ON x.rowid = (SELECT rowid FROM person_past"
		"    WHERE person_id = p.id AND changed_on > ?3 ORDER BY changed_on, rowid LIMIT 1)"
		"  LEFT JOIN person_past x2 ON x2.rowid = (SELECT rowid FROM person_past"
		"    WHERE person_id = p.id AND changed_on > ?7 ORDER BY changed_on, rowid LIMIT 1)),"
		/* pn/pb: the person counted in M / M-1 (any case of the programme);
		 * hn/hb: the same for the household */
		" pr AS (SELECT pv.*, hv.village_id, hv.area, hv.cause,"
		"   max(n) OVER (PARTITION BY programme, person_id) AS pn,"
		"   max(b) OVER (PARTITION BY programme, person_id) AS pb,"
		"   max(n) OVER (PARTITION BY programme, pv.household_id) AS hn,"
		"   max(b) OVER (PARTITION BY programme, pv.household_id) AS hb"
		"  FROM pv JOIN hv ON hv.id = pv.household_id WHERE pv.n OR pv.b)"
		" SELECT pr.programme, pr.mode, pr.self_care, pr.village_id, pr.area,"
		"  count(DISTINCT CASE WHEN n THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND sex = 'F' THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND age >= ?6 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND age >= 18 AND age < ?6 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND age < 18 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND age < 16 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND student THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND grade > 0 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND grade BETWEEN 1 AND 2 THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND labour = '完全丧失' THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND labour = '部分丧失' THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '疾病' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '残疾' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '因学' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '灾害' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '缺乏劳动力' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND cause = '其他' THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND hn AND NOT hb THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN n AND NOT pb THEN pr.person_id END),"
		"  count(DISTINCT CASE WHEN b AND hb AND NOT hn THEN pr.household_id END),"
		"  count(DISTINCT CASE WHEN b AND NOT pn THEN pr.person_id END)"
		" FROM pr GROUP BY 1, 2, 3, 4, 5", e);
	return *out ? 0 : -1;
}

int jz_store_fig_groups(jz_db *db, const struct jz_fig_period *p, long long elderly_age,
			int (*fn)(const struct jz_fig_group *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (groups_sql(db, &st, e))
		return -1;
	jz_bind_text(st, 1, p->month);
	jz_bind_text(st, 2, p->prev);
	jz_bind_text(st, 3, p->last);
	jz_bind_text(st, 4, p->first);
	jz_bind_text(st, 5, p->prev_first);
	sqlite3_bind_int64(st, 6, elderly_age);
	jz_bind_text(st, 7, p->prev_last);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_fig_group g;
		memset(&g, 0, sizeof g);
		jz_col_text(st, 0, g.programme, sizeof g.programme);
		jz_col_text(st, 1, g.mode, sizeof g.mode);
		jz_col_text(st, 2, g.self_care, sizeof g.self_care);
		g.village_id = sqlite3_column_int64(st, 3);
		jz_col_text(st, 4, g.area, sizeof g.area);
		long long *v[] = {&g.households, &g.persons, &g.female, &g.elderly, &g.adult, &g.minor,
				  &g.under16, &g.student, &g.disabled, &g.severe, &g.labour_none,
				  &g.labour_part, &g.cause[0], &g.cause[1], &g.cause[2], &g.cause[3],
				  &g.cause[4], &g.cause[5], &g.new_households, &g.new_persons,
				  &g.exit_households, &g.exit_persons};
		for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
			*v[i] = sqlite3_column_int64(st, 5 + i);
		stop = fn(&g, arg);
	}
	if (stop) {
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "统计保障对象");
}

int jz_store_fig_money(jz_db *db, const struct jz_fig_period *p,
		       int (*fn)(const struct jz_fig_money *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		/* The lines summed per person first (lh), so that the household's
		 * values on day ?3 are looked up once a person, not once a line. */
		"WITH " HOUSEHOLD_CTE ","
		" lh AS (SELECT coalesce(c.programme, l.programme) AS programme, coalesce(c.mode, '') AS mode,"
		"  l.household_id, l.month = ?1 AS this_month, l.person_id, sum(l.amount_fen) AS fen"
		"  FROM roll_line l LEFT JOIN case_file c ON c.id = l.case_id"
		"  WHERE l.month BETWEEN ?2 AND ?1 GROUP BY 1, 2, 3, 4, 5)"
		" SELECT lh.programme, lh.mode, hv.village_id, hv.area, lh.this_month, sum(lh.fen),"
		"  count(DISTINCT lh.person_id)"
		" FROM lh JOIN hv ON hv.id = lh.household_id GROUP BY 1, 2, 3, 4, 5", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, p->month);
	jz_bind_text(st, 2, p->year_first);
	jz_bind_text(st, 3, p->last);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_fig_money m;
		memset(&m, 0, sizeof m);
		jz_col_text(st, 0, m.programme, sizeof m.programme);
		jz_col_text(st, 1, m.mode, sizeof m.mode);
		m.village_id = sqlite3_column_int64(st, 2);
		jz_col_text(st, 3, m.area, sizeof m.area);
		m.this_month = sqlite3_column_int(st, 4);
		m.fen = sqlite3_column_int64(st, 5);
		m.persons = sqlite3_column_int64(st, 6);
		if (fn(&m, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计发放金额");
}

int jz_store_fig_count(jz_db *db, const char *programme, const char *month, long long *persons,
		       long long *households, jz_err *e)
{
	/* Written apart from the grouped query on purpose: a cross-check. */
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT count(DISTINCT m.person_id), count(DISTINCT c.household_id)"
		" FROM case_file c JOIN case_member m ON m.case_id = c.id JOIN person p ON p.id = m.person_id"
		" LEFT JOIN person_past x ON x.rowid = (SELECT rowid FROM person_past"
		"   WHERE person_id = p.id AND changed_on > ?3 ORDER BY changed_on, rowid LIMIT 1)"
		" WHERE c.programme = ?1 AND c.state IN ('在保','渐退','退出') AND c.start_month <> ''"
		"  AND c.start_month <= ?2 AND (c.end_month = '' OR c.end_month >= ?2)"
		"  AND (c.state <> '渐退' OR c.grace_until >= ?2)"
		"  AND (m.until_month = '' OR m.until_month >= ?2)"
		"  AND (coalesce(x.deceased_on, p.deceased_on) = ''"
		"       OR coalesce(x.deceased_on, p.deceased_on) >= ?2 || '-01')", e);
	if (!st)
		return -1;
	char last[11];
	snprintf(last, sizeof last, "%.7s-31", month);
	jz_bind_text(st, 1, programme);
	jz_bind_text(st, 2, month);
	jz_bind_text(st, 3, last);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*persons = sqlite3_column_int64(st, 0);
		*households = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计保障人数");
}

int jz_store_fig_changes(jz_db *db, const struct jz_fig_period *p,
			 int (*fn)(const struct jz_fig_change *, void *), void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"WITH " CASES_CTE ", " HOUSEHOLD_CTE
		" SELECT c.now_in, c.programme, v.name, coalesce(hd.name, ''), coalesce(hd.id_number, ''),"
		"  CASE WHEN c.now_in THEN c.entry_reason ELSE c.exit_reason END,"
		"  coalesce((SELECT total_fen FROM case_amount a WHERE a.case_id = c.id AND a.from_month <= ?2"
		"    ORDER BY a.from_month DESC LIMIT 1), 0),"
		"  coalesce((SELECT total_fen FROM case_amount a WHERE a.case_id = c.id AND a.from_month <= ?1"
		"    ORDER BY a.from_month DESC LIMIT 1), 0),"
		"  (SELECT count(*) FROM case_member m WHERE m.case_id = c.id AND (m.until_month = ''"
		"    OR m.until_month >= CASE WHEN c.now_in THEN ?1 ELSE ?2 END))"
		" FROM c JOIN hv ON hv.id = c.household_id JOIN village v ON v.id = hv.village_id"
		" LEFT JOIN person hd ON hd.household_id = c.household_id AND hd.relation = '户主'"
		" WHERE c.now_in <> c.before_in"
		" ORDER BY c.now_in DESC, v.code, hv.number, c.id", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, p->month);
	jz_bind_text(st, 2, p->prev);
	jz_bind_text(st, 3, p->last);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_fig_change c;
		memset(&c, 0, sizeof c);
		c.entered = sqlite3_column_int(st, 0);
		jz_col_text(st, 1, c.programme, sizeof c.programme);
		jz_col_text(st, 2, c.village, sizeof c.village);
		jz_col_text(st, 3, c.head_name, sizeof c.head_name);
		jz_col_text(st, 4, c.head_id, sizeof c.head_id);
		jz_col_text(st, 5, c.reason, sizeof c.reason);
		c.before_fen = c.entered ? 0 : sqlite3_column_int64(st, 6);
		c.after_fen = c.entered ? sqlite3_column_int64(st, 7) : 0;
		c.persons = sqlite3_column_int64(st, 8);
		if (fn(&c, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "读取增减变动");
}

int jz_store_fig_flows(jz_db *db, const char *programme, const char *from, const char *to,
		       int (*fn)(const struct jz_fig_flow *, void *), void *arg, jz_err *e)
{
	/* An entry: the case's start_month in from..to; an exit: the month after
	 * its end_month (its first month not paid) in from..to. The household's
	 * area and 建档立卡 on the day of the change. */
	sqlite3_stmt *st = jz_stmt(db,
		"WITH f AS ("
		"  SELECT 1 AS entered, id, household_id, entry_reason AS reason,"
		"   start_month || '-01' AS day, start_month AS m FROM case_file"
		"   WHERE programme = ?1 AND state IN ('在保','渐退','退出') AND start_month BETWEEN ?2 AND ?3"
		"  UNION ALL"
		"  SELECT 0, id, household_id, exit_reason, exit_on, end_month FROM case_file"
		"   WHERE programme = ?1 AND state = '退出' AND end_month <> ''"
		"   AND strftime('%Y-%m', end_month || '-01', '+1 month') BETWEEN ?2 AND ?3)"
		" SELECT f.entered, coalesce(y.area, h.area), coalesce(y.jiandang, h.jiandang), f.reason,"
		"  count(DISTINCT f.household_id),"
		"  sum((SELECT count(*) FROM case_member m WHERE m.case_id = f.id"
		"   AND (m.until_month = '' OR m.until_month >= f.m)))"
		" FROM f JOIN household h ON h.id = f.household_id"
		" LEFT JOIN household_past y ON y.rowid = (SELECT rowid FROM household_past"
		"   WHERE household_id = h.id AND changed_on > f.day ORDER BY changed_on, rowid LIMIT 1)"
		" GROUP BY 1, 2, 3, 4 ORDER BY 1 DESC, 2, 3, 4", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, programme);
	jz_bind_text(st, 2, from);
	jz_bind_text(st, 3, to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_fig_flow f;
		memset(&f, 0, sizeof f);
		f.entered = sqlite3_column_int(st, 0);
		jz_col_text(st, 1, f.area, sizeof f.area);
		f.jiandang = sqlite3_column_int(st, 2);
		jz_col_text(st, 3, f.reason, sizeof f.reason);
		f.households = sqlite3_column_int64(st, 4);
		f.persons = sqlite3_column_int64(st, 5);
		if (fn(&f, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计纳入和退出");
}

int jz_store_fig_screening(jz_db *db, const char *day,
			   int (*fn)(const struct jz_fig_screen *, void *), void *arg, jz_err *e)
{
	/* A result counts once its visit is on or before day. */
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT category, CASE WHEN visit_on <> '' AND visit_on <= ?1 THEN result ELSE '' END AS r,"
		"  CASE WHEN visit_on <> '' AND visit_on <= ?1 AND result = '不符合条件' THEN reason ELSE '' END,"
		"  count(*), sum(visit_on <> '' AND visit_on <= ?1),"
		"  sum(closed_on <> '' AND closed_on <= ?1), sum(province_on <> '' AND province_on <= ?1)"
		" FROM screening WHERE list = '001' AND listed_on <= ?1 GROUP BY 1, 2, 3", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, day);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_fig_screen s;
		memset(&s, 0, sizeof s);
		jz_col_text(st, 0, s.category, sizeof s.category);
		jz_col_text(st, 1, s.result, sizeof s.result);
		jz_col_text(st, 2, s.reason, sizeof s.reason);
		s.listed = sqlite3_column_int64(st, 3);
		s.visited = sqlite3_column_int64(st, 4);
		s.closed = sqlite3_column_int64(st, 5);
		s.province = sqlite3_column_int64(st, 6);
		if (fn(&s, arg))
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计排查进展");
}

/* ---- report_month, report_figure ---- */

static void read_month(sqlite3_stmt *st, void *out)
{
	struct jz_report_month *r = out;
	jz_col_text(st, 0, r->progress, sizeof r->progress);
	jz_col_text(st, 1, r->problems, sizeof r->problems);
	jz_col_text(st, 2, r->help, sizeof r->help);
	jz_col_text(st, 3, r->submitted_on, sizeof r->submitted_on);
	jz_col_text(st, 4, r->submitted_by, sizeof r->submitted_by);
}

int jz_store_report_month_get(jz_db *db, const char *month, struct jz_report_month *r, jz_err *e)
{
	memset(r, 0, sizeof *r);
	snprintf(r->month, sizeof r->month, "%s", month);
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT progress, problems, help, submitted_on, submitted_by FROM report_month"
		" WHERE month = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	return jz_stmt_row(db, st, read_month, r, e, "读取月报");
}

int jz_store_report_month_put(jz_db *db, const struct jz_report_month *r, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO report_month(month, progress, problems, help, submitted_on, submitted_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(month) DO UPDATE SET progress = ?2,"
		" problems = ?3, help = ?4, submitted_on = ?5, submitted_by = ?6", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, r->month);
	jz_bind_text(st, 2, r->progress);
	jz_bind_text(st, 3, r->problems);
	jz_bind_text(st, 4, r->help);
	jz_bind_text(st, 5, r->submitted_on);
	jz_bind_text(st, 6, r->submitted_by);
	return jz_stmt_done(db, st, e, "保存月报");
}

static void read_text8(sqlite3_stmt *st, void *out)
{
	jz_col_text(st, 0, out, 8);
}

int jz_store_report_last_submitted(jz_db *db, char out[8], jz_err *e)
{
	out[0] = '\0';
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT max(month) FROM report_month WHERE submitted_on <> ''", e);
	if (!st)
		return -1;
	return jz_stmt_row(db, st, read_text8, out, e, "读取月报报送") < 0 ? -1 : 0;
}

int jz_store_report_figures_clear(jz_db *db, const char *month, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "DELETE FROM report_figure WHERE month = ?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	return jz_stmt_done(db, st, e, "清除月报数字");
}

int jz_store_report_figure_put(jz_db *db, const char *month, const char *tbl, const char *row,
			       const char *col, long long value, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT OR REPLACE INTO report_figure(month, tbl, row_key, col_key, value)"
		" VALUES (?, ?, ?, ?, ?)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	jz_bind_text(st, 2, tbl);
	jz_bind_text(st, 3, row);
	jz_bind_text(st, 4, col);
	sqlite3_bind_int64(st, 5, value);
	return jz_stmt_done(db, st, e, "保存月报数字");
}

int jz_store_report_figures(jz_db *db, const char *month,
			    int (*fn)(const char *tbl, const char *row, const char *col,
				      long long value, void *arg),
			    void *arg, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT tbl, row_key, col_key, value FROM report_figure WHERE month = ?"
		" ORDER BY tbl, row_key, col_key", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, month);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		       (const char *)sqlite3_column_text(st, 2), sqlite3_column_int64(st, 3), arg))
			break;
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "读取已报送的数字");
}
