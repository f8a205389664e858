/* test_fund.c — the reserve fund (core/fund.c, store/fund_store.c):
 * movements and their roles and events; the payment rules against aid_case
 * (scope, approval, 先行 cap, county document, 一事一议, the case's
 * acceptance date); overdraw refused with the balance shown, also for a
 * back-dated payment; UPDATE/DELETE of the ledger refused; the low-balance
 * warning; the statement of a period and its reconciliation; the workbooks;
 * a payment inside a caller's transaction; money parsing vectors; and a
 * property test: thousands of random sequences (fixed-seed PRNG) of
 * allocations, payments, returns and adjustments checked against a model —
 * a refused movement leaves the ledger and the events unchanged, the
 * balance is never negative on any day, and the statements of random
 * periods reconcile and chain (closing of one = opening of the next).
 * aid_case rows are inserted by raw SQL. Settings as seeded: township
 * limit 2000.00, usual maximum 10000.00, low balance 5000.00. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/fund.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/event.h"

#define PW "pw-secret"
#define LIMIT 200000LL   /* aid.township_limit_fen */
#define USUAL 1000000LL  /* aid.usual_max_fen */

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session *admin;
	jz_session jb, sh, sp; /* 经办, 审核, 审批 */
};

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
	tu_exec(x->db, "INSERT INTO person(id_number, name, created_at) VALUES"
		       " ('500154198001010010', '王建国', '2026-01-01T08:00:00')");
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

struct acase {
	const char *number, *kind, *cause;
	int advance;
	const char *state;
	long long approved;
	const char *county, *yishi, *accepted;
};

