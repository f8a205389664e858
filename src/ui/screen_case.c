/* screen_case.c — one case: its facts and dates, the household's members
 * (covered ones marked) with their incomes, this month's amount, the means
 * test's working (scrolled with PgUp/PgDn), the step it waits for and whose
 * role takes it, and the actions by key:
 *   s 办理下一步  i 录入收入  x 刚性支出  c 自理能力 (特困)  v 复核
 *   o 退出  p 已录入省系统  h 家庭卡片
 * Every action is one core call (core/case.h): the core enforces the roles,
 * the separation of duties and the rules; its message is shown as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/case_calc.h"
#include "core/clock.h"
#include "core/means.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/case_store.h"
#include "store/people.h"
#include "store/township_store.h"
#include "ui/desk.h"

/* case_forms.c */
void jz_case_form_income(jz_desk *d, jz_rowid case_id, const jz_person *m, int n, int sel);
void jz_case_form_review(jz_desk *d, jz_rowid case_id);
void jz_case_form_approve(jz_desk *d, jz_rowid case_id);

#define MAX_MEMBERS 64
#define MAX_INCOMES 256
#define MEMBER_ROWS 5 /* members shown at once; the rest scroll */

struct income {
	jz_rowid person_id;
	char kind[32];
	long long fen;
};

struct expense {
	char kind[32];
	long long fen;
};

struct casev {
	jz_rowid id;
	int ok; /* the case was read */
	jz_case c;
	jz_household h;
	jz_person head;
	char village[96];
	jz_person m[MAX_MEMBERS];
	int covered[MAX_MEMBERS];
	int nm;
	struct income inc[MAX_INCOMES];
	int ninc;
	struct expense exp[8];
	int nexp;
	char month[8];
	struct jz_case_amount amount;
	char amount_month[8]; /* the month amount is for: this one, or the first paid */
	int has_amount;
	struct jz_case_means *cm;
	int calc_ok;
	char calc_err[768];
	long long democratic, county;
	const char *next, *role;
	int sel, mscroll, wscroll;
};

/* ---- reading ---- */

static void add_income(jz_rowid pid, const char *kind, long long fen, void *arg)
{
	struct casev *v = arg;
	if (v->ninc >= MAX_INCOMES)
		return;
	struct income *x = &v->inc[v->ninc++];
	x->person_id = pid;
	snprintf(x->kind, sizeof x->kind, "%s", kind);
	x->fen = fen;
}

static void add_expense(const char *kind, long long fen, void *arg)
{
	struct casev *v = arg;
	if (v->nexp >= (int)(sizeof v->exp / sizeof v->exp[0]))
		return;
	snprintf(v->exp[v->nexp].kind, sizeof v->exp[0].kind, "%s", kind);
	v->exp[v->nexp++].fen = fen;
}

static int open_state(const jz_case *c) /* before 公示: figures may change */
{
	static const char *const s[] = {"受理", "调查", "评议", "审核", NULL};
	for (int i = 0; s[i]; i++)
		if (!strcmp(c->state, s[i]))
			return 1;
	return 0;
}

static int in_force(const jz_case *c)
{
	return !strcmp(c->state, "在保") || !strcmp(c->state, "渐退");
}

/* Paid this month: in force, started, not ended. */
static int paid_in(const jz_case *c, const char *month)
{
	return (!strcmp(c->state, "在保") || !strcmp(c->state, "渐退") || !strcmp(c->state, "退出")) &&
	       *c->start_month && strcmp(c->start_month, month) <= 0 &&
	       (!*c->end_month || strcmp(month, c->end_month) <= 0);
}

static int read_members(jz_desk *d, struct casev *v, jz_err *e)
{
	jz_rowid ids[MAX_MEMBERS];
	int n = jz_store_case_members(d->s.db, v->id, ids, MAX_MEMBERS, e);
	if (n < 0 || (v->nm = jz_store_members(d->s.db, v->c.household_id, v->m, MAX_MEMBERS, e)) < 0)
		return -1;
	if (v->nm > MAX_MEMBERS)
		v->nm = MAX_MEMBERS;
	for (int i = 0; i < v->nm; i++) {
		v->covered[i] = 0;
		for (int k = 0; k < n && k < MAX_MEMBERS; k++)
			v->covered[i] |= ids[k] == v->m[i].id;
	}
	return 0;
}

