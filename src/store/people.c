/* people.c — SQL for households and persons (see people.h). */
#include "store/people.h"

#include <string.h>

#include "core/clock.h"

#define HH_COLS "id, number, village_id, grp, address, area, poverty_cause, jiandang, tuopin," \
	" monitored, edge, relocated, no_labour, phone, coalesce(closed_on, '')"
#define P_COLS "id, id_number, name, sex, birth, coalesce(household_id, 0), relation, labour," \
	" disability_cat, disability_grade, serious_illness, student, employment, unemployed_since," \
	" unemployment_insurance, phone, bank_account, deceased_on, hukou"

static void read_household(sqlite3_stmt *st, jz_household *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, h->number, sizeof h->number);
	h->village_id = sqlite3_column_int64(st, 2);
	jz_col_text(st, 3, h->grp, sizeof h->grp);
	jz_col_text(st, 4, h->address, sizeof h->address);
	jz_col_text(st, 5, h->area, sizeof h->area);
	jz_col_text(st, 6, h->poverty_cause, sizeof h->poverty_cause);
	h->jiandang = sqlite3_column_int(st, 7);
	jz_col_text(st, 8, h->tuopin, sizeof h->tuopin);
	h->monitored = sqlite3_column_int(st, 9);
	h->edge = sqlite3_column_int(st, 10);
	h->relocated = sqlite3_column_int(st, 11);
	h->no_labour = sqlite3_column_int(st, 12);
	jz_col_text(st, 13, h->phone, sizeof h->phone);
	jz_col_text(st, 14, h->closed_on, sizeof h->closed_on);
}

static void read_person(sqlite3_stmt *st, jz_person *p)
{
	char sex[4];
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, p->id_number, sizeof p->id_number);
	jz_col_text(st, 2, p->name, sizeof p->name);
	jz_col_text(st, 3, sex, sizeof sex);
	p->sex = sex[0];
	jz_col_text(st, 4, p->birth, sizeof p->birth);
	p->household_id = sqlite3_column_int64(st, 5);
	jz_col_text(st, 6, p->relation, sizeof p->relation);
	jz_col_text(st, 7, p->labour, sizeof p->labour);
	jz_col_text(st, 8, p->disability_cat, sizeof p->disability_cat);
	p->disability_grade = sqlite3_column_int(st, 9);
	p->serious_illness = sqlite3_column_int(st, 10);
	p->student = sqlite3_column_int(st, 11);
	jz_col_text(st, 12, p->employment, sizeof p->employment);
	jz_col_text(st, 13, p->unemployed_since, sizeof p->unemployed_since);
	p->unemployment_insurance = sqlite3_column_int(st, 14);
	jz_col_text(st, 15, p->phone, sizeof p->phone);
	jz_col_text(st, 16, p->bank_account, sizeof p->bank_account);
	jz_col_text(st, 17, p->deceased_on, sizeof p->deceased_on);
	jz_col_text(st, 18, p->hukou, sizeof p->hukou);
}

static void hh_cb(sqlite3_stmt *st, void *out) { read_household(st, out); }
static void p_cb(sqlite3_stmt *st, void *out) { read_person(st, out); }

static void bind_household(sqlite3_stmt *st, const jz_household *h)
{
	jz_bind_text(st, 1, h->number);
	sqlite3_bind_int64(st, 2, h->village_id);
	jz_bind_text(st, 3, h->grp);
	jz_bind_text(st, 4, h->address);
	jz_bind_text(st, 5, h->area);
	jz_bind_text(st, 6, h->poverty_cause);
	sqlite3_bind_int(st, 7, h->jiandang);
	jz_bind_text(st, 8, h->tuopin);
	sqlite3_bind_int(st, 9, h->monitored);
	sqlite3_bind_int(st, 10, h->edge);
	sqlite3_bind_int(st, 11, h->relocated);
	sqlite3_bind_int(st, 12, h->no_labour);
	jz_bind_text(st, 13, h->phone);
	jz_bind_text(st, 14, h->closed_on[0] ? h->closed_on : NULL);
}

int jz_store_household_insert(jz_db *db, jz_household *h, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO household(number, village_id, grp, address, area, poverty_cause, jiandang,"
		" tuopin, monitored, edge, relocated, no_labour, phone, closed_on, created_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?, ?)", e);
	if (!st)
		return -1;
	char now[20];
	jz_now(now);
	bind_household(st, h);
	jz_bind_text(st, 15, now);
	if (jz_stmt_done(db, st, e, "新增家庭"))
		return -1;
	h->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_household_update(jz_db *db, const jz_household *h, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE household SET number=?, village_id=?, grp=?, address=?, area=?, poverty_cause=?,"
		" jiandang=?, tuopin=?, monitored=?, edge=?, relocated=?, no_labour=?, phone=?,"
		" closed_on=? WHERE id=?", e);
	if (!st)
		return -1;
	bind_household(st, h);
	sqlite3_bind_int64(st, 15, h->id);
	return jz_stmt_done(db, st, e, "修改家庭");
}

int jz_store_household_get(jz_db *db, jz_rowid id, jz_household *h, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " HH_COLS " FROM household WHERE id=?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, hh_cb, h, e, "读取家庭");
}

