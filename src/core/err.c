/* err.c — filling a jz_err (see err.h). */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>

int jz_fail(jz_err *e, int code, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->code = code;
	e->field[0] = '\0';
	return -1;
}

int jz_fail_field(jz_err *e, int code, const char *field, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->code = code;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	return -1;
}

void jz_err_clear(jz_err *e)
{
	if (e) {
		e->code = JZ_OK;
		e->msg[0] = '\0';
		e->field[0] = '\0';
	}
}
