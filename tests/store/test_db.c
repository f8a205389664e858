/* test_db.c — the database file (store/db.c, store/migrate.c): what a new
 * file looks like, upgrading an old one, refusing files that are not ours
 * or are newer (without touching them), nested transactions, the hash chain
 * of the event trail (store/event.c) and dated settings.
 * "Today" is always 2026-11-27; the real clock is never read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/household.h"
#include "core/settings.h"
#include "store/event.h"
#include "store/migrate.h"
#include "store/people.h"

static const char ZEROS[] = "0000000000000000000000000000000000000000000000000000000000000000";

/* ---- helpers ---- */

struct tmp {
	char dir[64];
	char path[128];
};

static void tmp_make(struct tmp *t, const char *name)
{
	tu_fix_clock();
	tu_tmpdir(t->dir, sizeof t->dir);
	tu_path(t->path, sizeof t->path, t->dir, name);
}

static int raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_exec(sqlite3 *h, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		print_error("SQL %s: %s\n", sql, err ? err : "?");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
}

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
			 SQLITE_OK);
	return h;
}

/* Opening path in every mode is refused with a message containing word,
 * and the file's bytes are the same afterwards. */
static void assert_refused_untouched(const char *path, const char *word)
{
	static const int modes[] = {JZ_OPEN_EXISTING, JZ_OPEN_CREATE, JZ_OPEN_READONLY};
	size_t n0, n1;
	char *before = tu_slurp(path, &n0);
	assert_non_null(before);
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		jz_err e;
		jz_err_clear(&e);
		assert_null(jz_db_open(path, modes[i], &e));
		assert_int_equal(e.code, JZ_EDATA);
		tu_assert_msg(&e, word);
		tu_assert_msg(&e, path);
	}
	char *after = tu_slurp(path, &n1);
	assert_non_null(after);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
}

/* ---- a new file ---- */

