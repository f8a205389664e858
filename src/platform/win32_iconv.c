/* win32_iconv.c — jz_iconv (io/text.h) on Windows, where Debian's mingw has
 * no iconv: MultiByteToWideChar/WideCharToMultiByte with code page 936 for
 * GBK, 54936 for GB18030, 65001 for UTF-8, and UTF-16 LE/BE by hand; the
 * error messages say the byte offset as the iconv version does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "io/text.h"

/* The code page for an encoding name; 1200/1201 are UTF-16 LE/BE (done by
 * hand), 0 when not supported. */
static UINT code_page(const char *name)
{
	static const struct {
		const char *name;
		UINT cp;
	} names[] = {
		{"UTF-8", CP_UTF8}, {"UTF8", CP_UTF8}, {"GBK", 936}, {"CP936", 936},
		{"GB2312", 936}, {"GB18030", 54936}, {"UTF-16LE", 1200}, {"UTF-16BE", 1201},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!_stricmp(name, names[i].name))
			return names[i].cp;
	return 0;
}

/* Length of the character at s in code page cp (a guess good enough to find
 * where a conversion fails). */
static size_t char_len(UINT cp, const unsigned char *s, size_t left)
{
	if (cp == CP_UTF8) {
		uint32_t c;
		return jz_utf8_decode((const char *)s, left, &c);
	}
	if (s[0] < 0x80)
		return 1;
	if (cp == 54936 && left >= 2 && s[1] >= 0x30 && s[1] <= 0x39)
		return 4;
	return 2;
}

/* Decodes in (code page cp) to UTF-16. NULL with *bad = byte offset of the
 * first bad character and *cut set when the input ends inside one. */
/* GB18030 where the system lacks code page 54936 (wine): one- and two-byte
 * characters through code page 936 (GBK), four-byte ones past U+FFFF by
 * their formula; a four-byte character inside the BMP is refused. */
static wchar_t *decode_gb18030(const char *in, size_t inlen, int *wlen, size_t *bad, int *cut)
{
	const unsigned char *u = (const unsigned char *)in;
	wchar_t *w = malloc((inlen + 2) * sizeof *w);
	size_t i = 0, n = 0;
	while (w && i < inlen) {
		size_t l = char_len(54936, u + i, inlen - i);
		if (i + l > inlen) {
			*cut = 1;
			break;
		}
		if (l == 1) {
			w[n++] = u[i];
		} else if (l == 2) {
			if (MultiByteToWideChar(936, MB_ERR_INVALID_CHARS, in + i, 2, w + n, 1) != 1)
				break;
			n++;
		} else {
			long v = (((long)(u[i] - 0x90) * 10 + (u[i + 1] - 0x30)) * 126 + (u[i + 2] - 0x81)) * 10 +
				 (u[i + 3] - 0x30);
			if (u[i] < 0x90 || u[i] > 0xE3 || u[i + 2] < 0x81 || u[i + 2] > 0xFE ||
			    u[i + 3] < 0x30 || u[i + 3] > 0x39 || v > 0xFFFFF)
				break;
			w[n++] = (wchar_t)(0xD800 + (v >> 10));
			w[n++] = (wchar_t)(0xDC00 + (v & 0x3FF));
		}
		i += l;
	}
	if (!w || i < inlen) {
		*bad = i < inlen ? i : 0;
		free(w);
		return NULL;
	}
	*wlen = (int)n;
	return w;
}

static wchar_t *decode(UINT cp, const char *in, size_t inlen, int *wlen, size_t *bad, int *cut)
{
	*bad = 0;
	*cut = 0;
	if (cp == 54936 && !IsValidCodePage(54936))
		return decode_gb18030(in, inlen, wlen, bad, cut);
	if (cp == 1200 || cp == 1201) {
		if (inlen % 2) {
			*bad = inlen - 1;
			*cut = 1;
			return NULL;
		}
		wchar_t *w = malloc((inlen / 2 + 1) * sizeof *w);
		if (!w)
			return NULL;
		const unsigned char *u = (const unsigned char *)in;
		for (size_t i = 0; i < inlen / 2; i++)
			w[i] = cp == 1200 ? (wchar_t)(u[2 * i] | u[2 * i + 1] << 8)
					  : (wchar_t)(u[2 * i] << 8 | u[2 * i + 1]);
		*wlen = (int)(inlen / 2);
		return w;
	}
	int n = inlen ? MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, in, (int)inlen, NULL, 0) : 0;
	if (inlen && n <= 0) {
		/* find the first character that does not convert */
		const unsigned char *u = (const unsigned char *)in;
		size_t i = 0;
		while (i < inlen) {
			size_t l = char_len(cp, u + i, inlen - i);
			if (i + l > inlen) {
				*cut = 1;
				break;
			}
			wchar_t tmp[4];
			if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, in + i, (int)l, tmp, 4) <= 0)
				break;
			i += l;
		}
		*bad = i < inlen ? i : inlen - 1;
		return NULL;
	}
	wchar_t *w = malloc(((size_t)n + 1) * sizeof *w);
	if (w && n)
		MultiByteToWideChar(cp, 0, in, (int)inlen, w, n);
	*wlen = n;
	return w;
}

