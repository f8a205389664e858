/* demo_aid.c — the demo's year of 临时救助 and of the reserve fund: county
 * allocations each quarter, 先行 emergency aid paid at once (one with its
 * paperwork overdue), 支出型 cases through every step, one approved by the
 * county, one by 一事一议, one paid in stages, non-local people, a return
 * and a correction. All through the core functions, with the clock set to
 * each day in turn (never after the real today). */
#include <stdio.h>
#include <string.h>

#include "core/aid.h"
#include "core/clock.h"
#include "core/demo_gen.h"
#include "core/fund.h"
#include "core/id.h"
#include "core/operator.h"
#include "store/people.h"

struct team {
	jz_session jb, sh, sp;
	char today[11];
	int households, docs;
	jz_rowid staged;    /* the case paid in stages, one a month */
};

static void day_of(const struct team *t, const char *month, int day)
{
	char d[11], tmp[32];
	snprintf(tmp, sizeof tmp, "%.7s-%02d", month, day % 100);
	memcpy(d, tmp, 11);
	jz_clock_set_today(strcmp(d, t->today) > 0 ? t->today : d, NULL);
}

/* Someone of the township, or (non_local) a migrant from another province. */
static int applicant(struct team *t, struct jz_demo_gen *g, int non_local, jz_person *p, jz_err *e)
{
	if (!non_local) {
		jz_rowid hid = 1 + jz_demo_rand(g, (unsigned)t->households);
		int r = jz_store_household_head(t->jb.db, hid, p, e);
		return r < 0 ? -1 : r > 0 && !*p->deceased_on;
	}
	char first17[18];
	if (jz_demo_person(g, p, jz_demo_surname(g), jz_demo_pct(g, 70) ? 'M' : 'F', 25 + (int)jz_demo_rand(g, 30),
			   0, 1))
		return jz_fail(e, JZ_EDATA, "演示数据：无法生成身份证号");
	memcpy(first17, "510722", 6);
	memcpy(first17 + 6, p->id_number + 6, 11);
	first17[17] = '\0';
	snprintf(p->id_number, sizeof p->id_number, "%s%c", first17, jz_id_check_digit(first17));
	snprintf(p->hukou, sizeof p->hukou, "四川省三台县");
	return 1;
}

static const char *cause(struct jz_demo_gen *g, int emergency)
{
	static const char *const urgent[] = {"火灾", "交通事故", "重病", "突发灾害"};
	static const char *const spend[] = {"重病", "就学", "其他"};
	return emergency ? urgent[jz_demo_rand(g, 4)] : spend[jz_demo_rand(g, 3)];
}

/* Investigation, review and approval, each by its role, a day apart. */
static int through(struct team *t, jz_rowid id, const char *month, int day, const struct jz_aid_step *approve,
		   jz_err *e)
{
	struct jz_aid_step inv = {.note = "入户核实，情况属实"}, rev = {.note = "同意救助"};
	day_of(t, month, day);
	if (jz_aid_step(&t->jb, id, &inv, e))
		return -1;
	day_of(t, month, day + 1);
	if (jz_aid_step(&t->sh, id, &rev, e))
		return -1;
	day_of(t, month, day + 2);
	return jz_aid_step(&t->sp, id, approve, e);
}

static int emergency(struct team *t, struct jz_demo_gen *g, const char *month, int paperwork, jz_err *e)
{
	jz_person p;
	jz_aid a;
	int r = applicant(t, g, jz_demo_pct(g, 30), &p, e);
	if (r <= 0)
		return r;
	struct jz_aid_new in = {.id_number = p.id_number, .name = p.name, .hukou = p.hukou, .kind = "急难",
				.cause = cause(g, 1), .need = "突发困难，基本生活暂时无法维持",
				.asked_fen = (long long)(500 + jz_demo_rand(g, 15) * 100) * 100,
				.persons = 1 + (int)jz_demo_rand(g, 4), .advance = 1};
	struct jz_aid_step ok = {.note = "同意先行救助"};
	day_of(t, month, 5);
	if (jz_aid_new(&t->jb, &in, &a, e) || through(t, a.id, month, 6, &ok, e))
		return -1;
	day_of(t, month, 9);
	return paperwork ? jz_aid_paperwork(&t->jb, a.id, "事后补充调查和审批材料齐全", e) : 0;
}

/* A 支出型 case: approved and paid; big ones go to the county, the biggest
 * to 一事一议; one is paid in three stages. */
