/* posix.c — the platform layer on Linux (platform.h): XDG data folder,
 * plain fopen, termios password prompt, sigaction, get_wch, and jz_iconv
 * (io/text.h) on top of glibc's iconv. */
#include "platform/platform.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "io/text.h"

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
			return jz_fail(e, JZ_EDATA, "无法创建文件夹 %s：%s", path, strerror(errno));
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
	snprintf(tmp, n, "%s", path);
}

int jz_plat_xlsx_done(const char *tmp, const char *path, int ok)
{
	(void)tmp;
	(void)path;
	(void)ok;
	return 0;
}

/* ---- jz_iconv (io/text.h) on glibc's iconv ---- */

/* A few open descriptors, keyed by encoding pair, reused across calls. */
#define CACHE_SLOTS 4
static struct {
	char to[32], from[32];
	iconv_t cd;
	int open;
} cache[CACHE_SLOTS];
static unsigned cache_next; /* slot to reuse when all are taken */

static iconv_t cached_cd(const char *to, const char *from)
{
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (cache[i].open && !strcmp(cache[i].to, to) && !strcmp(cache[i].from, from))
			return cache[i].cd;
	if (strlen(to) >= sizeof cache[0].to || strlen(from) >= sizeof cache[0].from)
		return (iconv_t)-1;
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1)
		return cd;
	unsigned slot = cache_next++ % CACHE_SLOTS;
	if (cache[slot].open)
		iconv_close(cache[slot].cd);
	strcpy(cache[slot].to, to);
	strcpy(cache[slot].from, from);
	cache[slot].cd = cd;
	cache[slot].open = 1;
	return cd;
}

void jz_iconv_cleanup(void)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i].open)
			iconv_close(cache[i].cd);
		cache[i].open = 0;
	}
	cache_next = 0;
}

struct obuf {
	char *p;
	size_t len, cap; /* cap keeps one byte for the final NUL */
};

/* Calls iconv (ip == NULL: flush the shift state) until it stops asking for
 * room, doubling the buffer on E2BIG. Returns 0 or the errno. */
static int pump(iconv_t cd, char **ip, size_t *il, struct obuf *o)
{
	for (;;) {
		char *op = o->p + o->len;
		size_t ol = o->cap - 1 - o->len;
		size_t r = iconv(cd, ip, il, &op, &ol);
		o->len = (size_t)(op - o->p);
		if (r != (size_t)-1)
			return 0;
		if (errno != E2BIG)
			return errno;
		char *p = realloc(o->p, o->cap * 2);
		if (!p)
			return ENOMEM;
		o->p = p;
		o->cap *= 2;
	}
}

static void iconv_error(jz_err *e, int err, const char *to, const char *from,
	const char *in, size_t inlen, size_t off)
{
	if (err == EILSEQ)
		jz_fail(e, JZ_EDATA, "偏移量 %zu 处的字节 0x%02X 不是有效的 %s 编码（或无法转换为 %s）",
			off, (unsigned)(unsigned char)in[off], from, to);
	else if (err == EINVAL)
		jz_fail(e, JZ_EDATA, "内容不完整：末尾从偏移量 %zu 起的字符被截断（共 %zu 字节，%s 编码）",
			off, inlen, from);
	else if (err == ENOMEM)
		jz_fail(e, JZ_EDATA, "内存不足，无法从 %s 转换为 %s", from, to);
	else
		jz_fail(e, JZ_EDATA, "从 %s 转换为 %s 失败：%s", from, to, strerror(err));
}

char *jz_iconv(const char *to, const char *from, const char *in, size_t inlen,
	size_t *outlen, jz_err *e)
{
	iconv_t cd = cached_cd(to, from);
	if (cd == (iconv_t)-1) {
		jz_fail(e, JZ_EDATA, "不支持从 %s 转换为 %s", from, to);
		return NULL;
	}
	iconv(cd, NULL, NULL, NULL, NULL); /* reset a reused descriptor */

	struct obuf o = { malloc(inlen + 16), 0, inlen + 16 };
	char *ip = (char *)in;
	size_t il = inlen;
	int err = o.p ? pump(cd, &ip, &il, &o) : ENOMEM;
	if (!err)
		err = pump(cd, NULL, NULL, &o);
	if (err) {
		iconv_error(e, err, to, from, in, inlen, (size_t)(ip - in));
		free(o.p);
		return NULL;
	}
	o.p[o.len] = '\0';
	if (outlen)
		*outlen = o.len;
	return o.p;
}

