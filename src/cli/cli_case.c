/* cli_case.c — `jiuzhu case ...`: the same core calls as the desk's case
 * screens. Subcommands: new, step, show, list, income, expense, calc,
 * review, exit, province. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_due.h"
#include "core/clock.h"
#include "core/id.h"
#include "io/form_file.h"
#include "store/case_store.h"
#include "store/people.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu case new --household 户编号|身份证号 --programme 低保|特困|孤儿|残疾补贴\n"
	"        [--mode 保障方式] [--self-care 全自理|半自理|全护理] [--reason 纳入原因] [--waived]\n"
	"        [--member 身份证号]... --as 操作员\n"
	"  jiuzhu case step 案件 --as 操作员 [--result 通过|不通过] [--note 说明]\n"
	"        [--investigators 调查人] [--doc 县审批文号 --doc-date YYYY-MM-DD]\n"
	"  jiuzhu case show 案件\n"
	"  jiuzhu case list [--state 状态] [--due]\n"
	"  jiuzhu case income 案件 --member 身份证号 --kind 类别 --monthly 元 --as 操作员\n"
	"  jiuzhu case expense 案件 --kind 医疗|教育|必要就业成本 --monthly 元 --as 操作员\n"
	"  jiuzhu case assets 案件 [--deposit 元] [--vehicles 辆] [--houses 套] --as 操作员\n"
	"  jiuzhu case calc 案件 [--month YYYY-MM]\n"
	"  jiuzhu case review 案件 --result 继续|调整|渐退|退出 [--reason 原因] [--grace 月数] [--note 说明] --as 操作员\n"
	"  jiuzhu case exit 案件 --reason 原因 --date YYYY-MM-DD [--note 说明] --as 操作员\n"
	"  jiuzhu case province 案件 --as 操作员\n"
	"  jiuzhu case refer 案件 --department 部门 --date YYYY-MM-DD [--outcome 结果] --as 操作员\n"
	"  jiuzhu case work-refusal --member 身份证号 --offer 工作或培训 --date YYYY-MM-DD [--good-reason] --as 操作员\n"
	"  jiuzhu case stop-share 案件 --member 身份证号 --as 操作员\n"
	"  jiuzhu case relative --id 身份证号 --name 姓名 --cadre 干部姓名 --relation 关系 [--post 职务] [--login 操作员] --as 操作员\n";

/* A household by its number or a member's ID. */
static int find_household(jz_db *db, const char *key, jz_rowid *hid, jz_err *e)
{
	jz_household h;
	jz_person p;
	char id[19];
	int r = jz_store_household_by_number(db, key, &h, e);
	if (r > 0) {
		*hid = h.id;
		return 0;
	}
	if (r == 0 && jz_id_normalize(key, NULL, 1, id, NULL, NULL) == 0 &&
	    (r = jz_store_person_by_idno(db, id, &p, e)) > 0 && p.household_id) {
		*hid = p.household_id;
		return 0;
	}
	return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到户编号或成员身份证号为「%s」的家庭", key);
}

static int person_ids(jz_db *db, const char **ids, int n, jz_rowid *out, jz_err *e)
{
	for (int i = 0; i < n; i++) {
		jz_person p;
		char id[19];
		if (jz_id_normalize(ids[i], NULL, 1, id, NULL, e))
			return -1;
		int r = jz_store_person_by_idno(db, id, &p, e);
		if (r <= 0)
			return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到身份证号为 %s 的人员", id);
		out[i] = p.id;
	}
	return 0;
}

