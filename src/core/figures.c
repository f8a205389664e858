/* figures.c — the container of the monthly workbook's figures and the
 * order in which they are computed (see figures.h). */
#include "core/figures.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/roll.h"
#include "core/township.h"
#include "store/figures_store.h"

const char *const jz_fig_stored_tables[] = {"dibao", "tekun", "linshi", "beiyongjin", "butie",
					    "paicha", NULL};

struct jz_fig_table *jz_fig_table_add(struct jz_figures *f, const char *name, jz_err *e)
{
	if (f->ntables == JZ_FIG_TABLES) {
		jz_fail(e, JZ_EDATA, "报表数字表太多");
		return NULL;
	}
	struct jz_fig_table *t = &f->t[f->ntables++];
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	return t;
}

struct jz_fig_row *jz_fig_row_add(struct jz_fig_table *t, const char *key, const char *label,
				  jz_err *e)
{
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 16;
		struct jz_fig_row *v = realloc(t->rows, (size_t)cap * sizeof *v);
		if (!v) {
			jz_fail(e, JZ_EDATA, "内存不足");
			return NULL;
		}
		t->rows = v;
		t->cap = cap;
	}
	struct jz_fig_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	snprintf(r->key, sizeof r->key, "%s", key);
	snprintf(r->label, sizeof r->label, "%s", label ? label : key);
	return r;
}

struct jz_fig_row *jz_fig_row_get(struct jz_fig_table *t, const char *key)
{
	for (int i = 0; i < t->nrows; i++)
		if (!strcmp(t->rows[i].key, key))
			return &t->rows[i];
	return NULL;
}

static struct jz_fig_cell *cell(struct jz_fig_row *r, const char *col)
{
	for (int i = 0; i < r->ncells; i++)
		if (!strcmp(r->cells[i].col, col))
			return &r->cells[i];
	if (r->ncells == JZ_FIG_MAX_CELLS)
		return NULL;
	struct jz_fig_cell *c = &r->cells[r->ncells++];
	memset(c, 0, sizeof *c);
	snprintf(c->col, sizeof c->col, "%s", col);
	return c;
}

void jz_fig_add(struct jz_fig_row *r, const char *col, long long v)
{
	struct jz_fig_cell *c = r ? cell(r, col) : NULL;
	if (c)
		c->v += v;
}

void jz_fig_set(struct jz_fig_row *r, const char *col, long long v)
{
	struct jz_fig_cell *c = r ? cell(r, col) : NULL;
	if (c)
		c->v = v;
}

int jz_fig_text(struct jz_fig_row *r, const char *col, const char *text, jz_err *e)
{
	struct jz_fig_cell *c = cell(r, col);
	if (!c)
		return jz_fail(e, JZ_EDATA, "报表一行的栏目太多");
	free(c->text);
	c->text = strdup(text ? text : "");
	return c->text ? 0 : jz_fail(e, JZ_EDATA, "内存不足");
}

void jz_fig_check_failed(struct jz_figures *f, const char *fmt, ...)
{
	if (f->nchecks < JZ_FIG_MAX_CHECKS) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(f->checks[f->nchecks], sizeof f->checks[0], fmt, ap);
		va_end(ap);
	}
	f->nchecks++;
}

const struct jz_fig_table *jz_fig_table(const struct jz_figures *f, const char *name)
{
	for (int i = 0; i < f->ntables; i++)
		if (!strcmp(f->t[i].name, name))
			return &f->t[i];
	return NULL;
}

const struct jz_fig_row *jz_fig_row(const struct jz_fig_table *t, const char *key)
{
	for (int i = 0; t && i < t->nrows; i++)
		if (!strcmp(t->rows[i].key, key))
			return &t->rows[i];
	return NULL;
}

const struct jz_fig_cell *jz_fig_cell(const struct jz_fig_row *r, const char *col)
{
	for (int i = 0; r && i < r->ncells; i++)
		if (!strcmp(r->cells[i].col, col))
			return &r->cells[i];
	return NULL;
}