static void load(jz_desk *d, struct casev *v)
{
	jz_err e = {0};
	jz_village vil = {0};
	v->ok = 0;
	v->nm = v->ninc = v->nexp = 0;
	v->has_amount = v->calc_ok = 0;
	v->next = v->role = NULL;
	jz_month_of(d->today, v->month);
	memset(&v->head, 0, sizeof v->head);
	if (jz_case_get(d->s.db, v->id, &v->c, &e)) {
		jz_desk_report(d, &e);
		return;
	}
	v->ok = 1;
	v->next = jz_case_next_step(&v->c, 0, &v->role);
	if (jz_store_household_get(d->s.db, v->c.household_id, &v->h, &e) < 0 ||
	    jz_store_household_head(d->s.db, v->c.household_id, &v->head, &e) < 0 ||
	    jz_store_village_get(d->s.db, v->h.village_id, &vil, &e) < 0 || read_members(d, v, &e) ||
	    jz_store_incomes(d->s.db, v->id, add_income, v, &e) ||
	    jz_store_expenses(d->s.db, v->id, add_expense, v, &e) ||
	    jz_setting_int(d->s.db, "case.democratic_review", "*", d->today, &v->democratic, &e) ||
	    jz_setting_int(d->s.db, "case.county_approves", "*", d->today, &v->county, &e)) {
		jz_desk_report(d, &e);
		return;
	}
	snprintf(v->village, sizeof v->village, "%s", vil.name);
	v->next = jz_case_next_step(&v->c, (int)v->democratic, &v->role);
	/* this month's amount; approved but not paid yet: the first month's */
	int future = in_force(&v->c) && strcmp(v->c.start_month, v->month) > 0;
	if (paid_in(&v->c, v->month) || future) {
		memcpy(v->amount_month, future ? v->c.start_month : v->month, sizeof v->amount_month);
		int r = jz_store_amount_in(d->s.db, v->id, v->amount_month, &v->amount, &e);
		if (r < 0)
			jz_desk_report(d, &e);
		v->has_amount = r > 0;
	}
	jz_err ce = {0};
	v->calc_ok = jz_case_calc(d->s.db, &v->c, v->month, v->cm, &ce) == 0;
	snprintf(v->calc_err, sizeof v->calc_err, "%s", ce.msg);
	if (v->sel >= v->nm)
		v->sel = v->nm ? v->nm - 1 : 0;
}

/* ---- drawing ---- */

/* The dates of the case as parts, flowed over rows y and y+1. */
static void draw_dates(const jz_case *c, int y, int w)
{
	char part[10][300];
	int n = 0, x = 0, row = 0;
	if (!*c->investigated_on && !strcmp(c->state, "受理"))
		snprintf(part[n++], sizeof part[0], "调查期限 %s", c->investigate_due);
	if (*c->investigated_on)
		snprintf(part[n++], sizeof part[0], "调查 %s %s", c->investigated_on, c->investigators);
	if (*c->notice_from)
		snprintf(part[n++], sizeof part[0], "公示 %s 至 %s", c->notice_from, c->notice_to);
	if (*c->approved_on)
		snprintf(part[n++], sizeof part[0], "审批 %s %s", c->approved_on, c->approved_by);
	if (*c->review_due && in_force(c))
		snprintf(part[n++], sizeof part[0], "复核到期 %s", c->review_due);
	if (*c->grace_until)
		snprintf(part[n++], sizeof part[0], "渐退到 %s", c->grace_until);
	if (*c->exit_on)
		snprintf(part[n++], sizeof part[0], "退出 %s %s，发放到 %s", c->exit_on, c->exit_reason,
			 c->end_month);
	if (*c->refused_reason)
		snprintf(part[n++], sizeof part[0], "不予：%s", c->refused_reason);
	if (*c->province_on && !c->province_pending)
		snprintf(part[n++], sizeof part[0], "省系统 %s 已录入", c->province_on);
	if (*c->county_doc)
		snprintf(part[n++], sizeof part[0], "县审批 %s %s", c->county_doc, c->county_date);
	for (int i = 0; i < n; i++) { /* a part that does not fit the second row is left out */
		int pw = jz_str_width(part[i]);
		if (x && x + 2 + pw > w) {
			if (row)
				continue;
			row = 1, x = 0;
		}
		if (x)
			x += 2;
		x += jz_draw_text(stdscr, y + row, 2 + x, part[i], w - x, 0);
	}
}

