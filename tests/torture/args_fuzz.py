#!/usr/bin/python3
"""args_fuzz.py — runs the real binary with random and mutated command lines.

    args_fuzz.py BINARY WORKDIR SEED COUNT

The database comes from JIUZHU_DB (a scratch copy of a demo: the writes
that happen to be valid change it). Each run starts from a valid command
line of the manual and mutates it (drops, repeats or swaps arguments, puts
in unknown options, missing values, very long text, invalid UTF-8, format
strings, odd numbers and dates), or builds one from the vocabulary alone.
A run passes when it exits 0, 1 or 2 within its time, with no sanitizer
report on stderr. Deterministic for a seed; the first failures are printed
with their arguments (repr) so they can be replayed."""
import os
import random
import subprocess
import sys

BIN, WORK, SEED, COUNT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

# Valid command lines (the manual's), the start of most mutations. No
# `desk` (needs a terminal) and no `demo` (long by design).
VALID = [
    "id 11010219840406970X",
    "household show 010001",
    "household add --village 南门社区 --name 王芳 --id 110102198404069718 --as jingban",
    "household member-add 010001 --name 王小芳 --id 110102201004069711 --relation 女 --as jingban",
    "case list --state 在保",
    "case show DB2025-0001",
    "case new --household 010001 --programme 低保 --as jingban",
    "case step DB2025-0001 --as shenhe --result 通过 --note 好",
    "case income DB2025-0001 --member 11010219840406970X --kind 工资性收入 --monthly 1500 --as jingban",
    "case expense DB2025-0001 --kind 医疗 --monthly 300 --as jingban",
    "case assets DB2025-0001 --deposit 1000 --vehicles 0 --houses 1 --as jingban",
    "case calc DB2025-0001 --month 2026-11",
    "case review DB2025-0001 --result 继续 --as jingban",
    "case exit DB2025-0001 --reason 收入超标 --date 2026-11-27 --as jingban",
    "case refer DB2025-0001 --department 人社 --date 2026-11-27 --as jingban",
    "case relative --id 11010219840406970X --name 王五 --cadre 李四 --relation 兄弟 --as jingban",
    "standard set 低保 农村 600 --from 2027-01 --as admin",
    "standard list",
    "notice --village 南门社区 --date 2026-11-27",
    "roll 2026-11 --as jingban",
    "roll 2026-12 --lock --as shenhe",
    "roll 2026-11 --export out --as jingban",
    "onetime 价格补贴 --amount 50 --per 人 --month 2026-11 --as jingban",
    "fund allocate 10000 --doc 县民发〔2026〕1号 --as jingban",
    "fund return 100 --reason 退回 --as jingban",
    "fund adjust -100 --reason 调整 --as shenpi",
    "fund balance",
    "fund statement --from 2026-01-01 --to 2026-11-30 -o st.xlsx",
    "aid new --person 11010219840406970X --kind 急难 --cause 火灾 --amount 800 --advance --as jingban",
    "aid step LS2026-0001 --as shenhe --result 通过",
    "aid pay LS2026-0001 800 --method 现金 --as jingban",
    "aid schedule LS2026-0001 --stage 2026-12-01:500 --stage 2027-01-01:300 --as jingban",
    "aid list --due",
    "aid receipt LS2026-0001 -o r.txt",
    "aid figures --month 2026-11",
    "holiday add 2026-12-31 休 --note 元旦 --as jingban",
    "holiday remove 2026-12-31 --as jingban",
    "holiday list --year 2026",
    "operator list",
    "operator add zhang --name 张三 --roles 经办 --as admin",
    "operator unlock jingban --as admin",
    "check",
    "check --quick",
    "backup bk.db",
    "backup --list",
    "events --from 2026-11-01 --to 2026-11-30 -o ev.csv",
    "finding list --state 待核实",
    "finding export -o f.xlsx",
    "compare death nosuch.csv --dry-run --as jingban",
]

LONG = ["A" * 5000, "王" * 20000, "x" * 100000, "/" * 4097]
BAD_UTF8 = [b"\xff\xfe", b"\xc0\xaf", b"\xe4\xb8", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"abc\x80def",
            "王".encode()[:2] + b"x"]
