/* err.h — how every layer reports a failure: a code and a Chinese message.
 *
 * Core and store functions never print. They fill a jz_err and return -1;
 * the caller (command line or desk) decides where the message goes: stderr
 * or the desk's message line (see ui/ and cli/). */
#ifndef JZ_ERR_H
#define JZ_ERR_H

#include <stddef.h>

enum jz_errcode {
	JZ_OK = 0,
	JZ_EUSER = 1, /* bad input or refused action: exit code 1 */
	JZ_EDATA = 2, /* database or file problem: exit code 2 */
};

typedef struct jz_err {
	int code;
	char msg[768];
	char field[32]; /* the form field at fault (e.g. "id_number"), or "" */
} jz_err;

/* What a system error (errno) means, in Chinese for the message line:
 * "文件或文件夹不存在", "磁盘已满"...; the system's own words for a rare one. */
const char *jz_errno_text(int err);

/* Sets e (may be NULL) and returns -1, so "return jz_fail(...)" reads well. */
int jz_fail(jz_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same, naming the field at fault so a form can show the message on its line. */
int jz_fail_field(jz_err *e, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void jz_err_clear(jz_err *e);

#endif
