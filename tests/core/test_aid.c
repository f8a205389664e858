/* test_aid.c — 临时救助 through the core (core/aid*.c, core/workdays.c,
 * store/aid_store.c): working days from the holiday calendar (休 on a
 * weekday, 班 on a Saturday); the 支出型 workflow with one role per step and
 * the separation of duties (the acceptor never approves); 先行救助 paid at
 * once out of the reserve fund with its paperwork due 5 working days later,
 * refused as a whole when the fund cannot pay; overdue paperwork as an
 * urgent due when the day moves on; the township limit (no money without
 * the county's document) and the usual maximum (no approval without 一事一议);
 * staged payments; conversion to 低保/特困 (refused for a non-local person);
 * a non-local person; 跟进救助, 个案会商, 转介; the month's figures; the
 * receipt. Settings as seeded: township limit 2000.00, usual maximum
 * 10000.00, paperwork 5 working days. The clock is always fixed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/aid.h"
#include "core/case.h"
#include "core/fund.h"
#include "core/household.h"
#include "core/settings.h"
#include "core/workdays.h"
#include "store/event.h"
#include "store/people.h"

#define PW "pw-secret"

#define ID_JG "50015419800101001" /* 王建国, 户主 of a rural family of 2 */
#define ID_XL "50015419820304002" /* 李秀兰, 配偶 */
#define ID_DS "50015419700808005" /* 王大山, alone */
#define ID_WL "41162219850615003" /* 吴立, from 河南省周口市, not of the township */
#define ID_ZM "41162219900101004" /* 赵敏, from elsewhere too */

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session *admin;
	jz_session jb, sh, sp; /* 经办, 审核, 审批: one role each */
	jz_rowid fam, alone;   /* households */
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

static jz_person mk(const char *name, const char *first17, const char *relation)
{
	jz_person p;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", name);
	tu_id(first17, p.id_number);
	snprintf(p.relation, sizeof p.relation, "%s", relation);
	return p;
}

static jz_rowid household(struct fx *x, jz_person *p, int n)
{
	jz_household h;
	jz_err e;
	memset(&h, 0, sizeof h);
	h.village_id = x->t->cun.id;
	jz_err_clear(&e);
	int rc = jz_household_create(x->admin, &h, &p[0], "登记", &e);
	if (rc)
		print_error("jz_household_create: %s\n", e.msg);
	assert_int_equal(rc, 0);
	for (int i = 1; i < n; i++)
		assert_int_equal(jz_member_add(x->admin, h.id, &p[i], "登记", &e), 0);
	return h.id;
}

static const char *idn(const char *first17)
{
	static char buf[8][19];
	static int k;
	k = (k + 1) % 8;
	return tu_id(first17, buf[k]);
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
	jz_person fam[2] = {mk("王建国", ID_JG, "户主"), mk("李秀兰", ID_XL, "配偶")};
	x->fam = household(x, fam, 2);
	jz_person alone = mk("王大山", ID_DS, "户主");
	x->alone = household(x, &alone, 1);
	/* 50,000.00 from the county, early in the year so any day can pay. */
	jz_err_clear(&e);
	int rc = jz_fund_allocate(x->admin, 5000000, "县民发〔2026〕1号", "2026-01-05", &e);
	if (rc)
		print_error("jz_fund_allocate: %s\n", e.msg);
	assert_int_equal(rc, 0);
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

/* ---- helpers ---- */

static jz_aid load(struct fx *x, jz_rowid id)
{
	jz_aid a;
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_aid_get(x->db, id, &a, &e), 0);
	return a;
}

static jz_rowid new_aid(struct fx *x, jz_session *s, const char *first17, const char *kind, const char *cause,
			long long fen, int advance)
{
	struct jz_aid_new in = {.id_number = idn(first17), .kind = kind, .cause = cause, .need = "家中失火，衣被全毁",
				.asked_fen = fen, .persons = 2, .advance = advance};
	jz_aid a;
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_aid_new(s, &in, &a, &e);
	if (rc)
		print_error("jz_aid_new: %s\n", e.msg);
	assert_int_equal(rc, 0);
	return a.id;
}

