/* screen_operators.c — 操作员 at the desk: the list with roles and state,
 * and the 管理员's actions on the selected operator (the core refuses
 * whoever may not): a 新增, p 改密码 (anyone, for himself), r 角色,
 * i 身份证号 (so he never approves his own household), d 停用/启用,
 * u 解锁. Passwords are typed twice and shown as '*'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/id.h"
#include "core/operator.h"
#include "ui/desk.h"

#define MAX_OPS 200

struct ops {
	jz_operator v[MAX_OPS];
	int n, sel;
};

static void load(jz_desk *d, struct ops *o)
{
	jz_err e = {0};
	int n = jz_operator_list(d->s.db, o->v, MAX_OPS, &e);
	if (n < 0) {
		jz_desk_report(d, &e);
		n = 0;
	}
	o->n = n < MAX_OPS ? n : MAX_OPS;
	if (o->sel >= o->n)
		o->sel = o->n ? o->n - 1 : 0;
}

static void state_of(const jz_operator *p, char *buf, size_t n)
{
	if (p->disabled)
		snprintf(buf, n, "停用");
	else if (p->locked_until[0])
		snprintf(buf, n, "锁定到 %.5s", p->locked_until + 11);
	else
		snprintf(buf, n, "在用");
}

static void draw(jz_desk *d, void *p)
{
	struct ops *o = p;
	int top = 2, rows = jz_desk_body_rows(d) - 2;
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, "登录名", 14, 1);
	jz_draw_text(stdscr, 1, 16, "姓名", 12, 1);
	jz_draw_text(stdscr, 1, 28, "角色", 22, 1);
	jz_draw_text(stdscr, 1, 50, "身份证号", 19, 1);
	jz_draw_text(stdscr, 1, 69, "状态", d->cols - 70, 0);
	attroff(A_BOLD);
	int first = o->sel >= rows ? o->sel - rows + 1 : 0;
	for (int i = 0; i < rows && first + i < o->n; i++) {
		const jz_operator *q = &o->v[first + i];
		char masked[19] = "-", st[48];
		if (q->id_number[0])
			jz_id_mask(q->id_number, masked);
		state_of(q, st, sizeof st);
		int a = first + i == o->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		mvhline(top + i, 0, ' ', d->cols);
		jz_draw_text(stdscr, top + i, 2, q->login, 14, 1);
		jz_draw_text(stdscr, top + i, 16, q->name, 12, 1);
		jz_draw_text(stdscr, top + i, 28, q->roles, 22, 1);
		jz_draw_text(stdscr, top + i, 50, masked, 19, 1);
		jz_draw_text(stdscr, top + i, 69, st, d->cols - 70, 0);
		attroff(a);
	}
}

/* A new password typed twice; 1 with it in pw. */
static int ask_password(jz_desk *d, const char *login, char *pw, size_t n)
{
	char q[128], again[256];
	snprintf(q, sizeof q, "%s 的新密码：", login);
	if (!jz_desk_prompt_ex(d, q, "", pw, n, 1) || !jz_desk_prompt_ex(d, "再输入一次：", "", again, sizeof again, 1))
		return 0;
	int same = strcmp(pw, again) == 0;
	memset(again, 0, sizeof again);
	if (!same)
		jz_desk_msg(d, 1, "两次输入的密码不一样，没有修改");
	return same;
}

static int finish(jz_desk *d, struct ops *o, int rc, const jz_err *e, const char *done)
{
	load(d, o);
	if (rc)
		jz_desk_report(d, e);
	else
		jz_desk_msg(d, 0, "%s", done);
	return JZ_KEY_REDRAW;
}

static int add(jz_desk *d, struct ops *o)
{
	char login[32], name[64], roles[96], pw[256];
	jz_err e = {0};
	if (!jz_desk_prompt(d, "登录名（小写字母、数字）：", "", login, sizeof login) ||
	    !jz_desk_prompt(d, "姓名：", "", name, sizeof name) ||
	    !jz_desk_prompt(d, "角色（经办,审核,审批,管理员 用逗号分隔）：", "经办", roles, sizeof roles) ||
	    !ask_password(d, login, pw, sizeof pw))
		return JZ_KEY_REDRAW;
	int rc = jz_operator_create(&d->s, login, name, roles, NULL, pw, &e);
	memset(pw, 0, sizeof pw);
	return finish(d, o, rc, &e, "已新增操作员");
}

static int act(jz_desk *d, struct ops *o, unsigned c)
{
	if (!o->n)
		return JZ_KEY_HANDLED;
	jz_operator *p = &o->v[o->sel];
	char buf[256], login[32];
	jz_err e = {0};
	int rc;
	snprintf(login, sizeof login, "%s", p->login);
	switch (c) {
	case 'p':
		if (!ask_password(d, login, buf, sizeof buf))
			return JZ_KEY_REDRAW;
		rc = jz_operator_passwd(&d->s, login, buf, &e);
		memset(buf, 0, sizeof buf);
		return finish(d, o, rc, &e, "已修改密码");
	case 'r':
		if (!jz_desk_prompt(d, "角色（经办,审核,审批,管理员）：", p->roles, buf, sizeof buf))
			return JZ_KEY_REDRAW;
		return finish(d, o, jz_operator_set(&d->s, login, NULL, buf, NULL, &e), &e, "已修改角色");
	case 'i':
		if (!jz_desk_prompt(d, "操作员本人的身份证号（审批时回避本户）：", p->id_number, buf, 20))
			return JZ_KEY_REDRAW;
		return finish(d, o, jz_operator_set(&d->s, login, NULL, NULL, buf, &e), &e, "已记录身份证号");
	case 'd':
		if (p->disabled)
			return finish(d, o, jz_operator_disable(&d->s, login, 0, NULL, &e), &e, "已启用");
		if (!jz_desk_prompt(d, "停用原因（例如 调离、退休）：", "", buf, sizeof buf))
			return JZ_KEY_REDRAW;
		return finish(d, o, jz_operator_disable(&d->s, login, 1, buf, &e), &e, "已停用");
	case 'u':
		return finish(d, o, jz_operator_unlock(&d->s, login, &e), &e, "已解锁");
	}
	return JZ_KEY_IGNORED;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct ops *o = p;
	if (k->fn == 2)
		return add(d, o);
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		if (k->code == KEY_UP && o->sel > 0)
			o->sel--;
		else if (k->code == KEY_DOWN && o->sel + 1 < o->n)
			o->sel++;
		else
			return JZ_KEY_IGNORED;
		return JZ_KEY_REDRAW;
	}
	if (k->code == 'a')
		return add(d, o);
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return act(d, o, k->code);
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	static const struct jz_keyitem items[] = {{"a", "新增"}, {"p", "改密码"}, {"r", "角色"},
		{"i", "身份证"}, {"d", "停用/启用"}, {"u", "解锁"}, {"Esc", "返回"}};
	int n = (int)(sizeof items / sizeof items[0]);
	for (int i = 0; i < n; i++)
		out[i] = items[i];
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

void jz_push_operators(jz_desk *d)
{
	struct ops *o = calloc(1, sizeof *o);
	if (!o)
		return;
	load(d, o);
	for (int i = 0; i < o->n; i++)
		if (!strcmp(o->v[i].login, d->s.op.login))
			o->sel = i;
	jz_screen s = {.title = "操作员", .st = o, .draw = draw, .key = key, .free = free, .keybar = keybar,
		       .resume = resume};
	jz_desk_push(d, &s);
}
