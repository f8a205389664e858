/* ini_lite.c — ini_parse_stream (src/platform/ini/ini.h) for the Windows
 * build, written for jiuzhu: Debian's libinih source was not fetchable when
 * `make windows` was written. Linked only when tools/windows/build-exe.sh
 * finds no libinih.a of its own; it follows libinih's documented behaviour
 * with Debian's build options so that a form parses the same on both. */
#include "ini.h"

#include <ctype.h>
#include <string.h>

#define MAX_SECTION 50
#define MAX_NAME 50

static char *rstrip(char *s)
{
	char *p = s + strlen(s);
	while (p > s && isspace((unsigned char)p[-1]))
		*--p = '\0';
	return s;
}

static char *lskip(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return (char *)s;
}

/* The first of chars, or the ; of an inline comment (after a space), or the
 * end of s. */
static char *find_stop(const char *s, const char *chars)
{
	int was_space = 0;
	while (*s && (!chars || !strchr(chars, *s)) && !(was_space && *s == ';')) {
		was_space = isspace((unsigned char)*s);
		s++;
	}
	return (char *)s;
}

static void copy(char *dst, const char *src, size_t n)
{
	size_t len = strlen(src);
	if (len > n - 1)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

int ini_parse_stream(ini_reader reader, void *stream, ini_handler handler, void *user)
{
	char line[INI_MAX_LINE];
	char section[MAX_SECTION] = "", prev_name[MAX_NAME] = "";
	int lineno = 0, error = 0;

	while (reader(line, INI_MAX_LINE, stream)) {
		lineno++;
		char *start = line;
		if (lineno == 1 && (unsigned char)start[0] == 0xEF && (unsigned char)start[1] == 0xBB &&
		    (unsigned char)start[2] == 0xBF)
			start += 3;
		start = lskip(rstrip(start));
		if (*start == ';' || *start == '#') {
			/* a comment line */
		} else if (*prev_name && *start && start > line) {
			/* an indented line continues the value before it */
			char *end = find_stop(start, NULL);
			*end = '\0';
			rstrip(start);
			if (!handler(user, section, prev_name, start) && !error)
				error = lineno;
		} else if (*start == '[') {
			char *end = find_stop(start + 1, "]");
			if (*end == ']') {
				*end = '\0';
				copy(section, start + 1, sizeof section);
				*prev_name = '\0';
			} else if (!error)
				error = lineno;
		} else if (*start) {
			char *end = find_stop(start, "=:");
			if (*end == '=' || *end == ':') {
				*end = '\0';
				char *name = rstrip(start);
				char *value = end + 1;
				end = find_stop(value, NULL);
				*end = '\0';
				value = lskip(value);
				rstrip(value);
				copy(prev_name, name, sizeof prev_name);
				if (!handler(user, section, name, value) && !error)
					error = lineno;
			} else if (!error)
				error = lineno;
		}
	}
	return error;
}

/* Hands out the string a line at a time, at most num - 1 bytes, as the
 * stream reader (fgets) would. */
struct str_ctx {
	const char *p;
	size_t left;
};

static char *str_reader(char *str, int num, void *stream)
{
	struct str_ctx *c = stream;
	char *out = str;
	if (c->left == 0 || num < 2)
		return NULL;
	while (num > 1 && c->left != 0) {
		char ch = *c->p++;
		c->left--;
		*out++ = ch;
		if (ch == '\n')
			break;
		num--;
	}
	*out = '\0';
	return str;
}

int ini_parse_string(const char *string, ini_handler handler, void *user)
{
	struct str_ctx c = {string, strlen(string)};
	return ini_parse_stream(str_reader, &c, handler, user);
}
