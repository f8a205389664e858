/* test_import.c — the roster import through the core (core/import.h): a
 * workbook written by libxlsxwriter (IDs as text, one ID damaged into a
 * number (as Excel shows it, 5.00154196202021E+17), amounts as numbers), progress reported to the end, the problems
 * capped at JZ_IMPORT_SHOWN with the full count, a failing file leaving the
 * tables as they were, a second import changing nothing, a person's field
 * and a household's field changed by a later file, and a 特困 case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "core/import.h"
#include "testutil.h"

static void write_xlsx(const char *path, int damaged)
{
	char a[19], b[19], c[19];
	tu_id("50015419600101123", a);
	tu_id("50015419620202124", b);
	tu_id("50015419400303125", c);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "花名册");
	static const char *const head[] = {"户号", "所属村", "姓名", "身份证号码", "关系", "救助项目", "保障方式",
		"月保障金额", "起始年月", "残疾类别", "残疾等级", "建档立卡", "致贫原因"};
	for (int i = 0; i < 13; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], NULL);
	worksheet_write_string(ws, 1, 0, "5201", NULL);
	worksheet_write_string(ws, 1, 1, "东山村", NULL);
	worksheet_write_string(ws, 1, 2, "王大", NULL);
	worksheet_write_string(ws, 1, 3, a, NULL);
	worksheet_write_string(ws, 1, 4, "本人", NULL);
	worksheet_write_string(ws, 1, 5, "低保", NULL);
	worksheet_write_string(ws, 1, 6, "整户保障", NULL);
	worksheet_write_number(ws, 1, 7, 1220, NULL);
	worksheet_write_string(ws, 1, 8, "2025年3月", NULL);
	worksheet_write_string(ws, 1, 11, "未脱贫", NULL);
	worksheet_write_string(ws, 1, 12, "因病", NULL);
	worksheet_write_string(ws, 2, 0, "5201", NULL);
	worksheet_write_string(ws, 2, 1, "东山村", NULL);
	worksheet_write_string(ws, 2, 2, "李二", NULL);
	if (damaged)
		worksheet_write_number(ws, 2, 3, 500154196202021000.0, NULL);
	else
		worksheet_write_string(ws, 2, 3, b, NULL);
	worksheet_write_string(ws, 2, 4, "妻子", NULL);
	worksheet_write_string(ws, 2, 9, "肢体残疾", NULL);
	worksheet_write_string(ws, 2, 10, "二级", NULL);
	worksheet_write_string(ws, 3, 0, "5202", NULL);
	worksheet_write_string(ws, 3, 1, "城南社区", NULL);
	worksheet_write_string(ws, 3, 2, "赵三", NULL);
	worksheet_write_string(ws, 3, 3, c, NULL);
	worksheet_write_string(ws, 3, 4, "户主", NULL);
	worksheet_write_string(ws, 3, 5, "特困", NULL);
	worksheet_write_string(ws, 3, 6, "集中供养", NULL);
	worksheet_write_number(ws, 3, 7, 1500.5, NULL);
	worksheet_write_string(ws, 3, 8, "2024-07", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

struct seen {
	int calls, done, total;
};

static void progress(int done, int total, void *arg)
{
	struct seen *s = arg;
	s->calls++;
	s->done = done;
	s->total = total;
}

static int import(tu_fixture *f, const char *path, int dry, struct jz_import_result *r, jz_err *e,
		  struct seen *seen)
{
	struct jz_import_opts o = {.path = path, .dry_run = dry, .progress = seen ? progress : NULL, .arg = seen};
	return jz_import_roster(&f->s, &o, r, e);
}

static void xlsx_by_libxlsxwriter(void **state)
{
	tu_fixture *f = *state;
	char path[160];
	struct jz_import_result r;
	struct seen seen = {0};
	jz_err e = {0};
	tu_path(path, sizeof path, f->dir, "roster.xlsx");
	write_xlsx(path, 0);
	int rc = import(f, path, 0, &r, &e, &seen);
	if (rc)
		print_error("%s\n%s\n", e.msg, r.nproblems ? r.problems[0] : "");
	assert_int_equal(rc, 0);
	assert_int_equal(r.households_added, 2);
	assert_int_equal(r.persons_added, 3);
	assert_int_equal(r.cases_added, 2);
	assert_int_equal(r.total_fen, 122000 + 150050);
	assert_int_equal(seen.done, 2);
	assert_int_equal(seen.total, 2);
	jz_import_result_free(&r);
	assert_int_equal(tu_count(f->db, "SELECT jiandang FROM household WHERE number = '5201' AND tuopin = '未脱贫'"
				  " AND poverty_cause = '疾病'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT disability_grade FROM person WHERE relation = '配偶'"
				  " AND disability_cat = '肢体'"), 2);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM case_member m JOIN case_file c ON c.id = m.case_id"
				  " WHERE c.mode = '整户保障' AND c.start_month = '2025-03'"), 2);
	assert_int_equal(tu_count(f->db, "SELECT total_fen FROM case_amount a JOIN case_file c ON c.id = a.case_id"
				  " WHERE c.programme = '特困' AND c.mode = '集中供养' AND c.area = '城市'"), 150050);

	/* the same file again: nothing changes, no event */
	long long events = tu_count(f->db, "SELECT count(*) FROM event");
	assert_int_equal(import(f, path, 0, &r, &e, &seen), 0);
	assert_int_equal(r.written, 0);
	assert_int_equal(r.persons_changed + r.households_changed + r.cases_changed, 0);
	jz_import_result_free(&r);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM event"), events);
}

