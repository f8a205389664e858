/* win32.c — the platform layer on Windows (platform.h, win32_compat.h):
 * UTF-16 file names, %APPDATA%\jiuzhu, console input read as key events
 * (so that what an input method sends arrives whole), code pages for GBK
 * and GB18030 in place of iconv, and the POSIX calls the tree makes. */
#include "platform/platform.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <shellapi.h>
#include <minizip/unzip.h>
#include <minizip/iowin32.h> /* after unzip.h: needs its types */

#include "io/text.h"

/* ---- UTF-8 <-> UTF-16 ---- */

/* A malloc'd UTF-16 copy of UTF-8 s, or NULL. */
static wchar_t *wide(const char *s)
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
static int narrow(const wchar_t *w, char *out, size_t n)
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
			narrow(wv[i], buf, sizeof buf);
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

/* ---- text to the console ---- */

/* The console handle behind stdout or stderr, or NULL when f is a file, a
 * pipe or another stream: those get the bytes unchanged. */
static HANDLE console_of(FILE *f)
{
	DWORD mode;
	int fd = f == stdout ? 1 : f == stderr ? 2 : -1;
	HANDLE h = fd < 0 ? INVALID_HANDLE_VALUE : (HANDLE)_get_osfhandle(fd);
	return h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode) ? h : NULL;
}

/* UTF-8 text onto the console as UTF-16 (WriteConsoleW): the C library
 * would pass the bytes through the ANSI code page. */
static int console_write(HANDLE h, FILE *f, const char *s, size_t len)
{
	fflush(f);
	int n = len ? MultiByteToWideChar(CP_UTF8, 0, s, (int)len, NULL, 0) : 0;
	wchar_t *w = n > 0 ? malloc((size_t)n * sizeof *w) : NULL;
	DWORD done = 0;
	if (w) {
		MultiByteToWideChar(CP_UTF8, 0, s, (int)len, w, n);
		WriteConsoleW(h, w, (DWORD)n, &done, NULL);
		free(w);
	}
	return (int)len;
}

#undef vfprintf
#undef fputs
#undef fputc
int jz_w32_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	HANDLE h = console_of(f);
	if (!h)
		return vfprintf(f, fmt, ap);
	char small[4096], *buf = small;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)) != NULL)
		vsnprintf(buf, (size_t)n + 1, fmt, again);
	va_end(again);
	if (n > 0 && buf)
		console_write(h, f, buf, (size_t)n);
	if (buf != small)
		free(buf);
	return n;
}

int jz_w32_fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = jz_w32_vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int gnu_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = jz_w32_vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int jz_w32_fputs(const char *s, FILE *f)
{
	HANDLE h = console_of(f);
	return h ? console_write(h, f, s, strlen(s)) : fputs(s, f);
}

int jz_w32_fputc(int c, FILE *f)
{
	char ch = (char)c;
	HANDLE h = console_of(f);
	return h ? (console_write(h, f, &ch, 1), (unsigned char)c) : fputc(c, f);
}

int jz_w32_puts(const char *s)
{
	jz_w32_fputs(s, stdout);
	return jz_w32_fputc('\n', stdout);
}

int jz_w32_putchar(int c)
{
	return jz_w32_fputc(c, stdout);
}

/* ---- files ---- */

void jz_plat_temp_dir(char *out, size_t n)
{
	wchar_t w[MAX_PATH + 1];
	DWORD r = GetTempPathW(MAX_PATH + 1, w);
	if (r == 0 || r > MAX_PATH || narrow(w, out, n))
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
	wchar_t *wp = wide(path), *wm = wide(mode);
	FILE *f = wp && wm ? _wfopen(wp, wm) : NULL;
	free(wp);
	free(wm);
	return f;
}

int jz_w32_mkdir(const char *path)
{
	wchar_t *wp = wide(path);
	int rc = wp ? _wmkdir(wp) : -1;
	free(wp);
	return rc;
}

int jz_w32_rename(const char *from, const char *to)
{
	wchar_t *a = wide(from), *b = wide(to);
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
	wchar_t *wp = wide(path);
	int rc = wp ? _wunlink(wp) : -1;
	free(wp);
	return rc;
}

int jz_w32_access(const char *path, int mode)
{
	wchar_t *wp = wide(path);
	int rc = wp ? _waccess(wp, mode & 06) : -1; /* no X_OK on Windows */
	free(wp);
	return rc;
}