static jz_rowid add_case(struct fx *x, const struct acase *c)
{
	sqlite3_stmt *st;
	sqlite3 *h = jz_db_handle(x->db);
	assert_int_equal(sqlite3_prepare_v2(h,
		"INSERT INTO aid_case(number, person_id, kind, cause, advance, state, accepted_on,"
		" accepted_by, approved_fen, county_doc, yishi_date, created_at)"
		" VALUES (?, 1, ?, ?, ?, ?, ?, 'jingban', ?, ?, ?, '2026-01-01T08:00:00')", -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, c->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->cause, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, c->advance);
	sqlite3_bind_text(st, 5, c->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->accepted ? c->accepted : "2026-01-01", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, c->approved);
	sqlite3_bind_text(st, 8, c->county ? c->county : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, c->yishi ? c->yishi : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		print_error("insert aid_case: %s\n", sqlite3_errmsg(h));
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

/* The cases of the tests (the property test draws from all of them). */
static const struct acase CASES[] = {
	/* 0 approved 1500 */
	{"LS2026001", "支出", "重病", 0, "已审批", 150000, NULL, NULL, NULL},
	/* 1 approved 3000 with the county's document, already paid once */
	{"LS2026002", "急难", "火灾", 0, "已救助", 300000, "开州民发〔2026〕7号", NULL, NULL},
	/* 2 approved 15000: county and 一事一议 */
	{"LS2026003", "支出", "重病", 0, "已审批", 1500000, "开州民发〔2026〕9号", "2026-03-02", NULL},
	/* 3 先行 急难, not yet approved, accepted in June */
	{"LS2026004", "急难", "突发灾害", 1, "调查", 0, NULL, NULL, "2026-06-01"},
	/* 4 先行 for 疫情 (支出型) */
	{"LS2026005", "支出", "疫情", 1, "受理", 0, NULL, NULL, NULL},
	/* 5 not approved, not 先行 */
	{"LS2026006", "支出", "就学", 0, "审核", 0, NULL, NULL, NULL},
	/* 6 approved 3000 without the county's document */
	{"LS2026007", "支出", "交通事故", 0, "已审批", 300000, NULL, NULL, NULL},
	/* 7 approved 12000 with the county's document, no 一事一议 */
	{"LS2026008", "急难", "火灾", 0, "已审批", 1200000, "开州民发〔2026〕11号", NULL, NULL},
	/* 8 refused (不予) although 先行 */
	{"LS2026009", "急难", "火灾", 1, "不予", 0, NULL, NULL, NULL},
	/* 9 advance = 1 but 支出型 for 火灾: not 先行 */
	{"LS2026010", "支出", "火灾", 1, "受理", 0, NULL, NULL, NULL},
	/* 10 先行 and approved 5000 later (county) */
	{"LS2026011", "急难", "疫情", 1, "已审批", 500000, "开州民发〔2026〕15号", NULL, NULL},
};
#define NCASES (int)(sizeof CASES / sizeof CASES[0])

static void add_all_cases(struct fx *x, jz_rowid ids[NCASES])
{
	for (int i = 0; i < NCASES; i++)
		ids[i] = add_case(x, &CASES[i]);
}

static long long balance(struct fx *x)
{
	long long b = -1;
	jz_err e;
	assert_int_equal(jz_fund_balance(x->db, NULL, &b, &e), 0);
	return b;
}

static void allocate(struct fx *x, long long fen, const char *date)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_fund_allocate(&x->jb, fen, "开州民发〔2026〕1号", date, &e);
	if (rc)
		print_error("jz_fund_allocate: %s\n", e.msg);
	assert_int_equal(rc, 0);
}

static void pay_ok(struct fx *x, jz_rowid cid, long long fen, const char *date)
{
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_fund_pay(&x->jb, cid, fen, date, NULL, &e);
	if (rc)
		print_error("jz_fund_pay %lld: %s\n", fen, e.msg);
	assert_int_equal(rc, 0);
}

/* Refused, with word in the message, and nothing written. */
static void pay_refused(struct fx *x, jz_rowid cid, long long fen, const char *date, const char *word)
{
	jz_err e;
	jz_err_clear(&e);
	long long rows = tu_count(x->db, "SELECT count(*) FROM fund_move");
	long long events = jz_event_count(x->db), b = balance(x);
	assert_int_equal(jz_fund_pay(&x->jb, cid, fen, date, NULL, &e), -1);
	assert_int_equal(e.code, JZ_EUSER);
	tu_assert_msg(&e, word);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM fund_move"), rows);
	assert_int_equal(jz_event_count(x->db), events);
	assert_int_equal(balance(x), b);
}

/* ---- movements, roles, events ---- */

static void test_movements(void **state)
{
	struct fx *x = *state;
	jz_err e;
	long long ev = jz_event_count(x->db);
	allocate(x, 1000000, "2026-02-01");
	assert_int_equal(balance(x), 1000000);
	assert_int_equal(jz_event_count(x->db), ev + 1);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE entity = 'fund'"
					 " AND action = 'fund.allocate' AND operator = 'jingban'"), 1);
	/* the document number, a positive amount, a real date not in the future */
	assert_int_equal(jz_fund_allocate(&x->jb, 100, "", NULL, &e), -1);
	tu_assert_msg(&e, "文号");
	assert_int_equal(jz_fund_allocate(&x->jb, 0, "文号", NULL, &e), -1);
	tu_assert_msg(&e, "大于 0");
	assert_int_equal(jz_fund_allocate(&x->jb, -5, "文号", NULL, &e), -1);
	assert_int_equal(jz_fund_allocate(&x->jb, 100, "文号", "2026-11-28", &e), -1);
	tu_assert_msg(&e, "晚于今天");
	assert_int_equal(jz_fund_allocate(&x->jb, 100, "文号", "2026-02-30", &e), -1);
	tu_assert_msg(&e, "YYYY-MM-DD");
	/* roles: allocate and return by 经办 (or 管理员), adjust by 审批 */
	assert_int_equal(jz_fund_allocate(&x->sh, 100, "文号", NULL, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_fund_allocate(&x->sp, 100, "文号", NULL, &e), -1);
	assert_int_equal(jz_fund_return(&x->sh, 100, "退回", NULL, 0, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_fund_adjust(&x->jb, -100, "错账", NULL, &e), -1);
	tu_assert_msg(&e, "审批");
	assert_int_equal(jz_fund_adjust(&x->sh, 100, "错账", NULL, &e), -1);
	assert_int_equal(jz_fund_adjust(&x->sp, 100, "", NULL, &e), -1);
	tu_assert_msg(&e, "原因");
	assert_int_equal(jz_fund_return(&x->jb, 100, " ", NULL, 0, &e), -1);
	tu_assert_msg(&e, "原因");
	assert_int_equal(balance(x), 1000000);
	assert_int_equal(jz_event_count(x->db), ev + 1);
	assert_int_equal(jz_fund_allocate(x->admin, 5000, "开州民发〔2026〕2号", "2026-02-03", &e), 0);
	assert_int_equal(jz_fund_return(&x->jb, 2500, "银行退票", "2026-02-04", 0, &e), 0);
	assert_int_equal(jz_fund_adjust(&x->sp, -7500, "2 月 3 日重复登记预拨", "2026-02-05", &e), 0);
	assert_int_equal(jz_fund_adjust(&x->sp, 1, "尾差", NULL, &e), 0);
	assert_int_equal(balance(x), 1000001);
	assert_int_equal(jz_event_count(x->db), ev + 5);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM fund_move WHERE kind = '调整'"
					 " AND approved_by = 'shenpi'"), 2);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event e JOIN fund_move m"
					 " ON m.id = e.entity_id WHERE e.entity = 'fund'"), 5);
	char t[256];
	tu_text(x->db, "SELECT new FROM event WHERE action = 'fund.adjust' ORDER BY id LIMIT 1",
		t, sizeof t);
	assert_non_null(strstr(t, "金额=-75.00"));
	assert_non_null(strstr(t, "余额=10000.00"));
}

