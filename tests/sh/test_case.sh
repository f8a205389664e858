#!/bin/sh
# test_case.sh — cases on the command line: a whole application from 受理 to
# 在保 with one operator per role, separation of duties (admin holds every
# role yet cannot approve what he accepted), `case calc`'s output, `case list
# --due`, `case new`'s last line, `standard set` from a month, and the exit
# codes (0 ok, 1 refused or wrong input, 2 data/file error). Dates move with
# --today; the clock is otherwise JIUZHU_NOW (lib.sh).
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"

last() { tail -n 1 "$T/out"; }
# expect_no TEXT DESCRIPTION: the last command's output lacks TEXT.
expect_no() {
	if grep -qF -- "$1" "$T/out"; then bad "$2: unexpected「$1」in:"; sed 's/^/    /' "$T/out"; else ok "$2"; fi
}
# expect_eq GOT WANT DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi
}
q() { sqlite3 "$db" "$1"; }

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 40
village=$(q "SELECT name FROM village WHERE area = '农村' ORDER BY code LIMIT 1")
county=$(q "SELECT value FROM setting WHERE key = 'case.county_approves' AND from_date <= '2026-11-27' ORDER BY from_date DESC LIMIT 1")
DOC="开州民审〔2026〕88号"

# Two households of our own: 张建军 (1980) and 刘红梅 (1988), nobody disabled;
# 王志强 (1990) alone. Both rural (610.00 in 2026).
expect_rc 0 "household add" "$J" --db "$db" --today 2026-11-02 household add --village "$village" \
	--name 张建军 --id 34052419800101001X --as jingban
h1=$(last)
expect_rc 0 "member add" "$J" --db "$db" --today 2026-11-02 household member-add "$h1" \
	--name 刘红梅 --id 120103198806018241 --relation 配偶 --as jingban
expect_rc 0 "household add (alone)" "$J" --db "$db" --today 2026-11-02 household add --village "$village" \
	--name 王志强 --id 110101199003070011 --as jingban
h2=$(last)

# ---- case new: the number alone on the last line ----
expect_rc 0 "case new as jingban" "$J" --db "$db" --today 2026-11-02 case new --household "$h1" --programme 低保 --as jingban
expect_out "期限 2026-11-17" "case new gives the investigation deadline"
c1=$(last)
case "$c1" in
DB2026-[0-9][0-9][0-9][0-9]) ok "case new prints the number alone on its last line ($c1)" ;;
*) bad "case new's last line is「$c1」" ;;
esac
expect_eq "$(q "SELECT state || accepted_by FROM case_file WHERE number = '$c1'")" "受理jingban" "the case is 受理 by jingban"
expect_rc 1 "case new as shenhe (no 经办 role)" "$J" --db "$db" --today 2026-11-02 case new --household "$h2" --programme 低保 --as shenhe
expect_out "经办" "the missing role is named"
expect_rc 1 "a second open 低保 case of the same household" "$J" --db "$db" --today 2026-11-02 case new --household "$h1" --programme 低保 --as jingban
expect_out "只能有一个在办案件" "the rule is named"
expect_rc 1 "an unknown programme" "$J" --db "$db" case new --household "$h1" --programme 五保 --as jingban
expect_out "救助项目" "the field is named"

# ---- case list --due: a passed investigation deadline ----
expect_rc 0 "case list --due on the deadline" "$J" --db "$db" --today 2026-11-17 case list --due
expect_no "$c1 入户调查已过期限" "not overdue on the deadline itself"
expect_rc 0 "case list --due the day after" "$J" --db "$db" --today 2026-11-18 case list --due
expect_out "[调查超期] $c1 入户调查已过期限 2026-11-17" "case list --due shows the passed deadline"

# ---- case calc: 补差 line, total alone on the last line ----
# 外出务工 1,000.00 - 30% = 700.00; / 2 = 350.00; (610.00 - 350.00) x 2 = 520.00.
expect_rc 0 "case income" "$J" --db "$db" --today 2026-11-18 case income "$c1" --member 34052419800101001X \
	--kind 外出务工 --monthly 1000 --as jingban
expect_rc 1 "case income of an unknown kind" "$J" --db "$db" case income "$c1" --member 34052419800101001X \
	--kind 彩票 --monthly 10 --as jingban
expect_out "收入类别" "the kind is named"
expect_rc 0 "case calc" "$J" --db "$db" case calc "$c1" --month 2026-11
if grep -q '^补差: ' "$T/out"; then ok "case calc prints a line starting 补差: "; else bad "no 补差: line"; sed 's/^/    /' "$T/out"; fi
expect_out "补差: 520.00 元" "补差 worked by hand"
expect_out "扣减 30% 就业成本后计 700.00 元" "the working shows the migrant deduction"
expect_eq "$(last)" "520.00" "case calc ends with the total alone"
expect_rc 1 "case calc with a bad month" "$J" --db "$db" case calc "$c1" --month 2026-13
expect_out "YYYY-MM" "the format is given"

