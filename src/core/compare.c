/* compare.c — running a comparison (see compare.h): reading the file,
 * finding its columns, cleaning every ID, matching persons, then handing
 * the rows to the source's rules (compare_jiandang.c, compare_lists.c).
 * The whole run is one transaction; a dry run is rolled back. */
#include "core/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/columns.h"
#include "core/compare_int.h"
#include "core/id_clean.h"
#include "core/record.h"
#include "io/table_in.h"
#include "store/compare_store.h"
#include "store/people.h"

static const char *const col_names[C_NCOLS] = {
	[C_ID] = "身份证号|公民身份号码|身份证号码|证件号码|身份证",
	[C_NAME] = "姓名|成员姓名|人员姓名",
	[C_HH] = "户编号|户号|家庭编号",
	[C_VILLAGE] = "村(社区)|村|村社区|所属村|行政村|村名",
	[C_TUOPIN] = "脱贫状态|是否脱贫|贫困户状态|脱贫属性",
	[C_NOLABOUR] = "整户无劳动力|零劳力|家庭无劳动力|是否零劳力|整户无劳力",
	[C_LABOUR] = "劳动能力|劳动技能|劳动力状况",
	[C_DCAT] = "残疾类别|残疾类型",
	[C_DGRADE] = "残疾等级|残疾级别",
	[C_ILL] = "重病|重特大疾病|是否重病|是否患重病|患重特大疾病",
	[C_MONITOR] = "监测户|是否监测户|监测对象|脱贫监测户|是否监测对象",
	[C_EDGE] = "边缘户|是否边缘户|脱贫边缘户",
	[C_INCOME] = "年人均纯收入|人均纯收入|家庭年人均纯收入|年人均收入",
	[C_AREA] = "城乡类别|城乡",
	[C_KIND] = "户类型|监测对象类别|户属性|户类别",
	[C_DEATH] = "死亡日期|死亡时间|死亡日",
	[C_DISEASE] = "疾病名称|病种|疾病|诊断",
};

/* The columns of each source: C_ID and C_NAME are always required. */
static const struct source {
	const char *name, *label, *typed;
	int cols[C_NCOLS];
	int required[C_NCOLS];
	int (*rules)(struct cmp *, struct cmp_row *, int, jz_err *);
} sources[] = {
	{"jiandang", "建档立卡名单", "建档立卡",
	 {C_HH, C_VILLAGE, C_TUOPIN, C_NOLABOUR, C_LABOUR, C_DCAT, C_DGRADE, C_ILL, C_MONITOR, C_EDGE,
	  C_INCOME, C_AREA, C_KIND, -1}, {-1}, cmp_jiandang},
	{"death", "死亡名单", "死亡", {C_DEATH, C_VILLAGE, -1}, {C_DEATH, -1}, cmp_death},
	{"disability", "残联名单", "残疾", {C_DCAT, C_DGRADE, C_VILLAGE, -1}, {C_DGRADE, -1},
	 cmp_disability},
	{"medical", "医保重特大疾病名单", "医保", {C_DISEASE, C_VILLAGE, -1}, {-1}, cmp_medical},
};
#define NSOURCES ((int)(sizeof sources / sizeof sources[0]))

const char *const jz_compare_sources[] = {"jiandang", "death", "disability", "medical", NULL};

static const struct source *find_source(const char *name)
{
	for (int i = 0; name && i < NSOURCES; i++)
		if (!strcmp(name, sources[i].name) || !strcmp(name, sources[i].typed) ||
		    !strcmp(name, sources[i].label))
			return &sources[i];
	return NULL;
}

const char *jz_compare_source_label(const char *source)
{
	const struct source *s = find_source(source);
	return s ? s->label : source;
}

const char *jz_compare_source_parse(const char *typed)
{
	const struct source *s = find_source(typed);
	return s ? s->name : NULL;
}

const char *cmp_cell(const struct cmp *c, const struct cmp_row *row, int col)
{
	int k = c->col[col];
	return k >= 0 && k < row->ncells && row->cells[k] ? row->cells[k] : "";
}

void cmp_problem(struct cmp *c, int line, int col, const char *val, const char *msg)
{
	struct jz_compare_result *r = c->r;
	char name[32];
	const char *bar = strchr(col_names[col], '|');
	snprintf(name, sizeof name, "%.*s", bar ? (int)(bar - col_names[col]) : 30, col_names[col]);
	if (r->nproblems < JZ_COMPARE_MAX_PROBLEMS)
		snprintf(r->problem[r->nproblems], sizeof r->problem[0], "第 %d 行, 列「%s」, 值「%.60s」: %s",
			 line, name, val, msg);
	r->nproblems++;
}

