/* roll_store.h — payment rolls, their lines and one-off payments in the
 * database. The rules of what goes into a roll are core/roll.c's; the
 * triggers of migration 3 refuse any change to a locked roll. */
#ifndef JZ_ROLL_STORE_H
#define JZ_ROLL_STORE_H

#include "core/roll.h"
#include "store/db.h"

/* 1 found, 0 none, -1 error. */
int jz_store_roll_get(jz_db *db, const char *month, struct jz_roll_info *r, jz_err *e);
/* Creates the roll of month or marks it built (built_at, built_by). */
int jz_store_roll_built(jz_db *db, const char *month, const char *at, const char *by, jz_err *e);
/* Creates the roll of month (not built) unless it exists. */
int jz_store_roll_ensure(jz_db *db, const char *month, jz_err *e);
/* Locks a draft; 0, or -1 when it is not an unlocked roll. */
int jz_store_roll_lock(jz_db *db, const char *month, const char *at, const char *by, jz_err *e);
/* fn(roll, arg) for every roll, by month. */
int jz_store_rolls(jz_db *db, int (*fn)(const struct jz_roll_info *, void *), void *arg, jz_err *e);

/* Deletes the draft's lines of the cases (月发 补发 扣回) of month. */
int jz_store_roll_clear_cases(jz_db *db, const char *month, jz_err *e);
/* Inserts a line (its stored fields); sets l->id. */
int jz_store_roll_line_add(jz_db *db, struct jz_roll_line *l, jz_err *e);
/* The lines of month with the payee's details, by village code,
 * household number and line. */
int jz_store_roll_lines(jz_db *db, const char *month,
			int (*fn)(const struct jz_roll_line *, void *), void *arg, jz_err *e);
/* The lines of a case in locked rolls (stored fields only), by for_month. */
int jz_store_roll_case_locked(jz_db *db, jz_rowid case_id,
			      int (*fn)(const struct jz_roll_line *, void *), void *arg, jz_err *e);
/* Sum of the lines of month, of programme (NULL = all). */
int jz_store_roll_sum(jz_db *db, const char *month, const char *programme, long long *fen,
		      jz_err *e);
/* Lines and sums of month by kind (out indexed like jz_roll_kinds). */
int jz_store_roll_kind_sums(jz_db *db, const char *month, int lines[], long long fen[], jz_err *e);
/* Sums by programme and area (see jz_roll_sums). */
int jz_store_roll_sums(jz_db *db, const char *month, struct jz_roll_sum *out, int max, jz_err *e);

/* One-off payments: insert (sets o->id), find by name and month (1/0/-1),
 * and list those of a month. created_at is set here. */
int jz_store_onetime_insert(jz_db *db, struct jz_onetime_info *o, jz_err *e);
int jz_store_onetime_find(jz_db *db, const char *name, const char *month,
			  struct jz_onetime_info *o, jz_err *e);
int jz_store_onetimes(jz_db *db, const char *month, struct jz_onetime_info *out, int max,
		      jz_err *e);

#endif
