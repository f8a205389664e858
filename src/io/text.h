/* text.h — UTF-8, display width and encoding conversion.
 *
 * The curses screens measure and cut text with the width functions (a hanzi
 * takes two columns, a combining mark none); CSV/XLSX import detects a
 * file's encoding and converts GBK/GB18030 to UTF-8 with jz_iconv. Nothing
 * here depends on the locale. */
#ifndef JZ_TEXT_H
#define JZ_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define JZ_REPLACEMENT 0xFFFDu /* U+FFFD, stands for every invalid byte */

/* Decodes one UTF-8 sequence of at most len bytes. An invalid or truncated
 * sequence, an overlong form, a surrogate or a code point past U+10FFFF
 * gives U+FFFD and consumes 1 byte. Returns the bytes consumed: >= 1 when
 * len >= 1, 0 (and *cp = 0) when len == 0. */
size_t jz_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes cp as UTF-8 (not NUL-terminated) and returns its length, 1 to 4.
 * Surrogates and values past U+10FFFF are written as U+FFFD. */
size_t jz_utf8_encode(uint32_t cp, char out[4]);

/* 1 if s[0..len) is entirely valid UTF-8 (NUL bytes allowed), else 0. */
int jz_utf8_valid(const char *s, size_t len);

/* Display columns of one code point: 0 (combining marks, format and
 * control characters: callers replace controls before drawing them),
 * 2 (East Asian Wide and Fullwidth) or 1 (the rest, Ambiguous included).
 * Never -1. */
int jz_cp_width(uint32_t cp);

/* Display columns of a NUL-terminated UTF-8 string; each invalid byte
 * counts as one U+FFFD, 1 column. */
int jz_str_width(const char *s);

/* Bytes of the longest prefix of s whose width is <= cols, never splitting
 * a character (zero-width marks after the last character that fits are
 * kept with it); cols < 0 means no limit. *used, if not NULL, gets that
 * prefix's width. */
size_t jz_str_fit(const char *s, int cols, int *used);

/* Characters in a NUL-terminated UTF-8 string, an invalid byte counting as
 * one. */
size_t jz_utf8_count(const char *s);

/* Converts inlen bytes of `in` from encoding `from` to `to` (iconv names:
 * "UTF-8", "GBK", "GB18030"...). Descriptors are cached per from/to pair
 * (not thread-safe); the output grows as needed. Returns a malloc'd
 * NUL-terminated string and, if outlen is not NULL, its length without the
 * NUL; or NULL with e set (JZ_EDATA) saying at which byte offset the input
 * is not valid `from` or cannot be written in `to`, that it is truncated,
 * or that the pair is not supported. */
char *jz_iconv(const char *to, const char *from, const char *in, size_t inlen,
	size_t *outlen, jz_err *e);

/* Closes the cached iconv descriptors; call at exit. */
void jz_iconv_cleanup(void);

/* Guesses the encoding of an imported text file: "UTF-8" when it starts
 * with a UTF-8 BOM (*bom_len = 3) or is valid UTF-8 (*bom_len = 0);
 * "UTF-16LE" / "UTF-16BE" when it starts with that BOM (*bom_len = 2);
 * "GB18030" (GBK is a subset) when it is well-formed GB18030; else NULL.
 * bom_len may be NULL. Convert buf + *bom_len with jz_iconv. */
const char *jz_detect_encoding(const char *buf, size_t len, size_t *bom_len);

#endif
