#!/bin/sh
# test_compare.sh — 数据比对 on the command line against a demo township:
# a GBK 建档立卡 roster with a title row, 15-digit and Excel-damaged IDs
# whose rows are sorted into seed 001's six categories (one finding per
# category, covered and screened persons left out); a death list whose
# months paid after death and amount to recover match the roll to the fen;
# a 残联 workbook (openpyxl) and a 医保 list (UTF-8 with BOM); re-runs that
# update instead of duplicating; dry-run that writes nothing; dismiss that
# needs a reason and is not raised again; acting that opens a case, records
# the death and ends the case, corrects a disability, each with events; the
# export read back (xlsx with openpyxl, CSV in GBK).
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
nf() { q "SELECT count(*) FROM finding WHERE $1"; }

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 60 --months 3 --seed 5

# IDs of new persons (valid, not in the township) made by python
ids=$(/usr/bin/python3 - <<'PY'
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def make(body):
    s = sum(int(c) * k for c, k in zip(body, w)) % 11
    return body + "10X98765432"[s]
print(" ".join(make("500154197001%02d%03d" % (i + 1, 300 + i)) for i in range(14)))
PY
)
set -- $ids
A=$1 B=$2 C=$3 D=$4 E=$5 F=$6 G=$7 H=$8 I=$9; shift 9
K1=$1 DMG=$2 APO=$3 OLD15=$4 MULTI=$5
cov=$(q "SELECT p.id_number FROM person p JOIN case_member m ON m.person_id = p.id JOIN case_file c ON c.id = m.case_id WHERE c.state = '在保' AND p.deceased_on = '' ORDER BY p.id LIMIT 1")
scr=$K1
q "INSERT INTO screening(list, category, id_number, name, listed_on) VALUES ('001', '未脱贫建档立卡', '$scr', '已排查', '2026-11-01')"
# a 15-digit ID: 500154 + 700202 + 123 -> 18 digits with 19 inserted
old15=500154700202123
/usr/bin/python3 - "$T/jd.csv" "$A" "$B" "$C" "$D" "$E" "$F" "$G" "$H" "$I" "$cov" "$scr" "$APO" "$old15" "$MULTI" <<'PY'
import sys
p, A, B, C, D, E, F, G, H, I, cov, scr, apo, old15, multi = sys.argv[1:]
rows = [
    "南门镇建档立卡贫困人口名单（2026年11月）,,,,,,,,,,,",
    "户编号,姓名,公民身份号码,与户主关系,脱贫状态,劳动能力,残疾类别,残疾等级,是否重病,监测对象,边缘户,年人均纯收入",
    f"H1,甲一,{A},户主,未脱贫,普通劳动力,,,,否,否,3000",
    f"H2,乙一,{B},户主,已脱贫,丧失劳动力,,,,否,否,9000",
    f"H2,乙二,{C},配偶,已脱贫,无劳动力,,,,否,否,9000",
    f"H3,丙一,{D},户主,已脱贫,普通劳动力,肢体残疾,二级,,否,否,9000",
    f"H4,丁一,{E},户主,已脱贫,普通劳动力,智力,三级,,否,否,9000",
    f"H5,戊一,{F},户主,已脱贫,普通劳动力,肢体,三级,,否,否,9000",
    f"H6,己一,{G},户主,已脱贫,普通劳动力,,,,否,否,5000",
    f"H7,庚一,{H},户主,已脱贫,普通劳动力,,,,是,否,9000",
    f"H8,辛一,{I},户主,已脱贫,普通劳动力,,,,否,是,9000",
    f"H9,在保,{cov},户主,未脱贫,普通劳动力,,,,否,否,3000",
    f"H10,已排查,{scr},户主,未脱贫,普通劳动力,,,,否,否,3000",
    f"H11,撇号,'{apo},户主,已脱贫,普通劳动力,,,是,否,否,9000",
    f"H12,老号,{old15},户主,未脱贫,普通劳动力,,,,否,否,3000",
    f"H13,两类,{multi},户主,未脱贫,普通劳动力,,,,是,否,3000",
    "H14,坏号,5.00154E+17,户主,未脱贫,普通劳动力,,,,否,否,3000",
    "H15,校验错,110105194912310021,户主,未脱贫,普通劳动力,,,,否,否,3000",
]
open(p, "wb").write(("\r\n".join(rows) + "\r\n").encode("gbk"))
PY

