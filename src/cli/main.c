/* main.c — the jiuzhu command: global options, then one subcommand from the
 * dispatch table. With no subcommand it opens the desk. The desk and the
 * subcommands call the same core functions. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "io/text.h"
#include "platform/platform.h"

struct command {
	const char *name;
	int (*run)(jz_cli *c);
	const char *usage;
	const char *summary;
};

static const struct command commands[] = {
	{"desk", jz_cmd_desk, "jiuzhu [desk]",
	 "打开救助台（默认）  open the desk"},
	{"init", jz_cmd_init, "jiuzhu init --township 名称 --county 县区 --area-code NNNNNN",
	 "新建乡镇和管理员 admin  create a township and its admin"},
	{"demo", jz_cmd_demo, "jiuzhu demo [--no-open] [--seed N] [--households N] [--fresh]",
	 "生成演示乡镇（密码 demo）  make a demo township"},
	{"id", jz_cmd_id, "jiuzhu id check 身份证号...",
	 "核对身份证号  check resident ID numbers"},
	{"household", jz_cmd_household,
	 "jiuzhu household show 户编号|身份证号\n"
	 "       jiuzhu household add --village 村名 --name 户主姓名 --id 身份证号 [--phone 电话] --as 操作员\n"
	 "       jiuzhu household member-add 户编号 --name 姓名 --id 身份证号 --relation 关系 --as 操作员",
	 "查看、新建家庭，添加成员  show or add households and members"},
	{"case", jz_cmd_case, "jiuzhu case new|step|show|list|income|expense|calc|review|exit|province ...",
	 "救助案件：受理、审核审批、核算、复核  cases"},
	{"standard", jz_cmd_standard, "jiuzhu standard set 低保|特困|最低工资 城市|农村 元 --from YYYY-MM --as 操作员\n"
	 "       jiuzhu standard list",
	 "保障标准  standards in force from a month"},
	{"notice", jz_cmd_notice, "jiuzhu notice [--village 村名] [--date YYYY-MM-DD] [--export 文件夹]",
	 "公示名单（身份证号隐去中间 8 位）  public notice lists"},
	{"roll", jz_cmd_roll, "jiuzhu roll YYYY-MM [--lock] [--export 文件夹 [--utf8]] --as 操作员", "发放花名册：生成、锁定、导出（每村 xlsx、银行代发）  monthly payment roll"},
	{"onetime", jz_cmd_onetime, "jiuzhu onetime 名称 --amount 元 --per 人|户 --month YYYY-MM [--programme 项目] [--village 村名] [--ids 名单文件] --as 操作员", "一次性发放（价格临时补贴、搬迁补助）  one-off payment to a group"},
	{"fund", jz_cmd_fund, "jiuzhu fund allocate 元 --doc 县级文号 [--date YYYY-MM-DD] --as 操作员\n       jiuzhu fund return 元 --reason 原因 [--case 案件编号] [--date YYYY-MM-DD] --as 操作员\n       jiuzhu fund adjust 元（可为负） --reason 原因 [--date YYYY-MM-DD] --as 审批操作员\n       jiuzhu fund balance|list|statement|request [--from YYYY-MM-DD --to YYYY-MM-DD] [-o 文件.xlsx]", "临时救助备用金：预拨、退回、调整、余额、收支情况表、申请拨付  reserve fund"},
	{"aid", jz_cmd_aid, "jiuzhu aid new|step|pay|schedule|paperwork|followup|refer|meeting|convert|show|list|receipt|figures ...", "临时救助：急难型（先行救助）、支出型、分级审批、分期发放、领取凭证  temporary assistance"},
	{"holiday", jz_cmd_holiday, "jiuzhu holiday add YYYY-MM-DD 休|班 [--note 说明] --as 操作员\n       jiuzhu holiday remove YYYY-MM-DD --as 操作员\n       jiuzhu holiday list [--year YYYY]", "节假日安排（计算工作日）  holiday calendar for working days"},
	{"operator", jz_cmd_operator, "jiuzhu operator list|add|passwd|set|disable|enable|unlock ... --as 管理员",
	 "操作员：新增、改密码、角色、停用、解锁  operators and passwords"},
	{"check", jz_cmd_check, "jiuzhu check [--quick]",
	 "检查数据文件和操作记录是否完好  verify the file, the audit trail and the invariants"},
	{"backup", jz_cmd_backup, "jiuzhu backup [文件|文件夹] [--list]",
	 "备份数据文件（可备份到 U 盘）  back up the database"},
	{"restore", jz_cmd_restore, "jiuzhu restore 备份文件 --as 管理员",
	 "从备份恢复（先检查备份，原文件保留）  restore a backup"},
	{"events", jz_cmd_events, "jiuzhu events [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--case 案件编号|--aid 编号] [-o 文件.xlsx|.csv [--utf8]]",
	 "操作记录：某段时间或某个案件的全部变动，可导出给检查人员  the audit trail"},
	{"export", jz_cmd_export, "jiuzhu export county YYYY-MM -o 文件",
	 "给县民政局的汇总文件（本乡镇当月数字）  a township's bundle for the county"},
	{"merge", jz_cmd_merge, "jiuzhu merge 乡镇汇总文件... -o 县汇总.xlsx [--csv 文件夹 [--utf8]]",
	 "县民政局：把各乡镇的汇总文件合成全县月报  the county's workbook from the bundles"},
	{"compare", jz_cmd_compare, "jiuzhu compare jiandang|death|disability|medical 文件 [--sheet 工作表] [--encoding 编码] [--dry-run] --as 操作员",
	 "数据比对：建档立卡、死亡、残联、医保名单  compare other offices' lists"},
	{"finding", jz_cmd_finding, "jiuzhu finding list|show|verify|act|dismiss|export ...",
	 "比对发现台账：核实、处理、排除、导出  work the comparison findings"},
	{"report", jz_cmd_report, "jiuzhu report YYYY-MM [-o 文件.xlsx] [--csv 文件夹 [--utf8]]\n       jiuzhu report YYYY-MM --notes 文字文件 | --submitted [--date YYYY-MM-DD] --as 操作员\n       jiuzhu report changes --from YYYY-MM --to YYYY-MM", "月报：低保、特困、临时救助、备用金等八张表，报送标记，专题统计  monthly workbook"},
	{"import", jz_cmd_import, "jiuzhu import roster 文件.csv|文件.xlsx [--dry-run] [--add-villages] [--sheet 工作表] [--encoding 编码] --as 操作员",
	 "导入花名册（CSV 或 xlsx，一行一人）  import the office's roster"},
	{"ledger", jz_cmd_ledger, "jiuzhu ledger list|show|export 台账 [--village 村名] [--from YYYY-MM --to YYYY-MM] [--state 状态] [-o 文件.xlsx|文件.csv [--utf8]]",
	 "台账：六类对象排查、双清双入双退、收入已达标、渐退、潜在对象、低保边缘、近亲属、特困照料探访、摸排、转介、集中供养、变动  ledgers"},
	{"screening", jz_cmd_screening, "jiuzhu screening add|visit|result|close|province|fill ... --as 操作员",
	 "六类对象排查：登记、走访、结果、销号、录入省系统、从建档立卡比对生成  screening"},
	{"visit", jz_cmd_visit, "jiuzhu visit add 特困案件编号 --visitor 探访人 [--date YYYY-MM-DD] --as 操作员",
	 "特困分散供养人员定期探访  visits"},
	{"care", jz_cmd_care, "jiuzhu care add 特困案件编号 --carer 照料人 ... --as 操作员\n       jiuzhu care end 协议编号 --as 操作员",
	 "特困人员照料护理协议  care agreements"},
	{"survey", jz_cmd_survey, "jiuzhu survey hand|person 村名 YYYY-MM ... --as 操作员",
	 "困难群众摸排表：各村每月报送  village monthly surveys"},
	{"watch", jz_cmd_watch, "jiuzhu watch add 潜在救助对象|低保边缘 --id 身份证号 ... --as 操作员\n       jiuzhu watch close 编号 --reason 原因 --as 操作员",
	 "潜在救助对象、低保边缘户跟踪  watch lists"},
	{"bed", jz_cmd_bed, "jiuzhu bed add --id 身份证号 --wants 是|否 ... --as 操作员\n       jiuzhu bed place 编号 --at 机构 --as 操作员",
	 "集中供养意愿与安置  wishes for a bed in a care home"},
	{"referral", jz_cmd_referral, "jiuzhu referral outcome 转介编号 --outcome 结果 [--date YYYY-MM-DD] --as 操作员",
	 "转介办理结果  referral outcomes"},
	{"income-ok", jz_cmd_income_ok, "jiuzhu income-ok add|feedback ... --as 操作员",
	 "收入已达标户及反馈扶贫系统  households above the standard"},
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

int (*jz_cli_command(const char *name))(jz_cli *c)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return commands[i].run;
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "救助台 jiuzhu %s — 乡镇社会救助工作台 (township social-assistance case desk)\n\n"
		   "用法 usage: jiuzhu [全局选项] [命令] [参数]\n\n命令 commands:\n", JZ_VERSION);
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n全局选项 global options:\n"
		   "  --db 文件          数据库文件 (database file; also JIUZHU_DB)\n"
		   "  --today YYYY-MM-DD 把今天当作这一天 (treat this date as today)\n"
		   "  --help, --version\n\n"
		   "环境变量 environment: JIUZHU_DB, JIUZHU_NOW=YYYY-MM-DDTHH:MM:SS, JIUZHU_PASSWORD\n"
		   "默认数据库 default database: $XDG_DATA_HOME/jiuzhu/jiuzhu.db (~/.local/share/jiuzhu/)\n"
		   "退出码 exit codes: 0 成功 ok, 1 输入有误或被拒绝 user error, 2 数据或文件错误 data error\n"
		   "详见 see: man jiuzhu\n");
}

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

static int dispatch(jz_cli *c)
{
	for (int i = 0; i < NCOMMANDS; i++) {
		if (strcmp(c->argv[0], commands[i].name))
			continue;
		if (wants_help(c->argc, c->argv)) {
			printf("用法 usage: %s\n%s\n", commands[i].usage, commands[i].summary);
			return 0;
		}
		c->command = commands[i].name;
		return commands[i].run(c);
	}
	fprintf(stderr, "jiuzhu: 没有「%s」这个命令；用 jiuzhu --help 查看所有命令\n", c->argv[0]);
	return 1;
}

/* Takes the global options --db and --today out of argv wherever they
 * stand, so `jiuzhu case show 3 --today 2026-01-05` works too. */
