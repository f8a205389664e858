/* form_file.c — reading a form from its INI file with inih, and checking a
 * value against its field's type (see form_file.h).
 *
 * inih gives the handler neither the line number nor the section headers,
 * so the text is fed to it through our own line reader: the reader counts
 * lines, sees each [section] line (empty and repeated sections are found
 * there) and knows whether a line is an indented continuation. Before
 * that, the whole text is checked for encoding and line length, since inih
 * would silently cut a long line in two. Money is whole fen throughout:
 * there is no binary fraction anywhere in this file. */
#include "io/form_file.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/builtin.h"
#include "io/text.h"

/* ---- types -------------------------------------------------------------- */

static const char *const type_names[] = {
	[JZ_F_TEXT] = "text", [JZ_F_ID] = "id", [JZ_F_DATE] = "date", [JZ_F_MONTH] = "month",
	[JZ_F_MONEY] = "money", [JZ_F_INT] = "int", [JZ_F_CHOICE] = "choice",
	[JZ_F_YESNO] = "yesno", [JZ_F_PHONE] = "phone", [JZ_F_NOTE] = "note",
};
#define NTYPES ((int)(sizeof type_names / sizeof type_names[0]))

/* Lists filled by the screen at run time: choices = @villages. */
static const char *const choice_sources[] = {"villages", NULL};

const char *jz_ftype_name(enum jz_ftype t)
{
	return (int)t >= 0 && (int)t < NTYPES ? type_names[t] : "?";
}

int jz_ftype_parse(const char *s)
{
	for (int i = 0; i < NTYPES; i++)
		if (s && strcmp(s, type_names[i]) == 0)
			return i;
	return -1;
}

/* ---- money, in fen ------------------------------------------------------ */

enum money_why {
	M_OK, M_EMPTY, M_NEGATIVE, M_SIGN, M_UNIT, M_DECIMALS, M_NO_INT, M_NO_FRAC, M_GROUPING,
	M_TOO_BIG, M_CHARS
};

#define MONEY_MAX_YUAN 1000000000000LL /* 10^12 yuan */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Reads yuan text (no surrounding spaces) into fen. */
static enum money_why money_scan(const char *s, long long *fen)
{
	const char *p = s;
	long long yuan = 0;
	int digits = 0, group = 0, commas = 0;

	if (!*s)
		return M_EMPTY;
	if (*p == '-')
		return M_NEGATIVE;
	if (*p == '+')
		return M_SIGN;
	if (*p == '.')
		return is_digit(p[1]) ? M_NO_INT : M_CHARS;
	for (; is_digit(*p) || *p == ','; p++) {
		if (*p == ',') {
			/* the first group has 1 to 3 digits, the others exactly 3 */
			if (group == 0 || (commas ? group != 3 : group > 3))
				return M_GROUPING;
			commas++;
			group = 0;
			continue;
		}
		if (yuan > MONEY_MAX_YUAN)
			return M_TOO_BIG;
		yuan = yuan * 10 + (*p - '0');
		digits++;
		group++;
	}
	if (commas && group != 3)
		return M_GROUPING;
	if (!digits)
		return strstr(s, "元") || strstr(s, "¥") || strstr(s, "￥") ? M_UNIT : M_CHARS;
	long long frac = 0;
	if (*p == '.') {
		p++;
		int nf = 0;
		for (; is_digit(*p); p++, nf++)
			if (nf < 2)
				frac = frac * 10 + (*p - '0');
		if (!*p && nf == 0)
			return M_NO_FRAC;
		if (!*p && nf > 2)
			return M_DECIMALS;
		if (nf == 1)
			frac *= 10;
	}
	if (*p)
		return strstr(p, "元") || strstr(p, "块") || strstr(p, "角") || strstr(p, "分")
			       ? M_UNIT : M_CHARS;
	if (yuan * 100 + frac > MONEY_MAX_YUAN * 100)
		return M_TOO_BIG;
	*fen = yuan * 100 + frac;
	return M_OK;
}

/* The message for why, about label's value v. */
static int money_fail(jz_err *e, const char *key, const char *label, const char *v,
		      enum money_why why)
{
#define F(...) jz_fail_field(e, JZ_EUSER, key, __VA_ARGS__)
	switch (why) {
	case M_EMPTY:
		return F("「%s」不能为空，请填写金额（元），例如 1500 或 1500.50", label);
	case M_NEGATIVE:
		return F("「%s」「%s」不能是负数，请填写 0 或正的金额（元）", label, v);
	case M_SIGN:
		return F("「%s」「%s」不要带正号，只填数字，例如 1500", label, v);
	case M_UNIT:
		return F("「%s」「%s」只填数字，不要带「元」等单位或符号，例如 1500 或 1500.50", label, v);
	case M_DECIMALS:
		return F("「%s」「%s」最多两位小数（到分），例如 1500.50", label, v);
	case M_NO_INT:
		return F("「%s」「%s」小数点前要有数字，例如写成 0%s", label, v, v);
	case M_NO_FRAC:
		return F("「%s」「%s」小数点后没有数字：去掉小数点，或写成 1500.50 这样", label, v);
	case M_GROUPING:
		return F("「%s」「%s」的逗号位置不对：千分位逗号每三位一个（如 1,500.00），也可以不写逗号", label, v);
	case M_TOO_BIG:
		return F("「%s」「%s」太大了，请核对金额（单位是元，不是分）", label, v);
	case M_CHARS:
	default:
		return F("「%s」「%s」不是金额：只能有数字、一个小数点和千分位逗号，例如 1500 或 1,500.50", label, v);
	}
#undef F
}

