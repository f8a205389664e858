#!/bin/sh
# test_desk_aid.sh — 临时救助 and its reserve fund at the desk, in tmux at
# 80x24: jingban opens 备用金 from the menu, registers a county allocation
# with its document and sees the balance; opens 临时救助 and accepts a 急难
# 先行 application for a person of the township, which is paid at once out
# of the fund; the paperwork note is refused by the core until the case is
# approved (investigation at the desk, review and approval on the command
# line), then recorded; the fund screen shows the payment and the balance;
# jingban may not adjust the fund, and shenpi's overdrawing adjustment is
# refused with the core's message.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
"$J" --db "$db" demo --no-open --households 20 --months 0 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
idn=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id LIMIT 1")
name=$(q "SELECT name FROM person WHERE id_number = '$idn'")
[ -n "$idn" ] || { bad "no person in the demo"; finish; }
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=$1 $J --db $db"; }
signin() {
	expect_screen "登录名" "$1: sign-in"
	tm_text "$1"; tm_keys Enter; tm_text demo; tm_keys Enter
	expect_screen "待办" "$1: home"
}

# ---- jingban: the fund, a 先行 application ----
tm_start "$(desk 2026-11-27T09:00:00)"
signin jingban
tm_keys F9
expect_screen "备用金" "the menu lists 备用金"
expect_gone "临时救助备用金台账（尚未完成）" "备用金 is no longer「尚未完成」"
tm_keys 5
expect_screen "临时救助备用金余额：0.00 元" "5 opens the fund with its balance"
expect_screen "提醒：余额低于 5000.00 元" "the low balance is flagged"
expect_screen "a预拨 r退回 j调整 Esc返回" "the key bar names the fund's keys"
tm_keys a
expect_screen "县级预拨金额（元）" "a asks the amount"
tm_text 10000; tm_keys Enter
expect_screen "预拨文号" "then the document"
tm_keys Enter
expect_screen "县级预拨的文号" "no document: the core's message"
[ "$(q "SELECT count(*) FROM fund_move")" = 0 ] && ok "nothing written" || bad "a line without document"
tm_keys a; tm_text 10000; tm_keys Enter; tm_text "开民发〔2026〕31号"; tm_keys Enter
expect_screen "已登记县级预拨，备用金余额 10000.00 元" "the allocation is registered"
expect_screen "开民发〔2026〕31号" "the ledger shows it with its document"
expect_gone "提醒：余额低于" "no low-balance warning any more"
v=$(q "SELECT kind || '|' || amount_fen || '|' || doc || '|' || created_by FROM fund_move")
[ "$v" = "预拨|1000000|开民发〔2026〕31号|jingban" ] && ok "the line is stored" || bad "stored「$v」"
tm_keys j
tm_keys -l -- -100; tm_keys Enter; tm_text 试试; tm_keys Enter
expect_screen "「备用金调整」要由有「审批」角色的操作员办理" "the core refuses jingban an adjustment"
tm_keys Escape
expect_screen "待办" "Esc goes back home"

tm_keys F9 4
expect_screen "还没有临时救助案件。按 n 受理新的申请" "4 opens the empty list of 临时救助"
tm_keys n
expect_screen "临时救助申请人身份证号" "n asks the ID"
tm_text "$idn"; tm_keys Enter
expect_screen "$name：1 急难型   2 支出型" "the person is found; the kind is asked"
tm_keys 1
expect_screen "原因：1 火灾" "the causes come from the settings"
tm_keys 3
expect_screen "申请金额（元）" "the amount"
tm_text 800; tm_keys Enter
expect_screen "困难情况" "the need"
tm_text 突发重病住院; tm_keys Enter
expect_screen "先行救助" "先行 is asked"
tm_keys y
expect_screen "已先行发放 800.00 元（现金）" "the application is accepted and paid at once"
number=$(q "SELECT number FROM aid_case")
case "$number" in LS2026-*) ok "numbered $number" ;; *) bad "number「$number」" ;; esac
expect_screen "临时救助 $number   急难型（先行救助）" "the case screen opens"
expect_screen "第 1 次 2026-11-27 现金 800.00 元" "it lists the payment"
expect_screen "补充材料：期限" "and the paperwork's due date"
tm_keys b
expect_screen "事后补充说明：" "b asks the note"
tm_text 夜间送医，先行救助; tm_keys Enter
expect_screen "还没补齐" "before approval the core refuses it"
tm_keys s
expect_screen "入户调查：y 通过" "s asks pass or refuse"
tm_keys y
expect_screen "调查情况" "then the findings"
tm_text 属实; tm_keys Enter
expect_screen "「入户调查」已办理：案件 $number 现在是「调查」" "the investigation is taken"
tm_keys Escape
expect_screen "> $number  $name" "Esc goes back to the list, which shows the case"
expect_screen "调查      800.00 先行 2026-12-04" "with its state, amount, 先行 mark and paperwork due"
tm_keys F10
tm_dead && ok "jingban quits" || bad "jingban's desk"
tm_stop

