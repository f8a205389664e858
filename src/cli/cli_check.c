/* cli_check.c — `jiuzhu check [--quick]`: prints each problem with where it
 * is; exit 0 when the file is whole and its history intact, 2 otherwise. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/check.h"

static void print_problem(const char *kind, const char *where, const char *what, void *arg)
{
	int *n = arg;
	(*n)++;
	printf("[%s] %s：%s\n", kind, where, what);
}

int jz_cmd_check(jz_cli *c)
{
	int quick = 0, shown = 0;
	const char *pos[1];
	jz_opt opts[] = {{"--quick", NULL, &quick}, {0}};
	jz_err e = {0};
	if (jz_cli_parse(c, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	if (!db)
		return jz_cli_report(&e);
	int n = jz_check_all(db, quick, print_problem, &shown, &e);
	jz_db_close(db);
	if (n < 0)
		return jz_cli_report(&e);
	if (n == 0) {
		printf("检查完毕：数据文件完好，操作记录完整，没有发现问题\n");
		return 0;
	}
	printf("检查完毕：发现 %d 个问题（见上）。请不要再用 sqlite3 等工具改动数据文件；"
	       "可用 jiuzhu restore 恢复最近一份完好的备份\n", n);
	return 2;
}
