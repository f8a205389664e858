/* case_forms.c — the forms of the case screen, each bound to a small record
 * and saved by one core call (one transaction with its event):
 *   forms/case_income.ini  a member's monthly income   -> jz_case_set_income
 *   forms/case_review.ini  a review of a case in force -> jz_case_review
 *   forms/case_step.ini    审批 when the county approves -> jz_case_step
 * The functions are declared where they are used, in screen_case.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case.h"
#include "io/form_file.h"
#include "ui/form_screen.h"

void jz_case_form_income(jz_desk *d, jz_rowid case_id, const jz_person *m, int n, int sel);
void jz_case_form_review(jz_desk *d, jz_rowid case_id);
void jz_case_form_approve(jz_desk *d, jz_rowid case_id);

#define MAX_MEMBERS 64

/* ---- income: the member is typed as a name or the end of an ID ---- */

struct income_rec {
	jz_rowid case_id;
	int n;
	struct {
		char name[96];
		char id_number[19];
	} m[MAX_MEMBERS];
	char initial[96];   /* the member selected on the case screen */
	char id_number[19]; /* the member typed, resolved */
	char kind[32];
	long long fen;
};

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return b <= a && !strcmp(s + a - b, tail);
}

static int id_tail(const char *v)
{
	size_t n = strlen(v);
	if (n < 4 || n > 18)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((v[i] >= '0' && v[i] <= '9') || v[i] == 'X' || v[i] == 'x'))
			return 0;
	return 1;
}

/* A member by name, or by his ID or its last 4 or more characters. */
static int resolve_member(struct income_rec *r, const char *v, jz_err *e)
{
	char up[19] = "", names[400] = "";
	int hits = 0, hit = -1;
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->m[i].name, v))
			hits++, hit = i;
	if (hits == 0 && id_tail(v)) {
		for (size_t i = 0; v[i] && i < sizeof up - 1; i++)
			up[i] = v[i] == 'x' ? 'X' : v[i], up[i + 1] = '\0';
		for (int i = 0; i < r->n; i++)
			if (ends_with(r->m[i].id_number, up))
				hits++, hit = i;
	}
	if (hits == 1) {
		memcpy(r->id_number, r->m[hit].id_number, sizeof r->id_number);
		return 0;
	}
	if (hits > 1)
		return jz_fail_field(e, JZ_EUSER, "member", "本户有 %d 个成员对得上「%s」，请写完整的身份证号",
				     hits, v);
	for (int i = 0; i < r->n; i++) {
		size_t len = strlen(names);
		snprintf(names + len, sizeof names - len, "%s%s", i ? "、" : "", r->m[i].name);
	}
	return jz_fail_field(e, JZ_EUSER, "member", "「%s」不是本户成员：请写 %s 中的一个，或身份证号后 4 位",
			     v, names);
}

static int income_get(const void *p, const char *key, char *buf, size_t n)
{
	const struct income_rec *r = p;
	snprintf(buf, n, "%s", !strcmp(key, "member") ? r->initial : "");
	return 0;
}

static int income_set(void *p, const char *key, const char *v, jz_err *e)
{
	struct income_rec *r = p;
	if (!strcmp(key, "member"))
		return resolve_member(r, v, e);
	if (!strcmp(key, "kind")) {
		snprintf(r->kind, sizeof r->kind, "%s", v);
		return 0;
	}
	if (!strcmp(key, "monthly"))
		return jz_money_parse(v, &r->fen, e);
	return 0; /* a field a county added to its copy of the form: not stored */
}

static int income_save(jz_desk *d, void *p, const char *why, jz_err *e)
{
	struct income_rec *r = p;
	(void)why; /* the core records its own reason (核算收入) */
	return jz_case_set_income(&d->s, r->case_id, r->id_number, r->kind, r->fen, e);
}

