/* screen_card.c — the household card: the household's facts and flags, its
 * members with derived sex and age, its cases with this month's amount
 * (Enter opens one; n accepts a new application: programme, mode, the
 * covered member of a person programme, 特困's self-care), its lines in the
 * recent payment rolls, and its events (who, when, why). Members and the
 * household are edited through forms; adding, moving and removing members
 * and opening a case go through the core, which holds the invariants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "core/clock.h"
#include "core/fields.h"
#include "core/household.h"
#include "core/means.h"
#include "store/case_store.h"
#include "store/event.h"
#include "store/roll_store.h"
#include "store/people.h"
#include "store/township_store.h"
#include "ui/form_screen.h"

#define MAX_MEMBERS 64
#define MAX_EVENTS 200
#define MAX_CASES 64
#define MAX_PAYS 200
#define PAY_MONTHS 24 /* the most recent rolls read for the payments pane */

enum pane { P_MEMBERS, P_CASES, P_PAYMENTS, P_EVENTS, NPANES };
static const char *const pane_names[] = {"1 成员", "2 案件", "3 发放", "4 记录"};

struct ev_line {
	char text[1024];
};

struct case_line {
	jz_case c;
	char amount[48]; /* this month's, or why none */
};

struct pay_line {
	char text[512];
};

struct card {
	jz_rowid hid;
	jz_household h;
	jz_village v;
	jz_person m[MAX_MEMBERS];
	int nm;
	struct ev_line ev[MAX_EVENTS];
	int nev;
	struct case_line cs[MAX_CASES];
	int ncs, csel;
	struct pay_line pay[MAX_PAYS];
	int npay;
	int pane, sel, scroll;
};

static const char *action_label(const char *a)
{
	static const char *const map[][2] = {
		{"household.add", "建档"}, {"household.update", "修改家庭"}, {"household.head", "变更户主"},
		{"household.close", "注销家庭"}, {"person.add", "新增成员"}, {"person.update", "修改成员"},
		{"person.remove", "移出成员"}, {"person.move_out", "迁出"}, {"person.move_in", "迁入"},
		{"person.died", "登记死亡"}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(a, map[i][0]))
			return map[i][1];
	return a;
}

/* "字段=值\n..." -> "字段 值，..." on one line. */
static void flatten(const char *kv, char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (const char *p = kv; p && *p && len + 4 < n; p++) {
		if (*p == '\n') {
			if (p[1] && len + 3 < n) {
				memcpy(out + len, "，", 3);
				len += 3;
			}
		} else
			out[len++] = *p == '=' ? ' ' : *p;
	}
	out[len] = '\0';
}

static int collect_event(const jz_event *ev, void *arg)
{
	struct card *c = arg;
	char oldv[200], newv[200];
	if (c->nev >= MAX_EVENTS)
		return 1;
	flatten(ev->old_text, oldv, sizeof oldv);
	flatten(ev->new_text, newv, sizeof newv);
	snprintf(c->ev[c->nev++].text, sizeof c->ev[0].text, "%.10s %.5s %-8s %s：%s%s%s%s%s",
		 ev->at, ev->at + 11, ev->operator_, action_label(ev->action), oldv, *oldv ? " 改为 " : "", newv,
		 ev->reason && *ev->reason ? "；原因：" : "", ev->reason ? ev->reason : "");
	return 0;
}

static int collect_case(const jz_case *cs, void *arg)
{
	struct card *c = arg;
	if (cs->household_id == c->hid && c->ncs < MAX_CASES)
		c->cs[c->ncs++].c = *cs;
	return 0;
}

