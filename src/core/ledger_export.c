/* ledger_export.c — a ledger's rows as a workbook (.xlsx, a titled sheet
 * that prints on A4) or a CSV file (GBK by default, which Excel on a
 * Chinese Windows opens directly; UTF-8 with a BOM on request). The state
 * column comes first, then the ledger's columns. */
#include "core/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/text.h"
#include "io/xlsx_table.h"

#define MAXC 40

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static int write_xlsx(const struct jz_ledger_table *t, const char *note, const char *path, jz_err *e)
{
	const struct jz_ledger_def *d = t->def;
	struct jz_xcol cols[MAXC];
	cols[0] = (struct jz_xcol){"状态", JZ_CELL_TEXT, 10};
	for (int c = 0; c < d->ncols && c + 1 < MAXC; c++) {
		enum jz_cell_kind k = d->cols[c].kind == JZ_LCOL_MONEY ? JZ_CELL_MONEY :
				      d->cols[c].kind == JZ_LCOL_INT ? JZ_CELL_INT : JZ_CELL_TEXT;
		int w = d->cols[c].width + 2;
		int hw = jz_str_width(d->cols[c].header) + 2;
		cols[c + 1] = (struct jz_xcol){d->cols[c].header, k, w > hw ? w : hw};
	}
	struct jz_xtable x = {path, d->title, d->title, note, NULL, cols, d->ncols + 1, -1};
	jz_xwriter *w = jz_xtable_open(&x, e);
	if (!w)
		return -1;
	for (int i = 0; i < t->n; i++) {
		const char *cells[MAXC];
		long long num[MAXC];
		cells[0] = t->rows[i].state;
		num[0] = 0;
		for (int c = 0; c < d->ncols && c + 1 < MAXC; c++) {
			cells[c + 1] = t->rows[i].cell[c];
			num[c + 1] = t->rows[i].num[c];
		}
		jz_xtable_row(w, cells, num);
	}
	return jz_xtable_close(w, e);
}

struct buf {
	char *p;
	size_t len, cap;
	int oom;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 4096) + n;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void field(struct buf *b, const char *s, int first)
{
	if (!first)
		put(b, ",", 1);
	if (!strpbrk(s, ",\"\r\n")) {
		put(b, s, strlen(s));
		return;
	}
	put(b, "\"", 1);
	for (const char *p = s; *p; p++)
		put(b, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
	put(b, "\"", 1);
}

static void build_csv(const struct jz_ledger_table *t, struct buf *b)
{
	const struct jz_ledger_def *d = t->def;
	field(b, "状态", 1);
	for (int c = 0; c < d->ncols; c++)
		field(b, d->cols[c].header, 0);
	put(b, "\r\n", 2);
	for (int i = 0; i < t->n; i++) {
		field(b, t->rows[i].state, 1);
		for (int c = 0; c < d->ncols; c++) {
			char money[48];
			const char *v = t->rows[i].cell[c];
			if (d->cols[c].kind == JZ_LCOL_MONEY && v[0]) {
				long long f = t->rows[i].num[c];
				snprintf(money, sizeof money, "%s%lld.%02lld", f < 0 ? "-" : "", llabs(f) / 100, llabs(f) % 100);
				v = money;
			}
			field(b, v, 0);
		}
		put(b, "\r\n", 2);
	}
}

static int write_file(const char *path, const char *head, size_t hn, const char *p, size_t n, jz_err *e)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return jz_fail(e, JZ_EDATA, "不能写入文件 %s：请检查文件夹是否存在、是否有权限", path);
	int bad = (hn && fwrite(head, 1, hn, f) != hn) || (n && fwrite(p, 1, n, f) != n);
	if (fclose(f) || bad)
		return jz_fail(e, JZ_EDATA, "写入文件 %s 失败（磁盘满了？）", path);
	return 0;
}

static int write_csv(const struct jz_ledger_table *t, const char *path, int utf8, jz_err *e)
{
	struct buf b = {0};
	int rc;
	build_csv(t, &b);
	if (b.oom) {
		free(b.p);
		return jz_fail(e, JZ_EDATA, "内存不足");
	}
	if (utf8) {
		rc = write_file(path, "\xEF\xBB\xBF", 3, b.p ? b.p : "", b.len, e);
	} else {
		size_t glen = 0;
		jz_err ce = {0};
		char *gbk = jz_iconv("GBK", "UTF-8", b.p ? b.p : "", b.len, &glen, &ce);
		if (!gbk)
			rc = jz_fail(e, JZ_EUSER, "台账不能写成 GBK 编码的 CSV（%s）：有的字不在 GBK 中，请改用 UTF-8（--utf8）"
				     "或导出为 .xlsx", ce.msg);
		else
			rc = write_file(path, NULL, 0, gbk, glen, e);
		free(gbk);
	}
	free(b.p);
	return rc;
}

int jz_ledger_export(const struct jz_ledger_table *t, const char *note, const char *path, int utf8,
		     jz_err *e)
{
	if (!path || !path[0])
		return jz_fail(e, JZ_EUSER, "请给出导出的文件名（.xlsx 或 .csv）");
	if (ends_with(path, ".xlsx"))
		return utf8 ? jz_fail(e, JZ_EUSER, "--utf8 只用于 .csv 文件") : write_xlsx(t, note, path, e);
	if (ends_with(path, ".csv"))
		return write_csv(t, path, utf8, e);
	return jz_fail(e, JZ_EUSER, "文件名「%s」应以 .xlsx 或 .csv 结尾", path);
}