# ---- the steps, one role each ----
expect_rc 1 "入户调查 by shenhe" "$J" --db "$db" --today 2026-11-18 case step "$c1" --as shenhe
expect_out "「入户调查」要由有「经办」角色" "the role is named"
expect_eq "$(q "SELECT state FROM case_file WHERE number = '$c1'")" "受理" "a refused step changes nothing"
expect_rc 0 "入户调查 by jingban" "$J" --db "$db" --today 2026-11-18 case step "$c1" --as jingban --note 入户核实
expect_out "「调查」" "now 调查"
expect_rc 1 "乡镇审核 by jingban" "$J" --db "$db" --today 2026-11-19 case step "$c1" --as jingban
expect_out "审核" "审核 is named"
expect_rc 0 "乡镇审核 by shenhe" "$J" --db "$db" --today 2026-11-19 case step "$c1" --as shenhe
expect_out "「审核」" "now 审核"
expect_rc 1 "a refusal without a reason" "$J" --db "$db" --today 2026-11-20 case step "$c1" --as jingban --result 不通过
expect_out "理由" "the reason is asked for"
expect_rc 1 "--result neither 通过 nor 不通过" "$J" --db "$db" case step "$c1" --as jingban --result 也许
expect_rc 0 "公示 by jingban" "$J" --db "$db" --today 2026-11-20 case step "$c1" --as jingban
expect_out "「公示」" "now 公示"
expect_eq "$(q "SELECT notice_from || '..' || notice_to FROM case_file WHERE number = '$c1'")" \
	"2026-11-20..2026-11-26" "公示 lasts 7 days"
expect_rc 1 "审批 on the last day of the notice" "$J" --db "$db" --today 2026-11-26 case step "$c1" --as shenpi \
	--doc "$DOC" --doc-date 2026-11-26
expect_out "公示到 2026-11-26 才结束" "the notice cannot be shortened"
if [ "$county" = 1 ]; then
	expect_rc 1 "county approval without its document" "$J" --db "$db" --today 2026-11-27 case step "$c1" --as shenpi
	expect_out "文号" "the document is asked for"
fi
expect_rc 0 "审批 by shenpi after the notice" "$J" --db "$db" --today 2026-11-27 case step "$c1" --as shenpi \
	--doc "$DOC" --doc-date 2026-11-27
expect_out "「在保」" "now 在保"
expect_eq "$(q "SELECT approved_by || ' ' || start_month FROM case_file WHERE number = '$c1'")" \
	"shenpi 2026-12" "approved by shenpi, paid from the next month"
expect_eq "$(q "SELECT a.from_month || ' ' || a.total_fen FROM case_amount a JOIN case_file c ON c.id = a.case_id WHERE c.number = '$c1'")" \
	"2026-12 52000" "the amount is fixed from 2026-12"

# ---- separation of duties: admin holds every role ----
expect_rc 0 "admin accepts" "$J" --db "$db" --today 2026-11-02 case new --household "$h2" --programme 低保 --as admin
c2=$(last)
expect_rc 0 "admin investigates" "$J" --db "$db" --today 2026-11-18 case step "$c2" --as admin
expect_rc 0 "admin reviews" "$J" --db "$db" --today 2026-11-19 case step "$c2" --as admin
expect_rc 0 "admin starts the notice" "$J" --db "$db" --today 2026-11-20 case step "$c2" --as admin
ev=$(q "SELECT count(*) FROM event")
expect_rc 1 "admin approving what he accepted" "$J" --db "$db" --today 2026-11-27 case step "$c2" --as admin \
	--doc "$DOC" --doc-date 2026-11-27
expect_out "受理人不能审批" "the rule is named"
expect_eq "$(q "SELECT state FROM case_file WHERE number = '$c2'")" "公示" "the case stays in 公示"
expect_eq "$(q "SELECT count(*) FROM event")" "$ev" "no event for a refused approval"
expect_rc 0 "shenpi approves it" "$J" --db "$db" --today 2026-11-27 case step "$c2" --as shenpi \
	--doc "$DOC" --doc-date 2026-11-27
expect_out "「在保」" "now 在保"