static void test_new_file(void **state)
{
	struct tmp t;
	struct stat sb;
	char mode[16];
	jz_err e;
	tmp_make(&t, "new.db");
	jz_db *db = jz_db_open(t.path, JZ_OPEN_CREATE, &e);
	assert_non_null(db);
	assert_int_equal(tu_count(db, "PRAGMA application_id"), 1247430741);
	assert_int_equal(tu_count(db, "PRAGMA application_id"), JZ_APPLICATION_ID);
	assert_int_equal(tu_count(db, "PRAGMA user_version"), jz_db_schema_latest());
	assert_int_equal(jz_db_schema_version(db), jz_db_schema_latest());
	assert_int_equal(jz_db_schema_latest(), jz_migrate_latest());
	tu_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	assert_string_equal(mode, "wal");
	assert_int_equal(tu_count(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_count(db, "PRAGMA synchronous"), 2); /* FULL */
	assert_string_equal(jz_db_path(db), t.path);
	assert_int_equal(jz_tx_depth(db), 0);
	/* The v2 triggers are there from the start. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"
				      " AND name IN ('event_no_update', 'event_no_delete')"), 2);
	/* The default settings of migration 1. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM setting WHERE key='dibao.grace_months'"), 1);
	assert_int_equal(stat(t.path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	jz_db_close(db);

	/* Opening it again as an existing file works and changes nothing. */
	db = jz_db_open(t.path, JZ_OPEN_EXISTING, &e);
	assert_non_null(db);
	assert_int_equal(jz_db_schema_version(db), jz_db_schema_latest());
	jz_db_close(db);
	db = jz_db_open(t.path, JZ_OPEN_READONLY, &e);
	assert_non_null(db);
	assert_int_equal(tu_count(db, "PRAGMA foreign_keys"), 1);
	jz_err_clear(&e);
	assert_int_equal(jz_store_setting_put(db, "x", "*", "2026-01-01", "1", NULL, &e), -1);
	assert_int_equal(e.code, JZ_EDATA);
	tu_assert_msg(&e, "只读");
	jz_db_close(db);
	jz_db_close(NULL); /* harmless */
	tu_rmdir(t.dir);
}

/* ---- a v1 file opened by this program ---- */

static void test_v1_file_upgraded(void **state)
{
	struct tmp t;
	jz_err e;
	tmp_make(&t, "v1.db");
	sqlite3 *h = raw_open(t.path);
	raw_exec(h, "PRAGMA application_id=1247430741");
	jz_err_clear(&e);
	assert_int_equal(jz_migrate(h, 1, &e), 0);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"), 0);
	raw_exec(h,
		"INSERT INTO township(id, name, county, area_code, created_at)"
		" VALUES (1, '南门镇', '开州区', '500154', '2025-03-01T08:00:00');"
		"INSERT INTO village(id, code, name, kind, area) VALUES (1, '01', '东山村', '村', '农村');"
		"INSERT INTO household(id, number, village_id, area, created_at)"
		" VALUES (1, '010001', 1, '农村', '2025-03-01T08:00:00');"
		"INSERT INTO person(id, id_number, name, household_id, relation, created_at)"
		" VALUES (1, '11010519491231002X', '李秀英', 1, '户主', '2025-03-01T08:00:00');");
	/* One event, hashed as the program would. */
	jz_event ev = {.id = 1, .at = "2025-03-01T08:00:00", .operator_ = "admin",
		       .action = "household.add", .entity = "household", .entity_id = 1,
		       .household_id = 1, .old_text = "", .new_text = "户编号=010001\n", .reason = "v1"};
	char hash[65], sql[1024];
	jz_event_hash(ZEROS, &ev, hash);
	snprintf(sql, sizeof sql,
		 "INSERT INTO event(id, at, operator, action, entity, entity_id, household_id,"
		 " old, new, reason, prev_hash, hash) VALUES (1, '%s', '%s', '%s', '%s', 1, 1,"
		 " '', '%s', '%s', '%s', '%s')",
		 ev.at, ev.operator_, ev.action, ev.entity, ev.new_text, ev.reason, ZEROS, hash);
	raw_exec(h, sql);
	/* Version 1 had no triggers: the trail could still be changed. */
	raw_exec(h, "UPDATE event SET reason = reason WHERE id = 1");
	assert_int_equal(sqlite3_close(h), SQLITE_OK);

	jz_err_clear(&e);
	jz_db *db = jz_db_open(t.path, JZ_OPEN_EXISTING, &e);
	if (!db)
		print_error("open v1: %s\n", e.msg);
	assert_non_null(db);
	assert_int_equal(jz_db_schema_version(db), jz_db_schema_latest());
	assert_int_equal(tu_count(db, "PRAGMA user_version"), jz_db_schema_latest());
	assert_int_equal(tu_count(db, "PRAGMA application_id"), JZ_APPLICATION_ID);

	/* The rows are intact, and readable through the store and the core. */
	jz_township tw;
	assert_int_equal(jz_township_load(db, &tw, &e), 0);
	assert_string_equal(tw.name, "南门镇");
	assert_string_equal(tw.area_code, "500154");
	jz_household hh;
	assert_int_equal(jz_store_household_by_number(db, "010001", &hh, &e), 1);
	assert_int_equal(hh.id, 1);
	assert_int_equal(hh.village_id, 1);
	jz_person p;
	assert_int_equal(jz_store_person_by_idno(db, "11010519491231002X", &p, &e), 1);
	assert_string_equal(p.name, "李秀英");
	assert_int_equal(p.sex, 'F');
	assert_string_equal(p.birth, "1949-12-31");
	assert_int_equal(p.household_id, 1);
	assert_string_equal(p.relation, "户主");
	char buf[128];
	tu_text(db, "SELECT hash FROM event WHERE id = 1", buf, sizeof buf);
	assert_string_equal(buf, hash);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);

	/* Version 2's triggers refuse changing or deleting the trail. */
	sqlite3 *hd = jz_db_handle(db);
	assert_int_not_equal(sqlite3_exec(hd, "UPDATE event SET reason = 'x' WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(hd), "操作记录不可修改"));
	assert_int_not_equal(sqlite3_exec(hd, "DELETE FROM event WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(hd), "操作记录不可删除"));
	tu_text(db, "SELECT reason FROM event WHERE id = 1", buf, sizeof buf);
	assert_string_equal(buf, "v1");
	/* and its indexes exist. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN"
				      " ('event_household','event_entity','person_name','household_village')"), 4);
	/* Now the file is in WAL mode like a new one. */
	tu_text(db, "PRAGMA journal_mode", buf, sizeof buf);
	assert_string_equal(buf, "wal");

	/* New writes continue the chain from the v1 event. */
	jz_event next = {.operator_ = "admin", .action = "test", .entity = "household",
			 .entity_id = 1, .household_id = 1};
	assert_int_equal(jz_tx_begin(db, &e), 0);
	assert_int_equal(jz_event_append(db, &next, &e), 0);
	assert_int_equal(jz_tx_commit(db, &e), 0);
	assert_int_equal(next.id, 2);
	tu_text(db, "SELECT prev_hash FROM event WHERE id = 2", buf, sizeof buf);
	assert_string_equal(buf, hash);
	jz_db_close(db);
	tu_rmdir(t.dir);
}

/* A step that fails is rolled back whole: the file stays at version 1. */
static void test_failed_migration_keeps_version(void **state)
{
	struct tmp t;
	jz_err e;
	tmp_make(&t, "v1bad.db");
	sqlite3 *h = raw_open(t.path);
	raw_exec(h, "PRAGMA application_id=1247430741");
	assert_int_equal(jz_migrate(h, 1, &e), 0);
	/* Takes the name an index of version 2 needs. */
	raw_exec(h, "CREATE TABLE person_name(x)");
	assert_int_equal(sqlite3_close(h), SQLITE_OK);

	jz_err_clear(&e);
	assert_null(jz_db_open(t.path, JZ_OPEN_EXISTING, &e));
	assert_int_equal(e.code, JZ_EDATA);
	tu_assert_msg(&e, "第 2 版");

	h = raw_open(t.path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), 1);
	/* The triggers created earlier in the same step were rolled back. */
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"), 0);
	assert_int_equal(sqlite3_close(h), SQLITE_OK);
	tu_rmdir(t.dir);
}

/* jz_migrate itself refuses a newer file, whatever the target. */
static void test_migrate_refuses_newer(void **state)
{
	sqlite3 *h = NULL;
	jz_err e;
	char sql[64];
	assert_int_equal(sqlite3_open(":memory:", &h), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", jz_migrate_latest() + 1);
	raw_exec(h, sql);
	jz_err_clear(&e);
	assert_int_equal(jz_migrate(h, jz_migrate_latest(), &e), -1);
	tu_assert_msg(&e, "更新版本");
	assert_int_equal(raw_int(h, "PRAGMA user_version"), jz_migrate_latest() + 1);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master"), 0);
	/* Migrating an up-to-date file again does nothing. */
	raw_exec(h, "PRAGMA user_version=0");
	assert_int_equal(jz_migrate(h, jz_migrate_latest(), &e), 0);
	long long n = raw_int(h, "SELECT count(*) FROM sqlite_master");
	assert_int_equal(jz_migrate(h, jz_migrate_latest(), &e), 0);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master"), n);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), jz_migrate_latest());
	sqlite3_close(h);
}

/* ---- files that are not ours, or newer ---- */

static void test_newer_file_refused(void **state)
{
	struct tmp t;
	jz_err e;
	char sql[64];
	tmp_make(&t, "newer.db");
	jz_db *db = jz_db_open(t.path, JZ_OPEN_CREATE, &e);
	assert_non_null(db);
	jz_db_close(db);
	sqlite3 *h = raw_open(t.path);
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", jz_db_schema_latest() + 1);
	raw_exec(h, sql);
	assert_int_equal(sqlite3_close(h), SQLITE_OK);

	assert_refused_untouched(t.path, "更新版本");

	h = raw_open(t.path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"), jz_db_schema_latest() + 1);
	assert_int_equal(sqlite3_close(h), SQLITE_OK);
	tu_rmdir(t.dir);
}

static void test_foreign_sqlite_refused(void **state)
{
	struct tmp t;
	tmp_make(&t, "other.db");
	sqlite3 *h = raw_open(t.path);
	raw_exec(h, "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('别人的数据');");
	assert_int_equal(sqlite3_close(h), SQLITE_OK);

	assert_refused_untouched(t.path, "不是救助台的数据文件");
	jz_err e;
	jz_err_clear(&e);
	assert_null(jz_db_open(t.path, JZ_OPEN_EXISTING, &e));
	tu_assert_msg(&e, "别的程序");

	h = raw_open(t.path);
	assert_int_equal(raw_int(h, "PRAGMA application_id"), 0);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM notes"), 1);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_master"), 1);
	assert_int_equal(sqlite3_close(h), SQLITE_OK);
	tu_rmdir(t.dir);
}

static void test_not_sqlite_refused(void **state)
{
	struct tmp t;
	char text[2048] = "";
	tmp_make(&t, "notes.txt");
	for (int i = 0; i < 40; i++)
		strcat(text, "这不是数据库，只是一段文字。hello\n");
	tu_write_file(t.path, text, strlen(text));
	assert_refused_untouched(t.path, "不是 SQLite 数据库");

	/* A short text file too. */
	tu_write_file(t.path, "hello\n", 6);
	assert_refused_untouched(t.path, "不是 SQLite 数据库");
	tu_rmdir(t.dir);
}

static void test_missing_and_empty_file(void **state)
{
	struct tmp t;
	struct stat sb;
	jz_err e;
	tmp_make(&t, "missing.db");
	jz_err_clear(&e);
	assert_null(jz_db_open(t.path, JZ_OPEN_EXISTING, &e));
	assert_int_equal(e.code, JZ_EDATA);
	tu_assert_msg(&e, "jiuzhu init");
	tu_assert_msg(&e, t.path);
	assert_int_equal(stat(t.path, &sb), -1); /* not created */
	jz_err_clear(&e);
	assert_null(jz_db_open(t.path, JZ_OPEN_READONLY, &e));
	tu_assert_msg(&e, "jiuzhu init");
	assert_int_equal(stat(t.path, &sb), -1);

	/* A file in a directory that does not exist cannot be created. */
	char bad[192];
	snprintf(bad, sizeof bad, "%s/no/such/dir/x.db", t.dir);
	jz_err_clear(&e);
	assert_null(jz_db_open(bad, JZ_OPEN_CREATE, &e));
	tu_assert_msg(&e, "无法创建");

	/* An empty file is not opened as an existing database... */
	tu_write_file(t.path, "", 0);
	jz_err_clear(&e);
	assert_null(jz_db_open(t.path, JZ_OPEN_EXISTING, &e));
	tu_assert_msg(&e, "空文件");
	assert_int_equal(stat(t.path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	/* ...but may become a new one. */
	jz_db *db = jz_db_open(t.path, JZ_OPEN_CREATE, &e);
	assert_non_null(db);
	assert_int_equal(jz_db_schema_version(db), jz_db_schema_latest());
	jz_db_close(db);
	tu_rmdir(t.dir);
}

/* ---- transactions ---- */

static int has_setting(jz_db *db, const char *key)
{
	char buf[16];
	jz_err e;
	int r = jz_store_setting_get(db, key, "*", "2026-11-27", buf, sizeof buf, &e);
	assert_true(r >= 0);
	return r;
}

static void put(jz_db *db, const char *key)
{
	jz_err e;
	assert_int_equal(jz_store_setting_put(db, key, "*", "2026-01-01", "1", NULL, &e), 0);
}

static void test_nested_transactions(void **state)
{
	struct tmp t;
	jz_err e;
	tmp_make(&t, "tx.db");
	jz_db *db = tu_open_new(t.path);

	/* Inner rollback keeps the outer work. */
	assert_int_equal(jz_tx_begin(db, &e), 0);
	put(db, "t.outer");
	assert_int_equal(jz_tx_begin(db, &e), 0);
	assert_int_equal(jz_tx_depth(db), 2);
	put(db, "t.inner");
	assert_true(has_setting(db, "t.inner"));
	jz_tx_rollback(db);
	assert_int_equal(jz_tx_depth(db), 1);
	assert_false(has_setting(db, "t.inner"));
	assert_true(has_setting(db, "t.outer"));
	/* A second inner level after the rollback works too. */
	assert_int_equal(jz_tx_begin(db, &e), 0);
	put(db, "t.inner2");
	assert_int_equal(jz_tx_commit(db, &e), 0);
	assert_int_equal(jz_tx_depth(db), 1);
	assert_int_equal(jz_tx_commit(db, &e), 0);
	assert_int_equal(jz_tx_depth(db), 0);
	assert_true(has_setting(db, "t.outer"));
	assert_true(has_setting(db, "t.inner2"));
	assert_false(has_setting(db, "t.inner"));

	/* Outer rollback removes everything, committed inner levels included. */
	assert_int_equal(jz_tx_begin(db, &e), 0);
	put(db, "u.outer");
	assert_int_equal(jz_tx_begin(db, &e), 0);
	put(db, "u.inner");
	assert_int_equal(jz_tx_begin(db, &e), 0);
	put(db, "u.inner3");
	assert_int_equal(jz_tx_commit(db, &e), 0);
	assert_int_equal(jz_tx_commit(db, &e), 0);
	jz_tx_rollback(db);
	assert_int_equal(jz_tx_depth(db), 0);
	assert_false(has_setting(db, "u.outer"));
	assert_false(has_setting(db, "u.inner"));
	assert_false(has_setting(db, "u.inner3"));

	/* Commit or rollback with nothing open. */
	jz_err_clear(&e);
	assert_int_equal(jz_tx_commit(db, &e), -1);
	tu_assert_msg(&e, "没有进行中的事务");
	jz_tx_rollback(db);
	assert_int_equal(jz_tx_depth(db), 0);

	/* The work survives closing and reopening. */
	jz_db_close(db);
	db = jz_db_open(t.path, JZ_OPEN_EXISTING, &e);
	assert_non_null(db);
	assert_true(has_setting(db, "t.outer"));
	assert_false(has_setting(db, "u.outer"));

	/* An event outside a transaction is refused. */
	jz_event ev = {.operator_ = "admin", .action = "x", .entity = "x"};
	jz_err_clear(&e);
	assert_int_equal(jz_event_append(db, &ev, &e), -1);
	tu_assert_msg(&e, "事务");
	assert_int_equal(jz_event_count(db), 0);
	jz_db_close(db);
	tu_rmdir(t.dir);
}

/* ---- the event chain ---- */

static void add_people(tu_fixture *f)
{
	jz_err e;
	char id[19];
	jz_household h = {.village_id = f->cun.id};
	jz_person head = {.relation = "本人"};
	snprintf(head.name, sizeof head.name, "张建国");
	tu_id("50015419800101001", head.id_number);
	jz_err_clear(&e);
	assert_int_equal(jz_household_create(&f->s, &h, &head, "新申请", &e), 0);
	jz_person wife = {.relation = "配偶", .phone = "13812345678"};
	snprintf(wife.name, sizeof wife.name, "李秀兰");
	snprintf(wife.id_number, sizeof wife.id_number, "%s", tu_id("50015419820304002", id));
	assert_int_equal(jz_member_add(&f->s, h.id, &wife, "登记", &e), 0);
	snprintf(wife.phone, sizeof wife.phone, "13987654321");
	assert_int_equal(jz_person_update(&f->s, &wife, "换号码", &e), 0);
	assert_int_equal(jz_person_died(&f->s, head.id, "2026-05-01", "村委会报告", &e), 0);
	assert_int_equal(jz_head_change(&f->s, wife.id, "配偶", "原户主去世", &e), 0);
	assert_int_equal(jz_setting_set(&f->s, "dibao.grace_months", "*", "2026-01-01", "9", "调整", &e), 0);
}

static void test_event_chain(void **state)
{
	tu_fixture *f = *state;
	add_people(f);
	jz_db *db = f->db;
	long long n = jz_event_count(db);
	assert_true(n >= 9);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM event"), n);

	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT id, at, operator, action, entity, entity_id, coalesce(household_id, 0),"
		" old, new, reason, prev_hash, hash FROM event ORDER BY id", -1, &st, NULL), SQLITE_OK);
	char prev[65];
	snprintf(prev, sizeof prev, "%s", ZEROS);
	long long want_id = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		jz_event ev = {0};
		char hash[65], stored_prev[65], stored_hash[65];
		ev.id = sqlite3_column_int64(st, 0);
		jz_col_text(st, 1, ev.at, sizeof ev.at);
		jz_col_text(st, 2, ev.operator_, sizeof ev.operator_);
		jz_col_text(st, 3, ev.action, sizeof ev.action);
		jz_col_text(st, 4, ev.entity, sizeof ev.entity);
		ev.entity_id = sqlite3_column_int64(st, 5);
		ev.household_id = sqlite3_column_int64(st, 6);
		ev.old_text = (const char *)sqlite3_column_text(st, 7);
		ev.new_text = (const char *)sqlite3_column_text(st, 8);
		ev.reason = (const char *)sqlite3_column_text(st, 9);
		jz_col_text(st, 10, stored_prev, sizeof stored_prev);
		jz_col_text(st, 11, stored_hash, sizeof stored_hash);
		assert_int_equal(ev.id, want_id++);
		assert_string_equal(ev.at, TU_NOW);
		assert_string_equal(stored_prev, prev);
		assert_int_equal(strlen(stored_hash), 64);
		jz_event_hash(stored_prev, &ev, hash);
		assert_string_equal(hash, stored_hash);
		/* Any changed field gives another hash. */
		jz_event forged = ev;
		forged.reason = "篡改";
		jz_event_hash(stored_prev, &forged, hash);
		assert_string_not_equal(hash, stored_hash);
		forged = ev;
		forged.household_id++;
		jz_event_hash(stored_prev, &forged, hash);
		assert_string_not_equal(hash, stored_hash);
		memcpy(prev, stored_hash, sizeof prev);
	}
	sqlite3_finalize(st);
	assert_int_equal(want_id - 1, n);

	char first[65];
	tu_text(db, "SELECT prev_hash FROM event WHERE id = 1", first, sizeof first);
	assert_string_equal(first, ZEROS);

	/* The trail cannot be changed or shortened, not even its last row. */
	sqlite3 *h = jz_db_handle(db);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE event SET reason = '改'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE event SET hash = prev_hash WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM event WHERE id = (SELECT max(id) FROM event)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM event", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(jz_event_count(db), n);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM event WHERE reason = '改'"), 0);
}

