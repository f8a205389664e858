/* screen_menu.c — the menu that reaches every part of the program; parts
 * not built yet say so plainly. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/desk.h"

struct item {
	const char *label;
	const char *what;
	void (*open)(jz_desk *d); /* NULL: not built yet */
};

static void open_search(jz_desk *d) { jz_push_search(d); }
static void open_settings(jz_desk *d) { jz_push_settings(d); }
static void open_accepting(jz_desk *d) { jz_push_cases(d, "受理中"); }
static void open_mine(jz_desk *d) { jz_push_cases(d, "待我办理"); }
static void open_aid(jz_desk *d) { jz_push_aid(d); }
static void open_fund(jz_desk *d) { jz_push_fund(d); }
static void open_operators(jz_desk *d) { jz_push_operators(d); }
static void open_backup(jz_desk *d) { jz_push_backup(d); }
static void open_report(jz_desk *d) { jz_push_report(d); }
static void open_tools(jz_desk *d) { jz_push_tools(d); }
static void open_ledgers(jz_desk *d) { jz_push_ledgers(d); }

static const struct item items[] = {
	{"家庭档案", "查找家庭和人员，查看、修改家庭卡片", open_search},
	{"申请受理", "低保、特困、孤儿、残疾人补贴的申请", open_accepting},
	{"审核审批", "入户调查、评议、审核、公示、审批", open_mine},
	{"临时救助", "急难型、支出型临时救助", open_aid},
	{"备用金", "临时救助备用金台账", open_fund},
	{"台账", "排查、渐退、潜在对象等台账", open_ledgers},
	{"报表", "每月15日前报送的月报", open_report},
	{"导入与比对", "导入花名册，与其他部门名单比对", open_tools},
	{"设置", "乡镇、村（社区）、保障标准", open_settings},
	{"操作员", "操作员和权限、改密码", open_operators},
	{"备份", "备份数据、拷到 U 盘、从备份恢复", open_backup},
};
#define NITEMS (int)(sizeof items / sizeof items[0])

struct menu {
	int sel;
};

/* 1..9, 0, then letters: b for the eleventh (备份). */
static char key_of(int i)
{
	return i < 9 ? (char)('1' + i) : i == 9 ? '0' : 'b';
}

static void draw(jz_desk *d, void *p)
{
	struct menu *m = p;
	char line[200];
	for (int i = 0; i < NITEMS; i++) {
		int sel = i == m->sel;
		snprintf(line, sizeof line, "%s %c. %-s", sel ? ">" : " ", key_of(i), items[i].label);
		int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, 2 + i, 4, line, 20, 1);
		attroff(a);
		snprintf(line, sizeof line, "%s%s", items[i].what, items[i].open ? "" : "（尚未完成）");
		jz_draw_text(stdscr, 2 + i, 26, line, d->cols - 28, 0);
	}
}

static int choose(jz_desk *d, int i)
{
	if (!items[i].open) {
		jz_desk_msg(d, 0, "「%s」尚未完成，将在后续版本提供", items[i].label);
		return JZ_KEY_REDRAW;
	}
	jz_desk_pop(d);
	items[i].open(d);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct menu *m = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key && k->code == KEY_UP) {
		m->sel = (m->sel + NITEMS - 1) % NITEMS;
		return JZ_KEY_REDRAW;
	}
	if (k->is_key && k->code == KEY_DOWN) {
		m->sel = (m->sel + 1) % NITEMS;
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && (k->code == '\n' || k->code == '\r'))
		return choose(d, m->sel);
	for (int i = 0; i < NITEMS && !k->is_key; i++)
		if (k->code == (unsigned char)key_of(i))
			return choose(d, i);
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"1-0 b", "选择"};
	out[1] = (struct jz_keyitem){"Enter", "打开"};
	out[2] = (struct jz_keyitem){"Esc", "返回"};
	return 3;
}

void jz_push_menu(jz_desk *d)
{
	struct menu *m = calloc(1, sizeof *m);
	if (!m)
		return;
	jz_screen s = {.title = "菜单", .st = m, .draw = draw, .key = key, .free = free, .keybar = keybar};
	jz_desk_push(d, &s);
}
