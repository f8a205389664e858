/* screen_compare.c — 数据比对 at the desk: the findings ledger with filters
 * (source, state, village), a finding's detail, and running a comparison
 * on a file. Keys (list and detail): y or F2 核实, a or F4 处理, x or F5 排除
 * (asks the reason), n or F6 比对 (a file path, then the source), l or F7
 * 来源, s or F8 状态, v 村 (typed; empty = all), Enter 详情, Esc 返回.
 * Every action is one core call (core/finding.h, core/compare.h), its
 * message shown as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/compare.h"
#include "core/finding.h"
#include "io/form_file.h"
#include "ui/desk.h"

static const char *const src_cycle[] = {"", "jiandang", "death", "disability", "medical"};
static const char *const state_cycle[] = {"未办结", "待核实", "已核实", "已处理", "已排除", ""};
#define NSRC 5
#define NSTATE 6
#define MAX_SHOWN 5000 /* a big roster gives tens of thousands: filter to see the rest */

struct list {
	jz_finding *f;
	int n, cap;
	int src, state; /* indexes into the cycles */
	char village[96];
	int sel, scroll;
	int more; /* stopped at MAX_SHOWN */
};

static int collect(const jz_finding *f, void *arg)
{
	struct list *l = arg;
	if (l->n >= MAX_SHOWN)
		return l->more = 1;
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		jz_finding *p = realloc(l->f, (size_t)cap * sizeof *p);
		if (!p)
			return 1;
		l->f = p;
		l->cap = cap;
	}
	l->f[l->n++] = *f;
	return 0;
}

static void load(jz_desk *d, struct list *l)
{
	jz_err e = {0};
	struct jz_finding_filter fl = {src_cycle[l->src], state_cycle[l->state], l->village, NULL};
	l->n = 0;
	l->more = 0;
	if (jz_findings(d->s.db, &fl, collect, l, &e))
		jz_desk_report(d, &e);
	if (l->sel >= l->n)
		l->sel = l->n ? l->n - 1 : 0;
}

static void kind_text(const jz_finding *f, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s", f->kind, *f->category ? "（" : "", f->category,
		 *f->category ? "）" : "");
}

/* ---- working a finding: shared by the list and the detail ---- */

static int work(jz_desk *d, jz_rowid id, int what)
{
	jz_err e = {0};
	char reason[256] = "", done[400] = "";
	int rc;
	if (what == 'x') {
		if (!jz_desk_prompt(d, "排除原因（必填）：", "", reason, sizeof reason))
			return 0;
		rc = jz_finding_dismiss(&d->s, id, reason, &e);
	} else if (what == 'a') {
		if (jz_desk_ask(d, "按此发现处理（受理申请、登记死亡并停发、更正登记）？y 是  n 否", "yn") != 'y')
			return 0;
		rc = jz_finding_act(&d->s, id, NULL, done, sizeof done, &e);
	} else {
		rc = jz_finding_verify(&d->s, id, NULL, &e);
	}
	if (rc) {
		jz_desk_report(d, &e);
		return 0;
	}
	jz_desk_msg(d, 0, "比对发现 %lld %s%s%s", id, what == 'x' ? "已排除" : what == 'a' ? "已处理" : "已核实",
		    *done ? "：" : "", done);
	return 1;
}

/* Which action a key asks for: 'y', 'a', 'x', or 0. */
static int action_of(const jz_key *k)
{
	if (k->fn == 2 || (!k->fn && !k->is_key && k->code == 'y'))
		return 'y';
	if (k->fn == 4 || (!k->fn && !k->is_key && k->code == 'a'))
		return 'a';
	if (k->fn == 5 || (!k->fn && !k->is_key && k->code == 'x'))
		return 'x';
	return 0;
}

/* ---- the detail of one finding ---- */

struct detail {
	jz_finding f;
};

static int wrapped(jz_desk *d, int y, const char *label, const char *text, int last)
{
	int x = 2 + jz_draw_text(stdscr, y, 2, label, d->cols - 4, 0);
	const char *p = text;
	do {
		int used;
		size_t b = jz_str_fit(p, d->cols - x - 2, &used);
		char line[800];
		snprintf(line, sizeof line, "%.*s", (int)b, p);
		jz_draw_text(stdscr, y++, x, line, d->cols - x - 2, 0);
		p += b ? b : strlen(p);
	} while (*p && y <= last);
	return y;
}

