#!/usr/bin/python3
"""peer_dibao.py — the peer of the bench: what a county IT person would write
to get the 低保 sheet of the monthly workbook out of a jiuzhu file without
jiuzhu: Python 3's sqlite3 to read the rows, the counting in Python, and
openpyxl (Debian's python3-openpyxl) to write the sheet.

  peer_dibao.py DB YYYY-MM OUT.xlsx [--csv]

The rules are those of src/core/figures_people.c (a case in force in the
month, a member until his until_month and not dead before the month began,
values on the last day of the month from person_past / household_past).
--csv also prints the table as bench/run.py compares it (money in fen)."""
import calendar
import csv
import sqlite3
import sys
from collections import defaultdict

import openpyxl
from openpyxl.styles import Alignment, Font

COLS = [("households", "保障户数"), ("persons", "保障人数"), ("female", "保障对象构成|女性"),
        ("elderly", "保障对象构成|老年人"), ("adult", "保障对象构成|成年人"),
        ("minor", "保障对象构成|未成年人"), ("student", "保障对象构成|在校生"),
        ("disabled", "保障对象构成|残疾人"), ("severe", "保障对象构成|重度残疾人"),
        ("labour_none", "劳动能力|完全丧失"), ("labour_part", "劳动能力|部分丧失"),
        ("single", "单人保人数"), ("cause_ill", "致贫原因（户）|疾病"),
        ("cause_disabled", "致贫原因（户）|残疾"), ("cause_study", "致贫原因（户）|因学"),
        ("cause_disaster", "致贫原因（户）|灾害"), ("cause_labour", "致贫原因（户）|缺乏劳动力"),
        ("cause_other", "致贫原因（户）|其他"), ("new_households", "当月新增户数"),
        ("new_persons", "当月新增人数"), ("exit_households", "当月退出户数"),
        ("exit_persons", "当月退出人数"), ("standard", "低保标准"), ("paid", "当月支出金额"),
        ("per_person", "月人均补助"), ("ytd", "累计支出")]
MONEY = {"standard", "paid", "per_person", "ytd"}
CAUSES = {"疾病": "cause_ill", "残疾": "cause_disabled", "因学": "cause_study",
          "灾害": "cause_disaster", "缺乏劳动力": "cause_labour", "其他": "cause_other"}


def prev_month(m):
    y, mo = int(m[:4]), int(m[5:7])
    return "%04d-%02d" % (y - 1, 12) if mo == 1 else "%04d-%02d" % (y, mo - 1)


def last_day(m):
    y, mo = int(m[:4]), int(m[5:7])
    return "%s-%02d" % (m, calendar.monthrange(y, mo)[1])


def in_force(c, m):
    start, end, state, grace = c
    return start != "" and start <= m and (end == "" or end >= m) and (state != "渐退" or grace >= m)


def past_values(db, table, key, day):
    """The first past row changed after day, per id: the values on that day."""
    out = {}
    for row in db.execute("SELECT * FROM %s WHERE changed_on > ? ORDER BY changed_on DESC, rowid DESC"
                          % table, (day,)):
        out[row[key]] = row  # the last written wins: the earliest change after day
    return out


def setting(db, key, area, day):
    r = db.execute("SELECT value FROM setting WHERE key = ? AND area IN (?, '*') AND from_date <= ?"
                   " ORDER BY area = '*', from_date DESC LIMIT 1", (key, area, day)).fetchone()
    return int(r[0]) if r else None


