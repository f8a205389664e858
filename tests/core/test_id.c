/* test_id.c — resident ID checking, normalising and masking (core/id.c).
 *
 * Covers every vector of DOMAIN.md "Resident ID test vectors", the messages
 * a clerk sees for each kind of mistake, 15-digit conversion, and a few
 * hundred IDs built here whose check digits are cross-checked against a
 * second, independent formulation of ISO 7064 MOD 11-2.
 * "Today" is always 2026-11-27; the real clock is never read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/id.h"

#define TODAY "2026-11-27"
#define UNTOUCHED "untouched-sentinel"

/* ---- helpers ---- */

/* Accepts in and checks the normalised ID and what is derived from it. */
static void assert_accepted(const char *in, int allow15, const char *want,
	char sex, const char *birth, const char *area)
{
	char out[19] = UNTOUCHED;
	jz_id_info info;
	jz_err e;
	jz_err_clear(&e);
	int rc = jz_id_normalize(in, TODAY, allow15, out, &info, &e);
	if (rc != 0)
		print_error("refused %s: %s\n", in, e.msg);
	assert_int_equal(rc, 0);
	assert_string_equal(out, want);
	assert_int_equal(info.sex, sex);
	assert_string_equal(info.birth, birth);
	assert_string_equal(info.area, area);
}

/* Refuses in with JZ_EUSER, leaves out alone, and the message contains
 * every word of the NULL-terminated list. */
static void assert_refused_words(const char *in, int allow15, const char *const *words)
{
	char out[19] = UNTOUCHED;
	jz_id_info info = {.sex = '?'};
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_id_normalize(in, TODAY, allow15, out, &info, &e), -1);
	assert_int_equal(e.code, JZ_EUSER);
	assert_string_equal(out, UNTOUCHED);
	assert_int_equal(info.sex, '?');
	for (; *words; words++) {
		if (!strstr(e.msg, *words))
			print_error("message for \"%s\" lacks \"%s\": %s\n", in ? in : "(null)", *words, e.msg);
		assert_non_null(strstr(e.msg, *words));
	}
}
#define REFUSED(in, allow15, ...) \
	assert_refused_words((in), (allow15), (const char *const[]){__VA_ARGS__, NULL})

/* ISO 7064 MOD 11-2 in its recursive form (p = (p + d) * 2 mod 11, check
 * value (12 - p) mod 11), independent of the weight table in id.c. */
static char iso7064_check(const char *first17)
{
	int p = 0;
	for (int i = 0; i < 17; i++)
		p = ((p + (first17[i] - '0')) * 2) % 11;
	int c = (12 - p) % 11;
	return c == 10 ? 'X' : (char)('0' + c);
}

/* ---- DOMAIN.md vectors ---- */

static void test_domain_valid(void **state)
{
	(void)state;
	assert_accepted("11010519491231002X", 0, "11010519491231002X", 'F', "1949-12-31", "110105");
	assert_accepted("11010219840406970X", 0, "11010219840406970X", 'F', "1984-04-06", "110102");
	assert_accepted("372925199510103222", 0, "372925199510103222", 'F', "1995-10-10", "372925");
	assert_accepted("34052419800101001X", 0, "34052419800101001X", 'M', "1980-01-01", "340524");
	assert_accepted("120103198806018241", 0, "120103198806018241", 'F', "1988-06-01", "120103");
	assert_accepted("110101199003070011", 0, "110101199003070011", 'M', "1990-03-07", "110101");
	/* allow15 changes nothing for 18-digit IDs */
	assert_accepted("110101199003070011", 1, "110101199003070011", 'M', "1990-03-07", "110101");
}

static void test_domain_check_digits(void **state)
{
	(void)state;
	assert_int_equal(jz_id_check_digit("11010519491231002"), 'X');
	assert_int_equal(jz_id_check_digit("11010219840406970"), 'X');
	assert_int_equal(jz_id_check_digit("37292519951010322"), '2');
	assert_int_equal(jz_id_check_digit("34052419800101001"), 'X');
	assert_int_equal(jz_id_check_digit("12010319880601824"), '1');
	assert_int_equal(jz_id_check_digit("11010119900307001"), '1');
	/* not 17 digits */
	assert_int_equal(jz_id_check_digit(NULL), '\0');
	assert_int_equal(jz_id_check_digit("1101011990030700"), '\0');
	assert_int_equal(jz_id_check_digit("1101011990030700X"), '\0');
	assert_int_equal(jz_id_check_digit("11010１1990030700"), '\0');
}

