/* db.c — opening the database file, transactions and the statement registry. */
#include "store/db.h"

#include "core/clock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store/migrate.h"

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct jz_db {
	sqlite3 *h;
	char *path;
	int depth; /* transaction nesting */
	struct stmt_slot *stmts;
	int nstmts, cap;
	/* The last event appended in the open transaction (no other writer can
	 * append while it holds the lock): saves a query per event in a batch. */
	long long last_event_id;
	char last_event_hash[65];
};

int jz_db_last_event(jz_db *db, long long *id, char hash[65])
{
	if (db->depth == 0 || db->last_event_id == 0)
		return 0;
	*id = db->last_event_id;
	memcpy(hash, db->last_event_hash, 65);
	return 1;
}

void jz_db_set_last_event(jz_db *db, long long id, const char hash[65])
{
	db->last_event_id = id;
	memcpy(db->last_event_hash, hash, 64);
	db->last_event_hash[64] = '\0';
}

int jz_db_schema_latest(void) { return jz_migrate_latest(); }
sqlite3 *jz_db_handle(jz_db *db) { return db->h; }
const char *jz_db_path(const jz_db *db) { return db->path; }
int jz_tx_depth(const jz_db *db) { return db->depth; }

/* What the clerk can do about the last error: a full disk and a read-only
 * disk also show as I/O errors (the -shm file cannot grow, a write fails),
 * told apart by the system's errno. */
/* Whether the file's place refuses writes: a read-only mount, no write
 * permission, or a file system the kernel made read-only after a disk
 * error (only a write shows that: SQLite's write error carries no errno,
 * so an empty file is made and removed beside the database). */
static int read_only_place(const char *path)
{
	struct statvfs v;
	char probe[4200];
	if ((statvfs(path, &v) == 0 && (v.f_flag & ST_RDONLY)) || access(path, W_OK) != 0)
		return 1;
	snprintf(probe, sizeof probe, "%s.probe", path);
	int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return errno == EROFS || errno == EACCES || errno == EPERM;
	close(fd);
	unlink(probe);
	return 0;
}

static const char *hint_of(jz_db *db)
{
	int rc = sqlite3_extended_errcode(db->h) & 0xff, sys = sqlite3_system_errno(db->h);
	if ((rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_READONLY) && read_only_place(db->path))
		return "数据库文件是只读的：所在的磁盘、U 盘或文件夹只能读不能写，或文件没有写权限。"
		       "请把它复制到可写的地方，或检查 U 盘的写保护开关";
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return "另一个救助台窗口或命令正在写入，请稍后重试";
	if (rc == SQLITE_FULL || ((rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN) && sys == ENOSPC))
		return "磁盘已满，请清理磁盘空间后重试，已输入的内容没有保存";
	if (rc == SQLITE_READONLY || ((rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN) && (sys == EROFS || sys == EACCES || sys == EPERM)))
		return "数据库文件是只读的，请检查文件权限或所在磁盘";
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return "数据库文件已损坏，请用备份恢复";
	return "";
}

int jz_db_fail(jz_db *db, jz_err *e, const char *what)
{
	/* What to do first: the desk's message line is one screen line. */
	const char *hint = hint_of(db);
	if (*hint)
		return jz_fail(e, JZ_EDATA, "%s（数据库操作失败：%s：%s）", hint, what, sqlite3_errmsg(db->h));
	return jz_fail(e, JZ_EDATA, "数据库操作失败：%s：%s", what, sqlite3_errmsg(db->h));
}

static int exec(jz_db *db, const char *sql, jz_err *e)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, sql);
	return 0;
}

