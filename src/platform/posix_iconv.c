/* posix_iconv.c — jz_iconv (io/text.h) on Linux, on top of glibc's iconv
 * (moved here from io/text.c; win32_iconv.c is the Windows side). */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "io/text.h"

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
		jz_fail(e, JZ_EDATA, "从 %s 转换为 %s 失败：%s", from, to, jz_errno_text(err));
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

