/* test_roll.c — the payment roll and one-off payments through the core
 * (core/roll.c, store/roll_store.c, io/xlsx_out.c): a month's total is the
 * sum of the amounts in force; a locked roll never changes (the triggers
 * refuse a raw UPDATE, building a locked month is refused); 补发 for a case
 * approved after its first month's roll was locked; 扣回 after a death
 * recorded later; the end of 渐退; a new standard from the 1st of a month
 * reaching only the cases approved after it; one-off payments per person,
 * per household and by ID list; jz_roll_total per programme; the export's
 * files. Cases go through jz_case_new + jz_case_step by operators of one
 * role each; the clock is always set (jz_clock_set_today).
 * Standards: 2026 城市 750.00, 农村 610.00; 孤儿 社会散居 1050.00. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/case.h"
#include "core/household.h"
#include "core/roll.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "io/text.h"
#include "store/case_store.h"
#include "store/people.h"

#define ID_JG "50015419800101001" /* 王建国, 户主 of a rural family of 3 (东山村) */
#define ID_XL "50015419820304002" /* 李秀兰, 配偶 */
#define ID_LH "50015419500808003" /* 王老汉, 父亲 */
#define ID_LF "50015419950212004" /* 刘芳, alone in 城南社区 (城市), no bank account */
#define ID_DS "50015419700808005" /* 王大山, alone in 城南社区 */
#define ID_GD "50015419660606006" /* 张国栋, guardian, 户主 in 东山村 */
#define ID_XM "50015420150505007" /* 张小明, orphan (孤儿 社会散居) */
#define ID_NO "50015419990909008" /* nobody in the township */

#define PW "pw-secret"
#define STD_CITY 75000LL
#define STD_RURAL 61000LL
#define ORPHAN 105000LL

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session *admin;
	jz_session jb, sh, sp; /* 经办, 审核, 审批: one role each */
};

static void set_day(const char *ymd)
{
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_clock_set_today(ymd, &e), 0);
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

static void standard(struct fx *x, const char *key, const char *area, const char *from, const char *v)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_setting_set(x->admin, key, area, from, v, "测试标准", &e);
	if (rc)
		print_error("jz_setting_set %s: %s\n", key, e.msg);
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
	standard(x, "dibao.standard_fen", "城市", "2026-01-01", "75000");
	standard(x, "dibao.standard_fen", "农村", "2026-01-01", "61000");
	standard(x, "orphan.scattered_fen", "*", "2025-01-01", "105000");
	/* approval delegated to the township: no county document */
	jz_err_clear(&e);
	assert_int_equal(jz_store_setting_put(x->db, "case.county_approves", "*", "1900-01-01", "0", NULL, &e), 0);
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

/* ---- people ---- */

static jz_person mk(const char *name, const char *first17, const char *relation, const char *bank)
{
	jz_person p;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", name);
	tu_id(first17, p.id_number);
	snprintf(p.relation, sizeof p.relation, "%s", relation);
	snprintf(p.bank_account, sizeof p.bank_account, "%s", bank ? bank : "");
	return p;
}

