#!/bin/sh
# test_events.sh — the event trail for an inspector: `jiuzhu events` prints
# a case's history and a period's events; exports them to xlsx (read back
# with openpyxl: one row per event, the operator and reason of each) and
# to a GBK CSV; at the desk, l on a case shows its history and x exports it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_rc 0 "demo with history" "$J" --db "$db" demo --no-open --households 30

case=$(q "SELECT number FROM case_file WHERE state = '在保' ORDER BY id LIMIT 1")
cid=$(q "SELECT id FROM case_file WHERE number = '$case'")
n=$(q "SELECT count(*) FROM event WHERE entity = 'case' AND entity_id = $cid")
expect_rc 0 "events of a case" "$J" --db "$db" events --case "$case"
expect_out "共 $n 条操作记录" "every event of the case"
expect_out "受理申请" "with its reason"
expect_rc 1 "a bad date" "$J" --db "$db" events --from 2026-13-01
expect_out "YYYY-MM-DD" "the format is named"
expect_rc 1 "an unknown case" "$J" --db "$db" events --case DB1999-9999
m=$(q "SELECT count(*) FROM event WHERE at >= '2026-10-01' AND at < '2026-10-31T99'")
expect_rc 0 "a period to xlsx" "$J" --db "$db" events --from 2026-10-01 --to 2026-10-31 -o "$T/ev.xlsx"
expect_out "已导出 $m 条" "the count of the period"
got=$(/usr/bin/python3 - "$T/ev.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [r for r in ws.iter_rows(values_only=True)]
head = [i for i, r in enumerate(rows) if r and r[0] == '序号'][0]
data = [r for r in rows[head + 1:] if r and r[0] and str(r[0]).isdigit()]
print(len(data), all(r[1].startswith('2026-10') for r in data), all(r[2] for r in data))
PY
)
expect_eq "$got" "$m True True" "the workbook has each event of October with its operator"
expect_rc 0 "a period to CSV" "$J" --db "$db" events --from 2026-10-01 --to 2026-10-31 -o "$T/ev.csv"
got=$(/usr/bin/python3 -c "import sys; t = open(sys.argv[1], encoding='gbk').read().splitlines(); print(t[0].split(',')[:3], len(t) - 1)" "$T/ev.csv")
expect_eq "$got" "['序号', '时间', '操作员'] $m" "the CSV is GBK with a header and one line per event"

# ---- at the desk ----
head_id=$(q "SELECT p.id_number FROM person p JOIN case_file c ON c.household_id = p.household_id WHERE c.id = $cid AND p.relation = '户主'")
tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=2026-11-27T09:00:00 $J --db $db"
expect_screen "登录名" "sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
tm_keys F3; tm_text "$head_id"
sleep 0.5; tm_keys Enter
expect_screen "成员" "the card"
tm_keys 2
expect_screen "$case" "the case on pane 2"
tm_keys Enter
expect_screen "l记录" "the case screen offers l for its history"
tm_keys l
expect_screen "案件 $case 的操作记录（共 $n 条）" "l shows the case's history"
expect_screen "x导出" "with x to export"
tm_keys x
expect_screen "导出到文件" "x asks the file"
tm_keys C-u; tm_text "$T/case.xlsx"; tm_keys Enter
expect_screen "已导出 $n 条操作记录" "exported"
tm_keys Escape; sleep 0.4; tm_keys F10
tm_dead || bad "the desk quits"
[ -s "$T/case.xlsx" ] && ok "the file is written" || bad "no case.xlsx"
finish
