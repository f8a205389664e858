/* county.c — township bundles and the county's merge (see county.h). */
#include "core/county.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/township.h"
#include "store/bundle_store.h"

/* Figures that are not sums: left blank in summed rows, or computed again
 * from summed numerator and denominator (rounded to the fen, half up). */
static const struct {
	const char *tbl, *col, *num, *den;
} RULES[] = {
	{"dibao", "standard", NULL, NULL},
	{"dibao", "per_person", "paid", "persons"},
	{"tekun", "basic_standard", NULL, NULL},
	{"tekun", "care_self_standard", NULL, NULL},
	{"tekun", "care_half_standard", NULL, NULL},
	{"tekun", "care_full_standard", NULL, NULL},
	{"linshi", "average", "paid", "cases"},
};
#define NRULES (int)(sizeof RULES / sizeof RULES[0])

static int rule_of(const char *tbl, const char *col)
{
	for (int i = 0; i < NRULES; i++)
		if (!strcmp(RULES[i].tbl, tbl) && !strcmp(RULES[i].col, col))
			return i;
	return -1;
}

/* ---- export ---- */

int jz_county_export(jz_db *db, const char *month, const char *path, jz_err *e)
{
	struct jz_figures f;
	jz_township t;
	char now[20], n[24];
	if (jz_township_load(db, &t, e))
		return -1;
	if (jz_figures_compute(db, month, &f, e)) {
		jz_figures_free(&f);
		return -1;
	}
	jz_bundle_out *b = jz_bundle_create(path, e);
	int rc = b ? 0 : -1;
	jz_now(now);
	snprintf(n, sizeof n, "%d", f.nchecks);
	const char *meta[][2] = {{"format", JZ_BUNDLE_FORMAT}, {"township", t.name}, {"county", t.county},
		{"area_code", t.area_code}, {"month", month}, {"made_at", now},
		{"roll_locked", f.roll_locked ? "1" : "0"}, {"submitted_on", f.submitted_on}, {"checks_failed", n}};
	for (size_t i = 0; !rc && i < sizeof meta / sizeof meta[0]; i++)
		rc = jz_bundle_meta(b, meta[i][0], meta[i][1], e);
	for (int i = 0; !rc && i < f.ntables; i++)
		for (int j = 0; !rc && j < f.t[i].nrows; j++) {
			const struct jz_fig_row *r = &f.t[i].rows[j];
			struct jz_bundle_cell c = {f.t[i].name, r->key, r->label, "", NULL, r->village, 0};
			rc = jz_bundle_cell(b, &c, e); /* the row itself, cells or not */
			for (int k = 0; !rc && k < r->ncells; k++) {
				c.col = r->cells[k].col;
				c.v = r->cells[k].v;
				c.text = r->cells[k].text;
				rc = jz_bundle_cell(b, &c, e);
			}
		}
	jz_figures_free(&f);
	if (b && jz_bundle_close(b, !rc, rc ? NULL : e))
		rc = -1;
	return rc;
}

/* ---- reading a bundle into figures ---- */

struct one {
	struct jz_figures f;
	char township[96], county[96], area_code[8], month[8], roll_locked[4], path[4096];
	jz_err *e;
};

static void on_meta(const char *k, const char *v, void *arg)
{
	struct one *o = arg;
	if (!strcmp(k, "township"))
		snprintf(o->township, sizeof o->township, "%s", v);
	else if (!strcmp(k, "county"))
		snprintf(o->county, sizeof o->county, "%s", v);
	else if (!strcmp(k, "area_code"))
		snprintf(o->area_code, sizeof o->area_code, "%s", v);
	else if (!strcmp(k, "month"))
		snprintf(o->month, sizeof o->month, "%s", v);
	else if (!strcmp(k, "roll_locked"))
		snprintf(o->roll_locked, sizeof o->roll_locked, "%s", v);
}

static struct jz_fig_table *table(struct jz_figures *f, const char *name, jz_err *e)
{
	for (int i = 0; i < f->ntables; i++)
		if (!strcmp(f->t[i].name, name))
			return &f->t[i];
	return jz_fig_table_add(f, name, e);
}

