/* screen_aid.c — 临时救助 at the desk: the list of cases (number, name,
 * kind, cause, state, amount, 先行 and the paperwork's due date), and one
 * case with its facts and payments. Keys:
 *   list:  Enter 打开  n 新申请
 *   case:  s 办理下一步（通过/不通过）  $ or y 发放  b 补充材料  n 新申请
 * Every action is one core call (core/aid.h, which pays out of the reserve
 * fund, core/fund.h); the core enforces the roles, the limits and the
 * fund's balance, and its message is shown as it is. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/aid.h"
#include "core/id.h"
#include "io/form_file.h"
#include "store/aid_store.h"
#include "store/people.h"
#include "ui/desk.h"

#define MAX_PAYMENTS 32

static int is_enter(const jz_key *k)
{
	return !k->is_key && !k->fn && (k->code == '\n' || k->code == '\r');
}

static const char *yuan(long long fen, char buf[32])
{
	jz_aid_yuan(fen, buf, 32);
	return buf;
}

/* The amount of a case: approved when it is, else asked. */
static long long amount_of(const jz_aid *a)
{
	return *a->approved_on ? a->approved_fen : a->asked_fen;
}

/* ---- a new application (n), shared by both screens ---- */

/* Asks for the application on the message line and accepts it; 1 with the
 * new case's id in *id, 0 when cancelled or refused (the message says). */
static int new_application(jz_desk *d, jz_rowid *id)
{
	char idn[64], norm[19], name[96] = "", hukou[128] = "", amount[64], need[512], q[400];
	char causes[9][JZ_AID_CAUSE_MAX], keys[10] = "", cause[JZ_AID_CAUSE_MAX];
	jz_person p = {0};
	jz_err e = {0};
	if (!jz_desk_prompt(d, "临时救助申请人身份证号：", "", idn, sizeof idn))
		return 0;
	if (jz_id_normalize(idn, d->today, 1, norm, NULL, &e)) {
		jz_desk_report(d, &e);
		return 0;
	}
	int found = jz_store_person_by_idno(d->s.db, norm, &p, &e);
	if (found < 0) {
		jz_desk_report(d, &e);
		return 0;
	}
	if (!found) {
		if (!jz_desk_prompt(d, "本乡镇没有此人，非本地户籍人员姓名：", "", name, sizeof name) ||
		    !jz_desk_prompt(d, "户籍地：", "", hukou, sizeof hukou))
			return 0;
	} else
		snprintf(name, sizeof name, "%s", p.name);
	snprintf(q, sizeof q, "%s：1 急难型   2 支出型   Esc 取消", name);
	int k = jz_desk_ask(d, q, "12");
	if (!k)
		return 0;
	const char *kind = jz_aid_kinds[k - '1'];
	int nc = jz_aid_causes(d->s.db, causes, 9, &e);
	if (nc < 0) {
		jz_desk_report(d, &e);
		return 0;
	}
	if (nc > 0 && nc <= 9) {
		snprintf(q, sizeof q, "原因：");
		for (int i = 0; i < nc; i++) {
			size_t len = strlen(q);
			snprintf(q + len, sizeof q - len, "%d %s  ", i + 1, causes[i]);
			keys[i] = (char)('1' + i);
		}
		k = jz_desk_ask(d, q, keys);
		if (!k)
			return 0;
		snprintf(cause, sizeof cause, "%s", causes[k - '1']);
	} else if (!jz_desk_prompt(d, "原因：", "", cause, sizeof cause))
		return 0;
	struct jz_aid_new in = {.kind = kind, .cause = cause, .id_number = norm};
	if (!found)
		in.name = name, in.hukou = hukou;
	if (!jz_desk_prompt(d, "申请金额（元）：", "", amount, sizeof amount))
		return 0;
	if (jz_money_parse(amount, &in.asked_fen, &e)) {
		jz_desk_report(d, &e);
		return 0;
	}
	if (!jz_desk_prompt(d, "困难情况：", "", need, sizeof need))
		return 0;
	in.need = need;
	k = jz_desk_ask(d, "先行救助（当即从备用金发放）？y 是，现金   b 是，银行   n 否   Esc 取消", "ybn");
	if (!k)
		return 0;
	in.advance = k != 'n';
	in.method = k == 'b' ? "银行" : "现金";
	jz_aid a;
	if (jz_aid_new(&d->s, &in, &a, &e)) {
		jz_desk_report(d, &e);
		return 0;
	}
	if (a.advance)
		jz_desk_msg(d, 0, "已受理 %s（%s型，%s），已先行发放 %s 元（%s），补充材料期限 %s", a.number, a.kind,
			    a.cause, yuan(a.approved_fen ? a.approved_fen : a.asked_fen, q), in.method,
			    a.paperwork_due);
	else
		jz_desk_msg(d, 0, "已受理 %s（%s型，%s），申请 %s 元，下一步：入户调查", a.number, a.kind, a.cause,
			    yuan(a.asked_fen, q));
	*id = a.id;
	return 1;
}

