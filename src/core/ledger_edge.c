/* ledger_edge.c — 低保边缘 derived from the means tests (see ledger_edge.h):
 * the latest 低保 case of each household, when refused (不予) or exited, is
 * worked out again for its month; the means test says whether it is 边缘. */
#include "core/ledger_edge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case_calc.h"
#include "store/case_store.h"
#include "store/ledger_store_write.h"
#include "store/people.h"
#include "store/township_store.h"

/* One case, as much as the choice needs. */
struct brief {
	jz_rowid hid, id;
	int dibao, active, ended; /* 低保; 在保 or 渐退; 不予 or 退出 */
};

struct briefs {
	struct brief *b;
	int n, cap;
	int oom;
};

static int walk(const jz_case *c, void *arg)
{
	struct briefs *l = arg;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 256;
		struct brief *b = realloc(l->b, (size_t)cap * sizeof *b);
		if (!b) {
			l->oom = 1;
			return 1;
		}
		l->b = b;
		l->cap = cap;
	}
	l->b[l->n++] = (struct brief){c->household_id, c->id, !strcmp(c->programme, "低保"),
				      !strcmp(c->state, "在保") || !strcmp(c->state, "渐退"),
				      !strcmp(c->state, "不予") || !strcmp(c->state, "退出")};
	return 0;
}

static int by_household(const void *a, const void *b)
{
	const struct brief *x = a, *y = b;
	if (x->hid != y->hid)
		return x->hid < y->hid ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int in_filter(const struct jz_ledger_filter *f, const char *village, const char *day)
{
	if (f->village[0] && strcmp(f->village, village))
		return 0;
	if (f->from[0] && strncmp(day, f->from, 7) < 0)
		return 0;
	if (f->to[0] && strncmp(day, f->to, 7) > 0)
		return 0;
	return !f->state[0] || !strcmp(f->state, "在册") || !strcmp(f->state, "测算");
}

/* One household: its row when the case's means test says 边缘. */
static int one(jz_db *db, const jz_case *c, const struct jz_ledger_filter *f, struct jz_case_means *cm,
	       struct jz_ledger_table *t, jz_err *e)
{
	const char *day = !strcmp(c->state, "退出") ? c->exit_on : c->accepted_on;
	char month[8], pc[32], sd[32], why[300];
	jz_household h;
	jz_person p;
	jz_village v;
	jz_err ignore = {0};
	snprintf(month, sizeof month, "%.7s", day);
	if (jz_case_calc(db, c, month, cm, &ignore) || !cm->r.members_counted || !cm->r.edge)
		return 0; /* no means test to go by */
	int hw = jz_store_watch_has(db, "低保边缘", c->household_id, e);
	if (hw)
		return hw < 0 ? -1 : 0;
	if (jz_store_household_get(db, c->household_id, &h, e) != 1 ||
	    jz_store_household_head(db, c->household_id, &p, e) != 1 ||
	    jz_store_village_get(db, h.village_id, &v, e) != 1)
		return 0;
	if (!in_filter(f, v.name, day))
		return 0;
	snprintf(pc, sizeof pc, "%lld", cm->r.per_capita_fen);
	snprintf(sd, sizeof sd, "%lld", cm->r.standard_fen);
	snprintf(why, sizeof why, "%s %s%s", c->number, c->state, !strcmp(c->state, "退出") ? c->exit_reason : "");
	const char *cells[] = {"测算", p.name, p.id_number, v.name, day, pc, sd, why, "", ""};
	if (jz_ledger_add_row(t, -c->id, c->household_id, "在册", cells, 10))
		return jz_fail(e, JZ_EDATA, "内存不足");
	return 0;
}

int jz_ledger_edge_rows(jz_db *db, const struct jz_ledger_filter *f, const char *today,
			struct jz_ledger_table *t, jz_err *e)
{
	(void)today;
	int rc = -1;
	struct briefs l = {0};
	struct jz_case_means *cm = malloc(sizeof *cm);
	jz_case c;
	if (!cm) {
		jz_fail(e, JZ_EDATA, "内存不足");
		goto out;
	}
	if (jz_store_cases(db, "", walk, &l, e))
		goto out;
	if (l.oom) {
		jz_fail(e, JZ_EDATA, "内存不足");
		goto out;
	}
	if (l.n)
		qsort(l.b, (size_t)l.n, sizeof *l.b, by_household);
	for (int i = 0; i < l.n;) {
		int j = i, active = 0;
		const struct brief *latest = NULL;
		for (; j < l.n && l.b[j].hid == l.b[i].hid; j++) {
			active |= l.b[j].active;
			if (l.b[j].dibao)
				latest = &l.b[j];
		}
		i = j;
		if (active || !latest || !latest->ended)
			continue;
		if (jz_store_case_get(db, latest->id, &c, e) != 1 || one(db, &c, f, cm, t, e))
			goto out;
	}
	rc = 0;
out:
	free(l.b);
	free(cm);
	return rc;
}
