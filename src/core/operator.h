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
/* Validates a role list such as "经办,审核" (each role known, no repeats). */
int jz_roles_valid(const char *roles, jz_err *e);

#endif
