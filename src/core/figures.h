/* figures.h — the figures of the monthly workbook (月报), computed from
 * dated facts so a past month comes out the same after later changes.
 *
 * The figures are tables of rows (a key, a label) holding named cells
 * (a number — fen for money — or a text). The files in reports/ say which
 * rows and cells go on each sheet. Tables: dibao (每村, 城市, 农村, 合计),
 * tekun (集中供养, 分散供养, 合计), linshi and beiyongjin (本月, 本年累计),
 * biandong (one row per entry or exit), butie, gongzuo, paicha. The rules
 * of each figure are written at the top of figures_people.c and
 * figures_other.c. */
#ifndef JZ_FIGURES_H
#define JZ_FIGURES_H

#include "core/session.h"

#define JZ_FIG_MAX_CELLS 40
#define JZ_FIG_MAX_CHECKS 48
#define JZ_FIG_MAX_CHANGED 48

struct jz_fig_cell {
	char col[48];
	long long v;
	char *text;           /* owned; NULL for a number */
};

struct jz_fig_row {
	char key[96], label[96];
	int village;          /* one of the @villages rows */
	int ncells;
	struct jz_fig_cell cells[JZ_FIG_MAX_CELLS];
};

struct jz_fig_table {
	char name[16];
	struct jz_fig_row *rows;
	int nrows, cap;
};

#define JZ_FIG_TABLES 8
struct jz_figures {
	char month[8], last_day[11];
	char township[96], county[96];
	int roll_built, roll_locked;  /* the month's roll; not locked: 草稿 */
	char submitted_on[11], submitted_by[32];
	struct jz_fig_table t[JZ_FIG_TABLES];
	int ntables;
	/* cross-checks that failed (nchecks counts them all) */
	int nchecks;
	char checks[JZ_FIG_MAX_CHECKS][256];
	/* figures that differ from those stored when the month was submitted */
	int nchanged;
	char changed[JZ_FIG_MAX_CHANGED][256];
};

/* The tables whose numbers are stored when a month is submitted (not the
 * lists and the text), NULL-terminated. */
extern const char *const jz_fig_stored_tables[];

/* Computes every figure of month (YYYY-MM), runs the cross-checks and,
 * when the month was submitted, compares with the figures stored then.
 * Free f with jz_figures_free (also after a failure). */
int jz_figures_compute(jz_db *db, const char *month, struct jz_figures *f, jz_err *e);
void jz_figures_free(struct jz_figures *f);

const struct jz_fig_table *jz_fig_table(const struct jz_figures *f, const char *name);
const struct jz_fig_row *jz_fig_row(const struct jz_fig_table *t, const char *key);
const struct jz_fig_cell *jz_fig_cell(const struct jz_fig_row *r, const char *col);

/* ---- shared by the figures*.c files ---- */
struct jz_fig_table *jz_fig_table_add(struct jz_figures *f, const char *name, jz_err *e);
struct jz_fig_row *jz_fig_row_add(struct jz_fig_table *t, const char *key, const char *label,
				  jz_err *e);
struct jz_fig_row *jz_fig_row_get(struct jz_fig_table *t, const char *key);
/* Adds v to the number col of r (a new cell starts at 0). */
void jz_fig_add(struct jz_fig_row *r, const char *col, long long v);
void jz_fig_set(struct jz_fig_row *r, const char *col, long long v);
int jz_fig_text(struct jz_fig_row *r, const char *col, const char *text, jz_err *e);
/* Adds a failed check's message (printf-like). */
void jz_fig_check_failed(struct jz_figures *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int jz_fig_people(jz_db *db, struct jz_figures *f, jz_err *e);   /* dibao tekun butie */
int jz_fig_aid(jz_db *db, struct jz_figures *f, jz_err *e);      /* linshi beiyongjin */
int jz_fig_changes(jz_db *db, struct jz_figures *f, jz_err *e);  /* biandong */
int jz_fig_work(jz_db *db, struct jz_figures *f, jz_err *e);     /* gongzuo paicha */
int jz_fig_checks(jz_db *db, struct jz_figures *f, jz_err *e);

#endif