static int pragma_int(sqlite3 *h, const char *sql, int *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int create_file(const char *path, jz_err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 && errno != EEXIST)
		return jz_fail(e, JZ_EDATA, "无法创建数据库文件 %s：%s", path, jz_errno_text(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

/* Tells a jiuzhu file, a new empty file and anything else apart. */
static int check_identity(jz_db *db, int *fresh, jz_err *e)
{
	int app = 0, ver = 0, ntables = 0;
	if (pragma_int(db->h, "PRAGMA application_id", &app) ||
	    pragma_int(db->h, "SELECT count(*) FROM sqlite_master", &ntables)) {
		int rc = sqlite3_extended_errcode(db->h) & 0xff;
		if (rc != SQLITE_NOTADB && rc != SQLITE_CORRUPT && *hint_of(db))
			return jz_fail(e, JZ_EDATA, "%s（无法读取数据库文件 %s：%s）", hint_of(db), db->path,
				       sqlite3_errmsg(db->h));
		return jz_fail(e, JZ_EDATA, "文件 %s 不是 SQLite 数据库，也不是救助台的数据文件，请检查文件名：%s",
			       db->path, sqlite3_errmsg(db->h));
	}
	pragma_int(db->h, "PRAGMA user_version", &ver);
	*fresh = app == 0 && ver == 0 && ntables == 0;
	if (*fresh)
		return 0;
	if (app != JZ_APPLICATION_ID)
		return jz_fail(e, JZ_EDATA, "文件 %s 是别的程序的 SQLite 数据库，不是救助台的数据文件，未做任何改动", db->path);
	if (ver > jz_migrate_latest())
		return jz_fail(e, JZ_EDATA,
			"文件 %s 由更新版本的救助台写成（数据格式第 %d 版，本程序只认识到第 %d 版）。"
			"请升级救助台后再打开；文件未做任何改动", db->path, ver, jz_migrate_latest());
	return 0;
}

/* jz_today(): the program's "today" (core/clock.c) for the triggers that
 * date the past values of persons and households (migration 5). */
static void sql_today(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char d[11];
	(void)argc;
	(void)argv;
	jz_today(d);
	sqlite3_result_text(cx, d, -1, SQLITE_TRANSIENT);
}

static int setup(jz_db *db, int mode, jz_err *e)
{
	int fresh = 0;
	sqlite3_busy_timeout(db->h, 5000);
	if (sqlite3_create_function(db->h, "jz_today", 0, SQLITE_UTF8, NULL, sql_today, NULL, NULL) != SQLITE_OK)
		return jz_fail(e, JZ_EDATA, "数据库初始化失败：%s", sqlite3_errmsg(db->h));
	if (check_identity(db, &fresh, e))
		return -1;
	if (fresh && mode != JZ_OPEN_CREATE)
		return jz_fail(e, JZ_EDATA, "文件 %s 是空文件，不是救助台的数据文件", db->path);
	if (mode == JZ_OPEN_READONLY) {
		if (jz_db_schema_version(db) < jz_migrate_latest())
			return jz_fail(e, JZ_EDATA, "文件 %s 的数据格式较旧，需要升级，不能以只读方式打开", db->path);
		return exec(db, "PRAGMA foreign_keys=ON", e);
	}
	if (exec(db, "PRAGMA journal_mode=WAL", e) || exec(db, "PRAGMA synchronous=FULL", e) ||
	    exec(db, "PRAGMA foreign_keys=ON", e))
		return -1;
	if (fresh && exec(db, "PRAGMA application_id=1247430741", e)) /* JZ_APPLICATION_ID */
		return -1;
	return jz_migrate(db->h, jz_migrate_latest(), e);
}

jz_db *jz_db_open(const char *path, int mode, jz_err *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (mode != JZ_OPEN_CREATE) {
			jz_fail(e, JZ_EDATA, "找不到数据库文件 %s。新建乡镇请用 jiuzhu init，"
				"或用 jiuzhu demo 生成演示乡镇；也可以用 --db 指定文件", path);
			return NULL;
		}
		if (create_file(path, e))
			return NULL;
	}
	jz_db *db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		jz_fail(e, JZ_EDATA, "内存不足");
		return NULL;
	}
	int flags = mode == JZ_OPEN_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EDATA, "无法打开数据库文件 %s：%s", path, sqlite3_errmsg(db->h));
		jz_db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	if (setup(db, mode, e)) {
		jz_db_close(db);
		return NULL;
	}
	return db;
}

