/* cli_aid.c — `jiuzhu aid ...` (临时救助) and `jiuzhu holiday ...` (the
 * office's holiday calendar for working days): the same core calls as the
 * desk. Subcommands of aid: new, step, pay, schedule, paperwork, followup,
 * refer, meeting, convert, show, list, receipt, figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/aid.h"
#include "core/case.h"
#include "core/clock.h"
#include "core/workdays.h"
#include "store/aid_store.h"
#include "store/case_store.h"
#include "store/people.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu aid new --person 身份证号 [--name 姓名] [--from 户籍地] --kind 急难|支出 --cause 原因\n"
	"        --amount 元 [--need 困难情况] [--evidence 证明材料] [--persons 人数]\n"
	"        [--advance [--method 现金|银行]] --as 操作员\n"
	"  jiuzhu aid step 案件 --as 操作员 [--result 通过|不通过] [--note 说明] [--amount 元]\n"
	"        [--doc 县审批文号 --doc-date YYYY-MM-DD]\n"
	"        [--yishi-date YYYY-MM-DD --yishi-people 参加人员 --yishi-reason 理由]\n"
	"  jiuzhu aid pay 案件 [元] [--method 现金|银行] [--date YYYY-MM-DD] --as 操作员\n"
	"  jiuzhu aid schedule 案件 --stage YYYY-MM-DD:元 [--stage ...] --as 操作员\n"
	"  jiuzhu aid paperwork 案件 --note 事后补充说明 --as 操作员\n"
	"  jiuzhu aid followup 案件 --amount 元 [--kind 急难|支出] [--cause 原因] [--need 困难情况]\n"
	"        [--persons 人数] [--advance] --as 操作员\n"
	"  jiuzhu aid refer 案件 --department 部门 [--note 说明] --as 操作员\n"
	"  jiuzhu aid meeting 案件 --date YYYY-MM-DD --note 会商情况 --as 操作员\n"
	"  jiuzhu aid convert 案件 --programme 低保|特困 --as 操作员\n"
	"  jiuzhu aid show 案件\n"
	"  jiuzhu aid list [--due]\n"
	"  jiuzhu aid receipt 案件 [--seq 次] [-o 文件.xlsx|文件.txt]\n"
	"  jiuzhu aid figures [--month YYYY-MM]\n";

static const char HOLIDAY_USAGE[] =
	"用法：\n"
	"  jiuzhu holiday add YYYY-MM-DD 休|班 [--note 说明] --as 操作员\n"
	"  jiuzhu holiday remove YYYY-MM-DD --as 操作员\n"
	"  jiuzhu holiday list [--year YYYY]\n";

static int usage(void)
{
	fputs(USAGE, stderr);
	return 1;
}

static const char *yuan(long long fen, char buf[32])
{
	jz_aid_yuan(fen, buf, 32);
	return buf;
}

static int persons_opt(const char *v, int *out, jz_err *e)
{
	long n = 0;
	if (v && jz_cli_int("--persons", v, 1, 99, &n, e))
		return -1;
	*out = (int)n;
	return 0;
}

static void print_new(jz_db *db, const jz_aid *a)
{
	struct jz_aid_payment p[4];
	char y[32];
	printf("已受理临时救助（%s型，%s），申请 %s 元%s\n", a->kind, a->cause, yuan(a->asked_fen, y),
	       a->non_local ? "，非本地户籍" : "");
	if (a->advance && jz_aid_payments(db, a->id, p, 4, NULL) > 0)
		printf("已先行发放 %s 元（%s），调查、审批记录和事后补充说明要在 %s 前补齐\n", yuan(p[0].amount_fen, y),
		       p[0].method, a->paperwork_due);
	else
		printf("下一步：入户调查\n");
	printf("%s\n", a->number);
}

static int cmd_new(jz_cli *c)
{
	const char *as = NULL, *idn = NULL, *name = NULL, *from = NULL, *kind = NULL, *cause = NULL;
	const char *amount = NULL, *need = NULL, *evidence = NULL, *persons = NULL, *method = NULL, *pos[1];
	int advance = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--person", &idn, NULL}, {"--name", &name, NULL},
			 {"--from", &from, NULL}, {"--kind", &kind, NULL}, {"--cause", &cause, NULL},
			 {"--amount", &amount, NULL}, {"--need", &need, NULL}, {"--evidence", &evidence, NULL},
			 {"--persons", &persons, NULL}, {"--method", &method, NULL}, {"--advance", NULL, &advance},
			 {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	if (!idn || !kind || !cause || !amount)
		return usage();
	struct jz_aid_new in = {idn, name, from, kind, cause, need, evidence, 0, 0, advance, method};
	if (jz_cli_money("--amount", amount, &in.asked_fen, &e) || persons_opt(persons, &in.persons, &e) ||
	    jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_aid a;
	int rc = jz_aid_new(&s, &in, &a, &e);
	if (!rc)
		print_new(s.db, &a);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_step(jz_cli *c)
{
	const char *as = NULL, *result = NULL, *note = NULL, *amount = NULL, *doc = NULL, *docd = NULL;
	const char *yd = NULL, *yp = NULL, *yr = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--result", &result, NULL}, {"--note", &note, NULL},
			 {"--amount", &amount, NULL}, {"--doc", &doc, NULL}, {"--doc-date", &docd, NULL},
			 {"--yishi-date", &yd, NULL}, {"--yishi-people", &yp, NULL}, {"--yishi-reason", &yr, NULL},
			 {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long long fen = 0;
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (result && strcmp(result, "通过") && strcmp(result, "不通过")) {
		fprintf(stderr, "jiuzhu: --result 只能是 通过 或 不通过\n");
		return 1;
	}
	if ((amount && jz_cli_money("--amount", amount, &fen, &e)) || jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	if (amount && fen == 0) {
		jz_db_close(s.db);
		fprintf(stderr, "jiuzhu: --amount 审批金额要大于 0\n");
		return 1;
	}
	jz_aid a;
	char y[32];
	struct jz_aid_step st = {result && !strcmp(result, "不通过"), note, fen, doc, docd, yd, yp, yr};
	int rc = jz_aid_load(s.db, pos[0], &a, &e) || jz_aid_step(&s, a.id, &st, &e) ||
		 jz_aid_get(s.db, a.id, &a, &e);
	int county = !rc && !strcmp(a.state, "已审批") ? jz_aid_needs_county(s.db, &a, &e) : 0;
	jz_db_close(s.db);
	if (rc || county < 0)
		return jz_cli_report(&e);
	printf("案件 %s 现在是「%s」", a.number, a.state);
	if (*a.approved_on)
		printf("，审批金额 %s 元", yuan(a.approved_fen, y));
	if (county && !*a.county_doc)
		printf("；超过乡镇审批额度，县民政局审批后（记录文号）才能发放");
	else if (*a.county_doc)
		printf("；县审批文号 %s", a.county_doc);
	printf("\n");
	return 0;
}

static int cmd_pay(jz_cli *c)
{
	const char *as = NULL, *method = NULL, *date = NULL, *pos[2] = {NULL, NULL};
	jz_opt opts[] = {{"--as", &as, NULL}, {"--method", &method, NULL}, {"--date", &date, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long long fen = 0;
	for (int i = 2; i < c->argc; i++)
		if (c->argv[i][0] == '-' && c->argv[i][1] >= '0' && c->argv[i][1] <= '9') {
			fprintf(stderr, "jiuzhu: 发放金额「%s」不对：不能是负数\n", c->argv[i]);
			return 1;
		}
	int npos = jz_cli_parse(&sub, opts, pos, 2, &e);
	if (npos < 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (npos == 2 && jz_cli_money("金额", pos[1], &fen, &e))
		return jz_cli_report(&e);
	if (npos == 2 && fen == 0) {
		fprintf(stderr, "jiuzhu: 发放金额要大于 0\n");
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_aid a;
	struct jz_aid_payment p;
	long long paid = 0, planned = 0;
	char y[32], z[32];
	int rc = jz_aid_load(s.db, pos[0], &a, &e) || jz_aid_pay(&s, a.id, fen, method, date, &p, &e) ||
		 jz_aid_get(s.db, a.id, &a, &e) || jz_store_aid_sums(s.db, a.id, &paid, &planned, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("案件 %s 第 %d 次发放 %s 元（%s，%s），已发放合计 %s 元，现在是「%s」\n", a.number, p.seq,
	       yuan(p.amount_fen, y), p.method, p.paid_on, yuan(paid, z), a.state);
	return 0;
}

/* "2026-12-01:500" into a stage. */
static int parse_stage(const char *v, struct jz_aid_stage *st, jz_err *e)
{
	const char *colon = strchr(v, ':');
	if (!colon || colon - v != 10)
		return jz_fail(e, JZ_EUSER, "--stage 的值「%s」不对，应写成 YYYY-MM-DD:金额，例如 2026-12-01:500", v);
	memcpy(st->due_on, v, 10);
	st->due_on[10] = '\0';
	if (!jz_date_valid(st->due_on))
		return jz_fail(e, JZ_EUSER, "--stage 的日期「%s」不对，应写成 YYYY-MM-DD", st->due_on);
	return jz_cli_money("--stage", colon + 1, &st->fen, e);
}

