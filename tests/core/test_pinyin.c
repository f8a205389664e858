/* test_pinyin.c — pinyin initials from the generated Unihan table and
 * matching typed initials against names (core/pinyin.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/pinyin.h"

#define L(c) (1u << ((c) - 'a'))

/* Names as UTF-8 bytes, so the file's own encoding does not matter. */
#define WANG "\xE7\x8E\x8B"     /* 王 wáng */
#define JIAN "\xE5\xBB\xBA"     /* 建 jiàn */
#define GUO "\xE5\x9B\xBD"      /* 国 guó */
#define ZENG "\xE6\x9B\xBE"     /* 曾 zēng, céng */
#define DAN "\xE5\x8D\x95"      /* 单 dān, shàn, chán */
#define QU "\xE5\x8C\xBA"       /* 区 qū, ōu */
#define QIN "\xE8\xA6\x83"      /* 覃 qín, tán */
#define CHANG "\xE9\x95\xBF"    /* 长 cháng, zhǎng */
#define LE "\xE4\xB9\x90"       /* 乐 lè, yuè */
#define TIAN "\xE7\x94\xB0"     /* 田 tián */
#define FANG "\xE8\x8A\xB3"     /* 芳 fāng */
#define MING "\xE6\x98\x8E"     /* 明 míng */
#define MAI "\xE4\xB9\xB0"      /* 买 mǎi */
#define TI "\xE6\x8F\x90"       /* 提 tí */
#define AI "\xE8\x89\xBE"       /* 艾 ài */
#define LI "\xE5\x8A\x9B"       /* 力 lì */
#define DOT "\xC2\xB7"          /* · */

static void letters_of_characters(void **state)
{
	assert_int_equal(jz_pinyin_letters(0x738B) & L('w'), L('w')); /* 王 */
	assert_int_equal(jz_pinyin_letters(0x5EFA), L('j'));          /* 建 */
	assert_int_equal(jz_pinyin_letters(0x56FD), L('g'));          /* 国 */
	assert_int_equal(jz_pinyin_letters(0x66FE), L('z') | L('c')); /* 曾 */
	assert_true(jz_pinyin_letters(0x5355) & L('s'));              /* 单 */
	assert_true(jz_pinyin_letters(0x5355) & L('d'));
	assert_true(jz_pinyin_letters(0x533A) & L('o'));              /* 区 */
	assert_true(jz_pinyin_letters(0x533A) & L('q'));
	assert_true(jz_pinyin_letters(0x8983) & L('q'));              /* 覃 */
	assert_true(jz_pinyin_letters(0x8983) & L('t'));
	assert_int_equal(jz_pinyin_letters(0x957F), L('c') | L('z')); /* 长 */
	assert_int_equal(jz_pinyin_letters(0x4E50), L('l') | L('y')); /* 乐 */
}

/* Readings that start with an accented or nasal letter. */
static void letters_of_odd_readings(void **state)
{
	assert_true(jz_pinyin_letters(0x5B89) & L('a'));  /* 安 ān */
	assert_true(jz_pinyin_letters(0x6069) & L('e'));  /* 恩 ēn */
	assert_true(jz_pinyin_letters(0x6B27) & L('o'));  /* 欧 ōu */
	assert_true(jz_pinyin_letters(0x513F) & L('e'));  /* 儿 ér */
	assert_true(jz_pinyin_letters(0x55EF) & L('n'));  /* 嗯 ń ň ǹ */
	assert_true(jz_pinyin_letters(0x5463) & L('m'));  /* 呣 ḿ m̀ */
	assert_true(jz_pinyin_letters(0x6B38) & L('e'));  /* 欸 ê̄ ế */
	assert_true(jz_pinyin_letters(0x20000) != 0);     /* 𠀀 extension B */
}

static void letters_of_non_hanzi(void **state)
{
	assert_int_equal(jz_pinyin_letters('a'), 0);
	assert_int_equal(jz_pinyin_letters(0), 0);
	assert_int_equal(jz_pinyin_letters(0x00B7), 0);
	assert_int_equal(jz_pinyin_letters(0x3001), 0); /* 、 */
	assert_int_equal(jz_pinyin_letters(0x110000), 0);
}