static int expense(struct team *t, struct jz_demo_gen *g, const char *month, long long fen, int stages, jz_err *e)
{
	jz_person p;
	jz_aid a;
	char d[11];
	int r = applicant(t, g, 0, &p, e);
	if (r <= 0)
		return r;
	struct jz_aid_new in = {.id_number = p.id_number, .kind = "支出", .cause = cause(g, 0),
				.need = "医疗、就学等支出过大，基本生活困难", .asked_fen = fen, .persons = 1};
	day_of(t, month, 10);
	jz_today(d);
	struct jz_aid_step ok = {.note = "同意", .county_doc = fen > 200000 ? "开州民发〔临救〕号" : NULL,
				 .county_date = fen > 200000 ? d : NULL};
	if (fen > 1000000)
		ok = (struct jz_aid_step){.note = "一事一议", .county_doc = "开州民发〔临救〕号", .county_date = d,
			.yishi_date = d, .yishi_participants = "县民政局、财政局、医保局、乡镇",
			.yishi_reason = "重特大疾病，自付费用远超一般救助标准"};
	if (jz_aid_new(&t->jb, &in, &a, e) || through(t, a.id, month, 11, &ok, e))
		return -1;
	day_of(t, month, 14);
	jz_today(d);
	if (jz_aid_get(t->jb.db, a.id, &a, e))
		return -1;
	if (a.approved_fen > 200000 && !*a.county_doc) {
		struct jz_aid_step county = {.county_doc = "开州民发〔临救〕号", .county_date = d};
		if (jz_aid_step(&t->jb, a.id, &county, e))
			return -1;
	}
	if (stages) {
		struct jz_aid_stage st[3];
		for (int i = 0; i < 3; i++) {
			char m[8];
			jz_month_add(month, i, m);
			snprintf(st[i].due_on, sizeof st[i].due_on, "%s-%.2s", m, d + 8); /* the 14th: paid today, then monthly */
			st[i].fen = fen / 3;
		}
		st[2].fen = fen - 2 * (fen / 3);
		if (jz_aid_schedule(&t->jb, a.id, st, 3, e))
			return -1;
		t->staged = a.id;
		return jz_aid_pay(&t->jb, a.id, 0, "银行", NULL, NULL, e);
	}
	return jz_aid_pay(&t->jb, a.id, 0, "银行", NULL, NULL, e);
}

static int month_of_aid(struct team *t, struct jz_demo_gen *g, const char *month, int k, int months, jz_err *e)
{
	char doc[64];
	if (k % 3 == 0) {
		day_of(t, month, 2);
		snprintf(doc, sizeof doc, "开州民发〔2026〕%d号", ++t->docs);
		if (jz_fund_allocate(&t->jb, k == 0 ? 5000000 : 3000000, doc, NULL, e))
			return -1;
	}
	int last = k == months - 1;
	/* the last month's 先行 case waits for its paperwork: overdue by the end */
	if (emergency(t, g, month, !(k == months - 2), e) ||
	    (jz_demo_pct(g, 60) && emergency(t, g, month, 1, e)))
		return -1;
	long long fen = (long long)(1000 + jz_demo_rand(g, 9) * 100) * 100;
	if (k == 3)
		fen = 500000; /* above the township's limit: the county decides */
	if (k == 6)
		fen = 1500000; /* above the usual maximum: 一事一议 */
	if (!last && expense(t, g, month, fen, k == 8, e))
		return -1;
	if ((k == 9 || k == 10) && t->staged) { /* the next stage, on its day */
		day_of(t, month, 14);
		if (jz_aid_pay(&t->jb, t->staged, 0, "银行", NULL, NULL, e))
			return -1;
	}
	if (k == 5) {
		day_of(t, month, 20);
		if (jz_fund_return(&t->jb, 20000, "救助对象退回多领的部分", NULL, 0, e))
			return -1;
	}
	if (k == 7) {
		day_of(t, month, 21);
		if (jz_fund_adjust(&t->sp, -5000, "更正：上月现金发放记账多记 50 元", NULL, e))
			return -1;
	}
	return 0;
}

int jz_demo_aid(jz_db *db, struct jz_demo_gen *g, int households, int months, jz_err *e)
{
	struct team t = {.households = households};
	char fixed[11], this_month[8], month[8];
	int had_fixed = jz_clock_fixed_today(fixed), rc = 0;
	if (months <= 0)
		return 0;
	jz_today(t.today);
	jz_month_of(t.today, this_month);
	t.jb.db = t.sh.db = t.sp.db = db;
	if (jz_sign_in(&t.jb, "jingban", "demo", e) || jz_sign_in(&t.sh, "shenhe", "demo", e) ||
	    jz_sign_in(&t.sp, "shenpi", "demo", e))
		return -1;
	for (int k = 0; k < months && !rc; k++) {
		jz_month_add(this_month, k - months + 1, month);
		rc = month_of_aid(&t, g, month, k, months, e);
	}
	if (had_fixed)
		jz_clock_set_today(fixed, NULL);
	else
		jz_clock_clear_today();
	return rc;
}
