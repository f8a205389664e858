/* cli_ledger_more.c — the other ledgers' writes on the command line: 特困
 * visits and care agreements, village surveys, watch lists, bed wishes,
 * referral outcomes and 收入已达标 feedback. Each signs in with --as. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/care.h"
#include "core/case.h"
#include "core/ledger_write.h"
#include "core/survey.h"

/* The options every write here may take; each command uses some. */
struct args {
	const char *as, *date, *id, *name, *village, *visitor, *finding, *needs, *carer, *carer_id, *phone,
		*relation, *until, *content, *note, *category, *situation, *next, *reason, *wants, *preferred,
		*at, *outcome, *cs, *per_capita, *standard, *count[JZ_SURVEY_N];
	const char *pos[3];
	int np;
};

static int parse(jz_cli *c, struct args *a, int maxpos, jz_err *e)
{
	jz_opt opts[] = {
		{"--as", &a->as, NULL}, {"--date", &a->date, NULL}, {"--id", &a->id, NULL},
		{"--name", &a->name, NULL}, {"--village", &a->village, NULL}, {"--visitor", &a->visitor, NULL},
		{"--finding", &a->finding, NULL}, {"--needs", &a->needs, NULL}, {"--carer", &a->carer, NULL},
		{"--carer-id", &a->carer_id, NULL}, {"--phone", &a->phone, NULL},
		{"--relation", &a->relation, NULL}, {"--until", &a->until, NULL},
		{"--content", &a->content, NULL}, {"--note", &a->note, NULL},
		{"--category", &a->category, NULL}, {"--situation", &a->situation, NULL},
		{"--next-visit", &a->next, NULL}, {"--reason", &a->reason, NULL}, {"--wants", &a->wants, NULL},
		{"--preferred", &a->preferred, NULL}, {"--at", &a->at, NULL}, {"--outcome", &a->outcome, NULL},
		{"--case", &a->cs, NULL}, {"--per-capita", &a->per_capita, NULL},
		{"--standard", &a->standard, NULL}, {"--unemployed", &a->count[0], NULL},
		{"--hard-enterprise", &a->count[1], NULL}, {"--graduates", &a->count[2], NULL},
		{"--migrant", &a->count[3], NULL}, {"--flexible", &a->count[4], NULL},
		{"--edge", &a->count[5], NULL}, {0}};
	jz_cli sub = jz_cli_sub(c); /* argv[0] = the verb */
	a->np = jz_cli_parse(&sub, opts, a->pos, maxpos, e);
	return a->np < 0 ? -1 : 0;
}

static int to_id(const char *v, jz_rowid *id, jz_err *e)
{
	long n;
	if (jz_cli_int("编号", v ? v : "", 1, 2000000000L, &n, e))
		return -1;
	*id = n;
	return 0;
}

/* Runs fn signed in as a->as; prints ok (and the new id) on success. */
#define RUN(call, okmsg, newid)                                                  \
	do {                                                                     \
		jz_session s = {0};                                              \
		if (jz_cli_session(c, a.as, &s, &e))                             \
			return jz_cli_report(&e);                                \
		int rc_ = (call);                                                \
		if (!rc_) {                                                      \
			printf("%s\n", okmsg);                                   \
			if (newid)                                               \
				printf("%lld\n", (long long)newid);              \
		}                                                                \
		jz_db_close(s.db);                                               \
		return rc_ ? jz_cli_report(&e) : 0;                              \
	} while (0)

static int usage(const char *u)
{
	fputs(u, stderr);
	return 1;
}

static const char VISIT_USAGE[] =
	"用法：jiuzhu visit add 特困案件编号 --visitor 探访人 [--date YYYY-MM-DD] [--finding 情况] [--needs 需求] --as 操作员\n";

