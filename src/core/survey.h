/* survey.h — 困难群众摸排表: each village hands in its monthly survey (counts
 * of 失业人员, 困难企业职工, 未就业高校毕业生, 登记失业农民工 without
 * unemployment insurance, 灵活就业, 低保边缘, and the persons), due on the
 * day of setting survey.due_day. Role 经办. */
#ifndef JZ_SURVEY_H
#define JZ_SURVEY_H

#include "core/session.h"
#include "store/ledger_store_write.h"

extern const char *const jz_survey_cats[JZ_SURVEY_N];

/* Records (or corrects) village's survey of month with its counts. */
int jz_survey_hand(jz_session *s, const char *village, const char *month, const long long count[JZ_SURVEY_N],
		   const char *note, const char *date, jz_err *e);
int jz_survey_person_add(jz_session *s, const char *village, const char *month, const char *category,
			 const char *id_number, const char *name, const char *situation, jz_rowid *id,
			 jz_err *e);

#endif
