/* bundle_store.c — SQL of the county bundle file (see bundle_store.h). */
#include "store/bundle_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct jz_bundle_out {
	sqlite3 *h;
	sqlite3_stmt *meta, *cell;
	char path[4096], tmp[4200];
};

static int fail(jz_bundle_out *b, jz_err *e, const char *what)
{
	return jz_fail(e, JZ_EDATA, "写汇总文件 %s 失败（%s）：%s（磁盘已满或不可写？）", b->path, what,
		       sqlite3_errmsg(b->h));
}

jz_bundle_out *jz_bundle_create(const char *path, jz_err *e)
{
	jz_bundle_out *b = calloc(1, sizeof *b);
	if (!b) {
		jz_fail(e, JZ_EDATA, "内存不足");
		return NULL;
	}
	snprintf(b->path, sizeof b->path, "%s", path);
	snprintf(b->tmp, sizeof b->tmp, "%s.tmp", path);
	unlink(b->tmp);
	if (sqlite3_open_v2(b->tmp, &b->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    sqlite3_exec(b->h,
		"PRAGMA journal_mode=DELETE; BEGIN;"
		"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
		"CREATE TABLE cell(tbl TEXT NOT NULL, row_key TEXT NOT NULL, row_label TEXT NOT NULL,"
		"  village INTEGER NOT NULL, col TEXT NOT NULL, v INTEGER NOT NULL, text TEXT);",
		NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->h, "INSERT INTO meta VALUES (?,?)", -1, &b->meta, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->h, "INSERT INTO cell VALUES (?,?,?,?,?,?,?)", -1, &b->cell, NULL) != SQLITE_OK) {
		fail(b, e, "建立");
		jz_bundle_close(b, 0, NULL);
		return NULL;
	}
	return b;
}

int jz_bundle_meta(jz_bundle_out *b, const char *key, const char *value, jz_err *e)
{
	sqlite3_reset(b->meta);
	sqlite3_bind_text(b->meta, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(b->meta, 2, value ? value : "", -1, SQLITE_TRANSIENT);
	return sqlite3_step(b->meta) == SQLITE_DONE ? 0 : fail(b, e, key);
}

int jz_bundle_cell(jz_bundle_out *b, const struct jz_bundle_cell *c, jz_err *e)
{
	sqlite3_reset(b->cell);
	sqlite3_bind_text(b->cell, 1, c->tbl, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(b->cell, 2, c->row_key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(b->cell, 3, c->row_label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(b->cell, 4, c->village);
	sqlite3_bind_text(b->cell, 5, c->col, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(b->cell, 6, c->v);
	if (c->text)
		sqlite3_bind_text(b->cell, 7, c->text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(b->cell, 7);
	return sqlite3_step(b->cell) == SQLITE_DONE ? 0 : fail(b, e, "数字");
}

int jz_bundle_close(jz_bundle_out *b, int ok, jz_err *e)
{
	int rc = 0;
	sqlite3_finalize(b->meta);
	sqlite3_finalize(b->cell);
	if (ok && sqlite3_exec(b->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(b, e, "提交");
	sqlite3_close(b->h);
	if (ok && !rc && rename(b->tmp, b->path) != 0)
		rc = jz_fail(e, JZ_EDATA, "汇总文件不能写到 %s（文件夹不存在或不可写？）", b->path);
	if (!ok || rc)
		unlink(b->tmp);
	free(b);
	return ok ? rc : -1;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int jz_bundle_read(const char *path, void (*meta_fn)(const char *, const char *, void *),
		   int (*cell_fn)(const struct jz_bundle_cell *, void *), void *arg, jz_err *e)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1, step;
	if (access(path, R_OK) != 0)
		return jz_fail(e, JZ_EUSER, "找不到汇总文件 %s", path);
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "SELECT key, value FROM meta", -1, &st, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EUSER, "%s 不是救助台的乡镇汇总文件（用 jiuzhu export county 生成）", path);
		goto out;
	}
	int format_ok = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (!strcmp(col_text(st, 0), "format") && !strcmp(col_text(st, 1), JZ_BUNDLE_FORMAT))
			format_ok = 1;
		meta_fn(col_text(st, 0), col_text(st, 1), arg);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!format_ok) {
		jz_fail(e, JZ_EUSER, "%s 不是本版本能读的乡镇汇总文件（格式不对）", path);
		goto out;
	}
	if (sqlite3_prepare_v2(h, "SELECT tbl, row_key, row_label, village, col, v, text FROM cell ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EUSER, "%s 已损坏：%s", path, sqlite3_errmsg(h));
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct jz_bundle_cell c = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 4),
			sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : col_text(st, 6), sqlite3_column_int(st, 3),
			sqlite3_column_int64(st, 5)};
		if (cell_fn(&c, arg))
			goto out;
	}
	rc = step == SQLITE_DONE ? 0 : jz_fail(e, JZ_EUSER, "%s 已损坏：%s", path, sqlite3_errmsg(h));
out:
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
}
