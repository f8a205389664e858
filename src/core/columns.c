/* columns.c — header matching for imported lists (see columns.h). A header
 * and each synonym are reduced to a key (no spaces, brackets, asterisks or
 * line breaks; full-width letters and digits made half-width) and compared. */
#include "core/columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/text.h"

static int dropped(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0 ||
	       cp == 0xFEFF || cp == '*' || cp == 0xFF0A || cp == '(' || cp == ')' || cp == 0xFF08 ||
	       cp == 0xFF09 || cp == '[' || cp == ']' || cp == 0x3010 || cp == 0x3011 || cp == ':' ||
	       cp == 0xFF1A;
}

/* The comparison key of a header: out has room for n bytes. */
static void header_key(const char *s, size_t len, char *out, size_t n)
{
	size_t i = 0, o = 0;
	while (i < len && o + 4 < n) {
		uint32_t cp;
		size_t k = jz_utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			out[o++] = s[i++];
			continue;
		}
		i += k;
		if (dropped(cp))
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp >= 'a' && cp <= 'z')
			cp -= 32;
		o += jz_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
}

void jz_column_letter(int col, char out[8])
{
	char tmp[8];
	int n = 0;
	if (col < 0)
		col = 0;
	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Which spec entry header key h matches, or -1. */
static int match(const char *h, const struct jz_colspec *spec, int n)
{
	char key[256];
	for (int i = 0; i < n; i++) {
		const char *p = spec[i].names;
		while (*p) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			header_key(p, len, key, sizeof key);
			if (strcmp(key, h) == 0)
				return i;
			p += len + (bar ? 1 : 0);
		}
	}
	return -1;
}

static void append(char *buf, size_t sz, const char *sep, const char *s, size_t len)
{
	size_t n = strlen(buf);
	snprintf(buf + n, sz - n, "%s%.*s", n ? sep : "", (int)len, s);
}

static int missing(const struct jz_colspec *spec, int n, const int *idx, jz_err *e)
{
	char msg[1024] = "";
	for (int i = 0; i < n; i++) {
		if (!spec[i].required || idx[i] >= 0)
			continue;
		const char *bar = strchr(spec[i].names, '|');
		size_t len = bar ? (size_t)(bar - spec[i].names) : strlen(spec[i].names);
		size_t m = strlen(msg);
		snprintf(msg + m, sizeof msg - m, "%s「%.*s」", m ? "、" : "", (int)len, spec[i].names);
		if (bar) {
			m = strlen(msg);
			snprintf(msg + m, sizeof msg - m, "（也可写作：");
			for (const char *p = bar + 1; *p;) {
				const char *b = strchr(p, '|');
				size_t l = b ? (size_t)(b - p) : strlen(p);
				m = strlen(msg);
				snprintf(msg + m, sizeof msg - m, "%s%.*s", p == bar + 1 ? "" : "、", (int)l, p);
				p += l + (b ? 1 : 0);
			}
			m = strlen(msg);
			snprintf(msg + m, sizeof msg - m, "）");
		}
	}
	if (!msg[0])
		return 0;
	return jz_fail(e, JZ_EUSER, "表头缺少必需的列：%s。请在第 1 行加上这些列名，或改成上面的写法", msg);
}

int jz_columns_map(char *const *header, int ncells, const struct jz_colspec *spec, int n,
	int *idx, char *unknown, size_t unknown_sz, jz_err *e)
{
	char key[256];
	for (int i = 0; i < n; i++)
		idx[i] = -1;
	if (unknown && unknown_sz)
		unknown[0] = '\0';
	for (int c = 0; c < ncells; c++) {
		const char *h = header[c] ? header[c] : "";
		header_key(h, strlen(h), key, sizeof key);
		if (!key[0])
			continue;
		int m = match(key, spec, n);
		if (m < 0) {
			if (unknown && unknown_sz)
				append(unknown, unknown_sz, "、", h, strlen(h));
			continue;
		}
		if (idx[m] >= 0) {
			char a[8], b[8];
			jz_column_letter(idx[m], a);
			jz_column_letter(c, b);
			const char *bar = strchr(spec[m].names, '|');
			int len = bar ? (int)(bar - spec[m].names) : (int)strlen(spec[m].names);
			return jz_fail(e, JZ_EUSER, "列「%.*s」出现了两次（第 %s 列和第 %s 列）：请删去多余的一列",
				len, spec[m].names, a, b);
		}
		idx[m] = c;
	}
	return missing(spec, n, idx, e);
}
