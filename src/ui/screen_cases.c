/* screen_cases.c — the list of cases: number, programme, head, village,
 * state and the step it waits for, under one of four filters (keys 1-4 or
 * Tab):
 *   受理中    受理 调查 评议 审核 公示
 *   待我办理  the next step waits for a role the operator holds (a review
 *             only once it is due)
 *   在保      在保 and 渐退
 *   全部
 * Enter opens the case. The cases come from the store, the steps and roles
 * from the core (jz_case_next_step, jz_session_has_role). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/settings.h"
#include "store/case_store.h"
#include "store/people.h"
#include "store/township_store.h"
#include "ui/desk.h"

#define MAX_VILLAGES 200

enum { F_OPEN, F_MINE, F_FORCE, F_ALL, NFILTERS };
static const char *const filter_names[NFILTERS] = {"受理中", "待我办理", "在保", "全部"};

struct row {
	jz_case c;
	char head[96], village[96], next[96];
	int mine;
};

struct cases {
	int filter;
	struct row *all;
	int nall, cap;
	int *shown;
	int nshown;
	int sel, scroll;
	jz_village v[MAX_VILLAGES];
	int nv;
};

static int collect(const jz_case *c, void *arg)
{
	struct cases *s = arg;
	if (s->nall == s->cap) {
		int cap = s->cap ? s->cap * 2 : 64;
		struct row *r = realloc(s->all, (size_t)cap * sizeof *r);
		if (!r)
			return 1;
		s->all = r;
		s->cap = cap;
	}
	memset(&s->all[s->nall], 0, sizeof s->all[0]);
	s->all[s->nall++].c = *c;
	return 0;
}

static const char *village_name(const struct cases *s, jz_rowid id)
{
	for (int i = 0; i < s->nv; i++)
		if (s->v[i].id == id)
			return s->v[i].name;
	return "";
}

static int matches(const struct cases *s, const struct row *r)
{
	static const char *const open[] = {"受理", "调查", "评议", "审核", "公示", NULL};
	switch (s->filter) {
	case F_OPEN:
		for (int i = 0; open[i]; i++)
			if (!strcmp(r->c.state, open[i]))
				return 1;
		return 0;
	case F_MINE:
		return r->mine;
	case F_FORCE:
		return !strcmp(r->c.state, "在保") || !strcmp(r->c.state, "渐退");
	default:
		return 1;
	}
}

static jz_rowid selected(const struct cases *s)
{
	return s->nshown && s->sel < s->nshown ? s->all[s->shown[s->sel]].c.id : 0;
}

/* The rows of the filter; keeps case `keep` selected when it is one. */
static void pick(struct cases *s, jz_rowid keep)
{
	s->nshown = 0;
	s->sel = 0;
	for (int i = 0; i < s->nall; i++)
		if (matches(s, &s->all[i])) {
			if (s->all[i].c.id == keep)
				s->sel = s->nshown;
			s->shown[s->nshown++] = i;
		}
}

static void describe(jz_desk *d, struct cases *s, struct row *r, int democratic)
{
	jz_household h = {0};
	jz_person head = {0};
	jz_err e = {0};
	const char *role;
	if (jz_store_household_get(d->s.db, r->c.household_id, &h, &e) > 0)
		snprintf(r->village, sizeof r->village, "%s", village_name(s, h.village_id));
	if (jz_store_household_head(d->s.db, r->c.household_id, &head, &e) > 0)
		snprintf(r->head, sizeof r->head, "%s", head.name);
	const char *step = jz_case_next_step(&r->c, democratic, &role);
	r->next[0] = '\0';
	if (step && strcmp(step, "复核"))
		snprintf(r->next, sizeof r->next, "%s（%s）", step, role);
	else if (step && *r->c.review_due)
		snprintf(r->next, sizeof r->next, "复核 %s", r->c.review_due);
	/* mine: a step for my role; a review only once due */
	r->mine = step && jz_session_has_role(&d->s, role) &&
		  (strcmp(step, "复核") || (*r->c.review_due && strcmp(r->c.review_due, d->today) <= 0));
}

static void load(jz_desk *d, struct cases *s)
{
	jz_err e = {0};
	long long dem = 0;
	jz_rowid keep = selected(s);
	s->nall = s->nshown = 0;
	if ((s->nv = jz_store_villages(d->s.db, s->v, MAX_VILLAGES, &e)) < 0 ||
	    jz_setting_int(d->s.db, "case.democratic_review", "*", d->today, &dem, &e) ||
	    jz_store_cases(d->s.db, "", collect, s, &e)) {
		jz_desk_report(d, &e);
		s->nv = s->nv < 0 ? 0 : s->nv;
	}
	if (s->nv > MAX_VILLAGES)
		s->nv = MAX_VILLAGES;
	/* after the walk: no other statement runs while the store steps */
	for (int i = 0; i < s->nall; i++)
		describe(d, s, &s->all[i], (int)dem);
	free(s->shown);
	s->shown = malloc((size_t)(s->nall ? s->nall : 1) * sizeof *s->shown);
	if (!s->shown)
		s->nall = 0;
	pick(s, keep);
}

