/* import_apply.c — writing a checked roster: villages to create, then per
 * household the household, its members and its cases, each through the
 * core functions the desk uses (so every change has its event), all in
 * the caller's one transaction. What the database already holds the same
 * way is left untouched: importing the same file twice changes nothing. */
#include <stdio.h>
#include <string.h>

#include "core/case_util.h"
#include "core/household.h"
#include "core/import_int.h"
#include "core/record.h"
#include "core/township.h"
#include "io/form_file.h"
#include "store/case_store.h"
#include "store/people.h"

static int field_col(const char *field)
{
	static const struct { const char *f; int c; } map[] = {
		{"id_number", C_ID}, {"name", C_NAME}, {"relation", C_REL}, {"labour", C_LABOUR},
		{"disability_cat", C_DISCAT}, {"disability_grade", C_DISGRADE}, {"employment", C_EMPLOY},
		{"phone", C_PHONE}, {"bank_account", C_BANK}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i].f, field))
			return map[i].c;
	return -1;
}

int imp_person(struct imp_ctx *x, const struct imp_row *w, const jz_person *old, jz_person *p)
{
	if (old)
		*p = *old;
	else {
		memset(p, 0, sizeof *p);
		snprintf(p->labour, sizeof p->labour, "有劳动能力");
	}
	memcpy(p->id_number, w->id, sizeof p->id_number);
	snprintf(p->name, sizeof p->name, "%s", w->name);
	snprintf(p->relation, sizeof p->relation, "%s", w->relation);
#define TXT(f, v) if (*w->v) snprintf(p->f, sizeof p->f, "%s", w->v)
	TXT(labour, labour);
	TXT(employment, employment);
	TXT(phone, phone);
	TXT(bank_account, bank);
#undef TXT
	if (*w->dis_cat)
		snprintf(p->disability_cat, sizeof p->disability_cat, "%s", w->dis_cat);
	if (w->dis_grade >= 0)
		p->disability_grade = w->dis_grade;
	if (w->dis_grade == 0)
		*p->disability_cat = '\0';
	if (w->ill >= 0)
		p->serious_illness = w->ill;
	if (w->student >= 0)
		p->student = w->student;
	jz_person chk = *p;
	jz_err e = {0};
	if (!chk.household_id)
		chk.household_id = 1; /* checked as a member */
	if (x && jz_person_validate(&chk, x->today, &e)) {
		int c = field_col(e.field);
		const char *v = c == C_PHONE ? w->phone : c == C_BANK ? w->bank : c == C_NAME ? w->name : c == C_ID ? w->id : "";
		imp_problem(x, w->line, c, c < 0 ? NULL : v, "%s", e.msg);
		return -1;
	}
	memcpy(p->relation, chk.relation, sizeof p->relation);
	return 0;
}

static int create_villages(struct imp_ctx *x, jz_err *e)
{
	for (int i = 0; i < x->nvil; i++) {
		if (x->vil[i].id)
			continue;
		if (jz_village_add(x->s, &x->vil[i], e))
			return -1;
		x->r->villages_added++;
	}
	return 0;
}

static void household_fields(const struct imp_ctx *x, jz_household *h, const struct imp_row *hw,
			     const jz_village *v)
{
	(void)x;
	h->village_id = v->id;
	if (*hw->area)
		snprintf(h->area, sizeof h->area, "%s", hw->area);
	else if (!*h->area)
		snprintf(h->area, sizeof h->area, "%s", v->area);
	if (*hw->cause)
		snprintf(h->poverty_cause, sizeof h->poverty_cause, "%s", hw->cause);
	if (hw->jiandang >= 0) {
		h->jiandang = hw->jiandang;
		if (!h->jiandang)
			*h->tuopin = '\0';
	}
	if (*hw->tuopin)
		snprintf(h->tuopin, sizeof h->tuopin, "%s", hw->tuopin);
}

static int household_same(const jz_household *a, const jz_household *b)
{
	return a->village_id == b->village_id && !strcmp(a->area, b->area) &&
	       !strcmp(a->poverty_cause, b->poverty_cause) && a->jiandang == b->jiandang &&
	       !strcmp(a->tuopin, b->tuopin);
}