/* The amount of case cs paid this month, or what stands instead. */
static void case_amount(jz_desk *d, struct case_line *l)
{
	const jz_case *cs = &l->c;
	char month[8], a[32];
	struct jz_case_amount am;
	jz_err e = {0};
	jz_month_of(d->today, month);
	if (!strcmp(cs->state, "不予"))
		snprintf(l->amount, sizeof l->amount, "无");
	else if (!*cs->start_month)
		snprintf(l->amount, sizeof l->amount, "未审批");
	else if (strcmp(cs->start_month, month) > 0)
		snprintf(l->amount, sizeof l->amount, "%s 起发放", cs->start_month);
	else if (*cs->end_month && strcmp(cs->end_month, month) < 0)
		snprintf(l->amount, sizeof l->amount, "已停发（%s 止）", cs->end_month);
	else if (jz_store_amount_in(d->s.db, cs->id, month, &am, &e) > 0) {
		jz_means_money(am.total_fen, a, sizeof a);
		snprintf(l->amount, sizeof l->amount, "本月 %s 元", a);
	} else
		snprintf(l->amount, sizeof l->amount, "本月无金额");
}

static void load_cases(jz_desk *d, struct card *c)
{
	jz_err e = {0};
	c->ncs = 0;
	if (jz_store_cases(d->s.db, "", collect_case, c, &e))
		jz_desk_report(d, &e);
	for (int i = 0; i < c->ncs; i++) /* after the walk */
		case_amount(d, &c->cs[i]);
	if (c->csel >= c->ncs)
		c->csel = c->ncs ? c->ncs - 1 : 0;
}

/* ---- payments: this household's lines in the recent rolls ---- */

struct roll_months {
	char month[PAY_MONTHS][8];
	int locked[PAY_MONTHS];
	int n;
};

static int collect_roll(const struct jz_roll_info *r, void *arg)
{
	struct roll_months *m = arg;
	if (m->n == PAY_MONTHS) { /* by month: keep the latest */
		memmove(m->month[0], m->month[1], sizeof m->month[0] * (PAY_MONTHS - 1));
		memmove(&m->locked[0], &m->locked[1], sizeof m->locked[0] * (PAY_MONTHS - 1));
		m->n--;
	}
	snprintf(m->month[m->n], sizeof m->month[0], "%s", r->month);
	m->locked[m->n++] = r->locked_at[0] != '\0';
	return 0;
}

struct pay_walk {
	struct card *c;
	int locked;
};

static int collect_pay(const struct jz_roll_line *l, void *arg)
{
	struct pay_walk *w = arg;
	struct card *c = w->c;
	char a[32];
	if (l->household_id != c->hid || c->npay >= MAX_PAYS)
		return 0;
	jz_means_money(l->amount_fen, a, sizeof a);
	snprintf(c->pay[c->npay++].text, sizeof c->pay[0].text, "%s|%s|%s|%s|%s|%s%s%s%s", l->month,
		 l->programme, l->kind, a, l->name, *l->note || !strcmp(l->for_month, l->month) ? "" : "为 ",
		 *l->note || !strcmp(l->for_month, l->month) ? "" : l->for_month, l->note,
		 w->locked ? "" : "（草稿，未锁定）");
	return 0;
}

static void load_pays(jz_desk *d, struct card *c)
{
	struct roll_months m = {.n = 0};
	jz_err e = {0};
	c->npay = 0;
	if (jz_store_rolls(d->s.db, collect_roll, &m, &e)) {
		jz_desk_report(d, &e);
		return;
	}
	for (int i = m.n - 1; i >= 0; i--) { /* newest first */
		struct pay_walk w = {c, m.locked[i]};
		if (jz_store_roll_lines(d->s.db, m.month[i], collect_pay, &w, &e)) {
			jz_desk_report(d, &e);
			return;
		}
	}
}

