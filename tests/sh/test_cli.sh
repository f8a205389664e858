#!/bin/sh
# test_cli.sh — the command line as a user meets it: help, init, demo, IDs,
# exit codes (0 ok, 1 user error, 2 data/file error), Chinese messages.
. "$(dirname "$0")/lib.sh"

expect_rc 0 "--version" "$J" --version
expect_out "jiuzhu " "--version prints the version"
expect_rc 0 "--help" "$J" --help
expect_out "init" "--help lists init"
expect_rc 1 "unknown command" "$J" frobnicate
expect_out "没有「frobnicate」这个命令" "unknown command message in Chinese"
expect_rc 1 "bad --today" "$J" --today 2026-02-30 --help
expect_out "不是有效日期" "bad --today message"
JIUZHU_NOW=yesterday expect_rc 1 "bad JIUZHU_NOW" "$J" --version
expect_out "JIUZHU_NOW" "bad JIUZHU_NOW names the variable"

# init
db="$T/town.db"
export JIUZHU_PASSWORD=s3cret
expect_rc 1 "init without arguments" "$J" --db "$db" init
expect_out "--township" "init says what is missing"
expect_rc 1 "init with a bad area code" "$J" --db "$db" init --township 南门镇 --county 开州区 --area-code 5001
expect_out "6 位数字" "bad area code message"
[ ! -e "$db" ] && ok "a failed init leaves no file" || bad "a failed init left $db"
expect_rc 0 "init" "$J" --db "$db" init --township 南门镇 --county 开州区 --area-code 500154
expect_out "管理员登录名：admin" "init names the admin"
mode=$(stat -c %a "$db")
[ "$mode" = 600 ] && ok "database mode 0600" || bad "database mode is $mode"
expect_rc 1 "init twice" "$J" --db "$db" init --township 北门镇 --county 开州区 --area-code 500154
expect_out "已经有乡镇" "init twice is refused"
JIUZHU_DB="$db" expect_rc 1 "JIUZHU_DB is used" "$J" household show 999999 --today 2026-11-27
expect_out "找不到户编号" "a missing household is named"
unset JIUZHU_PASSWORD

# demo
expect_rc 0 "demo" "$J" --db "$T/demo.db" demo --no-open --seed 3
expect_out "家庭 1000 户" "demo has 1000 households"
expect_out "密码都是 demo" "demo says how to sign in"
expect_rc 1 "demo refuses a real township" "$J" --db "$db" demo --no-open
expect_out "真实乡镇" "demo explains why"
expect_rc 0 "demo default path" "$J" demo --no-open --households 30
[ -f "$XDG_DATA_HOME/jiuzhu/demo.db" ] && ok "demo goes to XDG_DATA_HOME/jiuzhu/demo.db" || bad "no demo.db in XDG_DATA_HOME"
"$J" --db "$T/demo2.db" demo --no-open --seed 3 >/dev/null 2>&1
q="SELECT group_concat(id_number || name || relation, ',') FROM (SELECT * FROM person ORDER BY id)"
a=$(sqlite3 "$T/demo.db" "$q" | sha256sum)
b=$(sqlite3 "$T/demo2.db" "$q" | sha256sum)
[ "$a" = "$b" ] && ok "demo is deterministic for a seed" || bad "demo differs for the same seed"
persons=$(sqlite3 "$T/demo.db" "SELECT count(*) FROM person")
[ "$persons" -ge 2300 ] && [ "$persons" -le 2900 ] && ok "demo has about 2,600 persons ($persons)" || bad "demo has $persons persons"
heads=$(sqlite3 "$T/demo.db" "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM person p WHERE p.household_id = h.id AND relation = '户主') <> 1")
[ "$heads" = 0 ] && ok "every demo household has exactly one head" || bad "$heads households without exactly one head"
dup=$(sqlite3 "$T/demo.db" "SELECT count(*) - count(DISTINCT id_number) FROM person")
[ "$dup" = 0 ] && ok "demo IDs are unique" || bad "$dup duplicate IDs"
ev=$(sqlite3 "$T/demo.db" "SELECT count(*) FROM event WHERE operator = 'admin'")
[ "$ev" -gt 3000 ] && ok "demo writes went through the event trail ($ev events)" || bad "only $ev events"
hh=$(sqlite3 "$T/demo.db" "SELECT number FROM household LIMIT 1")
expect_rc 0 "household show" "$J" --db "$T/demo.db" household show "$hh"
expect_out "户主" "household show lists the head"
idno=$(sqlite3 "$T/demo.db" "SELECT id_number FROM person WHERE relation <> '户主' AND household_id IS NOT NULL LIMIT 1")
expect_rc 0 "household show by a member's ID" "$J" --db "$T/demo.db" household show "$idno"
expect_out "$idno" "the member is listed"

# resident IDs on the command line
expect_rc 0 "id check valid" "$J" id check 11010519491231002X 11010519491231002x 130503670401001
expect_out "130503196704010016" "15-digit ID converted"
expect_rc 1 "id check wrong check digit" "$J" id check 11010219840506970X
expect_out "校验位" "check digit message"
expect_rc 1 "id check full-width" "$J" id check "１1010519491231002X"
expect_out "全角" "full-width message"

# files that are not ours
printf 'hello' > "$T/text.db"
expect_rc 2 "a text file is refused" "$J" --db "$T/text.db" household show 1
expect_out "不是 SQLite" "text file message"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
expect_rc 2 "a foreign SQLite file is refused" "$J" --db "$T/other.db" household show 1
expect_out "别的程序" "foreign file message"
[ "$(sqlite3 "$T/other.db" 'PRAGMA application_id; PRAGMA journal_mode')" = "$(printf '0\ndelete')" ] \
	&& ok "the foreign file is untouched" || bad "the foreign file was changed"
cp "$T/demo.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999"
expect_rc 2 "a newer file is refused" "$J" --db "$T/newer.db" household show "$hh"
expect_out "更新版本" "newer file message"
[ "$(sqlite3 "$T/newer.db" 'PRAGMA user_version')" = 999 ] && ok "the newer file is untouched" || bad "newer file changed"
expect_rc 2 "a missing file" "$J" --db "$T/nothing.db" household show 1
expect_out "jiuzhu init" "missing file says how to start"
finish