/* Encodes UTF-16 into code page cp; NULL with *bad = the index of the first
 * character that code page cannot hold. */
static char *encode(UINT cp, const wchar_t *w, int wlen, size_t *outlen, int *bad)
{
	*bad = -1;
	if (cp == 1200 || cp == 1201) {
		unsigned char *o = malloc((size_t)wlen * 2 + 1);
		if (!o)
			return NULL;
		for (int i = 0; i < wlen; i++) {
			unsigned v = (unsigned)w[i];
			o[2 * i] = (unsigned char)(cp == 1200 ? v & 0xFF : v >> 8);
			o[2 * i + 1] = (unsigned char)(cp == 1200 ? v >> 8 : v & 0xFF);
		}
		*outlen = (size_t)wlen * 2;
		o[*outlen] = '\0';
		return (char *)o;
	}
	if (cp == 54936 && !IsValidCodePage(54936))
		cp = 936; /* wine: GBK, and what it cannot hold is refused */
	BOOL lost = FALSE;
	BOOL *lp = (cp == CP_UTF8 || cp == 54936) ? NULL : &lost;
	DWORD fl = cp == CP_UTF8 || cp == 54936 ? WC_ERR_INVALID_CHARS : WC_NO_BEST_FIT_CHARS;
	int n = wlen ? WideCharToMultiByte(cp, fl, w, wlen, NULL, 0, NULL, lp) : 0;
	if ((wlen && n <= 0) || lost) {
		for (int i = 0; i < wlen; i++) {
			BOOL l1 = FALSE;
			char tmp[8];
			int step = (w[i] >= 0xD800 && w[i] <= 0xDBFF && i + 1 < wlen) ? 2 : 1;
			if (WideCharToMultiByte(cp, fl, w + i, step, tmp, sizeof tmp, NULL, lp ? &l1 : NULL) <= 0 || l1) {
				*bad = i;
				break;
			}
			i += step - 1;
		}
		if (*bad < 0)
			*bad = 0;
		return NULL;
	}
	char *o = malloc((size_t)n + 1);
	if (!o)
		return NULL;
	if (n)
		WideCharToMultiByte(cp, fl, w, wlen, o, n, NULL, lp);
	o[n] = '\0';
	*outlen = (size_t)n;
	return o;
}

/* The input byte offset where UTF-16 index wi starts (UTF-8 input only;
 * other inputs report the character index). */
static size_t input_offset(UINT cp, const char *in, size_t inlen, int wi)
{
	if (cp != CP_UTF8)
		return (size_t)wi;
	size_t off = 0;
	for (int i = 0; i < wi && off < inlen; i++) {
		uint32_t c;
		off += jz_utf8_decode(in + off, inlen - off, &c);
		if (c > 0xFFFF)
			i++;
	}
	return off;
}

char *jz_iconv(const char *to, const char *from, const char *in, size_t inlen,
	size_t *outlen, jz_err *e)
{
	UINT tc = code_page(to), fc = code_page(from);
	if (!tc || !fc) {
		jz_fail(e, JZ_EDATA, "不支持从 %s 转换为 %s", from, to);
		return NULL;
	}
	int wlen = 0, cut = 0, badw = -1;
	size_t bad = 0, olen = 0;
	wchar_t *w = decode(fc, in, inlen, &wlen, &bad, &cut);
	if (!w) {
		if (cut)
			jz_fail(e, JZ_EDATA, "内容不完整：末尾从偏移量 %zu 起的字符被截断（共 %zu 字节，%s 编码）",
				bad, inlen, from);
		else if (inlen)
			jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
				bad, (unsigned)(unsigned char)in[bad], from, to);
		else
			jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
		return NULL;
	}
	char *o = encode(tc, w, wlen, &olen, &badw);
	free(w);
	if (!o) {
		if (badw >= 0) {
			size_t off = input_offset(fc, in, inlen, badw);
			jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
				off, off < inlen ? (unsigned)(unsigned char)in[off] : 0u, from, to);
		} else
			jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
		return NULL;
	}
	if (outlen)
		*outlen = olen;
	return o;
}

void jz_iconv_cleanup(void)
{
}
