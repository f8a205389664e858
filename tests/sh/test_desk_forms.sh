#!/bin/sh
# test_desk_forms.sh — the desk's first run on a new file, the settings
# screen (a new standard from a date), the household card's member actions
# with the core's invariants, Esc on a changed form, Esc+digit as an F-key,
# the menu's parts not built yet, and a monochrome terminal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

# first run: a missing database asks for the township, then the password
db="$T/new.db"
tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=2026-11-27T09:00:00 $J --db $db"
expect_screen "这是一个新的数据文件" "a new file starts the first run"
tm_keys Enter
expect_screen "乡镇名称" "the township form"
tm_text 北门镇; tm_keys Tab; tm_text 云阳县; tm_keys Tab; tm_text 5002; tm_keys Tab
expect_screen "110000" "a bad area code is refused on its line"
tm_keys BTab C-u; tm_text 500235; tm_keys F2
expect_screen "管理员 admin 的密码" "saving asks for the admin password"
tm_text s3cret; tm_keys Enter
expect_screen "再输入一次密码" "and again"
tm_text s3cret; tm_keys Enter
expect_screen "已建立乡镇「北门镇」" "the township is made"
tm_text admin; tm_keys Enter; tm_text s3cret; tm_keys Enter
expect_screen "北门镇（云阳县）" "signed in to the new township"
# Esc then 9 is F9: the menu
tm_keys Escape; tm_keys 9
expect_screen "导入与比对" "Esc 9 opens the menu"
expect_gone "尚未完成" "every part of the menu is built"
tm_keys 9
expect_screen "3 保障标准" "9 opens the settings"
tm_keys 2 a
expect_screen "新增村（社区）" "the village form"
tm_text 石门村; tm_keys Tab; tm_text 村; tm_keys Tab; tm_text 6; tm_keys F2
expect_screen "石门村" "a village is added"
tm_keys 3 a
expect_screen "新增保障标准" "the standard form"
tm_text 低保; tm_keys Tab Tab
tm_text 2027-01-01; tm_keys Tab; tm_text 1,050.50; tm_keys F2
expect_screen "修改原因" "a standard asks for the reason"
tm_keys Enter
expect_screen "1050.50" "the new standard is listed with its date"
v=$(sqlite3 "$db" "SELECT value || '|' || area || '|' || from_date FROM setting WHERE key = 'dibao.standard_fen'")
[ "$v" = "105050|农村|2027-01-01" ] && ok "the standard is stored in fen from its date" || bad "standard stored as「$v」"
tm_keys 4
expect_screen "argon2id 内存" "pane 4 lists the other settings with their notes"
i=0
while [ $i -lt 30 ] && ! tm_screen | grep -q "^ *> argon2id 内存"; do tm_keys Down; sleep 0.05; i=$((i + 1)); done
tm_keys e
expect_screen "auth.pwhash_mem_kib 的新值" "e asks the new value"
tm_keys C-u; tm_text 32768; tm_keys Enter
expect_screen "从哪天起执行" "and the date it takes effect"
tm_keys Enter
expect_screen "已设置" "the setting is changed"
v=$(sqlite3 "$db" "SELECT value FROM setting WHERE key = 'auth.pwhash_mem_kib' AND from_date = '2026-11-27'")
[ "$v" = 32768 ] && ok "the new value is a new row from today; the old one stays" || bad "setting stored as「$v」"
tm_keys F10
tm_dead && ok "quit" || bad "quit"
tm_stop

# card actions on the demo: add a member whose ID is in another household
db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 40 --seed 2 >/dev/null
JIUZHU_PASSWORD=demo "$J" --db "$db" household add --village 南门社区 --name 曾小红 \
	--id 11010219840406970X --as jingban >/dev/null || bad "household add"
other=$(sqlite3 "$db" "SELECT id_number FROM person WHERE relation <> '户主' LIMIT 1")
otherhh=$(sqlite3 "$db" "SELECT h.number FROM household h JOIN person p ON p.household_id = h.id WHERE p.id_number = '$other'")
tm_start "env LC_ALL=C.UTF-8 NO_COLOR=1 TERM=screen JIUZHU_NOW=2026-11-27T09:00:00 $J --db $db"
expect_screen "登录名" "monochrome sign-in"
tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "待办" "home"
tm_keys F3; tm_text cxh
expect_screen "曾小红" "曾 answers to c"
tm_keys C-u; tm_text zxh
expect_screen "曾小红" "曾 answers to z"
tm_keys Enter
expect_screen "1 成员" "the card"
tm_keys a
expect_screen "添加成员" "a opens the new-member form"
tm_text 王小明; tm_keys Tab; tm_text "$other"; tm_keys F2
expect_screen "修改原因" "reason asked"
tm_keys Enter
expect_screen "已是户编号 $otherhh 的成员" "an ID of another household is refused, naming it"
tm_keys Escape
expect_screen "有未保存的修改" "Esc on a changed form asks"
tm_keys c
expect_gone "有未保存的修改" "c goes back to editing"
tm_keys C-u; tm_text 34052419800101001X; tm_keys F2
expect_screen "修改原因" "reason asked again"
tm_keys Enter
expect_screen "王小明" "the member is added"
tm_keys h
expect_screen "已经是户主" "h on the head says to choose another member"
tm_keys Down h
expect_screen "原户主改为什么关系" "h asks the old head's new relation"
tm_keys C-u; tm_text 母亲; tm_keys Enter
expect_screen "变更户主原因" "and the reason"
tm_text 户主外出; tm_keys Enter
expect_screen "已变更户主" "the head is changed"
heads=$(sqlite3 "$db" "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE p.relation = '户主' AND h.number = (SELECT h2.number FROM household h2 JOIN person p2 ON p2.household_id = h2.id WHERE p2.id_number = '34052419800101001X')")
[ "$heads" = 1 ] && ok "still exactly one head" || bad "$heads heads"
tm_keys r
expect_screen "移出本户，原因" "r asks why"
tm_keys Escape
expect_gone "移出本户，原因" "Esc cancels the question"
sleep 0.4 # Esc followed at once by a digit would be an F-key
tm_keys 4
expect_screen "变更户主" "the record pane shows the head change"
tm_keys Escape
expect_gone "1 成员" "Esc leaves the card"
tm_keys Escape
expect_gone "查找：" "Esc leaves the search"
tm_keys q
tm_dead && ok "q quits" || bad "q did not quit"
finish