static void draw_head(jz_desk *d, struct casev *v, int w)
{
	const jz_case *c = &v->c;
	char line[900], a[32];
	snprintf(line, sizeof line, "案件 %s   %s（%s%s%s）   状态：%s", c->number, c->programme, c->mode,
		 *c->self_care ? "，" : "", c->self_care, c->state);
	attron(A_BOLD);
	int x = jz_draw_text(stdscr, 1, 2, line, w, 0);
	attroff(A_BOLD);
	if (c->province_pending && x + 16 < w) {
		attron(jz_attr(d, JZ_PAIR_WARN));
		jz_draw_right(stdscr, 1, 2 + x, "省系统未录入", w - x);
		attroff(jz_attr(d, JZ_PAIR_WARN));
	}
	snprintf(line, sizeof line, "家庭 %s  户主 %s  %s %s  %s   受理 %s %s", v->h.number, v->head.name,
		 v->village, v->h.grp, c->area, c->accepted_on, c->accepted_by);
	jz_draw_text(stdscr, 2, 2, line, w, 0);
	draw_dates(c, 3, w);
	/* what the case waits for, and the amount */
	if (v->next && strcmp(v->next, "复核"))
		snprintf(line, sizeof line, "下一步：%s，由「%s」办理%s", v->next, v->role,
			 jz_session_has_role(&d->s, v->role) ? "" : "（您没有这个角色）");
	else if (v->next)
		snprintf(line, sizeof line, "保障中：到期复核由「%s」办理", v->role);
	else
		snprintf(line, sizeof line, "已结束，没有下一步");
	attron(A_BOLD);
	int used = jz_draw_text(stdscr, 5, 2, line, w, 0);
	attroff(A_BOLD);
	if (v->has_amount) {
		jz_means_money(v->amount.total_fen, a, sizeof a);
		if (strcmp(v->amount_month, v->month))
			snprintf(line, sizeof line, "%s 起每月 %s 元", v->amount_month, a);
		else
			snprintf(line, sizeof line, "%s 月金额 %s 元", v->month, a);
	} else
		snprintf(line, sizeof line, "%s 月未发放", v->month);
	if (used + 4 + jz_str_width(line) <= w)
		jz_draw_right(stdscr, 5, 2 + used, line, w - used);
}

static void incomes_text(const struct casev *v, jz_rowid pid, char *buf, size_t n)
{
	buf[0] = '\0';
	for (int i = 0; i < v->ninc; i++) {
		if (v->inc[i].person_id != pid)
			continue;
		char a[32];
		size_t len = strlen(buf);
		jz_means_money(v->inc[i].fen, a, sizeof a);
		snprintf(buf + len, n - len, "%s%s %s", len ? "；" : "", v->inc[i].kind, a);
	}
	if (!*buf)
		snprintf(buf, n, "未录入收入");
}

