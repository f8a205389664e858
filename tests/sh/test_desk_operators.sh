#!/bin/sh
# test_desk_operators.sh — 操作员 at the desk, in tmux at 80x24: admin
# opens it from the menu, adds an operator (password typed twice, shown as
# stars), gives him 审核, records his ID, locks are shown and undone; a
# 经办 may change only his own password, everything else is refused with
# the core's message.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 10 --months 0 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=2026-11-27T09:00:00 $J --db $db"; }
signin() {
	expect_screen "登录名" "$1: sign-in"
	tm_text "$1"; tm_keys Enter; tm_text demo; tm_keys Enter
	expect_screen "待办" "$1: home"
}
tm_start "$(desk)"
signin admin
tm_keys F9
expect_screen "操作员和权限" "the menu lists 操作员"
tm_keys 0
expect_screen "a新增 p改密码 r角色" "the key bar names the keys"
expect_screen "shenpi" "the list shows the operators"
tm_keys a
expect_screen "登录名（小写字母、数字）" "a asks the login"
tm_text zhaoliu; tm_keys Enter
tm_text 赵六; tm_keys Enter
expect_screen "角色（经办,审核,审批,管理员" "then the roles"
tm_keys Enter
tm_text "pw-zhao"
expect_screen "*******" "the password shows as stars"
tm_keys Enter
tm_text "pw-zhao"; tm_keys Enter
expect_screen "已新增操作员" "added"
expect_screen "赵六" "in the list"
[ "$(q "SELECT roles FROM operator WHERE login = 'zhaoliu'")" = "经办" ] && ok "with 经办" || bad "roles"
tm_keys Down Down Down Down Down Down
tm_keys r
expect_screen "角色（经办,审核,审批,管理员）" "r asks the roles"
tm_keys C-u; tm_text "经办,审核"; tm_keys Enter
expect_screen "已修改角色" "roles changed"
tm_keys i
tm_text 11010519491231002X; tm_keys Enter
expect_screen "110105********002X" "the ID is shown masked"
tm_keys F10
tm_dead || bad "admin quits"
[ "$(q "SELECT roles || '|' || id_number FROM operator WHERE login = 'zhaoliu'")" = "经办,审核|11010519491231002X" ] &&
	ok "roles and ID stored" || bad "$(q "SELECT roles, id_number FROM operator WHERE login = 'zhaoliu'")"

tm_stop
tm_start "$(desk)"
signin jingban
tm_keys F9; tm_keys 0
expect_screen "李经办" "jingban sees the list"
tm_keys a
tm_text wangqi; tm_keys Enter; tm_text 王七; tm_keys Enter; tm_keys Enter
tm_text pw1234; tm_keys Enter; tm_text pw1234; tm_keys Enter
expect_screen "只有管理员可以新增操作员" "a 经办 cannot add"
tm_keys p
tm_text newpw1; tm_keys Enter; tm_text newpw1; tm_keys Enter
expect_screen "已修改密码" "but changes his own password"
tm_keys F10
tm_dead || bad "jingban quits"
JIUZHU_PASSWORD=newpw1 JIUZHU_NEW_PASSWORD=newpw2 expect_rc 0 "the new password signs in" \
	"$J" --db "$db" operator passwd jingban --as jingban
finish