static void test_ledger_immutable(void **state)
{
	struct fx *x = *state;
	char *err = NULL;
	allocate(x, 50000, NULL);
	sqlite3 *h = jz_db_handle(x->db);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE fund_move SET amount_fen = 1", NULL, NULL, &err), SQLITE_OK);
	assert_non_null(strstr(err, "不可修改"));
	sqlite3_free(err);
	assert_int_not_equal(sqlite3_exec(h, "DELETE FROM fund_move", NULL, NULL, &err), SQLITE_OK);
	assert_non_null(strstr(err, "不可删除"));
	sqlite3_free(err);
	/* the trigger refuses an overdraw that bypasses the core */
	assert_int_not_equal(sqlite3_exec(h, "INSERT INTO fund_move(on_date, kind, amount_fen, reason,"
		" created_by, created_at) VALUES ('2026-11-27', '调整', -50001, 'x', 'x', 'x')",
		NULL, NULL, &err), SQLITE_OK);
	assert_non_null(strstr(err, "余额不足"));
	sqlite3_free(err);
	assert_int_equal(balance(x), 50000);
}

/* ---- the payment rules ---- */

static void test_pay_scope(void **state)
{
	struct fx *x = *state;
	jz_rowid id[NCASES];
	add_all_cases(x, id);
	allocate(x, 5000000, "2026-01-02");
	pay_refused(x, 9999, 100, NULL, "找不到临时救助案件");
	pay_refused(x, id[5], 100, NULL, "不在备用金使用范围");
	pay_refused(x, id[9], 100, NULL, "不在备用金使用范围");
	pay_refused(x, id[8], 100, NULL, "不予");
	/* 先行: 急难, or 疫情 of either kind */
	pay_ok(x, id[3], 100000, "2026-06-02");
	pay_ok(x, id[4], 100000, "2026-03-01");
	/* the role: a 审核-only operator does not pay */
	jz_err e;
	assert_int_equal(jz_fund_pay(&x->sh, id[0], 100, NULL, NULL, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_fund_pay(&x->jb, id[0], 0, NULL, NULL, &e), -1);
	/* the payment's event names the case and its household */
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'fund.pay'"
					 " AND new LIKE '%LS2026004%'"), 1);
	/* move_id is the ledger line */
	jz_rowid mid = 0;
	assert_int_equal(jz_fund_pay(&x->jb, id[0], 100, NULL, &mid, &e), 0);
	assert_int_equal(tu_count(x->db, "SELECT max(id) FROM fund_move"), mid);
	assert_int_equal(tu_count(x->db, "SELECT aid_case_id FROM fund_move ORDER BY id DESC LIMIT 1"), id[0]);
}

