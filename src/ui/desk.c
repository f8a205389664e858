/* desk.c — the desk's loop: terminal set-up, reading keys (F-keys, Esc+digit,
 * Chinese from an input method), the global key table, the screen stack,
 * drawing the title bar, message line and key bar. */
#include "ui/desk.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/search.h"
#include "core/township.h"
#include "platform/platform.h"
#include "ui/field.h"

#define MIN_COLS 80
#define MIN_ROWS 24

static volatile sig_atomic_t got_signal;

static void on_signal(int sig) { got_signal = sig; }

/* ---- the global key table: one place for every desk-wide binding ---- */

static int act_help(jz_desk *d) { jz_push_help(d); return JZ_KEY_REDRAW; }
static int act_search(jz_desk *d) { jz_push_search(d); return JZ_KEY_REDRAW; }
static int act_menu(jz_desk *d) { jz_push_menu(d); return JZ_KEY_REDRAW; }
static int act_quit(jz_desk *d) { (void)d; return JZ_KEY_QUIT; }

struct binding {
	int fn;           /* F-key number */
	unsigned letter;  /* plain-key alternative, only when not typing */
	const char *key;  /* as shown on the key bar */
	const char *label;
	int (*act)(jz_desk *d);
	int signed_in;    /* only after sign-in */
};

static const struct binding globals[] = {
	{1, '?', "F1", "帮助", act_help, 0},
	{3, '/', "F3", "查找", act_search, 1},
	{9, 'm', "F9", "菜单", act_menu, 1},
	{10, 'q', "F10", "退出", act_quit, 0},
};
#define NGLOBALS (int)(sizeof globals / sizeof globals[0])

static int signed_in(const jz_desk *d) { return d->s.op.login[0] != '\0'; }

static jz_screen *top(jz_desk *d) { return d->depth ? &d->stack[d->depth - 1] : NULL; }

static int typing(jz_desk *d)
{
	jz_screen *s = top(d);
	return s && s->typing && s->typing(d, s->st);
}

static int global_key(jz_desk *d, const jz_key *k)
{
	int t = typing(d);
	if (d->locked)
		return JZ_KEY_IGNORED;
	for (int i = 0; i < NGLOBALS; i++) {
		const struct binding *b = &globals[i];
		if (b->signed_in && !signed_in(d))
			continue;
		if ((k->fn && k->fn == b->fn) ||
		    (!t && !k->fn && !k->is_key && k->code == b->letter))
			return b->act(d);
	}
	return JZ_KEY_IGNORED;
}

/* ---- the stack ---- */

void jz_desk_push(jz_desk *d, const jz_screen *s)
{
	if (d->depth == JZ_MAX_SCREENS) {
		if (s->free)
			s->free(s->st);
		jz_desk_msg(d, 1, "打开的窗口太多了，请先按 Esc 返回几层");
		return;
	}
	d->stack[d->depth++] = *s;
	d->dirty = 1;
}

void jz_desk_pop(jz_desk *d)
{
	if (!d->depth)
		return;
	jz_screen *s = &d->stack[--d->depth];
	if (s->free)
		s->free(s->st);
	s = top(d);
	if (s && s->resume)
		s->resume(d, s->st);
	d->dirty = 1;
}

void jz_desk_reset(jz_desk *d, const jz_screen *s)
{
	while (d->depth) {
		jz_screen *t = &d->stack[--d->depth];
		if (t->free)
			t->free(t->st);
	}
	jz_desk_push(d, s);
}

/* ---- messages ---- */

void jz_desk_msg(jz_desk *d, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	d->msg_is_error = is_error;
	d->dirty = 1;
}

void jz_desk_report(jz_desk *d, const jz_err *e)
{
	jz_desk_msg(d, 1, "%s", e->msg[0] ? e->msg : "操作失败");
}

void jz_desk_cursor(jz_desk *d, int y, int x)
{
	d->cur_y = y;
	d->cur_x = x;
}

int jz_desk_body_top(const jz_desk *d) { (void)d; return 1; }
int jz_desk_body_rows(const jz_desk *d) { return d->rows - 3; }

