/* ledger_write.h — the writes of the ledgers other than screening (see
 * screening.h), care and visits (care.h) and surveys (survey.h):
 * 潜在救助对象 and 低保边缘 kept under watch, 集中供养意愿, 收入已达标 and its
 * feedback to the poverty system, and the outcome of a referral (转介).
 * Each is one transaction with its event; role 经办. Dates "" = today. */
#ifndef JZ_LEDGER_WRITE_H
#define JZ_LEDGER_WRITE_H

#include "core/session.h"

/* kind 潜在救助对象 or 低保边缘; name may be "" for a person of the
 * township; village is needed otherwise. */
int jz_watch_add(jz_session *s, const char *kind, const char *id_number, const char *name,
		 const char *village, const char *situation, const char *next_visit, jz_rowid *id, jz_err *e);
int jz_watch_close(jz_session *s, jz_rowid id, const char *date, const char *reason, jz_err *e);

/* 集中供养意愿 of a person of the township (wants 1 or 0). */
int jz_bed_add(jz_session *s, const char *id_number, int wants, const char *preferred, const char *date,
	       const char *note, jz_rowid *id, jz_err *e);
int jz_bed_place(jz_session *s, jz_rowid id, const char *date, const char *where, jz_err *e);

/* 收入已达标: a household (by a member's ID) above the standard. */
int jz_income_ok_add(jz_session *s, const char *id_number, long long per_capita_fen,
		     long long standard_fen, const char *reason, const char *date, jz_rowid *id, jz_err *e);
/* Marks row id fed back to the poverty system; id < 0 names the exited
 * case -id shown in the ledger, whose row is made then. */
int jz_income_ok_feedback(jz_session *s, jz_rowid id, const char *date, jz_err *e);

int jz_referral_outcome(jz_session *s, jz_rowid id, const char *outcome, const char *date, jz_err *e);

#endif