static void test_pay_limits(void **state)
{
	struct fx *x = *state;
	jz_rowid id[NCASES];
	jz_err e;
	long long paid;
	add_all_cases(x, id);
	allocate(x, 10000000, "2026-01-02");
	/* within its approval */
	pay_ok(x, id[0], 100000, "2026-02-01");
	pay_ok(x, id[0], 50000, "2026-03-01");
	pay_refused(x, id[0], 1, NULL, "审批金额");
	/* 先行 not yet approved: the township's limit */
	pay_refused(x, id[3], 100, "2026-05-31", "早于案件");
	pay_ok(x, id[3], LIMIT - 1, "2026-06-01");
	pay_ok(x, id[3], 1, "2026-06-01");
	pay_refused(x, id[3], 1, NULL, "乡镇审批上限");
	/* above the township's limit: the county's document */
	pay_ok(x, id[6], LIMIT, "2026-04-01");
	pay_refused(x, id[6], 1, NULL, "县级审批文号");
	pay_ok(x, id[1], 300000, "2026-04-01");
	pay_refused(x, id[1], 1, NULL, "审批金额");
	/* above the usual maximum: 一事一议 */
	pay_ok(x, id[7], USUAL, "2026-05-01");
	pay_refused(x, id[7], 1, NULL, "一事一议");
	pay_ok(x, id[2], 1500000, "2026-05-01");
	/* a 先行 case approved later: its approval */
	pay_ok(x, id[10], 500000, "2026-07-01");
	pay_refused(x, id[10], 1, NULL, "审批金额");
	/* a return tied to the case makes room again; at most what was paid */
	assert_int_equal(jz_fund_return(&x->jb, 150001, "多付退回", NULL, id[0], &e), -1);
	tu_assert_msg(&e, "只支付了 1500.00 元");
	assert_int_equal(jz_fund_return_number(&x->jb, 50000, "多付退回", "2026-08-01", "LS2026001", &e), 0);
	assert_int_equal(jz_fund_case_paid(x->db, id[0], &paid, &e), 0);
	assert_int_equal(paid, 100000);
	pay_ok(x, id[0], 50000, "2026-08-02");
	assert_int_equal(jz_fund_return_number(&x->jb, 1, "x", NULL, "LS-NONE", &e), -1);
	tu_assert_msg(&e, "LS-NONE");
	/* jz_fund_can_pay says the same without writing */
	assert_int_equal(jz_fund_can_pay(x->db, id[4], LIMIT, NULL, &e), 0);
	assert_int_equal(jz_fund_can_pay(x->db, id[4], LIMIT + 1, NULL, &e), -1);
	assert_int_equal(jz_fund_can_pay(x->db, id[5], 1, NULL, &e), -1);
	/* the limits are settings: a higher township limit from 2026-11-01 */
	assert_int_equal(jz_setting_set(x->admin, "aid.township_limit_fen", "*", "2026-11-01", "300000",
					"县政策调整", &e), 0);
	pay_ok(x, id[6], 100000, "2026-11-02");
}

static void test_overdraw(void **state)
{
	struct fx *x = *state;
	jz_rowid id[NCASES];
	add_all_cases(x, id);
	allocate(x, 100000, "2026-06-01");
	pay_refused(x, id[0], 150000, NULL, "余额 1000.00 元");
	pay_refused(x, id[0], 100001, NULL, "余额不足");
	/* back-dated: the balance that day was nothing */
	pay_refused(x, id[0], 100, "2026-05-15", "2026-05-15");
	pay_ok(x, id[0], 100000, "2026-06-01");
	assert_int_equal(balance(x), 0);
	pay_refused(x, id[0], 1, NULL, "余额 0.00 元");
	/* a later allocation does not cover an earlier day's payment */
	allocate(x, 50000, "2026-09-01");
	pay_refused(x, id[0], 1, "2026-08-01", "2026-08-01");
	pay_ok(x, id[0], 50000, "2026-09-01");
	/* a negative adjustment cannot overdraw either */
	jz_err e;
	allocate(x, 100, "2026-10-01");
	assert_int_equal(jz_fund_adjust(&x->sp, -101, "错账", NULL, &e), -1);
	tu_assert_msg(&e, "余额 1.00 元");
	assert_int_equal(jz_fund_adjust(&x->sp, -100, "错账", "2026-10-01", &e), 0);
	assert_int_equal(balance(x), 0);
}

