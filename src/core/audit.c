/* audit.c — the event trail for people (see audit.h). */
#include "core/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_out.h"
#include "io/xlsx_table.h"

int jz_audit_each(jz_db *db, const struct jz_audit_filter *f, jz_event_fn fn, void *arg, jz_err *e)
{
	return jz_event_each(db, f->from, f->to, f->entity, f->entity_id, fn, arg, e);
}

static const char *const LABELS[][2] = {
	{"household.", "家庭"}, {"person.", "人员"}, {"case.", "案件"}, {"aid.", "临时救助"},
	{"fund.", "备用金"}, {"roll.", "花名册"}, {"onetime.", "一次性发放"}, {"operator.", "操作员"},
	{"setting.", "设置"}, {"standard.", "标准"}, {"township.", "乡镇"}, {"village.", "村（社区）"},
	{"relative.", "近亲属备案"}, {"db.", "数据文件"}, {"holiday.", "节假日"},
};

const char *jz_audit_action_label(const char *action)
{
	for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
		if (!strncmp(action, LABELS[i][0], strlen(LABELS[i][0])))
			return LABELS[i][1];
	return action;
}

void jz_audit_one_line(const char *s, char *out, size_t n)
{
	size_t o = 0;
	for (; s && *s && o + 4 < n; s++) {
		if (*s == '\n') {
			if (s[1] && o + 4 < n) {
				memcpy(out + o, "；", 3);
				o += 3;
			}
		} else
			out[o++] = *s;
	}
	out[o] = '\0';
}

struct exp {
	jz_xwriter *x;
	jz_csv_out csv;
	int n;
};

static int export_one(const jz_event *ev, void *arg)
{
	struct exp *x = arg;
	char id[24], oldv[2048], newv[2048];
	snprintf(id, sizeof id, "%lld", ev->id);
	jz_audit_one_line(ev->old_text, oldv, sizeof oldv);
	jz_audit_one_line(ev->new_text, newv, sizeof newv);
	const char *cells[] = {id, ev->at, ev->operator_, jz_audit_action_label(ev->action), ev->action,
			       ev->reason ? ev->reason : "", oldv, newv};
	if (x->x)
		jz_xtable_row(x->x, cells, (long long[8]){0});
	else
		jz_csv_row(&x->csv, cells, 8);
	x->n++;
	return 0;
}

int jz_audit_export(jz_db *db, const struct jz_audit_filter *f, const char *path, int utf8, jz_err *e)
{
	static const struct jz_xcol cols[] = {{"序号", JZ_CELL_TEXT, 8}, {"时间", JZ_CELL_TEXT, 20},
		{"操作员", JZ_CELL_TEXT, 10}, {"类别", JZ_CELL_TEXT, 10}, {"动作", JZ_CELL_TEXT, 18},
		{"原因", JZ_CELL_TEXT, 24}, {"原值", JZ_CELL_TEXT, 40}, {"新值", JZ_CELL_TEXT, 40}};
	struct exp x = {0};
	size_t n = strlen(path);
	int xlsx = n > 5 && !strcmp(path + n - 5, ".xlsx");
	char note[96];
	snprintf(note, sizeof note, "期间：%s 至 %s", f->from ? f->from : "开始", f->to ? f->to : "现在");
	/* The writer keeps t: it lives until the file is closed. */
	struct jz_xtable t = {.path = path, .sheet = "操作记录", .title = "操作记录", .note = note,
		.footer = "每条记录带有摘要链，可用 jiuzhu check 核验未被改动", .cols = cols, .ncols = 8,
		.total_col = -1};
	if (xlsx) {
		if (!(x.x = jz_xtable_open(&t, e)))
			return -1;
	} else {
		const char *head[8];
		for (int i = 0; i < 8; i++)
			head[i] = cols[i].header;
		jz_csv_row(&x.csv, head, 8);
	}
	int rc = jz_audit_each(db, f, export_one, &x, e);
	if (x.x) {
		if (jz_xtable_close(x.x, rc ? NULL : e))
			rc = -1;
	} else if (rc) {
		jz_csv_discard(&x.csv);
	} else {
		rc = jz_csv_save(&x.csv, path, utf8 ? JZ_CSV_UTF8_BOM : JZ_CSV_GBK, e);
	}
	return rc ? -1 : x.n;
}