def compute(db, m):
    prev = prev_month(m)
    last, first = last_day(m), m + "-01"
    prev_first, prev_last = prev + "-01", last_day(prev)
    elderly = setting(db, "dibao.elderly_age", "*", last) or 60
    db.row_factory = sqlite3.Row
    villages = db.execute("SELECT id, name, area FROM village ORDER BY code").fetchall()
    hpast = past_values(db, "household_past", "household_id", last)
    ppast = past_values(db, "person_past", "person_id", last)
    ppast_prev = past_values(db, "person_past", "person_id", prev_last)

    def hval(h, col):
        y = hpast.get(h["id"])
        return y[col] if y is not None and y[col] is not None else h[col]

    households = {h["id"]: h for h in db.execute("SELECT * FROM household")}
    cases = db.execute("SELECT id, household_id, mode, start_month, end_month, state, grace_until"
                       " FROM case_file WHERE programme = '低保' AND state IN ('在保','渐退','退出')")
    # members of cases in force in M or M-1
    rows = []
    for c in cases.fetchall():
        flags = (c["start_month"], c["end_month"], c["state"], c["grace_until"])
        now_in, before_in = in_force(flags, m), in_force(flags, prev)
        if not (now_in or before_in):
            continue
        for mem in db.execute("SELECT p.*, cm.until_month FROM case_member cm"
                              " JOIN person p ON p.id = cm.person_id WHERE cm.case_id = ?", (c["id"],)):
            x, x2 = ppast.get(mem["id"]), ppast_prev.get(mem["id"])

            def pval(col, past=x):
                return past[col] if past is not None and past[col] is not None else mem[col]
            dead, dead2 = pval("deceased_on"), pval("deceased_on", x2)
            n = now_in and (mem["until_month"] == "" or mem["until_month"] >= m) and not (dead and dead < first)
            b = before_in and (mem["until_month"] == "" or mem["until_month"] >= prev) and \
                not (dead2 and dead2 < prev_first)
            if n or b:
                birth = mem["birth"]
                age = int(last[:4]) - int(birth[:4]) - (last[5:] < birth[5:10])
                rows.append(dict(h=c["household_id"], p=mem["id"], mode=c["mode"], n=n, b=b,
                                 sex=mem["sex"], age=age, labour=pval("labour"),
                                 grade=pval("disability_grade") or 0, student=pval("student")))
    pn, pb, hn, hb = set(), set(), set(), set()
    for r in rows:
        if r["n"]:
            pn.add(r["p"]); hn.add(r["h"])
        if r["b"]:
            pb.add(r["p"]); hb.add(r["h"])
    # distinct sets per (village, area), then summed like the program
    groups = defaultdict(lambda: defaultdict(set))
    for r in rows:
        h = households[r["h"]]
        g = groups[(hval(h, "village_id"), hval(h, "area"))]
        p, hid = r["p"], r["h"]
        if r["n"]:
            g["households"].add(hid); g["persons"].add(p)
            if r["sex"] == "F": g["female"].add(p)
            if r["age"] >= elderly: g["elderly"].add(p)
            elif r["age"] >= 18: g["adult"].add(p)
            else: g["minor"].add(p)
            if r["student"]: g["student"].add(p)
            if r["grade"] > 0: g["disabled"].add(p)
            if 1 <= r["grade"] <= 2: g["severe"].add(p)
            if r["labour"] == "完全丧失": g["labour_none"].add(p)
            if r["labour"] == "部分丧失": g["labour_part"].add(p)
            if r["mode"] == "单人保": g["single"].add(p)
            cause = CAUSES.get(hval(h, "poverty_cause"))
            if cause: g[cause].add(hid)
            if hid not in hb: g["new_households"].add(hid)
            if p not in pb: g["new_persons"].add(p)
        if r["b"]:
            if hid not in hn: g["exit_households"].add(hid)
            if p not in pn: g["exit_persons"].add(p)
    table = {}
    names = {v["id"]: v["name"] for v in villages}
    labels = [v["name"] for v in villages] + ["城市", "农村", "合计"]
    for lab in labels:
        table[lab] = defaultdict(int)
    for (vid, area), g in groups.items():
        for key in (names.get(vid), area, "合计"):
            if key in table:
                for col, s in g.items():
                    table[key][col] += len(s)
    money = db.execute("SELECT l.month = ?, l.household_id, l.amount_fen FROM roll_line l"
                       " LEFT JOIN case_file c ON c.id = l.case_id WHERE l.month BETWEEN ? AND ?"
                       " AND coalesce(c.programme, l.programme) = '低保'", (m, m[:4] + "-01", m))
    for this_month, hid, fen in money:
        h = households[hid]
        for key in (names.get(hval(h, "village_id")), hval(h, "area"), "合计"):
            if key in table:
                if this_month:
                    table[key]["paid"] += fen
                table[key]["ytd"] += fen
    areas = {v["name"]: v["area"] for v in villages}
    areas.update({"城市": "城市", "农村": "农村"})
    out = []
    for lab in labels:
        t = table[lab]
        t["standard"] = setting(db, "dibao.standard_fen", areas[lab], last) if lab in areas else None
        n = t["persons"]
        t["per_person"] = (t["paid"] * 2 + n) // (2 * n) if n else 0
        out.append((lab, [t[c] if c != "standard" else t["standard"] for c, _ in COLS]))
    return out


def write_xlsx(rows, month, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "低保"
    ws.append(["城乡最低生活保障情况统计表（%s）" % month])
    ncol = len(COLS) + 1
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    top = ["村（社区）"] + [h.split("|")[0] for _, h in COLS]
    sub = [""] + [h.split("|")[1] if "|" in h else "" for _, h in COLS]
    ws.append(top)
    ws.append(sub)
    c = 2
    while c <= ncol:  # merge group heads across, single heads down
        head = top[c - 1]
        end = c
        while end < ncol and top[end] == head and sub[end]:
            end += 1
        if sub[c - 1]:
            if end > c:
                ws.merge_cells(start_row=2, start_column=c, end_row=2, end_column=end)
        else:
            ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
        c = end + 1
    ws.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    for lab, vals in rows:
        line = [lab]
        for (col, _), v in zip(COLS, vals):
            line.append(None if v is None else (v / 100 if col in MONEY else v))
        ws.append(line)
        for cell, (col, _) in zip(ws[ws.max_row][1:], COLS):
            if col in MONEY:
                cell.number_format = "#,##0.00"
    wb.save(path)


def main():
    if len(sys.argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    rows = compute(db, sys.argv[2])
    write_xlsx(rows, sys.argv[2], sys.argv[3])
    if "--csv" in sys.argv[4:]:
        w = csv.writer(sys.stdout, lineterminator="\n")
        for lab, vals in rows:
            w.writerow([lab] + ["" if v is None else v for v in vals])
    return 0


if __name__ == "__main__":
    sys.exit(main())
