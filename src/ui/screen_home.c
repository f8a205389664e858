/* screen_home.c — home: the township, today's date, the countdown to the
 * monthly report, counts, and the to-do list (each line opens its case). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/todo.h"
#include "store/case_store.h"
#include "store/people.h"
#include "ui/desk.h"

#define MAX_TODO 200

struct home {
	struct jz_counts counts;
	struct jz_covered covered[8];
	int ncovered;
	struct jz_todo todo[MAX_TODO];
	int ntodo, total, sel, scroll;
	char loaded_for[11];
};

static void load(jz_desk *d, struct home *h)
{
	jz_err e = {0};
	if (jz_store_counts(d->s.db, &h->counts, &e) ||
	    (h->total = jz_todo_list(d->s.db, &d->s.op, d->today, h->todo, MAX_TODO, &e)) < 0) {
		h->total = 0;
		jz_desk_report(d, &e);
	}
	char month[8];
	jz_month_of(d->today, month);
	h->ncovered = jz_store_covered(d->s.db, month, h->covered, 8, &e);
	if (h->ncovered < 0)
		h->ncovered = 0;
	h->ntodo = h->total < MAX_TODO ? h->total : MAX_TODO;
	if (h->sel >= h->ntodo)
		h->sel = h->ntodo ? h->ntodo - 1 : 0;
	memcpy(h->loaded_for, d->today, sizeof h->loaded_for);
}

static const char *weekday(const char *day)
{
	static const char *const names[] = {"四", "五", "六", "日", "一", "二", "三"};
	long n = jz_date_to_days(day) % 7;
	return names[n < 0 ? n + 7 : n];
}

static void draw_countdown(jz_desk *d, int y)
{
	struct jz_deadline dl;
	char line[200];
	jz_err e = {0};
	if (jz_report_deadline_db(d->s.db, d->today, &dl, &e))
		jz_report_deadline(d->today, &dl);
	int day = atoi(dl.due + 8);
	if (dl.days_left > 0)
		snprintf(line, sizeof line, "距%s月%d日报送截止还有 %d 天（%s 月报）",
			 strncmp(dl.due, d->today, 7) ? "下" : "本", day, dl.days_left, dl.month);
	else if (dl.days_left == 0)
		snprintf(line, sizeof line, "今天是本月%d日报送截止日（%s 月报）", day, dl.month);
	else
		snprintf(line, sizeof line, "本月%d日报送截止已过 %d 天（%s 月报），请尽快报送", day, -dl.days_left, dl.month);
	int a = dl.warn ? jz_attr(d, JZ_PAIR_WARN) | (int)A_BOLD : 0;
	attron(a);
	jz_draw_text(stdscr, y, 2, line, d->cols - 4, 0);
	attroff(a);
}

static void draw_todo(jz_desk *d, struct home *h, int y)
{
	char line[240];
	int rows = d->rows - 2 - y - 1;
	snprintf(line, sizeof line, "待办（%d）", h->total);
	attron(A_BOLD);
	jz_draw_text(stdscr, y, 2, line, d->cols - 4, 0);
	attroff(A_BOLD);
	if (!h->ntodo) {
		jz_draw_text(stdscr, y + 1, 4, "暂无待办事项", d->cols - 6, 0);
		return;
	}
	if (h->sel < h->scroll)
		h->scroll = h->sel;
	if (h->sel >= h->scroll + rows)
		h->scroll = h->sel - rows + 1;
	for (int i = 0; i < rows && h->scroll + i < h->ntodo; i++) {
		const struct jz_todo *t = &h->todo[h->scroll + i];
		int sel = h->scroll + i == h->sel;
		int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : t->urgent ? jz_attr(d, JZ_PAIR_WARN) : 0;
		snprintf(line, sizeof line, "%s [%s] %s", sel ? ">" : " ", t->kind, t->text);
		attron(a);
		jz_draw_text(stdscr, y + 1 + i, 2, line, d->cols - 4, 1);
		attroff(a);
	}
}

/* This month's coverage: households and persons by programme. */
static void draw_covered(jz_desk *d, const struct home *h, int y)
{
	static const char *const progs[] = {"低保", "特困", "孤儿", "残疾补贴"};
	char line[300] = "本月在保：";
	for (int i = 0; i < 4; i++) {
		long long hh = 0, pp = 0;
		for (int k = 0; k < h->ncovered; k++)
			if (!strcmp(h->covered[k].programme, progs[i])) {
				hh = h->covered[k].households;
				pp = h->covered[k].persons;
			}
		size_t len = strlen(line);
		if (i == 0)
			snprintf(line + len, sizeof line - len, "低保 %lld 户 %lld 人", hh, pp);
		else
			snprintf(line + len, sizeof line - len, "   %s %lld 人", progs[i], pp);
	}
	jz_draw_text(stdscr, y, 2, line, d->cols - 4, 0);
}

static void draw(jz_desk *d, void *p)
{
	struct home *h = p;
	char line[240];
	if (strcmp(h->loaded_for, d->today))
		load(d, h);
	snprintf(line, sizeof line, "%s（%s）", d->town.name, d->town.county);
	attron(A_BOLD);
	jz_draw_text(stdscr, 2, 2, line, 50, 0);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "今天 %s 星期%s", d->today, weekday(d->today));
	jz_draw_right(stdscr, 2, 40, line, d->cols - 42);
	draw_countdown(d, 3);
	snprintf(line, sizeof line, "家庭 %lld 户    人员 %lld 人    村（社区）%lld 个", h->counts.households,
		 h->counts.persons, h->counts.villages);
	jz_draw_text(stdscr, 5, 2, line, d->cols - 4, 0);
	draw_covered(d, h, 6);
	draw_todo(d, h, 8);
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct home *h = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key && k->code == KEY_UP && h->sel > 0) {
		h->sel--;
		return JZ_KEY_REDRAW;
	}
	if (k->is_key && k->code == KEY_DOWN && h->sel + 1 < h->ntodo) {
		h->sel++;
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && (k->code == '\n' || k->code == '\r') && h->ntodo) {
		const struct jz_todo *t = &h->todo[h->sel];
		if (t->case_id)
			jz_push_case(d, t->case_id);
		else if (t->aid_case_id)
			jz_push_aid_case(d, t->aid_case_id);
		else if (!strcmp(t->kind, "备用金"))
			jz_push_fund(d);
		else if (t->household_id)
			jz_push_card(d, t->household_id);
		else
			jz_desk_msg(d, 0, "%s", t->text);
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_HANDLED; /* home is the bottom: F10 or q leaves */
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"上下", "选择"};
	out[1] = (struct jz_keyitem){"Enter", "打开"};
	return 2;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

void jz_push_home(jz_desk *d)
{
	struct home *h = calloc(1, sizeof *h);
	if (!h)
		return;
	load(d, h);
	jz_screen s = {.title = "首页", .st = h, .draw = draw, .key = key, .free = free,
		       .keybar = keybar, .resume = resume};
	jz_desk_reset(d, &s);
}
