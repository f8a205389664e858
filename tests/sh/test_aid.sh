#!/bin/sh
# test_aid.sh — 临时救助 on the command line, end to end on a demo township
# with money in the reserve fund: the holiday calendar (`holiday add/list`);
# a 支出型 case from 受理 to 已救助 with one operator per role and the
# acceptor (admin, who holds every role) unable to approve; a 急难型 先行救助
# for a person not of the township, paid at once out of the fund, its
# paperwork due 5 working days later across a 班 Saturday and two 休 days,
# overdue in `aid list --due` once --today moves past it, then completed;
# the township limit (no payment before the county's document), 一事一议
# above the usual maximum, staged payments, 跟进救助, 个案会商, 转介,
# conversion to 低保 (refused for the non-local person), `aid figures`, the
# receipt as text and as a workbook read back with openpyxl, money typed in
# yuan ("1,500.00" yes; "1500元", negative, 3 decimals no), and exit codes.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
last() { tail -n 1 "$T/out"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_no() {
	if grep -qF -- "$1" "$T/out"; then bad "$2: unexpected「$1」in:"; sed 's/^/    /' "$T/out"; else ok "$2"; fi
}
aid() { "$J" --db "$db" aid "$@"; }
is_number() {
	case "$1" in
	LS2026-[0-9][0-9][0-9][0-9]) ok "$2 ($1)" ;;
	*) bad "$2: last line「$1」" ;;
	esac
}

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 20 --months 0
expect_rc 0 "fund allocate 50000" "$J" --db "$db" fund allocate 50000 --doc 县民发〔2026〕1号 --date 2026-01-05 --as admin
bal() { q "SELECT coalesce(sum(amount_fen), 0) FROM fund_move"; }
expect_eq "$(bal)" "5000000" "the fund holds 50,000.00"

# A person of the township whose household has no open case (it is converted to 低保 below).
idl=$(q "SELECT p.id_number FROM person p JOIN household h ON h.id = p.household_id WHERE h.closed_on IS NULL
	AND p.deceased_on = '' AND NOT EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id
	JOIN person o ON o.id = m.person_id WHERE o.household_id = p.household_id AND c.state NOT IN ('退出', '不予'))
	ORDER BY p.id LIMIT 1")
idl2=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id LIMIT 1 OFFSET 5")
ID_OUT=110101199003070011 # 王志强, from 河南省周口市, not of the township

# ---- the holiday calendar ----
expect_rc 0 "holiday add 班 on a Saturday" "$J" --db "$db" holiday add 2026-09-26 班 --note 国庆调休 --as jingban
expect_rc 0 "holiday add 休" "$J" --db "$db" holiday add 2026-10-01 休 --note 国庆 --as jingban
expect_rc 0 "holiday add 休 again" "$J" --db "$db" holiday add 2026-10-02 休 --note 国庆 --as jingban
expect_rc 1 "休 on a Sunday refused" "$J" --db "$db" holiday add 2026-09-27 休 --as jingban
expect_out "本来就休息" "the reason is given"
expect_rc 1 "an unknown kind refused" "$J" --db "$db" holiday add 2026-09-29 假 --as jingban
expect_rc 1 "holiday add without --as" "$J" --db "$db" holiday add 2026-09-29 休
expect_out "--as" "--as is asked for"
expect_rc 0 "holiday list" "$J" --db "$db" holiday list --year 2026
expect_out "2026-09-26 星期六 班 国庆调休" "the 班 Saturday is listed"
expect_out "2026-10-01 星期四 休 国庆" "the 休 day is listed"
expect_out "共 3 天" "three days"

# ---- money typed in yuan ----
new_zc() { aid new --person "$idl" --kind 支出 --cause 重病 --amount "$1" --as jingban; }
expect_rc 0 "amount 1,500.00" new_zc "1,500.00"
expect_eq "$(q "SELECT asked_fen FROM aid_case WHERE number = '$(last)'")" "150000" "1,500.00 is 150000 fen"
expect_rc 0 "amount 1500.5" new_zc 1500.5
expect_eq "$(q "SELECT asked_fen FROM aid_case WHERE number = '$(last)'")" "150050" "1500.5 is 150050 fen"
n=$(q "SELECT count(*) FROM aid_case")
expect_rc 1 "amount 1500元 refused" new_zc 1500元
expect_out "--amount" "the option is named"
expect_rc 1 "a negative amount refused" new_zc -200
expect_rc 1 "three decimals refused" new_zc 1500.123
expect_rc 1 "bad grouping refused" new_zc 1,50
expect_rc 1 "zero refused" new_zc 0
expect_eq "$(q "SELECT count(*) FROM aid_case")" "$n" "no case from refused input"
expect_rc 1 "an unknown cause" aid new --person "$idl" --kind 支出 --cause 彩票 --amount 100 --as jingban
expect_out "火灾" "the causes are listed"
expect_rc 1 "先行 for a 支出 case" aid new --person "$idl" --kind 支出 --cause 重病 --amount 100 --advance --as jingban
expect_out "先行救助只用于急难型" "the rule is named"

