/* screen_fund.c — 临时救助备用金 at the desk: the balance, the low-balance
 * warning, and this year's ledger lines with the balance after each.
 * Keys: a 预拨 (amount and the county's document), r 退回 (amount and
 * reason), j 调整 (signed amount and reason; the core checks the 审批 role).
 * Payments are made from the 临时救助 cases (screen_aid.c). Every action is
 * one core call (core/fund.h), its message shown as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fund.h"
#include "io/form_file.h"
#include "ui/desk.h"

struct line {
	struct jz_fund_move m;
	long long balance;
};

struct fund {
	struct line *l;
	int n, cap;
	char from[11];
	long long opening, balance, limit;
	int low;
	int scroll;   /* first line shown */
	int at_end;   /* follow the newest lines */
};

static int collect(const struct jz_fund_move *m, long long balance, void *arg)
{
	struct fund *f = arg;
	if (f->n == f->cap) {
		int cap = f->cap ? f->cap * 2 : 64;
		struct line *l = realloc(f->l, (size_t)cap * sizeof *l);
		if (!l)
			return 1;
		f->l = l;
		f->cap = cap;
	}
	f->l[f->n].m = *m;
	f->l[f->n++].balance = balance;
	return 0;
}

static void load(jz_desk *d, struct fund *f)
{
	jz_err e = {0};
	f->n = 0;
	f->low = 0;
	snprintf(f->from, sizeof f->from, "%.4s-01-01", d->today);
	int low = jz_fund_low(d->s.db, d->today, &f->balance, &f->limit, &e);
	if (low < 0 || jz_store_fund_opening(d->s.db, f->from, &f->opening, &e) ||
	    jz_fund_lines(d->s.db, f->from, d->today, collect, f, &e)) {
		jz_desk_report(d, &e);
		return;
	}
	f->low = low;
}

static const char *money(long long fen, char buf[32])
{
	jz_money_format(fen, buf, 32);
	return buf;
}

/* ---- drawing ---- */

static void draw_row(jz_desk *d, int y, const char *date, const char *kind, const char *amount,
		     const char *balance, const char *what)
{
	jz_draw_text(stdscr, y, 2, date, 11, 1);
	jz_draw_text(stdscr, y, 13, kind, 5, 1);
	jz_draw_right(stdscr, y, 18, amount, 12);
	jz_draw_right(stdscr, y, 30, balance, 13);
	jz_draw_text(stdscr, y, 45, what, d->cols - 47, 0);
}

static void draw(jz_desk *d, void *p)
{
	struct fund *f = p;
	char line[512], a[32], b[32];
	int top = 4, rows = jz_desk_body_top(d) + jz_desk_body_rows(d) - top - 1;
	snprintf(line, sizeof line, "临时救助备用金余额：%s 元（截至 %s）", money(f->balance, a), d->today);
	attron(A_BOLD);
	int x = jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 0);
	attroff(A_BOLD);
	(void)x;
	if (f->low) {
		snprintf(line, sizeof line, "提醒：余额低于 %s 元，请申请县级拨付", money(f->limit, b));
		attron(jz_attr(d, JZ_PAIR_WARN));
		jz_draw_text(stdscr, 2, 2, line, d->cols - 4, 0);
		attroff(jz_attr(d, JZ_PAIR_WARN));
	}
	attron(A_BOLD);
	draw_row(d, 3, "日期", "类别", "金额", "余额", "摘要（单位：元）");
	attroff(A_BOLD);
	if (rows < 1)
		return;
	/* the opening line, then the lines of the year */
	int total = f->n + 1;
	if (f->at_end || f->scroll > total - rows)
		f->scroll = total - rows > 0 ? total - rows : 0;
	for (int i = 0; i < rows && f->scroll + i < total; i++) {
		int k = f->scroll + i - 1;
		if (k < 0) {
			draw_row(d, top + i, f->from, "期初", "", money(f->opening, a), "");
			continue;
		}
		const struct jz_fund_move *m = &f->l[k].m;
		if (!strcmp(m->kind, "预拨"))
			snprintf(line, sizeof line, "%s", m->doc);
		else if (m->case_number[0])
			snprintf(line, sizeof line, "%s %s %s%s%s", m->case_number, m->person_name, m->cause,
				 strcmp(m->kind, "支出") ? " " : "", strcmp(m->kind, "支出") ? m->reason : "");
		else
			snprintf(line, sizeof line, "%s%s%s", m->reason, m->approved_by[0] ? " 批准：" : "",
				 m->approved_by);
		draw_row(d, top + i, m->on_date, m->kind, money(m->amount_fen, a), money(f->l[k].balance, b), line);
	}
	if (total > rows) {
		snprintf(line, sizeof line, "共 %d 笔（↑↓ PgUp PgDn 翻看）", f->n);
		jz_draw_text(stdscr, top + rows, 2, line, d->cols - 4, 0);
	}
}

