#!/bin/sh
# tools/windows/build-libs.sh — cross-builds the libraries jiuzhu needs as
# static Windows libraries, each from its Debian source package (apt-get
# source; install.sh --windows enables deb-src and installs the tools).
#
#   sh tools/windows/build-libs.sh ARCH OUT
#     ARCH  x86_64 or i686 (the mingw-w64 triplet is ARCH-w64-mingw32)
#     OUT   the cached build folder (build-win, build-win32): never committed
#
# Everything lands under OUT: OUT/src (unpacked sources), OUT/prefix
# (headers, .a files, .pc files), OUT/stamp (one file per finished library),
# OUT/times.txt (seconds each library took). A library with a stamp is not
# built again; delete OUT/stamp/NAME to rebuild it. Nothing is copied into
# the source tree and nothing is fetched from outside Debian.
set -eu

ARCH=${1:?usage: build-libs.sh ARCH OUT}
OUT=${2:?usage: build-libs.sh ARCH OUT}
HOST=$ARCH-w64-mingw32
JOBS=${JOBS:-2}
mkdir -p "$OUT/src" "$OUT/prefix/lib/pkgconfig" "$OUT/prefix/include" "$OUT/stamp"
OUT=$(cd "$OUT" && pwd)
P=$OUT/prefix
CC=$HOST-gcc
AR=$HOST-ar
RANLIB=$HOST-ranlib
command -v "$CC" >/dev/null 2>&1 || {
	echo "build-libs.sh: 找不到 $CC：请先运行 ./install.sh --windows" >&2
	exit 1
}
# mingw-w64's zlib (libz-mingw-w64-dev) lives in the cross sysroot.
ZROOT=/usr/$HOST
[ -f "$ZROOT/lib/libz.a" ] || {
	echo "build-libs.sh: 找不到 $ZROOT/lib/libz.a：请先运行 ./install.sh --windows" >&2
	exit 1
}
export PKG_CONFIG_LIBDIR="$P/lib/pkgconfig"
unset PKG_CONFIG_PATH
CFLAGS_LIB="-O2"

say() { printf '  %-6s %s\n' "$1" "$2"; }

# fetch PKG: unpacks PKG's Debian source (with Debian's patches) in OUT/src
# and prints the folder. Downloads are kept, so a second run is offline.
fetch() {
	d=$OUT/src/$1
	mkdir -p "$d"
	if ! ls -d "$d"/*/debian >/dev/null 2>&1; then
		# The newest version first; when the mirror no longer has it (a
		# security update replaced it), the other versions apt knows.
		got=0
		for v in "" $(apt-cache showsrc "$1" 2>/dev/null | sed -n 's/^Version: //p'); do
			rm -rf "${d:?}"/*
			if (cd "$d" && apt-get source -qq "$1${v:+=$v}" >/dev/null 2>&1); then
				got=1
				break
			fi
		done
		[ "$got" = 1 ] || {
			echo "build-libs.sh: apt-get source $1 失败（deb-src 打开了吗？./install.sh --windows）" >&2
			return 1
		}
	fi
	for s in "$d"/*/debian; do dirname "$s"; return 0; done
}

# build NAME FUNCTION: runs FUNCTION once, stamps it, records the time.
build() {
	[ -f "$OUT/stamp/$1" ] && return 0
	say LIB "$1 ($HOST)"
	t0=$(date +%s)
	log=$OUT/src/$1.log
	# A subshell with set -e of its own: any failing step stops the library.
	set +e
	(set -e; "$2") >"$log" 2>&1
	rc=$?
	set -e
	if [ "$rc" != 0 ]; then
		echo "build-libs.sh: $1 编译失败，见 $log" >&2
		tail -20 "$log" >&2
		exit 1
	fi
	t1=$(date +%s)
	printf '%s %s\n' "$1" "$((t1 - t0))" >>"$OUT/times.txt"
	touch "$OUT/stamp/$1"
}

