/* test_table_in.c — reading CSV files and xlsx sheets into rows of UTF-8
 * cells (io/table_in.h). The GBK bytes are made with jz_iconv and the
 * workbooks with libxlsxwriter, in a mkdtemp folder removed at the end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/table_in.h"
#include "io/text.h"

#define WJG "\xE7\x8E\x8B\xE5\xBB\xBA\xE5\x9B\xBD"  /* 王建国 */
#define XM "\xE5\xA7\x93\xE5\x90\x8D"               /* 姓名 */
#define ZZ "\xE4\xBD\x8F\xE5\x9D\x80"               /* 住址 */

static char dir[] = "/tmp/jz-table-in-XXXXXX";

static char *in_dir(const char *name)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	return p;
}

static void write_file(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void assert_row(const jz_table *t, int row, int n, const char *const *cells)
{
	assert_true(row < t->nrows);
	assert_int_equal(t->ncells[row], n);
	for (int i = 0; i < n; i++)
		assert_string_equal(t->rows[row][i], cells[i]);
}
#define ROW(t, r, ...) do { \
	const char *const c_[] = { __VA_ARGS__ }; \
	assert_row(t, r, (int)(sizeof c_ / sizeof c_[0]), c_); \
} while (0)

static const char UTF8_CSV[] = XM ",身份证号,住址\n" WJG ",110101199003074514,东街 1 号\n";

static void csv_utf8(void **state)
{
	jz_table t;
	jz_err e = { 0 };

	assert_int_equal(jz_csv_read_mem(UTF8_CSV, strlen(UTF8_CSV), NULL, &t, &e), 0);
	assert_string_equal(t.encoding, "UTF-8");
	assert_int_equal(t.nrows, 2);
	ROW(&t, 0, XM, "身份证号", "住址");
	ROW(&t, 1, WJG, "110101199003074514", "东街 1 号");
	jz_table_free(&t);
	assert_int_equal(t.nrows, 0);
	assert_null(t.rows);
}

static void csv_utf8_bom_file(void **state)
{
	char buf[256];
	jz_table t;
	jz_err e = { 0 };
	size_t n = (size_t)snprintf(buf, sizeof buf, "\xEF\xBB\xBF%s", UTF8_CSV);

	write_file(in_dir("bom.csv"), buf, n);
	assert_int_equal(jz_csv_read(in_dir("bom.csv"), NULL, &t, &e), 0);
	assert_string_equal(t.encoding, "UTF-8");
	assert_int_equal(t.nrows, 2);
	ROW(&t, 0, XM, "身份证号", "住址"); /* no BOM left in the first cell */
	jz_table_free(&t);
	/* Told it is UTF-8, the BOM is skipped too. */
	assert_int_equal(jz_csv_read_mem(buf, n, "UTF-8", &t, &e), 0);
	assert_string_equal(t.rows[0][0], XM);
	jz_table_free(&t);
}

static void csv_gbk(void **state)
{
	jz_err e = { 0 };
	size_t len;
	char *gbk = jz_iconv("GBK", "UTF-8", UTF8_CSV, strlen(UTF8_CSV), &len, &e);
	jz_table t;

	assert_non_null(gbk);
	assert_false(jz_utf8_valid(gbk, len));
	assert_int_equal(jz_csv_read_mem(gbk, len, NULL, &t, &e), 0);
	assert_string_equal(t.encoding, "GB18030");
	ROW(&t, 0, XM, "身份证号", "住址");
	ROW(&t, 1, WJG, "110101199003074514", "东街 1 号");
	jz_table_free(&t);
	assert_int_equal(jz_csv_read_mem(gbk, len, "GBK", &t, &e), 0);
	assert_string_equal(t.encoding, "GBK");
	ROW(&t, 1, WJG, "110101199003074514", "东街 1 号");
	jz_table_free(&t);
	free(gbk);
}

static void csv_quoted(void **state)
{
	static const char csv[] =
		"a,\"b,c\",\"第一行\n第二行\",\"say \"\"hi\"\"\"\n"
		"\"\",x\n";
	jz_table t;
	jz_err e = { 0 };

	assert_int_equal(jz_csv_read_mem(csv, strlen(csv), NULL, &t, &e), 0);
	assert_int_equal(t.nrows, 2);
	ROW(&t, 0, "a", "b,c", "第一行\n第二行", "say \"hi\"");
	ROW(&t, 1, "", "x");
	jz_table_free(&t);
}