static void load(jz_desk *d, struct card *c)
{
	jz_err e = {0};
	load_cases(d, c);
	load_pays(d, c);
	c->nev = 0;
	if (jz_store_household_get(d->s.db, c->hid, &c->h, &e) <= 0 ||
	    jz_store_village_get(d->s.db, c->h.village_id, &c->v, &e) < 0 ||
	    (c->nm = jz_store_members(d->s.db, c->hid, c->m, MAX_MEMBERS, &e)) < 0 ||
	    jz_event_each_household(d->s.db, c->hid, MAX_EVENTS, collect_event, c, &e)) {
		c->nm = c->nm < 0 ? 0 : c->nm;
		jz_desk_report(d, &e);
	}
	if (c->nm > MAX_MEMBERS)
		c->nm = MAX_MEMBERS;
	if (c->sel >= c->nm)
		c->sel = c->nm ? c->nm - 1 : 0;
}

static void flags_text(const jz_household *h, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s%s%s%s%s", h->jiandang ? "建档立卡" : "", *h->tuopin ? "（" : "",
		 h->tuopin, *h->tuopin ? "）" : "", h->monitored ? " 脱贫监测户" : "",
		 h->edge ? " 边缘户" : "", h->relocated ? " 易地搬迁" : "");
	if (h->no_labour) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, " 整户无劳动力");
	}
	if (!*buf)
		snprintf(buf, n, "无特殊标记");
}

static void draw_head(jz_desk *d, struct card *c)
{
	char line[400], flags[160];
	snprintf(line, sizeof line, "户编号 %s   %s %s   %s   %s", c->h.number, c->v.name, c->h.grp,
		 c->h.area, *c->h.closed_on ? "（已注销）" : "");
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 0);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "住址：%s   电话：%s", c->h.address, *c->h.phone ? c->h.phone : "无");
	jz_draw_text(stdscr, 2, 2, line, d->cols - 4, 0);
	flags_text(&c->h, flags, sizeof flags);
	snprintf(line, sizeof line, "致贫原因：%s   %s", *c->h.poverty_cause ? c->h.poverty_cause : "无", flags);
	jz_draw_text(stdscr, 3, 2, line, d->cols - 4, 0);
	int x = 2;
	for (int i = 0; i < NPANES; i++) {
		int a = i == c->pane ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		x += jz_draw_text(stdscr, 5, x, pane_names[i], 10, 0) + 2;
		attroff(a);
	}
}

static void member_line(const jz_person *p, const char *today, char *buf, size_t n)
{
	char extra[160] = "";
	if (p->disability_grade)
		snprintf(extra, sizeof extra, "%s%d级 ", p->disability_cat, p->disability_grade);
	size_t len = strlen(extra);
	snprintf(extra + len, sizeof extra - len, "%s%s%s%s%s", p->serious_illness ? "重病 " : "",
		 p->student ? "在校生 " : "", p->employment, *p->deceased_on ? " 已故 " : "", p->deceased_on);
	snprintf(buf, n, "%-s|%s|%s|%d|%s|%s|%s", p->relation, p->name, p->sex == 'M' ? "男" : "女",
		 jz_age_on(p->birth, today), p->id_number, p->labour, extra);
}

static void draw_members(jz_desk *d, struct card *c, int y, int rows)
{
	static const int widths[] = {8, 10, 3, 4, 19, 11, 0};
	jz_draw_text(stdscr, y, 2, "  关系    姓名      性别 年龄 身份证号           劳动能力   情况", d->cols - 4, 0);
	if (c->sel < c->scroll)
		c->scroll = c->sel;
	if (c->sel >= c->scroll + rows - 1)
		c->scroll = c->sel - rows + 2;
	for (int i = 0; i + 1 < rows && c->scroll + i < c->nm; i++) {
		char buf[512], *save = NULL;
		int idx = c->scroll + i, x = 2, col = 0;
		member_line(&c->m[idx], d->today, buf, sizeof buf);
		int a = idx == c->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, y + 1 + i, x, idx == c->sel ? "> " : "  ", 2, 1);
		x += 2;
		for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save), col++) {
			int w = widths[col] ? widths[col] : d->cols - x - 2;
			jz_draw_text(stdscr, y + 1 + i, x, t, w, 1);
			x += w;
		}
		attroff(a);
	}
}

