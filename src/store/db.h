/* db.h — the one open database: opening, transactions, prepared statements.
 *
 * Only src/store/ holds SQL. The rest of the program sees a jz_db handle and
 * the functions of the store headers. Writes go through jz_tx_begin/commit:
 * the outermost level is BEGIN IMMEDIATE (writers queue, they never fork the
 * event chain); inner levels are savepoints, so a core write function works
 * alone or inside a batch (the demo, imports) that commits once. */
#ifndef JZ_DB_H
#define JZ_DB_H

#include <sqlite3.h>

#include "core/err.h"

#define JZ_APPLICATION_ID 0x4a5a4855 /* "JZHU" */

enum jz_open_mode {
	JZ_OPEN_EXISTING = 0, /* the file must exist and be a jiuzhu file */
	JZ_OPEN_CREATE = 1,   /* create it (mode 0600) if missing */
	JZ_OPEN_READONLY = 2,
};

typedef struct jz_db jz_db;

jz_db *jz_db_open(const char *path, int mode, jz_err *e);
void jz_db_close(jz_db *db);
sqlite3 *jz_db_handle(jz_db *db);
const char *jz_db_path(const jz_db *db);
/* Newest schema version this program knows (the number of migrations). */
int jz_db_schema_latest(void);
int jz_db_schema_version(jz_db *db);

int jz_tx_begin(jz_db *db, jz_err *e);
int jz_tx_commit(jz_db *db, jz_err *e);
void jz_tx_rollback(jz_db *db);
int jz_tx_depth(const jz_db *db);
/* For event.c: the last event appended inside the open transaction (1), or
 * 0 when it must be read from the table; and remembering it. */
int jz_db_last_event(jz_db *db, long long *id, char hash[65]);
void jz_db_set_last_event(jz_db *db, long long id, const char hash[65]);

/* Statement registry: each SQL text is prepared once per connection, reset
 * and cleared when handed out again, finalized in jz_db_close. sql must
 * live as long as the connection (a literal or a static string): it is
 * found again by its address first. */
sqlite3_stmt *jz_stmt(jz_db *db, const char *sql, jz_err *e);

/* Steps a statement that returns no row (INSERT, UPDATE...), resets it;
 * 0, or -1 with a message naming what failed. */
int jz_stmt_done(jz_db *db, sqlite3_stmt *st, jz_err *e, const char *what);

/* Steps a query of at most one row: 1 found (read by fn into out), 0 none,
 * -1 with a message naming what failed. Resets the statement. */
int jz_stmt_row(jz_db *db, sqlite3_stmt *st, void (*fn)(sqlite3_stmt *, void *), void *out,
		jz_err *e, const char *what);
/* Steps a statement that returns one integer (a count, a max); resets it. */
int jz_stmt_int(jz_db *db, sqlite3_stmt *st, long long *out, jz_err *e, const char *what);

/* Reports a SQLite failure on db as a Chinese message (code JZ_EDATA). */
int jz_db_fail(jz_db *db, jz_err *e, const char *what);

/* Binding helpers: text may be NULL (binds NULL). */
void jz_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Copies column i as text into buf (empty for NULL). */
void jz_col_text(sqlite3_stmt *st, int i, char *buf, size_t n);

#endif