int jz_money_parse(const char *yuan_text, long long *fen, jz_err *e)
{
	const char *s = yuan_text ? yuan_text : "";
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char buf[64];
	if (n >= sizeof buf)
		return money_fail(e, "", "金额", yuan_text, M_CHARS);
	memcpy(buf, s, n);
	buf[n] = '\0';
	long long v = 0;
	enum money_why why = money_scan(buf, &v);
	if (why != M_OK)
		return money_fail(e, "", "金额", buf, why);
	*fen = v;
	return 0;
}

void jz_money_format(long long fen, char *buf, size_t n)
{
	unsigned long long u = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
	snprintf(buf, n, "%s%llu.%02llu", fen < 0 ? "-" : "", u / 100, u % 100);
}

/* ---- forms: errors ------------------------------------------------------ */

struct field_extra {   /* what a field's checks need after the whole file is read */
	int line;          /* of its [section] */
	int keys;          /* key lines seen */
	int l_label, l_type, l_required, l_choices, l_min, l_max, l_help, l_default;
	char *choices;     /* raw text, continuations joined with '|' */
	char min[64], max[64];
};

struct parse {
	const char *file;
	struct jz_form_def *f;
	jz_err *e;
	int nerr;
	/* the reader */
	const char *p;
	size_t left;
	int lineno;
	int cont;          /* the current line is indented */
	/* the current section: -2 none yet, -1 [form], else a field index */
	int cur;
	char section[64];
	int form_line, form_keys, l_title, l_fhelp;
	struct field_extra *x; /* one per field */
	int cap;
	int oom;
};

static void bad(struct parse *ps, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records a problem: the first one becomes the message, the rest are counted. */
static void bad(struct parse *ps, int line, const char *fmt, ...)
{
	if (ps->nerr++)
		return;
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (line > 0)
		jz_fail(ps->e, JZ_EDATA, "表单文件 %s 第 %d 行：%s", ps->file, line, what);
	else
		jz_fail(ps->e, JZ_EDATA, "表单文件 %s：%s", ps->file, what);
}

/* ---- forms: the reader -------------------------------------------------- */

static int valid_key(const char *k)
{
	if (!(*k >= 'a' && *k <= 'z'))
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || is_digit(*k) || *k == '_'))
			return 0;
	return 1;
}

static void end_section(struct parse *ps)
{
	if (ps->cur == -1 && ps->form_keys == 0)
		bad(ps, ps->form_line, "[form] 下面什么也没写：请写上 title = 表单标题");
	else if (ps->cur >= 0 && ps->x[ps->cur].keys == 0)
		bad(ps, ps->x[ps->cur].line, "字段 [%s] 下面什么也没写：至少要有 label 和 type",
		    ps->f->fields[ps->cur].key);
}

/* A [name] line: starts the form's own section or a new field. */
static void start_section(struct parse *ps, const char *name, size_t len)
{
	end_section(ps);
	snprintf(ps->section, sizeof ps->section, "%.*s", (int)(len < 63 ? len : 63), name);
	if (len >= sizeof ps->section) {
		bad(ps, ps->lineno, "节名 [%.40s…] 太长", name);
		ps->cur = -3; /* keys below it are ignored */
		return;
	}
	if (strcmp(ps->section, "form") == 0) {
		if (ps->form_line)
			bad(ps, ps->lineno, "[form] 重复出现（第 %d 行已有）：一个表单只能有一个 [form]",
			    ps->form_line);
		else
			ps->form_line = ps->lineno;
		ps->cur = -1;
		return;
	}
	for (int i = 0; i < ps->f->nfields; i++)
		if (strcmp(ps->f->fields[i].key, ps->section) == 0) {
			bad(ps, ps->lineno, "字段 [%s] 重复出现（第 %d 行已有）：同一个字段只能写一次",
			    ps->section, ps->x[i].line);
			ps->cur = -3;
			return;
		}
	if (!valid_key(ps->section) || len >= sizeof ps->f->fields[0].key) {
		bad(ps, ps->lineno, "字段名 [%s] 不对：只能用小写英文字母、数字和下划线，字母开头，最多 31 个字符",
		    ps->section);
		ps->cur = -3;
		return;
	}
	if (ps->f->nfields == ps->cap) {
		int cap = ps->cap ? ps->cap * 2 : 16;
		struct jz_field_def *nf = realloc(ps->f->fields, (size_t)cap * sizeof *nf);
		if (nf)
			ps->f->fields = nf;
		struct field_extra *nx = nf ? realloc(ps->x, (size_t)cap * sizeof *nx) : NULL;
		if (!nx) {
			ps->oom = 1;
			ps->cur = -3;
			return;
		}
		ps->x = nx;
		ps->cap = cap;
	}
	struct jz_field_def *d = &ps->f->fields[ps->f->nfields];
	struct field_extra *x = &ps->x[ps->f->nfields];
	memset(d, 0, sizeof *d);
	memset(x, 0, sizeof *x);
	memcpy(d->key, ps->section, len + 1);
	x->line = ps->lineno;
	ps->cur = ps->f->nfields++;
}

