/* screen_history.c — the history of one case (or 临时救助 case): every
 * event, oldest first, with who, when, what and why; the selected event's
 * old and new values below; x exports them for an inspector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "ui/desk.h"

struct ev {
	long long id;
	char at[20], op[32], action[48], reason[256], oldv[1024], newv[1024];
};

struct hist {
	struct ev *v;
	int n, cap, sel;
	char entity[24], title[96];
	long long entity_id;
};

static int collect(const jz_event *e, void *arg)
{
	struct hist *h = arg;
	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 32;
		struct ev *v = realloc(h->v, (size_t)cap * sizeof *v);
		if (!v)
			return 1;
		h->v = v;
		h->cap = cap;
	}
	struct ev *x = &h->v[h->n++];
	x->id = e->id;
	snprintf(x->at, sizeof x->at, "%s", e->at);
	snprintf(x->op, sizeof x->op, "%s", e->operator_);
	snprintf(x->action, sizeof x->action, "%s", e->action);
	snprintf(x->reason, sizeof x->reason, "%s", e->reason ? e->reason : "");
	jz_audit_one_line(e->old_text, x->oldv, sizeof x->oldv);
	jz_audit_one_line(e->new_text, x->newv, sizeof x->newv);
	return 0;
}

static void load(jz_desk *d, struct hist *h)
{
	jz_err e = {0};
	struct jz_audit_filter f = {.entity = h->entity, .entity_id = h->entity_id};
	h->n = 0;
	if (jz_audit_each(d->s.db, &f, collect, h, &e))
		jz_desk_report(d, &e);
	h->sel = h->n ? h->n - 1 : 0;
}

static void draw(jz_desk *d, void *p)
{
	struct hist *h = p;
	int rows = jz_desk_body_rows(d) - 6, top = 2;
	char line[1200];
	snprintf(line, sizeof line, "%s 的操作记录（共 %d 条）", h->title, h->n);
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 0);
	attroff(A_BOLD);
	int first = h->sel >= rows ? h->sel - rows + 1 : 0;
	for (int i = 0; i < rows && first + i < h->n; i++) {
		const struct ev *x = &h->v[first + i];
		int a = first + i == h->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		snprintf(line, sizeof line, "%.10s %.5s  %s  %s  %s", x->at, x->at + 11, x->op,
			 jz_audit_action_label(x->action), x->reason);
		attron(a);
		mvhline(top + i, 0, ' ', d->cols);
		jz_draw_text(stdscr, top + i, 2, line, d->cols - 4, 0);
		attroff(a);
	}
	if (!h->n)
		return;
	const struct ev *x = &h->v[h->sel];
	int y = top + rows + 1;
	snprintf(line, sizeof line, "动作 %s，第 %lld 条", x->action, x->id);
	jz_draw_text(stdscr, y, 2, line, d->cols - 4, 0);
	snprintf(line, sizeof line, "原：%s", x->oldv[0] ? x->oldv : "（无）");
	jz_draw_text(stdscr, y + 1, 2, line, d->cols - 4, 0);
	snprintf(line, sizeof line, "新：%s", x->newv[0] ? x->newv : "（无）");
	jz_draw_text(stdscr, y + 2, 2, line, d->cols - 4, 0);
}

static int export(jz_desk *d, struct hist *h)
{
	char path[1024], initial[256];
	jz_err e = {0};
	snprintf(initial, sizeof initial, "%s操作记录.xlsx", h->title);
	if (!jz_desk_prompt(d, "导出到文件（.xlsx 或 .csv）：", initial, path, sizeof path))
		return JZ_KEY_REDRAW;
	struct jz_audit_filter f = {.entity = h->entity, .entity_id = h->entity_id};
	int n = jz_audit_export(d->s.db, &f, path, 0, &e);
	if (n < 0)
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已导出 %d 条操作记录到 %s", n, path);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct hist *h = p;
	int page = jz_desk_body_rows(d) - 6;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: h->sel -= h->sel > 0; break;
		case KEY_DOWN: h->sel += h->sel + 1 < h->n; break;
		case KEY_PPAGE: h->sel = h->sel > page ? h->sel - page : 0; break;
		case KEY_NPAGE: h->sel = h->sel + page < h->n ? h->sel + page : (h->n ? h->n - 1 : 0); break;
		default: return JZ_KEY_IGNORED;
		}
		return JZ_KEY_REDRAW;
	}
	if (k->code == 'x')
		return export(d, h);
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"x", "导出"};
	out[1] = (struct jz_keyitem){"Esc", "返回"};
	return 2;
}

static void free_hist(void *p)
{
	struct hist *h = p;
	free(h->v);
	free(h);
}

void jz_push_history(jz_desk *d, const char *entity, long long id, const char *title)
{
	struct hist *h = calloc(1, sizeof *h);
	if (!h)
		return;
	snprintf(h->entity, sizeof h->entity, "%s", entity);
	snprintf(h->title, sizeof h->title, "%s", title);
	h->entity_id = id;
	load(d, h);
	jz_screen s = {.title = "操作记录", .st = h, .draw = draw, .key = key, .free = free_hist,
		       .keybar = keybar};
	jz_desk_push(d, &s);
}