# review and approval by the other roles, on the command line
cli() { env JIUZHU_PASSWORD=demo JIUZHU_NOW=2026-11-28T09:00:00 "$J" --db "$db" "$@"; }
expect_rc 0 "shenhe reviews" cli aid step "$number" --as shenhe
expect_rc 0 "shenpi approves" cli aid step "$number" --as shenpi --note 同意

# ---- jingban: the paperwork, the fund's balance ----
tm_start "$(desk 2026-11-30T09:00:00)"
signin jingban
tm_keys F9 4
expect_screen "$number" "the list shows the case"
tm_keys Enter
expect_screen "临时救助 $number" "Enter opens it"
expect_screen "审批 2026-11-28 shenpi，金额 800.00 元" "the approval is shown"
tm_keys b
tm_text 夜间送医，先行救助; tm_keys Enter
expect_screen "已记录事后补充说明" "the paperwork note is recorded"
expect_screen "补充材料：期限" "the screen shows it"
expect_screen "2026-11-30 已办结" "done today"
[ "$(q "SELECT paperwork_done_on FROM aid_case WHERE number = '$number'")" = 2026-11-30 ] &&
	ok "paperwork stored" || bad "paperwork not stored"
tm_keys Escape Escape
expect_screen "待办" "back home"
tm_keys F9 5
expect_screen "临时救助备用金余额：9200.00 元" "the fund shows the balance after the payment"
expect_screen "$number $name" "the ledger line names the case and person"
expect_screen "9200.00" "with the running balance"
tm_keys F10
tm_dead && ok "jingban quits again" || bad "jingban's second desk"
tm_stop

# ---- shenpi: an adjustment that would overdraw ----
tm_start "$(desk 2026-11-30T10:00:00)"
signin shenpi
tm_keys F9 5
expect_screen "临时救助备用金余额：9200.00 元" "shenpi opens the fund"
tm_keys j
expect_screen "调整金额" "j asks the amount"
tm_keys -l -- -20000; tm_keys Enter; tm_text 错账更正; tm_keys Enter
expect_screen "备用金余额不足：余额 9200.00 元" "the overdraw is refused with the core's message"
[ "$(q "SELECT count(*) FROM fund_move WHERE kind = '调整'")" = 0 ] && ok "no adjustment written" ||
	bad "an adjustment was written"
tm_keys F10
tm_dead && ok "shenpi quits" || bad "shenpi's desk"
tm_stop

# ---- overdue paperwork of a 先行 case is on the home to-do list and opens the case ----
who=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id DESC LIMIT 1")
late=$(JIUZHU_PASSWORD=demo JIUZHU_NOW=2026-11-30T11:00:00 "$J" --db "$db" aid new --person "$who" --kind 急难 \
	--cause 火灾 --amount 500 --advance --as jingban | tail -n 1)
tm_start "$(desk 2026-12-15T09:00:00)"
signin jingban
expect_screen "[补充材料] $late" "overdue paperwork is on the to-do list"
i=0
while [ $i -lt 20 ] && ! tm_screen | grep -q "> \[补充材料\] $late"; do tm_keys Down; sleep 0.05; i=$((i + 1)); done
tm_keys Enter
expect_screen "临时救助 $late" "Enter opens the 临时救助 case"
expect_screen "（已逾期）" "and shows the paperwork overdue"
tm_keys F10
tm_dead && ok "quits" || bad "the last desk"
finish