/* fgets for inih over the text: one line per call, counted. */
static char *reader(char *str, int num, void *stream)
{
	struct parse *ps = stream;
	if (ps->left == 0 || num < 2)
		return NULL;
	size_t n = 0;
	while (n < (size_t)num - 1 && n < ps->left) {
		str[n] = ps->p[n];
		if (str[n++] == '\n')
			break;
	}
	str[n] = '\0';
	ps->p += n;
	ps->left -= n;
	ps->lineno++;

	const char *s = str;
	if (ps->lineno == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	ps->cont = ps->lineno > 1 && (*s == ' ' || *s == '\t');
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '[') {
		const char *end = strchr(s, ']');
		if (ps->cont)
			bad(ps, ps->lineno, "节名 %.40s 前面不要有空格", s);
		else if (!end)
			bad(ps, ps->lineno, "节名少了右方括号 ]，应写成 [name] 这样");
		else
			start_section(ps, s + 1, (size_t)(end - s - 1));
	}
	return str;
}

/* ---- forms: the handler ------------------------------------------------- */

/* Copies v to dst (n bytes) or says it is too long. */
static void put(struct parse *ps, char *dst, size_t n, const char *key, const char *v)
{
	if (strlen(v) >= n) {
		bad(ps, ps->lineno, "%s 太长（%zu 字节），最多 %zu 字节，约 %zu 个汉字", key, strlen(v),
		    n - 1, (n - 1) / 3);
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* help continues over indented lines: appended as is. */
static void put_help(struct parse *ps, char *dst, size_t n, int *line, int is_cont, const char *v)
{
	if (*line && !is_cont) {
		bad(ps, ps->lineno, "help 重复出现（第 %d 行已有）；太长的说明可以在下一行缩进接着写",
		    *line);
		return;
	}
	if (!*line) {
		*line = ps->lineno;
		put(ps, dst, n, "help", v);
		return;
	}
	size_t have = strlen(dst);
	if (have + strlen(v) >= n) {
		bad(ps, ps->lineno, "help 连同续行太长，最多 %zu 字节（约 %zu 个汉字）", n - 1, (n - 1) / 3);
		return;
	}
	memcpy(dst + have, v, strlen(v) + 1);
}

static int once(struct parse *ps, int *line, const char *key)
{
	if (*line) {
		if (ps->cont)
			bad(ps, ps->lineno, "这一行以空格开头，被当作上一行 %s 的续行；只有 help 和 choices 可以续行，"
			    "不是续行的话请删除行首的空格", key);
		else
			bad(ps, ps->lineno, "%s 重复出现（第 %d 行已有）", key, *line);
		return 0;
	}
	*line = ps->lineno;
	return 1;
}

static const char field_keys[] = "label、type、required、choices、min、max、help、default";

static void field_key(struct parse *ps, struct jz_field_def *d, struct field_extra *x,
		      const char *k, const char *v)
{
	if (strcmp(k, "label") == 0) {
		if (once(ps, &x->l_label, k)) {
			if (!*v)
				bad(ps, ps->lineno, "label 不能为空：请写上这一项在屏幕上显示的名称");
			put(ps, d->label, sizeof d->label, k, v);
		}
	} else if (strcmp(k, "type") == 0) {
		if (once(ps, &x->l_type, k)) {
			int t = jz_ftype_parse(v);
			if (t < 0)
				bad(ps, ps->lineno, "type 的值「%s」不认识，只能是 text、id、date、month、money、int、"
				    "choice、yesno、phone、note 之一", v);
			else
				d->type = (enum jz_ftype)t;
		}
	} else if (strcmp(k, "required") == 0) {
		if (once(ps, &x->l_required, k)) {
			if (!strcmp(v, "yes") || !strcmp(v, "是"))
				d->required = 1;
			else if (!strcmp(v, "no") || !strcmp(v, "否"))
				d->required = 0;
			else
				bad(ps, ps->lineno, "required 的值「%s」不对，只能是 yes 或 no", v);
		}
	} else if (strcmp(k, "choices") == 0) {
		if (x->l_choices && ps->cont) { /* continuation: one more part */
			size_t have = strlen(x->choices);
			char *nc = realloc(x->choices, have + strlen(v) + 2);
			if (!nc) {
				ps->oom = 1;
				return;
			}
			x->choices = nc;
			/* "a|b" + "c" or "a|b|" + "c" or "a|b" + "|c": one '|' between */
			int sep = have && nc[have - 1] != '|' && v[0] != '|';
			snprintf(nc + have, strlen(v) + 2, "%s%s", sep ? "|" : "", v);
		} else if (once(ps, &x->l_choices, k)) {
			x->choices = strdup(v);
			if (!x->choices)
				ps->oom = 1;
		}
	} else if (strcmp(k, "min") == 0 || strcmp(k, "max") == 0) {
		int is_min = k[1] == 'i';
		if (once(ps, is_min ? &x->l_min : &x->l_max, k))
			put(ps, is_min ? x->min : x->max, sizeof x->min, k, v);
	} else if (strcmp(k, "help") == 0) {
		put_help(ps, d->help, sizeof d->help, &x->l_help, ps->cont, v);
	} else if (strcmp(k, "default") == 0) {
		if (once(ps, &x->l_default, k))
			put(ps, d->deflt, sizeof d->deflt, k, v);
	} else {
		bad(ps, ps->lineno, "字段 [%s] 里的「%s」不认识，只能用：%s", d->key, k, field_keys);
	}
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *ps = user;
	if (ps->cur == -3 || ps->oom)
		return 1; /* under a section already refused */
	if (ps->cur == -2) {
		bad(ps, ps->lineno, "「%s」写在了第一个 [节] 之前：先写 [form]，再写各个字段", name);
		return 1;
	}
	if (strcmp(section, ps->section) != 0) { /* inih read the [section] line otherwise */
		bad(ps, ps->lineno, "节名 [%s] 不对：应写成单独一行的 [name]", section);
		return 1;
	}
	if (ps->cur == -1) {
		ps->form_keys++;
		if (strcmp(name, "title") == 0) {
			if (once(ps, &ps->l_title, name))
				put(ps, ps->f->title, sizeof ps->f->title, name, value);
		} else if (strcmp(name, "help") == 0) {
			put_help(ps, ps->f->help, sizeof ps->f->help, &ps->l_fhelp, ps->cont, value);
		} else {
			bad(ps, ps->lineno, "[form] 里的「%s」不认识，只能用 title 和 help", name);
		}
		return 1;
	}
	ps->x[ps->cur].keys++;
	field_key(ps, &ps->f->fields[ps->cur], &ps->x[ps->cur], name, value);
	return 1;
}

/* ---- forms: checks after reading ---------------------------------------- */

/* Splits the raw choices of d. */
static void split_choices(struct parse *ps, struct jz_field_def *d, struct field_extra *x)
{
	const char *raw = x->choices;
	int line = x->l_choices;
	if (!*raw) {
		bad(ps, line, "字段 [%s] 的 choices 是空的：请用 | 隔开列出可选的值，如 choices = 是|否", d->key);
		return;
	}
	int n = 1;
	for (const char *c = raw; *c; c++)
		n += *c == '|';
	d->choices = calloc((size_t)n, sizeof *d->choices);
	if (!d->choices) {
		ps->oom = 1;
		return;
	}
	const char *s = raw;
	for (int i = 0; i < n; i++) {
		const char *end = strchr(s, '|');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		while (len && (*s == ' ' || *s == '\t'))
			s++, len--;
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (!len) {
			bad(ps, line, "字段 [%s] 的 choices 里有空的一项（两个 | 挨着，或以 | 开头、结尾）", d->key);
			return;
		}
		char *c = malloc(len + 1);
		if (!c) {
			ps->oom = 1;
			return;
		}
		memcpy(c, s, len);
		c[len] = '\0';
		for (int j = 0; j < d->nchoices; j++)
			if (strcmp(d->choices[j], c) == 0) {
				bad(ps, line, "字段 [%s] 的 choices 里「%s」出现了两次", d->key, c);
				free(c);
				return;
			}
		d->choices[d->nchoices++] = c;
		s = end ? end + 1 : s + len;
	}
	for (int i = 0; i < d->nchoices; i++) {
		if (d->choices[i][0] != '@')
			continue;
		int known = 0;
		for (int j = 0; choice_sources[j]; j++)
			known |= strcmp(d->choices[i] + 1, choice_sources[j]) == 0;
		if (!known || d->nchoices != 1) {
			bad(ps, line, "字段 [%s] 的 choices 里「%s」不对：由程序填写的列表只能单独写，"
			    "只有 choices = @villages", d->key, d->choices[i]);
			return;
		}
		snprintf(d->source, sizeof d->source, "%s", d->choices[i] + 1);
	}
}

/* min or max of d from its text: a whole number, money in yuan. */
static int limit(struct parse *ps, const struct jz_field_def *d, const char *k, const char *v,
		 int line, long long *out)
{
	if (d->type == JZ_F_MONEY) {
		long long fen;
		enum money_why why = money_scan(v, &fen);
		if (why != M_OK) {
			bad(ps, line, "字段 [%s] 的 %s「%s」不是金额：写元数，如 %s = 5000 或 5000.50", d->key, k, v, k);
			return -1;
		}
		*out = fen;
		return 0;
	}
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || errno || (*v != '-' && !is_digit(*v))) {
		bad(ps, line, "字段 [%s] 的 %s「%s」不是整数", d->key, k, v);
		return -1;
	}
	if (n < 0 && (d->type == JZ_F_TEXT || d->type == JZ_F_NOTE)) {
		bad(ps, line, "字段 [%s] 的 %s 是字数，不能是负数", d->key, k);
		return -1;
	}
	*out = n;
	return 0;
}

static void check_field(struct parse *ps, struct jz_field_def *d, struct field_extra *x)
{
	if (!x->l_label)
		bad(ps, x->line, "字段 [%s] 缺少 label（屏幕上显示的名称）", d->key);
	if (!x->l_type)
		bad(ps, x->line, "字段 [%s] 缺少 type，可用：text、id、date、month、money、int、choice、yesno、"
		    "phone、note", d->key);
	if (x->l_choices && d->type != JZ_F_CHOICE)
		bad(ps, x->l_choices, "字段 [%s] 的类型是 %s，不能写 choices（只有 type = choice 才有）",
		    d->key, jz_ftype_name(d->type));
	else if (d->type == JZ_F_CHOICE && !x->l_choices)
		bad(ps, x->line, "字段 [%s] 是 choice 类型，缺少 choices：请用 | 隔开列出可选的值", d->key);
	else if (x->l_choices)
		split_choices(ps, d, x);
	int limits = d->type == JZ_F_INT || d->type == JZ_F_MONEY || d->type == JZ_F_TEXT ||
		     d->type == JZ_F_NOTE;
	if ((x->l_min || x->l_max) && !limits) {
		bad(ps, x->l_min ? x->l_min : x->l_max, "字段 [%s] 的类型是 %s，不能写 min 或 max"
		    "（只有 int、money、text、note 可以）", d->key, jz_ftype_name(d->type));
		return;
	}
	if (x->l_min && limit(ps, d, "min", x->min, x->l_min, &d->min) == 0)
		d->has_min = 1;
	if (x->l_max && limit(ps, d, "max", x->max, x->l_max, &d->max) == 0)
		d->has_max = 1;
	if (d->has_min && d->has_max && d->min > d->max) {
		bad(ps, x->l_max, "字段 [%s] 的 min（%s）大于 max（%s）", d->key, x->min, x->max);
		return;
	}
	if (x->l_default && *d->deflt && !ps->nerr && !ps->oom) {
		struct jz_field_def tmp = *d;
		jz_err de;
		tmp.required = 0;
		if (jz_field_check(&tmp, d->deflt, NULL, 0, &de))
			bad(ps, x->l_default, "字段 [%s] 的 default「%s」不行：%s", d->key, d->deflt, de.msg);
	}
}

/* ---- forms: the whole text ---------------------------------------------- */

/* Refuses what inih would take wrongly: NUL bytes, text that is not UTF-8,
 * lines longer than it can hold. */
static int prescan(struct parse *ps, const char *text, size_t len)
{
	int line = 1;
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] == '\0') {
			bad(ps, line, "有空字符（\\0）：这不是文本文件，请用记事本等编辑器重新保存");
			return -1;
		}
		if (i < len && text[i] != '\n')
			continue;
		size_t n = i - start;
		if (n && text[start + n - 1] == '\r')
			n--;
		if (!jz_utf8_valid(text + start, n)) {
			bad(ps, line, "不是 UTF-8 编码的文字（可能存成了 GBK/ANSI）：请用记事本「另存为」，编码选 UTF-8");
			return -1;
		}
		if (n > JZ_FORM_MAX_LINE) {
			bad(ps, line, "这一行太长（%zu 字节），每行最多 %d 字节（约 65 个汉字）：请拆短，"
			    "help 和 choices 可以在下一行缩进接着写", n, JZ_FORM_MAX_LINE);
			return -1;
		}
		line++;
		start = i + 1;
	}
	return 0;
}

