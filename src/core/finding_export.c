/* finding_export.c — the findings ledger (比对发现台账) as a workbook
 * (.xlsx) or a CSV file (GBK by default, as the offices' Excel opens it;
 * UTF-8 on request), one row per finding with its state and who worked it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/finding.h"
#include "io/form_file.h"
#include "io/text.h"
#include "io/xlsx_table.h"

#define NCOLS 16
static const struct jz_xcol cols[NCOLS] = {
	{"编号", JZ_CELL_INT, 6}, {"来源", JZ_CELL_TEXT, 14}, {"类别", JZ_CELL_TEXT, 12},
	{"分类", JZ_CELL_TEXT, 18}, {"村（社区）", JZ_CELL_TEXT, 10}, {"姓名", JZ_CELL_TEXT, 8},
	{"身份证号", JZ_CELL_TEXT, 20}, {"说明", JZ_CELL_TEXT, 50}, {"死亡日期", JZ_CELL_TEXT, 11},
	{"死亡后发放月数", JZ_CELL_INT, 8}, {"应追回金额", JZ_CELL_MONEY, 11},
	{"发现日期", JZ_CELL_TEXT, 11}, {"状态", JZ_CELL_TEXT, 7}, {"处理日期", JZ_CELL_TEXT, 11},
	{"处理人", JZ_CELL_TEXT, 8}, {"处理情况", JZ_CELL_TEXT, 40},
};

struct out {
	jz_xwriter *w;     /* xlsx */
	char *buf;         /* csv */
	size_t len, cap;
	int oom, n;
};

static void put(struct out *o, const char *s)
{
	size_t k = strlen(s);
	if (o->oom)
		return;
	if (o->len + k + 1 > o->cap) {
		size_t cap = (o->cap ? o->cap * 2 : 4096) + k;
		char *p = realloc(o->buf, cap);
		if (!p) {
			o->oom = 1;
			return;
		}
		o->buf = p;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, k + 1);
	o->len += k;
}

/* A CSV field, quoted when it holds a comma, quote or line break. */
static void field(struct out *o, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		put(o, "\"");
		for (const char *p = s; *p; p++) {
			char ch[3] = {*p, *p == '"' ? '"' : '\0', '\0'};
			put(o, ch);
		}
		put(o, "\"");
	} else {
		put(o, s);
	}
	put(o, last ? "\r\n" : ",");
}

static int row(const jz_finding *f, void *arg)
{
	struct out *o = arg;
	char id[24], months[16], money[32];
	snprintf(id, sizeof id, "%lld", f->id);
	snprintf(months, sizeof months, "%d", f->months_after);
	jz_money_format(f->recover_fen, money, sizeof money);
	const char *cells[NCOLS] = {id, jz_compare_source_label(f->source), f->kind, f->category,
		f->village, f->name, f->id_number, f->detail, f->death_date, months, money, f->found_on,
		f->state, f->worked_on, f->worked_by, f->note};
	long long nums[NCOLS] = {f->id, 0, 0, 0, 0, 0, 0, 0, 0, f->months_after, f->recover_fen};
	o->n++;
	if (o->w) {
		jz_xtable_row(o->w, cells, nums);
		return 0;
	}
	for (int i = 0; i < NCOLS; i++)
		field(o, cells[i], i == NCOLS - 1);
	return 0;
}

static int write_csv(const char *path, struct out *o, int utf8, jz_err *e)
{
	char *conv = NULL;
	size_t len = o->len;
	const char *data = o->buf ? o->buf : "";
	if (!utf8) {
		jz_err ce = {0};
		conv = jz_iconv("GBK", "UTF-8", data, len, &len, &ce);
		if (!conv)
			return jz_fail(e, JZ_EUSER, "%s 不能写成 GBK（%s）：有的姓名含 GBK 以外的字，"
				       "请加 --utf8 写成 UTF-8", path, ce.msg);
		data = conv;
	}
	FILE *fp = fopen(path, "wb");
	int ok = fp && fwrite(data, 1, len, fp) == len;
	if (fp && fclose(fp))
		ok = 0;
	free(conv);
	return ok ? 0 : jz_fail(e, JZ_EDATA, "不能写入 %s，请检查文件夹是否存在、是否有写入权限", path);
}

int jz_finding_export(jz_db *db, const struct jz_finding_filter *f, const char *path, int utf8,
		      jz_err *e)
{
	struct out o = {0};
	size_t len = strlen(path);
	int xlsx = len > 5 && !strcasecmp(path + len - 5, ".xlsx");
	if (!xlsx && !(len > 4 && !strcasecmp(path + len - 4, ".csv")))
		return jz_fail(e, JZ_EUSER, "导出文件「%s」应以 .xlsx 或 .csv 结尾", path);
	char note[64], today[11];
	jz_today(today);
	snprintf(note, sizeof note, "导出日期：%s", today);
	struct jz_xtable x = {path, "比对发现", "数据比对发现台账", note, NULL, cols, NCOLS, 10};
	if (xlsx) { /* the writer keeps x: it lives until the end */
		if (!(o.w = jz_xtable_open(&x, e)))
			return -1;
	} else {
		for (int i = 0; i < NCOLS; i++)
			field(&o, cols[i].header, i == NCOLS - 1);
	}
	int rc = jz_findings(db, f, row, &o, e);
	if (o.w) {
		int cr = jz_xtable_close(o.w, rc ? NULL : e);
		rc = rc || cr;
	} else if (!rc) {
		rc = o.oom ? jz_fail(e, JZ_EDATA, "内存不足") : write_csv(path, &o, utf8, e);
	}
	free(o.buf);
	return rc ? -1 : o.n;
}
