/* household.h — households and their members, with the invariants:
 * exactly one head (户主) per household, an ID in at most one household,
 * sex and birth date derived from the ID, and no benefit change dated after
 * a person's death. Every function here is one transaction with its event. */
#ifndef JZ_HOUSEHOLD_H
#define JZ_HOUSEHOLD_H

#include "core/session.h"

/* The coded lists of a person's and a household's fields. NULL-terminated. */
extern const char *const jz_relations[];
extern const char *const jz_labours[];
extern const char *const jz_disability_cats[];
extern const char *const jz_employments[];
extern const char *const jz_poverty_causes[];

/* Refuses v unless it is one of list (or empty, when may_be_empty), with a
 * message naming the field and the choices. */
int jz_check_choice(const char *key, const char *field, const char *v, const char *const *list,
		    int may_be_empty, jz_err *e);

/* Checks and normalises a person as typed: the ID (lowercase x, derived sex
 * and birth), the name, coded fields, dates. 本人 becomes 户主. The message
 * names the field and what to fix. today: YYYY-MM-DD. */
int jz_person_validate(jz_person *p, const char *today, jz_err *e);
/* Adds to c every field of p that differs from old (all, when old is NULL). */
struct jz_change;
void jz_person_diff(struct jz_change *c, const jz_person *old, const jz_person *p);
int jz_household_validate(jz_db *db, jz_household *h, jz_err *e);

/* A new household with its head. h->number may be empty: the next number
 * of its village is given. Sets h->id and head->id. */
int jz_household_create(jz_session *s, jz_household *h, jz_person *head, const char *why,
			jz_err *e);
int jz_household_update(jz_session *s, jz_household *h, const char *why, jz_err *e);
/* Adds p to household hid (p->relation must not be 户主: use jz_head_change). */
int jz_member_add(jz_session *s, jz_rowid hid, jz_person *p, const char *why, jz_err *e);
/* Edits a member's fields (not the household: see jz_member_move). */
int jz_person_update(jz_session *s, jz_person *p, const char *why, jz_err *e);
/* Takes a member out of his household (moved away, married out...). The head
 * cannot be removed while others remain: make another member head first. */
int jz_member_remove(jz_session *s, jz_rowid pid, const char *why, jz_err *e);
/* Moves a member to another household of the township, with a new relation. */
int jz_member_move(jz_session *s, jz_rowid pid, jz_rowid to_hid, const char *relation,
		   const char *why, jz_err *e);
/* Makes pid the head; the old head takes old_head_relation. */
int jz_head_change(jz_session *s, jz_rowid pid, const char *old_head_relation,
		   const char *why, jz_err *e);
/* Records a death on date (YYYY-MM-DD, not in the future, not before birth). */
int jz_person_died(jz_session *s, jz_rowid pid, const char *date, const char *why, jz_err *e);
/* 1 if a benefit change dated `date` may touch p (alive on that date). */
int jz_person_alive_on(const jz_person *p, const char *date);

#endif
