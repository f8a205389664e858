/* figures_store.h — the set-based queries behind the monthly workbook's
 * figures (core/figures.c), and the report_month / report_figure tables.
 *
 * "In force in month F" is roll.c's rule 2; a member counts in F while his
 * until_month is '' or >= F and he had not died before F began. Person and
 * household fields are their values on the last day of the month, read
 * through person_past / household_past (migration 5): the first past row
 * changed after that day, else the current row. */
#ifndef JZ_FIGURES_STORE_H
#define JZ_FIGURES_STORE_H

#include "core/model.h"
#include "store/db.h"

/* The months and days a month's figures are computed for. */
struct jz_fig_period {
	char month[8], prev[8];        /* M and M-1 */
	char first[11], last[11];      /* first and last day of M */
	char prev_first[11], prev_last[11]; /* first and last day of M-1 */
	char year_first[8];            /* YYYY-01 */
};

/* Persons and households of the cases of one programme, mode, care level,
 * village and area (on the last day of M). */
struct jz_fig_group {
	char programme[16], mode[32], self_care[16];
	jz_rowid village_id;
	char area[8];
	long long households, persons, female, elderly, adult, minor, under16, student;
	long long disabled, severe, labour_none, labour_part;
	long long cause[6];            /* households: 疾病 残疾 因学 灾害 缺乏劳动力 其他 */
	long long new_households, new_persons, exit_households, exit_persons;
};
int jz_store_fig_groups(jz_db *db, const struct jz_fig_period *p, long long elderly_age,
			int (*fn)(const struct jz_fig_group *, void *), void *arg, jz_err *e);

/* Money of the rolls by programme (a one-off payment: its name), mode,
 * village and area, for M (this_month) and for YYYY-01..M. */
struct jz_fig_money {
	char programme[96], mode[32];
	jz_rowid village_id;
	char area[8];
	int this_month;
	long long fen, persons;
};
int jz_store_fig_money(jz_db *db, const struct jz_fig_period *p,
		       int (*fn)(const struct jz_fig_money *, void *), void *arg, jz_err *e);

/* Distinct persons and households covered by programme in month (checks). */
int jz_store_fig_count(jz_db *db, const char *programme, const char *month, long long *persons,
		       long long *households, jz_err *e);

/* A case that entered (in force in M, not in M-1) or left (the reverse). */
struct jz_fig_change {
	int entered;
	char programme[16], village[96], head_name[96], head_id[19], reason[96];
	long long before_fen, after_fen, persons;
};
int jz_store_fig_changes(jz_db *db, const struct jz_fig_period *p,
			 int (*fn)(const struct jz_fig_change *, void *), void *arg, jz_err *e);

/* Entries into / exits from programme over months from..to, by area,
 * jiandang and coded reason (专题报告). */
struct jz_fig_flow {
	int entered;
	char area[8];
	int jiandang;
	char reason[96];
	long long households, persons;
};
int jz_store_fig_flows(jz_db *db, const char *programme, const char *from, const char *to,
		       int (*fn)(const struct jz_fig_flow *, void *), void *arg, jz_err *e);

/* The screening list 001 on day: persons by category, result and reason. */
struct jz_fig_screen {
	char category[64], result[24], reason[96];
	long long listed, visited, closed, province;
};
int jz_store_fig_screening(jz_db *db, const char *day,
			   int (*fn)(const struct jz_fig_screen *, void *), void *arg, jz_err *e);

/* ---- report_month and report_figure ---- */
struct jz_report_month {
	char month[8];
	char progress[2000], problems[2000], help[2000];
	char submitted_on[11], submitted_by[32];
};
/* 1 found, 0 none (r zeroed, month set), -1 error. */
int jz_store_report_month_get(jz_db *db, const char *month, struct jz_report_month *r, jz_err *e);
int jz_store_report_month_put(jz_db *db, const struct jz_report_month *r, jz_err *e);
/* The latest month marked submitted ('' when none) into out[8]. */
int jz_store_report_last_submitted(jz_db *db, char out[8], jz_err *e);

int jz_store_report_figures_clear(jz_db *db, const char *month, jz_err *e);
int jz_store_report_figure_put(jz_db *db, const char *month, const char *tbl, const char *row,
			       const char *col, long long value, jz_err *e);
int jz_store_report_figures(jz_db *db, const char *month,
			    int (*fn)(const char *tbl, const char *row, const char *col,
				      long long value, void *arg),
			    void *arg, jz_err *e);

#endif
