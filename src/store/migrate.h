/* migrate.h — schema versions (PRAGMA user_version) and their migrations. */
#ifndef JZ_MIGRATE_H
#define JZ_MIGRATE_H

#include <sqlite3.h>

#include "core/err.h"

struct jz_migration {
	int version;
	const char *sql;
};

int jz_migrate_latest(void);
/* Brings the file up to `target` (normally jz_migrate_latest()), one
 * transaction per step. Refuses a file newer than this program. */
int jz_migrate(sqlite3 *h, int target, jz_err *e);

#endif
