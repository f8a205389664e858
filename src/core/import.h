/* import.h — bringing an office's roster (花名册, one row per person) into
 * the township: households, members and the cases in force, from a CSV or
 * .xlsx file whose columns are found by their header names.
 *
 * Every problem of the file is collected (capped at JZ_IMPORT_SHOWN shown,
 * all counted) before anything is written; a real import is one
 * transaction, all or nothing, and importing the same file again changes
 * nothing. A dry run reads the database but writes nothing. */
#ifndef JZ_IMPORT_H
#define JZ_IMPORT_H

#include "core/session.h"

#define JZ_IMPORT_SHOWN 200

struct jz_import_opts {
	const char *path;
	const char *sheet;     /* xlsx: NULL = first sheet */
	const char *encoding;  /* CSV: NULL = detect */
	int dry_run;
	int add_villages;      /* create villages the database does not know */
	/* Called while writing: done out of total households. */
	void (*progress)(int done, int total, void *arg);
	void *arg;
};

struct jz_import_prog {
	char programme[16], mode[24];
	int cases;
	long long fen;
};

struct jz_import_result {
	int rows;                   /* data rows read (header excluded) */
	int households, persons;    /* in the file */
	struct jz_import_prog progs[8];
	int nprogs;
	int cases;
	long long total_fen;        /* monthly amount of every case in the file */
	int households_added, households_changed, persons_added, persons_changed;
	int cases_added, cases_changed, villages_added;
	char encoding[16];
	char unknown[512];          /* columns ignored, "、"-joined */
	int header_row;             /* 1-based row of the header */
	/* Notes (IDs repaired, villages to be created) and problems, each one
	 * line "第 N 行, 列「…」, 值「…」: …"; at most JZ_IMPORT_SHOWN kept. */
	char **notes;
	int nnotes, notes_total;
	char **problems;
	int nproblems, problems_total;
	int written;                /* 1 when a real import committed changes */
};

/* Reads and checks the file, then (unless dry_run) writes it. Returns 0
 * when the file is clean (and, not dry, imported); -1 with e set otherwise:
 * the file's problems are in r->problems (e says how many), or e alone
 * says why the file could not be read. r is filled either way: free it
 * with jz_import_result_free. */
int jz_import_roster(jz_session *s, const struct jz_import_opts *o, struct jz_import_result *r,
		     jz_err *e);
void jz_import_result_free(struct jz_import_result *r);
/* The summary as lines of text (households, persons, cases by programme,
 * monthly total, repairs, what was or would be added and changed). */
void jz_import_summary(const struct jz_import_result *r, int dry_run, char *buf, size_t n);

#endif
