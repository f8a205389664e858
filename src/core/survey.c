/* survey.c — the villages' monthly 困难群众摸排表 (see survey.h). */
#include "core/survey.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/ledger_util.h"
#include "core/record.h"
#include "store/township_store.h"

const char *const jz_survey_cats[JZ_SURVEY_N] = {
	"失业人员", "困难企业职工", "未就业高校毕业生", "登记失业农民工", "灵活就业", "低保边缘"};

static int village_month(jz_session *s, const char *village, const char *month, jz_village *v, jz_err *e)
{
	char today[11];
	jz_today(today);
	int r = jz_store_village_by_name(s->db, village ? village : "", v, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail_field(e, JZ_EUSER, "village", "没有「%s」这个村（社区）", village ? village : "");
	if (!month || !jz_month_valid(month))
		return jz_fail_field(e, JZ_EUSER, "month", "月份「%s」不对，应写成 YYYY-MM", month ? month : "");
	if (strncmp(month, today, 7) > 0)
		return jz_fail_field(e, JZ_EUSER, "month", "月份 %s 还没到", month);
	return 0;
}

int jz_survey_hand(jz_session *s, const char *village, const char *month, const long long count[JZ_SURVEY_N],
		   const char *note, const char *date, jz_err *e)
{
	jz_village v;
	struct jz_survey o, n = {0};
	jz_change c;
	if (jz_ledger_need_clerk(s, "登记摸排表", e) || village_month(s, village, month, &v, e) ||
	    jz_ledger_date(date, "handed_on", "报送日期", n.handed_on, e))
		return -1;
	for (int i = 0; i < JZ_SURVEY_N; i++) {
		if (count[i] < 0 || count[i] > 100000)
			return jz_fail_field(e, JZ_EUSER, "count", "%s人数 %lld 不对", jz_survey_cats[i], count[i]);
		n.count[i] = count[i];
	}
	n.village_id = v.id;
	snprintf(n.month, sizeof n.month, "%s", month);
	snprintf(n.by, sizeof n.by, "%s", s->op.login);
	snprintf(n.note, sizeof n.note, "%s", note ? note : "");
	if (jz_tx_begin(s->db, e))
		return -1;
	int had = jz_store_survey_get(s->db, v.id, month, &o, e);
	if (had < 0 || jz_store_survey_put(s->db, &n, e))
		goto fail;
	if (!had)
		memset(&o, 0, sizeof o);
	jz_change_init(&c, had ? "survey.correct" : "survey.hand", "survey", had ? "更正摸排表" : "报送摸排表");
	c.entity_id = v.id;
	jz_diff_text(&c, "village", had ? v.name : "", v.name);
	jz_diff_text(&c, "month", had ? month : "", month);
	jz_diff_text(&c, "handed_on", o.handed_on, n.handed_on);
	for (int i = 0; i < JZ_SURVEY_N; i++)
		jz_diff_int(&c, jz_survey_cats[i], had ? o.count[i] : -1, n.count[i]);
	if (jz_record(s, &c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_survey_person_add(jz_session *s, const char *village, const char *month, const char *category,
			 const char *id_number, const char *name, const char *situation, jz_rowid *id,
			 jz_err *e)
{
	jz_village v;
	char idn[19] = "";
	jz_rowid pid = 0;
	jz_change c;
	int ok = 0;
	if (jz_ledger_need_clerk(s, "登记摸排人员", e) || village_month(s, village, month, &v, e))
		return -1;
	for (int i = 0; i < JZ_SURVEY_N; i++)
		ok |= category && !strcmp(category, jz_survey_cats[i]);
	if (!ok)
		return jz_fail_field(e, JZ_EUSER, "category", "摸排类别「%s」不对，应为 失业人员、困难企业职工、"
				     "未就业高校毕业生、登记失业农民工、灵活就业、低保边缘", category ? category : "");
	if (id_number && id_number[0] && jz_ledger_idno(id_number, idn, e))
		return -1;
	if (!name || !name[0])
		return jz_fail_field(e, JZ_EUSER, "name", "请填写姓名");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_survey_person_insert(s->db, v.id, month, category, idn, name, situation ? situation : "",
					  &pid, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	jz_change_init(&c, "survey.person", "survey_person", category);
	c.entity_id = pid;
	jz_diff_text(&c, "village", "", v.name);
	jz_diff_text(&c, "month", "", month);
	jz_diff_text(&c, "name", "", name);
	jz_diff_text(&c, "id_number", "", idn);
	if (jz_record(s, &c, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	if (id)
		*id = pid;
	return jz_tx_commit(s->db, e);
}
