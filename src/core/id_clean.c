/* id_clean.c — repairing and explaining IDs damaged by spreadsheets (see
 * id_clean.h). Works on a copy: trim, drop the apostrophe, fold full-width
 * characters, recognise number forms, then the ordinary ID check. */
#include "core/id_clean.h"

#include <stdio.h>
#include <string.h>

#include "core/id.h"
#include "io/text.h"

static void note(struct jz_id_clean *out, const char *what)
{
	size_t n = strlen(out->fixed);
	if (strstr(out->fixed, what))
		return;
	snprintf(out->fixed + n, sizeof out->fixed - n, "%s%s", n ? "；" : "", what);
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
	       cp == 0xFEFF || cp == 0x200B;
}

/* Copies raw into buf (size n) without surrounding spaces, apostrophe and
 * full-width forms; -1 if it does not fit. */
static int fold(const char *raw, char *buf, size_t n, struct jz_id_clean *out)
{
	size_t len = strlen(raw), i = 0, o = 0, last = 0;
	int started = 0, inner_space = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = jz_utf8_decode(raw + i, len - i, &cp);
		if (k == 0) { /* invalid bytes: keep them, the ID check names them */
			cp = (unsigned char)raw[i];
			k = 1;
		}
		if (is_space(cp)) {
			if (started)
				inner_space = 1;
			else
				note(out, "去掉了开头的空格");
			i += k;
			continue;
		}
		if (!started && (cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == '`')) {
			note(out, "去掉了开头的单引号");
			started = 1;
			i += k;
			continue;
		}
		if (inner_space) { /* a space between characters: not ours to remove */
			if (o + 1 >= n)
				return -1;
			buf[o++] = ' ';
			inner_space = 0;
		}
		started = 1;
		char tmp[4];
		size_t tn;
		if (cp >= 0xFF10 && cp <= 0xFF19) {
			tmp[0] = (char)('0' + (cp - 0xFF10));
			tn = 1;
			note(out, "全角数字改为半角");
		} else if (cp == 0xFF38 || cp == 0xFF58) {
			tmp[0] = 'X';
			tn = 1;
			note(out, "全角 X 改为半角");
		} else if (k == 1 && (cp < 0x80 || (unsigned char)raw[i] >= 0x80)) {
			tmp[0] = raw[i];
			tn = 1;
		} else {
			memcpy(tmp, raw + i, k);
			tn = k;
		}
		if (o + tn >= n)
			return -1;
		memcpy(buf + o, tmp, tn);
		o += tn;
		last = o;
		i += k;
	}
	if (inner_space && last)
		note(out, "去掉了末尾的空格");
	buf[last] = '\0';
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* 5.32326E+17, 5.32326199001011e17: a number in scientific notation. */
static int scientific(const char *s)
{
	const char *p = s;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

int jz_id_clean(const char *raw, const char *today, struct jz_id_clean *out, jz_err *e)
{
	char buf[256];
	memset(out, 0, sizeof *out);
	if (!raw)
		raw = "";
	if (fold(raw, buf, sizeof buf, out))
		return jz_fail(e, JZ_EUSER, "内容太长，不像身份证号：请检查是否把别的列填到了这里");
	if (buf[0] == '\0')
		return jz_fail(e, JZ_EUSER, "身份证号为空：每个人都要有 18 位身份证号");
	if (scientific(buf))
		return jz_fail(e, JZ_EUSER,
			"Excel 把身份证号当成了数字，显示为科学计数法，后几位已经丢失，无法还原："
			"请在原表中把这一列设为「文本」格式，照户口簿重新录入这些身份证号");
	size_t n = strlen(buf);
	if (n == 20 && all_digits(buf, 18) && strcmp(buf + 18, ".0") == 0) {
		buf[18] = '\0'; /* a number cell written out as text */
		n = 18;
		note(out, "去掉了数字格式留下的「.0」");
	}
	if (n == 18 && all_digits(buf, 18) && jz_id_check_digit(buf) != buf[17] &&
	    strcmp(buf + 15, "000") == 0)
		return jz_fail(e, JZ_EUSER,
			"最后三位是 000，校验位也不对：像是 Excel 把身份证号当成数字，只保留了前 15 位，"
			"后面几位已经丢失：请在原表中把这一列设为「文本」格式，照户口簿重新录入");
	if (jz_id_normalize(buf, today, 1, out->id, NULL, e))
		return -1;
	if (n == 15)
		note(out, "15 位旧身份证号已升为 18 位");
	return 0;
}
