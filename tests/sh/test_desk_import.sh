#!/bin/sh
# test_desk_import.sh — 导入花名册 at the desk, in tmux at 80x24: the menu's
# 导入与比对 opens a chooser (导入花名册, 数据比对); the import screen takes
# a typed path; F3 checks a roster with problems and lists them (scrollable)
# writing nothing; v agrees to create the roster's new villages; F3 again
# finds no problem; F2 asks, then imports with a progress bar and shows the
# result; the same file again changes nothing; Esc backs out.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 20 --months 0 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
gen() { /usr/bin/python3 "$SRC_DIR/tests/sh/test_import_gen.py" "$@"; }
v1=$(q "SELECT name FROM village ORDER BY code LIMIT 1")
gen "$T/r.csv" 40 --villages "$v1,新建村" --hh-prefix 77 --id-base 300000
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }

tm_start "$(desk 2026-11-27T09:00:00)"
expect_screen "登录名" "sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
tm_keys F9
expect_gone "导入花名册，与其他部门名单比对（尚未完成）" "导入与比对 is no longer「尚未完成」"
tm_keys 8
expect_screen "1. 导入花名册" "8 opens the chooser"
expect_screen "2. 数据比对" "with 数据比对"
tm_keys 1
expect_screen "写好文件路径，按 F3 试导入" "1 opens the import screen"
expect_screen "F3试导入 F2导入" "the key bar names F3 and F2"
events=$(q "SELECT count(*) FROM event")
tm_text "$T/r.csv"; tm_keys F3
expect_screen "问题 1 处" "F3 lists the problems"
expect_screen "值「新建村」: 救助台里没有这个村" "the unknown village with row, column and value"
expect_screen "40 户，100 人" "the summary"
[ "$(q "SELECT count(*) FROM event")" = "$events" ] && ok "the dry run wrote nothing" || bad "the dry run wrote"
expect_screen "s/F3试导入 i/F2导入 v新建村" "the key bar after a check"
tm_keys v
expect_screen "新建花名册里救助台没有的村" "v asks"
tm_keys y
expect_screen "将新建花名册里的新村" "v agreed"
tm_keys s
expect_screen "试导入没有发现问题" "s checks again: no problem"
expect_screen "将新增 40 户、100 人" "what would be added"
tm_keys F2
expect_screen "确定导入" "F2 asks first"
tm_keys n
expect_screen "将新增 40 户、100 人" "n: nothing done"
[ "$(q "SELECT count(*) FROM import_run")" = 0 ] && ok "no import yet" || bad "imported on n"
tm_keys i; tm_keys y
expect_screen "导入完成" "i, y: imported"
expect_screen "已导入：新增 40 户 100 人" "the result summary"
[ "$(q "SELECT count(*) FROM household WHERE number LIKE '77%'")" = 40 ] && ok "40 households written" || bad "households"
[ "$(q "SELECT count(*) FROM village WHERE name = '新建村'")" = 1 ] && ok "the village created" || bad "village"
tm_keys F2; tm_keys y
expect_screen "没有变化" "the same file again changes nothing"
tm_keys e
tm_keys BSpace BSpace BSpace; tm_text "txt"; tm_keys Enter
expect_screen "无法打开 $T/r.txt" "a missing file is reported"
tm_keys Escape
sleep 0.4
expect_screen "待办" "Esc goes back home"
tm_keys F10
tm_dead
finish
