/* platform.h — what differs between Linux and Windows, behind one header.
 *
 * The Makefile compiles one implementation: src/platform/posix*.c on Linux,
 * src/platform/win32*.c for the Windows .exe (make windows, which also
 * force-includes win32_compat.h for the POSIX calls the tree makes).
 * Nothing else in the tree tests for the platform. Strings are UTF-8
 * everywhere; the Windows side converts to UTF-16 at the system calls. The
 * io/text.h jz_iconv contract is implemented here too (posix_iconv.c on
 * glibc's iconv, win32_iconv.c on code pages 936/54936). */
#ifndef JZ_PLATFORM_H
#define JZ_PLATFORM_H

#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "core/err.h"

/* Once, first thing in main: on Windows replaces argv with the UTF-8 form
 * of the UTF-16 command line, every \ turned into / (so `backup X:\` is
 * X:/), and makes the console speak UTF-8. */
void jz_plat_init(int *argc, char ***argv);

/* The data file `file` in the user's data folder: Linux
 * $XDG_DATA_HOME/jiuzhu or ~/.local/share/jiuzhu, Windows %APPDATA%\jiuzhu.
 * With create, the folder is made. 0, or -1 with e set. */
int jz_plat_data_path(const char *file, int create, char *out, size_t n, jz_err *e);

/* Makes the folders above the file `path` (not the file). 0 or -1 with e. */
int jz_plat_mkdirs_for(char *path, jz_err *e);

/* The folder for temporary files, without a / at the end. Paths in the
 * tree always use / (Windows accepts it; jz_plat_init turns the \ of
 * Windows arguments into /). */
void jz_plat_temp_dir(char *out, size_t n);

/* fopen with a UTF-8 file name. */
FILE *jz_plat_fopen(const char *path, const char *mode);

/* Reads a line from the terminal without echo (the password prompt).
 * 0, or -1 when there is no terminal. */
int jz_plat_read_hidden(const char *prompt, char *out, size_t n);

/* Signals that end the desk cleanly (TERM, HUP, INT; on Windows INT and
 * TERM). */
void jz_plat_on_signals(void (*handler)(int));

/* Before initscr: Windows selects ncurses' console driver (#win32con). */
void jz_plat_before_curses(void);

/* One key, as wget_wch on stdscr gives it: OK with a character,
 * KEY_CODE_YES with a KEY_* code, or ERR when none came within ms
 * milliseconds (the curses timeout the caller set). Windows reads console
 * events itself (ReadConsoleInputW) so that input-method text arrives. */
int jz_plat_get_key(int ms, wint_t *ch);

/* Pushes a key back for the next jz_plat_get_key (unget_wch). */
void jz_plat_unget_key(wint_t ch);

/* A workbook is written under tmp, then jz_plat_xlsx_done moves it to path
 * (a full disk leaves no half file). On Linux tmp is path.tmp; on Windows
 * an ASCII name (libxlsxwriter opens files by their narrow name) in the
 * same folder, its short form or the temporary folder. */
void jz_plat_xlsx_tmp(const char *path, char *tmp, size_t n);
/* ok != 0: moves tmp to path (replacing it), -1 when that fails (tmp is
 * then removed); ok == 0: removes tmp. */
int jz_plat_xlsx_done(const char *tmp, const char *path, int ok);

#endif
