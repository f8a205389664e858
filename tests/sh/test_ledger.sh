#!/bin/sh
# test_ledger.sh — the ledgers on the command line: `ledger list`, `show`
# with the village, period and state filters, `export` to .xlsx (read back
# with openpyxl), .csv in GBK (decoded with python's gbk codec) and in
# UTF-8 with a BOM; the screening workflow (add, visit, result, close,
# province) with its refusals and exit codes; fill from 建档立卡 findings
# inserted by raw SQL (nothing twice); visits, care agreements, surveys,
# watch lists, bed wishes, referral outcomes and 收入已达标 feedback, each
# with its event; the role 经办 is needed.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
last() { tail -n 1 "$T/out"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_no() { if grep -qF -- "$1" "$T/out"; then bad "$2: unexpected「$1」"; sed 's/^/    /' "$T/out"; else ok "$2"; fi; }

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 60
idn=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY id LIMIT 1")
vil=$(q "SELECT v.name FROM person p JOIN household h ON h.id = p.household_id JOIN village v ON v.id = h.village_id WHERE p.id_number = '$idn'")
other=$(q "SELECT name FROM village WHERE name <> '$vil' ORDER BY code LIMIT 1")

expect_rc 0 "ledger list" "$J" --db "$db" ledger list
cp "$T/out" "$T/list"
for l in screening shuangqing income_ok jiantui qianzai bianyuan relative tekun visit care survey survey_person referral bed change; do
	grep -q "^$l " "$T/list" && ok "ledger list names $l" || bad "ledger list lacks $l"
	expect_rc 0 "ledger show $l" "$J" --db "$db" ledger show "$l"
done
expect_rc 1 "an unknown ledger" "$J" --db "$db" ledger show nosuch
expect_out "ledger list" "the message says where the names are"
expect_rc 1 "a wrong month" "$J" --db "$db" ledger show change --from 2026-13
expect_out "2026-13" "the wrong month is named"

# ---- screening ----
expect_rc 1 "screening add as shenhe (no 经办)" "$J" --db "$db" screening add --category 重残重病 --id "$idn" --as shenhe
expect_out "经办" "the role is named"
expect_rc 1 "a wrong category" "$J" --db "$db" screening add --category 重残 --id "$idn" --as jingban
expect_out "排查类别「重残」不对" "the category is named"
expect_rc 0 "screening add" "$J" --db "$db" --today 2026-11-02 screening add --category 重残重病 --id "$idn" --as jingban
s1=$(last)
expect_rc 1 "the same again" "$J" --db "$db" screening add --category 重残重病 --id "$idn" --as jingban
expect_out "已在" "nothing twice"
expect_rc 1 "result before the visit" "$J" --db "$db" screening result "$s1" --result 不符合条件 --reason 收入超标 --as jingban
expect_rc 0 "visit" "$J" --db "$db" --today 2026-11-05 screening visit "$s1" --visitors "张三 李四" --as jingban
expect_rc 1 "close before a result" "$J" --db "$db" screening close "$s1" --as jingban
expect_rc 1 "a reason not in the setting" "$J" --db "$db" screening result "$s1" --result 不符合条件 --reason 太富 --as jingban
expect_out "收入超标|财产超标" "the reasons are listed"
expect_rc 0 "result 不符合条件" "$J" --db "$db" screening result "$s1" --result 不符合条件 --reason 收入超标 --basis "人均 900 元" --as jingban
expect_rc 0 "收入已达标 from the screening" "$J" --db "$db" ledger show income_ok --state 排查
expect_out "排查（重残重病）：收入超标，人均 900 元" "a household not eligible for 收入超标 is in 收入已达标"
expect_rc 0 "close" "$J" --db "$db" --today 2026-11-10 screening close "$s1" --as jingban
expect_rc 0 "province" "$J" --db "$db" screening province "$s1" --as jingban
expect_eq "$(q "SELECT result || reason || closed_on || province_by FROM screening WHERE id = $s1")" "不符合条件收入超标2026-11-10jingban" "the row is stored"
expect_eq "$(q "SELECT count(*) FROM event WHERE entity = 'screening' AND entity_id = $s1")" 5 "one event per write"
expect_rc 0 "ledger show screening --village" "$J" --db "$db" ledger show screening --village "$vil"
expect_out "$idn" "the row in its village"
expect_out "收入超标：人均 900 元" "the reason and basis"
expect_rc 0 "another village" "$J" --db "$db" ledger show screening --village "$other"
expect_no "$idn" "not in another village"
expect_rc 0 "the state filter" "$J" --db "$db" ledger show screening --state 待走访
expect_no "$idn" "not 待走访"
expect_rc 0 "双清" "$J" --db "$db" ledger show shuangqing --state 排查不符合
expect_out "$idn" "the not-eligible person is in 双清双入双退"

# ---- fill from the 建档立卡 comparison ----
idn2=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND id_number <> '$idn' ORDER BY id LIMIT 1 OFFSET 3")
q "INSERT INTO compare_run(id, source, file, at, by, rows, matched, findings) VALUES (1, 'jiandang', 'jd.xlsx', '2026-11-20T10:00:00', 'jingban', 2, 2, 2)"
q "INSERT INTO finding(run_id, source, kind, category, id_number, name, found_on) VALUES (1, 'jiandang', '排查', '脱贫监测户', '$idn2', 'x', '2026-11-20'), (1, 'jiandang', '排查', '未脱贫建档立卡', '$idn', 'y', '2026-11-20')"
expect_rc 0 "fill" "$J" --db "$db" screening fill --run 1 --as jingban
expect_out "列入排查 2 人" "two rows"
expect_rc 0 "fill again" "$J" --db "$db" screening fill --as jingban
expect_out "列入排查 0 人" "nothing twice"
expect_rc 1 "fill from a run that is not there" "$J" --db "$db" screening fill --run 9 --as jingban

# ---- export ----
expect_rc 0 "export xlsx" "$J" --db "$db" ledger export screening -o "$T/s.xlsx"
expect_out "已导出 六类对象排查台账 3 条" "three rows exported"
/usr/bin/python3 - "$T/s.xlsx" "$idn" <<'PY' && ok "the workbook reads back" || bad "the workbook"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = [[c.value for c in r] for r in ws.iter_rows()]
assert rows[0][0] == "六类对象排查台账", rows[0]
head = [r for r in rows if r[0] == "状态"][0]
assert head[:4] == ["状态", "清单", "类别", "姓名"], head
assert any(sys.argv[2] in r and "已销号" in r for r in rows), rows
PY
expect_rc 0 "export csv (GBK)" "$J" --db "$db" ledger export screening -o "$T/s.csv" --village "$vil"
/usr/bin/python3 -c "
import sys
t = open(sys.argv[1], 'rb').read()
assert not t.startswith(b'\xef\xbb\xbf')
s = t.decode('gbk')
assert s.startswith('状态,清单,类别'), s[:40]
assert sys.argv[2] in s
" "$T/s.csv" "$idn" && ok "the CSV is GBK" || bad "the CSV is not GBK"
expect_rc 0 "export csv --utf8" "$J" --db "$db" ledger export change -o "$T/c.csv" --utf8 --from 2025-01 --to 2026-11
/usr/bin/python3 -c "
import sys
t = open(sys.argv[1], 'rb').read()
assert t.startswith(b'\xef\xbb\xbf')
s = t[3:].decode('utf-8')
assert s.startswith('状态,项目,案件编号'), s[:40]
assert '新增' in s
" "$T/c.csv" && ok "the CSV is UTF-8 with a BOM" || bad "the UTF-8 CSV"
expect_rc 1 "export without a file" "$J" --db "$db" ledger export screening
expect_rc 1 "export to .txt" "$J" --db "$db" ledger export screening -o "$T/s.txt"
expect_rc 2 "export into a missing folder" "$J" --db "$db" ledger export screening -o "$T/no/s.csv"

# ---- 特困: visits and care agreements ----
tk=$(q "SELECT number FROM case_file WHERE programme = '特困' AND mode = '分散供养' AND state = '在保' ORDER BY id LIMIT 1")
if [ -n "$tk" ]; then
	expect_rc 0 "tekun ledger" "$J" --db "$db" ledger show tekun
	expect_out "$tk" "the 分散供养 person is listed"
	expect_rc 1 "a visit without visitor" "$J" --db "$db" visit add "$tk" --as jingban
	expect_rc 0 "visit add" "$J" --db "$db" visit add "$tk" --visitor 张三 --finding 身体尚可 --as jingban
	expect_rc 0 "tekun ledger" "$J" --db "$db" ledger show tekun --state 正常
	expect_out "$tk" "visited today: 正常"
	expect_rc 0 "care add" "$J" --db "$db" care add "$tk" --carer 李四 --relation 邻居 --until 2027-11-26 --as jingban
	c1=$(last)
	expect_rc 0 "care ledger" "$J" --db "$db" ledger show care --state 有效
	expect_out "李四" "the agreement is listed"
	expect_rc 0 "care end" "$J" --db "$db" care end "$c1" --as jingban
else
	bad "the demo has no 分散供养 特困 case"
fi
dj=$(q "SELECT number FROM case_file WHERE programme = '低保' ORDER BY id LIMIT 1")
expect_rc 1 "a visit of a 低保 case" "$J" --db "$db" visit add "$dj" --visitor 张三 --as jingban
expect_out "分散供养" "the rule is named"

# ---- survey ----
expect_rc 0 "survey hand" "$J" --db "$db" survey hand "$vil" 2026-11 --unemployed 3 --graduates 1 --edge 2 --as jingban
expect_rc 0 "survey ledger" "$J" --db "$db" ledger show survey --state 已报送
expect_out "$vil	2026-11	2026-11-27	jingban	3	0	1	0	0	2" "the counts"
expect_rc 0 "survey missing" "$J" --db "$db" ledger show survey --state 未报送
expect_no "$vil	" "the village that handed it in is not missing"
expect_out "$other" "another village is missing"
expect_rc 1 "survey of a village that is not there" "$J" --db "$db" survey hand 西山村 2026-11 --as jingban
expect_rc 1 "a bad count" "$J" --db "$db" survey hand "$vil" 2026-11 --unemployed -1 --as jingban
expect_rc 0 "survey person" "$J" --db "$db" survey person "$vil" 2026-11 --category 灵活就业 --name 王五 --situation 跑外卖 --as jingban

# ---- watch, bed, referral, income-ok ----
expect_rc 0 "watch add" "$J" --db "$db" watch add 低保边缘 --id "$idn2" --situation 人均略高 --as jingban
w=$(last)
expect_rc 0 "bianyuan" "$J" --db "$db" ledger show bianyuan --state 手工
expect_out "$idn2" "the watched person"
expect_rc 1 "watch close without reason" "$J" --db "$db" watch close "$w" --as jingban
expect_rc 0 "watch close" "$J" --db "$db" watch close "$w" --reason 收入好转 --as jingban
expect_rc 1 "bed add without wants" "$J" --db "$db" bed add --id "$idn" --as jingban
expect_rc 0 "bed add" "$J" --db "$db" bed add --id "$idn" --wants 是 --preferred 镇敬老院 --as jingban
b=$(last)
expect_rc 0 "bed place" "$J" --db "$db" bed place "$b" --at 镇敬老院 --as jingban
expect_rc 0 "bed ledger" "$J" --db "$db" ledger show bed --state 已安置
expect_out "$idn" "placed"
cid=$(q "SELECT id FROM case_file ORDER BY id LIMIT 1")
q "INSERT INTO referral(id, case_id, department, referred_on) VALUES (50, $cid, '人社所', '2026-11-10')"
expect_rc 0 "referral outcome" "$J" --db "$db" referral outcome 50 --outcome 已安排公益岗位 --as jingban
expect_rc 0 "referral ledger" "$J" --db "$db" ledger show referral --state 已反馈
expect_out "已安排公益岗位" "the outcome"
expect_rc 0 "income-ok add" "$J" --db "$db" income-ok add --id "$idn" --per-capita 900 --standard 610 --reason 务工收入增加 --as jingban
io=$(last)
expect_rc 0 "income-ok feedback" "$J" --db "$db" income-ok feedback "$io" --as jingban
expect_rc 1 "feedback twice" "$J" --db "$db" income-ok feedback "$io" --as jingban
expect_out "已于 2026-11-27 由 jingban" "who and when"
ex=$(q "SELECT number FROM case_file WHERE exit_reason = '收入超标' AND exit_on <> '' ORDER BY id LIMIT 1")
if [ -n "$ex" ]; then
	expect_rc 0 "feedback of an exited case" "$J" --db "$db" income-ok feedback --case "$ex" --as jingban
	expect_eq "$(q "SELECT fed_back_by FROM income_ok i JOIN case_file c ON c.id = i.case_id WHERE c.number = '$ex'")" jingban "its row is made"
fi
expect_rc 0 "income_ok ledger" "$J" --db "$db" ledger show income_ok --state 已反馈
expect_out "900.00" "the per-capita income in yuan"
finish
