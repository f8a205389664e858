/* care.h — 特困 分散供养: care agreements (照料护理协议) for those who cannot
 * care for themselves, and the regular visits (探访) of every such person at
 * the interval of setting tekun.visit_interval_days. Role 经办. */
#ifndef JZ_CARE_H
#define JZ_CARE_H

#include "core/session.h"

/* A visit of the 特困 case (number or id); date "" = today. */
int jz_visit_add(jz_session *s, const char *case_key, const char *date, const char *visitor,
		 const char *finding, const char *needs, jz_rowid *id, jz_err *e);

struct jz_care_in {
	const char *carer_name, *carer_id_number, *carer_phone, *carer_relation;
	const char *signed_on, *valid_until, *content;
};
int jz_care_add(jz_session *s, const char *case_key, const struct jz_care_in *in, jz_rowid *id, jz_err *e);
int jz_care_end(jz_session *s, jz_rowid id, const char *date, jz_err *e);

#endif