/* ======================= one case ======================= */

struct aidv {
	jz_rowid id;
	int ok;
	jz_aid a;
	jz_person p;
	jz_household h;
	struct jz_aid_payment pay[MAX_PAYMENTS];
	int npay;
	long long paid, planned;
	const char *next, *role;
	int county_wait; /* approved above the township limit, no county record */
};

static void load_case(jz_desk *d, struct aidv *v)
{
	jz_err e = {0};
	v->ok = 0;
	v->npay = 0;
	v->paid = v->planned = 0;
	v->next = v->role = NULL;
	memset(&v->p, 0, sizeof v->p);
	memset(&v->h, 0, sizeof v->h);
	if (jz_aid_get(d->s.db, v->id, &v->a, &e)) {
		jz_desk_report(d, &e);
		return;
	}
	v->ok = 1;
	v->next = jz_aid_next_step(&v->a, &v->role);
	v->county_wait = 0;
	if (!v->next && !strcmp(v->a.state, "已审批") && !*v->a.county_doc)
		v->county_wait = jz_aid_needs_county(d->s.db, &v->a, &e) == 1;
	int n = jz_aid_payments(d->s.db, v->id, v->pay, MAX_PAYMENTS, &e);
	if (n < 0 || jz_store_person_get(d->s.db, v->a.person_id, &v->p, &e) < 0 ||
	    (v->a.household_id && jz_store_household_get(d->s.db, v->a.household_id, &v->h, &e) < 0) ||
	    jz_store_aid_sums(d->s.db, v->id, &v->paid, &v->planned, &e)) {
		jz_desk_report(d, &e);
		n = n < 0 ? 0 : n;
	}
	v->npay = n > MAX_PAYMENTS ? MAX_PAYMENTS : n;
}

#define MAX_LINES 80
struct lines {
	char t[MAX_LINES][400];
	int bold[MAX_LINES];
	int n;
};

