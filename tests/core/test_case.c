/* test_case.c — cases through the core (core/case.c, case_step.c,
 * case_review.c, case_calc.c, case_due.c): the workflow 受理 → 调查 → (评议)
 * → 审核 → 公示 → 审批 → 在保 with each step's role and the separation of
 * duties; every illegal step refused in Chinese with the database left as it
 * was; hand-worked means tests (the working is written beside each figure);
 * reviews (继续 / 调整 / 渐退 / 退出), the end of 渐退, death mid-month, a
 * standard changed from the 1st of a month, and what a case waits for.
 * The clock is always fixed (jz_clock_set_today); the real clock is never
 * read. Standards (fixture): 2026 城市 750.00, 农村 610.00 per person/month. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/case.h"
#include "core/case_calc.h"
#include "core/case_due.h"
#include "core/household.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/event.h"
#include "store/people.h"

/* The people of these tests: first 17 digits of their IDs. */
#define ID_JG "50015419800101001" /* 王建国, M, 1980, 户主 (rural family of 3) */
#define ID_XL "50015419820304002" /* 李秀兰, F, 1982, 配偶 */
#define ID_LH "50015419500808003" /* 王老汉, M, 1950, 父亲 */
#define ID_LF "50015419950212004" /* 刘芳,   F, 1995 (urban, alone) */
#define ID_DS "50015419700808005" /* 王大山, M, 1970 (alone) */
#define ID_CJ "50015419880909009" /* 陈军,   M, 1988, grade 2 肢体 (rural, alone) */
#define ID_ZH "50015419600101011" /* 赵华,   M, 1960 (rural, alone) */

#define PW "pw-secret"

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session *admin;
	jz_session jb, sh, sp; /* jingban 经办, shenhe 审核, shenpi 审批: one role each */
};

static void set_day(const char *ymd)
{
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_clock_set_today(ymd, &e), 0);
}

/* A setting in force since ever (replaces the migration's default row). */
static void setting(struct fx *x, const char *key, const char *value)
{
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_store_setting_put(x->db, key, "*", "1900-01-01", value, NULL, &e), 0);
}

static void add_operator(struct fx *x, const char *login, const char *name, const char *roles)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_operator_add(x->admin, login, name, roles, PW, &e);
	if (rc)
		print_error("jz_operator_add %s: %s\n", login, e.msg);
	assert_int_equal(rc, 0);
}

static int setup(void **state)
{
	void *t = NULL;
	jz_err e;
	tu_fixture_setup(&t);
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->t = t;
	x->db = x->t->db;
	x->admin = &x->t->s;
	add_operator(x, "jingban", "李经办", "经办");
	add_operator(x, "shenhe", "王审核", "审核");
	add_operator(x, "shenpi", "张审批", "审批");
	tu_sign_in(&x->jb, x->db, "jingban", PW);
	tu_sign_in(&x->sh, x->db, "shenhe", PW);
	tu_sign_in(&x->sp, x->db, "shenpi", PW);
	static const char *const std[][3] = {
		{"城市", "2025-01-01", "72000"}, {"农村", "2025-01-01", "58000"},
		{"城市", "2026-01-01", "75000"}, {"农村", "2026-01-01", "61000"},
	};
	for (int i = 0; i < 4; i++)
		assert_int_equal(jz_setting_set(x->admin, "dibao.standard_fen", std[i][0], std[i][1], std[i][2],
						"测试标准", &e), 0);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	if (x) {
		void *t = x->t;
		free(x);
		tu_fixture_teardown(&t);
	}
	return 0;
}

/* ---- people and households ---- */

static jz_person mk(const char *name, const char *first17, const char *relation)
{
	jz_person p;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", name);
	tu_id(first17, p.id_number);
	snprintf(p.relation, sizeof p.relation, "%s", relation);
	return p;
}

/* A household of p[0] (head) and the others; returns its id. */
static jz_rowid household(struct fx *x, const jz_village *v, int jiandang, const char *tuopin,
			  jz_person *p, int n)
{
	jz_household h;
	jz_err e;
	memset(&h, 0, sizeof h);
	h.village_id = v->id;
	h.jiandang = jiandang;
	snprintf(h.tuopin, sizeof h.tuopin, "%s", tuopin ? tuopin : "");
	jz_err_clear(&e);
	int rc = jz_household_create(x->admin, &h, &p[0], "新申请", &e);
	if (rc)
		print_error("jz_household_create: %s\n", e.msg);
	assert_int_equal(rc, 0);
	for (int i = 1; i < n; i++) {
		rc = jz_member_add(x->admin, h.id, &p[i], "登记", &e);
		if (rc)
			print_error("jz_member_add %s: %s\n", p[i].name, e.msg);
		assert_int_equal(rc, 0);
	}
	return h.id;
}

/* 王建国, 李秀兰, 王老汉 in 东山村 (农村). */
static jz_rowid family3(struct fx *x, jz_person p[3])
{
	p[0] = mk("王建国", ID_JG, "户主");
	p[1] = mk("李秀兰", ID_XL, "配偶");
	p[2] = mk("王老汉", ID_LH, "父亲");
	return household(x, &x->t->cun, 0, NULL, p, 3);
}

/* One person alone, in the village v. */
static jz_rowid single(struct fx *x, const jz_village *v, int jiandang, const char *name,
		       const char *first17, jz_person *out)
{
	jz_person p = mk(name, first17, "户主");
	jz_rowid hid = household(x, v, jiandang, jiandang ? "已脱贫" : NULL, &p, 1);
	if (out)
		*out = p;
	return hid;
}

static const char *idn(const char *first17)
{
	static char buf[8][19];
	static int k;
	k = (k + 1) % 8;
	return tu_id(first17, buf[k]);
}

/* ---- cases ---- */

static jz_case load(struct fx *x, jz_rowid id)
{
	jz_case c;
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_case_get(x->db, id, &c, &e), 0);
	return c;
}

