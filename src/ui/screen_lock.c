/* screen_lock.c — the desk locked after auth.idle_minutes without a key:
 * the screens underneath stay as they were (nothing typed is lost); only
 * the signed-in operator's password opens it again, wrong passwords count
 * towards the lockout like any sign-in; F10 leaves the desk. */
#include <stdlib.h>
#include <string.h>

#include "core/operator.h"
#include "ui/desk.h"
#include "ui/field.h"

struct lock {
	jz_edit pw;
	long minutes;
};

static void draw(jz_desk *d, void *p)
{
	struct lock *s = p;
	int top = d->rows / 2 - 4, x = (d->cols - 40) / 2;
	char line[256];
	attron(A_BOLD);
	jz_draw_center(stdscr, top, 0, "工作台已锁定", d->cols);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%ld 分钟没有操作，已自动锁定。请 %s（%s）输入密码继续", s->minutes,
		 d->s.op.name, d->s.op.login);
	jz_draw_center(stdscr, top + 2, 0, line, d->cols);
	jz_draw_text(stdscr, top + 4, x, "密  码：", 10, 0);
	jz_edit_draw(&s->pw, stdscr, top + 4, x + 10, 24, 1);
	jz_draw_center(stdscr, top + 6, 0, "正在填写的内容都还在，解锁后继续", d->cols);
	jz_desk_cursor(d, top + 4, x + 10 + jz_edit_layout(&s->pw, 24));
}

static int unlock(jz_desk *d, struct lock *s)
{
	char *pw = jz_edit_text(&s->pw);
	jz_session tmp = {.db = d->s.db};
	jz_err e = {0};
	int rc = jz_sign_in(&tmp, d->s.op.login, pw ? pw : "", &e);
	free(pw);
	jz_edit_set(&s->pw, "");
	if (rc) {
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	d->s.op = tmp.op; /* roles may have changed meanwhile */
	d->locked = 0;
	jz_desk_msg(d, 0, "已解锁");
	return JZ_KEY_CLOSE;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct lock *s = p;
	if (k->fn == 10)
		return JZ_KEY_QUIT;
	if (!k->is_key && (k->code == '\n' || k->code == '\r'))
		return unlock(d, s);
	if (k->fn || (!k->is_key && k->code == JZ_ESC))
		return JZ_KEY_HANDLED; /* nothing gets past the lock */
	jz_edit_key(&s->pw, k->is_key, k->code);
	return JZ_KEY_REDRAW;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Enter", "解锁"};
	out[1] = (struct jz_keyitem){"F10", "退出"};
	return 2;
}

static int is_typing(jz_desk *d, void *p) { (void)d, (void)p; return 1; }

static void free_lock(void *p)
{
	struct lock *s = p;
	jz_edit_free(&s->pw);
	free(s);
}

void jz_push_lock(jz_desk *d, long minutes)
{
	struct lock *s = calloc(1, sizeof *s);
	if (!s)
		return;
	jz_edit_init(&s->pw, "", 128);
	s->pw.mask = '*';
	s->minutes = minutes;
	d->locked = 1;
	jz_screen scr = {.title = "锁定", .st = s, .draw = draw, .key = key, .free = free_lock,
			 .keybar = keybar, .typing = is_typing};
	jz_desk_push(d, &scr);
}
