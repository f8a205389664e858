#!/bin/sh
# test_notice.sh — the 公示名单: a case in 公示 is listed per village with its
# ID masked (first 6 and last 4 digits) in the workbook and the printable
# text, with the notice's dates and the office phone; nothing else leaks.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo JIUZHU_NOW=2026-11-12T09:00:00
db="$T/d.db"
"$J" --db "$db" demo --no-open --households 30 --months 0 --seed 4 >/dev/null || bad "demo"
hh=$(sqlite3 "$db" "SELECT number FROM household ORDER BY id LIMIT 1")
full=$(sqlite3 "$db" "SELECT id_number FROM person p JOIN household h ON h.id = p.household_id WHERE h.number = '$hh' AND relation = '户主'")
c=$("$J" --db "$db" case new --household "$hh" --programme 低保 --as jingban | tail -n 1)
for who in jingban shenhe jingban; do "$J" --db "$db" case step "$c" --as $who >/dev/null || bad "step by $who"; done
expect_rc 0 "notice lists the case" "$J" --db "$db" notice
expect_out "$(echo "$full" | cut -c1-6)********$(echo "$full" | cut -c15-18)" "the ID is masked"
grep -q "$full" "$T/out" && bad "the full ID is printed" || ok "the full ID is not printed"
mkdir -p "$T/x"
expect_rc 0 "notice --export" "$J" --db "$db" notice --export "$T/x"
expect_out "已写出 1 个" "one village written"
/usr/bin/python3 - "$T/x" "$full" > "$T/out" 2>&1 <<'PY'
import glob, sys, openpyxl
d, full = sys.argv[1], sys.argv[2]
path = glob.glob(d + "/*.xlsx")[0]
ws = openpyxl.load_workbook(path).active
cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
assert not any(full in c for c in cells), "full ID in workbook"
assert any(full[:6] + "********" + full[-4:] == c for c in cells), "masked ID missing"
assert any("2026-11-12 至 2026-11-18" in c for c in cells), "notice dates missing"
assert any("023-52881234" in c for c in cells), "office phone missing"
print("xlsx ok")
PY
expect_out "xlsx ok" "the workbook has masked IDs, dates and the phone"
txt=$(ls "$T"/x/*.txt)
grep -q "$full" "$txt" && bad "full ID in the printable text" || ok "printable text masks the ID"
grep -q "监督电话" "$txt" && ok "printable text has the phone" || bad "no phone in the text"
finish
