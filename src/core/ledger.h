/* ledger.h — the ledgers (台账): what each one is (name, title, columns,
 * filters), its rows for a filter, and its export as xlsx or CSV. The rows
 * come from the store's queries (store/ledger_store.c) and, for 低保边缘,
 * also from the means tests of refused or exited cases. The desk
 * (ui/screen_ledger.c) and the CLI (`jiuzhu ledger`) show the same rows. */
#ifndef JZ_LEDGER_H
#define JZ_LEDGER_H

#include "core/session.h"

enum jz_lcol_kind { JZ_LCOL_TEXT, JZ_LCOL_MONEY, JZ_LCOL_INT };

struct jz_ledger_col {
	const char *header;
	int width;               /* display columns on the desk */
	enum jz_lcol_kind kind;  /* MONEY cells hold fen, shown in yuan */
};

struct jz_ledger_def {
	const char *name;        /* "screening", used by the CLI */
	const char *title;       /* 六类对象排查台账 */
	const char *states;      /* choices of the state filter, "a|b|c" */
	const char *add;         /* what adding a row means at the desk, NULL = derived only */
	const struct jz_ledger_col *cols;
	int ncols;
};

int jz_ledger_count(void);
const struct jz_ledger_def *jz_ledger_at(int i);
/* By name ("screening") or title; NULL with e set naming the ledgers. */
const struct jz_ledger_def *jz_ledger_find(const char *name, jz_err *e);

struct jz_ledger_filter {
	char village[96];  /* "" = all */
	char from[8];      /* YYYY-MM, "" = from the start */
	char to[8];
	char state[64];    /* one of def->states, or a category; "" = all */
};

struct jz_ledger_row {
	jz_rowid id;            /* the ledger's own row (negative: derived from case -id) */
	jz_rowid household_id;  /* 0 = none */
	char state[64];
	char **cell;            /* def->ncols texts (money as yuan "1,234.00") */
	long long *num;         /* def->ncols numbers: fen for MONEY, value for INT */
};

struct jz_ledger_table {
	const struct jz_ledger_def *def;
	struct jz_ledger_row *rows;
	int n, cap;
};

/* Checks the filter (months YYYY-MM, from <= to); -1 with a message. */
int jz_ledger_filter_check(const struct jz_ledger_filter *f, jz_err *e);
/* Loads the rows of def for filter f on day today into t (freed first). */
int jz_ledger_load(jz_db *db, const struct jz_ledger_def *def, const struct jz_ledger_filter *f,
		   const char *today, struct jz_ledger_table *t, jz_err *e);
void jz_ledger_free(struct jz_ledger_table *t);

/* Writes t to path: .xlsx (a titled printable sheet), or .csv in GBK, or
 * in UTF-8 with a BOM when utf8 is set. note names the filter. */
int jz_ledger_export(const struct jz_ledger_table *t, const char *note, const char *path, int utf8,
		     jz_err *e);
/* Fills what a ledger shows when no period is given: the survey is of
 * this month. */
void jz_ledger_filter_default(const struct jz_ledger_def *def, const char *today, struct jz_ledger_filter *f);
/* A line saying which filter is applied ("全部" when none). */
void jz_ledger_filter_text(const struct jz_ledger_filter *f, char *buf, size_t n);

#endif
