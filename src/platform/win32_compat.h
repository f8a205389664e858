/* win32_compat.h — the POSIX calls the tree makes, mapped onto Windows.
 *
 * Only the Windows build uses it: tools/windows/build-exe.sh passes
 * `-include src/platform/win32_compat.h` so that no other file needs to know
 * the platform. File names stay UTF-8 in the tree; the jz_w32_* functions
 * (win32.c) turn them into UTF-16 for the wide Windows calls, and rename
 * replaces an existing file as it does on POSIX. */
#ifndef JZ_WIN32_COMPAT_H
#define JZ_WIN32_COMPAT_H

/* Headers whose declarations the macros below would otherwise rewrite. */
#include <direct.h>
#include <dirent.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* draw.c hands code points to curses as wchar_t; on Windows wchar_t is
 * UTF-16, which holds every character the desk uses (the BMP). Characters
 * past U+FFFF show wrong on Windows: see README. */
#ifndef __STDC_ISO_10646__
#define __STDC_ISO_10646__ 201103L
#endif

FILE *jz_plat_fopen(const char *path, const char *mode);
int jz_w32_mkdir(const char *path);
int jz_w32_rename(const char *from, const char *to);
int jz_w32_unlink(const char *path);
int jz_w32_access(const char *path, int mode);
int jz_w32_stat(const char *path, struct stat *sb);
int jz_w32_open(const char *path, int flags, ...);
int jz_w32_fsync(int fd);
char *jz_w32_getenv(const char *name);
int jz_w32_setenv(const char *name, const char *value, int overwrite);
int jz_w32_unsetenv(const char *name);
int jz_w32_wcwidth(wchar_t c);
char *jz_w32_strtok_r(char *s, const char *delim, char **save);
void *jz_w32_memmem(const void *hay, size_t hn, const void *needle, size_t nn);

/* printf formats: the C99 ones (%zu, %lld) from mingw's own stdio
 * (-D__USE_MINGW_ANSI_STDIO=1), and format(printf) attributes checked
 * against those rather than against msvcrt's: `printf` becomes gnu_printf,
 * which win32.c defines. */
int gnu_printf(const char *fmt, ...) __attribute__((format(gnu_printf, 1, 2)));
#define printf gnu_printf

/* Text for stdout and stderr: on a console it is written as UTF-16
 * (WriteConsoleW), so Chinese shows whatever the ANSI code page is; to a
 * file or a pipe the UTF-8 bytes go unchanged. */
int jz_w32_fprintf(FILE *f, const char *fmt, ...) __attribute__((format(gnu_printf, 2, 3)));
int jz_w32_vfprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(gnu_printf, 2, 0)));
int jz_w32_fputs(const char *s, FILE *f);
int jz_w32_fputc(int c, FILE *f);
int jz_w32_puts(const char *s);
int jz_w32_putchar(int c);
#undef fprintf
#undef vfprintf
#undef fputs
#undef fputc
#undef puts
#undef putchar
#define fprintf jz_w32_fprintf
#define vfprintf jz_w32_vfprintf
#define fputs jz_w32_fputs
#define fputc jz_w32_fputc
#define puts jz_w32_puts
#define putchar jz_w32_putchar

/* Folder listings with UTF-8 names (backup --list). */
struct jz_w32_dirent {
	char d_name[1024];
};
typedef struct jz_w32_dir jz_w32_DIR;
jz_w32_DIR *jz_w32_opendir(const char *path);
struct jz_w32_dirent *jz_w32_readdir(jz_w32_DIR *d);
int jz_w32_closedir(jz_w32_DIR *d);
#define DIR jz_w32_DIR
#define dirent jz_w32_dirent
#define opendir jz_w32_opendir
#define readdir jz_w32_readdir
#define closedir jz_w32_closedir

/* Workbooks read by their UTF-8 name (minizip's UTF-16 file functions). */
void *jz_w32_unzopen(const char *path);
#define unzOpen(p) jz_w32_unzopen(p)

#define fopen(p, m) jz_plat_fopen(p, m)
#define mkdir(p, m) jz_w32_mkdir(p)
#define rename(a, b) jz_w32_rename(a, b)
#define unlink(p) jz_w32_unlink(p)
#define remove(p) jz_w32_unlink(p)
#define access(p, m) jz_w32_access(p, m)
#define stat(p, b) jz_w32_stat(p, b)
/* object-like: a struct member called open is renamed alike everywhere */
#define open jz_w32_open
#define fsync(fd) jz_w32_fsync(fd)
#define getenv(n) jz_w32_getenv(n)
#define setenv(n, v, o) jz_w32_setenv(n, v, o)
#define unsetenv(n) jz_w32_unsetenv(n)
#define wcwidth(c) jz_w32_wcwidth(c)
#define strtok_r(s, d, p) jz_w32_strtok_r(s, d, p)
#define memmem(h, hn, n, nn) jz_w32_memmem(h, hn, n, nn)

#endif