static jz_rowid new_case(struct fx *x, jz_session *s, jz_rowid hid)
{
	jz_case c;
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_case_new(s, hid, "低保", NULL, NULL, 0, &c, &e);
	if (rc)
		print_error("jz_case_new: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return c.id;
}

static void income(struct fx *x, jz_rowid cid, const char *first17, const char *kind, long long fen)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_case_set_income(&x->jb, cid, idn(first17), kind, fen, &e);
	if (rc)
		print_error("jz_case_set_income: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static void expense(struct fx *x, jz_rowid cid, const char *kind, long long fen)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_case_set_expense(&x->jb, cid, kind, fen, &e);
	if (rc)
		print_error("jz_case_set_expense: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static void step(jz_session *s, jz_rowid cid, const char *note)
{
	struct jz_step st = {.note = note};
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_case_step(s, cid, &st, &e);
	if (rc)
		print_error("jz_case_step as %s: %s\n", s->op.login, e.msg);
	assert_int_equal(rc, 0);
}

#define COUNTY_DOC "开州民审〔2026〕15号"

/* 审批 with the county's document dated today. */
static int try_approve(jz_session *s, jz_rowid cid, jz_err *e)
{
	char today[11];
	jz_today(today);
	struct jz_step st = {.note = "同意", .county_doc = COUNTY_DOC, .county_date = today};
	return jz_case_step(s, cid, &st, e);
}

static void approve(jz_session *s, jz_rowid cid)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = try_approve(s, cid, &e);
	if (rc)
		print_error("approve as %s: %s\n", s->op.login, e.msg);
	assert_int_equal(rc, 0);
}

/* 调查 (经办) → 审核 (审核) → 公示 (经办), all today. */
static void to_notice(struct fx *x, jz_rowid cid)
{
	step(&x->jb, cid, "入户核实");
	step(&x->sh, cid, "同意上报");
	step(&x->jb, cid, NULL);
	assert_string_equal(load(x, cid).state, "公示");
}

/* Accepted 2026-05-04 (the figures already entered), 公示 05-04..05-10,
 * approved by shenpi 2026-05-11: paid from 2026-06. */
static void approve_in_may(struct fx *x, jz_rowid cid)
{
	set_day("2026-05-04");
	to_notice(x, cid);
	set_day("2026-05-11");
	approve(&x->sp, cid);
	assert_string_equal(load(x, cid).state, "在保");
}

static jz_rowid accepted_in_may(struct fx *x, jz_rowid hid)
{
	set_day("2026-05-04");
	return new_case(x, &x->jb, hid);
}

static struct jz_case_amount amount_in(struct fx *x, jz_rowid cid, const char *month, int want)
{
	struct jz_case_amount a;
	jz_err e;
	memset(&a, 0, sizeof a);
	jz_err_clear(&e);
	assert_int_equal(jz_store_amount_in(x->db, cid, month, &a, &e), want);
	return a;
}

static struct jz_case_means *calc(struct fx *x, jz_rowid cid, const char *month)
{
	struct jz_case_means *cm = calloc(1, sizeof *cm);
	jz_err e;
	assert_non_null(cm);
	jz_err_clear(&e);
	jz_case c = load(x, cid);
	int rc = jz_case_calc(x->db, &c, month, cm, &e);
	if (rc)
		print_error("jz_case_calc: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return cm;
}

/* 1 if a line of the working contains text. */
static int has_line(const struct jz_case_means *cm, const char *text)
{
	for (int i = 0; i < cm->r.nlines; i++)
		if (strstr(cm->r.lines[i].text, text))
			return 1;
	return 0;
}

static void last_event(struct fx *x, const char *want_operator, const char *want_action)
{
	char buf[128], want[128];
	tu_text(x->db, "SELECT operator || '|' || action FROM event ORDER BY id DESC LIMIT 1", buf, sizeof buf);
	snprintf(want, sizeof want, "%s|%s", want_operator, want_action);
	assert_string_equal(buf, want);
}

/* ---- refused means nothing changed ---- */

struct snap {
	long long events, cases;
	char rows[4096];
	char figures[4096];
};

static void take(struct fx *x, struct snap *s)
{
	s->events = tu_count(x->db, "SELECT count(*) FROM event");
	s->cases = tu_count(x->db, "SELECT count(*) FROM case_file");
	tu_text(x->db, "SELECT coalesce(group_concat(x, ';'), '') FROM (SELECT id || '|' || number || '|' || state"
		" || '|' || accepted_by || '|' || investigated_on || '|' || notice_from || '|' || notice_to"
		" || '|' || approved_on || '|' || approved_by || '|' || county_doc || '|' || county_date"
		" || '|' || start_month || '|' || end_month || '|' || review_due || '|' || grace_until"
		" || '|' || exit_reason || '|' || exit_on || '|' || refused_reason || '|' || province_pending AS x"
		" FROM case_file ORDER BY id)", s->rows, sizeof s->rows);
	tu_text(x->db, "SELECT (SELECT count(*) FROM case_member) || '/' ||"
		" coalesce((SELECT group_concat(case_id || from_month || ':' || total_fen) FROM case_amount), '') || '/' ||"
		" coalesce((SELECT group_concat(case_id || from_month || person_id || ':' || fen) FROM case_supplement), '')"
		" || '/' || coalesce((SELECT group_concat(case_id || kind || monthly_fen) FROM case_income), '')"
		" || '/' || coalesce((SELECT group_concat(case_id || kind || monthly_fen) FROM case_expense), '')",
		s->figures, sizeof s->figures);
}

static void assert_unchanged(struct fx *x, const struct snap *before)
{
	struct snap now;
	take(x, &now);
	assert_int_equal(now.events, before->events);
	assert_int_equal(now.cases, before->cases);
	assert_string_equal(now.rows, before->rows);
	assert_string_equal(now.figures, before->figures);
	assert_int_equal(jz_tx_depth(x->db), 0);
}

/* (call) must use e_ as its jz_err. Refused with a message containing word
 * (Chinese), code JZ_EUSER, and the database exactly as before. */
#define REFUSED(x, call, word)                                                   \
	do {                                                                     \
		struct snap s_;                                                  \
		jz_err e_;                                                       \
		take((x), &s_);                                                  \
		jz_err_clear(&e_);                                               \
		int rc_ = (call);                                                \
		if (rc_ != -1)                                                   \
			print_error("not refused (%d): %s\n", rc_, #call);        \
		assert_int_equal(rc_, -1);                                       \
		assert_int_equal(e_.code, JZ_EUSER);                             \
		tu_assert_msg(&e_, (word));                                      \
		assert_unchanged((x), &s_);                                      \
	} while (0)

static const struct jz_step GO = {0};

/* ==== the whole path ==== */

static void test_full_path(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);

	set_day("2026-05-04");
	long long ev = jz_event_count(x->db);
	jz_rowid cid = new_case(x, &x->jb, hid);
	jz_case c = load(x, cid);
	assert_string_equal(c.number, "DB2026-0001");
	assert_string_equal(c.state, "受理");
	assert_string_equal(c.mode, "整户保障");
	assert_string_equal(c.area, "农村");
	assert_string_equal(c.accepted_on, "2026-05-04");
	assert_string_equal(c.accepted_by, "jingban");
	assert_string_equal(c.investigate_due, "2026-05-19"); /* 15 days (case.investigate_days) */
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_member"), 3);
	assert_int_equal(jz_event_count(x->db), ev + 1);
	last_event(x, "jingban", "case.new");
	income(x, cid, ID_JG, "外出务工", 150000);

	const char *role = NULL;
	assert_string_equal(jz_case_next_step(&c, 0, &role), "入户调查");
	assert_string_equal(role, "经办");
	step(&x->jb, cid, "入户核实，情况属实");
	c = load(x, cid);
	assert_string_equal(c.state, "调查");
	assert_string_equal(c.investigated_on, "2026-05-04");
	assert_string_equal(c.investigators, "李经办"); /* default: the operator */
	assert_string_equal(c.findings, "入户核实，情况属实");
	last_event(x, "jingban", "case.step");

	assert_string_equal(jz_case_next_step(&c, 0, &role), "乡镇审核");
	assert_string_equal(role, "审核");
	step(&x->sh, cid, "同意");
	c = load(x, cid);
	assert_string_equal(c.state, "审核");
	last_event(x, "shenhe", "case.step");

	assert_string_equal(jz_case_next_step(&c, 0, &role), "公示");
	assert_string_equal(role, "经办");
	step(&x->jb, cid, NULL);
	c = load(x, cid);
	assert_string_equal(c.state, "公示");
	assert_string_equal(c.notice_from, "2026-05-04");
	assert_string_equal(c.notice_to, "2026-05-10"); /* 7 days: 05-04 .. 05-10 */
	last_event(x, "jingban", "case.step");

	assert_string_equal(jz_case_next_step(&c, 0, &role), "审批");
	assert_string_equal(role, "审批");
	set_day("2026-05-11"); /* 7 days later */
	approve(&x->sp, cid);
	c = load(x, cid);
	assert_string_equal(c.state, "在保");
	assert_string_equal(c.approved_on, "2026-05-11");
	assert_string_equal(c.approved_by, "shenpi");
	assert_string_equal(c.county_doc, COUNTY_DOC);
	assert_string_equal(c.county_date, "2026-05-11");
	assert_string_equal(c.start_month, "2026-06"); /* paid from the month after approval */
	assert_string_equal(c.end_month, "");
	/* Not a stable household (低保, has labour): case.review_months_other = 6
	 * months after 2026-05, to the end of that month. */
	assert_string_equal(c.review_due, "2026-11-30");
	assert_int_equal(c.province_pending, 1);
	last_event(x, "shenpi", "case.step");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action LIKE 'case.%'"), 6);

	/* Amount fixed from 2026-06: 外出务工 1,500 - 30% = 1,050; 1,050 / 3 =
	 * 350.00; (610.00 - 350.00) x 3 = 780.00. */
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_amount"), 1);
	char buf[64];
	tu_text(x->db, "SELECT from_month || '|' || total_fen || '|' || covered FROM case_amount", buf, sizeof buf);
	assert_string_equal(buf, "2026-06|78000|3");
	amount_in(x, cid, "2026-05", 0);
	assert_int_equal(amount_in(x, cid, "2026-06", 1).total_fen, 78000);
	assert_int_equal(amount_in(x, cid, "2027-03", 1).total_fen, 78000);

	/* In force: the steps are over, reviews take over. */
	assert_string_equal(jz_case_next_step(&c, 0, &role), "复核");
	REFUSED(x, jz_case_step(&x->sp, cid, &GO, &e_), "复核");
}

/* ==== every illegal step refused ==== */

static void test_wrong_role_refused(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);
	set_day("2026-05-04");
	jz_case c;

	/* 受理 needs 经办. */
	REFUSED(x, jz_case_new(&x->sh, hid, "低保", NULL, NULL, 0, &c, &e_), "经办");
	REFUSED(x, jz_case_new(&x->sp, hid, "低保", NULL, NULL, 0, &c, &e_), "经办");
	jz_rowid cid = new_case(x, &x->jb, hid);

	/* 入户调查: 经办 only (also a refusal is a step of its role). */
	REFUSED(x, jz_case_step(&x->sh, cid, &GO, &e_), "「入户调查」要由有「经办」角色");
	REFUSED(x, jz_case_step(&x->sp, cid, &GO, &e_), "「入户调查」要由有「经办」角色");
	struct jz_step no = {.refuse = 1, .note = "收入超标"};
	REFUSED(x, jz_case_step(&x->sp, cid, &no, &e_), "经办");
	step(&x->jb, cid, NULL);

	/* 乡镇审核: 审核 only. */
	REFUSED(x, jz_case_step(&x->jb, cid, &GO, &e_), "「乡镇审核」要由有「审核」角色");
	REFUSED(x, jz_case_step(&x->sp, cid, &GO, &e_), "「乡镇审核」要由有「审核」角色");
	REFUSED(x, jz_case_step(&x->jb, cid, &no, &e_), "审核");
	step(&x->sh, cid, NULL);

	/* 公示: 经办 only. */
	REFUSED(x, jz_case_step(&x->sh, cid, &GO, &e_), "「公示」要由有「经办」角色");
	REFUSED(x, jz_case_step(&x->sp, cid, &GO, &e_), "「公示」要由有「经办」角色");
	step(&x->jb, cid, NULL);

	/* 审批: 审批 only, even after the notice. */
	set_day("2026-05-11");
	REFUSED(x, try_approve(&x->jb, cid, &e_), "「审批」要由有「审批」角色");
	REFUSED(x, try_approve(&x->sh, cid, &e_), "「审批」要由有「审批」角色");
	REFUSED(x, jz_case_step(&x->sh, cid, &no, &e_), "审批");
	approve(&x->sp, cid);

	/* 复核 and 退出: 经办 only. */
	struct jz_review r = {.result = "继续"};
	REFUSED(x, jz_case_review(&x->sp, cid, &r, &e_), "「复核」要由有「经办」角色");
	REFUSED(x, jz_case_review(&x->sh, cid, &r, &e_), "「复核」要由有「经办」角色");
	REFUSED(x, jz_case_exit(&x->sp, cid, "迁出", "2026-05-11", NULL, &e_), "「退出」要由有「经办」角色");
	assert_string_equal(load(x, cid).state, "在保");
}

static void test_approval_waits_for_notice(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	to_notice(x, cid);
	assert_string_equal(load(x, cid).notice_to, "2026-05-10");
	/* The first day, a day in the middle, and exactly the last notice day. */
	const char *days[] = {"2026-05-04", "2026-05-07", "2026-05-10"};
	for (int i = 0; i < 3; i++) {
		set_day(days[i]);
		REFUSED(x, try_approve(&x->sp, cid, &e_), "公示到 2026-05-10 才结束");
	}
	set_day("2026-05-11");
	approve(&x->sp, cid);
	assert_string_equal(load(x, cid).state, "在保");
}

static void test_acceptor_cannot_approve(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);
	add_operator(x, "liangjia", "梁佳", "经办,审批");
	jz_session lj;
	tu_sign_in(&lj, x->db, "liangjia", PW);
	set_day("2026-05-04");
	jz_rowid cid = new_case(x, &lj, hid);
	step(&lj, cid, NULL);
	step(&x->sh, cid, NULL);
	step(&lj, cid, NULL);
	set_day("2026-05-11");
	REFUSED(x, try_approve(&lj, cid, &e_), "受理人不能审批");
	/* Another approver may. */
	approve(&x->sp, cid);
	assert_string_equal(load(x, cid).approved_by, "shenpi");
}

static void test_own_household_refused(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	to_notice(x, cid);
	/* shenpi is 李秀兰 herself: signs in again to pick up his ID. */
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE operator SET id_number = '%s' WHERE login = 'shenpi'", p[1].id_number);
	tu_exec(x->db, sql);
	jz_session me;
	tu_sign_in(&me, x->db, "shenpi", PW);
	set_day("2026-05-11");
	REFUSED(x, try_approve(&me, cid, &e_), "本人家庭");
	assert_string_equal(load(x, cid).state, "公示");
}

static void test_relative_refused(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	to_notice(x, cid);
	char sql[400];
	/* 王老汉 is shenpi's father-in-law, on the 近亲属备案 list. */
	snprintf(sql, sizeof sql, "INSERT INTO relative(id_number, name, cadre_name, cadre_post, operator_login,"
		 " relation, registered_on) VALUES ('%s', '王老汉', '张审批', '民政办', 'shenpi', '岳父', '2026-01-05')",
		 p[2].id_number);
	tu_exec(x->db, sql);
	set_day("2026-05-11");
	REFUSED(x, try_approve(&x->sp, cid, &e_), "近亲属");
	/* An unrelated approver may. */
	add_operator(x, "zhaoli", "赵丽", "审批");
	jz_session other;
	tu_sign_in(&other, x->db, "zhaoli", PW);
	approve(&other, cid);
	assert_string_equal(load(x, cid).state, "在保");
}

static void test_relative_by_cadre_name_refused(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	to_notice(x, cid);
	char sql[400];
	/* Registered under the cadre's name only (no login). */
	snprintf(sql, sizeof sql, "INSERT INTO relative(id_number, name, cadre_name, relation, registered_on)"
		 " VALUES ('%s', '王建国', '张审批', '兄弟', '2026-01-05')", p[0].id_number);
	tu_exec(x->db, sql);
	set_day("2026-05-11");
	REFUSED(x, try_approve(&x->sp, cid, &e_), "近亲属备案");
}

static void test_county_approval_needs_document(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	to_notice(x, cid);
	set_day("2026-05-11");
	/* case.county_approves = 1 (the migration's default). */
	struct jz_step none = {0};
	struct jz_step no_date = {.county_doc = COUNTY_DOC};
	struct jz_step no_doc = {.county_date = "2026-05-09"};
	struct jz_step bad_date = {.county_doc = COUNTY_DOC, .county_date = "2026-02-30"};
	struct jz_step later = {.county_doc = COUNTY_DOC, .county_date = "2026-05-12"};
	REFUSED(x, jz_case_step(&x->sp, cid, &none, &e_), "审批文号和日期");
	REFUSED(x, jz_case_step(&x->sp, cid, &no_date, &e_), "审批文号和日期");
	REFUSED(x, jz_case_step(&x->sp, cid, &no_doc, &e_), "审批文号和日期");
	REFUSED(x, jz_case_step(&x->sp, cid, &bad_date, &e_), "审批文号和日期");
	REFUSED(x, jz_case_step(&x->sp, cid, &later, &e_), "在今天之后");
	struct jz_step ok = {.county_doc = COUNTY_DOC, .county_date = "2026-05-09"};
	jz_err e;
	assert_int_equal(jz_case_step(&x->sp, cid, &ok, &e), 0);
	jz_case c = load(x, cid);
	assert_string_equal(c.county_doc, COUNTY_DOC);
	assert_string_equal(c.county_date, "2026-05-09");

	/* Delegated to the township: no document needed, none recorded. */
	setting(x, "case.county_approves", "0");
	jz_person q;
	jz_rowid cid2 = accepted_in_may(x, single(x, &x->t->cun, 0, "赵华", ID_ZH, &q));
	to_notice(x, cid2);
	set_day("2026-05-11");
	assert_int_equal(jz_case_step(&x->sp, cid2, &none, &e), 0);
	c = load(x, cid2);
	assert_string_equal(c.state, "在保");
	assert_string_equal(c.county_doc, "");
}

static void test_ineligible_no_notice_and_refusal(void **state)
{
	struct fx *x = *state;
	jz_person p;
	jz_rowid cid = accepted_in_may(x, single(x, &x->t->cun, 0, "王大山", ID_DS, &p));
	/* 工资 2,000.00 alone: per-capita 2,000.00 ≥ 610.00 — not eligible. */
	income(x, cid, ID_DS, "工资", 200000);
	step(&x->jb, cid, NULL);
	step(&x->sh, cid, NULL);
	REFUSED(x, jz_case_step(&x->jb, cid, &GO, &e_), "不符合条件");
	assert_string_equal(load(x, cid).state, "审核");

	/* A refusal needs its reason. */
	struct jz_step no_reason = {.refuse = 1};
	struct jz_step empty_reason = {.refuse = 1, .note = ""};
	REFUSED(x, jz_case_step(&x->jb, cid, &no_reason, &e_), "理由");
	REFUSED(x, jz_case_step(&x->jb, cid, &empty_reason, &e_), "理由");
	struct jz_step no = {.refuse = 1, .note = "家庭人均收入 2,000.00 元，超过低保标准"};
	jz_err e;
	assert_int_equal(jz_case_step(&x->jb, cid, &no, &e), 0);
	jz_case c = load(x, cid);
	assert_string_equal(c.state, "不予");
	assert_string_equal(c.refused_reason, "家庭人均收入 2,000.00 元，超过低保标准");
	last_event(x, "jingban", "case.refuse");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_amount"), 0);

	/* Nothing more on a 不予 case. */
	const char *role;
	assert_null(jz_case_next_step(&c, 0, &role));
	REFUSED(x, jz_case_step(&x->jb, cid, &GO, &e_), "已经结束");
	REFUSED(x, jz_case_step(&x->sp, cid, &GO, &e_), "已经结束");
	REFUSED(x, jz_case_step(&x->jb, cid, &no, &e_), "已经结束");
	struct jz_review r = {.result = "继续"};
	REFUSED(x, jz_case_review(&x->jb, cid, &r, &e_), "不在保障中");
	REFUSED(x, jz_case_exit(&x->jb, cid, "迁出", "2026-05-04", NULL, &e_), "不在保障中");
	REFUSED(x, jz_case_set_income(&x->jb, cid, idn(ID_DS), "工资", 0, &e_), "不能再修改");
	REFUSED(x, jz_case_set_expense(&x->jb, cid, "医疗", 100, &e_), "不能再修改");

	/* A new application after a 不予 is allowed. */
	jz_rowid again = new_case(x, &x->jb, load(x, cid).household_id);
	assert_string_equal(load(x, again).number, "DB2026-0002");
}

static void test_refusal_at_each_step(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);
	struct jz_step no = {.refuse = 1, .note = "不符合"};
	jz_err e;
	set_day("2026-05-04");
	/* At 入户调查 (经办), 乡镇审核 (审核), 审批 (审批). */
	jz_rowid a = new_case(x, &x->jb, hid);
	assert_int_equal(jz_case_step(&x->jb, a, &no, &e), 0);
	jz_rowid b = new_case(x, &x->jb, hid);
	step(&x->jb, b, NULL);
	assert_int_equal(jz_case_step(&x->sh, b, &no, &e), 0);
	jz_rowid c = new_case(x, &x->jb, hid);
	to_notice(x, c);
	set_day("2026-05-11");
	assert_int_equal(jz_case_step(&x->sp, c, &no, &e), 0);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_file WHERE state = '不予'"), 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_amount"), 0);
}