static void add(struct lines *l, int bold, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(struct lines *l, int bold, const char *fmt, ...)
{
	va_list ap;
	if (l->n >= MAX_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(l->t[l->n], sizeof l->t[0], fmt, ap);
	va_end(ap);
	l->bold[l->n++] = bold;
}

static void case_lines(jz_desk *d, const struct aidv *v, struct lines *l)
{
	const jz_aid *a = &v->a;
	char x[32], y[32];
	add(l, 1, "临时救助 %s   %s型%s   状态：%s", a->number, a->kind, a->advance ? "（先行救助）" : "", a->state);
	if (a->household_id)
		add(l, 0, "救助对象 %s（%s），户编号 %s", v->p.name, v->p.id_number, v->h.number);
	else
		add(l, 0, "救助对象 %s（%s），非本乡镇户籍，户籍地 %s", v->p.name, v->p.id_number, a->hukou);
	add(l, 0, "原因 %s；救助人数 %d 人；申请 %s 元", a->cause, a->persons, yuan(a->asked_fen, x));
	if (*a->need)
		add(l, 0, "困难情况：%s", a->need);
	add(l, 0, "受理 %s %s%s%s", a->accepted_on, a->accepted_by, *a->investigated_on ? "   调查 " : "",
	    a->investigated_on);
	if (*a->findings)
		add(l, 0, "调查情况：%s", a->findings);
	if (*a->reviewed_on)
		add(l, 0, "乡镇审核 %s %s", a->reviewed_on, a->reviewed_by);
	if (*a->approved_on)
		add(l, 0, "审批 %s %s，金额 %s 元", a->approved_on, a->approved_by, yuan(a->approved_fen, x));
	if (*a->county_doc)
		add(l, 0, "县级审批 文号 %s（%s）", a->county_doc, a->county_date);
	if (*a->yishi_date)
		add(l, 0, "一事一议 %s，参加：%s；理由：%s", a->yishi_date, a->yishi_participants, a->yishi_reason);
	if (a->advance) {
		if (*a->paperwork_done_on)
			add(l, 0, "补充材料：期限 %s，%s 已办结", a->paperwork_due, a->paperwork_done_on);
		else
			add(l, 0, "补充材料：期限 %s，未办%s", a->paperwork_due,
			    strcmp(d->today, a->paperwork_due) > 0 ? "（已逾期）" : "");
	}
	if (*a->refused_reason)
		add(l, 0, "不予理由：%s", a->refused_reason);
	if (v->next)
		add(l, 1, "下一步：%s，由「%s」办理%s", v->next, v->role,
		    jz_session_has_role(&d->s, v->role) ? "" : "（您没有这个角色）");
	else if (v->county_wait)
		add(l, 1, "超过乡镇审批额度，等待县民政局审批：按 s 记录县里的文号和日期");
	else if (!strcmp(a->state, "已审批"))
		add(l, 1, "已审批，待发放：按 $ 发放");
	else
		add(l, 1, "没有下一步");
	add(l, 1, "发放：已发放 %s 元%s%s%s", yuan(v->paid, x), v->planned ? "，分期待发 " : "",
	    v->planned ? yuan(v->planned, y) : "", v->planned ? " 元" : "");
	for (int i = 0; i < v->npay; i++) {
		const struct jz_aid_payment *p = &v->pay[i];
		if (*p->paid_on)
			add(l, 0, "  第 %d 次 %s %s %s 元", p->seq, p->paid_on, p->method, yuan(p->amount_fen, x));
		else
			add(l, 0, "  第 %d 期 %s 起 %s 元，未发放", p->seq, p->due_on, yuan(p->amount_fen, x));
	}
}

static void draw_case(jz_desk *d, void *p)
{
	struct aidv *v = p;
	int w = d->cols - 4, top = jz_desk_body_top(d), rows = jz_desk_body_rows(d);
	if (!v->ok) {
		jz_draw_text(stdscr, top + 1, 2, "读不到这个临时救助案件（按 Esc 返回）", w, 0);
		return;
	}
	struct lines *l = calloc(1, sizeof *l);
	if (!l)
		return;
	case_lines(d, v, l);
	for (int i = 0; i < l->n && i < rows; i++) {
		if (l->bold[i])
			attron(A_BOLD);
		jz_draw_text(stdscr, top + i, 2, l->t[i], w, 0);
		if (l->bold[i])
			attroff(A_BOLD);
	}
	free(l);
}

static int case_done(jz_desk *d, struct aidv *v, int rc, const jz_err *e, const char *what)
{
	if (rc)
		jz_desk_report(d, e);
	load_case(d, v);
	if (!rc)
		jz_desk_msg(d, 0, "%s：案件 %s 现在是「%s」", what, v->a.number, v->a.state);
	return JZ_KEY_REDRAW;
}

/* The county's document and date (for an approval or a case waiting). */
static int ask_county(jz_desk *d, char *doc, size_t ndoc, char *date, size_t ndate)
{
	return jz_desk_prompt(d, "县审批文号：", "", doc, ndoc) &&
	       jz_desk_prompt(d, "县审批日期：", d->today, date, ndate);
}

/* s: the next step, passed or refused; the county's record when it waits
 * for it. The county's document and the 一事一议 are asked for when the
 * core asks for them. */
static int take_step(jz_desk *d, struct aidv *v)
{
	char q[300], note[256] = "", amount[64] = "", doc[64] = "", docd[16] = "";
	char yd[16] = "", yp[256] = "", yr[256] = "";
	jz_err e = {0};
	load_case(d, v); /* another desk may have moved it on */
	if (!v->ok)
		return JZ_KEY_REDRAW;
	const char *step = v->next ? v->next : v->county_wait ? "县级审批" : NULL;
	if (!step) {
		jz_desk_msg(d, 1, "案件 %s 现在是「%s」，没有下一步%s", v->a.number, v->a.state,
			    !strcmp(v->a.state, "已审批") ? "：发放请按 $" : "");
		return JZ_KEY_REDRAW;
	}
	snprintf(q, sizeof q, "%s：y 通过   n 不通过   Esc 取消", step);
	int k = jz_desk_ask(d, q, "yn");
	if (!k)
		return JZ_KEY_REDRAW;
	struct jz_aid_step st = {.refuse = k == 'n'};
	if (!st.refuse && v->county_wait) {
		if (!ask_county(d, doc, sizeof doc, docd, sizeof docd))
			return JZ_KEY_REDRAW;
		st.county_doc = doc, st.county_date = docd;
	}
	if (!st.refuse && !strcmp(step, "审批")) {
		jz_aid_yuan(v->a.asked_fen, amount, sizeof amount);
		if (!jz_desk_prompt(d, "审批金额（元）：", amount, amount, sizeof amount))
			return JZ_KEY_REDRAW;
		if (jz_money_parse(amount, &st.amount_fen, &e) || !st.amount_fen) {
			if (!st.amount_fen && !e.msg[0])
				jz_desk_msg(d, 1, "审批金额要大于 0");
			else
				jz_desk_report(d, &e);
			return JZ_KEY_REDRAW;
		}
	}
	snprintf(q, sizeof q, "%s", st.refuse ? "不通过的理由：" : !strcmp(step, "入户调查") ? "调查情况："
							     : "意见（可不填）：");
	if (!jz_desk_prompt(d, q, "", note, sizeof note))
		return JZ_KEY_REDRAW;
	st.note = note;
	int rc = jz_aid_step(&d->s, v->id, &st, &e);
	/* the core asks for the 一事一议 (above the usual maximum): once */
	if (rc && !st.refuse && !*yd && strstr(e.msg, "一事一议")) {
		jz_desk_report(d, &e);
		if (!jz_desk_prompt(d, "一事一议会议日期：", d->today, yd, sizeof yd) ||
		    !jz_desk_prompt(d, "一事一议参加人员：", "", yp, sizeof yp) ||
		    !jz_desk_prompt(d, "一事一议理由：", "", yr, sizeof yr))
			return JZ_KEY_REDRAW;
		st.yishi_date = yd, st.yishi_participants = yp, st.yishi_reason = yr;
		e = (jz_err){0};
		rc = jz_aid_step(&d->s, v->id, &st, &e);
	}
	char what[96];
	snprintf(what, sizeof what, "「%s」%s", step, st.refuse ? "不通过" : "已办理");
	return case_done(d, v, rc, &e, what);
}

/* $ or y: a payment of an approved case (the next stage of a plan). */
static int pay(jz_desk *d, struct aidv *v)
{
	static const char *const methods[] = {"现金", "银行"};
	char init[32] = "", buf[64], q[200], x[32], y[32];
	long long fen = 0;
	jz_err e = {0};
	load_case(d, v);
	if (!v->ok)
		return JZ_KEY_REDRAW;
	if (!v->planned && *v->a.approved_on && v->a.approved_fen > v->paid)
		jz_aid_yuan(v->a.approved_fen - v->paid, init, sizeof init);
	snprintf(q, sizeof q, "发放金额（元）%s：", v->planned ? "，空 = 本期计划金额" : "");
	if (!jz_desk_prompt(d, q, init, buf, sizeof buf))
		return JZ_KEY_REDRAW;
	if (*buf && jz_money_parse(buf, &fen, &e)) {
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	if (*buf && !fen) {
		jz_desk_msg(d, 1, "发放金额要大于 0");
		return JZ_KEY_REDRAW;
	}
	int k = jz_desk_ask(d, "发放方式：1 现金   2 银行   Esc 取消", "12");
	if (!k)
		return JZ_KEY_REDRAW;
	struct jz_aid_payment p;
	int rc = jz_aid_pay(&d->s, v->id, fen, methods[k - '1'], NULL, &p, &e);
	if (rc)
		return case_done(d, v, rc, &e, "");
	load_case(d, v);
	jz_desk_msg(d, 0, "案件 %s 第 %d 次发放 %s 元（%s，%s），已发放合计 %s 元，现在是「%s」", v->a.number, p.seq,
		    yuan(p.amount_fen, x), p.method, p.paid_on, yuan(v->paid, y), v->a.state);
	return JZ_KEY_REDRAW;
}

/* b: the 事后补充说明 of a 先行 case. */
static int paperwork(jz_desk *d, struct aidv *v)
{
	char note[600];
	jz_err e = {0};
	if (!jz_desk_prompt(d, "事后补充说明：", "", note, sizeof note))
		return JZ_KEY_REDRAW;
	return case_done(d, v, jz_aid_paperwork(&d->s, v->id, note, &e), &e, "已记录事后补充说明");
}

static int key_case(jz_desk *d, void *p, const jz_key *k)
{
	struct aidv *v = p;
	if (k->fn || k->is_key)
		return JZ_KEY_IGNORED;
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	if (!v->ok)
		return JZ_KEY_IGNORED;
	switch (k->code) {
	case 's': return take_step(d, v);
	case '$':
	case 'y': return pay(d, v);
	case 'b': return paperwork(d, v);
	case 'n': {
		jz_rowid id;
		if (new_application(d, &id)) {
			v->id = id;
			load_case(d, v);
		}
		return JZ_KEY_REDRAW;
	}
	}
	return JZ_KEY_IGNORED;
}

static int keybar_case(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct aidv *v = p;
	int n = 0;
	(void)d, (void)max;
	if (v->ok) {
		if (v->next || v->county_wait)
			out[n++] = (struct jz_keyitem){"s", "办理"};
		if (!strcmp(v->a.state, "已审批"))
			out[n++] = (struct jz_keyitem){"$", "发放"};
		if (v->a.advance && !*v->a.paperwork_done_on)
			out[n++] = (struct jz_keyitem){"b", "补充材料"};
		out[n++] = (struct jz_keyitem){"n", "新申请"};
	}
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume_case(jz_desk *d, void *p) { load_case(d, p); }

void jz_push_aid_case(jz_desk *d, jz_rowid id)
{
	struct aidv *v = calloc(1, sizeof *v);
	if (!v)
		return;
	v->id = id;
	load_case(d, v);
	jz_screen s = {.title = "临时救助案件", .st = v, .draw = draw_case, .key = key_case, .free = free,
		       .keybar = keybar_case, .resume = resume_case};
	jz_desk_push(d, &s);
}

/* ======================= the list ======================= */

struct row {
	jz_aid a;
	char name[96];
};

struct aids {
	struct row *r;
	int n, cap;
	int sel, scroll;
};

static int collect(const jz_aid *a, void *arg)
{
	struct aids *s = arg;
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 64;
		struct row *r = realloc(s->r, (size_t)cap * sizeof *r);
		if (!r)
			return 1;
		s->r = r;
		s->cap = cap;
	}
	memset(&s->r[s->n], 0, sizeof s->r[0]);
	s->r[s->n++].a = *a;
	return 0;
}

static void load_list(jz_desk *d, struct aids *s)
{
	jz_err e = {0};
	jz_rowid keep = s->n && s->sel < s->n ? s->r[s->sel].a.id : 0;
	s->n = 0;
	if (jz_store_aids(d->s.db, collect, s, &e))
		jz_desk_report(d, &e);
	/* after the walk: no other statement runs while the store steps */
	for (int i = 0; i < s->n; i++) {
		jz_person p = {0};
		if (jz_store_person_get(d->s.db, s->r[i].a.person_id, &p, &e) > 0)
			snprintf(s->r[i].name, sizeof s->r[i].name, "%s", p.name);
	}
	s->sel = s->n ? s->n - 1 : 0; /* the newest by default */
	for (int i = 0; i < s->n; i++)
		if (s->r[i].a.id == keep)
			s->sel = i;
}

static const int widths[] = {13, 9, 5, 9, 7, 10, 5, 0}; /* 编号 姓名 类型 原因 状态 金额 先行 补充材料 */

static void draw_row(jz_desk *d, int y, const char *const cols[8], int sel)
{
	int x = 2;
	int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
	attron(a);
	jz_draw_text(stdscr, y, x, sel ? ">" : " ", 2, 1);
	x += 2;
	for (int i = 0; i < 8; i++) {
		int w = widths[i] ? widths[i] : d->cols - 2 - x;
		if (i == 5)
			jz_draw_right(stdscr, y, x, cols[i], w - 1);
		else
			jz_draw_text(stdscr, y, x, cols[i], w, 1);
		x += w;
	}
	attroff(a);
}

static void draw_list(jz_desk *d, void *p)
{
	struct aids *s = p;
	char line[200];
	int top = 3, rows = jz_desk_body_top(d) + jz_desk_body_rows(d) - top;
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, "临时救助案件", 20, 0);
	attroff(A_BOLD);
	snprintf(line, sizeof line, "共 %d 件", s->n);
	jz_draw_right(stdscr, 1, 22, line, d->cols - 24);
	static const char *const head[8] = {"编号", "姓名", "类型", "原因", "状态", "金额", "先行", "补充材料"};
	attron(A_BOLD);
	draw_row(d, 2, head, 0);
	attroff(A_BOLD);
	if (!s->n) {
		jz_draw_text(stdscr, top, 4, "还没有临时救助案件。按 n 受理新的申请", d->cols - 6, 0);
		return;
	}
	if (s->sel < s->scroll)
		s->scroll = s->sel;
	if (s->sel >= s->scroll + rows)
		s->scroll = s->sel - rows + 1;
	for (int i = 0; i < rows && s->scroll + i < s->n; i++) {
		const struct row *r = &s->r[s->scroll + i];
		const jz_aid *a = &r->a;
		char amt[32], due[40];
		jz_aid_yuan(amount_of(a), amt, sizeof amt);
		if (!a->advance)
			due[0] = '\0';
		else if (*a->paperwork_done_on)
			snprintf(due, sizeof due, "已补");
		else
			snprintf(due, sizeof due, "%s%s", a->paperwork_due,
				 strcmp(d->today, a->paperwork_due) > 0 ? " 逾期" : "");
		const char *cols[8] = {a->number, r->name, a->kind, a->cause, a->state, amt,
				       a->advance ? "先行" : "", due};
		draw_row(d, top + i, cols, s->scroll + i == s->sel);
	}
}

static int key_list(jz_desk *d, void *p, const jz_key *k)
{
	struct aids *s = p;
	int page = jz_desk_body_rows(d) - 3;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		switch (k->code) {
		case KEY_UP: s->sel -= s->sel > 0; break;
		case KEY_DOWN: s->sel += s->sel + 1 < s->n; break;
		case KEY_PPAGE: s->sel = s->sel > page ? s->sel - page : 0; break;
		case KEY_NPAGE: s->sel = s->sel + page < s->n ? s->sel + page : (s->n ? s->n - 1 : 0); break;
		case KEY_HOME: s->sel = 0; break;
		case KEY_END: s->sel = s->n ? s->n - 1 : 0; break;
		default: return JZ_KEY_IGNORED;
		}
		return JZ_KEY_REDRAW;
	}
	if (is_enter(k) && s->n) {
		jz_push_aid_case(d, s->r[s->sel].a.id);
		return JZ_KEY_REDRAW;
	}
	if (k->code == 'n') {
		jz_rowid id;
		if (new_application(d, &id))
			jz_push_aid_case(d, id);
		return JZ_KEY_REDRAW;
	}
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar_list(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct aids *s = p;
	int n = 0;
	(void)d, (void)max;
	if (s->n)
		out[n++] = (struct jz_keyitem){"Enter", "打开"};
	out[n++] = (struct jz_keyitem){"n", "新申请"};
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume_list(jz_desk *d, void *p) { load_list(d, p); }

static void free_list(void *p)
{
	struct aids *s = p;
	free(s->r);
	free(s);
}

void jz_push_aid(jz_desk *d)
{
	struct aids *s = calloc(1, sizeof *s);
	if (!s)
		return;
	load_list(d, s);
	jz_screen st = {.title = "临时救助", .st = s, .draw = draw_list, .key = key_list, .free = free_list,
			.keybar = keybar_list, .resume = resume_list};
	jz_desk_push(d, &st);
}
