/* aid_store.h — 临时救助 cases, their payments, the holiday calendar and the
 * month's figures, in the database (see core/aid.h, core/workdays.h). */
#ifndef JZ_AID_STORE_H
#define JZ_AID_STORE_H

#include "core/aid.h"
#include "core/workdays.h"
#include "store/db.h"

int jz_store_aid_insert(jz_db *db, jz_aid *a, jz_err *e);
int jz_store_aid_update(jz_db *db, const jz_aid *a, jz_err *e);
/* 1 found, 0 not, -1 error. */
int jz_store_aid_get(jz_db *db, jz_rowid id, jz_aid *a, jz_err *e);
int jz_store_aid_by_number(jz_db *db, const char *number, jz_aid *a, jz_err *e);
/* Highest serial of case numbers starting with prefix (0 if none). */
int jz_store_aid_max_serial(jz_db *db, const char *prefix, jz_err *e);
/* Every case in number order; fn returns nonzero to stop. */
int jz_store_aids(jz_db *db, int (*fn)(const jz_aid *, void *), void *arg, jz_err *e);

/* Payments: insert sets p->id; update writes paid_on, method, fund_move_id, note. */
int jz_store_aid_payment_insert(jz_db *db, struct jz_aid_payment *p, jz_err *e);
int jz_store_aid_payment_update(jz_db *db, const struct jz_aid_payment *p, jz_err *e);
/* In seq order; returns the count (at most max written), or -1. */
int jz_store_aid_payments(jz_db *db, jz_rowid case_id, struct jz_aid_payment *out, int max,
			  jz_err *e);
/* Removes the stages not paid yet. */
int jz_store_aid_unpaid_delete(jz_db *db, jz_rowid case_id, jz_err *e);
/* Sums of the payments made and of those planned but not made. */
int jz_store_aid_sums(jz_db *db, jz_rowid case_id, long long *paid, long long *planned, jz_err *e);
/* Highest seq of a case's payments (0 if none), or -1. */
int jz_store_aid_max_seq(jz_db *db, jz_rowid case_id, jz_err *e);

/* The events of a case, oldest first: fn(at, operator, action, reason, new_text, arg). */
int jz_store_aid_events(jz_db *db, jz_rowid case_id,
			int (*fn)(const char *, const char *, const char *, const char *, const char *, void *),
			void *arg, jz_err *e);

/* Figures of cases paid between first and last (YYYY-MM-DD), and the 先行
 * paperwork missing on last (see struct jz_aid_figures). */
int jz_store_aid_figures(jz_db *db, const char *first, const char *last, struct jz_aid_figures *f,
			 jz_err *e);

/* The holiday calendar. get: 1 with kind filled, 0 when the day is plain. */
int jz_store_holiday_put(jz_db *db, const char *day, const char *kind, const char *note, jz_err *e);
int jz_store_holiday_delete(jz_db *db, const char *day, jz_err *e);
int jz_store_holiday_get(jz_db *db, const char *day, char kind[4], jz_err *e);
int jz_store_holidays(jz_db *db, const char *from, const char *to, struct jz_holiday *out, int max,
		      jz_err *e);

#endif
