/* report_file.c — reading the table files of the monthly workbook with
 * inih (see report_file.h). */
#include "io/report_file.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/builtin.h"
#include "io/text.h"

struct parse {
	struct jz_report_def *d;
	const char *shown;
	jz_err *e;
	int failed;
};

static int bad(struct parse *p, const char *fmt, const char *a, const char *b)
{
	char msg[400];
	snprintf(msg, sizeof msg, fmt, a, b);
	jz_fail(p->e, JZ_EDATA, "报表文件 %s：%s", p->shown, msg);
	p->failed = 1;
	return 0;
}

static int copy(struct parse *p, char *dst, size_t n, const char *v, const char *what)
{
	if (strlen(v) >= n)
		return bad(p, "%s 太长：%s", what, v), -1;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static void split_rows(struct parse *p, const char *v)
{
	struct jz_report_def *d = p->d;
	const char *s = v;
	d->nrows = 0;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);
		if (d->nrows == JZ_RPT_MAX_ROWS || len == 0 || len >= sizeof d->rows[0]) {
			bad(p, "rows 不对：%s%s", v, "（每项用 | 分隔，不能为空）");
			return;
		}
		memcpy(d->rows[d->nrows], s, len);
		d->rows[d->nrows++][len] = '\0';
		s += len + (bar ? 1 : 0);
	}
}

static void table_key(struct parse *p, const char *name, const char *v)
{
	struct jz_report_def *d = p->d;
	if (!strcmp(name, "order"))
		d->order = atoi(v);
	else if (!strcmp(name, "sheet"))
		copy(p, d->sheet, sizeof d->sheet, v, "sheet");
	else if (!strcmp(name, "title"))
		copy(p, d->title, sizeof d->title, v, "title");
	else if (!strcmp(name, "figures"))
		copy(p, d->figures, sizeof d->figures, v, "figures");
	else if (!strcmp(name, "label"))
		copy(p, d->label, sizeof d->label, v, "label");
	else if (!strcmp(name, "rows"))
		split_rows(p, v);
	else
		bad(p, "[table] 里没有「%s」这一项%s", name, "");
}

static void split_head(struct parse *p, struct jz_rpt_col *c, const char *v)
{
	const char *s = v;
	c->depth = 0;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);
		if (c->depth == JZ_RPT_MAX_DEPTH || len == 0 || len >= sizeof c->head[0]) {
			bad(p, "[%s] 的 head 不对（最多三层，用 | 分隔）：%s", c->key, v);
			return;
		}
		memcpy(c->head[c->depth], s, len);
		c->head[c->depth++][len] = '\0';
		s += len + (bar ? 1 : 0);
	}
}

static struct jz_rpt_col *column(struct parse *p, const char *section)
{
	struct jz_report_def *d = p->d;
	if (d->ncols && !strcmp(d->cols[d->ncols - 1].key, section))
		return &d->cols[d->ncols - 1];
	for (int i = 0; i < d->ncols; i++)
		if (!strcmp(d->cols[i].key, section))
			return bad(p, "栏目 [%s] 出现了两次%s", section, ""), NULL;
	if (d->ncols == JZ_RPT_MAX_COLS)
		return bad(p, "栏目太多（最多 48 栏）：[%s]%s", section, ""), NULL;
	struct jz_rpt_col *c = &d->cols[d->ncols++];
	memset(c, 0, sizeof *c);
	if (copy(p, c->key, sizeof c->key, section, "栏目名"))
		return NULL;
	return c;
}

static void column_key(struct parse *p, struct jz_rpt_col *c, const char *name, const char *v)
{
	if (!strcmp(name, "head"))
		split_head(p, c, v);
	else if (!strcmp(name, "type")) {
		if (!strcmp(v, "int"))
			c->kind = JZ_RPT_INT;
		else if (!strcmp(v, "money"))
			c->kind = JZ_RPT_MONEY;
		else if (!strcmp(v, "text"))
			c->kind = JZ_RPT_TEXT;
		else
			bad(p, "[%s] 的 type 应为 int、money 或 text，现在是 %s", c->key, v);
	} else if (!strcmp(name, "width"))
		c->width = atoi(v);
	else
		bad(p, "[%s] 里没有「%s」这一项", c->key, name);
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	if (p->failed)
		return 1;
	if (!jz_utf8_valid(value, strlen(value)) || !jz_utf8_valid(section, strlen(section)))
		return bad(p, "不是 UTF-8 文本%s%s", "", ""), 1;
	if (!strcmp(section, "table")) {
		table_key(p, name, value);
		return 1;
	}
	struct jz_rpt_col *c = column(p, section);
	if (c)
		column_key(p, c, name, value);
	return 1;
}

