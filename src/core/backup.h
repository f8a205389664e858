/* backup.h — backups of the database and restoring one.
 *
 * Backups live in a folder "backups" next to the database. The desk makes
 * one when it closes, at most once a day (setting backup.daily), keeping
 * the newest backup.keep of those; `jiuzhu backup` makes one at any time,
 * anywhere (a USB stick). Restoring checks the file first and keeps the
 * current database aside, never deleting it. */
#ifndef JZ_BACKUP_H
#define JZ_BACKUP_H

#include <stddef.h>

#include "core/session.h"
#include "store/backup_store.h"

/* dirname(db_path)/backups */
void jz_backup_dir(const char *db_path, char *out, size_t n);

/* A backup of db now into file; file NULL: backups/jiuzhu-YYYY-MM-DD-HHMMSS.db.
 * A folder given as file gets jiuzhu-<township>-YYYYMMDD-HHMMSS.db inside.
 * The path written goes to out. */
int jz_backup_make(jz_db *db, const char *file, char *out, size_t n,
		   void (*progress)(int, int, void *), void *arg, jz_err *e);

/* The daily backup: when backup.daily is on and backups/ has no
 * jiuzhu-<today>.db yet, makes it and deletes the oldest daily ones beyond
 * backup.keep. Returns 1 made (path in out), 0 nothing to do, -1 error. */
int jz_backup_daily(jz_db *db, char *out, size_t n, jz_err *e);

/* The backups of the folder next to db_path, newest first (file names
 * jiuzhu-*.db); returns how many (at most max paths written). */
int jz_backup_list(const char *db_path, char (*out)[4096], int max);

/* The newest backup whose integrity_check passes, into out; 1 found, 0 none. */
int jz_backup_newest_good(const char *db_path, char *out, size_t n);

/* Puts file in place of the database at db_path (which must not be open):
 * refuses a file that is not a whole jiuzhu database; moves the current
 * database (and its -wal, -shm) to db_path.before-restore-<stamp>, named in
 * aside; then copies file in. Records nothing: the caller, signed in as an
 * 管理员, records the restore in the restored file. */
int jz_restore_file(const char *db_path, const char *file, char *aside, size_t n, jz_err *e);

/* The marker of an open desk: created at start, removed on a clean close;
 * found at start means the last desk did not close (power cut). */
void jz_open_marker(const char *db_path, char *out, size_t n);

#endif