static void step_ok(jz_session *s, jz_rowid id, const struct jz_aid_step *st)
{
	static const struct jz_aid_step plain = {0};
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_aid_step(s, id, st ? st : &plain, &e);
	if (rc)
		print_error("jz_aid_step: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

/* 入户调查, 乡镇审核, 审批 by jingban, shenhe, shenpi; st for the approval. */
static void through(struct fx *x, jz_rowid id, const struct jz_aid_step *st)
{
	struct jz_aid_step inv = {.note = "入户核实属实"};
	step_ok(&x->jb, id, &inv);
	step_ok(&x->sh, id, NULL);
	step_ok(&x->sp, id, st);
}

static void pay_ok(jz_session *s, jz_rowid id, long long fen, const char *method)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_aid_pay(s, id, fen, method, NULL, NULL, &e);
	if (rc)
		print_error("jz_aid_pay: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static long long balance(struct fx *x)
{
	long long fen = -1;
	jz_err e;
	assert_int_equal(jz_fund_balance(x->db, NULL, &fen, &e), 0);
	return fen;
}

static long long q(struct fx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static long long q(struct fx *x, const char *fmt, ...)
{
	char sql[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	return tu_count(x->db, sql);
}

static int find_due(const struct jz_aid_due *d, int n, const char *kind, jz_rowid id)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(d[i].kind, kind) && d[i].aid_case_id == id)
			return i;
	return -1;
}

static void holiday(struct fx *x, const char *day, const char *kind)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_holiday_set(&x->jb, day, kind, "国庆", &e);
	if (rc)
		print_error("jz_holiday_set: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

/* ---- working days ---- */

static void test_workdays(void **state)
{
	struct fx *x = *state;
	char out[11];
	jz_err e;
	/* 2026-09-25 is a Friday. */
	assert_int_equal(jz_weekday("2026-09-25"), 4);
	assert_int_equal(jz_weekday("1969-12-29"), 0);
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", 0, out, &e), 0);
	assert_string_equal(out, "2026-09-25");
	/* Plain calendar: Mon 28 Tue 29 Wed 30 Thu 1 Fri 2. */
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", 5, out, &e), 0);
	assert_string_equal(out, "2026-10-02");
	/* 休 on Thursday 1st and Friday 2nd: Mon Tue Wed, Mon 5, Tue 6. */
	holiday(x, "2026-10-01", "休");
	holiday(x, "2026-10-02", "休");
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", 5, out, &e), 0);
	assert_string_equal(out, "2026-10-06");
	/* and 班 on Saturday 26th: Sat 26, Mon 28, Tue 29, Wed 30, Mon 5. */
	holiday(x, "2026-09-26", "班");
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", 5, out, &e), 0);
	assert_string_equal(out, "2026-10-05");
	assert_int_equal(jz_workday(x->db, "2026-09-26", &e), 1);
	assert_int_equal(jz_workday(x->db, "2026-09-27", &e), 0);
	assert_int_equal(jz_workday(x->db, "2026-10-01", &e), 0);
	assert_int_equal(jz_workday(x->db, "2026-09-28", &e), 1);
	/* Wrong entries are refused with the reason. */
	assert_int_equal(jz_holiday_set(&x->jb, "2026-09-27", "休", NULL, &e), -1);
	tu_assert_msg(&e, "本来就休息");
	assert_int_equal(jz_holiday_set(&x->jb, "2026-09-29", "班", NULL, &e), -1);
	tu_assert_msg(&e, "本来就上班");
	assert_int_equal(jz_holiday_set(&x->jb, "2026-02-30", "休", NULL, &e), -1);
	tu_assert_msg(&e, "YYYY-MM-DD");
	assert_int_equal(jz_holiday_set(&x->jb, "2026-09-29", "假", NULL, &e), -1);
	tu_assert_msg(&e, "类别");
	assert_int_equal(jz_holiday_set(&x->sh, "2026-09-29", "休", NULL, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", -1, out, &e), -1);
	/* The list, and removing a day. */
	struct jz_holiday h[8];
	assert_int_equal(jz_holiday_list(x->db, "2026-09-01", "2026-09-30", h, 8, &e), 1);
	assert_string_equal(h[0].day, "2026-09-26");
	assert_string_equal(h[0].kind, "班");
	assert_int_equal(jz_holiday_list(x->db, NULL, NULL, h, 8, &e), 3);
	assert_int_equal(jz_holiday_remove(&x->jb, "2026-09-26", &e), 0);
	assert_int_equal(jz_holiday_remove(&x->jb, "2026-09-26", &e), -1);
	assert_int_equal(jz_workdays_add(x->db, "2026-09-25", 5, out, &e), 0);
	assert_string_equal(out, "2026-10-06");
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE entity = 'holiday'"), 4);
}

/* ---- 支出型: the workflow and its roles ---- */

static void test_workflow(void **state)
{
	struct fx *x = *state;
	jz_err e;
	struct jz_aid_step plain = {0};
	/* Only an 经办 accepts. */
	struct jz_aid_new in = {.id_number = idn(ID_JG), .kind = "支出", .cause = "重病", .asked_fen = 80000};
	assert_int_equal(jz_aid_new(&x->sh, &in, NULL, &e), -1);
	tu_assert_msg(&e, "经办");
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "支出", "重病", 80000, 0);
	jz_aid a = load(x, id);
	assert_string_equal(a.number, "LS2026-0001");
	assert_string_equal(a.state, "受理");
	assert_string_equal(a.accepted_by, "jingban");
	assert_int_equal(a.household_id, x->fam);
	assert_int_equal(a.non_local, 0);
	assert_int_equal(a.advance, 0);
	assert_string_equal(a.paperwork_due, "");
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment"), 0);
	/* Each step its role; a refused step changes nothing. */
	long long ev = jz_event_count(x->db);
	assert_int_equal(jz_aid_step(&x->sh, id, &plain, &e), -1);
	tu_assert_msg(&e, "「入户调查」要由有「经办」角色");
	assert_int_equal(jz_event_count(x->db), ev);
	struct jz_aid_step inv = {.note = "住院发票 3 万元，属实"};
	step_ok(&x->jb, id, &inv);
	a = load(x, id);
	assert_string_equal(a.state, "调查");
	assert_string_equal(a.findings, "住院发票 3 万元，属实");
	assert_string_equal(a.investigated_on, TU_TODAY);
	assert_int_equal(jz_aid_step(&x->jb, id, &plain, &e), -1);
	tu_assert_msg(&e, "审核");
	step_ok(&x->sh, id, NULL);
	a = load(x, id);
	assert_string_equal(a.state, "审核");
	assert_string_equal(a.reviewed_by, "shenhe");
	/* No money before approval. */
	assert_int_equal(jz_aid_pay(&x->jb, id, 0, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "还没有审批");
	assert_int_equal(jz_aid_step(&x->sh, id, &plain, &e), -1);
	tu_assert_msg(&e, "「审批」要由有「审批」角色");
	/* The approver sets the amount. */
	struct jz_aid_step ap = {.amount_fen = 60000};
	step_ok(&x->sp, id, &ap);
	a = load(x, id);
	assert_string_equal(a.state, "已审批");
	assert_string_equal(a.approved_by, "shenpi");
	assert_int_equal(a.approved_fen, 60000);
	assert_int_equal(jz_aid_step(&x->sp, id, &plain, &e), -1);
	tu_assert_msg(&e, "没有下一步");
	/* Paid by the 经办, never above the approval. */
	assert_int_equal(jz_aid_pay(&x->sh, id, 0, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_aid_pay(&x->jb, id, 60001, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "最多还能发 600.00 元");
	assert_int_equal(jz_aid_pay(&x->jb, id, 100, "支票", NULL, NULL, &e), -1);
	tu_assert_msg(&e, "发放方式");
	assert_int_equal(jz_aid_pay(&x->jb, id, 100, NULL, "2026-11-28", NULL, &e), -1);
	tu_assert_msg(&e, "今天之后");
	long long before = balance(x);
	pay_ok(&x->jb, id, 20000, "银行");
	assert_string_equal(load(x, id).state, "已审批");
	pay_ok(&x->jb, id, 0, NULL); /* the rest */
	assert_string_equal(load(x, id).state, "已救助");
	assert_int_equal(balance(x), before - 60000);
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment p JOIN fund_move m ON m.id = p.fund_move_id"
			      " WHERE p.aid_case_id = %lld AND m.aid_case_id = %lld AND m.amount_fen = -p.amount_fen"
			      " AND p.paid_on = '%s'", id, id, TU_TODAY), 2);
	char m[64];
	tu_text(x->db, "SELECT group_concat(method || amount_fen, ',') FROM (SELECT * FROM aid_payment ORDER BY seq)", m,
		sizeof m);
	assert_string_equal(m, "银行20000,现金40000");
	assert_int_equal(jz_aid_pay(&x->jb, id, 0, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "已经全部发放");
	/* Every change has its event. */
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE entity = 'aid_case' AND entity_id = %lld", id), 6);
}

static void test_separation(void **state)
{
	struct fx *x = *state;
	jz_err e;
	/* admin holds every role, yet never approves what he accepted. */
	jz_rowid id = new_aid(x, x->admin, ID_DS, "支出", "就学", 50000, 0);
	step_ok(x->admin, id, NULL);
	step_ok(x->admin, id, NULL);
	long long ev = jz_event_count(x->db);
	struct jz_aid_step ap = {0}, no = {.refuse = 1, .note = "不符合"};
	assert_int_equal(jz_aid_step(x->admin, id, &ap, &e), -1);
	tu_assert_msg(&e, "受理人不能审批");
	assert_int_equal(jz_aid_step(x->admin, id, &no, &e), -1);
	tu_assert_msg(&e, "受理人不能审批");
	assert_int_equal(jz_event_count(x->db), ev);
	assert_string_equal(load(x, id).state, "审核");
	step_ok(&x->sp, id, &ap);
	assert_string_equal(load(x, id).state, "已审批");
	assert_int_equal(load(x, id).approved_fen, 50000);
	/* A refusal needs its reason and ends the case. */
	jz_rowid id2 = new_aid(x, &x->jb, ID_DS, "支出", "其他", 30000, 0);
	struct jz_aid_step bare = {.refuse = 1};
	assert_int_equal(jz_aid_step(&x->jb, id2, &bare, &e), -1);
	tu_assert_msg(&e, "理由");
	struct jz_aid_step why = {.refuse = 1, .note = "家庭有能力自行解决"};
	step_ok(&x->jb, id2, &why);
	jz_aid a = load(x, id2);
	assert_string_equal(a.state, "不予");
	assert_string_equal(a.refused_reason, "家庭有能力自行解决");
	assert_int_equal(jz_aid_step(&x->jb, id2, &ap, &e), -1);
	tu_assert_msg(&e, "已经结束");
	assert_int_equal(jz_aid_pay(&x->jb, id2, 100, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "不能发放");
	/* Unknown cause and kind are refused with the choices. */
	struct jz_aid_new in = {.id_number = idn(ID_DS), .kind = "支出", .cause = "彩票", .asked_fen = 100};
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), -1);
	tu_assert_msg(&e, "火灾");
	in.cause = "火灾";
	in.kind = "急救";
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), -1);
	tu_assert_msg(&e, "救助类型");
	in.kind = "急难";
	in.asked_fen = 0;
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), -1);
	tu_assert_msg(&e, "大于 0");
}

/* ---- 先行救助 ---- */

static void test_advance(void **state)
{
	struct fx *x = *state;
	jz_err e;
	set_day("2026-09-25"); /* a Friday */
	holiday(x, "2026-09-26", "班");
	holiday(x, "2026-10-01", "休");
	holiday(x, "2026-10-02", "休");
	long long before = balance(x);
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "急难", "火灾", 150000, 1);
	jz_aid a = load(x, id);
	assert_int_equal(a.advance, 1);
	assert_string_equal(a.state, "受理");
	/* Sat 26 (班), Mon 28, Tue 29, Wed 30, (Thu 1, Fri 2 休), Mon 5. */
	assert_string_equal(a.paperwork_due, "2026-10-05");
	assert_string_equal(a.paperwork_done_on, "");
	assert_int_equal(balance(x), before - 150000);
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment p JOIN fund_move m ON m.id = p.fund_move_id"
			      " WHERE p.aid_case_id = %lld AND p.paid_on = '2026-09-25' AND p.method = '现金'"
			      " AND m.kind = '支出' AND m.amount_fen = -150000", id), 1);
	/* 先行 is for 急难 (or 疫情), within the township's limit. */
	struct jz_aid_new in = {.id_number = idn(ID_DS), .kind = "支出", .cause = "重病", .asked_fen = 10000,
				.advance = 1};
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), -1);
	tu_assert_msg(&e, "先行救助只用于急难型");
	in.cause = "疫情";
	in.method = "银行";
	jz_aid b;
	assert_int_equal(jz_aid_new(&x->jb, &in, &b, &e), 0);
	assert_int_equal(b.advance, 1);
	assert_string_equal(b.kind, "支出");
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment WHERE aid_case_id = %lld AND method = '银行'", b.id), 1);
	long long n = q(x, "SELECT count(*) FROM aid_case"), ev = jz_event_count(x->db);
	in.kind = "急难";
	in.cause = "火灾";
	in.asked_fen = 200001;
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), -1);
	tu_assert_msg(&e, "超过乡镇审批额度 2000.00 元");
	/* The fund cannot pay: nothing at all is written (not even the person). */
	assert_int_equal(jz_fund_adjust(x->admin, -(balance(x) - 5000), "测试：只留 50 元", NULL, &e), 0);
	ev = jz_event_count(x->db);
	struct jz_aid_new far = {.id_number = idn(ID_ZM), .name = "赵敏", .hukou = "河南省周口市", .kind = "急难",
				 .cause = "交通事故", .asked_fen = 10000, .advance = 1};
	assert_int_equal(jz_aid_new(&x->jb, &far, NULL, &e), -1);
	tu_assert_msg(&e, "余额");
	assert_int_equal(q(x, "SELECT count(*) FROM aid_case"), n);
	assert_int_equal(q(x, "SELECT count(*) FROM person WHERE name = '赵敏'"), 0);
	assert_int_equal(jz_event_count(x->db), ev);
	/* Approval never below what was advanced; equal to it, the case is paid. */
	struct jz_aid_step inv = {.note = "房屋烧毁属实"}, low = {.amount_fen = 100000}, ap = {0};
	step_ok(&x->jb, id, &inv);
	step_ok(&x->sh, id, NULL);
	assert_int_equal(jz_aid_step(&x->sp, id, &low, &e), -1);
	tu_assert_msg(&e, "少于已先行发放的 1500.00 元");
	step_ok(&x->sp, id, &ap);
	a = load(x, id);
	assert_string_equal(a.state, "已救助");
	assert_int_equal(a.approved_fen, 150000);
}

