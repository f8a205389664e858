/* test_text.c — UTF-8 decoding, display widths, truncation, iconv and
 * encoding detection (io/text.h). Runs in the C locale: nothing here may
 * depend on setlocale. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "io/text.h"
#include "io/width.h"

#define WANG_JIAN_GUO "\xE7\x8E\x8B\xE5\xBB\xBA\xE5\x9B\xBD" /* 王建国 */
#define WJG_GBK "\xCD\xF5\xBD\xA8\xB9\xFA"

static void decode_valid(void **state)
{
	uint32_t cp;

	assert_int_equal(jz_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(jz_utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(jz_utf8_decode(WANG_JIAN_GUO, 9, &cp), 3);
	assert_int_equal(cp, 0x738B);
	assert_int_equal(jz_utf8_decode("\xF0\xA0\x80\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x20000);
	assert_int_equal(jz_utf8_decode("\xEF\xBF\xBD", 3, &cp), 3); /* a real U+FFFD */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(jz_utf8_decode("", 0, &cp), 0);
}

/* Every bad sequence gives U+FFFD and moves on by exactly one byte. */
static void decode_invalid(void **state)
{
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{ "\x80", 1 },             /* stray continuation */
		{ "\xC0\x80", 2 },         /* overlong NUL */
		{ "\xC1\xBF", 2 },         /* overlong */
		{ "\xE0\x80\xAF", 3 },     /* overlong */
		{ "\xF0\x80\x80\xAF", 4 }, /* overlong */
		{ "\xED\xA0\x80", 3 },     /* surrogate U+D800 */
		{ "\xED\xBF\xBF", 3 },     /* surrogate U+DFFF */
		{ "\xF4\x90\x80\x80", 4 }, /* U+110000 */
		{ "\xF5\x80\x80\x80", 4 },
		{ "\xFF", 1 },
		{ "\xE7\x8E", 2 },         /* 王 cut short */
		{ "\xE7\x8E\x8B", 2 },     /* len says it is cut short */
		{ "\xE7\x41\x8B", 3 },     /* ASCII inside */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint32_t cp = 0;
		assert_int_equal(jz_utf8_decode(bad[i].s, bad[i].len, &cp), 1);
		assert_int_equal(cp, 0xFFFD);
		assert_false(jz_utf8_valid(bad[i].s, bad[i].len));
	}
}

static void encode_round_trip(void **state)
{
	static const uint32_t cps[] = { 0, 'a', 0x7F, 0x80, 0x7FF, 0x800, 0x738B,
		0xFFFD, 0xFFFF, 0x10000, 0x20000, 0x10FFFF };
	char buf[4];
	uint32_t back;

	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		size_t n = jz_utf8_encode(cps[i], buf);
		assert_int_equal(jz_utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(jz_utf8_encode(0x738B, buf), 3);
	assert_memory_equal(buf, "\xE7\x8E\x8B", 3);
	assert_int_equal(jz_utf8_encode(0xD800, buf), 3); /* surrogate: U+FFFD */
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_int_equal(jz_utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
}

static void valid_utf8(void **state)
{
	assert_true(jz_utf8_valid("", 0));
	assert_true(jz_utf8_valid("abc", 3));
	assert_true(jz_utf8_valid(WANG_JIAN_GUO "abc", 12));
	assert_true(jz_utf8_valid("a\0b", 3));
	assert_true(jz_utf8_valid("\xEF\xBF\xBD", 3));
	assert_false(jz_utf8_valid(WJG_GBK, 6));
	assert_false(jz_utf8_valid(WANG_JIAN_GUO, 8)); /* last character cut */
}

static void widths_of_characters(void **state)
{
	assert_int_equal(jz_cp_width('a'), 1);
	assert_int_equal(jz_cp_width(' '), 1);
	assert_int_equal(jz_cp_width(0x738B), 2);  /* 王 */
	assert_int_equal(jz_cp_width(0x3000), 2);  /* ideographic space */
	assert_int_equal(jz_cp_width(0xFF0C), 2);  /* ， */
	assert_int_equal(jz_cp_width(0xFF21), 2);  /* Ａ */
	assert_int_equal(jz_cp_width(0x3001), 2);  /* 、 */
	assert_int_equal(jz_cp_width(0x20000), 2); /* CJK extension B */
	assert_int_equal(jz_cp_width(0x1F600), 2); /* emoji */
	assert_int_equal(jz_cp_width(0xAC00), 2);  /* 가 */
	assert_int_equal(jz_cp_width(0x00B7), 1);  /* · is Ambiguous: 1 */
	assert_int_equal(jz_cp_width(0x2460), 1);  /* ① is Ambiguous: 1 */
	assert_int_equal(jz_cp_width(0xFF61), 1);  /* halfwidth ｡ */
	assert_int_equal(jz_cp_width(0xFFFD), 1);
	assert_int_equal(jz_cp_width(0x0301), 0);  /* combining acute */
	assert_int_equal(jz_cp_width(0x20DD), 0);  /* enclosing circle (Me) */
	assert_int_equal(jz_cp_width(0x3099), 0);  /* combining kana mark: W but Mn */
	assert_int_equal(jz_cp_width(0x200B), 0);  /* zero width space */
	assert_int_equal(jz_cp_width(0xFE0F), 0);  /* variation selector */
	assert_int_equal(jz_cp_width(0xFEFF), 0);  /* BOM */
	assert_int_equal(jz_cp_width(0x00AD), 1);  /* soft hyphen shows */
	assert_int_equal(jz_cp_width(0x0600), 1);  /* Arabic number sign (Cf) shows */
	assert_int_equal(jz_cp_width(0), 0);
	assert_int_equal(jz_cp_width('\t'), 0);
	assert_int_equal(jz_cp_width(0x7F), 0);
	assert_int_equal(jz_cp_width(0x9B), 0);
	assert_int_equal(jz_cp_width(0x110000), 1); /* never -1 */
}

static void widths_of_strings(void **state)
{
	assert_int_equal(jz_str_width(""), 0);
	assert_int_equal(jz_str_width("abc"), 3);
	assert_int_equal(jz_str_width(WANG_JIAN_GUO), 6);
	assert_int_equal(jz_str_width("\xE7\x8E\x8B" "a\xE5\xBB\xBA"), 5); /* 王a建 */
	assert_int_equal(jz_str_width("\xEF\xBC\xA1\xEF\xBC\xA2" "1"), 5); /* ＡＢ1 */
	assert_int_equal(jz_str_width("e\xCC\x81"), 1);                     /* é decomposed */
	assert_int_equal(jz_str_width("\xE4\xB9\xB0\xC2\xB7\xE8\x89\xBE"), 5); /* 买·艾 */
	assert_int_equal(jz_utf8_count(WANG_JIAN_GUO "ab"), 5);
	assert_int_equal(jz_utf8_count("e\xCC\x81"), 2);
	assert_int_equal(jz_utf8_count(""), 0);
}

/* Invalid bytes: one U+FFFD, one column, one byte each. */
static void invalid_shown_as_replacement(void **state)
{
	assert_int_equal(jz_str_width("a\xFF" "b"), 3);
	assert_int_equal(jz_utf8_count("a\xFF" "b"), 3);
	assert_int_equal(jz_str_width("\xE7\x8E"), 2);  /* 王 cut: two bad bytes */
	assert_int_equal(jz_utf8_count("\xE7\x8E"), 2);
	assert_int_equal(jz_str_width(WJG_GBK), 6);     /* GBK read as UTF-8 */
	assert_int_equal(jz_str_width("\xC0\x80"), 2);
}

static void fit_never_splits(void **state)
{
	const char *s = "\xE7\x8E\x8B" "a\xE5\xBB\xBA"; /* 王a建 */
	int used = -1;

	assert_int_equal(jz_str_fit(s, 3, &used), 4); /* 王a */
	assert_int_equal(used, 3);
	assert_int_equal(jz_str_fit(s, 4, &used), 4); /* 建 needs two */
	assert_int_equal(used, 3);
	assert_int_equal(jz_str_fit(s, 5, &used), 7);
	assert_int_equal(used, 5);
	assert_int_equal(jz_str_fit(s, 99, &used), 7);
	assert_int_equal(jz_str_fit(s, 1, &used), 0); /* 王 does not fit */
	assert_int_equal(used, 0);
	assert_int_equal(jz_str_fit(s, 0, NULL), 0);
	assert_int_equal(jz_str_fit("a\xE7\x8E\x8B", 2, &used), 1); /* a王 in 2: a */
	assert_int_equal(used, 1);
	assert_int_equal(jz_str_fit("", 5, &used), 0);
	assert_int_equal(used, 0);
}

static void fit_keeps_marks_and_bad_bytes(void **state)
{
	int used;

	/* The mark after e stays with it. */
	assert_int_equal(jz_str_fit("ae\xCC\x81" "b", 2, &used), 4);
	assert_int_equal(used, 2);
	/* A bad byte is one column and one byte. */
	assert_int_equal(jz_str_fit("a\xFF\xE7\x8E\x8B", 2, &used), 2);
	assert_int_equal(used, 2);
	assert_int_equal(jz_str_fit("\xE7\x8E" "b", 1, &used), 1);
	assert_int_equal(used, 1);
}

static void tables_sorted(void **state)
{
	const struct {
		const struct jz_wrange *r;
		unsigned n;
	} t[] = { { jz_wide_ranges, jz_wide_ranges_n }, { jz_zero_ranges, jz_zero_ranges_n } };

	for (int k = 0; k < 2; k++) {
		assert_true(t[k].n > 50);
		for (unsigned i = 0; i < t[k].n; i++) {
			assert_true(t[k].r[i].first <= t[k].r[i].last);
			if (i > 0)
				assert_true(t[k].r[i - 1].last + 1 < t[k].r[i].first);
		}
	}
}

static void gbk_round_trip(void **state)
{
	jz_err e = { 0 };
	size_t n = 99;

	char *gbk = jz_iconv("GBK", "UTF-8", WANG_JIAN_GUO, 9, &n, &e);
	assert_non_null(gbk);
	assert_int_equal(n, 6);
	assert_memory_equal(gbk, WJG_GBK, 7); /* with the NUL */

	char *utf8 = jz_iconv("UTF-8", "GBK", gbk, n, &n, &e);
	assert_non_null(utf8);
	assert_int_equal(n, 9);
	assert_string_equal(utf8, WANG_JIAN_GUO);
	free(gbk);
	free(utf8);

	/* Same again through the cached descriptors, via GB18030. */
	utf8 = jz_iconv("UTF-8", "GB18030", WJG_GBK "ok", 8, NULL, &e);
	assert_string_equal(utf8, WANG_JIAN_GUO "ok");
	free(utf8);
}

static void empty_input(void **state)
{
	jz_err e = { 0 };
	size_t n = 99;
	char *s = jz_iconv("UTF-8", "GBK", "", 0, &n, &e);

	assert_non_null(s);
	assert_int_equal(n, 0);
	assert_string_equal(s, "");
	free(s);
}

static void bad_gbk_byte_offset(void **state)
{
	jz_err e = { 0 };

	/* 王, then 0xFF (never valid in GBK) at offset 2. */
	assert_null(jz_iconv("UTF-8", "GBK", "\xCD\xF5\xFF" "A", 4, NULL, &e));
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "偏移量 2 "));
	assert_non_null(strstr(e.msg, "0xFF"));
	assert_non_null(strstr(e.msg, "GBK"));

	/* Invalid UTF-8 the other way: a lead byte without its continuation at
	 * offset 2, a stray continuation byte at offset 4. */
	assert_null(jz_iconv("GBK", "UTF-8", "ab\xE7" "A", 4, NULL, &e));
	assert_non_null(strstr(e.msg, "偏移量 2 "));
	assert_null(jz_iconv("GBK", "UTF-8", "abcd\x80", 5, NULL, &e));
	assert_non_null(strstr(e.msg, "偏移量 4 "));
}

static void truncated_input(void **state)
{
	jz_err e = { 0 };

	/* 王 then the first byte of 建. */
	assert_null(jz_iconv("UTF-8", "GBK", "\xCD\xF5\xBD", 3, NULL, &e));
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "截断"));
	assert_non_null(strstr(e.msg, "偏移量 2 "));
}

static void unsupported_pair(void **state)
{
	jz_err e = { 0 };

	assert_null(jz_iconv("UTF-8", "NO-SUCH-ENCODING", "a", 1, NULL, &e));
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "NO-SUCH-ENCODING"));
}

