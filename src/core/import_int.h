/* import_int.h — what the files of the roster import share (internal to
 * core): one parsed row per person, the columns, the list of problems. */
#ifndef JZ_IMPORT_INT_H
#define JZ_IMPORT_INT_H

#include "core/import.h"
#include "io/table_in.h"

enum imp_col {
	C_HH, C_VILLAGE, C_AREA, C_NAME, C_ID, C_REL, C_LABOUR, C_DISCAT, C_DISGRADE, C_ILL,
	C_STUDENT, C_EMPLOY, C_PROG, C_MODE, C_AMOUNT, C_MONTH, C_JIANDANG, C_PHONE, C_BANK,
	C_CAUSE, C_N
};

/* One person's row. Text fields empty = the cell was empty (keep what the
 * database has); ints -1 = not given. */
struct imp_row {
	int line;
	char id[19], name[96], hh[24], village[96], area[8], relation[24];
	char labour[24], dis_cat[12], employment[40], phone[32], bank[40], cause[24];
	int dis_grade, ill, student, jiandang;
	char tuopin[12];
	char prog[16], mode[24], month[8];
	long long fen;
	int has_fen;
	int is_head;
	int bad_id, bad_month, bad_fen; /* already reported: no further checks on them */
};

struct imp_ctx {
	jz_session *s;
	const struct jz_import_opts *o;
	struct jz_import_result *r;
	jz_table t;
	int col[C_N];
	struct imp_row *rows;
	int nrows;
	int *order;            /* row indices sorted by household number, then line */
	char today[11], month[8];
	char source[128];      /* "file.csv 2026-11-27" for imported cases */
	jz_village *vil;       /* the township's villages, then those to create (id 0) */
	int nvil, capvil;
	int serial[2];         /* last case serial of DB and TK this year, -1 unknown */
	int done;              /* households written so far */
	char locked[8];        /* the last month with a locked payment roll, "" none */
	int warned_locked;
};

/* The village of that name in x->vil, or NULL. */
jz_village *imp_village(struct imp_ctx *x, const char *name);
/* 1 if row w carries a case (its programme and, for 整户保障, the head). */
int imp_carries_case(const struct imp_row *w);

extern const char *const jz_import_colname[C_N];

/* Adds a problem "第 line 行, 列「col」, 值「v」: msg" (col NULL: no column). */
void imp_problem(struct imp_ctx *x, int line, int col, const char *v, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void imp_note(struct imp_ctx *x, int line, int col, const char *v, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The person row w makes: old's fields (NULL: a new person) with what
 * the row gives. Checked by jz_person_validate; on failure a problem is
 * added for the row (when x is not NULL) and -1 returned. */
int imp_person(struct imp_ctx *x, const struct imp_row *w, const jz_person *old, jz_person *out);

/* import_parse.c: finds the header and turns every data row into x->rows. */
int imp_parse(struct imp_ctx *x, jz_err *e);
/* import_check.c: checks across rows and against the database. */
int imp_check(struct imp_ctx *x, jz_err *e);
/* import_apply.c: writes everything (inside the caller's transaction). */
int imp_apply(struct imp_ctx *x, jz_err *e);

/* Households: order[start..end) share a number; returns end. */
int imp_group_end(const struct imp_ctx *x, int start);
/* The head's row index of the group (the first head), or -1. */
int imp_group_head(const struct imp_ctx *x, int start, int end);

#endif
