/* screening.h — the 六类对象 screening (排查) ledger's workflow.
 *
 * Seed 001's list (list "001"): 未脱贫建档立卡, 整户无劳动力, 重残重病,
 * 已脱贫收入低于低保标准, 脱贫监测户, 脱贫边缘户. Seed 000's list ("000"):
 * 剩余贫困人口, 脱贫不稳定, 贫困边缘, 未落实分类施保的低保残疾人,
 * 未脱贫因残致贫, 未脱贫因病致贫. One row a person and category.
 * A row is visited (走访), gets a result (纳入低保 纳入特困 其他救助
 * 不符合条件 — the last with a reason from setting
 * screening.not_eligible_reasons and a basis), is closed (销号) — only with
 * the case linked for the first three, or not eligible with the reason —
 * and marked entered in the provincial system (a household not eligible
 * for 收入超标 is added to the 收入已达标 ledger then). Each write is one
 * transaction with its event; role 经办. */
#ifndef JZ_SCREENING_H
#define JZ_SCREENING_H

#include "core/session.h"
#include "store/screening_store.h"

extern const char *const jz_screening_cats_001[6];
extern const char *const jz_screening_cats_000[6];

/* The list a category belongs to ("001" or "000"), NULL if none. */
const char *jz_screening_list_of(const char *category);

/* Adds a row by hand: category, ID and name (the name may be "" when the
 * ID is a person of the township), listed_on "" = today. Sets *id. */
int jz_screening_add(jz_session *s, const char *category, const char *id_number, const char *name,
		     const char *village, const char *listed_on, jz_rowid *id, jz_err *e);
int jz_screening_visit(jz_session *s, jz_rowid id, const char *date, const char *visitors, jz_err *e);
/* result: 纳入低保 纳入特困 其他救助 不符合条件; reason (不符合条件: one
 * of the setting's reasons; 其他 needs a basis); case_number links the
 * case ("" = none). */
int jz_screening_result(jz_session *s, jz_rowid id, const char *result, const char *reason,
			const char *basis, const char *case_number, jz_err *e);
int jz_screening_close(jz_session *s, jz_rowid id, const char *date, jz_err *e);
int jz_screening_province(jz_session *s, jz_rowid id, const char *date, jz_err *e);

/* Fills the ledger from the 建档立卡 comparison: every finding of run_id
 * (0 = every run's findings not 已排除) with one of seed 001's categories
 * becomes a row of list 001 (finding_id set); a person already listed in
 * that category is skipped, so filling again adds nothing twice. */
int jz_screening_fill_from_findings(jz_session *s, jz_rowid run_id, int *added, jz_err *e);

#endif
