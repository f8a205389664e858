/* backup_store.c — online backup and file inspection (see backup_store.h). */
#include "store/backup_store.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/migrate.h"

static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int jz_store_backup(jz_db *db, const char *dest, void (*progress)(int, int, void *), void *arg,
		    jz_err *e)
{
	char tmp[4200];
	sqlite3 *out = NULL;
	snprintf(tmp, sizeof tmp, "%s.tmp", dest);
	unlink(tmp);
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EDATA, "不能在 %s 建立备份文件：%s。请检查文件夹是否存在、是否可写、磁盘是否已满",
			dest, out ? sqlite3_errmsg(out) : "内存不足");
		sqlite3_close(out);
		return -1;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", jz_db_handle(db), "main");
	if (!b) {
		jz_fail(e, JZ_EDATA, "备份失败：%s", sqlite3_errmsg(out));
		sqlite3_close(out);
		unlink(tmp);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (progress)
			progress(sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
				 sqlite3_backup_pagecount(b), arg);
		if (rc != SQLITE_OK)
			sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		jz_fail(e, JZ_EDATA, "备份到 %s 失败：%s（磁盘可能已满）", dest, sqlite3_errstr(rc));
		sqlite3_close(out);
		unlink(tmp);
		return -1;
	}
	sqlite3_close(out);
	if (sync_file(tmp) != 0 || rename(tmp, dest) != 0) {
		unlink(tmp);
		return jz_fail(e, JZ_EDATA, "备份文件写入 %s 失败（磁盘可能已满或不可写）", dest);
	}
	return 0;
}

static int int_of(sqlite3 *h, const char *sql, long long *v)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int text_of(sqlite3 *h, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int jz_store_file_info(const char *path, struct jz_file_info *fi, char *why, size_t n)
{
	sqlite3 *h = NULL;
	long long app = 0, ver = 0;
	char ok[256];
	memset(fi, 0, sizeof *fi);
	if (access(path, R_OK) != 0) {
		snprintf(why, n, "找不到文件 %s，或没有读取权限", path);
		return -1;
	}
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    int_of(h, "PRAGMA application_id", &app) || int_of(h, "PRAGMA user_version", &ver)) {
		snprintf(why, n, "%s 不是可读的 SQLite 数据库文件（可能已损坏）", path);
		sqlite3_close(h);
		return 0;
	}
	int good = 0;
	if (app != JZ_APPLICATION_ID)
		snprintf(why, n, "%s 不是救助台的数据文件", path);
	else if (ver > jz_migrate_latest())
		snprintf(why, n, "%s 由更新版本的救助台写成（第 %lld 版），本程序不能使用", path, ver);
	else if (text_of(h, "PRAGMA integrity_check", ok, sizeof ok) || strcmp(ok, "ok") != 0)
		snprintf(why, n, "%s 已损坏（完整性检查：%s）", path, ok[0] ? ok : "无法读取");
	else
		good = 1;
	if (good) {
		fi->version = (int)ver;
		text_of(h, "SELECT name FROM township", fi->township, sizeof fi->township);
		int_of(h, "SELECT count(*) FROM event", &fi->events);
		text_of(h, "SELECT max(at) FROM event", fi->last_event, sizeof fi->last_event);
	}
	sqlite3_close(h);
	return good;
}

int jz_store_copy_file(const char *from, const char *to, jz_err *e)
{
	sqlite3 *h = NULL, *out = NULL;
	unlink(to);
	int rc = sqlite3_open_v2(from, &h, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_open_v2(to, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(out, "main", h, "main") : NULL;
	rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
	if (b)
		sqlite3_backup_finish(b);
	sqlite3_close(out);
	sqlite3_close(h);
	if (rc != SQLITE_DONE || sync_file(to) != 0) {
		unlink(to);
		return jz_fail(e, JZ_EDATA, "复制 %s 失败：%s（磁盘可能已满）。当前数据文件未做任何改动",
			from, sqlite3_errstr(rc));
	}
	return 0;
}
