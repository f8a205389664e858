/* screen_ledger.c — the ledgers (台账) at the desk: a chooser of the
 * ledgers, and one generic screen for a ledger: its rows at 80 columns
 * (Left/Right shift the columns), the filters (F4/v village, F5/s state,
 * F7/p period), the export (F6/x, .xlsx or .csv in GBK), Enter for the
 * row's actions and F2/a to add a row where the ledger takes manual rows
 * (screen_ledger_act.c). The rows and the rules are the core's
 * (core/ledger.h); this file only draws and dispatches keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ledger.h"
#include "ui/desk.h"
#include "ui/screen_ledger.h"

/* ---- one ledger ---- */

struct lscreen {
	const struct jz_ledger_def *def;
	struct jz_ledger_filter f;
	struct jz_ledger_table t;
	int sel, top, hcol;
	int state_i; /* index in def->states, -1 = all */
	struct jz_ledger_memo memo;
};

static void load(jz_desk *d, struct lscreen *l)
{
	jz_err e = {0};
	if (jz_ledger_load(d->s.db, l->def, &l->f, d->today, &l->t, &e))
		jz_desk_report(d, &e);
	if (l->sel >= l->t.n)
		l->sel = l->t.n ? l->t.n - 1 : 0;
}

static int data_rows(const jz_desk *d) { return jz_desk_body_rows(d) - 3; }

static int draw_cells(jz_desk *d, struct lscreen *l, int y, const char *state, char *const *cells)
{
	int x = 1;
	jz_draw_text(stdscr, y, x, state, 8, 1);
	x += 9;
	for (int c = l->hcol; c < l->def->ncols && x < d->cols - 1; c++) {
		int w = l->def->cols[c].width;
		if (x + w > d->cols - 1)
			w = d->cols - 1 - x;
		if (l->def->cols[c].kind != JZ_LCOL_TEXT && cells)
			jz_draw_right(stdscr, y, x, cells[c], w);
		else
			jz_draw_text(stdscr, y, x, cells ? cells[c] : l->def->cols[c].header, w, 1);
		x += w + 1;
	}
	return x;
}

static void draw(jz_desk *d, void *p)
{
	struct lscreen *l = p;
	char line[512], ft[256];
	int y0 = jz_desk_body_top(d), rows = data_rows(d);
	jz_ledger_filter_text(&l->f, ft, sizeof ft);
	snprintf(line, sizeof line, "%s  筛选：%s  共 %d 条", l->def->title, ft, l->t.n);
	attron(A_BOLD);
	jz_draw_text(stdscr, y0, 1, line, d->cols - 2, 1);
	draw_cells(d, l, y0 + 1, "状态", NULL);
	attroff(A_BOLD);
	if (!l->t.n) {
		jz_draw_text(stdscr, y0 + 3, 2, l->def->add ? "没有记录。按 a 添加，或按 F4 F5 F7 改变筛选" :
			     "没有记录。按 F4 F5 F7 改变筛选", d->cols - 4, 0);
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (int i = 0; i < rows && l->top + i < l->t.n; i++) {
		const struct jz_ledger_row *r = &l->t.rows[l->top + i];
		int a = l->top + i == l->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		draw_cells(d, l, y0 + 2 + i, r->state, r->cell);
		attroff(a);
	}
	snprintf(line, sizeof line, "第 %d/%d 条  左右键移动列（第 %d 列起）", l->sel + 1, l->t.n, l->hcol + 1);
	jz_draw_text(stdscr, y0 + 2 + rows, 1, line, d->cols - 2, 1);
}

static int ask_village(jz_desk *d, struct lscreen *l)
{
	char buf[96];
	if (!jz_desk_prompt(d, "村（社区）名称（空为全部）：", l->f.village, buf, sizeof buf))
		return JZ_KEY_REDRAW;
	snprintf(l->f.village, sizeof l->f.village, "%s", buf);
	l->sel = l->top = 0;
	load(d, l);
	return JZ_KEY_REDRAW;
}

/* The state filter's next choice, then all. */
static int next_state(jz_desk *d, struct lscreen *l)
{
	const char *p = l->def->states;
	int n = 0;
	char choice[64] = "";
	if (!p[0]) {
		jz_desk_msg(d, 0, "这个台账没有状态筛选");
		return JZ_KEY_REDRAW;
	}
	l->state_i++;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (n == l->state_i && len < sizeof choice) {
			memcpy(choice, p, len);
			choice[len] = '\0';
		}
		n++;
		p = bar ? bar + 1 : p + len;
	}
	if (!choice[0])
		l->state_i = -1;
	snprintf(l->f.state, sizeof l->f.state, "%s", choice);
	l->sel = l->top = 0;
	load(d, l);
	return JZ_KEY_REDRAW;
}