# ---- 支出型: the workflow, one role per step ----
expect_rc 0 "aid new 支出" aid new --person "$idl" --kind 支出 --cause 就学 --amount 800 --need 子女上学学费 \
	--persons 2 --as jingban
c1=$(last)
is_number "$c1" "aid new prints the number alone on its last line"
expect_out "下一步：入户调查" "the next step is said"
expect_rc 1 "入户调查 by shenhe" aid step "$c1" --as shenhe
expect_out "「入户调查」要由有「经办」角色" "the role is named"
expect_rc 0 "入户调查 by jingban" aid step "$c1" --note 学费通知书属实 --as jingban
expect_out "「调查」" "now 调查"
expect_rc 0 "乡镇审核 by shenhe" aid step "$c1" --as shenhe
expect_rc 1 "pay before approval" aid pay "$c1" 800 --as jingban
expect_out "还没有审批" "refused"
expect_rc 0 "审批 by shenpi with an amount" aid step "$c1" --amount 600 --as shenpi
expect_out "「已审批」，审批金额 600.00 元" "approved"
expect_rc 1 "pay more than approved" aid pay "$c1" 600.01 --as jingban
expect_out "最多还能发 600.00 元" "the rest is said"
expect_rc 1 "pay a negative amount" aid pay "$c1" -5 --as jingban
expect_out "负数" "negative named"
expect_rc 1 "pay 1500元" aid pay "$c1" 100元 --as jingban
before=$(bal)
expect_rc 0 "pay 200 by bank" aid pay "$c1" 200 --method 银行 --as jingban
expect_rc 0 "pay the rest in cash" aid pay "$c1" --as jingban
expect_out "已发放合计 600.00 元，现在是「已救助」" "paid in full"
expect_eq "$(bal)" "$((before - 60000))" "the fund paid 600.00"
expect_eq "$(q "SELECT count(*) FROM aid_payment p JOIN fund_move m ON m.id = p.fund_move_id JOIN aid_case a ON a.id = p.aid_case_id WHERE a.number = '$c1' AND m.amount_fen = -p.amount_fen")" \
	"2" "each payment is a line of the fund's ledger"

# The acceptor never approves, not even admin.
expect_rc 0 "admin accepts" aid new --person "$idl2" --kind 支出 --cause 其他 --amount 300 --as admin
c2=$(last)
expect_rc 0 "admin investigates" aid step "$c2" --as admin
expect_rc 0 "admin reviews" aid step "$c2" --as admin
ev=$(q "SELECT count(*) FROM event")
expect_rc 1 "admin approving what he accepted" aid step "$c2" --as admin
expect_out "受理人不能审批" "the rule is named"
expect_eq "$(q "SELECT count(*) FROM event")" "$ev" "no event for a refused approval"
expect_rc 0 "shenpi refuses it with a reason" aid step "$c2" --result 不通过 --note 家庭有能力解决 --as shenpi
expect_out "「不予」" "now 不予"

# ---- 先行救助 for a person not of the township ----
expect_rc 1 "an unknown person without a name" aid new --person "$ID_OUT" --kind 急难 --cause 火灾 --amount 1500 --advance --as jingban
expect_out "--name" "name and origin asked for"
before=$(bal)
expect_rc 0 "先行救助 on Friday 2026-09-25" "$J" --db "$db" --today 2026-09-25 aid new --person "$ID_OUT" \
	--name 王志强 --from 河南省周口市 --kind 急难 --cause 火灾 --amount 1500 --persons 3 --need 租住房屋失火 \
	--advance --as jingban
c3=$(last)
is_number "$c3" "the number alone on the last line"
expect_out "已先行发放 1500.00 元（现金）" "paid at once"
expect_out "2026-10-05 前补齐" "Sat 26 (班), Mon 28 .. Wed 30, Mon 5 (Oct 1, 2 休)"
expect_eq "$(bal)" "$((before - 150000))" "out of the fund"
expect_eq "$(q "SELECT non_local || hukou || ' ' || paperwork_due || ' ' || state FROM aid_case WHERE number = '$c3'")" \
	"1河南省周口市 2026-10-05 受理" "non-local, paperwork due, still to be investigated"
expect_eq "$(q "SELECT count(*) FROM person WHERE id_number = '$ID_OUT' AND household_id IS NULL")" "1" \
	"a person outside any household"
