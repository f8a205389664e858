/* todo.h — the to-do list (待办) on the home screen, fed by the core.
 * Each kind of item comes from one provider function; later issues add
 * providers (cases waiting for my step, 公示 ending, reviews due, ...). */
#ifndef JZ_TODO_H
#define JZ_TODO_H

#include "core/session.h"

struct jz_todo {
	const char *kind;      /* short label, e.g. "月报" */
	int urgent;            /* shown as a warning */
	char text[192];
	jz_rowid household_id; /* what Enter opens, 0 = nothing */
	jz_rowid case_id;
	jz_rowid aid_case_id;  /* a 临时救助 case */
	char due[11];
};

/* The month's report deadline: the 15th (seed 001). */
struct jz_deadline {
	char due[11];   /* YYYY-MM-15 */
	char month[8];  /* the month being reported: YYYY-MM */
	int days_left;  /* negative once past */
	int warn;       /* last 3 days, and after */
};
void jz_report_deadline(const char *today, struct jz_deadline *dl);
/* The same with the setting report.due_day (the day of the month the
 * report is due, 15 when unset) and the 已报送 mark: once the month before
 * today's is submitted, the deadline shown is the next month's (the current
 * month, due on that day of the next month). */
int jz_report_deadline_db(jz_db *db, const char *today, struct jz_deadline *dl, jz_err *e);

/* Fills up to max items for operator op on day today; returns the total. */
int jz_todo_list(jz_db *db, const jz_operator *op, const char *today,
		 struct jz_todo *out, int max, jz_err *e);

#endif
