/* testutil.h — helpers shared by the unit tests that need a database.
 *
 * Include after <cmocka.h>. Everything here is static inline so each test
 * program (one .c file each) takes only what it uses.
 *   tu_fix_clock()          today = 2026-11-27, now = 2026-11-27T09:30:00;
 *                           never the real clock
 *   tu_tmpdir / tu_rmdir    a private directory under /tmp, and its removal
 *   tu_open_new(path)       a new database with cheap password hashing
 *   tu_fixture_*            a new township signed in as admin, with a 村
 *                           and a 社区, as a cmocka setup/teardown pair
 *   tu_count / tu_text      one number / one text from a SQL query
 *   tu_id(first17, out)     a valid resident ID from its first 17 digits
 *   tu_assert_msg(e, word)  e's message contains word (printed if not) */
#ifndef JZ_TESTUTIL_H
#define JZ_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/id.h"
#include "core/operator.h"
#include "core/session.h"
#include "core/township.h"
#include "store/db.h"
#include "store/township_store.h"

#define TU_TODAY "2026-11-27"
#define TU_NOW "2026-11-27T09:30:00"
#define TU_ADMIN_PW "admin-secret"

/* Fixes the program's clock; the real clock is never read after this. */
static inline void tu_fix_clock(void)
{
	jz_err e;
	setenv("JIUZHU_NOW", TU_NOW, 1);
	assert_int_equal(jz_clock_init(&e), 0);
	assert_int_equal(jz_clock_set_today(TU_TODAY, &e), 0);
}

/* Makes a new private directory (dir: at least 32 bytes). */
static inline void tu_tmpdir(char *dir, size_t n)
{
	snprintf(dir, n, "/tmp/jz-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
}

/* Removes dir and the plain files in it (database, -wal, -shm...). */
static inline void tu_rmdir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		char p[512];
		while ((de = readdir(d)) != NULL) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

static inline void tu_path(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

/* Whole file into a malloc'd buffer (*len its size); NULL if unreadable. */
static inline char *tu_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static inline void tu_write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Lowers the argon2id cost so tests hash passwords in milliseconds. */
static inline void tu_cheap_hashing(jz_db *db)
{
	jz_err e;
	assert_int_equal(jz_store_setting_put(db, "auth.pwhash_mem_kib", "*", "1900-01-01", "8192",
					      NULL, &e), 0);
	assert_int_equal(jz_store_setting_put(db, "auth.pwhash_ops", "*", "1900-01-01", "1", NULL,
					      &e), 0);
}

/* A new database at path, with cheap password hashing, no township yet. */
static inline jz_db *tu_open_new(const char *path)
{
	jz_err e;
	jz_err_clear(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_CREATE, &e);
	if (!db)
		print_error("jz_db_open %s: %s\n", path, e.msg);
	assert_non_null(db);
	tu_cheap_hashing(db);
	return db;
}

/* One integer from a query (first column of the first row; -1 if none). */
static inline long long tu_count(jz_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	int rc = sqlite3_prepare_v2(jz_db_handle(db), sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		print_error("SQL %s: %s\n", sql, sqlite3_errmsg(jz_db_handle(db)));
	assert_int_equal(rc, SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* One text from a query into buf (empty if no row or NULL). */
static inline void tu_text(jz_db *db, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Runs SQL that must succeed. */
static inline void tu_exec(jz_db *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(jz_db_handle(db), sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		print_error("SQL %s: %s\n", sql, err ? err : "?");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
}

/* A valid 18-character ID from its first 17 digits. */
static inline const char *tu_id(const char *first17, char out[19])
{
	char c = jz_id_check_digit(first17);
	assert_true(c != '\0');
	snprintf(out, 19, "%.17s%c", first17, c);
	return out;
}

#define tu_assert_msg(e, word)                                                       \
	do {                                                                         \
		if (!strstr((e)->msg, (word)))                                       \
			print_error("message lacks \"%s\": %s\n", (word), (e)->msg); \
		assert_non_null(strstr((e)->msg, (word)));                           \
	} while (0)

/* Message starts with prefix. */
#define tu_assert_msg_starts(e, prefix)                                                 \
	do {                                                                            \
		if (strncmp((e)->msg, (prefix), strlen(prefix)) != 0)                   \
			print_error("message does not start with \"%s\": %s\n", (prefix), \
				    (e)->msg);                                              \
		assert_int_equal(strncmp((e)->msg, (prefix), strlen(prefix)), 0);       \
	} while (0)

/* Creates the township 南门镇 (admin password TU_ADMIN_PW) in db. */
static inline void tu_township(jz_db *db)
{
	jz_township t = {.name = "南门镇", .county = "开州区", .area_code = "500154"};
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_township_create(db, &t, TU_ADMIN_PW, &e);
	if (rc)
		print_error("jz_township_create: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static inline void tu_sign_in(jz_session *s, jz_db *db, const char *login, const char *pw)
{
	jz_err e;
	jz_err_clear(&e);
	memset(s, 0, sizeof *s);
	s->db = db;
	int rc = jz_sign_in(s, login, pw, &e);
	if (rc)
		print_error("jz_sign_in %s: %s\n", login, e.msg);
	assert_int_equal(rc, 0);
}

/* A new township in a private directory, signed in as admin, with the
 * village 东山村 (code 01, 农村) and the community 城南社区 (02, 城市). */
typedef struct tu_fixture {
	char dir[64];
	char path[128];
	jz_db *db;
	jz_session s;
	jz_village cun, shequ;
} tu_fixture;

static inline int tu_fixture_setup(void **state)
{
	jz_err e;
	tu_fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	tu_fix_clock();
	tu_tmpdir(f->dir, sizeof f->dir);
	tu_path(f->path, sizeof f->path, f->dir, "jz.db");
	f->db = tu_open_new(f->path);
	tu_township(f->db);
	tu_sign_in(&f->s, f->db, "admin", TU_ADMIN_PW);
	snprintf(f->cun.name, sizeof f->cun.name, "东山村");
	snprintf(f->cun.kind, sizeof f->cun.kind, "村");
	f->cun.groups = 5;
	snprintf(f->shequ.name, sizeof f->shequ.name, "城南社区");
	snprintf(f->shequ.kind, sizeof f->shequ.kind, "社区");
	assert_int_equal(jz_village_add(&f->s, &f->cun, &e), 0);
	assert_int_equal(jz_village_add(&f->s, &f->shequ, &e), 0);
	*state = f;
	return 0;
}

static inline int tu_fixture_teardown(void **state)
{
	tu_fixture *f = *state;
	if (f) {
		jz_db_close(f->db);
		tu_rmdir(f->dir);
		free(f);
	}
	return 0;
}

#endif