# ---- jiandang ----
expect_rc 1 "compare without --as" "$J" --db "$db" compare jiandang "$T/jd.csv"
expect_rc 1 "an unknown source" "$J" --db "$db" compare police "$T/jd.csv" --as jingban
expect_out "不认识" "the source is refused by name"
expect_rc 0 "dry run" "$J" --db "$db" compare jiandang "$T/jd.csv" --dry-run --as jingban
expect_out "试运行" "the dry run says so"
expect_eq "$(q 'SELECT count(*) FROM finding') $(q 'SELECT count(*) FROM compare_run')" "0 0" "the dry run writes nothing"
expect_rc 0 "compare jiandang (GBK, title row)" "$J" --db "$db" compare jiandang "$T/jd.csv" --as jingban
expect_out "GB18030" "the encoding was detected"
expect_out "第 17 行, 列「身份证号」, 值「5.00154E+17」" "the Excel-damaged ID is reported with its row"
expect_out "第 18 行, 列「身份证号」, 值「110105194912310021」: " "the wrong check digit is reported"
expect_out "问题 2 处" "all problems are listed"
cat_of() { q "SELECT group_concat(category, '+') FROM (SELECT category FROM finding WHERE source = 'jiandang' AND kind = '漏保' AND id_number = '$1' ORDER BY category)"; }
expect_eq "$(cat_of "$A")" "未脱贫建档立卡" "未脱贫"
expect_eq "$(cat_of "$B")" "整户无劳动力" "a household where no one can work (1)"
expect_eq "$(cat_of "$C")" "整户无劳动力" "a household where no one can work (2)"
expect_eq "$(cat_of "$D")" "重残重病" "grade 2 肢体 is 重残"
expect_eq "$(cat_of "$E")" "重残重病" "grade 3 智力 is 重残"
expect_eq "$(cat_of "$F")" "" "grade 3 肢体 is not"
expect_eq "$(cat_of "$G")" "已脱贫收入低于低保标准" "5000 a year is below 12 x 610"
expect_eq "$(cat_of "$H")" "脱贫监测户" "监测户"
expect_eq "$(cat_of "$I")" "脱贫边缘户" "边缘户"
expect_eq "$(cat_of "$cov")" "" "a covered person is not 漏保"
expect_eq "$(cat_of "$scr")" "" "a person already screened is not listed again"
expect_eq "$(cat_of "$APO")" "重残重病" "a leading apostrophe is repaired (重病 = 是)"
expect_eq "$(q "SELECT category FROM finding WHERE id_number LIKE '50015419700202123_'")" "未脱贫建档立卡" "the 15-digit ID is converted to 18 digits"
expect_eq "$(cat_of "$MULTI")" "未脱贫建档立卡+脱贫监测户" "one finding per category"
g=$(q "SELECT detail FROM finding WHERE id_number = '$G'")
case "$g" in *"5000.00 元，低于 12 个月农村低保标准 7320.00 元"*) ok "the income detail names the standard";; *) bad "income detail: $g";; esac
n1=$(q "SELECT count(*) FROM finding")
expect_rc 0 "the same roster again" "$J" --db "$db" compare jiandang "$T/jd.csv" --as jingban
expect_out "新增 0 条" "nothing new"
expect_eq "$(q 'SELECT count(*) FROM finding')" "$n1" "no finding is duplicated"
expect_eq "$(q 'SELECT count(*) FROM compare_run')" "2" "one run per file compared"