/* Inside the caller's transaction: its rollback takes the payment back. */
static void test_pay_in_caller_tx(void **state)
{
	struct fx *x = *state;
	jz_rowid id[NCASES];
	jz_err e;
	add_all_cases(x, id);
	allocate(x, 500000, "2026-02-01");
	long long ev = jz_event_count(x->db);
	assert_int_equal(jz_tx_begin(x->db, &e), 0);
	pay_ok(x, id[0], 1000, NULL);
	pay_refused(x, id[2], 600000, NULL, "余额不足");
	assert_int_equal(balance(x), 499000);
	jz_tx_rollback(x->db);
	assert_int_equal(balance(x), 500000);
	assert_int_equal(jz_event_count(x->db), ev);
	assert_int_equal(jz_tx_begin(x->db, &e), 0);
	pay_ok(x, id[0], 1000, NULL);
	assert_int_equal(jz_tx_commit(x->db, &e), 0);
	assert_int_equal(balance(x), 499000);
	assert_int_equal(jz_tx_depth(x->db), 0);
}

/* ---- the warning, the statement, the workbooks ---- */

static void test_low(void **state)
{
	struct fx *x = *state;
	jz_err e;
	long long b = -1, l = -1;
	assert_int_equal(jz_fund_low(x->db, TU_TODAY, &b, &l, &e), 1);
	assert_int_equal(b, 0);
	assert_int_equal(l, 500000);
	allocate(x, 500000, "2026-03-01");
	assert_int_equal(jz_fund_low(x->db, TU_TODAY, &b, &l, &e), 0);
	assert_int_equal(jz_fund_low(x->db, "2026-02-28", &b, NULL, &e), 1);
	assert_int_equal(b, 0);
	assert_int_equal(jz_fund_adjust(&x->sp, -1, "尾差", NULL, &e), 0);
	assert_int_equal(jz_fund_low(x->db, NULL, &b, NULL, &e), 1);
	assert_int_equal(b, 499999);
	assert_int_equal(jz_setting_set(x->admin, "fund.low_balance_fen", "*", "2026-11-01", "100000",
					"提醒线", &e), 0);
	assert_int_equal(jz_fund_low(x->db, NULL, NULL, &l, &e), 0);
	assert_int_equal(l, 100000);
}

static void test_statement(void **state)
{
	struct fx *x = *state;
	jz_rowid id[NCASES];
	jz_err e;
	struct jz_fund_statement s, s2;
	add_all_cases(x, id);
	allocate(x, 1000000, "2026-01-05");          /* before the period */
	pay_ok(x, id[0], 30000, "2026-01-20");
	allocate(x, 300000, "2026-03-01");           /* in the period */
	pay_ok(x, id[1], 120000, "2026-03-02");      /* 急难 火灾 */
	pay_ok(x, id[0], 20000, "2026-03-03");       /* 支出 重病 */
	pay_ok(x, id[4], 5000, "2026-03-04");        /* 支出 疫情 */
	assert_int_equal(jz_fund_return(&x->jb, 20000, "多付", "2026-03-05", id[0], &e), 0);
	assert_int_equal(jz_fund_adjust(&x->sp, 700, "尾差", "2026-03-06", &e), 0);
	assert_int_equal(jz_fund_adjust(&x->sp, -300, "错账", "2026-03-07", &e), 0);
	pay_ok(x, id[2], 40000, "2026-04-01");       /* after the period */
	assert_int_equal(jz_fund_statement(x->db, "2026-02-01", "2026-03-31", &s, &e), 0);
	assert_int_equal(s.opening_fen, 970000);
	assert_int_equal(s.alloc_n, 1);
	assert_int_equal(s.alloc_fen, 300000);
	assert_int_equal(s.return_fen, 20000);
	assert_int_equal(s.adj_in_fen, 700);
	assert_int_equal(s.in_fen, 320700);
	assert_int_equal(s.spent_n, 3);
	assert_int_equal(s.spent_fen, 145000);
	assert_int_equal(s.adj_out_fen, 300);
	assert_int_equal(s.out_fen, 145300);
	assert_int_equal(s.closing_fen, 970000 + 320700 - 145300);
	assert_string_equal(s.by_kind[0].name, "急难型");
	assert_int_equal(s.by_kind[0].fen, 120000);
	assert_int_equal(s.by_kind[1].n, 2);
	assert_int_equal(s.by_kind[1].fen, 25000);
	/* causes in the order of aid.causes, those without spending too */
	assert_string_equal(s.by_cause[0].name, "火灾");
	assert_int_equal(s.by_cause[0].fen, 120000);
	long long sum = 0;
	for (int i = 0; i < s.ncauses; i++) {
		if (!strcmp(s.by_cause[i].name, "重病"))
			assert_int_equal(s.by_cause[i].fen, 20000);
		if (!strcmp(s.by_cause[i].name, "疫情"))
			assert_int_equal(s.by_cause[i].fen, 5000);
		sum += s.by_cause[i].fen;
	}
	assert_int_equal(sum, s.spent_fen);
	/* the next period opens with this one's closing */
	assert_int_equal(jz_fund_statement(x->db, "2026-04-01", TU_TODAY, &s2, &e), 0);
	assert_int_equal(s2.opening_fen, s.closing_fen);
	assert_int_equal(s2.closing_fen, balance(x));
	/* bad periods */
	assert_int_equal(jz_fund_statement(x->db, "2026-04-01", "2026-03-01", &s2, &e), -1);
	tu_assert_msg(&e, "晚于");
	assert_int_equal(jz_fund_statement(x->db, "2026-4-1", "2026-05-01", &s2, &e), -1);
	/* the workbooks */
	char path[160], path2[160];
	size_t len = 0;
	tu_path(path, sizeof path, x->t->dir, "statement.xlsx");
	assert_int_equal(jz_fund_statement_xlsx(x->db, &s, path, &e), 0);
	char *buf = tu_slurp(path, &len);
	assert_non_null(buf);
	assert_true(len > 1000 && !memcmp(buf, "PK", 2));
	free(buf);
	struct jz_fund_request rq;
	tu_path(path2, sizeof path2, x->t->dir, "request.xlsx");
	assert_int_equal(jz_fund_request(x->db, "2026-02-01", "2026-03-31", 0, path2, &rq, &e), 0);
	assert_int_equal(rq.spent_n, 3);
	assert_int_equal(rq.asked_fen, 145000 - 20000);
	assert_int_equal(rq.balance_fen, balance(x));
	assert_int_equal(jz_fund_request(x->db, "2026-02-01", "2026-03-31", 99900, path2, &rq, &e), 0);
	assert_int_equal(rq.asked_fen, 99900);
	/* nothing used and the balance above the line: nothing to ask */
	assert_int_equal(jz_fund_request(x->db, "2026-10-01", "2026-10-31", 0, path2, &rq, &e), -1);
	tu_assert_msg(&e, "不需要申请拨付");
	assert_int_equal(jz_fund_statement_xlsx(x->db, &s, "/nonexistent/dir/s.xlsx", &e), -1);
}

