/* case_calc.h — the means test of a case, with its figures from the
 * database and its settings for the case's area and month. */
#ifndef JZ_CASE_CALC_H
#define JZ_CASE_CALC_H

#include "core/case.h"
#include "core/means.h"

/* The result, and who each of its members is (same order as the result's
 * supplement_fen). */
struct jz_case_means {
	struct jz_means_result r;
	int n;
	jz_rowid person_id[JZ_MEANS_MAX_MEMBERS];
	char name[JZ_MEANS_MAX_MEMBERS][96];
	int covered[JZ_MEANS_MAX_MEMBERS];
	int grade[JZ_MEANS_MAX_MEMBERS];
};

/* Runs the means test of case c for month (YYYY-MM). */
int jz_case_calc(jz_db *db, const jz_case *c, const char *month, struct jz_case_means *cm,
		 jz_err *e);
/* 分类施保 is mandatory (seed 000): refuses when a covered 低保 member with a
 * grade 1-4 disability certificate gets no supplement. */
int jz_case_check_supplements(const jz_case *c, const struct jz_case_means *cm, jz_err *e);
/* Fixes the monthly amount from from_month on (case_amount and the
 * 分类施保 supplements of each member), as the result says. */
int jz_case_fix_amount(jz_db *db, const jz_case *c, const char *from_month,
		       const struct jz_case_means *cm, const char *note, jz_err *e);

#endif
