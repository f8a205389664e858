/* compare.h — 数据比对: matching another office's list (a CSV or xlsx file)
 * by resident ID against the township's persons, cases and rolls, and
 * writing what it finds to the finding ledger (finding.h).
 *
 *  jiandang    建档立卡 roster: poor persons not covered and not screened,
 *              one 漏保 finding per category of seed 001 that fits
 *  death       deaths: still paid after the death month, or still in a case
 *  disability  残联 roster: grade 1-4 on 低保 without 分类施保; grades or
 *              categories that differ from ours
 *  medical     医保 list of 重特大疾病: not covered, or covered but the
 *              illness not registered
 *
 * A matched person whose name on the list is not ours gets a note in the
 * detail (the ID may be mistyped there). One compare_run per file. A finding still open (待核实, 已核实) with the
 * same source, kind, category and ID is updated, never duplicated; one
 * closed (已处理, 已排除) is raised again only when its facts changed. */
#ifndef JZ_COMPARE_H
#define JZ_COMPARE_H

#include <stddef.h>

#include "core/session.h"

struct jz_compare_opts {
	const char *source;   /* jiandang death disability medical */
	const char *path;
	const char *sheet;    /* xlsx: NULL = first sheet */
	const char *encoding; /* CSV: NULL = detect */
	int dry_run;          /* everything is worked out, nothing kept */
};

#define JZ_COMPARE_MAX_PROBLEMS 50
#define JZ_COMPARE_KINDS 8
struct jz_compare_result {
	jz_rowid run_id;
	int rows;          /* data rows (header excluded, empty rows skipped) */
	int matched;       /* rows whose person is in the township */
	int bad;           /* rows left out for a problem */
	int fixed;         /* IDs repaired (Excel damage, 15 digits) */
	int added, updated, unchanged, kept_closed;
	int nkinds;        /* findings of this file by kind and category */
	char kind[JZ_COMPARE_KINDS * 2][96];
	int kind_n[JZ_COMPARE_KINDS * 2];
	int nproblems;     /* all of them; the first JZ_COMPARE_MAX_PROBLEMS kept */
	char problem[JZ_COMPARE_MAX_PROBLEMS][320];
	char unknown_cols[512];
	char encoding[16];
};

/* Runs a comparison as the session's operator (经办). A file that cannot be
 * read or lacks a required column is an error; rows with a bad ID or date
 * are listed in r->problem and left out, the others compared. */
int jz_compare_run(jz_session *s, const struct jz_compare_opts *o, struct jz_compare_result *r,
		   jz_err *e);

#endif