static void draw_cases(jz_desk *d, struct card *c, int y, int rows)
{
	static const int widths[] = {13, 22, 6, 0};
	if (!c->ncs) {
		jz_draw_text(stdscr, y, 2, "本户没有救助案件。按 n 受理新的申请", d->cols - 4, 0);
		return;
	}
	jz_draw_text(stdscr, y, 2, "  编号         项目                  状态  金额", d->cols - 4, 0);
	if (c->csel < c->scroll)
		c->scroll = c->csel;
	if (c->csel >= c->scroll + rows - 1)
		c->scroll = c->csel - rows + 2;
	for (int i = 0; i + 1 < rows && c->scroll + i < c->ncs; i++) {
		const struct case_line *l = &c->cs[c->scroll + i];
		char prog[80];
		snprintf(prog, sizeof prog, "%s（%s）", l->c.programme, l->c.mode);
		const char *cols[] = {l->c.number, prog, l->c.state, l->amount};
		int sel = c->scroll + i == c->csel, x = 4;
		int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, y + 1 + i, 2, sel ? "> " : "  ", 2, 1);
		for (int k = 0; k < 4; k++) {
			int w = widths[k] ? widths[k] : d->cols - x - 2;
			jz_draw_text(stdscr, y + 1 + i, x, cols[k], w, 1);
			x += w;
		}
		attroff(a);
	}
}

static void draw_pays(jz_desk *d, struct card *c, int y, int rows)
{
	static const int widths[] = {9, 10, 6, 12, 10, 0};
	if (!c->npay) {
		jz_draw_text(stdscr, y, 2, "本户没有发放记录（发放花名册里没有本户的行）", d->cols - 4, 0);
		return;
	}
	jz_draw_text(stdscr, y, 2, "花名册   项目      类别          金额  领取人    说明", d->cols - 4, 0);
	if (c->scroll > c->npay - (rows - 1))
		c->scroll = c->npay - (rows - 1) > 0 ? c->npay - (rows - 1) : 0;
	for (int i = 0; i + 1 < rows && c->scroll + i < c->npay; i++) {
		char buf[512], *save = NULL;
		int x = 2, col = 0;
		snprintf(buf, sizeof buf, "%s", c->pay[c->scroll + i].text);
		for (char *t = strtok_r(buf, "|", &save); t && col < 6; t = strtok_r(NULL, "|", &save), col++) {
			int w = widths[col] ? widths[col] : d->cols - x - 2;
			if (col == 3)
				jz_draw_right(stdscr, y + 1 + i, x, t, w - 2);
			else
				jz_draw_text(stdscr, y + 1 + i, x, t, w, 1);
			x += w;
		}
	}
}

static void draw(jz_desk *d, void *p)
{
	struct card *c = p;
	int y = 6, rows = d->rows - 2 - y;
	draw_head(d, c);
	switch (c->pane) {
	case P_MEMBERS:
		draw_members(d, c, y, rows);
		break;
	case P_CASES:
		draw_cases(d, c, y, rows);
		break;
	case P_PAYMENTS:
		draw_pays(d, c, y, rows);
		break;
	default:
		if (!c->nev)
			jz_draw_text(stdscr, y, 2, "没有操作记录", d->cols - 4, 0);
		for (int i = 0; i < rows && c->scroll + i < c->nev; i++)
			jz_draw_text(stdscr, y + i, 2, c->ev[c->scroll + i].text, d->cols - 4, 0);
	}
}

/* ---- editing through forms and the core ---- */

static int person_get(const void *r, const char *k, char *b, size_t n) { return jz_person_get_field(r, k, b, n); }
static int person_set(void *r, const char *k, const char *v, jz_err *e) { return jz_person_set_field(r, k, v, e); }
static int hh_get(const void *r, const char *k, char *b, size_t n) { return jz_household_get_field(r, k, b, n); }
static int hh_set(void *r, const char *k, const char *v, jz_err *e) { return jz_household_set_field(r, k, v, e); }

