#!/bin/sh
# test_roll.sh — the payment roll on the command line: building a month's
# draft, locking it (审核 may lock, 审批 may not; a locked month is refused
# and raw SQL cannot change it), a case approved late paid as 补发, one-off
# payments per person, per household and from an ID list, and the export:
# the village workbooks read back with openpyxl add up to the printed total,
# the bank file is GBK (or UTF-8 with --utf8) with a 合计 row, and payees
# without a bank account are listed. Dates move with --today.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
last() { tail -n 1 "$T/out"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
# the grand total the last command printed ("合计：N 笔 X 元")
printed_total() { sed -n 's/^合计：[0-9]* 笔 \(-\{0,1\}[0-9]*\.[0-9][0-9]\) 元$/\1/p' "$T/out"; }
# sum of the 合计 rows of the month's workbooks in a folder, as yuan.fen
xlsx_total() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import glob, sys, openpyxl
fen = 0
for path in sorted(glob.glob(sys.argv[1] + "/" + sys.argv[2] + "_*_发放花名册.xlsx")):
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][:10] == ("序号", "户编号", "姓名", "身份证号", "项目", "类别", "所属月份", "金额", "银行账号", "签字"), rows[1]
    body = [r for r in rows[2:] if isinstance(r[0], int)]
    total = [r for r in rows if r[0] == "合计"]
    assert len(total) == 1, path
    assert ws.cell(row=3, column=8).number_format == "0.00"
    assert ws.cell(row=3, column=3).font.name == "宋体"
    assert all(isinstance(r[3], str) and len(r[3]) == 18 for r in body), "IDs as text"
    s = sum(round(r[7] * 100) for r in body)
    assert s == round(total[0][7] * 100), (path, s, total[0][7])
    fen += s
