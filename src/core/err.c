/* err.c — filling a jz_err (see err.h). */
#include "core/err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

const char *jz_errno_text(int err)
{
	switch (err) {
	case ENOENT: return "文件或文件夹不存在，请检查路径和文件名";
	case EACCES:
	case EPERM: return "没有权限，请检查文件或文件夹的权限";
	case EROFS: return "所在磁盘是只读的";
	case ENOSPC: return "磁盘已满";
	case EFBIG: return "文件太大";
	case EISDIR: return "这是一个文件夹，不是文件";
	case ENOTDIR: return "路径中有一段不是文件夹";
	case EEXIST: return "已经有同名的文件";
	case EBUSY: return "文件正被别的程序使用";
	case EMFILE:
	case ENFILE: return "打开的文件太多";
	case EIO: return "读写磁盘出错（磁盘或 U 盘可能有问题）";
	case EXDEV: return "不能跨磁盘改名";
	default: return strerror(err);
	}
}
