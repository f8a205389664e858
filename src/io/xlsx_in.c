/* xlsx_in.c — reads one sheet of an .xlsx workbook into rows of UTF-8
 * cells (io/table_in.h).
 *
 * The workbook is a zip (minizip): xl/workbook.xml names the sheets and
 * their relationship ids, xl/_rels/workbook.xml.rels maps an id to the
 * sheet's part, xl/sharedStrings.xml holds the shared strings. Every part
 * is streamed through expat with namespace processing, and elements and
 * attributes are matched by their local name, whatever prefixes the
 * writing program chose. */
#include <errno.h>
#include <expat.h>
#include <minizip/unzip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/table_in.h"

#define XLSX_MAX_ROWS 1048576
#define XLSX_MAX_COLS 16384

/* A growing text buffer. */
struct sbuf {
	char *s;
	size_t len, cap;
};

static int sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *ns;
		while (cap < b->len + n + 1)
			cap *= 2;
		ns = realloc(b->s, cap);
		if (!ns)
			return -1;
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

static const char *sbuf_str(const struct sbuf *b)
{
	return b->s ? b->s : "";
}

/* A list of strings. */
struct slist {
	char **v;
	size_t n, cap;
};

static int slist_add(struct slist *l, const char *s)
{
	char *d = strdup(s);

	if (!d)
		return -1;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **nv = realloc(l->v, cap * sizeof *nv);
		if (!nv) {
			free(d);
			return -1;
		}
		l->v = nv;
		l->cap = cap;
	}
	l->v[l->n++] = d;
	return 0;
}

static void slist_free(struct slist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* What every parse context starts with. */
struct base {
	XML_Parser p;
	jz_err *e;
	const char *path;
	int failed;
};

static void stop(struct base *b, const char *what)
{
	if (!b->failed)
		jz_fail(b->e, JZ_EDATA, "读取 %s 出错：%s", b->path, what);
	b->failed = 1;
	XML_StopParser(b->p, XML_FALSE);
}

static const char *local(const XML_Char *name)
{
	const char *sep = strrchr(name, '|');
	return sep ? sep + 1 : name;
}

static const char *attr(const XML_Char **a, const char *name)
{
	for (; a[0]; a += 2)
		if (!strcmp(local(a[0]), name))
			return a[1];
	return NULL;
}

/* Streams the part `name` through a parser set up with `start`, `end`,
 * `text` and ctx (a struct starting with struct base). Returns 0, 1 when
 * the part is missing, -1 with e set. */
static int parse_part(unzFile uf, const char *name, struct base *ctx,
	XML_StartElementHandler start, XML_EndElementHandler end,
	XML_CharacterDataHandler text)
{
	char chunk[65536];
	XML_Parser p;
	int rc = -1, n;

	if (unzLocateFile(uf, name, 1) != UNZ_OK)
		return 1;
	if (unzOpenCurrentFile(uf) != UNZ_OK)
		return jz_fail(ctx->e, JZ_EDATA, "%s 中的 %s 无法解压", ctx->path, name);
	p = XML_ParserCreateNS(NULL, '|');
	if (!p) {
		unzCloseCurrentFile(uf);
		return jz_fail(ctx->e, JZ_EDATA, "读取 %s 时内存不足", ctx->path);
	}
	ctx->p = p;
	XML_SetUserData(p, ctx);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	do {
		n = unzReadCurrentFile(uf, chunk, sizeof chunk);
		if (n < 0) {
			jz_fail(ctx->e, JZ_EDATA, "%s 中的 %s 解压出错（%d）",
				ctx->path, name, n);
			goto out;
		}
		if (XML_Parse(p, chunk, n, n == 0) != XML_STATUS_OK) {
			if (!ctx->failed)
				jz_fail(ctx->e, JZ_EDATA, "%s 中的 %s 不是有效的 XML（第 %lu 行）：%s",
					ctx->path, name, (unsigned long)XML_GetCurrentLineNumber(p),
					XML_ErrorString(XML_GetErrorCode(p)));
			goto out;
		}
	} while (n > 0);
	rc = ctx->failed ? -1 : 0;
out:
	XML_ParserFree(p);
	ctx->p = NULL;
	if (unzCloseCurrentFile(uf) != UNZ_OK && rc == 0)
		rc = jz_fail(ctx->e, JZ_EDATA, "%s 中的 %s 已损坏（校验不符）",
			ctx->path, name);
	return rc;
}

/* xl/workbook.xml: <sheet name="..." r:id="rId1"/>. */
struct wb_ctx {
	struct base b;
	struct slist names, rids;
};

static void wb_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct wb_ctx *c = data;

	if (strcmp(local(name), "sheet"))
		return;
	const char *n = attr(a, "name"), *id = attr(a, "id");
	if (slist_add(&c->names, n ? n : "") || slist_add(&c->rids, id ? id : ""))
		stop(&c->b, "内存不足");
}