static void test_paperwork_overdue(void **state)
{
	struct fx *x = *state;
	struct jz_aid_due d[32];
	jz_err e;
	set_day("2026-09-25");
	holiday(x, "2026-10-01", "休");
	holiday(x, "2026-10-02", "休");
	jz_rowid id = new_aid(x, &x->jb, ID_DS, "急难", "突发灾害", 100000, 1);
	assert_string_equal(load(x, id).paperwork_due, "2026-10-06");
	/* Due, not urgent, up to the deadline itself. */
	int n = jz_aid_dues(x->db, "2026-10-06", d, 32, &e), k;
	assert_true(n > 0);
	k = find_due(d, n, "补充材料", id);
	assert_true(k >= 0);
	assert_int_equal(d[k].urgent, 0);
	assert_string_equal(d[k].due, "2026-10-06");
	assert_string_equal(d[k].number, "LS2026-0001");
	assert_int_equal(d[k].household_id, x->alone);
	k = find_due(d, n, "待办", id);
	assert_true(k >= 0);
	assert_string_equal(d[k].role, "经办");
	/* The day after: urgent (red). */
	n = jz_aid_dues(x->db, "2026-10-07", d, 32, &e);
	k = find_due(d, n, "补充材料", id);
	assert_true(k >= 0);
	assert_int_equal(d[k].urgent, 1);
	assert_non_null(strstr(d[k].text, "已过期限 2026-10-06"));
	/* The count is right even when out is small. */
	assert_int_equal(jz_aid_dues(x->db, "2026-10-07", d, 0, &e), n);
	/* Paperwork needs the approval first, and a note. */
	set_day("2026-10-07");
	assert_int_equal(jz_aid_paperwork(&x->jb, id, "火灾当晚先行救助", &e), -1);
	tu_assert_msg(&e, "还没补齐");
	through(x, id, NULL);
	assert_int_equal(jz_aid_paperwork(&x->jb, id, "", &e), -1);
	tu_assert_msg(&e, "事后补充说明");
	assert_int_equal(jz_aid_paperwork(&x->jb, id, "当晚失火，村委会报告后先行救助", &e), 0);
	assert_string_equal(load(x, id).paperwork_done_on, "2026-10-07");
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'aid.paperwork' AND reason LIKE '%%逾期%%'"), 1);
	n = jz_aid_dues(x->db, "2026-10-08", d, 32, &e);
	assert_int_equal(find_due(d, n, "补充材料", id), -1);
	assert_int_equal(jz_aid_paperwork(&x->jb, id, "再写一次", &e), -1);
	tu_assert_msg(&e, "已于 2026-10-07 办结");
	/* Not a 先行 case: nothing to add afterwards. */
	jz_rowid plain = new_aid(x, &x->jb, ID_DS, "支出", "就学", 10000, 0);
	assert_int_equal(jz_aid_paperwork(&x->jb, plain, "说明", &e), -1);
	tu_assert_msg(&e, "不是先行救助");
}

