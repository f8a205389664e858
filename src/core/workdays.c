/* workdays.c — working days and the office's holiday calendar (see
 * workdays.h). */
#include "core/workdays.h"

#include <stdio.h>
#include <string.h>

#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/record.h"
#include "store/aid_store.h"

int jz_weekday(const char *day)
{
	long d = jz_date_to_days(day); /* 1970-01-01 was a Thursday */
	return (int)(((d + 3) % 7 + 7) % 7);
}

int jz_workday(jz_db *db, const char *day, jz_err *e)
{
	char kind[4];
	int r = jz_store_holiday_get(db, day, kind, e);
	if (r < 0)
		return -1;
	if (r)
		return strcmp(kind, "班") == 0;
	return jz_weekday(day) < 5;
}

int jz_workdays_add(jz_db *db, const char *from, int n, char out[11], jz_err *e)
{
	if (!from || !jz_date_valid(from))
		return jz_fail(e, JZ_EUSER, "日期「%s」不对，应写成 YYYY-MM-DD", from ? from : "");
	if (n < 0 || n > 366)
		return jz_fail(e, JZ_EUSER, "工作日数 %d 不对，应在 0 到 366 之间", n);
	long d = jz_date_to_days(from);
	char day[11];
	memcpy(day, from, sizeof day);
	/* A calendar that marks every day 休 would loop for ever: stop at 3 years. */
	for (int left = n, guard = 0; left > 0; guard++) {
		if (guard > 3 * 366)
			return jz_fail(e, JZ_EUSER, "从 %s 起三年内找不到 %d 个工作日：请检查节假日表", from, n);
		jz_days_to_date(++d, day);
		int w = jz_workday(db, day, e);
		if (w < 0)
			return -1;
		left -= w;
	}
	memcpy(out, day, 11);
	return 0;
}

static int check_day(const char *day, jz_err *e)
{
	if (!day || !jz_date_valid(day))
		return jz_fail_field(e, JZ_EUSER, "day", "日期「%s」不对，应写成 YYYY-MM-DD", day ? day : "");
	return 0;
}

static int write_day(jz_session *s, const char *action, const char *day, const char *kind,
		     const char *note, jz_err *e)
{
	jz_change c;
	jz_change_init(&c, action, "holiday", kind ? "节假日安排" : "删除节假日安排");
	jz_diff_text(&c, "日期", NULL, day);
	if (kind) {
		jz_diff_text(&c, "类别", NULL, kind);
		jz_diff_text(&c, "说明", NULL, note);
	}
	if (jz_tx_begin(s->db, e))
		return -1;
	if ((kind ? jz_store_holiday_put(s->db, day, kind, note, e) : jz_store_holiday_delete(s->db, day, e)) ||
	    jz_record(s, &c, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_holiday_set(jz_session *s, const char *day, const char *kind, const char *note, jz_err *e)
{
	static const char *const kinds[] = {"休", "班", NULL};
	if (jz_case_need_role(s, "经办", "编辑节假日", e) || check_day(day, e) ||
	    jz_check_choice("kind", "类别", kind ? kind : "", kinds, 0, e))
		return -1;
	int wd = jz_weekday(day);
	if (!strcmp(kind, "休") && wd >= 5)
		return jz_fail_field(e, JZ_EUSER, "kind", "%s 是星期%s，本来就休息，不用标「休」", day, wd == 5 ? "六" : "日");
	if (!strcmp(kind, "班") && wd < 5)
		return jz_fail_field(e, JZ_EUSER, "kind", "%s 是工作日，本来就上班；「班」用于调休上班的周末", day);
	return write_day(s, "holiday.set", day, kind, note ? note : "", e);
}

int jz_holiday_remove(jz_session *s, const char *day, jz_err *e)
{
	char kind[4];
	if (jz_case_need_role(s, "经办", "编辑节假日", e) || check_day(day, e))
		return -1;
	int r = jz_store_holiday_get(s->db, day, kind, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "%s 不在节假日表里", day);
	return write_day(s, "holiday.remove", day, NULL, NULL, e);
}

int jz_holiday_list(jz_db *db, const char *from, const char *to, struct jz_holiday *out, int max,
		    jz_err *e)
{
	return jz_store_holidays(db, from, to, out, max, e);
}