/* ---- money as typed ---- */

static void test_money_vectors(void **state)
{
	(void)state;
	static const struct { const char *in; long long fen; } good[] = {
		{"1500", 150000}, {"1500.5", 150050}, {"1,500.00", 150000}, {"0.01", 1},
		{" 200 ", 20000}, {"1,234,567.89", 123456789}, {"0", 0}, {"12.30", 1230},
	};
	static const char *const bad[] = {
		"1500元", "-200", "+5", "12.345", "1,50", "", "abc", "1.2.3", "1500.", "¥1500",
	};
	jz_err e;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		long long fen = -1;
		if (jz_money_parse(good[i].in, &fen, &e))
			print_error("refused %s: %s\n", good[i].in, e.msg);
		assert_int_equal(fen, good[i].fen);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long long fen = 0;
		jz_err_clear(&e);
		if (jz_money_parse(bad[i], &fen, &e) == 0)
			print_error("accepted %s as %lld\n", bad[i], fen);
		assert_int_equal(jz_money_parse(bad[i], &fen, &e), -1);
		assert_true(e.msg[0] != '\0');
	}
	char buf[32];
	jz_money_format(-5, buf, sizeof buf);
	assert_string_equal(buf, "-0.05");
	jz_money_format(150050, buf, sizeof buf);
	assert_string_equal(buf, "1500.50");
}

/* ---- the property test ---- */

#define DAYS 331        /* 2026-01-01 .. 2026-11-27 (today) */
#define MAXMOVES 256

static uint64_t rng_state;
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL); /* splitmix64 */
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}
static long long rnd_in(long long lo, long long hi) { return lo + (long long)(rnd() % (uint64_t)(hi - lo + 1)); }

struct model {
	int n;
	int day[MAXMOVES];
	long long fen[MAXMOVES];
	long long paid[NCASES];
	int day0;               /* jz_date_to_days of 2026-01-01 */
};

