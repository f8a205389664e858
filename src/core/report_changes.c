/* report_changes.c — the 专题报告 of entries into and exits from 低保 over a
 * period (see report.h): counted by 城市/农村, by 建档立卡 and by coded
 * reason (settings case.entry_reasons, case.exit_reasons). */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/report.h"
#include "store/figures_store.h"
#include "store/township_store.h"

static struct jz_flow_line *line(struct jz_flows *f, int entered, const char *group)
{
	for (int i = 0; i < f->n; i++)
		if (f->v[i].entered == entered && !strcmp(f->v[i].group, group))
			return &f->v[i];
	if (f->n == JZ_FLOW_MAX)
		return NULL;
	struct jz_flow_line *l = &f->v[f->n++];
	memset(l, 0, sizeof *l);
	l->entered = entered;
	snprintf(l->group, sizeof l->group, "%s", group);
	return l;
}

static void add(struct jz_flows *f, int entered, const char *group, const struct jz_fig_flow *x)
{
	struct jz_flow_line *l = line(f, entered, group);
	if (l) {
		l->households += x->households;
		l->persons += x->persons;
	}
}

static int on_flow(const struct jz_fig_flow *x, void *arg)
{
	struct jz_flows *f = arg;
	add(f, x->entered, "合计", x);
	add(f, x->entered, x->area, x);
	add(f, x->entered, x->jiandang ? "建档立卡" : "非建档立卡", x);
	char r[160];
	snprintf(r, sizeof r, "原因：%s", *x->reason ? x->reason : "未填");
	add(f, x->entered, r, x);
	return 0;
}

/* The fixed lines first, in order, so a reason never used shows 0. */
static int seed(jz_db *db, struct jz_flows *f, int entered, const char *key, const char *day, jz_err *e)
{
	static const char *const fixed[] = {"合计", "城市", "农村", "建档立卡", "非建档立卡"};
	for (int i = 0; i < 5; i++)
		line(f, entered, fixed[i]);
	char list[1024], *p, *save = NULL, g[160];
	int got = jz_store_setting_get(db, key, "*", day, list, sizeof list, e);
	if (got < 0)
		return -1;
	for (p = got ? strtok_r(list, "|", &save) : NULL; p; p = strtok_r(NULL, "|", &save)) {
		snprintf(g, sizeof g, "原因：%s", p);
		line(f, entered, g);
	}
	return 0;
}

int jz_report_flows(jz_db *db, const char *from, const char *to, struct jz_flows *out, jz_err *e)
{
	memset(out, 0, sizeof *out);
	if (!from || !jz_month_valid(from) || !to || !jz_month_valid(to))
		return jz_fail(e, JZ_EUSER, "期间要写成 --from YYYY-MM --to YYYY-MM，现在是「%s」到「%s」",
			       from ? from : "", to ? to : "");
	if (strcmp(from, to) > 0)
		return jz_fail(e, JZ_EUSER, "起始月份 %s 晚于截止月份 %s", from, to);
	snprintf(out->from, sizeof out->from, "%s", from);
	snprintf(out->to, sizeof out->to, "%s", to);
	char day[11];
	jz_month_last_day(to, day);
	if (seed(db, out, 1, "case.entry_reasons", day, e) || seed(db, out, 0, "case.exit_reasons", day, e))
		return -1;
	return jz_store_fig_flows(db, "低保", from, to, on_flow, out, e);
}