static int on_cell(const struct jz_bundle_cell *c, void *arg)
{
	struct one *o = arg;
	struct jz_fig_table *t = table(&o->f, c->tbl, o->e);
	if (!t)
		return -1;
	struct jz_fig_row *r = jz_fig_row_get(t, c->row_key);
	if (!r && !(r = jz_fig_row_add(t, c->row_key, c->row_label, o->e)))
		return -1;
	r->village = c->village;
	if (!*c->col)
		return 0;
	if (c->text)
		return jz_fig_text(r, c->col, c->text, o->e);
	jz_fig_set(r, c->col, c->v);
	return 0;
}

static int load(struct one *o, const char *path, jz_err *e)
{
	memset(o, 0, sizeof *o);
	o->e = e;
	snprintf(o->path, sizeof o->path, "%s", path);
	return jz_bundle_read(path, on_meta, on_cell, o, e);
}

/* ---- merging ---- */

/* Adds row src of township o into row dst of table tbl: numbers summed
 * (except the RULES), texts put one after another with the township. */
static int add_row(struct jz_fig_row *dst, const struct jz_fig_row *src, const char *tbl, const struct one *o,
		   jz_err *e)
{
	for (int k = 0; k < src->ncells; k++) {
		const struct jz_fig_cell *c = &src->cells[k];
		if (c->text) {
			const struct jz_fig_cell *old = jz_fig_cell(dst, c->col);
			size_t n = (old && old->text ? strlen(old->text) : 0) + strlen(c->text) + 200;
			char *buf = malloc(n);
			if (!buf)
				return jz_fail(e, JZ_EDATA, "内存不足");
			snprintf(buf, n, "%s%s【%s】%s", old && old->text ? old->text : "",
				 old && old->text && *old->text ? "\n" : "", o->township, c->text);
			int rc = jz_fig_text(dst, c->col, buf, e);
			free(buf);
			if (rc)
				return -1;
		} else if (rule_of(tbl, c->col) < 0) {
			jz_fig_add(dst, c->col, c->v);
		}
	}
	return 0;
}

static void recompute(struct jz_fig_table *t)
{
	for (int i = 0; i < NRULES; i++) {
		if (strcmp(RULES[i].tbl, t->name) || !RULES[i].num)
			continue;
		for (int j = 0; j < t->nrows; j++) {
			const struct jz_fig_cell *a = jz_fig_cell(&t->rows[j], RULES[i].num);
			const struct jz_fig_cell *b = jz_fig_cell(&t->rows[j], RULES[i].den);
			long long v = a && b && b->v > 0 ? (a->v * 2 + b->v) / (2 * b->v) : 0;
			jz_fig_set(&t->rows[j], RULES[i].col, v);
		}
	}
}

/* One township's table into the county's. */
static int merge_table(struct jz_figures *m, const struct jz_fig_table *src, const struct one *o, jz_err *e)
{
	struct jz_fig_table *t = table(m, src->name, e);
	if (!t)
		return -1;
	int list = !strcmp(src->name, "biandong");
	for (int j = 0; j < src->nrows; j++) {
		const struct jz_fig_row *r = &src->rows[j];
		char key[96], label[96];
		if (r->village)
			continue; /* the county's rows are townships, not villages */
		if (list) { /* one line per entry or exit: kept, with the township */
			snprintf(key, sizeof key, "%.40s/%.50s", o->area_code, r->key);
			struct jz_fig_row *d = jz_fig_row_add(t, key, r->label, e);
			if (!d)
				return -1;
			*d = *r;
			snprintf(d->key, sizeof d->key, "%s", key);
			for (int k = 0; k < d->ncells; k++)
				if (d->cells[k].text && !(d->cells[k].text = strdup(d->cells[k].text)))
					return jz_fail(e, JZ_EDATA, "内存不足");
			const struct jz_fig_cell *v = jz_fig_cell(r, "village");
			snprintf(label, sizeof label, "%.40s %.50s", o->township, v && v->text ? v->text : "");
			if (jz_fig_text(d, "village", label, e))
				return -1;
			continue;
		}
		struct jz_fig_row *d = jz_fig_row_get(t, r->key);
		if (!d && !(d = jz_fig_row_add(t, r->key, r->label, e)))
			return -1;
		if (add_row(d, r, src->name, o, e))
			return -1;
		if (!strcmp(src->name, "dibao") && !strcmp(r->key, "合计")) { /* the township's own row */
			struct jz_fig_row *tw = jz_fig_row_add(t, o->area_code, o->township, e);
			if (!tw || add_row(tw, r, src->name, o, e))
				return -1;
			tw->village = 1;
		}
	}
	return 0;
}

