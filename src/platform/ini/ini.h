/* ini.h — the part of inih's interface the tree uses (form_file.c and
 * report_file.c), for the Windows build when Debian's libinih source cannot be fetched (make windows).
 * Implemented in src/platform/ini_lite.c with inih's Debian defaults:
 * multi-line values, BOM, ; and # comments, inline ; comments, lines of at
 * most 200 bytes, no stop on the first error. */
#ifndef INI_H
#define INI_H

#define INI_MAX_LINE 200

typedef int (*ini_handler)(void *user, const char *section, const char *name, const char *value);
typedef char *(*ini_reader)(char *str, int num, void *stream);

/* Returns 0, the first line with an error, or -1/-2 as inih does. */
int ini_parse_stream(ini_reader reader, void *stream, ini_handler handler, void *user);

/* The same on a NUL-terminated string. */
int ini_parse_string(const char *string, ini_handler handler, void *user);

#endif
