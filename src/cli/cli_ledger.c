/* cli_ledger.c — `jiuzhu ledger list|show|export`: the ledgers (台账) with
 * the same rows and filters as the desk (core/ledger.h). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/ledger.h"
#include "io/text.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu ledger list                              台账名称\n"
	"  jiuzhu ledger show 台账 [--village 村名] [--from YYYY-MM] [--to YYYY-MM] [--month YYYY-MM]\n"
	"                        [--state 状态]            显示台账（制表符分隔）\n"
	"  jiuzhu ledger export 台账 -o 文件.xlsx|文件.csv [--utf8] [同上筛选]\n"
	"        导出：.xlsx 工作簿，或 .csv（默认 GBK 编码，--utf8 写成带 BOM 的 UTF-8）\n";

static int cmd_list(void)
{
	for (int i = 0; i < jz_ledger_count(); i++) {
		const struct jz_ledger_def *d = jz_ledger_at(i);
		printf("%-14s %s（%s）%s%s\n", d->name, d->title, d->add ? "可手工添加" : "由案件生成",
		       d->states[0] ? "  状态：" : "", d->states);
	}
	return 0;
}

static void print_row(const char *state, char *const *cells, int n)
{
	fputs(state, stdout);
	for (int c = 0; c < n; c++)
		printf("\t%s", cells[c]);
	putchar('\n');
}

static int show(const struct jz_ledger_table *t, const struct jz_ledger_filter *f)
{
	const struct jz_ledger_def *d = t->def;
	char note[256];
	jz_ledger_filter_text(f, note, sizeof note);
	printf("%s（%s）\n状态", d->title, note);
	for (int c = 0; c < d->ncols; c++)
		printf("\t%s", d->cols[c].header);
	putchar('\n');
	for (int i = 0; i < t->n; i++)
		print_row(t->rows[i].state, t->rows[i].cell, d->ncols);
	printf("共 %d 条\n", t->n);
	return 0;
}

static int cmd_show(jz_cli *c, int export)
{
	const char *village = NULL, *from = NULL, *to = NULL, *month = NULL, *state = NULL, *out = NULL, *pos[1];
	int utf8 = 0;
	jz_opt opts[] = {{"--village", &village, NULL}, {"--from", &from, NULL}, {"--to", &to, NULL},
			 {"--month", &month, NULL}, {"--state", &state, NULL}, {"-o", &out, NULL},
			 {"--output", &out, NULL}, {"--utf8", NULL, &utf8}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	int np = jz_cli_parse(&sub, opts, pos, 1, &e);
	if (np < 0)
		return jz_cli_report(&e);
	if (np != 1 || (export && !out)) {
		fputs(USAGE, stderr);
		return 1;
	}
	if (utf8 && !out)
		return fprintf(stderr, "jiuzhu: --utf8 要和 -o 文件.csv 一起用\n"), 1;
	if (month && (from || to))
		return fprintf(stderr, "jiuzhu: --month 与 --from/--to 只能用一种\n"), 1;
	const struct jz_ledger_def *d = jz_ledger_find(pos[0], &e);
	if (!d)
		return jz_cli_report(&e);
	struct jz_ledger_filter f = {0};
	snprintf(f.village, sizeof f.village, "%s", village ? village : "");
	snprintf(f.from, sizeof f.from, "%.7s", month ? month : from ? from : "");
	snprintf(f.to, sizeof f.to, "%.7s", month ? month : to ? to : "");
	snprintf(f.state, sizeof f.state, "%s", state ? state : "");
	jz_db *db = jz_cli_open(c, &e);
	if (!db)
		return jz_cli_report(&e);
	char today[11], note[256];
	jz_today(today);
	jz_ledger_filter_default(d, today, &f);
	struct jz_ledger_table t = {0};
	int rc = jz_ledger_load(db, d, &f, today, &t, &e);
	if (!rc && out) {
		jz_ledger_filter_text(&f, note, sizeof note);
		char full[320];
		snprintf(full, sizeof full, "%s    制表日期：%s", note, today);
		rc = jz_ledger_export(&t, full, out, utf8, &e);
		if (!rc)
			printf("已导出 %s %d 条到 %s\n", d->title, t.n, out);
	} else if (!rc) {
		show(&t, &f);
	}
	if (t.def)
		jz_ledger_free(&t);
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

int jz_cmd_ledger(jz_cli *c)
{
	const char *verb = c->argc > 1 ? c->argv[1] : "";
	if (!strcmp(verb, "list"))
		return cmd_list();
	if (!strcmp(verb, "show"))
		return cmd_show(c, 0);
	if (!strcmp(verb, "export"))
		return cmd_show(c, 1);
	fputs(USAGE, stderr);
	return 1;
}
