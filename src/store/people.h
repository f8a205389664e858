/* people.h — households and persons in the database. */
#ifndef JZ_STORE_PEOPLE_H
#define JZ_STORE_PEOPLE_H

#include "core/model.h"
#include "store/db.h"

/* Getters return 1 when found, 0 when not, -1 on error. */
int jz_store_household_insert(jz_db *db, jz_household *h, jz_err *e);
int jz_store_household_update(jz_db *db, const jz_household *h, jz_err *e);
int jz_store_household_get(jz_db *db, jz_rowid id, jz_household *h, jz_err *e);
int jz_store_household_by_number(jz_db *db, const char *number, jz_household *h, jz_err *e);
/* Highest serial of household numbers starting with prefix (0 if none). */
int jz_store_household_max_serial(jz_db *db, const char *prefix, jz_err *e);

int jz_store_person_insert(jz_db *db, jz_person *p, jz_err *e);
int jz_store_person_update(jz_db *db, const jz_person *p, jz_err *e);
int jz_store_person_get(jz_db *db, jz_rowid id, jz_person *p, jz_err *e);
int jz_store_person_by_idno(jz_db *db, const char *id_number, jz_person *p, jz_err *e);
int jz_store_household_head(jz_db *db, jz_rowid household_id, jz_person *p, jz_err *e);

/* Members of a household, head first, then by birth. Returns the count
 * (at most max written), or -1. */
int jz_store_members(jz_db *db, jz_rowid household_id, jz_person *out, int max, jz_err *e);

/* Open households whose head has died: fn(household, head, arg) each. */
int jz_store_dead_heads(jz_db *db, int (*fn)(const jz_household *, const jz_person *, void *),
			void *arg, jz_err *e);

struct jz_counts {
	long long villages, households, persons;
};
int jz_store_counts(jz_db *db, struct jz_counts *c, jz_err *e);

#endif
