/* pinyin.h — pinyin initials, so that the desk's search finds 王建国 when
 * the clerk types "wjg". A character with several readings answers to each
 * of their initials (曾: z or c; 单: d, s or c). The data is generated at
 * build time from Unicode's Unihan readings (tools/gen_pinyin.sh). */
#ifndef JZ_PINYIN_H
#define JZ_PINYIN_H

#include <stdint.h>

/* Bitmask of the initials of cp's Mandarin readings (bit 0 = 'a', bit 25 =
 * 'z'); 0 if cp is not a hanzi with a known reading. */
uint32_t jz_pinyin_letters(uint32_t cp);

/* 1 if query (ASCII letters, either case) matches the start of name:
 * query letter i against the i-th character of name that counts. A hanzi
 * matches any of its initials; an ASCII or full-width Latin letter matches
 * itself, ignoring case; a hanzi with no known reading matches any letter;
 * other characters (spaces, the · in 买买提·艾力, digits, punctuation) are
 * skipped. An empty query matches every name; a query with anything but
 * ASCII letters matches none. Only prefixes: "jg" does not match 王建国. */
int jz_pinyin_match(const char *name_utf8, const char *query);

/* The generated table (build/gen/pinyin_table.c), sorted by cp. */
struct jz_pinyin_entry {
	uint32_t cp;
	uint32_t letters;
};
extern const struct jz_pinyin_entry jz_pinyin_table[];
extern const unsigned jz_pinyin_table_n;

#endif
