/* screen_signin.c — the sign-in screen: operator and password, checked by
 * the core; every write afterwards carries who did it. */
#include <stdlib.h>
#include <string.h>

#include "core/operator.h"
#include "ui/desk.h"
#include "ui/field.h"

struct signin {
	jz_edit login, pw;
	int focus; /* 0 login, 1 password */
};

static void draw(jz_desk *d, void *p)
{
	struct signin *s = p;
	int top = d->rows / 2 - 5, x = (d->cols - 40) / 2;
	char line[256];
	attron(A_BOLD);
	jz_draw_center(stdscr, top, 0, "救助台  乡镇社会救助工作台", d->cols);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "%s %s", d->town.county, d->town.name);
	jz_draw_center(stdscr, top + 1, 0, line, d->cols);
	jz_draw_text(stdscr, top + 4, x, "登录名：", 10, 0);
	jz_draw_text(stdscr, top + 6, x, "密  码：", 10, 0);
	jz_edit_draw(&s->login, stdscr, top + 4, x + 10, 24, s->focus == 0);
	jz_edit_draw(&s->pw, stdscr, top + 6, x + 10, 24, s->focus == 1);
	jz_draw_center(stdscr, top + 9, 0, "输入登录名和密码，按回车登录", d->cols);
	if (d->town.is_demo)
		jz_draw_center(stdscr, top + 10, 0, "演示乡镇：admin / jingban / shenhe / shenpi，密码都是 demo", d->cols);
	if (s->focus == 0)
		jz_desk_cursor(d, top + 4, x + 10 + jz_edit_layout(&s->login, 24));
	else
		jz_desk_cursor(d, top + 6, x + 10 + jz_edit_layout(&s->pw, 24));
}

static int submit(jz_desk *d, struct signin *s)
{
	char *login = jz_edit_text(&s->login), *pw = jz_edit_text(&s->pw);
	jz_err e = {0};
	int rc = jz_sign_in(&d->s, login, pw, &e);
	free(login);
	free(pw);
	if (rc) {
		jz_edit_set(&s->pw, "");
		s->focus = 1;
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	jz_desk_msg(d, 0, "欢迎，%s", d->s.op.name);
	jz_push_home(d); /* replaces the sign-in screen: s is freed now */
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct signin *s = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (!k->is_key && (k->code == '\n' || k->code == '\r')) {
		if (s->focus == 0) {
			s->focus = 1;
			return JZ_KEY_REDRAW;
		}
		return submit(d, s);
	}
	if ((!k->is_key && k->code == '\t') || (k->is_key && (k->code == KEY_DOWN || k->code == KEY_UP ||
							       k->code == KEY_BTAB))) {
		s->focus = !s->focus;
		return JZ_KEY_REDRAW;
	}
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_QUIT;
	jz_edit *ed = s->focus ? &s->pw : &s->login;
	return jz_edit_key(ed, k->is_key, k->code) != JZ_EDIT_IGNORED ? JZ_KEY_REDRAW : JZ_KEY_HANDLED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Enter", "登录"};
	out[1] = (struct jz_keyitem){"Tab", "切换"};
	return 2;
}

static int is_typing(jz_desk *d, void *p) { (void)d, (void)p; return 1; }

static void free_signin(void *p)
{
	struct signin *s = p;
	jz_edit_free(&s->login);
	jz_edit_free(&s->pw);
	free(s);
}

static jz_screen make(jz_desk *d, int *ok)
{
	jz_screen scr = {0};
	struct signin *s = calloc(1, sizeof *s);
	*ok = s != NULL;
	if (!s)
		return scr;
	jz_edit_init(&s->login, "", 31);
	jz_edit_init(&s->pw, "", 128);
	s->pw.mask = '*';
	(void)d;
	scr = (jz_screen){.title = "登录", .st = s, .draw = draw, .key = key, .free = free_signin,
			  .keybar = keybar, .typing = is_typing};
	return scr;
}

void jz_push_signin_root(jz_desk *d)
{
	int ok;
	jz_screen scr = make(d, &ok);
	if (ok)
		jz_desk_reset(d, &scr);
}

void jz_push_signin(jz_desk *d)
{
	int ok;
	jz_screen scr = make(d, &ok);
	if (ok)
		jz_desk_push(d, &scr);
}