static void draw_detail(jz_desk *d, void *p)
{
	jz_finding *f = &((struct detail *)p)->f;
	char line[800], kind[96], money[32];
	int last = jz_desk_body_top(d) + jz_desk_body_rows(d) - 1, y = 2;
	kind_text(f, kind, sizeof kind);
	snprintf(line, sizeof line, "比对发现 %lld  %s  %s", f->id, f->state, kind);
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 0);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "来源：%s（批次 %lld，%s 发现）", jz_compare_source_label(f->source),
		 f->run_id, f->found_on);
	jz_draw_text(stdscr, y++, 2, line, d->cols - 4, 0);
	snprintf(line, sizeof line, "姓名：%s    身份证号：%s    村（社区）：%s", f->name, f->id_number,
		 *f->village ? f->village : "未知");
	jz_draw_text(stdscr, y++, 2, line, d->cols - 4, 0);
	y = wrapped(d, y, "说明：", f->detail, last);
	if (f->death_date[0]) {
		jz_money_format(f->recover_fen, money, sizeof money);
		snprintf(line, sizeof line, "死亡日期 %s，死亡后发放 %d 个月，应追回 %s 元", f->death_date,
			 f->months_after, money);
		jz_draw_text(stdscr, y++, 2, line, d->cols - 4, 0);
	}
	if (f->worked_on[0] && y <= last) {
		snprintf(line, sizeof line, "%s %s", f->worked_on, f->worked_by);
		jz_draw_text(stdscr, y++, 2, line, d->cols - 4, 0);
		if (f->note[0] && y <= last)
			wrapped(d, y, "处理情况：", f->note, last);
	}
}

