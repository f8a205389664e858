#!/bin/sh
# test_desk.sh — the desk driven as a clerk would, in tmux at 80x24: sign in,
# read the countdown, search by pinyin initials and by ID fragment, open a
# household card, type a bad ID and see the error, fix it, change a phone
# number and save, resize to 60x20 and back, quit. Then the same desk in a
# zh_CN.GBK locale through luit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 150 --seed 5 >/dev/null || { bad "demo"; finish; }
JIUZHU_PASSWORD=demo "$J" --db "$db" household add --village 青龙村 --name 王建国 \
	--id 11010519491231002X --phone 13800001111 --as jingban >/dev/null || bad "household add"
hh=$(sqlite3 "$db" "SELECT number FROM household h JOIN person p ON p.household_id = h.id WHERE p.id_number = '11010519491231002X'")
desk="env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=2026-11-13T09:00:00 $J --db $db"

tm_start "$desk"
expect_screen "登录名" "sign-in screen"
tm_text admin; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "距本月15日报送截止还有 2 天" "home shows the countdown for 2026-11-13"
expect_screen "家庭 151 户" "home shows the counts"
tm_keys /
expect_screen "查找：" "/ opens the search"
tm_text wjg
expect_screen "王建国" "pinyin initials wjg find 王建国"
tm_keys F5
expect_screen "项目：低保" "F5 filters by programme"
expect_gone "王建国" "a household without a 低保 case is filtered out"
tm_keys F5 F5 F5 F5
expect_screen "项目：全部" "F5 cycles back to all programmes"
expect_screen "王建国" "and the person is found again"
tm_keys Enter
expect_screen "户编号 $hh" "Enter opens the household card"
tm_keys Escape
expect_gone "户编号 $hh" "Esc goes back to the search"
tm_keys C-u; tm_text 1231002X
expect_screen "11010519491231002X" "an ID fragment finds the person"
tm_keys Enter
expect_screen "1 成员" "card again"
tm_keys Enter
expect_screen "身份证号：" "Enter on a member opens the member form"
tm_keys Tab C-u; tm_text 110105194912310021; tm_keys Tab
expect_screen "校验位错误" "a bad ID is refused on its line"
tm_keys BTab C-u; tm_text 11010519491231002X
for i in 1 2 3 4 5 6 7 8 9 10; do tm_keys Tab; done
tm_keys C-u; tm_text 13900002222
tm_keys F2
expect_screen "修改原因" "saving asks for the reason"
tm_keys Enter
expect_screen "已保存" "the form saves"
sqlite3 "$db" "SELECT phone FROM person WHERE id_number='11010519491231002X'" > "$T/out"
expect_out 13900002222 "the new phone number is in the database"
ev=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE action='person.update' AND operator='admin' AND new LIKE '%13900002222%' AND reason='核对更正'")
[ "$ev" = 1 ] && ok "the change is an event with who and why" || bad "no event for the change ($ev)"
tm_keys 4
expect_screen "修改成员" "the card's record pane lists the change"
tmx resize-window -t desk -x 60 -y 20
expect_screen "请把终端窗口放大到至少 80x24" "60x20 asks to enlarge"
tmx resize-window -t desk -x 80 -y 24
expect_screen "4 记录" "back at 80x24 the card is drawn again"
tm_keys Escape; tm_keys Escape
expect_screen "待办" "Esc twice returns home"
tm_keys F10
tm_dead && ok "F10 quits" || bad "the desk did not quit"
tm_stop

# the countdown turns into a warning after the 15th
tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color $J --db $db --today 2026-11-20"
expect_screen "登录名" "sign-in with --today"
tm_text shenhe; tm_keys Enter; tm_text wrong; tm_keys Enter
expect_screen "登录名或密码不对" "a wrong password is refused"
tm_text demo; tm_keys Enter
expect_screen "本月15日报送截止已过 5 天" "after the 15th the countdown warns"
tm_keys q
tm_dead && ok "q quits" || bad "q did not quit"
tm_stop

# a zh_CN.GBK terminal: the desk in a GBK locale behind luit
if localedef -i zh_CN -f GBK "$T/zh_CN.GBK" >/dev/null 2>&1 || [ -d "$T/zh_CN.GBK" ]; then
	tm_start "env LOCPATH=$T LC_ALL=zh_CN.GBK TERM=screen-256color JIUZHU_NOW=2026-11-13T09:00:00 luit -encoding GBK -- $J --db $db"
	expect_screen "登录名" "GBK: sign-in screen in Chinese"
	tm_text admin; tm_keys Enter; tm_text demo; tm_keys Enter
	expect_screen "距本月15日报送截止还有 2 天" "GBK: home"
	tm_keys /
	tm_text 王建
	expect_screen "11010519491231002X" "GBK: Chinese typed in a GBK terminal finds 王建国"
	tm_keys F10
	tm_dead && ok "GBK: quits" || bad "GBK: did not quit"
	tm_stop
else
	bad "localedef could not build zh_CN.GBK (package locales)"
fi
finish
