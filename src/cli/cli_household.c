/* cli_household.c — `jiuzhu household show 户编号|身份证号`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/id.h"
#include "store/people.h"
#include "store/township_store.h"

/* Finds a household by its number or by any member's ID. */
static int find(jz_db *db, const char *key, jz_household *h, jz_err *e)
{
	int r = jz_store_household_by_number(db, key, h, e);
	if (r)
		return r < 0 ? -1 : 0;
	jz_person p;
	char id[19];
	if (jz_id_normalize(key, NULL, 1, id, NULL, NULL) == 0 &&
	    (r = jz_store_person_by_idno(db, id, &p, e)) > 0 && p.household_id)
		return jz_store_household_get(db, p.household_id, h, e) > 0 ? 0 : -1;
	return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到户编号或身份证号为「%s」的家庭", key);
}

static void print_household(jz_db *db, const jz_household *h)
{
	jz_village v = {0};
	jz_err e = {0};
	jz_store_village_get(db, h->village_id, &v, &e);
	printf("户编号：%s\n村（社区）：%s %s\n住址：%s\n城乡：%s\n", h->number, v.name, h->grp,
	       h->address, h->area);
	printf("致贫原因：%s\n建档立卡：%s%s%s\n", *h->poverty_cause ? h->poverty_cause : "—",
	       h->jiandang ? "是" : "否", *h->tuopin ? "，" : "", h->tuopin);
	if (h->monitored || h->edge || h->relocated || h->no_labour)
		printf("标记：%s%s%s%s\n", h->monitored ? "脱贫监测户 " : "", h->edge ? "边缘户 " : "",
		       h->relocated ? "易地扶贫搬迁 " : "", h->no_labour ? "整户无劳动力" : "");
	if (*h->closed_on)
		printf("注销日期：%s\n", h->closed_on);
}

static void print_members(const jz_person *m, int n)
{
	char today[11];
	jz_today(today);
	printf("成员 %d 人：\n", n);
	for (int i = 0; i < n; i++) {
		const jz_person *p = &m[i];
		printf("  %-8s %s %s %3d岁 %s %s", p->relation, p->name, p->id_number,
		       jz_age_on(p->birth, today), p->sex == 'M' ? "男" : "女", p->labour);
		if (p->disability_grade)
			printf(" %s%d级", p->disability_cat, p->disability_grade);
		if (p->serious_illness)
			printf(" 重病");
		if (p->student)
			printf(" 在校生");
		if (*p->employment)
			printf(" %s", p->employment);
		if (*p->deceased_on)
			printf(" 已故(%s)", p->deceased_on);
		printf("\n");
	}
}

int jz_cmd_household(jz_cli *c)
{
	const char *pos[2];
	jz_opt opts[] = {{0}};
	jz_err e = {0};
	char path[4096];
	int n = jz_cli_parse(c, opts, pos, 2, &e);
	if (n < 0)
		return jz_cli_report(&e);
	if (n != 2 || strcmp(pos[0], "show")) {
		fprintf(stderr, "jiuzhu: 用法：jiuzhu household show 户编号|身份证号\n");
		return 1;
	}
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, &e);
	jz_household h;
	jz_person m[64];
	if (!db || find(db, pos[1], &h, &e)) {
		jz_db_close(db);
		return jz_cli_report(&e);
	}
	int cnt = jz_store_members(db, h.id, m, 64, &e);
	print_household(db, &h);
	print_members(m, cnt < 64 ? cnt : 64);
	jz_db_close(db);
	return cnt < 0 ? jz_cli_report(&e) : 0;
}
