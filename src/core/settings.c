/* settings.c — settings and standards in force on a date (see settings.h). */
#include "core/settings.h"

#include <errno.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/record.h"
#include "store/township_store.h"

int jz_setting_int(jz_db *db, const char *key, const char *area, const char *date,
		   long long *out, jz_err *e)
{
	char buf[64], *end;
	int r = jz_store_setting_get(db, key, area, date, buf, sizeof buf, e);
	if (r < 0)
		return -1;
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "缺少设置「%s」（地区：%s，日期：%s）。请在「设置」里填写后再试",
			       key, area ? area : "全部", date);
	errno = 0;
	*out = strtoll(buf, &end, 10);
	if (errno || end == buf || *end)
		return jz_fail(e, JZ_EDATA, "设置「%s」的值「%s」不是整数，请在「设置」里改正", key, buf);
	return 0;
}

int jz_setting_text(jz_db *db, const char *key, const char *area, const char *date, char *buf,
		    size_t n, jz_err *e)
{
	int r = jz_store_setting_get(db, key, area, date, buf, n, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "缺少设置「%s」（地区：%s，日期：%s）。请在「设置」里填写后再试",
			       key, area ? area : "全部", date);
	return r < 0 ? -1 : 0;
}

int jz_setting_set(jz_session *s, const char *key, const char *area, const char *from_date,
		   const char *value, const char *why, jz_err *e)
{
	if (!jz_session_has_role(s, "管理员"))
		return jz_fail(e, JZ_EUSER, "只有管理员可以修改设置和保障标准（当前操作员 %s）", s->op.login);
	if (!jz_date_valid(from_date))
		return jz_fail(e, JZ_EUSER, "设置「%s」的生效日期「%s」无效，应写成 YYYY-MM-DD", key, from_date);
	jz_change c;
	jz_change_init(&c, "setting.set", "setting", why);
	jz_diff_text(&c, "项目", NULL, key);
	jz_diff_text(&c, "地区", NULL, area);
	jz_diff_text(&c, "生效日期", NULL, from_date);
	jz_diff_text(&c, "值", NULL, value);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_setting_put(s->db, key, area, from_date, value, NULL, e) || jz_record(s, &c, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}