static int person_changed(const jz_person *old, const jz_person *p)
{
	jz_change c;
	jz_change_init(&c, "", "", "");
	jz_person_diff(&c, old, p);
	return *c.old_text || *c.new_text;
}

/* The household of the group, created (with its head) or updated. */
static int apply_household(struct imp_ctx *x, const struct imp_row *hw, jz_household *h, int *created,
			   jz_err *e)
{
	jz_village *v = imp_village(x, hw->village);
	int r = jz_store_household_by_number(x->s->db, hw->hh, h, e);
	*created = 0;
	if (r < 0 || !v)
		return r < 0 ? -1 : jz_fail(e, JZ_EDATA, "内部错误：村「%s」没有找到", hw->village);
	if (r) {
		jz_household n = *h;
		household_fields(x, &n, hw, v);
		if (household_same(&n, h))
			return 0;
		*h = n;
		x->r->households_changed++;
		return jz_household_update(x->s, h, "花名册导入", e);
	}
	jz_person head, old;
	memset(h, 0, sizeof *h);
	snprintf(h->number, sizeof h->number, "%s", hw->hh);
	household_fields(x, h, hw, v);
	int k = jz_store_person_by_idno(x->s->db, hw->id, &old, e);
	if (k < 0 || imp_person(NULL, hw, k ? &old : NULL, &head))
		return -1;
	*created = 1;
	x->r->households_added++;
	x->r->persons_added++;
	return jz_household_create(x->s, h, &head, "花名册导入", e);
}

static int apply_member(struct imp_ctx *x, const struct imp_row *w, const jz_household *h, jz_err *e)
{
	jz_person old, p;
	int k = jz_store_person_by_idno(x->s->db, w->id, &old, e);
	if (k < 0 || imp_person(NULL, w, k ? &old : NULL, &p))
		return -1;
	if (k && old.household_id == h->id) {
		if (!person_changed(&old, &p))
			return 0;
		x->r->persons_changed++;
		return jz_person_update(x->s, &p, "花名册导入", e);
	}
	x->r->persons_added++;
	return jz_member_add(x->s, h->id, &p, "花名册导入", e);
}

static int next_number(struct imp_ctx *x, jz_case *c, jz_err *e)
{
	int tk = !strcmp(c->programme, "特困");
	char prefix[16];
	snprintf(prefix, sizeof prefix, "%s%.4s-", tk ? "TK" : "DB", x->today);
	if (x->serial[tk] < 0 && (x->serial[tk] = jz_store_case_max_serial(x->s->db, prefix, e)) < 0)
		return -1;
	snprintf(c->number, sizeof c->number, "%s%04d", prefix, ++x->serial[tk]);
	return 0;
}

static int new_case(struct imp_ctx *x, const jz_household *h, const struct imp_row *w, int start, int end,
		    jz_err *e)
{
	jz_case c;
	memset(&c, 0, sizeof c);
	c.household_id = h->id;
	snprintf(c.programme, sizeof c.programme, "%s", w->prog);
	snprintf(c.mode, sizeof c.mode, "%s", w->mode);
	snprintf(c.area, sizeof c.area, "%s", h->area);
	snprintf(c.state, sizeof c.state, "在保");
	memcpy(c.accepted_on, x->today, sizeof c.accepted_on);
	snprintf(c.accepted_by, sizeof c.accepted_by, "%s", x->s->op.login);
	snprintf(c.entry_reason, sizeof c.entry_reason, "新申请");
	memcpy(c.start_month, w->month, sizeof c.start_month);
	snprintf(c.imported_from, sizeof c.imported_from, "%s", x->source);
	if (next_number(x, &c, e) || jz_case_review_due(x->s->db, &c, x->today, c.review_due, e) ||
	    jz_store_case_insert(x->s->db, &c, e))
		return -1;
	int whole = !strcmp(w->mode, "整户保障"), covered = 0;
	for (int i = whole ? start : 0; i < (whole ? end : 1); i++) {
		const struct imp_row *m = whole ? &x->rows[x->order[i]] : w;
		jz_person p;
		if (jz_store_person_by_idno(x->s->db, m->id, &p, e) <= 0 ||
		    jz_store_case_member_add(x->s->db, c.id, p.id, e))
			return -1;
		covered++;
	}
	struct jz_case_amount a = {.base_fen = w->fen, .total_fen = w->fen, .covered = covered};
	memcpy(a.from_month, w->month, sizeof a.from_month);
	snprintf(a.note, sizeof a.note, "导入");
	char money[32], detail[256];
	jz_money_format(w->fen, money, sizeof money);
	snprintf(detail, sizeof detail, "%s，起始 %s，月保障金额 %s 元，%d 人，来自 %s", c.mode, c.start_month, money,
		 covered, x->source);
	x->r->cases_added++;
	return jz_store_amount_put(x->s->db, c.id, &a, e) ||
	       jz_case_record(x->s, &c, "case.import", "花名册导入", detail, e) ? -1 : 0;
}