/* ---- 分级审批, 一事一议 ---- */

static void test_limits(void **state)
{
	struct fx *x = *state;
	struct jz_aid_due d[32];
	jz_err e;
	/* 5,000.00 is above the township's 2,000.00: approved, but no money
	 * moves before the county's document is recorded. */
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "支出", "重病", 500000, 0);
	through(x, id, NULL);
	jz_aid a = load(x, id);
	assert_string_equal(a.state, "已审批");
	assert_int_equal(a.approved_fen, 500000);
	assert_int_equal(jz_aid_needs_county(x->db, &a, &e), 1);
	long long before = balance(x);
	assert_int_equal(jz_aid_pay(&x->jb, id, 0, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "须县民政局审批后才能发放");
	assert_int_equal(balance(x), before);
	int n = jz_aid_dues(x->db, TU_TODAY, d, 32, &e);
	assert_true(find_due(d, n, "待县审批", id) >= 0);
	assert_int_equal(find_due(d, n, "待发放", id), -1);
	/* The county's decision, then the money. */
	struct jz_aid_step nodoc = {0}, bad = {.county_doc = "开州民审〔2026〕9号", .county_date = "2026-12-01"};
	assert_int_equal(jz_aid_step(&x->jb, id, &nodoc, &e), -1);
	tu_assert_msg(&e, "--doc");
	assert_int_equal(jz_aid_step(&x->jb, id, &bad, &e), -1);
	tu_assert_msg(&e, "今天之后");
	struct jz_aid_step doc = {.county_doc = "开州民审〔2026〕9号", .county_date = "2026-11-26"};
	step_ok(&x->jb, id, &doc);
	a = load(x, id);
	assert_string_equal(a.county_doc, "开州民审〔2026〕9号");
	assert_string_equal(a.county_date, "2026-11-26");
	n = jz_aid_dues(x->db, TU_TODAY, d, 32, &e);
	assert_int_equal(find_due(d, n, "待县审批", id), -1);
	assert_true(find_due(d, n, "待发放", id) >= 0);
	pay_ok(&x->jb, id, 0, NULL);
	assert_string_equal(load(x, id).state, "已救助");
	assert_int_equal(balance(x), before - 500000);
	/* Exactly the limit needs no county. */
	jz_rowid at = new_aid(x, &x->jb, ID_DS, "支出", "其他", 200000, 0);
	through(x, at, NULL);
	pay_ok(&x->jb, at, 0, NULL);
	/* 12,000.00 is above the usual 10,000.00: no approval without 一事一议. */
	jz_rowid big = new_aid(x, &x->jb, ID_JG, "支出", "重病", 1200000, 0);
	struct jz_aid_step inv = {.note = "重病住院"};
	step_ok(&x->jb, big, &inv);
	step_ok(&x->sh, big, NULL);
	struct jz_aid_step ap = {.county_doc = "开州民审〔2026〕10号", .county_date = "2026-11-27"};
	long long ev = jz_event_count(x->db);
	assert_int_equal(jz_aid_step(&x->sp, big, &ap, &e), -1);
	tu_assert_msg(&e, "一事一议");
	ap.yishi_date = "2026-11-25";
	ap.yishi_participants = "民政、医保、财政、乡镇";
	assert_int_equal(jz_aid_step(&x->sp, big, &ap, &e), -1); /* the reason too */
	tu_assert_msg(&e, "理由");
	assert_int_equal(jz_event_count(x->db), ev);
	assert_string_equal(load(x, big).state, "审核");
	ap.yishi_reason = "重特大疾病，医保报销后自付仍超过 10 万元";
	step_ok(&x->sp, big, &ap);
	a = load(x, big);
	assert_string_equal(a.state, "已审批");
	assert_string_equal(a.yishi_date, "2026-11-25");
	assert_string_equal(a.yishi_participants, "民政、医保、财政、乡镇");
	assert_string_equal(a.county_doc, "开州民审〔2026〕10号");
	pay_ok(&x->jb, big, 0, "银行");
	assert_string_equal(load(x, big).state, "已救助");
	/* An approval may lower the amount, below the maximum, without 一事一议. */
	jz_rowid lower = new_aid(x, &x->jb, ID_DS, "支出", "重病", 1500000, 0);
	struct jz_aid_step inv2 = {.note = "核实"}, ap2 = {.amount_fen = 150000};
	step_ok(&x->jb, lower, &inv2);
	step_ok(&x->sh, lower, NULL);
	step_ok(&x->sp, lower, &ap2);
	assert_int_equal(jz_aid_needs_county(x->db, &(jz_aid){0}, &e), 0);
	a = load(x, lower);
	assert_int_equal(jz_aid_needs_county(x->db, &a, &e), 0);
	pay_ok(&x->jb, lower, 0, NULL);
	/* The county may refuse, recorded with its reason. */
	jz_rowid no = new_aid(x, &x->jb, ID_DS, "支出", "其他", 300000, 0);
	through(x, no, NULL);
	struct jz_aid_step refused = {.refuse = 1, .note = "县民政局不予批准"};
	step_ok(&x->jb, no, &refused);
	assert_string_equal(load(x, no).state, "不予");
}

