/* ledger_store_write.h — SQL for the ledgers' own tables other than
 * screening: watch (潜在救助对象, 低保边缘), bed_wish, income_ok, referral
 * outcomes, visit, care_agreement, survey and survey_person. */
#ifndef JZ_LEDGER_STORE_WRITE_H
#define JZ_LEDGER_STORE_WRITE_H

#include "core/model.h"
#include "store/db.h"

struct jz_watch {
	jz_rowid id, household_id;
	char kind[32], id_number[24], name[96], village[96], situation[512], source[32];
	char listed_on[11], next_visit[11], closed_on[11], close_reason[256];
};
int jz_store_watch_has(jz_db *db, const char *kind, jz_rowid household_id, jz_err *e);
int jz_store_watch_insert(jz_db *db, struct jz_watch *w, jz_err *e);
int jz_store_watch_get(jz_db *db, jz_rowid id, struct jz_watch *w, jz_err *e);
int jz_store_watch_close(jz_db *db, jz_rowid id, const char *date, const char *reason, jz_err *e);

struct jz_bed {
	jz_rowid id, person_id, case_id;
	char asked_on[11];
	int wants;
	char preferred[128], placed_on[11], placed_at[128], note[256];
};
int jz_store_bed_insert(jz_db *db, struct jz_bed *b, jz_err *e);
int jz_store_bed_get(jz_db *db, jz_rowid id, struct jz_bed *b, jz_err *e);
int jz_store_bed_place(jz_db *db, jz_rowid id, const char *date, const char *where, jz_err *e);

struct jz_income_ok {
	jz_rowid id, household_id, case_id, screening_id;
	char found_on[11];
	long long per_capita_fen, standard_fen;
	char reason[256], fed_back_on[11], fed_back_by[32];
};
int jz_store_income_ok_insert(jz_db *db, struct jz_income_ok *r, jz_err *e);
int jz_store_income_ok_get(jz_db *db, jz_rowid id, struct jz_income_ok *r, jz_err *e);
/* The row made for case_id (1), or 0 when none. */
int jz_store_income_ok_of_case(jz_db *db, jz_rowid case_id, struct jz_income_ok *r, jz_err *e);
/* The row made for screening_id (1), or 0 when none. */
int jz_store_income_ok_of_screening(jz_db *db, jz_rowid screening_id, struct jz_income_ok *r, jz_err *e);
int jz_store_income_ok_feedback(jz_db *db, jz_rowid id, const char *date, const char *by, jz_err *e);

struct jz_referral {
	jz_rowid id, case_id, aid_case_id, screening_id;
	char department[128], referred_on[11], outcome[512], outcome_on[11];
};
int jz_store_referral_get(jz_db *db, jz_rowid id, struct jz_referral *r, jz_err *e);
int jz_store_referral_outcome(jz_db *db, jz_rowid id, const char *outcome, const char *date, jz_err *e);

int jz_store_visit_insert(jz_db *db, jz_rowid case_id, const char *date, const char *visitor,
			  const char *finding, const char *needs, jz_rowid *id, jz_err *e);

struct jz_care {
	jz_rowid id, case_id;
	char carer_name[96], carer_id_number[24], carer_phone[32], carer_relation[32];
	char signed_on[11], valid_until[11], content[512], ended_on[11];
};
int jz_store_care_insert(jz_db *db, struct jz_care *a, jz_err *e);
int jz_store_care_get(jz_db *db, jz_rowid id, struct jz_care *a, jz_err *e);
int jz_store_care_end(jz_db *db, jz_rowid id, const char *date, jz_err *e);

enum { JZ_SURVEY_N = 6 };
struct jz_survey {
	jz_rowid village_id;
	char month[8], handed_on[11], by[32];
	long long count[JZ_SURVEY_N]; /* 失业 困难企业 高校毕业生 农民工 灵活就业 低保边缘 */
	char note[256];
};
/* 1 found, 0 not handed in, -1 error. */
int jz_store_survey_get(jz_db *db, jz_rowid village_id, const char *month, struct jz_survey *s, jz_err *e);
int jz_store_survey_put(jz_db *db, const struct jz_survey *s, jz_err *e);
int jz_store_survey_person_insert(jz_db *db, jz_rowid village_id, const char *month, const char *category,
				  const char *id_number, const char *name, const char *situation,
				  jz_rowid *id, jz_err *e);

#endif