static void test_exited_case_refused(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	approve_in_may(x, cid);
	set_day("2026-09-10");
	jz_err e;
	assert_int_equal(jz_case_exit(&x->jb, cid, "迁出", "2026-09-10", "迁往县城", &e), 0);
	jz_case c = load(x, cid);
	assert_string_equal(c.state, "退出");
	const char *role;
	assert_null(jz_case_next_step(&c, 0, &role));
	REFUSED(x, jz_case_step(&x->jb, cid, &GO, &e_), "已经结束");
	REFUSED(x, try_approve(&x->sp, cid, &e_), "已经结束");
	struct jz_review r = {.result = "继续"};
	REFUSED(x, jz_case_review(&x->jb, cid, &r, &e_), "不在保障中");
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 6};
	REFUSED(x, jz_case_review(&x->jb, cid, &g, &e_), "不在保障中");
	REFUSED(x, jz_case_exit(&x->jb, cid, "死亡", "2026-09-10", NULL, &e_), "不在保障中");
	REFUSED(x, jz_case_set_income(&x->jb, cid, idn(ID_JG), "工资", 100, &e_), "不能再修改");
}

static void test_same_person_two_open_cases(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);
	set_day("2026-05-04");
	jz_rowid first = new_case(x, &x->jb, hid);
	jz_case c;
	jz_rowid one[1] = {p[2].id};
	/* The household again, or one of its members alone (单人保). */
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", NULL, NULL, 0, &c, &e_), "只能有一个在办案件");
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", "单人保", one, 1, &c, &e_), "只能有一个在办案件");
	/* Still while in force. */
	approve_in_may(x, first);
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", NULL, NULL, 0, &c, &e_), "DB2026-0001");
	/* Another programme is another matter (grade 1 肢体: 残疾补贴). */
	jz_person lh = p[2];
	snprintf(lh.disability_cat, sizeof lh.disability_cat, "肢体");
	lh.disability_grade = 1;
	jz_err e;
	assert_int_equal(jz_person_update(x->admin, &lh, "残疾证", &e), 0);
	assert_int_equal(jz_case_new(&x->jb, hid, "残疾补贴", "护理补贴", one, 1, &c, &e), 0);
	assert_string_equal(c.number, "CJ2026-0001");
	/* Once the first has ended, a new 低保 application is accepted. */
	set_day("2026-09-01");
	assert_int_equal(jz_case_exit(&x->jb, first, "收入超标", "2026-09-01", NULL, &e), 0);
	assert_int_equal(jz_case_new(&x->jb, hid, "低保", NULL, NULL, 0, &c, &e), 0);
}

