/* cli_compare.c — `jiuzhu compare SOURCE FILE` (数据比对) and `jiuzhu
 * finding list|show|verify|act|dismiss|export`: the same core calls as the
 * desk's 数据比对 screen (core/compare.c, core/finding*.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/compare.h"
#include "core/finding.h"
#include "io/form_file.h"
#include "io/text.h"

static const char USAGE_COMPARE[] =
	"用法：jiuzhu compare jiandang|death|disability|medical 文件.csv|文件.xlsx [--sheet 工作表]\n"
	"                     [--encoding GBK|UTF-8|GB18030] [--dry-run] --as 操作员\n"
	"  jiandang    建档立卡名单：未纳入保障、未列入排查的贫困人口（漏保），按六类对象分类\n"
	"  death       死亡名单（身份证号、姓名、死亡日期）：死亡后仍发放、死亡未退出\n"
	"  disability  残联名单（身份证号、姓名、残疾类别、残疾等级）：未分类施保、残疾等级不符\n"
	"  medical     医保重特大疾病名单（身份证号、姓名、疾病名称）：重病未保、重病未登记\n"
	"  --dry-run   只显示结果，不记入比对发现台账\n";

static const char USAGE_FINDING[] =
	"用法：\n"
	"  jiuzhu finding list [--source 来源] [--state 待核实|已核实|已处理|已排除] [--village 村名] [--kind 类别]\n"
	"  jiuzhu finding show 编号\n"
	"  jiuzhu finding verify 编号 [--reason 说明] --as 操作员    核实属实\n"
	"  jiuzhu finding act 编号 [--reason 说明] --as 操作员       处理（受理申请、登记死亡并停发、更正残疾或重病登记）\n"
	"  jiuzhu finding dismiss 编号 --reason 原因 --as 操作员     排除（必须写原因）\n"
	"  jiuzhu finding export -o 文件.xlsx|文件.csv [--utf8] [筛选同 list]   导出台账（CSV 默认 GBK）\n";

static void print_result(const struct jz_compare_opts *o, const struct jz_compare_result *r)
{
	printf("%s比对%s：%s（%s）\n", o->dry_run ? "试运行，未记入台账。" : "",
	       jz_compare_source_label(o->source), o->path, r->encoding);
	printf("名单 %d 行，本乡镇有登记 %d 人，问题行 %d 行", r->rows, r->matched, r->bad);
	if (r->fixed)
		printf("，修复身份证号 %d 个", r->fixed);
	printf("\n发现：新增 %d 条，更新 %d 条，未变 %d 条；已处理或已排除且情况未变、不再提出 %d 条\n",
	       r->added, r->updated, r->unchanged, r->kept_closed);
	for (int i = 0; i < r->nkinds; i++)
		printf("  %s：%d\n", r->kind[i], r->kind_n[i]);
	if (r->unknown_cols[0])
		printf("未用的列：%s\n", r->unknown_cols);
	if (r->nproblems) {
		printf("问题 %d 处：\n", r->nproblems);
		for (int i = 0; i < r->nproblems && i < JZ_COMPARE_MAX_PROBLEMS; i++)
			printf("  %s\n", r->problem[i]);
		if (r->nproblems > JZ_COMPARE_MAX_PROBLEMS)
			printf("  ……另有 %d 处未列出\n", r->nproblems - JZ_COMPARE_MAX_PROBLEMS);
	}
	if (!o->dry_run)
		printf("比对批次 %lld；查看：jiuzhu finding list --source %s\n", r->run_id, o->source);
}

int jz_cmd_compare(jz_cli *c)
{
	const char *as = NULL, *sheet = NULL, *enc = NULL, *pos[2];
	int dry = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--sheet", &sheet, NULL}, {"--encoding", &enc, NULL},
			 {"--dry-run", NULL, &dry}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	int np = jz_cli_parse(c, opts, pos, 2, &e);
	if (np < 0)
		return jz_cli_report(&e);
	if (np != 2) {
		fputs(USAGE_COMPARE, stderr);
		return 1;
	}
	const char *src = jz_compare_source_parse(pos[0]);
	if (!src) {
		fprintf(stderr, "jiuzhu: 比对来源「%s」不认识\n%s", pos[0], USAGE_COMPARE);
		return 1;
	}
	struct jz_compare_opts o = {src, pos[1], sheet, enc, dry};
	struct jz_compare_result *r = calloc(1, sizeof *r);
	if (!r)
		return fputs("jiuzhu: 内存不足\n", stderr), 2;
	int rc = jz_cli_session(c, as, &s, &e) || jz_compare_run(&s, &o, r, &e);
	if (!rc)
		print_result(&o, r);
	jz_db_close(s.db);
	free(r);
	return rc ? jz_cli_report(&e) : 0;
}

static void pad(const char *s, int cols)
{
	fputs(s, stdout);
	for (int w = jz_str_width(s); w < cols; w++)
		putchar(' ');
}

static int print_row(const jz_finding *f, void *arg)
{
	char kind[80], money[32];
	(*(int *)arg)++;
	snprintf(kind, sizeof kind, "%s%s%s%s", f->kind, *f->category ? "（" : "", f->category,
		 *f->category ? "）" : "");
	printf("%-5lld ", f->id);
	pad(f->state, 7);
	pad(kind, 34);
	pad(f->village, 11);
	pad(f->name, 9);
	printf("%s", f->id_number);
	if (f->recover_fen)
		printf("  应追回 %s 元", (jz_money_format(f->recover_fen, money, sizeof money), money));
	putchar('\n');
	return 0;
}

static int cmd_list(jz_cli *c, int show)
{
	const char *src = NULL, *state = NULL, *village = NULL, *kind = NULL, *pos[1];
	jz_opt opts[] = {{"--source", &src, NULL}, {"--state", &state, NULL}, {"--village", &village, NULL},
			 {"--kind", &kind, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	int np = jz_cli_parse(&sub, opts, pos, 1, &e), n = 0;
	if (np < 0)
		return jz_cli_report(&e);
	if (np != show) {
		fputs(USAGE_FINDING, stderr);
		return 1;
	}
	if (src && !(src = jz_compare_source_parse(src)))
		return fprintf(stderr, "jiuzhu: --source 应为 jiandang、death、disability 或 medical\n"), 1;
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db;
	if (!rc && show) {
		jz_finding f;
		rc = jz_finding_get(db, atoll(pos[0]), &f, &e) != 0;
		if (!rc) {
			char money[32];
			jz_money_format(f.recover_fen, money, sizeof money);
			printf("比对发现 %lld：%s %s%s%s\n来源：%s（批次 %lld，%s 发现）\n姓名：%s  身份证号：%s  村（社区）：%s\n说明：%s\n",
			       f.id, f.state, f.kind, *f.category ? "，" : "", f.category,
			       jz_compare_source_label(f.source), f.run_id, f.found_on, f.name, f.id_number,
			       f.village, f.detail);
			if (f.death_date[0])
				printf("死亡日期：%s  死亡后发放 %d 个月  应追回 %s 元\n", f.death_date, f.months_after, money);
			if (f.worked_on[0])
				printf("处理：%s %s  %s\n", f.worked_on, f.worked_by, f.note);
		}
	} else if (!rc) {
		struct jz_finding_filter fl = {src, state, village, kind};
		rc = jz_findings(db, &fl, print_row, &n, &e) != 0;
		if (!rc)
			printf("共 %d 条\n", n);
	}
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_work(jz_cli *c, const char *verb)
{
	const char *as = NULL, *reason = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--reason", &reason, NULL}, {"--note", &reason, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	char done[400] = "";
	jz_cli sub = jz_cli_sub(c);
	int np = jz_cli_parse(&sub, opts, pos, 1, &e);
	if (np < 0)
		return jz_cli_report(&e);
	if (np != 1) {
		fputs(USAGE_FINDING, stderr);
		return 1;
	}
	char *end;
	long long id = strtoll(pos[0], &end, 10);
	if (*end || id <= 0)
		return fprintf(stderr, "jiuzhu: 编号「%s」不对，应为 jiuzhu finding list 列出的数字\n", pos[0]), 1;
	if (!strcmp(verb, "dismiss") && (!reason || !*reason))
		return fprintf(stderr, "jiuzhu: 排除比对发现必须写明原因：--reason 原因\n"), 1;
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	int rc;
	if (!strcmp(verb, "verify"))
		rc = jz_finding_verify(&s, id, reason, &e);
	else if (!strcmp(verb, "act"))
		rc = jz_finding_act(&s, id, reason, done, sizeof done, &e);
	else
		rc = jz_finding_dismiss(&s, id, reason, &e);
	if (!rc)
		printf("比对发现 %lld %s%s%s\n", id, !strcmp(verb, "verify") ? "已核实" :
		       !strcmp(verb, "act") ? "已处理" : "已排除", *done ? "：" : "", done);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_export(jz_cli *c)
{
	const char *src = NULL, *state = NULL, *village = NULL, *kind = NULL, *out = NULL, *pos[1];
	int utf8 = 0;
	jz_opt opts[] = {{"--source", &src, NULL}, {"--state", &state, NULL}, {"--village", &village, NULL},
			 {"--kind", &kind, NULL}, {"-o", &out, NULL}, {"--output", &out, NULL},
			 {"--utf8", NULL, &utf8}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	int np = jz_cli_parse(&sub, opts, pos, 0, &e);
	if (np < 0)
		return jz_cli_report(&e);
	if (!out) {
		fputs(USAGE_FINDING, stderr);
		return 1;
	}
	if (src && !(src = jz_compare_source_parse(src)))
		return fprintf(stderr, "jiuzhu: --source 应为 jiandang、death、disability 或 medical\n"), 1;
	jz_db *db = jz_cli_open(c, &e);
	struct jz_finding_filter fl = {src, state, village, kind};
	int n = db ? jz_finding_export(db, &fl, out, utf8, &e) : -1;
	jz_db_close(db);
	if (n < 0)
		return jz_cli_report(&e);
	printf("已导出 %d 条比对发现到 %s\n", n, out);
	return 0;
}

int jz_cmd_finding(jz_cli *c)
{
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	if (!strcmp(verb, "list"))
		return cmd_list(c, 0);
	if (!strcmp(verb, "show"))
		return cmd_list(c, 1);
	if (!strcmp(verb, "verify") || !strcmp(verb, "act") || !strcmp(verb, "dismiss"))
		return cmd_work(c, verb);
	if (!strcmp(verb, "export"))
		return cmd_export(c);
	fputs(USAGE_FINDING, stderr);
	return 1;
}
