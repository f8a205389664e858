/* import_check.c — the roster's checks across rows and against the
 * database: IDs that appear twice, households with no head or two heads,
 * members written in different villages, unknown villages, where the
 * amounts of the cases stand, and persons or cases the database already
 * holds in a way the import must not change silently (a member of another
 * household, a different head, a case still in its workflow). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/import_int.h"
#include "io/form_file.h"
#include "store/case_store.h"
#include "store/import_store.h"
#include "store/people.h"
#include "store/township_store.h"

static const struct imp_ctx *sort_ctx; /* qsort has no argument: set just around the call */

static int by_id(const void *a, const void *b)
{
	const struct imp_row *x = &sort_ctx->rows[*(const int *)a], *y = &sort_ctx->rows[*(const int *)b];
	int c = strcmp(x->id, y->id);
	return c ? c : x->line - y->line;
}

static int by_household(const void *a, const void *b)
{
	const struct imp_row *x = &sort_ctx->rows[*(const int *)a], *y = &sort_ctx->rows[*(const int *)b];
	int c = strcmp(x->hh, y->hh);
	return c ? c : x->line - y->line;
}

int imp_group_end(const struct imp_ctx *x, int start)
{
	int end = start + 1;
	while (end < x->nrows && !strcmp(x->rows[x->order[end]].hh, x->rows[x->order[start]].hh))
		end++;
	return end;
}

int imp_group_head(const struct imp_ctx *x, int start, int end)
{
	for (int i = start; i < end; i++)
		if (x->rows[x->order[i]].is_head)
			return x->order[i];
	return -1;
}

jz_village *imp_village(struct imp_ctx *x, const char *name)
{
	for (int i = 0; i < x->nvil; i++)
		if (!strcmp(x->vil[i].name, name))
			return &x->vil[i];
	return NULL;
}

int imp_carries_case(const struct imp_row *w)
{
	return *w->prog && (strcmp(w->mode, "整户保障") || w->is_head);
}

static void duplicates(struct imp_ctx *x)
{
	for (int i = 0; i < x->nrows; i++)
		x->order[i] = i;
	sort_ctx = x;
	qsort(x->order, (size_t)x->nrows, sizeof *x->order, by_id);
	for (int i = 1; i < x->nrows; i++) {
		const struct imp_row *a = &x->rows[x->order[i - 1]], *b = &x->rows[x->order[i]];
		if (*b->id && !strcmp(a->id, b->id))
			imp_problem(x, b->line, C_ID, b->id, "身份证号与第 %d 行（%s）重复：一个人只写一行", a->line, a->name);
	}
	qsort(x->order, (size_t)x->nrows, sizeof *x->order, by_household);
	sort_ctx = NULL;
}

