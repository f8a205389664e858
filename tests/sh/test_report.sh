#!/bin/sh
# test_report.sh — the monthly workbook on the command line: the demo
# township's cross-checks pass for every month of its history (and the
# figures agree with the database to the fen), the workbook and the CSV
# files (names, GBK or UTF-8, one header row of leaf names, CRLF), the text
# part, marking a month 已报送 and then a later change listed, the 专题报告,
# a table file beside the database, a township with no cases (zeros), and
# the errors a user meets. The workbooks are read back with openpyxl.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }

expect_rc 0 "demo (default history)" "$J" --db "$db" demo --no-open

# ---- every month of the history: the cross-checks pass ----
first=$(q "SELECT min(start_month) FROM case_file WHERE start_month <> ''")
m=$first n=0 failed=0
while [ "$(expr "$m" \<= 2026-11)" = 1 ]; do
	if ! "$J" --db "$db" report "$m" >"$T/out" 2>"$T/err"; then
		bad "report $m failed"; cat "$T/err"; failed=1
	elif [ -s "$T/err" ]; then
		bad "report $m: a cross-check failed"; sed 's/^/    /' "$T/err"; failed=1
	fi
	# 当月支出 of 低保 equals the roll (read apart, in SQL)
	roll=$(q "SELECT printf('%d.%02d', coalesce(sum(amount_fen),0) / 100, coalesce(sum(amount_fen),0) % 100) FROM roll_line WHERE month = '$m' AND programme = '低保'")
	grep -q "当月支出 $roll 元" "$T/out" || { bad "report $m: 低保 money is not the roll's $roll"; cat "$T/out"; failed=1; }
	n=$((n + 1))
	y=${m%-*} mo=${m#*-}
	mo=$(expr "$mo" + 1)
	[ "$mo" -gt 12 ] && { mo=1; y=$((y + 1)); }
	m=$(printf '%04d-%02d' "$y" "$mo")
done
[ "$failed" = 0 ] && ok "cross-checks pass and 低保 money equals the roll in all $n months from $first"
[ "$n" -gt 12 ] && ok "the history has $n months" || bad "only $n months of history"

# ---- the workbook and the CSV files ----
mkdir -p "$T/csv" "$T/utf8"
expect_rc 0 "report 2026-10 -o --csv" "$J" --db "$db" report 2026-10 -o "$T/r.xlsx" --csv "$T/csv"
expect_out "8 张表" "eight sheets"
expect_out "GBK" "GBK by default"
expect_eq "$(cd "$T/csv" && ls | tr '\n' ' ')" "beiyongjin.csv biandong.csv butie.csv dibao.csv gongzuo.csv linshi.csv paicha.csv tekun.csv " "one CSV per table, named after its file"
if iconv -f GBK -t UTF-8 "$T/csv/dibao.csv" >"$T/dibao.txt" 2>/dev/null; then ok "dibao.csv is GBK"; else bad "dibao.csv is not GBK"; fi
iconv -f UTF-8 -t UTF-8 "$T/csv/dibao.csv" >/dev/null 2>&1 && bad "dibao.csv is UTF-8" || ok "dibao.csv is not UTF-8"
expect_eq "$(head -n 1 "$T/dibao.txt" | tr -d '\r')" "村（社区）,保障户数,保障人数,女性,老年人,成年人,未成年人,在校生,残疾人,重度残疾人,完全丧失,部分丧失,单人保人数,疾病,残疾,因学,灾害,缺乏劳动力,其他,当月新增户数,当月新增人数,当月退出户数,当月退出人数,低保标准,当月支出金额,月人均补助,累计支出" "one header row of the leaf names"
expect_eq "$(grep -c "$(printf '\r')\$" "$T/dibao.txt")" "$(wc -l <"$T/dibao.txt" | tr -d ' ')" "CRLF line ends"
expect_eq "$(tr -d '\r' <"$T/dibao.txt" | sed -n '$p' | cut -d, -f1)" "合计" "the last row is 合计"
tr -d '\r' <"$T/dibao.txt" | sed '1d' | grep -qv '^[^,]*\(,[0-9]*\(\.[0-9][0-9]\)\{0,1\}\)*$' && bad "a CSV cell is not a plain number" || ok "plain numbers, money with 2 decimals"
expect_rc 0 "--csv --utf8" "$J" --db "$db" report 2026-10 --csv "$T/utf8" --utf8
iconv -f UTF-8 -t UTF-8 "$T/utf8/tekun.csv" >/dev/null 2>&1 && ok "--utf8 writes UTF-8" || bad "--utf8 did not write UTF-8"
expect_eq "$(head -n 1 "$T/utf8/tekun.csv" | cut -d, -f1-3)" "供养方式,供养人数,女性" "tekun.csv's header"
/usr/bin/python3 - "$T/r.xlsx" "$T/utf8/dibao.csv" >"$T/py" 2>&1 <<'PY' && ok "the workbook matches its CSV and is well formed" || { bad "workbook check"; cat "$T/py"; }
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[:8] == ['低保', '特困供养', '临时救助', '备用金', '增减变动明细', '孤儿和残疾人补贴', '工作情况', '排查进展'], wb.sheetnames
ws = wb['低保']
body = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] and not str(r[0]).startswith('单位负责人')]
with open(sys.argv[2], encoding='utf-8', newline='') as f:
    c = list(csv.reader(f))[1:]
assert len(body) == len(c), (len(body), len(c))
for x, y in zip(body, c):
    assert x[0] == y[0]
    for a, b in zip(x[1:], y[1:]):
        assert (a is None and b == '') or abs(float(b) - a) < 0.001, (x, y)