static jz_rowid household(struct fx *x, const jz_village *v, jz_person *p, int n)
{
	jz_household h;
	jz_err e;
	memset(&h, 0, sizeof h);
	h.village_id = v->id;
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

/* 王建国 (head), 李秀兰, 王老汉 in 东山村 (农村). */
static jz_rowid family3(struct fx *x, jz_person p[3])
{
	p[0] = mk("王建国", ID_JG, "户主", "6228480000000000011");
	p[1] = mk("李秀兰", ID_XL, "配偶", "6228480000000000029");
	p[2] = mk("王老汉", ID_LH, "父亲", NULL);
	return household(x, &x->t->cun, p, 3);
}

static jz_rowid single(struct fx *x, const char *name, const char *first17, const char *bank,
		       jz_person *out)
{
	jz_person p = mk(name, first17, "户主", bank);
	jz_rowid hid = household(x, &x->t->shequ, &p, 1);
	if (out)
		*out = p;
	return hid;
}

/* 张国栋 (head, guardian) and the orphan 张小明 in 东山村. */
static jz_rowid orphan_home(struct fx *x, jz_person p[2])
{
	p[0] = mk("张国栋", ID_GD, "户主", "6228480000000000037");
	p[1] = mk("张小明", ID_XM, "孙子", "6228480000000000045");
	return household(x, &x->t->cun, p, 2);
}

/* ---- cases ---- */

static void step(jz_session *s, jz_rowid cid)
{
	struct jz_step st = {.note = "同意"};
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_case_step(s, cid, &st, &e);
	if (rc)
		print_error("jz_case_step as %s: %s\n", s->op.login, e.msg);
	assert_int_equal(rc, 0);
}

/* Accepted on day, 调查 审核 公示 the same day, approved 7 days later:
 * paid from the month after the approval. */
static jz_rowid approved_case(struct fx *x, jz_rowid hid, const char *programme, const char *mode,
			      const jz_rowid *members, int n, const char *day)
{
	jz_case c;
	jz_err e;
	char later[11];
	set_day(day);
	jz_err_clear(&e);
	int rc = jz_case_new(&x->jb, hid, programme, mode, members, n, &c, &e);
	if (rc)
		print_error("jz_case_new: %s\n", e.msg);
	assert_int_equal(rc, 0);
	step(&x->jb, c.id); /* 入户调查 */
	step(&x->sh, c.id); /* 乡镇审核 */
	step(&x->jb, c.id); /* 公示 */
	jz_days_to_date(jz_date_to_days(day) + 7, later);
	set_day(later);
	/* the acceptor may not approve */
	assert_int_equal(jz_case_step(&x->jb, c.id, &(struct jz_step){0}, &e), -1);
	step(&x->sp, c.id); /* 审批 */
	assert_int_equal(jz_case_get(x->db, c.id, &c, &e), 0);
	assert_string_equal(c.state, "在保");
	return c.id;
}

static jz_case get_case(struct fx *x, jz_rowid id)
{
	jz_case c;
	jz_err e;
	assert_int_equal(jz_case_get(x->db, id, &c, &e), 0);
	return c;
}

static long long amount_in(struct fx *x, jz_rowid cid, const char *month)
{
	struct jz_case_amount a;
	jz_err e;
	assert_int_equal(jz_store_amount_in(x->db, cid, month, &a, &e), 1);
	return a.total_fen;
}

/* ---- rolls ---- */

static struct jz_roll_result build(struct fx *x, const char *month)
{
	struct jz_roll_result r;
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_roll_build(&x->jb, month, &r, &e);
	if (rc)
		print_error("jz_roll_build %s: %s\n", month, e.msg);
	assert_int_equal(rc, 0);
	return r;
}

static void lock(jz_session *s, const char *month)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_roll_lock(s, month, &e);
	if (rc)
		print_error("jz_roll_lock %s: %s\n", month, e.msg);
	assert_int_equal(rc, 0);
}

static long long total(struct fx *x, const char *month, const char *programme)
{
	long long fen = -1;
	jz_err e;
	assert_int_equal(jz_roll_total(x->db, month, programme, &fen, &e), 0);
	return fen;
}

struct seen {
	int n;
	struct jz_roll_line v[32];
};

static int keep_line(const struct jz_roll_line *l, void *arg)
{
	struct seen *s = arg;
	if (s->n < 32)
		s->v[s->n] = *l;
	s->n++;
	return 0;
}

static struct seen lines_of(struct fx *x, const char *month)
{
	static struct seen s;
	jz_err e;
	memset(&s, 0, sizeof s);
	assert_int_equal(jz_roll_lines(x->db, month, keep_line, &s, &e), 0);
	return s;
}

static int warned(const struct jz_roll_warnings *w, const char *word)
{
	for (int i = 0; i < w->n && i < JZ_ROLL_MAX_WARN; i++)
		if (strstr(w->text[i], word))
			return 1;
	return 0;
}

/* ---- tests ---- */

/* Three cases of two programmes: the roll pays each its amount in force,
 * and the totals per programme are the sums, to the fen. */