/* The hash is over the documented fields, NULL texts counting as empty. */
static void test_event_hash_fields(void **state)
{
	jz_event a = {.id = 3, .at = "2026-11-27T09:30:00", .operator_ = "admin", .action = "x",
		      .entity = "person", .entity_id = 7, .household_id = 0};
	jz_event b = a;
	char ha[65], hb[65];
	b.old_text = b.new_text = b.reason = "";
	jz_event_hash(ZEROS, &a, ha);
	jz_event_hash(ZEROS, &b, hb);
	assert_string_equal(ha, hb);
	jz_event_hash("1111111111111111111111111111111111111111111111111111111111111111", &a, hb);
	assert_string_not_equal(ha, hb);
	/* Field boundaries matter: "ab"+"" differs from "a"+"b". */
	b = a;
	b.old_text = "ab";
	b.new_text = "";
	jz_event_hash(ZEROS, &b, ha);
	b.old_text = "a";
	b.new_text = "b";
	jz_event_hash(ZEROS, &b, hb);
	assert_string_not_equal(ha, hb);
	for (int i = 0; i < 64; i++)
		assert_true(strchr("0123456789abcdef", ha[i]) != NULL);
	assert_int_equal(ha[64], '\0');
}

/* The old and new texts are "字段=值\n" lines and are fed with a "\n"
 * separator only, so text can be moved from one field to the next without
 * changing the hash: an event saying 住址 went from X to Y can be rewritten
 * to say nothing new at all, and the chain still verifies. */