/* An open case of the file: its amount this month follows the file. */
static int known_case(struct imp_ctx *x, const jz_case *c, const struct imp_row *w, jz_err *e)
{
	struct jz_case_amount a;
	const char *from = strcmp(c->start_month, x->month) > 0 ? c->start_month : x->month;
	int r = jz_store_amount_in(x->s->db, c->id, from, &a, e);
	if (r < 0 || (r && a.total_fen == w->fen))
		return r < 0 ? -1 : 0;
	char detail[256], was[32], now[32];
	jz_money_format(r ? a.total_fen : 0, was, sizeof was);
	jz_money_format(w->fen, now, sizeof now);
	snprintf(detail, sizeof detail, "月保障金额 %s 元改为 %s 元（自 %s 起，来自 %s）", was, now, from, x->source);
	struct jz_case_amount n = {.base_fen = w->fen, .total_fen = w->fen, .covered = r ? a.covered : 1};
	snprintf(n.from_month, sizeof n.from_month, "%s", from);
	snprintf(n.note, sizeof n.note, "导入");
	x->r->cases_changed++;
	return jz_store_amount_put(x->s->db, c->id, &n, e) ||
	       jz_case_record(x->s, c, "case.amount", "花名册导入", detail, e) ? -1 : 0;
}

static int apply_cases(struct imp_ctx *x, const jz_household *h, int start, int end, jz_err *e)
{
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (!imp_carries_case(w))
			continue;
		jz_person p;
		char number[40];
		jz_case c;
		if (jz_store_person_by_idno(x->s->db, w->id, &p, e) <= 0 ||
		    jz_store_open_case_of(x->s->db, p.id, w->prog, 0, number, sizeof number, e))
			return -1;
		int r = *number ? jz_store_case_by_number(x->s->db, number, &c, e) : 0;
		if (r < 0 || (r ? known_case(x, &c, w, e) : new_case(x, h, w, start, end, e)))
			return -1;
	}
	return 0;
}

static int apply_group(struct imp_ctx *x, int start, int end, jz_err *e)
{
	const struct imp_row *hw = &x->rows[imp_group_head(x, start, end)];
	jz_household h;
	int created;
	if (apply_household(x, hw, &h, &created, e))
		return -1;
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (created && w == hw)
			continue;
		if (apply_member(x, w, &h, e))
			return -1;
	}
	return apply_cases(x, &h, start, end, e);
}

int imp_apply(struct imp_ctx *x, jz_err *e)
{
	struct jz_import_result *r = x->r;
	r->households_added = r->persons_added = 0;
	x->serial[0] = x->serial[1] = -1;
	if (create_villages(x, e))
		return -1;
	for (int start = 0; start < x->nrows;) {
		int end = imp_group_end(x, start);
		if (apply_group(x, start, end, e))
			return -1;
		x->done++;
		if (x->o->progress && (x->done % 100 == 0 || end == x->nrows))
			x->o->progress(x->done, r->households, x->o->arg);
		start = end;
	}
	return 0;
}