expect_rc 0 "aid list --due on the deadline" "$J" --db "$db" --today 2026-10-05 aid list --due
expect_out "[补充材料] $c3 王志强 先行救助的补充材料 2026-10-05 前补齐" "due, not yet late"
expect_rc 0 "aid list --due the day after" "$J" --db "$db" --today 2026-10-06 aid list --due
expect_out "[补充材料] ! $c3 王志强 先行救助的补充材料已过期限 2026-10-05" "overdue, urgent"
expect_rc 1 "paperwork before the approval" "$J" --db "$db" --today 2026-10-06 aid paperwork "$c3" --note 说明 --as jingban
expect_out "还没补齐" "the missing steps are named"
expect_rc 0 "investigated" "$J" --db "$db" --today 2026-10-06 aid step "$c3" --note 房屋烧毁 --as jingban
expect_rc 0 "reviewed" "$J" --db "$db" --today 2026-10-06 aid step "$c3" --as shenhe
expect_rc 0 "approved" "$J" --db "$db" --today 2026-10-06 aid step "$c3" --as shenpi
expect_out "「已救助」" "the advance covers the approval"
expect_rc 0 "paperwork" "$J" --db "$db" --today 2026-10-07 aid paperwork "$c3" --note 当晚失火先行救助 --as jingban
expect_rc 0 "aid list --due after the paperwork" "$J" --db "$db" --today 2026-10-08 aid list --due
expect_no "$c3" "nothing due for it any more"
expect_rc 0 "aid show" aid show "$c3"
expect_out "非本乡镇户籍，户籍地 河南省周口市" "where he is from"
expect_out "补充材料：期限 2026-10-05，2026-10-07 已办结" "the paperwork"
expect_out "第 1 次 2026-09-25 现金 1500.00 元" "the payment"
expect_rc 1 "convert a non-local person" aid convert "$c3" --programme 低保 --as jingban
expect_out "不是本乡镇户籍家庭的成员" "a clear refusal"

# ---- 跟进救助, 个案会商, 转介 ----
expect_rc 0 "followup" aid followup "$c3" --amount 500 --need 康复费用 --as jingban
c4=$(last)
expect_eq "$(q "SELECT f.number || ' ' || a.kind FROM aid_case a JOIN aid_case f ON f.id = a.followup_of WHERE a.number = '$c4'")" \
	"$c3 支出" "linked to the first case"
expect_rc 0 "meeting" aid meeting "$c3" --date 2026-11-20 --note 民政医保会商 --as jingban
expect_eq "$(q "SELECT meeting_date || meeting_note FROM aid_case WHERE number = '$c3'")" "2026-11-20民政医保会商" "recorded"
expect_rc 0 "refer" aid refer "$c3" --department 人力资源和社会保障 --note 推荐就业 --as jingban
expect_rc 0 "aid show lists the referral" aid show "$c3"
expect_out "转介人力资源和社会保障：推荐就业" "in the record"
expect_rc 0 "the referral ledger" "$J" --db "$db" ledger show referral
expect_out "$c3" "lists the 临时救助 case's referral"

# ---- the township limit, 一事一议 ----
expect_rc 0 "aid new 5000" aid new --person "$idl2" --kind 支出 --cause 重病 --amount 5000 --as jingban
c5=$(last)
expect_rc 0 "step" aid step "$c5" --note 住院 --as jingban
expect_rc 0 "step" aid step "$c5" --as shenhe
expect_rc 0 "approved above the township limit" aid step "$c5" --as shenpi
expect_out "县民政局审批后（记录文号）才能发放" "the county is needed"
expect_rc 0 "aid list --due" aid list --due
expect_out "[待县审批] $c5" "waiting for the county"
expect_rc 1 "no payment without the county's document" aid pay "$c5" --as jingban
expect_out "须县民政局审批后才能发放" "refused"
expect_rc 0 "the county's document" aid step "$c5" --doc 开州民审〔2026〕9号 --doc-date 2026-11-26 --as jingban
expect_out "县审批文号 开州民审〔2026〕9号" "recorded"
expect_rc 0 "then the payment" aid pay "$c5" --as jingban
expect_rc 0 "aid new 12000" aid new --person "$idl2" --kind 支出 --cause 重病 --amount 12000 --as jingban
c6=$(last)
expect_rc 0 "step" aid step "$c6" --as jingban
expect_rc 0 "step" aid step "$c6" --as shenhe
expect_rc 1 "above the usual maximum without 一事一议" aid step "$c6" --doc 开州民审〔2026〕10号 --doc-date 2026-11-27 --as shenpi
expect_out "一事一议" "named"
expect_rc 0 "with 一事一议" aid step "$c6" --doc 开州民审〔2026〕10号 --doc-date 2026-11-27 --yishi-date 2026-11-25 \
	--yishi-people 民政医保财政 --yishi-reason 重特大疾病 --as shenpi