static void csv_crlf(void **state)
{
	static const char csv[] = XM ",b\r\n" WJG ",\"x\r\ny\"\r\n\r\nc,d\r\n";
	jz_table t;
	jz_err e = { 0 };

	assert_int_equal(jz_csv_read_mem(csv, strlen(csv), NULL, &t, &e), 0);
	assert_int_equal(t.nrows, 3); /* the empty line is skipped */
	ROW(&t, 0, XM, "b");
	ROW(&t, 1, WJG, "x\r\ny");
	ROW(&t, 2, "c", "d");
	jz_table_free(&t);
}

static void csv_empty_last_field(void **state)
{
	static const char csv[] = "a,b,\nc,,\ne,f,"; /* no newline at the end */
	jz_table t;
	jz_err e = { 0 };

	assert_int_equal(jz_csv_read_mem(csv, strlen(csv), NULL, &t, &e), 0);
	assert_int_equal(t.nrows, 3);
	ROW(&t, 0, "a", "b", "");
	ROW(&t, 1, "c", "", "");
	ROW(&t, 2, "e", "f", "");
	jz_table_free(&t);
	assert_int_equal(jz_csv_read_mem("", 0, NULL, &t, &e), 0);
	assert_int_equal(t.nrows, 0);
	jz_table_free(&t);
}

/* Row 3, column 2 holds 0x81 0x20: a GBK lead byte without its trail. */
static void csv_bad_gbk_row(void **state)
{
	static const char utf8[] = XM ",住址\n" WJG ",东街\n李四,@\n";
	jz_err e = { 0 };
	size_t len;
	char *gbk = jz_iconv("GBK", "UTF-8", utf8, strlen(utf8), &len, &e);
	jz_table t;

	assert_non_null(gbk);
	char *at = memchr(gbk, '@', len);
	assert_non_null(at);
	at[0] = '\x81';
	at[1] = ' '; /* was the newline: the record still ends at EOF */
	assert_int_equal(jz_csv_read_mem(gbk, len, "GBK", &t, &e), -1);
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "第 3 行第 2 列"));
	assert_non_null(strstr(e.msg, "GBK"));
	assert_int_equal(t.nrows, 0);
	assert_null(t.rows);

	/* Detected: neither UTF-8 (row 1 already) nor GB18030 (row 3). */
	write_file(in_dir("bad.csv"), gbk, len);
	jz_err_clear(&e);
	assert_int_equal(jz_csv_read(in_dir("bad.csv"), NULL, &t, &e), -1);
	assert_non_null(strstr(e.msg, in_dir("bad.csv")));
	assert_non_null(strstr(e.msg, "第 3 行第 2 列"));
	assert_non_null(strstr(e.msg, "GB18030"));
	assert_int_equal(t.nrows, 0);
	free(gbk);

	/* Told UTF-8, a UTF-8 file with a stray byte on row 2. */
	static const char bad8[] = XM "\n" WJG "\xFF\n";
	assert_int_equal(jz_csv_read_mem(bad8, strlen(bad8), "UTF-8", &t, &e), -1);
	assert_non_null(strstr(e.msg, "第 2 行第 1 列"));
	assert_non_null(strstr(e.msg, "UTF-8"));
}

static void csv_missing_file(void **state)
{
	jz_table t;
	jz_err e = { 0 };

	assert_int_equal(jz_csv_read(in_dir("nope.csv"), NULL, &t, &e), -1);
	assert_non_null(strstr(e.msg, "nope.csv"));
	assert_int_equal(t.nrows, 0);
}

/* 名单: a header, a row with a string, a big number, a blank cell, a number,
 * an empty row 3, a row 4 with a boolean and a rich string; 备注: one cell. */