int jz_attr(const jz_desk *d, int pair)
{
	if (d->color)
		return (int)(COLOR_PAIR(pair) | (pair == JZ_PAIR_ERROR || pair == JZ_PAIR_WARN ? A_BOLD : 0));
	switch (pair) {
	case JZ_PAIR_TITLE:
	case JZ_PAIR_SELECT:
		return (int)A_REVERSE;
	case JZ_PAIR_WARN:
	case JZ_PAIR_ERROR:
		return (int)A_BOLD;
	default:
		return 0;
	}
}

/* ---- drawing ---- */

static void draw_title(jz_desk *d)
{
	jz_screen *s = top(d);
	char left[256], right[160];
	snprintf(left, sizeof left, " 救助台 | %s | %s", d->town.name[0] ? d->town.name : "未建乡镇",
		 s && s->title ? s->title : "");
	snprintf(right, sizeof right, "%s%s %s ", signed_in(d) ? d->s.op.name : "",
		 signed_in(d) ? " |" : "", d->today);
	attron(jz_attr(d, JZ_PAIR_TITLE));
	mvhline(0, 0, ' ', d->cols);
	int w = jz_draw_text(stdscr, 0, 0, left, d->cols, 0);
	int rw = jz_str_width(right);
	if (w + rw < d->cols)
		jz_draw_text(stdscr, 0, d->cols - rw, right, rw, 0);
	attroff(jz_attr(d, JZ_PAIR_TITLE));
}

/* 1 if key (e.g. "F3") is one of the '/'-separated names in list ("s/F3"). */
static int key_listed(const char *list, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = list; (p = strstr(p, key)); p += n)
		if ((p == list || p[-1] == '/') && (p[n] == '\0' || p[n] == '/'))
			return 1;
	return 0;
}

static void draw_bottom(jz_desk *d)
{
	struct jz_keyitem items[24];
	int n = 0;
	jz_screen *s = top(d);
	if (s && s->keybar)
		n = s->keybar(d, s->st, items, 16);
	int own = n;
	for (int i = 0; i < NGLOBALS && n < 24 && !d->locked; i++) {
		if (globals[i].signed_in && !signed_in(d))
			continue;
		int taken = 0; /* the screen gives this key its own meaning ("F3", "s/F3") */
		for (int k = 0; k < own && !taken; k++)
			taken = key_listed(items[k].key, globals[i].key);
		if (taken)
			continue;
		items[n++] = (struct jz_keyitem){globals[i].key, globals[i].label};
	}
	move(d->rows - 2, 0);
	clrtoeol();
	if (d->msg[0]) {
		int a = d->msg_is_error ? jz_attr(d, JZ_PAIR_ERROR) : 0;
		attron(a);
		jz_draw_text(stdscr, d->rows - 2, 0, d->msg, d->cols, 0);
		attroff(a);
	}
	jz_draw_keybar(stdscr, d->rows - 1, d->cols, items, n);
}