/* The column spec of source s into spec/which (which[i] is the C_ index). */
static int build_spec(const struct source *s, struct jz_colspec *spec, int *which)
{
	int n = 0;
	spec[n] = (struct jz_colspec){col_names[C_ID], 1};
	which[n++] = C_ID;
	spec[n] = (struct jz_colspec){col_names[C_NAME], 1};
	which[n++] = C_NAME;
	for (int i = 0; i < C_NCOLS && s->cols[i] >= 0; i++) {
		int req = 0;
		for (int k = 0; k < C_NCOLS && s->required[k] > 0; k++)
			req |= s->required[k] == s->cols[i];
		spec[n] = (struct jz_colspec){col_names[s->cols[i]], req};
		which[n++] = s->cols[i];
	}
	return n;
}

/* The header: the first of the first ten rows whose columns map (a title
 * row above the header is common). Returns its index, or -1 with e. */
static int find_header(struct cmp *c, const struct source *src, const jz_table *t, jz_err *e)
{
	struct jz_colspec spec[C_NCOLS + 2];
	int which[C_NCOLS + 2], idx[C_NCOLS + 2];
	int n = build_spec(src, spec, which), first = -1;
	jz_err first_e = {0};
	for (int i = 0; i < t->nrows && i < 10; i++) {
		if (!t->ncells[i])
			continue;
		jz_err te = {0};
		if (!jz_columns_map(t->rows[i], t->ncells[i], spec, n, idx, c->r->unknown_cols,
				    sizeof c->r->unknown_cols, &te)) {
			for (int k = 0; k < C_NCOLS; k++)
				c->col[k] = -1;
			for (int k = 0; k < n; k++)
				c->col[which[k]] = idx[k];
			return i;
		}
		if (first < 0) {
			first = i;
			first_e = te;
		}
	}
	if (first < 0)
		return jz_fail(e, JZ_EUSER, "文件 %s 是空的：没有表头和数据", c->o->path);
	jz_fail(e, JZ_EUSER, "%s（%s）", first_e.msg, c->o->path);
	return -1;
}

static int blank_row(char **cells, int n)
{
	for (int i = 0; i < n; i++)
		for (const char *p = cells[i]; p && *p; p++)
			if (*p != ' ' && *p != '\t')
				return 0;
	return 1;
}

static int by_id(const void *a, const void *b)
{
	const struct cmp_row *x = *(struct cmp_row *const *)a, *y = *(struct cmp_row *const *)b;
	int d = strcmp(x->id, y->id);
	return d ? d : x->line - y->line;
}

/* Marks every repeat of an ID after its first row as a problem. */
static int mark_repeats(struct cmp *c, struct cmp_row *rows, int n)
{
	struct cmp_row **v = malloc(sizeof *v * (size_t)(n ? n : 1));
	int m = 0;
	if (!v)
		return -1;
	for (int i = 0; i < n; i++)
		if (!rows[i].skip)
			v[m++] = &rows[i];
	qsort(v, (size_t)m, sizeof *v, by_id);
	for (int i = 1; i < m; i++)
		if (!strcmp(v[i]->id, v[i - 1]->id)) {
			char msg[96];
			int k = i - 1;
			while (k > 0 && !strcmp(v[k - 1]->id, v[i]->id))
				k--;
			snprintf(msg, sizeof msg, "身份证号重复（与第 %d 行相同），只比对第 %d 行", v[k]->line,
				 v[k]->line);
			cmp_problem(c, v[i]->line, C_ID, v[i]->id, msg);
			v[i]->skip = 1;
			c->r->bad++;
		}
	free(v);
	return 0;
}