static void table_sorted(void **state)
{
	assert_true(jz_pinyin_table_n > 30000);
	for (unsigned i = 0; i < jz_pinyin_table_n; i++) {
		assert_true(jz_pinyin_table[i].letters != 0);
		assert_true(jz_pinyin_table[i].letters < (1u << 26));
		if (i > 0)
			assert_true(jz_pinyin_table[i - 1].cp < jz_pinyin_table[i].cp);
	}
}

static void match_full_name(void **state)
{
	assert_true(jz_pinyin_match(WANG JIAN GUO, "wjg"));
	assert_true(jz_pinyin_match(WANG JIAN GUO, "wj"));
	assert_true(jz_pinyin_match(WANG JIAN GUO, "w"));
	assert_true(jz_pinyin_match(WANG JIAN GUO, ""));
}

static void match_mixed_case(void **state)
{
	assert_true(jz_pinyin_match(WANG JIAN GUO, "WJG"));
	assert_true(jz_pinyin_match(WANG JIAN GUO, "wJg"));
	assert_true(jz_pinyin_match("Li " MING, "LIM")); /* ASCII letters match themselves */
	assert_true(jz_pinyin_match("li " MING, "lIm"));
}

static void match_several_readings(void **state)
{
	assert_true(jz_pinyin_match(ZENG MING, "zm"));
	assert_true(jz_pinyin_match(ZENG MING, "cm"));
	assert_true(jz_pinyin_match(DAN TIAN FANG, "stf"));
	assert_true(jz_pinyin_match(DAN TIAN FANG, "dtf"));
	assert_true(jz_pinyin_match(QU MING, "om"));
	assert_true(jz_pinyin_match(QU MING, "qm"));
	assert_true(jz_pinyin_match(QIN MING, "qm"));
	assert_true(jz_pinyin_match(QIN MING, "tm"));
	assert_true(jz_pinyin_match(CHANG MING, "cm"));
	assert_true(jz_pinyin_match(CHANG MING, "zm"));
	assert_true(jz_pinyin_match(LE MING, "lm"));
	assert_true(jz_pinyin_match(LE MING, "ym"));
}

static void match_skips_separators(void **state)
{
	assert_true(jz_pinyin_match(MAI MAI TI DOT AI LI, "mmtal"));
	assert_true(jz_pinyin_match(MAI MAI TI DOT AI LI, "mmta"));
	assert_true(jz_pinyin_match(" " WANG "  " JIAN, "wj"));
	assert_true(jz_pinyin_match(WANG "2" JIAN, "wj"));
	assert_true(jz_pinyin_match("\xEF\xBC\xA1" WANG, "aw")); /* full-width Ａ */
}

static void no_match(void **state)
{
	assert_false(jz_pinyin_match(WANG JIAN GUO, "wjx"));
	assert_false(jz_pinyin_match(WANG JIAN GUO, "jg"));   /* prefix only */
	assert_false(jz_pinyin_match(WANG JIAN GUO, "wjgw")); /* longer than name */
	assert_false(jz_pinyin_match(WANG JIAN GUO, "gjw"));
	assert_false(jz_pinyin_match(WANG JIAN GUO, "w1"));   /* not a letter */
	assert_false(jz_pinyin_match(WANG JIAN GUO, "w j"));
	assert_false(jz_pinyin_match(ZENG MING, "sm"));
	assert_false(jz_pinyin_match(LE MING, "ml"));
	assert_false(jz_pinyin_match("", "w"));
	assert_false(jz_pinyin_match(DOT, "a"));
	assert_false(jz_pinyin_match("\xFF" WANG, "aw"));    /* a bad byte is no letter */
	assert_false(jz_pinyin_match("Li " MING, "lm")); /* each ASCII letter counts */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(letters_of_characters),
		cmocka_unit_test(letters_of_odd_readings),
		cmocka_unit_test(letters_of_non_hanzi),
		cmocka_unit_test(table_sorted),
		cmocka_unit_test(match_full_name),
		cmocka_unit_test(match_mixed_case),
		cmocka_unit_test(match_several_readings),
		cmocka_unit_test(match_skips_separators),
		cmocka_unit_test(no_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
