/* case_util.h — what the case files share: role checks, the event of a
 * case change, and whether a case may still be edited. Internal to core. */
#ifndef JZ_CASE_UTIL_H
#define JZ_CASE_UTIL_H

#include "core/case.h"

/* Refuses unless the operator holds role; `what` names the action. */
int jz_case_need_role(const jz_session *s, const char *role, const char *what, jz_err *e);
/* Writes case c (update) is done by the caller; this writes the event
 * "action" on case c with reason why and an extra detail line. */
int jz_case_record(jz_session *s, const jz_case *c, const char *action, const char *why,
		   const char *detail, jz_err *e);
/* Means-test figures may change only before approval, or at a review. */
int jz_case_editable(const jz_case *c, jz_err *e);

/* When the case is next reviewed (动态管理), by category of household:
 * stable (no one able to work, or not 低保) yearly, households living on
 * unsteady work (an able adult in 外出务工, 灵活就业 or 未登记失业) most often,
 * the rest in between — the months are settings. Writes the last day of
 * the month due into out. */
int jz_case_review_due(jz_db *db, const jz_case *c, const char *today, char out[11], jz_err *e);

#endif