static int finish(struct parse *p)
{
	struct jz_report_def *d = p->d;
	if (!*d->sheet || !*d->title || !*d->figures)
		return bad(p, "[table] 要有 sheet、title 和 figures%s%s", "", ""), -1;
	if (!d->nrows || !d->ncols)
		return bad(p, "要有 rows 和至少一个栏目%s%s", "", ""), -1;
	d->depth = 1;
	for (int i = 0; i < d->ncols; i++) {
		if (!d->cols[i].depth)
			return bad(p, "栏目 [%s] 没有 head%s", d->cols[i].key, ""), -1;
		if (d->cols[i].depth > d->depth)
			d->depth = d->cols[i].depth;
	}
	if (!*d->label)
		snprintf(d->label, sizeof d->label, "项目");
	return 0;
}

static int parse_text(const char *shown, const char *name, const char *text,
		      struct jz_report_def *d, jz_err *e)
{
	struct parse p = {.d = d, .shown = shown, .e = e};
	memset(d, 0, sizeof *d);
	snprintf(d->name, sizeof d->name, "%s", name);
	int r = ini_parse_string(text, handler, &p);
	if (r > 0 && !p.failed) {
		char line[32];
		snprintf(line, sizeof line, "%d", r);
		return bad(&p, "第 %s 行格式不对%s", line, ""), -1;
	}
	if (p.failed)
		return -1;
	return finish(&p);
}

static int name_ok(const char *name)
{
	if (!*name || strlen(name) >= 32)
		return 0;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	return 1;
}

static char *read_all(const char *path, jz_err *e, int *missing)
{
	*missing = 0;
	errno = 0;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (errno == ENOENT)
			*missing = 1;
		else
			jz_fail(e, JZ_EDATA, "打不开报表文件 %s：%s", path, jz_errno_text(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	if (buf)
		n = fread(buf, 1, cap, fp);
	int err = ferror(fp) || n == cap;
	fclose(fp);
	if (!buf || err) {
		free(buf);
		jz_fail(e, JZ_EDATA, "读不了报表文件 %s（读取出错或文件太大）", path);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

int jz_report_def_load(const char *name, const char *dir, struct jz_report_def *d, jz_err *e)
{
	if (!name_ok(name))
		return jz_fail(e, JZ_EDATA, "报表名「%s」不对：只能有小写字母、数字和下划线", name);
	if (dir && *dir) {
		char path[4200];
		int missing;
		snprintf(path, sizeof path, "%s/%s.ini", dir, name);
		char *text = read_all(path, e, &missing);
		if (!text && !missing)
			return -1;
		if (text) {
			int r = parse_text(path, name, text, d, e);
			free(text);
			return r;
		}
	}
	char bname[64], shown[96];
	snprintf(bname, sizeof bname, "reports/%s.ini", name);
	const struct jz_builtin *b = jz_builtin_find(bname);
	if (!b)
		return jz_fail(e, JZ_EDATA, "没有名为「%s」的报表（程序内置的也没有 %s）", name, bname);
	snprintf(shown, sizeof shown, "%s（程序内置）", bname);
	return parse_text(shown, name, (const char *)b->data, d, e);
}

static int by_order(const void *a, const void *b)
{
	const struct jz_report_def *x = a, *y = b;
	return x->order != y->order ? (x->order > y->order) - (x->order < y->order)
				    : strcmp(x->name, y->name);
}

int jz_report_defs(const char *dir, struct jz_report_def *out, int max, jz_err *e)
{
	int n = 0;
	for (unsigned i = 0; i < jz_builtin_files_n; i++) {
		const char *f = jz_builtin_files[i].name;
		size_t len = strlen(f);
		if (strncmp(f, "reports/", 8) || len < 13 || strcmp(f + len - 4, ".ini"))
			continue;
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(len - 12), f + 8);
		if (n == max)
			break;
		if (jz_report_def_load(name, dir, &out[n], e))
			return -1;
		n++;
	}
	qsort(out, (size_t)n, sizeof *out, by_order);
	return n;
}