static void form_name(const char *file, char *out, size_t n)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".ini") == 0)
		len -= 4;
	snprintf(out, n, "%.*s", (int)len, base);
}

static int parse_text(const char *file, const char *name, const char *text, size_t len,
		      struct jz_form_def *f, jz_err *e)
{
	struct parse ps;
	memset(&ps, 0, sizeof ps);
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	ps.file = file;
	ps.f = f;
	ps.e = e;
	ps.p = text;
	ps.left = len;
	ps.cur = -2;

	if (prescan(&ps, text, len) == 0) {
		int r = ini_parse_stream(reader, &ps, handler, &ps);
		if (!ps.oom && !ps.nerr && r > 0)
			bad(&ps, r, "看不懂这一行：应为「键 = 值」、「[节名]」或以 ; 开头的注释");
		else if (!ps.oom && !ps.nerr && r != 0)
			bad(&ps, 0, "读取失败（inih 返回 %d）", r);
		if (!ps.oom) {
			end_section(&ps);
			if (!ps.form_line)
				bad(&ps, 0, "缺少 [form] 节：第一节应为 [form]，写上 title = 表单标题");
			else if (!ps.l_title || !*f->title)
				bad(&ps, ps.form_line, "[form] 缺少 title（表单标题）");
			if (!f->nfields && !ps.nerr)
				bad(&ps, 0, "没有任何字段：在 [form] 之后每个字段写一节，如 [name]");
		}
		for (int i = 0; i < f->nfields && !ps.oom; i++)
			check_field(&ps, &f->fields[i], &ps.x[i]);
	}
	for (int i = 0; i < f->nfields; i++)
		free(ps.x[i].choices);
	free(ps.x);
	if (ps.oom) {
		jz_form_free(f);
		return jz_fail(e, JZ_EDATA, "读表单文件 %s 时内存不足", file);
	}
	if (ps.nerr) {
		if (ps.nerr > 1 && e) {
			size_t have = strlen(e->msg);
			snprintf(e->msg + have, sizeof e->msg - have, "（共 %d 处问题，这里先说一处）", ps.nerr);
		}
		jz_form_free(f);
		return -1;
	}
	return 0;
}

