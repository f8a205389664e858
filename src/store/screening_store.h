/* screening_store.h — SQL for the 六类对象 screening ledger (table
 * screening) and the 建档立卡 findings it is filled from. */
#ifndef JZ_SCREENING_STORE_H
#define JZ_SCREENING_STORE_H

#include "core/model.h"
#include "store/db.h"

typedef struct jz_screening {
	jz_rowid id;
	char list[4];          /* 001 or 000 */
	char category[64];
	char id_number[24];
	char name[96];
	jz_rowid household_id; /* 0 = not a household of the township */
	char village[96];
	jz_rowid finding_id;   /* 0 = added by hand */
	char listed_on[11];
	char visit_on[11], visitors[128];
	char result[32];       /* '' 纳入低保 纳入特困 其他救助 不符合条件 */
	char reason[64], basis[512];
	jz_rowid case_id;      /* 0 = none */
	char closed_on[11];
	char province_on[11], province_by[32];
} jz_screening;

/* Inserts sc (sets sc->id): 1 added, 0 already listed (same list,
 * category and ID: nothing changed), -1 error. */
int jz_store_screening_insert(jz_db *db, jz_screening *sc, jz_err *e);
int jz_store_screening_update(jz_db *db, const jz_screening *sc, jz_err *e);
/* 1 found, 0 none, -1 error. */
int jz_store_screening_get(jz_db *db, jz_rowid id, jz_screening *sc, jz_err *e);

/* A 建档立卡 finding with a category, for the fill. */
struct jz_jd_finding {
	jz_rowid id, run_id, household_id;
	char category[64], id_number[24], name[96], village[96], found_on[11];
};
/* Findings of source 'jiandang' with a category, of run_id (0 = of every
 * run, those not 已排除); fn returns nonzero to stop. */
int jz_store_jd_findings(jz_db *db, jz_rowid run_id, int (*fn)(const struct jz_jd_finding *, void *),
			 void *arg, jz_err *e);
/* 1 if compare run id exists, 0 if not. */
int jz_store_compare_run_exists(jz_db *db, jz_rowid id, jz_err *e);

#endif