/* ---- 一次审批、分阶段救助 ---- */

static void test_staged(void **state)
{
	struct fx *x = *state;
	struct jz_aid_due d[32];
	jz_err e;
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "支出", "就学", 180000, 0);
	/* Not before approval. */
	struct jz_aid_stage st[3] = {{"2026-11-27", 60000}, {"2026-12-27", 60000}, {"2027-01-27", 60000}};
	assert_int_equal(jz_aid_schedule(&x->jb, id, st, 3, &e), -1);
	tu_assert_msg(&e, "已审批");
	through(x, id, NULL);
	/* Above the approval, out of order, before approval: refused. */
	st[2].fen = 60001;
	assert_int_equal(jz_aid_schedule(&x->jb, id, st, 3, &e), -1);
	tu_assert_msg(&e, "超过审批金额 1800.00 元");
	st[2].fen = 60000;
	struct jz_aid_stage bad[2] = {{"2026-12-27", 1000}, {"2026-12-01", 1000}};
	assert_int_equal(jz_aid_schedule(&x->jb, id, bad, 2, &e), -1);
	tu_assert_msg(&e, "先后");
	struct jz_aid_stage early[1] = {{"2026-11-01", 1000}};
	assert_int_equal(jz_aid_schedule(&x->jb, id, early, 1, &e), -1);
	tu_assert_msg(&e, "审批日期");
	assert_int_equal(jz_aid_schedule(&x->sh, id, st, 3, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_aid_schedule(&x->jb, id, st, 3, &e), 0);
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment WHERE aid_case_id = %lld AND paid_on = ''", id), 3);
	/* Stage 1 today: the amount is the stage's. */
	assert_int_equal(jz_aid_pay(&x->jb, id, 50000, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "第 1 期应发 600.00 元");
	struct jz_aid_payment p;
	assert_int_equal(jz_aid_pay(&x->jb, id, 0, "银行", NULL, &p, &e), 0);
	assert_int_equal(p.seq, 1);
	assert_int_equal(p.amount_fen, 60000);
	assert_true(p.fund_move_id > 0);
	assert_string_equal(load(x, id).state, "已审批");
	/* Stage 2 is not due yet. */
	assert_int_equal(jz_aid_pay(&x->jb, id, 0, NULL, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "定于 2026-12-27 发放");
	int n = jz_aid_dues(x->db, "2026-12-26", d, 32, &e);
	assert_int_equal(find_due(d, n, "分期发放", id), -1);
	n = jz_aid_dues(x->db, "2026-12-27", d, 32, &e);
	int k = find_due(d, n, "分期发放", id);
	assert_true(k >= 0);
	assert_int_equal(d[k].urgent, 0);
	n = jz_aid_dues(x->db, "2026-12-29", d, 32, &e);
	k = find_due(d, n, "分期发放", id);
	assert_true(k >= 0);
	assert_int_equal(d[k].urgent, 1);
	set_day("2026-12-29");
	assert_int_equal(jz_aid_pay(&x->jb, id, 60000, NULL, "2026-12-28", &p, &e), 0);
	assert_int_equal(p.seq, 2);
	assert_string_equal(p.paid_on, "2026-12-28");
	/* A new plan replaces the unpaid stage only. */
	struct jz_aid_stage rest[2] = {{"2027-01-10", 30000}, {"2027-02-10", 30000}};
	assert_int_equal(jz_aid_schedule(&x->jb, id, rest, 2, &e), 0);
	char plan[128];
	tu_text(x->db, "SELECT group_concat(seq || ':' || due_on || ':' || amount_fen || ':' || paid_on, ' ')"
		" FROM (SELECT * FROM aid_payment ORDER BY seq)", plan, sizeof plan);
	assert_string_equal(plan, "1:2026-11-27:60000:2026-11-27 2:2026-12-27:60000:2026-12-28 "
				  "3:2027-01-10:30000: 4:2027-02-10:30000:");
	set_day("2027-02-10");
	pay_ok(&x->jb, id, 0, NULL);
	assert_string_equal(load(x, id).state, "已审批");
	pay_ok(&x->jb, id, 0, NULL);
	assert_string_equal(load(x, id).state, "已救助");
	assert_int_equal(q(x, "SELECT count(*) FROM aid_payment WHERE aid_case_id = %lld AND fund_move_id IS NOT NULL", id), 4);
	assert_int_equal(q(x, "SELECT -sum(amount_fen) FROM fund_move WHERE aid_case_id = %lld", id), 180000);
}

/* ---- conversion, non-local persons ---- */

static void test_convert(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_case c;
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "急难", "重病", 100000, 1);
	struct jz_aid_step inv = {.note = "丈夫重病，妻子照料无收入"};
	step_ok(&x->jb, id, &inv);
	assert_int_equal(jz_aid_convert(&x->jb, id, "孤儿", &c, &e), -1);
	tu_assert_msg(&e, "低保");
	assert_int_equal(jz_aid_convert(&x->sh, id, "低保", &c, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_aid_convert(&x->jb, id, "低保", &c, &e), 0);
	assert_int_equal(c.household_id, x->fam);
	assert_string_equal(c.programme, "低保");
	assert_string_equal(c.state, "受理");
	assert_non_null(strstr(c.findings, "由临时救助案件 LS2026-0001 转入"));
	assert_non_null(strstr(c.findings, "家中失火，衣被全毁"));
	assert_non_null(strstr(c.findings, "丈夫重病，妻子照料无收入"));
	jz_case back;
	assert_int_equal(jz_case_get(x->db, c.id, &back, &e), 0);
	assert_string_equal(back.findings, c.findings);
	assert_int_equal(load(x, id).converted_case_id, c.id);
	assert_int_equal(q(x, "SELECT count(*) FROM case_member WHERE case_id = %lld", c.id), 2);
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'case.findings' AND entity_id = %lld"
			      " AND new LIKE '%%家中失火%%'", c.id), 1);
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'aid.convert' AND entity_id = %lld", id), 1);
	assert_int_equal(jz_aid_convert(&x->jb, id, "特困", &c, &e), -1);
	tu_assert_msg(&e, "已经转为低保申请");
	/* 特困 covers the person alone. */
	jz_rowid id2 = new_aid(x, &x->jb, ID_DS, "支出", "其他", 10000, 0);
	assert_int_equal(jz_aid_convert(&x->jb, id2, "特困", &c, &e), 0);
	assert_string_equal(c.programme, "特困");
	assert_int_equal(q(x, "SELECT count(*) FROM case_member m JOIN person p ON p.id = m.person_id"
			      " WHERE m.case_id = %lld AND p.name = '王大山'", c.id), 1);
	/* A non-local person cannot apply here. */
	struct jz_aid_new in = {.id_number = idn(ID_WL), .name = "吴立", .hukou = "河南省周口市", .kind = "急难",
				.cause = "交通事故", .asked_fen = 80000, .advance = 1};
	jz_aid a;
	assert_int_equal(jz_aid_new(&x->jb, &in, &a, &e), 0);
	long long cases = q(x, "SELECT count(*) FROM case_file");
	assert_int_equal(jz_aid_convert(&x->jb, a.id, "低保", &c, &e), -1);
	tu_assert_msg(&e, "不是本乡镇户籍家庭的成员（户籍地：河南省周口市）");
	tu_assert_msg(&e, "户籍所在地");
	assert_int_equal(q(x, "SELECT count(*) FROM case_file"), cases);
	assert_int_equal(load(x, a.id).converted_case_id, 0);
}

