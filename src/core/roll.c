/* roll.c — the monthly payment roll (发放花名册) and one-off payments
 * (see roll.h).
 *
 * Rules
 *  1. One roll per month M (YYYY-MM): a draft until it is locked. Building
 *     M is refused when M is locked. jz_case_housekeeping runs first (it
 *     ends the 渐退 cases whose grace ran out before today's month). The
 *     draft's 月发, 补发 and 扣回 lines are then replaced as a whole; its
 *     一次性 lines stay. Building again gives the same draft for the same
 *     data.
 *  2. A case is in force in month F when its state is 在保, 渐退 or 退出,
 *     its start_month is set and <= F, its end_month is '' or >= F, and,
 *     while it is 渐退, grace_until is >= F.
 *  3. 月发: one line for each case in force in M, for_month M, of the
 *     case's amount in force in M (case_amount: fixed at approval and at
 *     reviews, so a new standard changes a case's amount only through
 *     them). The payee is the household head for 低保 整户保障, else the
 *     first person covered that month (case_member, lowest id). A payee
 *     who died before the first day of the month: a single-person case
 *     (one person covered) is not paid and the clerk is warned (the case
 *     should be exited); a case of several persons is paid with a warning
 *     to change the payee. A case without an amount, or with 0, is left
 *     out with a warning. (A change of amount after a month was locked is
 *     not made up: amounts change from the month after a review, before
 *     that month's roll is built.)
 *  4. 补发: for each case and each earlier month F (start_month <= F < M)
 *     in which the case was in force, whose roll is LOCKED, and for which
 *     no locked roll holds a 月发 or 补发 line of the case: a 补发 line in M
 *     for F with the amount in force in F (payee as in 3, for F). This is
 *     the late approval whose first months' rolls were already locked. It
 *     also pays a case that has ended since, for the months it was in force
 *     and was never paid. A month without a roll at all gives no 补发, nor
 *     a month up to an imported case's import (paid outside the desk).
 *  5. 扣回: for each month F after a case's end_month (an exit or a death
 *     recorded after the payment) for which locked rolls paid the case
 *     (月发/补发) and no locked roll holds a 扣回 of the case for F: a 扣回
 *     line in M for F of minus what was paid, to the same payee.
 *  6. Lock: only a built draft (a roll holding only one-off payments must
 *     be built first); sets locked_at/locked_by with an event. The triggers
 *     of migration 3 then refuse every change of the roll and its lines;
 *     later corrections become 补发/扣回 lines of a later month.
 *  7. Roles: building and one-off payments need 经办; locking 经办 or 审核.
 *     Every write is one transaction with its event (entity "roll",
 *     entity_id YYYYMM).
 *  8. One-off payments (一次性发放): a named payment (not a programme's
 *     name, unique in its month) of an amount per 人 or per 户 to a
 *     selection: the persons covered by the cases in force in M (of one
 *     programme when given), or the persons of an ID list; narrowed to a
 *     village when given. IDs not in the township refuse the whole list;
 *     persons without a household or who died before M are left out with a
 *     warning. Per 人 each person once; per 户 each household once, paid to
 *     its living head, else to its first selected person. Its lines (kind
 *     一次性, programme = the payment's name, for_month M) go into M's roll,
 *     which must not be locked (a roll row is made when there is none).
 *  9. Totals: jz_roll_total is the sum of the lines of a programme (or all
 *     lines) of M's roll, 扣回 negative — what the monthly workbook reports
 *     as paid. One-off payments are their own programme (their name).
 * 10. Export (draft or locked; a draft's titles say 草稿): one workbook per
 *     village, MONTH_村名_发放花名册.xlsx, with every line of the month and a
 *     合计 row; bank files MONTH_银行代发.csv (the cases' lines: 救助金) and
 *     MONTH_名称_银行代发.csv for each one-off payment: one row per person
 *     with the net of his lines; a person without a bank account is left
 *     out and listed, as is one whose net is below zero (扣回 more than
 *     paid: money to collect back). The workbooks add up to jz_roll_total. */
#include "core/roll.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/case.h"
#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/id.h"
#include "core/record.h"
#include "io/form_file.h"
#include "io/text.h"
#include "io/xlsx_out.h"
#include "store/case_store.h"
#include "store/check_store.h"
#include "store/people.h"
#include "store/roll_store.h"
#include "store/township_store.h"

const char *const jz_roll_kinds[JZ_ROLL_KINDS] = {"月发", "补发", "扣回", "一次性"};

/* ---- small helpers ------------------------------------------------------ */

static int grow(void *pp, int *cap, int need, size_t size, jz_err *e)
{
	void **p = pp;
	if (need <= *cap)
		return 0;
	int cap2 = *cap ? *cap * 2 : 16;
	while (cap2 < need)
		cap2 *= 2;
	void *n = realloc(*p, (size_t)cap2 * size);
	if (!n)
		return jz_fail(e, JZ_EDATA, "内存不足");
	*p = n;
	*cap = cap2;
	return 0;
}

static void warn(struct jz_roll_warnings *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warn(struct jz_roll_warnings *w, const char *fmt, ...)
{
	if (w->n < JZ_ROLL_MAX_WARN) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(w->text[w->n], sizeof w->text[w->n], fmt, ap);
		va_end(ap);
	}
	w->n++;
}

static int check_month(const char *month, jz_err *e)
{
	if (!month || !jz_month_valid(month) || month[4] != '-')
		return jz_fail(e, JZ_EUSER, "月份「%s」不对：应写成 YYYY-MM，例如 2026-11", month ? month : "");
	return 0;
}

