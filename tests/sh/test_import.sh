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
expect_rc 0 "GBK forced with --encoding" imp "$T/gbk.csv" --encoding GBK --as admin
expect_out "编码 GBK" "the encoding given is used"
expect_rc 2 "GBK read as UTF-8" imp "$T/gbk.csv" --encoding UTF-8 --as admin
expect_out "第 1 行" "the first bad bytes are placed"
printf '\320\317\021\340rest' >"$T/old.xls"
expect_rc 1 "an old .xls" imp "$T/old.xls" --as admin
expect_out "另存为" "the clerk is told to save it as .xlsx or CSV"
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

# ---- quoted newlines and commas, CRLF, repaired IDs ----
id5=$(gen --id 50015419850303127)
id6=$(gen --id 50015420100101128)
wide6=$(echo "$id6" | sed 's/0/０/g; s/1/１/g; s/2/２/g')
{
	head -n 1 "$T/r.csv" | tr -d '\n'
	printf '\r\n8800000001,东山村,农村,郑八,%s,户主,,,,,,,低保,整户保障,"1,220.00",2025-06,,,,,"住在村口,\r\n第二行"\r\n' "$id5"
	printf "8800000001,东山村,农村,冯九,'%s ,女,,,,,是,,,,,,,,,,\"引号\"\"里\"\"\"\r\n" "$wide6"
} >"$T/quoted.csv"
expect_rc 0 "quoted newlines and commas, CRLF" imp "$T/quoted.csv" --as admin
expect_out "1 户，2 人" "a quoted newline does not start a row"
expect_out "已导入：新增 1 户 2 人 1 件" "imported"
expect_eq "$(q "$db" "SELECT relation || student FROM person WHERE id_number = '$id6'")" 女1 "the repaired ID is the person's"
expect_eq "$(q "$db" "SELECT a.total_fen FROM case_amount a JOIN case_file c ON c.id = a.case_id JOIN household h ON h.id = c.household_id WHERE h.number = '8800000001'")" \
	122000 "an amount with a thousands comma"

# ---- an .xlsx shaped like LibreOffice's ----
# LibreOffice is not installed here, so the workbook is built by hand the way
# LibreOffice Calc writes it: shared strings for text, numbers (amount, a
# date cell for 起始年月 as Excel's day number), no <dimension>, spans on
# rows, one inline string, and the roster on the second sheet ("说明" first).
id7=$(gen --id 50015419700707127)
/usr/bin/python3 - "$T/lo.xlsx" "$id7" <<'PY'
import sys, zipfile
out, idn = sys.argv[1], sys.argv[2]
head = ["户编号", "所属村", "姓名", "公民身份号码", "关系", "救助项目", "保障方式", "月保障金额", "起始年月"]
strings = head + ["6600000001", "西河村", "卫十", idn, "本人", "特困", "分散供养"]
def s(i, ref): return '<c r="%s" s="0" t="s"><v>%d</v></c>' % (ref, i)
row1 = "".join(s(i, chr(65 + i) + "1") for i in range(len(head)))
row2 = (s(9, "A2") + s(10, "B2") + '<c r="C2" s="0" t="inlineStr"><is><t>卫十</t></is></c>' + s(12, "D2") +
        s(13, "E2") + s(14, "F2") + s(15, "G2") + '<c r="H2" s="1" t="n"><v>976</v></c>' +
        '<c r="I2" s="2" t="n"><v>45809</v></c>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr>'
         '<sheetViews><sheetView showGridLines="true" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="12.8"/>'
         '<cols><col min="1" max="9" width="11.52" customWidth="false"/></cols><sheetData>'
         '<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">%s</row>'
         '<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">%s</row>'
         '</sheetData><printOptions headings="false" gridLines="false"/></worksheet>') % (NS, row1, row2)
note = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>') % NS
sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%d" uniqueCount="%d">%s</sst>' % (
    NS.split(" xmlns:r")[0], len(strings), len(strings), "".join('<si><t xml:space="preserve">%s</t></si>' % t for t in strings))
wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/>'
      '<bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="说明" sheetId="1" state="visible" r:id="rId2"/>'
      '<sheet name="花名册" sheetId="2" state="visible" r:id="rId3"/></sheets><calcPr iterateCount="100" refMode="A1"/></workbook>') % NS
rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
root = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
ct = ('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet %s/>' % NS.split(" xmlns:r")[0]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("mimetype", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    z.writestr("[Content_Types].xml", ct)
    z.writestr("_rels/.rels", root)
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/styles.xml", styles)
    z.writestr("xl/sharedStrings.xml", sst)
    z.writestr("xl/worksheets/sheet1.xml", note)
    z.writestr("xl/worksheets/sheet2.xml", sheet)
PY
expect_rc 1 "the first sheet is not the roster" imp "$T/lo.xlsx" --dry-run --as admin
expect_rc 0 "LibreOffice-shaped workbook, --sheet" imp "$T/lo.xlsx" --sheet 花名册 --as admin
expect_out "特困（分散供养）1 件，每月 976.00 元" "numbers and shared strings read"
expect_eq "$(q "$db" "SELECT start_month FROM case_file c JOIN household h ON h.id = c.household_id WHERE h.number = '6600000001'")" \
	2025-06 "a date cell's day number read as its month"
expect_rc 1 "an unknown sheet" imp "$T/lo.xlsx" --sheet 其他 --as admin
expect_out "花名册" "the sheets are listed"

# ---- the demo township: its villages, a member added to one of its households ----
demo="$T/demo.db"
expect_rc 0 "demo" "$J" --db "$demo" demo --no-open --households 40 --months 2 --seed 3
v1=$(q "$demo" "SELECT name FROM village ORDER BY code LIMIT 1")
v2=$(q "$demo" "SELECT name FROM village ORDER BY code LIMIT 1 OFFSET 1")
gen "$T/d.csv" 12 --villages "$v1,$v2" --hh-prefix 77 --id-base 300000
hnum=$(q "$demo" "SELECT h.number FROM household h WHERE (closed_on IS NULL OR closed_on = '')
	AND (SELECT count(*) FROM person p WHERE p.household_id = h.id AND deceased_on = '') >= 2 ORDER BY id LIMIT 1")
hv=$(q "$demo" "SELECT v.name FROM household h JOIN village v ON v.id = h.village_id WHERE h.number = '$hnum'")
hrow=$(q "$demo" "SELECT name || ',' || id_number FROM person p JOIN household h ON h.id = p.household_id WHERE h.number = '$hnum' AND relation = '户主'")
id8=$(gen --id 50015420200202128)
printf '%s,%s,,%s,户主,,,,,,,,,,,,,,,,\n%s,%s,,新成员,%s,子,,,,,,,,,,,,,,,\n' "$hnum" "$hv" "$hrow" "$hnum" "$hv" "$id8" >>"$T/d.csv"
export JIUZHU_PASSWORD=demo
dd=$(digest "$demo")
expect_rc 0 "dry run on the demo" "$J" --db "$demo" import roster "$T/d.csv" --dry-run --as jingban
expect_out "将新增 12 户、31 人" "new households and the new member"
expect_eq "$(digest "$demo")" "$dd" "the dry run wrote nothing"
members=$(q "$demo" "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.number = '$hnum'")
expect_out "救助台里这一户还有" "members the file leaves out are noted"
expect_out "发放花名册已锁定" "cases starting before a locked roll are flagged"
expect_rc 0 "import into the demo" "$J" --db "$demo" import roster "$T/d.csv" --as jingban
expect_out "新增 12 户 31 人" "imported"
expect_eq "$(q "$demo" "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.number = '$hnum'")" \
	$((members + 1)) "the member joined the demo's household"
expect_rc 1 "审批 alone may not import" "$J" --db "$demo" import roster "$T/d.csv" --as shenpi
expect_out "经办" "the role is named"
dd=$(digest "$demo")
expect_rc 0 "the same file again" "$J" --db "$demo" import roster "$T/d.csv" --as jingban
expect_out "没有变化" "nothing changed"
expect_eq "$(digest "$demo")" "$dd" "the demo is unchanged"

# The months before the import were paid outside the desk: the next roll
# pays the imported cases their month, and no 补发 for locked months.
expect_rc 0 "the next roll" "$J" --db "$demo" roll 2026-11 --as jingban
expect_eq "$(q "$demo" "SELECT count(*) FROM roll_line l JOIN case_file c ON c.id = l.case_id
	WHERE l.month = '2026-11' AND c.imported_from <> '' AND l.kind = '补发'")" 0 "no 补发 for an imported case"
expect_eq "$(q "$demo" "SELECT count(DISTINCT l.case_id) FROM roll_line l JOIN case_file c ON c.id = l.case_id
	WHERE l.month = '2026-11' AND c.imported_from <> '' AND l.kind = '月发'")" \
	"$(q "$demo" "SELECT count(*) FROM case_file WHERE imported_from <> '' AND state = '在保'")" \
	"each imported case is paid its month"

finish
