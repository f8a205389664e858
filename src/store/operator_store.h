/* operator_store.h — SQL for managing operators: their details, password
 * hashes, the wrong-password count and lock, and the list. Reading one
 * operator and adding one are in township_store.h. */
#ifndef JZ_OPERATOR_STORE_H
#define JZ_OPERATOR_STORE_H

#include "core/model.h"
#include "store/db.h"

/* Writes name, roles, id_number and disabled of operator o->id. */
int jz_store_operator_update(jz_db *db, const jz_operator *o, jz_err *e);
int jz_store_operator_set_hash(jz_db *db, jz_rowid id, const char *pw_hash, jz_err *e);
/* Writes failed and locked_until of o->id. */
int jz_store_operator_set_lock(jz_db *db, const jz_operator *o, jz_err *e);
/* All operators by login; returns the count (at most max written) or -1. */
int jz_store_operator_list(jz_db *db, jz_operator *out, int max, jz_err *e);
/* Active operators holding 管理员. */
int jz_store_operator_admins(jz_db *db, jz_err *e);

#endif