/* 100,000 hanzi: 200,000 GBK bytes grow to 300,000 UTF-8 bytes, past the
 * first buffer (input size + 16), and back. */
static void long_input_grows(void **state)
{
	enum { N = 100000 };
	jz_err e = { 0 };
	char *gbk = malloc(N * 2);
	size_t n;

	assert_non_null(gbk);
	for (size_t i = 0; i < N; i++)
		memcpy(gbk + i * 2, WJG_GBK + (i % 3) * 2, 2);
	char *utf8 = jz_iconv("UTF-8", "GBK", gbk, N * 2, &n, &e);
	assert_non_null(utf8);
	assert_int_equal(n, N * 3);
	assert_int_equal(strlen(utf8), N * 3);
	assert_int_equal(jz_utf8_count(utf8), N);
	assert_int_equal(jz_str_width(utf8), N * 2);
	assert_memory_equal(utf8 + (N - 1) * 3, "\xE7\x8E\x8B", 3); /* 99999 % 3 == 0: 王 */

	char *back = jz_iconv("GBK", "UTF-8", utf8, n, &n, &e);
	assert_non_null(back);
	assert_int_equal(n, N * 2);
	assert_memory_equal(back, gbk, N * 2);
	free(back);
	free(utf8);
	free(gbk);
}

