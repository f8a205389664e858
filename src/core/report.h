/* report.h — the monthly workbook (月报): the figures of a month laid out by
 * the table files of reports/, written as one workbook (a sheet per table)
 * or as CSV files; the text part the officer writes; marking the month
 * 已报送 (its figures are stored, so a later regeneration shows what
 * changed); the 专题报告 of entries into and exits from 低保. */
#ifndef JZ_REPORT_H
#define JZ_REPORT_H

#include "core/figures.h"
#include "core/session.h"
#include "io/xlsx_report.h"

struct jz_report {
	struct jz_figures fig;
	struct jz_report_def *defs;
	int ndefs;
	struct jz_xr_sheet *sheets;       /* one per def */
	char (*titles)[512];
	char note[512];
	const char **notes;               /* checks that failed, then changed figures */
	int nnotes;
};

/* The folder whose files NAME.ini override the built-in tables: the
 * environment's JIUZHU_REPORTS, else "reports" beside the database. */
void jz_report_dir(jz_db *db, char *out, size_t n);

/* Computes month and lays it out (dir: see jz_report_dir; NULL for the
 * built-in tables only). Free r with jz_report_free, also after a failure. */
int jz_report_build(jz_db *db, const char *month, const char *dir, struct jz_report *r, jz_err *e);
void jz_report_free(struct jz_report *r);
/* Lays out the figures already in r->fig (computed, or merged from the
 * townships' bundles) by the table files; r->fig is then r's. */
int jz_report_lay_out(struct jz_report *r, const char *dir, jz_err *e);
int jz_report_write_xlsx(const struct jz_report *r, const char *path, jz_err *e);
/* One CSV per table into the existing folder dir, named after its file in
 * reports/ (dibao.csv ...); GBK unless utf8. */
int jz_report_write_csv(const struct jz_report *r, const char *dir, int utf8, jz_err *e);

/* The text part and the submission of a month. */
struct jz_report_text {
	char progress[2000], problems[2000], help[2000];
	char submitted_on[11], submitted_by[32];
};
int jz_report_text_get(jz_db *db, const char *month, struct jz_report_text *t, jz_err *e);
/* Stores the three texts (经办), with an event. */
int jz_report_text_set(jz_session *s, const char *month, const char *progress,
		       const char *problems, const char *help, jz_err *e);
/* Marks month 已报送 on date (NULL: today; not after today) and stores its
 * figures (经办 or 审核), with an event. Submitting again replaces them. */
int jz_report_submit(jz_session *s, const char *month, const char *date, jz_err *e);
/* The latest month marked 已报送 ("" when none). */
int jz_report_last_submitted(jz_db *db, char out[8], jz_err *e);

/* ---- 专题报告: entries and exits of 低保 over months from..to ---- */
#define JZ_FLOW_MAX 128
struct jz_flow_line {
	int entered;              /* 1 纳入, 0 退出 */
	char group[160];          /* 城市, 农村, 建档立卡, 非建档立卡, or a reason */
	long long households, persons;
};
struct jz_flows {
	char from[8], to[8];
	int n;
	struct jz_flow_line v[JZ_FLOW_MAX];
};
/* Entries (start month in from..to) and exits (first month no longer in
 * force in from..to), counted by area, 建档立卡 and coded reason (the
 * settings case.entry_reasons / case.exit_reasons, in their order, then
 * any other reason found). */
int jz_report_flows(jz_db *db, const char *from, const char *to, struct jz_flows *out, jz_err *e);

#endif