int jz_cmd_visit(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	if (c->argc < 2 || strcmp(c->argv[1], "add"))
		return usage(VISIT_USAGE);
	if (parse(c, &a, 1, &e))
		return jz_cli_report(&e);
	if (a.np != 1)
		return usage(VISIT_USAGE);
	RUN(jz_visit_add(&s, a.pos[0], a.date, a.visitor, a.finding, a.needs, &id, &e), "已登记探访", id);
}

static const char CARE_USAGE[] =
	"用法：jiuzhu care add 特困案件编号 --carer 照料人 [--carer-id 身份证号] [--phone 电话] [--relation 关系]\n"
	"                     [--date 签订日期] [--until 有效期至] [--content 协议内容] --as 操作员\n"
	"      jiuzhu care end 协议编号 [--date YYYY-MM-DD] --as 操作员\n";

int jz_cmd_care(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	if (strcmp(verb, "add") && strcmp(verb, "end"))
		return usage(CARE_USAGE);
	if (parse(c, &a, 1, &e))
		return jz_cli_report(&e);
	if (a.np != 1)
		return usage(CARE_USAGE);
	if (!strcmp(verb, "end")) {
		if (to_id(a.pos[0], &id, &e))
			return jz_cli_report(&e);
		RUN(jz_care_end(&s, id, a.date, &e), "协议已终止", 0);
	}
	struct jz_care_in in = {a.carer, a.carer_id, a.phone, a.relation, a.date, a.until, a.content};
	RUN(jz_care_add(&s, a.pos[0], &in, &id, &e), "已登记照料护理协议", id);
}

static const char SURVEY_USAGE[] =
	"用法：jiuzhu survey hand 村名 YYYY-MM [--unemployed N] [--hard-enterprise N] [--graduates N]\n"
	"                     [--migrant N] [--flexible N] [--edge N] [--note 备注] [--date 报送日期] --as 操作员\n"
	"      jiuzhu survey person 村名 YYYY-MM --category 类别 --name 姓名 [--id 身份证号] [--situation 情况] --as 操作员\n"
	"  人数：失业人员、困难企业职工、未就业高校毕业生、未参加失业保险的登记失业农民工、灵活就业人员、低保边缘户\n";

int jz_cmd_survey(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	if (strcmp(verb, "hand") && strcmp(verb, "person"))
		return usage(SURVEY_USAGE);
	if (parse(c, &a, 2, &e))
		return jz_cli_report(&e);
	if (a.np != 2)
		return usage(SURVEY_USAGE);
	if (!strcmp(verb, "person"))
		RUN(jz_survey_person_add(&s, a.pos[0], a.pos[1], a.category, a.id, a.name, a.situation, &id, &e),
		    "已登记摸排人员", id);
	long long count[JZ_SURVEY_N] = {0};
	for (int i = 0; i < JZ_SURVEY_N; i++) {
		long n = 0;
		if (a.count[i] && jz_cli_int(jz_survey_cats[i], a.count[i], 0, 100000, &n, &e))
			return jz_cli_report(&e);
		count[i] = n;
	}
	RUN(jz_survey_hand(&s, a.pos[0], a.pos[1], count, a.note, a.date, &e), "已登记摸排表", 0);
}

static const char WATCH_USAGE[] =
	"用法：jiuzhu watch add 潜在救助对象|低保边缘 --id 身份证号 [--name 姓名] [--village 村名]\n"
	"                     [--situation 情况] [--next-visit YYYY-MM-DD] --as 操作员\n"
	"      jiuzhu watch close 编号 --reason 原因 [--date YYYY-MM-DD] --as 操作员\n";

int jz_cmd_watch(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	if (strcmp(verb, "add") && strcmp(verb, "close"))
		return usage(WATCH_USAGE);
	if (parse(c, &a, 1, &e))
		return jz_cli_report(&e);
	if (a.np != 1)
		return usage(WATCH_USAGE);
	if (!strcmp(verb, "close")) {
		if (to_id(a.pos[0], &id, &e))
			return jz_cli_report(&e);
		RUN(jz_watch_close(&s, id, a.date, a.reason, &e), "已销号", 0);
	}
	RUN(jz_watch_add(&s, a.pos[0], a.id, a.name, a.village, a.situation, a.next, &id, &e), "已登记", id);
}

