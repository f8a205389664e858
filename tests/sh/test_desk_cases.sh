#!/bin/sh
# test_desk_cases.sh — cases at the desk, in tmux at 80x24, by three
# operators in turn: jingban opens a household's card, starts a 低保
# application on its 2 案件 pane, enters an income (a wrong member refused
# on its line) and an expense, takes the 入户调查 step, and is refused the
# 乡镇审核 step by the core; shenhe finds the case under 待我办理 and takes
# 乡镇审核; the list's filters count as the database does; after 公示
# (command line) shenpi approves on the county's form; jingban marks the
# provincial system done, reviews and exits the case.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 40 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
# a household of two or more living members and no case yet
hh=$(q "SELECT h.number FROM household h WHERE h.closed_on IS NULL
	AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.household_id = h.id)
	AND (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deceased_on = '') >= 2
	ORDER BY h.number LIMIT 1")
[ -n "$hh" ] || { bad "no household without a case in the demo"; finish; }
head_id=$(q "SELECT p.id_number FROM person p JOIN household h ON h.id = p.household_id
	WHERE h.number = '$hh' AND p.relation = '户主'")
head_name=$(q "SELECT name FROM person WHERE id_number = '$head_id'")
other=$(q "SELECT p.name FROM person p JOIN household h ON h.id = p.household_id
	WHERE h.number = '$hh' AND p.relation <> '户主' AND p.deceased_on = '' ORDER BY p.id LIMIT 1")
# counts of the list's filters, as the database has them
count() { q "SELECT count(*) FROM case_file WHERE $1"; }
# the position of our case among the cases of a filter (the list is in number order)
rank() { q "SELECT count(*) FROM case_file WHERE ($1) AND number < '$number'"; }
down() { i=0; while [ "$i" -lt "$1" ]; do tm_keys Down; i=$((i + 1)); done; }
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }
signin() {
	expect_screen "登录名" "$1: sign-in"
	tm_text "$1"; tm_keys Enter; tm_text demo; tm_keys Enter
	expect_screen "待办" "$1: home"
}

# ---- jingban: a new application from the household card ----
tm_start "$(desk 2026-11-27T09:00:00)"
signin jingban
tm_keys F3; tm_text "$head_id"
expect_screen "$head_name" "the search finds the head by his ID"
tm_keys Enter
expect_screen "1 成员" "Enter opens the card"
tm_keys 2
expect_screen "本户没有救助案件。按 n 受理新的申请" "pane 2 says there is no case and how to start one"
tm_keys n
expect_screen "受理新申请，救助项目：1 低保" "n asks for the programme"
tm_keys 1
expect_screen "保障方式：1 整户保障  2 单人保" "then for the mode"
tm_keys 1
expect_screen "已受理低保申请（整户保障）" "the application is accepted"
number=$(q "SELECT c.number FROM case_file c JOIN household h ON h.id = c.household_id WHERE h.number = '$hh'")
case "$number" in DB2026-*) ok "the case is numbered $number" ;; *) bad "case number「$number」" ;; esac
ours="entity = 'case' AND entity_id = (SELECT id FROM case_file WHERE number = '$number')"
expect_screen "案件 $number   低保（整户保障）   状态：受理" "the case screen opens on the new case"
expect_screen "下一步：入户调查，由「经办」办理" "it waits for 入户调查 by 经办"
expect_screen "核算月份 2026-11" "the means test's working is shown"
[ "$(q "SELECT accepted_by FROM case_file WHERE number = '$number'")" = jingban ] &&
	ok "accepted by jingban" || bad "accepted_by"

