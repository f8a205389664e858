#!/bin/sh
# test_diskfull.sh — a full disk (a 4 MB tmpfs filled up; as root, or in a
# user namespace; SKIP when neither is allowed): a CLI write exits 2 saying
# 磁盘已满, whether the file cannot even be opened (its -shm file cannot
# grow) or the write itself fails (another program holds the file open);
# the database is unchanged and `jiuzhu check` passes once space is freed,
# and the write then succeeds. The desk: a member form filled in, F2 on the
# full disk shows the message on the message line and keeps what was
# typed; space freed, F2 again saves it. Workbook exports to a full disk:
# exit 2, a message, no half file (not even the .tmp).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/../torture/fixture.sh"
. "$(dirname "$0")/../torture/tmpfs.sh"
. "$(dirname "$0")/../torture/desk.sh"
trap 'tm_stop; rm -rf "$T"' EXIT
need_tmpfs 4m
export JIUZHU_PASSWORD=demo
db="$M/d.db"
fast_demo "$db" --households 20 --months 0 || { finish; exit 1; }
desk_household "$db"
village=$(sqlite3 "$db" "SELECT name FROM village ORDER BY code LIMIT 1")
snap() { sqlite3 "$db" .dump | md5sum; }
add() { "$J" --db "$db" household add --village "$village" --name "$1" --id "$2" --as jingban; }

# ---- the CLI: the file cannot be opened for want of space ----
before=$(snap)
fill_disk "$db"
expect_rc 2 "a write on a full disk (opening) exits 2" add 曾小红 11010219840406970X
expect_out "磁盘已满" "the message says the disk is full"
free_disk
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_eq "$(snap)" "$before" "the database is unchanged"
expect_rc 0 "check passes once space is freed" "$J" --db "$db" check
expect_rc 0 "the write then succeeds" add 曾小红 11010219840406970X

# ---- the CLI: the file opens (another program holds it), the write fails ----
/usr/bin/python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM event').fetchall(); time.sleep(30)" "$db" &
holder=$!
sleep 0.3
before=$(snap)
fill_disk "$db"
expect_rc 2 "a write on a full disk (writing) exits 2" add 曾大红 110102198404069718
expect_out "磁盘已满" "the message says the disk is full"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
free_disk
expect_eq "$(snap)" "$before" "the database is unchanged"
expect_rc 0 "check passes once space is freed" "$J" --db "$db" check
expect_rc 0 "the write then succeeds" add 曾大红 110102198404069718

# ---- the desk: F2 on a full disk keeps the form ----
if desk_member_form "$db"; then
	desk_type_phone 13912345678
	fill_disk "$db"
	tm_keys F2
	expect_screen "修改原因" "F2 asks the reason"
	tm_keys Enter
	expect_screen "磁盘已满" "the message line says the disk is full"
	expect_screen "13912345678" "the form still shows what was typed"
	expect_screen "身份证号：" "the form is still open"
	free_disk
	expect_eq "$(desk_phone "$db")" "13800001111" "nothing was saved"
	tm_keys F2
	expect_screen "修改原因" "F2 again asks the reason"
	tm_keys Enter
	expect_screen "已保存" "saved once space is freed"
	expect_eq "$(desk_phone "$db")" "13912345678" "the typed phone is in the file"
	tm_keys Escape; sleep 0.4; tm_keys Escape; sleep 0.4; tm_keys F10
	tm_dead && ok "the desk quits" || bad "the desk quits"
	tm_stop
fi
expect_rc 0 "check passes after the desk" "$J" --db "$db" check

# ---- workbook exports to a full disk: no half file ----
edb="$T/e.db"
fast_demo "$edb" --households 20 --months 2 || { finish; exit 1; }
"$J" --db "$edb" fund allocate 1000 --doc 县民发〔2026〕1号 --as jingban >/dev/null
mkdir -p "$M/roll" "$M/notice"
fill_disk "$db"
expect_rc 2 "fund statement -o on a full disk" "$J" --db "$edb" fund statement -o "$M/st.xlsx"
expect_out "已满" "it says the disk may be full"
expect_rc 2 "events -o xlsx on a full disk" "$J" --db "$edb" events -o "$M/ev.xlsx"
expect_rc 2 "roll --export on a full disk" "$J" --db "$edb" roll 2026-11 --export "$M/roll" --as jingban
expect_out "已满" "it says the disk may be full"
left=$(find "$M" -name '*.xlsx*' -o -name '*.csv*' -o -name '*.tmp' | tr '\n' ' ')
expect_eq "$left" "" "no half file left"
free_disk
expect_rc 0 "the statement once space is freed" "$J" --db "$edb" fund statement -o "$M/st.xlsx"
expect_rc 0 "the roll export once space is freed" "$J" --db "$edb" roll 2026-11 --export "$M/roll" --as jingban
/usr/bin/python3 - "$M" >"$T/out" 2>&1 <<'PY'
import glob, sys, openpyxl
files = glob.glob(sys.argv[1] + "/**/*.xlsx", recursive=True) + glob.glob(sys.argv[1] + "/*.xlsx")
for f in files:
    openpyxl.load_workbook(f)
print("xlsx ok", len(files))
PY
expect_out "xlsx ok" "the workbooks open"
finish
