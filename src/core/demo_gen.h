/* demo_gen.h — the random but repeatable families of the demo township. */
#ifndef JZ_DEMO_GEN_H
#define JZ_DEMO_GEN_H

#include "core/demo_names.h"
#include "core/session.h"

struct jz_demo_gen {
	unsigned long long rng;
	jz_village villages[16];
	int nvillages;
	char ref[11];          /* births are drawn up to this date */
	char **ids;            /* open-addressing set of IDs already given */
	size_t ids_cap, ids_n;
	jz_rowid deaths[64];   /* elderly persons who will be recorded dead */
	int ndeaths;
};

void jz_demo_gen_init(struct jz_demo_gen *g, unsigned long long seed);
void jz_demo_gen_free(struct jz_demo_gen *g);
unsigned jz_demo_rand(struct jz_demo_gen *g, unsigned n); /* 0..n-1 */
int jz_demo_pct(struct jz_demo_gen *g, unsigned p);        /* true p% of the time */
const char *jz_demo_surname(struct jz_demo_gen *g);
/* Fills p as a person of the given age and sex, with a unique valid ID. */
int jz_demo_person(struct jz_demo_gen *g, jz_person *p, const char *surname, char sex,
		   int age, int is_head, int rural);
/* One household with its members, added through the core. */
int jz_demo_household(jz_session *s, struct jz_demo_gen *g, jz_err *e);
/* The township's past: months of cases, reviews, deaths and locked rolls
 * before today's month, and applications on their way this month. */
int jz_demo_history(jz_db *db, struct jz_demo_gen *g, int households, int months, jz_err *e);
/* A year (at most months) of 临时救助 and of the reserve fund. */
int jz_demo_aid(jz_db *db, struct jz_demo_gen *g, int households, int months, jz_err *e);
/* Records the deaths chosen while generating. */
int jz_demo_deaths(jz_session *s, struct jz_demo_gen *g, jz_err *e);

#endif
