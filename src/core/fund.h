/* fund.h — the township's reserve fund for temporary assistance
 * (临时救助备用金): a ledger of movements that is never edited — 预拨
 * (county allocation, with its document number), 支出 (a payment, always
 * tied to an approved or 先行 temporary-assistance case), 退回 (money coming
 * back), 调整 (a correction with a reason, approved by an 审批 operator).
 * The balance never goes below zero (the core refuses, a trigger too). */
#ifndef JZ_FUND_H
#define JZ_FUND_H

#include "core/session.h"

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

#endif