static jz_rowid month_id(const char *month)
{
	return atoll(month) * 100 + atoll(month + 5);
}

static void first_day(const char *month, char out[11])
{
	snprintf(out, 11, "%.7s-01", month);
}

static int died_before(const jz_person *p, const char *month)
{
	char day[11];
	first_day(month, day);
	return *p->deceased_on && strcmp(p->deceased_on, day) < 0;
}

static int in_force(const jz_case *c, const char *m)
{
	if (strcmp(c->state, "在保") && strcmp(c->state, "渐退") && strcmp(c->state, "退出"))
		return 0;
	if (!*c->start_month || strcmp(c->start_month, m) > 0)
		return 0;
	if (*c->end_month && strcmp(c->end_month, m) < 0)
		return 0;
	if (!strcmp(c->state, "渐退") && *c->grace_until && strcmp(c->grace_until, m) < 0)
		return 0;
	return 1;
}

static const char *yuan(long long fen, char buf[32])
{
	jz_money_format(fen, buf, 32);
	return buf;
}

/* ---- reading -------------------------------------------------------------- */

int jz_roll_get(jz_db *db, const char *month, struct jz_roll_info *r, jz_err *e)
{
	if (check_month(month, e))
		return -1;
	return jz_store_roll_get(db, month, r, e);
}

int jz_roll_total(jz_db *db, const char *month, const char *programme, long long *fen, jz_err *e)
{
	*fen = 0;
	if (check_month(month, e))
		return -1;
	return jz_store_roll_sum(db, month, programme, fen, e);
}

int jz_roll_figures(jz_db *db, const char *month, struct jz_roll_result *out, jz_err *e)
{
	memset(out, 0, sizeof *out);
	if (check_month(month, e))
		return -1;
	snprintf(out->month, sizeof out->month, "%s", month);
	if (jz_store_roll_kind_sums(db, month, out->lines, out->fen, e))
		return -1;
	for (int k = 0; k < JZ_ROLL_KINDS; k++) {
		out->total_lines += out->lines[k];
		out->total_fen += out->fen[k];
	}
	return 0;
}

int jz_roll_sums(jz_db *db, const char *month, struct jz_roll_sum *out, int max, jz_err *e)
{
	if (check_month(month, e))
		return -1;
	return jz_store_roll_sums(db, month, out, max, e);
}

int jz_roll_lines(jz_db *db, const char *month, int (*fn)(const struct jz_roll_line *, void *),
		  void *arg, jz_err *e)
{
	if (check_month(month, e))
		return -1;
	return jz_store_roll_lines(db, month, fn, arg, e);
}

int jz_onetimes(jz_db *db, const char *month, struct jz_onetime_info *out, int max, jz_err *e)
{
	if (check_month(month, e))
		return -1;
	return jz_store_onetimes(db, month, out, max, e);
}

/* ---- the cases that may be paid --------------------------------------- */

struct cases {
	jz_case *v;
	int n, cap;
	jz_err *e;
	int failed;
};

static int collect_case(const jz_case *c, void *arg)
{
	struct cases *cs = arg;
	if (!*c->start_month || (strcmp(c->state, "在保") && strcmp(c->state, "渐退") &&
				 strcmp(c->state, "退出")))
		return 0;
	if (grow(&cs->v, &cs->cap, cs->n + 1, sizeof *cs->v, cs->e)) {
		cs->failed = 1;
		return 1;
	}
	cs->v[cs->n++] = *c;
	return 0;
}

/* Every case that was ever in force (a start month and a paying state). */
static int load_cases(jz_db *db, struct cases *cs, jz_err *e)
{
	memset(cs, 0, sizeof *cs);
	cs->e = e;
	if (jz_store_cases(db, "", collect_case, cs, e) || cs->failed) {
		free(cs->v);
		cs->v = NULL;
		return -1;
	}
	return 0;
}

/* ---- building a month ------------------------------------------------- */

struct months {
	char (*v)[8];
	int n, cap;
	jz_err *e;
	int failed;
};

static int collect_locked(const struct jz_roll_info *r, void *arg)
{
	struct months *m = arg;
	if (!*r->locked_at)
		return 0;
	if (grow(&m->v, &m->cap, m->n + 1, sizeof *m->v, m->e)) {
		m->failed = 1;
		return 1;
	}
	memcpy(m->v[m->n++], r->month, 8);
	return 0;
}

struct lines {
	struct jz_roll_line *v;
	int n, cap;
	jz_err *e;
	int failed;
};

static int collect_line(const struct jz_roll_line *l, void *arg)
{
	struct lines *ls = arg;
	if (grow(&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v, ls->e)) {
		ls->failed = 1;
		return 1;
	}
	ls->v[ls->n++] = *l;
	return 0;
}

struct build {
	jz_session *s;
	const char *month;
	struct months locked;
	struct lines paid;           /* the locked lines of the case at hand */
	struct jz_roll_warnings *warn;
	int lines[JZ_ROLL_KINDS];
	long long fen[JZ_ROLL_KINDS];
};

/* The payee of case c for month: 1 pay (p filled), 0 leave out (warned). */
static int payee(struct build *b, const jz_case *c, const char *month, jz_person *p, jz_err *e)
{
	jz_rowid ids[64];
	int r, n = jz_store_case_members_in(b->s->db, c->id, month, ids, 64, e);
	if (n < 0)
		return -1;
	if (!strcmp(c->programme, "低保") && !strcmp(c->mode, "整户保障"))
		r = jz_store_household_head(b->s->db, c->household_id, p, e);
	else
		r = n > 0 ? jz_store_person_get(b->s->db, ids[0], p, e) : 0;
	if (r < 0)
		return -1;
	if (r == 0) {
		warn(b->warn, "案件 %s：找不到领款人（户主或保障对象），%s 未列入", c->number, month);
		return 0;
	}
	if (died_before(p, month)) {
		if (n <= 1) {
			warn(b->warn, "案件 %s：%s 已于 %s 死亡，%s 不再发放，请办理退出（死亡）",
			     c->number, p->name, p->deceased_on, month);
			return 0;
		}
		warn(b->warn, "案件 %s：领款人 %s 已于 %s 死亡，请变更户主后再发放到新的账户",
		     c->number, p->name, p->deceased_on);
	}
	return 1;
}

