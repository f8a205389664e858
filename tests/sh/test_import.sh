#!/bin/sh
# test_import.sh — `jiuzhu import roster` end to end. Fixtures are made
# here (tests/sh/test_import_gen.py writes valid rosters): UTF-8, UTF-8 with
# a BOM, GBK, quoted fields with newlines and commas, Excel-damaged IDs,
# header synonyms, shuffled columns, a title row above the header, an .xlsx
# written by openpyxl and one shaped like LibreOffice's (no LibreOffice on
# the build machine: the XML is built by hand, see below). Checked: the
# dry run writes nothing and a failing file leaves every table as it was
# (a digest of every table's rows), every problem reported at once with
# row, column and value, the same file twice changes nothing (no new
# events), a changed file updates with events, and both a township just
# made with `jiuzhu init` and the demo take a roster.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=pass1234
db="$T/fresh.db"
gen() { /usr/bin/python3 "$SRC_DIR/tests/sh/test_import_gen.py" "$@"; }
q() { sqlite3 "$1" "$2"; }
imp() { "$J" --db "$db" import roster "$@"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_no() {
	if grep -qF -- "$1" "$T/out"; then bad "$2: unexpected「$1」in:"; sed 's/^/    /' "$T/out"; else ok "$2"; fi
}
# A digest of every row of every table: equal digests, equal content.
digest() {
	/usr/bin/python3 - "$1" <<'PY'
import hashlib, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
h = hashlib.sha256()
for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
    h.update(t.encode())
    for row in sorted(repr(r) for r in c.execute('SELECT * FROM "%s"' % t)):
        h.update(row.encode())
print(h.hexdigest())
PY
}

expect_rc 0 "init" "$J" --db "$db" init --township 南门镇 --county 开州区 --area-code 500154

# ---- usage and bad files ----
expect_rc 1 "import without a file" "$J" --db "$db" import roster --as admin
expect_out "--dry-run" "usage names --dry-run"
expect_rc 1 "import without roster" "$J" --db "$db" import --as admin
expect_rc 2 "a missing file" "$J" --db "$db" import roster "$T/nope.csv" --as admin
printf '姓名,身份证号\n张三,500154199001011234\n' >"$T/cols.csv"
expect_rc 1 "missing required columns" "$J" --db "$db" import roster "$T/cols.csv" --as admin
expect_out "户编号" "the missing column is named"

# ---- a fresh township: dry run, then the real import ----
gen "$T/r.csv" 30
d0=$(digest "$db")
expect_rc 1 "unknown villages refused" imp "$T/r.csv" --dry-run --as admin
expect_out "列「村(社区)」, 值「东山村」: 救助台里没有这个村" "the unknown village is named with row and column"
expect_out "--add-villages" "the way out is named"
expect_rc 0 "dry run with --add-villages" imp "$T/r.csv" --dry-run --add-villages --as admin
expect_out "30 户，73 人" "households and persons counted"
expect_out "低保（整户保障）" "cases by programme"
expect_out "每月保障金额合计" "the monthly total"
expect_out "将新增 30 户、73 人" "what would be added"
expect_out "不认识的列（已忽略）：备注" "the unknown column is listed"
expect_eq "$(digest "$db")" "$d0" "the dry run wrote nothing"
expect_rc 0 "import" imp "$T/r.csv" --add-villages --as admin
expect_out "已导入：新增 30 户 73 人" "imported"
expect_eq "$(q "$db" "SELECT count(*) FROM household")" 30 "30 households"
expect_eq "$(q "$db" "SELECT count(*) FROM person")" 73 "73 persons"
expect_eq "$(q "$db" "SELECT count(*) FROM village")" 3 "3 villages created"
expect_eq "$(q "$db" "SELECT area FROM village WHERE name = '城关社区'")" 城市 "the community's area from 城乡类别"
expect_eq "$(q "$db" "SELECT count(*) FROM case_file WHERE state <> '在保' OR imported_from <> 'r.csv 2026-11-27'")" 0 \
	"every case in force, marked imported with file and date"
expect_eq "$(q "$db" "SELECT count(*) FROM case_file c JOIN case_amount a ON a.case_id = c.id AND a.from_month = c.start_month AND a.note = '导入'")" \
	"$(q "$db" "SELECT count(*) FROM case_file")" "each case keeps the imported amount from its start month"
expect_eq "$(q "$db" "SELECT count(*) FROM case_file WHERE review_due = ''")" 0 "every case has its first review due"
expect_eq "$(q "$db" "SELECT number FROM household ORDER BY number LIMIT 1")" 5200000001 "the roster's household numbers are kept"
hh2=$(q "$db" "SELECT a.total_fen FROM case_file c JOIN case_amount a ON a.case_id = c.id JOIN household h ON h.id = c.household_id WHERE h.number = '5200000002'")
expect_eq "$hh2" 122000 "the 整户保障 amount from the head's row (1220.00)"
expect_eq "$(q "$db" "SELECT count(*) FROM case_file WHERE mode = '单人保'")" 7 "单人保 cases on the covered persons' rows"
expect_eq "$(q "$db" "SELECT count(*) FROM import_run")" 1 "the run is recorded"
expect_eq "$(q "$db" "SELECT count(*) FROM event WHERE action = 'import.roster'")" 1 "with its event"

# ---- the same file again changes nothing ----
d1=$(digest "$db")
expect_rc 0 "the same file again" imp "$T/r.csv" --add-villages --as admin
expect_out "没有变化" "nothing to change"
expect_eq "$(digest "$db")" "$d1" "no table changed, no new event"

# ---- the same roster as GBK, with synonyms, shuffled columns and a title ----
gen "$T/gbk.csv" 30 --encoding gbk --synonyms --shuffle --title
expect_rc 0 "GBK, synonyms, shuffled, title row" imp "$T/gbk.csv" --as admin
expect_out "表头在第 2 行" "the header found under the title"
expect_out "没有变化" "read as the same roster"
gen "$T/bom.csv" 30 --encoding utf-8-sig
expect_rc 0 "UTF-8 with BOM" imp "$T/bom.csv" --as admin
expect_out "没有变化" "the BOM is not part of the first header"
gen "$T/r.xlsx" 30 --xlsx --shuffle
expect_rc 0 "xlsx (openpyxl)" imp "$T/r.xlsx" --as admin
expect_out "没有变化" "the workbook reads as the same roster"
expect_eq "$(digest "$db")" "$d1" "still nothing changed"


# ---- a changed file updates what changed, with events ----
first=$(sed -n '2p' "$T/r.csv" | cut -d, -f5)
gen "$T/r2.csv" 30 --amount-delta 1000
sed -i 's/,王伟伟,/,王伟华,/' "$T/r2.csv"
ev=$(q "$db" "SELECT count(*) FROM event")
expect_rc 0 "a changed file" imp "$T/r2.csv" --as admin
expect_out "修改 0 户 1 人" "one person changed"
expect_eq "$(q "$db" "SELECT name FROM person WHERE id_number = '$first'")" 王伟华 "the name updated"
expect_eq "$(q "$db" "SELECT count(*) FROM event WHERE action = 'person.update' AND new LIKE '%王伟华%'")" 1 "with its event"
expect_eq "$(q "$db" "SELECT a.total_fen FROM case_amount a JOIN case_file c ON c.id = a.case_id JOIN household h ON h.id = c.household_id WHERE h.number = '5200000002' AND a.from_month = '2026-11'")" \
	123000 "the amount changes from this month"
n=$(q "$db" "SELECT count(*) FROM event WHERE id > $ev AND action = 'case.amount'")
[ "$n" -gt 0 ] && ok "amount changes have events ($n)" || bad "no case.amount events"
d2=$(digest "$db")
expect_rc 0 "the changed file again" imp "$T/r2.csv" --as admin
expect_out "没有变化" "a second time changes nothing"
expect_eq "$(digest "$db")" "$d2" "no table changed"

# ---- a failing file: every problem at once, nothing written ----
id1=$(gen --id 50015419900101123)
id2=$(gen --id 50015419900101124)
id3=$(gen --id 50015419900101125)
id4=$(gen --id 50015419900101126)
bad1=$(echo "$id1" | sed 's/.$/0/'); [ "$bad1" = "$id1" ] && bad1=$(echo "$id1" | sed 's/.$/1/')
wide=$(echo "$id4" | sed 's/0/０/g; s/1/１/g; s/5/５/g; s/4/４/g; s/9/９/g')
{
	head -n 1 "$T/r.csv"
	echo "9900000001,东山村,农村,赵一,$bad1,户主,,,,,,,低保,整户保障,800,2025-13,,,,,"
	echo "9900000001,东山村,农村,赵二,$id2,户主,,,,,,,,,,,,,,,"
	echo "9900000002,东山村,农村,钱三,5.00154E+17,户主,,,,,,,低保,单人保,abc,2025-01,,,,,"
	echo "9900000003,东山村,农村,孙四,'$id3 ,户主,,,,,,,,,,,,,,,"
	echo "9900000004,东山村,农村,李五,$id3,子,,,,,,,,,,,,,,,"
	echo "9900000005,南村,农村,周六,$wide,本人,,,,,,,,,,,,,,,"
	echo "9900000006,东山村,农村,\"吴,七\",$first,户主,,,,,,,,,,,,,,,"
} >"$T/bad.csv"
expect_rc 1 "a file with problems" imp "$T/bad.csv" --as admin
expect_out "个问题" "the problems are counted"
expect_out "第 2 行, 列「身份证号」, 值「$bad1」: " "row, column and value"
expect_out "校验位" "a wrong check digit explained"
expect_out "第 3 行, 列「与户主关系」, 值「户主」: 户编号 9900000001 有两个户主" "two heads"
expect_out "第 2 行, 列「起始年月」, 值「2025-13」" "a bad month"
expect_out "第 4 行, 列「身份证号」, 值「5.00154E+17」" "an ID turned into a number is explained"
expect_out "第 4 行, 列「月保障金额」, 值「abc」" "a bad amount"
expect_out "与第 5 行" "an ID twice"
expect_out "第 6 行, 列「户编号」, 值「9900000004」: 户编号 9900000004 没有户主" "a household with no head"
expect_no "应大于 0" "a bad amount is reported once"
expect_out "值「南村」" "an unknown village"
expect_out "户编号 5200000001 的成员" "a person the file would move"
expect_out "去掉了开头的单引号" "lossless damage repaired and noted"
expect_out "全角" "full-width digits repaired and noted"
expect_no "身份证号是空的" "a bad ID is reported once"
expect_eq "$(digest "$db")" "$d2" "nothing written"
expect_rc 1 "the dry run reports the same" imp "$T/bad.csv" --dry-run --as admin
expect_out "第 4 行, 列「月保障金额」, 值「abc」" "dry run lists problems"

# ---- quoted newlines and commas, repaired IDs ----
{
	head -n 1 "$T/r.csv"
	printf '8800000001,东山村,农村,"郑\n八",500154199001011258,户主,"部分\n丧失",,,,,,,,,,,,,,\n' | sed 's/"部分\n丧失"/部分丧失/'
	printf "8800000001,东山村,农村,\"冯,九\",'５００１５４２０１００１０１１２８７ ,子,,,,,,,,,,,,,,,\"多行\n备注\"\n"
} >"$T/quoted.csv"
expect_rc 1 "a name with a newline is refused" imp "$T/quoted.csv" --dry-run --as admin
expect_out "第 2 行" "the record counts as one row"