# ---- dismiss needs a reason, and is not raised again ----
fa=$(q "SELECT id FROM finding WHERE id_number = '$A'")
expect_rc 1 "dismiss without a reason" "$J" --db "$db" finding dismiss "$fa" --as jingban
expect_out "原因" "the reason is asked for"
expect_rc 0 "dismiss with a reason" "$J" --db "$db" finding dismiss "$fa" --reason "已迁出本乡镇" --as jingban
expect_eq "$(q "SELECT state || ',' || note || ',' || worked_by FROM finding WHERE id = $fa")" "已排除,已迁出本乡镇,jingban" "dismissed with reason and worker"
expect_rc 0 "the roster a third time" "$J" --db "$db" compare jiandang "$T/jd.csv" --as jingban
expect_eq "$(nf "id_number = '$A'")" "1" "a dismissed finding is not raised again"
expect_rc 1 "a closed finding cannot be worked again" "$J" --db "$db" finding verify "$fa" --as jingban

# ---- act on 漏保: not in the township, then a person who is ----
fb=$(q "SELECT id FROM finding WHERE id_number = '$B'")
expect_rc 1 "act for a person not registered" "$J" --db "$db" finding act "$fb" --as jingban
expect_out "请先登记家庭" "the clerk is told to register the household first"
expect_rc 0 "verify" "$J" --db "$db" finding verify "$fb" --as jingban
expect_eq "$(q "SELECT state FROM finding WHERE id = $fb")" "已核实" "verified"
expect_rc 0 "register the household" "$J" --db "$db" household add --village 青龙村 --name 乙一 --id "$B" --as jingban
cases=$(q "SELECT count(*) FROM case_file")
expect_rc 0 "act: the application is opened" "$J" --db "$db" finding act "$fb" --as jingban
expect_out "已受理低保申请" "the new case is named"
expect_eq "$(q "SELECT count(*) FROM case_file")" "$((cases + 1))" "one case more"
expect_eq "$(q "SELECT c.state || ',' || c.programme FROM finding f JOIN case_file c ON c.id = f.case_id WHERE f.id = $fb")" "受理,低保" "the finding is linked to the 受理 case"
expect_eq "$(q "SELECT count(*) FROM event WHERE action = 'finding.act' AND entity_id = $fb")" "1" "the act has its event"

# ---- death: months paid after death, to the fen ----
dead=$(q "SELECT p.id_number FROM person p WHERE p.deceased_on = '' AND EXISTS (SELECT 1 FROM roll_line l WHERE l.person_id = p.id AND l.for_month = '2026-10') AND EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE m.person_id = p.id AND c.state = '在保' AND (SELECT count(*) FROM case_member o WHERE o.case_id = c.id) = 1) AND NOT EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE m.person_id = p.id AND c.state IN ('在保','渐退') AND (SELECT count(*) FROM case_member o WHERE o.case_id = c.id) > 1) ORDER BY p.id LIMIT 1")
[ -n "$dead" ] || bad "no paid single person in the demo"
owe=$(q "SELECT sum(amount_fen) FROM roll_line WHERE person_id = (SELECT id FROM person WHERE id_number = '$dead') AND for_month > '2026-09'")
months=$(q "SELECT count(DISTINCT for_month) FROM roll_line WHERE person_id = (SELECT id FROM person WHERE id_number = '$dead') AND for_month > '2026-09'")
printf '身份证号,姓名,死亡日期\r\n%s,某某,2026/9/15\r\n' "$dead" | iconv -f UTF-8 -t GBK >"$T/death.csv"
expect_rc 0 "compare death" "$J" --db "$db" compare death "$T/death.csv" --as jingban
expect_eq "$(q "SELECT kind || ',' || death_date || ',' || months_after || ',' || recover_fen FROM finding WHERE source = 'death'")" "死亡仍发放,2026-09-15,$months,$owe" "months after death and the amount to recover"
d=$(q "SELECT detail FROM finding WHERE source = 'death'")
case "$d" in *"2026-10、2026-11"*) ok "the detail names the months";; *) bad "death detail: $d";; esac
case "$d" in *"名单姓名「某某」与本系统「"*"」不一致"*) ok "a name other than ours is pointed out";; *) bad "no name check: $d";; esac
fd=$(q "SELECT id FROM finding WHERE source = 'death'")
expect_rc 0 "act on the death" "$J" --db "$db" finding act "$fd" --as jingban
expect_out "应追回" "the amount to recover is said"
expect_eq "$(q "SELECT deceased_on FROM person WHERE id_number = '$dead'")" "2026-09-15" "the death is recorded"
expect_eq "$(q "SELECT count(*) FROM case_file c JOIN case_member m ON m.case_id = c.id JOIN person p ON p.id = m.person_id WHERE p.id_number = '$dead' AND c.state = '在保'")" "0" "his cases are ended"
[ "$(q "SELECT count(*) FROM event WHERE action = 'person.died'")" -ge 1 ] && ok "person.died event" || bad "no person.died event"
expect_rc 0 "the death list again" "$J" --db "$db" compare death "$T/death.csv" --as jingban
expect_eq "$(nf "source = 'death'")" "1" "an acted death with the same facts is not raised again"

