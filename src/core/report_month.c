/* report_month.c — the text part of a month's report and its submission
 * (已报送), with the figures stored as sent (see report.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/record.h"
#include "core/report.h"
#include "store/figures_store.h"


static int check_month(const char *month, jz_err *e)
{
	if (!month || !jz_month_valid(month))
		return jz_fail(e, JZ_EUSER, "月份「%s」不对，应写成 YYYY-MM，例如 2026-03", month ? month : "");
	return 0;
}

static long long month_id(const char *m)
{
	return atoll(m) * 100 + atoll(m + 5);
}

int jz_report_text_get(jz_db *db, const char *month, struct jz_report_text *t, jz_err *e)
{
	struct jz_report_month rm;
	memset(t, 0, sizeof *t);
	if (check_month(month, e) || jz_store_report_month_get(db, month, &rm, e) < 0)
		return -1;
	memcpy(t->progress, rm.progress, sizeof t->progress);
	memcpy(t->problems, rm.problems, sizeof t->problems);
	memcpy(t->help, rm.help, sizeof t->help);
	memcpy(t->submitted_on, rm.submitted_on, sizeof t->submitted_on);
	memcpy(t->submitted_by, rm.submitted_by, sizeof t->submitted_by);
	return 0;
}

static int text_ok(const char *what, const char *s, size_t max, jz_err *e)
{
	if (s && strlen(s) >= max)
		return jz_fail(e, JZ_EUSER, "%s太长（%zu 字节），请压缩到 %zu 字节以内", what, strlen(s), max - 1);
	return 0;
}

int jz_report_text_set(jz_session *s, const char *month, const char *progress,
		       const char *problems, const char *help, jz_err *e)
{
	struct jz_report_month rm;
	jz_change ch;
	if (check_month(month, e))
		return -1;
	if (!jz_session_has_role(s, "经办"))
		return jz_fail(e, JZ_EUSER, "填写月报文字需要「经办」权限");
	if (text_ok("工作进展情况", progress, sizeof rm.progress, e) ||
	    text_ok("存在问题及困难", problems, sizeof rm.problems, e) ||
	    text_ok("请求帮助解决", help, sizeof rm.help, e) || jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_report_month_get(s->db, month, &rm, e) < 0)
		goto fail;
	jz_change_init(&ch, "report.text", "report", "填写月报文字部分");
	ch.entity_id = month_id(month);
	jz_diff_text(&ch, "工作进展情况", rm.progress, progress ? progress : "");
	jz_diff_text(&ch, "存在问题及困难", rm.problems, problems ? problems : "");
	jz_diff_text(&ch, "请求帮助解决", rm.help, help ? help : "");
	snprintf(rm.progress, sizeof rm.progress, "%s", progress ? progress : "");
	snprintf(rm.problems, sizeof rm.problems, "%s", problems ? problems : "");
	snprintf(rm.help, sizeof rm.help, "%s", help ? help : "");
	if (jz_store_report_month_put(s->db, &rm, e) || jz_record(s, &ch, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

static int store_figures(jz_db *db, const struct jz_figures *f, jz_err *e)
{
	if (jz_store_report_figures_clear(db, f->month, e))
		return -1;
	for (int k = 0; jz_fig_stored_tables[k]; k++) {
		const struct jz_fig_table *t = jz_fig_table(f, jz_fig_stored_tables[k]);
		for (int i = 0; t && i < t->nrows; i++)
			for (int c = 0; c < t->rows[i].ncells; c++) {
				const struct jz_fig_cell *x = &t->rows[i].cells[c];
				if (!x->text && jz_store_report_figure_put(db, f->month, t->name, t->rows[i].key,
									   x->col, x->v, e))
					return -1;
			}
	}
	return 0;
}

int jz_report_submit(jz_session *s, const char *month, const char *date, jz_err *e)
{
	struct jz_report_month rm;
	struct jz_figures f;
	jz_change ch;
	char today[11], was[64];
	jz_today(today);
	if (check_month(month, e))
		return -1;
	if (!jz_session_has_role(s, "经办") && !jz_session_has_role(s, "审核"))
		return jz_fail(e, JZ_EUSER, "标记已报送需要「经办」或「审核」权限");
	if (!date || !*date)
		date = today;
	if (!jz_date_valid(date) || strcmp(date, today) > 0)
		return jz_fail(e, JZ_EUSER, "报送日期「%s」不对：应写成 YYYY-MM-DD，且不能晚于今天 %s", date, today);
	if (strncmp(date, month, 7) <= 0)
		return jz_fail(e, JZ_EUSER, "%s 的月报要在月份结束后报送，报送日期 %s 不对", month, date);
	if (jz_figures_compute(s->db, month, &f, e)) {
		jz_figures_free(&f);
		return -1;
	}
	if (jz_tx_begin(s->db, e))
		goto fail_free;
	if (jz_store_report_month_get(s->db, month, &rm, e) < 0 || store_figures(s->db, &f, e))
		goto fail;
	snprintf(was, sizeof was, "%s", rm.submitted_on);
	jz_change_init(&ch, "report.submit", "report", *was ? "重新报送月报" : "月报已报送");
	ch.entity_id = month_id(month);
	jz_diff_text(&ch, "报送日期", was, date);
	snprintf(rm.submitted_on, sizeof rm.submitted_on, "%s", date);
	snprintf(rm.submitted_by, sizeof rm.submitted_by, "%s", s->op.login);
	if (jz_store_report_month_put(s->db, &rm, e) || jz_record(s, &ch, e))
		goto fail;
	jz_figures_free(&f);
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
fail_free:
	jz_figures_free(&f);
	return -1;
}

int jz_report_last_submitted(jz_db *db, char out[8], jz_err *e)
{
	return jz_store_report_last_submitted(db, out, e);
}
