/* win32_console.c — text for stdout and stderr on Windows (win32_compat.h
 * maps printf, fprintf, fputs... here): on a console it is written as
 * UTF-16 with WriteConsoleW, so Chinese shows whatever the ANSI code page;
 * to a file or a pipe the UTF-8 bytes go out unchanged. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

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