static void draw(jz_desk *d)
{
	erase();
	if (d->cols < MIN_COLS || d->rows < MIN_ROWS) {
		char line[160];
		snprintf(line, sizeof line, "请把终端窗口放大到至少 80x24（现在 %dx%d）", d->cols, d->rows);
		jz_draw_text(stdscr, 0, 0, line, d->cols, 0);
		jz_draw_text(stdscr, d->rows > 1 ? 1 : 0, 0, "Please enlarge the terminal to 80x24.", d->cols, 0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	draw_title(d);
	d->cur_y = d->cur_x = -1;
	jz_screen *s = top(d);
	if (s && s->draw)
		s->draw(d, s->st);
	draw_bottom(d);
	if (d->cur_y >= 0) {
		move(d->cur_y, d->cur_x);
		curs_set(1);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- keys ---- */

static int fkey_of(int code)
{
	for (int i = 1; i <= 12; i++)
		if (code == KEY_F(i))
			return i;
	return 0;
}

/* Reads one key; 0 on timeout. Esc followed quickly by a digit is an F-key. */
static int read_key(jz_desk *d, jz_key *k)
{
	wint_t ch;
	memset(k, 0, sizeof *k);
	int rc = jz_plat_get_key(1000, &ch);
	if (rc == ERR)
		return 0;
	if (rc == KEY_CODE_YES) {
		k->is_key = 1;
		k->code = ch;
		k->fn = fkey_of((int)ch);
		return 1;
	}
	k->code = ch;
	if (ch != JZ_ESC)
		return 1;
	timeout(300);
	wint_t next;
	int r2 = jz_plat_get_key(300, &next);
	timeout(1000);
	if (r2 == OK && next >= '0' && next <= '9') {
		k->fn = next == '0' ? 10 : (int)(next - '0');
		k->code = 0;
	} else if (r2 != ERR)
		jz_plat_unget_key(next); /* not a digit: Esc, then that key */
	(void)d;
	return 1;
}

int jz_desk_ask(jz_desk *d, const char *question, const char *keys)
{
	jz_desk_msg(d, 0, "%s", question);
	draw(d);
	for (;;) {
		jz_key k;
		if (got_signal)
			return 0;
		if (!read_key(d, &k))
			continue;
		if (k.is_key && k.code == KEY_RESIZE) {
			getmaxyx(stdscr, d->rows, d->cols);
			draw(d);
			continue;
		}
		if (!k.is_key && !k.fn && k.code == JZ_ESC) {
			d->msg[0] = '\0';
			return 0;
		}
		if (!k.is_key && !k.fn && k.code < 128 && strchr(keys, (int)k.code)) {
			d->msg[0] = '\0';
			return (int)k.code;
		}
	}
}

static void draw_prompt(jz_desk *d, const char *question, jz_edit *ed)
{
	int qw = jz_str_width(question);
	if (qw > d->cols / 2)
		qw = d->cols / 2;
	move(d->rows - 2, 0);
	clrtoeol();
	attron(A_BOLD);
	jz_draw_text(stdscr, d->rows - 2, 0, question, qw, 0);
	attroff(A_BOLD);
	jz_edit_draw(ed, stdscr, d->rows - 2, qw + 1, d->cols - qw - 2, 1);
	move(d->rows - 2, qw + 1 + jz_edit_layout(ed, d->cols - qw - 2));
	curs_set(1);
	wnoutrefresh(stdscr);
	doupdate();
}

int jz_desk_prompt(jz_desk *d, const char *question, const char *initial, char *buf, size_t n)
{
	return jz_desk_prompt_ex(d, question, initial, buf, n, 0);
}

int jz_desk_prompt_ex(jz_desk *d, const char *question, const char *initial, char *buf, size_t n,
		      int secret)
{
	jz_edit ed;
	int result = -1;
	jz_edit_init(&ed, initial, 200);
	if (secret)
		ed.mask = '*';
	d->msg[0] = '\0';
	draw(d);
	while (result < 0 && !got_signal) {
		jz_key k;
		draw_prompt(d, question, &ed);
		if (!read_key(d, &k))
			continue;
		if (k.is_key && k.code == KEY_RESIZE) {
			getmaxyx(stdscr, d->rows, d->cols);
			draw(d);
		} else if (!k.is_key && !k.fn && k.code == JZ_ESC)
			result = 0;
		else if (!k.is_key && !k.fn && (k.code == '\n' || k.code == '\r'))
			result = 1;
		else if (!k.fn)
			jz_edit_key(&ed, k.is_key, k.code);
	}
	if (result > 0) {
		char *t = jz_edit_text(&ed);
		snprintf(buf, n, "%s", t);
		free(t);
	}
	jz_edit_free(&ed);
	d->dirty = 1;
	return result > 0;
}

static void handle(jz_desk *d, const jz_key *k)
{
	if (k->is_key && k->code == KEY_RESIZE) {
		getmaxyx(stdscr, d->rows, d->cols);
		d->dirty = 1;
		return;
	}
	if (d->cols < MIN_COLS || d->rows < MIN_ROWS) {
		if ((k->fn == 10) || (!k->is_key && (k->code == 'q' || k->code == JZ_CTRL('c'))))
			d->quit = 1;
		return;
	}
	jz_screen *s = top(d);
	if (d->msg[0]) { /* a message lasts until the next key */
		d->msg[0] = '\0';
		d->dirty = 1;
	}
	int r = s && s->key ? s->key(d, s->st, k) : JZ_KEY_IGNORED;
	if (r == JZ_KEY_IGNORED)
		r = global_key(d, k);
	if (r == JZ_KEY_IGNORED && !k->is_key && !k->fn && k->code == JZ_ESC && d->depth > 1 && !d->locked)
		r = JZ_KEY_CLOSE;
	switch (r) {
	case JZ_KEY_REDRAW:
		d->dirty = 1;
		break;
	case JZ_KEY_CLOSE:
		jz_desk_pop(d);
		if (!d->depth)
			d->quit = 1;
		break;
	case JZ_KEY_QUIT:
		d->quit = 1;
		break;
	default:
		break;
	}
}

/* ---- set-up ---- */

static void start_curses(jz_desk *d)
{
	jz_plat_before_curses();
	initscr();
	raw(); /* Ctrl-S reaches us instead of stopping the terminal */
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(1000);
	d->color = has_colors() && getenv("NO_COLOR") == NULL;
	if (d->color && start_color() == OK) {
		use_default_colors();
		init_pair(JZ_PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(JZ_PAIR_WARN, COLOR_YELLOW, -1);
		init_pair(JZ_PAIR_ERROR, COLOR_RED, -1);
		init_pair(JZ_PAIR_SELECT, COLOR_BLACK, COLOR_CYAN);
		init_pair(JZ_PAIR_OK, COLOR_GREEN, -1);
	} else
		d->color = 0;
	getmaxyx(stdscr, d->rows, d->cols);
}

static void install_signals(void)
{
	jz_plat_on_signals(on_signal);
}

void jz_desk_draw_now(jz_desk *d)
{
	draw(d);
}

static void run(jz_desk *d)
{
	int started = 0;
	d->dirty = 1;
	while (!d->quit && !got_signal) {
		if (d->dirty) {
			d->dirty = 0;
			draw(d);
		}
		if (!started++) { /* after the first screen is drawn, never before */
			jz_desk_after_start(d);
			d->dirty = 1;
			continue;
		}
		jz_key k;
		if (read_key(d, &k)) {
			jz_now(d->last_key_at);
			handle(d, &k);
		} else
			jz_desk_idle_check(d);
		jz_today(d->today); /* the date may turn at midnight */
	}
}

int jz_cmd_desk(jz_cli *c)
{
	char path[4096];
	jz_err e = {0};
	int interactive = jz_cli_interactive(), first_run = 0;
	jz_desk *d = calloc(1, sizeof *d);
	if (!d)
		return 2;
	/* On a terminal, a missing database is the first run: the desk asks for
	 * the township on a form, as `jiuzhu init` does. */
	if (jz_cli_db_path(c, "jiuzhu.db", interactive, path, sizeof path, &e) ||
	    !(d->s.db = jz_db_open(path, interactive ? JZ_OPEN_CREATE : JZ_OPEN_EXISTING, &e)) ||
	    (jz_township_load(d->s.db, &d->town, &e) && !(first_run = interactive))) {
		jz_db_close(d->s.db);
		free(d);
		return jz_cli_report(&e);
	}
	if (!interactive) {
		jz_db_close(d->s.db);
		free(d);
		fprintf(stderr, "jiuzhu: 工作台需要在终端里运行（用 jiuzhu --help 查看命令行用法）\n");
		return 1;
	}
	jz_today(d->today);
	install_signals();
	start_curses(d);
	if (first_run)
		jz_push_first_run(d);
	else
		jz_push_signin(d);
	jz_desk_mark_open(d);
	run(d);
	jz_desk_on_close(d);
	while (d->depth)
		jz_desk_pop(d);
	endwin();
	if (d->close_note[0])
		fputs(d->close_note, stderr);
	if (d->search)
		jz_search_close(d->search);
	jz_db_close(d->s.db);
	free(d);
	return 0;
}