static int add_village(struct imp_ctx *x, const char *name, const char *area)
{
	if (x->nvil == x->capvil) {
		int cap = x->capvil ? x->capvil * 2 : 64;
		jz_village *v = realloc(x->vil, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		x->vil = v;
		x->capvil = cap;
	}
	jz_village *v = &x->vil[x->nvil++];
	memset(v, 0, sizeof *v);
	snprintf(v->name, sizeof v->name, "%s", name);
	size_t n = strlen(name);
	int community = n >= 6 && !strcmp(name + n - 6, "社区");
	snprintf(v->kind, sizeof v->kind, "%s", community ? "社区" : "村");
	snprintf(v->area, sizeof v->area, "%s", *area ? area : community ? "城市" : "农村");
	return 0;
}

static void village_list(const struct imp_ctx *x, char *out, size_t n)
{
	*out = '\0';
	for (int i = 0; i < x->nvil && x->vil[i].id > 0; i++) {
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s", i ? "、" : "", x->vil[i].name);
	}
}

static int village_of(struct imp_ctx *x, const struct imp_row *head, jz_err *e)
{
	if (imp_village(x, head->village))
		return 0;
	if (x->o->add_villages) {
		if (add_village(x, head->village, head->area))
			return jz_fail(e, JZ_EDATA, "内存不足");
		jz_village *v = &x->vil[x->nvil - 1];
		imp_note(x, head->line, C_VILLAGE, head->village, "将新建%s「%s」（%s）", v->kind, v->name, v->area);
		return 0;
	}
	char list[400];
	village_list(x, list, sizeof list);
	imp_problem(x, head->line, C_VILLAGE, head->village, "救助台里没有这个村（社区）；现有：%s。"
		    "请改正名称，或选择新建（命令行加 --add-villages，救助台按 v）；写这个村的其他行不再列出", *list ? list : "（还没有村）");
	if (add_village(x, head->village, head->area))
		return jz_fail(e, JZ_EDATA, "内存不足");
	x->vil[x->nvil - 1].id = -1; /* reported once */
	return 0;
}

static void tally(struct imp_ctx *x, const struct imp_row *w)
{
	struct jz_import_result *r = x->r;
	int i = 0;
	while (i < r->nprogs && (strcmp(r->progs[i].programme, w->prog) || strcmp(r->progs[i].mode, w->mode)))
		i++;
	if (i == r->nprogs && r->nprogs < 8) {
		snprintf(r->progs[i].programme, sizeof r->progs[i].programme, "%s", w->prog);
		snprintf(r->progs[i].mode, sizeof r->progs[i].mode, "%s", w->mode);
		r->nprogs++;
	}
	if (i < 8) {
		r->progs[i].cases++;
		r->progs[i].fen += w->fen;
	}
	r->cases++;
	r->total_fen += w->fen;
}

/* Where a household's cases and their amounts stand. */
static void group_cases(struct imp_ctx *x, int start, int end, const struct imp_row *head)
{
	const struct imp_row *whole = NULL, *single = NULL;
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (!strcmp(w->mode, "整户保障") && !whole)
			whole = w;
		if (!strcmp(w->mode, "单人保") && !single)
			single = w;
		if (!strcmp(w->mode, "整户保障") && !w->is_head && w->has_fen && w->fen) {
			char v[32];
			jz_money_format(w->fen, v, sizeof v);
			imp_problem(x, w->line, C_AMOUNT, v, "整户保障的月保障金额只写在户主一行（全户每月合计），这一行请留空");
		}
	}
	if (whole && single)
		imp_problem(x, single->line, C_MODE, single->mode, "同一户不能既有整户保障又有单人保（见第 %d 行）", whole->line);
	if (whole && head && strcmp(head->mode, "整户保障"))
		imp_problem(x, head->line, C_PROG, head->prog, "户编号 %s 有整户保障（第 %d 行），户主一行要写救助项目「低保」、保障方式「整户保障」和全户的月保障金额",
			    head->hh, whole->line);
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (!imp_carries_case(w))
			continue;
		if (!w->has_fen && !w->bad_fen)
			imp_problem(x, w->line, C_AMOUNT, "", "%s（%s）要填每月的保障金额%s", w->prog, w->mode,
				    !strcmp(w->mode, "整户保障") ? "（全户合计，含分类施保）" : "");
		else if (w->has_fen && w->fen == 0)
			imp_problem(x, w->line, C_AMOUNT, "0", "月保障金额应大于 0");
		if (!*w->month && !w->bad_month)
			imp_problem(x, w->line, C_MONTH, "", "%s要填起始年月（例如 2024-03）", w->prog);
		if (*w->month && *x->locked && strcmp(w->month, x->locked) <= 0 && !x->warned_locked++)
			imp_note(x, w->line, C_MONTH, w->month, "救助台里 %s 及以前的发放花名册已锁定：导入的案件在导入以前的月份"
				 "视为已在系统外发放，不会补发，从下一次生成的花名册起按月发放（只提示一次）", x->locked);
		tally(x, w);
	}
}

/* A person the database knows: in another household, or dead. */
static int known_person(struct imp_ctx *x, const struct imp_row *w, const jz_household *h, jz_err *e)
{
	jz_person p;
	jz_person tmp;
	int r = jz_store_person_by_idno(x->s->db, w->id, &p, e);
	if (r <= 0) {
		if (r == 0)
			imp_person(x, w, NULL, &tmp);
		return r;
	}
	imp_person(x, w, &p, &tmp);
	if (*p.deceased_on)
		imp_problem(x, w->line, C_ID, w->id, "%s 已于 %s 登记死亡，不能导入为在册成员", p.name, p.deceased_on);
	if (p.household_id && (!h || p.household_id != h->id)) {
		jz_household other;
		if (jz_store_household_get(x->s->db, p.household_id, &other, e) < 0)
			return -1;
		imp_problem(x, w->line, C_ID, w->id, "%s 已是救助台里户编号 %s 的成员，花名册会把他移到户编号 %s；"
			    "导入不移动成员：请先在户卡上「迁移成员」，或改正花名册", p.name, other.number, w->hh);
	}
	if (!w->is_head && h && p.household_id == h->id && !strcmp(p.relation, "户主"))
		imp_problem(x, w->line, C_REL, w->relation, "%s 在救助台里是户编号 %s 的户主；换户主请先在户卡上「设为户主」",
			    p.name, h->number);
	return 1;
}

