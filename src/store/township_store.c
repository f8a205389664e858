/* township_store.c — SQL for the township, villages, operators, settings. */
#include "store/township_store.h"

#include <string.h>

#include "core/clock.h"

int jz_store_township_insert(jz_db *db, const jz_township *t, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO township(id, name, county, area_code, phone, is_demo, created_at)"
		" VALUES (1,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(now);
	jz_bind_text(st, 1, t->name);
	jz_bind_text(st, 2, t->county);
	jz_bind_text(st, 3, t->area_code);
	jz_bind_text(st, 4, t->phone);
	sqlite3_bind_int(st, 5, t->is_demo);
	jz_bind_text(st, 6, now);
	return jz_stmt_done(db, st, e, "建立乡镇");
}

int jz_store_township_update(jz_db *db, const jz_township *t, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE township SET name=?, county=?, area_code=?, phone=? WHERE id=1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, t->name);
	jz_bind_text(st, 2, t->county);
	jz_bind_text(st, 3, t->area_code);
	jz_bind_text(st, 4, t->phone);
	return jz_stmt_done(db, st, e, "修改乡镇");
}

int jz_store_township_get(jz_db *db, jz_township *t, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT name, county, area_code, phone, is_demo, created_at FROM township WHERE id=1", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		jz_col_text(st, 0, t->name, sizeof t->name);
		jz_col_text(st, 1, t->county, sizeof t->county);
		jz_col_text(st, 2, t->area_code, sizeof t->area_code);
		jz_col_text(st, 3, t->phone, sizeof t->phone);
		t->is_demo = sqlite3_column_int(st, 4);
		jz_col_text(st, 5, t->created_at, sizeof t->created_at);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取乡镇");
	return rc == SQLITE_ROW;
}

#define V_COLS "id, code, name, kind, area, groups"

static void read_village(sqlite3_stmt *st, jz_village *v)
{
	v->id = sqlite3_column_int64(st, 0);
	jz_col_text(st, 1, v->code, sizeof v->code);
	jz_col_text(st, 2, v->name, sizeof v->name);
	jz_col_text(st, 3, v->kind, sizeof v->kind);
	jz_col_text(st, 4, v->area, sizeof v->area);
	v->groups = sqlite3_column_int(st, 5);
}

int jz_store_village_insert(jz_db *db, jz_village *v, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO village(code, name, kind, area, groups) VALUES (?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, v->code);
	jz_bind_text(st, 2, v->name);
	jz_bind_text(st, 3, v->kind);
	jz_bind_text(st, 4, v->area);
	sqlite3_bind_int(st, 5, v->groups);
	if (jz_stmt_done(db, st, e, "新增村（社区）"))
		return -1;
	v->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

static void village_one_cb(sqlite3_stmt *st, void *out) { read_village(st, out); }

static int village_one(jz_db *db, sqlite3_stmt *st, jz_village *v, jz_err *e)
{
	return jz_stmt_row(db, st, village_one_cb, v, e, "读取村（社区）");
}

int jz_store_village_get(jz_db *db, jz_rowid id, jz_village *v, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " V_COLS " FROM village WHERE id=?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return village_one(db, st, v, e);
}

int jz_store_village_by_name(jz_db *db, const char *name, jz_village *v, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " V_COLS " FROM village WHERE name=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, name);
	return village_one(db, st, v, e);
}

int jz_store_villages(jz_db *db, jz_village *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT " V_COLS " FROM village ORDER BY code", e);
	if (!st)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			read_village(st, &out[n]);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取村（社区）");
}

int jz_store_operator_insert(jz_db *db, jz_operator *o, const char *pw_hash, jz_err *e)
{
	char now[20];
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO operator(login, name, roles, pw_hash, disabled, created_at)"
		" VALUES (?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	jz_now(now);
	jz_bind_text(st, 1, o->login);
	jz_bind_text(st, 2, o->name);
	jz_bind_text(st, 3, o->roles);
	jz_bind_text(st, 4, pw_hash);
	sqlite3_bind_int(st, 5, o->disabled);
	jz_bind_text(st, 6, now);
	if (jz_stmt_done(db, st, e, "新增操作员"))
		return -1;
	o->id = sqlite3_last_insert_rowid(jz_db_handle(db));
	return 0;
}

int jz_store_operator_get(jz_db *db, const char *login, jz_operator *o,
			  char *pw_hash, size_t n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT id, login, name, roles, disabled, pw_hash, id_number, failed, locked_until"
		" FROM operator WHERE login=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, login);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->id = sqlite3_column_int64(st, 0);
		jz_col_text(st, 1, o->login, sizeof o->login);
		jz_col_text(st, 2, o->name, sizeof o->name);
		jz_col_text(st, 3, o->roles, sizeof o->roles);
		o->disabled = sqlite3_column_int(st, 4);
		if (pw_hash)
			jz_col_text(st, 5, pw_hash, n);
		jz_col_text(st, 6, o->id_number, sizeof o->id_number);
		o->failed = sqlite3_column_int(st, 7);
		jz_col_text(st, 8, o->locked_until, sizeof o->locked_until);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取操作员");
	return rc == SQLITE_ROW;
}

int jz_store_operator_count(jz_db *db, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM operator", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return n < 0 ? jz_db_fail(db, e, "读取操作员") : n;
}

int jz_store_setting_get(jz_db *db, const char *key, const char *area, const char *date,
			 char *buf, size_t n, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT value FROM setting WHERE key=?1 AND area IN (?2, '*') AND from_date <= ?3"
		" ORDER BY from_date DESC, area = '*' LIMIT 1", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, key);
	jz_bind_text(st, 2, area ? area : "*");
	jz_bind_text(st, 3, date);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		jz_col_text(st, 0, buf, n);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取设置");
	return rc == SQLITE_ROW;
}

int jz_store_setting_put(jz_db *db, const char *key, const char *area, const char *from_date,
			 const char *value, const char *note, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO setting(key, area, from_date, value, note) VALUES (?,?,?,?,?)"
		" ON CONFLICT(key, area, from_date) DO UPDATE SET value=excluded.value, note=excluded.note", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, key);
	jz_bind_text(st, 2, area ? area : "*");
	jz_bind_text(st, 3, from_date);
	jz_bind_text(st, 4, value);
	jz_bind_text(st, 5, note ? note : "");
	return jz_stmt_done(db, st, e, "保存设置");
}

int jz_store_settings_list(jz_db *db, const char *prefix, struct jz_setting_row *out, int max,
			   jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT key, area, from_date, value, note FROM setting WHERE substr(key, 1, length(?1)) = ?1"
		" ORDER BY key, area, from_date DESC", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, prefix);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max) {
			struct jz_setting_row *r = &out[n];
			jz_col_text(st, 0, r->key, sizeof r->key);
			jz_col_text(st, 1, r->area, sizeof r->area);
			jz_col_text(st, 2, r->from_date, sizeof r->from_date);
			jz_col_text(st, 3, r->value, sizeof r->value);
			jz_col_text(st, 4, r->note, sizeof r->note);
		}
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取设置");
}
