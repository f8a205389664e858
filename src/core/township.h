/* township.h — the township itself and its villages. */
#ifndef JZ_TOWNSHIP_H
#define JZ_TOWNSHIP_H

#include "core/session.h"

/* Creates the township in a new, empty database, with its first operator
 * `admin` (管理员) holding admin_password. */
int jz_township_create(jz_db *db, const jz_township *t, const char *admin_password, jz_err *e);
/* Reads the township; an empty database is an error saying to run init. */
int jz_township_load(jz_db *db, jz_township *t, jz_err *e);
/* Changes the township's name, county, area code or phone. */
int jz_township_update(jz_session *s, jz_township *t, const char *why, jz_err *e);
/* Adds a village (村) or community (社区). v->code may be empty: the next
 * two-digit code is given. */
int jz_village_add(jz_session *s, jz_village *v, jz_err *e);

#endif
