/* backup_store.h — copying the open database with SQLite's online backup
 * API (a consistent copy while the desk keeps working), and looking at a
 * file before it is restored. */
#ifndef JZ_BACKUP_STORE_H
#define JZ_BACKUP_STORE_H

#include "store/db.h"

/* Copies db into dest: written to dest + ".tmp", synced, then renamed, so a
 * crash never leaves a half copy under the real name. progress (may be
 * NULL) is called with pages done and total. */
int jz_store_backup(jz_db *db, const char *dest, void (*progress)(int done, int total, void *),
		    void *arg, jz_err *e);

/* Copies the database file from (opened read-only, not migrated) to a new
 * file to, synced. On failure nothing is left at to. */
int jz_store_copy_file(const char *from, const char *to, jz_err *e);

/* What a file holds, for restore: 1 if it is a jiuzhu database whose
 * integrity_check passes (version and township name filled), 0 with why
 * (a Chinese sentence) if not. -1 only when it cannot be read at all. */
struct jz_file_info {
	int version;
	char township[128];
	long long events;
	char last_event[20];
};
int jz_store_file_info(const char *path, struct jz_file_info *fi, char *why, size_t n);

#endif
