/* cli_case_show.c — `jiuzhu case show` and `jiuzhu case list`: a case with
 * its dates, members, amount and the working of its means test; the list of
 * cases, or those with something due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_due.h"
#include "core/clock.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/case_store.h"
#include "store/people.h"

static void line(const char *label, const char *v)
{
	if (v && *v)
		printf("%s：%s\n", label, v);
}

static void print_case(jz_db *db, const jz_case *c)
{
	jz_household h = {0};
	jz_person head = {0};
	jz_err e = {0};
	char buf[1200];
	jz_store_household_get(db, c->household_id, &h, &e);
	jz_store_household_head(db, c->household_id, &head, &e);
	printf("案件 %s  %s（%s）  状态：%s\n", c->number, c->programme, c->mode, c->state);
	snprintf(buf, sizeof buf, "%s（户主 %s），%s", h.number, head.name, c->area);
	line("家庭", buf);
	snprintf(buf, sizeof buf, "%s 由 %s 受理，调查期限 %s", c->accepted_on, c->accepted_by, c->investigate_due);
	line("受理", buf);
	if (*c->investigated_on) {
		snprintf(buf, sizeof buf, "%s，调查人 %s；%s", c->investigated_on, c->investigators, c->findings);
		line("入户调查", buf);
	}
	if (*c->notice_from) {
		snprintf(buf, sizeof buf, "%s 至 %s", c->notice_from, c->notice_to);
		line("公示", buf);
	}
	if (*c->approved_on) {
		snprintf(buf, sizeof buf, "%s 由 %s 审批%s%s%s%s，%s 起发放", c->approved_on, c->approved_by,
			 *c->county_doc ? "，县审批文号 " : "", c->county_doc, *c->county_date ? " " : "",
			 c->county_date, c->start_month);
		line("审批", buf);
	}
	line("自理能力", c->self_care);
	line("复核到期", c->review_due);
	line("渐退到", c->grace_until);
	if (*c->exit_on) {
		snprintf(buf, sizeof buf, "%s，%s%s%s（发放到 %s）", c->exit_on, c->exit_reason, *c->exit_note ? "，" : "",
			 c->exit_note, c->end_month);
		line("退出", buf);
	}
	line("不予理由", c->refused_reason);
	if (c->province_pending)
		printf("省系统：变动未录入\n");
	else if (*c->province_on)
		printf("省系统：%s 由 %s 录入\n", c->province_on, c->province_by);
}

static void print_members(jz_db *db, const jz_case *c)
{
	jz_rowid ids[64];
	jz_err e = {0};
	int n = jz_store_case_members(db, c->id, ids, 64, &e);
	printf("保障对象 %d 人：", n < 0 ? 0 : n);
	for (int i = 0; i < n && i < 64; i++) {
		jz_person p;
		if (jz_store_person_get(db, ids[i], &p, &e) > 0)
			printf("%s%s（%s）", i ? "、" : "", p.name, p.id_number);
	}
	printf("\n");
}

int jz_cmd_case_show(jz_cli *c, const char *key)
{
	jz_err e = {0};
	char today[11], month[8], a[32];
	jz_db *db = jz_cli_open(c, &e);
	jz_case cs;
	if (!db || jz_case_load(db, key, &cs, &e)) {
		jz_db_close(db);
		return jz_cli_report(&e);
	}
	jz_today(today);
	jz_month_of(today, month);
	print_case(db, &cs);
	print_members(db, &cs);
	struct jz_case_amount am;
	if (jz_store_amount_in(db, cs.id, month, &am, &e) > 0) {
		jz_money_format(am.total_fen, a, sizeof a);
		printf("%s 月保障金额：%s 元（%s 起，%s）\n", month, a, am.from_month, am.note);
	}
	struct jz_case_means *cm = calloc(1, sizeof *cm);
	if (cm && jz_case_calc(db, &cs, month, cm, &e) == 0) {
		printf("%s 月核算：\n", month);
		for (int i = 0; i < cm->r.nlines; i++)
			printf("  %s\n", cm->r.lines[i].text);
	} else if (cm)
		printf("核算：%s\n", e.msg);
	free(cm);
	jz_db_close(db);
	return 0;
}

struct list_ctx {
	jz_db *db;
	int due_only, democratic, shown;
	const char *today;
};

static int list_one(const jz_case *c, void *arg)
{
	struct list_ctx *x = arg;
	struct jz_case_due d[8];
	const char *role;
	jz_person head = {0};
	jz_err e = {0};
	int n = jz_case_dues(c, NULL, x->democratic, x->today, d, 8);
	if (x->due_only && n == 0)
		return 0;
	jz_store_household_head(x->db, c->household_id, &head, &e);
	const char *next = jz_case_next_step(c, x->democratic, &role);
	printf("%-12s %-8s %-10s %-6s %s%s%s", c->number, c->programme, head.name, c->state,
	       next ? "下一步：" : "", next ? next : "", next ? "" : "");
	for (int i = 0; i < n; i++)
		printf("  [%s] %s", d[i].kind, d[i].text);
	printf("\n");
	x->shown++;
	return 0;
}

int jz_cmd_case_list(jz_cli *c)
{
	const char *state = "", *pos[1];
	int due = 0;
	jz_opt opts[] = {{"--state", &state, NULL}, {"--due", NULL, &due}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char today[11];
	long long dem = 0;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_today(today);
	jz_db *db = jz_cli_open(c, &e);
	struct list_ctx x = {db, due, 0, 0, today};
	if (!db || jz_setting_int(db, "case.democratic_review", "*", today, &dem, &e)) {
		jz_db_close(db);
		return jz_cli_report(&e);
	}
	x.democratic = (int)dem;
	int rc = jz_store_cases(db, state, list_one, &x, &e);
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("共 %d 件\n", x.shown);
	return 0;
}