int jz_form_parse(const char *file, const char *text, size_t len, struct jz_form_def *f,
		  jz_err *e)
{
	char name[32];
	form_name(file ? file : "", name, sizeof name);
	return parse_text(file ? file : "?", name, text ? text : "", text ? len : 0, f, e);
}

void jz_form_free(struct jz_form_def *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nfields; i++) {
		for (int j = 0; j < f->fields[i].nchoices; j++)
			free(f->fields[i].choices[j]);
		free(f->fields[i].choices);
	}
	free(f->fields);
	f->fields = NULL;
	f->nfields = 0;
}

const struct jz_field_def *jz_form_field(const struct jz_form_def *f, const char *key)
{
	for (int i = 0; f && key && i < f->nfields; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			return &f->fields[i];
	return NULL;
}

int jz_form_set_choices(struct jz_field_def *d, const char *const *list, int n, jz_err *e)
{
	char **c = n > 0 ? calloc((size_t)n, sizeof *c) : NULL;
	if (n > 0 && !c)
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int i = 0; i < n; i++)
		if (!(c[i] = strdup(list[i]))) {
			while (i--)
				free(c[i]);
			free(c);
			return jz_fail(e, JZ_EDATA, "内存不足");
		}
	for (int j = 0; j < d->nchoices; j++)
		free(d->choices[j]);
	free(d->choices);
	d->choices = c;
	d->nchoices = n > 0 ? n : 0;
	return 0;
}

