#!/bin/sh
# tools/windows/check.sh — make windows-check: the .exe under wine, with a
# private WINEPREFIX in the build folder: `jiuzhu.exe --selftest`, then the
# desk in tmux (tests/sh/test_windows.sh). Fails when wine is missing.
#   sh tools/windows/check.sh OUT
set -eu
OUT=${1:?usage: check.sh OUT}
command -v wine >/dev/null 2>&1 || { echo "check.sh: 没有 wine：请先运行 ./install.sh --windows" >&2; exit 1; }
[ -f "$OUT/jiuzhu.exe" ] || { echo "check.sh: 没有 $OUT/jiuzhu.exe：请先 make windows" >&2; exit 1; }
OUT=$(cd "$OUT" && pwd)
export WINEPREFIX="$OUT/wineprefix" WINEDEBUG=-all WIN_EXE="$OUT/jiuzhu.exe"
# wine maps Windows file names to Unix ones in the Unix locale's charset: a
# Chinese file name needs a UTF-8 locale on the Unix side.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
t0=$(date +%s)
if [ ! -d "$WINEPREFIX/drive_c" ]; then
	printf '  %-6s %s\n' WINE "$WINEPREFIX"
	wineboot -i >/dev/null 2>&1 || true
fi
printf '  %-6s %s\n' WINE "$OUT/jiuzhu.exe --selftest"
wine "$OUT/jiuzhu.exe" --selftest >"$OUT/selftest.log" 2>&1 || { cat "$OUT/selftest.log"; exit 1; }
grep 'selftest:' "$OUT/selftest.log"
printf '  %-6s %s\n' TMUX "tests/sh/test_windows.sh"
JIUZHU_BIN=/nonexistent SRC_DIR=$PWD sh tests/sh/test_windows.sh
wineserver -k 2>/dev/null || true
printf '  %-6s %s\n' TIME "windows-check $(($(date +%s) - t0)) s"