static void test_event_hash_binds_field_boundaries(void **state)
{
	jz_event real = {.id = 5, .at = "2026-11-27T09:30:00", .operator_ = "admin",
			 .action = "household.update", .entity = "household", .entity_id = 1,
			 .household_id = 1, .old_text = "住址=X\n", .new_text = "住址=Y\n", .reason = ""};
	jz_event forged = real;
	forged.old_text = "住址=X\n\n住址=Y";
	forged.new_text = "";
	char a[65], b[65];
	jz_event_hash(ZEROS, &real, a);
	jz_event_hash(ZEROS, &forged, b);
	assert_string_not_equal(a, b);
}

/* ---- dated settings ---- */

static const char *get(jz_db *db, const char *key, const char *area, const char *date)
{
	static char buf[64];
	jz_err e;
	int r = jz_store_setting_get(db, key, area, date, buf, sizeof buf, &e);
	assert_true(r >= 0);
	return r ? buf : "(none)";
}

static void test_settings_by_date_and_area(void **state)
{
	struct tmp t;
	jz_err e;
	tmp_make(&t, "set.db");
	jz_db *db = tu_open_new(t.path);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "*", "2025-01-01", "58000", "全县", &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "城市", "2025-01-01", "72000", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "*", "2026-01-01", "61000", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "城市", "2026-01-01", "75000", NULL, &e), 0);

	/* Before the first row: nothing in force. */
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2024-12-31"), "(none)");
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2024-12-31"), "(none)");
	/* The latest from_date on or before the day. */
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2025-01-01"), "58000");
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2025-12-31"), "58000");
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2026-01-01"), "61000");
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2026-11-27"), "61000");
	/* Area-specific over '*' of the same date. */
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2025-06-30"), "72000");
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2025-12-31"), "72000");
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2026-01-01"), "75000");
	/* '*' and a NULL area read the general row. */
	assert_string_equal(get(db, "dibao.standard_fen", "*", "2026-03-01"), "61000");
	assert_string_equal(get(db, "dibao.standard_fen", NULL, "2025-03-01"), "58000");
	/* Another key is not confused with this one. */
	assert_string_equal(get(db, "dibao.standard", "城市", "2026-03-01"), "(none)");

	/* A standard changed from 2026-01-01 does not change 2025. */
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "城市", "2026-01-01", "76000", "更正", &e), 0);
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2026-01-01"), "76000");
	assert_string_equal(get(db, "dibao.standard_fen", "城市", "2025-12-31"), "72000");
	assert_int_equal(tu_count(db, "SELECT count(*) FROM setting WHERE key='dibao.standard_fen'"), 4);
	/* A new value from mid-2026 leaves the start of 2026 alone. */
	assert_int_equal(jz_store_setting_put(db, "dibao.standard_fen", "*", "2026-07-01", "63000", NULL, &e), 0);
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2026-06-30"), "61000");
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2026-07-01"), "63000");
	assert_string_equal(get(db, "dibao.standard_fen", "农村", "2025-12-31"), "58000");

	/* The core reader: integers, and a missing setting names its key. */
	long long v = 0;
	assert_int_equal(jz_setting_int(db, "dibao.standard_fen", "农村", "2025-12-31", &v, &e), 0);
	assert_int_equal(v, 58000);
	assert_int_equal(jz_setting_int(db, "dibao.grace_months", "农村", "2026-11-27", &v, &e), 0);
	assert_int_equal(v, 6);
	jz_err_clear(&e);
	assert_int_equal(jz_setting_int(db, "tekun.basic_fen", "农村", "2026-11-27", &v, &e), -1);
	tu_assert_msg(&e, "tekun.basic_fen");
	assert_int_equal(jz_store_setting_put(db, "bad.int", "*", "2025-01-01", "12元", NULL, &e), 0);
	jz_err_clear(&e);
	assert_int_equal(jz_setting_int(db, "bad.int", "*", "2026-11-27", &v, &e), -1);
	tu_assert_msg(&e, "bad.int");
	tu_assert_msg(&e, "不是整数");
	jz_db_close(db);
	tu_rmdir(t.dir);
}