static int add_line(struct build *b, const jz_case *c, int kind, const char *for_month,
		    jz_rowid person_id, jz_rowid household_id, long long fen, const char *note, jz_err *e)
{
	struct jz_roll_line l = {0};
	snprintf(l.month, sizeof l.month, "%s", b->month);
	l.case_id = c->id;
	l.household_id = household_id;
	l.person_id = person_id;
	snprintf(l.programme, sizeof l.programme, "%s", c->programme);
	snprintf(l.kind, sizeof l.kind, "%s", jz_roll_kinds[kind]);
	snprintf(l.for_month, sizeof l.for_month, "%s", for_month);
	l.amount_fen = fen;
	snprintf(l.note, sizeof l.note, "%s", note ? note : "");
	if (jz_store_roll_line_add(b->s->db, &l, e))
		return -1;
	b->lines[kind]++;
	b->fen[kind] += fen;
	return 0;
}

/* 月发 (kind JZ_ROLL_MONTHLY, for_month M) or 补发 of month for_month. */
static int pay(struct build *b, const jz_case *c, int kind, const char *for_month, jz_err *e)
{
	struct jz_case_amount a;
	jz_person p;
	char note[160] = "";
	int r = jz_store_amount_in(b->s->db, c->id, for_month, &a, e);
	if (r < 0)
		return -1;
	if (r == 0 || a.total_fen <= 0) {
		warn(b->warn, "案件 %s：%s 没有核定的保障金额，未列入", c->number, for_month);
		return 0;
	}
	r = payee(b, c, for_month, &p, e);
	if (r <= 0)
		return r;
	if (kind == JZ_ROLL_BACKPAY)
		snprintf(note, sizeof note, "补发 %s（该月花名册锁定时案件尚未列入）", for_month);
	return add_line(b, c, kind, for_month, p.id, c->household_id, a.total_fen, note, e);
}

/* Sum and first line of the case's locked lines of kinds for month F. */
static int locked_sum(const struct build *b, const char *f, int with_pay, int with_recover,
		      long long *fen, const struct jz_roll_line **first)
{
	int n = 0;
	*fen = 0;
	*first = NULL;
	for (int i = 0; i < b->paid.n; i++) {
		const struct jz_roll_line *l = &b->paid.v[i];
		int is_pay = !strcmp(l->kind, "月发") || !strcmp(l->kind, "补发");
		int is_rec = !strcmp(l->kind, "扣回");
		if (strcmp(l->for_month, f) || !((with_pay && is_pay) || (with_recover && is_rec)))
			continue;
		if (!*first)
			*first = l;
		*fen += l->amount_fen;
		n++;
	}
	return n;
}

static int recover(struct build *b, const jz_case *c, jz_err *e)
{
	for (int i = 0; i < b->paid.n; i++) {
		const struct jz_roll_line *l = &b->paid.v[i], *first, *rec;
		long long paid, done;
		char note[160];
		if (strcmp(l->for_month, c->end_month) <= 0)
			continue; /* paid while in force */
		if (i && !strcmp(b->paid.v[i - 1].for_month, l->for_month))
			continue; /* month already seen (lines come by for_month) */
		if (!locked_sum(b, l->for_month, 1, 0, &paid, &first) || paid <= 0 ||
		    locked_sum(b, l->for_month, 0, 1, &done, &rec))
			continue;
		snprintf(note, sizeof note, "扣回 %s（%s %s，%s 起不应发放）", l->for_month,
			 c->exit_reason, c->exit_on, l->for_month);
		if (add_line(b, c, JZ_ROLL_RECOVER, l->for_month, first->person_id, first->household_id,
			     -paid, note, e))
			return -1;
	}
	return 0;
}

static int build_case(struct build *b, const jz_case *c, jz_err *e)
{
	const struct jz_roll_line *first;
	long long fen;
	b->paid.n = 0;
	b->paid.e = e;
	if (jz_store_roll_case_locked(b->s->db, c->id, collect_line, &b->paid, e) || b->paid.failed)
		return -1;
	if (in_force(c, b->month) && pay(b, c, JZ_ROLL_MONTHLY, b->month, e))
		return -1;
	for (int i = 0; i < b->locked.n; i++) {
		const char *f = b->locked.v[i];
		if (strcmp(f, b->month) >= 0 || !in_force(c, f) || locked_sum(b, f, 1, 0, &fen, &first))
			continue;
		/* An imported case was paid outside the desk up to its import. */
		if (*c->imported_from && strncmp(f, c->accepted_on, 7) <= 0)
			continue;
		if (pay(b, c, JZ_ROLL_BACKPAY, f, e))
			return -1;
	}
	return *c->end_month ? recover(b, c, e) : 0;
}