static void draw_members(jz_desk *d, struct casev *v, int y, int rows, int w)
{
	char line[600], inc[400], age[16];
	attron(A_BOLD);
	jz_draw_text(stdscr, y, 2, "家庭成员（保 = 保障对象）         收入（元/月）", w, 0);
	attroff(A_BOLD);
	if (v->sel < v->mscroll)
		v->mscroll = v->sel;
	if (v->sel >= v->mscroll + rows)
		v->mscroll = v->sel - rows + 1;
	for (int i = 0; i < rows && v->mscroll + i < v->nm; i++) {
		int k = v->mscroll + i;
		const jz_person *p = &v->m[k];
		if (*p->deceased_on)
			snprintf(age, sizeof age, "已故");
		else
			snprintf(age, sizeof age, "%d岁", jz_age_on(p->birth, d->today));
		incomes_text(v, p->id, inc, sizeof inc);
		int a = k == v->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, y + 1 + i, 2, k == v->sel ? ">" : " ", 2, 1);
		jz_draw_text(stdscr, y + 1 + i, 4, v->covered[k] ? "保" : "", 3, 1);
		snprintf(line, sizeof line, "%s", p->name);
		jz_draw_text(stdscr, y + 1 + i, 7, line, 10, 1);
		snprintf(line, sizeof line, "%s %s", p->sex == 'M' ? "男" : "女", age);
		jz_draw_text(stdscr, y + 1 + i, 17, line, 10, 1);
		jz_draw_text(stdscr, y + 1 + i, 27, p->relation, 8, 1);
		jz_draw_text(stdscr, y + 1 + i, 35, inc, w - 33, 1);
		attroff(a);
	}
}

/* The working's lines wrapped to cols (continuations indented by 2). */
struct seg {
	const char *s;
	size_t len;
	int indent;
};
#define MAX_SEGS (JZ_MEANS_MAX_LINES * 4)

/* Moves a cut at byte b of p back so it does not split a number or a
 * Latin word (to after a space or a hanzi), unless that leaves less than
 * half the row. */
static size_t word_end(const char *p, size_t b)
{
	size_t k = b;
	if (!p[b] || (unsigned char)p[b] >= 0x80 || p[b] == ' ' || (unsigned char)p[b - 1] >= 0x80 ||
	    p[b - 1] == ' ')
		return b;
	while (k > 0 && (unsigned char)p[k - 1] < 0x80 && p[k - 1] != ' ')
		k--;
	return k > b / 2 ? k : b;
}

static int wrap_working(const struct jz_means_result *r, int cols, struct seg *out)
{
	int n = 0;
	for (int i = 0; i < r->nlines && n < MAX_SEGS; i++) {
		const char *p = r->lines[i].text;
		int first = 1;
		do {
			size_t b = jz_str_fit(p, first ? cols : cols - 2, NULL);
			if (!b && *p)
				b = strlen(p); /* cannot happen with cols >= 2: drawn clipped */
			b = word_end(p, b);
			out[n++] = (struct seg){p, b, first ? 0 : 2};
			p += b;
			first = 0;
		} while (*p && n < MAX_SEGS);
	}
	return n;
}

static void draw_working(jz_desk *d, struct casev *v, int y, int rows, int w)
{
	char line[300], a[32];
	struct seg seg[MAX_SEGS];
	int n = v->calc_ok ? wrap_working(&v->cm->r, w - 2, seg) : 0;
	if (v->wscroll > n - rows)
		v->wscroll = n - rows > 0 ? n - rows : 0;
	snprintf(line, sizeof line, "%s 月核算%s", v->month,
		 n > rows ? "（PgUp/PgDn 翻看）" : "");
	if (v->nexp) {
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "   刚性支出：");
		for (int i = 0; i < v->nexp; i++) {
			len = strlen(line);
			jz_means_money(v->exp[i].fen, a, sizeof a);
			snprintf(line + len, sizeof line - len, "%s%s %s", i ? "；" : "", v->exp[i].kind, a);
		}
	}
	attron(A_BOLD);
	jz_draw_text(stdscr, y, 2, line, w, 0);
	attroff(A_BOLD);
	if (!v->calc_ok) {
		attron(jz_attr(d, JZ_PAIR_WARN));
		jz_draw_text(stdscr, y + 1, 4, v->calc_err[0] ? v->calc_err : "无法核算", w - 2, 0);
		attroff(jz_attr(d, JZ_PAIR_WARN));
		return;
	}
	for (int i = 0; i < rows && v->wscroll + i < n; i++) {
		const struct seg *g = &seg[v->wscroll + i];
		snprintf(line, sizeof line, "%.*s", (int)g->len, g->s);
		jz_draw_text(stdscr, y + 1 + i, 4 + g->indent, line, w - 2 - g->indent, 0);
	}
}