static void test_lowercase_x(void **state)
{
	(void)state;
	assert_accepted("11010519491231002x", 0, "11010519491231002X", 'F', "1949-12-31", "110105");
	assert_accepted("34052419800101001x", 0, "34052419800101001X", 'M', "1980-01-01", "340524");
}

static void test_wrong_check_digit(void **state)
{
	(void)state;
	REFUSED("11010219840506970X", 0, "校验位", "最后一位是 X", "应为 1", "核对");
	REFUSED("440524189001010014", 0, "校验位", "最后一位是 4", "应为 9");
	REFUSED("11020519491231002X", 0, "校验位", "最后一位是 X", "应为 5");
	REFUSED("110105194912310021", 0, "校验位", "最后一位是 1", "应为 X");
	REFUSED("340524198001010013", 0, "校验位", "最后一位是 3", "应为 X");
	/* lowercase x that is wrong is reported as X */
	REFUSED("11020519491231002x", 0, "校验位", "最后一位是 X", "应为 5");
}

static void test_impossible_dates(void **state)
{
	(void)state;
	REFUSED("11010219840230004X", 0, "出生日期 1984-02-30 不存在", "第 7–14 位");
	REFUSED("11010219000229000X", 0, "出生日期 1900-02-29 不存在", "第 7–14 位");
	/* month 13 and day 00, check digits computed here */
	char id[19] = "11010219841301001";
	id[17] = jz_id_check_digit(id);
	id[18] = '\0';
	REFUSED(id, 0, "1984-13-01", "不存在");
	memcpy(id, "11010219840100001", 17);
	id[17] = jz_id_check_digit(id);
	REFUSED(id, 0, "1984-01-00", "不存在");
}

static void test_before_1900(void **state)
{
	(void)state;
	REFUSED("440524188001010014", 0, "1880-01-01", "早于 1900", "第 7–14 位");
	char id[19] = "11010218991231001";
	id[17] = jz_id_check_digit(id);
	id[18] = '\0';
	REFUSED(id, 0, "1899-12-31", "早于 1900");
	memcpy(id, "11010219000101001", 17);
	id[17] = jz_id_check_digit(id);
	assert_accepted(id, 0, id, 'M', "1900-01-01", "110102");
}

static void test_future_birth(void **state)
{
	(void)state;
	char id[19] = "11010520261128001";
	id[17] = jz_id_check_digit(id);
	id[18] = '\0';
	REFUSED(id, 0, "出生日期 2026-11-28", "晚于今天", "2026-11-27", "第 7–14 位");
	memcpy(id, "11010520270101002", 17);
	id[17] = jz_id_check_digit(id);
	REFUSED(id, 0, "2027-01-01", "晚于今天");
	/* born today is fine */
	memcpy(id, "11010520261127002", 17);
	id[17] = jz_id_check_digit(id);
	assert_accepted(id, 0, id, 'F', "2026-11-27", "110105");
	/* without a today, only the calendar and 1900 bounds apply */
	char out[19];
	jz_err e;
	memcpy(id, "11010520270101002", 17);
	id[17] = jz_id_check_digit(id);
	assert_int_equal(jz_id_normalize(id, NULL, 0, out, NULL, &e), 0);
}

/* ---- characters ---- */

static void test_fullwidth(void **state)
{
	(void)state;
	REFUSED("１１０１０５１９４９１２３１００２Ｘ", 0, "第 1 位「１」", "全角", "半角");
	REFUSED("1101051949１231002X", 0, "第 11 位「１」", "全角", "半角");
	REFUSED("11010519491231002Ｘ", 0, "第 18 位「Ｘ」", "全角", "半角");
	REFUSED("11010519491231002ｘ", 0, "第 18 位「ｘ」", "全角");
	REFUSED("11010519491231002９", 0, "第 18 位「９」", "全角");
}

