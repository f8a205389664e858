/* aid_report.c — what 临时救助 cases wait for (the to-do list), the month's
 * figures for the monthly workbook, and the receipt (领取凭证) with the
 * recipient's signature line, as a workbook or printable text (see aid.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/aid.h"
#include "core/clock.h"
#include "io/xlsx_table.h"
#include "store/aid_store.h"
#include "store/people.h"
#include "store/township_store.h"

#define MAX_PAY 64

/* ---- dues ---- */

struct walk {
	jz_db *db;
	const char *today;
	struct jz_aid_due *out;
	int max, n, failed;
	jz_err *e;
};

static struct jz_aid_due *add(struct walk *w, const jz_aid *a, const char *kind, const char *role,
			      int urgent, const char *due)
{
	struct jz_aid_due *d = w->n < w->max ? &w->out[w->n] : NULL;
	w->n++;
	if (!d)
		return NULL;
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->role = role;
	d->urgent = urgent;
	snprintf(d->due, sizeof d->due, "%s", due ? due : "");
	d->aid_case_id = a->id;
	d->household_id = a->household_id;
	snprintf(d->number, sizeof d->number, "%s", a->number);
	return d;
}

static void paperwork(struct walk *w, const jz_aid *a, const char *name)
{
	struct jz_aid_due *d;
	if (!a->advance || *a->paperwork_done_on)
		return;
	int late = strcmp(w->today, a->paperwork_due) > 0;
	if (!(d = add(w, a, "补充材料", "经办", late, a->paperwork_due)))
		return;
	if (late)
		snprintf(d->text, sizeof d->text, "%s %s 先行救助的补充材料已过期限 %s，请尽快补齐",
			 a->number, name, a->paperwork_due);
	else
		snprintf(d->text, sizeof d->text, "%s %s 先行救助的补充材料 %s 前补齐", a->number, name, a->paperwork_due);
}

static int money_due(struct walk *w, const jz_aid *a, const char *name)
{
	struct jz_aid_payment v[MAX_PAY];
	struct jz_aid_due *d;
	long long paid, planned;
	char x[32];
	int need = jz_aid_needs_county(w->db, a, w->e);
	if (need < 0)
		return -1;
	if (need && !*a->county_doc) {
		jz_aid_yuan(a->approved_fen, x, sizeof x);
		if ((d = add(w, a, "待县审批", "经办", 0, NULL)))
			snprintf(d->text, sizeof d->text, "%s %s 审批 %s 元超过乡镇额度，等待县民政局审批（记录文号后才能发放）",
				 a->number, name, x);
		return 0;
	}
	int n = jz_store_aid_payments(w->db, a->id, v, MAX_PAY, w->e);
	if (n < 0 || jz_store_aid_sums(w->db, a->id, &paid, &planned, w->e))
		return -1;
	for (int i = 0; i < n && i < MAX_PAY; i++) {
		if (*v[i].paid_on)
			continue;
		if (strcmp(v[i].due_on, w->today) <= 0) {
			int late = strcmp(v[i].due_on, w->today) < 0;
			jz_aid_yuan(v[i].amount_fen, x, sizeof x);
			if ((d = add(w, a, "分期发放", "经办", late, v[i].due_on)))
				snprintf(d->text, sizeof d->text, "%s %s 第 %d 期 %s 元%s %s", a->number, name, v[i].seq, x,
					 late ? "已过发放日期" : "今天发放", v[i].due_on);
		}
		return 0; /* stages are paid in order */
	}
	if (paid < a->approved_fen) {
		jz_aid_yuan(a->approved_fen - paid, x, sizeof x);
		if ((d = add(w, a, "待发放", "经办", 0, NULL)))
			snprintf(d->text, sizeof d->text, "%s %s 已审批，还有 %s 元待发放", a->number, name, x);
	}
	return 0;
}

static int due_one(const jz_aid *a, void *arg)
{
	struct walk *w = arg;
	struct jz_aid_due *d;
	jz_person p = {0};
	const char *role;
	if (jz_store_person_get(w->db, a->person_id, &p, w->e) < 0)
		goto fail;
	const char *step = jz_aid_next_step(a, &role);
	if (step && (d = add(w, a, "待办", role, 0, NULL)))
		snprintf(d->text, sizeof d->text, "%s %s 临时救助（%s）等待「%s」", a->number, p.name, a->kind, step);
	paperwork(w, a, p.name);
	if (!strcmp(a->state, "已审批") && money_due(w, a, p.name))
		goto fail;
	return 0;
fail:
	w->failed = 1;
	return 1;
}