static int build_record(struct build *b, jz_err *e)
{
	char what[96], line[96], a[32];
	jz_change ch;
	long long total = 0;
	int n = 0;
	snprintf(what, sizeof what, "生成 %s 发放花名册草稿", b->month);
	jz_change_init(&ch, "roll.build", "roll", what);
	ch.entity_id = month_id(b->month);
	jz_diff_text(&ch, "月份", NULL, b->month);
	for (int k = 0; k < JZ_ROLL_RECOVER + 1; k++) {
		snprintf(line, sizeof line, "%d 笔 %s 元", b->lines[k], yuan(b->fen[k], a));
		jz_diff_text(&ch, jz_roll_kinds[k], NULL, line);
		total += b->fen[k];
		n += b->lines[k];
	}
	snprintf(line, sizeof line, "%d 笔 %s 元", n, yuan(total, a));
	jz_diff_text(&ch, "合计（不含一次性发放）", NULL, line);
	return jz_record(b->s, &ch, e);
}

static int refuse_locked(const struct jz_roll_info *r, jz_err *e)
{
	return jz_fail(e, JZ_EUSER, "%s 的发放花名册已于 %.10s 由 %s 锁定，不能再修改或重新生成；"
		       "锁定后的更正会在以后月份的花名册里作为补发或扣回", r->month, r->locked_at, r->locked_by);
}

int jz_roll_build(jz_session *s, const char *month, struct jz_roll_result *out, jz_err *e)
{
	struct jz_roll_info info;
	struct jz_roll_warnings *w = calloc(1, sizeof *w);
	struct build b = {.s = s, .month = month, .warn = w};
	struct cases cs = {0};
	char today[11], now[20];
	int rc = -1, r;
	if (!w)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (check_month(month, e) || jz_case_need_role(s, "经办", "生成发放花名册", e))
		goto out;
	if ((r = jz_store_roll_get(s->db, month, &info, e)) < 0)
		goto out;
	if (r && *info.locked_at) {
		refuse_locked(&info, e);
		goto out;
	}
	jz_today(today);
	if (jz_case_housekeeping(s, today, e) < 0 || load_cases(s->db, &cs, e))
		goto out;
	b.locked.e = e;
	if (jz_store_rolls(s->db, collect_locked, &b.locked, e) || b.locked.failed)
		goto out;
	if (jz_tx_begin(s->db, e))
		goto out;
	jz_now(now);
	if (jz_store_roll_built(s->db, month, now, s->op.login, e) ||
	    jz_store_roll_clear_cases(s->db, month, e))
		goto fail;
	for (int i = 0; i < cs.n; i++)
		if (build_case(&b, &cs.v[i], e))
			goto fail;
	if (build_record(&b, e))
		goto fail;
	if (jz_tx_commit(s->db, e))
		goto out;
	if (out) {
		if (jz_roll_figures(s->db, month, out, e))
			goto out;
		out->warn = *w;
	}
	rc = 0;
	goto out;
fail:
	jz_tx_rollback(s->db);
out:
	free(cs.v);
	free(b.locked.v);
	free(b.paid.v);
	free(w);
	return rc;
}