# ---- a dismissed death comes back when more months are paid ----
dead2=$(q "SELECT p.id_number FROM person p WHERE p.deceased_on = '' AND p.id_number <> '$dead' AND EXISTS (SELECT 1 FROM roll_line l WHERE l.person_id = p.id AND l.for_month = '2026-11') AND NOT EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE m.person_id = p.id AND c.state IN ('在保','渐退') AND (SELECT count(*) FROM case_member o WHERE o.case_id = c.id) > 1) ORDER BY p.id LIMIT 1")
printf '身份证号,姓名,死亡日期\r\n%s,某乙,2026-10-20\r\n' "$dead2" >"$T/death2.csv"
expect_rc 0 "compare a second death" "$J" --db "$db" compare death "$T/death2.csv" --as jingban
f2=$(q "SELECT id FROM finding WHERE source = 'death' AND id_number = '$dead2'")
expect_eq "$(q "SELECT months_after FROM finding WHERE id = $f2")" "1" "paid for 2026-11 after a death in October"
expect_rc 0 "dismiss it" "$J" --db "$db" finding dismiss "$f2" --reason "殡葬名单待核" --as jingban
expect_rc 0 "the same list again" "$J" --db "$db" compare death "$T/death2.csv" --as jingban
expect_eq "$(nf "id_number = '$dead2'")" "1" "not raised again while nothing more was paid"
expect_rc 0 "lock November" "$J" --db "$db" roll 2026-11 --lock --as shenhe
expect_rc 0 "December's roll pays him again" "$J" --db "$db" --today 2026-12-05 roll 2026-12 --as jingban
expect_rc 0 "the list in December" "$J" --db "$db" --today 2026-12-05 compare death "$T/death2.csv" --as jingban
expect_eq "$(q "SELECT group_concat(state || months_after, ',') FROM (SELECT state, months_after FROM finding WHERE id_number = '$dead2' ORDER BY id)")" "已排除1,待核实2" "raised again with the months paid since"

