/* csv_in.c — reads a CSV file into rows of UTF-8 cells (io/table_in.h).
 *
 * libcsv splits the raw bytes first: in GBK and GB18030 every byte of a
 * multibyte character is >= 0x30 except none of , " CR LF, so splitting
 * before decoding is safe. Each cell is then checked (UTF-8) or converted
 * (jz_iconv), which lets an error name the row and column of a bad byte.
 * Also holds the jz_table helpers shared with xlsx_in.c. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/table_in.h"
#include "io/text.h"

#define CSV_MAX_BYTES (512u * 1024 * 1024)

/* Capacity kept for n elements: 0, or the power of two >= max(n, 8). */
static size_t cap_of(size_t n)
{
	size_t c = 8;

	if (n == 0)
		return 0;
	while (c < n)
		c *= 2;
	return c;
}

/* Makes *p hold `need` elements of size sz when it holds `have`. */
static int grow(void *pp, size_t sz, size_t have, size_t need)
{
	void **p = pp;
	void *np;

	if (need <= have || cap_of(need) == cap_of(have))
		return 0;
	np = realloc(*p, cap_of(need) * sz);
	if (!np)
		return -1;
	*p = np;
	return 0;
}

int jz_table_put(jz_table *t, int row, int col, char *cell)
{
	if (row < 0 || col < 0)
		goto fail;
	if (row >= t->nrows) {
		if (grow(&t->rows, sizeof *t->rows, t->nrows, (size_t)row + 1) ||
			grow(&t->ncells, sizeof *t->ncells, t->nrows, (size_t)row + 1))
			goto fail;
		for (int i = t->nrows; i <= row; i++) {
			t->rows[i] = NULL;
			t->ncells[i] = 0;
		}
		t->nrows = row + 1;
	}
	int n = t->ncells[row];
	if (col < n) {
		free(t->rows[row][col]);
		t->rows[row][col] = cell;
		return 0;
	}
	if (grow(&t->rows[row], sizeof **t->rows, n, (size_t)col + 1))
		goto fail;
	for (; n < col; n++) {
		char *empty = calloc(1, 1);
		if (!empty)
			goto fail;
		t->rows[row][n] = empty;
		t->ncells[row] = n + 1;
	}
	t->rows[row][col] = cell;
	t->ncells[row] = col + 1;
	return 0;
fail:
	free(cell);
	return -1;
}

void jz_table_free(jz_table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->ncells[i]; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	free(t->rows);
	free(t->ncells);
	memset(t, 0, sizeof *t);
}

struct csv_ctx {
	jz_table *t;
	int row, col;
	int oom;
};

static void on_field(void *s, size_t len, void *data)
{
	struct csv_ctx *c = data;
	char *cell;

	if (c->oom)
		return;
	cell = malloc(len + 1);
	if (!cell) {
		c->oom = 1;
		return;
	}
	if (len)
		memcpy(cell, s, len);
	cell[len] = '\0';
	if (jz_table_put(c->t, c->row, c->col++, cell))
		c->oom = 1;
}

static void on_row(int term, void *data)
{
	struct csv_ctx *c = data;

	(void)term;
	c->row++;
	c->col = 0;
}

static int is_utf8_name(const char *enc)
{
	return !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Checks (UTF-8) or converts (anything else) every cell in place. Returns
 * 0, or -1 with *bad_row and *bad_col (0-based) at the first bad cell, or -1
 * with *bad_row = -1 when out of memory or the encoding is unsupported
 * (e then says so). Cells before a bad one may be converted already. */
static int decode_cells(jz_table *t, const char *enc, int *bad_row,
	int *bad_col, jz_err *e)
{
	int utf8 = is_utf8_name(enc);

	*bad_row = -1;
	*bad_col = -1;
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->ncells[i]; j++) {
			char *s = t->rows[i][j];
			size_t len = strlen(s);
			if (is_ascii(s))
				continue;
			if (utf8) {
				if (!jz_utf8_valid(s, len))
					goto bad;
				continue;
			}
			jz_err ie = { 0 };
			char *out = jz_iconv("UTF-8", enc, s, len, NULL, &ie);
			if (!out) {
				if (strstr(ie.msg, "偏移量") || strstr(ie.msg, "不完整"))
					goto bad; /* a byte invalid in enc */
				jz_fail(e, JZ_EDATA, "%s", ie.msg); /* unsupported, no memory */
				return -1;
			}
			free(s);
			t->rows[i][j] = out;
			continue;
bad:
			*bad_row = i;
			*bad_col = j;
			return -1;
		}
	}
	return 0;
}

