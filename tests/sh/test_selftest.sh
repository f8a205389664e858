#!/bin/sh
# test_selftest.sh — `jiuzhu --selftest` on Linux: every step passes in a
# private temporary folder (TMPDIR), the import step is skipped with a note
# while the binary has no import command, the workbook is written and read
# back, and nothing is left behind; the user's own database is not touched.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/tmp"
export TMPDIR="$T/tmp"

expect_rc 0 "selftest" "$J" --selftest
expect_out "演示乡镇 demo" "makes a demo township"
expect_out "GBK 转换 code page 936     ok" "converts GBK both ways"
expect_out "全部通过 all passed" "every step passed"
expect_out "字节 bytes" "the workbook's size is read back"
if "$J" import --help >/dev/null 2>&1; then
	expect_out "导入 GBK CSV import roster" "imports a GBK CSV"
else
	expect_out "跳过 skipped" "the import step is skipped without an import command"
fi
left=$(ls -A "$T/tmp")
[ -z "$left" ] && ok "nothing left in the temporary folder" || bad "left behind: $left"
[ ! -e "$XDG_DATA_HOME/jiuzhu" ] && ok "the user's data folder is untouched" || bad "made $XDG_DATA_HOME/jiuzhu"
expect_rc 0 "selftest with --today" "$J" --today 2026-03-02 --selftest
finish