void jz_case_form_income(jz_desk *d, jz_rowid case_id, const jz_person *m, int n, int sel)
{
	struct income_rec *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->case_id = case_id;
	for (int i = 0; i < n && r->n < MAX_MEMBERS; i++) {
		if (*m[i].deceased_on)
			continue;
		snprintf(r->m[r->n].name, sizeof r->m[0].name, "%s", m[i].name);
		memcpy(r->m[r->n].id_number, m[i].id_number, sizeof r->m[0].id_number);
		r->n++;
	}
	if (sel >= 0 && sel < n && !*m[sel].deceased_on)
		snprintf(r->initial, sizeof r->initial, "%s", m[sel].name);
	struct jz_form_ops ops = {.rec = r, .get = income_get, .set = income_set, .save = income_save,
				  .free = free};
	jz_push_form(d, "case_income", "录入收入", &ops);
}

/* ---- review ---- */

struct review_rec {
	jz_rowid case_id;
	char result[16], reason[64], note[256];
	int grace;
};

static int review_get(const void *p, const char *key, char *buf, size_t n)
{
	(void)p, (void)key;
	snprintf(buf, n, "%s", ""); /* the form's defaults */
	return 0;
}

static int review_set(void *p, const char *key, const char *v, jz_err *e)
{
	struct review_rec *r = p;
	(void)e;
	if (!strcmp(key, "result"))
		snprintf(r->result, sizeof r->result, "%s", v);
	else if (!strcmp(key, "reason"))
		snprintf(r->reason, sizeof r->reason, "%s", v);
	else if (!strcmp(key, "note"))
		snprintf(r->note, sizeof r->note, "%s", v);
	else if (!strcmp(key, "grace"))
		r->grace = *v ? atoi(v) : 6;
	return 0;
}

static int review_save(jz_desk *d, void *p, const char *why, jz_err *e)
{
	struct review_rec *r = p;
	(void)why;
	struct jz_review rv = {r->result, *r->reason ? r->reason : NULL, *r->note ? r->note : NULL,
			       r->grace ? r->grace : 6};
	return jz_case_review(&d->s, r->case_id, &rv, e);
}

void jz_case_form_review(jz_desk *d, jz_rowid case_id)
{
	struct review_rec *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->case_id = case_id;
	struct jz_form_ops ops = {.rec = r, .get = review_get, .set = review_set, .save = review_save,
				  .free = free};
	jz_push_form(d, "case_review", "复核", &ops);
}

/* ---- 审批 by the county: its document number and date ---- */

struct approve_rec {
	jz_rowid case_id;
	char today[11];
	char doc[128], date[11], note[256];
};

static int approve_get(const void *p, const char *key, char *buf, size_t n)
{
	const struct approve_rec *r = p;
	snprintf(buf, n, "%s", !strcmp(key, "county_date") ? r->today : "");
	return 0;
}

static int approve_set(void *p, const char *key, const char *v, jz_err *e)
{
	struct approve_rec *r = p;
	(void)e;
	if (!strcmp(key, "county_doc"))
		snprintf(r->doc, sizeof r->doc, "%s", v);
	else if (!strcmp(key, "county_date"))
		snprintf(r->date, sizeof r->date, "%s", v);
	else if (!strcmp(key, "note"))
		snprintf(r->note, sizeof r->note, "%s", v);
	return 0;
}

static int approve_save(jz_desk *d, void *p, const char *why, jz_err *e)
{
	struct approve_rec *r = p;
	(void)why;
	struct jz_step st = {0, r->note, NULL, r->doc, r->date};
	return jz_case_step(&d->s, r->case_id, &st, e);
}

void jz_case_form_approve(jz_desk *d, jz_rowid case_id)
{
	struct approve_rec *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->case_id = case_id;
	memcpy(r->today, d->today, sizeof r->today);
	struct jz_form_ops ops = {.rec = r, .get = approve_get, .set = approve_set, .save = approve_save,
				  .free = free};
	jz_push_form(d, "case_step", "审批", &ops);
}
