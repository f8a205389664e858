/* fund.h — the township's reserve fund for temporary assistance
 * (临时救助备用金): a ledger of movements that is never edited — 预拨
 * (county allocation, with its document number), 支出 (a payment, always
 * tied to an approved or 先行 temporary-assistance case), 退回 (money coming
 * back), 调整 (a correction with a reason, approved by an 审批 operator).
 * The balance never goes below zero (the core refuses, a trigger too). */
#ifndef JZ_FUND_H
#define JZ_FUND_H

#include "core/session.h"
#include "store/fund_store.h"

/* A payment out of the fund for temporary-assistance case aid_case_id, on
 * date. Refused, with the balance in the message, when it would overdraw;
 * refused when the case is not 临时救助 in scope (not approved and not 先行,
 * or above its approval). Runs inside the caller's transaction when there
 * is one. move_id (may be NULL) gets the ledger line's id. */
int jz_fund_pay(jz_session *s, jz_rowid aid_case_id, long long fen, const char *date,
		jz_rowid *move_id, jz_err *e);
/* The balance after every movement on or before date (NULL: all). */
int jz_fund_balance(jz_db *db, const char *date, long long *fen, jz_err *e);

int jz_fund_allocate(jz_session *s, long long fen, const char *doc, const char *date, jz_err *e);
int jz_fund_return(jz_session *s, long long fen, const char *reason, const char *date,
		   jz_rowid aid_case_id, jz_err *e);
/* fen signed: + adds to the fund, - takes away; needs an 审批 operator. */
int jz_fund_adjust(jz_session *s, long long fen, const char *reason, const char *date, jz_err *e);

/* ---- additions ---- */

/* The rules of jz_fund_pay without paying (and without the operator's
 * role): 0 when case aid_case_id may receive fen on date (NULL: today),
 * else -1 with the reason. In scope: a 先行 case (advance = 1, kind 急难 or
 * cause 疫情) or an approved one (已审批/已救助 with approved_fen > 0); never
 * 不予 or 结案. What the fund has paid the case (支出 less 退回) plus fen
 * stays within approved_fen (a 先行 case not yet approved: within the
 * setting aid.township_limit_fen); a total above aid.township_limit_fen
 * needs the county's document (county_doc), above aid.usual_max_fen the
 * 一事一议 record (yishi_date); the fund's balance covers fen on date and
 * on every later day with a movement. jz_fund_pay applies the same rules
 * and needs an operator with 经办 or 审批 (管理员 holds both); allocate and
 * return need 经办, adjust 审批. Dates: a real date not after today. */
int jz_fund_can_pay(jz_db *db, jz_rowid aid_case_id, long long fen, const char *date, jz_err *e);
/* What the fund has paid case aid_case_id: its 支出 less its 退回. */
int jz_fund_case_paid(jz_db *db, jz_rowid aid_case_id, long long *fen, jz_err *e);
/* A return (退回) of money paid to the case numbered case_number ("" or
 * NULL: not tied to a case). */
int jz_fund_return_number(jz_session *s, long long fen, const char *reason, const char *date,
			  const char *case_number, jz_err *e);

/* For the to-do list: 1 when the balance on today is below the setting
 * fund.low_balance_fen (the fund should ask the county for a top-up), 0
 * when not, -1 on error. balance and limit (may be NULL) get the figures. */
int jz_fund_low(jz_db *db, const char *today, long long *balance, long long *limit, jz_err *e);

/* A statement of the fund for a period (from..to, both included):
 * opening + in - out = closing, checked against the ledger. */
#define JZ_FUND_MAX_CAUSES 16
struct jz_fund_part {
	char name[48];
	int n;
	long long fen;
};
struct jz_fund_statement {
	char from[11], to[11];
	long long opening_fen, closing_fen;
	long long in_fen, out_fen;           /* totals of the period, both >= 0 */
	int alloc_n, return_n, adj_in_n, spent_n, adj_out_n;
	long long alloc_fen, return_fen, adj_in_fen; /* in: 预拨, 退回, 调整 (+) */
	long long spent_fen, adj_out_fen;            /* out: 支出, 调整 (-), as >= 0 */
	struct jz_fund_part by_kind[2];      /* spending of 急难 and 支出 cases */
	struct jz_fund_part by_cause[JZ_FUND_MAX_CAUSES]; /* the causes of aid.causes first */
	int ncauses;
};
int jz_fund_statement(jz_db *db, const char *from, const char *to, struct jz_fund_statement *st,
		      jz_err *e);
/* The statement as a printable workbook (收支情况表). */
int jz_fund_statement_xlsx(jz_db *db, const struct jz_fund_statement *st, const char *path,
			   jz_err *e);

/* fn(line, balance after it, arg) for the ledger lines of from..to. A
 * non-zero return of fn stops (negative: an error fn reported). */
typedef int (*jz_fund_line_fn)(const struct jz_fund_move *m, long long balance, void *arg);
int jz_fund_lines(jz_db *db, const char *from, const char *to, jz_fund_line_fn fn, void *arg,
		  jz_err *e);

/* The top-up request (申请拨付表): every payment of from..to, returns, the
 * balance and warning line today, and the amount asked: asked_fen when > 0,
 * else the period's net use or what brings the balance back to the warning
 * line, whichever is more (refused when both are nothing). */
struct jz_fund_request {
	char from[11], to[11], on[11];
	int spent_n, return_n;
	long long spent_fen, return_fen, balance_fen, low_fen, asked_fen;
};
int jz_fund_request(jz_db *db, const char *from, const char *to, long long asked_fen,
		    const char *path, struct jz_fund_request *rq, jz_err *e);

#endif
