/* fund_store.h — the reserve fund's ledger (fund_move) in the database, and
 * what the fund needs to know of a temporary-assistance case (aid_case).
 * The rules are core/fund.c's; the triggers of migration 4 refuse any
 * UPDATE or DELETE of a ledger line and any line that would make the total
 * negative. Amounts are signed fen: + 预拨 退回, - 支出, either for 调整. */
#ifndef JZ_FUND_STORE_H
#define JZ_FUND_STORE_H

#include "core/model.h"
#include "store/db.h"

/* One ledger line. The case fields are filled when reading (listing). */
struct jz_fund_move {
	jz_rowid id;
	char on_date[11];
	char kind[8];          /* 预拨 支出 退回 调整 */
	long long amount_fen;  /* signed */
	char doc[64];          /* 预拨: the county's document number */
	char reason[256];
	jz_rowid aid_case_id;  /* 0: none */
	char approved_by[32];  /* 调整: the 审批 operator */
	char created_by[32];
	char created_at[20];
	/* read only, from the case of a 支出 or 退回 */
	char case_number[32];
	char person_name[96];
	char case_kind[8];     /* 急难 / 支出 */
	char cause[48];
};

/* What the fund checks of a temporary-assistance case. */
struct jz_fund_case {
	jz_rowid id;
	char number[32];
	jz_rowid household_id; /* 0: not of this township */
	char person_name[96];
	char kind[8];          /* 急难 / 支出 */
	char cause[48];
	int advance;           /* 先行救助 */
	char state[16];
	char accepted_on[11];
	long long approved_fen;
	char county_doc[64];
	char yishi_date[11];
};

/* Sums of the lines dated from..to (inclusive), by kind and sign. */
struct jz_fund_sums {
	int alloc_n, spent_n, return_n, adj_in_n, adj_out_n;
	long long alloc_fen, spent_fen, return_fen, adj_in_fen, adj_out_fen; /* all >= 0 */
};

/* Inserts m (its stored fields; created_at is set here); sets m->id. */
int jz_store_fund_insert(jz_db *db, struct jz_fund_move *m, jz_err *e);
/* The sum of the lines dated on or before date (NULL: every line). */
int jz_store_fund_balance(jz_db *db, const char *date, long long *fen, jz_err *e);
/* The sum of the lines dated before date (the opening of a period). */
int jz_store_fund_opening(jz_db *db, const char *date, long long *fen, jz_err *e);
/* The lowest end-of-day balance on date or any later day with a line, and
 * that day (a withdrawal dated date lowers all of them). */
int jz_store_fund_lowest_from(jz_db *db, const char *date, long long *fen, char day[11],
			      jz_err *e);
/* Sums of the lines of the period. */
int jz_store_fund_sums(jz_db *db, const char *from, const char *to, struct jz_fund_sums *s,
		       jz_err *e);
/* fn(case kind, cause, count, fen, arg) for the 支出 lines of the period,
 * grouped by the case's kind and cause (fen > 0, the amount spent). */
int jz_store_fund_spent_by(jz_db *db, const char *from, const char *to,
			   int (*fn)(const char *kind, const char *cause, int n, long long fen, void *),
			   void *arg, jz_err *e);
/* fn(line, arg) for the lines of the period (kind NULL: all kinds), by
 * date and id, with the case's number, person, kind and cause. */
int jz_store_fund_moves(jz_db *db, const char *from, const char *to, const char *kind,
			int (*fn)(const struct jz_fund_move *, void *), void *arg, jz_err *e);

/* A case by id or by number: 1 found, 0 none, -1 error. */
int jz_store_fund_case_get(jz_db *db, jz_rowid id, struct jz_fund_case *c, jz_err *e);
int jz_store_fund_case_by_number(jz_db *db, const char *number, struct jz_fund_case *c,
				 jz_err *e);
/* What the fund has paid to a case: its 支出 less its 退回. */
int jz_store_fund_case_paid(jz_db *db, jz_rowid case_id, long long *fen, jz_err *e);

#endif
