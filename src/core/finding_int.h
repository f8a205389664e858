/* finding_int.h — what finding.c and finding_act.c share. Internal to core. */
#ifndef JZ_FINDING_INT_H
#define JZ_FINDING_INT_H

#include "core/finding.h"

/* Loads finding id for working it: the operator must be 经办 and the
 * finding still open (待核实, 已核实). */
int jz_finding_load_open(jz_session *s, jz_rowid id, jz_finding *f, jz_err *e);
/* Sets the new state with the worker, today and the note, and writes the
 * event; inside the caller's transaction. */
int jz_finding_close(jz_session *s, jz_finding *f, const char *state, const char *note, jz_err *e);

#endif