int jz_aid_dues(jz_db *db, const char *today, struct jz_aid_due *out, int max, jz_err *e)
{
	struct walk w = {db, today, out, max, 0, 0, e};
	if (!today || !jz_date_valid(today))
		return jz_fail(e, JZ_EUSER, "日期「%s」不对，应写成 YYYY-MM-DD", today ? today : "");
	if (jz_store_aids(db, due_one, &w, e) || w.failed)
		return -1;
	return w.n;
}

/* ---- figures ---- */

int jz_aid_figures(jz_db *db, const char *month, struct jz_aid_figures *out, jz_err *e)
{
	char first[11], last[11];
	if (!month || !jz_month_valid(month))
		return jz_fail(e, JZ_EUSER, "月份「%s」不对，应写成 YYYY-MM", month ? month : "");
	memset(out, 0, sizeof *out);
	snprintf(first, sizeof first, "%.7s-01", month);
	jz_month_last_day(month, last);
	return jz_store_aid_figures(db, first, last, out, e);
}

/* ---- receipt ---- */

/* 150050 -> 壹仟伍佰元伍角整 (the written amount of a receipt). */
static void daxie(long long fen, char *buf, size_t n)
{
	static const char *const dig[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
	static const char *const unit[] = {"", "拾", "佰", "仟"};
	static const char *const group[] = {"", "万", "亿"};
	long long yuan = fen / 100;
	int jiao = (int)(fen / 10 % 10), f = (int)(fen % 10);
	size_t len = 0;
	buf[0] = '\0';
#define PUT(s) (len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s", (s)), len = len < n ? len : n - 1)
	if (fen < 0 || yuan >= 1000000000000LL) {
		snprintf(buf, n, "（金额超出范围）");
		return;
	}
	if (yuan) {
		int g[3] = {(int)(yuan % 10000), (int)(yuan / 10000 % 10000), (int)(yuan / 100000000)};
		int started = 0, zero = 0;
		for (int gi = 2; gi >= 0; gi--) {
			if (!g[gi]) {
				zero = started;
				continue;
			}
			if (started && (zero || g[gi] < 1000))
				PUT("零");
			zero = 0;
			int inner = 0, pending = 0;
			for (int k = 3; k >= 0; k--) {
				int d = g[gi] / (k == 3 ? 1000 : k == 2 ? 100 : k == 1 ? 10 : 1) % 10;
				if (!d) {
					pending = inner;
					continue;
				}
				if (pending)
					PUT("零");
				PUT(dig[d]);
				PUT(unit[k]);
				inner = 1;
				pending = 0;
			}
			PUT(group[gi]);
			started = 1;
		}
		PUT("元");
	} else if (!jiao && !f)
		PUT("零元");
	if (jiao)
		PUT(dig[jiao]), PUT("角");
	else if (yuan && f)
		PUT("零");
	if (f)
		PUT(dig[f]), PUT("分");
	else
		PUT("整");
#undef PUT
}

struct receipt {
	jz_aid a;
	jz_person p;
	jz_household h;
	jz_township t;
	struct jz_aid_payment v[MAX_PAY];
	int n;            /* payments on the receipt */
	long long total;
};

static int gather(jz_db *db, jz_rowid id, int seq, struct receipt *r, jz_err *e)
{
	struct jz_aid_payment all[MAX_PAY];
	memset(r, 0, sizeof *r);
	if (jz_aid_get(db, id, &r->a, e) || jz_store_township_get(db, &r->t, e) < 0)
		return -1;
	if (jz_store_person_get(db, r->a.person_id, &r->p, e) <= 0)
		return jz_fail(e, JZ_EDATA, "案件 %s 的救助对象不见了", r->a.number);
	if (r->a.household_id && jz_store_household_get(db, r->a.household_id, &r->h, e) < 0)
		return -1;
	int n = jz_store_aid_payments(db, id, all, MAX_PAY, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n && i < MAX_PAY; i++)
		if (*all[i].paid_on && (!seq || all[i].seq == seq)) {
			r->v[r->n++] = all[i];
			r->total += all[i].amount_fen;
		}
	if (!r->n)
		return seq ? jz_fail(e, JZ_EUSER, "案件 %s 没有已发放的第 %d 次发放", r->a.number, seq)
			   : jz_fail(e, JZ_EUSER, "案件 %s 还没有发放，没有领取凭证", r->a.number);
	return 0;
}

static void where(const struct receipt *r, char *buf, size_t n)
{
	if (r->a.household_id)
		snprintf(buf, n, "户编号 %s", r->h.number);
	else
		snprintf(buf, n, "非本乡镇户籍，户籍地 %s", *r->p.hukou ? r->p.hukou : r->a.hukou);
}

#define SIGN_LINE "领取人（签名或按手印）：________________    日期：______年____月____日"
#define CLERK_LINE "经办人：________________    审核人：________________"

int jz_aid_receipt_xlsx(jz_db *db, jz_rowid id, int seq, const char *path, jz_err *e)
{
	static const struct jz_xcol cols[] = {
		{"次", JZ_CELL_INT, 5}, {"发放日期", JZ_CELL_TEXT, 12}, {"方式", JZ_CELL_TEXT, 8},
		{"金额（元）", JZ_CELL_MONEY, 12}, {"领取人签名（手印）", JZ_CELL_TEXT, 24},
	};
	struct receipt *r = calloc(1, sizeof *r);
	char title[160], note[700], footer[400], at[128], dx[128];
	if (!r)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (gather(db, id, seq, r, e)) {
		free(r);
		return -1;
	}
	where(r, at, sizeof at);
	daxie(r->total, dx, sizeof dx);
	snprintf(title, sizeof title, "%s临时救助金领取凭证", r->t.name);
	snprintf(note, sizeof note, "案件 %s  %s型%s  原因：%s  救助对象：%s  身份证号：%s  %s  救助人数：%d 人",
		 r->a.number, r->a.kind, r->a.advance ? "（先行救助）" : "", r->a.cause, r->p.name, r->p.id_number, at,
		 r->a.persons);
	snprintf(footer, sizeof footer, "合计（大写）：%s    " SIGN_LINE "    " CLERK_LINE, dx);
	struct jz_xtable x = {path, "领取凭证", title, note, footer, cols, 5, 3};
	jz_xwriter *w = jz_xtable_open(&x, e);
	if (!w) {
		free(r);
		return -1;
	}
	for (int i = 0; i < r->n; i++) {
		const char *cells[5] = {NULL, r->v[i].paid_on, r->v[i].method, NULL, ""};
		long long nums[5] = {r->v[i].seq, 0, 0, r->v[i].amount_fen, 0};
		jz_xtable_row(w, cells, nums);
	}
	free(r);
	return jz_xtable_close(w, e);
}

static void put(char *buf, size_t n, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t n, size_t *len, const char *fmt, ...)
{
	va_list ap;
	if (*len >= n)
		return;
	va_start(ap, fmt);
	int k = vsnprintf(buf + *len, n - *len, fmt, ap);
	va_end(ap);
	*len = k < 0 ? *len : (*len + (size_t)k < n ? *len + (size_t)k : n - 1);
}

int jz_aid_receipt_text(jz_db *db, jz_rowid id, int seq, char *buf, size_t n, jz_err *e)
{
	struct receipt *r = calloc(1, sizeof *r);
	char at[128], dx[128], y[32];
	size_t len = 0;
	if (!r)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (gather(db, id, seq, r, e)) {
		free(r);
		return -1;
	}
	where(r, at, sizeof at);
	daxie(r->total, dx, sizeof dx);
	buf[0] = '\0';
	put(buf, n, &len, "            %s临时救助金领取凭证\n\n", r->t.name);
	put(buf, n, &len, "案件编号：%s    类型：%s型%s    原因：%s\n", r->a.number, r->a.kind,
	    r->a.advance ? "（先行救助）" : "", r->a.cause);
	put(buf, n, &len, "救助对象：%s    身份证号：%s\n", r->p.name, r->p.id_number);
	put(buf, n, &len, "%s    救助人数：%d 人\n", at, r->a.persons);
	if (*r->a.need)
		put(buf, n, &len, "困难情况：%s\n", r->a.need);
	put(buf, n, &len, "------------------------------------------------------------\n");
	put(buf, n, &len, "次  发放日期    方式  金额（元）\n");
	for (int i = 0; i < r->n; i++) {
		jz_aid_yuan(r->v[i].amount_fen, y, sizeof y);
		put(buf, n, &len, "%-3d %s  %s  %10s\n", r->v[i].seq, r->v[i].paid_on, r->v[i].method, y);
	}
	jz_aid_yuan(r->total, y, sizeof y);
	put(buf, n, &len, "------------------------------------------------------------\n");
	put(buf, n, &len, "合计：%s 元（大写：%s）\n\n", y, dx);
	put(buf, n, &len, SIGN_LINE "\n\n" CLERK_LINE "\n");
	free(r);
	return 0;
}