VALUES = ["", " ", "-", "--", "0", "-1", "1e9", "1.005", "99999999999999999999", "-0", "1,000.00",
          "2026-02-30", "2026-13", "0000-00-00", "9999-12-31", "2026-11-27T25:61:61", "%s%n%x%p",
          "11010219840406970X", "110102198404069700", "x" * 18, "admin", "jingban", "nobody",
          "南门社区", "低保", "特困", "经办,审核", "城市", "农村", "人", "户", "休", "班",
          "out", "out/x.xlsx", "/nonexistent/dir/x.xlsx", ".", "/dev/null", "/dev/full", "\t\n",
          "DB2025-0001", "LS2026-0001", "010001", "2026-11", "2026-11-27", "通过", "不通过"]
OPTS = ["--as", "--db", "--today", "--help", "--version", "--month", "--from", "--to", "-o", "--output",
        "--export", "--village", "--name", "--id", "--amount", "--stage", "--member", "--utf8", "--lock",
        "--due", "--seq", "--persons", "--grace", "--date", "--result", "--note", "--reason", "--kind",
        "--monthly", "--household", "--programme", "--roles", "--per", "--doc", "--doc-date", "--list",
        "--quick", "--state", "--dry-run", "--sheet", "--encoding", "--department", "--unknown", "-x", "-"]
WORDS = [w for line in VALID for w in line.split()] + OPTS


def arg(rng):
    k = rng.randrange(10)
    if k == 0:
        return rng.choice(LONG)
    if k == 1:
        return rng.choice(BAD_UTF8) + rng.choice(WORDS).encode()
    if k == 2:
        return rng.choice(OPTS)
    if k < 5:
        return rng.choice(VALUES)
    return rng.choice(WORDS)


def mutate(rng, argv):
    for _ in range(1 + rng.randrange(3)):
        k = rng.randrange(8)
        i = rng.randrange(len(argv) + 1)
        if k == 0 and argv:
            del argv[min(i, len(argv) - 1)]                     # a missing value or option
        elif k == 1:
            argv.insert(i, arg(rng))                             # something more
        elif k == 2 and argv:
            argv[min(i, len(argv) - 1)] = arg(rng)               # something else
        elif k == 3 and argv:
            argv.append(argv[rng.randrange(len(argv))])          # an option twice
        elif k == 4 and argv:
            j = min(i, len(argv) - 1)                            # a value cut short
            a = argv[j] if isinstance(argv[j], bytes) else argv[j].encode()
            argv[j] = a[:rng.randrange(len(a) + 1)]
        elif k == 5:
            argv = argv[:i]                                      # the line cut short
        else:
            argv.insert(i, rng.choice(OPTS))
    return argv


def main():
    rng = random.Random(SEED)
    env = dict(os.environ)
    env["JIUZHU_PASSWORD"] = "demo"
    env["JIUZHU_NEW_PASSWORD"] = "demo"
    failures = 0
    codes = {}
    for n in range(COUNT):
        k = rng.randrange(8)
        if k == 0:
            argv = [arg(rng) for _ in range(1 + rng.randrange(6))]
        elif k == 1:
            argv = VALID[rng.randrange(len(VALID))].split()     # as written: real writes happen
        else:
            argv = mutate(rng, VALID[rng.randrange(len(VALID))].split())
        if not argv or argv[0] in ("desk", "demo", b"desk", b"demo"):
            argv = ["--version"] + argv
        argv = [a if isinstance(a, bytes) else a.encode() for a in argv]
        try:
            p = subprocess.run([BIN.encode()] + argv, cwd=WORK, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
        except subprocess.TimeoutExpired:
            print("FAIL run %d hangs: %r" % (n, argv[:8]))
            failures += 1
            continue
        codes[p.returncode] = codes.get(p.returncode, 0) + 1
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode not in (0, 1, 2) or "Sanitizer" in err or "runtime error" in err:
            failures += 1
            if failures <= 5:
                print("FAIL run %d exit %d: %r" % (n, p.returncode, [a[:80] for a in argv]))
                print("    " + "\n    ".join(err.splitlines()[:30]))
    print("%d runs (seed %d), %d failures; exit codes %s" % (COUNT, SEED, failures, sorted(codes.items())))
    return 1 if failures else 0


sys.exit(main())
