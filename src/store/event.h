/* event.h — the append-only, hash-chained trail every write goes through. */
#ifndef JZ_EVENT_H
#define JZ_EVENT_H

#include "core/err.h"
#include "store/db.h"

typedef struct jz_event {
	long long id;
	char at[20];
	char operator_[32];
	char action[48];
	char entity[24];
	long long entity_id;
	long long household_id; /* 0 when none */
	const char *old_text;   /* "字段=值" lines; may be NULL */
	const char *new_text;
	const char *reason;
	char prev_hash[80];     /* as stored (filled by jz_event_each only) */
	char hash[80];
} jz_event;

/* Appends ev (at is filled from the clock). Must run inside a transaction:
 * the event belongs to the change it records. */
int jz_event_append(jz_db *db, jz_event *ev, jz_err *e);

/* The event's hash: hex SHA-256 over the previous hash and the content. */
void jz_event_hash(const char *prev_hex, const jz_event *ev, char out[65]);

/* Calls fn for each event of a household, newest first (limit rows). */
typedef int (*jz_event_fn)(const jz_event *ev, void *arg);
int jz_event_each_household(jz_db *db, long long household_id, int limit,
			    jz_event_fn fn, void *arg, jz_err *e);
long long jz_event_count(jz_db *db);

/* Calls fn for every event in id order, oldest first, with prev_hash and
 * hash as stored; from/to (YYYY-MM-DD, either may be NULL) limit the day of
 * `at`; entity (may be NULL) with entity_id limits it to one record. fn
 * returns nonzero to stop. Returns 0 or -1. */
int jz_event_each(jz_db *db, const char *from, const char *to, const char *entity,
		  long long entity_id, jz_event_fn fn, void *arg, jz_err *e);

#endif
