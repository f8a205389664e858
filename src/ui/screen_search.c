/* screen_search.c — incremental search (F3 or / from anywhere): name, pinyin
 * initials, ID fragment, household number, phone; a village filter; Enter
 * opens the household card. The matching is core/search.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/search.h"
#include "store/township_store.h"
#include "ui/desk.h"
#include "ui/field.h"

#define MAX_HITS 200
#define MAX_VILLAGES 100

struct search {
	jz_edit q;
	struct jz_search_hit hits[MAX_HITS];
	int nhits, total, sel, scroll;
	jz_village villages[MAX_VILLAGES];
	int nvillages, village; /* index into villages, -1 = all */
	int programme;          /* index into programmes, -1 = all */
};

static const char *const programmes[] = {"低保", "特困", "孤儿", "残疾补贴"};

static void run_query(jz_desk *d, struct search *s)
{
	jz_err e = {0};
	char *q = jz_edit_text(&s->q);
	struct jz_search_filter f = {0};
	if (s->village >= 0)
		f.village_id = s->villages[s->village].id;
	if (s->programme >= 0)
		f.programme = programmes[s->programme];
	s->total = jz_search_run(d->search, q, &f, s->hits, MAX_HITS, &e);
	free(q);
	if (s->total < 0) {
		s->total = 0;
		jz_desk_report(d, &e);
	}
	s->nhits = s->total < MAX_HITS ? s->total : MAX_HITS;
	s->sel = s->scroll = 0;
}

static void draw_hit(jz_desk *d, const struct jz_search_hit *h, int y, int sel)
{
	char line[200];
	int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
	attron(a);
	static const int w[] = {2, 9, 11, 7, 20};
	const char *cells[] = {sel ? ">" : " ", h->household_number[0] ? h->household_number : "外地",
			       h->name, h->relation, h->id_number};
	int x = 2;
	for (int i = 0; i < 5; i++) {
		jz_draw_text(stdscr, y, x, cells[i], w[i], 1);
		x += w[i];
	}
	snprintf(line, sizeof line, "%s%s", h->member ? h->village : "不在本乡镇家庭", h->deceased ? " 已故" : "");
	jz_draw_text(stdscr, y, x, line, d->cols - x - 1, 1);
	attroff(a);
}

static void draw(jz_desk *d, void *p)
{
	struct search *s = p;
	char line[200];
	jz_draw_text(stdscr, 2, 2, "查找：", 6, 0);
	jz_edit_draw(&s->q, stdscr, 2, 8, 30, 1);
	snprintf(line, sizeof line, "村（社区）：%s  项目：%s", s->village < 0 ? "全部" : s->villages[s->village].name,
		 s->programme < 0 ? "全部" : programmes[s->programme]);
	jz_draw_text(stdscr, 2, 42, line, d->cols - 44, 0);
	jz_draw_text(stdscr, 3, 2, "姓名、拼音首字母（如 wjg）、身份证号片段、户编号或电话", d->cols - 4, 0);
	int rows = d->rows - 2 - 6;
	if (s->nhits == 0) {
		char *q = jz_edit_text(&s->q);
		jz_draw_text(stdscr, 5, 4, q[0] ? "没有找到，请换个写法（例如只输入姓名的一部分或身份证号后 4 位）" :
			     "请输入要查找的内容", d->cols - 6, 0);
		free(q);
	} else {
		snprintf(line, sizeof line, "找到 %d 人%s", s->total, s->total > MAX_HITS ? "（只显示前 200 人，请输入更多内容）" : "");
		jz_draw_text(stdscr, 4, 2, line, d->cols - 4, 0);
		if (s->sel < s->scroll)
			s->scroll = s->sel;
		if (s->sel >= s->scroll + rows)
			s->scroll = s->sel - rows + 1;
		for (int i = 0; i < rows && s->scroll + i < s->nhits; i++)
			draw_hit(d, &s->hits[s->scroll + i], 5 + i, s->scroll + i == s->sel);
	}
	jz_desk_cursor(d, 2, 8 + jz_edit_layout(&s->q, 30));
}

static int move_sel(struct search *s, int delta)
{
	int n = s->sel + delta;
	if (n < 0)
		n = 0;
	if (n >= s->nhits)
		n = s->nhits - 1;
	if (n < 0 || n == s->sel)
		return JZ_KEY_HANDLED;
	s->sel = n;
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct search *s = p;
	if (k->fn == 3)
		return JZ_KEY_HANDLED; /* already here */
	if (k->fn == 4 || (k->is_key && k->code == KEY_F(4))) {
		s->village = s->village + 1 >= s->nvillages ? -1 : s->village + 1;
		run_query(d, s);
		return JZ_KEY_REDRAW;
	}
	if (k->fn == 5) {
		s->programme = s->programme + 1 >= 4 ? -1 : s->programme + 1;
		run_query(d, s);
		return JZ_KEY_REDRAW;
	}
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: return move_sel(s, -1);
		case KEY_DOWN: return move_sel(s, 1);
		case KEY_PPAGE: return move_sel(s, -(d->rows - 8));
		case KEY_NPAGE: return move_sel(s, d->rows - 8);
		}
	}
	if (!k->is_key && (k->code == '\n' || k->code == '\r')) {
		if (!s->nhits)
			return JZ_KEY_HANDLED;
		const struct jz_search_hit *h = &s->hits[s->sel];
		if (!h->member) {
			jz_desk_msg(d, 0, "%s 不在本乡镇的家庭里（外地人员）", h->name);
			return JZ_KEY_REDRAW;
		}
		jz_push_card(d, h->household_id);
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	if (jz_edit_key(&s->q, k->is_key, k->code) == JZ_EDIT_CHANGED) {
		run_query(d, s);
		return JZ_KEY_REDRAW;
	}
	return JZ_KEY_REDRAW;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Enter", "打开"};
	out[1] = (struct jz_keyitem){"F4", "按村"};
	out[2] = (struct jz_keyitem){"F5", "按项目"};
	out[3] = (struct jz_keyitem){"Esc", "返回"};
	return 4;
}

static int is_typing(jz_desk *d, void *p) { (void)d, (void)p; return 1; }

static void resume(jz_desk *d, void *p)
{
	jz_err e = {0};
	if (jz_search_reload(d->search, &e))
		jz_desk_report(d, &e);
	run_query(d, p);
}

static void free_search(void *p)
{
	struct search *s = p;
	jz_edit_free(&s->q);
	free(s);
}

void jz_push_search(jz_desk *d)
{
	jz_err e = {0};
	if (!d->search && !(d->search = jz_search_open(d->s.db, &e))) {
		jz_desk_report(d, &e);
		return;
	}
	struct search *s = calloc(1, sizeof *s);
	if (!s)
		return;
	jz_edit_init(&s->q, "", 40);
	s->village = -1;
	s->programme = -1;
	s->nvillages = jz_store_villages(d->s.db, s->villages, MAX_VILLAGES, &e);
	if (s->nvillages > MAX_VILLAGES)
		s->nvillages = MAX_VILLAGES;
	if (s->nvillages < 0)
		s->nvillages = 0;
	jz_screen scr = {.title = "查找", .st = s, .draw = draw, .key = key, .free = free_search,
			 .keybar = keybar, .typing = is_typing, .resume = resume};
	jz_desk_push(d, &scr);
}
