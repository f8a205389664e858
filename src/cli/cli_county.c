/* cli_county.c — `jiuzhu export county YYYY-MM -o FILE` (a township's
 * figures for the county) and `jiuzhu merge FILE... -o OUT.xlsx
 * [--csv DIR [--utf8]]` (the county's workbook from the townships' files). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/county.h"

int jz_cmd_export(jz_cli *c)
{
	const char *out = NULL, *pos[2] = {NULL, NULL};
	jz_opt opts[] = {{"-o", &out, NULL}, {0}};
	jz_err e = {0};
	int npos = jz_cli_parse(c, opts, pos, 2, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 2 || strcmp(pos[0], "county") || !out) {
		fputs("用法：jiuzhu export county YYYY-MM -o 文件（给县民政局汇总用）\n", stderr);
		return 1;
	}
	if (!jz_month_valid(pos[1])) {
		jz_fail(&e, JZ_EUSER, "月份「%s」应写成 YYYY-MM，例如 2026-10", pos[1]);
		return jz_cli_report(&e);
	}
	jz_db *db = jz_cli_open(c, &e);
	int rc = db ? jz_county_export(db, pos[1], out, &e) : -1;
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("已写出 %s 的汇总文件 %s，交给县民政局用 jiuzhu merge 汇总\n", pos[1], out);
	return 0;
}

int jz_cmd_merge(jz_cli *c)
{
	const char *out = NULL, *csv = NULL, *files[512];
	int utf8 = 0;
	jz_opt opts[] = {{"-o", &out, NULL}, {"--csv", &csv, NULL}, {"--utf8", NULL, &utf8}, {0}};
	jz_err e = {0};
	int n = jz_cli_parse(c, opts, files, 512, &e);
	if (n < 0)
		return jz_cli_report(&e);
	if (n < 1 || (!out && !csv)) {
		fputs("用法：jiuzhu merge 乡镇汇总文件... -o 县汇总.xlsx [--csv 文件夹 [--utf8]]\n", stderr);
		return 1;
	}
	struct jz_report r;
	char month[8] = "";
	int rc = jz_county_merge(files, n, NULL, &r, &e);
	snprintf(month, sizeof month, "%s", r.fig.month);
	if (!rc && out)
		rc = jz_report_write_xlsx(&r, out, &e);
	if (!rc && csv) {
		mkdir(csv, 0755);
		rc = jz_report_write_csv(&r, csv, utf8, &e);
	}
	for (int i = 0; !rc && i < r.nnotes; i++)
		fprintf(stderr, "注意：%s\n", r.notes[i]);
	jz_report_free(&r);
	if (rc)
		return jz_cli_report(&e);
	printf("已汇总 %d 个乡镇 %s 的数字%s%s%s%s\n", n, month, out ? "到 " : "", out ? out : "",
	       csv ? "，CSV 在 " : "", csv ? csv : "");
	return 0;
}