/* A case the file names that the database already has open. */
static int known_case(struct imp_ctx *x, const struct imp_row *w, jz_err *e)
{
	jz_person p;
	char number[40];
	jz_case c;
	int r = jz_store_person_by_idno(x->s->db, w->id, &p, e);
	if (r <= 0)
		return r;
	if (jz_store_open_case_of(x->s->db, p.id, w->prog, 0, number, sizeof number, e))
		return -1;
	if (!*number)
		return 0;
	if (jz_store_case_by_number(x->s->db, number, &c, e) < 0)
		return -1;
	if (strcmp(c.state, "在保"))
		imp_problem(x, w->line, C_PROG, w->prog, "%s 的%s案件 %s 现在是「%s」，花名册里是在保：请先在救助台办完这件案件",
			    p.name, c.programme, c.number, c.state);
	else if (strcmp(c.mode, w->mode))
		imp_problem(x, w->line, C_MODE, w->mode, "%s 的%s案件 %s 是「%s」，花名册里是「%s」：改保障方式要在救助台办理",
			    p.name, c.programme, c.number, c.mode, w->mode);
	return 1;
}

/* Members the township holds that the file leaves out: noted, not removed. */
static int left_out(struct imp_ctx *x, int start, int end, const jz_household *h, jz_err *e)
{
	jz_person m[64];
	int n = jz_store_members(x->s->db, h->id, m, 64, e);
	if (n < 0)
		return -1;
	for (int k = 0; k < n && k < 64; k++) {
		int found = !!*m[k].deceased_on;
		for (int i = start; i < end && !found; i++)
			found = !strcmp(x->rows[x->order[i]].id, m[k].id_number);
		if (!found)
			imp_note(x, x->rows[x->order[start]].line, C_HH, h->number, "救助台里这一户还有 %s（%s），花名册里没有：导入不移出成员，"
				 "如已迁出请在户卡上办理", m[k].name, m[k].id_number);
	}
	return 0;
}

static int against_db(struct imp_ctx *x, int start, int end, const struct imp_row *head, jz_err *e)
{
	jz_household h;
	int r = jz_store_household_by_number(x->s->db, head->hh, &h, e);
	if (r < 0)
		return -1;
	if (r && *h.closed_on)
		imp_problem(x, head->line, C_HH, head->hh, "户编号 %s 在救助台里已于 %s 注销", h.number, h.closed_on);
	if (r) {
		jz_person dbhead;
		int k = jz_store_household_head(x->s->db, h.id, &dbhead, e);
		if (k < 0)
			return -1;
		if (k && !head->bad_id && strcmp(dbhead.id_number, head->id))
			imp_problem(x, head->line, C_REL, head->relation, "户编号 %s 在救助台里的户主是 %s（%s），花名册是 %s："
				    "换户主请先在户卡上「设为户主」", h.number, dbhead.name, dbhead.id_number, head->name);
		if (left_out(x, start, end, &h, e))
			return -1;
	} else
		x->r->households_added++;
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (w->bad_id)
			continue;
		int k = known_person(x, w, r ? &h : NULL, e);
		if (k < 0 || (imp_carries_case(w) && known_case(x, w, e) < 0))
			return -1;
		if (!k)
			x->r->persons_added++;
	}
	return 0;
}

static int check_group(struct imp_ctx *x, int start, int end, jz_err *e)
{
	int head = imp_group_head(x, start, end), heads = 0;
	const struct imp_row *first = &x->rows[x->order[start]];
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (w->is_head && heads++)
			imp_problem(x, w->line, C_REL, w->relation, "户编号 %s 有两个户主（另一个在第 %d 行）", w->hh,
				    x->rows[head].line);
	}
	if (head < 0) {
		imp_problem(x, first->line, C_HH, first->hh, "户编号 %s 没有户主：户主一行的与户主关系写「户主」或「本人」", first->hh);
		group_cases(x, start, end, NULL);
		return 0;
	}
	const struct imp_row *hw = &x->rows[head];
	for (int i = start; i < end; i++) {
		const struct imp_row *w = &x->rows[x->order[i]];
		if (*w->village && strcmp(w->village, hw->village))
			imp_problem(x, w->line, C_VILLAGE, w->village, "同一户（户编号 %s）的户主写在「%s」（第 %d 行）",
				    w->hh, hw->village, hw->line);
	}
	group_cases(x, start, end, hw);
	if (*hw->village && village_of(x, hw, e))
		return -1;
	return against_db(x, start, end, hw, e);
}

int imp_check(struct imp_ctx *x, jz_err *e)
{
	x->order = malloc((size_t)x->nrows * sizeof *x->order);
	x->capvil = 256;
	x->vil = malloc((size_t)x->capvil * sizeof *x->vil);
	if (!x->order || !x->vil)
		return jz_fail(e, JZ_EDATA, "内存不足");
	x->nvil = jz_store_villages(x->s->db, x->vil, x->capvil, e);
	if (x->nvil < 0 || jz_store_last_locked_roll(x->s->db, x->locked, e))
		return -1;
	duplicates(x);
	for (int start = 0; start < x->nrows;) {
		int end = imp_group_end(x, start);
		x->r->households++;
		if (check_group(x, start, end, e))
			return -1;
		start = end;
	}
	x->r->persons = x->nrows;
	return 0;
}
