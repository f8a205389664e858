/* text.c — UTF-8 decoding, display width and encoding detection (text.h);
 * jz_iconv itself is in the platform layer (src/platform/).
 * Widths come from the tables that tools/gen_width.awk generates
 * (io/width.h); nothing here calls setlocale or wcwidth. */
#include "io/text.h"

#include <stdlib.h>
#include <string.h>

#include "io/width.h"

/* ---- UTF-8 ---- */

/* Length of the sequence lead byte c starts, its payload bits in *v and the
 * smallest code point that length may carry; 0 if c cannot start one. */
static size_t utf8_lead(unsigned c, uint32_t *v, uint32_t *min)
{
	if (c < 0x80) {
		*v = c, *min = 0;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		*v = c & 0x1F, *min = 0x80;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		*v = c & 0x0F, *min = 0x800;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		*v = c & 0x07, *min = 0x10000;
		return 4;
	}
	return 0;
}

size_t jz_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t v, min;

	*cp = 0;
	if (len == 0)
		return 0;
	size_t n = utf8_lead(u[0], &v, &min);
	*cp = JZ_REPLACEMENT;
	if (n == 0 || n > len)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		v = v << 6 | (u[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = v;
	return n;
}

size_t jz_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = JZ_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int jz_utf8_valid(const char *s, size_t len)
{
	uint32_t cp;
	size_t i = 0;

	while (i < len) {
		size_t n = jz_utf8_decode(s + i, len - i, &cp);
		/* A real U+FFFD takes 3 bytes; the stand-in for a bad byte takes 1. */
		if (cp == JZ_REPLACEMENT && n == 1)
			return 0;
		i += n;
	}
	return 1;
}

size_t jz_utf8_count(const char *s)
{
	size_t len = strlen(s), i = 0, count = 0;
	uint32_t cp;

	while (i < len) {
		i += jz_utf8_decode(s + i, len - i, &cp);
		count++;
	}
	return count;
}

/* ---- width ---- */

static int in_ranges(uint32_t cp, const struct jz_wrange *r, unsigned n)
{
	unsigned lo = 0, hi = n;

	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int jz_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (in_ranges(cp, jz_zero_ranges, jz_zero_ranges_n))
		return 0;
	if (in_ranges(cp, jz_wide_ranges, jz_wide_ranges_n))
		return 2;
	return 1;
}

int jz_str_width(const char *s)
{
	int used;

	jz_str_fit(s, -1, &used);
	return used;
}

/* cols < 0 means no limit (used by jz_str_width). */
size_t jz_str_fit(const char *s, int cols, int *used)
{
	size_t len = strlen(s), i = 0;
	int w = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = jz_utf8_decode(s + i, len - i, &cp);
		int cw = jz_cp_width(cp);
		if (cols >= 0 && w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

/* ---- detection ---- */

/* 1 if buf is well-formed GB18030: ASCII, two-byte 81-FE 40-7E/80-FE, or
 * four-byte 81-FE 30-39 81-FE 30-39. */
static int gb18030_valid(const unsigned char *u, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = u[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= len)
			return 0;
		unsigned c2 = u[i + 1];
		if ((c2 >= 0x40 && c2 <= 0x7E) || (c2 >= 0x80 && c2 <= 0xFE)) {
			i += 2;
			continue;
		}
		if (c2 < 0x30 || c2 > 0x39 || i + 3 >= len)
			return 0;
		if (u[i + 2] < 0x81 || u[i + 2] > 0xFE || u[i + 3] < 0x30 || u[i + 3] > 0x39)
			return 0;
		i += 4;
	}
	return 1;
}

const char *jz_detect_encoding(const char *buf, size_t len, size_t *bom_len)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t bom = 0;
	const char *enc = NULL;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		bom = 3, enc = "UTF-8";
	else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		bom = 2, enc = "UTF-16LE";
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		bom = 2, enc = "UTF-16BE";
	else if (jz_utf8_valid(buf, len))
		enc = "UTF-8";
	else if (gb18030_valid(u, len))
		enc = "GB18030";
	if (bom_len)
		*bom_len = bom;
	return enc;
}
