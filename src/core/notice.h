/* notice.h — the public notice (公示名单) of cases in 公示: per village,
 * names and masked IDs only (first 6 and last 4 digits), programme, the
 * expected monthly amount, the notice's dates and the office phone. */
#ifndef JZ_NOTICE_H
#define JZ_NOTICE_H

#include "core/session.h"

struct jz_notice_row {
	char case_number[40];
	jz_rowid village_id;
	char village[96];
	char names[200];      /* the head, or the covered persons */
	char masked_id[19];
	char programme[16], mode[24];
	int persons;
	long long amount_fen; /* expected from the month after the notice */
	char from[11], to[11];
};

/* Calls fn for each case whose notice is running on date (all cases in 公示
 * when date is NULL), of one village (village_id 0 = all), by village. */
int jz_notice_rows(jz_db *db, jz_rowid village_id, const char *date,
		   int (*fn)(const struct jz_notice_row *, void *), void *arg, jz_err *e);

/* Writes the notice of each village into dir: an .xlsx and a printable
 * UTF-8 text file; returns the number of villages written. */
int jz_notice_export(jz_db *db, jz_rowid village_id, const char *date, const char *dir,
		     jz_err *e);

#endif
