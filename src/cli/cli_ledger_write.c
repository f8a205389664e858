/* cli_ledger_write.c — `jiuzhu screening ...`: the 六类对象 screening
 * ledger's workflow (core/screening.h), each write signed in with --as. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/screening.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu screening add --category 类别 --id 身份证号 [--name 姓名] [--village 村名] [--date YYYY-MM-DD] --as 操作员\n"
	"  jiuzhu screening visit 编号 --visitors 走访人 [--date YYYY-MM-DD] --as 操作员\n"
	"  jiuzhu screening result 编号 --result 纳入低保|纳入特困|其他救助|不符合条件\n"
	"                          [--case 案件编号] [--reason 原因] [--basis 依据] --as 操作员\n"
	"  jiuzhu screening close 编号 [--date YYYY-MM-DD] --as 操作员        销号\n"
	"  jiuzhu screening province 编号 [--date YYYY-MM-DD] --as 操作员     已录入省系统\n"
	"  jiuzhu screening fill [--run 比对编号] --as 操作员                 从建档立卡比对结果生成名单\n"
	"  类别（001 号文）：未脱贫建档立卡 整户无劳动力 重残重病 已脱贫收入低于低保标准 脱贫监测户 脱贫边缘户\n"
	"  类别（000 号文）：剩余贫困人口 脱贫不稳定 贫困边缘 未落实分类施保的低保残疾人 未脱贫因残致贫 未脱贫因病致贫\n"
	"  台账查看与导出：jiuzhu ledger show screening\n";

static int row_id(const char *v, jz_rowid *id, jz_err *e)
{
	long n;
	if (jz_cli_int("编号", v, 1, 2000000000L, &n, e))
		return -1;
	*id = n;
	return 0;
}

int jz_cmd_screening(jz_cli *c)
{
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	const char *as = NULL, *cat = NULL, *idn = NULL, *name = NULL, *village = NULL, *date = NULL,
		   *visitors = NULL, *result = NULL, *cs = NULL, *reason = NULL, *basis = NULL, *run = NULL,
		   *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--category", &cat, NULL}, {"--id", &idn, NULL},
			 {"--name", &name, NULL}, {"--village", &village, NULL}, {"--date", &date, NULL},
			 {"--visitors", &visitors, NULL}, {"--result", &result, NULL}, {"--case", &cs, NULL},
			 {"--reason", &reason, NULL}, {"--basis", &basis, NULL}, {"--run", &run, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	int add = !strcmp(verb, "add"), fill = !strcmp(verb, "fill");
	int known = add || fill || !strcmp(verb, "visit") || !strcmp(verb, "result") ||
		    !strcmp(verb, "close") || !strcmp(verb, "province");
	int np = known ? jz_cli_parse(&sub, opts, pos, 1, &e) : -2;
	jz_rowid id = 0;
	if (np == -1)
		return jz_cli_report(&e);
	if (np < 0 || np != (add || fill ? 0 : 1)) {
		fputs(USAGE, stderr);
		return 1;
	}
	if (np == 1 && row_id(pos[0], &id, &e))
		return jz_cli_report(&e);
	long long runid = 0;
	if (run) {
		long n;
		if (jz_cli_int("--run", run, 1, 2000000000L, &n, &e))
			return jz_cli_report(&e);
		runid = n;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	int rc, added = 0;
	if (add)
		rc = jz_screening_add(&s, cat, idn, name, village, date, &id, &e);
	else if (fill)
		rc = jz_screening_fill_from_findings(&s, runid, &added, &e);
	else if (!strcmp(verb, "visit"))
		rc = jz_screening_visit(&s, id, date, visitors, &e);
	else if (!strcmp(verb, "result"))
		rc = jz_screening_result(&s, id, result, reason, basis, cs, &e);
	else if (!strcmp(verb, "close"))
		rc = jz_screening_close(&s, id, date, &e);
	else
		rc = jz_screening_province(&s, id, date, &e);
	if (!rc && add)
		printf("已登记排查对象\n%lld\n", id);
	else if (!rc && fill)
		printf("从建档立卡比对结果列入排查 %d 人\n", added);
	else if (!rc)
		printf("排查记录 %lld 已更新\n", id);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}
