/* case_due.h — what a case waits for on a given day: the step and its
 * role, deadlines passed, 公示 ended, reviews due, 渐退 ending, changes not
 * yet typed into the provincial system. Feeds `case list --due` and the
 * desk's to-do list. */
#ifndef JZ_CASE_DUE_H
#define JZ_CASE_DUE_H

#include "core/case.h"

struct jz_case_due {
	const char *kind;  /* 待办 调查超期 公示期满 复核到期 渐退到期 省系统 */
	int urgent;
	int mine;          /* the step waits for the operator's role */
	char text[200];
	char due[11];
};

/* Fills up to max items for case c on today; op (may be NULL) decides
 * which steps are "mine". Returns the count. */
int jz_case_dues(const jz_case *c, const jz_operator *op, int democratic, const char *today,
		 struct jz_case_due *out, int max);

#endif
