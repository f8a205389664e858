/* search_store.h — the one query that loads the desk's search index
 * (core/search.h keeps the index in memory and matches keystrokes there). */
#ifndef JZ_SEARCH_STORE_H
#define JZ_SEARCH_STORE_H

#include "core/model.h"
#include "store/db.h"

/* One person as the search index sees it. */
struct jz_search_row {
	jz_rowid person_id;
	jz_rowid household_id;        /* 0: not in a household of the township */
	jz_rowid village_id;          /* the household's village; 0 when not in one */
	unsigned programmes;          /* the household's open cases: 1 低保 2 特困 4 孤儿 8 残疾补贴 */
	const char *name;
	const char *id_number;
	const char *household_number; /* "" when not in a household */
	const char *village;          /* the village's name, "" when not in a household */
	const char *relation;
	const char *phone;            /* the person's own phone, may be "" */
	const char *household_phone;  /* the household's phone, "" when none */
	const char *birth;            /* YYYY-MM-DD, from the ID */
	int head;                     /* 户主 of a household */
	int deceased;                 /* deceased_on is set */
};

/* Called once per row; the strings live until it returns. Returns 0 to go
 * on, -1 to stop (with e set). */
typedef int (*jz_search_row_fn)(const struct jz_search_row *r, void *arg, jz_err *e);

/* Every person, in table order (the index sorts in memory: cheaper than
 * SQLite's sorter, which spills 50,000 wide rows to a temporary file). One
 * SELECT. Returns 0, or -1 (a database error, or fn's). */
int jz_store_search_rows(jz_db *db, jz_search_row_fn fn, void *arg, jz_err *e);

/* What tells whether the database may have changed since: *changes counts
 * the rows written through db (sqlite3_total_changes64), *version moves
 * when another connection, in this process or another, commits (PRAGMA
 * data_version). Both equal to an earlier reading: nothing was written in
 * between. Returns 0 or -1. */
int jz_store_change_stamp(jz_db *db, long long *changes, long long *version, jz_err *e);

#endif
