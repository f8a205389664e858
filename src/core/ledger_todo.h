/* ledger_todo.h — what the ledgers put on the home to-do list: 特困
 * 分散供养 persons whose visit is overdue (tekun.visit_interval_days) or
 * who need a care agreement and have none, and villages that have not
 * handed in this month's survey after survey.due_day. */
#ifndef JZ_LEDGER_TODO_H
#define JZ_LEDGER_TODO_H

#include "core/todo.h"

/* Fills up to max items; returns how many there are in all, or -1. */
int jz_ledger_todos(jz_db *db, const char *today, struct jz_todo *out, int max, jz_err *e);

#endif