static void test_nonlocal(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_aid a;
	struct jz_aid_new in = {.id_number = idn(ID_WL), .kind = "急难", .cause = "交通事故", .asked_fen = 80000,
				.persons = 1, .advance = 1};
	assert_int_equal(jz_aid_new(&x->jb, &in, &a, &e), -1);
	tu_assert_msg(&e, "--name");
	in.name = "吴立";
	assert_int_equal(jz_aid_new(&x->jb, &in, &a, &e), -1); /* where he is from, too */
	tu_assert_msg(&e, "--from");
	in.hukou = "河南省周口市川汇区";
	assert_int_equal(jz_aid_new(&x->jb, &in, &a, &e), 0);
	assert_int_equal(a.non_local, 1);
	assert_int_equal(a.household_id, 0);
	assert_string_equal(a.hukou, "河南省周口市川汇区");
	assert_int_equal(q(x, "SELECT count(*) FROM person WHERE name = '吴立' AND household_id IS NULL"
			      " AND hukou = '河南省周口市川汇区'"), 1);
	assert_int_equal(q(x, "SELECT count(*) FROM aid_case WHERE id = %lld AND household_id IS NULL"
			      " AND non_local = 1", a.id), 1);
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'person.add' AND new LIKE '%%吴立%%'"), 1);
	/* The second time he is known: no name needed, a wrong one refused. */
	struct jz_aid_new again = {.id_number = idn(ID_WL), .kind = "支出", .cause = "重病", .asked_fen = 5000};
	jz_aid b;
	assert_int_equal(jz_aid_new(&x->jb, &again, &b, &e), 0);
	assert_int_equal(b.person_id, a.person_id);
	assert_int_equal(b.non_local, 1);
	assert_string_equal(b.number, "LS2026-0002");
	again.name = "吴力";
	assert_int_equal(jz_aid_new(&x->jb, &again, &b, &e), -1);
	tu_assert_msg(&e, "吴立");
	/* A bad ID is refused by the ID check. */
	struct jz_aid_new bad = {.id_number = "41162219850615009X", .name = "某", .hukou = "外省", .kind = "急难",
				 .cause = "火灾", .asked_fen = 100};
	assert_int_equal(jz_aid_new(&x->jb, &bad, &b, &e), -1);
	/* His 先行 case goes through; the approver is checked only against the
	 * acceptor (he has no household here). */
	through(x, a.id, NULL);
	assert_string_equal(load(x, a.id).state, "已救助");
}