static void draw(jz_desk *d, void *p)
{
	struct casev *v = p;
	int w = d->cols - 4, last = jz_desk_body_top(d) + jz_desk_body_rows(d) - 1;
	if (!v->ok) {
		jz_draw_text(stdscr, 2, 2, "读不到这个案件（按 Esc 返回）", w, 0);
		return;
	}
	draw_head(d, v, w);
	int mrows = v->nm < MEMBER_ROWS ? v->nm : MEMBER_ROWS;
	draw_members(d, v, 6, mrows, w);
	int y = 6 + mrows + 2;
	draw_working(d, v, y, last - y, w);
}

/* ---- actions ---- */

static int done(jz_desk *d, struct casev *v, int rc, const jz_err *e, const char *what)
{
	if (rc)
		jz_desk_report(d, e);
	load(d, v);
	if (!rc)
		jz_desk_msg(d, 0, "%s：案件 %s 现在是「%s」", what, v->c.number, v->c.state);
	return JZ_KEY_REDRAW;
}

/* s: the next step, passed or refused, as the session's operator. */
static int take_step(jz_desk *d, struct casev *v)
{
	char q[200], note[256] = "", inv[128] = "";
	jz_err e = {0};
	load(d, v); /* another desk may have moved it on */
	if (!v->next) {
		jz_desk_msg(d, 1, "案件 %s 现在是「%s」，已经结束，没有下一步", v->c.number, v->c.state);
		return JZ_KEY_REDRAW;
	}
	if (!strcmp(v->next, "复核")) {
		jz_desk_msg(d, 1, "案件 %s 在保障中：按 v 复核，按 o 退出", v->c.number);
		return JZ_KEY_REDRAW;
	}
	snprintf(q, sizeof q, "%s：y 通过   n 不通过   Esc 取消", v->next);
	int a = jz_desk_ask(d, q, "yn");
	if (!a)
		return JZ_KEY_REDRAW;
	struct jz_step st = {.refuse = a == 'n'};
	if (!st.refuse && !strcmp(v->next, "审批") && v->county) {
		jz_case_form_approve(d, v->id);
		return JZ_KEY_REDRAW;
	}
	if (!st.refuse && !strcmp(v->next, "入户调查")) {
		if (!jz_desk_prompt(d, "调查人：", d->s.op.name, inv, sizeof inv))
			return JZ_KEY_REDRAW;
		st.investigators = inv;
	}
	snprintf(q, sizeof q, "%s", st.refuse ? "不通过的理由：" : !strcmp(v->next, "入户调查") ? "调查情况："
							 : "意见（可不填）：");
	if (!jz_desk_prompt(d, q, "", note, sizeof note))
		return JZ_KEY_REDRAW;
	st.note = note;
	char what[96];
	snprintf(what, sizeof what, "「%s」%s", v->next, st.refuse ? "不通过" : "已办理");
	return done(d, v, jz_case_step(&d->s, v->id, &st, &e), &e, what);
}

static int may_edit(jz_desk *d, struct casev *v, const char *what)
{
	if (open_state(&v->c) || in_force(&v->c))
		return 1;
	jz_desk_msg(d, 1, "案件 %s 现在是「%s」，不能再%s", v->c.number, v->c.state, what);
	return 0;
}