static void test_lookalike_x(void **state)
{
	(void)state;
	/* U+0445 and U+0425: Cyrillic small and capital ha */
	REFUSED("11010519491231002х", 0, "第 18 位「х」", "不是拉丁字母 X", "俄文", "重新输入 X");
	REFUSED("11010519491231002Х", 0, "第 18 位「Х」", "不是拉丁字母 X", "俄文");
	/* U+03C7 Greek chi, U+00D7 multiplication sign */
	REFUSED("11010519491231002χ", 0, "第 18 位「χ」", "拉丁字母 X", "希腊");
	REFUSED("11010519491231002×", 0, "第 18 位「×」", "拉丁字母 X", "乘号");
	/* in the middle it is wrong twice over */
	REFUSED("110105х9491231002X", 0, "第 7 位「х」", "俄文", "只有最后一位可以是 X");
}

static void test_spaces(void **state)
{
	(void)state;
	REFUSED(" 11010519491231002X", 0, "首尾有空格", "第 1 位", "请删除空格");
	REFUSED("11010519491231002X ", 0, "首尾有空格", "第 19 位", "请删除空格");
	REFUSED("110105 19491231002X", 0, "第 7 位是空格", "请删除空格");
	REFUSED("11010519491231002 X", 0, "第 18 位是空格");
	/* a space is reported before an X out of place */
	REFUSED("11010X19491231002X ", 0, "首尾有空格", "第 19 位");
	/* U+3000 counts as one character: position 19, not 21 */
	REFUSED("11010519491231002X　", 0, "首尾有空格", "第 19 位", "全角空格");
	REFUSED("　11010519491231002X", 0, "首尾有空格", "第 1 位", "全角空格");
	REFUSED("1101051949　1231002X", 0, "第 11 位是全角空格");
	REFUSED("1101051949\t1231002X", 0, "第 11 位", "制表符");
	REFUSED("11010519491231002X\n", 0, "第 19 位", "换行符");
	REFUSED("11010519491231002X\r\n", 0, "第 19 位", "换行符");
	REFUSED("1101051949\xc2\xa0" "1231002X", 0, "第 11 位", "不换行空格");
	/* invisible characters from copying or a file's BOM */
	REFUSED("\xef\xbb\xbf" "11010519491231002X", 0, "第 1 位", "看不见", "BOM");
	REFUSED("110105\xe2\x80\x8b" "19491231002X", 0, "第 7 位", "看不见", "零宽空格");
}

static void test_other_characters(void **state)
{
	(void)state;
	REFUSED("11010519491231002A", 0, "第 18 位「A」不是数字", "只有最后一位可以是 X");
	REFUSED("1101O519491231002X", 0, "第 5 位「O」不是数字");
	REFUSED("110105-19491231002X", 0, "第 7 位「-」不是数字");
	REFUSED("11010519491231002叉", 0, "第 18 位「叉」不是数字");
	REFUSED("11010519491231002X。", 0, "第 19 位「。」");
	/* a control character is named by its code, not printed raw */
	REFUSED("110105\x01" "19491231002X", 0, "第 7 位「U+0001」");
	REFUSED("110105\x7f" "19491231002X", 0, "第 7 位「U+007F」");
	/* X anywhere but last */
	REFUSED("11010X19491231002X", 0, "第 6 位「X」不是数字", "只有最后一位可以是 X");
	REFUSED("x10105194912310021", 0, "第 1 位「x」不是数字");
	REFUSED("1101051949123100X2", 0, "第 17 位「X」");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	REFUSED("11010519491231002\xff", 0, "第 18 位", "UTF-8");
	/* "身份" in GBK */
	REFUSED("\xc9\xed\xb7\xdd", 0, "第 1 位", "无法识别的字节", "UTF-8");
	REFUSED("110105\xc0\xb1" "9491231002X", 0, "第 7 位", "UTF-8");      /* overlong '1' */
	REFUSED("110105\xed\xa0\x80" "9491231002X", 0, "第 7 位", "UTF-8");  /* surrogate */
	REFUSED("11010519491231002\xe3\x80", 0, "第 18 位", "UTF-8");        /* truncated */
	REFUSED("\xf4\x90\x80\x80" "1", 0, "第 1 位", "UTF-8");             /* above U+10FFFF */
	REFUSED("\x80" "11010519491231002X", 0, "第 1 位", "UTF-8");        /* stray continuation */
	/* the position counts characters: the bad byte follows one full-width space */
	REFUSED("　\xff", 0, "第 2 位", "UTF-8");
}

