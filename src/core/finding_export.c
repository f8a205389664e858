/* finding_export.c — the findings ledger (比对发现台账) as a workbook
 * (.xlsx) or a CSV file (GBK by default, as the offices' Excel opens it;
 * UTF-8 on request), one row per finding with its state and who worked it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/finding.h"
#include "io/csv_out.h"
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
	jz_csv_out csv;    /* csv */
	int n;
};

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
	jz_csv_row(&o->csv, cells, NCOLS);
	return 0;
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
		const char *head[NCOLS];
		for (int i = 0; i < NCOLS; i++)
			head[i] = cols[i].header;
		jz_csv_row(&o.csv, head, NCOLS);
	}
	int rc = jz_findings(db, f, row, &o, e);
	if (o.w) {
		int cr = jz_xtable_close(o.w, rc ? NULL : e);
		rc = rc || cr;
	} else if (!rc) {
		rc = jz_csv_save(&o.csv, path, utf8 ? JZ_CSV_UTF8 : JZ_CSV_GBK, e);
	} else {
		jz_csv_discard(&o.csv);
	}
	return rc ? -1 : o.n;
}