/* ---- 跟进救助, 个案会商, 转介 ---- */

static void test_followup(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_aid f;
	jz_rowid plain = new_aid(x, &x->jb, ID_JG, "支出", "重病", 30000, 0);
	struct jz_aid_new in = {.asked_fen = 50000, .need = "出院后仍需康复"};
	assert_int_equal(jz_aid_followup(&x->jb, plain, &in, &f, &e), -1);
	tu_assert_msg(&e, "还没有发放");
	jz_rowid first = new_aid(x, &x->jb, ID_JG, "急难", "火灾", 100000, 1);
	assert_int_equal(jz_aid_followup(&x->jb, first, &in, &f, &e), 0);
	assert_int_equal(f.followup_of, first);
	assert_string_equal(f.kind, "支出");
	assert_string_equal(f.cause, "火灾");
	assert_int_equal(f.person_id, load(x, first).person_id);
	assert_int_equal(f.advance, 0);
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'aid.followup' AND entity_id = %lld", f.id), 1);
	/* 个案会商 */
	assert_int_equal(jz_aid_meeting(&x->jb, first, "2026-11-28", "民政、医保、教育会商", &e), -1);
	tu_assert_msg(&e, "今天之后");
	assert_int_equal(jz_aid_meeting(&x->jb, first, "2026-11-26", "", &e), -1);
	assert_int_equal(jz_aid_meeting(&x->jb, first, "2026-11-26", "民政、医保、教育会商：医疗救助加临时救助", &e), 0);
	jz_aid a = load(x, first);
	assert_string_equal(a.meeting_date, "2026-11-26");
	assert_string_equal(a.meeting_note, "民政、医保、教育会商：医疗救助加临时救助");
	/* 转介 */
	assert_int_equal(jz_aid_refer(&x->jb, first, "交通", NULL, &e), -1);
	tu_assert_msg(&e, "转介部门");
	assert_int_equal(jz_aid_refer(&x->jb, first, "住房城乡建设", "危房改造", &e), 0);
	assert_int_equal(q(x, "SELECT count(*) FROM event WHERE action = 'aid.refer' AND new LIKE '%%危房改造%%'"), 1);
	jz_err_clear(&e);
	assert_int_equal(jz_aid_load(x->db, "LS2026-0003", &a, &e), 0);
	assert_int_equal(a.id, f.id);
	assert_int_equal(jz_aid_load(x->db, "LS2099-0001", &a, &e), -1);
	tu_assert_msg(&e, "找不到临时救助案件");
}

/* ---- the month's figures ---- */

