/* posix.c — the platform layer on Linux (platform.h): XDG data folder,
 * plain fopen, termios password prompt, sigaction, get_wch. jz_iconv is in
 * posix_iconv.c. */
#include "platform/platform.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

void jz_plat_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
}

int jz_plat_mkdirs_for(char *path, jz_err *e)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc && errno != EEXIST)
			return jz_fail(e, JZ_EDATA, "无法创建文件夹 %s：%s", path, jz_errno_text(errno));
	}
	return 0;
}

int jz_plat_data_path(const char *file, int create, char *out, size_t n, jz_err *e)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(out, n, "%s/jiuzhu/%s", xdg, file);
	else if (home && *home)
		snprintf(out, n, "%s/.local/share/jiuzhu/%s", home, file);
	else
		return jz_fail(e, JZ_EUSER, "不知道数据库放在哪里：请用 --db 文件 或环境变量 JIUZHU_DB 指定");
	return create ? jz_plat_mkdirs_for(out, e) : 0;
}

void jz_plat_temp_dir(char *out, size_t n)
{
	const char *t = getenv("TMPDIR");
	snprintf(out, n, "%s", t && *t == '/' ? t : "/tmp");
	size_t len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		out[--len] = '\0';
}

FILE *jz_plat_fopen(const char *path, const char *mode)
{
	return fopen(path, mode);
}

int jz_plat_read_hidden(const char *prompt, char *out, size_t n)
{
	int fd = open("/dev/tty", O_RDWR);
	if (fd < 0)
		return -1;
	struct termios old, quiet;
	int tty = tcgetattr(fd, &old) == 0;
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	if (write(fd, prompt, strlen(prompt)) < 0) { /* best effort */ }
	size_t len = 0;
	char ch;
	while (len + 1 < n && read(fd, &ch, 1) == 1 && ch != '\n' && ch != '\r')
		out[len++] = ch;
	out[len] = '\0';
	if (tty)
		tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0) { /* best effort */ }
	close(fd);
	return 0;
}

void jz_plat_on_signals(void (*handler)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

void jz_plat_before_curses(void)
{
}

int jz_plat_get_key(int ms, wint_t *ch)
{
	(void)ms; /* the caller's timeout() is in force */
	return get_wch(ch);
}

void jz_plat_unget_key(wint_t ch)
{
	unget_wch(ch);
}

void jz_plat_xlsx_tmp(const char *path, char *tmp, size_t n)
{
	snprintf(tmp, n, "%s.tmp", path);
}

int jz_plat_xlsx_done(const char *tmp, const char *path, int ok)
{
	if (ok && rename(tmp, path) == 0)
		return 0;
	unlink(tmp);
	return ok ? -1 : 0;
}