static void make_workbook(const char *path, int constant_memory)
{
	lxw_workbook_options opt = { .constant_memory = constant_memory };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	assert_non_null(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "名单");
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "备注");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);

	worksheet_write_string(ws, 0, 0, XM, NULL);
	worksheet_write_string(ws, 0, 1, "身份证号", NULL);
	worksheet_write_string(ws, 0, 2, ZZ, NULL);
	worksheet_write_string(ws, 0, 3, "金额", NULL);
	worksheet_write_string(ws, 1, 0, WJG, NULL);
	worksheet_write_number(ws, 1, 1, 532326000000000000.0, NULL);
	worksheet_write_number(ws, 1, 3, 1234.5, NULL);
	worksheet_write_boolean(ws, 3, 0, 1, NULL);
	lxw_rich_string_tuple f1 = { bold, "东街" };
	lxw_rich_string_tuple f2 = { NULL, " 1 号" };
	lxw_rich_string_tuple *rich[] = { &f1, &f2, NULL };
	worksheet_write_rich_string(ws, 3, 2, rich, NULL);
	worksheet_write_string(ws2, 0, 1, "第二张", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void check_roster(const jz_table *t)
{
	assert_string_equal(t->encoding, "UTF-8");
	assert_int_equal(t->nrows, 4);
	ROW(t, 0, XM, "身份证号", ZZ, "金额");
	ROW(t, 1, WJG, "5.32326E+17", "", "1234.5");
	assert_int_equal(t->ncells[2], 0);
	assert_null(t->rows[2]);
	ROW(t, 3, "TRUE", "", "东街 1 号");
}

static void xlsx_read(void **state)
{
	const char *path = in_dir("roster.xlsx");
	jz_table t;
	jz_err e = { 0 };

	make_workbook(path, 0);
	assert_int_equal(jz_xlsx_read(path, NULL, &t, &e), 0);
	check_roster(&t);
	jz_table_free(&t);
	assert_int_equal(jz_xlsx_read(path, "名单", &t, &e), 0);
	check_roster(&t);
	jz_table_free(&t);
	assert_int_equal(jz_xlsx_read(path, "备注", &t, &e), 0);
	assert_int_equal(t.nrows, 1);
	ROW(&t, 0, "", "第二张");
	jz_table_free(&t);
}

/* constant_memory writes inline strings (<c t="inlineStr"><is><t>). */
static void xlsx_inline_strings(void **state)
{
	const char *path = in_dir("inline.xlsx");
	jz_table t;
	jz_err e = { 0 };

	make_workbook(path, 1);
	assert_int_equal(jz_xlsx_read(path, NULL, &t, &e), 0);
	check_roster(&t);
	jz_table_free(&t);
}

static void xlsx_unknown_sheet(void **state)
{
	const char *path = in_dir("roster2.xlsx");
	jz_table t;
	jz_err e = { 0 };

	make_workbook(path, 0);
	assert_int_equal(jz_xlsx_read(path, "Sheet1", &t, &e), -1);
	assert_int_equal(e.code, JZ_EUSER);
	assert_non_null(strstr(e.msg, "Sheet1"));
	assert_non_null(strstr(e.msg, "「名单」、「备注」"));
	assert_int_equal(t.nrows, 0);
	assert_null(t.rows);
}

static void xlsx_not_zip(void **state)
{
	const char *path = in_dir("fake.xlsx");
	jz_table t;
	jz_err e = { 0 };

	write_file(path, UTF8_CSV, strlen(UTF8_CSV));
	assert_int_equal(jz_xlsx_read(path, NULL, &t, &e), -1);
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "fake.xlsx"));
	assert_non_null(strstr(e.msg, "不是 xlsx"));
	assert_int_equal(t.nrows, 0);
	jz_err_clear(&e);
	assert_int_equal(jz_xlsx_read(in_dir("missing.xlsx"), NULL, &t, &e), -1);
	assert_non_null(strstr(e.msg, "无法打开"));
}

static int setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	static const char *files[] = { "bom.csv", "bad.csv", "roster.xlsx",
		"inline.xlsx", "roster2.xlsx", "fake.xlsx" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		unlink(in_dir(files[i]));
	jz_iconv_cleanup();
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_utf8),
		cmocka_unit_test(csv_utf8_bom_file),
		cmocka_unit_test(csv_gbk),
		cmocka_unit_test(csv_quoted),
		cmocka_unit_test(csv_crlf),
		cmocka_unit_test(csv_empty_last_field),
		cmocka_unit_test(csv_bad_gbk_row),
		cmocka_unit_test(csv_missing_file),
		cmocka_unit_test(xlsx_read),
		cmocka_unit_test(xlsx_inline_strings),
		cmocka_unit_test(xlsx_unknown_sheet),
		cmocka_unit_test(xlsx_not_zip),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