static int person_check(jz_desk *d, void *r, jz_err *e)
{
	jz_person copy = *(jz_person *)r;
	return jz_person_validate(&copy, d->today, e);
}

static int hh_check(jz_desk *d, void *r, jz_err *e)
{
	jz_household copy = *(jz_household *)r;
	return jz_household_validate(d->s.db, &copy, e);
}

static int person_save(jz_desk *d, void *r, const char *why, jz_err *e)
{
	jz_person *p = r;
	return p->id ? jz_person_update(&d->s, p, why, e) : jz_member_add(&d->s, p->household_id, p, why, e);
}

static int hh_save(jz_desk *d, void *r, const char *why, jz_err *e)
{
	return jz_household_update(&d->s, r, why, e);
}

static void edit_member(jz_desk *d, struct card *c, int add)
{
	jz_person *p = calloc(1, sizeof *p);
	if (!p)
		return;
	if (add) {
		p->household_id = c->hid;
		snprintf(p->relation, sizeof p->relation, "子");
	} else
		*p = c->m[c->sel];
	struct jz_form_ops ops = {.rec = p, .get = person_get, .set = person_set, .check = person_check,
				  .save = person_save, .free = free,
				  .why_default = add ? "新增家庭成员" : "核对更正"};
	jz_push_form(d, "person", add ? "添加成员" : "修改成员", &ops);
}

static void edit_household(jz_desk *d, struct card *c)
{
	jz_household *h = malloc(sizeof *h);
	if (!h)
		return;
	*h = c->h;
	struct jz_form_ops ops = {.rec = h, .get = hh_get, .set = hh_set, .check = hh_check,
				  .save = hh_save, .free = free, .why_default = "核对更正"};
	jz_push_form(d, "household", "修改家庭", &ops);
}

static int after(jz_desk *d, struct card *c, int rc, const jz_err *e, const char *done)
{
	if (rc)
		jz_desk_report(d, e);
	else
		jz_desk_msg(d, 0, "%s", done);
	load(d, c);
	return JZ_KEY_REDRAW;
}

static int remove_member(jz_desk *d, struct card *c)
{
	char why[256], q[200];
	jz_err e = {0};
	snprintf(q, sizeof q, "把「%s」移出本户，原因：", c->m[c->sel].name);
	if (!jz_desk_prompt(d, q, "", why, sizeof why))
		return JZ_KEY_REDRAW;
	return after(d, c, jz_member_remove(&d->s, c->m[c->sel].id, why, &e), &e, "已移出");
}

static int move_member(jz_desk *d, struct card *c)
{
	char number[64], rel[64], why[256];
	jz_household to;
	jz_err e = {0};
	if (!jz_desk_prompt(d, "迁入哪一户（户编号）：", "", number, sizeof number))
		return JZ_KEY_REDRAW;
	int r = jz_store_household_by_number(d->s.db, number, &to, &e);
	if (r <= 0) {
		if (r == 0)
			jz_fail(&e, JZ_EUSER, "没有户编号为「%s」的家庭", number);
		return after(d, c, -1, &e, "");
	}
	if (!jz_desk_prompt(d, "在新户中与户主的关系：", "其他", rel, sizeof rel) ||
	    !jz_desk_prompt(d, "迁移原因：", "", why, sizeof why))
		return JZ_KEY_REDRAW;
	return after(d, c, jz_member_move(&d->s, c->m[c->sel].id, to.id, rel, why, &e), &e, "已迁移");
}

