/* township_store.h — the township row, villages, operators and settings. */
#ifndef JZ_TOWNSHIP_STORE_H
#define JZ_TOWNSHIP_STORE_H

#include "core/model.h"
#include "store/db.h"

/* Getters return 1 found, 0 not found, -1 error. */
int jz_store_township_insert(jz_db *db, const jz_township *t, jz_err *e);
int jz_store_township_update(jz_db *db, const jz_township *t, jz_err *e);
int jz_store_township_get(jz_db *db, jz_township *t, jz_err *e);

int jz_store_village_insert(jz_db *db, jz_village *v, jz_err *e);
int jz_store_village_get(jz_db *db, jz_rowid id, jz_village *v, jz_err *e);
int jz_store_village_by_name(jz_db *db, const char *name, jz_village *v, jz_err *e);
/* All villages by code; returns the count (at most max written) or -1. */
int jz_store_villages(jz_db *db, jz_village *out, int max, jz_err *e);

int jz_store_operator_insert(jz_db *db, jz_operator *o, const char *pw_hash, jz_err *e);
/* pw_hash (may be NULL) receives the stored hash (at most n bytes). */
int jz_store_operator_get(jz_db *db, const char *login, jz_operator *o,
			  char *pw_hash, size_t n, jz_err *e);
int jz_store_operator_count(jz_db *db, jz_err *e);

/* The value of key for area (or '*') in force on date (YYYY-MM-DD), into
 * buf; returns 1 found, 0 none, -1 error. The row with the latest
 * from_date on or before date wins; on the same date an area's own row wins
 * over '*'. */
int jz_store_setting_get(jz_db *db, const char *key, const char *area, const char *date,
			 char *buf, size_t n, jz_err *e);
int jz_store_setting_put(jz_db *db, const char *key, const char *area, const char *from_date,
			 const char *value, const char *note, jz_err *e);

/* Every row of the settings whose key starts with prefix, newest first. */
struct jz_setting_row {
	char key[64], area[16], from_date[11], value[64], note[128];
};
int jz_store_settings_list(jz_db *db, const char *prefix, struct jz_setting_row *out, int max,
			   jz_err *e);

#endif