static char *read_file(FILE *fp, const char *path, size_t *len, jz_err *e)
{
	size_t cap = 8192, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			char *nb = cap < (1u << 20) ? realloc(buf, cap * 2) : NULL;
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	int err = ferror(fp);
	fclose(fp);
	if (!buf || err) {
		free(buf);
		jz_fail(e, JZ_EDATA, "读不了表单文件 %s（%s）", path, err ? "读取出错" : "文件太大");
		return NULL;
	}
	*len = n;
	return buf;
}

int jz_form_load(const char *name, const char *dir, struct jz_form_def *f, jz_err *e)
{
	memset(f, 0, sizeof *f);
	if (!name || !*name || strlen(name) >= sizeof f->name) {
		return jz_fail(e, JZ_EDATA, "表单名「%s」不对", name ? name : "");
	}
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || is_digit(*c) || *c == '_'))
			return jz_fail(e, JZ_EDATA, "表单名「%s」不对：只能有小写字母、数字和下划线", name);
	if (dir && *dir) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.ini", dir, name);
		errno = 0;
		FILE *fp = fopen(path, "rb");
		if (!fp && errno != ENOENT)
			return jz_fail(e, JZ_EDATA, "打不开表单文件 %s：%s", path, jz_errno_text(errno));
		if (fp) {
			size_t len;
			char *text = read_file(fp, path, &len, e);
			if (!text)
				return -1;
			int r = parse_text(path, name, text, len, f, e);
			free(text);
			if (r && e) {
				size_t have = strlen(e->msg);
				snprintf(e->msg + have, sizeof e->msg - have,
					 "。请改正这个文件，或删除它以使用程序内置的表单");
			}
			return r;
		}
	}
	char bname[64], shown[96];
	snprintf(bname, sizeof bname, "forms/%s.ini", name);
	const struct jz_builtin *b = jz_builtin_find(bname);
	if (!b)
		return jz_fail(e, JZ_EDATA, "没有名为「%s」的表单（程序内置表单里也没有 %s）", name, bname);
	snprintf(shown, sizeof shown, "%s（程序内置）", bname);
	return parse_text(shown, name, (const char *)b->data, b->len, f, e);
}

/* ---- checking a value ----------------------------------------------------- */

/* Copies s without surrounding spaces (ASCII, tab, U+3000); with fold,
 * full-width forms U+FF01..U+FF5E become ASCII and U+3002 (。) becomes '.';
 * with squeeze, inner spaces go too. Returns malloc'd text or NULL. */