expect_out "「已审批」，审批金额 12000.00 元" "approved"

# ---- staged payments ----
expect_rc 1 "stages above the approval" aid schedule "$c6" --stage 2026-11-27:6000 --stage 2026-12-27:6000.01 --as jingban
expect_out "超过审批金额" "refused"
expect_rc 1 "a bad stage" aid schedule "$c6" --stage 2026-11-27 --as jingban
expect_out "YYYY-MM-DD:金额" "the form is given"
expect_rc 0 "two stages" aid schedule "$c6" --stage 2026-11-27:6000 --stage 2026-12-27:6000 --as jingban
expect_rc 0 "stage 1" aid pay "$c6" --as jingban
expect_out "第 1 次发放 6000.00 元" "stage 1 paid"
expect_rc 1 "stage 2 too early" aid pay "$c6" --as jingban
expect_out "定于 2026-12-27 发放" "not yet"
expect_rc 0 "aid list --due when stage 2 is late" "$J" --db "$db" --today 2026-12-29 aid list --due
expect_out "[分期发放] ! $c6" "late stage, urgent"
expect_rc 0 "stage 2" "$J" --db "$db" --today 2026-12-29 aid pay "$c6" --method 银行 --as jingban
expect_out "现在是「已救助」" "paid in full"

# ---- conversion ----
expect_rc 0 "convert to 低保" aid convert "$c1" --programme 低保 --as jingban
cc=$(last)
case "$cc" in DB2026-[0-9][0-9][0-9][0-9]) ok "the new case's number on the last line ($cc)" ;; *) bad "convert: $cc" ;; esac
expect_eq "$(q "SELECT count(*) FROM case_file c JOIN aid_case a ON a.converted_case_id = c.id WHERE a.number = '$c1' AND c.number = '$cc' AND c.findings LIKE '%子女上学学费%' AND c.findings LIKE '%学费通知书属实%'")" \
	"1" "the facts carried over"
expect_rc 1 "convert twice" aid convert "$c1" --programme 特困 --as jingban
expect_out "已经转为" "refused"

# ---- figures, list ----
expect_rc 0 "aid figures for 2026-11" aid figures --month 2026-11
expect_out "救助户次：3，救助人次：4" "three cases paid in November (2 + 1 + 1 persons)"
expect_out "一事一议：1；县级审批：2" "county and 一事一议"
expect_out "当月支出金额：11600.00 元" "600 + 5000 + 6000"
expect_rc 0 "aid figures for 2026-09" aid figures --month 2026-09
expect_out "先行救助：1 户次" "the 先行 case of September"
expect_out "非本地户籍：1 户次 3 人次" "non-local"
expect_rc 0 "aid list" aid list
expect_out "$c3" "listed"
expect_out "共 8 件" "all cases"

# ---- the receipt ----
expect_rc 0 "receipt as text" aid receipt "$c3"
expect_out "临时救助金领取凭证" "title"
expect_out "领取人（签名或按手印）" "the signature line"
expect_out "合计：1500.00 元（大写：壹仟伍佰元整）" "the amount in words"
expect_rc 0 "receipt as a workbook" aid receipt "$c3" -o "$T/r.xlsx"
if /usr/bin/python3 - "$T/r.xlsx" "$c3" >"$T/py" 2>&1 <<'EOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
text = " ".join(str(v) for v in cells)
assert ws.title == "领取凭证", ws.title
assert "临时救助金领取凭证" in str(ws["A1"].value), ws["A1"].value
assert sys.argv[2] in text and "王志强" in text and "110101199003070011" in text, text
assert "领取人（签名或按手印）" in text and "壹仟伍佰元整" in text, text
amounts = [v for v in cells if isinstance(v, float) or isinstance(v, int)]
assert 1500 in amounts, amounts
assert "合计" in text
EOF
then ok "the workbook reads back"; else bad "the workbook"; sed 's/^/    /' "$T/py"; fi
expect_rc 1 "receipt of a case not paid" aid receipt "$c2"
expect_out "还没有发放" "refused"

# ---- exit codes ----
expect_rc 1 "an unknown case" aid show LS2099-0001
expect_out "找不到临时救助案件" "named"
expect_rc 1 "an unknown subcommand" aid frobnicate
expect_out "用法" "usage"
expect_rc 1 "a wrong password" env JIUZHU_PASSWORD=wrong "$J" --db "$db" aid pay "$c1" --as jingban
expect_rc 2 "a missing database" "$J" --db "$T/none.db" aid list
finish