static void test_figures(void **state)
{
	struct fx *x = *state;
	struct jz_aid_figures f;
	jz_err e;
	/* October: one 先行 case of a non-local person (3 persons, 800.00),
	 * paperwork never done. */
	set_day("2026-10-12");
	struct jz_aid_new in = {.id_number = idn(ID_WL), .name = "吴立", .hukou = "河南省", .kind = "急难",
				.cause = "交通事故", .asked_fen = 80000, .persons = 3, .advance = 1};
	assert_int_equal(jz_aid_new(&x->jb, &in, NULL, &e), 0);
	/* November: a 支出 case of 2 persons paid 600.00, a county case paid
	 * 5,000.00 (1 person), a 一事一议 one paid 12,000.00, a 先行 one paid
	 * 1,000.00 with its paperwork done, and one approved but not paid. */
	set_day("2026-11-20");
	jz_rowid a = new_aid(x, &x->jb, ID_JG, "支出", "就学", 60000, 0);
	through(x, a, NULL);
	pay_ok(&x->jb, a, 0, NULL);
	struct jz_aid_new one = {.id_number = idn(ID_DS), .kind = "支出", .cause = "重病", .asked_fen = 500000,
				 .persons = 1};
	jz_aid b;
	assert_int_equal(jz_aid_new(&x->jb, &one, &b, &e), 0);
	struct jz_aid_step doc = {.county_doc = "县民审〔2026〕3号", .county_date = "2026-11-20"};
	through(x, b.id, &doc);
	pay_ok(&x->jb, b.id, 0, NULL);
	jz_rowid c = new_aid(x, &x->jb, ID_JG, "支出", "重病", 1200000, 0);
	struct jz_aid_step ys = {.county_doc = "县民审〔2026〕4号", .county_date = "2026-11-20",
				 .yishi_date = "2026-11-19", .yishi_participants = "协调机制成员单位",
				 .yishi_reason = "重特大疾病"};
	through(x, c, &ys);
	pay_ok(&x->jb, c, 0, NULL);
	jz_rowid d = new_aid(x, &x->jb, ID_DS, "急难", "火灾", 100000, 1);
	through(x, d, NULL);
	assert_int_equal(jz_aid_paperwork(&x->jb, d, "补充说明", &e), 0);
	jz_rowid u = new_aid(x, &x->jb, ID_DS, "支出", "其他", 10000, 0);
	through(x, u, NULL);
	/* December: the rest of nothing; a payment in December does not count
	 * in November. */
	set_day("2026-12-02");
	assert_int_equal(jz_aid_figures(x->db, "2026-11", &f, &e), 0);
	assert_int_equal(f.cases, 4);
	assert_int_equal(f.persons, 2 + 1 + 2 + 2);
	assert_int_equal(f.jinan_cases, 1);
	assert_int_equal(f.jinan_persons, 2);
	assert_int_equal(f.zhichu_cases, 3);
	assert_int_equal(f.zhichu_persons, 5);
	assert_int_equal(f.advance_cases, 1);
	assert_int_equal(f.nonlocal_cases, 0);
	assert_int_equal(f.yishi_cases, 1);
	assert_int_equal(f.county_cases, 2);
	assert_int_equal(f.paid_fen, 60000 + 500000 + 1200000 + 100000);
	assert_int_equal(f.jinan_fen, 100000);
	assert_int_equal(f.zhichu_fen, 1760000);
	assert_int_equal(f.advance_fen, 100000);
	/* The October case still lacks its paperwork, long past due. */
	assert_int_equal(f.paperwork_missing, 1);
	assert_int_equal(f.paperwork_overdue, 1);
	assert_int_equal(jz_aid_figures(x->db, "2026-10", &f, &e), 0);
	assert_int_equal(f.cases, 1);
	assert_int_equal(f.persons, 3);
	assert_int_equal(f.nonlocal_cases, 1);
	assert_int_equal(f.nonlocal_persons, 3);
	assert_int_equal(f.advance_cases, 1);
	assert_int_equal(f.paid_fen, 80000);
	assert_int_equal(f.paperwork_missing, 1);
	assert_int_equal(f.paperwork_overdue, 1); /* due 10-19, month ends 10-31 */
	pay_ok(&x->jb, u, 0, NULL);
	assert_int_equal(jz_aid_figures(x->db, "2026-12", &f, &e), 0);
	assert_int_equal(f.cases, 1);
	assert_int_equal(f.paid_fen, 10000);
	assert_int_equal(jz_aid_figures(x->db, "2026-09", &f, &e), 0);
	assert_int_equal(f.cases, 0);
	assert_int_equal(f.paperwork_missing, 0);
	assert_int_equal(jz_aid_figures(x->db, "2026-13", &f, &e), -1);
	tu_assert_msg(&e, "YYYY-MM");
}

/* ---- the receipt ---- */

static void test_receipt(void **state)
{
	struct fx *x = *state;
	jz_err e;
	char buf[8192], path[256];
	size_t len = 0;
	jz_rowid id = new_aid(x, &x->jb, ID_JG, "急难", "火灾", 150000, 1);
	assert_int_equal(jz_aid_receipt_text(x->db, id, 0, buf, sizeof buf, &e), 0);
	assert_non_null(strstr(buf, "南门镇临时救助金领取凭证"));
	assert_non_null(strstr(buf, "LS2026-0001"));
	assert_non_null(strstr(buf, "王建国"));
	assert_non_null(strstr(buf, idn(ID_JG)));
	assert_non_null(strstr(buf, "1500.00"));
	assert_non_null(strstr(buf, "壹仟伍佰元整"));
	assert_non_null(strstr(buf, "领取人（签名或按手印）"));
	tu_path(path, sizeof path, x->t->dir, "receipt.xlsx");
	assert_int_equal(jz_aid_receipt_xlsx(x->db, id, 0, path, &e), 0);
	char *data = tu_slurp(path, &len);
	assert_non_null(data);
	assert_true(len > 1000 && !memcmp(data, "PK", 2));
	free(data);
	unlink(path);
	/* Nothing paid: no receipt. */
	jz_rowid none = new_aid(x, &x->jb, ID_DS, "支出", "其他", 100, 0);
	assert_int_equal(jz_aid_receipt_text(x->db, none, 0, buf, sizeof buf, &e), -1);
	tu_assert_msg(&e, "还没有发放");
	assert_int_equal(jz_aid_receipt_text(x->db, id, 2, buf, sizeof buf, &e), -1);
	/* The written amount (大写) of odd amounts, through a raised limit. */
	assert_int_equal(jz_setting_set(x->admin, "aid.township_limit_fen", "*", "2026-01-01", "10000000", "测试", &e), 0);
	assert_int_equal(jz_setting_set(x->admin, "aid.usual_max_fen", "*", "2026-01-01", "10000000", "测试", &e), 0);
	static const struct {
		long long fen;
		const char *words;
	} v[] = {
		{1001050, "壹万零壹拾元伍角整"}, {100005, "壹仟元零伍分"}, {1000000, "壹万元整"},
		{75, "柒角伍分"}, {2030400, "贰万零叁佰零肆元整"}, {110000, "壹仟壹佰元整"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		jz_rowid k = new_aid(x, &x->jb, ID_DS, "支出", "其他", v[i].fen, 0);
		through(x, k, NULL);
		pay_ok(&x->jb, k, 0, NULL);
		assert_int_equal(jz_aid_receipt_text(x->db, k, 0, buf, sizeof buf, &e), 0);
		if (!strstr(buf, v[i].words))
			print_error("%lld: want %s in\n%s\n", v[i].fen, v[i].words, buf);
		assert_non_null(strstr(buf, v[i].words));
	}
	/* A small buffer is cut, never overrun. */
	char tiny[16];
	assert_int_equal(jz_aid_receipt_text(x->db, id, 1, tiny, sizeof tiny, &e), 0);
	assert_true(strlen(tiny) < sizeof tiny);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_workdays), T(test_workflow), T(test_separation), T(test_advance),
		T(test_paperwork_overdue), T(test_limits), T(test_staged), T(test_convert),
		T(test_nonlocal), T(test_followup), T(test_figures), T(test_receipt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