static char *prepare(const char *s, int fold, int squeeze)
{
	size_t len = strlen(s);
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = jz_utf8_decode(s + i, len - i, &cp);
		if (cp == 0x3000 && k == 3) {
			out[o++] = ' ';
		} else if (fold && cp >= 0xFF01 && cp <= 0xFF5E && k == 3) {
			out[o++] = (char)(cp - 0xFF01 + 0x21);
		} else if (fold && cp == 0x3002 && k == 3) {
			out[o++] = '.';
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	size_t a = 0, b = o;
	while (a < b && (out[a] == ' ' || out[a] == '\t'))
		a++;
	while (b > a && (out[b - 1] == ' ' || out[b - 1] == '\t' || out[b - 1] == '\r' ||
			 out[b - 1] == '\n'))
		b--;
	size_t w = 0;
	for (size_t i = a; i < b; i++)
		if (!(squeeze && (out[i] == ' ' || out[i] == '\t')) &&
		    !(out[i] == '\r' && i + 1 < b && out[i + 1] == '\n'))
			out[w++] = out[i];
	out[w] = '\0';
	return out;
}

/* Two digits at s into *v. */
static int two_digits(const char *s, int *v)
{
	if (!is_digit(s[0]) || !is_digit(s[1]))
		return 0;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	return 1;
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Reads "YYYY<sep>M[M][<sep>D[D]]" with sep - / . (the same one), or the
 * digits alone (YYYYMM, YYYYMMDD); parts = 2 (month) or 3 (date). */
static int read_ymd(const char *s, int parts, int *y, int *m, int *d)
{
	int v[3] = {0, 0, 0};
	size_t len = strlen(s);
	*d = 1;
	size_t lead = 0;
	while (is_digit(s[lead]))
		lead++;
	if (lead == len && len == (size_t)(parts == 3 ? 8 : 6)) {
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		two_digits(s + 4, m);
		if (parts == 3)
			two_digits(s + 6, d);
		return 1;
	}
	char sep = 0;
	const char *p = s;
	for (int i = 0; i < parts; i++) {
		int nd = 0;
		for (; is_digit(*p); p++, nd++)
			if (nd < 4)
				v[i] = v[i] * 10 + (*p - '0');
		if (i == 0 ? nd != 4 : (nd < 1 || nd > 2))
			return 0;
		if (i < parts - 1) {
			if (*p != '-' && *p != '/' && *p != '.')
				return 0;
			if (sep && *p != sep)
				return 0;
			sep = *p++;
		}
	}
	if (*p)
		return 0;
	*y = v[0];
	*m = v[1];
	if (parts == 3)
		*d = v[2];
	return 1;
}

static int out(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	if (!norm || n == 0)
		return 0;
	if (strlen(v) >= n)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」太长，请删短一些", d->label);
	memcpy(norm, v, strlen(v) + 1);
	return 0;
}

static void join_choices(const struct jz_field_def *d, char *buf, size_t n)
{
	buf[0] = '\0';
	for (int i = 0; i < d->nchoices; i++) {
		size_t have = strlen(buf);
		snprintf(buf + have, n - have, "%s%s", i ? "、" : "", d->choices[i]);
	}
}

static int check_text(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	if (!jz_utf8_valid(v, strlen(v)))
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」含有无法识别的字符（可能是 GBK 编码的文字），请重新输入",
				     d->label);
	for (const char *c = v; *c; c++) {
		unsigned char u = (unsigned char)*c;
		if ((u < 0x20 || u == 0x7F) && !(d->type == JZ_F_NOTE && (u == '\n' || u == '\t')))
			return jz_fail_field(e, JZ_EUSER, d->key, "「%s」里不能有%s控制字符，请删除",
					     d->label, d->type == JZ_F_NOTE ? "" : "换行或");
	}
	long long chars = (long long)jz_utf8_count(v);
	if (d->has_max && chars > d->max)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」太长（%lld 个字），最多 %lld 个字，请删短一些",
				     d->label, chars, d->max);
	if (d->has_min && chars < d->min)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」太短（%lld 个字），至少要 %lld 个字", d->label,
				     chars, d->min);
	return out(d, v, norm, n, e);
}

static int check_id(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	char id[19];
	size_t len = strlen(v);
	for (size_t i = 0; i < len; i++) {
		int last = i == 17;
		if (is_digit(v[i]) || (last && (v[i] == 'X' || v[i] == 'x')))
			continue;
		if (v[i] == 'X' || v[i] == 'x')
			return jz_fail_field(e, JZ_EUSER, d->key, "「%s」只有最后一位可以是 X，第 %zu 位是 X，请核对",
					     d->label, i + 1);
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」只能是数字（最后一位可以是 X），请核对",
				     d->label, v);
	}
	if (len != 18)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」应为 18 位，现在是 %zu 位，请核对%s", d->label,
				     len, len == 15 ? "（旧的 15 位号码请换成身份证上的 18 位号码）" : "");
	memcpy(id, v, 19);
	if (id[17] == 'x')
		id[17] = 'X';
	return out(d, id, norm, n, e);
}

static int check_date(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	int y = 0, m = 0, dd = 0;
	int is_month = d->type == JZ_F_MONTH;
	const char *eg = is_month ? "YYYY-MM，例如 2026-03" : "YYYY-MM-DD，例如 2026-03-10";
	if (!read_ymd(v, is_month ? 2 : 3, &y, &m, &dd))
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」格式不对，应写成 %s", d->label, v, eg);
	if (y < 1900 || y > 2100)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」的年份 %d 不对，请核对", d->label, v, y);
	if (m < 1 || m > 12)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」的月份 %d 不对，只能是 1 到 12", d->label, v,
				     m);
	if (dd < 1 || dd > mdays(y, m))
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」不是有效日期：%d 年 %d 月只有 %d 天",
				     d->label, v, y, m, mdays(y, m));
	char buf[40];
	if (is_month)
		snprintf(buf, sizeof buf, "%04d-%02d", y, m);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
	return out(d, buf, norm, n, e);
}

static int check_money(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	long long fen = 0;
	enum money_why why = money_scan(v, &fen);
	if (why != M_OK)
		return money_fail(e, d->key, d->label, v, why);
	char a[40];
	if (d->has_min && fen < d->min) {
		jz_money_format(d->min, a, sizeof a);
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」%s 元太少，不能少于 %s 元", d->label, v, a);
	}
	if (d->has_max && fen > d->max) {
		jz_money_format(d->max, a, sizeof a);
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」%s 元太多，不能超过 %s 元，请核对", d->label, v,
				     a);
	}
	char buf[40];
	jz_money_format(fen, buf, sizeof buf);
	return out(d, buf, norm, n, e);
}

