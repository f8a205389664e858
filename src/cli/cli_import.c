/* cli_import.c — `jiuzhu import roster FILE`: the roster import (core/
 * import.c) with its summary, every problem and note, and a progress line
 * on stderr when it is a terminal. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/import.h"

static const char IMPORT_USAGE[] =
	"用法：jiuzhu import roster 文件.csv|文件.xlsx [--dry-run] [--add-villages] [--sheet 工作表]\n"
	"                           [--encoding UTF-8|GBK|GB18030] --as 操作员\n"
	"  一行一人；列按表头名称找（户编号、村(社区)、姓名、身份证号、与户主关系 必须有）。\n"
	"  先用 --dry-run 看汇总和全部问题，什么也不写；真正导入是全部成功或全部不写。\n";

static void progress(int done, int total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\r导入中 %d / %d 户", done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static void print_lines(const char *title, char **lines, int n, int total)
{
	if (!total)
		return;
	printf("%s %d 处%s：\n", title, total, total > n ? "（只列出前面的）" : "");
	for (int i = 0; i < n; i++)
		printf("  %s\n", lines[i]);
	if (total > n)
		printf("  另有 %d 处未列出\n", total - n);
}

static int roster(jz_cli *c)
{
	const char *as = NULL, *sheet = NULL, *enc = NULL, *pos[1];
	int dry = 0, add = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--sheet", &sheet, NULL}, {"--encoding", &enc, NULL},
			 {"--dry-run", NULL, &dry}, {"--add-villages", NULL, &add}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 1) {
		fputs(IMPORT_USAGE, stderr);
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	struct jz_import_opts o = {.path = pos[0], .sheet = sheet, .encoding = enc, .dry_run = dry,
				   .add_villages = add, .progress = isatty(2) ? progress : NULL};
	struct jz_import_result r;
	int rc = jz_import_roster(&s, &o, &r, &e);
	char summary[4096];
	if (r.rows) {
		jz_import_summary(&r, dry || rc, summary, sizeof summary);
		char *tail = strstr(summary, "试导入");
		if (rc && tail)
			*tail = '\0';
		fputs(summary, stdout);
	}
	print_lines("修复和说明", r.notes, r.nnotes, r.notes_total);
	print_lines("问题", r.problems, r.nproblems, r.problems_total);
	fflush(stdout);
	jz_import_result_free(&r);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

int jz_cmd_import(jz_cli *c)
{
	if (c->argc < 2 || strcmp(c->argv[1], "roster")) {
		fputs(IMPORT_USAGE, stderr);
		return 1;
	}
	jz_cli sub = jz_cli_sub(c);
	return roster(&sub);
}
