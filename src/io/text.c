/* text.c — UTF-8 decoding, display width and iconv conversion (text.h).
 * Widths come from the tables that tools/gen_width.awk generates
 * (io/width.h); nothing here calls setlocale or wcwidth. */
#include "io/text.h"

#include <errno.h>
#include <iconv.h>
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

/* ---- iconv ---- */

/* A few open descriptors, keyed by encoding pair, reused across calls. */
#define CACHE_SLOTS 4
static struct {
	char to[32], from[32];
	iconv_t cd;
	int open;
} cache[CACHE_SLOTS];
static unsigned cache_next; /* slot to reuse when all are taken */

static iconv_t cached_cd(const char *to, const char *from)
{
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (cache[i].open && !strcmp(cache[i].to, to) && !strcmp(cache[i].from, from))
			return cache[i].cd;
	if (strlen(to) >= sizeof cache[0].to || strlen(from) >= sizeof cache[0].from)
		return (iconv_t)-1;
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return cd;
	unsigned slot = cache_next++ % CACHE_SLOTS;
	if (cache[slot].open)
		iconv_close(cache[slot].cd);
	strcpy(cache[slot].to, to);
	strcpy(cache[slot].from, from);
	cache[slot].cd = cd;
	cache[slot].open = 1;
	return cd;
}

void jz_iconv_cleanup(void)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i].open)
			iconv_close(cache[i].cd);
		cache[i].open = 0;
	}
	cache_next = 0;
}

struct obuf {
	char *p;
	size_t len, cap; /* cap keeps one byte for the final NUL */
};

/* Calls iconv (ip == NULL: flush the shift state) until it stops asking for
 * room, doubling the buffer on E2BIG. Returns 0 or the errno. */
static int pump(iconv_t cd, char **ip, size_t *il, struct obuf *o)
{
	for (;;) {
		char *op = o->p + o->len;
		size_t ol = o->cap - 1 - o->len;
		size_t r = iconv(cd, ip, il, &op, &ol);
		o->len = (size_t)(op - o->p);
		if (r != (size_t)-1)
			return 0;
		if (errno != E2BIG)
			return errno;
		char *p = realloc(o->p, o->cap * 2);
		if (!p)
			return ENOMEM;
		o->p = p;
		o->cap *= 2;
	}
}

static void iconv_error(jz_err *e, int err, const char *to, const char *from,
	const char *in, size_t inlen, size_t off)
{
	if (err == EILSEQ)
		jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
			off, (unsigned)(unsigned char)in[off], from, to);
	else if (err == EINVAL)
		jz_fail(e, JZ_EDATA, "内容不完整：末尾从偏移量 %zu 起的字符被截断（共 %zu 字节，%s 编码）",
			off, inlen, from);
	else if (err == ENOMEM)
		jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
	else
		jz_fail(e, JZ_EDATA, "从 %s 转换为 %s 失败：%s", from, to, strerror(err));
}

char *jz_iconv(const char *to, const char *from, const char *in, size_t inlen,
	size_t *outlen, jz_err *e)
{
	iconv_t cd = cached_cd(to, from);
	if (cd == (iconv_t)-1) {
		jz_fail(e, JZ_EDATA, "不支持从 %s 转换为 %s", from, to);
		return NULL;
	}
	iconv(cd, NULL, NULL, NULL, NULL); /* reset a reused descriptor */

	struct obuf o = { malloc(inlen + 16), 0, inlen + 16 };
	char *ip = (char *)in;
	size_t il = inlen;
	int err = o.p ? pump(cd, &ip, &il, &o) : ENOMEM;
	if (!err)
		err = pump(cd, NULL, NULL, &o);
	if (err) {
		iconv_error(e, err, to, from, in, inlen, (size_t)(ip - in));
		free(o.p);
		return NULL;
	}
	o.p[o.len] = '\0';
	if (outlen)
		*outlen = o.len;
	return o.p;
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
