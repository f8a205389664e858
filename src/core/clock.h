/* clock.h — the program's idea of "now".
 *
 * Nothing else reads the system clock. `--today YYYY-MM-DD` or the
 * environment variable JIUZHU_NOW=YYYY-MM-DDTHH:MM:SS override it, so tests
 * and a clerk whose PC clock is wrong get the same dates everywhere.
 * JIUZHU_NOW=@FILE reads the time from FILE each time it is asked, so a
 * test can let time pass (idle lock, lockout, daily backups). */
#ifndef JZ_CLOCK_H
#define JZ_CLOCK_H

#include "core/err.h"

/* Reads JIUZHU_NOW once; returns -1 with a message if it is malformed. */
int jz_clock_init(jz_err *e);
/* Overrides the date (time of day stays from JIUZHU_NOW or the real clock). */
int jz_clock_set_today(const char *ymd, jz_err *e);
/* 1 and the date in buf when --today fixed it; 0 otherwise. */
int jz_clock_fixed_today(char buf[11]);
/* Back to JIUZHU_NOW or the real date (after jz_clock_set_today). */
void jz_clock_clear_today(void);
/* "YYYY-MM-DD" into buf (11 bytes). */
void jz_today(char buf[11]);
/* "YYYY-MM-DDTHH:MM:SS" into buf (20 bytes). */
void jz_now(char buf[20]);

/* Whole minutes from a to b (YYYY-MM-DDTHH:MM...), negative if b is earlier. */
long jz_minutes_between(const char *a, const char *b);

/* Date helpers on ISO text. */
int jz_date_valid(const char *ymd);          /* 1 if a real calendar date */
int jz_days_in_month(int y, int m);
long jz_date_to_days(const char *ymd);       /* days since 1970-01-01 */
void jz_days_to_date(long days, char buf[11]);
/* Months as "YYYY-MM": the month of a date, and n months later (n may be
 * negative). 1 if ym is a valid month. */
void jz_month_of(const char *ymd, char out[8]);
void jz_month_add(const char *ym, int n, char out[8]);
int jz_month_valid(const char *ym);
/* The last day of month ym, "YYYY-MM-DD". */
void jz_month_last_day(const char *ym, char out[11]);
/* Whole years between birth and day (age on that day). */
int jz_age_on(const char *birth, const char *day);

#endif
