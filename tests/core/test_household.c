/* test_household.c — households and members through the core
 * (core/household.c, core/member.c, core/person.c): exactly one head per
 * household, one household per ID, sex and birth from the ID, fields refused
 * with the field named, removing, moving, changing the head, deaths, and an
 * event with the operator and the household for every write. A refused write
 * leaves the database exactly as it was.
 * "Today" is always 2026-11-27; the real clock is never read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/household.h"
#include "store/event.h"
#include "store/people.h"

/* The people of these tests: first 17 digits of their IDs. */
#define ID_A "50015419800101001" /* 张建国, M, 1980-01-01 */
#define ID_B "50015419820304002" /* 李秀兰, F, 1982-03-04 */
#define ID_C "50015420100615003" /* 张小明, M, 2010-06-15 */
#define ID_D "50015419700808005" /* 王大山, M, 1970-08-08 */
#define ID_E "50015419950212004" /* 刘芳,   F, 1995-02-12 */

/* ---- helpers ---- */

static jz_person mk(const char *name, const char *first17, const char *relation)
{
	jz_person p;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", name);
	if (strlen(first17) == 17)
		tu_id(first17, p.id_number);
	else
		snprintf(p.id_number, sizeof p.id_number, "%s", first17);
	snprintf(p.relation, sizeof p.relation, "%s", relation);
	return p;
}

static jz_household new_household(tu_fixture *f, const jz_village *v, jz_person *head)
{
	jz_household h;
	jz_err e;
	memset(&h, 0, sizeof h);
	h.village_id = v->id;
	jz_err_clear(&e);
	int rc = jz_household_create(&f->s, &h, head, "新申请", &e);
	if (rc)
		print_error("jz_household_create: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return h;
}

static void add(tu_fixture *f, jz_rowid hid, jz_person *p)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_member_add(&f->s, hid, p, "登记", &e);
	if (rc)
		print_error("jz_member_add %s: %s\n", p->name, e.msg);
	assert_int_equal(rc, 0);
}

static jz_person load(tu_fixture *f, jz_rowid pid)
{
	jz_person p;
	jz_err e;
	assert_int_equal(jz_store_person_get(f->db, pid, &p, &e), 1);
	return p;
}

static jz_household load_h(tu_fixture *f, jz_rowid hid)
{
	jz_household h;
	jz_err e;
	assert_int_equal(jz_store_household_get(f->db, hid, &h, &e), 1);
	return h;
}

/* Everything a refused write could have touched. */
struct snap {
	long long events;
	char people[8192];
	char households[4096];
};

static void take(tu_fixture *f, struct snap *s)
{
	s->events = jz_event_count(f->db);
	tu_text(f->db, "SELECT group_concat(x, ';') FROM (SELECT id || '|' || id_number || '|' || name"
		" || '|' || coalesce(household_id, '-') || '|' || relation || '|' || labour || '|'"
		" || disability_cat || disability_grade || '|' || phone || '|' || deceased_on AS x"
		" FROM person ORDER BY id)", s->people, sizeof s->people);
	tu_text(f->db, "SELECT group_concat(x, ';') FROM (SELECT id || '|' || number || '|'"
		" || coalesce(closed_on, '-') || '|' || tuopin || poverty_cause AS x"
		" FROM household ORDER BY id)", s->households, sizeof s->households);
}

static void assert_unchanged(tu_fixture *f, const struct snap *before)
{
	struct snap now;
	take(f, &now);
	assert_int_equal(now.events, before->events);
	assert_string_equal(now.people, before->people);
	assert_string_equal(now.households, before->households);
	assert_int_equal(jz_tx_depth(f->db), 0);
}

/* Exactly one head in every open household, none elsewhere. */
static void assert_one_head_each(tu_fixture *f)
{
	assert_int_equal(tu_count(f->db,
		"SELECT count(*) FROM household h WHERE closed_on IS NULL AND (SELECT count(*)"
		" FROM person p WHERE p.household_id = h.id AND p.relation = '户主') <> 1"), 0);
	assert_int_equal(tu_count(f->db,
		"SELECT count(*) FROM (SELECT household_id FROM person WHERE relation = '户主'"
		" AND household_id IS NOT NULL GROUP BY household_id HAVING count(*) <> 1)"), 0);
	assert_int_equal(tu_count(f->db,
		"SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id"
		" WHERE h.closed_on IS NOT NULL"), 0);
}

/* The last n events are all by login; with hid, all about household hid. */
static void assert_last_events(tu_fixture *f, long long before, long long n, const char *login,
			       jz_rowid hid)
{
	char sql[512];
	assert_int_equal(jz_event_count(f->db), before + n);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE id > %lld AND operator = '%s'"
		 " AND household_id IS NOT NULL AND (%lld = 0 OR household_id = %lld)",
		 before, login, (long long)hid, (long long)hid);
	assert_int_equal(tu_count(f->db, sql), n);
}

