/* report_file.h — one table of the monthly workbook (月报), read from its
 * file reports/NAME.ini (a file of that name beside the database, or in
 * $JIUZHU_REPORTS, wins over the built-in copy).
 *
 * [table] holds: order (sheet order), sheet (its Chinese name), title,
 * figures (the core's figure table the cells come from), label (header of
 * the first column), rows: '|'-separated row keys, where @villages stands
 * for every village row and @all for every row the core computed (a list).
 * Every other section is one column, in file order: its section name is the
 * figure's name, head its header path ("保障人数构成|女性": merged group
 * cells over the leaf), type int | money | text, width (characters). */
#ifndef JZ_REPORT_FILE_H
#define JZ_REPORT_FILE_H

#include "core/err.h"

#define JZ_RPT_MAX_COLS 48
#define JZ_RPT_MAX_DEPTH 3
#define JZ_RPT_MAX_ROWS 24

enum jz_rpt_kind { JZ_RPT_INT, JZ_RPT_MONEY, JZ_RPT_TEXT };

struct jz_rpt_col {
	char key[64];                      /* the figure's name */
	char head[JZ_RPT_MAX_DEPTH][64];   /* header path, depth levels */
	int depth;
	enum jz_rpt_kind kind;
	int width;                         /* 0: fitted to the header */
};

struct jz_report_def {
	char name[32];        /* file name without .ini: dibao (also the CSV's name) */
	int order;
	char sheet[32], title[160], figures[32], label[64];
	char rows[JZ_RPT_MAX_ROWS][64];    /* row keys; "@villages", "@all" */
	int nrows;
	struct jz_rpt_col cols[JZ_RPT_MAX_COLS];
	int ncols;
	int depth;            /* header rows: the longest head path */
};

/* Loads reports/NAME.ini (dir: folder with overriding files, may be NULL). */
int jz_report_def_load(const char *name, const char *dir, struct jz_report_def *d, jz_err *e);
/* Loads every built-in report table (with the overrides of dir), sorted by
 * order; returns how many (at most max), or -1. */
int jz_report_defs(const char *dir, struct jz_report_def *out, int max, jz_err *e);

#endif
