#!/bin/sh
# test_windows_ini.sh — the Windows build's own INI parser
# (src/platform/ini_lite.c, used because Debian's libinih source could not be
# fetched) against Debian's libinih on Linux, as a stream and as a string:
# every form in forms/, every report file in reports/ and a file
# of edge cases (BOM, inline and line comments, a continued value, ":" for
# "=", a line without "=", an unclosed section, a line past 200 bytes) give
# the same handler calls and the same result. Skips without cc or libinih.
. "$(dirname "$0")/lib.sh"
src=${SRC_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cc=${CC:-cc}
if ! command -v "$cc" >/dev/null 2>&1 || ! pkg-config --exists inih; then
	echo "skip: needs cc and libinih-dev"
	exit 0
fi
cat >"$T/h.c" <<'C'
#include <stdio.h>
typedef int (*ini_handler)(void *, const char *, const char *, const char *);
typedef char *(*ini_reader)(char *, int, void *);
int parse(ini_reader r, void *s, ini_handler h, void *u);
int parse_s(const char *text, ini_handler h, void *u);
static int h(void *u, const char *s, const char *n, const char *v)
{
	(void)u;
	printf("[%s] %s = %s\n", s, n, v);
	return 1;
}
static char *rd(char *str, int num, void *st) { return fgets(str, num, (FILE *)st); }
int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f)
			return 1;
		printf("%s rc=%d\n", argv[i], parse(rd, f, h, NULL));
		static char text[1 << 20];
		rewind(f);
		text[fread(text, 1, sizeof text - 1, f)] = '\0';
		printf("%s as a string rc=%d\n", argv[i], parse_s(text, h, NULL));
		fclose(f);
	}
	return 0;
}
C
printf '#include <ini.h>\nint parse(ini_reader r, void *s, ini_handler h, void *u) { return ini_parse_stream(r, s, h, u); }\nint parse_s(const char *t, ini_handler h, void *u) { return ini_parse_string(t, h, u); }\n' >"$T/real.c"
sed 's/\bini_parse_stream\b/parse/; s/\bini_parse_string\b/parse_s/' "$src/src/platform/ini_lite.c" >"$T/lite.c"
"$cc" -O2 -o "$T/real" "$T/h.c" "$T/real.c" $(pkg-config --cflags --libs inih) && ok "built against libinih" || bad "libinih build"
"$cc" -O2 -I"$src/src/platform/ini" -o "$T/lite" "$T/h.c" "$T/lite.c" && ok "built with ini_lite.c" || bad "ini_lite build"
printf '\357\273\277[a]\nx = 1 ; note\n  continued\n# comment\n; comment\ny: 2\nk = a;b\nbad line\n[sec\n[b]\nz=%0220d\n' 0 >"$T/edge.ini"
"$T/real" "$src"/forms/*.ini "$src"/reports/*.ini "$T/edge.ini" >"$T/real.txt"
"$T/lite" "$src"/forms/*.ini "$src"/reports/*.ini "$T/edge.ini" >"$T/lite.txt"
if cmp -s "$T/real.txt" "$T/lite.txt"; then ok "same handler calls and results ($(wc -l <"$T/real.txt") lines)"; else
	bad "ini_lite.c differs from libinih:"; diff "$T/real.txt" "$T/lite.txt" | head -20; fi
grep -q 'edge.ini as a string rc=8' "$T/lite.txt" && grep -q 'edge.ini rc=8' "$T/lite.txt" && ok "the first bad line is reported" || bad "$(grep edge.ini "$T/lite.txt")"
finish
