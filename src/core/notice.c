/* notice.c — the 公示名单 (see notice.h). */
#include "core/notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/case_calc.h"
#include "core/clock.h"
#include "core/id.h"
#include "io/form_file.h"
#include "io/xlsx_table.h"
#include "store/case_store.h"
#include "store/people.h"
#include "store/township_store.h"

struct walk {
	jz_db *db;
	jz_rowid village_id;
	const char *date;
	int (*fn)(const struct jz_notice_row *, void *);
	void *arg;
	jz_err *e;
	int failed;
};

static void names_of(jz_db *db, const jz_case *c, struct jz_notice_row *r)
{
	jz_rowid ids[64];
	jz_person p;
	jz_err e = {0};
	int n = jz_store_case_members(db, c->id, ids, 64, &e);
	r->persons = n < 0 ? 0 : n;
	if (!strcmp(c->mode, "整户保障") && jz_store_household_head(db, c->household_id, &p, &e) > 0) {
		snprintf(r->names, sizeof r->names, "%s%s", p.name, n > 1 ? "（户）" : "");
		jz_id_mask(p.id_number, r->masked_id);
		return;
	}
	for (int i = 0; i < n && i < 64; i++)
		if (jz_store_person_get(db, ids[i], &p, &e) > 0) {
			size_t len = strlen(r->names);
			snprintf(r->names + len, sizeof r->names - len, "%s%s", len ? "、" : "", p.name);
			if (!r->masked_id[0])
				jz_id_mask(p.id_number, r->masked_id);
		}
}

static int one(const jz_case *c, void *arg)
{
	struct walk *w = arg;
	struct jz_notice_row r = {0};
	jz_household h;
	jz_village v = {0};
	if (w->date && (strcmp(w->date, c->notice_from) < 0 || strcmp(w->date, c->notice_to) > 0))
		return 0;
	if (jz_store_household_get(w->db, c->household_id, &h, w->e) <= 0 ||
	    (w->village_id && h.village_id != w->village_id))
		return 0;
	jz_store_village_get(w->db, h.village_id, &v, w->e);
	snprintf(r.case_number, sizeof r.case_number, "%s", c->number);
	r.village_id = v.id;
	snprintf(r.village, sizeof r.village, "%s", v.name);
	snprintf(r.programme, sizeof r.programme, "%s", c->programme);
	snprintf(r.mode, sizeof r.mode, "%s", c->mode);
	snprintf(r.from, sizeof r.from, "%s", c->notice_from);
	snprintf(r.to, sizeof r.to, "%s", c->notice_to);
	names_of(w->db, c, &r);
	struct jz_case_means *cm = calloc(1, sizeof *cm);
	char month[8];
	jz_month_add(c->notice_to, 1, month);
	if (cm && jz_case_calc(w->db, c, month, cm, w->e) == 0)
		r.amount_fen = cm->r.total_fen;
	free(cm);
	return w->fn(&r, w->arg);
}

int jz_notice_rows(jz_db *db, jz_rowid village_id, const char *date,
		   int (*fn)(const struct jz_notice_row *, void *), void *arg, jz_err *e)
{
	struct walk w = {db, village_id, date, fn, arg, e, 0};
	return jz_store_cases(db, "公示", one, &w, e);
}

/* ---- export: rows gathered, then one workbook and one text per village ---- */

struct gathered {
	struct jz_notice_row *v;
	int n, cap;
};

static int keep(const struct jz_notice_row *r, void *arg)
{
	struct gathered *g = arg;
	if (g->n == g->cap) {
		int cap = g->cap ? g->cap * 2 : 64;
		struct jz_notice_row *nv = realloc(g->v, cap * sizeof *nv);
		if (!nv)
			return 1;
		g->v = nv;
		g->cap = cap;
	}
	g->v[g->n++] = *r;
	return 0;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct jz_notice_row *x = a, *y = b;
	int c = (x->village_id > y->village_id) - (x->village_id < y->village_id);
	return c ? c : strcmp(x->case_number, y->case_number);
}

static const struct jz_xcol cols[] = {
	{"序号", JZ_CELL_INT, 6}, {"姓名", JZ_CELL_TEXT, 18}, {"身份证号", JZ_CELL_TEXT, 22},
	{"救助项目", JZ_CELL_TEXT, 16}, {"保障人数", JZ_CELL_INT, 10}, {"月救助金额（元）", JZ_CELL_MONEY, 16},
};

static int write_village(const jz_township *t, const struct jz_notice_row *r, int n, const char *dir,
			 jz_err *e)
{
	char path[4200], title[300], note[400], footer[300];
	snprintf(path, sizeof path, "%s/公示名单_%s_%s.xlsx", dir, r[0].village, r[0].from);
	snprintf(title, sizeof title, "%s%s 社会救助对象公示名单", t->name, r[0].village);
	snprintf(note, sizeof note, "公示时间：%s 至 %s。对公示对象有异议的，请在公示期内向乡镇社会事务办反映。",
		 r[0].from, r[n - 1].to);
	snprintf(footer, sizeof footer, "监督电话：%s    %s人民政府（盖章）", *t->phone ? t->phone : "（未填）", t->name);
	struct jz_xtable x = {path, "公示名单", title, note, footer, cols, 6, -1};
	jz_xwriter *w = jz_xtable_open(&x, e);
	if (!w)
		return -1;
	snprintf(path, sizeof path, "%s/公示名单_%s_%s.txt", dir, r[0].village, r[0].from);
	FILE *txt = fopen(path, "w");
	if (txt)
		fprintf(txt, "%s\n\n%s\n\n序号  姓名            身份证号            救助项目        人数  月救助金额(元)\n",
			title, note);
	for (int i = 0; i < n; i++) {
		char seq[16], prog[48], money[32];
		snprintf(seq, sizeof seq, "%d", i + 1);
		snprintf(prog, sizeof prog, "%s（%s）", r[i].programme, r[i].mode);
		const char *cells[] = {seq, r[i].names, r[i].masked_id, prog, "", ""};
		long long nums[] = {i + 1, 0, 0, 0, r[i].persons, r[i].amount_fen};
		jz_xtable_row(w, cells, nums);
		jz_money_format(r[i].amount_fen, money, sizeof money);
		if (txt)
			fprintf(txt, "%-5d %-14s  %s  %-14s  %4d  %s\n", i + 1, r[i].names, r[i].masked_id, prog,
				r[i].persons, money);
	}
	if (txt) {
		fprintf(txt, "\n%s\n", footer);
		fclose(txt);
	}
	return jz_xtable_close(w, e);
}

int jz_notice_export(jz_db *db, jz_rowid village_id, const char *date, const char *dir, jz_err *e)
{
	struct gathered g = {0};
	jz_township t;
	int files = 0, rc = 0;
	if (jz_store_township_get(db, &t, e) <= 0 || jz_notice_rows(db, village_id, date, keep, &g, e)) {
		free(g.v);
		return -1;
	}
	if (g.n > 0) /* nothing on notice: g.v is NULL, which qsort may not take */
		qsort(g.v, (size_t)g.n, sizeof *g.v, cmp_rows);
	for (int i = 0; i < g.n && !rc;) {
		int k = i;
		while (k < g.n && g.v[k].village_id == g.v[i].village_id)
			k++;
		rc = write_village(&t, &g.v[i], k - i, dir, e);
		files++;
		i = k;
	}
	free(g.v);
	return rc ? -1 : files;
}