static int check_int(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	const char *p = v;
	int neg = *p == '-';
	if (neg || *p == '+')
		p++;
	if (!*p)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」不是整数，只填数字，例如 3", d->label, v);
	long long x = 0;
	for (; *p; p++) {
		if (!is_digit(*p))
			return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」不是整数，只填数字（不要小数点、单位或逗号），例如 3",
					     d->label, v);
		if (x > 100000000000000000LL)
			return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」太大了，请核对", d->label, v);
		x = x * 10 + (*p - '0');
	}
	if (neg)
		x = -x;
	if (d->has_min && d->has_max && (x < d->min || x > d->max))
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」%lld 不在范围内，只能是 %lld 到 %lld", d->label,
				     x, d->min, d->max);
	if (d->has_min && x < d->min)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」%lld 太小，不能小于 %lld", d->label, x, d->min);
	if (d->has_max && x > d->max)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」%lld 太大，不能大于 %lld", d->label, x, d->max);
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", x);
	return out(d, buf, norm, n, e);
}

static int check_choice(const struct jz_field_def *d, const char *raw, const char *v, char *norm,
			size_t n, jz_err *e)
{
	if (*d->source && d->nchoices == 1 && d->choices[0][0] == '@')
		return out(d, raw, norm, n, e); /* the screen fills and checks the list */
	if (d->nchoices == 0)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」还没有可选的项，请先添加", d->label);
	for (int i = 0; i < d->nchoices; i++)
		if (strcmp(raw, d->choices[i]) == 0 || strcmp(v, d->choices[i]) == 0)
			return out(d, d->choices[i], norm, n, e);
	char all[512];
	join_choices(d, all, sizeof all);
	return jz_fail_field(e, JZ_EUSER, d->key, "「%s」的值「%s」不在可选范围内，请从以下选择：%s", d->label,
			     raw, all);
}

static int check_yesno(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	static const char *const yes[] = {"是", "y", "yes", "1", NULL};
	static const char *const no[] = {"否", "n", "no", "0", NULL};
	char low[8];
	size_t len = strlen(v);
	if (len < sizeof low) {
		for (size_t i = 0; i <= len; i++)
			low[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] - 'A' + 'a' : v[i]);
		for (int i = 0; yes[i]; i++)
			if (strcmp(low, yes[i]) == 0)
				return out(d, "是", norm, n, e);
		for (int i = 0; no[i]; i++)
			if (strcmp(low, no[i]) == 0)
				return out(d, "否", norm, n, e);
	}
	return jz_fail_field(e, JZ_EUSER, d->key, "「%s」只能填「是」或「否」（也可以按 y 或 n），现在是「%s」",
			     d->label, v);
}

static int check_phone(const struct jz_field_def *d, const char *v, char *norm, size_t n, jz_err *e)
{
	size_t len = strlen(v);
	int ok = len >= 7 && len <= 20 && v[0] != '-' && v[len - 1] != '-' && !strstr(v, "--");
	for (size_t i = 0; ok && i < len; i++)
		ok = is_digit(v[i]) || v[i] == '-';
	if (!ok)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」「%s」不对：只能是 7 到 20 位数字（座机可带 -），"
				     "例如 13812345678 或 023-52212345", d->label, v);
	return out(d, v, norm, n, e);
}

int jz_field_check(const struct jz_field_def *d, const char *value, char *norm, size_t n,
		   jz_err *e)
{
	const char *raw_in = value ? value : "";
	if (strlen(raw_in) > 65536)
		return jz_fail_field(e, JZ_EUSER, d->key, "「%s」太长，请删短一些", d->label);
	int text = d->type == JZ_F_TEXT || d->type == JZ_F_NOTE;
	int squeeze = d->type == JZ_F_ID || d->type == JZ_F_PHONE;
	char *raw = prepare(raw_in, 0, 0);
	char *v = prepare(raw_in, !text, squeeze);
	int r;
	if (!raw || !v) {
		r = jz_fail(e, JZ_EDATA, "内存不足");
	} else if (!*v) {
		if (d->required)
			r = jz_fail_field(e, JZ_EUSER, d->key, "「%s」不能为空，请%s", d->label,
					  d->type == JZ_F_CHOICE || d->type == JZ_F_YESNO ? "选择" : "填写");
		else
			r = out(d, "", norm, n, e);
	} else {
		switch (d->type) {
		case JZ_F_TEXT:
		case JZ_F_NOTE: r = check_text(d, v, norm, n, e); break;
		case JZ_F_ID: r = check_id(d, v, norm, n, e); break;
		case JZ_F_DATE:
		case JZ_F_MONTH: r = check_date(d, v, norm, n, e); break;
		case JZ_F_MONEY: r = check_money(d, v, norm, n, e); break;
		case JZ_F_INT: r = check_int(d, v, norm, n, e); break;
		case JZ_F_CHOICE: r = check_choice(d, raw, v, norm, n, e); break;
		case JZ_F_YESNO: r = check_yesno(d, v, norm, n, e); break;
		case JZ_F_PHONE: r = check_phone(d, v, norm, n, e); break;
		default: r = jz_fail_field(e, JZ_EDATA, d->key, "「%s」的类型不认识", d->label); break;
		}
	}
	free(raw);
	free(v);
	return r;
}