/* x: a rigid expense of the household, by kind. */
static int expense(jz_desk *d, struct casev *v)
{
	static const char *const kinds[] = {"医疗", "教育", "必要就业成本"};
	char q[160], init[32] = "", buf[64];
	long long fen;
	jz_err e = {0};
	if (!may_edit(d, v, "录入支出"))
		return JZ_KEY_REDRAW;
	int a = jz_desk_ask(d, "刚性支出：1 医疗   2 教育   3 必要就业成本   Esc 取消", "123");
	if (!a)
		return JZ_KEY_REDRAW;
	const char *kind = kinds[a - '1'];
	for (int i = 0; i < v->nexp; i++)
		if (!strcmp(v->exp[i].kind, kind))
			jz_money_format(v->exp[i].fen, init, sizeof init);
	snprintf(q, sizeof q, "每月%s支出（元）：", kind);
	if (!jz_desk_prompt(d, q, init, buf, sizeof buf))
		return JZ_KEY_REDRAW;
	if (jz_money_parse(buf, &fen, &e)) {
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	int rc = jz_case_set_expense(&d->s, v->id, kind, fen, &e);
	if (rc)
		return done(d, v, rc, &e, "");
	load(d, v);
	jz_money_format(fen, init, sizeof init);
	jz_desk_msg(d, 0, "已记录刚性支出：%s %s 元/月", kind, init);
	return JZ_KEY_REDRAW;
}

/* c: 特困's self-care level, which the care money follows. */
static int self_care(jz_desk *d, struct casev *v)
{
	static const char *const levels[] = {"全自理", "半自理", "全护理"};
	jz_err e = {0};
	if (strcmp(v->c.programme, "特困")) {
		jz_desk_msg(d, 1, "只有特困供养要评估自理能力");
		return JZ_KEY_REDRAW;
	}
	if (!may_edit(d, v, "修改自理能力"))
		return JZ_KEY_REDRAW;
	int a = jz_desk_ask(d, "自理能力：1 全自理   2 半自理   3 全护理   Esc 取消", "123");
	if (!a)
		return JZ_KEY_REDRAW;
	int rc = jz_case_set_self_care(&d->s, v->id, levels[a - '1'], &e);
	if (rc)
		return done(d, v, rc, &e, "");
	load(d, v);
	jz_desk_msg(d, 0, "自理能力已记为「%s」", levels[a - '1']);
	return JZ_KEY_REDRAW;
}

/* o: an exit at once (death, moving away, fraud...), effective on a date. */
static int exit_now(jz_desk *d, struct casev *v)
{
	char q[400] = "退出原因：", date[32], note[256], reasons[9][JZ_REASON_MAX];
	char keys[10] = "";
	jz_err e = {0};
	if (!in_force(&v->c)) {
		jz_desk_msg(d, 1, "案件 %s 现在是「%s」，不在保障中，不用退出", v->c.number, v->c.state);
		return JZ_KEY_REDRAW;
	}
	int n = jz_case_reasons(d->s.db, 1, reasons, 9, &e); /* the coded list is a setting */
	if (n <= 0)
		return done(d, v, -1, &e, "");
	for (int i = 0; i < n; i++) {
		size_t len = strlen(q);
		snprintf(q + len, sizeof q - len, "%d %s  ", i + 1, reasons[i]);
		keys[i] = (char)('1' + i);
	}
	int a = jz_desk_ask(d, q, keys);
	if (!a)
		return JZ_KEY_REDRAW;
	const char *reason = reasons[a - '1'];
	snprintf(q, sizeof q, "退出（%s）生效日期：", reason);
	if (!jz_desk_prompt(d, q, d->today, date, sizeof date) ||
	    !jz_desk_prompt(d, "说明（可不填）：", "", note, sizeof note))
		return JZ_KEY_REDRAW;
	return done(d, v, jz_case_exit(&d->s, v->id, reason, date, note, &e), &e, "已退出");
}

static int province(jz_desk *d, struct casev *v)
{
	jz_err e = {0};
	if (!v->c.province_pending) {
		jz_desk_msg(d, 0, "案件 %s 没有需要录入省系统的变动", v->c.number);
		return JZ_KEY_REDRAW;
	}
	if (jz_desk_ask(d, "本案件的变动已经录入省救助信息系统了吗？y 已录入   Esc 还没有", "y") != 'y')
		return JZ_KEY_REDRAW;
	return done(d, v, jz_case_province_done(&d->s, v->id, &e), &e, "已记录录入省系统");
}

static int letter(jz_desk *d, struct casev *v, unsigned ch)
{
	switch (ch) {
	case 's': return take_step(d, v);
	case 'i':
		if (may_edit(d, v, "录入收入"))
			jz_case_form_income(d, v->id, v->m, v->nm, v->sel);
		return JZ_KEY_REDRAW;
	case 'x': return expense(d, v);
	case 'c': return self_care(d, v);
	case 'v':
		if (in_force(&v->c))
			jz_case_form_review(d, v->id);
		else
			jz_desk_msg(d, 1, "案件 %s 现在是「%s」，不在保障中，不用复核", v->c.number, v->c.state);
		return JZ_KEY_REDRAW;
	case 'o': return exit_now(d, v);
	case 'p': return province(d, v);
	case 'h':
		jz_push_card(d, v->c.household_id);
		return JZ_KEY_REDRAW;
	case 'l': {
		char title[96];
		snprintf(title, sizeof title, "案件 %s", v->c.number);
		jz_push_history(d, "case", v->id, title);
		return JZ_KEY_REDRAW;
	}
	}
	return JZ_KEY_IGNORED;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct casev *v = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	if (!v->ok)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		int page = jz_desk_body_rows(d) / 2;
		switch (k->code) {
		case KEY_UP:
			if (v->sel > 0)
				v->sel--;
			return JZ_KEY_REDRAW;
		case KEY_DOWN:
			if (v->sel + 1 < v->nm)
				v->sel++;
			return JZ_KEY_REDRAW;
		case KEY_NPAGE:
			v->wscroll += page; /* draw clamps it */
			return JZ_KEY_REDRAW;
		case KEY_PPAGE:
			v->wscroll = v->wscroll > page ? v->wscroll - page : 0;
			return JZ_KEY_REDRAW;
		}
		return JZ_KEY_IGNORED;
	}
	return letter(d, v, k->code);
}