/* The refused write's message contains word; nothing changed. */
#define REFUSED(f, snap, call, word)                  \
	do {                                          \
		jz_err e_;                            \
		jz_err_clear(&e_);                    \
		assert_int_equal((call), -1);         \
		assert_int_equal(e_.code, JZ_EUSER);  \
		tu_assert_msg(&e_, (word));           \
		assert_unchanged((f), (snap));        \
	} while (0)
/* (call) must use e_ as its jz_err, e.g. REFUSED(f, &s, jz_x(..., &e_), "..."). */

/* ---- creating a household ---- */

static void test_create_household(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "本人");
	a.sex = 'F';                                   /* typed wrong: the ID decides */
	snprintf(a.birth, sizeof a.birth, "1999-09-09");
	long long ev0 = jz_event_count(f->db);
	jz_household h = new_household(f, &f->cun, &a);
	assert_true(h.id > 0);
	assert_true(a.id > 0);
	assert_string_equal(h.number, "010001");
	assert_string_equal(h.area, "农村");
	assert_string_equal(a.relation, "户主");
	assert_int_equal(a.sex, 'M');
	assert_string_equal(a.birth, "1980-01-01");
	assert_int_equal(a.household_id, h.id);

	jz_person got = load(f, a.id);
	assert_string_equal(got.relation, "户主");
	assert_int_equal(got.sex, 'M');
	assert_string_equal(got.birth, "1980-01-01");
	assert_int_equal(got.household_id, h.id);
	assert_string_equal(got.labour, "有劳动能力");
	jz_person head;
	assert_int_equal(jz_store_household_head(f->db, h.id, &head, &e), 1);
	assert_int_equal(head.id, a.id);
	jz_household hb;
	assert_int_equal(jz_store_household_by_number(f->db, "010001", &hb, &e), 1);
	assert_int_equal(hb.id, h.id);
	assert_string_equal(hb.closed_on, "");
	/* household.add and person.add, by admin, about this household. */
	assert_last_events(f, ev0, 2, "admin", h.id);
	char buf[256];
	tu_text(f->db, "SELECT group_concat(action, ',') FROM (SELECT action FROM event"
		" WHERE household_id IS NOT NULL ORDER BY id)", buf, sizeof buf);
	assert_string_equal(buf, "household.add,person.add");

	/* Numbers follow the village's code; a lowercase x is stored as X. */
	jz_person b = mk("李秀英", "11010519491231002x", "户主");
	jz_household h2 = new_household(f, &f->cun, &b);
	assert_string_equal(h2.number, "010002");
	assert_string_equal(b.id_number, "11010519491231002X");
	got = load(f, b.id);
	assert_string_equal(got.id_number, "11010519491231002X");
	assert_int_equal(got.sex, 'F');
	assert_string_equal(got.birth, "1949-12-31");
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT sex || birth FROM person WHERE id = %lld", b.id);
	tu_text(f->db, sql, buf, sizeof buf);
	assert_string_equal(buf, "F1949-12-31");

	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h3 = new_household(f, &f->shequ, &d);
	assert_string_equal(h3.number, "020001");
	assert_string_equal(h3.area, "城市");
	jz_person c = mk("张小明", ID_C, "");
	jz_household h4 = new_household(f, &f->cun, &c); /* relation may be left empty */
	assert_string_equal(h4.number, "010003");
	assert_string_equal(load(f, c.id).relation, "户主");

	/* A number given by hand is kept; the same number twice is refused. */
	jz_person x = mk("刘芳", ID_E, "户主");
	jz_household h5 = {.village_id = f->cun.id, .number = "01-旧-7"};
	assert_int_equal(jz_household_create(&f->s, &h5, &x, "补录", &e), 0);
	assert_string_equal(load_h(f, h5.id).number, "01-旧-7");
	struct jz_counts cnt;
	assert_int_equal(jz_store_counts(f->db, &cnt, &e), 0);
	assert_int_equal(cnt.villages, 2);
	assert_int_equal(cnt.households, 5);
	assert_int_equal(cnt.persons, 5);
	assert_one_head_each(f);
}

/* ---- one head ---- */