# cc_lib NAME OBJDIR FILES...: compiles FILES into $P/lib/libNAME.a.
cc_lib() {
	name=$1 objs=$2
	shift 2
	mkdir -p "$objs"
	for f in "$@"; do
		o=$objs/$(basename "$f" .c).o
		$CC $CFLAGS_LIB $XFLAGS -c -o "$o" "$f"
	done
	rm -f "$P/lib/lib$name.a"
	$AR rcs "$P/lib/lib$name.a" "$objs"/*.o
}

pc() { # pc NAME LIBS [CFLAGS]: writes a minimal .pc file
	cat >"$P/lib/pkgconfig/$1.pc" <<EOF
prefix=$P
Name: $1
Description: $1 (static, $HOST, from its Debian source)
Version: 0
Libs: -L\${prefix}/lib $2
Cflags: -I\${prefix}/include ${3:-}
EOF
}

b_zlib() { # from libz-mingw-w64-dev: only a .pc file pointing at it
	pc zlib "-L$ZROOT/lib -lz" "-I$ZROOT/include"
}

b_ncurses() {
	s=$(fetch ncurses)
	rm -rf "$OUT/src/ncurses-build" && mkdir -p "$OUT/src/ncurses-build"
	cd "$OUT/src/ncurses-build"
	"$s/configure" --host="$HOST" --prefix="$P" \
		--without-ada --without-cxx --without-cxx-binding --without-manpages \
		--without-progs --without-tests --without-debug --without-shared \
		--enable-widec --enable-sp-funcs --enable-term-driver \
		--enable-ext-colors --enable-ext-mouse --disable-home-terminfo \
		--disable-symlinks --enable-pc-files --with-pkg-config-libdir="$P/lib/pkgconfig" \
		--disable-db-install --without-pkg-config-libdir-check \
		CFLAGS="$CFLAGS_LIB" CPPFLAGS="-D__USE_MINGW_ANSI_STDIO=0"
	make -j"$JOBS" libs
	make install.libs install.includes
	# Headers as <curses.h> (the project's include) too.
	[ -f "$P/include/curses.h" ] || cp "$P/include/ncursesw/"*.h "$P/include/"
	[ -f "$P/lib/pkgconfig/ncursesw.pc" ] || pc ncursesw "-lncursesw" "-DNCURSES_STATIC"
}

b_sqlite3() { # Debian's source has no amalgamation: make it (needs tclsh)
	s=$(fetch sqlite3)
	rm -rf "$OUT/src/sqlite-build" && mkdir -p "$OUT/src/sqlite-build"
	cd "$OUT/src/sqlite-build"
	"$s/configure" --disable-tcl --disable-readline >/dev/null
	make sqlite3.c
	XFLAGS="-DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_ENABLE_COLUMN_METADATA"
	cc_lib sqlite3 obj sqlite3.c
	cp sqlite3.h sqlite3ext.h "$P/include/"
	pc sqlite3 "-lsqlite3"
}

b_libsodium() {
	s=$(fetch libsodium)
	cd "$s"
	[ -x configure ] || ./autogen.sh -s
	rm -rf "$OUT/src/sodium-build" && mkdir -p "$OUT/src/sodium-build"
	cd "$OUT/src/sodium-build"
	"$s/configure" --host="$HOST" --prefix="$P" --disable-shared --enable-static \
		--disable-ssp --disable-pie CFLAGS="$CFLAGS_LIB"
	make -j"$JOBS"
	make install
}

b_expat() { # Debian's tree keeps the library in expat/: its three files
	s=$(fetch expat)/expat
	c=$OUT/src/expat-config
	mkdir -p "$c"
	cat >"$c/expat_config.h" <<'EOF2'
/* written by build-libs.sh: what expat's configure would find on Windows */
#define BYTEORDER 1234
#define XML_CONTEXT_BYTES 1024
#define XML_DTD 1
#define XML_NS 1
#define XML_GE 1
#define HAVE_MEMMOVE 1
EOF2
	XFLAGS="-I$c -I$s/lib -DXML_STATIC"
	cc_lib expat "$OUT/src/expat-obj" "$s/lib/xmlparse.c" "$s/lib/xmlrole.c" "$s/lib/xmltok.c"
	cp "$s/lib/expat.h" "$s/lib/expat_external.h" "$P/include/"
	pc expat "-lexpat" "-DXML_STATIC"
}

b_libcsv() {
	s=$(fetch libcsv)
	XFLAGS="-I$s"
	cc_lib csv "$OUT/src/csv-obj" "$s/libcsv.c"
	cp "$s/csv.h" "$P/include/"
}

b_minizip() {
	s=$(fetch minizip)
	XFLAGS="-I$ZROOT/include -I$s"
	cc_lib minizip "$OUT/src/minizip-obj" "$s/ioapi.c" "$s/unzip.c" "$s/zip.c" \
		"$s/mztools.c" "$s/iowin32.c"
	mkdir -p "$P/include/minizip"
	cp "$s"/crypt.h "$s"/ioapi.h "$s"/unzip.h "$s"/zip.h "$s"/mztools.h "$s"/iowin32.h \
		"$P/include/minizip/"
	pc minizip "-lminizip -L$ZROOT/lib -lz" "-I\${prefix}/include/minizip -I$ZROOT/include"
}

b_libxlsxwriter() { # the library's own files; minizip is the one above
	s=$(fetch libxlsxwriter)
	XFLAGS="-I$s/include -I$P/include -I$ZROOT/include -DUSE_SYSTEM_MINIZIP"
	cc_lib xlsxwriter "$OUT/src/xlsxwriter-obj" "$s"/src/*.c \
		"$s/third_party/tmpfileplus/tmpfileplus.c" "$s/third_party/md5/md5.c"
	cp -r "$s/include/xlsxwriter.h" "$s/include/xlsxwriter" "$P/include/"
	pc xlsxwriter "-lxlsxwriter -lminizip -L$ZROOT/lib -lz"
}

b_libinih() { # not fetchable from Debian when checked: say so and go on
	s=$(fetch libinih) || return 0
	XFLAGS="-I$s"
	cc_lib inih "$OUT/src/inih-obj" "$s/ini.c"
	cp "$s/ini.h" "$P/include/"
	pc inih "-linih"
}

XFLAGS=
build zlib b_zlib
build ncurses b_ncurses
build sqlite3 b_sqlite3
build libsodium b_libsodium
build expat b_expat
build libcsv b_libcsv
build minizip b_minizip
build libxlsxwriter b_libxlsxwriter
build libinih b_libinih
[ -f "$P/lib/libinih.a" ] || say NOTE "libinih 的 Debian 源码取不到：用 src/platform/ini_lite.c"
