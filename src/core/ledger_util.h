/* ledger_util.h — small checks every ledger write shares: the 经办 role, a
 * date that defaults to today, a resident ID, a person's household and
 * village. */
#ifndef JZ_LEDGER_UTIL_H
#define JZ_LEDGER_UTIL_H

#include "core/session.h"

/* 0 when the operator holds 经办 (or 管理员), else -1 naming the role. */
int jz_ledger_need_clerk(const jz_session *s, const char *what, jz_err *e);
/* in "" or NULL = today; else a valid YYYY-MM-DD not after today. */
int jz_ledger_date(const char *in, const char *field, const char *label, char out[11], jz_err *e);
/* A valid 18-digit resident ID into out (normalised). */
int jz_ledger_idno(const char *in, char out[19], jz_err *e);
/* The person with this ID, when of the township: *hid and village name
 * (village "" and *hid 0 when not found or not in a household), and the
 * name (left as is when not found). */
int jz_ledger_person(jz_db *db, const char *id_number, jz_rowid *person_id, jz_rowid *hid,
		     char *name, size_t name_n, char *village, size_t village_n, jz_err *e);
/* 1 if item is one of the "a|b|c" list. */
int jz_ledger_in_list(const char *list, const char *item);

#endif