/* ---- length ---- */

static void test_length(void **state)
{
	(void)state;
	REFUSED("11010519491231002", 0, "应为 18 位", "现在是 17 位", "「11010519491231002」");
	REFUSED("110105194912310020X", 0, "应为 18 位", "现在是 19 位");
	REFUSED("1101051949123100211", 0, "现在是 19 位");
	REFUSED("1", 0, "现在是 1 位");
	REFUSED("", 0, "空的", "18 位");
	REFUSED(NULL, 0, "空的");
	/* a long paste is cut short in the message */
	REFUSED("123456789012345678901234567890123456789012345678901234567890", 0,
		"现在是 60 位", "...");
	/* 15 characters ending in X are an 18-digit ID with digits missing */
	REFUSED("11010519491231X", 1, "应为 18 位", "现在是 15 位");
	REFUSED("11010519491231X", 0, "应为 18 位", "现在是 15 位");
}

static void test_error_without_err(void **state)
{
	(void)state;
	char out[19];
	assert_int_equal(jz_id_normalize("11010519491231002", TODAY, 0, out, NULL, NULL), -1);
	assert_int_equal(jz_id_normalize("11010519491231002X", TODAY, 0, out, NULL, NULL), 0);
	assert_string_equal(out, "11010519491231002X");
}

/* ---- 15-digit old IDs ---- */

static void test_15_refused_unless_allowed(void **state)
{
	(void)state;
	REFUSED("110105491231002", 0, "15 位旧身份证号", "18 位新号码");
}

static void test_15_converted(void **state)
{
	(void)state;
	/* 110105 491231 002 -> 110105 19491231 002 + check: the DOMAIN.md vector
	 * 11010519491231002X, so the check digit must be X; sequence 002 is even. */
	assert_accepted("110105491231002", 1, "11010519491231002X", 'F', "1949-12-31", "110105");
	/* By hand: 130503 670401 001 -> 1 3 0 5 0 3 1 9 6 7 0 4 0 1 0 0 1
	 * weights  7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
	 * products 7+27+0+25+0+12+2+9+36+21+0+36+0+5+0+0+2 = 182
	 * 182 mod 11 = 6, and "10X98765432"[6] = '6'; sequence 001 is odd. */
	assert_accepted("130503670401001", 1, "130503196704010016", 'M', "1967-04-01", "130503");
	assert_int_equal(jz_id_check_digit("13050319670401001"), '6');
	/* 1900 is not a leap year, and positions are those of the 15-digit form */
	REFUSED("110105840230002", 1, "出生日期 1984-02-30 不存在", "第 7–12 位");
	REFUSED("110105000229002", 1, "1900-02-29", "第 7–12 位");
}

/* ---- constructed IDs ---- */

/* 17-digit prefixes: area, birth date, sequence. Leap days, the 1900 and
 * today bounds, every province-like area prefix. */
static const char *const prefixes[] = {
	"11010119000101001", "12010220000229002", "13010319040229003",
	"14010419991231004", "15010520261127005", "21010619500615006",
	"22010719620301007", "23010819771111008", "31010919880808009",
	"32011019960430010", "33011120010101011", "34011220121212012",
	"35011319450815013", "36011419370707014", "37011520080808015",
	"41011619781218016", "42011719491001017", "43011819310918018",
	"44011920190705019", "45012019830228020", "46012119920531021",
	"50012219580909022", "51012320240229023", "52012419670120024",
	"53012519131013025", "54012619250625026", "61012719700101027",
	"62012819861130028", "65012919541031029", "71013019980317030",
	"81013120050701031", "82013220110411032",
};

/* Checks one 17-digit prefix: both check-digit formulations agree, the ID
 * is accepted with the right info, every other final character is refused. */
