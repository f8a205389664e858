/* form_screen.h — the form screen: any form of forms/ bound to a record.
 * The form file says which fields, labels, types and choices; the ops say
 * how a field is read from and written to the record and how the record is
 * saved (a core call: one transaction with its event). */
#ifndef JZ_FORM_SCREEN_H
#define JZ_FORM_SCREEN_H

#include "ui/desk.h"

struct jz_form_ops {
	void *rec;
	int (*get)(const void *rec, const char *key, char *buf, size_t n);
	int (*set)(void *rec, const char *key, const char *value, jz_err *e);
	/* Checks the record before the reason is asked (may be NULL). */
	int (*check)(jz_desk *d, void *rec, jz_err *e);
	/* Saves the record; why is the reason typed by the clerk. */
	int (*save)(jz_desk *d, void *rec, const char *why, jz_err *e);
	void (*free)(void *rec);
	const char *why_default; /* reason offered on save; NULL: none asked */
};

/* Opens form `form` (e.g. "person"); takes ownership of ops->rec. */
void jz_push_form(jz_desk *d, const char *form, const char *title, const struct jz_form_ops *ops);

#endif