static void test_bad_programme_and_mode(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid hid = family3(x, p);
	jz_case c;
	REFUSED(x, jz_case_new(&x->jb, hid, "五保", NULL, NULL, 0, &c, &e_), "救助项目");
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", "集中供养", NULL, 0, &c, &e_), "保障方式");
	/* 单人保 names its person. */
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", "单人保", NULL, 0, &c, &e_), "保障对象");
	jz_person other;
	single(x, &x->t->shequ, 0, "刘芳", ID_LF, &other);
	jz_rowid stranger[1] = {other.id};
	REFUSED(x, jz_case_new(&x->jb, hid, "低保", "单人保", stranger, 1, &c, &e_), "不是这一户的成员");
}

/* ==== 民主评议 ==== */

static void test_democratic_review(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	setting(x, "case.democratic_review", "1");
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	step(&x->jb, cid, NULL);
	jz_case c = load(x, cid);
	const char *role;
	assert_string_equal(jz_case_next_step(&c, 1, &role), "民主评议");
	assert_string_equal(role, "经办");
	/* 审核 cannot skip the 评议. */
	REFUSED(x, jz_case_step(&x->sh, cid, &GO, &e_), "民主评议");
	step(&x->jb, cid, "村民代表 9 人，同意 9 人");
	c = load(x, cid);
	assert_string_equal(c.state, "评议");
	assert_string_equal(jz_case_next_step(&c, 1, &role), "乡镇审核");
	assert_string_equal(role, "审核");
	REFUSED(x, jz_case_step(&x->jb, cid, &GO, &e_), "「乡镇审核」要由有「审核」角色");
	step(&x->sh, cid, NULL);
	assert_string_equal(load(x, cid).state, "审核");
	step(&x->jb, cid, NULL);
	set_day("2026-05-11");
	approve(&x->sp, cid);
	assert_string_equal(load(x, cid).state, "在保");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'case.step'"), 5);

	/* Without the setting: 调查 goes straight to 乡镇审核. */
	setting(x, "case.democratic_review", "0");
	assert_string_equal(jz_case_next_step(&(jz_case){.state = "调查"}, 0, &role), "乡镇审核");
}

