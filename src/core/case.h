/* case.h — cases (低保, 特困, 孤儿, 残疾补贴): acceptance, the steps of the
 * workflow with their roles and separation of duties, reviews, 渐退, exits.
 * Every step is one transaction with its event. The means test itself is
 * core/means.c; the payment roll core/roll.c. */
#ifndef JZ_CASE_H
#define JZ_CASE_H

#include "core/session.h"

typedef struct jz_case {
	jz_rowid id;
	char number[40];
	jz_rowid household_id;
	char programme[16];  /* 低保 特困 孤儿 残疾补贴 */
	char mode[24];       /* 整户保障 单人保 | 集中供养 分散供养 | 集中养育 社会散居 事实无人抚养 | 生活补贴 护理补贴 */
	char self_care[16];  /* 特困: 全自理 半自理 全护理 */
	char area[8];        /* 城市 农村, from the household at acceptance */
	char state[16];      /* 受理 调查 评议 审核 公示 在保 渐退 退出 不予 */
	char accepted_on[11], accepted_by[32];
	char entry_reason[64];
	int waived;          /* 免核对 (单人保 of a 未脱贫建档立卡 household) */
	char investigate_due[11], investigated_on[11];
	char investigators[128], findings[512];
	char notice_from[11], notice_to[11];
	char approved_on[11], approved_by[32], county_doc[64], county_date[11];
	char start_month[8], end_month[8];  /* months paid: first, last ('' = open) */
	char review_due[11], grace_until[8];
	char exit_reason[64], exit_note[256], exit_on[11], refused_reason[256];
	char province_on[11], province_by[32];
	int province_pending; /* a change not yet typed into the provincial system */
	long long deposit_fen;
	int vehicles, houses;
	char imported_from[128];
} jz_case;

extern const char *const jz_programmes[];
/* The coded reasons for entering and leaving are settings (case.entry_reasons,
 * case.exit_reasons: "a|b|c"), so they can be counted and a county can
 * change them. jz_case_reasons fills out (at most max) and returns the count. */
#define JZ_REASON_MAX 32
int jz_case_reasons(jz_db *db, int exits, char (*out)[JZ_REASON_MAX], int max, jz_err *e);
/* Refuses a reason not on the list, naming the choices. */
int jz_case_check_reason(jz_db *db, int exits, const char *reason, jz_err *e);
/* The entry reason of a case not yet approved (default 新申请). */
int jz_case_set_entry_reason(jz_session *s, jz_rowid case_id, const char *reason, jz_err *e);

/* Opens a case for household hid. members: person ids covered (NULL/0 =
 * every living member for 整户保障; required for the person programmes).
 * mode may be NULL (the programme's usual one). */
int jz_case_new(jz_session *s, jz_rowid hid, const char *programme, const char *mode,
		const jz_rowid *members, int nmembers, jz_case *out, jz_err *e);

struct jz_step {
	int refuse;                /* 不通过: the case ends as 不予 with note as reason */
	const char *note;          /* findings, the review's opinion, the reason */
	const char *investigators; /* 入户调查 (default: the operator) */
	const char *county_doc;    /* 审批 by the county: document number and date */
	const char *county_date;
};
/* Takes the case one step forward (or refuses it), as the session's
 * operator, enforcing the step's role and the separation of duties. */
int jz_case_step(jz_session *s, jz_rowid case_id, const struct jz_step *st, jz_err *e);
/* The step a case waits for and the role that takes it (for lists and to-do). */
const char *jz_case_next_step(const jz_case *c, int democratic, const char **role);

int jz_case_load(jz_db *db, const char *number_or_id, jz_case *c, jz_err *e);
int jz_case_get(jz_db *db, jz_rowid id, jz_case *c, jz_err *e);

/* Assets found on the home visit: deposits, vehicles, houses (the limits
 * are settings means.deposit_limit_pct, means.vehicle_limit, means.house_limit). */
int jz_case_set_assets(jz_session *s, jz_rowid case_id, long long deposit_fen, int vehicles,
		       int houses, jz_err *e);
/* 免核对: a 单人保 case of a 未脱贫建档立卡 household skips the means test. */
int jz_case_set_waived(jz_session *s, jz_rowid case_id, int waived, jz_err *e);
/* 特困: the self-care level (全自理 半自理 全护理) the care money follows. */
int jz_case_set_self_care(jz_session *s, jz_rowid case_id, const char *level, jz_err *e);

/* Means-test figures (only while the case is open). */
int jz_case_set_income(jz_session *s, jz_rowid case_id, const char *id_number, const char *kind,
		       long long monthly_fen, jz_err *e);
int jz_case_set_expense(jz_session *s, jz_rowid case_id, const char *kind, long long monthly_fen,
			jz_err *e);

/* Reviews (动态管理) of a case in force: 继续 / 调整 (new amount from next
 * month) / 渐退 (grace months 3–12) / 退出. reason: a coded reason. */
struct jz_review {
	const char *result; /* 继续 调整 渐退 退出 */
	const char *reason; /* coded list: jz_exit_reasons for 退出/渐退, free for others */
	const char *note;
	int grace_months;   /* 渐退 */
};
int jz_case_review(jz_session *s, jz_rowid case_id, const struct jz_review *r, jz_err *e);
/* An exit at once (death, fraud, moved away...) effective on date. */
int jz_case_exit(jz_session *s, jz_rowid case_id, const char *reason, const char *date,
		 const char *note, jz_err *e);
/* Ends the 渐退 cases whose grace ran out before today's month; returns how
 * many (run before a roll is built and when the desk opens). */
int jz_case_housekeeping(jz_session *s, const char *today, jz_err *e);
/* A covered person died on date: a case covering him alone ends at once
 * (no 渐退); a household's case becomes due for review. Runs inside the
 * caller's transaction (jz_person_died); returns the number of cases. */
int jz_case_person_died(jz_session *s, jz_rowid person_id, const char *date, jz_err *e);
/* The household hid changed (a member joined or left): its cases in force
 * are due for review today (the amount stays until the review decides),
 * each with an event. Runs inside the caller's transaction. */
int jz_case_household_changed(jz_session *s, jz_rowid hid, const char *what, jz_err *e);
/* Records that the last change was typed into the provincial system. */
int jz_case_province_done(jz_session *s, jz_rowid case_id, jz_err *e);

/* 转介: refers the case's family to another department (教育, 医疗保障,
 * 住房城乡建设, 人力资源和社会保障, 残联, 乡村振兴, 其他) on date. */
int jz_case_refer(jz_session *s, jz_rowid case_id, const char *department, const char *date,
		  const char *outcome, jz_err *e);
/* Records a refusal of offered work or training; returns the number of
 * refusals without good reason in a row, or -1. */
int jz_work_refusal(jz_session *s, const char *id_number, const char *date, const char *offer,
		    int good_reason, jz_err *e);
/* Stops a 建档立卡 member's own share from next month after three refusals
 * in a row (seed 001); the case's amount is worked out again. */
int jz_case_stop_share(jz_session *s, jz_rowid case_id, const char *id_number, jz_err *e);
/* 近亲属备案: a relative of a village cadre or office staff member; login
 * names the operator when the staff member is one. */
int jz_relative_register(jz_session *s, const char *id_number, const char *name, const char *cadre,
			 const char *post, const char *login, const char *relation, jz_err *e);

#endif
