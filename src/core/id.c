/* id.c — resident ID checking, normalising and masking (see id.h).
 *
 * jz_id_normalize works in stages, each refusing with its own message:
 * bytes (valid UTF-8), characters (one by one, position counted in
 * characters from 1), length (18, or 15 when old IDs are allowed), check
 * digit, birth date. */
#include "core/id.h"

#include "core/clock.h"

#include <stdio.h>
#include <string.h>

static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

char jz_id_check_digit(const char *first17)
{
	if (!first17)
		return '\0';
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return '\0';
		sum += (first17[i] - '0') * weights[i];
	}
	return "10X98765432"[sum % 11];
}

void jz_id_mask(const char *id18, char out[19])
{
	memset(out, '*', 18);
	out[18] = '\0';
	if (!id18 || strlen(id18) != 18)
		return;
	memcpy(out, id18, 6);
	memcpy(out + 14, id18 + 14, 4);
}

const char *jz_sex_label(char sex)
{
	return sex == 'M' ? "男" : sex == 'F' ? "女" : "";
}

/* ---- bytes ---- */

/* Decodes one UTF-8 character at s into *cp; returns its length in bytes,
 * or 0 if s does not start with a valid character (stray continuation byte,
 * truncated or overlong sequence, surrogate, beyond U+10FFFF). */
static int utf8_next(const unsigned char *s, unsigned long *cp)
{
	static const unsigned long min[4] = {0, 0x80, 0x800, 0x10000};
	int n = s[0] < 0x80 ? 1 : s[0] < 0xC0 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF8 ? 4 : 0;
	if (n == 0)
		return 0;
	unsigned long c = n == 1 ? s[0] : (unsigned long)(s[0] & (0x7F >> n));
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min[n - 1] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Counts the characters of in into *count, or refuses invalid UTF-8. */
static int count_chars(const char *in, size_t *count, jz_err *e)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;
	unsigned long cp;
	while (*p) {
		int len = utf8_next(p, &cp);
		if (len == 0)
			return jz_fail(e, JZ_EUSER,
				"身份证号第 %zu 位含有无法识别的字节（不是有效的 UTF-8 字符，"
				"可能是乱码或 GBK 编码的文字），请重新输入号码；"
				"从文件导入时请把文件另存为 UTF-8 编码", n + 1);
		p += len;
		n++;
	}
	*count = n;
	return 0;
}

/* ---- characters ---- */

/* Name of a space-like character, or NULL. */
static const char *blank_name(unsigned long cp)
{
	switch (cp) {
	case 0x20: return "空格";
	case 0x3000: return "全角空格";
	case 0xA0: return "不换行空格";
	case 0x09: return "制表符（Tab）";
	case 0x0A: case 0x0D: return "换行符";
	default: return NULL;
	}
}

/* Name of an invisible formatting character (often left by copying or a
 * file's byte-order mark), or NULL. */
static const char *invisible_name(unsigned long cp)
{
	switch (cp) {
	case 0xFEFF: return "U+FEFF 字节顺序标记（BOM）";
	case 0x200B: return "U+200B 零宽空格";
	case 0x200C: return "U+200C 零宽非连接符";
	case 0x200D: return "U+200D 零宽连接符";
	case 0x2060: return "U+2060 零宽不换行符";
	default: return NULL;
	}
}

/* What a character that looks like X really is, or NULL. */
static const char *lookalike_x(unsigned long cp)
{
	switch (cp) {
	case 0x0445: case 0x0425: return "俄文字母";
	case 0x03C7: case 0x03A7: return "希腊字母";
	case 0x00D7: return "乘号";
	case 0x2573: case 0x2715: case 0x2716: case 0x2717: case 0x2718: return "符号";
	default: return NULL;
	}
}

static int is_fullwidth_digit_or_x(unsigned long cp)
{
	return (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0xFF38 || cp == 0xFF58;
}

/* The character as shown inside 「」: itself, or U+XXXX when it is a control
 * character that would not show. buf holds at least 16 bytes. */
static void show_char(const char *p, int len, unsigned long cp, char *buf)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		snprintf(buf, 16, "U+%04lX", cp);
	else {
		memcpy(buf, p, (size_t)len);
		buf[len] = '\0';
	}
}

/* Refuses a blank or invisible character at position pos of count. */
static int refuse_blank(unsigned long cp, size_t pos, size_t count, jz_err *e)
{
	const char *name = blank_name(cp);
	if (!name)
		return jz_fail(e, JZ_EUSER,
			"身份证号第 %zu 位有看不见的字符（%s），请删除这个字符后重新输入",
			pos, invisible_name(cp));
	if (pos == 1 || pos == count)
		return jz_fail(e, JZ_EUSER,
			"身份证号首尾有空格：第 %zu 位是%s，请删除空格", pos, name);
	return jz_fail(e, JZ_EUSER, "身份证号第 %zu 位是%s，请删除空格", pos, name);
}

/* Refuses a character that looks like X but is not the Latin letter. */
static int refuse_lookalike(const char *shown, const char *what, size_t pos,
	size_t count, jz_err *e)
{
	if (pos == count)
		return jz_fail(e, JZ_EUSER,
			"身份证号第 %zu 位「%s」不是拉丁字母 X（可能是%s），"
			"请切换到英文输入法重新输入 X", pos, shown, what);
	return jz_fail(e, JZ_EUSER,
		"身份证号第 %zu 位「%s」不是拉丁字母 X（可能是%s），"
		"而且只有最后一位可以是 X，请核对号码", pos, shown, what);
}