/* ==== 分类施保 ==== */

static void test_supplement_mandatory(void **state)
{
	struct fx *x = *state;
	jz_person p = mk("陈军", ID_CJ, "户主");
	snprintf(p.disability_cat, sizeof p.disability_cat, "肢体");
	p.disability_grade = 2;
	jz_rowid hid = household(x, &x->t->cun, 0, NULL, &p, 1);
	setting(x, "dibao.supp_disabled12_pct", "0");
	jz_rowid cid = accepted_in_may(x, hid);
	set_day("2026-05-04");
	to_notice(x, cid); /* 公示 does not check 分类施保; 审批 does */
	set_day("2026-05-11");
	REFUSED(x, try_approve(&x->sp, cid, &e_), "「陈军」持有2级残疾证，必须落实分类施保");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_supplement"), 0);

	setting(x, "dibao.supp_disabled12_pct", "20");
	approve(&x->sp, cid);
	/* No income: per-capita 0; 补差 (610.00 - 0) x 1 = 610.00; 分类施保
	 * 610.00 x 20% = 122.00; total 732.00, from 2026-06. */
	char buf[64], want[64];
	tu_text(x->db, "SELECT from_month || '|' || person_id || '|' || fen FROM case_supplement", buf, sizeof buf);
	snprintf(want, sizeof want, "2026-06|%lld|12200", p.id);
	assert_string_equal(buf, want);
	struct jz_case_amount a = amount_in(x, cid, "2026-06", 1);
	assert_int_equal(a.base_fen, 61000);
	assert_int_equal(a.supplement_fen, 12200);
	assert_int_equal(a.total_fen, 73200);
}

/* ==== hand-worked means tests ==== */

static void test_means_rural_family(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	set_day("2026-05-04");
	jz_rowid cid = new_case(x, &x->jb, family3(x, p));
	income(x, cid, ID_JG, "外出务工", 150000);  /* 1,500.00 - 30% (450.00) = 1,050.00 counted */
	income(x, cid, ID_XL, "灵活就业", 30000);   /* 300.00, counted in full */
	income(x, cid, ID_LH, "基础养老金", 14300); /* 143.00, not counted */
	expense(x, cid, "医疗", 20000);             /* 200.00 deducted */
	struct jz_case_means *cm = calc(x, cid, "2026-05");
	const struct jz_means_result *r = &cm->r;
	assert_int_equal(r->standard_fen, 61000);       /* 2026 农村 610.00 */
	assert_int_equal(r->counted_income_fen, 135000); /* 1,050.00 + 300.00 = 1,350.00 */
	assert_int_equal(r->deductions_fen, 20000);
	/* (1,350.00 - 200.00) / 3 = 383.333… → 383.33 (fractions of a fen dropped) */
	assert_int_equal(r->per_capita_fen, 38333);
	assert_int_equal(r->members_counted, 3);
	assert_int_equal(r->gap_fen, 22667);             /* 610.00 - 383.33 = 226.67 */
	assert_int_equal(r->eligible, 1);
	assert_int_equal(r->covered, 3);
	/* 226.67 x 3 = 680.01 → rounded half up to the yuan: 680.00 */
	assert_int_equal(r->base_fen, 68000);
	assert_int_equal(r->supplement_total_fen, 0);   /* nobody disabled; elderly 0% */
	assert_int_equal(r->total_fen, 68000);
	assert_true(has_line(cm, "扣减 30% 就业成本后计 1,050.00 元"));
	assert_true(has_line(cm, "基础养老金 143.00 元，不计入收入"));
	assert_true(has_line(cm, "扣减医疗刚性支出 200.00 元"));
	assert_true(has_line(cm, "不足 1 分舍去"));
	free(cm);

	/* 2025's standard (580.00) for a month of 2025: 580.00 - 383.33 =
	 * 196.67; x 3 = 590.01 → 590.00. */
	cm = calc(x, cid, "2025-12");
	assert_int_equal(cm->r.standard_fen, 58000);
	assert_int_equal(cm->r.total_fen, 59000);
	free(cm);

	/* 必要就业成本 100.00 too: (1,350 - 300) / 3 = 350.00; (610 - 350) x 3 = 780.00. */
	expense(x, cid, "必要就业成本", 10000);
	cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.deductions_fen, 30000);
	assert_int_equal(cm->r.per_capita_fen, 35000);
	assert_int_equal(cm->r.total_fen, 78000);
	free(cm);

	/* Expenses above income: the net is taken as 0; 610.00 x 3 = 1,830.00. */
	expense(x, cid, "医疗", 200000);
	cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.per_capita_fen, 0);
	assert_int_equal(cm->r.total_fen, 183000);
	free(cm);
}

static void test_means_rounding(void **state)
{
	struct fx *x = *state;
	set_day("2026-05-04");
	jz_rowid cid = new_case(x, &x->jb, single(x, &x->t->shequ, 0, "刘芳", ID_LF, NULL));
	/* 城市 750.00; 工资 300.50 alone: gap 449.50 x 1 → half up: 450.00. */
	income(x, cid, ID_LF, "工资", 30050);
	struct jz_case_means *cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.standard_fen, 75000);
	assert_int_equal(cm->r.per_capita_fen, 30050);
	assert_int_equal(cm->r.gap_fen, 44950);
	assert_int_equal(cm->r.total_fen, 45000);
	free(cm);
	/* 工资 300.99: gap 449.01 → 449.00 (rule 0), 450.00 (1, up), 449.01 (2, none). */
	income(x, cid, ID_LF, "工资", 30099);
	static const struct {
		const char *rule;
		long long total;
	} want[] = {{"0", 44900}, {"1", 45000}, {"2", 44901}};
	for (int i = 0; i < 3; i++) {
		setting(x, "dibao.rounding", want[i].rule);
		cm = calc(x, cid, "2026-05");
		assert_int_equal(cm->r.total_fen, want[i].total);
		free(cm);
	}
}