#undef stat
int jz_w32_stat(const char *path, struct stat *sb)
{
	struct _stat64 s;
	wchar_t *wp = wide(path);
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
	wchar_t *wp = wide(path);
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
	wchar_t *wn = wide(name);
	const wchar_t *wv = wn ? _wgetenv(wn) : NULL;
	free(wn);
	char buf[8192];
	if (!wv || narrow(wv, buf, sizeof buf))
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
	wchar_t *wp = wide(path);
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
	if (!w || narrow(w->d_name, d->ent.d_name, sizeof d->ent.d_name))
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
	wchar_t *wp = wide(path);
	if (!wp)
		return NULL;
	fill_win32_filefunc64W(&ff);
	unzFile uf = unzOpen2_64(wp, &ff);
	free(wp);
	return uf;
}

/* Makes each folder above the file path (separators \ and /). */
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
			return jz_fail(e, JZ_EDATA, "无法创建文件夹 %s：%s", path, strerror(err));
	}
	return 0;
}

int jz_plat_data_path(const char *file, int create, char *out, size_t n, jz_err *e)
{
	const wchar_t *app = _wgetenv(L"APPDATA");
	char dir[4096];
	if (!app || !*app || narrow(app, dir, sizeof dir))
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
	wchar_t *wp = wide(prompt);
	if (wp)
		WriteConsoleW(con, wp, (DWORD)wcslen(wp), &got, NULL);
	free(wp);
	SetConsoleMode(in, (mode | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~(DWORD)ENABLE_ECHO_INPUT);
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
	narrow(line, out, n);
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
static struct {
	int rc;
	wint_t ch;
} queue[32];
static int queued;

static void push_back(int rc, wint_t ch)
{
	if (queued < (int)(sizeof queue / sizeof queue[0])) {
		queue[queued].rc = rc;
		queue[queued].ch = ch;
		queued++;
	}
}

static int pop(wint_t *ch)
{
	int rc = queue[0].rc;
	*ch = queue[0].ch;
	queued--;
	memmove(queue, queue + 1, (size_t)queued * sizeof queue[0]);
	return rc;
}

void jz_plat_unget_key(wint_t ch)
{
	/* in front of what is waiting, as unget_wch does */
	if (queued < (int)(sizeof queue / sizeof queue[0])) {
		memmove(queue + 1, queue, (size_t)queued * sizeof queue[0]);
		queue[0].rc = OK;
		queue[0].ch = ch;
		queued++;
	}
}

/* The curses key for a virtual-key code, or 0 when the key is text. */
static int vk_key(WORD vk, DWORD state)
{
	if (vk >= VK_F1 && vk <= VK_F12)
		return KEY_F(vk - VK_F1 + 1);
	switch (vk) {
	case VK_UP: return KEY_UP;
	case VK_DOWN: return KEY_DOWN;
	case VK_LEFT: return KEY_LEFT;
	case VK_RIGHT: return KEY_RIGHT;
	case VK_HOME: return KEY_HOME;
	case VK_END: return KEY_END;
	case VK_PRIOR: return KEY_PPAGE;
	case VK_NEXT: return KEY_NPAGE;
	case VK_INSERT: return KEY_IC;
	case VK_DELETE: return KEY_DC;
	case VK_BACK: return KEY_BACKSPACE;
	case VK_TAB: return (state & SHIFT_PRESSED) ? KEY_BTAB : 0;
	default: return 0;
	}
}

static wchar_t high_half; /* the first half of a surrogate pair */

/* Turns one key-down event into queued keys. */
static void take_event(const KEY_EVENT_RECORD *k)
{
	int n = k->wRepeatCount ? k->wRepeatCount : 1;
	int key = vk_key(k->wVirtualKeyCode, k->dwControlKeyState);
	wchar_t u = k->uChar.UnicodeChar;
	for (int i = 0; i < n; i++) {
		if (key) {
			push_back(KEY_CODE_YES, (wint_t)key);
		} else if (k->wVirtualKeyCode == VK_ESCAPE) {
			push_back(OK, 27); /* wine gives no character for Esc */
		} else if (k->wVirtualKeyCode == VK_RETURN) {
			push_back(OK, L'\n');
		} else if (u >= 0xD800 && u <= 0xDBFF) {
			high_half = u;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			if (high_half)
				push_back(OK, (wint_t)(0x10000 + ((high_half - 0xD800) << 10) + (u - 0xDC00)));
			high_half = 0;
		} else if (u == L'\r') {
			push_back(OK, L'\n');
		} else if (u) {
			push_back(OK, (wint_t)u);
		}
	}
}

/* The console window changed size: tell curses, then the desk (KEY_RESIZE
 * as on Linux). */
static void take_resize(void)
{
	CONSOLE_SCREEN_BUFFER_INFO bi;
	/* CONOUT$ is the active buffer: ncurses draws on one of its own */
	HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
				 NULL, OPEN_EXISTING, 0, NULL);
	if (out == INVALID_HANDLE_VALUE)
		return;
	BOOL got = GetConsoleScreenBufferInfo(out, &bi);
	CloseHandle(out);
	if (!got)
		return;
	int rows = bi.srWindow.Bottom - bi.srWindow.Top + 1;
	int cols = bi.srWindow.Right - bi.srWindow.Left + 1;
	if (rows > 0 && cols > 0 && (rows != LINES || cols != COLS)) {
		resize_term(rows, cols);
		push_back(KEY_CODE_YES, KEY_RESIZE);
	}
}

int jz_plat_get_key(int ms, wint_t *ch)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	DWORD start = GetTickCount();
	if (is_wintouched(stdscr))
		wrefresh(stdscr); /* as wget_wch does before it waits */
	while (!queued) {
		DWORD spent = GetTickCount() - start;
		DWORD left = ms < 0 ? INFINITE : (spent >= (DWORD)ms ? 0 : (DWORD)ms - spent);
		if (WaitForSingleObject(in, left) != WAIT_OBJECT_0)
			return ERR;
		INPUT_RECORD r;
		DWORD got = 0;
		if (!ReadConsoleInputW(in, &r, 1, &got) || got == 0)
			return ERR;
		if (r.EventType == KEY_EVENT && r.Event.KeyEvent.bKeyDown)
			take_event(&r.Event.KeyEvent);
		else if (r.EventType == WINDOW_BUFFER_SIZE_EVENT)
			take_resize();
	}
	return pop(ch);
}

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
	wchar_t *wd = wide(dir), shortw[4096];
	DWORD r = wd ? GetShortPathNameW(wd, shortw, 4096) : 0;
	char buf[4096];
	BOOL lost = FALSE;
	int rc = -1;
	if (r > 0 && r < 4096 && narrow(shortw, buf, sizeof buf) == 0 && ascii(buf)) {
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
		wchar_t *wp = wide(path);
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

/* ---- jz_iconv (io/text.h) on Windows code pages ---- */

/* The code page for an encoding name; 1200/1201 are UTF-16 LE/BE (done by
 * hand), 0 when not supported. */
static UINT code_page(const char *name)
{
	static const struct {
		const char *name;
		UINT cp;
	} names[] = {
		{"UTF-8", CP_UTF8}, {"UTF8", CP_UTF8}, {"GBK", 936}, {"CP936", 936},
		{"GB2312", 936}, {"GB18030", 54936}, {"UTF-16LE", 1200}, {"UTF-16BE", 1201},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!_stricmp(name, names[i].name))
			return names[i].cp;
	return 0;
}

/* Length of the character at s in code page cp (a guess good enough to find
 * where a conversion fails). */
static size_t char_len(UINT cp, const unsigned char *s, size_t left)
{
	if (cp == CP_UTF8) {
		uint32_t c;
		return jz_utf8_decode((const char *)s, left, &c);
	}
	if (s[0] < 0x80)
		return 1;
	if (cp == 54936 && left >= 2 && s[1] >= 0x30 && s[1] <= 0x39)
		return 4;
	return 2;
}

/* Decodes in (code page cp) to UTF-16. NULL with *bad = byte offset of the
 * first bad character and *cut set when the input ends inside one. */
static wchar_t *decode(UINT cp, const char *in, size_t inlen, int *wlen, size_t *bad, int *cut)
{
	*bad = 0;
	*cut = 0;
	if (cp == 1200 || cp == 1201) {
		if (inlen % 2) {
			*bad = inlen - 1;
			*cut = 1;
			return NULL;
		}
		wchar_t *w = malloc((inlen / 2 + 1) * sizeof *w);
		if (!w)
			return NULL;
		const unsigned char *u = (const unsigned char *)in;
		for (size_t i = 0; i < inlen / 2; i++)
			w[i] = cp == 1200 ? (wchar_t)(u[2 * i] | u[2 * i + 1] << 8)
					  : (wchar_t)(u[2 * i] << 8 | u[2 * i + 1]);
		*wlen = (int)(inlen / 2);
		return w;
	}
	int n = inlen ? MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, in, (int)inlen, NULL, 0) : 0;
	if (inlen && n <= 0) {
		/* find the first character that does not convert */
		const unsigned char *u = (const unsigned char *)in;
		size_t i = 0;
		while (i < inlen) {
			size_t l = char_len(cp, u + i, inlen - i);
			if (i + l > inlen) {
				*cut = 1;
				break;
			}
			wchar_t tmp[4];
			if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, in + i, (int)l, tmp, 4) <= 0)
				break;
			i += l;
		}
		*bad = i < inlen ? i : inlen - 1;
		return NULL;
	}
	wchar_t *w = malloc(((size_t)n + 1) * sizeof *w);
	if (w && n)
		MultiByteToWideChar(cp, 0, in, (int)inlen, w, n);
	*wlen = n;
	return w;
}