static void test_total_is_sum(void **state)
{
	struct fx *x = *state;
	jz_person fam[3], kid[2], lf;
	jz_err e;
	jz_rowid h3 = family3(x, fam), h1 = single(x, "刘芳", ID_LF, NULL, &lf), h2 = orphan_home(x, kid);
	jz_rowid a = approved_case(x, h1, "低保", NULL, NULL, 0, "2026-11-02");
	jz_rowid b = approved_case(x, h3, "低保", NULL, NULL, 0, "2026-11-02");
	jz_rowid c = approved_case(x, h2, "孤儿", "社会散居", &kid[1].id, 1, "2026-11-02");
	assert_string_equal(get_case(x, a).start_month, "2026-12");

	/* November: nothing in force yet */
	struct jz_roll_result r = build(x, "2026-11");
	assert_int_equal(r.total_lines, 0);
	assert_int_equal(total(x, "2026-11", NULL), 0);

	r = build(x, "2026-12");
	assert_int_equal(r.lines[JZ_ROLL_MONTHLY], 3);
	assert_int_equal(r.lines[JZ_ROLL_BACKPAY] + r.lines[JZ_ROLL_RECOVER] + r.lines[JZ_ROLL_ONETIME], 0);
	long long sum = amount_in(x, a, "2026-12") + amount_in(x, b, "2026-12") + amount_in(x, c, "2026-12");
	assert_int_equal(sum, STD_CITY + 3 * STD_RURAL + ORPHAN);
	assert_int_equal(r.total_fen, sum);
	assert_int_equal(total(x, "2026-12", NULL), sum);
	assert_int_equal(total(x, "2026-12", "低保"), STD_CITY + 3 * STD_RURAL);
	assert_int_equal(total(x, "2026-12", "孤儿"), ORPHAN);
	assert_int_equal(total(x, "2026-12", "特困"), 0);
	assert_int_equal(total(x, "2027-05", NULL), 0); /* no roll */

	/* by programme and area */
	struct jz_roll_sum sums[8];
	int n = jz_roll_sums(x->db, "2026-12", sums, 8, &e);
	assert_int_equal(n, 3);
	assert_string_equal(sums[0].programme, "低保");
	assert_string_equal(sums[0].area, "城市");
	assert_int_equal(sums[0].fen, STD_CITY);
	assert_string_equal(sums[1].area, "农村");
	assert_int_equal(sums[1].fen, 3 * STD_RURAL);
	assert_string_equal(sums[2].programme, "孤儿");

	/* payees: the head for 低保 整户保障, the child for 孤儿 */
	struct seen s = lines_of(x, "2026-12");
	assert_int_equal(s.n, 3);
	for (int i = 0; i < s.n; i++) {
		assert_string_equal(s.v[i].kind, "月发");
		assert_string_equal(s.v[i].for_month, "2026-12");
		if (s.v[i].case_id == b)
			assert_string_equal(s.v[i].name, "王建国");
		if (s.v[i].case_id == c)
			assert_string_equal(s.v[i].name, "张小明");
		if (s.v[i].case_id == a)
			assert_string_equal(s.v[i].village, "城南社区");
	}

	/* building again replaces the draft: same lines, one more event */
	r = build(x, "2026-12");
	assert_int_equal(r.total_lines, 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM roll_line WHERE month = '2026-12'"), 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE entity = 'roll' AND action = 'roll.build'"), 3);

	/* a bad month, and an operator without 经办 */
	jz_err_clear(&e);
	assert_int_equal(jz_roll_build(&x->jb, "2026-13", NULL, &e), -1);
	tu_assert_msg(&e, "YYYY-MM");
	jz_err_clear(&e);
	assert_int_equal(jz_roll_build(&x->sh, "2026-12", NULL, &e), -1);
	tu_assert_msg(&e, "经办");
}

/* A locked roll never changes: not by the program, not by raw SQL. */
static void test_lock_immutable(void **state)
{
	struct fx *x = *state;
	jz_person lf;
	jz_err e;
	jz_rowid h = single(x, "刘芳", ID_LF, NULL, &lf);
	approved_case(x, h, "低保", NULL, NULL, 0, "2026-11-02");
	set_day("2026-11-25");

	/* only a built draft can be locked; 审批 alone may not lock */
	jz_err_clear(&e);
	assert_int_equal(jz_roll_lock(&x->sh, "2026-12", &e), -1);
	tu_assert_msg(&e, "还没有生成");
	build(x, "2026-12");
	jz_err_clear(&e);
	assert_int_equal(jz_roll_lock(&x->sp, "2026-12", &e), -1);
	tu_assert_msg(&e, "审核");
	lock(&x->sh, "2026-12"); /* 审核 may lock */
	struct jz_roll_info info;
	assert_int_equal(jz_roll_get(x->db, "2026-12", &info, &e), 1);
	assert_string_equal(info.locked_by, "shenhe");
	assert_string_equal(info.built_by, "jingban");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'roll.lock'"), 1);

	/* raw SQL: the triggers refuse every change */
	sqlite3 *h3 = jz_db_handle(x->db);
	static const char *const sql[] = {
		"UPDATE roll_line SET amount_fen = 1 WHERE month = '2026-12'",
		"DELETE FROM roll_line WHERE month = '2026-12'",
		"INSERT INTO roll_line(month, household_id, person_id, programme, kind, for_month, amount_fen)"
		" SELECT '2026-12', household_id, person_id, programme, '月发', '2026-12', 1 FROM roll_line",
		"UPDATE roll SET locked_at = '' WHERE month = '2026-12'",
		"DELETE FROM roll WHERE month = '2026-12'",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		char *err = NULL;
		assert_int_not_equal(sqlite3_exec(h3, sql[i], NULL, NULL, &err), SQLITE_OK);
		assert_non_null(err);
		assert_non_null(strstr(err, "锁定"));
		sqlite3_free(err);
	}
	assert_int_equal(total(x, "2026-12", NULL), STD_CITY);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM roll_line WHERE month = '2026-12'"), 1);

	/* the program refuses too, with the reason */
	jz_err_clear(&e);
	assert_int_equal(jz_roll_build(&x->jb, "2026-12", NULL, &e), -1);
	tu_assert_msg(&e, "已于 2026-11-25 由 shenhe 锁定");
	tu_assert_msg(&e, "补发或扣回");
	jz_err_clear(&e);
	assert_int_equal(jz_roll_lock(&x->jb, "2026-12", &e), -1);
	tu_assert_msg(&e, "锁定");
	struct jz_onetime_spec sp = {.name = "价格临时补贴", .amount_fen = 10000, .per = "人",
		.month = "2026-12", .programme = "低保"};
	jz_err_clear(&e);
	assert_int_equal(jz_onetime_new(&x->jb, &sp, NULL, &e), -1);
	tu_assert_msg(&e, "锁定");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM roll_line WHERE month = '2026-12'"), 1);
}

