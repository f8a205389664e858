/* operator.h — operators, roles and passwords (argon2id, libsodium). */
#ifndef JZ_OPERATOR_H
#define JZ_OPERATOR_H

#include "core/session.h"

/* Checks login and password; on success fills s (s->db must be set). */
int jz_sign_in(jz_session *s, const char *login, const char *password, jz_err *e);
/* Adds an operator; the session must hold 管理员. roles: comma-separated. */
int jz_operator_add(jz_session *s, const char *login, const char *name, const char *roles,
		    const char *password, jz_err *e);
/* The first 管理员 of a new township (no session yet): used by init. */
int jz_operator_add_first(jz_db *db, const char *login, const char *name,
			  const char *password, jz_err *e);
/* Hashes a new password (argon2id at the cost of the auth.* settings) into
 * out; refuses one shorter than 4 characters. For operator*.c. */
#define JZ_PWHASH_BYTES 128
int jz_password_hash(jz_db *db, const char *pw, char out[JZ_PWHASH_BYTES], jz_err *e);

/* Managing operators (operator_admin.c). Each is one transaction with its
 * event; all but jz_operator_passwd on oneself need 管理员, and none may
 * leave the township without an active 管理员. */
int jz_operator_passwd(jz_session *s, const char *login, const char *password, jz_err *e);
int jz_operator_disable(jz_session *s, const char *login, int disabled, const char *why, jz_err *e);
int jz_operator_unlock(jz_session *s, const char *login, jz_err *e);
/* name/roles/id_number: NULL leaves that field alone; id_number "" clears it. */
int jz_operator_set(jz_session *s, const char *login, const char *name, const char *roles,
		    const char *id_number, jz_err *e);
/* jz_operator_add and the operator's own ID, all or nothing. */
int jz_operator_create(jz_session *s, const char *login, const char *name, const char *roles,
		       const char *id_number, const char *password, jz_err *e);
/* All operators by login; returns the count (at most max written) or -1. */
int jz_operator_list(jz_db *db, jz_operator *out, int max, jz_err *e);

/* Validates a role list such as "经办,审核" (each role known, no repeats). */
int jz_roles_valid(const char *roles, jz_err *e);

#endif