/* The township rows of 低保 come first, as villages do in a township's. */
static void townships_first(struct jz_fig_table *t)
{
	int w = 0;
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].village) {
			struct jz_fig_row tmp = t->rows[i];
			memmove(&t->rows[w + 1], &t->rows[w], (size_t)(i - w) * sizeof tmp);
			t->rows[w++] = tmp;
		}
}

static int check_same(struct one *v, int n, jz_err *e)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(v[i].month, v[0].month))
			return jz_fail(e, JZ_EUSER, "汇总文件的月份不一致：%s 是 %s，%s 是 %s，请用同一个月的文件", v[0].path,
				       v[0].month, v[i].path, v[i].month);
		if (strcmp(v[i].county, v[0].county))
			return jz_fail(e, JZ_EUSER, "%s 是%s的，%s 是%s的，不能合在一起", v[0].path, v[0].county, v[i].path,
				       v[i].county);
		for (int k = 0; k < i; k++)
			if (!strcmp(v[i].township, v[k].township))
				return jz_fail(e, JZ_EUSER, "%s 出现了两次（%s 和 %s），请每个乡镇只给一个文件",
					       v[i].township, v[k].path, v[i].path);
	}
	return 0;
}

static int merge_all(struct one *v, int n, struct jz_figures *m, jz_err *e)
{
	memset(m, 0, sizeof *m);
	snprintf(m->month, sizeof m->month, "%s", v[0].month);
	jz_month_last_day(m->month, m->last_day);
	/* The titles and the note name the county: "开州区（12 个乡镇汇总）". */
	snprintf(m->township, sizeof m->township, "%.60s（%d 个乡镇汇总）", v[0].county, n);
	m->roll_built = m->roll_locked = 1;
	for (int i = 0; i < n; i++) {
		if (strcmp(v[i].roll_locked, "1")) {
			m->roll_locked = 0;
			jz_fig_check_failed(m, "%s 的 %s 发放花名册没有锁定：它的金额是草稿", v[i].township, v[i].month);
		}
		for (int k = 0; k < v[i].f.ntables; k++)
			if (merge_table(m, &v[i].f.t[k], &v[i], e))
				return -1;
	}
	for (int k = 0; k < m->ntables; k++) {
		recompute(&m->t[k]);
		if (!strcmp(m->t[k].name, "dibao"))
			townships_first(&m->t[k]);
	}
	return 0;
}

int jz_county_merge(const char *const *paths, int n, const char *dir, struct jz_report *r, jz_err *e)
{
	memset(r, 0, sizeof *r);
	if (n < 1)
		return jz_fail(e, JZ_EUSER, "至少要给一个乡镇的汇总文件");
	struct one *v = calloc((size_t)n, sizeof *v);
	if (!v)
		return jz_fail(e, JZ_EDATA, "内存不足");
	int rc = 0;
	for (int i = 0; i < n && !rc; i++)
		rc = load(&v[i], paths[i], e);
	if (!rc)
		rc = check_same(v, n, e) || merge_all(v, n, &r->fig, e) || jz_report_lay_out(r, dir, e);
	for (int i = 0; !rc && i < r->ndefs; i++)
		for (int k = 0; k < r->defs[i].nrows; k++)
			if (!strcmp(r->defs[i].rows[k], "@villages"))
				snprintf(r->defs[i].label, sizeof r->defs[i].label, "乡镇（街道）");
	for (int i = 0; i < n; i++)
		jz_figures_free(&v[i].f);
	free(v);
	return rc ? -1 : 0;
}