static int make_head(jz_desk *d, struct card *c)
{
	char rel[64], why[256];
	jz_err e = {0};
	if (!strcmp(c->m[c->sel].relation, "户主")) {
		jz_desk_msg(d, 1, "「%s」已经是户主；请先用上下键选中要当户主的成员", c->m[c->sel].name);
		return JZ_KEY_REDRAW;
	}
	if (!jz_desk_prompt(d, "原户主改为什么关系：", "配偶", rel, sizeof rel) ||
	    !jz_desk_prompt(d, "变更户主原因：", "", why, sizeof why))
		return JZ_KEY_REDRAW;
	return after(d, c, jz_head_change(&d->s, c->m[c->sel].id, rel, why, &e), &e, "已变更户主");
}

static int member_key(jz_desk *d, struct card *c, unsigned ch)
{
	if (ch == 'a') {
		edit_member(d, c, 1);
		return JZ_KEY_REDRAW;
	}
	if (!c->nm)
		return JZ_KEY_IGNORED;
	switch (ch) {
	case '\n':
	case '\r':
		edit_member(d, c, 0);
		return JZ_KEY_REDRAW;
	case 'r': return remove_member(d, c);
	case 't': return move_member(d, c);
	case 'h': return make_head(d, c);
	}
	return JZ_KEY_IGNORED;
}

/* ---- cases: open one, or accept a new application ---- */

/* The modes offered per programme, the usual one first (the core checks
 * them: jz_case_new). */
static const struct {
	const char *programme, *modes[4];
} programmes[] = {
	{"低保", {"整户保障", "单人保", NULL}},
	{"特困", {"分散供养", "集中供养", NULL}},
	{"孤儿", {"社会散居", "集中养育", "事实无人抚养", NULL}},
	{"残疾补贴", {"护理补贴", "生活补贴", NULL}},
};

/* Asks for one of list (at most 9, NULL-terminated) by its number;
 * returns its index, or -1 on Esc. */
static int ask_list(jz_desk *d, const char *title, const char *const *list)
{
	char q[400], keys[10] = "";
	int n = 0;
	snprintf(q, sizeof q, "%s：", title);
	for (; list[n] && n < 9; n++) {
		size_t len = strlen(q);
		snprintf(q + len, sizeof q - len, "%d %s  ", n + 1, list[n]);
		keys[n] = (char)('1' + n);
	}
	size_t len = strlen(q);
	snprintf(q + len, sizeof q - len, "Esc 取消");
	int a = jz_desk_ask(d, q, keys);
	return a ? a - '1' : -1;
}

/* The covered member of a person programme: by number among the living
 * members, or, in a household of more than 9, the one selected on pane 1. */
static int ask_member(jz_desk *d, struct card *c, jz_rowid *id)
{
	const char *names[10];
	int idx[10], n = 0, living = 0;
	for (int i = 0; i < c->nm; i++) {
		if (*c->m[i].deceased_on)
			continue;
		living++;
		if (n < 9) {
			idx[n] = i;
			names[n++] = c->m[i].name;
		}
	}
	names[n] = NULL;
	if (!living) {
		jz_desk_msg(d, 1, "本户没有在世的成员，不能受理申请");
		return -1;
	}
	if (living > 9) {
		char q[200];
		const jz_person *p = &c->m[c->sel];
		snprintf(q, sizeof q, "保障对象：%s（「1 成员」里选中的人）  y 确定  Esc 取消", p->name);
		if (*p->deceased_on || jz_desk_ask(d, q, "y") != 'y')
			return -1;
		*id = p->id;
		return 0;
	}
	int k = ask_list(d, "保障对象", names);
	if (k < 0)
		return -1;
	*id = c->m[idx[k]].id;
	return 0;
}

