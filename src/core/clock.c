/* clock.c — today's date and calendar arithmetic (see clock.h). */
#define _POSIX_C_SOURCE 200809L
#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char fixed_now[20];   /* from JIUZHU_NOW, or "" */
static char now_file[1024];  /* JIUZHU_NOW=@FILE: the time is read from FILE each time */
static char fixed_today[11]; /* from --today, or "" */

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int jz_days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return d[m - 1] + (m == 2 && leap(y));
}

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = atoi(s);
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return 0;
}

int jz_date_valid(const char *s)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || parse_ymd(s, &y, &m, &d))
		return 0;
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= jz_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil. */
long jz_date_to_days(const char *s)
{
	int y, m, d;
	if (parse_ymd(s, &y, &m, &d))
		return 0;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void jz_days_to_date(long z, char buf[11])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y % 10000, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

int jz_age_on(const char *birth, const char *day)
{
	int by, bm, bd, y, m, d;
	if (parse_ymd(birth, &by, &bm, &bd) || parse_ymd(day, &y, &m, &d))
		return -1;
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

static int valid_now(const char *s)
{
	if (strlen(s) != 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return 0;
	char day[11];
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!jz_date_valid(day))
		return 0;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return atoi(s + 11) < 24 && atoi(s + 14) < 60 && atoi(s + 17) < 60;
}

/* Reads the time from now_file into fixed_now; 1 if it held a valid one
 * (else fixed_now keeps the last good value). */
static int read_now_file(void)
{
	char buf[32] = "";
	FILE *f = fopen(now_file, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, 19, f);
	fclose(f);
	buf[n] = '\0';
	if (!valid_now(buf))
		return 0;
	memcpy(fixed_now, buf, 20);
	return 1;
}

long jz_minutes_between(const char *a, const char *b)
{
	if (strlen(a) < 16 || strlen(b) < 16)
		return 0;
	long ma = jz_date_to_days(a) * 1440 + atoi(a + 11) * 60 + atoi(a + 14);
	long mb = jz_date_to_days(b) * 1440 + atoi(b + 11) * 60 + atoi(b + 14);
	return mb - ma;
}

int jz_clock_init(jz_err *e)
{
	const char *v = getenv("JIUZHU_NOW");
	fixed_now[0] = '\0';
	now_file[0] = '\0';
	if (!v || !*v)
		return 0;
	if (v[0] == '@') { /* tests that let time pass: the file holds the time */
		snprintf(now_file, sizeof now_file, "%s", v + 1);
		if (read_now_file())
			return 0;
		now_file[0] = '\0';
		return jz_fail(e, JZ_EUSER, "JIUZHU_NOW 指定的文件 %s 里没有有效时间（YYYY-MM-DDTHH:MM:SS）", v + 1);
	}
	if (!valid_now(v))
		return jz_fail(e, JZ_EUSER,
			"环境变量 JIUZHU_NOW 的值「%s」不是有效时间，应写成 YYYY-MM-DDTHH:MM:SS，例如 2026-03-10T09:30:00", v);
	memcpy(fixed_now, v, 20);
	return 0;
}

int jz_clock_set_today(const char *ymd, jz_err *e)
{
	if (!ymd || !jz_date_valid(ymd))
		return jz_fail(e, JZ_EUSER,
			"--today 的值「%s」不是有效日期，应写成 YYYY-MM-DD，例如 2026-03-10", ymd ? ymd : "");
	memcpy(fixed_today, ymd, 11);
	return 0;
}

void jz_now(char buf[20])
{
	if (now_file[0])
		read_now_file();
	if (fixed_now[0])
		memcpy(buf, fixed_now, 20);
	else {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
	}
	if (fixed_today[0])
		memcpy(buf, fixed_today, 10);
}

void jz_today(char buf[11])
{
	char now[20];
	jz_now(now);
	memcpy(buf, now, 10);
	buf[10] = '\0';
}

void jz_month_of(const char *ymd, char out[8])
{
	memcpy(out, ymd, 7);
	out[7] = '\0';
}

int jz_month_valid(const char *ym)
{
	char day[11];
	if (!ym || strlen(ym) != 7)
		return 0;
	memcpy(day, ym, 7);
	memcpy(day + 7, "-01", 4);
	return jz_date_valid(day);
}

void jz_month_add(const char *ym, int n, char out[8])
{
	int y = atoi(ym), m = atoi(ym + 5);
	long t = (long)y * 12 + (m - 1) + n;
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld", (t / 12) % 10000, t % 12 + 1);
	memcpy(out, tmp, 7);
	out[7] = '\0';
}

void jz_month_last_day(const char *ym, char out[11])
{
	int y = atoi(ym), m = atoi(ym + 5);
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%.7s-%02d", ym, jz_days_in_month(y, m) % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int jz_clock_fixed_today(char buf[11])
{
	if (!fixed_today[0])
		return 0;
	memcpy(buf, fixed_today, 11);
	return 1;
}

void jz_clock_clear_today(void)
{
	fixed_today[0] = '\0';
}
