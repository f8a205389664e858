/* check_store.h — the queries of `jiuzhu check`: SQLite's own checks and
 * the invariants the schema cannot state (one head per household, a locked
 * roll's lines, the fund's running balance). Each calls fn once a problem
 * (or, for the roll, once a locked month) with a text naming where. */
#ifndef JZ_CHECK_STORE_H
#define JZ_CHECK_STORE_H

#include "store/db.h"

typedef void (*jz_check_fn)(const char *where, const char *what, void *arg);

/* PRAGMA integrity_check (or quick_check when quick): each line not "ok". */
int jz_store_integrity(jz_db *db, int quick, jz_check_fn fn, void *arg, jz_err *e);
/* PRAGMA foreign_key_check: each row pointing at nothing. */
int jz_store_fk_check(jz_db *db, jz_check_fn fn, void *arg, jz_err *e);
/* Households of this township without exactly one head. */
int jz_store_check_heads(jz_db *db, jz_check_fn fn, void *arg, jz_err *e);
/* The same ID twice among active persons; IDs not 18 characters. */
int jz_store_check_ids(jz_db *db, jz_check_fn fn, void *arg, jz_err *e);
/* The fund's balance after each movement, by date: each time below 0. */
int jz_store_check_fund(jz_db *db, jz_check_fn fn, void *arg, jz_err *e);

/* A month's roll lines: count, sum and SHA-256 (hex) over every line's
 * fields in id order — what a lock records and check compares. */
struct jz_roll_digest {
	int lines;
	long long sum_fen;
	char hex[65];
};
int jz_store_roll_digest(jz_db *db, const char *month, struct jz_roll_digest *d, jz_err *e);
/* The locked months, oldest first (at most max, each "YYYY-MM"); returns
 * the count or -1. */
int jz_store_locked_months(jz_db *db, char (*out)[8], int max, jz_err *e);

#endif
