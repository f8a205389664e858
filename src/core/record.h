/* record.h — writing one change: the data and its event in one transaction.
 *
 * Pattern of every core write:
 *     if (jz_tx_begin(db, e)) return -1;
 *     ... store calls ...
 *     if (jz_record(s, &chg, e)) goto fail;
 *     return jz_tx_commit(db, e) ...
 *   fail: jz_tx_rollback(db); return -1;
 * jz_diff_* collect "字段=旧值" / "字段=新值" lines for the event. */
#ifndef JZ_RECORD_H
#define JZ_RECORD_H

#include "core/session.h"

typedef struct jz_change {
	const char *action;   /* e.g. "person.add" */
	const char *entity;   /* "person", "household", ... */
	jz_rowid entity_id;
	jz_rowid household_id;
	const char *reason;
	char old_text[2048];
	char new_text[2048];
} jz_change;

void jz_change_init(jz_change *c, const char *action, const char *entity, const char *reason);
/* Adds a field to the new side (creation) or, when old differs from new,
 * to both sides. */
void jz_diff_text(jz_change *c, const char *field, const char *old_v, const char *new_v);
void jz_diff_int(jz_change *c, const char *field, long long old_v, long long new_v);
/* Writes the event for c as the session's operator. */
int jz_record(jz_session *s, jz_change *c, jz_err *e);
/* Same, for the moments before anyone is signed in (init). */
int jz_record_as(jz_db *db, const char *login, jz_change *c, jz_err *e);

#endif