static void test_means_above_standard_and_edge(void **state)
{
	struct fx *x = *state;
	set_day("2026-05-04");
	jz_rowid cid = new_case(x, &x->jb, single(x, &x->t->cun, 0, "王大山", ID_DS, NULL));
	/* 工资 700.00 alone: 700.00 ≥ 610.00, not eligible; ≤ 150% (915.00): edge. */
	income(x, cid, ID_DS, "工资", 70000);
	struct jz_case_means *cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.eligible, 0);
	assert_int_equal(cm->r.edge, 1);
	assert_int_equal(cm->r.total_fen, 0);
	assert_non_null(strstr(cm->r.refusal, "不低于"));
	free(cm);
	/* Exactly the standard is not below it: not eligible. */
	income(x, cid, ID_DS, "工资", 61000);
	cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.eligible, 0);
	free(cm);
	/* 609.99: gap 0.01 → rounds to 0.00 yuan, still 符合. */
	income(x, cid, ID_DS, "工资", 60999);
	cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.eligible, 1);
	assert_int_equal(cm->r.gap_fen, 1);
	free(cm);
	/* 外出务工 800.00 - 30% = 560.00 < 610.00: eligible again; 50.00. */
	income(x, cid, ID_DS, "工资", 0);
	income(x, cid, ID_DS, "外出务工", 80000);
	cm = calc(x, cid, "2026-05");
	assert_int_equal(cm->r.counted_income_fen, 56000);
	assert_int_equal(cm->r.total_fen, 5000);
	free(cm);
	/* Figures are refused when wrong. */
	REFUSED(x, jz_case_set_income(&x->jb, cid, idn(ID_DS), "工资", -1, &e_), "负数");
	REFUSED(x, jz_case_set_income(&x->jb, cid, idn(ID_DS), "彩票", 100, &e_), "收入类别");
	REFUSED(x, jz_case_set_income(&x->jb, cid, idn(ID_LF), "工资", 100, &e_), "不是案件");
	REFUSED(x, jz_case_set_expense(&x->jb, cid, "旅游", 100, &e_), "支出类别");
	REFUSED(x, jz_case_set_expense(&x->jb, cid, "医疗", -5, &e_), "负数");
}

/* ==== reviews ==== */

static void test_review_continue_and_adjust(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	income(x, cid, ID_JG, "外出务工", 150000); /* 780.00 a month (see test_full_path) */
	approve_in_may(x, cid);
	assert_string_equal(load(x, cid).review_due, "2026-11-30");
	jz_err e;

	/* 继续 on 2026-11-20: next review 6 months after 2026-11. */
	set_day("2026-11-20");
	struct jz_review go = {.result = "继续", .note = "收入无变化"};
	assert_int_equal(jz_case_review(&x->jb, cid, &go, &e), 0);
	jz_case c = load(x, cid);
	assert_string_equal(c.state, "在保");
	assert_string_equal(c.review_due, "2027-05-31");
	last_event(x, "jingban", "case.review");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_amount"), 1);

	/* 调整 on 2027-02-10: income fell to 外出务工 900.00 (- 30% = 630.00;
	 * / 3 = 210.00; (610.00 - 210.00) x 3 = 1,200.00) from 2027-03 only. */
	set_day("2027-02-10");
	assert_int_equal(jz_case_province_done(&x->jb, cid, &e), 0);
	income(x, cid, ID_JG, "外出务工", 90000);
	struct jz_review adj = {.result = "调整", .reason = "收入下降"};
	assert_int_equal(jz_case_review(&x->jb, cid, &adj, &e), 0);
	c = load(x, cid);
	assert_string_equal(c.state, "在保");
	assert_string_equal(c.review_due, "2027-08-31");
	assert_int_equal(c.province_pending, 1);
	assert_int_equal(amount_in(x, cid, "2027-02", 1).total_fen, 78000); /* this month unchanged */
	struct jz_case_amount a = amount_in(x, cid, "2027-03", 1);
	assert_string_equal(a.from_month, "2027-03");
	assert_int_equal(a.total_fen, 120000);
	assert_int_equal(amount_in(x, cid, "2026-06", 1).total_fen, 78000);

	/* An unknown result, none, or 调整 of a household now above the standard. */
	struct jz_review bad = {.result = "暂停"};
	REFUSED(x, jz_case_review(&x->jb, cid, &bad, &e_), "继续、调整、渐退 或 退出");
	struct jz_review none = {0};
	REFUSED(x, jz_case_review(&x->jb, cid, &none, &e_), "复核结果");
	income(x, cid, ID_JG, "工资", 300000);
	REFUSED(x, jz_case_review(&x->jb, cid, &adj, &e_), "渐退或退出");
}

/* Regression test for a fixed bug: src/core/case_review.c:111 check res.r.eligible before 继续 as
 * it is before 调整 (a household found above the standard at its review
 * cannot simply continue: 渐退 or 退出). */
static void test_continue_refused_when_ineligible(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	approve_in_may(x, cid);
	set_day("2026-11-20");
	income(x, cid, ID_JG, "工资", 300000); /* 3,000.00 / 3 = 1,000.00 > 610.00 */
	struct jz_review go = {.result = "继续"};
	REFUSED(x, jz_case_review(&x->jb, cid, &go, &e_), "渐退或退出");
}

static void test_grace(void **state)
{
	struct fx *x = *state;
	jz_err e;
	/* 刘芳: 建档立卡 (已脱贫), 城南社区 (城市); 王大山: neither, 城南社区. */
	jz_rowid a = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	income(x, a, ID_LF, "工资", 30050); /* 450.00 a month */
	approve_in_may(x, a);
	jz_rowid b = accepted_in_may(x, single(x, &x->t->shequ, 0, "王大山", ID_DS, NULL));
	approve_in_may(x, b);

	set_day("2026-11-20");
	income(x, a, ID_LF, "工资", 90000); /* 900.00 > 750.00: above the standard */
	income(x, b, ID_DS, "工资", 90000);
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 6};
	/* Not a 建档立卡 household, and 渐退 for rural households is off. */
	REFUSED(x, jz_case_review(&x->jb, b, &g, &e_), "渐退只适用于建档立卡户");
	/* 3–12 months only. */
	struct jz_review g2 = g, g13 = g;
	g2.grace_months = 2;
	g13.grace_months = 13;
	REFUSED(x, jz_case_review(&x->jb, a, &g2, &e_), "3 到 12 个月");
	REFUSED(x, jz_case_review(&x->jb, a, &g13, &e_), "3 到 12 个月");
	/* The setting decides: 建档立卡 off → refused too. */
	setting(x, "case.grace_jiandang", "0");
	REFUSED(x, jz_case_review(&x->jb, a, &g, &e_), "渐退");
	setting(x, "case.grace_jiandang", "1");
	/* Paid at 50% during the grace (case.grace_amount_pct). */
	setting(x, "case.grace_amount_pct", "50");
	assert_int_equal(jz_case_review(&x->jb, a, &g, &e), 0);
	jz_case c = load(x, a);
	assert_string_equal(c.state, "渐退");
	assert_string_equal(c.grace_until, "2027-05"); /* 6 months after 2026-11 */
	assert_string_equal(c.exit_reason, "收入超标");
	assert_int_equal(amount_in(x, a, "2026-11", 1).total_fen, 45000);
	assert_int_equal(amount_in(x, a, "2026-12", 1).total_fen, 22500);
	/* In 渐退, a review can only end it. */
	struct jz_review go = {.result = "继续"};
	REFUSED(x, jz_case_review(&x->jb, a, &go, &e_), "只能是「退出」");

	/* Housekeeping ends it after its last month, not before. */
	set_day("2027-05-31");
	assert_int_equal(jz_case_housekeeping(x->admin, "2027-05-31", &e), 0);
	assert_string_equal(load(x, a).state, "渐退");
	set_day("2027-06-01");
	long long ev = jz_event_count(x->db);
	assert_int_equal(jz_case_housekeeping(x->admin, "2027-06-01", &e), 1);
	c = load(x, a);
	assert_string_equal(c.state, "退出");
	assert_string_equal(c.end_month, "2027-05");
	assert_string_equal(c.exit_on, "2027-05-31");
	assert_int_equal(c.province_pending, 1); /* exit_reason: test_grace_end_keeps_reason */
	assert_int_equal(jz_event_count(x->db), ev + 1);
	last_event(x, "admin", "case.exit");
	assert_int_equal(jz_case_housekeeping(x->admin, "2027-06-01", &e), 0);
	assert_string_equal(load(x, b).state, "在保");

	/* Rural households when the county says so (case.grace_rural = 1). */
	setting(x, "case.grace_rural", "1");
	setting(x, "case.grace_jiandang", "0");
	jz_rowid r = accepted_in_may(x, single(x, &x->t->cun, 0, "赵华", ID_ZH, NULL));
	approve_in_may(x, r);
	set_day("2026-11-20");
	income(x, r, ID_ZH, "工资", 90000); /* 900.00 > 610.00 */
	struct jz_review g12 = g;
	g12.grace_months = 12;
	assert_int_equal(jz_case_review(&x->jb, r, &g12, &e), 0);
	assert_string_equal(load(x, r).grace_until, "2027-11");
	REFUSED(x, jz_case_review(&x->jb, b, &g, &e_), "农村低保户");
}

