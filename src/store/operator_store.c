/* operator_store.c — SQL for managing operators (see operator_store.h). */
#include "store/operator_store.h"

int jz_store_operator_update(jz_db *db, const jz_operator *o, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"UPDATE operator SET name=?, roles=?, id_number=?, disabled=? WHERE id=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, o->name);
	jz_bind_text(st, 2, o->roles);
	jz_bind_text(st, 3, o->id_number);
	sqlite3_bind_int(st, 4, o->disabled);
	sqlite3_bind_int64(st, 5, o->id);
	return jz_stmt_done(db, st, e, "修改操作员");
}

int jz_store_operator_set_hash(jz_db *db, jz_rowid id, const char *pw_hash, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE operator SET pw_hash=? WHERE id=?", e);
	if (!st)
		return -1;
	jz_bind_text(st, 1, pw_hash);
	sqlite3_bind_int64(st, 2, id);
	return jz_stmt_done(db, st, e, "修改密码");
}

int jz_store_operator_set_lock(jz_db *db, const jz_operator *o, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "UPDATE operator SET failed=?, locked_until=? WHERE id=?", e);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, o->failed);
	jz_bind_text(st, 2, o->locked_until);
	sqlite3_bind_int64(st, 3, o->id);
	return jz_stmt_done(db, st, e, "记录登录失败次数");
}

int jz_store_operator_list(jz_db *db, jz_operator *out, int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT id, login, name, roles, disabled, id_number, failed, locked_until"
		" FROM operator ORDER BY login", e);
	if (!st)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max) {
			jz_operator *o = &out[n];
			o->id = sqlite3_column_int64(st, 0);
			jz_col_text(st, 1, o->login, sizeof o->login);
			jz_col_text(st, 2, o->name, sizeof o->name);
			jz_col_text(st, 3, o->roles, sizeof o->roles);
			o->disabled = sqlite3_column_int(st, 4);
			jz_col_text(st, 5, o->id_number, sizeof o->id_number);
			o->failed = sqlite3_column_int(st, 6);
			jz_col_text(st, 7, o->locked_until, sizeof o->locked_until);
		}
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取操作员");
}

int jz_store_operator_admins(jz_db *db, jz_err *e)
{
	long long n;
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM operator WHERE disabled = 0"
		" AND instr(',' || roles || ',', ',管理员,') > 0", e);
	if (!st || jz_stmt_int(db, st, &n, e, "读取管理员"))
		return -1;
	return (int)n;
}
