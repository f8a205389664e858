/* settings.h — reading the settings and standards in force on a date.
 * Every number of policy (standards, factors, grace months, limits) is a row
 * of the setting table with an area and an effective date, never a constant. */
#ifndef JZ_SETTINGS_H
#define JZ_SETTINGS_H

#include "core/session.h"

/* The integer value of key for area ('*', 城市, 农村) on date. A missing
 * setting is an error that tells the clerk which setting to fill in. */
int jz_setting_int(jz_db *db, const char *key, const char *area, const char *date,
		   long long *out, jz_err *e);
/* The text value of key (lists such as "a|b|c"). */
int jz_setting_text(jz_db *db, const char *key, const char *area, const char *date, char *buf,
		    size_t n, jz_err *e);
/* Sets key for area from from_date (YYYY-MM-DD) on, with an event. */
int jz_setting_set(jz_session *s, const char *key, const char *area, const char *from_date,
		   const char *value, const char *why, jz_err *e);

#endif