/* Case B is approved after December's roll was locked, though it is paid
 * from December: January's roll pays its December as 补发, once. */
static void test_backpay_late_approval(void **state)
{
	struct fx *x = *state;
	jz_person fam[3], lf;
	jz_rowid ha = single(x, "刘芳", ID_LF, NULL, &lf), hb = family3(x, fam);
	jz_rowid a = approved_case(x, ha, "低保", NULL, NULL, 0, "2026-11-02");
	/* B: 公示 from 11-12; December's roll is locked on 11-15 */
	set_day("2026-11-12");
	jz_case c;
	jz_err e;
	assert_int_equal(jz_case_new(&x->jb, hb, "低保", NULL, NULL, 0, &c, &e), 0);
	jz_rowid b = c.id;
	step(&x->jb, b);
	step(&x->sh, b);
	step(&x->jb, b);
	set_day("2026-11-15");
	struct jz_roll_result r = build(x, "2026-12");
	assert_int_equal(r.lines[JZ_ROLL_MONTHLY], 1);
	lock(&x->sh, "2026-12");
	set_day("2026-11-19");
	step(&x->sp, b);
	assert_string_equal(get_case(x, b).start_month, "2026-12");

	set_day("2026-12-20");
	r = build(x, "2027-01");
	assert_int_equal(r.lines[JZ_ROLL_MONTHLY], 2);
	assert_int_equal(r.lines[JZ_ROLL_BACKPAY], 1);
	assert_int_equal(r.fen[JZ_ROLL_BACKPAY], 3 * STD_RURAL);
	assert_int_equal(r.total_fen, STD_CITY + 2 * 3 * STD_RURAL);
	struct seen s = lines_of(x, "2027-01");
	int backpays = 0;
	for (int i = 0; i < s.n; i++)
		if (!strcmp(s.v[i].kind, "补发")) {
			backpays++;
			assert_int_equal(s.v[i].case_id, b);
			assert_string_equal(s.v[i].for_month, "2026-12");
			assert_string_equal(s.v[i].name, "王建国");
			assert_int_equal(s.v[i].amount_fen, amount_in(x, b, "2026-12"));
		} else {
			assert_string_equal(s.v[i].for_month, "2027-01");
		}
	assert_int_equal(backpays, 1);
	(void)a;

	/* rebuilt: still one 补发 */
	r = build(x, "2027-01");
	assert_int_equal(r.lines[JZ_ROLL_BACKPAY], 1);
	/* once January is locked, February owes nothing more */
	lock(&x->jb, "2027-01");
	set_day("2027-01-20");
	r = build(x, "2027-02");
	assert_int_equal(r.lines[JZ_ROLL_BACKPAY], 0);
	assert_int_equal(r.lines[JZ_ROLL_MONTHLY], 2);
	/* and a month that never had a roll gives no 补发 */
	assert_int_equal(total(x, "2027-02", "低保"), STD_CITY + 3 * STD_RURAL);
}

/* A death recorded in February, dated in December: the locked January and
 * February payments are recovered in March as 扣回, once. */