void jz_figures_free(struct jz_figures *f)
{
	for (int i = 0; i < f->ntables; i++) {
		for (int j = 0; j < f->t[i].nrows; j++)
			for (int k = 0; k < f->t[i].rows[j].ncells; k++)
				free(f->t[i].rows[j].cells[k].text);
		free(f->t[i].rows);
	}
	f->ntables = 0;
}

/* ---- figures changed since the month was submitted ---- */

struct compare {
	struct jz_figures *f;
	long long found;   /* stored figures that exist now */
};

static void changed(struct jz_figures *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void changed(struct jz_figures *f, const char *fmt, ...)
{
	if (f->nchanged < JZ_FIG_MAX_CHANGED) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(f->changed[f->nchanged], sizeof f->changed[0], fmt, ap);
		va_end(ap);
	}
	f->nchanged++;
}

static int compare_one(const char *tbl, const char *row, const char *col, long long value, void *arg)
{
	struct compare *cmp = arg;
	struct jz_figures *f = cmp->f;
	const struct jz_fig_cell *c = jz_fig_cell(jz_fig_row(jz_fig_table(f, tbl), row), col);
	long long now = c ? c->v : 0;
	cmp->found += c != NULL;
	if (now == value)
		return 0;
	changed(f, "%s %s %s：报送时 %lld，现在 %lld", tbl, row, col, value, now);
	return 0;
}

/* Figures of the stored tables (numbers) as they are now. */
static long long storable(const struct jz_figures *f)
{
	long long n = 0;
	for (int k = 0; jz_fig_stored_tables[k]; k++) {
		const struct jz_fig_table *t = jz_fig_table(f, jz_fig_stored_tables[k]);
		for (int i = 0; t && i < t->nrows; i++)
			for (int c = 0; c < t->rows[i].ncells; c++)
				n += t->rows[i].cells[c].text == NULL;
	}
	return n;
}

static int compare_stored(jz_db *db, struct jz_figures *f, jz_err *e)
{
	struct jz_report_month rm;
	int r = jz_store_report_month_get(db, f->month, &rm, e);
	if (r < 0)
		return -1;
	snprintf(f->submitted_on, sizeof f->submitted_on, "%s", rm.submitted_on);
	snprintf(f->submitted_by, sizeof f->submitted_by, "%s", rm.submitted_by);
	if (!*rm.submitted_on)
		return 0;
	struct compare cmp = {f, 0};
	if (jz_store_report_figures(db, f->month, compare_one, &cmp, e))
		return -1;
	long long added = storable(f) - cmp.found;
	if (added > 0)
		changed(f, "另有 %lld 个数字是报送后新出现的（新的村、一次性发放或原因）", added);
	return 0;
}

int jz_figures_compute(jz_db *db, const char *month, struct jz_figures *f, jz_err *e)
{
	memset(f, 0, sizeof *f);
	if (!month || !jz_month_valid(month))
		return jz_fail(e, JZ_EUSER, "月份「%s」不对，应写成 YYYY-MM，例如 2026-03", month ? month : "");
	snprintf(f->month, sizeof f->month, "%s", month);
	jz_month_last_day(month, f->last_day);
	jz_township t;
	struct jz_roll_info ri;
	int has_roll = jz_roll_get(db, month, &ri, e);
	if (jz_township_load(db, &t, e) || has_roll < 0)
		return -1;
	snprintf(f->township, sizeof f->township, "%s", t.name);
	snprintf(f->county, sizeof f->county, "%s", t.county);
	f->roll_built = has_roll > 0 && *ri.built_at;
	f->roll_locked = has_roll > 0 && *ri.locked_at;
	if (jz_fig_people(db, f, e) || jz_fig_aid(db, f, e) || jz_fig_changes(db, f, e) ||
	    jz_fig_work(db, f, e) || jz_fig_checks(db, f, e) || compare_stored(db, f, e))
		return -1;
	return 0;
}
