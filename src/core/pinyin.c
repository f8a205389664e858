/* pinyin.c — matching typed pinyin initials against names (pinyin.h). */
#include "core/pinyin.h"

#include <string.h>

#include "io/text.h"

#define ALL_LETTERS 0x3FFFFFFu

uint32_t jz_pinyin_letters(uint32_t cp)
{
	unsigned lo = 0, hi = jz_pinyin_table_n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (cp < jz_pinyin_table[mid].cp)
			hi = mid;
		else if (cp > jz_pinyin_table[mid].cp)
			lo = mid + 1;
		else
			return jz_pinyin_table[mid].letters;
	}
	return 0;
}

static int is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		(cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The letters one character of a name can match; 0 to skip it. */
static uint32_t name_letters(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 1u << (cp - 'A');
	if (cp >= 'a' && cp <= 'z')
		return 1u << (cp - 'a');
	if (cp >= 0xFF21 && cp <= 0xFF3A) /* full-width Ａ-Ｚ */
		return 1u << (cp - 0xFF21);
	if (cp >= 0xFF41 && cp <= 0xFF5A) /* full-width ａ-ｚ */
		return 1u << (cp - 0xFF41);
	uint32_t m = jz_pinyin_letters(cp);
	if (m == 0 && is_ideograph(cp))
		return ALL_LETTERS; /* a rare character: don't lose the name */
	return m;
}

/* Bit of an ASCII letter, either case; 0 for anything else. */
static uint32_t query_letter(char c)
{
	if (c >= 'A' && c <= 'Z')
		return 1u << (c - 'A');
	if (c >= 'a' && c <= 'z')
		return 1u << (c - 'a');
	return 0;
}

int jz_pinyin_match(const char *name_utf8, const char *query)
{
	size_t len = strlen(name_utf8), i = 0;

	for (const char *q = query; *q; q++) {
		uint32_t want = query_letter(*q), m = 0, cp;
		if (!want)
			return 0;
		while (m == 0) {
			if (i >= len)
				return 0;
			i += jz_utf8_decode(name_utf8 + i, len - i, &cp);
			m = name_letters(cp);
		}
		if (!(m & want))
			return 0;
	}
	return 1;
}