static void day_text(const struct model *m, int d, char out[11])
{
	jz_days_to_date(m->day0 + d, out);
}

static long long bal_on(const struct model *m, int d)
{
	long long b = 0;
	for (int i = 0; i < m->n; i++)
		if (m->day[i] <= d)
			b += m->fen[i];
	return b;
}

/* Would taking fen out on day d leave every day from d on >= 0? */
static int model_covers(const struct model *m, int d, long long fen)
{
	if (bal_on(m, d) < fen)
		return 0;
	for (int i = 0; i < m->n; i++)
		if (m->day[i] > d && bal_on(m, m->day[i]) < fen)
			return 0;
	return 1;
}

static int model_may_pay(const struct model *m, int c, long long fen, int d)
{
	const struct acase *k = &CASES[c];
	char day[11];
	if (!strcmp(k->state, "不予") || !strcmp(k->state, "结案"))
		return 0;
	int approved = (!strcmp(k->state, "已审批") || !strcmp(k->state, "已救助")) && k->approved > 0;
	int advance = k->advance && (!strcmp(k->kind, "急难") || !strcmp(k->cause, "疫情"));
	if (!approved && !advance)
		return 0;
	long long total = m->paid[c] + fen, cap = approved ? k->approved : LIMIT;
	if (total > cap || (total > LIMIT && !k->county) || (total > USUAL && !k->yishi))
		return 0;
	day_text(m, d, day);
	if (strcmp(day, k->accepted ? k->accepted : "2026-01-01") < 0)
		return 0;
	return model_covers(m, d, fen);
}

static void model_add(struct model *m, int d, long long fen)
{
	assert_true(m->n < MAXMOVES);
	m->day[m->n] = d;
	m->fen[m->n++] = fen;
}

/* The ledger as the database has it equals the model. */
static void check_ledger(struct fx *x, const struct model *m)
{
	long long sum = 0;
	for (int i = 0; i < m->n; i++)
		sum += m->fen[i];
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM fund_move"), m->n);
	assert_int_equal(balance(x), sum);
	assert_true(sum >= 0);
}

/* One random movement; its outcome must be the model's. */
static void random_move(struct fx *x, struct model *m, const jz_rowid *ids)
{
	jz_err e;
	char day[11];
	int d = (int)rnd_in(0, DAYS - 1), future = rnd() % 40 == 0, rc, want;
	long long fen, events = jz_event_count(x->db);
	day_text(m, future ? DAYS + (int)rnd_in(0, 30) : d, day);
	int op = (int)rnd_in(0, 9), c = (int)rnd_in(0, NCASES - 1);
	if (op < 2) { /* 预拨 */
		fen = rnd_in(1, 800000);
		rc = jz_fund_allocate(&x->jb, fen, "县级预拨", day, &e);
		want = !future;
		if (want)
			model_add(m, d, fen);
	} else if (op < 7) { /* 支出 */
		fen = rnd() % 3 ? rnd_in(1, 150000) : rnd_in(150000, 1200000);
		rc = jz_fund_pay(&x->jb, ids[c], fen, day, NULL, &e);
		want = !future && model_may_pay(m, c, fen, d);
		if (want) {
			model_add(m, d, -fen);
			m->paid[c] += fen;
		}
	} else if (op < 8) { /* 退回, with or without its case */
		int tied = rnd() % 2;
		fen = tied && m->paid[c] > 0 && rnd() % 4 ? rnd_in(1, m->paid[c]) : rnd_in(1, 100000);
		rc = jz_fund_return(&x->jb, fen, "退回", day, tied ? ids[c] : 0, &e);
		want = !future && (!tied || fen <= m->paid[c]);
		if (want) {
			model_add(m, d, fen);
			if (tied)
				m->paid[c] -= fen;
		}
	} else { /* 调整, either sign */
		fen = rnd_in(1, 300000) * (rnd() % 3 ? -1 : 1);
		rc = jz_fund_adjust(&x->sp, fen, "更正", day, &e);
		want = !future && (fen > 0 || model_covers(m, d, -fen));
		if (want)
			model_add(m, d, fen);
	}
	if ((rc == 0) != want)
		print_error("op %d case %d fen %lld on %s: rc %d, model %d: %s\n", op, c, fen, day, rc,
			    want, rc ? e.msg : "");
	assert_int_equal(rc == 0, want);
	assert_int_equal(jz_event_count(x->db), events + (want ? 1 : 0));
	if (!want)
		assert_int_equal(e.code, JZ_EUSER);
}

