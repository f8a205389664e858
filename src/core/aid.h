/* aid.h — 临时救助 (temporary assistance): one case per event of hardship,
 * for a person of the township or not (a non-local person is a person row
 * outside any household, with where he is from).
 *
 *   支出型: 受理 → 入户调查 (经办) → 乡镇审核 (审核) → 审批 (审批) → 已审批 →
 *           发放 (经办, once or in scheduled stages) → 已救助.
 *   先行救助 (急难型, or any case whose cause is 疫情): paid at once out of the
 *           reserve fund (jz_fund_pay) when accepted; the investigation, review,
 *           approval and the 事后补充说明 follow within aid.paperwork_workdays
 *           working days (core/workdays.h); overdue, it is an urgent due.
 *   不通过 at any step ends the case as 不予 with its reason.
 *
 * Rules (amounts are settings read on the day of the action):
 *   - whoever accepted a case never approves (nor refuses at approval) it;
 *     nor does anyone approve his own household or one on the 近亲属备案 list;
 *   - above aid.township_limit_fen no money moves without the county's
 *     decision (document number and date); a 先行 payment stays within it;
 *   - above aid.usual_max_fen no approval without a 一事一议 record of the
 *     county's coordination mechanism (meeting date, participants, reason);
 *   - payments never exceed the approved amount; a staged plan pays its
 *     stages in order, none before its due date.
 * Every write is one transaction with its event (entity "aid_case"). */
#ifndef JZ_AID_H
#define JZ_AID_H

#include "core/case.h"
#include "core/session.h"

typedef struct jz_aid {
	jz_rowid id;
	char number[24];            /* LS2026-0001 */
	jz_rowid person_id;
	jz_rowid household_id;      /* 0: not of a household of this township */
	char kind[8];               /* 急难 支出 */
	char cause[48];             /* one of the setting aid.causes */
	char need[512];
	long long asked_fen;
	char evidence[512];
	int persons;                /* persons helped */
	int non_local;
	char hukou[96];             /* where a non-local person is from */
	int advance;                /* 先行救助 */
	char paperwork_due[11], paperwork_done_on[11];
	char state[16];             /* 受理 调查 审核 已审批 已救助 不予 结案 */
	char accepted_on[11], accepted_by[32];
	char investigated_on[11], findings[512];
	char reviewed_on[11], reviewed_by[32];
	char approved_on[11], approved_by[32];
	long long approved_fen;     /* for a 先行 case before approval: what was paid */
	char county_doc[64], county_date[11];
	char yishi_date[11], yishi_participants[256], yishi_reason[256];
	jz_rowid followup_of;       /* 跟进救助 of that case, 0 none */
	char meeting_date[11], meeting_note[512]; /* 个案会商 */
	jz_rowid converted_case_id; /* the 低保/特困 case started from this one */
	char refused_reason[256];
} jz_aid;

/* One payment, made or scheduled (paid_on ''). */
struct jz_aid_payment {
	jz_rowid id, aid_case_id;
	int seq;
	char due_on[11];
	long long amount_fen;
	char paid_on[11];
	char method[8];             /* 现金 银行 */
	jz_rowid fund_move_id;
	char note[128];
};

extern const char *const jz_aid_kinds[];   /* 急难 支出 */
extern const char *const jz_aid_methods[]; /* 现金 银行 */

/* An application as typed. The person is found by id_number; one not known
 * to the township is created outside any household (non-local) with name
 * and hukou (where he is from), which are then required. */
struct jz_aid_new {
	const char *id_number, *name, *hukou;
	const char *kind, *cause, *need, *evidence;
	long long asked_fen;        /* > 0; for 先行 what is paid at once */
	int persons;                /* persons helped; 0 = 1 */
	int advance;                /* 先行救助: 急难 only, or cause 疫情 */
	const char *method;         /* of the 先行 payment: 现金 (default) or 银行 */
};
/* Accepts an application (经办). A 先行 one is paid at once in the same
 * transaction, its paperwork due aid.paperwork_workdays working days later. */
int jz_aid_new(jz_session *s, const struct jz_aid_new *in, jz_aid *out, jz_err *e);
/* 跟进救助: a new case for the same person, linked to the first (which must
 * have had money paid). in->id_number, name and hukou are ignored; kind
 * defaults to 支出 and cause to the first case's. */
int jz_aid_followup(jz_session *s, jz_rowid first_id, const struct jz_aid_new *in, jz_aid *out,
		    jz_err *e);
/* 转介 after aid: records that the family was referred to department. */
int jz_aid_refer(jz_session *s, jz_rowid id, const char *department, const char *note, jz_err *e);

struct jz_aid_step {
	int refuse;                 /* 不通过: ends as 不予 with note as reason */
	const char *note;           /* findings, opinion, reason */
	long long amount_fen;       /* 审批: the amount approved (0 = as asked) */
	const char *county_doc, *county_date;   /* the county's decision */
	const char *yishi_date, *yishi_participants, *yishi_reason; /* 一事一议 */
};
/* The step a case waits for and its role; NULL when none. (A case approved
 * above the township limit without the county's record waits for it: see
 * jz_aid_dues, 待县审批.) */
const char *jz_aid_next_step(const jz_aid *a, const char **role);
/* Takes the case one step forward, or refuses it. On an approved case
 * waiting for the county, records the county's document and date (经办),
 * or with refuse its refusal. */
int jz_aid_step(jz_session *s, jz_rowid id, const struct jz_aid_step *st, jz_err *e);

/* A payment (经办) of an approved case on date (NULL: today) by method
 * (NULL: 现金). With a staged plan it pays the next stage (fen 0 = that
 * stage's amount; another amount is refused). Out of the reserve fund. */