static void test_second_head_refused(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person b = mk("李秀兰", ID_B, "配偶");
	add(f, h.id, &b);
	take(f, &s);

	jz_person c = mk("张小明", ID_C, "户主");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &c, "登记", &e_), "只能有一个户主");
	c = mk("张小明", ID_C, "本人");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &c, "登记", &e_), "只能有一个户主");
	/* Nor by editing a member's relation. */
	jz_person bb = load(f, b.id);
	snprintf(bb.relation, sizeof bb.relation, "户主");
	REFUSED(f, &s, jz_person_update(&f->s, &bb, "改关系", &e_), "户主");
	snprintf(bb.relation, sizeof bb.relation, "本人");
	REFUSED(f, &s, jz_person_update(&f->s, &bb, "改关系", &e_), "户主");
	/* The database refuses it too, whatever the core does. */
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE person SET relation = '户主' WHERE id = %lld", b.id);
	assert_int_not_equal(sqlite3_exec(jz_db_handle(f->db), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_unchanged(f, &s);

	/* A head whose ID is already a member elsewhere: the new household
	 * row, written first, is rolled back with the refusal. */
	jz_person again = mk("李秀兰", ID_B, "户主");
	REFUSED(f, &s, jz_household_create(&f->s, &(jz_household){.village_id = f->cun.id},
					   &again, "新申请", &e_), h.number);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM household"), 1);
	assert_one_head_each(f);
}

/* ---- one household per ID ---- */

static void test_same_id_twice_refused(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h1 = new_household(f, &f->cun, &a);
	jz_person c = mk("张小明", ID_C, "子");
	add(f, h1.id, &c);
	jz_person old = mk("李秀英", "11010519491231002X", "母亲");
	add(f, h1.id, &old);
	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h2 = new_household(f, &f->shequ, &d);
	take(f, &s);

	/* In another household: the message names the household it is in. */
	jz_person c2 = mk("张晓明", ID_C, "子");
	REFUSED(f, &s, jz_member_add(&f->s, h2.id, &c2, "登记", &e_), h1.number);
	c2 = mk("张晓明", ID_C, "子");
	REFUSED(f, &s, jz_member_add(&f->s, h2.id, &c2, "登记", &e_), "只能在一个家庭");
	/* The same ID typed with a lowercase x is the same person. */
	jz_person o2 = mk("李秀英", "11010519491231002x", "母亲");
	REFUSED(f, &s, jz_member_add(&f->s, h2.id, &o2, "登记", &e_), h1.number);
	/* Twice in the same household. */
	c2 = mk("张小明", ID_C, "子");
	REFUSED(f, &s, jz_member_add(&f->s, h1.id, &c2, "登记", &e_), "身份证号");
	/* As the head of a new household. */
	c2 = mk("张小明", ID_C, "户主");
	REFUSED(f, &s, jz_household_create(&f->s, &(jz_household){.village_id = f->shequ.id}, &c2,
					   "新申请", &e_), h1.number);
	/* By changing another person's ID to it. */
	jz_person dd = load(f, d.id);
	snprintf(dd.id_number, sizeof dd.id_number, "%s", c.id_number);
	REFUSED(f, &s, jz_person_update(&f->s, &dd, "更正", &e_), "另一个人");
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM person"), 4);
}

/* ---- fields refused with the field named ---- */

static void test_bad_fields_refused(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	take(f, &s);
	const jz_person base = mk("张小明", ID_C, "子");
	jz_person p;
	char future[19];
	tu_id("50015420270101001", future);

	/* Each fits the 19-byte field (the form hands over what was typed). */
	static const char *const bad_ids[] = {
		"11010219840506970X",     /* wrong check digit */
		"440524189001010014",     /* wrong check digit */
		"１１０１０５",             /* full-width digits */
		"110105194912310Ｘ",      /* full-width X */
		"1101051949123100х",      /* Cyrillic х */
		" 1101051949123100X",     /* space before */
		"110105 1949123100",      /* space inside */
		"11010519491231002",      /* 17 characters */
		"11010219840230004X",     /* 30 February */
		"11010219000229000X",     /* 1900 was not a leap year */
		"",
	};
	for (size_t i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
		jz_err e;
		p = base;
		assert_true(strlen(bad_ids[i]) < sizeof p.id_number);
		snprintf(p.id_number, sizeof p.id_number, "%s", bad_ids[i]);
		jz_err_clear(&e);
		assert_int_equal(jz_member_add(&f->s, h.id, &p, "登记", &e), -1);
		assert_int_equal(e.code, JZ_EUSER);
		tu_assert_msg_starts(&e, "「身份证号」");
		assert_unchanged(f, &s);
	}
	p = base;
	snprintf(p.id_number, sizeof p.id_number, "%s", future); /* born after today */
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「身份证号」");
	/* The head of a new household is checked the same way. */
	jz_person bad_head = mk("王大山", ID_D, "户主");
	bad_head.id_number[17] = bad_head.id_number[17] == '0' ? '1' : '0';
	REFUSED(f, &s, jz_household_create(&f->s, &(jz_household){.village_id = f->cun.id},
					   &bad_head, "新申请", &e_), "「身份证号」");

	static const struct {
		const char *what, *value, *word;
	} texts[] = {
		{"name", "", "「姓名」"},
		{"name", "张3", "「姓名」"},
		{"name", " 张小明", "「姓名」"},
		{"name", "\xff\xfe", "「姓名」"},
		{"phone", "12345", "「联系电话」"},
		{"phone", "1381234567", "「联系电话」"},
		{"phone", "138abc45678", "「联系电话」"},
		{"bank", "6228 4800 1234", "「银行账号」"},
		{"bank", "123", "「银行账号」"},
		{"relation", "朋友", "「与户主关系」"},
		{"relation", "", "「与户主关系」"},
		{"labour", "半劳力", "「劳动能力」"},
		{"employment", "打工", "「就业状况」"},
		{"disability_cat", "腿脚", "「残疾类别」"},
		{"deceased_on", "2030-01-01", "「死亡日期」"},
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		jz_err e;
		p = base;
		const char *w = texts[i].what, *v = texts[i].value;
#define SET(member) snprintf(p.member, sizeof p.member, "%s", v)
		if (!strcmp(w, "name"))
			SET(name);
		else if (!strcmp(w, "phone"))
			SET(phone);
		else if (!strcmp(w, "bank"))
			SET(bank_account);
		else if (!strcmp(w, "relation"))
			SET(relation);
		else if (!strcmp(w, "labour"))
			SET(labour);
		else if (!strcmp(w, "employment"))
			SET(employment);
		else if (!strcmp(w, "disability_cat")) {
			SET(disability_cat);
			p.disability_grade = 2;
		} else
			SET(deceased_on);
#undef SET
		jz_err_clear(&e);
		assert_int_equal(jz_member_add(&f->s, h.id, &p, "登记", &e), -1);
		assert_int_equal(e.code, JZ_EUSER);
		tu_assert_msg(&e, texts[i].word);
		assert_unchanged(f, &s);
	}

	/* Disability: category and grade together (第二代残疾证), grade 1–4. */
	p = base;
	snprintf(p.disability_cat, sizeof p.disability_cat, "肢体");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「残疾等级」");
	p = base;
	p.disability_grade = 2;
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「残疾类别」");
	p = base;
	snprintf(p.disability_cat, sizeof p.disability_cat, "肢体");
	p.disability_grade = 5;
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「残疾等级」");
	/* The unemployment date only with 登记失业, a real date, not ahead. */
	p = base;
	snprintf(p.employment, sizeof p.employment, "在职");
	snprintf(p.unemployed_since, sizeof p.unemployed_since, "2026-01-05");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「失业登记日期」");
	snprintf(p.employment, sizeof p.employment, "登记失业");
	snprintf(p.unemployed_since, sizeof p.unemployed_since, "2026-02-30");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「失业登记日期」");
	snprintf(p.unemployed_since, sizeof p.unemployed_since, "2026-12-01");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &p, "登记", &e_), "「失业登记日期」");
	/* Editing refuses the same things. */
	jz_person aa = load(f, a.id);
	snprintf(aa.phone, sizeof aa.phone, "12345");
	REFUSED(f, &s, jz_person_update(&f->s, &aa, "改电话", &e_), "「联系电话」");
	aa = load(f, a.id);
	snprintf(aa.id_number, sizeof aa.id_number, "11010219840506970X");
	REFUSED(f, &s, jz_person_update(&f->s, &aa, "更正", &e_), "「身份证号」");
	aa = load(f, a.id);
	aa.disability_grade = 1;
	REFUSED(f, &s, jz_person_update(&f->s, &aa, "残疾证", &e_), "「残疾类别」");

	/* The good version of the same person goes in. */
	p = base;
	snprintf(p.disability_cat, sizeof p.disability_cat, "肢体");
	p.disability_grade = 2;
	snprintf(p.phone, sizeof p.phone, "023-52212345");
	snprintf(p.employment, sizeof p.employment, "登记失业");
	snprintf(p.unemployed_since, sizeof p.unemployed_since, "2026-11-27");
	add(f, h.id, &p);
	jz_person got = load(f, p.id);
	assert_string_equal(got.disability_cat, "肢体");
	assert_int_equal(got.disability_grade, 2);
	assert_string_equal(got.labour, "有劳动能力"); /* the default */

	/* Household fields. */
	take(f, &s);
	jz_person d = mk("王大山", ID_D, "户主");
	jz_household bad = {.village_id = 999};
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「村（社区）」");
	bad = (jz_household){.village_id = f->cun.id, .tuopin = "已脱贫"};
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「脱贫状态」");
	bad = (jz_household){.village_id = f->cun.id, .jiandang = 1, .tuopin = "脱了"};
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「脱贫状态」");
	bad = (jz_household){.village_id = f->cun.id, .poverty_cause = "懒"};
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「致贫原因」");
	bad = (jz_household){.village_id = f->cun.id, .area = "郊区"};
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「城乡」");
	bad = (jz_household){.village_id = f->cun.id};
	snprintf(bad.number, sizeof bad.number, "%s", h.number);
	REFUSED(f, &s, jz_household_create(&f->s, &bad, &d, "新申请", &e_), "「户编号」");
	jz_household hh = load_h(f, h.id);
	snprintf(hh.poverty_cause, sizeof hh.poverty_cause, "懒");
	REFUSED(f, &s, jz_household_update(&f->s, &hh, "改", &e_), "「致贫原因」");
}

