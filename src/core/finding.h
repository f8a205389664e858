/* finding.h — the findings of the comparisons (数据比对) and how each is
 * worked: 待核实 → 已核实 → 已处理 (the action: a case opened or linked, a
 * death recorded and the case ended, a person's disability or illness
 * corrected), or 已排除 with a reason. Every change is one transaction with
 * its event (entity "finding"). The comparisons themselves: compare.h. */
#ifndef JZ_FINDING_H
#define JZ_FINDING_H

#include <stddef.h>

#include "core/session.h"

typedef struct jz_finding {
	jz_rowid id, run_id;
	char source[16];     /* jiandang death disability medical */
	char kind[24];       /* 漏保 死亡仍发放 死亡未退出 未分类施保 残疾等级不符 重病未保 重病未登记 */
	char category[40];   /* 漏保: one of seed 001's six categories; else "" */
	char id_number[19], name[96], village[96];
	jz_rowid person_id, household_id, case_id; /* 0 when none */
	char detail[640];
	char death_date[11];
	int months_after;    /* months paid after the death month */
	long long recover_fen;
	char found_on[11];
	char state[16];      /* 待核实 已核实 已处理 已排除 */
	char worked_on[11], worked_by[32];
	char note[512];
} jz_finding;

/* The sources, their Chinese names ("建档立卡名单"...), and the English
 * name of a source typed either way ("jiandang" or "建档立卡"); NULL when
 * unknown. */
extern const char *const jz_compare_sources[];
const char *jz_compare_source_label(const char *source);
const char *jz_compare_source_parse(const char *typed);

/* Filters of a list ("" or NULL = any; state 未办结 = 待核实 and 已核实). */
struct jz_finding_filter {
	const char *source, *state, *village, *kind;
};
/* fn(finding, arg) for the findings matching f, open ones first, then by
 * village and id; fn returns nonzero to stop. */
int jz_findings(jz_db *db, const struct jz_finding_filter *f,
		int (*fn)(const jz_finding *, void *), void *arg, jz_err *e);
int jz_finding_get(jz_db *db, jz_rowid id, jz_finding *f, jz_err *e);
/* Open findings (待核实, 已核实): the to-do list's count. */
int jz_findings_open(jz_db *db, long long *n, jz_err *e);

/* 已核实: checked and true (经办). note may be NULL. */
int jz_finding_verify(jz_session *s, jz_rowid id, const char *note, jz_err *e);
/* 已处理: does what the finding calls for (see finding_act.c) and says what
 * was done in done (may be NULL). */
int jz_finding_act(jz_session *s, jz_rowid id, const char *note, char *done, size_t n, jz_err *e);
/* 已排除 with a required reason. */
int jz_finding_dismiss(jz_session *s, jz_rowid id, const char *reason, jz_err *e);

/* Writes the findings matching f to path: .xlsx, or .csv (GBK unless utf8).
 * Returns the number of rows written, or -1. */
int jz_finding_export(jz_db *db, const struct jz_finding_filter *f, const char *path, int utf8,
		      jz_err *e);

#endif