/* Only the keys that apply to the case as it stands. */
static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct casev *v = p;
	int n = 0;
	(void)d, (void)max;
	if (v->ok) {
		if (v->next && strcmp(v->next, "复核"))
			out[n++] = (struct jz_keyitem){"s", "办理"};
		if (open_state(&v->c) || in_force(&v->c)) {
			out[n++] = (struct jz_keyitem){"i", "收入"};
			out[n++] = (struct jz_keyitem){"x", "支出"};
			if (!strcmp(v->c.programme, "特困"))
				out[n++] = (struct jz_keyitem){"c", "自理"};
		}
		if (in_force(&v->c)) {
			out[n++] = (struct jz_keyitem){"v", "复核"};
			out[n++] = (struct jz_keyitem){"o", "退出"};
		}
		if (v->c.province_pending)
			out[n++] = (struct jz_keyitem){"p", "已录省"};
		out[n++] = (struct jz_keyitem){"h", "家庭"};
		out[n++] = (struct jz_keyitem){"l", "记录"};
	}
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

static void free_case(void *p)
{
	struct casev *v = p;
	free(v->cm);
	free(v);
}

void jz_push_case(jz_desk *d, jz_rowid case_id)
{
	struct casev *v = calloc(1, sizeof *v);
	if (!v)
		return;
	v->cm = calloc(1, sizeof *v->cm);
	if (!v->cm) {
		free(v);
		return;
	}
	v->id = case_id;
	load(d, v);
	for (int i = 0; i < v->nm; i++) /* the first covered member */
		if (v->covered[i]) {
			v->sel = i;
			break;
		}
	jz_screen s = {.title = "案件", .st = v, .draw = draw, .key = key, .free = free_case,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
