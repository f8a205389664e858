#!/bin/sh
# test_desk_report.sh — 报表 at the desk, in tmux at 80x24: jingban opens it
# from the menu on 2026-11-27 and sees October's 低保 table with the
# cross-checks passed; Tab, digits and arrows move between tables and
# columns, ] and [ between months; t edits the text part (stored), x exports
# the workbook (read back), s marks the month 已报送 (stored with its
# figures) and the home countdown then shows November, due next month.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 60 --months 3 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }

tm_start "$(desk 2026-11-27T09:00:00)"
expect_screen "登录名" "sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
expect_screen "本月15日报送截止已过 12 天（2026-10 月报）" "home counts October's report as late"
tm_keys F9
expect_gone "每月15日前报送的月报（尚未完成）" "报表 is no longer「尚未完成」"
tm_keys 7
expect_screen "2026-10 月报  1/8 低保" "7 opens October's 低保 table"
expect_screen "核对全部通过" "the cross-checks passed"
expect_screen "保障户数" "the columns are named"
expect_screen "合计" "with the total row"
expect_screen "F5/x导出" "the key bar names the export"
tm_keys Tab
expect_screen "2/8 特困供养" "Tab: the next table"
expect_screen "集中供养" "its rows"
tm_keys 4
expect_screen "4/8 备用金" "4: the fourth table"
tm_keys Right
expect_screen "第 2 栏起" "Right scrolls the columns"
tm_keys ']'
expect_screen "2026-11 月报" "] the next month"
tm_keys '['
expect_screen "2026-10 月报" "[ back"

tm_keys t
expect_screen "工作进展情况：" "t asks the progress"
tm_text "完成复核 30 户"; tm_keys Enter
expect_screen "存在问题及困难：" "then the problems"
tm_keys Enter
expect_screen "请求帮助解决：" "then the help asked"
tm_text "请求培训"; tm_keys Enter
expect_screen "2026-10 月报文字部分已保存" "the text is saved"
[ "$(q "SELECT progress || '|' || help FROM report_month WHERE month = '2026-10'")" = "完成复核 30 户|请求培训" ] && ok "stored" || bad "text not stored"
tm_keys 7
expect_screen "请求培训" "the 工作情况 table shows it"

tm_keys x
expect_screen "导出月报到文件：" "x asks where"
tm_keys Enter
expect_screen "已导出" "the workbook is exported"
/usr/bin/python3 -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[0] == '低保', wb.sheetnames
" "$T/月报_2026-10.xlsx" && ok "the workbook opens with openpyxl" || bad "workbook"

tm_keys s
expect_screen "已报送" "s asks to confirm"
tm_keys y
expect_screen "2026-10 月报已报送" "marked 已报送"
[ "$(q "SELECT submitted_on || submitted_by FROM report_month WHERE month = '2026-10'")" = "2026-11-27jingban" ] && ok "submission stored" || bad "submission not stored"
[ "$(q "SELECT count(*) > 100 FROM report_figure WHERE month = '2026-10'")" = 1 ] && ok "figures stored" || bad "figures not stored"
sleep 0.4
tm_keys Escape
expect_screen "距下月15日报送截止还有 18 天（2026-11 月报）" "home now counts down to November's report"
finish