/* More pairs than the cache holds, then a cleanup, then use again. */
static void cache_eviction_and_cleanup(void **state)
{
	static const char *const from[] = { "GBK", "GB18030", "UTF-8", "ISO-8859-1",
		"UTF-16LE", "CP936" };
	jz_err e = { 0 };

	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
			char *s = jz_iconv("UTF-8", from[i], "", 0, NULL, &e);
			assert_non_null(s);
			free(s);
		}
		jz_iconv_cleanup();
	}
	char *s = jz_iconv("UTF-8", "CP936", WJG_GBK, 6, NULL, &e);
	assert_string_equal(s, WANG_JIAN_GUO);
	free(s);
}

static void detect(void **state)
{
	size_t bom = 99;

	assert_string_equal(jz_detect_encoding("\xEF\xBB\xBF" "a,b\n", 7, &bom), "UTF-8");
	assert_int_equal(bom, 3);
	assert_string_equal(jz_detect_encoding(WANG_JIAN_GUO ",1\n", 12, &bom), "UTF-8");
	assert_int_equal(bom, 0);
	assert_string_equal(jz_detect_encoding("name,id\n", 8, &bom), "UTF-8");
	assert_string_equal(jz_detect_encoding("", 0, &bom), "UTF-8");
	assert_string_equal(jz_detect_encoding(WJG_GBK ",1\n", 9, &bom), "GB18030");
	assert_int_equal(bom, 0);
	/* GB18030 four-byte form (U+00B7 ·: 81 30 A1 37). */
	assert_string_equal(jz_detect_encoding("\x81\x30\xA1\x37", 4, NULL), "GB18030");
	assert_string_equal(jz_detect_encoding("\xFF\xFE" "a\0", 4, &bom), "UTF-16LE");
	assert_int_equal(bom, 2);
	assert_string_equal(jz_detect_encoding("\xFE\xFF\0a", 4, &bom), "UTF-16BE");
	/* Neither: a lone 0x80, a cut GBK character. */
	assert_null(jz_detect_encoding("a\x80", 2, &bom));
	assert_int_equal(bom, 0);
	assert_null(jz_detect_encoding("\xCD\xF5\xBD", 3, NULL));
	assert_null(jz_detect_encoding("\x81\x30\xA1", 3, NULL));
}

static int teardown_group(void **state)
{
	jz_iconv_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_valid),
		cmocka_unit_test(decode_invalid),
		cmocka_unit_test(encode_round_trip),
		cmocka_unit_test(valid_utf8),
		cmocka_unit_test(widths_of_characters),
		cmocka_unit_test(widths_of_strings),
		cmocka_unit_test(invalid_shown_as_replacement),
		cmocka_unit_test(fit_never_splits),
		cmocka_unit_test(fit_keeps_marks_and_bad_bytes),
		cmocka_unit_test(tables_sorted),
		cmocka_unit_test(gbk_round_trip),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(bad_gbk_byte_offset),
		cmocka_unit_test(truncated_input),
		cmocka_unit_test(unsupported_pair),
		cmocka_unit_test(long_input_grows),
		cmocka_unit_test(cache_eviction_and_cleanup),
		cmocka_unit_test(detect),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_group);
}
