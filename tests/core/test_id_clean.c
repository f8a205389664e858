/* test_id_clean.c — IDs damaged by spreadsheets, and header matching. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include <string.h>

#include "core/columns.h"
#include "core/id_clean.h"

static void clean_ok(const char *raw, const char *want, const char *fixed_part)
{
	struct jz_id_clean c;
	jz_err e = {0};
	int rc = jz_id_clean(raw, "2026-11-27", &c, &e);
	if (rc != 0)
		fail_msg("%s: %s", raw, e.msg);
	assert_string_equal(c.id, want);
	if (fixed_part)
		assert_non_null(strstr(c.fixed, fixed_part));
	else
		assert_string_equal(c.fixed, "");
}

static void clean_bad(const char *raw, const char *part)
{
	struct jz_id_clean c;
	jz_err e = {0};
	assert_int_equal(jz_id_clean(raw, "2026-11-27", &c, &e), -1);
	if (!strstr(e.msg, part))
		fail_msg("%s: %s (want %s)", raw, e.msg, part);
}

static void test_repairs(void **st)
{
	(void)st;
	clean_ok("11010519491231002X", "11010519491231002X", NULL);
	clean_ok("'11010519491231002X", "11010519491231002X", "单引号");
	clean_ok("11010519491231002X  ", "11010519491231002X", "末尾的空格");
	clean_ok("\xe3\x80\x80" "372925199510103222", "372925199510103222", "开头的空格");
	clean_ok("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", "全角数字");
	clean_ok("11010519491231002x", "11010519491231002X", NULL);
	clean_ok("372925199510103222.0", "372925199510103222", ".0");
	clean_ok("110105491231002", "11010519491231002X", "15 位");
}

static void test_damage(void **st)
{
	(void)st;
	clean_bad("5.32326E+17", "科学计数法");
	clean_bad("5.32326199510103E17", "科学计数法");
	clean_bad("372925199510103000", "000");
	clean_bad("", "为空");
	clean_bad("   ", "为空");
	clean_bad("372925199510103221", "校验");
	clean_bad("37292519951010 3222", "");
}

static void test_columns(void **st)
{
	(void)st;
	static const struct jz_colspec spec[] = {
		{"户编号|户号", 1}, {"村（社区）|村社区|所属村", 1}, {"身份证号|公民身份号码|身份证号码", 1},
		{"联系电话", 0}};
	char *hdr[] = {"公民身份号码", " 户号 ", "村(社区)", "备注", "", "年龄"};
	int idx[4];
	char unknown[128];
	jz_err e = {0};
	assert_int_equal(jz_columns_map(hdr, 6, spec, 4, idx, unknown, sizeof unknown, &e), 0);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[1], 2);
	assert_int_equal(idx[2], 0);
	assert_int_equal(idx[3], -1);
	assert_string_equal(unknown, "备注、年龄");

	char *hdr2[] = {"姓名", "户号"};
	assert_int_equal(jz_columns_map(hdr2, 2, spec, 4, idx, NULL, 0, &e), -1);
	assert_non_null(strstr(e.msg, "「身份证号」（也可写作：公民身份号码、身份证号码）"));
	assert_non_null(strstr(e.msg, "「村（社区）」"));

	char *hdr3[] = {"身份证号", "户号", "所属村", "身份证号码"};
	assert_int_equal(jz_columns_map(hdr3, 4, spec, 4, idx, NULL, 0, &e), -1);
	assert_non_null(strstr(e.msg, "第 A 列和第 D 列"));

	char l[8];
	jz_column_letter(0, l);
	assert_string_equal(l, "A");
	jz_column_letter(27, l);
	assert_string_equal(l, "AB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repairs),
		cmocka_unit_test(test_damage),
		cmocka_unit_test(test_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