# an income: a member not of the household is refused on the form
tm_keys i
expect_screen "录入收入" "i opens the income form"
expect_screen "家庭成员： $head_name" "the selected member is filled in"
tm_keys C-u; tm_text 不存在的人; tm_keys Tab; tm_text 工资; tm_keys Tab; tm_text 500; tm_keys F2
expect_screen "不是本户成员" "a name not of the household is refused"
tm_keys BTab BTab C-u; tm_text "$other"; tm_keys F2
expect_screen "工资 500.00" "the income is listed against the member"
v=$(q "SELECT i.kind || '|' || i.monthly_fen FROM case_income i JOIN case_file c ON c.id = i.case_id
	JOIN person p ON p.id = i.person_id WHERE c.number = '$number' AND p.name = '$other'")
[ "$v" = "工资|50000" ] && ok "the income is stored in fen" || bad "income stored as「$v」"
expect_screen "计入收入合计 500.00 元" "the working counts it"
tm_keys x
expect_screen "刚性支出：1 医疗" "x asks the expense's kind"
tm_keys 1
expect_screen "每月医疗支出（元）" "then its amount"
tm_text 80元; tm_keys Enter
expect_screen "不要带「元」等单位" "an amount with its unit is refused"
tm_keys x 1 C-u; tm_text 80; tm_keys Enter
expect_screen "已记录刚性支出：医疗 80.00 元/月" "the expense is recorded"

# the investigation, then a step of another role
tm_keys s
expect_screen "入户调查：y 通过   n 不通过" "s asks pass or refuse"
tm_keys y
expect_screen "调查人" "the investigators are asked, the operator offered"
tm_keys Enter
expect_screen "调查情况" "then the findings"
tm_text 家中两人，无车无房; tm_keys Enter
expect_screen "「入户调查」已办理：案件 $number 现在是「调查」" "the investigation is taken"
v=$(q "SELECT state || '|' || investigators || '|' || findings FROM case_file WHERE number = '$number'")
[ "$v" = "调查|李经办|家中两人，无车无房" ] && ok "state, investigators and findings stored" || bad "stored「$v」"
expect_screen "下一步：乡镇审核，由「审核」办理（您没有这个角色）" "the screen says whose step is next"
tm_keys s y; tm_keys Enter
expect_screen "「乡镇审核」要由有「审核」角色的操作员办理，李经办（jingban）没有这个角色" \
	"the core refuses jingban the 审核 step"
[ "$(q "SELECT state FROM case_file WHERE number = '$number'")" = 调查 ] && ok "the refused step changed nothing" ||
	bad "state changed"
tm_keys Escape
expect_screen "$number  低保（整户保障）      调查" "Esc goes back to pane 2, which lists the case"
tm_keys Enter
expect_screen "案件 $number" "Enter on pane 2 opens the case"
tm_keys F10
tm_dead && ok "jingban quits" || bad "jingban's desk"
tm_stop

# ---- shenhe: 待我办理, 乡镇审核, the filters ----
mine="state IN ('调查', '评议')" # 乡镇审核 waits for 审核 (no 民主评议 in the demo)
tm_start "$(desk 2026-11-27T10:00:00)"
signin shenhe
expect_screen "$number 低保申请等待「乡镇审核」" "the to-do list names the case"
i=0
while [ "$i" -lt 40 ] && ! tm_screen | grep -qF "> [待办] $number"; do tm_keys Down; sleep 0.05; i=$((i + 1)); done
tm_keys Enter
expect_screen "案件 $number" "Enter on the to-do item opens the case"
tm_keys Escape
expect_screen "待办" "Esc goes back home"
tm_keys F9
expect_screen "审核审批" "the menu"
tm_keys 3
n=$(count "$mine")
expect_screen "共 $n 件" "审核审批 lists the $n case(s) waiting for 审核"
down "$(rank "$mine")"
tm_keys Enter
expect_screen "下一步：乡镇审核，由「审核」办理" "Enter opens the case"
tm_keys s
expect_screen "乡镇审核：y 通过" "s asks"
tm_keys y
expect_screen "意见（可不填）" "and the opinion"
tm_text 同意; tm_keys Enter
expect_screen "「乡镇审核」已办理：案件 $number 现在是「审核」" "shenhe takes 乡镇审核"
[ "$(q "SELECT count(*) FROM event WHERE $ours AND action = 'case.step' AND operator = 'shenhe' AND reason = '乡镇审核通过：同意'")" = 1 ] &&
	ok "the step is an event with who and why" || bad "no event for the step"
tm_keys Escape
n=$(count "$mine")
if [ "$n" = 0 ]; then expect_screen "没有待我办理的案件" "back on the list, nothing waits for shenhe"
else expect_screen "共 $n 件" "back on the list, $n case(s) wait for shenhe"; fi
tm_keys 1
expect_screen "共 $(count "state IN ('受理', '调查', '评议', '审核', '公示')") 件" "1 受理中 counts the open cases"
expect_screen "$number" "and lists ours"
tm_keys 3
expect_screen "共 $(count "state IN ('在保', '渐退')") 件" "3 在保 counts the cases in force"
tm_keys 4
expect_screen "共 $(count "1") 件" "4 全部 counts every case"
tm_keys Tab
expect_screen "共 $(count "state IN ('受理', '调查', '评议', '审核', '公示')") 件" "Tab wraps to 受理中"
tm_keys q
tm_dead && ok "shenhe quits" || bad "shenhe's desk"
tm_stop

# ---- 公示 on the command line, then shenpi approves on the county's form ----
expect_rc 0 "jingban starts 公示 on the command line" \
	env JIUZHU_PASSWORD=demo JIUZHU_NOW=2026-11-28T09:00:00 "$J" --db "$db" case step "$number" --as jingban
notice="state = '公示'"
tm_start "$(desk 2026-12-05T09:00:00)"
signin shenpi
tm_keys F9 3
expect_screen "共 $(count "$notice") 件" "审批 waits for shenpi"
down "$(rank "$notice")"
tm_keys Enter
expect_screen "下一步：审批，由「审批」办理" "the case waits for 审批"
tm_keys s y
expect_screen "县审批文号" "the county approves: its form asks for the document"
tm_text "开民发〔2026〕88号"; tm_keys F2
expect_screen "状态：在保" "the case is approved"
v=$(q "SELECT state || '|' || approved_by || '|' || county_doc || '|' || county_date || '|' || start_month FROM case_file WHERE number = '$number'")
[ "$v" = "在保|shenpi|开民发〔2026〕88号|2026-12-05|2027-01" ] && ok "approval stored with the county's document" ||
	bad "approval stored as「$v」"
expect_screen "2027-01 起每月" "the first month's amount is shown"
expect_screen "省系统未录入" "the change is flagged for the provincial system"
tm_keys F10
tm_dead && ok "shenpi quits" || bad "shenpi's desk"
tm_stop

# ---- jingban: provincial system, review, exit ----
tm_start "$(desk 2026-12-06T09:00:00)"
signin jingban
tm_keys F9 2 3
down "$(rank "state IN ('在保', '渐退')")"
tm_keys Enter
expect_screen "案件 $number" "在保 lists the approved case"
tm_keys p
expect_screen "已经录入省救助信息系统了吗" "p asks"
tm_keys y
expect_screen "已记录录入省系统" "the provincial entry is recorded"
[ "$(q "SELECT province_pending || province_by FROM case_file WHERE number = '$number'")" = 0jingban ] &&
	ok "province_pending cleared" || bad "province flag"
tm_keys v
expect_screen "复核结果" "v opens the review form"
tm_text 继续; tm_keys Tab Tab Tab; tm_text 家庭情况无变化; tm_keys F2
expect_screen "已保存" "the review is saved"
[ "$(q "SELECT count(*) FROM event WHERE $ours AND action = 'case.review' AND operator = 'jingban' AND reason = '复核：继续'")" = 1 ] &&
	ok "the review is an event" || bad "no review event"
tm_keys o
expect_screen "退出原因：1 收入超标" "o asks the exit's reason"
tm_keys 6
expect_screen "生效日期" "then its date"
tm_keys Enter
expect_screen "说明（可不填）" "then a note"
tm_keys Enter
expect_screen "已退出：案件 $number 现在是「退出」" "the case is exited"
[ "$(q "SELECT exit_reason || '|' || exit_on FROM case_file WHERE number = '$number'")" = "自愿退出|2026-12-06" ] &&
	ok "exit stored" || bad "exit stored"
tm_keys h 2
expect_screen "$number  低保（整户保障）      退出" "h opens the card; its pane 2 shows the case ended"
tm_keys F10
tm_dead && ok "jingban quits again" || bad "jingban's second desk"
finish