/* The latest from_date wins, whatever its area (township_store.h): a '*'
 * row of 2026 replaces a 城市 row of 2025 from 2026 on, not before. */
static void test_settings_later_star_replaces_area(void **state)
{
	struct tmp t;
	jz_err e;
	tmp_make(&t, "set2.db");
	jz_db *db = tu_open_new(t.path);
	assert_int_equal(jz_store_setting_put(db, "k", "城市", "2025-01-01", "city", NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "k", "*", "2026-01-01", "star", NULL, &e), 0);
	assert_string_equal(get(db, "k", "农村", "2026-03-01"), "star");
	/* the later general row wins: a change from a date on replaces what was */
	assert_string_equal(get(db, "k", "城市", "2026-03-01"), "star");
	assert_string_equal(get(db, "k", "城市", "2025-12-31"), "city");
	jz_db_close(db);
	tu_rmdir(t.dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_file),
		cmocka_unit_test(test_v1_file_upgraded),
		cmocka_unit_test(test_failed_migration_keeps_version),
		cmocka_unit_test(test_migrate_refuses_newer),
		cmocka_unit_test(test_newer_file_refused),
		cmocka_unit_test(test_foreign_sqlite_refused),
		cmocka_unit_test(test_not_sqlite_refused),
		cmocka_unit_test(test_missing_and_empty_file),
		cmocka_unit_test(test_nested_transactions),
		cmocka_unit_test_setup_teardown(test_event_chain, tu_fixture_setup, tu_fixture_teardown),
		cmocka_unit_test(test_event_hash_fields),
		cmocka_unit_test(test_event_hash_binds_field_boundaries),
		cmocka_unit_test(test_settings_by_date_and_area),
		cmocka_unit_test(test_settings_later_star_replaces_area),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