static void damaged_workbook_writes_nothing(void **state)
{
	tu_fixture *f = *state;
	char path[160];
	struct jz_import_result r;
	struct seen seen = {0};
	jz_err e = {0};
	tu_path(path, sizeof path, f->dir, "damaged.xlsx");
	write_xlsx(path, 1);
	long long events = tu_count(f->db, "SELECT count(*) FROM event");
	assert_int_equal(import(f, path, 0, &r, &e, &seen), -1);
	tu_assert_msg(&e, "1 个问题");
	assert_int_equal(r.problems_total, 1);
	assert_non_null(strstr(r.problems[0], "第 3 行, 列「身份证号」"));
	if (!strstr(r.problems[0], "科学计数法"))
		print_error("%s\n", r.problems[0]);
	assert_non_null(strstr(r.problems[0], "科学计数法"));
	jz_import_result_free(&r);
	assert_int_equal(seen.calls, 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM event"), events);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM person"), 0);
}

static void problems_capped(void **state)
{
	tu_fixture *f = *state;
	char path[160];
	struct jz_import_result r;
	jz_err e = {0};
	tu_path(path, sizeof path, f->dir, "many.csv");
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fprintf(out, "户编号,村(社区),姓名,身份证号,与户主关系\n");
	for (int i = 0; i < 250; i++)
		fprintf(out, "%d,东山村,张%d,50015419900101%04d,户主\n", 7000 + i, i, i); /* 18 digits, most bad */
	fclose(out);
	assert_int_equal(import(f, path, 1, &r, &e, NULL), -1);
	assert_true(r.problems_total > JZ_IMPORT_SHOWN);
	assert_int_equal(r.nproblems, JZ_IMPORT_SHOWN);
	tu_assert_msg(&e, "只列出前面的");
	jz_import_result_free(&r);
}

static void changed_file_updates(void **state)
{
	tu_fixture *f = *state;
	char path[160], a[19], buf[64];
	struct jz_import_result r;
	jz_err e = {0};
	tu_id("50015419600101123", a);
	tu_path(path, sizeof path, f->dir, "v1.csv");
	FILE *out = fopen(path, "w");
	fprintf(out, "户编号,村(社区),姓名,身份证号,与户主关系,联系电话,建档立卡\n5301,东山村,钱五,%s,户主,13800000000,否\n", a);
	fclose(out);
	assert_int_equal(import(f, path, 0, &r, &e, NULL), 0);
	jz_import_result_free(&r);
	out = fopen(path, "w");
	fprintf(out, "户编号,村(社区),姓名,身份证号,与户主关系,联系电话,建档立卡\n5301,城南社区,钱五,%s,户主,13900000000,是\n", a);
	fclose(out);
	assert_int_equal(import(f, path, 0, &r, &e, NULL), 0);
	assert_int_equal(r.persons_changed, 1);
	assert_int_equal(r.households_changed, 1);
	jz_import_result_free(&r);
	tu_text(f->db, "SELECT phone FROM person", buf, sizeof buf);
	assert_string_equal(buf, "13900000000");
	assert_int_equal(tu_count(f->db, "SELECT jiandang FROM household"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM household_past"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM event WHERE action = 'household.update'"), 1);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM import_run"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(xlsx_by_libxlsxwriter, tu_fixture_setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(damaged_workbook_writes_nothing, tu_fixture_setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(problems_capped, tu_fixture_setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(changed_file_updates, tu_fixture_setup, tu_fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
