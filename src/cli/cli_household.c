/* cli_household.c — `jiuzhu household show|add` and `jiuzhu household
 * member-add`: the same core calls as the household card. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/household.h"
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

static int show(jz_cli *c, const char *key)
{
	jz_err e = {0};
	char path[4096];
	if (jz_cli_db_path(c, "jiuzhu.db", 0, path, sizeof path, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, &e);
	jz_household h;
	jz_person m[64];
	if (!db || find(db, key, &h, &e)) {
		jz_db_close(db);
		return jz_cli_report(&e);
	}
	int cnt = jz_store_members(db, h.id, m, 64, &e);
	print_household(db, &h);
	print_members(m, cnt < 64 ? cnt : 64);
	jz_db_close(db);
	return cnt < 0 ? jz_cli_report(&e) : 0;
}

struct person_opts {
	const char *name, *id, *relation, *phone, *as, *why;
};

static void fill_person(const struct person_opts *o, jz_person *p)
{
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", o->name ? o->name : "");
	snprintf(p->id_number, sizeof p->id_number, "%s", o->id ? o->id : "");
	snprintf(p->relation, sizeof p->relation, "%s", o->relation ? o->relation : "");
	snprintf(p->phone, sizeof p->phone, "%s", o->phone ? o->phone : "");
}

/* jiuzhu household add --village NAME --name NAME --id ID [--phone P] --as OP */
static int add(jz_cli *c)
{
	struct person_opts o = {0};
	const char *village = NULL, *pos[1];
	jz_opt opts[] = {{"--village", &village, NULL}, {"--name", &o.name, NULL}, {"--id", &o.id, NULL},
			 {"--phone", &o.phone, NULL}, {"--as", &o.as, NULL}, {"--why", &o.why, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	if (!village || !o.name || !o.id) {
		fprintf(stderr, "jiuzhu: 用法：jiuzhu household add --village 村名 --name 户主姓名 --id 身份证号 --as 操作员\n");
		return 1;
	}
	if (jz_cli_session(c, o.as, &s, &e))
		return jz_cli_report(&e);
	jz_household h = {0};
	jz_village v;
	jz_person head;
	fill_person(&o, &head);
	int r = jz_store_village_by_name(s.db, village, &v, &e);
	if (r == 0)
		jz_fail(&e, JZ_EUSER, "没有叫「%s」的村（社区），请先在「设置」里添加", village);
	if (r > 0) {
		h.village_id = v.id;
		r = jz_household_create(&s, &h, &head, o.why ? o.why : "新建家庭档案", &e) ? -1 : 1;
	}
	jz_db_close(s.db);
	if (r <= 0)
		return jz_cli_report(&e);
	printf("已建立家庭，户主 %s\n%s\n", head.name, h.number);
	return 0;
}

/* jiuzhu household member-add 户编号 --name NAME --id ID --relation R --as OP */
static int member_add(jz_cli *c)
{
	struct person_opts o = {0};
	const char *pos[1];
	jz_opt opts[] = {{"--name", &o.name, NULL}, {"--id", &o.id, NULL}, {"--relation", &o.relation, NULL},
			 {"--phone", &o.phone, NULL}, {"--as", &o.as, NULL}, {"--why", &o.why, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 1, &e) != 1 || !o.name || !o.id || !o.relation) {
		if (!e.msg[0])
			jz_fail(&e, JZ_EUSER, "用法：jiuzhu household member-add 户编号 --name 姓名 --id 身份证号 --relation 关系 --as 操作员");
		return jz_cli_report(&e);
	}
	if (jz_cli_session(c, o.as, &s, &e))
		return jz_cli_report(&e);
	jz_household h;
	jz_person p;
	fill_person(&o, &p);
	int r = jz_store_household_by_number(s.db, pos[0], &h, &e);
	if (r == 0)
		jz_fail(&e, JZ_EUSER, "没有户编号为「%s」的家庭", pos[0]);
	if (r > 0)
		r = jz_member_add(&s, h.id, &p, o.why ? o.why : "新增家庭成员", &e) ? -1 : 1;
	jz_db_close(s.db);
	if (r <= 0)
		return jz_cli_report(&e);
	printf("已把 %s 加入户编号 %s\n", p.name, h.number);
	return 0;
}

int jz_cmd_household(jz_cli *c)
{
	if (c->argc >= 2 && !strcmp(c->argv[1], "add"))
		return add(c);
	if (c->argc >= 2 && !strcmp(c->argv[1], "member-add"))
		return member_add(c);
	if (c->argc == 3 && !strcmp(c->argv[1], "show"))
		return show(c, c->argv[2]);
	fprintf(stderr, "jiuzhu: 用法：jiuzhu household show 户编号|身份证号\n"
			"       jiuzhu household add --village 村名 --name 户主姓名 --id 身份证号 --as 操作员\n"
			"       jiuzhu household member-add 户编号 --name 姓名 --id 身份证号 --relation 关系 --as 操作员\n");
	return 1;
}