static void test_recover_after_death(void **state)
{
	struct fx *x = *state;
	jz_person lf, ds;
	jz_err e;
	jz_rowid ha = single(x, "刘芳", ID_LF, NULL, &lf);
	jz_rowid hd = single(x, "王大山", ID_DS, "6228480000000000052", &ds);
	jz_rowid a = approved_case(x, ha, "低保", NULL, NULL, 0, "2026-11-02");
	jz_rowid d = approved_case(x, hd, "低保", NULL, NULL, 0, "2026-11-02");
	static const char *const months[][2] = {
		{"2026-11-25", "2026-12"}, {"2026-12-25", "2027-01"}, {"2027-01-25", "2027-02"}};
	for (int i = 0; i < 3; i++) {
		set_day(months[i][0]);
		assert_int_equal(build(x, months[i][1]).lines[JZ_ROLL_MONTHLY], 2);
		lock(&x->sh, months[i][1]);
	}
	set_day("2027-02-10");
	jz_err_clear(&e);
	int rc = jz_case_exit(&x->jb, a, "死亡", "2026-12-15", "死亡证明 2 月才送到", &e);
	if (rc)
		print_error("jz_case_exit: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_string_equal(get_case(x, a).end_month, "2026-12");

	set_day("2027-02-20");
	struct jz_roll_result r = build(x, "2027-03");
	assert_int_equal(r.lines[JZ_ROLL_RECOVER], 2);
	assert_int_equal(r.fen[JZ_ROLL_RECOVER], -2 * STD_CITY);
	assert_int_equal(r.lines[JZ_ROLL_MONTHLY], 1); /* 王大山 only */
	assert_int_equal(total(x, "2027-03", "低保"), STD_CITY - 2 * STD_CITY);
	struct seen s = lines_of(x, "2027-03");
	int rec = 0;
	for (int i = 0; i < s.n; i++)
		if (!strcmp(s.v[i].kind, "扣回")) {
			assert_int_equal(s.v[i].case_id, a);
			assert_int_equal(s.v[i].amount_fen, -STD_CITY);
			assert_string_equal(s.v[i].name, "刘芳");
			assert_string_equal(s.v[i].for_month, rec ? "2027-02" : "2027-01");
			rec++;
		}
	assert_int_equal(rec, 2);
	/* the December payment stands: December is the month of the death */
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM roll_line WHERE kind = '扣回' AND for_month = '2026-12'"), 0);

	/* the export lists her as owing, not in the bank file */
	char dir[64];
	struct jz_roll_export xp;
	tu_tmpdir(dir, sizeof dir);
	jz_err_clear(&e);
	rc = jz_roll_export(x->db, "2027-03", dir, 1, &xp, &e);
	if (rc)
		print_error("jz_roll_export: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(xp.nbank, 1);
	assert_int_equal(xp.bank[0].rows, 1);
	assert_int_equal(xp.bank[0].fen, STD_CITY);
	assert_int_equal(xp.bank[0].nowing, 1);
	assert_int_equal(xp.bank[0].owing_fen, -2 * STD_CITY);
	assert_string_equal(xp.bank[0].owing[0].name, "刘芳");
	assert_int_equal(xp.total_fen, -STD_CITY);
	jz_roll_export_free(&xp);
	tu_rmdir(dir);

	/* locked in March: April recovers nothing again */
	lock(&x->jb, "2027-03");
	set_day("2027-03-20");
	r = build(x, "2027-04");
	assert_int_equal(r.lines[JZ_ROLL_RECOVER], 0);
	assert_int_equal(r.total_lines, 1);

	/* a payee whose death reached the file without the case being ended
	 * (an imported list): a single-person case is not paid, with a warning */
	tu_exec(x->db, "UPDATE person SET deceased_on = '2027-03-05' WHERE name = '王大山'");
	set_day("2027-04-20");
	r = build(x, "2027-05");
	assert_int_equal(r.total_lines, 0);
	assert_true(warned(&r.warn, "王大山"));
	r = build(x, "2027-04"); /* died in March: April is not paid either */
	assert_int_equal(r.total_lines, 0);
	(void)d;
}

/* 渐退 for 3 months from December: paid to March, not after, whether or
 * not the housekeeping has ended the case yet. */
static void test_grace_ends(void **state)
{
	struct fx *x = *state;
	jz_person fam[3];
	jz_err e;
	jz_rowid h = family3(x, fam);
	jz_rowid c = approved_case(x, h, "低保", NULL, NULL, 0, "2026-11-02");
	jz_err_clear(&e);
	assert_int_equal(jz_store_setting_put(x->db, "case.grace_rural", "*", "1900-01-01", "1", NULL, &e), 0);
	set_day("2026-12-10");
	struct jz_review rv = {.result = "渐退", .reason = "收入超标", .grace_months = 3};
	int rc = jz_case_review(&x->jb, c, &rv, &e);
	if (rc)
		print_error("jz_case_review: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_string_equal(get_case(x, c).grace_until, "2027-03");

	set_day("2026-12-20");
	assert_int_equal(build(x, "2027-01").total_lines, 1);
	set_day("2027-03-25");
	assert_int_equal(build(x, "2027-03").total_fen, 3 * STD_RURAL);
	/* built in advance in March: the case is still 渐退 but not in force */
	assert_int_equal(build(x, "2027-04").total_lines, 0);
	assert_string_equal(get_case(x, c).state, "渐退");
	/* in April the housekeeping ends it */
	set_day("2027-04-02");
	assert_int_equal(build(x, "2027-04").total_lines, 0);
	jz_case k = get_case(x, c);
	assert_string_equal(k.state, "退出");
	assert_string_equal(k.end_month, "2027-03");
	assert_int_equal(build(x, "2027-03").total_lines, 1); /* March still paid */
}

/* A new 城市 standard from 2027-01-01: the case approved in November keeps
 * its amount (fixed at approval), the one approved in December gets the new
 * standard; December's roll is untouched. */
static void test_standard_change(void **state)
{
	struct fx *x = *state;
	jz_person lf, ds;
	jz_rowid ha = single(x, "刘芳", ID_LF, NULL, &lf);
	jz_rowid hb = single(x, "王大山", ID_DS, "6228480000000000052", &ds);
	standard(x, "dibao.standard_fen", "城市", "2027-01-01", "80000");
	jz_rowid a = approved_case(x, ha, "低保", NULL, NULL, 0, "2026-11-02");
	jz_rowid b = approved_case(x, hb, "低保", NULL, NULL, 0, "2026-11-25");
	assert_string_equal(get_case(x, b).start_month, "2027-01");
	assert_int_equal(amount_in(x, a, "2027-01"), STD_CITY);
	assert_int_equal(amount_in(x, b, "2027-01"), 80000);

	set_day("2026-12-20");
	assert_int_equal(build(x, "2026-12").total_fen, STD_CITY);
	assert_int_equal(build(x, "2027-01").total_fen, STD_CITY + 80000);
	assert_int_equal(total(x, "2027-01", "低保"), 155000);
	assert_int_equal(total(x, "2026-12", "低保"), STD_CITY);
}

/* 价格临时补贴 per person to 低保, a 慰问金 per household in 东山村, a
 * relocation grant to an ID list. */
static void test_onetime(void **state)
{
	struct fx *x = *state;
	jz_person fam[3], kid[2], lf;
	jz_err e;
	jz_rowid h3 = family3(x, fam), h1 = single(x, "刘芳", ID_LF, NULL, &lf), h2 = orphan_home(x, kid);
	approved_case(x, h1, "低保", NULL, NULL, 0, "2026-11-02");
	approved_case(x, h3, "低保", NULL, NULL, 0, "2026-11-02");
	approved_case(x, h2, "孤儿", "社会散居", &kid[1].id, 1, "2026-11-02");
	set_day("2026-11-20");

	/* per person, to the persons covered by 低保 in December: 1 + 3 */
	struct jz_onetime_spec sp = {.name = "价格临时补贴", .amount_fen = 10000, .per = "人",
		.month = "2026-12", .programme = "低保"};
	struct jz_onetime_result r;
	jz_err_clear(&e);
	int rc = jz_onetime_new(&x->jb, &sp, &r, &e);
	if (rc)
		print_error("jz_onetime_new: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(r.persons, 4);
	assert_int_equal(r.households, 2);
	assert_int_equal(r.lines, 4);
	assert_int_equal(r.total_fen, 40000);
	assert_int_equal(total(x, "2026-12", "价格临时补贴"), 40000);
	assert_int_equal(total(x, "2026-12", "低保"), 0);
	/* the roll exists but is not built: it cannot be locked yet */
	assert_int_equal(jz_roll_lock(&x->jb, "2026-12", &e), -1);
	tu_assert_msg(&e, "还没有生成");

	/* the same name twice in a month, a programme's name, no selection */
	jz_err_clear(&e);
	assert_int_equal(jz_onetime_new(&x->jb, &sp, NULL, &e), -1);
	tu_assert_msg(&e, "不能重复");
	struct jz_onetime_spec bad = sp;
	bad.name = "低保";
	assert_int_equal(jz_onetime_new(&x->jb, &bad, NULL, &e), -1);
	tu_assert_msg(&e, "救助项目");
	bad = sp;
	bad.name = "冬季取暖补贴";
	bad.programme = NULL;
	assert_int_equal(jz_onetime_new(&x->jb, &bad, NULL, &e), -1);
	tu_assert_msg(&e, "发给谁");
	bad.programme = "低保";
	assert_int_equal(jz_onetime_new(&x->sp, &bad, NULL, &e), -1); /* 审批 only */
	tu_assert_msg(&e, "经办");
	bad.per = "家";
	assert_int_equal(jz_onetime_new(&x->jb, &bad, NULL, &e), -1);
	tu_assert_msg(&e, "--per");

	/* per household, everyone in force in 东山村: the family and the
	 * orphan's household, each paid to its head */
	struct jz_onetime_spec hh = {.name = "春节慰问金", .amount_fen = 50000, .per = "户",
		.month = "2026-12", .village = "东山村"};
	jz_err_clear(&e);
	assert_int_equal(jz_onetime_new(&x->jb, &hh, &r, &e), 0);
	assert_int_equal(r.households, 2);
	assert_int_equal(r.lines, 2);
	assert_int_equal(r.total_fen, 100000);
	struct seen s = lines_of(x, "2026-12");
	int heads = 0;
	for (int i = 0; i < s.n; i++)
		if (!strcmp(s.v[i].programme, "春节慰问金")) {
			assert_string_equal(s.v[i].kind, "一次性");
			assert_true(!strcmp(s.v[i].name, "王建国") || !strcmp(s.v[i].name, "张国栋"));
			heads++;
		}
	assert_int_equal(heads, 2);

	/* the month's draft keeps its one-off lines when built */
	struct jz_roll_result b = build(x, "2026-12");
	assert_int_equal(b.lines[JZ_ROLL_ONETIME], 6);
	assert_int_equal(b.lines[JZ_ROLL_MONTHLY], 3);
	assert_int_equal(total(x, "2026-12", "低保"), STD_CITY + 3 * STD_RURAL);
	assert_int_equal(total(x, "2026-12", NULL), STD_CITY + 3 * STD_RURAL + ORPHAN + 40000 + 100000);

	/* an ID list: a header, blank lines, a repeat; a dead person left out */
	char list[256], ids[8][19];
	char a1[19], a2[19], a3[19];
	snprintf(list, sizeof list, "\xEF\xBB\xBF身份证号\r\n%s\r\n\r\n %s \r\n%s\r\n%s,张小明\n",
		 tu_id(ID_LF, a1), tu_id(ID_GD, a2), a1, tu_id(ID_XM, a3));
	int n = jz_roll_parse_ids(list, strlen(list), ids, 8, &e);
	assert_int_equal(n, 3);
	assert_string_equal(ids[0], a1);
	assert_string_equal(ids[2], a3);
	assert_int_equal(jz_person_died(x->admin, kid[1].id, "2026-11-18", "死亡", &e), 0);
	struct jz_onetime_spec rl = {.name = "易地扶贫搬迁补助", .amount_fen = 150000, .per = "人",
		.month = "2026-12", .ids = (const char (*)[19])ids, .nids = n, .ids_source = "搬迁名单.txt"};
	jz_err_clear(&e);
	assert_int_equal(jz_onetime_new(&x->jb, &rl, &r, &e), 0);
	assert_int_equal(r.lines, 2); /* 刘芳 and 张国栋 (not covered: a list may name anyone) */
	assert_int_equal(r.total_fen, 300000);
	assert_true(warned(&r.warn, "张小明"));

	/* an ID not in the township refuses the list */
	char bad_ids[2][19];
	memcpy(bad_ids[0], a1, 19);
	tu_id(ID_NO, bad_ids[1]);
	struct jz_onetime_spec rl2 = rl;
	rl2.name = "另一笔补助";
	rl2.ids = (const char (*)[19])bad_ids;
	rl2.nids = 2;
	jz_err_clear(&e);
	assert_int_equal(jz_onetime_new(&x->jb, &rl2, NULL, &e), -1);
	tu_assert_msg(&e, bad_ids[1]);

	/* a bad line in a list is named */
	jz_err_clear(&e);
	assert_int_equal(jz_roll_parse_ids("11010519491231002X\n12345\n", 25, ids, 8, &e), -1);
	tu_assert_msg(&e, "第 2 行");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'roll.onetime'"), 3);
}

/* The files: a workbook per village, the bank files in GBK with a 合计
 * row, and who lacks a bank account. */
static void test_export(void **state)
{
	struct fx *x = *state;
	jz_person fam[3], kid[2], lf;
	jz_err e;
	jz_rowid h3 = family3(x, fam), h1 = single(x, "刘芳", ID_LF, NULL, &lf), h2 = orphan_home(x, kid);
	approved_case(x, h1, "低保", NULL, NULL, 0, "2026-11-02");
	approved_case(x, h3, "低保", NULL, NULL, 0, "2026-11-02");
	approved_case(x, h2, "孤儿", "社会散居", &kid[1].id, 1, "2026-11-02");
	set_day("2026-11-25");
	char dir[64], path[400];
	struct jz_roll_export xp;
	tu_tmpdir(dir, sizeof dir);
	jz_err_clear(&e);
	assert_int_equal(jz_roll_export(x->db, "2026-12", dir, 0, &xp, &e), -1);
	tu_assert_msg(&e, "还没有生成");
	build(x, "2026-12");
	struct jz_onetime_spec sp = {.name = "价格临时补贴", .amount_fen = 10000, .per = "人",
		.month = "2026-12", .programme = "低保"};
	assert_int_equal(jz_onetime_new(&x->jb, &sp, NULL, &e), 0);

	jz_err_clear(&e);
	int rc = jz_roll_export(x->db, "2026-12", dir, 0, &xp, &e);
	if (rc)
		print_error("jz_roll_export: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(xp.nworkbooks, 2);
	assert_int_equal(xp.total_fen, total(x, "2026-12", NULL));
	assert_string_equal(xp.workbooks[0], "2026-12_东山村_发放花名册.xlsx");
	assert_string_equal(xp.workbooks[1], "2026-12_城南社区_发放花名册.xlsx");
	for (int i = 0; i < 2; i++) {
		size_t len = 0;
		tu_path(path, sizeof path, dir, xp.workbooks[i]);
		char *b = tu_slurp(path, &len);
		assert_non_null(b);
		assert_true(len > 1000 && !memcmp(b, "PK", 2));
		free(b);
	}
	assert_int_equal(xp.nbank, 2);
	const struct jz_bank_file *m = &xp.bank[0];
	assert_string_equal(m->file, "2026-12_银行代发.csv");
	/* 王建国 and 张小明 have accounts; 刘芳 has none */
	assert_int_equal(m->rows, 2);
	assert_int_equal(m->fen, 3 * STD_RURAL + ORPHAN);
	assert_int_equal(m->nmissing, 1);
	assert_string_equal(m->missing[0].name, "刘芳");
	assert_int_equal(m->missing_fen, STD_CITY);
	assert_string_equal(xp.bank[1].file, "2026-12_价格临时补贴_银行代发.csv");
	assert_int_equal(xp.bank[1].rows, 2); /* 王建国, 李秀兰 (王老汉 and 刘芳 have none) */
	assert_int_equal(xp.bank[1].nmissing, 2);

	/* GBK, CRLF, header, one row a person, 合计 */
	size_t len = 0, ulen = 0;
	tu_path(path, sizeof path, dir, m->file);
	char *raw = tu_slurp(path, &len);
	assert_non_null(raw);
	assert_false(jz_utf8_valid(raw, len)); /* GBK, not UTF-8 */
	char *u = jz_iconv("UTF-8", "GBK", raw, len, &ulen, &e);
	assert_non_null(u);
	assert_true(!strncmp(u, "姓名,身份证号,银行账号,金额\r\n", strlen("姓名,身份证号,银行账号,金额\r\n")));
	assert_non_null(strstr(u, "王建国,50015419800101001"));
	assert_non_null(strstr(u, ",6228480000000000011,1830.00\r\n"));
	assert_non_null(strstr(u, "\r\n合计,,,2880.00\r\n"));
	assert_null(strstr(u, "刘芳"));
	free(u);
	free(raw);
	jz_roll_export_free(&xp);

	/* --utf8 */
	assert_int_equal(jz_roll_export(x->db, "2026-12", dir, 1, &xp, &e), 0);
	raw = tu_slurp(path, &len);
	assert_non_null(raw);
	assert_true(jz_utf8_valid(raw, len));
	assert_true(len > 4 && !memcmp(raw + len - strlen("合计,,,2880.00\r\n"), "合计,,,2880.00\r\n",
				       strlen("合计,,,2880.00\r\n")));
	free(raw);
	jz_roll_export_free(&xp);

	/* a folder that does not exist */
	jz_err_clear(&e);
	assert_int_equal(jz_roll_export(x->db, "2026-12", "/nonexistent/jz", 0, &xp, &e), -1);
	tu_assert_msg(&e, "/nonexistent/jz");
	tu_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_total_is_sum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_immutable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backpay_late_approval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recover_after_death, setup, teardown),
		cmocka_unit_test_setup_teardown(test_grace_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(test_standard_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_onetime, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
