/* cli_standard.c — `jiuzhu standard set|list`: the standards in force from a
 * month on, per area (a new standard never rewrites the past). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/township_store.h"

static const char *const keys[][2] = {
	{"低保", "dibao.standard_fen"}, {"特困", "tekun.basic_fen"}, {"最低工资", "wage.minimum_fen"},
};

static const char *key_of(const char *name)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(keys[i][0], name))
			return keys[i][1];
	return NULL;
}

static int cmd_set(jz_cli *c)
{
	const char *from = NULL, *as = NULL, *pos[3];
	jz_opt opts[] = {{"--from", &from, NULL}, {"--as", &as, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	long long fen;
	char day[11], value[32];
	int n = jz_cli_parse(&sub, opts, pos, 3, &e);
	if (n < 0)
		return jz_cli_report(&e);
	if (n != 3 || !from) {
		fprintf(stderr, "jiuzhu: 用法：jiuzhu standard set 低保|特困|最低工资 城市|农村 元 --from YYYY-MM --as 操作员\n");
		return 1;
	}
	const char *key = key_of(pos[0]);
	if (!key || (strcmp(pos[1], "城市") && strcmp(pos[1], "农村") && strcmp(pos[1], "*"))) {
		fprintf(stderr, "jiuzhu: 标准只能是 低保、特困 或 最低工资，地区只能是 城市、农村 或 *\n");
		return 1;
	}
	if (!jz_month_valid(from)) {
		fprintf(stderr, "jiuzhu: --from 的值「%s」不对，应写成 YYYY-MM（从该月 1 日起执行）\n", from);
		return 1;
	}
	if (jz_cli_money("金额", pos[2], &fen, &e) || jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	snprintf(day, sizeof day, "%s-01", from);
	snprintf(value, sizeof value, "%lld", fen);
	int rc = jz_setting_set(&s, key, pos[1], day, value, "调整保障标准", &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("%s标准（%s）从 %s 起为 %s 元/月\n", pos[0], pos[1], day, pos[2]);
	return 0;
}

static int cmd_list(jz_cli *c)
{
	struct jz_setting_row rows[200];
	jz_err e = {0};
	char path[4096], money[32];
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, &e);
	if (!db)
		return jz_cli_report(&e);
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		int n = jz_store_settings_list(db, keys[k][1], rows, 200, &e);
		for (int i = 0; i < n && i < 200; i++) {
			if (strcmp(rows[i].key, keys[k][1]))
				continue;
			jz_money_format(atoll(rows[i].value), money, sizeof money);
			printf("%-8s %-4s %s 起 %s 元/月\n", keys[k][0], rows[i].area, rows[i].from_date, money);
		}
	}
	jz_db_close(db);
	return 0;
}

int jz_cmd_standard(jz_cli *c)
{
	if (c->argc >= 2 && !strcmp(c->argv[1], "set"))
		return cmd_set(c);
	if (c->argc >= 2 && !strcmp(c->argv[1], "list"))
		return cmd_list(c);
	fprintf(stderr, "jiuzhu: 用法：jiuzhu standard set 低保|特困|最低工资 城市|农村 元 --from YYYY-MM --as 操作员\n"
			"       jiuzhu standard list\n");
	return 1;
}