int jz_aid_pay(jz_session *s, jz_rowid id, long long fen, const char *method, const char *date,
	       struct jz_aid_payment *out, jz_err *e);
/* 一次审批、分阶段救助: replaces the unpaid stages of an approved case. */
struct jz_aid_stage {
	char due_on[11];
	long long fen;
};
int jz_aid_schedule(jz_session *s, jz_rowid id, const struct jz_aid_stage *stages, int n,
		    jz_err *e);
/* 事后补充说明 of a 先行 case, once its approval (or refusal) is recorded. */
int jz_aid_paperwork(jz_session *s, jz_rowid id, const char *note, jz_err *e);
/* 个案会商 for a family with several hardships. */
int jz_aid_meeting(jz_session *s, jz_rowid id, const char *date, const char *note, jz_err *e);
/* Starts a 低保 or 特困 application for the person's household (refused for
 * a non-local person), with the aid case's need and findings as the new
 * case's findings; out (may be NULL) gets the new case. */
int jz_aid_convert(jz_session *s, jz_rowid id, const char *programme, jz_case *out, jz_err *e);

/* Reading. */
int jz_aid_load(jz_db *db, const char *number_or_id, jz_aid *a, jz_err *e);
int jz_aid_get(jz_db *db, jz_rowid id, jz_aid *a, jz_err *e);
/* Payments of a case in order; returns the count (at most max written). */
int jz_aid_payments(jz_db *db, jz_rowid id, struct jz_aid_payment *out, int max, jz_err *e);
/* The causes of the setting aid.causes; returns the count. */
#define JZ_AID_CAUSE_MAX 48
int jz_aid_causes(jz_db *db, char (*out)[JZ_AID_CAUSE_MAX], int max, jz_err *e);

/* What the 临时救助 cases wait for on today (to-do list, `aid list --due`):
 *   待办        a step waiting for role
 *   补充材料     a 先行 case's paperwork, due on `due` (urgent once past it)
 *   待县审批     approved above the township limit, no county record yet
 *   待发放       approved money not paid yet (and no stage planned)
 *   分期发放     a stage due (urgent once past its date) */
struct jz_aid_due {
	const char *kind;
	const char *role;           /* who acts: 经办 审核 审批 */
	int urgent;
	char text[256];
	char due[11];
	jz_rowid aid_case_id, household_id;
	char number[24];
};
/* Fills up to max items; returns the total, or -1. */
int jz_aid_dues(jz_db *db, const char *today, struct jz_aid_due *out, int max, jz_err *e);

/* The month's figures for the monthly workbook. A case counts once in a
 * month when money was paid to it in that month (户次; 人次 = its persons). */
struct jz_aid_figures {
	long long cases, persons;                 /* 救助户次, 救助人次 */
	long long jinan_cases, jinan_persons;     /* 急难型 */
	long long zhichu_cases, zhichu_persons;   /* 支出型 */
	long long advance_cases;                  /* 先行救助 */
	long long paperwork_missing;              /* 先行 cases (accepted by month end)
						     without 补充说明 at month end */
	long long paperwork_overdue;              /* of which past their deadline */
	long long nonlocal_cases, nonlocal_persons; /* 非本地户籍 */
	long long yishi_cases;                    /* 一事一议 */
	long long county_cases;                   /* 县级审批 */
	long long followup_cases;                 /* 跟进救助 */
	long long paid_fen, jinan_fen, zhichu_fen, advance_fen; /* 当月支出金额 */
};
int jz_aid_figures(jz_db *db, const char *month, struct jz_aid_figures *out, jz_err *e);

/* The receipt (领取凭证) of a case's payments made (seq 0: all of them, else
 * that one), with the recipient's signature line: a workbook at path, or
 * printable text into buf. */
int jz_aid_receipt_xlsx(jz_db *db, jz_rowid id, int seq, const char *path, jz_err *e);
int jz_aid_receipt_text(jz_db *db, jz_rowid id, int seq, char *buf, size_t n, jz_err *e);

/* ---- shared by the aid_*.c files (not for other callers) ---- */
int jz_aid_need_role(const jz_session *s, const char *role, const char *what, jz_err *e);
/* The event "action" of case a, with why and a detail line. */
int jz_aid_record(jz_session *s, const jz_aid *a, const char *action, const char *why,
		  const char *detail, jz_err *e);
/* Updates a and writes its event, in one transaction. */
int jz_aid_save(jz_session *s, jz_aid *a, const char *action, const char *why, const char *detail,
		jz_err *e);
/* The limits in force on date. */
int jz_aid_limits(jz_db *db, const char *date, long long *township_fen, long long *usual_fen,
		  jz_err *e);
/* 1 if a's approved amount is above the township limit in force on the
 * day of approval (the county must decide), 0 if not, -1 on error. */
int jz_aid_needs_county(jz_db *db, const jz_aid *a, jz_err *e);
/* Sum of the payments made; -1 on error. */
long long jz_aid_paid(jz_db *db, jz_rowid id, jz_err *e);
/* "1,500.00"-free yuan text of fen: "1500.00". */
void jz_aid_yuan(long long fen, char *buf, size_t n);
/* Pays fen now in the caller's transaction: a payment row (the next stage
 * when stage_id is set), jz_fund_pay, state 已救助 once all is paid. */
int jz_aid_pay_in_tx(jz_session *s, jz_aid *a, jz_rowid stage_id, long long fen,
		     const char *method, const char *date, struct jz_aid_payment *out, jz_err *e);

#endif