/* Cleans the ID of each data row and looks the person up. */
static int load_rows(struct cmp *c, const jz_table *t, int header, struct cmp_row *rows, int *n,
		     jz_err *e)
{
	*n = 0;
	for (int i = header + 1; i < t->nrows; i++) {
		if (!t->ncells[i] || blank_row(t->rows[i], t->ncells[i]))
			continue;
		struct cmp_row *row = &rows[(*n)++];
		memset(row, 0, sizeof *row);
		row->line = i + 1;
		row->cells = t->rows[i];
		row->ncells = t->ncells[i];
		c->r->rows++;
		struct jz_id_clean ic;
		jz_err ie = {0};
		if (jz_id_clean(cmp_cell(c, row, C_ID), c->today, &ic, &ie)) {
			cmp_problem(c, row->line, C_ID, cmp_cell(c, row, C_ID), ie.msg);
			row->skip = 1;
			c->r->bad++;
			continue;
		}
		memcpy(row->id, ic.id, sizeof row->id);
		c->r->fixed += ic.fixed[0] != '\0';
	}
	if (mark_repeats(c, rows, *n))
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int i = 0; i < *n; i++) {
		struct cmp_row *row = &rows[i];
		if (row->skip)
			continue;
		int f = jz_store_person_by_idno(c->s->db, row->id, &row->p, e);
		if (f < 0)
			return -1;
		row->found = f;
		c->r->matched += f;
		if (f && row->p.household_id &&
		    jz_store_household_village(c->s->db, row->p.household_id, row->village,
					       sizeof row->village, e))
			return -1;
		if (!row->village[0])
			snprintf(row->village, sizeof row->village, "%s", cmp_cell(c, row, C_VILLAGE));
	}
	return 0;
}

static int read_table(const struct jz_compare_opts *o, jz_table *t, jz_err *e)
{
	size_t len = strlen(o->path);
	if (len > 5 && !strcasecmp(o->path + len - 5, ".xlsx"))
		return jz_xlsx_read(o->path, o->sheet, t, e);
	if (o->sheet)
		return jz_fail(e, JZ_EUSER, "--sheet 只用于 .xlsx 文件（%s 按 CSV 读取）", o->path);
	return jz_csv_read(o->path, o->encoding, t, e);
}

static int run(struct cmp *c, const struct source *src, const jz_table *t, jz_err *e)
{
	int header = find_header(c, src, t, e), n = 0, rc = -1;
	if (header < 0)
		return -1;
	struct cmp_row *rows = calloc((size_t)(t->nrows > 0 ? t->nrows : 1), sizeof *rows);
	if (!rows)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (jz_store_compare_run_add(c->s->db, src->name, c->o->path, c->s->op.login, &c->run_id, e) ||
	    load_rows(c, t, header, rows, &n, e) || src->rules(c, rows, n, e) ||
	    jz_store_compare_run_counts(c->s->db, c->run_id, c->r->rows, c->r->matched,
					c->open_findings, e))
		goto out;
	jz_change ch;
	char counts[160];
	jz_change_init(&ch, "compare.run", "compare_run", src->label);
	ch.entity_id = c->run_id;
	snprintf(counts, sizeof counts, "%d 行，匹配 %d，新发现 %d，更新 %d", c->r->rows, c->r->matched,
		 c->r->added, c->r->updated);
	jz_diff_text(&ch, "文件", NULL, c->o->path);
	jz_diff_text(&ch, "结果", NULL, counts);
	rc = jz_record(c->s, &ch, e);
out:
	free(rows);
	return rc;
}

int jz_compare_run(jz_session *s, const struct jz_compare_opts *o, struct jz_compare_result *r,
		   jz_err *e)
{
	const struct source *src = find_source(o->source);
	struct cmp c = {.s = s, .o = o, .r = r};
	jz_table t = {0};
	memset(r, 0, sizeof *r);
	if (!src)
		return jz_fail(e, JZ_EUSER, "比对来源「%s」不认识：应为 jiandang（建档立卡）、death（死亡）、"
			       "disability（残联）或 medical（医保重特大疾病）", o->source ? o->source : "");
	if (!jz_session_has_role(s, "经办"))
		return jz_fail(e, JZ_EUSER, "数据比对需要「经办」角色，%s 没有", s->op.login);
	jz_today(c.today);
	jz_month_of(c.today, c.month);
	if (read_table(o, &t, e))
		return -1;
	snprintf(r->encoding, sizeof r->encoding, "%s", t.encoding);
	if (jz_tx_begin(s->db, e))
		goto fail;
	if (run(&c, src, &t, e)) {
		jz_tx_rollback(s->db);
		goto fail;
	}
	r->run_id = o->dry_run ? 0 : c.run_id;
	if (o->dry_run)
		jz_tx_rollback(s->db);
	else if (jz_tx_commit(s->db, e))
		goto fail;
	jz_table_free(&t);
	return 0;
fail:
	jz_table_free(&t);
	return -1;
}
