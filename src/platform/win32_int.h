/* win32_int.h — what the Windows files of the platform layer share
 * (src/platform/win32*.c): UTF-8 <-> UTF-16 conversion. */
#ifndef JZ_WIN32_INT_H
#define JZ_WIN32_INT_H

#include <stddef.h>
#include <wchar.h>

/* A malloc'd UTF-16 copy of UTF-8 s, or NULL (errno EINVAL). */
wchar_t *jz_w32_wide(const char *s);
/* Writes UTF-16 w as UTF-8 into out (always terminated). 0 or -1. */
int jz_w32_narrow(const wchar_t *w, char *out, size_t n);

#endif
