/* backup.c — daily and manual backups, the list of backups, restoring one
 * (see backup.h). The copying itself is SQLite's backup API (store). */
#include "core/backup.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/settings.h"
#include "core/township.h"

void jz_backup_dir(const char *db_path, char *out, size_t n)
{
	const char *slash = strrchr(db_path, '/');
	if (!slash)
		snprintf(out, n, "backups");
	else
		snprintf(out, n, "%.*s/backups", (int)(slash - db_path), db_path);
}

void jz_open_marker(const char *db_path, char *out, size_t n)
{
	snprintf(out, n, "%s.open", db_path);
}

static int is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int ensure_dir(const char *dir, jz_err *e)
{
	if (is_dir(dir) || mkdir(dir, 0700) == 0)
		return 0;
	return jz_fail(e, JZ_EDATA, "不能建立备份文件夹 %s：%s", dir, jz_errno_text(errno));
}

int jz_backup_make(jz_db *db, const char *file, char *out, size_t n,
		   void (*progress)(int, int, void *), void *arg, jz_err *e)
{
	char now[20], dir[4096];
	jz_now(now);
	if (!file) {
		jz_backup_dir(jz_db_path(db), dir, sizeof dir);
		if (ensure_dir(dir, e))
			return -1;
		snprintf(out, n, "%s/jiuzhu-%.10s-%.2s%.2s%.2s.db", dir, now, now + 11, now + 14, now + 17);
	} else if (is_dir(file)) {
		jz_township t;
		jz_err ignore;
		if (jz_township_load(db, &t, &ignore))
			snprintf(t.name, sizeof t.name, "乡镇");
		snprintf(out, n, "%s/jiuzhu-%s-%.4s%.2s%.2s-%.2s%.2s%.2s.db", file, t.name, now, now + 5, now + 8,
			 now + 11, now + 14, now + 17);
	} else {
		snprintf(out, n, "%s", file);
	}
	return jz_store_backup(db, out, progress, arg, e);
}

/* Daily backups are exactly jiuzhu-YYYY-MM-DD.db. */
static int is_daily(const char *name)
{
	return strlen(name) == strlen("jiuzhu-2026-01-01.db") && !strncmp(name, "jiuzhu-", 7) &&
	       jz_date_valid((char[11]){name[7], name[8], name[9], name[10], name[11], name[12], name[13],
					 name[14], name[15], name[16], 0}) &&
	       !strcmp(name + 17, ".db");
}

static int cmp_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* Names in dir accepted by keep(), newest (greatest) first; caller frees. */
static int names(const char *dir, int (*keep)(const char *), char ***out)
{
	DIR *d = opendir(dir);
	int n = 0, cap = 0;
	*out = NULL;
	if (!d)
		return 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!keep(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **v = realloc(*out, (size_t)cap * sizeof **out);
			if (!v)
				break;
			*out = v;
		}
		if (!((*out)[n] = strdup(de->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(*out, (size_t)n, sizeof **out, cmp_desc);
	return n;
}

static void free_names(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int jz_backup_daily(jz_db *db, char *out, size_t n, jz_err *e)
{
	char today[11], dir[4096];
	long long on, keep;
	jz_today(today);
	if (jz_setting_int(db, "backup.daily", "*", today, &on, e) ||
	    jz_setting_int(db, "backup.keep", "*", today, &keep, e))
		return -1;
	if (!on)
		return 0;
	jz_backup_dir(jz_db_path(db), dir, sizeof dir);
	snprintf(out, n, "%s/jiuzhu-%s.db", dir, today);
	if (access(out, F_OK) == 0)
		return 0;
	if (ensure_dir(dir, e) || jz_store_backup(db, out, NULL, NULL, e))
		return -1;
	char **v;
	int k = names(dir, is_daily, &v);
	for (int i = (int)(keep < 1 ? 1 : keep); i < k; i++) {
		char p[4400];
		snprintf(p, sizeof p, "%s/%s", dir, v[i]);
		unlink(p);
	}
	free_names(v, k);
	return 1;
}

static int is_backup(const char *name)
{
	size_t n = strlen(name);
	return n > 10 && !strncmp(name, "jiuzhu-", 7) && !strcmp(name + n - 3, ".db");
}

int jz_backup_list(const char *db_path, char (*out)[4096], int max)
{
	char dir[4096], **v;
	jz_backup_dir(db_path, dir, sizeof dir);
	int k = names(dir, is_backup, &v);
	for (int i = 0; i < k && i < max; i++)
		snprintf(out[i], 4096, "%.3000s/%.1000s", dir, v[i]);
	free_names(v, k);
	return k < max ? k : max;
}

int jz_backup_newest_good(const char *db_path, char *out, size_t n)
{
	char (*v)[4096] = calloc(64, sizeof *v), why[512];
	int k = v ? jz_backup_list(db_path, v, 64) : 0, found = 0;
	struct jz_file_info fi;
	for (int i = 0; i < k && !found; i++)
		if (jz_store_file_info(v[i], &fi, why, sizeof why) == 1) {
			snprintf(out, n, "%s", v[i]);
			found = 1;
		}
	free(v);
	return found;
}

static void move_aside(const char *db_path, const char *aside, const char *suffix)
{
	char from[4200], to[4300];
	snprintf(from, sizeof from, "%s%s", db_path, suffix);
	snprintf(to, sizeof to, "%s%s", aside, suffix);
	if (access(from, F_OK) == 0)
		rename(from, to);
}

int jz_restore_file(const char *db_path, const char *file, char *aside, size_t n, jz_err *e)
{
	struct jz_file_info fi;
	char why[512], now[20], tmp[4200];
	if (jz_store_file_info(file, &fi, why, sizeof why) != 1)
		return jz_fail(e, JZ_EUSER, "不能用这个文件恢复：%s。当前数据文件未做任何改动", why);
	/* Copy first, under a temporary name: the current file moves aside only
	 * once the copy is whole. */
	snprintf(tmp, sizeof tmp, "%s.restoring", db_path);
	if (jz_store_copy_file(file, tmp, e))
		return -1;
	jz_now(now);
	snprintf(aside, n, "%s.before-restore-%.4s%.2s%.2s-%.2s%.2s%.2s", db_path, now, now + 5, now + 8,
		 now + 11, now + 14, now + 17);
	if (access(db_path, F_OK) == 0 && rename(db_path, aside) != 0) {
		unlink(tmp);
		return jz_fail(e, JZ_EDATA, "不能把当前数据文件移到 %s：%s。未做任何改动", aside, jz_errno_text(errno));
	}
	move_aside(db_path, aside, "-wal");
	move_aside(db_path, aside, "-shm");
	if (rename(tmp, db_path) != 0) {
		rename(aside, db_path);
		return jz_fail(e, JZ_EDATA, "恢复失败：%s。当前数据文件已放回原处", jz_errno_text(errno));
	}
	return 0;
}
