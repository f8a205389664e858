/* compare_emit.c — filing what a comparison found: a new finding, an
 * update of the open one for the same person and kind, or nothing when a
 * closed one says the same; and the small readers of list cells. */
#include <stdio.h>
#include <string.h>

#include "core/compare_int.h"
#include "core/record.h"
#include "store/compare_store.h"

int cmp_truthy(const char *v)
{
	static const char *const yes[] = {"是", "有", "Y", "y", "YES", "Yes", "yes", "1", "√", "✓",
					  "TRUE", "true", "True", "是的", NULL};
	char t[32];
	size_t n = 0;
	while (*v == ' ')
		v++;
	snprintf(t, sizeof t, "%s", v);
	n = strlen(t);
	while (n && t[n - 1] == ' ')
		t[--n] = '\0';
	for (int i = 0; yes[i]; i++)
		if (!strcmp(t, yes[i]))
			return 1;
	return 0;
}

int cmp_grade(const char *v)
{
	static const char *const cn[] = {"一", "二", "三", "四"};
	while (*v == ' ')
		v++;
	if (*v >= '1' && *v <= '4' && (v[1] < '0' || v[1] > '9'))
		return *v - '0';
	for (int i = 0; i < 4; i++)
		if (!strncmp(v, cn[i], strlen(cn[i])))
			return i + 1;
	return 0;
}

void cmp_category(const char *v, char out[12])
{
	static const char *const cats[] = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重", NULL};
	out[0] = '\0';
	while (*v == ' ')
		v++;
	for (int i = 0; cats[i]; i++)
		if (!strncmp(v, cats[i], strlen(cats[i]))) {
			snprintf(out, 12, "%s", cats[i]);
			return;
		}
}

void cmp_finding_init(struct cmp *c, const struct cmp_row *row, jz_finding *f, const char *kind,
		      const char *category)
{
	memset(f, 0, sizeof *f);
	c->cur = row;
	snprintf(f->source, sizeof f->source, "%s", c->o->source);
	snprintf(f->kind, sizeof f->kind, "%s", kind);
	snprintf(f->category, sizeof f->category, "%s", category ? category : "");
	memcpy(f->id_number, row->id, sizeof f->id_number);
	const char *name = cmp_cell(c, row, C_NAME);
	snprintf(f->name, sizeof f->name, "%s", *name ? name : row->p.name);
	snprintf(f->village, sizeof f->village, "%s", row->village);
	if (row->found) {
		f->person_id = row->p.id;
		f->household_id = row->p.household_id;
	}
	memcpy(f->found_on, c->today, sizeof f->found_on);
	snprintf(f->state, sizeof f->state, "待核实");
}

/* Same facts: what the finding says about the person has not changed. */
static int same_facts(const jz_finding *a, const jz_finding *b)
{
	return !strcmp(a->detail, b->detail) && !strcmp(a->death_date, b->death_date) &&
	       a->months_after == b->months_after && a->recover_fen == b->recover_fen;
}

/* For a closed finding (已处理, 已排除) only the list's own facts count, not
 * what the township's data says since (a case opened, a death recorded):
 * for a death the date and no more months or money paid after it; for the
 * others the first part of the detail, which is read from the list. */
static int same_list_facts(const jz_finding *old, const jz_finding *f)
{
	if (!strncmp(f->kind, "死亡", strlen("死亡")))
		return !strcmp(old->death_date, f->death_date) && f->months_after <= old->months_after &&
		       f->recover_fen <= old->recover_fen;
	const char *a = strstr(old->detail, "；"), *b = strstr(f->detail, "；");
	size_t la = a ? (size_t)(a - old->detail) : strlen(old->detail);
	size_t lb = b ? (size_t)(b - f->detail) : strlen(f->detail);
	return la == lb && !memcmp(old->detail, f->detail, la);
}

static void count_kind(struct jz_compare_result *r, const jz_finding *f)
{
	char k[96];
	int max = (int)(sizeof r->kind / sizeof r->kind[0]);
	snprintf(k, sizeof k, "%s%s%s%s", f->kind, *f->category ? "（" : "", f->category,
		 *f->category ? "）" : "");
	for (int i = 0; i < r->nkinds; i++)
		if (!strcmp(r->kind[i], k)) {
			r->kind_n[i]++;
			return;
		}
	if (r->nkinds < max) {
		memcpy(r->kind[r->nkinds], k, sizeof k);
		r->kind_n[r->nkinds++] = 1;
	}
}

static int record(struct cmp *c, const char *action, const jz_finding *old, const jz_finding *f,
		  jz_err *e)
{
	jz_change ch;
	jz_change_init(&ch, action, "finding", jz_compare_source_label(f->source));
	ch.entity_id = f->id;
	ch.household_id = f->household_id;
	jz_diff_text(&ch, "类别", old ? old->kind : NULL, f->kind);
	if (*f->category)
		jz_diff_text(&ch, "分类", old ? old->category : NULL, f->category);
	jz_diff_text(&ch, "身份证号", old ? old->id_number : NULL, f->id_number);
	jz_diff_text(&ch, "姓名", old ? old->name : NULL, f->name);
	jz_diff_text(&ch, "说明", old ? old->detail : NULL, f->detail);
	if (f->recover_fen || (old && old->recover_fen))
		jz_diff_int(&ch, "应追回（分）", old ? old->recover_fen : 0, f->recover_fen);
	return jz_record(c->s, &ch, e);
}

int cmp_emit(struct cmp *c, jz_finding *f, jz_err *e)
{
	jz_finding old;
	const struct cmp_row *row = c->cur;
	f->run_id = c->run_id;
	/* a name other than ours: the ID may be mistyped on the list */
	const char *listed = row ? cmp_cell(c, row, C_NAME) : "";
	if (row && row->found && *listed && strcmp(listed, row->p.name)) {
		size_t n = strlen(f->detail);
		snprintf(f->detail + n, sizeof f->detail - n, "；名单姓名「%s」与本系统「%s」不一致，请先核对身份证号",
			 listed, row->p.name);
	}
	int r = jz_store_finding_last(c->s->db, f->source, f->kind, f->category, f->id_number, &old, e);
	if (r < 0)
		return -1;
	int open = r && (!strcmp(old.state, "待核实") || !strcmp(old.state, "已核实"));
	if (r && !open && same_list_facts(&old, f)) {
		c->r->kept_closed++;
		return 0;
	}
	count_kind(c->r, f);
	c->open_findings++;
	if (open && same_facts(&old, f)) {
		c->r->unchanged++;
		return 0;
	}
	if (open) {
		jz_finding upd = old;
		upd.run_id = f->run_id;
		memcpy(upd.name, f->name, sizeof upd.name);
		memcpy(upd.village, f->village, sizeof upd.village);
		upd.person_id = f->person_id;
		upd.household_id = f->household_id;
		upd.case_id = f->case_id;
		memcpy(upd.detail, f->detail, sizeof upd.detail);
		memcpy(upd.death_date, f->death_date, sizeof upd.death_date);
		upd.months_after = f->months_after;
		upd.recover_fen = f->recover_fen;
		c->r->updated++;
		return jz_store_finding_update(c->s->db, &upd, e) || record(c, "finding.update", &old, &upd, e);
	}
	c->r->added++;
	return jz_store_finding_insert(c->s->db, f, e) || record(c, "finding.new", NULL, f, e);
}