/* Regression test for a fixed bug: src/core/case_review.c:105 refuse 渐退 for a case already in
 * 渐退 (move the `strcmp(c->state, "在保")` check above the 渐退 branch, or
 * check it in do_grace): a second 渐退 pushes grace_until on for ever. */
static void test_grace_not_extended(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid a = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	approve_in_may(x, a);
	set_day("2026-11-20");
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 6};
	assert_int_equal(jz_case_review(&x->jb, a, &g, &e), 0);
	set_day("2027-04-20");
	REFUSED(x, jz_case_review(&x->jb, a, &g, &e_), "退出");
	assert_string_equal(load(x, a).grace_until, "2027-05");
}

/* Regression test for a fixed bug: src/core/case_review.c:208 jz_case_housekeeping passes
 * c.exit_reason as the `reason` of end_case, which snprintf's it into
 * c->exit_reason itself (case_review.c:85: overlapping source and
 * destination, undefined; glibc leaves ""): the 渐退 case exits with no
 * reason. Copy it first, e.g. `char why[64]; snprintf(why, sizeof why, "%s",
 * *c.exit_reason ? c.exit_reason : "收入超标"); end_case(&c, why, ...)`. */
static void test_grace_end_keeps_reason(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid a = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	approve_in_may(x, a);
	set_day("2026-11-20");
	income(x, a, ID_LF, "工资", 90000);
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 3};
	assert_int_equal(jz_case_review(&x->jb, a, &g, &e), 0);
	set_day("2027-03-01");
	assert_int_equal(jz_case_housekeeping(x->admin, "2027-03-01", &e), 1);
	jz_case c = load(x, a);
	assert_string_equal(c.state, "退出");
	assert_string_equal(c.end_month, "2027-02");
	assert_string_equal(c.exit_reason, "收入超标");
}

static void test_exit_by_review(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	approve_in_may(x, cid);
	set_day("2026-10-12");
	struct jz_review free_text = {.result = "退出", .reason = "不想要了"};
	REFUSED(x, jz_case_review(&x->jb, cid, &free_text, &e_), "退出原因");
	struct jz_review out = {.result = "退出", .reason = "自愿退出", .note = "本人申请"};
	jz_err e;
	assert_int_equal(jz_case_review(&x->jb, cid, &out, &e), 0);
	jz_case c = load(x, cid);
	assert_string_equal(c.state, "退出");
	assert_string_equal(c.exit_reason, "自愿退出");
	assert_string_equal(c.exit_on, "2026-10-12");
	assert_string_equal(c.end_month, "2026-10");
	assert_int_equal(c.province_pending, 1);
	last_event(x, "jingban", "case.review");
}

/* Regression test for a fixed bug: src/core/case_review.c:101 a 退出 review without a reason
 * returns -1 with no message (`!r->reason ||` short-circuits before
 * jz_check_choice): pass r->reason ? r->reason : "" to jz_check_choice
 * instead, so the clerk reads「退出原因」不能为空. */
static void test_exit_review_without_reason(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	approve_in_may(x, cid);
	set_day("2026-10-12");
	struct jz_review no_reason = {.result = "退出"};
	REFUSED(x, jz_case_review(&x->jb, cid, &no_reason, &e_), "退出原因");
}

/* Regression test for a fixed bug: src/core/case_review.c:77 (do_grace) set c->province_pending
 * = 1 when the 渐退 changes the amount (case.grace_amount_pct != 100), as
 * 调整 does at case_review.c:117: the new amount must be typed into the
 * provincial system. */
static void test_grace_amount_is_a_province_change(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid a = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	approve_in_may(x, a);
	assert_int_equal(jz_case_province_done(&x->jb, a, &e), 0);
	setting(x, "case.grace_amount_pct", "50");
	set_day("2026-11-20");
	income(x, a, ID_LF, "工资", 90000);
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 6};
	assert_int_equal(jz_case_review(&x->jb, a, &g, &e), 0);
	assert_int_equal(amount_in(x, a, "2026-12", 1).total_fen, 37500);
	assert_int_equal(load(x, a).province_pending, 1);
}

/* ==== death mid-month ==== */

static void test_death_mid_month(void **state)
{
	struct fx *x = *state;
	jz_person p;
	jz_rowid cid = accepted_in_may(x, single(x, &x->t->cun, 0, "赵华", ID_ZH, &p));
	approve_in_may(x, cid);
	set_day("2026-08-20");
	REFUSED(x, jz_case_exit(&x->jb, cid, "死亡", "2026-08-21", NULL, &e_), "退出日期");
	REFUSED(x, jz_case_exit(&x->jb, cid, "死亡", "2026-08-32", NULL, &e_), "退出日期");
	REFUSED(x, jz_case_exit(&x->jb, cid, "去世", "2026-08-14", NULL, &e_), "退出原因");
	REFUSED(x, jz_case_exit(&x->jb, cid, NULL, "2026-08-14", NULL, &e_), "退出原因");
	jz_err e;
	assert_int_equal(jz_case_exit(&x->jb, cid, "死亡", "2026-08-14", "火化证明", &e), 0);
	jz_case c = load(x, cid);
	/* At once: no 渐退, paid through the month of death. */
	assert_string_equal(c.state, "退出");
	assert_string_equal(c.grace_until, "");
	assert_string_equal(c.exit_reason, "死亡");
	assert_string_equal(c.exit_on, "2026-08-14");
	assert_string_equal(c.end_month, "2026-08");
	assert_string_equal(c.exit_note, "火化证明");
	assert_int_equal(c.province_pending, 1);
	last_event(x, "jingban", "case.exit");
}

/* Regression test for a fixed bug: src/core/case_review.c:105 (do_grace) check r->reason against
 * jz_exit_reasons and refuse 死亡 and 骗保 ("死亡、骗保应直接退出，不能渐退",
 * seed 004): today a 渐退 is accepted with reason 死亡. */
static void test_no_grace_for_death_or_fraud(void **state)
{
	struct fx *x = *state;
	jz_rowid a = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	approve_in_may(x, a);
	set_day("2026-08-20");
	struct jz_review death = {.result = "渐退", .reason = "死亡", .grace_months = 6};
	struct jz_review fraud = {.result = "渐退", .reason = "骗保", .grace_months = 6};
	struct jz_review free_text = {.result = "渐退", .reason = "随便写", .grace_months = 6};
	REFUSED(x, jz_case_review(&x->jb, a, &death, &e_), "死亡");
	REFUSED(x, jz_case_review(&x->jb, a, &fraud, &e_), "骗保");
	REFUSED(x, jz_case_review(&x->jb, a, &free_text, &e_), "原因");
	assert_string_equal(load(x, a).state, "在保");
}

