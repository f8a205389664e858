#!/bin/sh
# test_desk_compare.sh — 数据比对 at the desk, in tmux at 80x24: jingban
# opens it from the menu (导入与比对), finds the list empty, runs a death
# list typed as a path (source picked with 2), sees the finding, opens its
# detail with the months paid after death and the amount to recover, is
# refused a dismissal without a reason (the core's message), acts on it
# (the death recorded, the case ended), filters the list by state, runs a
# 残联 workbook naming its sheet, and sees the open findings on the to-do list.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 60 --months 3 --seed 5 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
dead=$(q "SELECT p.id_number FROM person p WHERE p.deceased_on = '' AND EXISTS (SELECT 1 FROM roll_line l WHERE l.person_id = p.id AND l.for_month = '2026-10') AND NOT EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE m.person_id = p.id AND c.state IN ('在保','渐退') AND (SELECT count(*) FROM case_member o WHERE o.case_id = c.id) > 1) ORDER BY p.id LIMIT 1")
[ -n "$dead" ] || { bad "no paid person in the demo"; finish; }
owe=$(q "SELECT printf('%d.%02d', sum(amount_fen) / 100, sum(amount_fen) % 100) FROM roll_line WHERE person_id = (SELECT id FROM person WHERE id_number = '$dead') AND for_month > '2026-09'")
printf '身份证号,姓名,死亡日期\r\n%s,某某,2026-09-15\r\n' "$dead" | iconv -f UTF-8 -t GBK >"$T/d.csv"
dis=$(q "SELECT p.id_number FROM person p JOIN case_member m ON m.person_id = p.id JOIN case_file c ON c.id = m.case_id WHERE c.state = '在保' AND c.programme = '低保' AND p.disability_grade = 0 AND p.deceased_on = '' ORDER BY p.id LIMIT 1")
/usr/bin/python3 - "$T/dis.xlsx" "$dis" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook(); wb.active.title = "说明"; ws = wb.create_sheet("残疾人")
ws.append(["身份证号", "姓名", "残疾类别", "残疾等级"]); ws.append([sys.argv[2], "某", "视力", "一级"])
wb.save(sys.argv[1])
PY
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }

tm_start "$(desk 2026-11-27T09:00:00)"
expect_screen "登录名" "sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
tm_keys F9
expect_screen "导入与比对" "the menu lists 导入与比对"
tm_keys 8
expect_screen "2. 数据比对" "导入与比对 offers 数据比对"
tm_keys 2
expect_screen "没有比对发现" "the empty list of findings"
expect_screen "n比对" "the key bar names the comparison key"
tm_keys n
expect_screen "比对文件" "n asks the file"
tm_text "$T/d.csv"; tm_keys Enter
expect_screen "名单来源：1 建档立卡" "then the source"
tm_keys 2
expect_screen "比对完成：1 行，本乡镇有登记 1 人，新增 1 条" "the comparison ran"
expect_screen "死亡仍发放" "the finding is listed"
expect_screen "$dead" "with the ID"
tm_keys Enter
expect_screen "应追回 $owe 元" "the detail shows the amount to recover"
expect_screen "死亡后发放 2 个月" "and the months"
tm_keys x
expect_screen "排除原因" "x asks the reason"
tm_keys Enter
expect_screen "必须写明原因" "no reason: the core's message"
[ "$(q "SELECT state FROM finding")" = 待核实 ] && ok "still 待核实" || bad "dismissed without reason"
tm_keys a
expect_screen "按此发现处理" "a asks before acting"
tm_keys y
expect_screen "已处理：已登记死亡" "acted: the death is recorded"
[ "$(q "SELECT deceased_on FROM person WHERE id_number = '$dead'")" = 2026-09-15 ] && ok "deceased_on stored" || bad "no death recorded"
tm_keys Escape
sleep 0.4
expect_gone "死亡仍发放" "the list of open findings is empty again"
tm_keys s s s
expect_screen "状态：已处理" "s cycles the state filter"
expect_screen "死亡仍发放" "the acted finding under 已处理"
tm_keys n; tm_text "$T/dis.xlsx"; tm_keys Enter
expect_screen "工作表名称" "a workbook: the sheet is asked"
tm_text 残疾人; tm_keys Enter; tm_keys 3
expect_screen "比对完成：1 行，本乡镇有登记 1 人，新增 2 条" "the 残联 sheet is compared"
expect_screen "未分类施保" "its findings are listed"
tm_keys Escape
expect_screen "待办" "Esc goes back home"
expect_screen "数据比对发现 2 条未办结" "the to-do list counts the open findings"
finish
