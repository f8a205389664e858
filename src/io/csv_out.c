/* csv_out.c — CSV files written whole (see csv_out.h). */
#include "io/csv_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/text.h"

static void put(jz_csv_out *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 1024) + n;
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

void jz_csv_cell(jz_csv_out *w, const char *s)
{
	if (w->ncells++)
		put(w, ",", 1);
	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\r\n")) {
		put(w, s, strlen(s));
		return;
	}
	put(w, "\"", 1);
	for (; *s; s++) {
		if (*s == '"')
			put(w, "\"", 1); /* a quote is doubled */
		put(w, s, 1);
	}
	put(w, "\"", 1);
}

void jz_csv_end_row(jz_csv_out *w)
{
	put(w, "\r\n", 2);
	w->ncells = 0;
}

void jz_csv_row(jz_csv_out *w, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		jz_csv_cell(w, cells[i]);
	jz_csv_end_row(w);
}

void jz_csv_discard(jz_csv_out *w)
{
	free(w->p);
	memset(w, 0, sizeof *w);
}

static int write_file(const char *path, const char *bom, const char *data, size_t len, jz_err *e)
{
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f)
		return jz_fail(e, JZ_EDATA, "无法创建文件 %s：%s（请检查文件夹是否存在、可写）", path, jz_errno_text(errno));
	int bad = (bom && fwrite(bom, 1, strlen(bom), f) != strlen(bom)) || fwrite(data, 1, len, f) != len ||
		  ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0;
	int err = errno;
	if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
		unlink(tmp);
		return jz_fail(e, JZ_EDATA, "写文件 %s 失败：%s（磁盘已满或不可写？）", path, jz_errno_text(bad ? err : errno));
	}
	return 0;
}

int jz_csv_save(jz_csv_out *w, const char *path, enum jz_csv_enc enc, jz_err *e)
{
	int rc;
	if (w->oom) {
		jz_csv_discard(w);
		return jz_fail(e, JZ_EDATA, "内存不足，没有写出 %s", path);
	}
	const char *data = w->p ? w->p : "";
	if (enc != JZ_CSV_GBK) {
		rc = write_file(path, enc == JZ_CSV_UTF8_BOM ? "\xEF\xBB\xBF" : NULL, data, w->len, e);
	} else {
		size_t glen = 0;
		jz_err ce = {0};
		char *gbk = jz_iconv("GBK", "UTF-8", data, w->len, &glen, &ce);
		if (!gbk)
			rc = jz_fail(e, JZ_EUSER, "%s 不能写成 GBK（%s）：有的字不在 GBK 里，请改用 UTF-8（--utf8）", path,
				     ce.msg);
		else
			rc = write_file(path, NULL, gbk, glen, e);
		free(gbk);
	}
	jz_csv_discard(w);
	return rc;
}
