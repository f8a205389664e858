#!/bin/sh
# install.sh — installs what jiuzhu needs (Debian/Ubuntu packages), builds it,
# installs it, and opens the desk on a demo township.
#
#   ./install.sh [--prefix DIR] [--no-deps] [--no-demo] [--windows]
#
# Run it as root or as a user: sudo is used only for apt-get and, when PREFIX
# is not writable, for `make install`. The build tree and the demo database
# stay the user's. Safe to run again.
set -eu

PREFIX=/usr/local
DEPS=1
DEMO=1
WINDOWS=0

BUILD_PKGS="gcc make pkgconf libncurses-dev libsqlite3-dev libxlsxwriter-dev zlib1g-dev
libinih-dev libcsv-dev libminizip-dev libexpat1-dev libsodium-dev unicode-data bzip2 mawk"
TEST_PKGS="libcmocka-dev tmux locales luit python3-openpyxl sqlite3 clang git"
# --windows: the cross compilers and what `make windows` needs to build the
# libraries from their Debian source packages (apt-get source).
WIN_PKGS="gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 libz-mingw-w64-dev wine dpkg-dev tcl
autoconf automake libtool make pkgconf tmux"

say() { printf '==> %s\n' "$*"; }
die() { printf 'install.sh: 错误：%s\n' "$*" >&2; exit 1; }

usage() {
	cat <<'USAGE'
用法 usage: ./install.sh [--prefix DIR] [--no-deps] [--no-demo]
  --prefix DIR  安装到 DIR（默认 /usr/local） install under DIR
  --no-deps     不用 apt 安装软件包 skip apt-get
  --no-demo     不生成、不打开演示乡镇 do not create or open the demo township
  --windows     另外安装交叉编译 Windows 版（make windows）所需的软件包并打开 deb-src
                also install what `make windows` needs and enable deb-src
USAGE
}

while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) [ $# -ge 2 ] || die "--prefix 后面要写目录"; PREFIX=$2; shift 2 ;;
	--prefix=*) PREFIX=${1#--prefix=}; shift ;;
	--no-deps) DEPS=0; shift ;;
	--no-demo) DEMO=0; shift ;;
	--windows) WINDOWS=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "不认识的选项「$1」" ;;
	esac
done

cd "$(dirname "$0")"
[ -f Makefile ] && [ -d src ] || die "请在 jiuzhu 源码目录里运行 install.sh"

if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	SUDO=none
fi

as_root() {
	[ "$SUDO" != none ] || die "需要 root 权限来执行：$*（请用 root 运行，或先安装 sudo）"
	$SUDO "$@"
}

if [ "$DEPS" = 1 ]; then
	command -v apt-get >/dev/null 2>&1 || die "找不到 apt-get：这个脚本只支持 Debian/Ubuntu；其他系统请用 --no-deps 并自行安装 README 里列出的软件包"
	say "安装编译和测试需要的软件包（apt-get）"
	as_root apt-get update -qq || die "apt-get update 失败，请检查网络或软件源"
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$BUILD_PKGS $TEST_PKGS >/dev/null || die "安装软件包失败：$BUILD_PKGS $TEST_PKGS"
fi

# --windows: enable deb-src (apt-get source needs it), then the cross tools.
# Only adds: deb822 files get "deb-src" next to "deb"; a one-line sources.list
# gets a deb-src line for each deb line. Nothing is fetched from outside Debian.
enable_deb_src() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		grep -q '^Types:.*deb-src' "$f" && continue
		grep -Eq '^URIs:.*(debian|ubuntu)' "$f" || continue # not third-party sources
		as_root sed -i 's/^Types: *deb *$/Types: deb deb-src/' "$f"
	done
	f=/etc/apt/sources.list
	if [ -f "$f" ] && ! grep -q '^deb-src' "$f"; then
		grep -E '^deb .*(debian|ubuntu)' "$f" | sed 's/^deb /deb-src /' > /tmp/jiuzhu-deb-src.$$ || true
		as_root sh -c "cat /tmp/jiuzhu-deb-src.$$ >> $f"
		rm -f /tmp/jiuzhu-deb-src.$$
	fi
}

if [ "$WINDOWS" = 1 ]; then
	command -v apt-get >/dev/null 2>&1 || die "--windows 需要 apt-get（Debian/Ubuntu）"
	say "打开 deb-src 软件源，安装 Windows 交叉编译工具（apt-get）"
	enable_deb_src
	as_root apt-get update -qq || die "apt-get update 失败，请检查网络或软件源"
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$WIN_PKGS >/dev/null || die "安装软件包失败：$WIN_PKGS"
fi

say "编译 jiuzhu"
make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null || die "编译失败：请运行 make 查看错误"

say "安装到 $PREFIX"
if mkdir -p "$PREFIX" 2>/dev/null && [ -w "$PREFIX" ]; then
	make install PREFIX="$PREFIX" >/dev/null || die "安装失败"
else
	as_root make install PREFIX="$PREFIX" >/dev/null || die "安装失败"
fi
BIN="$PREFIX/bin/jiuzhu"
"$BIN" --version >/dev/null || die "安装后的 $BIN 无法运行"
say "已安装：$BIN（手册：man jiuzhu）"

[ "$DEMO" = 1 ] || exit 0
if [ -t 0 ] && [ -t 1 ]; then
	say "打开演示乡镇（登录名 admin，密码 demo；按 q 退出）"
	exec "$BIN" demo
fi
say "没有终端：只生成演示乡镇，不打开工作台"
"$BIN" demo --no-open || die "生成演示乡镇失败"