int jz_roll_lock(jz_session *s, const char *month, jz_err *e)
{
	struct jz_roll_info info;
	struct jz_roll_result fig;
	char now[20], what[96], line[96], a[32];
	if (check_month(month, e))
		return -1;
	if (!jz_session_has_role(s, "经办") && !jz_session_has_role(s, "审核"))
		return jz_fail(e, JZ_EUSER, "「锁定发放花名册」要由有「经办」或「审核」角色的操作员办理，%s（%s）没有这个角色",
			       s->op.name, s->op.login);
	int r = jz_store_roll_get(s->db, month, &info, e);
	if (r < 0)
		return -1;
	if (r && *info.locked_at)
		return refuse_locked(&info, e);
	if (!r || !*info.built_at)
		return jz_fail(e, JZ_EUSER, "%s 的发放花名册还没有生成，不能锁定：请先生成草稿（jiuzhu roll %s --as 经办人）并核对",
			       month, month);
	if (jz_roll_figures(s->db, month, &fig, e) || jz_tx_begin(s->db, e))
		return -1;
	jz_now(now);
	jz_change ch;
	snprintf(what, sizeof what, "锁定 %s 发放花名册", month);
	jz_change_init(&ch, "roll.lock", "roll", what);
	ch.entity_id = month_id(month);
	jz_diff_text(&ch, "月份", NULL, month);
	jz_diff_text(&ch, "生成", NULL, info.built_at);
	snprintf(line, sizeof line, "%d 笔 %s 元", fig.total_lines, yuan(fig.total_fen, a));
	jz_diff_text(&ch, "合计", NULL, line);
	/* What `jiuzhu check` compares the lines with later. */
	struct jz_roll_digest dg;
	if (jz_store_roll_digest(s->db, month, &dg, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	snprintf(line, sizeof line, "%d 行 %lld 分 %s", dg.lines, dg.sum_fen, dg.hex);
	jz_diff_text(&ch, "摘要", NULL, line);
	if (jz_store_roll_lock(s->db, month, now, s->op.login, e) || jz_record(s, &ch, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

/* ---- one-off payments ------------------------------------------------- */

struct picks {
	jz_person *v;
	int n, cap;
};

static int has_person(const struct picks *ps, jz_rowid id)
{
	for (int i = 0; i < ps->n; i++)
		if (ps->v[i].id == id)
			return 1;
	return 0;
}

struct onetime_ctx {
	jz_session *s;
	const struct jz_onetime_spec *sp;
	jz_rowid village_id;
	struct picks picks;
	struct jz_roll_warnings *warn;
};

/* Adds p to the selection unless left out (no household, other village,
 * dead before the month) or already in. */
static int offer(struct onetime_ctx *x, const jz_person *p, jz_err *e)
{
	if (has_person(&x->picks, p->id))
		return 0;
	if (!p->household_id) {
		warn(x->warn, "%s（%s）不在本乡镇的家庭中，未发放", p->name, p->id_number);
		return 0;
	}
	if (x->village_id) {
		jz_household h;
		int r = jz_store_household_get(x->s->db, p->household_id, &h, e);
		if (r < 0)
			return -1;
		if (!r || h.village_id != x->village_id)
			return 0;
	}
	if (died_before(p, x->sp->month)) {
		warn(x->warn, "%s（%s）已于 %s 死亡，未发放", p->name, p->id_number, p->deceased_on);
		return 0;
	}
	if (grow(&x->picks.v, &x->picks.cap, x->picks.n + 1, sizeof *x->picks.v, e))
		return -1;
	x->picks.v[x->picks.n++] = *p;
	return 0;
}

/* The persons covered by the cases of the programme in force in month. */
static int covered_persons(struct onetime_ctx *x, jz_rowid **out, int *n, jz_err *e)
{
	struct cases cs;
	int cap = 0;
	*out = NULL;
	*n = 0;
	if (load_cases(x->s->db, &cs, e))
		return -1;
	for (int i = 0; i < cs.n; i++) {
		const jz_case *c = &cs.v[i];
		jz_rowid ids[64];
		if (!in_force(c, x->sp->month) || (x->sp->programme && strcmp(c->programme, x->sp->programme)))
			continue;
		int m = jz_store_case_members_in(x->s->db, c->id, x->sp->month, ids, 64, e);
		if (m < 0 || grow(out, &cap, *n + (m < 64 ? m : 64), sizeof **out, e))
			goto fail;
		for (int k = 0; k < m && k < 64; k++)
			(*out)[(*n)++] = ids[k];
	}
	free(cs.v);
	return 0;
fail:
	free(cs.v);
	free(*out);
	*out = NULL;
	return -1;
}

static int in_list(const jz_rowid *v, int n, jz_rowid id)
{
	for (int i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

static int select_persons(struct onetime_ctx *x, jz_err *e)
{
	jz_rowid *covered = NULL;
	int ncovered = 0, rc = -1;
	const struct jz_onetime_spec *sp = x->sp;
	if ((sp->programme || !sp->ids) && covered_persons(x, &covered, &ncovered, e))
		return -1;
	if (!sp->ids) {
		for (int i = 0; i < ncovered; i++) {
			jz_person p;
			int r = jz_store_person_get(x->s->db, covered[i], &p, e);
			if (r < 0 || (r && offer(x, &p, e)))
				goto out;
		}
		rc = 0;
		goto out;
	}
	char missing[400] = "";
	int nmissing = 0;
	for (int i = 0; i < sp->nids; i++) {
		jz_person p;
		int r = jz_store_person_by_idno(x->s->db, sp->ids[i], &p, e);
		if (r < 0)
			goto out;
		if (!r) {
			size_t len = strlen(missing);
			if (nmissing++ < 5)
				snprintf(missing + len, sizeof missing - len, "%s%s", len ? "、" : "", sp->ids[i]);
			continue;
		}
		if (sp->programme && !in_list(covered, ncovered, p.id))
			continue;
		if (offer(x, &p, e))
			goto out;
	}
	if (nmissing) {
		jz_fail(e, JZ_EUSER, "名单里有 %d 个身份证号在本乡镇找不到：%s%s。请核对名单，或先建立这些人的档案",
			nmissing, missing, nmissing > 5 ? " 等" : "");
		goto out;
	}
	rc = 0;
out:
	free(covered);
	return rc;
}

static int check_spec(jz_db *db, const struct jz_onetime_spec *sp, jz_rowid *village_id, jz_err *e)
{
	const char *name = sp->name ? sp->name : "";
	if (!*name)
		return jz_fail(e, JZ_EUSER, "一次性发放要有名称，例如「价格临时补贴」");
	if (jz_utf8_count(name) > 30 || strpbrk(name, "/\\:*?\"<>|,\r\n\t"))
		return jz_fail(e, JZ_EUSER, "一次性发放的名称「%s」不合适：最多 30 个字，不能含 / \\ : * ? \" < > | 逗号", name);
	for (int i = 0; jz_programmes[i]; i++)
		if (!strcmp(name, jz_programmes[i]))
			return jz_fail(e, JZ_EUSER, "一次性发放不能叫「%s」（这是救助项目的名称），请写明发放名目，例如「价格临时补贴」", name);
	if (sp->amount_fen <= 0)
		return jz_fail(e, JZ_EUSER, "一次性发放的金额要大于 0");
	if (!sp->per || (strcmp(sp->per, "人") && strcmp(sp->per, "户")))
		return jz_fail(e, JZ_EUSER, "按人还是按户发放？--per 只能是 人 或 户");
	if (check_month(sp->month, e))
		return -1;
	if (sp->programme && jz_check_choice("programme", "救助项目", sp->programme, jz_programmes, 0, e))
		return -1;
	if (!sp->programme && !sp->village && !sp->ids)
		return jz_fail(e, JZ_EUSER, "请指明发给谁：--programme 项目、--village 村名 或 --ids 名单文件（可以合用）");
	if (sp->ids && sp->nids <= 0)
		return jz_fail(e, JZ_EUSER, "名单里没有身份证号");
	*village_id = 0;
	if (sp->village) {
		jz_village v;
		int r = jz_store_village_by_name(db, sp->village, &v, e);
		if (r <= 0)
			return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "没有叫「%s」的村（社区）", sp->village);
		*village_id = v.id;
	}
	return 0;
}

static void selection_text(const struct jz_onetime_spec *sp, char *out, size_t n)
{
	size_t len;
	out[0] = '\0';
	if (sp->programme)
		snprintf(out, n, "项目：%s", sp->programme);
	if (sp->village && (len = strlen(out)) < n)
		snprintf(out + len, n - len, "%s村：%s", len ? "；" : "", sp->village);
	if (sp->ids && (len = strlen(out)) < n)
		snprintf(out + len, n - len, "%s名单：%s（%d 个身份证号）", len ? "；" : "",
			 sp->ids_source ? sp->ids_source : "导入", sp->nids);
}

static int onetime_line(struct onetime_ctx *x, jz_rowid oid, const jz_person *p, jz_rowid hid,
			struct jz_onetime_result *res, jz_err *e)
{
	struct jz_roll_line l = {0};
	snprintf(l.month, sizeof l.month, "%s", x->sp->month);
	l.onetime_id = oid;
	l.household_id = hid;
	l.person_id = p->id;
	snprintf(l.programme, sizeof l.programme, "%s", x->sp->name);
	snprintf(l.kind, sizeof l.kind, "一次性");
	snprintf(l.for_month, sizeof l.for_month, "%s", x->sp->month);
	l.amount_fen = x->sp->amount_fen;
	snprintf(l.note, sizeof l.note, "%s，每%s", x->sp->name, x->sp->per);
	if (jz_store_roll_line_add(x->s->db, &l, e))
		return -1;
	res->lines++;
	res->total_fen += l.amount_fen;
	return 0;
}

/* Writes the lines: per 人 one each; per 户 one per household, to its
 * living head or its first selected person. */
static int onetime_lines(struct onetime_ctx *x, jz_rowid oid, struct jz_onetime_result *res,
			 jz_err *e)
{
	int per_person = !strcmp(x->sp->per, "人");
	for (int i = 0; i < x->picks.n; i++) {
		const jz_person *p = &x->picks.v[i];
		int seen = 0;
		for (int k = 0; k < i; k++)
			seen |= x->picks.v[k].household_id == p->household_id;
		if (!seen)
			res->households++;
		res->persons++;
		if (per_person) {
			if (onetime_line(x, oid, p, p->household_id, res, e))
				return -1;
			continue;
		}
		if (seen)
			continue;
		jz_person head;
		int r = jz_store_household_head(x->s->db, p->household_id, &head, e);
		if (r < 0)
			return -1;
		if (onetime_line(x, oid, r && !died_before(&head, x->sp->month) ? &head : p,
				 p->household_id, res, e))
			return -1;
	}
	return 0;
}

static int onetime_record(struct onetime_ctx *x, const struct jz_onetime_info *o,
			  const struct jz_onetime_result *res, jz_err *e)
{
	char what[160], line[128], a[32];
	jz_change ch;
	snprintf(what, sizeof what, "一次性发放「%s」列入 %s 发放花名册", o->name, o->month);
	jz_change_init(&ch, "roll.onetime", "roll", what);
	ch.entity_id = month_id(o->month);
	jz_diff_text(&ch, "名称", NULL, o->name);
	jz_diff_text(&ch, "月份", NULL, o->month);
	snprintf(line, sizeof line, "每%s %s 元", o->per, yuan(o->amount_fen, a));
	jz_diff_text(&ch, "标准", NULL, line);
	jz_diff_text(&ch, "对象", NULL, o->selection);
	snprintf(line, sizeof line, "%d 人 %d 户，%d 笔 %s 元", res->persons, res->households, res->lines,
		 yuan(res->total_fen, a));
	jz_diff_text(&ch, "合计", NULL, line);
	snprintf(line, sizeof line, "%lld", (long long)o->id);
	jz_diff_text(&ch, "编号", NULL, line);
	return jz_record(x->s, &ch, e);
}

int jz_onetime_new(jz_session *s, const struct jz_onetime_spec *sp, struct jz_onetime_result *out,
		   jz_err *e)
{
	struct onetime_ctx x = {.s = s, .sp = sp};
	struct jz_onetime_result *res = calloc(1, sizeof *res);
	struct jz_onetime_info o = {0}, other;
	struct jz_roll_info info;
	int rc = -1, r;
	if (!res)
		return jz_fail(e, JZ_EDATA, "内存不足");
	x.warn = &res->warn;
	if (check_spec(s->db, sp, &x.village_id, e) || jz_case_need_role(s, "经办", "一次性发放", e))
		goto out;
	if ((r = jz_store_roll_get(s->db, sp->month, &info, e)) < 0)
		goto out;
	if (r && *info.locked_at) {
		refuse_locked(&info, e);
		goto out;
	}
	if ((r = jz_store_onetime_find(s->db, sp->name, sp->month, &other, e)) != 0) {
		if (r > 0)
			jz_fail(e, JZ_EUSER, "%s 已经有一次性发放「%s」（%s），不能重复发放", sp->month, sp->name,
				other.selection);
		goto out;
	}
	if (select_persons(&x, e))
		goto out;
	if (x.picks.n == 0) {
		jz_fail(e, JZ_EUSER, "按所选条件没有可以发放的人（%s 在保的对象中没有符合的）", sp->month);
		goto out;
	}
	snprintf(o.name, sizeof o.name, "%s", sp->name);
	snprintf(o.per, sizeof o.per, "%s", sp->per);
	snprintf(o.month, sizeof o.month, "%s", sp->month);
	o.amount_fen = sp->amount_fen;
	selection_text(sp, o.selection, sizeof o.selection);
	if (jz_tx_begin(s->db, e))
		goto out;
	if (jz_store_roll_ensure(s->db, sp->month, e) || jz_store_onetime_insert(s->db, &o, e) ||
	    onetime_lines(&x, o.id, res, e) || onetime_record(&x, &o, res, e)) {
		jz_tx_rollback(s->db);
		goto out;
	}
	if (jz_tx_commit(s->db, e))
		goto out;
	res->id = o.id;
	if (out)
		*out = *res;
	rc = 0;
out:
	free(x.picks.v);
	free(res);
	return rc;
}

/* ---- ID lists ------------------------------------------------------------- */

int jz_roll_parse_ids(const char *text, size_t len, char (*out)[19], int max, jz_err *e)
{
	size_t i = 0;
	int n = 0, lineno = 0, seen_content = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len) {
		size_t end = i;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		/* the first field, trimmed */
		size_t a = i, b;
		while (a < end && (text[a] == ' ' || text[a] == '\t' || text[a] == '"'))
			a++;
		b = a;
		while (b < end && text[b] != ',' && text[b] != '\t' && text[b] != '\r' && text[b] != '"' &&
		       text[b] != ' ')
			b++;
		i = end + 1;
		if (b == a)
			continue;
		char raw[64], id[19];
		snprintf(raw, sizeof raw, "%.*s", (int)(b - a < 63 ? b - a : 63), text + a);
		int first = !seen_content;
		seen_content = 1;
		jz_err ie = {0};
		if (jz_id_normalize(raw, NULL, 1, id, NULL, &ie)) {
			if (first && !(raw[0] >= '0' && raw[0] <= '9'))
				continue; /* a header such as 身份证号 */
			return jz_fail(e, JZ_EUSER, "名单第 %d 行「%s」不是有效的身份证号：%s", lineno, raw, ie.msg);
		}
		int dup = 0;
		for (int k = 0; k < n && k < max; k++)
			dup |= !strcmp(out[k], id);
		if (dup)
			continue;
		if (n < max)
			memcpy(out[n], id, 19);
		n++;
	}
	return n < max ? n : max;
}

/* ---- export ------------------------------------------------------------- */

/* A file-name part: characters a file system refuses become '_'. */
static void file_part(const char *in, char *out, size_t n)
{
	size_t k = 0;
	for (; *in && k + 1 < n; in++)
		out[k++] = strchr("/\\:*?\"<>|", *in) || (unsigned char)*in < 0x20 ? '_' : *in;
	out[k] = '\0';
}

static int join_path(const char *dir, const char *name, char *out, size_t n, jz_err *e)
{
	int w = snprintf(out, n, "%s%s%s", dir, *dir && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	if (w < 0 || (size_t)w >= n)
		return jz_fail(e, JZ_EUSER, "文件夹路径太长：%s", dir);
	return 0;
}

static int write_village(const struct lines *ls, int from, int to, const char *town,
			 const struct jz_roll_info *info, const char *dir, struct jz_roll_export *x,
			 jz_err *e)
{
	const char *month = info->month;
	struct jz_xlsx_roll_row *rows = calloc((size_t)(to - from), sizeof *rows);
	char vname[96], file[256], path[4096], title[320];
	long long total = 0;
	if (!rows)
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int i = from; i < to; i++) {
		const struct jz_roll_line *l = &ls->v[i];
		rows[i - from] = (struct jz_xlsx_roll_row){l->household_number, l->name, l->id_number,
			l->programme, l->kind, l->for_month, l->bank_account, l->amount_fen};
		total += l->amount_fen;
	}
	file_part(ls->v[from].village, vname, sizeof vname);
	snprintf(file, sizeof file, "%s_%s_发放花名册.xlsx", month, vname);
	snprintf(title, sizeof title, "%s %.4s年%.2s月 %s 社会救助资金发放花名册%s", town, month, month + 5,
		 ls->v[from].village, *info->locked_at ? "" : "（草稿，未锁定）");
	int rc = join_path(dir, file, path, sizeof path, e) ||
		 jz_xlsx_roll_write(path, title, rows, to - from, e);
	free(rows);
	if (rc)
		return -1;
	int k = x->nworkbooks;
	void *p1 = realloc(x->workbooks, (size_t)(k + 1) * sizeof *x->workbooks);
	if (p1)
		x->workbooks = p1;
	void *p2 = realloc(x->workbook_lines, (size_t)(k + 1) * sizeof *x->workbook_lines);
	if (p2)
		x->workbook_lines = p2;
	void *p3 = realloc(x->workbook_fen, (size_t)(k + 1) * sizeof *x->workbook_fen);
	if (p3)
		x->workbook_fen = p3;
	if (!p1 || !p2 || !p3)
		return jz_fail(e, JZ_EDATA, "内存不足");
	snprintf(x->workbooks[k], sizeof x->workbooks[k], "%s", file);
	x->workbook_lines[k] = to - from;
	x->workbook_fen[k] = total;
	x->nworkbooks++;
	x->total_fen += total;
	return 0;
}

/* A person's net in a bank file. */
struct net {
	const struct jz_roll_line *l; /* his first line */
	long long fen;
};

static int add_person(struct jz_bank_person **v, int *n, const struct net *t, jz_err *e)
{
	struct jz_bank_person *p = realloc(*v, (size_t)(*n + 1) * sizeof **v);
	if (!p)
		return jz_fail(e, JZ_EDATA, "内存不足");
	*v = p;
	p += (*n)++;
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", t->l->name);
	snprintf(p->id_number, sizeof p->id_number, "%s", t->l->id_number);
	snprintf(p->household, sizeof p->household, "%s", t->l->household_number);
	snprintf(p->village, sizeof p->village, "%s", t->l->village);
	p->fen = t->fen;
	return 0;
}

/* The bank file of the lines of ls for which onetime_id == oid (0: the
 * cases' lines). */
static int write_bank(const struct lines *ls, jz_rowid oid, const char *label, const char *file,
		      const char *dir, int utf8, struct jz_bank_file *bf, jz_err *e)
{
	struct net *nets = calloc((size_t)ls->n + 1, sizeof *nets);
	struct jz_bank_row *rows = calloc((size_t)ls->n + 1, sizeof *rows);
	char path[4096];
	int nn = 0, nrows = 0, rc = -1;
	snprintf(bf->label, sizeof bf->label, "%s", label);
	snprintf(bf->file, sizeof bf->file, "%s", file);
	if (!nets || !rows) {
		jz_fail(e, JZ_EDATA, "内存不足");
		goto out;
	}
	for (int i = 0; i < ls->n; i++) {
		const struct jz_roll_line *l = &ls->v[i];
		if (l->onetime_id != oid)
			continue;
		int k = 0;
		while (k < nn && nets[k].l->person_id != l->person_id)
			k++;
		if (k == nn)
			nets[nn++].l = l;
		nets[k].fen += l->amount_fen;
	}
	for (int k = 0; k < nn; k++) {
		const struct net *t = &nets[k];
		if (t->fen < 0) {
			bf->owing_fen += t->fen;
			if (add_person(&bf->owing, &bf->nowing, t, e))
				goto out;
		} else if (t->fen > 0 && !*t->l->bank_account) {
			bf->missing_fen += t->fen;
			if (add_person(&bf->missing, &bf->nmissing, t, e))
				goto out;
		} else if (t->fen > 0) {
			rows[nrows++] = (struct jz_bank_row){t->l->name, t->l->id_number, t->l->bank_account, t->fen};
			bf->fen += t->fen;
		}
	}
	bf->rows = nrows;
	rc = join_path(dir, file, path, sizeof path, e) || jz_bank_csv_write(path, rows, nrows, utf8, e);
out:
	free(nets);
	free(rows);
	return rc;
}

/* A new, empty bank file entry at the end of x (freed with x). */
static struct jz_bank_file *add_bank(struct jz_roll_export *x, jz_err *e)
{
	struct jz_bank_file *b = realloc(x->bank, (size_t)(x->nbank + 1) * sizeof *b);
	if (!b) {
		jz_fail(e, JZ_EDATA, "内存不足");
		return NULL;
	}
	x->bank = b;
	memset(&b[x->nbank], 0, sizeof *b);
	return &b[x->nbank++];
}

static int export_banks(jz_db *db, const struct lines *ls, const char *month, const char *dir,
			int utf8, struct jz_roll_export *x, jz_err *e)
{
	struct jz_onetime_info ot[64];
	char file[256], part[96];
	int has_cases = 0;
	for (int i = 0; i < ls->n; i++)
		has_cases |= ls->v[i].onetime_id == 0;
	if (has_cases) {
		snprintf(file, sizeof file, "%s_银行代发.csv", month);
		struct jz_bank_file *bf = add_bank(x, e);
		if (!bf || write_bank(ls, 0, "救助金", file, dir, utf8, bf, e))
			return -1;
	}
	int n = jz_store_onetimes(db, month, ot, 64, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		file_part(ot[i].name, part, sizeof part);
		snprintf(file, sizeof file, "%s_%s_银行代发.csv", month, part);
		struct jz_bank_file *bf = add_bank(x, e);
		if (!bf || write_bank(ls, ot[i].id, ot[i].name, file, dir, utf8, bf, e))
			return -1;
	}
	return 0;
}

int jz_roll_export(jz_db *db, const char *month, const char *dir, int utf8,
		   struct jz_roll_export *x, jz_err *e)
{
	struct jz_roll_info info;
	struct lines ls = {.e = e};
	jz_township t;
	int rc = -1, r;
	memset(x, 0, sizeof *x);
	if (check_month(month, e) || (r = jz_store_roll_get(db, month, &info, e)) < 0)
		return -1;
	if (!r || !*info.built_at)
		return jz_fail(e, JZ_EUSER, "还没有生成 %s 的发放花名册：先运行 jiuzhu roll %s --as 操作员", month, month);
	struct stat sb;
	if (stat(dir, &sb) != 0)
		return jz_fail(e, JZ_EUSER, "导出文件夹 %s 不存在（%s），请先建立", dir, jz_errno_text(errno));
	if (!S_ISDIR(sb.st_mode))
		return jz_fail(e, JZ_EUSER, "%s 不是文件夹", dir);
	if ((r = jz_store_township_get(db, &t, e)) <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EDATA, "数据库里没有乡镇");
	if (jz_store_roll_lines(db, month, collect_line, &ls, e) || ls.failed)
		goto out;
	for (int i = 0; i < ls.n;) {
		int j = i + 1;
		while (j < ls.n && !strcmp(ls.v[j].village_code, ls.v[i].village_code))
			j++;
		if (write_village(&ls, i, j, t.name, &info, dir, x, e))
			goto out;
		i = j;
	}
	rc = export_banks(db, &ls, month, dir, utf8, x, e);
out:
	free(ls.v);
	if (rc)
		jz_roll_export_free(x);
	return rc;
}

void jz_roll_export_free(struct jz_roll_export *x)
{
	if (!x)
		return;
	free(x->workbooks);
	free(x->workbook_lines);
	free(x->workbook_fen);
	for (int i = 0; i < x->nbank; i++) {
		free(x->bank[i].missing);
		free(x->bank[i].owing);
	}
	free(x->bank);
	memset(x, 0, sizeof *x);
}