int jz_store_household_by_number(jz_db *db, const char *number, jz_household *h, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " HH_COLS " FROM household WHERE number=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, number);
	return jz_stmt_row(db, st, hh_cb, h, e, "读取家庭");
}

int jz_store_household_max_serial(jz_db *db, const char *prefix, jz_err *e)
{
	/* The range on number lets its unique index find the prefix's rows
	 * (not a scan of the whole table for each new number). */
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT coalesce(max(CAST(substr(number, length(?1) + 1) AS INTEGER)), 0)"
		" FROM household WHERE number >= ?1 AND number < ?1 || char(1114111)"
		" AND substr(number, 1, length(?1)) = ?1", e);
	if (!st)
		return -1;
	long long n;
	jz_bind_text(st, 1, prefix);
	return jz_stmt_int(db, st, &n, e, "读取家庭编号") ? -1 : (int)n;
}

static void bind_person(sqlite3_stmt *st, const jz_person *p)
{
	jz_bind_text(st, 1, p->id_number);
	jz_bind_text(st, 2, p->name);
	if (p->household_id)
		sqlite3_bind_int64(st, 3, p->household_id);
	else
		sqlite3_bind_null(st, 3);
	jz_bind_text(st, 4, p->relation);
	jz_bind_text(st, 5, p->labour);
	jz_bind_text(st, 6, p->disability_cat);
	sqlite3_bind_int(st, 7, p->disability_grade);
	sqlite3_bind_int(st, 8, p->serious_illness);
	sqlite3_bind_int(st, 9, p->student);
	jz_bind_text(st, 10, p->employment);
	jz_bind_text(st, 11, p->unemployed_since);
	sqlite3_bind_int(st, 12, p->unemployment_insurance);
	jz_bind_text(st, 13, p->phone);
	jz_bind_text(st, 14, p->bank_account);
	jz_bind_text(st, 15, p->deceased_on);
	jz_bind_text(st, 16, p->hukou);
}

int jz_store_person_insert(jz_db *db, jz_person *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO person(id_number, name, household_id, relation, labour, disability_cat,"
		" disability_grade, serious_illness, student, employment, unemployed_since,"
		" unemployment_insurance, phone, bank_account, deceased_on, hukou, created_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, ?)", e);
	if (!st)
		return -1;
	char now[20];
	jz_now(now);
	bind_person(st, p);
	jz_bind_text(st, 17, now);
	if (jz_stmt_done(db, st, e, "新增人员"))
		return -1;
	p->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_person_update(jz_db *db, const jz_person *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE person SET id_number=?, name=?, household_id=?, relation=?, labour=?,"
		" disability_cat=?, disability_grade=?, serious_illness=?, student=?, employment=?,"
		" unemployed_since=?, unemployment_insurance=?, phone=?, bank_account=?,"
		" deceased_on=?, hukou=? WHERE id=?", e);
	if (!st)
		return -1;
	bind_person(st, p);
	sqlite3_bind_int64(st, 17, p->id);
	return jz_stmt_done(db, st, e, "修改人员");
}

int jz_store_person_get(jz_db *db, jz_rowid id, jz_person *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " P_COLS " FROM person WHERE id=?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return jz_stmt_row(db, st, p_cb, p, e, "读取人员");
}

int jz_store_person_by_idno(jz_db *db, const char *id_number, jz_person *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " P_COLS " FROM person WHERE id_number=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, id_number);
	return jz_stmt_row(db, st, p_cb, p, e, "读取人员");
}

int jz_store_household_head(jz_db *db, jz_rowid household_id, jz_person *p, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT " P_COLS " FROM person WHERE household_id=? AND relation='户主'", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, household_id);
	return jz_stmt_row(db, st, p_cb, p, e, "读取户主");
}

int jz_store_members(jz_db *db, jz_rowid household_id, jz_person *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT " P_COLS " FROM person WHERE household_id=?"
		" ORDER BY relation <> '户主', birth, id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, household_id);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			read_person(st, &out[n]);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取家庭成员");
}

int jz_store_counts(jz_db *db, struct jz_counts *c, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT (SELECT count(*) FROM village),"
		" (SELECT count(*) FROM household WHERE closed_on IS NULL),"
		" (SELECT count(*) FROM person WHERE household_id IS NOT NULL AND deceased_on = '')", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->villages = sqlite3_column_int64(st, 0);
		c->households = sqlite3_column_int64(st, 1);
		c->persons = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, "统计");
}

int jz_store_dead_heads(jz_db *db, int (*fn)(const jz_household *, const jz_person *, void *),
			void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT " P_COLS ", (SELECT number FROM household h WHERE h.id = person.household_id) AS hn"
		" FROM person WHERE relation = '户主' AND deceased_on <> '' AND household_id IN"
		" (SELECT id FROM household WHERE closed_on IS NULL) ORDER BY hn", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取户主");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		jz_person p;
		jz_household h = {0};
		read_person(st, &p);
		h.id = p.household_id;
		jz_col_text(st, 19, h.number, sizeof h.number);
		if (fn(&h, &p, arg))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "读取户主");
}