static const char BED_USAGE[] =
	"用法：jiuzhu bed add --id 身份证号 --wants 是|否 [--preferred 意向机构] [--date 询问日期] [--note 备注] --as 操作员\n"
	"      jiuzhu bed place 编号 --at 供养机构 [--date 安置日期] --as 操作员\n";

int jz_cmd_bed(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	int add = !strcmp(verb, "add");
	if (!add && strcmp(verb, "place"))
		return usage(BED_USAGE);
	if (parse(c, &a, 1, &e))
		return jz_cli_report(&e);
	if (a.np != (add ? 0 : 1))
		return usage(BED_USAGE);
	if (!add) {
		if (to_id(a.pos[0], &id, &e))
			return jz_cli_report(&e);
		RUN(jz_bed_place(&s, id, a.date, a.at, &e), "已登记安置", 0);
	}
	if (!a.wants || (strcmp(a.wants, "是") && strcmp(a.wants, "否")))
		return fprintf(stderr, "jiuzhu: --wants 应为「是」或「否」\n"), 1;
	RUN(jz_bed_add(&s, a.id, !strcmp(a.wants, "是"), a.preferred, a.date, a.note, &id, &e),
	    "已登记集中供养意愿", id);
}

static const char REFERRAL_USAGE[] =
	"用法：jiuzhu referral outcome 转介编号 --outcome 办理结果 [--date 反馈日期] --as 操作员\n";

int jz_cmd_referral(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	if (c->argc < 2 || strcmp(c->argv[1], "outcome"))
		return usage(REFERRAL_USAGE);
	if (parse(c, &a, 1, &e) || (a.np == 1 && to_id(a.pos[0], &id, &e)))
		return jz_cli_report(&e);
	if (a.np != 1)
		return usage(REFERRAL_USAGE);
	RUN(jz_referral_outcome(&s, id, a.outcome, a.date, &e), "已登记转介结果", 0);
}

static const char INCOME_OK_USAGE[] =
	"用法：jiuzhu income-ok add --id 家庭成员身份证号 --per-capita 元 --standard 元 --reason 原因 [--date 发现日期] --as 操作员\n"
	"      jiuzhu income-ok feedback 编号|--case 案件编号 [--date 反馈日期] --as 操作员   已反馈扶贫系统\n";

int jz_cmd_income_ok(jz_cli *c)
{
	struct args a = {0};
	jz_err e = {0};
	jz_rowid id = 0;
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	int add = !strcmp(verb, "add");
	if (!add && strcmp(verb, "feedback"))
		return usage(INCOME_OK_USAGE);
	if (parse(c, &a, 1, &e))
		return jz_cli_report(&e);
	if (add) {
		long long pc = 0, sd = 0;
		if (a.np || !a.per_capita || !a.standard)
			return usage(INCOME_OK_USAGE);
		if (jz_cli_money("--per-capita", a.per_capita, &pc, &e) || jz_cli_money("--standard", a.standard, &sd, &e))
			return jz_cli_report(&e);
		RUN(jz_income_ok_add(&s, a.id, pc, sd, a.reason, a.date, &id, &e), "已登记收入已达标户", id);
	}
	if (a.np + (a.cs != NULL) != 1)
		return usage(INCOME_OK_USAGE);
	if (a.cs) {
		jz_case cs;
		jz_db *db = jz_cli_open(c, &e);
		if (!db)
			return jz_cli_report(&e);
		int r = jz_case_load(db, a.cs, &cs, &e);
		jz_db_close(db);
		if (r)
			return jz_cli_report(&e);
		id = -cs.id;
	} else if (to_id(a.pos[0], &id, &e)) {
		return jz_cli_report(&e);
	}
	RUN(jz_income_ok_feedback(&s, id, a.date, &e), "已登记反馈扶贫系统", 0);
}
