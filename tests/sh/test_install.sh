#!/bin/sh
# test_install.sh — README's first command from a clean clone: install.sh
# into a temporary prefix (no apt: the packages are already there in CI),
# ending on the demo township's summary (no terminal here).
. "$(dirname "$0")/lib.sh"

src=${SRC_DIR:?}
if ! git -C "$src" rev-parse HEAD >/dev/null 2>&1; then
	echo "not a git checkout: cannot make a clean clone"; exit 1
fi
git clone -q "$src" "$T/clone" || { echo "git clone failed"; exit 1; }
expect_rc 0 "install.sh --no-deps --prefix" sh -c "cd '$T/clone' && ./install.sh --no-deps --prefix '$T/prefix' </dev/null"
expect_out "演示乡镇：南门镇" "install ends on the demo township"
expect_out "家庭 1000 户" "the demo summary is printed"
[ -x "$T/prefix/bin/jiuzhu" ] && ok "binary installed" || bad "no $T/prefix/bin/jiuzhu"
[ -f "$T/prefix/share/man/man1/jiuzhu.1" ] && ok "man page installed" || bad "no man page"
[ -f "$XDG_DATA_HOME/jiuzhu/demo.db" ] && ok "demo database in the user's data folder" || bad "no demo.db"
expect_rc 0 "install.sh again (idempotent)" sh -c "cd '$T/clone' && ./install.sh --no-deps --prefix '$T/prefix' </dev/null"
expect_out "演示乡镇：南门镇" "second run reuses the demo"
expect_rc 1 "install.sh with an unknown option" sh -c "cd '$T/clone' && ./install.sh --frob"
expect_out "不认识的选项" "unknown option message"
if command -v man >/dev/null 2>&1; then
	MANPATH="$T/prefix/share/man" expect_rc 0 "man jiuzhu" man -P cat jiuzhu
	expect_out "jiuzhu" "man page renders"
fi
finish