/* Encodes UTF-16 into code page cp; NULL with *bad = the index of the first
 * character that code page cannot hold. */
static char *encode(UINT cp, const wchar_t *w, int wlen, size_t *outlen, int *bad)
{
	*bad = -1;
	if (cp == 1200 || cp == 1201) {
		unsigned char *o = malloc((size_t)wlen * 2 + 1);
		if (!o)
			return NULL;
		for (int i = 0; i < wlen; i++) {
			unsigned v = (unsigned)w[i];
			o[2 * i] = (unsigned char)(cp == 1200 ? v & 0xFF : v >> 8);
			o[2 * i + 1] = (unsigned char)(cp == 1200 ? v >> 8 : v & 0xFF);
		}
		*outlen = (size_t)wlen * 2;
		o[*outlen] = '\0';
		return (char *)o;
	}
	BOOL lost = FALSE;
	BOOL *lp = (cp == CP_UTF8 || cp == 54936) ? NULL : &lost;
	DWORD fl = cp == CP_UTF8 || cp == 54936 ? WC_ERR_INVALID_CHARS : WC_NO_BEST_FIT_CHARS;
	int n = wlen ? WideCharToMultiByte(cp, fl, w, wlen, NULL, 0, NULL, lp) : 0;
	if ((wlen && n <= 0) || lost) {
		for (int i = 0; i < wlen; i++) {
			BOOL l1 = FALSE;
			char tmp[8];
			int step = (w[i] >= 0xD800 && w[i] <= 0xDBFF && i + 1 < wlen) ? 2 : 1;
			if (WideCharToMultiByte(cp, fl, w + i, step, tmp, sizeof tmp, NULL, lp ? &l1 : NULL) <= 0 || l1) {
				*bad = i;
				break;
			}
			i += step - 1;
		}
		if (*bad < 0)
			*bad = 0;
		return NULL;
	}
	char *o = malloc((size_t)n + 1);
	if (!o)
		return NULL;
	if (n)
		WideCharToMultiByte(cp, fl, w, wlen, o, n, NULL, lp);
	o[n] = '\0';
	*outlen = (size_t)n;
	return o;
}

