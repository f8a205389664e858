/* test_compare.c — 数据比对 in the core (core/compare*.c, core/finding*.c):
 * the readers of list cells (grades, yes/no, categories); the 建档立卡
 * categories at their boundaries (income exactly at 12 x the standard and
 * one fen below; the grade limits and the income factor read from the
 * settings); a required column missing stops the run and writes nothing; a
 * dry run changes no table; bad rows are all counted and the kept ones
 * capped; a dismissed finding is raised again only when the list's facts
 * change; an open one is updated in place; verify / dismiss / act with
 * their events. Built on the fixture township with the 管理员. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/compare.h"
#include "core/compare_int.h"
#include "core/finding.h"
#include "core/household.h"
#include "core/settings.h"
#include "core/todo.h"

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session *s;
	char csv[160];
	char id[6][19];
	jz_rowid hid;
};

static int setup(void **state)
{
	void *t = NULL;
	jz_err e;
	tu_fixture_setup(&t);
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->t = t;
	x->db = x->t->db;
	x->s = &x->t->s;
	tu_path(x->csv, sizeof x->csv, x->t->dir, "list.csv");
	assert_int_equal(jz_setting_set(x->s, "dibao.standard_fen", "农村", "2026-01-01", "61000", "标准", &e), 0);
	assert_int_equal(jz_setting_set(x->s, "dibao.standard_fen", "城市", "2026-01-01", "75000", "标准", &e), 0);
	for (int i = 0; i < 6; i++) {
		char first[40];
		snprintf(first, sizeof first, "5001541980010%d%03d", i + 1, 11 + i);
		tu_id(first, x->id[i]);
	}
	/* id[5] is a member of a household of the township, not covered */
	jz_household h;
	jz_person p;
	memset(&h, 0, sizeof h);
	memset(&p, 0, sizeof p);
	h.village_id = x->t->cun.id;
	snprintf(p.id_number, sizeof p.id_number, "%s", x->id[5]);
	snprintf(p.name, sizeof p.name, "本乡人");
	snprintf(p.relation, sizeof p.relation, "户主");
	assert_int_equal(jz_household_create(x->s, &h, &p, "登记", &e), 0);
	x->hid = h.id;
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	void *t = x->t;
	free(x);
	tu_fixture_teardown(&t);
	return 0;
}

static void write_csv(struct fx *x, const char *text)
{
	tu_write_file(x->csv, text, strlen(text));
}

static int run(struct fx *x, const char *source, int dry, struct jz_compare_result *r, jz_err *e)
{
	struct jz_compare_opts o = {source, x->csv, NULL, NULL, dry};
	jz_err_clear(e);
	return jz_compare_run(x->s, &o, r, e);
}

static long long cats(struct fx *x, int i, const char *category)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM finding WHERE id_number = '%s' AND category = '%s'"
		 " AND state = '待核实'", x->id[i], category);
	return tu_count(x->db, sql);
}

static void test_cells(void **state)
{
	char cat[12];
	(void)state;
	assert_int_equal(cmp_grade("二级"), 2);
	assert_int_equal(cmp_grade("3级"), 3);
	assert_int_equal(cmp_grade(" 1"), 1);
	assert_int_equal(cmp_grade("五级"), 0);
	assert_int_equal(cmp_grade("12"), 0);
	assert_int_equal(cmp_truthy("是"), 1);
	assert_int_equal(cmp_truthy(" Y "), 1);
	assert_int_equal(cmp_truthy("否"), 0);
	assert_int_equal(cmp_truthy(""), 0);
	cmp_category("精神残疾", cat);
	assert_string_equal(cat, "精神");
	cmp_category("其他", cat);
	assert_string_equal(cat, "");
}

/* 12 x 610.00 = 7320.00 a year: at the line is not below it. */
static void test_income_boundary_and_settings(void **state)
{
	struct fx *x = *state;
	struct jz_compare_result r;
	jz_err e;
	char csv[1024];
	snprintf(csv, sizeof csv,
		 "年人均纯收入,残疾等级,姓名,残疾类别,脱贫状态,身份证号码\n"
		 "7320.00,,甲,,已脱贫,%s\n7319.99,,乙,,已脱贫,%s\n,二级,丙,肢体,已脱贫,%s\n"
		 ",四级,丁,精神,已脱贫,%s\n,四级,戊,视力,已脱贫,%s\n",
		 x->id[0], x->id[1], x->id[2], x->id[3], x->id[4]);
	write_csv(x, csv);
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(r.rows, 5);
	assert_int_equal(cats(x, 0, "已脱贫收入低于低保标准"), 0);
	assert_int_equal(cats(x, 1, "已脱贫收入低于低保标准"), 1);
	assert_int_equal(cats(x, 2, "重残重病"), 1);
	assert_int_equal(cats(x, 3, "重残重病"), 1);
	assert_int_equal(cats(x, 4, "重残重病"), 0);
	/* the limits are settings: grade 2 no longer, and 6 months of income */
	assert_int_equal(jz_setting_set(x->s, "dibao.single_disability_max_grade", "*", "2026-11-01", "1", "t", &e), 0);
	assert_int_equal(jz_setting_set(x->s, "dibao.single_mental_max_grade", "*", "2026-11-01", "3", "t", &e), 0);
	assert_int_equal(jz_setting_set(x->s, "jiandang.income_factor_months", "*", "2026-11-01", "13", "t", &e), 0);
	tu_exec(x->db, "UPDATE finding SET state = '已排除', note = 't'");
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(cats(x, 0, "已脱贫收入低于低保标准"), 1); /* 7320 < 13 x 610 */
	assert_int_equal(cats(x, 2, "重残重病"), 0);
	assert_int_equal(cats(x, 3, "重残重病"), 0);
}

