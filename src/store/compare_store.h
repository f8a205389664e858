/* compare_store.h — comparison runs, findings, and the questions a
 * comparison asks of persons, cases and rolls, in the database. */
#ifndef JZ_COMPARE_STORE_H
#define JZ_COMPARE_STORE_H

#include "core/finding.h"
#include "store/db.h"

int jz_store_compare_run_add(jz_db *db, const char *source, const char *file, const char *by,
			     jz_rowid *id, jz_err *e);
int jz_store_compare_run_counts(jz_db *db, jz_rowid id, int rows, int matched, int findings,
				jz_err *e);

int jz_store_finding_insert(jz_db *db, jz_finding *f, jz_err *e);
/* Writes every field of f but id and found_on. */
int jz_store_finding_update(jz_db *db, const jz_finding *f, jz_err *e);
/* 1 found, 0 not, -1 error. */
int jz_store_finding_get(jz_db *db, jz_rowid id, jz_finding *f, jz_err *e);
/* The latest finding of (source, kind, category, id_number). */
int jz_store_finding_last(jz_db *db, const char *source, const char *kind, const char *category,
			  const char *id_number, jz_finding *f, jz_err *e);
int jz_store_findings(jz_db *db, const char *source, const char *state, const char *village,
		      const char *kind, int (*fn)(const jz_finding *, void *), void *arg, jz_err *e);
int jz_store_findings_open(jz_db *db, long long *n, jz_err *e);

/* The village name of a household ("" when none). */
int jz_store_household_village(jz_db *db, jz_rowid hid, char *name, size_t n, jz_err *e);
/* The area (城市, 农村) of a household. */
int jz_store_household_area(jz_db *db, jz_rowid hid, char *area, size_t n, jz_err *e);
/* A case in force (在保, 渐退) covering the person (a member) or, when hid
 * is not 0, his household; programme NULL = any. 1 with its id and
 * programme, 0 none, -1 error. */
int jz_store_covering_case(jz_db *db, jz_rowid pid, jz_rowid hid, const char *programme,
			   jz_rowid *case_id, char prog[16], jz_err *e);
/* A case of the household not yet in force (受理 to 公示): 1 / 0 / -1. */
int jz_store_pending_case(jz_db *db, jz_rowid hid, jz_rowid *case_id, jz_err *e);
/* Rows of the screening ledger for the ID. */
int jz_store_screened(jz_db *db, const char *id_number, long long *n, jz_err *e);
/* Money paid for months after `month` in the person's name or by a case
 * that covers him alone (roll lines of every kind, 扣回 negative):
 * fn(for_month, net fen, arg) per month, in order. */
int jz_store_paid_after(jz_db *db, jz_rowid pid, const char *month,
			void (*fn)(const char *, long long, void *), void *arg, jz_err *e);
/* 1 if the person has a 分类施保 supplement (fen > 0) in the case's amount
 * in force in month, 0 if not, -1 error. */
int jz_store_has_supplement(jz_db *db, jz_rowid case_id, jz_rowid pid, const char *month,
			    jz_err *e);

#endif