/* ---- removing members; the last one closes the household ---- */

static void test_remove_and_close(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person b = mk("李秀兰", ID_B, "配偶");
	jz_person c = mk("张小明", ID_C, "子");
	add(f, h.id, &b);
	add(f, h.id, &c);
	take(f, &s);

	REFUSED(f, &s, jz_member_remove(&f->s, c.id, "", &e_), "原因");
	REFUSED(f, &s, jz_member_remove(&f->s, c.id, NULL, &e_), "原因");
	REFUSED(f, &s, jz_member_remove(&f->s, a.id, "迁出", &e_), "设为户主");
	REFUSED(f, &s, jz_member_remove(&f->s, a.id, "迁出", &e_), "2 名成员");
	REFUSED(f, &s, jz_member_remove(&f->s, 9999, "迁出", &e_), "找不到");

	long long ev = jz_event_count(f->db);
	assert_int_equal(jz_member_remove(&f->s, c.id, "迁出本乡镇", &e), 0);
	assert_last_events(f, ev, 1, "admin", h.id);
	assert_int_equal(load(f, c.id).household_id, 0);
	assert_string_equal(load_h(f, h.id).closed_on, "");
	take(f, &s);
	REFUSED(f, &s, jz_member_remove(&f->s, c.id, "迁出本乡镇", &e_), "不在任何家庭");

	assert_int_equal(jz_member_remove(&f->s, b.id, "离婚", &e), 0);
	ev = jz_event_count(f->db);
	assert_int_equal(jz_member_remove(&f->s, a.id, "迁出本乡镇", &e), 0);
	/* person.remove, then household.close. */
	assert_last_events(f, ev, 2, "admin", h.id);
	char buf[64];
	tu_text(f->db, "SELECT action FROM event ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	assert_string_equal(buf, "household.close");
	jz_household closed = load_h(f, h.id);
	assert_string_equal(closed.closed_on, "2026-11-27");
	assert_int_equal(load(f, a.id).household_id, 0);
	jz_person none[1];
	assert_int_equal(jz_store_members(f->db, h.id, none, 1, &e), 0);
	struct jz_counts cnt;
	assert_int_equal(jz_store_counts(f->db, &cnt, &e), 0);
	assert_int_equal(cnt.households, 0);
	assert_int_equal(cnt.persons, 0);

	/* A closed household takes nobody. */
	take(f, &s);
	jz_person e2 = mk("刘芳", ID_E, "女");
	REFUSED(f, &s, jz_member_add(&f->s, h.id, &e2, "登记", &e_), "注销");
	/* A removed person may join another household: the same row comes back. */
	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h2 = new_household(f, &f->shequ, &d);
	jz_person c2 = mk("张小明", ID_C, "其他");
	add(f, h2.id, &c2);
	assert_int_equal(c2.id, c.id);
	assert_int_equal(load(f, c.id).household_id, h2.id);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM person"), 4);
	/* and a removed head may head a new household. */
	jz_person a2 = mk("张建国", ID_A, "本人");
	jz_household h3 = new_household(f, &f->cun, &a2);
	assert_int_equal(a2.id, a.id);
	assert_int_equal(load(f, a.id).household_id, h3.id);
	assert_string_equal(h3.number, "010002");
	assert_one_head_each(f);
}

/* ---- moving a member to another household ---- */

static void test_move_member(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h1 = new_household(f, &f->cun, &a);
	jz_person c = mk("张小明", ID_C, "子");
	add(f, h1.id, &c);
	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h2 = new_household(f, &f->shequ, &d);

	long long ev = jz_event_count(f->db);
	assert_int_equal(jz_member_move(&f->s, c.id, h2.id, "其他", "投靠亲戚", &e), 0);
	assert_last_events(f, ev, 2, "admin", 0);
	char sql[160], buf[64];
	snprintf(sql, sizeof sql, "SELECT action || ':' || (household_id = %lld) FROM event WHERE id = %lld",
		 h1.id, ev + 1);
	tu_text(f->db, sql, buf, sizeof buf);
	assert_string_equal(buf, "person.move_out:1");
	snprintf(sql, sizeof sql, "SELECT action || ':' || (household_id = %lld) FROM event WHERE id = %lld",
		 h2.id, ev + 2);
	tu_text(f->db, sql, buf, sizeof buf);
	assert_string_equal(buf, "person.move_in:1");
	jz_person got = load(f, c.id);
	assert_int_equal(got.household_id, h2.id);
	assert_string_equal(got.relation, "其他");
	assert_string_equal(load_h(f, h1.id).closed_on, "");
	jz_person m[4];
	assert_int_equal(jz_store_members(f->db, h1.id, m, 4, &e), 1);
	assert_int_equal(jz_store_members(f->db, h2.id, m, 4, &e), 2);
	assert_int_equal(m[0].id, d.id); /* head first */

	take(f, &s);
	REFUSED(f, &s, jz_member_move(&f->s, c.id, h2.id, "其他", "再迁", &e_), "已经在");
	REFUSED(f, &s, jz_member_move(&f->s, c.id, h1.id, "户主", "迁回", &e_), "户主");
	REFUSED(f, &s, jz_member_move(&f->s, c.id, h1.id, "本人", "迁回", &e_), "户主");
	REFUSED(f, &s, jz_member_move(&f->s, c.id, h1.id, "朋友", "迁回", &e_), "「与户主关系」");
	REFUSED(f, &s, jz_member_move(&f->s, c.id, 9999, "子", "迁回", &e_), "找不到这个家庭");
	REFUSED(f, &s, jz_member_move(&f->s, 9999, h1.id, "子", "迁回", &e_), "找不到这个人员");
	/* A head with others stays. */
	REFUSED(f, &s, jz_member_move(&f->s, d.id, h1.id, "兄弟", "合户", &e_), "设为户主");

	/* The last member moving out closes his household. */
	assert_int_equal(jz_member_move(&f->s, a.id, h2.id, "兄弟", "合户", &e), 0);
	assert_string_equal(load_h(f, h1.id).closed_on, "2026-11-27");
	assert_int_equal(load(f, a.id).household_id, h2.id);
	assert_string_equal(load(f, a.id).relation, "兄弟");
	take(f, &s);
	REFUSED(f, &s, jz_member_move(&f->s, c.id, h1.id, "子", "迁回", &e_), "注销");
	assert_one_head_each(f);
}

/* ---- changing the head ---- */

static void test_head_change(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person b = mk("李秀兰", ID_B, "配偶");
	jz_person c = mk("张小明", ID_C, "子");
	add(f, h.id, &b);
	add(f, h.id, &c);
	jz_person d = mk("王大山", ID_D, "户主");
	new_household(f, &f->shequ, &d);

	long long ev = jz_event_count(f->db);
	assert_int_equal(jz_head_change(&f->s, b.id, "配偶", "户主外出", &e), 0);
	assert_last_events(f, ev, 1, "admin", h.id);
	assert_string_equal(load(f, b.id).relation, "户主");
	assert_string_equal(load(f, a.id).relation, "配偶");
	assert_string_equal(load(f, c.id).relation, "子");
	jz_person head;
	assert_int_equal(jz_store_household_head(f->db, h.id, &head, &e), 1);
	assert_int_equal(head.id, b.id);
	assert_one_head_each(f);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM person WHERE household_id = %lld AND relation = '户主'", h.id);
	assert_int_equal(tu_count(f->db, sql), 1);

	take(f, &s);
	REFUSED(f, &s, jz_head_change(&f->s, b.id, "配偶", "再换", &e_), "已经是户主");
	REFUSED(f, &s, jz_head_change(&f->s, a.id, "户主", "再换", &e_), "户主");
	REFUSED(f, &s, jz_head_change(&f->s, a.id, "本人", "再换", &e_), "户主");
	REFUSED(f, &s, jz_head_change(&f->s, a.id, "朋友", "再换", &e_), "「原户主的新关系」");
	REFUSED(f, &s, jz_head_change(&f->s, 9999, "配偶", "再换", &e_), "找不到");
	/* The head's own relation cannot simply be edited away. */
	jz_person bb = load(f, b.id);
	snprintf(bb.relation, sizeof bb.relation, "配偶");
	REFUSED(f, &s, jz_person_update(&f->s, &bb, "改关系", &e_), "设为户主");

	/* Back again; then the old head, no longer head, may leave. */
	assert_int_equal(jz_head_change(&f->s, a.id, "配偶", "户主回来", &e), 0);
	assert_int_equal(jz_member_remove(&f->s, b.id, "离婚", &e), 0);
	assert_int_equal(jz_head_change(&f->s, c.id, "父亲", "父亲年老", &e), 0);
	assert_string_equal(load(f, a.id).relation, "父亲");
	assert_one_head_each(f);
	/* Someone outside any household cannot become a head. */
	take(f, &s);
	REFUSED(f, &s, jz_head_change(&f->s, b.id, "配偶", "复婚", &e_), "不在任何家庭");
}

/* ---- editing a person ---- */

static void test_person_update(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person c = mk("张小明", ID_C, "子");
	snprintf(c.phone, sizeof c.phone, "13812345678");
	add(f, h.id, &c);

	long long ev = jz_event_count(f->db);
	jz_person cc = load(f, c.id);
	snprintf(cc.phone, sizeof cc.phone, "13987654321");
	cc.household_id = 0; /* ignored: moving is jz_member_move */
	assert_int_equal(jz_person_update(&f->s, &cc, "换号码", &e), 0);
	assert_last_events(f, ev, 1, "admin", h.id);
	char buf[256];
	tu_text(f->db, "SELECT old || '/' || new FROM event ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	assert_string_equal(buf, "联系电话=13812345678\n/联系电话=13987654321\n");
	assert_int_equal(load(f, c.id).household_id, h.id);

	/* Correcting a mistyped ID: sex and birth follow it. */
	cc = load(f, c.id);
	tu_id("50015420120720004", cc.id_number);
	snprintf(cc.name, sizeof cc.name, "张小梅");
	snprintf(cc.relation, sizeof cc.relation, "女");
	assert_int_equal(jz_person_update(&f->s, &cc, "更正身份证号", &e), 0);
	jz_person got = load(f, c.id);
	assert_int_equal(got.sex, 'F');
	assert_string_equal(got.birth, "2012-07-20");
	assert_string_equal(got.relation, "女");
	/* The head may be edited when he stays head (本人 is 户主). */
	jz_person aa = load(f, a.id);
	snprintf(aa.relation, sizeof aa.relation, "本人");
	snprintf(aa.labour, sizeof aa.labour, "部分丧失");
	assert_int_equal(jz_person_update(&f->s, &aa, "体检", &e), 0);
	assert_string_equal(load(f, a.id).relation, "户主");
	assert_string_equal(load(f, a.id).labour, "部分丧失");
	/* Someone who does not exist. */
	jz_person ghost = mk("无名", ID_E, "子");
	ghost.id = 9999;
	jz_err_clear(&e);
	assert_int_equal(jz_person_update(&f->s, &ghost, "改", &e), -1);
	tu_assert_msg(&e, "找不到");
	assert_one_head_each(f);
}

/* ---- deaths ---- */

static void test_death(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person c = mk("张小明", ID_C, "子");
	add(f, h.id, &c);
	take(f, &s);

	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026-11-28", "报告", &e_), "「死亡日期」");
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026-11-28", "报告", &e_), "之后");
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026-02-30", "报告", &e_), "不是有效日期");
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026/03/10", "报告", &e_), "不是有效日期");
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2009-01-01", "报告", &e_), "早于出生日期");
	REFUSED(f, &s, jz_person_died(&f->s, 9999, "2026-03-10", "报告", &e_), "找不到");

	long long ev = jz_event_count(f->db);
	assert_int_equal(jz_person_died(&f->s, c.id, "2026-03-10", "村委会报告", &e), 0);
	assert_last_events(f, ev, 1, "admin", h.id);
	char buf[256];
	tu_text(f->db, "SELECT action || '|' || new FROM event ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	assert_string_equal(buf, "person.died|死亡日期=2026-03-10\n");
	jz_person got = load(f, c.id);
	assert_string_equal(got.deceased_on, "2026-03-10");
	assert_int_equal(got.household_id, h.id); /* still listed, marked dead */

	take(f, &s);
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026-04-01", "再报", &e_), "已登记");
	REFUSED(f, &s, jz_person_died(&f->s, c.id, "2026-03-10", "再报", &e_), "2026-03-10");

	/* Alive up to and on the day of death, not after. */
	assert_int_equal(jz_person_alive_on(&got, "2026-03-09"), 1);
	assert_int_equal(jz_person_alive_on(&got, "2026-03-10"), 1);
	assert_int_equal(jz_person_alive_on(&got, "2026-03-11"), 0);
	assert_int_equal(jz_person_alive_on(&got, "2027-01-01"), 0);
	jz_person alive = load(f, a.id);
	assert_int_equal(jz_person_alive_on(&alive, "2026-03-11"), 1);
	assert_int_equal(jz_person_alive_on(&alive, "2099-12-31"), 1);

	/* Today itself is a valid date of death. */
	assert_int_equal(jz_person_died(&f->s, a.id, "2026-11-27", "报告", &e), 0);
	assert_string_equal(load(f, a.id).deceased_on, "2026-11-27");
	struct jz_counts cnt;
	assert_int_equal(jz_store_counts(f->db, &cnt, &e), 0);
	assert_int_equal(cnt.persons, 0);
	assert_one_head_each(f);
}

/* An empty date records no death, yet jz_person_died succeeds and writes a
 * person.died event with nothing in it. */
static void test_death_needs_a_date(void **state)
{
	tu_fixture *f = *state;
	struct snap s;
	jz_person a = mk("张建国", ID_A, "户主");
	new_household(f, &f->cun, &a);
	take(f, &s);
	REFUSED(f, &s, jz_person_died(&f->s, a.id, "", "报告", &e_), "「死亡日期」");
}

/* A person recorded dead, then taken out of his household, comes back
 * through jz_member_add: the death record must not be lost, and the event
 * must show what changed on the existing row. */
static void test_readd_keeps_death_and_records_changes(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	jz_person c = mk("张小明", ID_C, "子");
	snprintf(c.phone, sizeof c.phone, "13812345678");
	add(f, h.id, &c);
	assert_int_equal(jz_person_died(&f->s, c.id, "2026-03-10", "报告", &e), 0);
	assert_int_equal(jz_member_remove(&f->s, c.id, "死亡销户", &e), 0);
	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h2 = new_household(f, &f->shequ, &d);
	jz_person c2 = mk("张小明", ID_C, "其他");
	snprintf(c2.phone, sizeof c2.phone, "13987654321");
	jz_err_clear(&e);
	int rc = jz_member_add(&f->s, h2.id, &c2, "登记", &e);
	if (rc == 0) {
		char buf[512];
		assert_string_equal(load(f, c.id).deceased_on, "2026-03-10");
		tu_text(f->db, "SELECT old || '/' || new FROM event ORDER BY id DESC LIMIT 1", buf, sizeof buf);
		assert_non_null(strstr(buf, "联系电话=13812345678"));
	} else
		tu_assert_msg(&e, "死亡");
}

/* ---- every write is recorded with its operator and household ---- */

struct trail {
	int n, bad;
	long long last_id;
};

static int trail_cb(const jz_event *ev, void *arg)
{
	struct trail *t = arg;
	if (strcmp(ev->operator_, "jingban") || (t->last_id >= 0 && ev->id >= t->last_id))
		t->bad++;
	t->last_id = ev->id;
	t->n++;
	return 0;
}

static void test_events_name_operator_and_household(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	assert_int_equal(jz_operator_add(&f->s, "jingban", "李经办", "经办", "pw-jingban", &e), 0);
	tu_sign_in(&f->s, f->db, "jingban", "pw-jingban");
	assert_string_equal(f->s.op.login, "jingban");

	long long ev = jz_event_count(f->db);
	jz_person a = mk("张建国", ID_A, "户主");
	jz_household h = new_household(f, &f->cun, &a);
	assert_last_events(f, ev, 2, "jingban", h.id);

	ev = jz_event_count(f->db);
	jz_person b = mk("李秀兰", ID_B, "配偶");
	add(f, h.id, &b);
	assert_last_events(f, ev, 1, "jingban", h.id);

	ev = jz_event_count(f->db);
	jz_household hh = load_h(f, h.id);
	snprintf(hh.address, sizeof hh.address, "东山村3组12号");
	assert_int_equal(jz_household_update(&f->s, &hh, "住址", &e), 0);
	assert_last_events(f, ev, 1, "jingban", h.id);

	ev = jz_event_count(f->db);
	jz_person bb = load(f, b.id);
	snprintf(bb.phone, sizeof bb.phone, "13812345678");
	assert_int_equal(jz_person_update(&f->s, &bb, "电话", &e), 0);
	assert_last_events(f, ev, 1, "jingban", h.id);

	ev = jz_event_count(f->db);
	assert_int_equal(jz_head_change(&f->s, b.id, "配偶", "换户主", &e), 0);
	assert_last_events(f, ev, 1, "jingban", h.id);

	ev = jz_event_count(f->db);
	assert_int_equal(jz_person_died(&f->s, a.id, "2026-10-01", "报告", &e), 0);
	assert_last_events(f, ev, 1, "jingban", h.id);

	jz_person d = mk("王大山", ID_D, "户主");
	jz_household h2 = new_household(f, &f->shequ, &d);
	ev = jz_event_count(f->db);
	assert_int_equal(jz_member_move(&f->s, a.id, h2.id, "兄弟", "迁移", &e), 0);
	assert_last_events(f, ev, 2, "jingban", 0);

	ev = jz_event_count(f->db);
	assert_int_equal(jz_member_remove(&f->s, b.id, "迁出", &e), 0);
	assert_last_events(f, ev, 2, "jingban", h.id); /* remove + close */

	/* Each person event names its person. */
	assert_int_equal(tu_count(f->db,
		"SELECT count(*) FROM event WHERE entity = 'person' AND entity_id NOT IN (SELECT id FROM person)"), 0);
	assert_int_equal(tu_count(f->db,
		"SELECT count(*) FROM event WHERE entity = 'household' AND household_id <> entity_id"), 0);
	/* Reading a household's trail: all of it, newest first, by jingban. */
	struct trail t = {.last_id = -1};
	assert_int_equal(jz_event_each_household(f->db, h.id, 100, trail_cb, &t, &e), 0);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE household_id = %lld", h.id);
	assert_int_equal(t.n, tu_count(f->db, sql));
	assert_true(t.n >= 9);
	assert_int_equal(t.bad, 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_create_household),
		T(test_second_head_refused),
		T(test_same_id_twice_refused),
		T(test_bad_fields_refused),
		T(test_remove_and_close),
		T(test_move_member),
		T(test_head_change),
		T(test_person_update),
		T(test_death),
		T(test_events_name_operator_and_household),
		T(test_death_needs_a_date),
		T(test_readd_keeps_death_and_records_changes),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
