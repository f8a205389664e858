/* check.h — `jiuzhu check`: is the file whole and is its history intact?
 * SQLite's integrity_check and foreign keys; the event chain (each event's
 * hash recomputed, each prev_hash the hash before it), so an edit or a
 * deletion made with the sqlite3 shell anywhere in the history is found;
 * and the invariants of the core: one head per household, IDs unique among
 * active persons, locked rolls unchanged since their lock, the fund never
 * below zero, the amount of each case in force equal to its means test
 * (unless its review is due: the household changed, the review decides). */
#ifndef JZ_CHECK_H
#define JZ_CHECK_H

#include "store/db.h"

/* kind: "文件", "外键", "操作记录", "户主", "身份证号", "花名册", "备用金", "保障金额". */
typedef void (*jz_problem_fn)(const char *kind, const char *where, const char *what, void *arg);

/* Runs every check, calling fn for each problem. quick: PRAGMA quick_check
 * instead of integrity_check and no means tests (for start-up). Returns the
 * number of problems, or -1 with e set when a check could not run. */
int jz_check_all(jz_db *db, int quick, jz_problem_fn fn, void *arg, jz_err *e);

#endif
