/* demo.h — a demo township made through the same core functions the desk
 * uses: villages, households, persons with valid unique IDs and realistic
 * names. Deterministic for a seed. */
#ifndef JZ_DEMO_H
#define JZ_DEMO_H

#include "core/session.h"

struct jz_demo_opts {
	unsigned long long seed;
	int households;             /* about 1,000 by default */
	int months;                 /* months of history before this one (24) */
	void (*progress)(int done, int total, void *arg);
	void *arg;
};

/* Fills an empty database. Every operator's password is "demo". */
int jz_demo_build(jz_db *db, const struct jz_demo_opts *o, jz_err *e);

#endif