print("%s%d.%02d" % ("-" if fen < 0 else "", abs(fen) // 100, abs(fen) % 100))
PY
}

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 60 --months 3 --seed 5

# ---- the month's draft, and locking it ----
expect_rc 1 "roll without --as" "$J" --db "$db" roll 2026-11
expect_out "--as" "the operator is asked for"
expect_rc 1 "roll with a bad month" "$J" --db "$db" roll 2026-13 --as jingban
expect_out "YYYY-MM" "the month's form is named"
expect_rc 1 "roll built by 审核 alone" "$J" --db "$db" roll 2026-11 --as shenhe
expect_out "经办" "the missing role is named"
expect_rc 0 "roll 2026-11" "$J" --db "$db" roll 2026-11 --as jingban
expect_out "草稿，未锁定" "a draft"
t11=$(printed_total)
db11=$(q "SELECT printf('%d.%02d', sum(amount_fen) / 100, sum(amount_fen) % 100) FROM roll_line WHERE month = '2026-11'")
expect_eq "$t11" "$db11" "the printed total is the sum of the lines ($t11)"
paid=$(q "SELECT count(*) FROM roll_line WHERE month = '2026-11'")
[ "$paid" -gt 0 ] && ok "the demo's cases are paid ($paid lines)" || bad "no lines in 2026-11"
expect_rc 1 "审批 may not lock" "$J" --db "$db" roll 2026-11 --lock --as shenpi
expect_out "审核" "the roles that may lock are named"
expect_rc 0 "shenhe locks the draft" "$J" --db "$db" roll 2026-11 --lock --as shenhe
expect_out "已锁定" "locked"
expect_eq "$(q "SELECT built_by || ',' || locked_by FROM roll WHERE month = '2026-11'")" "jingban,shenhe" "built by jingban, locked by shenhe"
expect_rc 1 "a locked month cannot be built again" "$J" --db "$db" roll 2026-11 --as jingban
expect_out "已于" "the message says when and by whom"
expect_out "补发或扣回" "and where corrections go"
if sqlite3 "$db" "UPDATE roll_line SET amount_fen = amount_fen + 100 WHERE month = '2026-11'" 2>"$T/err"; then
	bad "raw SQL changed a locked roll"
else
	grep -q "锁定" "$T/err" && ok "raw SQL cannot change a locked roll" || bad "raw UPDATE failed without the trigger's message"
fi
expect_eq "$(q "SELECT printf('%d.%02d', sum(amount_fen) / 100, sum(amount_fen) % 100) FROM roll_line WHERE month = '2026-11'")" "$t11" "the locked total is unchanged"

# ---- export of the locked month: workbooks, bank file ----
# one payee loses his bank account, to be listed
nobank=$(q "SELECT p.name FROM roll_line l JOIN person p ON p.id = l.person_id WHERE l.month = '2026-11' AND p.bank_account <> '' ORDER BY l.id LIMIT 1")
sqlite3 "$db" "UPDATE person SET bank_account = '' WHERE name = '$nobank'"
mkdir -p "$T/x"
expect_rc 0 "export the locked month" "$J" --db "$db" roll 2026-11 --export "$T/x" --as jingban
expect_out "已锁定" "the export says the roll is locked"
expect_eq "$(printed_total)" "$t11" "the export prints the same total"
expect_out "花名册合计：$t11 元" "the workbooks' total is printed"
expect_out "没有银行账号：" "payees without an account are listed"
expect_out "$nobank" "by name"
n_village=$(q "SELECT count(DISTINCT h.village_id) FROM roll_line l JOIN household h ON h.id = l.household_id WHERE l.month = '2026-11'")
n_files=$(ls "$T"/x/2026-11_*_发放花名册.xlsx | wc -l)
expect_eq "$n_files" "$n_village" "one workbook per village ($n_files)"
expect_eq "$(xlsx_total "$T/x" 2026-11 2>&1)" "$t11" "the workbooks read back add up to the printed total"
bank="$T/x/2026-11_银行代发.csv"
[ -f "$bank" ] && ok "the bank file is written" || bad "no $bank"
if iconv -f GBK -t UTF-8 "$bank" >"$T/bank.txt" 2>/dev/null; then ok "the bank file is GBK"; else bad "the bank file is not GBK"; fi
iconv -f UTF-8 -t UTF-8 "$bank" >/dev/null 2>&1 && bad "the bank file is UTF-8, not GBK" || ok "the bank file is not UTF-8"
tr -d '\r' <"$T/bank.txt" >"$T/bank.lf"
expect_eq "$(head -n 1 "$T/bank.lf")" "姓名,身份证号,银行账号,金额" "the bank file's header"
expect_eq "$(grep -c "$(printf '\r')\$" "$T/bank.txt")" "$(wc -l <"$T/bank.txt" | tr -d ' ')" "CRLF line ends"
sum=$(sed '1d;$d' "$T/bank.lf" | awk -F, '{ split($4, a, "."); s += a[1] * 100 + a[2] } END { printf "%d.%02d", s / 100, s % 100 }')
expect_eq "$(tail -n 1 "$T/bank.lf")" "合计,,,$sum" "the 合计 row is the sum of the rows ($sum)"
grep -q "$nobank" "$T/bank.lf" && bad "a payee without an account is in the bank file" || ok "no row without an account"
sed '1d;$d' "$T/bank.lf" | grep -qv '^[^,]*,[0-9X]\{18\},[0-9]\{10,30\},[0-9]*\.[0-9][0-9]$' && bad "a malformed bank row" || ok "bank rows: name, ID, account, amount with 2 decimals"
expect_out "2026-11_银行代发.csv（救助金）" "the bank file and its count are printed"
expect_rc 0 "export --utf8" "$J" --db "$db" roll 2026-11 --export "$T/x" --utf8 --as jingban
iconv -f UTF-8 -t UTF-8 "$bank" >/dev/null 2>&1 && ok "--utf8 writes UTF-8" || bad "--utf8 did not write UTF-8"
expect_rc 1 "--utf8 without --export" "$J" --db "$db" roll 2026-11 --utf8 --as jingban
expect_rc 1 "export to a missing folder" "$J" --db "$db" roll 2026-11 --export "$T/nope" --as jingban
expect_out "不存在" "the folder is named as missing"

# ---- a case approved after its first month's roll was locked: 补发 ----
if "$J" case --help >/dev/null 2>&1; then
	village=$(q "SELECT name FROM village WHERE area = '农村' ORDER BY code LIMIT 1")
	expect_rc 0 "household add" "$J" --db "$db" --today 2026-11-18 household add --village "$village" \
		--name 张建军 --id 34052419800101001X --as jingban
	h=$(last)
	expect_rc 0 "case new" "$J" --db "$db" --today 2026-11-18 case new --household "$h" --programme 低保 --as jingban
	c=$(last)
	for who in jingban shenhe jingban; do
		"$J" --db "$db" --today 2026-11-18 case step "$c" --as $who >"$T/out" 2>&1 || { bad "case step by $who"; cat "$T/out"; }
	done
	expect_rc 0 "roll 2026-12 built and locked during the notice" "$J" --db "$db" --today 2026-11-24 roll 2026-12 --lock --as jingban
	expect_eq "$(q "SELECT count(*) FROM roll_line l JOIN case_file c ON c.id = l.case_id WHERE c.number = '$c'")" "0" "the case is not in December's roll"
	expect_rc 0 "approval on 11-25" "$J" --db "$db" --today 2026-11-25 case step "$c" --as shenpi --doc "开州民审〔2026〕9号" --doc-date 2026-11-25
	expect_eq "$(q "SELECT start_month FROM case_file WHERE number = '$c'")" "2026-12" "paid from December"
	expect_rc 0 "roll 2027-01" "$J" --db "$db" --today 2026-12-25 roll 2027-01 --as jingban
	expect_out "补发 1 笔 610.00 元" "December is paid in January as 补发"
	expect_eq "$(q "SELECT kind || for_month || amount_fen FROM roll_line l JOIN case_file c ON c.id = l.case_id WHERE c.number = '$c' ORDER BY l.id")" \
		"$(printf '月发2027-0161000\n补发2026-1261000')" "one 月发 and one 补发 of 610.00"
else
	ok "jiuzhu case is not there yet: 补发 through the CLI skipped"
	expect_rc 0 "an empty future month" "$J" --db "$db" roll 2030-01 --as jingban
	expect_out "合计：0 笔 0.00 元" "nothing to pay"
fi

# ---- one-off payments ----
expect_rc 1 "onetime without --per" "$J" --db "$db" onetime 价格临时补贴 --amount 100 --month 2026-12 --programme 低保 --as jingban
expect_out "用法" "the usage is shown"
expect_rc 1 "onetime into a locked month" "$J" --db "$db" onetime 价格临时补贴 --amount 100 --per 人 --month 2026-11 --programme 低保 --as jingban
expect_out "锁定" "the locked roll is named"
expect_rc 1 "onetime with a bad amount" "$J" --db "$db" onetime 价格临时补贴 --amount 1OO --per 人 --month 2027-02 --programme 低保 --as jingban
expect_rc 0 "onetime per person to 低保" "$J" --db "$db" --today 2027-01-20 onetime 价格临时补贴 --amount 100 --per 人 --month 2027-02 --programme 低保 --as jingban
persons=$(q "SELECT count(*) FROM roll_line WHERE month = '2027-02' AND programme = '价格临时补贴'")
expect_out "每人 100.00 元，" "per person"
expect_out "${persons} 笔，合计 ${persons}00.00 元" "one line of 100.00 a person ($persons)"
expect_rc 1 "the same payment twice" "$J" --db "$db" --today 2027-01-20 onetime 价格临时补贴 --amount 100 --per 人 --month 2027-02 --programme 低保 --as jingban
expect_out "不能重复" "refused"
v2=$(q "SELECT v.name FROM roll_line l JOIN household h ON h.id = l.household_id JOIN village v ON v.id = h.village_id WHERE l.month = '2027-02' ORDER BY l.id LIMIT 1")
expect_rc 0 "onetime per household in a village" "$J" --db "$db" --today 2027-01-20 onetime 春节慰问金 --amount 500 --per 户 --month 2027-02 --village "$v2" --as jingban
hh=$(q "SELECT count(*) FROM roll_line WHERE month = '2027-02' AND programme = '春节慰问金'")
dhh=$(q "SELECT count(DISTINCT household_id) FROM roll_line WHERE month = '2027-02' AND programme = '春节慰问金'")
expect_eq "$hh" "$dhh" "one line a household ($hh)"
# an ID list: a header, two IDs (one repeated), in GBK
q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id LIMIT 2" >"$T/ids.utf8"
{ printf '身份证号\r\n'; sed 's/$/\r/' "$T/ids.utf8"; head -n 1 "$T/ids.utf8"; } | iconv -f UTF-8 -t GBK >"$T/ids.txt"
expect_rc 0 "onetime from an ID list" "$J" --db "$db" --today 2027-01-20 onetime 易地扶贫搬迁补助 --amount 1500 --per 人 --month 2027-02 --ids "$T/ids.txt" --as jingban
expect_out "2 人" "two persons"
expect_out "合计 3000.00 元" "1500.00 each"
printf '110101199003070011\n' >"$T/unknown.txt"
expect_rc 1 "an ID not in the township" "$J" --db "$db" --today 2027-01-20 onetime 另一笔 --amount 10 --per 人 --month 2027-02 --ids "$T/unknown.txt" --as jingban
expect_out "110101199003070011" "the unknown ID is named"
printf '12345\n' >"$T/badids.txt"
expect_rc 1 "a bad line in the list" "$J" --db "$db" onetime 另一笔 --amount 10 --per 人 --month 2027-02 --ids "$T/badids.txt" --as jingban
expect_out "第 1 行" "the line is named"

# the month with its one-off payments: built, exported, each payment its own bank file
mkdir -p "$T/y"
expect_rc 0 "roll 2027-02 with its one-off payments" "$J" --db "$db" --today 2027-01-25 roll 2027-02 --export "$T/y" --as jingban
t02=$(printed_total)
expect_out "价格临时补贴" "the one-off payment is a programme of the totals"
expect_eq "$(xlsx_total "$T/y" 2027-02 2>&1)" "$t02" "the workbooks add up to the printed total ($t02)"
for f in 2027-02_银行代发.csv 2027-02_价格临时补贴_银行代发.csv 2027-02_春节慰问金_银行代发.csv 2027-02_易地扶贫搬迁补助_银行代发.csv; do
	[ -f "$T/y/$f" ] && iconv -f GBK -t UTF-8 "$T/y/$f" >/dev/null 2>&1 && ok "$f written in GBK" || bad "$f missing or not GBK"
done
expect_eq "$(q "SELECT count(*) FROM roll_line WHERE month = '2027-02' AND kind = '一次性'")" "$((persons + hh + 2))" "the draft kept its one-off lines"
expect_eq "$(q "SELECT count(*) FROM event WHERE entity = 'roll' AND action = 'roll.onetime'")" "3" "each payment has its event"
finish
