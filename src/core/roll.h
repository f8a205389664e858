/* roll.h — the monthly payment roll (发放花名册) and one-off payments to a
 * group (一次性发放): building a month's draft from the cases in force,
 * adjustment lines (补发, 扣回), locking, the totals the monthly workbook
 * reports as paid, and the export (one workbook per village, bank files).
 * The rules are written at the top of roll.c. Every write is one
 * transaction with its event (entity "roll"). Money is whole fen. */
#ifndef JZ_ROLL_H
#define JZ_ROLL_H

#include <stddef.h>

#include "core/session.h"

/* The kinds of a roll line, in this order: 月发 补发 扣回 一次性. */
enum { JZ_ROLL_MONTHLY, JZ_ROLL_BACKPAY, JZ_ROLL_RECOVER, JZ_ROLL_ONETIME, JZ_ROLL_KINDS };
extern const char *const jz_roll_kinds[JZ_ROLL_KINDS];

/* Notes for the clerk (who was left out and why); n counts them all, the
 * first JZ_ROLL_MAX_WARN are kept. */
#define JZ_ROLL_MAX_WARN 32
struct jz_roll_warnings {
	int n;
	char text[JZ_ROLL_MAX_WARN][200];
};

/* A roll (one per month). built_at is "" while the month has only one-off
 * payments and no draft was built yet; locked_at "" while it is a draft. */
struct jz_roll_info {
	char month[8];
	char built_at[20], built_by[32];
	char locked_at[20], locked_by[32];
};

/* A line of a roll. The fields after note are read with the line
 * (jz_roll_lines) and never stored. */
struct jz_roll_line {
	jz_rowid id;
	char month[8];          /* the roll it is paid in */
	jz_rowid case_id;       /* 0 for 一次性 */
	jz_rowid onetime_id;    /* 0 unless 一次性 */
	jz_rowid household_id, person_id; /* the payee and his household */
	char programme[96];     /* 低保 特困 孤儿 残疾补贴, or the one-off payment's name */
	char kind[12];          /* 月发 补发 扣回 一次性 */
	char for_month[8];      /* the month the money is for */
	long long amount_fen;   /* negative for 扣回 */
	char note[160];
	/* read with the line: */
	char case_number[40], area[8];
	char household_number[24], village[96], village_code[8];
	char name[96], id_number[19], bank_account[40];
};

struct jz_roll_result {
	char month[8];
	int lines[JZ_ROLL_KINDS];
	long long fen[JZ_ROLL_KINDS];
	int total_lines;
	long long total_fen;
	struct jz_roll_warnings warn;
};

/* Builds (or rebuilds) the draft of month (YYYY-MM) as the session's
 * operator (经办): runs jz_case_housekeeping, then replaces the draft's 月发,
 * 补发 and 扣回 lines (one-off lines stay). Refused when the month is
 * locked. out (may be NULL) gets the draft's figures and the warnings. */
int jz_roll_build(jz_session *s, const char *month, struct jz_roll_result *out, jz_err *e);
/* Locks a built draft (经办 or 审核): never changed again. */
int jz_roll_lock(jz_session *s, const char *month, jz_err *e);
/* The roll of month: 1 found, 0 none, -1 error. */
int jz_roll_get(jz_db *db, const char *month, struct jz_roll_info *r, jz_err *e);
/* The figures of a roll as it stands (draft or locked), by kind. */
int jz_roll_figures(jz_db *db, const char *month, struct jz_roll_result *out, jz_err *e);

/* What the month's roll pays for programme (低保 特困 孤儿 残疾补贴, or a
 * one-off payment's name; NULL = everything), to the fen: the sum of that
 * programme's lines in the roll of month — 月发 + 补发 + 扣回 (negative)
 * for a programme, 一次性 for a one-off payment — draft or locked; 0 when
 * the month has no roll. This is the "money paid" of the monthly workbook
 * (lock the roll first for figures that never change). */
int jz_roll_total(jz_db *db, const char *month, const char *programme, long long *fen, jz_err *e);

/* Totals by programme and area (城市/农村, from the case or, for one-off
 * lines, the household), in programme order: 低保 特困 孤儿 残疾补贴, then the
 * one-off payments. Returns the number of rows (at most max written). */
