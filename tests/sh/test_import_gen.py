#!/usr/bin/python3
"""test_import_gen.py — writes roster fixtures for the import tests.

  test_import_gen.py OUT HOUSEHOLDS [--seed N] [--encoding utf-8|utf-8-sig|gbk]
      [--shuffle] [--synonyms] [--title] [--xlsx] [--village-prefix P] [--amount-delta FEN]
      [--villages A,B,C] [--hh-prefix NN] [--id-base N]

One row per person, households of 1-4 persons in villages 东山村, 西河村,
城关社区; heads carry 低保 整户保障, some lone old people 特困 分散供养, a
few members 单人保. IDs are valid (area 500154, births 1940-2015)."""
import csv, random, sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"

def rid(first17):
    return first17 + C[sum(int(a) * b for a, b in zip(first17, W)) % 11]

HEAD = ["户编号", "村(社区)", "城乡类别", "姓名", "身份证号", "与户主关系", "劳动能力", "残疾类别",
        "残疾等级", "重病", "在校生", "就业状况", "救助项目", "保障方式", "月保障金额", "起始年月",
        "建档立卡", "联系电话", "银行账号", "致贫原因", "备注"]
SYN = {"户编号": "户号", "村(社区)": "所属村", "城乡类别": "城乡", "身份证号": "公民身份号码",
       "与户主关系": "关系"}
SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"

def rows(n, seed, delta, vprefix):
    rnd = random.Random(seed)
    villages = [(vprefix + "东山村", "农村"), (vprefix + "西河村", "农村"), (vprefix + "城关社区", "城市")]
    if VILLAGES:
        villages = [(v, "") for v in VILLAGES]
    serial = 0
    out = []
    for h in range(n):
        v, area = villages[h % len(villages)]
        hh = "%s%08d" % (HHPREFIX[0], h + 1)
        size = 1 + h % 4
        members = []
        for k in range(size):
            serial += 1
            serial_id = serial + IDBASE[0]
            year = 1940 + (h * 7 + k * 13) % 60 if k < 2 else 2005 + (h + k) % 10
            # (month, day, sequence) unique for up to 336,000 persons
            first = "500154%04d%02d%02d%03d" % (year, 1 + (serial_id // 1000) % 12,
                                                1 + (serial_id // 12000) % 28, serial_id % 1000)
            members.append(rid(first))
        for k, idn in enumerate(members):
            rel = ["户主", "配偶", "子", "女"][k] if k else ("本人" if h % 5 == 0 else "户主")
            name = SUR[(h + k) % len(SUR)] + GIV[(h * 3 + k) % len(GIV)] + GIV[(h + 2 * k) % len(GIV)]
            prog = mode = amount = month = ""
            if size == 1 and h % 4 == 0:
                prog, mode, amount, month = "特困", "分散供养", "%d.00" % (976 + delta / 100), "2023-05"
            elif k == 0 and h % 4 != 3:
                prog, mode = "低保", "整户保障"
                amount = "%.2f" % ((610 * size * 100 + delta) / 100)
                month = "2024-%02d" % (1 + h % 12)
            elif k == 0 and h % 4 == 3:
                pass
            if h % 4 == 3 and k == 1:
                prog, mode, amount, month = "低保", "单人保", "610", "2025-03"
            dis_cat, dis_grade = ("肢体", "二级") if (h + k) % 9 == 0 else ("", "")
            out.append([hh, v, area, name, idn, rel, "有劳动能力" if k else "部分丧失", dis_cat, dis_grade,
                        "是" if (h + k) % 11 == 0 else "否", "是" if k >= 2 else "否",
                        "", prog, mode, amount, month, "是" if h % 6 == 0 else "否",
                        "1380000%04d" % (h % 10000) if k == 0 else "", "", "疾病" if k == 0 and h % 3 == 0 else "", "备注%d" % h])
    return out

VILLAGES = []
HHPREFIX = ["52"]
IDBASE = [0]

def main():
    a = sys.argv[1:]
    if a[0] == "--id":  # the full ID of 17 digits
        print(rid(a[1]))
        return
    if "--villages" in a:
        VILLAGES.extend(a[a.index("--villages") + 1].split(","))
    if "--id-base" in a:
        IDBASE[0] = int(a[a.index("--id-base") + 1])
    if "--hh-prefix" in a:
        HHPREFIX[0] = a[a.index("--hh-prefix") + 1]
    out, n = a[0], int(a[1])
    opt = lambda name, d=None: a[a.index(name) + 1] if name in a else d
    seed = int(opt("--seed", "1"))
    enc = opt("--encoding", "utf-8")
    delta = int(opt("--amount-delta", "0"))
    head = list(HEAD)
    if "--synonyms" in a:
        head = [SYN.get(h, h) for h in head]
    body = rows(n, seed, delta, opt("--village-prefix", ""))
    cols = list(range(len(head)))
    if "--shuffle" in a:
        random.Random(seed).shuffle(cols)
    table = [[head[c] for c in cols]] + [[r[c] for c in cols] for r in body]
    if "--title" in a:
        table.insert(0, ["南门镇低保特困花名册"])
    if "--xlsx" in a:
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "花名册"
        for r in table:
            ws.append(r)
        wb.save(out)
        return
    with open(out, "w", newline="", encoding=enc) as f:
        csv.writer(f).writerows(table)

main()