# ---- 省系统 and reviews ----
expect_rc 0 "case list --due shows the province entry" "$J" --db "$db" --today 2026-11-27 case list --due
expect_out "[省系统] $c2" "province pending after approval"
expect_rc 0 "case province" "$J" --db "$db" --today 2026-11-27 case province "$c2" --as jingban
expect_rc 0 "case list --due again" "$J" --db "$db" --today 2026-11-27 case list --due
expect_no "[省系统] $c2" "province done clears it"
expect_rc 1 "case province twice" "$J" --db "$db" --today 2026-11-27 case province "$c2" --as jingban
expect_rc 1 "a 渐退 of 2 months" "$J" --db "$db" --today 2026-12-10 case review "$c2" --result 渐退 --grace 2 --as jingban
expect_rc 1 "a step on a case in force" "$J" --db "$db" --today 2026-12-10 case step "$c2" --as jingban
expect_out "复核" "points to the review"

# ---- standard set from a month: later months only ----
expect_rc 0 "standard set 农村 650 from 2027-01" "$J" --db "$db" --today 2026-12-15 standard set 低保 农村 650 --from 2027-01 --as admin
expect_out "从 2027-01-01 起为 650 元/月" "standard set says from when"
expect_rc 0 "standard list" "$J" --db "$db" standard list
expect_out "2027-01-01 起 650.00 元/月" "standard list shows it"
expect_rc 0 "case calc for 2026-12" "$J" --db "$db" case calc "$c1" --month 2026-12
expect_out "2026-12 农村低保标准 610.00 元" "December keeps 610.00"
expect_eq "$(last)" "520.00" "December total unchanged"
# (650.00 - 350.00) x 2 = 600.00
expect_rc 0 "case calc for 2027-01" "$J" --db "$db" case calc "$c1" --month 2027-01
expect_out "2027-01 农村低保标准 650.00 元" "January has 650.00"
expect_eq "$(last)" "600.00" "January total with the new standard"
expect_rc 0 "case show in January" "$J" --db "$db" --today 2027-01-15 case show "$c1"
expect_out "2027-01 月保障金额：520.00 元（2026-12 起" "the fixed amount holds until a review"
expect_rc 1 "standard set with a bad month" "$J" --db "$db" standard set 低保 农村 650 --from 2027-13 --as admin
expect_out "YYYY-MM" "the format is given"
expect_rc 1 "standard set for an unknown area" "$J" --db "$db" standard set 低保 郊区 650 --from 2027-01 --as admin
expect_rc 1 "standard set without --as" "$J" --db "$db" standard set 低保 农村 650 --from 2027-01
expect_out "--as" "--as is asked for"
expect_rc 1 "standard set without --from" "$J" --db "$db" standard set 低保 农村 650 --as admin

# ---- review and exit ----
expect_rc 0 "调整 in January" "$J" --db "$db" --today 2027-01-15 case review "$c1" --result 调整 --reason 提标 --as jingban
expect_eq "$(q "SELECT group_concat(from_month || ':' || total_fen, ' ') FROM (SELECT a.* FROM case_amount a JOIN case_file c ON c.id = a.case_id WHERE c.number = '$c1' ORDER BY from_month)")" \
	"2026-12:52000 2027-02:60000" "调整 from the next month only"
expect_rc 1 "exit with an uncoded reason" "$J" --db "$db" --today 2027-03-20 case exit "$c1" --reason 去世 --date 2027-03-14 --as jingban
expect_out "退出原因" "the coded list is named"
expect_rc 0 "exit: death mid-month" "$J" --db "$db" --today 2027-03-20 case exit "$c1" --reason 死亡 --date 2027-03-14 --as jingban
expect_out "「退出」" "now 退出"
expect_eq "$(q "SELECT end_month || ' ' || exit_on || ' ' || grace_until FROM case_file WHERE number = '$c1'")" \
	"2027-03 2027-03-14 " "paid through the month of death, no 渐退"
expect_rc 1 "a step on an exited case" "$J" --db "$db" --today 2027-03-20 case step "$c1" --as jingban
expect_out "已经结束" "the case has ended"

# ---- exit codes ----
expect_rc 1 "an unknown case" "$J" --db "$db" case show DB2099-9999
expect_out "找不到案件" "the case is named"
expect_rc 1 "case step without --as" "$J" --db "$db" case step "$c2"
expect_out "--as" "--as is asked for"
JIUZHU_PASSWORD=wrong expect_rc 1 "a wrong password" "$J" --db "$db" case step "$c2" --as jingban
expect_out "密码" "the password is named"
expect_rc 1 "an unknown subcommand" "$J" --db "$db" case frobnicate
expect_out "用法" "usage is shown"
printf 'hello' >"$T/text.db"
expect_rc 2 "case list on a text file" "$J" --db "$T/text.db" case list
expect_out "不是 SQLite" "the file is named as not a database"
expect_rc 2 "case calc on a missing file" "$J" --db "$T/nothing.db" case calc DB2026-0001
expect_rc 2 "standard list on a missing file" "$J" --db "$T/nothing.db" standard list
finish