/* The input byte offset where UTF-16 index wi starts (UTF-8 input only;
 * other inputs report the character index). */
static size_t input_offset(UINT cp, const char *in, size_t inlen, int wi)
{
	if (cp != CP_UTF8)
		return (size_t)wi;
	size_t off = 0;
	for (int i = 0; i < wi && off < inlen; i++) {
		uint32_t c;
		off += jz_utf8_decode(in + off, inlen - off, &c);
		if (c > 0xFFFF)
			i++;
	}
	return off;
}

char *jz_iconv(const char *to, const char *from, const char *in, size_t inlen,
	size_t *outlen, jz_err *e)
{
	UINT tc = code_page(to), fc = code_page(from);
	if (!tc || !fc) {
		jz_fail(e, JZ_EDATA, "不支持从 %s 转换为 %s", from, to);
		return NULL;
	}
	int wlen = 0, cut = 0, badw = -1;
	size_t bad = 0, olen = 0;
	wchar_t *w = decode(fc, in, inlen, &wlen, &bad, &cut);
	if (!w) {
		if (cut)
			jz_fail(e, JZ_EDATA, "内容不完整：末尾从偏移量 %zu 起的字符被截断（共 %zu 字节，%s 编码）",
				bad, inlen, from);
		else if (inlen)
			jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
				bad, (unsigned)(unsigned char)in[bad], from, to);
		else
			jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
		return NULL;
	}
	char *o = encode(tc, w, wlen, &olen, &badw);
	free(w);
	if (!o) {
		if (badw >= 0) {
			size_t off = input_offset(fc, in, inlen, badw);
			jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
				off, off < inlen ? (unsigned)(unsigned char)in[off] : 0u, from, to);
		} else
			jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
		return NULL;
	}
	if (outlen)
		*outlen = olen;
	return o;
}

void jz_iconv_cleanup(void)
{
}