static void test_missing_column_and_dry_run(void **state)
{
	struct fx *x = *state;
	struct jz_compare_result r;
	jz_err e;
	long long events = tu_count(x->db, "SELECT count(*) FROM event");
	write_csv(x, "身份证号,姓名\n11010519491231002X,某\n");
	assert_int_equal(run(x, "death", 0, &r, &e), -1);
	tu_assert_msg(&e, "死亡日期");
	char csv[512];
	snprintf(csv, sizeof csv, "姓名,身份证号,脱贫状态\n甲,%s,未脱贫\n乙,%s,未脱贫\n", x->id[0], x->id[5]);
	write_csv(x, csv);
	assert_int_equal(run(x, "jiandang", 1, &r, &e), 0);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.matched, 1);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM finding"), 0);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM compare_run"), 0);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event"), events);
}

static void test_problems_all_counted(void **state)
{
	struct fx *x = *state;
	struct jz_compare_result r;
	jz_err e;
	size_t cap = 80 * 40 + 64, n = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	n += (size_t)snprintf(csv + n, cap - n, "身份证号,姓名,疾病名称\n");
	for (int i = 0; i < 70; i++)
		n += (size_t)snprintf(csv + n, cap - n, "1101051949123100%02d,某,病\n", i);
	write_csv(x, csv);
	free(csv);
	assert_int_equal(run(x, "medical", 0, &r, &e), 0);
	assert_true(r.nproblems >= 60);
	assert_int_equal(r.bad + r.added, 70);
	assert_non_null(strstr(r.problem[0], "第 2 行, 列「身份证号」"));
}

static void test_rerun_dismiss_act(void **state)
{
	struct fx *x = *state;
	struct jz_compare_result r;
	jz_err e;
	char csv[512], done[400];
	snprintf(csv, sizeof csv, "身份证号,姓名,脱贫状态,监测户\n%s,本乡人,未脱贫,是\n%s,外人,未脱贫,否\n",
		 x->id[5], x->id[0]);
	write_csv(x, csv);
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(r.added, 3);
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(r.added + r.updated, 0);
	assert_int_equal(r.unchanged, 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM finding"), 3);
	struct jz_todo td[16];
	int nt = jz_todo_list(x->db, &x->s->op, TU_TODAY, td, 16, &e), seen = 0;
	for (int i = 0; i < nt && i < 16; i++)
		seen |= !strcmp(td[i].kind, "比对") && strstr(td[i].text, "3 条未办结") != NULL;
	assert_true(seen);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT id FROM finding WHERE id_number = '%s'", x->id[0]);
	jz_rowid out = tu_count(x->db, sql);
	assert_int_equal(jz_finding_dismiss(x->s, out, "  ", &e), -1);
	assert_int_equal(jz_finding_dismiss(x->s, out, "已迁出", &e), 0);
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(r.kept_closed, 1);
	/* the list's facts change (now 已脱贫 with a low income): raised anew */
	snprintf(csv, sizeof csv, "身份证号,姓名,脱贫状态,年人均纯收入\n%s,外人,已脱贫,1000\n", x->id[0]);
	write_csv(x, csv);
	assert_int_equal(run(x, "jiandang", 0, &r, &e), 0);
	assert_int_equal(r.added, 1);
	/* act on the member of the township: a 低保 case is opened */
	snprintf(sql, sizeof sql, "SELECT min(id) FROM finding WHERE id_number = '%s'", x->id[5]);
	jz_rowid mine = tu_count(x->db, sql);
	assert_int_equal(jz_finding_verify(x->s, mine, NULL, &e), 0);
	assert_int_equal(jz_finding_act(x->s, mine, "入户", done, sizeof done, &e), 0);
	assert_non_null(strstr(done, "已受理低保申请"));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM case_file WHERE household_id = %lld AND state = '受理'", x->hid);
	assert_int_equal(tu_count(x->db, sql), 1);
	/* the other category of the same household links the same case */
	snprintf(sql, sizeof sql, "SELECT max(id) FROM finding WHERE id_number = '%s'", x->id[5]);
	jz_rowid second = tu_count(x->db, sql);
	assert_int_equal(jz_finding_act(x->s, second, NULL, done, sizeof done, &e), 0);
	assert_non_null(strstr(done, "办理中"));
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM case_file"), 1);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'finding.act'"), 2);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'finding.dismiss'"), 1);
	assert_int_equal(jz_finding_act(x->s, second, NULL, NULL, 0, &e), -1);
	tu_assert_msg(&e, "已处理");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test_setup_teardown(test_income_boundary_and_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_column_and_dry_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_problems_all_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rerun_dismiss_act, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