static int cmd_schedule(jz_cli *c)
{
	const char *as = NULL, *vals[24], *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	struct jz_aid_stage st[24];
	int n = jz_cli_take_multi(&sub, "--stage", vals, 24, &e);
	if (n < 0 || jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (n == 0)
		return usage();
	for (int i = 0; i < n; i++)
		if (parse_stage(vals[i], &st[i], &e))
			return jz_cli_report(&e);
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_aid a;
	int rc = jz_aid_load(s.db, pos[0], &a, &e) || jz_aid_schedule(&s, a.id, st, n, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("案件 %s 已安排分 %d 期发放，第 1 期 %s\n", a.number, n, st[0].due_on);
	return 0;
}

/* paperwork, meeting, refer, convert: one call on a case. */
static int cmd_simple(jz_cli *c, const char *what)
{
	const char *as = NULL, *note = NULL, *date = NULL, *dep = NULL, *prog = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--note", &note, NULL}, {"--date", &date, NULL},
			 {"--department", &dep, NULL}, {"--programme", &prog, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_aid a;
	jz_case cs = {0};
	int rc = jz_aid_load(s.db, pos[0], &a, &e);
	if (!rc && !strcmp(what, "paperwork"))
		rc = jz_aid_paperwork(&s, a.id, note, &e);
	else if (!rc && !strcmp(what, "meeting"))
		rc = jz_aid_meeting(&s, a.id, date, note, &e);
	else if (!rc && !strcmp(what, "refer"))
		rc = jz_aid_refer(&s, a.id, dep, note, &e);
	else if (!rc)
		rc = jz_aid_convert(&s, a.id, prog, &cs, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	if (!strcmp(what, "convert"))
		printf("已由临时救助案件 %s 受理%s申请（%s），下一步：入户调查，期限 %s\n%s\n", a.number, cs.programme,
		       cs.mode, cs.investigate_due, cs.number);
	else
		printf("已记录：案件 %s 的%s\n", a.number,
		       !strcmp(what, "paperwork") ? "事后补充说明" : !strcmp(what, "meeting") ? "个案会商" : "转介");
	return 0;
}

static int cmd_followup(jz_cli *c)
{
	const char *as = NULL, *kind = NULL, *cause = NULL, *amount = NULL, *need = NULL, *evidence = NULL;
	const char *persons = NULL, *method = NULL, *pos[1];
	int advance = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--kind", &kind, NULL}, {"--cause", &cause, NULL},
			 {"--amount", &amount, NULL}, {"--need", &need, NULL}, {"--evidence", &evidence, NULL},
			 {"--persons", &persons, NULL}, {"--method", &method, NULL}, {"--advance", NULL, &advance},
			 {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (!amount)
		return usage();
	struct jz_aid_new in = {NULL, NULL, NULL, kind, cause, need, evidence, 0, 0, advance, method};
	if (jz_cli_money("--amount", amount, &in.asked_fen, &e) || persons_opt(persons, &in.persons, &e) ||
	    jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_aid first, a;
	int rc = jz_aid_load(s.db, pos[0], &first, &e) || jz_aid_followup(&s, first.id, &in, &a, &e);
	if (!rc) {
		printf("跟进救助：接续案件 %s\n", first.number);
		print_new(s.db, &a);
	}
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

/* ---- show, list ---- */

static void line(const char *label, const char *v)
{
	if (v && *v)
		printf("%s：%s\n", label, v);
}

static int event_line(const char *at, const char *op, const char *action, const char *reason,
		      const char *new_text, void *arg)
{
	(void)action;
	(void)arg;
	const char *d = new_text ? strstr(new_text, "内容=") : NULL;
	int len = 0;
	if (d) {
		d += strlen("内容=");
		const char *nl = strchr(d, '\n');
		len = nl ? (int)(nl - d) : (int)strlen(d);
	}
	printf("  %.16s %s %s%s%.*s\n", at ? at : "", op ? op : "", reason ? reason : "", d && len ? "：" : "", len,
	       d ? d : "");
	return 0;
}

static void print_money(jz_db *db, const jz_aid *a)
{
	struct jz_aid_payment v[64];
	jz_err e = {0};
	char y[32];
	long long paid = 0, planned = 0;
	int n = jz_aid_payments(db, a->id, v, 64, &e);
	jz_store_aid_sums(db, a->id, &paid, &planned, &e);
	for (int i = 0; i < n && i < 64; i++) {
		if (*v[i].paid_on)
			printf("  第 %d 次 %s %s %s 元（备用金台账第 %lld 笔）\n", v[i].seq, v[i].paid_on, v[i].method,
			       yuan(v[i].amount_fen, y), v[i].fund_move_id);
		else
			printf("  第 %d 期 %s 起 %s 元，未发放\n", v[i].seq, v[i].due_on, yuan(v[i].amount_fen, y));
	}
	printf("已发放：%s 元", yuan(paid, y));
	if (planned)
		printf("，分期待发：%s 元", yuan(planned, y));
	printf("\n");
}

static void print_aid(jz_db *db, const jz_aid *a)
{
	jz_person p = {0};
	jz_household h = {0};
	jz_err e = {0};
	char buf[1400], y[32];
	const char *role;
	jz_store_person_get(db, a->person_id, &p, &e);
	if (a->household_id)
		jz_store_household_get(db, a->household_id, &h, &e);
	printf("临时救助 %s  %s型%s  状态：%s\n", a->number, a->kind, a->advance ? "（先行救助）" : "", a->state);
	if (a->household_id)
		snprintf(buf, sizeof buf, "%s（%s），户编号 %s", p.name, p.id_number, h.number);
	else
		snprintf(buf, sizeof buf, "%s（%s），非本乡镇户籍，户籍地 %s", p.name, p.id_number, a->hukou);
	line("救助对象", buf);
	snprintf(buf, sizeof buf, "%s；救助人数 %d 人；申请 %s 元", a->cause, a->persons, yuan(a->asked_fen, y));
	line("原因", buf);
	line("困难情况", a->need);
	line("证明材料", a->evidence);
	snprintf(buf, sizeof buf, "%s 由 %s 受理", a->accepted_on, a->accepted_by);
	line("受理", buf);
	if (*a->investigated_on) {
		snprintf(buf, sizeof buf, "%s；%s", a->investigated_on, a->findings);
		line("入户调查", buf);
	}
	if (*a->reviewed_on) {
		snprintf(buf, sizeof buf, "%s 由 %s 审核", a->reviewed_on, a->reviewed_by);
		line("乡镇审核", buf);
	}
	if (*a->approved_on) {
		snprintf(buf, sizeof buf, "%s 由 %s 审批，金额 %s 元", a->approved_on, a->approved_by,
			 yuan(a->approved_fen, y));
		line("审批", buf);
	}
	if (*a->county_doc) {
		snprintf(buf, sizeof buf, "文号 %s（%s）", a->county_doc, a->county_date);
		line("县级审批", buf);
	} else if (*a->approved_on && jz_aid_needs_county(db, a, &e) == 1)
		line("县级审批", "超过乡镇审批额度，等待县民政局审批");
	if (*a->yishi_date) {
		snprintf(buf, sizeof buf, "%s 协调机制会议，参加：%s；理由：%s", a->yishi_date, a->yishi_participants,
			 a->yishi_reason);
		line("一事一议", buf);
	}
	if (a->advance) {
		char today[11];
		jz_today(today);
		if (*a->paperwork_done_on)
			snprintf(buf, sizeof buf, "期限 %s，%s 已办结", a->paperwork_due, a->paperwork_done_on);
		else
			snprintf(buf, sizeof buf, "期限 %s，未办%s", a->paperwork_due,
				 strcmp(today, a->paperwork_due) > 0 ? "（已逾期）" : "");
		line("补充材料", buf);
	}
	if (*a->meeting_date) {
		snprintf(buf, sizeof buf, "%s；%s", a->meeting_date, a->meeting_note);
		line("个案会商", buf);
	}
	if (a->followup_of) {
		jz_aid first;
		if (jz_store_aid_get(db, a->followup_of, &first, &e) > 0)
			line("跟进救助，接续", first.number);
	}
	if (a->converted_case_id) {
		jz_case cs;
		if (jz_store_case_get(db, a->converted_case_id, &cs, &e) > 0) {
			snprintf(buf, sizeof buf, "%s申请 %s（%s）", cs.programme, cs.number, cs.state);
			line("已转为", buf);
		}
	}
	line("不予理由", a->refused_reason);
	const char *step = jz_aid_next_step(a, &role);
	if (step) {
		snprintf(buf, sizeof buf, "%s（%s）", step, role);
		line("下一步", buf);
	}
	printf("发放：\n");
	print_money(db, a);
	printf("办理记录：\n");
	jz_store_aid_events(db, a->id, event_line, NULL, &e);
}

static int cmd_show(jz_cli *c)
{
	jz_err e = {0};
	jz_aid a;
	if (c->argc != 3)
		return usage();
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db || jz_aid_load(db, c->argv[2], &a, &e);
	if (!rc)
		print_aid(db, &a);
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

struct list_ctx {
	jz_db *db;
	int shown;
};

static int list_one(const jz_aid *a, void *arg)
{
	struct list_ctx *x = arg;
	jz_person p = {0};
	jz_err e = {0};
	char y[32];
	const char *role;
	jz_store_person_get(x->db, a->person_id, &p, &e);
	const char *step = jz_aid_next_step(a, &role);
	printf("%-12s %s型%-4s %-8s %-6s %s 元%s%s%s\n", a->number, a->kind, a->advance ? "先行" : "", p.name,
	       a->state, yuan(*a->approved_on ? a->approved_fen : a->asked_fen, y), a->non_local ? "  非本地" : "",
	       step ? "  下一步：" : "", step ? step : "");
	x->shown++;
	return 0;
}

static int cmd_list(jz_cli *c)
{
	const char *pos[1];
	int due = 0;
	jz_opt opts[] = {{"--due", NULL, &due}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char today[11];
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_today(today);
	jz_db *db = jz_cli_open(c, &e);
	if (!db)
		return jz_cli_report(&e);
	int rc = 0;
	if (due) {
		struct jz_aid_due d[256];
		int n = jz_aid_dues(db, today, d, 256, &e);
		rc = n < 0;
		for (int i = 0; i < n && i < 256; i++)
			printf("[%s]%s %s\n", d[i].kind, d[i].urgent ? " !" : "", d[i].text);
		if (!rc)
			printf("共 %d 项\n", n);
	} else {
		struct list_ctx x = {db, 0};
		rc = jz_store_aids(db, list_one, &x, &e);
		if (!rc)
			printf("共 %d 件\n", x.shown);
	}
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && !strcmp(s + a - b, tail);
}

static int cmd_receipt(jz_cli *c)
{
	const char *out = NULL, *seq_s = NULL, *pos[1];
	jz_opt opts[] = {{"-o", &out, NULL}, {"--output", &out, NULL}, {"--seq", &seq_s, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	long seq = 0;
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : usage();
	if (seq_s && jz_cli_int("--seq", seq_s, 1, 999, &seq, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	jz_aid a;
	int rc = !db || jz_aid_load(db, pos[0], &a, &e);
	if (!rc && out && ends_with(out, ".xlsx")) {
		rc = jz_aid_receipt_xlsx(db, a.id, (int)seq, out, &e);
		if (!rc)
			printf("领取凭证已写入 %s\n", out);
	} else if (!rc) {
		char *buf = malloc(16384);
		rc = !buf || jz_aid_receipt_text(db, a.id, (int)seq, buf, 16384, &e);
		if (!buf)
			jz_fail(&e, JZ_EDATA, "内存不足");
		FILE *f = !rc && out ? fopen(out, "w") : stdout;
		if (!rc && !f)
			rc = jz_fail(&e, JZ_EDATA, "无法写入 %s：请检查文件夹是否存在、是否可写", out) != 0;
		if (!rc) {
			fputs(buf, f);
			if (f != stdout && fclose(f))
				rc = jz_fail(&e, JZ_EDATA, "写入 %s 失败", out) != 0;
			else if (f != stdout)
				printf("领取凭证已写入 %s\n", out);
		}
		free(buf);
	}
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_figures(jz_cli *c)
{
	const char *month = NULL, *pos[1];
	jz_opt opts[] = {{"--month", &month, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char today[11], m[8], y[32];
	struct jz_aid_figures f;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_today(today);
	jz_month_of(today, m);
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db || jz_aid_figures(db, month ? month : m, &f, &e);
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("%s 临时救助\n", month ? month : m);
	printf("救助户次：%lld，救助人次：%lld\n", f.cases, f.persons);
	printf("急难型：%lld 户次 %lld 人次，支出型：%lld 户次 %lld 人次\n", f.jinan_cases, f.jinan_persons,
	       f.zhichu_cases, f.zhichu_persons);
	printf("先行救助：%lld 户次；月末尚缺补充材料：%lld 件（其中逾期 %lld 件）\n", f.advance_cases,
	       f.paperwork_missing, f.paperwork_overdue);
	printf("非本地户籍：%lld 户次 %lld 人次；一事一议：%lld；县级审批：%lld；跟进救助：%lld\n", f.nonlocal_cases,
	       f.nonlocal_persons, f.yishi_cases, f.county_cases, f.followup_cases);
	printf("当月支出金额：%s 元", yuan(f.paid_fen, y));
	printf("（急难 %s", yuan(f.jinan_fen, y));
	printf("，支出 %s", yuan(f.zhichu_fen, y));
	printf("，其中先行 %s）\n", yuan(f.advance_fen, y));
	return 0;
}

int jz_cmd_aid(jz_cli *c)
{
	const char *w = c->argc >= 2 ? c->argv[1] : "";
	if (!strcmp(w, "new"))
		return cmd_new(c);
	if (!strcmp(w, "step"))
		return cmd_step(c);
	if (!strcmp(w, "pay"))
		return cmd_pay(c);
	if (!strcmp(w, "schedule"))
		return cmd_schedule(c);
	if (!strcmp(w, "paperwork") || !strcmp(w, "meeting") || !strcmp(w, "refer") || !strcmp(w, "convert"))
		return cmd_simple(c, w);
	if (!strcmp(w, "followup"))
		return cmd_followup(c);
	if (!strcmp(w, "show"))
		return cmd_show(c);
	if (!strcmp(w, "list"))
		return cmd_list(c);
	if (!strcmp(w, "receipt"))
		return cmd_receipt(c);
	if (!strcmp(w, "figures"))
		return cmd_figures(c);
	return usage();
}

/* ---- holiday ---- */

static int holiday_write(jz_cli *c, int add)
{
	const char *as = NULL, *note = NULL, *pos[2] = {NULL, NULL};
	jz_opt opts[] = {{"--as", &as, NULL}, {"--note", &note, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	int npos = jz_cli_parse(&sub, opts, pos, 2, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != (add ? 2 : 1)) {
		fputs(HOLIDAY_USAGE, stderr);
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	int rc = add ? jz_holiday_set(&s, pos[0], pos[1], note, &e) : jz_holiday_remove(&s, pos[0], &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	if (add)
		printf("已记录：%s %s%s%s\n", pos[0], pos[1], note ? " " : "", note ? note : "");
	else
		printf("已删除：%s\n", pos[0]);
	return 0;
}

static int holiday_list(jz_cli *c)
{
	static const char *const wd[] = {"一", "二", "三", "四", "五", "六", "日"};
	const char *year = NULL, *pos[1];
	jz_opt opts[] = {{"--year", &year, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char from[11], to[11];
	long y = 0;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0 || (year && jz_cli_int("--year", year, 1900, 9999, &y, &e)))
		return jz_cli_report(&e);
	snprintf(from, sizeof from, "%04ld-01-01", y);
	snprintf(to, sizeof to, "%04ld-12-31", y);
	jz_db *db = jz_cli_open(c, &e);
	struct jz_holiday *v = calloc(4000, sizeof *v);
	int n = !db || !v ? -1 : jz_holiday_list(db, year ? from : NULL, year ? to : NULL, v, 4000, &e);
	if (!v)
		jz_fail(&e, JZ_EDATA, "内存不足");
	for (int i = 0; i < n && i < 4000; i++)
		printf("%s 星期%s %s%s%s\n", v[i].day, wd[jz_weekday(v[i].day)], v[i].kind, *v[i].note ? " " : "",
		       v[i].note);
	if (n >= 0)
		printf("共 %d 天（休：周一至周五放假；班：周末调休上班）\n", n);
	free(v);
	jz_db_close(db);
	return n < 0 ? jz_cli_report(&e) : 0;
}

int jz_cmd_holiday(jz_cli *c)
{
	const char *w = c->argc >= 2 ? c->argv[1] : "";
	if (!strcmp(w, "add") || !strcmp(w, "remove"))
		return holiday_write(c, !strcmp(w, "add"));
	if (!strcmp(w, "list"))
		return holiday_list(c);
	fputs(HOLIDAY_USAGE, stderr);
	return 1;
}