struct jz_roll_sum {
	char programme[96];
	char area[8];
	int lines;
	long long fen;
};
int jz_roll_sums(jz_db *db, const char *month, struct jz_roll_sum *out, int max, jz_err *e);

/* Calls fn for each line of the roll of month, by village, household
 * number, then line; fn returns nonzero to stop. */
int jz_roll_lines(jz_db *db, const char *month, int (*fn)(const struct jz_roll_line *, void *),
		  void *arg, jz_err *e);

/* ---- one-off payments (一次性发放) ------------------------------------- */

/* A named payment to a selection, paid in the roll of month. The
 * selection: the persons covered by the cases in force in month (of
 * programme, when given), or — when ids are given — the persons of the ID
 * list; either narrowed to village when given. At least one of programme,
 * village, ids. per 人: one line per person; per 户: one line per household,
 * paid to its head (or, when the head has died, the first selected
 * person). */
struct jz_onetime_spec {
	const char *name;       /* 价格临时补贴, 易地扶贫搬迁补助... */
	long long amount_fen;   /* per person or per household, > 0 */
	const char *per;        /* 人 | 户 */
	const char *month;      /* YYYY-MM: the roll it is paid in */
	const char *programme;  /* NULL or 低保 特困 孤儿 残疾补贴 */
	const char *village;    /* NULL or a village's name */
	const char (*ids)[19];  /* resident IDs (see jz_roll_parse_ids), or NULL */
	int nids;
	const char *ids_source; /* where the list came from (file name), for the record */
};
struct jz_onetime_result {
	jz_rowid id;
	int persons, households, lines;
	long long total_fen;
	struct jz_roll_warnings warn;
};
int jz_onetime_new(jz_session *s, const struct jz_onetime_spec *spec, struct jz_onetime_result *out,
		   jz_err *e);

struct jz_onetime_info {
	jz_rowid id;
	char name[96], per[8], month[8], selection[256];
	long long amount_fen;
};
/* The one-off payments of month; returns the count (at most max written). */
int jz_onetimes(jz_db *db, const char *month, struct jz_onetime_info *out, int max, jz_err *e);

/* An ID list as imported (one ID per line; blank lines, a BOM, spaces, \r
 * and a first line that is not an ID, such as a 身份证号 header, are
 * skipped; 15-digit IDs become 18; repeats are dropped). Returns the count
 * (at most max written) or -1 with a message naming the bad line. */
int jz_roll_parse_ids(const char *text, size_t len, char (*out)[19], int max, jz_err *e);

/* ---- export ---------------------------------------------------------- */

/* A person of a bank file: paid (net of the month's lines), without an
 * account, or owing money back (扣回 more than paid). */
struct jz_bank_person {
	char name[96], id_number[19], household[24], village[96];
	long long fen;
};
struct jz_bank_file {
	char label[96];            /* 救助金 (the cases' lines) or the one-off payment's name */
	char file[256];            /* file name inside the folder */
	int rows;                  /* persons in the file */
	long long fen;             /* its 合计 */
	int nmissing;              /* no bank account: left out */
	long long missing_fen;
	struct jz_bank_person *missing;
	int nowing;                /* net <= 0 (扣回): left out, to collect */
	long long owing_fen;
	struct jz_bank_person *owing;
};
struct jz_roll_export {
	int nworkbooks;
	char (*workbooks)[256];    /* file names of the village rolls */
	int *workbook_lines;
	long long *workbook_fen;
	long long total_fen;       /* of all workbooks = the roll's total */
	int nbank;
	struct jz_bank_file *bank;
};
/* Writes, into the existing folder dir, one workbook per village
 * (MONTH_村名_发放花名册.xlsx) and the bank files: MONTH_银行代发.csv for the
 * case lines and MONTH_名称_银行代发.csv for each one-off payment (GBK, or
 * UTF-8 when utf8 is set). Free x with jz_roll_export_free. */
int jz_roll_export(jz_db *db, const char *month, const char *dir, int utf8,
		   struct jz_roll_export *x, jz_err *e);
void jz_roll_export_free(struct jz_roll_export *x);

#endif
