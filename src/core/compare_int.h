/* compare_int.h — what the comparison files share: the file's rows with
 * their cleaned IDs and matched persons, the columns a source reads, and
 * emitting a finding. Internal to core/compare*.c. */
#ifndef JZ_COMPARE_INT_H
#define JZ_COMPARE_INT_H

#include "core/compare.h"
#include "core/finding.h"

/* Every column any list may have; a source reads some of them. */
enum { C_ID, C_NAME, C_HH, C_VILLAGE, C_TUOPIN, C_NOLABOUR, C_LABOUR, C_DCAT, C_DGRADE, C_ILL,
       C_MONITOR, C_EDGE, C_INCOME, C_AREA, C_KIND, C_DEATH, C_DISEASE, C_NCOLS };

struct cmp_row {
	int line;            /* the row number as the file counts it */
	char **cells;
	int ncells;
	char id[19];
	int skip;            /* a problem, or a repeated ID */
	int found;           /* the person is in the township */
	jz_person p;
	char village[96];    /* ours when found, else the file's */
	int group_no_labour; /* jiandang: no one in the row's household can work */
};

struct cmp {
	jz_session *s;
	const struct jz_compare_opts *o;
	struct jz_compare_result *r;
	char today[11], month[8];
	int col[C_NCOLS];    /* 0-based column, -1 when absent */
	jz_rowid run_id;
	int open_findings;
	const struct cmp_row *cur; /* the row of the finding being made */
};

/* The row's cell of column c, trimmed of nothing; "" when absent. */
const char *cmp_cell(const struct cmp *c, const struct cmp_row *row, int col);
/* Adds a problem "第 N 行, 列「col」, 值「val」: msg" (counted always, kept
 * up to the cap). */
void cmp_problem(struct cmp *c, int line, int col, const char *val, const char *msg);
/* 1 for 是/Y/1/√/TRUE/有 and the like. */
int cmp_truthy(const char *v);
/* A disability grade written 1, 一级, 2级, 二级残疾: 1..4, or 0 if unreadable. */
int cmp_grade(const char *v);
/* A disability category written 肢体 or 肢体残疾 into out (one of ours), or
 * "" when unreadable. */
void cmp_category(const char *v, char out[12]);
/* Files f (source and the run filled in here) as new, updated or left. */
int cmp_emit(struct cmp *c, jz_finding *f, jz_err *e);
/* A finding for row with source, kind and category; name and village set. */
void cmp_finding_init(struct cmp *c, const struct cmp_row *row, jz_finding *f, const char *kind,
		      const char *category);

int cmp_jiandang(struct cmp *c, struct cmp_row *rows, int n, jz_err *e);
int cmp_death(struct cmp *c, struct cmp_row *rows, int n, jz_err *e);
int cmp_disability(struct cmp *c, struct cmp_row *rows, int n, jz_err *e);
int cmp_medical(struct cmp *c, struct cmp_row *rows, int n, jz_err *e);

#endif