static int new_case(jz_desk *d, struct card *c)
{
	static const char *const progs[] = {"低保", "特困", "孤儿", "残疾补贴", NULL};
	static const char *const levels[] = {"全自理", "半自理", "全护理", NULL};
	jz_rowid member = 0;
	jz_case cs;
	jz_err e = {0};
	int pi = ask_list(d, "受理新申请，救助项目", progs);
	if (pi < 0)
		return JZ_KEY_REDRAW;
	const char *const *modes = programmes[pi].modes;
	int mi = modes[1] ? ask_list(d, "保障方式", modes) : 0;
	if (mi < 0)
		return JZ_KEY_REDRAW;
	int whole = !strcmp(modes[mi], "整户保障");
	if (!whole && ask_member(d, c, &member))
		return JZ_KEY_REDRAW;
	int li = -1;
	if (!strcmp(progs[pi], "特困") && (li = ask_list(d, "自理能力", levels)) < 0)
		return JZ_KEY_REDRAW;
	if (jz_case_new(&d->s, c->hid, progs[pi], modes[mi], whole ? NULL : &member, whole ? 0 : 1, &cs, &e) ||
	    (li >= 0 && jz_case_set_self_care(&d->s, cs.id, levels[li], &e)))
		return after(d, c, -1, &e, "");
	load(d, c);
	jz_desk_msg(d, 0, "已受理%s申请（%s）%s，下一步：入户调查，期限 %s", cs.programme, cs.mode, cs.number,
		    cs.investigate_due);
	jz_push_case(d, cs.id);
	return JZ_KEY_REDRAW;
}

static int case_key(jz_desk *d, struct card *c, unsigned ch)
{
	if (ch == 'n')
		return new_case(d, c);
	if ((ch == '\n' || ch == '\r') && c->ncs) {
		jz_push_case(d, c->cs[c->csel].c.id);
		return JZ_KEY_REDRAW;
	}
	return JZ_KEY_IGNORED;
}

static int scroll_key(struct card *c, unsigned code)
{
	int n = c->pane == P_MEMBERS ? c->nm : c->pane == P_CASES ? c->ncs : c->pane == P_PAYMENTS ? c->npay : c->nev;
	int *pos = c->pane == P_MEMBERS ? &c->sel : c->pane == P_CASES ? &c->csel : &c->scroll;
	if (code == KEY_UP && *pos > 0)
		(*pos)--;
	else if (code == KEY_DOWN && *pos + 1 < n)
		(*pos)++;
	else
		return JZ_KEY_HANDLED;
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct card *c = p;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key)
		return k->code == KEY_UP || k->code == KEY_DOWN ? scroll_key(c, k->code) : JZ_KEY_IGNORED;
	if (k->code >= '1' && k->code <= '4') {
		c->pane = (int)k->code - '1';
		c->scroll = 0;
		return JZ_KEY_REDRAW;
	}
	if (k->code == '\t') {
		c->pane = (c->pane + 1) % NPANES;
		c->scroll = 0;
		return JZ_KEY_REDRAW;
	}
	if (k->code == 'e') {
		edit_household(d, c);
		return JZ_KEY_REDRAW;
	}
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	if (c->pane == P_CASES)
		return case_key(d, c, k->code);
	return c->pane == P_MEMBERS ? member_key(d, c, k->code) : JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct card *c = p;
	int n = 0;
	(void)d, (void)max;
	if (c->pane == P_MEMBERS) {
		out[n++] = (struct jz_keyitem){"Enter", "改成员"};
		out[n++] = (struct jz_keyitem){"a", "添加"};
		out[n++] = (struct jz_keyitem){"h", "户主"};
		out[n++] = (struct jz_keyitem){"r", "移出"};
		out[n++] = (struct jz_keyitem){"t", "迁户"};
	}
	if (c->pane == P_CASES) {
		if (c->ncs)
			out[n++] = (struct jz_keyitem){"Enter", "打开案件"};
		out[n++] = (struct jz_keyitem){"n", "新申请"};
	}
	out[n++] = (struct jz_keyitem){"e", "改家庭"};
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

void jz_push_card(jz_desk *d, jz_rowid household_id)
{
	struct card *c = calloc(1, sizeof *c);
	if (!c)
		return;
	c->hid = household_id;
	load(d, c);
	jz_screen s = {.title = "家庭卡片", .st = c, .draw = draw, .key = key, .free = free,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
