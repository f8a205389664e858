#!/bin/sh
# test_county.sh — the county's workbook from the townships' bundles: three
# townships (copies of one demo under other names, so every sum is three
# times the township's) export their October figures; `jiuzhu merge` makes
# the county's 低保 table a row per township, then 城市/农村/合计 summed,
# 月人均补助 computed again (the same as the township's), the standard left
# blank in sums; the lists put one after another; read back with openpyxl
# and from the CSV. Bundles of different months, the same township twice,
# and a file that is not a bundle are refused.
. "$(dirname "$0")/lib.sh"
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_rc 0 "demo" "$J" --db "$T/a.db" demo --no-open --households 60 --months 3
sqlite3 "$T/a.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$T/a.db" "$T/b.db"; cp "$T/a.db" "$T/c.db"
sqlite3 "$T/b.db" "UPDATE township SET name = '北山镇', area_code = '500155'"
sqlite3 "$T/c.db" "UPDATE township SET name = '西河镇', area_code = '500156'"
for t in a b c; do
	expect_rc 0 "export county from $t" "$J" --db "$T/$t.db" export county 2026-10 -o "$T/$t.bundle"
done
expect_out "jiuzhu merge" "the message says what to do with it"
expect_rc 1 "a bad month" "$J" --db "$T/a.db" export county 2026-13 -o "$T/x.bundle"
mkdir "$T/town"
"$J" --db "$T/a.db" report 2026-10 --csv "$T/town" --utf8 >/dev/null 2>&1
expect_rc 0 "merge three" "$J" merge "$T/a.bundle" "$T/b.bundle" "$T/c.bundle" -o "$T/county.xlsx" --csv "$T/csv" --utf8
expect_out "已汇总 3 个乡镇 2026-10" "said so"
got=$(/usr/bin/python3 - "$T/town/dibao.csv" "$T/csv/dibao.csv" "$T/town/biandong.csv" "$T/csv/biandong.csv" <<'PY'
import csv, sys
town = {r[0]: r for r in csv.reader(open(sys.argv[1], encoding='utf-8'))}
cnty = list(csv.reader(open(sys.argv[2], encoding='utf-8')))
head, rows = cnty[0], {r[0]: r for r in cnty[1:]}
t, c = town['合计'], rows['合计']
i_persons, i_paid = head.index('保障人数'), head.index('当月支出金额')
i_pp, i_std = head.index('月人均补助'), head.index('低保标准')
out = []
out.append(int(c[i_persons]) == 3 * int(t[i_persons]))
out.append(abs(float(c[i_paid]) - 3 * float(t[i_paid])) < 0.005)
out.append(c[i_pp] == t[i_pp])                       # computed again, not summed
out.append(rows['城市'][i_std] == '' and town['城市'][i_std] != '')  # a standard is not summed
out.append([r[0] for r in cnty[1:4]] == ['南门镇', '北山镇', '西河镇'])  # a row per township first
out.append(all(rows[n][1:] == t[1:] for n in ('南门镇', '北山镇', '西河镇')))
tb = list(csv.reader(open(sys.argv[3], encoding='utf-8')))
cb = list(csv.reader(open(sys.argv[4], encoding='utf-8')))
out.append(len(cb) - 1 == 3 * (len(tb) - 1))
print(' '.join('ok' if x else 'no' for x in out))
PY
)
expect_eq "$got" "ok ok ok ok ok ok ok" "sums, the recomputed average, blank standard, township rows, lists"
got=$(/usr/bin/python3 -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['低保']
print(ws['A1'].value.startswith('开州区（3 个乡镇汇总）'), any(c.value == '乡镇（街道）' for r in ws.iter_rows(max_row=6) for c in r))" "$T/county.xlsx")
expect_eq "$got" "True True" "the county's workbook: its title and the township column"

expect_rc 0 "another month" "$J" --db "$T/c.db" export county 2026-09 -o "$T/c9.bundle"
expect_rc 1 "months differ" "$J" merge "$T/a.bundle" "$T/c9.bundle" -o "$T/x.xlsx"
expect_out "月份不一致" "said so"
expect_rc 1 "the same township twice" "$J" merge "$T/a.bundle" "$T/a.bundle" -o "$T/x.xlsx"
expect_out "南门镇 出现了两次" "said so"
echo "not a bundle" > "$T/junk.bundle"
expect_rc 1 "not a bundle" "$J" merge "$T/junk.bundle" -o "$T/x.xlsx"
expect_out "不是救助台的乡镇汇总文件" "said so"
[ ! -e "$T/x.xlsx" ] && ok "nothing written on a refusal" || bad "x.xlsx written"
finish