static int key_detail(jz_desk *d, void *p, const jz_key *k)
{
	struct detail *v = p;
	int what = action_of(k);
	if (what) {
		jz_err e = {0};
		work(d, v->f.id, what);
		if (jz_finding_get(d->s.db, v->f.id, &v->f, &e))
			jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	if (!k->fn && !k->is_key && k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int open_state(const jz_finding *f)
{
	return !strcmp(f->state, "待核实") || !strcmp(f->state, "已核实");
}

static int keybar_detail(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct detail *v = p;
	int n = 0;
	(void)d, (void)max;
	if (open_state(&v->f)) {
		if (strcmp(v->f.state, "已核实"))
			out[n++] = (struct jz_keyitem){"y", "核实"};
		out[n++] = (struct jz_keyitem){"a", "处理"};
		out[n++] = (struct jz_keyitem){"x", "排除"};
	}
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void push_detail(jz_desk *d, const jz_finding *f)
{
	struct detail *v = calloc(1, sizeof *v);
	if (!v)
		return;
	v->f = *f;
	jz_screen s = {.title = "比对发现", .st = v, .draw = draw_detail, .key = key_detail, .free = free,
		       .keybar = keybar_detail};
	jz_desk_push(d, &s);
}

/* ---- the list ---- */

static void draw_row(jz_desk *d, int y, const char *id, const char *state, const char *kind,
		     const char *village, const char *name, const char *idn)
{
	jz_draw_text(stdscr, y, 1, id, 4, 1);
	jz_draw_text(stdscr, y, 6, state, 6, 1);
	jz_draw_text(stdscr, y, 13, kind, 28, 1);
	jz_draw_text(stdscr, y, 42, village, 8, 1);
	jz_draw_text(stdscr, y, 51, name, 8, 1);
	jz_draw_text(stdscr, y, 60, idn, d->cols - 61, 1);
}

static void draw(jz_desk *d, void *p)
{
	struct list *l = p;
	char line[300], id[16], kind[96];
	int top = 3, rows = jz_desk_body_top(d) + jz_desk_body_rows(d) - top;
	snprintf(line, sizeof line, "来源：%s   状态：%s   村：%s   %s %d 条",
		 *src_cycle[l->src] ? jz_compare_source_label(src_cycle[l->src]) : "全部",
		 *state_cycle[l->state] ? state_cycle[l->state] : "全部", *l->village ? l->village : "全部",
		 l->more ? "只列出前" : "共", l->n);
	jz_draw_text(stdscr, 1, 1, line, d->cols - 2, 0);
	attron(A_BOLD);
	draw_row(d, 2, "编号", "状态", "类别", "村", "姓名", "身份证号");
	attroff(A_BOLD);
	if (!l->n) {
		jz_draw_text(stdscr, top, 2, "没有比对发现。按 n 选择文件进行比对。", d->cols - 4, 0);
		return;
	}
	if (rows < 1)
		return;
	if (l->sel < l->scroll)
		l->scroll = l->sel;
	if (l->sel >= l->scroll + rows)
		l->scroll = l->sel - rows + 1;
	for (int i = 0; i < rows && l->scroll + i < l->n; i++) {
		const jz_finding *f = &l->f[l->scroll + i];
		int a = l->scroll + i == l->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		snprintf(id, sizeof id, "%lld", f->id);
		kind_text(f, kind, sizeof kind);
		attron(a);
		draw_row(d, top + i, id, f->state, kind, f->village, f->name, f->id_number);
		attroff(a);
	}
}

/* n: a comparison on a file typed by the clerk. */
static int run_compare(jz_desk *d, struct list *l)
{
	static const char *const names[] = {"jiandang", "death", "disability", "medical"};
	char path[1024];
	jz_err e = {0};
	if (!jz_desk_prompt(d, "比对文件（.csv 或 .xlsx 的路径）：", "", path, sizeof path) || !*path)
		return JZ_KEY_REDRAW;
	char sheet[128] = "";
	size_t len = strlen(path);
	if (len > 5 && !strcmp(path + len - 5, ".xlsx") &&
	    !jz_desk_prompt(d, "工作表名称（空白为第一张）：", "", sheet, sizeof sheet))
		return JZ_KEY_REDRAW;
	int c = jz_desk_ask(d, "名单来源：1 建档立卡  2 死亡  3 残联  4 医保重特大疾病", "1234");
	if (!c)
		return JZ_KEY_REDRAW;
	struct jz_compare_opts o = {names[c - '1'], path, *sheet ? sheet : NULL, NULL, 0};
	struct jz_compare_result *r = calloc(1, sizeof *r);
	if (!r)
		return JZ_KEY_REDRAW;
	if (jz_compare_run(&d->s, &o, r, &e)) {
		jz_desk_report(d, &e);
	} else {
		for (int i = 0; i < NSRC; i++)
			if (!strcmp(src_cycle[i], o.source))
				l->src = i;
		l->state = 0;
		load(d, l);
		jz_desk_msg(d, r->nproblems > 0, "比对完成：%d 行，本乡镇有登记 %d 人，新增 %d 条，更新 %d 条%s%s%s",
			    r->rows, r->matched, r->added, r->updated, r->nproblems ? "；问题 " : "",
			    r->nproblems ? r->problem[0] : "", r->nproblems > 1 ? " 等" : "");
	}
	free(r);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct list *l = p;
	int page = jz_desk_body_rows(d) - 3, what = action_of(k);
	if (what) {
		if (l->n && work(d, l->f[l->sel].id, what))
			load(d, l);
		return JZ_KEY_REDRAW;
	}
	if (k->fn == 6 || (!k->fn && !k->is_key && k->code == 'n'))
		return run_compare(d, l);
	if (k->fn == 7 || (!k->fn && !k->is_key && k->code == 'l')) {
		l->src = (l->src + 1) % NSRC;
		return load(d, l), JZ_KEY_REDRAW;
	}
	if (k->fn == 8 || (!k->fn && !k->is_key && k->code == 's')) {
		l->state = (l->state + 1) % NSTATE;
		return load(d, l), JZ_KEY_REDRAW;
	}
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: l->sel -= l->sel > 0; break;
		case KEY_DOWN: l->sel += l->sel + 1 < l->n; break;
		case KEY_PPAGE: l->sel = l->sel > page ? l->sel - page : 0; break;
		case KEY_NPAGE: l->sel = l->sel + page < l->n ? l->sel + page : (l->n ? l->n - 1 : 0); break;
		case KEY_HOME: l->sel = 0; break;
		case KEY_END: l->sel = l->n ? l->n - 1 : 0; break;
		case KEY_ENTER: if (l->n) push_detail(d, &l->f[l->sel]); break;
		default: return JZ_KEY_IGNORED;
		}
		return JZ_KEY_REDRAW;
	}
	switch (k->code) {
	case '\n':
	case '\r':
		if (l->n)
			push_detail(d, &l->f[l->sel]);
		return JZ_KEY_REDRAW;
	case 'v': {
		char v[96];
		if (jz_desk_prompt(d, "村（社区）名称（空白为全部）：", l->village, v, sizeof v)) {
			memcpy(l->village, v, sizeof v);
			load(d, l);
		}
		return JZ_KEY_REDRAW;
	}
	case JZ_ESC:
		return JZ_KEY_CLOSE;
	}
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct list *l = p;
	int n = 0;
	(void)d, (void)max;
	if (l->n) {
		out[n++] = (struct jz_keyitem){"Enter", "详情"};
		out[n++] = (struct jz_keyitem){"y", "核实"};
		out[n++] = (struct jz_keyitem){"a", "处理"};
		out[n++] = (struct jz_keyitem){"x", "排除"};
	}
	out[n++] = (struct jz_keyitem){"n", "比对"};
	out[n++] = (struct jz_keyitem){"l", "来源"};
	out[n++] = (struct jz_keyitem){"s", "状态"};
	out[n++] = (struct jz_keyitem){"v", "村"};
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

static void free_list(void *p)
{
	struct list *l = p;
	free(l->f);
	free(l);
}

void jz_push_compare(jz_desk *d)
{
	struct list *l = calloc(1, sizeof *l);
	if (!l)
		return;
	load(d, l);
	jz_screen s = {.title = "数据比对", .st = l, .draw = draw, .key = key, .free = free_list,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