/* xl/_rels/workbook.xml.rels: <Relationship Id="rId1" Target="..."/>. */
struct rel_ctx {
	struct base b;
	const char *want;
	char *target;
};

static void rel_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct rel_ctx *c = data;

	if (strcmp(local(name), "Relationship") || c->target)
		return;
	const char *id = attr(a, "Id"), *target = attr(a, "Target");
	if (id && target && !strcmp(id, c->want) && !(c->target = strdup(target)))
		stop(&c->b, "内存不足");
}

/* xl/sharedStrings.xml: <si><t>..</t></si> or <si><r><t>..</t></r>..</si>;
 * the text of <rPh> (phonetic guides) is left out. */
struct sst_ctx {
	struct base b;
	struct slist strs;
	struct sbuf text;
	int in_si, in_t, in_rph;
};

static void sst_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct sst_ctx *c = data;
	const char *n = local(name);

	(void)a;
	if (!strcmp(n, "si")) {
		c->in_si = 1;
		c->text.len = 0;
		if (c->text.s)
			c->text.s[0] = '\0';
	} else if (!strcmp(n, "rPh")) {
		c->in_rph++;
	} else if (!strcmp(n, "t") && c->in_si && !c->in_rph) {
		c->in_t = 1;
	}
}

static void sst_end(void *data, const XML_Char *name)
{
	struct sst_ctx *c = data;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		c->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		c->in_rph--;
	} else if (!strcmp(n, "si")) {
		c->in_si = 0;
		if (slist_add(&c->strs, sbuf_str(&c->text)))
			stop(&c->b, "内存不足");
	}
}

static void sst_text(void *data, const XML_Char *s, int len)
{
	struct sst_ctx *c = data;

	if (c->in_t && sbuf_add(&c->text, s, (size_t)len))
		stop(&c->b, "内存不足");
}

/* The sheet: <row r="3"><c r="B3" t="s"><v>0</v></c>...</row>. */
struct sheet_ctx {
	struct base b;
	jz_table *t;
	const struct slist *sst;
	struct sbuf text;
	int row, col;       /* 0-based; row -1 before the first <row> */
	char type[12];      /* the cell's t attribute, "n" when absent */
	int in_v, in_t, in_is, in_rph, has_value;
};

/* Column of a reference such as "AB12": 0-based, or -1. */
static int ref_col(const char *ref)
{
	int col = 0, n = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++)
		col = col * 26 + (*ref - 'A' + 1);
	if (n == 0 || n > 3 || col > XLSX_MAX_COLS)
		return -1;
	return col - 1;
}

static void sheet_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct sheet_ctx *c = data;
	const char *n = local(name);

	if (!strcmp(n, "row")) {
		const char *r = attr(a, "r");
		long v = r ? strtol(r, NULL, 10) : c->row + 2;
		if (v < 1 || v > XLSX_MAX_ROWS || v - 1 <= c->row) {
			stop(&c->b, "行号不对");
			return;
		}
		c->row = (int)v - 1;
		c->col = 0;
	} else if (!strcmp(n, "c")) {
		const char *r = attr(a, "r"), *t = attr(a, "t");
		int col = r ? ref_col(r) : c->col;
		if (c->row < 0 || col < 0 || col >= XLSX_MAX_COLS) {
			stop(&c->b, "单元格位置不对");
			return;
		}
		c->col = col;
		snprintf(c->type, sizeof c->type, "%s", t ? t : "n");
		c->text.len = 0;
		if (c->text.s)
			c->text.s[0] = '\0';
		c->has_value = 0;
	} else if (!strcmp(n, "v")) {
		c->in_v = 1;
		c->has_value = 1;
	} else if (!strcmp(n, "is")) {
		c->in_is = 1;
		c->has_value = 1;
	} else if (!strcmp(n, "rPh")) {
		c->in_rph++;
	} else if (!strcmp(n, "t") && c->in_is && !c->in_rph) {
		c->in_t = 1;
	}
}

/* The text of the cell just ended, or NULL with the context stopped. */
static const char *cell_value(struct sheet_ctx *c)
{
	const char *v = sbuf_str(&c->text);

	if (!strcmp(c->type, "s")) {
		char *end;
		long i = strtol(v, &end, 10);
		if (end == v || *end || i < 0 || (size_t)i >= c->sst->n) {
			char what[96];
			snprintf(what, sizeof what, "第 %d 行的共享字符串编号 %.20s 不存在",
				c->row + 1, v);
			stop(&c->b, what);
			return NULL;
		}
		return c->sst->v[i];
	}
	if (!strcmp(c->type, "b"))
		return strcmp(v, "0") ? "TRUE" : "FALSE";
	return v; /* n, str, inlineStr, e, d: the text as stored */
}

