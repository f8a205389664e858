#!/bin/sh
# tools/windows/build-exe.sh — builds OUT/jiuzhu.exe from the project's
# sources with mingw-w64, against the static libraries build-libs.sh left in
# OUT/prefix. The project's own Makefile compiles the sources (BUILD=OUT/obj,
# PLATFORM=win32: src/platform/win32.c), with src/platform/win32_compat.h
# force-included; this script links the .exe and lists the DLLs it imports.
#
#   sh tools/windows/build-exe.sh ARCH OUT
set -eu

ARCH=${1:?usage: build-exe.sh ARCH OUT}
OUT=${2:?usage: build-exe.sh ARCH OUT}
HOST=$ARCH-w64-mingw32
JOBS=${JOBS:-2}
OUT=$(cd "$OUT" && pwd)
P=$OUT/prefix
export PKG_CONFIG_LIBDIR="$P/lib/pkgconfig"
unset PKG_CONFIG_PATH

# The Makefile archives with plain `ar`: give it the cross one.
mkdir -p "$OUT/bin"
ln -sf "$(command -v "$HOST-ar")" "$OUT/bin/ar"
PATH=$OUT/bin:$PATH
export PATH

PKGS="ncursesw sqlite3 xlsxwriter libsodium expat minizip zlib"
INI_CFLAGS= INI_OBJ= INI_LIBS=
if [ -f "$P/lib/libinih.a" ]; then
	INI_LIBS=-linih
else
	# Debian's libinih source could not be fetched: our own small parser.
	INI_CFLAGS=-Isrc/platform/ini
	INI_OBJ=$OUT/obj/ini_lite.o
fi
# src/platform/win32: POSIX headers mingw lacks (sys/statvfs.h).
PKG_CFLAGS="-Isrc/platform/win32 $(pkg-config --cflags $PKGS) -DNCURSES_STATIC -DNCURSES_WIDECHAR=1 -DSODIUM_STATIC -DXML_STATIC $INI_CFLAGS"
PKG_LIBS="$(pkg-config --static --libs $PKGS) -lcsv $INI_LIBS"

make --no-print-directory -j"$JOBS" BUILD="$OUT/obj" PLATFORM=win32 CC="$HOST-gcc" \
	CFLAGS="-O2 -D__USE_MINGW_ANSI_STDIO=1 -include src/platform/win32_compat.h" PKGS="$PKGS" \
	PKG_CFLAGS="$PKG_CFLAGS" PKG_LIBS="$PKG_LIBS" \
	"$OUT/obj/libjiuzhu.a" "$OUT/obj/obj/src/cli/main.o"

if [ -n "$INI_OBJ" ]; then
	$HOST-gcc -std=c11 -O2 -Wall -Wextra -Werror -Isrc/platform/ini -c -o "$INI_OBJ" src/platform/ini_lite.c
fi

printf '  %-6s %s\n' LINK "$OUT/jiuzhu.exe"
# shellcheck disable=SC2086
$HOST-gcc -static -O2 -o "$OUT/jiuzhu.exe" "$OUT/obj/obj/src/cli/main.o" $INI_OBJ \
	"$OUT/obj/libjiuzhu.a" $PKG_LIBS -lshell32 -ladvapi32 -lkernel32
$HOST-strip "$OUT/jiuzhu.exe"

# Only system DLLs may be imported: the .exe must run from a USB stick.
$HOST-objdump -p "$OUT/jiuzhu.exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -u >"$OUT/dlls.txt"
bad=$(grep -viE '^(kernel32|user32|advapi32|shell32|gdi32|msvcrt|ucrtbase|api-ms-win-crt-[a-z0-9-]+|ws2_32|bcrypt|crypt32|ole32|shlwapi|psapi)\.dll$' "$OUT/dlls.txt" || true)
printf '  %-6s %s\n' DLLS "$(tr '\n' ' ' <"$OUT/dlls.txt")"
if [ -n "$bad" ]; then
	echo "build-exe.sh: jiuzhu.exe 依赖非系统 DLL：$bad" >&2
	exit 1
fi