static int ask_period(jz_desk *d, struct lscreen *l)
{
	char buf[64], init[32], from[16] = "", to[16] = "";
	snprintf(init, sizeof init, "%s%s%s", l->f.from, l->f.to[0] ? " " : "", l->f.to);
	if (!jz_desk_prompt(d, "期间：起始月 截止月（YYYY-MM YYYY-MM，空为全部）：", init, buf, sizeof buf))
		return JZ_KEY_REDRAW;
	if (sscanf(buf, "%15s %15s", from, to) == 1)
		snprintf(to, sizeof to, "%s", from);
	struct jz_ledger_filter f = l->f;
	snprintf(f.from, sizeof f.from, "%.7s", from);
	snprintf(f.to, sizeof f.to, "%.7s", to);
	jz_err e = {0};
	if (jz_ledger_filter_check(&f, &e) || strlen(from) > 7 || strlen(to) > 7) {
		if (!e.msg[0])
			snprintf(e.msg, sizeof e.msg, "期间应写成 YYYY-MM YYYY-MM");
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	l->f = f;
	l->sel = l->top = 0;
	load(d, l);
	return JZ_KEY_REDRAW;
}

static int do_export(jz_desk *d, struct lscreen *l)
{
	char path[512], def[512], dir[400], note[320], ft[256];
	const char *db = jz_db_path(d->s.db), *slash = db ? strrchr(db, '/') : NULL;
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db) : 1, slash ? db : ".");
	snprintf(def, sizeof def, "%s/%s-%s.xlsx", dir, l->def->title, d->today);
	if (!jz_desk_prompt(d, "导出到文件（.xlsx，或 .csv 为 GBK 编码）：", def, path, sizeof path))
		return JZ_KEY_REDRAW;
	jz_err e = {0};
	jz_ledger_filter_text(&l->f, ft, sizeof ft);
	snprintf(note, sizeof note, "%s    制表日期：%s", ft, d->today);
	if (jz_ledger_export(&l->t, note, path, 0, &e))
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已导出 %d 条到 %s", l->t.n, path);
	return JZ_KEY_REDRAW;
}

static int go(struct lscreen *l, int to)
{
	if (to >= l->t.n)
		to = l->t.n - 1;
	l->sel = to < 0 ? 0 : to;
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct lscreen *l = p;
	int page = data_rows(d);
	switch (k->fn) {
	case 2: goto add;
	case 4: return ask_village(d, l);
	case 5: return next_state(d, l);
	case 6: return do_export(d, l);
	case 7: return ask_period(d, l);
	case 0: break;
	default: return JZ_KEY_IGNORED;
	}
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: return go(l, l->sel - 1);
		case KEY_DOWN: return go(l, l->sel + 1);
		case KEY_PPAGE: return go(l, l->sel - page);
		case KEY_NPAGE: return go(l, l->sel + page);
		case KEY_HOME: return go(l, 0);
		case KEY_END: return go(l, l->t.n - 1);
		case KEY_LEFT: l->hcol -= l->hcol > 0; return JZ_KEY_REDRAW;
		case KEY_RIGHT: l->hcol += l->hcol < l->def->ncols - 1; return JZ_KEY_REDRAW;
		}
		return JZ_KEY_IGNORED;
	}
	switch (k->code) {
	case 'v': return ask_village(d, l);
	case 's': return next_state(d, l);
	case 'p': return ask_period(d, l);
	case 'x': return do_export(d, l);
	case 'a': goto add;
	case '\n': case '\r':
		if (l->t.n && jz_ledger_act_row(&l->memo, d, l->def, &l->t.rows[l->sel]))
			load(d, l);
		return JZ_KEY_REDRAW;
	case JZ_ESC: return JZ_KEY_CLOSE;
	}
	return JZ_KEY_IGNORED;