static void check_constructed(const char *first17)
{
	char id[19], want_birth[11], area[7];
	memcpy(id, first17, 17);
	id[17] = jz_id_check_digit(first17);
	id[18] = '\0';
	assert_int_equal(id[17], iso7064_check(first17));
	snprintf(want_birth, sizeof want_birth, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
	snprintf(area, sizeof area, "%.6s", id);
	char sex = (id[16] - '0') % 2 ? 'M' : 'F';
	assert_accepted(id, 0, id, sex, want_birth, area);
	if (id[17] == 'X') {
		char lower[19];
		memcpy(lower, id, 19);
		lower[17] = 'x';
		assert_accepted(lower, 0, id, sex, want_birth, area);
	}
	const char *finals = "0123456789X";
	for (const char *f = finals; *f; f++) {
		if (*f == id[17])
			continue;
		char bad[19];
		memcpy(bad, id, 19);
		bad[17] = *f;
		REFUSED(bad, 0, "校验位");
	}
}

static void test_constructed_table(void **state)
{
	(void)state;
	size_t n = sizeof prefixes / sizeof prefixes[0];
	assert_true(n >= 20);
	for (size_t i = 0; i < n; i++)
		check_constructed(prefixes[i]);
}

/* Hundreds of pseudo-random IDs (fixed seed): every birth date between
 * 1900-01-01 and today is reachable; all 11 check values must turn up. */
static void test_constructed_random(void **state)
{
	(void)state;
	uint64_t seed = 20261127u;
	long lo = jz_date_to_days("1900-01-01"), hi = jz_date_to_days(TODAY);
	int seen[128] = {0};
	for (int i = 0; i < 400; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		uint64_t r = seed >> 11;
		char birth[11], first17[18];
		jz_days_to_date(lo + (long)(r % (uint64_t)(hi - lo + 1)), birth);
		snprintf(first17, sizeof first17, "%02u%04u%.4s%.2s%.2s%03u",
			(unsigned)(11 + (r >> 20) % 55), (unsigned)((r >> 8) % 10000), birth, birth + 5, birth + 8,
			(unsigned)((r >> 32) % 1000));
		check_constructed(first17);
		seen[(unsigned char)jz_id_check_digit(first17)] = 1;
	}
	for (const char *f = "0123456789X"; *f; f++)
		assert_true(seen[(unsigned char)*f]);
}

/* ---- masking and labels ---- */

static void test_mask(void **state)
{
	(void)state;
	char out[19];
	jz_id_mask("11010519491231002X", out);
	assert_string_equal(out, "110105********002X");
	jz_id_mask("372925199510103222", out);
	assert_string_equal(out, "372925********3222");
	jz_id_mask("123", out);
	assert_string_equal(out, "******************");
	jz_id_mask("11010519491231002X ", out);
	assert_string_equal(out, "******************");
	jz_id_mask(NULL, out);
	assert_string_equal(out, "******************");
}

static void test_sex_label(void **state)
{
	(void)state;
	assert_string_equal(jz_sex_label('M'), "男");
	assert_string_equal(jz_sex_label('F'), "女");
	assert_string_equal(jz_sex_label('?'), "");
	/* the 17th digit decides: 0 2 4 6 8 female, 1 3 5 7 9 male */
	char id[19] = "11010119900307000";
	for (char d = '0'; d <= '9'; d++) {
		jz_id_info info;
		char out[19];
		jz_err e;
		id[16] = d;
		id[17] = jz_id_check_digit(id);
		id[18] = '\0';
		assert_int_equal(jz_id_normalize(id, TODAY, 0, out, &info, &e), 0);
		assert_int_equal(info.sex, (d - '0') % 2 ? 'M' : 'F');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_valid),
		cmocka_unit_test(test_domain_check_digits),
		cmocka_unit_test(test_lowercase_x),
		cmocka_unit_test(test_wrong_check_digit),
		cmocka_unit_test(test_impossible_dates),
		cmocka_unit_test(test_before_1900),
		cmocka_unit_test(test_future_birth),
		cmocka_unit_test(test_fullwidth),
		cmocka_unit_test(test_lookalike_x),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_other_characters),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_error_without_err),
		cmocka_unit_test(test_15_refused_unless_allowed),
		cmocka_unit_test(test_15_converted),
		cmocka_unit_test(test_constructed_table),
		cmocka_unit_test(test_constructed_random),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_sex_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
