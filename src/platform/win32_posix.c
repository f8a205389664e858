/* win32_posix.c — the POSIX calls the tree makes, on Windows (declared and
 * mapped in win32_compat.h): files by UTF-8 name through the wide calls,
 * rename replacing its target, fsync, folder listings, getenv/setenv,
 * strtok_r, memmem, wcwidth from the project's own width table, and
 * minizip opening a workbook by UTF-8 name. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <minizip/unzip.h>
#include <minizip/iowin32.h> /* after unzip.h: needs its types */

#include "io/text.h"
#include "platform/platform.h"
#include "platform/win32_int.h"
#include "sys/statvfs.h" /* src/platform/win32/sys/statvfs.h */

int jz_w32_mkdir(const char *path)
{
	wchar_t *wp = jz_w32_wide(path);
	int rc = wp ? _wmkdir(wp) : -1;
	free(wp);
	return rc;
}

int jz_w32_rename(const char *from, const char *to)
{
	wchar_t *a = jz_w32_wide(from), *b = jz_w32_wide(to);
	int ok = a && b && MoveFileExW(a, b, MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED);
	free(a);
	free(b);
	if (!ok) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

int jz_w32_unlink(const char *path)
{
	wchar_t *wp = jz_w32_wide(path);
	int rc = wp ? _wunlink(wp) : -1;
	free(wp);
	return rc;
}

int jz_w32_access(const char *path, int mode)
{
	wchar_t *wp = jz_w32_wide(path);
	int rc = wp ? _waccess(wp, mode & 06) : -1; /* no X_OK on Windows */
	free(wp);
	return rc;
}

#undef stat
int jz_w32_stat(const char *path, struct stat *sb)
{
	struct _stat64 s;
	wchar_t *wp = jz_w32_wide(path);
	/* msvcrt's stat refuses a folder named with a / at the end (X:/ aside) */
	size_t len = wp ? wcslen(wp) : 0;
	while (len > 1 && (wp[len - 1] == L'/' || wp[len - 1] == L'\\') && !(len == 3 && wp[1] == L':'))
		wp[--len] = L'\0';
	int rc = wp ? _wstat64(wp, &s) : -1;
	free(wp);
	if (rc == 0) {
		memset(sb, 0, sizeof *sb);
		sb->st_mode = s.st_mode;
		sb->st_size = (off_t)s.st_size;
		sb->st_mtime = (time_t)s.st_mtime;
		sb->st_atime = (time_t)s.st_atime;
		sb->st_ctime = (time_t)s.st_ctime;
	}
	return rc;
}

int jz_w32_open(const char *path, int flags, ...)
{
	int mode = 0;
	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	wchar_t *wp = jz_w32_wide(path);
	int fd = wp ? _wopen(wp, flags | O_BINARY, mode & 0600 ? _S_IREAD | _S_IWRITE : 0) : -1;
	free(wp);
	return fd;
}

/* fsync: Windows flushes only through a handle open for writing, and the
 * tree syncs files it opened read-only; so reopen the same file for that. */
int jz_w32_fsync(int fd)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);
	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	if (FlushFileBuffers(h))
		return 0;
	HANDLE wh = ReOpenFile(h, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, 0);
	BOOL ok = wh != INVALID_HANDLE_VALUE && FlushFileBuffers(wh);
	if (wh != INVALID_HANDLE_VALUE)
		CloseHandle(wh);
	if (!ok) {
		errno = EIO;
		return -1;
	}
	return 0;
}

/* getenv in UTF-8 (the C library's is in the ANSI code page). A value
 * stays valid until the variable changes. */
char *jz_w32_getenv(const char *name)
{
	static struct {
		char name[64];
		char *val;
	} seen[16];
	wchar_t *wn = jz_w32_wide(name);
	const wchar_t *wv = wn ? _wgetenv(wn) : NULL;
	free(wn);
	char buf[8192];
	if (!wv || jz_w32_narrow(wv, buf, sizeof buf))
		return NULL;
	int slot = -1;
	for (int i = 0; i < 16 && slot < 0; i++)
		if (!strcmp(seen[i].name, name) || !seen[i].name[0])
			slot = i;
	if (slot < 0 || strlen(name) >= sizeof seen[0].name)
		return (getenv)(name); /* the ANSI form, not kept */
	if (seen[slot].val && !strcmp(seen[slot].val, buf))
		return seen[slot].val;
	char *v = strdup(buf); /* the old value is left: a caller may hold it */
	if (!v)
		return NULL;
	snprintf(seen[slot].name, sizeof seen[slot].name, "%s", name);
	seen[slot].val = v;
	return v;
}

int jz_w32_setenv(const char *name, const char *value, int overwrite)
{
	if (!overwrite && jz_w32_getenv(name))
		return 0;
	return _putenv_s(name, value) == 0 ? 0 : -1;
}

int jz_w32_unsetenv(const char *name)
{
	return _putenv_s(name, "") == 0 ? 0 : -1;
}

int jz_w32_wcwidth(wchar_t c)
{
	return jz_cp_width((uint32_t)c);
}

char *jz_w32_strtok_r(char *s, const char *delim, char **save)
{
	if (!s)
		s = *save;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*save = end;
	return s;
}

void *jz_w32_memmem(const void *hay, size_t hn, const void *needle, size_t nn)
{
	const char *h = hay;
	if (nn == 0)
		return (void *)h;
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == *(const char *)needle && !memcmp(h + i, needle, nn))
			return (void *)(h + i);
	return NULL;
}

struct jz_w32_dir {
	_WDIR *d;
	struct jz_w32_dirent ent;
};

jz_w32_DIR *jz_w32_opendir(const char *path)
{
	wchar_t *wp = jz_w32_wide(path);
	_WDIR *wd = wp ? _wopendir(wp) : NULL;
	free(wp);
	jz_w32_DIR *d = wd ? calloc(1, sizeof *d) : NULL;
	if (!d) {
		if (wd)
			_wclosedir(wd);
		return NULL;
	}
	d->d = wd;
	return d;
}

struct jz_w32_dirent *jz_w32_readdir(jz_w32_DIR *d)
{
	struct _wdirent *w = _wreaddir(d->d);
	if (!w || jz_w32_narrow(w->d_name, d->ent.d_name, sizeof d->ent.d_name))
		return NULL;
	return &d->ent;
}

int jz_w32_closedir(jz_w32_DIR *d)
{
	int rc = _wclosedir(d->d);
	free(d);
	return rc;
}

void *jz_w32_unzopen(const char *path)
{
	zlib_filefunc64_def ff;
	wchar_t *wp = jz_w32_wide(path);
	if (!wp)
		return NULL;
	fill_win32_filefunc64W(&ff);
	unzFile uf = unzOpen2_64(wp, &ff);
	free(wp);
	return uf;
}

/* Makes each folder above the file path (separators \ and /). */

/* Whether the volume holding path is read-only (a write-protected USB
 * stick, a CD). */
int jz_w32_statvfs(const char *path, struct statvfs *v)
{
	wchar_t *wp = jz_w32_wide(path), full[4096], root[4096];
	DWORD flags = 0;
	int ok = wp && GetFullPathNameW(wp, 4096, full, NULL) > 0 && GetVolumePathNameW(full, root, 4096) &&
		 GetVolumeInformationW(root, NULL, 0, NULL, NULL, &flags, NULL, 0);
	free(wp);
	if (!ok) {
		errno = ENOENT;
		return -1;
	}
	v->f_flag = (flags & FILE_READ_ONLY_VOLUME) ? ST_RDONLY : 0;
	return 0;
}