add:
	if (!l->def->add) {
		jz_desk_msg(d, 0, "这个台账由案件自动生成，不能手工添加");
		return JZ_KEY_REDRAW;
	}
	if (jz_ledger_act_add(&l->memo, d, l->def))
		load(d, l);
	return JZ_KEY_REDRAW;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct lscreen *l = p;
	int n = 0;
	(void)d;
	if (max < 7)
		return 0;
	out[n++] = (struct jz_keyitem){"F4/v", "村"};
	out[n++] = (struct jz_keyitem){"F5/s", "状态"};
	out[n++] = (struct jz_keyitem){"F7/p", "期间"};
	out[n++] = (struct jz_keyitem){"F6/x", "导出"};
	out[n++] = (struct jz_keyitem){"Enter", "办理"};
	if (l->def->add)
		out[n++] = (struct jz_keyitem){"F2/a", "添加"};
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

static void free_l(void *p)
{
	struct lscreen *l = p;
	if (l->t.def)
		jz_ledger_free(&l->t);
	free(l);
}

void jz_push_ledger(jz_desk *d, const struct jz_ledger_def *def)
{
	struct lscreen *l = calloc(1, sizeof *l);
	if (!l)
		return;
	l->def = def;
	l->state_i = -1;
	jz_ledger_filter_default(def, d->today, &l->f);
	load(d, l);
	jz_screen s = {.title = def->title, .st = l, .draw = draw, .key = key, .free = free_l,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}

/* ---- the chooser ---- */

struct chooser {
	int sel;
};

static void draw_chooser(jz_desk *d, void *p)
{
	struct chooser *c = p;
	int y0 = jz_desk_body_top(d);
	char line[200];
	jz_draw_text(stdscr, y0, 2, "台账（上下键选择，Enter 打开）", d->cols - 4, 0);
	for (int i = 0; i < jz_ledger_count(); i++) {
		const struct jz_ledger_def *def = jz_ledger_at(i);
		int a = i == c->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		snprintf(line, sizeof line, "%s %-2d %s", i == c->sel ? ">" : " ", i + 1, def->title);
		attron(a);
		jz_draw_text(stdscr, y0 + 2 + i, 4, line, 40, 1);
		attroff(a);
		jz_draw_text(stdscr, y0 + 2 + i, 46, def->add ? "可手工添加" : "由案件生成", d->cols - 48, 0);
	}
}

static int key_chooser(jz_desk *d, void *p, const jz_key *k)
{
	struct chooser *c = p;
	int n = jz_ledger_count();
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key && k->code == KEY_UP) {
		c->sel = (c->sel + n - 1) % n;
		return JZ_KEY_REDRAW;
	}
	if (k->is_key && k->code == KEY_DOWN) {
		c->sel = (c->sel + 1) % n;
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && (k->code == '\n' || k->code == '\r')) {
		jz_push_ledger(d, jz_ledger_at(c->sel));
		return JZ_KEY_REDRAW;
	}
	return JZ_KEY_IGNORED;
}

static int keybar_chooser(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Enter", "打开"};
	out[1] = (struct jz_keyitem){"Esc", "返回"};
	return 2;
}

void jz_push_ledgers(jz_desk *d)
{
	struct chooser *c = calloc(1, sizeof *c);
	if (!c)
		return;
	jz_screen s = {.title = "台账", .st = c, .draw = draw_chooser, .key = key_chooser, .free = free,
		       .keybar = keybar_chooser};
	jz_desk_push(d, &s);
}
