# desk.sh — driving the desk to a form for the proof tests (sourced after
# tests/sh/tmux.sh and lib.sh). The demo household 王建国 is added by
# `desk_household DB`; `desk_member_form DB` starts the desk on DB, signs in
# as jingban and opens that member's form; `desk_type_phone PHONE` puts
# PHONE in its phone field (10 Tabs down).
WJG=11010519491231002X
desk_household() {
	JIUZHU_PASSWORD=demo "$J" --db "$1" household add --village "$(sqlite3 "$1" "SELECT name FROM village ORDER BY code LIMIT 1")" \
		--name 王建国 --id "$WJG" --phone 13800001111 --as jingban >/dev/null || bad "the desk's household"
}
desk_member_form() {
	tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color $J --db $1" || return 1
	tm_wait "登录名" 10 || { bad "the desk did not start"; tm_screen | sed 's/^/    |/'; return 1; }
	tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
	tm_wait "待办" 10 || { bad "no home screen"; tm_screen | sed 's/^/    |/'; return 1; }
	tm_keys /; tm_wait "查找：" 5; tm_text wjg
	tm_wait "王建国" 5; tm_keys Enter
	tm_wait "1 成员" 5; tm_keys Enter
	tm_wait "身份证号：" 5 || { bad "no member form"; tm_screen | sed 's/^/    |/'; return 1; }
}
desk_type_phone() {
	for _i in 1 2 3 4 5 6 7 8 9 10 11; do tm_keys Tab; done
	tm_keys C-u; tm_text "$1"
	tm_wait "$1" 5
}
desk_phone() { sqlite3 "$1" "SELECT phone FROM person WHERE id_number = '$WJG'"; }
