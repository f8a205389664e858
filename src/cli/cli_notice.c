/* cli_notice.c — `jiuzhu notice`: the 公示名单 of cases in 公示, printed or
 * exported per village (xlsx and a printable text). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/notice.h"
#include "io/form_file.h"
#include "store/township_store.h"

static int print_row(const struct jz_notice_row *r, void *arg)
{
	char money[32];
	(void)arg;
	jz_money_format(r->amount_fen, money, sizeof money);
	printf("%-8s %-12s %s %s（%s） %d 人 %s 元/月 公示 %s 至 %s\n", r->village, r->names, r->masked_id,
	       r->programme, r->mode, r->persons, money, r->from, r->to);
	return 0;
}

int jz_cmd_notice(jz_cli *c)
{
	const char *village = NULL, *date = NULL, *dir = NULL, *pos[1];
	jz_opt opts[] = {{"--village", &village, NULL}, {"--date", &date, NULL}, {"--export", &dir, NULL}, {0}};
	jz_err e = {0};
	char path[4096];
	if (jz_cli_parse(c, opts, pos, 0, &e) < 0 || jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, &e))
		return jz_cli_report(&e);
	if (date && !jz_date_valid(date)) {
		fprintf(stderr, "jiuzhu: --date 的值「%s」不对，应写成 YYYY-MM-DD\n", date);
		return 1;
	}
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, &e);
	jz_village v = {0};
	int rc = !db;
	if (!rc && village && jz_store_village_by_name(db, village, &v, &e) <= 0) {
		if (!e.msg[0])
			jz_fail(&e, JZ_EUSER, "没有叫「%s」的村（社区）", village);
		rc = 1;
	}
	if (!rc && dir) {
		int n = jz_notice_export(db, v.id, date, dir, &e);
		rc = n < 0;
		if (!rc)
			printf("已写出 %d 个村（社区）的公示名单到 %s\n", n, dir);
	} else if (!rc)
		rc = jz_notice_rows(db, v.id, date, print_row, NULL, &e) != 0;
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}