/* ---- drawing ---- */

static const int widths[] = {13, 10, 10, 12, 6, 0}; /* 编号 项目 户主 村 状态 下一步 */

static void draw_row(jz_desk *d, int y, const char *const cols[6], int sel)
{
	int x = 2;
	int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
	attron(a);
	jz_draw_text(stdscr, y, x, sel ? ">" : " ", 2, 1);
	x += 2;
	for (int i = 0; i < 6; i++) {
		int w = widths[i] ? widths[i] : d->cols - 2 - x;
		jz_draw_text(stdscr, y, x, cols[i], w, 1);
		x += w;
	}
	attroff(a);
}

static void draw(jz_desk *d, void *p)
{
	struct cases *s = p;
	char line[200];
	int x = 2, top = 3, rows = jz_desk_body_top(d) + jz_desk_body_rows(d) - top;
	for (int i = 0; i < NFILTERS; i++) {
		snprintf(line, sizeof line, "%d %s", i + 1, filter_names[i]);
		int a = i == s->filter ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		x += jz_draw_text(stdscr, 1, x, line, 14, 0) + 2;
		attroff(a);
	}
	snprintf(line, sizeof line, "共 %d 件", s->nshown);
	jz_draw_right(stdscr, 1, x, line, d->cols - 2 - x);
	static const char *const head[6] = {"编号", "项目", "户主", "村（社区）", "状态", "下一步"};
	attron(A_BOLD);
	draw_row(d, 2, head, 0);
	attroff(A_BOLD);
	if (!s->nshown) {
		snprintf(line, sizeof line, "没有%s的案件。", filter_names[s->filter]);
		jz_draw_text(stdscr, top, 4, line, d->cols - 6, 0);
		jz_draw_text(stdscr, top + 2, 4, "受理新申请：按 F3 查找家庭，在家庭卡片的「2 案件」里按 n",
			     d->cols - 6, 0);
		return;
	}
	if (s->sel < s->scroll)
		s->scroll = s->sel;
	if (s->sel >= s->scroll + rows)
		s->scroll = s->sel - rows + 1;
	for (int i = 0; i < rows && s->scroll + i < s->nshown; i++) {
		const struct row *r = &s->all[s->shown[s->scroll + i]];
		char prog[40];
		snprintf(prog, sizeof prog, "%s", r->c.programme);
		const char *cols[6] = {r->c.number, prog, r->head, r->village, r->c.state, r->next};
		draw_row(d, top + i, cols, s->scroll + i == s->sel);
	}
}

/* ---- keys ---- */

static int set_filter(struct cases *s, int f)
{
	jz_rowid keep = selected(s);
	s->filter = (f + NFILTERS) % NFILTERS;
	pick(s, keep);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct cases *s = p;
	int page = jz_desk_body_rows(d) - 3;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: s->sel -= s->sel > 0; break;
		case KEY_DOWN: s->sel += s->sel + 1 < s->nshown; break;
		case KEY_PPAGE: s->sel = s->sel > page ? s->sel - page : 0; break;
		case KEY_NPAGE: s->sel = s->sel + page < s->nshown ? s->sel + page : (s->nshown ? s->nshown - 1 : 0); break;
		case KEY_HOME: s->sel = 0; break;
		case KEY_END: s->sel = s->nshown ? s->nshown - 1 : 0; break;
		case KEY_BTAB: return set_filter(s, s->filter - 1);
		default: return JZ_KEY_IGNORED;
		}
		return JZ_KEY_REDRAW;
	}
	if (k->code >= '1' && k->code < '1' + NFILTERS)
		return set_filter(s, (int)k->code - '1');
	if (k->code == '\t')
		return set_filter(s, s->filter + 1);
	if ((k->code == '\n' || k->code == '\r') && s->nshown) {
		jz_push_case(d, s->all[s->shown[s->sel]].c.id);
		return JZ_KEY_REDRAW;
	}
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"1-4", "筛选"};
	out[1] = (struct jz_keyitem){"Enter", "打开"};
	out[2] = (struct jz_keyitem){"Esc", "返回"};
	return 3;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

static void free_cases(void *p)
{
	struct cases *s = p;
	free(s->all);
	free(s->shown);
	free(s);
}

void jz_push_cases(jz_desk *d, const char *filter)
{
	struct cases *s = calloc(1, sizeof *s);
	if (!s)
		return;
	s->filter = F_ALL;
	for (int i = 0; filter && i < NFILTERS; i++)
		if (!strcmp(filter, filter_names[i]))
			s->filter = i;
	load(d, s);
	jz_screen st = {.title = "案件列表", .st = s, .draw = draw, .key = key, .free = free_cases,
			.keybar = keybar, .resume = resume};
	jz_desk_push(d, &st);
}
