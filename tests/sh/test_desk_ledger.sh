#!/bin/sh
# test_desk_ledger.sh — the ledgers at the desk, in tmux at 80x24: jingban
# opens 台账 from the menu, opens the 六类对象 ledger, adds a screening row
# (a wrong category first: the core's message), filters by village (the
# row goes and comes back), cycles the state filter, records a visit with
# Enter, exports the ledger to .xlsx (read back with openpyxl) and .csv
# (GBK), and opens the 摸排表 ledger where every village is 未报送.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 20 --months 0 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
idn=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id LIMIT 1")
vil=$(q "SELECT v.name FROM person p JOIN household h ON h.id = p.household_id JOIN village v ON v.id = h.village_id WHERE p.id_number = '$idn'")
other=$(q "SELECT name FROM village WHERE name <> '$vil' ORDER BY code LIMIT 1")
name=$(q "SELECT name FROM person WHERE id_number = '$idn'")
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }

tm_start "$(desk 2026-11-27T09:00:00)"
expect_screen "登录名" "sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
tm_keys F9
expect_gone "排查、渐退、潜在对象等台账（尚未完成）" "台账 is no longer「尚未完成」"
tm_keys 6
expect_screen "六类对象排查台账" "6 opens the chooser of ledgers"
expect_screen "困难群众摸排表报送情况" "the chooser lists the survey"
tm_keys Enter
expect_screen "没有记录。按 a 添加" "Enter opens the empty screening ledger"
expect_screen "F4/v村" "the key bar names the village filter"
expect_screen "F6/x导出" "the key bar names the export"
tm_keys a
expect_screen "排查类别" "a asks the category"
tm_text "整户没劳力"; tm_keys Enter; tm_text "$idn"; tm_keys Enter; tm_keys Enter; tm_keys Enter
expect_screen "排查类别「整户没劳力」不对" "a wrong category: the core's message"
[ "$(q "SELECT count(*) FROM screening")" = 0 ] && ok "nothing written" || bad "a row was written"
tm_keys a
expect_screen "排查类别" "a again"
tm_keys C-u; tm_text "整户无劳动力"; tm_keys Enter
expect_screen "身份证号" "the ID typed before is offered again"
tm_keys Enter Enter Enter
expect_screen "已登记排查对象" "the row is added"
expect_screen "$name" "the ledger shows the person"
expect_screen "待走访" "in state 待走访"
tm_keys v
expect_screen "村（社区）名称" "v asks the village"
tm_text "$other"; tm_keys Enter
expect_screen "村（社区）：$other" "the filter is shown"
expect_gone "$idn" "another village: the row goes"
tm_keys v; tm_keys C-u; tm_text "$vil"; tm_keys Enter
expect_screen "$idn" "its village: the row is back"
tm_keys s
expect_screen "状态：待走访" "s filters by the first state"
expect_screen "$idn" "the row is 待走访"
tm_keys s
expect_screen "状态：待定结果" "s again: the next state"
expect_gone "$idn" "the row is not 待定结果"
tm_keys s s
expect_screen "状态：已销号" "the last of the states"
tm_keys s
expect_screen "状态：未脱贫建档立卡" "then the categories"
i=0; while [ $i -lt 11 ]; do tm_keys s; i=$((i + 1)); done
expect_screen "状态：未脱贫因病致贫" "the last category"
tm_keys s
expect_gone "状态：" "after the last choice: all again"
tm_keys Enter
expect_screen "v 走访" "Enter asks the row's action"
tm_keys v
expect_screen "走访日期" "the visit date, today offered"
tm_keys Enter
tm_text "张三 李四"; tm_keys Enter
expect_screen "已登记走访" "the visit is recorded"
expect_screen "待定结果" "the row is 待定结果"
[ "$(q "SELECT visit_on || visitors FROM screening")" = "2026-11-27张三 李四" ] && ok "visit stored" || bad "visit stored: $(q "SELECT visit_on || visitors FROM screening")"
tm_keys x
expect_screen "导出到文件" "x asks the file"
tm_keys C-u; tm_text "$T/screening.xlsx"; tm_keys Enter
expect_screen "已导出 1 条" "exported"
/usr/bin/python3 - "$T/screening.xlsx" "$idn" <<'PY' && ok "the workbook holds the row" || bad "the workbook"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
vals = [c.value for row in ws.iter_rows() for c in row]
assert "六类对象排查台账" in vals, vals[:5]
assert sys.argv[2] in vals and "整户无劳动力" in vals and "待定结果" in vals, vals
PY
tm_keys F6; tm_keys C-u; tm_text "$T/screening.csv"; tm_keys Enter
expect_screen "已导出 1 条" "F6 exports too"
/usr/bin/python3 -c "
import sys
t = open(sys.argv[1], 'rb').read().decode('gbk')
assert '整户无劳动力' in t and sys.argv[2] in t, t
" "$T/screening.csv" "$idn" && ok "the CSV is GBK" || bad "the CSV"
tm_keys Escape
sleep 0.4
expect_screen "台账（上下键选择" "Esc goes back to the chooser"
i=1; while [ $i -lt 11 ]; do tm_keys Down; i=$((i + 1)); done
tm_keys Enter
expect_screen "困难群众摸排表报送情况" "the survey ledger opens"
expect_screen "未报送" "the villages have not handed it in"
tm_keys Escape
sleep 0.4
tm_keys Escape
sleep 0.4
tm_keys F10
tm_dead && ok "the desk exits cleanly" || bad "the desk exits"
finish