for name in wb.sheetnames[:8]:
    s = wb[name]
    assert s.freeze_panes is not None and s.print_title_rows, name
    assert s.page_setup.orientation == 'landscape', name
    assert s['A1'].font.name == '宋体', name
    assert any(str(r).startswith('A1:') for r in s.merged_cells.ranges), name
PY

# ---- the text part, and 已报送 ----
printf '【工作进展情况】\n完成第三季度复核 120 户。\n【存在问题及困难】\n村级经办人员变动大。\n【请求帮助解决】\n请县局组织培训。\n' >"$T/notes.txt"
expect_rc 1 "--notes without --as" "$J" --db "$db" report 2026-10 --notes "$T/notes.txt"
expect_rc 0 "--notes" "$J" --db "$db" report 2026-10 --notes "$T/notes.txt" --as jingban
expect_eq "$(q "SELECT progress || '|' || problems || '|' || help FROM report_month WHERE month = '2026-10'")" "完成第三季度复核 120 户。|村级经办人员变动大。|请县局组织培训。" "the three texts are stored"
expect_rc 1 "--submitted with a date before the month ended" "$J" --db "$db" report 2026-10 --submitted --date 2026-10-31 --as jingban
expect_rc 0 "--submitted" "$J" --db "$db" report 2026-10 --submitted --date 2026-11-10 --as jingban
expect_eq "$(q "SELECT submitted_on || ',' || submitted_by FROM report_month WHERE month = '2026-10'")" "2026-11-10,jingban" "submitted on the date, by jingban"
stored=$(q "SELECT count(*) FROM report_figure WHERE month = '2026-10'")
[ "$stored" -gt 100 ] && ok "the figures are stored ($stored)" || bad "only $stored figures stored"
expect_rc 0 "report after submitting, unchanged" "$J" --db "$db" report 2026-10
expect_out "已报送：2026-11-10" "the report says it was submitted"
grep -q "数字变动" "$T/out" && bad "figures changed without a change" || ok "no figure changed"
# a later correction: one covered member of a 低保 case stopped from September
pid=$(q "SELECT m.person_id FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE c.programme = '低保' AND c.state = '在保' AND c.start_month <= '2026-09' AND m.until_month = '' ORDER BY m.person_id LIMIT 1")
q "UPDATE case_member SET until_month = '2026-09' WHERE person_id = $pid"
expect_rc 0 "report after a later change" "$J" --db "$db" report 2026-10 -o "$T/r2.xlsx"
expect_out "报送后有" "the changed figures are announced"
expect_out "dibao 合计 persons" "the 低保 total of persons is among them"
/usr/bin/python3 -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert '核对说明' in wb.sheetnames, wb.sheetnames
lines = [r[0] for r in wb['核对说明'].iter_rows(values_only=True) if r[0]]
assert any('dibao 合计 persons' in l for l in lines), lines
g = {r[0]: r[1] for r in wb['工作情况'].iter_rows(min_row=4, values_only=True) if r[0]}
assert g['存在问题及困难'] == '村级经办人员变动大。', g
" "$T/r2.xlsx" >"$T/py" 2>&1 && ok "the workbook lists the changes and holds the text" || { bad "changes in the workbook"; cat "$T/py"; }

# ---- 专题报告 ----
expect_rc 0 "report changes" "$J" --db "$db" report changes --from 2026-01 --to 2026-10
expect_out "纳入" "entries"
expect_out "原因：新申请" "by coded reason"
expect_out "建档立卡" "by 建档立卡"
expect_rc 1 "report changes, period reversed" "$J" --db "$db" report changes --from 2026-10 --to 2026-01
expect_out "晚于" "the message says so"

# ---- a table file beside the database wins ----
mkdir -p "$T/reports"
printf '[table]\norder = 1\nsheet = 低保简表\ntitle = 低保简表\nfigures = dibao\nrows = 合计\n[persons]\nhead = 人数\ntype = int\n' >"$T/reports/dibao.ini"
expect_rc 0 "report with reports/dibao.ini beside the database" "$J" --db "$db" report 2026-10 --csv "$T/utf8" --utf8
expect_eq "$(head -n 1 "$T/utf8/dibao.csv" | tr -d '\r')" "项目,人数" "the county's layout is used"
printf '[table]\nsheet = x\n' >"$T/reports/dibao.ini"
expect_rc 2 "a broken table file" "$J" --db "$db" report 2026-10
expect_out "dibao.ini" "the file is named"
rm -r "$T/reports"

# ---- errors ----
expect_rc 1 "a bad month" "$J" --db "$db" report 2026-13
expect_out "YYYY-MM" "the month's form is named"
expect_rc 1 "--utf8 without --csv" "$J" --db "$db" report 2026-10 --utf8
expect_rc 1 "--submitted without --as" "$J" --db "$db" report 2026-10 --submitted
expect_rc 2 "a missing CSV folder" "$J" --db "$db" report 2026-10 --csv "$T/nope"

# ---- a township without cases: zeros ----
export JIUZHU_PASSWORD=s3cret
expect_rc 0 "init" "$J" --db "$T/empty.db" init --township 北门镇 --county 开州区 --area-code 500154
expect_rc 0 "report of an empty township" "$J" --db "$T/empty.db" report 2026-10 -o "$T/e.xlsx"
expect_rc 0 "summary of an empty township" "$J" --db "$T/empty.db" report 2026-10
expect_out "低保：0 户 0 人" "zeros"
grep -q "核对未通过" "$T/out" && bad "a cross-check failed on an empty township" || ok "no failed check"
finish