static int fail_bytes(jz_err *e, const char *name, const char *enc, int row,
	int col)
{
	return jz_fail(e, JZ_EDATA, "%s 第 %d 行第 %d 列含有不是 %s 编码的字节，"
		"请确认文件的编码（可另存为 UTF-8）", name, row + 1, col + 1, enc);
}

/* Splits buf into raw cells with libcsv. */
static int split(const char *buf, size_t len, jz_table *t, const char *name,
	jz_err *e)
{
	struct csv_parser p;
	struct csv_ctx c = { t, 0, 0, 0 };
	int rc = -1;

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return jz_fail(e, JZ_EDATA, "读取 %s 时内存不足", name);
	if (csv_parse(&p, buf, len, on_field, on_row, &c) != len) {
		jz_fail(e, JZ_EDATA, "%s 第 %d 行无法解析：%s", name, c.row + 1,
			csv_strerror(csv_error(&p)));
		goto out;
	}
	csv_fini(&p, on_field, on_row, &c);
	if (c.oom) {
		jz_fail(e, JZ_EDATA, "读取 %s 时内存不足", name);
		goto out;
	}
	rc = 0;
out:
	csv_free(&p);
	return rc;
}

static void set_encoding(jz_table *t, const char *enc)
{
	snprintf(t->encoding, sizeof t->encoding, "%s", enc);
}

static int read_mem(const char *buf, size_t len, const char *encoding,
	jz_table *t, const char *name, jz_err *e)
{
	char *conv = NULL;
	size_t bom = 0;
	const char *enc = encoding;
	int br, bc;

	memset(t, 0, sizeof *t);
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) &&
		(!enc || is_utf8_name(enc)))
		bom = 3;
	if (!enc) {
		enc = jz_detect_encoding(buf, len, &bom);
		if (enc && !strncmp(enc, "UTF-16", 6)) {
			/* No per-row report here: the whole file is converted. */
			jz_err ie = { 0 };
			conv = jz_iconv("UTF-8", enc, buf + bom, len - bom, &len, &ie);
			if (!conv)
				return jz_fail(e, JZ_EDATA, "%s 不是有效的 %s 文本：%s",
					name, enc, ie.msg);
			set_encoding(t, enc);
			buf = conv;
			bom = 0;
			enc = "UTF-8";
		}
	}
	if (split(buf + bom, len - bom, t, name, e))
		goto fail;
	free(conv);
	conv = NULL;
	if (!t->encoding[0])
		set_encoding(t, enc ? enc : "GB18030");
	if (enc) {
		if (decode_cells(t, enc, &br, &bc, e) == 0)
			return 0;
		if (br >= 0)
			fail_bytes(e, name, enc, br, bc);
		goto fail;
	}
	/* Neither UTF-8 nor GB18030: name the one that goes further. */
	int ur, uc;
	if (decode_cells(t, "UTF-8", &ur, &uc, e) == 0)
		return 0; /* not reached: the bad bytes are in some cell */
	if (ur < 0)
		goto fail;
	if (decode_cells(t, "GB18030", &br, &bc, e) == 0) {
		set_encoding(t, "GB18030");
		return 0;
	}
	if (br < 0)
		goto fail;
	if (ur > br || (ur == br && uc > bc))
		fail_bytes(e, name, "UTF-8", ur, uc);
	else
		fail_bytes(e, name, "GBK/GB18030", br, bc);
fail:
	free(conv);
	jz_table_free(t);
	return -1;
}

int jz_csv_read_mem(const char *buf, size_t len, const char *encoding,
	jz_table *t, jz_err *e)
{
	return read_mem(buf, len, encoding, t, "CSV 数据", e);
}

int jz_csv_read(const char *path, const char *encoding, jz_table *t, jz_err *e)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc;

	memset(t, 0, sizeof *t);
	f = fopen(path, "rb");
	if (!f)
		return jz_fail(e, JZ_EDATA, "无法打开 %s：%s", path, jz_errno_text(errno));
	for (;;) {
		if (len == cap) {
			char *nb;
			if (cap >= CSV_MAX_BYTES) {
				fclose(f);
				free(buf);
				return jz_fail(e, JZ_EDATA, "%s 太大（超过 512 MB）", path);
			}
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				fclose(f);
				free(buf);
				return jz_fail(e, JZ_EDATA, "读取 %s 时内存不足", path);
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return jz_fail(e, JZ_EDATA, "读取 %s 出错", path);
	}
	fclose(f);
	rc = read_mem(buf, len, encoding, t, path, e);
	free(buf);
	return rc;
}