static int cmd_new(jz_cli *c)
{
	const char *members[64], *hh = NULL, *prog = NULL, *mode = NULL, *care = NULL, *as = NULL, *pos[1];
	const char *reason = NULL;
	int waived = 0;
	jz_opt opts[] = {{"--household", &hh, NULL}, {"--programme", &prog, NULL}, {"--mode", &mode, NULL},
			 {"--self-care", &care, NULL}, {"--reason", &reason, NULL}, {"--as", &as, NULL},
			 {"--waived", NULL, &waived}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	int nm = jz_cli_take_multi(&sub, "--member", members, 64, &e);
	if (nm < 0 || jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	if (!hh || !prog) {
		fputs(USAGE, stderr);
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_rowid hid = 0, ids[64];
	jz_case cs;
	int rc = find_household(s.db, hh, &hid, &e) || person_ids(s.db, members, nm, ids, &e) ||
		 jz_case_new(&s, hid, prog, mode, ids, nm, &cs, &e);
	if (!rc && care && *care) {
		snprintf(cs.self_care, sizeof cs.self_care, "%s", care);
		rc = jz_case_set_self_care(&s, cs.id, care, &e);
	}
	if (!rc && reason && *reason)
		rc = jz_case_set_entry_reason(&s, cs.id, reason, &e);
	if (!rc && waived)
		rc = jz_case_set_waived(&s, cs.id, 1, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("已受理%s申请（%s），下一步：入户调查，期限 %s\n%s\n", cs.programme, cs.mode, cs.investigate_due, cs.number);
	return 0;
}

static int cmd_step(jz_cli *c)
{
	const char *as = NULL, *result = NULL, *note = NULL, *inv = NULL, *doc = NULL, *docd = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--result", &result, NULL}, {"--note", &note, NULL},
			 {"--investigators", &inv, NULL}, {"--doc", &doc, NULL}, {"--doc-date", &docd, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if (result && strcmp(result, "通过") && strcmp(result, "不通过")) {
		fprintf(stderr, "jiuzhu: --result 只能是 通过 或 不通过\n");
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs;
	struct jz_step st = {result && !strcmp(result, "不通过"), note, inv, doc, docd};
	int rc = jz_case_load(s.db, pos[0], &cs, &e) || jz_case_step(&s, cs.id, &st, &e) ||
		 jz_case_get(s.db, cs.id, &cs, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("案件 %s 现在是「%s」\n", cs.number, cs.state);
	return 0;
}

static void print_working(const struct jz_case_means *cm)
{
	const struct jz_means_result *r = &cm->r;
	char a[32];
	for (int i = 0; i < r->nlines; i++)
		printf("  %s\n", r->lines[i].text);
	jz_means_money(r->base_fen, a, sizeof a);
	printf("补差: %s 元\n", a);
	printf("%s%s%s\n", r->eligible ? "符合" : "不符合", r->eligible ? "" : "：", r->eligible ? "" : r->refusal);
	if (r->edge)
		printf("低保边缘\n");
}

static int cmd_calc(jz_cli *c)
{
	const char *month = NULL, *pos[1];
	jz_opt opts[] = {{"--month", &month, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char today[11], m[8], total[32];
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	jz_today(today);
	jz_month_of(today, m);
	if (month && !jz_month_valid(month)) {
		fprintf(stderr, "jiuzhu: --month 的值「%s」不对，应写成 YYYY-MM\n", month);
		return 1;
	}
	jz_db *db = jz_cli_open(c, &e);
	jz_case cs;
	struct jz_case_means *cm = calloc(1, sizeof *cm);
	int rc = !db || !cm || jz_case_load(db, pos[0], &cs, &e) ||
		 jz_case_calc(db, &cs, month ? month : m, cm, &e);
	if (!rc) {
		printf("案件 %s（%s %s），%s 月核算：\n", cs.number, cs.programme, cs.mode, month ? month : m);
		print_working(cm);
		jz_money_format(cm->r.total_fen, total, sizeof total);
		printf("%s\n", total);
	}
	free(cm);
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_money(jz_cli *c, int income)
{
	const char *as = NULL, *member = NULL, *kind = NULL, *monthly = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--member", &member, NULL}, {"--kind", &kind, NULL},
			 {"--monthly", &monthly, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long long fen;
	char id[19];
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1 || !kind || !monthly || (income && !member))
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if (jz_cli_money("--monthly", monthly, &fen, &e) ||
	    (income && jz_id_normalize(member, NULL, 1, id, NULL, &e)) || jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs;
	int rc = jz_case_load(s.db, pos[0], &cs, &e) ||
		 (income ? jz_case_set_income(&s, cs.id, id, kind, fen, &e)
			 : jz_case_set_expense(&s, cs.id, kind, fen, &e));
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("已记录%s：%s %s 元/月\n", income ? "收入" : "支出", kind, monthly);
	return 0;
}

static int cmd_review(jz_cli *c, int exit_now)
{
	const char *as = NULL, *result = NULL, *reason = NULL, *grace = NULL, *note = NULL, *date = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--result", &result, NULL}, {"--reason", &reason, NULL},
			 {"--grace", &grace, NULL}, {"--note", &note, NULL}, {"--date", &date, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long g = 6;
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if ((grace && jz_cli_int("--grace", grace, 3, 12, &g, &e)) || jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs;
	struct jz_review r = {result, reason, note, (int)g};
	char today[11];
	jz_today(today);
	int rc = jz_case_load(s.db, pos[0], &cs, &e) ||
		 (exit_now ? jz_case_exit(&s, cs.id, reason, date ? date : today, note, &e)
			   : jz_case_review(&s, cs.id, &r, &e)) ||
		 jz_case_get(s.db, cs.id, &cs, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("案件 %s 现在是「%s」%s%s\n", cs.number, cs.state, *cs.grace_until ? "，渐退到 " : "",
	       cs.grace_until);
	return 0;
}

static int cmd_province(jz_cli *c)
{
	const char *as = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs;
	int rc = jz_case_load(s.db, pos[0], &cs, &e) || jz_case_province_done(&s, cs.id, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("已记录：案件 %s 已录入省救助信息系统\n", cs.number);
	return 0;
}

/* refer, work-refusal, stop-share, relative: the rest of a case's life. */
static int cmd_extra(jz_cli *c, const char *what)
{
	const char *as = NULL, *dep = NULL, *date = NULL, *outcome = NULL, *member = NULL, *offer = NULL;
	const char *id = NULL, *name = NULL, *cadre = NULL, *rel = NULL, *post = NULL, *login = NULL, *pos[1];
	int good = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--department", &dep, NULL}, {"--date", &date, NULL},
			 {"--outcome", &outcome, NULL}, {"--member", &member, NULL}, {"--offer", &offer, NULL},
			 {"--good-reason", NULL, &good}, {"--id", &id, NULL}, {"--name", &name, NULL},
			 {"--cadre", &cadre, NULL}, {"--relation", &rel, NULL}, {"--post", &post, NULL},
			 {"--login", &login, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	int npos = jz_cli_parse(&sub, opts, pos, 1, &e);
	int want_case = !strcmp(what, "refer") || !strcmp(what, "stop-share");
	if (npos < 0 || npos != want_case)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs = {0};
	int rc = want_case && jz_case_load(s.db, pos[0], &cs, &e), n = 0;
	if (!rc && !strcmp(what, "refer"))
		rc = jz_case_refer(&s, cs.id, dep, date, outcome, &e);
	else if (!rc && !strcmp(what, "stop-share"))
		rc = jz_case_stop_share(&s, cs.id, member ? member : "", &e);
	else if (!rc && !strcmp(what, "work-refusal"))
		rc = (n = jz_work_refusal(&s, member ? member : "", date, offer, good, &e)) < 0;
	else if (!rc)
		rc = jz_relative_register(&s, id ? id : "", name, cadre, post, login, rel, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	if (!strcmp(what, "work-refusal"))
		printf("已记录。无正当理由连续拒绝 %d 次%s\n", n, n >= 3 ? "，可以减发或停发其本人保障金（case stop-share）" : "");
	else
		printf("已记录\n");
	return 0;
}

static int cmd_assets(jz_cli *c)
{
	const char *as = NULL, *dep = "0", *veh = "0", *hou = "0", *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--deposit", &dep, NULL}, {"--vehicles", &veh, NULL},
			 {"--houses", &hou, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long long fen;
	long v, h;
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1)
		return e.msg[0] ? jz_cli_report(&e) : (fputs(USAGE, stderr), 1);
	if (jz_cli_money("--deposit", dep, &fen, &e) || jz_cli_int("--vehicles", veh, 0, 99, &v, &e) ||
	    jz_cli_int("--houses", hou, 0, 99, &h, &e) || jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	jz_case cs;
	int rc = jz_case_load(s.db, pos[0], &cs, &e) || jz_case_set_assets(&s, cs.id, fen, (int)v, (int)h, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("已记录家庭财产\n");
	return 0;
}

int jz_cmd_case_show(jz_cli *c, const char *key);
int jz_cmd_case_list(jz_cli *c);

int jz_cmd_case(jz_cli *c)
{
	const char *w = c->argc >= 2 ? c->argv[1] : "";
	if (!strcmp(w, "new"))
		return cmd_new(c);
	if (!strcmp(w, "step"))
		return cmd_step(c);
	if (!strcmp(w, "calc"))
		return cmd_calc(c);
	if (!strcmp(w, "income") || !strcmp(w, "expense"))
		return cmd_money(c, !strcmp(w, "income"));
	if (!strcmp(w, "review") || !strcmp(w, "exit"))
		return cmd_review(c, !strcmp(w, "exit"));
	if (!strcmp(w, "province"))
		return cmd_province(c);
	if (!strcmp(w, "assets"))
		return cmd_assets(c);
	if (!strcmp(w, "refer") || !strcmp(w, "work-refusal") || !strcmp(w, "stop-share") ||
	    !strcmp(w, "relative"))
		return cmd_extra(c, w);
	if (!strcmp(w, "show") && c->argc == 3)
		return jz_cmd_case_show(c, c->argv[2]);
	if (!strcmp(w, "list"))
		return jz_cmd_case_list(c);
	fputs(USAGE, stderr);
	return 1;
}
