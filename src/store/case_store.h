/* case_store.h — cases, their members and means-test figures, amounts by
 * month, and the 近亲属备案 list, in the database. */
#ifndef JZ_CASE_STORE_H
#define JZ_CASE_STORE_H

#include "core/case.h"
#include "store/db.h"

int jz_store_case_insert(jz_db *db, jz_case *c, jz_err *e);
int jz_store_case_update(jz_db *db, const jz_case *c, jz_err *e);
/* 1 found, 0 not, -1 error. */
int jz_store_case_get(jz_db *db, jz_rowid id, jz_case *c, jz_err *e);
int jz_store_case_by_number(jz_db *db, const char *number, jz_case *c, jz_err *e);
/* Highest serial of case numbers starting with prefix. */
int jz_store_case_max_serial(jz_db *db, const char *prefix, jz_err *e);

int jz_store_case_member_add(jz_db *db, jz_rowid case_id, jz_rowid person_id, jz_err *e);
/* Person ids of a case's members; returns the count (at most max written). */
int jz_store_case_members(jz_db *db, jz_rowid case_id, jz_rowid *out, int max, jz_err *e);
/* Members covered in month (their share not stopped before it). */
int jz_store_case_members_in(jz_db *db, jz_rowid case_id, const char *month, jz_rowid *out, int max,
			     jz_err *e);
/* Stops a member's share after until_month. */
int jz_store_case_member_stop(jz_db *db, jz_rowid case_id, jz_rowid person_id,
			      const char *until_month, jz_err *e);

/* 转介, refusals of offered work, and the 近亲属备案 list. */
/* A referral of a 临时救助 case (the referral ledger lists both kinds). */
int jz_store_referral_add_aid(jz_db *db, jz_rowid aid_case_id, const char *department, const char *date,
			      const char *outcome, jz_err *e);
int jz_store_referral_add(jz_db *db, jz_rowid case_id, const char *department, const char *date,
			  const char *outcome, jz_rowid *id, jz_err *e);
int jz_store_work_refusal_add(jz_db *db, jz_rowid person_id, const char *date, const char *offer,
			      int good_reason, jz_err *e);
/* Refusals without good reason since the last one with good reason (or
 * since ever): the run that counts for "three times in a row". */
int jz_store_work_refusals_in_a_row(jz_db *db, jz_rowid person_id, jz_err *e);
int jz_store_relative_add(jz_db *db, const char *id_number, const char *name, const char *cadre_name,
			  const char *cadre_post, const char *login, const char *relation,
			  const char *date, jz_err *e);

/* The number of an open case (not 退出/不予) of programme that covers the
 * person, other than except_case; "" when none. */
/* Cases in force (在保, 渐退) of household hid / covering a person, by id;
 * returns how many (at most max written) or -1. */
int jz_store_cases_in_force_of_household(jz_db *db, jz_rowid hid, jz_rowid *out, int max, jz_err *e);
int jz_store_cases_in_force_covering(jz_db *db, jz_rowid person_id, jz_rowid *out, int max, jz_err *e);
int jz_store_open_case_of(jz_db *db, jz_rowid person_id, const char *programme,
			  jz_rowid except_case, char *number, size_t n, jz_err *e);

int jz_store_income_put(jz_db *db, jz_rowid case_id, jz_rowid person_id, const char *kind,
			long long fen, jz_err *e);
/* fn(person_id, kind, fen, arg) for each income row. */
int jz_store_incomes(jz_db *db, jz_rowid case_id,
		     void (*fn)(jz_rowid, const char *, long long, void *), void *arg, jz_err *e);
int jz_store_expense_put(jz_db *db, jz_rowid case_id, const char *kind, long long fen, jz_err *e);
int jz_store_expenses(jz_db *db, jz_rowid case_id,
		      void (*fn)(const char *, long long, void *), void *arg, jz_err *e);

struct jz_case_amount {
	char from_month[8];
	long long base_fen, supplement_fen, total_fen;
	int covered;
	char note[128];
};
int jz_store_amount_put(jz_db *db, jz_rowid case_id, const struct jz_case_amount *a, jz_err *e);
int jz_store_supplement_put(jz_db *db, jz_rowid case_id, const char *from_month,
			    jz_rowid person_id, long long fen, jz_err *e);
/* The amount in force in month (latest from_month <= month): 1 / 0 / -1. */
int jz_store_amount_in(jz_db *db, jz_rowid case_id, const char *month, struct jz_case_amount *a,
		       jz_err *e);

/* 1 if any member of household hid is on the 近亲属备案 list for the
 * operator login (or for a cadre of that name); who gets the name found. */
int jz_store_relative_of(jz_db *db, jz_rowid hid, const char *login, const char *op_name,
			 char *who, size_t n, jz_err *e);

/* Cases matching state ('' = all) in number order; fn returns nonzero to stop. */
int jz_store_cases(jz_db *db, const char *state, int (*fn)(const jz_case *, void *), void *arg,
		   jz_err *e);

/* Households and persons covered by each programme in month (cases in
 * force: started, not ended, 渐退 not past its grace). prog[i] names the
 * programme; returns the number of programmes filled (at most max). */
struct jz_covered {
	char programme[16];
	long long households, persons;
};
int jz_store_covered(jz_db *db, const char *month, struct jz_covered *out, int max, jz_err *e);

#endif
