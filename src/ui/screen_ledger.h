/* screen_ledger.h — inside the ledger screens: one ledger's screen, and
 * the actions on a row and the adding of a row (screen_ledger_act.c). */
#ifndef JZ_SCREEN_LEDGER_H
#define JZ_SCREEN_LEDGER_H

#include "core/ledger.h"
#include "ui/desk.h"

/* The values typed last, offered again after an error. */
struct jz_ledger_memo {
	char v[8][256];
};

void jz_push_ledger(jz_desk *d, const struct jz_ledger_def *def);
/* Asks what to do with row r and does it; 1 when data changed. */
int jz_ledger_act_row(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def, const struct jz_ledger_row *r);
/* Asks the fields of a new row of def and adds it; 1 when added. */
int jz_ledger_act_add(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def);

#endif
