/* audit.h — reading the event trail for people: the history of one case
 * (or 临时救助 case, household, operator) and the events of a period for
 * an inspector, on screen or exported (xlsx, CSV). */
#ifndef JZ_AUDIT_H
#define JZ_AUDIT_H

#include "store/event.h"

struct jz_audit_filter {
	const char *from, *to;  /* YYYY-MM-DD, either may be NULL */
	const char *entity;     /* "case", "aid_case", "household", "person", "operator"... or NULL */
	long long entity_id;
};

/* Calls fn for each event matching f, oldest first; fn returns nonzero to stop. */
int jz_audit_each(jz_db *db, const struct jz_audit_filter *f, jz_event_fn fn, void *arg, jz_err *e);

/* A Chinese name for an action ("case.step" -> "案件办理"); the action
 * itself when unknown. */
const char *jz_audit_action_label(const char *action);

/* An event's "字段=值" lines on one line: "a=b；c=d" (out of n bytes). */
void jz_audit_one_line(const char *s, char *out, size_t n);

/* Writes the events matching f to path: .xlsx, or .csv (GBK unless utf8);
 * returns the number written or -1. */
int jz_audit_export(jz_db *db, const struct jz_audit_filter *f, const char *path, int utf8, jz_err *e);

#endif