static void sheet_end(void *data, const XML_Char *name)
{
	struct sheet_ctx *c = data;
	const char *n = local(name);

	if (!strcmp(n, "v")) {
		c->in_v = 0;
	} else if (!strcmp(n, "t")) {
		c->in_t = 0;
	} else if (!strcmp(n, "is")) {
		c->in_is = 0;
	} else if (!strcmp(n, "rPh")) {
		c->in_rph--;
	} else if (!strcmp(n, "c") && !c->b.failed) {
		if (c->has_value) {
			const char *v = cell_value(c);
			char *cell;
			if (!v)
				return;
			cell = strdup(v);
			if (!cell || jz_table_put(c->t, c->row, c->col, cell)) {
				stop(&c->b, "内存不足");
				return;
			}
		}
		c->col++;
	}
}

static void sheet_text(void *data, const XML_Char *s, int len)
{
	struct sheet_ctx *c = data;

	if ((c->in_v || c->in_t) && sbuf_add(&c->text, s, (size_t)len))
		stop(&c->b, "内存不足");
}

/* "worksheets/sheet1.xml" is relative to xl/; "/xl/..." is absolute. */
static char *part_name(const char *target)
{
	size_t n = strlen(target) + 4;
	char *s = malloc(n);

	if (!s)
		return NULL;
	if (target[0] == '/')
		snprintf(s, n, "%s", target + 1);
	else
		snprintf(s, n, "xl/%s", target);
	return s;
}

static int fail_no_sheet(jz_err *e, const char *path, const char *sheet,
	const struct slist *names)
{
	char list[512] = "";
	size_t used = 0;

	for (size_t i = 0; i < names->n && used < sizeof list; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s「%s」",
			i ? "、" : "", names->v[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return jz_fail(e, JZ_EUSER, "%s 中没有名为「%s」的工作表；现有的工作表：%s",
		path, sheet, list);
}

int jz_xlsx_read(const char *path, const char *sheet, jz_table *t, jz_err *e)
{
	struct wb_ctx wb = { { NULL, e, path, 0 }, { 0 }, { 0 } };
	struct rel_ctx rel = { { NULL, e, path, 0 }, NULL, NULL };
	struct sst_ctx sst = { { NULL, e, path, 0 }, { 0 }, { 0 }, 0, 0, 0 };
	struct sheet_ctx sh = { { NULL, e, path, 0 }, t, &sst.strs, { 0 }, -1, 0,
		"", 0, 0, 0, 0, 0 };
	char *part = NULL;
	unzFile uf;
	size_t which = 0;
	int rc = -1, r;

	memset(t, 0, sizeof *t);
	uf = unzOpen(path);
	if (!uf) {
		FILE *f = fopen(path, "rb");
		if (!f)
			return jz_fail(e, JZ_EDATA, "无法打开 %s：%s", path, jz_errno_text(errno));
		fclose(f);
		return jz_fail(e, JZ_EDATA, "%s 不是 xlsx 工作簿（不是 zip 格式；"
			"旧的 .xls 请在 Excel 中另存为 .xlsx）", path);
	}
	r = parse_part(uf, "xl/workbook.xml", &wb.b, wb_start, NULL, NULL);
	if (r == 1 || (r == 0 && wb.names.n == 0)) {
		jz_fail(e, JZ_EDATA, "%s 不是 xlsx 工作簿（没有 xl/workbook.xml 或其中没有工作表）",
			path);
		goto out;
	}
	if (r)
		goto out;
	if (sheet) {
		for (which = 0; which < wb.names.n; which++)
			if (!strcmp(wb.names.v[which], sheet))
				break;
		if (which == wb.names.n) {
			fail_no_sheet(e, path, sheet, &wb.names);
			goto out;
		}
	}
	rel.want = wb.rids.v[which];
	r = parse_part(uf, "xl/_rels/workbook.xml.rels", &rel.b, rel_start, NULL, NULL);
	if (r < 0)
		goto out;
	if (!rel.target) {
		jz_fail(e, JZ_EDATA, "%s 已损坏：找不到工作表“%s”的内容", path,
			wb.names.v[which]);
		goto out;
	}
	if (!(part = part_name(rel.target))) {
		jz_fail(e, JZ_EDATA, "读取 %s 时内存不足", path);
		goto out;
	}
	if (parse_part(uf, "xl/sharedStrings.xml", &sst.b, sst_start, sst_end,
		sst_text) < 0)
		goto out;
	r = parse_part(uf, part, &sh.b, sheet_start, sheet_end, sheet_text);
	if (r == 1)
		jz_fail(e, JZ_EDATA, "%s 已损坏：缺少工作表“%s”的内容 %s", path,
			wb.names.v[which], part);
	if (r)
		goto out;
	snprintf(t->encoding, sizeof t->encoding, "UTF-8");
	rc = 0;
out:
	if (rc)
		jz_table_free(t);
	unzClose(uf);
	free(part);
	free(rel.target);
	free(sst.text.s);
	free(sh.text.s);
	slist_free(&sst.strs);
	slist_free(&wb.names);
	slist_free(&wb.rids);
	return rc;
}