void jz_db_close(jz_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->nstmts; i++)
		sqlite3_finalize(db->stmts[i].st);
	free(db->stmts);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

int jz_db_schema_version(jz_db *db)
{
	int v = 0;
	pragma_int(db->h, "PRAGMA user_version", &v);
	return v;
}

/* Transaction statements are run often (a savepoint per core write inside
 * a batch): prepared once, from the registry. */
static int run(jz_db *db, const char *sql, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, sql, e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, sql);
}

int jz_tx_begin(jz_db *db, jz_err *e)
{
	if (run(db, db->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT jz", e))
		return -1;
	db->depth++;
	return 0;
}

int jz_tx_commit(jz_db *db, jz_err *e)
{
	if (db->depth <= 0)
		return jz_fail(e, JZ_EDATA, "内部错误：没有进行中的事务");
	if (run(db, db->depth == 1 ? "COMMIT" : "RELEASE jz", e)) {
		db->last_event_id = 0;
		if (db->depth == 1) { /* a commit that failed (disk full): nothing of it stays */
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
			db->depth = 0;
		}
		return -1;
	}
	db->depth--;
	if (db->depth == 0)
		db->last_event_id = 0; /* others may write once the lock is gone */
	return 0;
}

void jz_tx_rollback(jz_db *db)
{
	db->last_event_id = 0; /* the events of what is undone are gone */
	if (db->depth <= 0)
		return;
	if (db->depth == 1) {
		if (run(db, "ROLLBACK", NULL))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	} else if (run(db, "ROLLBACK TO jz", NULL) || run(db, "RELEASE jz", NULL)) {
		sqlite3_exec(db->h, "ROLLBACK TO jz; RELEASE jz", NULL, NULL, NULL);
	}
	db->depth--;
}

sqlite3_stmt *jz_stmt(jz_db *db, const char *sql, jz_err *e)
{
	/* Most callers pass the same literal each time: its address finds it
	 * without comparing any text; the text is compared only after that. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < db->nstmts; i++)
			if (pass ? strcmp(db->stmts[i].sql, sql) == 0 : db->stmts[i].sql == sql) {
				sqlite3_reset(db->stmts[i].st);
				sqlite3_clear_bindings(db->stmts[i].st);
				return db->stmts[i].st;
			}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		jz_db_fail(db, e, "准备语句");
		return NULL;
	}
	if (db->nstmts == db->cap) {
		int cap = db->cap ? db->cap * 2 : 32;
		struct stmt_slot *n = realloc(db->stmts, cap * sizeof *n);
		if (!n) {
			sqlite3_finalize(st);
			jz_fail(e, JZ_EDATA, "内存不足");
			return NULL;
		}
		db->stmts = n;
		db->cap = cap;
	}
	db->stmts[db->nstmts++] = (struct stmt_slot){sql, st};
	return st;
}

int jz_stmt_done(jz_db *db, sqlite3_stmt *st, jz_err *e, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, what);
}

int jz_stmt_row(jz_db *db, sqlite3_stmt *st, void (*fn)(sqlite3_stmt *, void *), void *out,
		jz_err *e, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fn(st, out);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return jz_db_fail(db, e, what);
	return rc == SQLITE_ROW;
}

int jz_stmt_int(jz_db *db, sqlite3_stmt *st, long long *out, jz_err *e, const char *what)
{
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : jz_db_fail(db, e, what);
}

void jz_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void jz_col_text(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!n)
		return;
	if (!t) {
		buf[0] = '\0';
		return;
	}
	size_t len = strlen((const char *)t);
	if (len >= n) { /* cut on a character boundary */
		len = n - 1;
		while (len > 0 && (t[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, t, len);
	buf[len] = '\0';
}