/* Statements of two adjacent random periods: each reconciles, matches the
 * model, and the second opens with the first's closing. */
static void check_statements(struct fx *x, const struct model *m)
{
	struct jz_fund_statement s1, s2;
	jz_err e;
	char a[11], b[11], b1[11], c[11];
	int da = (int)rnd_in(0, DAYS - 2), db = (int)rnd_in(da, DAYS - 2), dc = (int)rnd_in(db + 1, DAYS + 20);
	day_text(m, da, a);
	day_text(m, db, b);
	day_text(m, db + 1, b1);
	day_text(m, dc, c);
	assert_int_equal(jz_fund_statement(x->db, a, b, &s1, &e), 0);
	assert_int_equal(jz_fund_statement(x->db, b1, c, &s2, &e), 0);
	assert_int_equal(s1.opening_fen + s1.in_fen - s1.out_fen, s1.closing_fen);
	assert_int_equal(s2.opening_fen + s2.in_fen - s2.out_fen, s2.closing_fen);
	assert_int_equal(s1.closing_fen, s2.opening_fen);
	assert_int_equal(s1.opening_fen, bal_on(m, da - 1));
	assert_int_equal(s1.closing_fen, bal_on(m, db));
	assert_int_equal(s2.closing_fen, bal_on(m, dc));
	assert_int_equal(s1.by_kind[0].fen + s1.by_kind[1].fen, s1.spent_fen);
	assert_true(s1.opening_fen >= 0 && s1.closing_fen >= 0 && s2.closing_fen >= 0);
	long long in = 0, out = 0;
	for (int i = 0; i < m->n; i++)
		if (m->day[i] >= da && m->day[i] <= db)
			*(m->fen[i] > 0 ? &in : &out) += m->fen[i] > 0 ? m->fen[i] : -m->fen[i];
	assert_int_equal(s1.in_fen, in);
	assert_int_equal(s1.out_fen, out);
}

static void test_property(void **state)
{
	struct fx *x = *state;
	jz_rowid ids[NCASES];
	jz_err e;
	int sequences = getenv("JZ_FUND_SEQUENCES") ? atoi(getenv("JZ_FUND_SEQUENCES")) : 2000;
	long long moves = 0, refused = 0;
	add_all_cases(x, ids);
	rng_state = 20261127;
	for (int seq = 0; seq < sequences; seq++) {
		struct model m = {0};
		m.day0 = (int)jz_date_to_days("2026-01-01");
		long long ev0 = jz_event_count(x->db);
		assert_int_equal(jz_tx_begin(x->db, &e), 0);  /* each sequence is rolled back */
		int nops = (int)rnd_in(1, 40);
		for (int i = 0; i < nops; i++) {
			int before = m.n;
			random_move(x, &m, ids);
			check_ledger(x, &m);
			moves += m.n > before;
			refused += m.n == before;
		}
		/* no day's balance is negative */
		for (int i = 0; i < m.n; i++)
			assert_true(bal_on(&m, m.day[i]) >= 0);
		assert_int_equal(tu_count(x->db, "WITH d(day, s) AS (SELECT on_date, sum(amount_fen)"
			" FROM fund_move GROUP BY on_date) SELECT count(*) FROM"
			" (SELECT sum(s) OVER (ORDER BY day) AS b FROM d) WHERE b < 0"), 0);
		for (int k = 0; k < 3; k++)
			check_statements(x, &m);
		jz_tx_rollback(x->db);
		assert_int_equal(tu_count(x->db, "SELECT count(*) FROM fund_move"), 0);
		assert_int_equal(jz_event_count(x->db), ev0);
	}
	print_message("property: %d sequences, %lld movements written, %lld refused\n", sequences,
		      moves, refused);
	assert_true(moves > 1000 && refused > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_movements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ledger_immutable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pay_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pay_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overdraw, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pay_in_caller_tx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_low, setup, teardown),
		cmocka_unit_test_setup_teardown(test_statement, setup, teardown),
		cmocka_unit_test(test_money_vectors),
		cmocka_unit_test_setup_teardown(test_property, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
