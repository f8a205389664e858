/* session.h — who is working: the open database and the signed-in operator.
 * Every core function that changes data takes a session, so every event
 * carries who did it. */
#ifndef JZ_SESSION_H
#define JZ_SESSION_H

#include "core/model.h"
#include "store/db.h"

typedef struct jz_session {
	jz_db *db;
	jz_operator op;
} jz_session;

/* 1 if the operator holds role (经办, 审核, 审批, 管理员); 管理员 holds all. */
int jz_session_has_role(const jz_session *s, const char *role);

#endif
