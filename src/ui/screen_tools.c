/* screen_tools.c — 导入与比对: a small chooser between the roster import
 * (screen_import.c) and the comparisons with other offices' lists. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/desk.h"

static const struct {
	const char *label, *what;
	void (*open)(jz_desk *d);
} items[] = {
	{"导入花名册", "把原来 Excel 里的花名册（CSV 或 xlsx）导入救助台", jz_push_import},
	{"数据比对", "与建档立卡、死亡、残疾、医保名单比对", jz_push_compare},
};
#define NITEMS (int)(sizeof items / sizeof items[0])

struct tools {
	int sel;
};

static void draw(jz_desk *d, void *p)
{
	struct tools *t = p;
	char line[200];
	for (int i = 0; i < NITEMS; i++) {
		int sel = i == t->sel;
		snprintf(line, sizeof line, "%s %d. %s", sel ? ">" : " ", i + 1, items[i].label);
		int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, 2 + i, 4, line, 20, 1);
		attroff(a);
		jz_draw_text(stdscr, 2 + i, 26, items[i].what, d->cols - 28, 0);
	}
}

static int choose(jz_desk *d, int i)
{
	jz_desk_pop(d);
	items[i].open(d);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct tools *t = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key && (k->code == KEY_UP || k->code == KEY_DOWN)) {
		t->sel = (t->sel + 1) % NITEMS;
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && (k->code == '\n' || k->code == '\r'))
		return choose(d, t->sel);
	if (!k->is_key && k->code >= '1' && k->code < '1' + NITEMS)
		return choose(d, (int)k->code - '1');
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"1-2", "选择"};
	out[1] = (struct jz_keyitem){"Enter", "打开"};
	out[2] = (struct jz_keyitem){"Esc", "返回"};
	return 3;
}

void jz_push_tools(jz_desk *d)
{
	struct tools *t = calloc(1, sizeof *t);
	if (!t)
		return;
	jz_screen s = {.title = "导入与比对", .st = t, .draw = draw, .key = key, .free = free, .keybar = keybar};
	jz_desk_push(d, &s);
}
