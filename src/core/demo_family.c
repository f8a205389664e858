/* demo_family.c — who lives together in a demo household: a head, maybe a
 * spouse, children, an old parent or grandchildren; its village and flags. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/demo_gen.h"
#include "core/household.h"
#include "store/people.h"

static int family_size(struct jz_demo_gen *g)
{
	static const int pct_by_size[] = {28, 28, 18, 14, 8, 3, 1}; /* sizes 1..7 */
	int r = (int)jz_demo_rand(g, 100);
	for (int i = 0; i < 7; i++)
		if ((r -= pct_by_size[i]) < 0)
			return i + 1;
	return 1;
}

static void household_flags(struct jz_demo_gen *g, jz_household *h, const jz_village *v)
{
	static const char *const causes[] = {"疾病", "疾病", "残疾", "因学", "灾害", "缺乏劳动力", "其他"};
	int rural = strcmp(v->area, "农村") == 0;
	h->village_id = v->id;
	if (v->groups)
		snprintf(h->grp, sizeof h->grp, "%u组", 1 + jz_demo_rand(g, (unsigned)v->groups));
	if (rural)
		snprintf(h->address, sizeof h->address, "%s%s%u号", v->name, h->grp, 1 + jz_demo_rand(g, 80));
	else
		snprintf(h->address, sizeof h->address, "%s%u号%u单元", jz_demo_streets[jz_demo_rand(g,
			 (unsigned)jz_demo_streets_n)], 1 + jz_demo_rand(g, 200), 1 + jz_demo_rand(g, 6));
	if (jz_demo_pct(g, 40))
		snprintf(h->poverty_cause, sizeof h->poverty_cause, "%s", causes[jz_demo_rand(g, 7)]);
	h->jiandang = jz_demo_pct(g, rural ? 18 : 2);
	if (h->jiandang)
		snprintf(h->tuopin, sizeof h->tuopin, "%s", jz_demo_pct(g, 6) ? "未脱贫" : "已脱贫");
	h->monitored = h->jiandang && jz_demo_pct(g, 15);
	h->edge = !h->jiandang && jz_demo_pct(g, 3);
	h->relocated = rural && h->jiandang && jz_demo_pct(g, 15);
}

struct member_plan {
	const char *relation;
	char sex;
	int age;
	const char *surname;
};

/* Plans the members after the head: spouse, children, parent, grandchildren. */
static int plan_members(struct jz_demo_gen *g, int size, const char *surname, char head_sex,
			int head_age, struct member_plan *m)
{
	int n = 0, has_spouse = size > 1 && head_age >= 22 && jz_demo_pct(g, 85);
	if (has_spouse) {
		int age = head_age + (int)jz_demo_rand(g, 9) - 4;
		m[n++] = (struct member_plan){"配偶", head_sex == 'M' ? 'F' : 'M', age < 20 ? 20 : age,
					      jz_demo_surname(g)};
	}
	if (n < size - 1 && head_age < 50 && jz_demo_pct(g, 30))
		m[n++] = (struct member_plan){jz_demo_pct(g, 50) ? "父亲" : "母亲", 0,
					      head_age + 24 + (int)jz_demo_rand(g, 10), surname};
	while (n < size - 1 && head_age >= 20) {
		int child_age = head_age - 22 - (int)jz_demo_rand(g, 14);
		int grand = child_age > 25 && n >= 2 && jz_demo_pct(g, 50);
		char sex = jz_demo_pct(g, 52) ? 'M' : 'F';
		const char *rel = grand ? (sex == 'M' ? "孙子" : "孙女") : (sex == 'M' ? "子" : "女");
		int age = grand ? child_age - 25 - (int)jz_demo_rand(g, 8) : child_age;
		m[n++] = (struct member_plan){rel, sex, age < 0 ? 0 : age, surname};
	}
	for (int i = 0; i < n; i++)
		if (!m[i].sex)
			m[i].sex = strcmp(m[i].relation, "父亲") == 0 ? 'M' : 'F';
	return n;
}

static int no_labour(jz_session *s, jz_household *h, jz_err *e)
{
	jz_person m[8];
	int n = jz_store_members(s->db, h->id, m, 8, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n && i < 8; i++)
		if (strcmp(m[i].labour, "有劳动能力") == 0)
			return 0;
	h->no_labour = 1;
	return jz_household_update(s, h, "演示数据：整户无劳动力", e);
}

int jz_demo_household(jz_session *s, struct jz_demo_gen *g, jz_err *e)
{
	struct member_plan plan[8];
	jz_household h = {0};
	jz_person head;
	const jz_village *v = &g->villages[jz_demo_rand(g, (unsigned)g->nvillages)];
	int rural = strcmp(v->area, "农村") == 0;
	int size = family_size(g), head_age = 25 + (int)jz_demo_rand(g, 64);
	char head_sex = jz_demo_pct(g, 75) ? 'M' : 'F';
	const char *surname = jz_demo_surname(g);
	if (size == 1)
		head_age = 40 + (int)jz_demo_rand(g, 50);
	household_flags(g, &h, v);
	if (jz_demo_person(g, &head, surname, head_sex, head_age, 1, rural))
		return jz_fail(e, JZ_EDATA, "演示数据：无法生成唯一的身份证号");
	snprintf(h.phone, sizeof h.phone, "%s", head.phone);
	if (jz_household_create(s, &h, &head, "演示数据", e))
		return -1;
	int n = plan_members(g, size, surname, head_sex, head_age, plan);
	for (int i = 0; i < n; i++) {
		jz_person p;
		if (jz_demo_person(g, &p, plan[i].surname, plan[i].sex, plan[i].age, 0, rural))
			return jz_fail(e, JZ_EDATA, "演示数据：无法生成唯一的身份证号");
		snprintf(p.relation, sizeof p.relation, "%s", plan[i].relation);
		if (jz_member_add(s, h.id, &p, "演示数据", e))
			return -1;
		if (plan[i].age >= 75 && g->ndeaths < 64 && jz_demo_pct(g, 8))
			g->deaths[g->ndeaths++] = p.id;
	}
	return no_labour(s, &h, e);
}

int jz_demo_deaths(jz_session *s, struct jz_demo_gen *g, jz_err *e)
{
	for (int i = 0; i < g->ndeaths; i++) {
		char day[11];
		jz_days_to_date(jz_date_to_days(g->ref) - 20 - jz_demo_rand(g, 500), day);
		if (jz_person_died(s, g->deaths[i], day, "演示数据：村委会报告死亡", e))
			return -1;
	}
	return 0;
}