# ---- 残联 workbook ----
dis=$(q "SELECT p.id_number FROM person p JOIN case_member m ON m.person_id = p.id JOIN case_file c ON c.id = m.case_id WHERE c.state = '在保' AND c.programme = '低保' AND p.disability_grade = 0 AND p.deceased_on = '' ORDER BY p.id LIMIT 1")
/usr/bin/python3 - "$T/dis.xlsx" "$dis" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "残疾人"
ws.append(["姓名", "残疾类型", "残疾等级", "身份证号码"])
ws.append(["某甲", "肢体残疾", "二级", sys.argv[2]])
ws.append(["某乙", "肢体", "五级", "11010519491231002X"])
wb.save(sys.argv[1])
PY
expect_rc 0 "compare disability (xlsx)" "$J" --db "$db" compare disability "$T/dis.xlsx" --sheet 残疾人 --as jingban
expect_out "第 3 行, 列「残疾等级」, 值「五级」" "a bad grade is reported"
expect_eq "$(q "SELECT group_concat(kind, '+') FROM (SELECT kind FROM finding WHERE source = 'disability' ORDER BY kind)")" "未分类施保+残疾等级不符" "on 低保 without 分类施保, and a grade differing"
fg=$(q "SELECT id FROM finding WHERE source = 'disability' AND kind = '残疾等级不符'")
expect_rc 0 "act: the disability is corrected" "$J" --db "$db" finding act "$fg" --as jingban
expect_eq "$(q "SELECT disability_cat || disability_grade FROM person WHERE id_number = '$dis'")" "肢体2" "grade and category from the list"

# ---- 医保 list, UTF-8 with BOM ----
unc=$(q "SELECT p.id_number FROM person p WHERE p.household_id IS NOT NULL AND p.deceased_on = '' AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.household_id = p.household_id AND c.state IN ('在保','渐退')) AND NOT EXISTS (SELECT 1 FROM case_member m JOIN case_file c ON c.id = m.case_id WHERE m.person_id = p.id AND c.state IN ('在保','渐退')) ORDER BY p.id LIMIT 1")
ill=$(q "SELECT p.id_number FROM person p JOIN case_member m ON m.person_id = p.id JOIN case_file c ON c.id = m.case_id WHERE c.state = '在保' AND p.serious_illness = 0 AND p.deceased_on = '' ORDER BY p.id DESC LIMIT 1")
printf '\357\273\277身份证号,姓名,疾病名称\n%s,甲,尿毒症\n%s,乙,"恶性肿瘤,晚期"\n' "$unc" "$ill" >"$T/med.csv"
expect_rc 0 "compare medical" "$J" --db "$db" compare medical "$T/med.csv" --as jingban
expect_eq "$(q "SELECT kind FROM finding WHERE source = 'medical' AND id_number = '$unc'")" "重病未保" "not covered"
expect_eq "$(q "SELECT kind FROM finding WHERE source = 'medical' AND id_number = '$ill'")" "重病未登记" "covered, illness not registered"

# ---- list and export ----
expect_rc 0 "finding list" "$J" --db "$db" finding list --source jiandang --state 待核实
expect_out "共 " "the list counts"
expect_rc 0 "export xlsx" "$J" --db "$db" finding export -o "$T/f.xlsx"
total=$(q "SELECT count(*) FROM finding")
/usr/bin/python3 - "$T/f.xlsx" "$total" "$owe" <<'PY' && ok "the workbook holds every finding and the amount" || bad "workbook"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
hdr = [i for i, r in enumerate(rows) if r and r[0] == "编号"][0]
body = [r for r in rows[hdr + 1:] if isinstance(r[0], int)]
assert len(body) == int(sys.argv[2]), (len(body), sys.argv[2])
death = [r for r in body if r[2] == "死亡仍发放"][0]
assert round(death[10] * 100) == int(sys.argv[3]), death
assert all(isinstance(r[6], str) and len(r[6]) == 18 for r in body)
PY
expect_rc 0 "export csv (GBK)" "$J" --db "$db" finding export -o "$T/f.csv" --source medical
iconv -f GBK -t UTF-8 "$T/f.csv" >"$T/f8.csv" 2>/dev/null && ok "the CSV is GBK" || bad "the CSV is not GBK"
grep -q '"恶性肿瘤,晚期"\|恶性肿瘤,晚期' "$T/f8.csv" && ok "a comma inside a field survives" || bad "csv quoting"
expect_eq "$(wc -l <"$T/f8.csv" | tr -d ' ')" "3" "header and two rows"
finish