/* Checks the character cp (len bytes at p) at position pos of count. */
static int check_char(const char *p, int len, unsigned long cp, size_t pos,
	size_t count, jz_err *e)
{
	char shown[16];
	if (cp >= '0' && cp <= '9')
		return 0;
	if (cp == 'X' || cp == 'x') /* where it may stand: see check_x_last */
		return 0;
	if (blank_name(cp) || invisible_name(cp))
		return refuse_blank(cp, pos, count, e);
	show_char(p, len, cp, shown);
	if (is_fullwidth_digit_or_x(cp))
		return jz_fail(e, JZ_EUSER,
			"身份证号第 %zu 位「%s」是全角字符，请切换到半角输入", pos, shown);
	if (lookalike_x(cp))
		return refuse_lookalike(shown, lookalike_x(cp), pos, count, e);
	return jz_fail(e, JZ_EUSER,
		"身份证号第 %zu 位「%s」不是数字，只有最后一位可以是 X", pos, shown);
}

/* Refuses X or x anywhere but last. Runs after every other character check,
 * so in is plain ASCII and a trailing space is reported as a space, not as
 * an X out of place. */
static int check_x_last(const char *in, size_t count, jz_err *e)
{
	for (size_t i = 0; i + 1 < count; i++)
		if (in[i] == 'X' || in[i] == 'x')
			return jz_fail(e, JZ_EUSER,
				"身份证号第 %zu 位「%c」不是数字，只有最后一位可以是 X", i + 1, in[i]);
	return 0;
}

/* Checks every character; afterwards in is ASCII digits with at most a
 * final X or x. */
static int check_chars(const char *in, size_t count, jz_err *e)
{
	const char *p = in;
	unsigned long cp = 0;
	for (size_t pos = 1; *p; pos++) {
		int len = utf8_next((const unsigned char *)p, &cp);
		if (check_char(p, len, cp, pos, count, e))
			return -1;
		p += len;
	}
	return check_x_last(in, count, e);
}

/* ---- length, check digit, date ---- */

/* Refuses a length other than 18 (15 is handled by the caller). */
static int refuse_length(const char *in, size_t count, jz_err *e)
{
	if (count == 0)
		return jz_fail(e, JZ_EUSER, "身份证号是空的，请输入 18 位身份证号");
	return jz_fail(e, JZ_EUSER,
		"身份证号应为 18 位，现在是 %zu 位：「%.40s%s」，请核对是否多输或漏输了数字",
		count, in, count > 40 ? "..." : "");
}

/* Converts a 15-character ID (already checked to be digits and a final X)
 * to 18, if old IDs are allowed and it is all digits. */
static int from15(const char *in, int allow15, char id[19], jz_err *e)
{
	if (in[14] == 'X' || in[14] == 'x') /* not an old ID: 18 with digits missing */
		return refuse_length(in, 15, e);
	if (!allow15)
		return jz_fail(e, JZ_EUSER,
			"这是 15 位旧身份证号（「%s」），请输入 18 位新号码", in);
	memcpy(id, in, 6);
	memcpy(id + 6, "19", 2);
	memcpy(id + 8, in + 6, 9);
	id[17] = jz_id_check_digit(id);
	id[18] = '\0';
	return 0;
}

/* Copies an 18-character ID with X upper-cased and checks its check digit. */
static int from18(const char *in, char id[19], jz_err *e)
{
	memcpy(id, in, 19);
	if (id[17] == 'x')
		id[17] = 'X';
	char want = jz_id_check_digit(id);
	if (id[17] != want)
		return jz_fail(e, JZ_EUSER,
			"身份证号校验位错误：最后一位是 %c，按前 17 位计算应为 %c，请核对号码",
			id[17], want);
	return 0;
}

/* Checks the birth date in id; digits names where it was typed. */
static int check_birth(const char *id, const char *today, const char *digits,
	char birth[11], jz_err *e)
{
	snprintf(birth, 11, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
	if (!jz_date_valid(birth))
		return jz_fail(e, JZ_EUSER,
			"身份证号中的出生日期 %s 不存在，请核对第 %s 位", birth, digits);
	if (strcmp(birth, "1900-01-01") < 0)
		return jz_fail(e, JZ_EUSER,
			"身份证号中的出生日期 %s 早于 1900 年，不可能正确，请核对第 %s 位",
			birth, digits);
	if (today && strcmp(birth, today) > 0)
		return jz_fail(e, JZ_EUSER,
			"身份证号中的出生日期 %s 晚于今天（%s），请核对第 %s 位",
			birth, today, digits);
	return 0;
}

int jz_id_normalize(const char *in, const char *today, int allow15,
	char out[19], jz_id_info *info, jz_err *e)
{
	char id[19], birth[11];
	size_t count = 0;
	if (!in)
		in = "";
	if (count_chars(in, &count, e) || check_chars(in, count, e))
		return -1;
	if (count == 15) {
		if (from15(in, allow15, id, e))
			return -1;
	} else if (count != 18)
		return refuse_length(in, count, e);
	else if (from18(in, id, e))
		return -1;
	if (check_birth(id, today, count == 15 ? "7–12" : "7–14", birth, e))
		return -1;
	memcpy(out, id, 19);
	if (info) {
		info->sex = (id[16] - '0') % 2 ? 'M' : 'F';
		memcpy(info->birth, birth, 11);
		memcpy(info->area, id, 6);
		info->area[6] = '\0';
	}
	return 0;
}
