/* check_store.c — SQL for `jiuzhu check` (see check_store.h). */
#include "store/check_store.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static int each_row(jz_db *db, const char *sql, jz_check_fn fn, void *arg,
	void (*say)(sqlite3_stmt *, jz_check_fn, void *), jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "数据检查");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		say(st, fn, arg);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : jz_db_fail(db, e, "数据检查");
}

static const char *txt(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

static void say_integrity(sqlite3_stmt *st, jz_check_fn fn, void *arg)
{
	if (strcmp(txt(st, 0), "ok") != 0)
		fn("数据库文件", txt(st, 0), arg);
}

int jz_store_integrity(jz_db *db, int quick, jz_check_fn fn, void *arg, jz_err *e)
{
	return each_row(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check", fn, arg,
		say_integrity, e);
}

static void say_fk(sqlite3_stmt *st, jz_check_fn fn, void *arg)
{
	char where[128], what[160];
	snprintf(where, sizeof where, "表 %s 第 %lld 行", txt(st, 0), sqlite3_column_int64(st, 1));
	snprintf(what, sizeof what, "指向表 %s 中不存在的记录", txt(st, 2));
	fn(where, what, arg);
}

int jz_store_fk_check(jz_db *db, jz_check_fn fn, void *arg, jz_err *e)
{
	return each_row(db, "PRAGMA foreign_key_check", fn, arg, say_fk, e);
}

static void say_heads(sqlite3_stmt *st, jz_check_fn fn, void *arg)
{
	char where[96], what[96];
	snprintf(where, sizeof where, "家庭 %s", txt(st, 0));
	snprintf(what, sizeof what, "有 %d 位户主，应当正好 1 位", sqlite3_column_int(st, 1));
	fn(where, what, arg);
}

int jz_store_check_heads(jz_db *db, jz_check_fn fn, void *arg, jz_err *e)
{
	return each_row(db,
		"SELECT h.number, (SELECT count(*) FROM person p WHERE p.household_id = h.id"
		"   AND p.relation = '户主') AS heads"
		" FROM household h WHERE h.closed_on IS NULL AND heads <> 1"
		"  AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id) ORDER BY h.number",
		fn, arg, say_heads, e);
}

static void say_ids(sqlite3_stmt *st, jz_check_fn fn, void *arg)
{
	char where[96], what[160];
	snprintf(where, sizeof where, "身份证号 %s", txt(st, 0));
	snprintf(what, sizeof what, "%s", txt(st, 1));
	fn(where, what, arg);
}

int jz_store_check_ids(jz_db *db, jz_check_fn fn, void *arg, jz_err *e)
{
	return each_row(db,
		"SELECT id_number, '在 ' || count(*) || ' 个人员记录中重复' FROM person"
		" WHERE household_id IS NOT NULL GROUP BY id_number HAVING count(*) > 1"
		" UNION ALL SELECT id_number, '长度不是 18 位（人员 ' || name || '）' FROM person"
		" WHERE length(id_number) <> 18",
		fn, arg, say_ids, e);
}

static void say_fund(sqlite3_stmt *st, jz_check_fn fn, void *arg)
{
	char where[96], what[96];
	long long b = sqlite3_column_int64(st, 1);
	snprintf(where, sizeof where, "备用金台账第 %lld 笔", sqlite3_column_int64(st, 0));
	snprintf(what, sizeof what, "之后余额为 %s%lld.%02lld 元，不能为负", b < 0 ? "-" : "",
		 (b < 0 ? -b : b) / 100, (b < 0 ? -b : b) % 100);
	fn(where, what, arg);
}

int jz_store_check_fund(jz_db *db, jz_check_fn fn, void *arg, jz_err *e)
{
	return each_row(db,
		"SELECT id, bal FROM (SELECT id, sum(amount_fen) OVER (ORDER BY id) AS bal FROM fund_move)"
		" WHERE bal < 0", fn, arg, say_fund, e);
}

int jz_store_roll_digest(jz_db *db, const char *month, struct jz_roll_digest *d, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db,
		"SELECT id, coalesce(case_id, 0), coalesce(onetime_id, 0), household_id, person_id,"
		" programme, kind, for_month, amount_fen, note FROM roll_line WHERE month = ? ORDER BY id", e);
	if (!st)
		return -1;
	crypto_hash_sha256_state h;
	unsigned char dg[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&h);
	memset(d, 0, sizeof *d);
	jz_bind_text(st, 1, month);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 10; i++) {
			const char *v = txt(st, i);
			char len[24];
			snprintf(len, sizeof len, "%zu:", strlen(v));
			crypto_hash_sha256_update(&h, (const unsigned char *)len, strlen(len));
			crypto_hash_sha256_update(&h, (const unsigned char *)v, strlen(v));
		}
		d->lines++;
		d->sum_fen += sqlite3_column_int64(st, 8);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return jz_db_fail(db, e, "读取花名册");
	crypto_hash_sha256_final(&h, dg);
	sodium_bin2hex(d->hex, sizeof d->hex, dg, sizeof dg);
	return 0;
}

int jz_store_locked_months(jz_db *db, char (*out)[8], int max, jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT month FROM roll WHERE locked_at <> '' ORDER BY month", e);
	if (!st)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n < max)
			jz_col_text(st, 0, out[n], 8);
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : jz_db_fail(db, e, "读取花名册");
}
