/* win32.c — the platform layer on Windows (platform.h): the UTF-16
 * command line, %APPDATA%\jiuzhu, the password prompt on the console,
 * #win32con for ncurses, and workbooks written under an ASCII name. The
 * other Windows parts: win32_keys.c (keyboard events), win32_console.c
 * (text output), win32_posix.c (the POSIX calls of win32_compat.h),
 * win32_iconv.c (jz_iconv on code pages 936/54936). */
#include "platform/platform.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <shellapi.h>

#include "platform/win32_int.h"

/* ---- UTF-8 <-> UTF-16 ---- */

/* A malloc'd UTF-16 copy of UTF-8 s, or NULL. */
wchar_t *jz_w32_wide(const char *s)
{
	if (!s)
		return NULL;
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;
	if (w && MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) <= 0) {
		free(w);
		w = NULL;
	}
	if (!w)
		errno = EINVAL;
	return w;
}

/* Writes UTF-16 w as UTF-8 into out (always terminated). 0 or -1. */
int jz_w32_narrow(const wchar_t *w, char *out, size_t n)
{
	int r = WideCharToMultiByte(CP_UTF8, 0, w, -1, out, (int)n, NULL, NULL);
	if (r <= 0) {
		if (n)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

/* ---- start-up ---- */

void jz_plat_init(int *argc, char ***argv)
{
	int n = 0;
	wchar_t **wv = CommandLineToArgvW(GetCommandLineW(), &n);
	if (wv && n > 0) {
		char **v = calloc((size_t)n + 1, sizeof *v); /* kept for the whole run */
		for (int i = 0; v && i < n; i++) {
			char buf[8192];
			jz_w32_narrow(wv[i], buf, sizeof buf);
			for (char *p = buf; *p; p++)
				if (*p == '\\')
					*p = '/'; /* one separator in the tree; Windows takes / */
			v[i] = strdup(buf);
		}
		if (v) {
			*argc = n;
			*argv = v;
		}
	}
	if (wv)
		LocalFree(wv);
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
}

/* ---- files ---- */

void jz_plat_temp_dir(char *out, size_t n)
{
	wchar_t w[MAX_PATH + 1];
	DWORD r = GetTempPathW(MAX_PATH + 1, w);
	if (r == 0 || r > MAX_PATH || jz_w32_narrow(w, out, n))
		snprintf(out, n, ".");
	for (char *p = out; *p; p++)
		if (*p == '\\')
			*p = '/';
	size_t len = strlen(out);
	while (len > 3 && (out[len - 1] == '\\' || out[len - 1] == '/'))
		out[--len] = '\0';
}

FILE *jz_plat_fopen(const char *path, const char *mode)
{
	wchar_t *wp = jz_w32_wide(path), *wm = jz_w32_wide(mode);
	FILE *f = wp && wm ? _wfopen(wp, wm) : NULL;
	free(wp);
	free(wm);
	return f;
}

int jz_plat_mkdirs_for(char *path, jz_err *e)
{
	char *p = path;
	if (p[0] && p[1] == ':')
		p += 2; /* C: */
	while (*p == '\\' || *p == '/')
		p++;
	for (; *p; p++) {
		if (*p != '\\' && *p != '/')
			continue;
		char sep = *p;
		*p = '\0';
		int rc = jz_w32_mkdir(path);
		int err = errno;
		*p = sep;
		if (rc && err != EEXIST)
			return jz_fail(e, JZ_EDATA, "无法创建文件夹 %s：%s", path, jz_errno_text(err));
	}
	return 0;
}

int jz_plat_data_path(const char *file, int create, char *out, size_t n, jz_err *e)
{
	const wchar_t *app = _wgetenv(L"APPDATA");
	char dir[4096];
	if (!app || !*app || jz_w32_narrow(app, dir, sizeof dir))
		return jz_fail(e, JZ_EUSER, "不知道数据库放在哪里（没有 %%APPDATA%%）：请用 --db 文件 或环境变量 JIUZHU_DB 指定");
	for (char *p = dir; *p; p++)
		if (*p == '\\')
			*p = '/';
	snprintf(out, n, "%s/jiuzhu/%s", dir, file);
	return create ? jz_plat_mkdirs_for(out, e) : 0;
}

/* ---- the console ---- */

int jz_plat_read_hidden(const char *prompt, char *out, size_t n)
{
	/* the console itself, as /dev/tty on Linux, whatever is redirected */
	HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
				NULL, OPEN_EXISTING, 0, NULL);
	HANDLE con = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
				 NULL, OPEN_EXISTING, 0, NULL);
	DWORD mode, got;
	if (in == INVALID_HANDLE_VALUE || con == INVALID_HANDLE_VALUE || !GetConsoleMode(in, &mode)) {
		if (in != INVALID_HANDLE_VALUE)
			CloseHandle(in);
		if (con != INVALID_HANDLE_VALUE)
			CloseHandle(con);
		return -1;
	}
	/* echo off before the prompt shows: keys typed at once stay hidden */
	SetConsoleMode(in, (mode | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~(DWORD)ENABLE_ECHO_INPUT);
	wchar_t *wp = jz_w32_wide(prompt);
	if (wp)
		WriteConsoleW(con, wp, (DWORD)wcslen(wp), &got, NULL);
	free(wp);
	wchar_t line[512];
	DWORD len = 0;
	if (!ReadConsoleW(in, line, 511, &len, NULL))
		len = 0;
	while (len > 0 && (line[len - 1] == L'\n' || line[len - 1] == L'\r'))
		len--;
	line[len] = L'\0';
	SetConsoleMode(in, mode);
	WriteConsoleW(con, L"\r\n", 2, &got, NULL);
	CloseHandle(in);
	CloseHandle(con);
	jz_w32_narrow(line, out, n);
	SecureZeroMemory(line, sizeof line);
	return 0;
}

void jz_plat_on_signals(void (*handler)(int))
{
	signal(SIGINT, handler);
	signal(SIGTERM, handler);
}

void jz_plat_before_curses(void)
{
	/* ncurses' Windows console driver; no terminfo needed. */
	_putenv_s("TERM", "#win32con");
}

/* Keys waiting to be handed out (unget, repeat counts, pairs). */
/* ---- workbooks under an ASCII name ---- */

static int ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* An ASCII spelling of folder dir (UTF-8) in out: dir itself, its 8.3
 * short form, or (lossless) its ANSI code page form. 0, or -1 if none. */
static int ascii_dir(const char *dir, char *out, size_t n, int ansi_ok)
{
	if (ascii(dir)) {
		snprintf(out, n, "%s", dir);
		return 0;
	}
	wchar_t *wd = jz_w32_wide(dir), shortw[4096];
	DWORD r = wd ? GetShortPathNameW(wd, shortw, 4096) : 0;
	char buf[4096];
	BOOL lost = FALSE;
	int rc = -1;
	if (r > 0 && r < 4096 && jz_w32_narrow(shortw, buf, sizeof buf) == 0 && ascii(buf)) {
		snprintf(out, n, "%s", buf);
		rc = 0;
	} else if (ansi_ok && wd &&
		   WideCharToMultiByte(CP_ACP, 0, wd, -1, buf, sizeof buf, NULL, &lost) > 0 && !lost) {
		snprintf(out, n, "%s", buf); /* Chinese Windows: code page 936 */
		rc = 0;
	}
	free(wd);
	return rc;
}

void jz_plat_xlsx_tmp(const char *path, char *tmp, size_t n)
{
	static unsigned count;
	char dir[4096], out[4096];
	const char *slash = NULL;
	for (const char *p = path; *p; p++)
		if (*p == '\\' || *p == '/')
			slash = p;
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	/* the file's own folder, else the temporary folder (MoveFileExW
	 * copies across drives), else the folder in the ANSI code page */
	if (ascii_dir(dir, out, sizeof out, 0)) {
		char t[4096];
		jz_plat_temp_dir(t, sizeof t);
		if (ascii_dir(t, out, sizeof out, 0) && ascii_dir(dir, out, sizeof out, 1))
			snprintf(out, sizeof out, "%s", dir);
	}
	snprintf(tmp, n, "%s/jz-%lu-%u.xlsx", out, (unsigned long)GetCurrentProcessId(), count++);
}

int jz_plat_xlsx_done(const char *tmp, const char *path, int ok)
{
	int n = MultiByteToWideChar(CP_ACP, 0, tmp, -1, NULL, 0);
	wchar_t *wt = n > 0 ? malloc((size_t)n * sizeof *wt) : NULL;
	if (!wt)
		return -1;
	MultiByteToWideChar(CP_ACP, 0, tmp, -1, wt, n);
	int rc = 0;
	if (ok) {
		wchar_t *wp = jz_w32_wide(path);
		if (!wp || !MoveFileExW(wt, wp, MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED)) {
			DeleteFileW(wt);
			rc = -1;
		}
		free(wp);
	} else
		DeleteFileW(wt);
	free(wt);
	return rc;
}
