/* workdays.h — working days from the office's holiday calendar (table
 * holiday): a day is a working day when it is Monday to Friday and not
 * marked 休, or when it is marked 班 (a weekend day worked, 调休). The
 * calendar is edited by the office (`jiuzhu holiday add`), since the State
 * Council publishes it each year. */
#ifndef JZ_WORKDAYS_H
#define JZ_WORKDAYS_H

#include "core/session.h"

/* 1 if day (YYYY-MM-DD) is a working day, 0 if not, -1 on error. */
int jz_workday(jz_db *db, const char *day, jz_err *e);
/* The n-th working day after from (from itself never counts; n = 0 gives
 * from). n from 0 to 366. */
int jz_workdays_add(jz_db *db, const char *from, int n, char out[11], jz_err *e);
/* 0 Monday .. 6 Sunday. */
int jz_weekday(const char *day);

/* One day of the calendar. kind: 休 (a weekday off) or 班 (a weekend day
 * at work). Setting a day again replaces it. */
struct jz_holiday {
	char day[11];
	char kind[4];
	char note[96];
};
int jz_holiday_set(jz_session *s, const char *day, const char *kind, const char *note, jz_err *e);
int jz_holiday_remove(jz_session *s, const char *day, jz_err *e);
/* Days from..to (either may be NULL: open), in order; returns the count
 * (at most max written). */
int jz_holiday_list(jz_db *db, const char *from, const char *to, struct jz_holiday *out, int max,
		    jz_err *e);

#endif