/* ==== a standard changed from the 1st of a month ==== */

static void test_standard_change_later_months_only(void **state)
{
	struct fx *x = *state;
	jz_person p[3];
	jz_rowid cid = accepted_in_may(x, family3(x, p));
	income(x, cid, ID_JG, "外出务工", 150000);
	income(x, cid, ID_XL, "灵活就业", 30000);
	expense(x, cid, "医疗", 20000); /* per-capita 383.33 (test_means_rural_family) */
	approve_in_may(x, cid);
	assert_int_equal(amount_in(x, cid, "2026-06", 1).total_fen, 68000);

	/* 农村 650.00 from 2026-07-01, set in June. */
	set_day("2026-06-15");
	jz_err e;
	assert_int_equal(jz_setting_set(x->admin, "dibao.standard_fen", "农村", "2026-07-01", "65000",
					"2026年7月起提标", &e), 0);
	struct jz_case_means *june = calc(x, cid, "2026-06");
	struct jz_case_means *july = calc(x, cid, "2026-07");
	assert_int_equal(june->r.standard_fen, 61000); /* the past is not rewritten */
	assert_int_equal(july->r.standard_fen, 65000);
	assert_int_equal(june->r.total_fen, 68000);
	/* 650.00 - 383.33 = 266.67; x 3 = 800.01 → 800.00 */
	assert_int_equal(july->r.total_fen, 80000);
	assert_true(has_line(july, "2026-07 农村低保标准 650.00 元"));
	free(june);
	free(july);
	/* The urban standard is untouched. */
	long long v;
	assert_int_equal(jz_setting_int(x->db, "dibao.standard_fen", "城市", "2026-07-01", &v, &e), 0);
	assert_int_equal(v, 75000);

	/* The case keeps its fixed amount in July until a review. */
	set_day("2026-07-20");
	assert_int_equal(amount_in(x, cid, "2026-07", 1).total_fen, 68000);
	assert_string_equal(amount_in(x, cid, "2026-07", 1).from_month, "2026-06");
	struct jz_review adj = {.result = "调整", .reason = "提标"};
	assert_int_equal(jz_case_review(&x->jb, cid, &adj, &e), 0);
	assert_int_equal(amount_in(x, cid, "2026-07", 1).total_fen, 68000);
	assert_int_equal(amount_in(x, cid, "2026-08", 1).total_fen, 80000);
}

/* Regression test for a fixed bug: src/core/settings.c:31 jz_setting_set checks no role: any
 * operator (a 经办 here) may change a standard, or case.notice_days /
 * case.county_approves and so shorten the 公示 or drop the county's
 * approval. Refuse unless jz_session_has_role(s, "管理员"), e.g.
 * "只有管理员可以修改设置和保障标准（当前操作员 %s）". */
static void test_settings_need_admin(void **state)
{
	struct fx *x = *state;
	REFUSED(x, jz_setting_set(&x->jb, "case.notice_days", "*", "2026-01-01", "1", "缩短公示", &e_), "管理员");
	REFUSED(x, jz_setting_set(&x->sp, "dibao.standard_fen", "农村", "2026-07-01", "90000", "提标", &e_),
		"管理员");
	long long v;
	jz_err e;
	assert_int_equal(jz_setting_int(x->db, "case.notice_days", "*", "2026-05-04", &v, &e), 0);
	assert_int_equal(v, 7);
}

/* ==== what a case waits for ==== */

static int due_count(struct fx *x, jz_rowid cid, const jz_operator *op, const char *today,
		     const char *kind, int *mine)
{
	struct jz_case_due d[8];
	jz_case c = load(x, cid);
	int n = jz_case_dues(&c, op, 0, today, d, 8), k = 0;
	assert_true(n >= 0 && n <= 8);
	for (int i = 0; i < n; i++)
		if (!strcmp(d[i].kind, kind)) {
			k++;
			if (mine)
				*mine = d[i].mine;
		}
	return k;
}

static void test_dues(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid cid = accepted_in_may(x, single(x, &x->t->shequ, 1, "刘芳", ID_LF, NULL));
	int mine = 0;
	/* 受理: waits for 经办's 入户调查, due 2026-05-19. */
	assert_int_equal(due_count(x, cid, &x->jb.op, "2026-05-04", "待办", &mine), 1);
	assert_int_equal(mine, 1);
	assert_int_equal(due_count(x, cid, &x->sh.op, "2026-05-04", "待办", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2026-05-19", "调查超期", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2026-05-20", "调查超期", NULL), 1);
	/* 公示 to 2026-05-10: ended on the 11th. */
	to_notice(x, cid);
	assert_int_equal(due_count(x, cid, NULL, "2026-05-20", "调查超期", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2026-05-10", "公示期满", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2026-05-11", "公示期满", NULL), 1);
	assert_int_equal(due_count(x, cid, &x->sp.op, "2026-05-11", "待办", NULL), 1);
	set_day("2026-05-11");
	approve(&x->sp, cid);
	/* Province: pending after the approval until recorded. */
	assert_int_equal(due_count(x, cid, NULL, "2026-05-11", "省系统", NULL), 1);
	assert_int_equal(jz_case_province_done(&x->jb, cid, &e), 0);
	jz_case c = load(x, cid);
	assert_int_equal(c.province_pending, 0);
	assert_string_equal(c.province_on, "2026-05-11");
	assert_string_equal(c.province_by, "jingban");
	assert_int_equal(due_count(x, cid, NULL, "2026-05-11", "省系统", NULL), 0);
	REFUSED(x, jz_case_province_done(&x->jb, cid, &e_), "没有需要录入");
	/* Review due 2026-11-30. */
	assert_int_equal(due_count(x, cid, NULL, "2026-11-29", "复核到期", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2026-11-30", "复核到期", NULL), 1);
	/* 渐退 (3 months from 2026-11 → 2027-02): due in its last month. */
	set_day("2026-11-30");
	struct jz_review g = {.result = "渐退", .reason = "收入超标", .grace_months = 3};
	assert_int_equal(jz_case_review(&x->jb, cid, &g, &e), 0);
	assert_string_equal(load(x, cid).grace_until, "2027-02");
	assert_int_equal(due_count(x, cid, NULL, "2027-01-31", "渐退到期", NULL), 0);
	assert_int_equal(due_count(x, cid, NULL, "2027-02-01", "渐退到期", NULL), 1);
	assert_int_equal(due_count(x, cid, NULL, "2027-03-01", "渐退到期", NULL), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_full_path),
		T(test_wrong_role_refused),
		T(test_approval_waits_for_notice),
		T(test_acceptor_cannot_approve),
		T(test_own_household_refused),
		T(test_relative_refused),
		T(test_relative_by_cadre_name_refused),
		T(test_county_approval_needs_document),
		T(test_ineligible_no_notice_and_refusal),
		T(test_refusal_at_each_step),
		T(test_exited_case_refused),
		T(test_same_person_two_open_cases),
		T(test_bad_programme_and_mode),
		T(test_democratic_review),
		T(test_supplement_mandatory),
		T(test_means_rural_family),
		T(test_means_rounding),
		T(test_means_above_standard_and_edge),
		T(test_review_continue_and_adjust),
		T(test_continue_refused_when_ineligible),
		T(test_grace),
		T(test_grace_not_extended),
		T(test_grace_end_keeps_reason),
		T(test_exit_by_review),
		T(test_exit_review_without_reason),
		T(test_grace_amount_is_a_province_change),
		T(test_death_mid_month),
		T(test_no_grace_for_death_or_fraud),
		T(test_standard_change_later_months_only),
		T(test_settings_need_admin),
		T(test_dues),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