/* ---- actions ---- */

/* An amount in yuan; signed_ok takes a leading minus (调减). */
static int ask_amount(jz_desk *d, const char *q, int signed_ok, long long *fen)
{
	char buf[64];
	jz_err e = {0};
	if (!jz_desk_prompt(d, q, "", buf, sizeof buf))
		return 0;
	const char *v = buf;
	int neg = 0;
	if (signed_ok && (v[0] == '-' || !strncmp(v, "－", strlen("－")))) {
		neg = 1;
		v += v[0] == '-' ? 1 : strlen("－");
	}
	if (jz_money_parse(v, fen, &e)) {
		jz_desk_report(d, &e);
		return 0;
	}
	if (neg)
		*fen = -*fen;
	return 1;
}

static int done(jz_desk *d, struct fund *f, int rc, const jz_err *e, const char *what)
{
	char a[32];
	load(d, f);
	f->at_end = 1;
	if (rc)
		jz_desk_report(d, e);
	else
		jz_desk_msg(d, 0, "%s，备用金余额 %s 元", what, money(f->balance, a));
	return JZ_KEY_REDRAW;
}

static int allocate(jz_desk *d, struct fund *f)
{
	char doc[96];
	long long fen;
	jz_err e = {0};
	if (!ask_amount(d, "县级预拨金额（元）：", 0, &fen) ||
	    !jz_desk_prompt(d, "预拨文号：", "", doc, sizeof doc))
		return JZ_KEY_REDRAW;
	return done(d, f, jz_fund_allocate(&d->s, fen, doc, NULL, &e), &e, "已登记县级预拨");
}

static int give_back(jz_desk *d, struct fund *f)
{
	char reason[256];
	long long fen;
	jz_err e = {0};
	if (!ask_amount(d, "退回金额（元）：", 0, &fen) ||
	    !jz_desk_prompt(d, "退回原因：", "", reason, sizeof reason))
		return JZ_KEY_REDRAW;
	return done(d, f, jz_fund_return(&d->s, fen, reason, NULL, 0, &e), &e, "已登记退回");
}

static int adjust(jz_desk *d, struct fund *f)
{
	char reason[256];
	long long fen;
	jz_err e = {0};
	if (!ask_amount(d, "调整金额（元，调减写负数，例如 -200）：", 1, &fen) ||
	    !jz_desk_prompt(d, "调整原因：", "", reason, sizeof reason))
		return JZ_KEY_REDRAW;
	return done(d, f, jz_fund_adjust(&d->s, fen, reason, NULL, &e), &e, "已登记调整");
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct fund *f = p;
	int page = jz_desk_body_rows(d) - 5;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		f->at_end = 0;
		switch (k->code) {
		case KEY_UP: f->scroll -= f->scroll > 0; break;
		case KEY_DOWN: f->scroll++; break; /* draw clamps it */
		case KEY_PPAGE: f->scroll = f->scroll > page ? f->scroll - page : 0; break;
		case KEY_NPAGE: f->scroll += page; break;
		case KEY_HOME: f->scroll = 0; break;
		case KEY_END: f->at_end = 1; break;
		default: return JZ_KEY_IGNORED;
		}
		return JZ_KEY_REDRAW;
	}
	switch (k->code) {
	case 'a': return allocate(d, f);
	case 'r': return give_back(d, f);
	case 'j': return adjust(d, f);
	case JZ_ESC: return JZ_KEY_CLOSE;
	}
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"a", "预拨"};
	out[1] = (struct jz_keyitem){"r", "退回"};
	out[2] = (struct jz_keyitem){"j", "调整"};
	out[3] = (struct jz_keyitem){"Esc", "返回"};
	return 4;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

static void free_fund(void *p)
{
	struct fund *f = p;
	free(f->l);
	free(f);
}

void jz_push_fund(jz_desk *d)
{
	struct fund *f = calloc(1, sizeof *f);
	if (!f)
		return;
	f->at_end = 1;
	load(d, f);
	jz_screen s = {.title = "备用金", .st = f, .draw = draw, .key = key, .free = free_fund,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