static int take_globals(int *argc, char **argv, jz_cli *c, jz_err *e)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i], *v = NULL;
		int is_db = !strncmp(a, "--db", 4) && (a[4] == '\0' || a[4] == '=');
		int is_today = !strncmp(a, "--today", 7) && (a[7] == '\0' || a[7] == '=');
		if (!is_db && !is_today) {
			argv[out++] = argv[i];
			continue;
		}
		v = strchr(a, '=') ? strchr(a, '=') + 1 : (i + 1 < *argc ? argv[++i] : NULL);
		if (!v)
			return jz_fail(e, JZ_EUSER, "选项 %s 后面缺少值", a);
		if (is_db)
			c->db_path = v;
		else if (jz_clock_set_today(v, e))
			return -1;
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	static char *desk_argv[] = {"desk", NULL};
	jz_cli c = {0};
	jz_err e = {0};
	int i = 1, rc;
	jz_plat_init(&argc, &argv);
	setlocale(LC_ALL, "");
	if (jz_clock_init(&e) || take_globals(&argc, argv, &c, &e))
		return jz_cli_report(&e);
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "--selftest")) { /* hidden: make windows-check */
			rc = jz_cli_selftest();
			jz_iconv_cleanup();
			return rc;
		}
		if (!strcmp(a, "--version")) {
			printf("jiuzhu %s\n", JZ_VERSION);
			return 0;
		}
		fprintf(stderr, "jiuzhu: 不认识的选项「%s」；用 jiuzhu --help 查看用法\n", a);
		return 1;
	}
	c.argc = argc - i;
	c.argv = argv + i;
	if (c.argc == 0) {
		c.argc = 1;
		c.argv = desk_argv;
	}
	rc = dispatch(&c);
	jz_iconv_cleanup();
	return rc;
}
