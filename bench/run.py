#!/usr/bin/python3
"""run.py — the bench of issue 10 (`make bench`): a big demo township and a
50,000-row GBK roster, timed, each measure several times (min/median/max), in
two columns: the machine as it is, and 1 core with 512 MB of address space
(sched_setaffinity to CPU 0 and RLIMIT_AS, what `taskset -c 0` and
`prlimit --as=536870912` do, set in the child before exec). Peak RSS is the
child's ru_maxrss from wait4 (what `/usr/bin/time -f %M` prints); for the desk
it is VmHWM read from /proc/PID/status when the sign-in screen is drawn.

  run.py [--build build] [--runs 5] [--households 20000] [--months 36]
         [--seed 1] [--work DIR] [--keep] [--out bench/RESULTS.md]
         [--only normal|1core]

The load average (uptime) is recorded with each column: figures taken while
the machine is busy are noisy; re-run with `make bench` when it is quiet."""
import argparse
import csv
import io
import os
import platform
import pty  # noqa: F401  (the desk runs on a pseudo-terminal: os.openpty)
import resource
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LIMIT_AS = 536870912
PASSWORD = "demo"

MODES = {"normal": "本机 as is", "1core": "1 核 512 MB"}


def child_setup(mode):
    def setup():
        if mode == "1core":
            os.sched_setaffinity(0, {0})
            resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))
    return setup


def run(cmd, mode, env=None, stdout=subprocess.DEVNULL, check=True):
    """Runs cmd; returns (seconds, peak RSS in KB, stdout bytes or None)."""
    e = dict(os.environ, LC_ALL="C.UTF-8", JIUZHU_PASSWORD=PASSWORD)
    e.update(env or {})
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=e,
                         preexec_fn=child_setup(mode))
    out = p.stdout.read() if stdout == subprocess.PIPE else None
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if check and p.returncode != 0:
        raise SystemExit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err.decode(errors="replace")))
    return dt, ru.ru_maxrss, out


def desk_start(jiuzhu, db, mode, marker="登录名".encode()):
    """Spawns the desk on a pty (80x24) and times it to the sign-in text."""
    import fcntl
    import struct
    import termios
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    env.pop("JIUZHU_DB", None)
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            if slave > 2:
                os.close(slave)
            child_setup(mode)()
            os.execve(jiuzhu, [jiuzhu, "--db", db], env)
        finally:
            os._exit(127)
    os.close(slave)
    buf, hwm, dt = b"", None, None
    deadline = t0 + 10
    while time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.5)
        if not r:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if marker in buf:
            dt = time.monotonic() - t0
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1])
            break
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(master)
    if dt is None:
        raise SystemExit("the desk did not draw the sign-in screen:\n%r" % buf[-2000:])
    return dt, hwm


def stats(v):
    return (min(v), statistics.median(v), max(v)) if v else (0, 0, 0)


def uptime():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def prev_month(m):
    y, mo = int(m[:4]), int(m[5:7])
    return "%04d-12" % (y - 1) if mo == 1 else "%04d-%02d" % (y, mo - 1)


def month_days(m):
    import calendar
    y, mo = int(m[:4]), int(m[5:7])
    return "%s-01" % m, "%s-%02d" % (m, calendar.monthrange(y, mo)[1])


def sql_params(m):
    p = prev_month(m)
    first, last = month_days(m)
    pfirst, plast = month_days(p)
    vals = {"m": m, "prev": p, "first": first, "last": last, "prev_first": pfirst,
            "prev_last": plast, "year_first": m[:4] + "-01"}
    lines = [".parameter init"] + [".parameter set :%s \"'%s'\"" % kv for kv in vals.items()]
    return "\n".join(lines + [".mode csv", ".read %s" % os.path.join(HERE, "dibao.sql")]) + "\n"


def table_of(text):
    return [r for r in csv.reader(io.StringIO(text.replace("\r\n", "\n"))) if r]


def program_csv(path):
    """dibao.csv of `jiuzhu report --csv --utf8` in the bench's form (fen)."""
    rows = table_of(open(path, encoding="utf-8").read())[1:]
    out = []
    for r in rows:
        vals = r[1:23] + ["" if v == "" else str(round(float(v) * 100)) for v in r[23:]]
        out.append([r[0]] + vals)
    return out


class Bench:
    def __init__(self, a):
        self.a = a
        self.jz = os.path.abspath(os.path.join(a.build, "jiuzhu"))
        self.search = os.path.abspath(os.path.join(a.build, "bench", "bench_search"))
        self.dibao = os.path.abspath(os.path.join(a.build, "bench", "bench_dibao"))
        self.w = a.work
        self.res = {}    # (item, mode) -> list of (seconds, kb)
        self.notes = {}  # item -> text
        self.load = {}

    def path(self, *p):
        return os.path.join(self.w, *p)

    def log(self, msg):
        print(msg, flush=True)

    # ---- 0. data ----
    def data(self):
        a = self.a
        db = self.path("demo.db")
        if os.path.exists(db) and a.reuse:
            self.log("reusing %s" % db)
        else:
            for f in os.listdir(self.w):  # only the bench's own files
                if f.split(".")[0] in ("demo", "town", "roster", "imp", "roll", "report", "peer"):
                    os.unlink(self.path(f))
            self.log("demo: %d households, %d months ..." % (a.households, a.months))
            self.load["demo"] = uptime()
            t, kb, _ = run([self.jz, "--db", db, "demo", "--households", str(a.households), "--months",
                            str(a.months), "--seed", str(a.seed), "--no-open"], "normal")
            self.res[("demo", "normal")] = [(t, kb)]
            run(["/usr/bin/python3", os.path.join(ROOT, "tests/sh/test_import_gen.py"), self.path("roster.csv"),
                 str(a.households), "--encoding", "gbk"], "normal")
            run([self.jz, "--db", self.path("town.db"), "init", "--township", "南门镇", "--county", "开州区",
                 "--area-code", "500154"], "normal")
        rows = sum(1 for _ in open(self.path("roster.csv"), "rb")) - 1
        out = run(["sqlite3", "-readonly", db, "SELECT count(*) FROM household; SELECT count(*) FROM person;"
                   " SELECT max(month) FROM roll; SELECT max(month) FROM roll WHERE locked_at <> ''"],
                  "normal", stdout=subprocess.PIPE)[2].decode().split()
        self.households, self.persons, self.month_now, self.month = out[0], out[1], out[2], out[3]
        self.notes["data"] = ("demo: %s 户、%s 人，%d 个月；花名册 %d 行 (GBK)；月报月份 %s，花名册生成和锁定 %s"
                              % (self.households, self.persons, a.months, rows, self.month, self.month_now))
        self.log(self.notes["data"])

    def rec(self, item, mode, t, kb):
        self.res.setdefault((item, mode), []).append((t, kb))

    # ---- 1. desk ----
    def desk(self, mode):
        for _ in range(self.a.runs):
            t, kb = desk_start(self.jz, self.path("demo.db"), mode)
            self.rec("desk", mode, t, kb)

    # ---- 2. search ----
    def search_bench(self, mode):
        t, kb, out = run([self.search, self.path("demo.db"), str(self.a.search_n)], mode, stdout=subprocess.PIPE)
        f = out.decode().split()
        d = dict(zip(f[0::2], f[1::2]))
        self.res[("search", mode)] = d
        self.rec("search_rss", mode, t, kb)

    # ---- 3. the workbook and the 低保 table ----
    def workbook(self, mode):
        m, db = self.month, self.path("demo.db")
        x = self.path("report.xlsx")
        sql = sql_params(m)
        for _ in range(self.a.runs):
            t, kb, _ = run([self.jz, "--db", db, "report", m, "-o", x], mode)
            self.rec("workbook", mode, t, kb)
            t, kb, _ = run([self.dibao, db, m], mode, stdout=subprocess.PIPE)
            self.rec("dibao_prog", mode, t, kb)
            t, kb = self.sqlite(db, sql, mode)
            self.rec("dibao_sql", mode, t, kb)
            t, kb, _ = run(["/usr/bin/python3", os.path.join(HERE, "peer_dibao.py"), db, m,
                            self.path("peer.xlsx")], mode)
            self.rec("dibao_peer", mode, t, kb)

    def sqlite(self, db, sql, mode, want_out=False):
        e = dict(os.environ, LC_ALL="C.UTF-8")
        t0 = time.monotonic()
        p = subprocess.Popen(["sqlite3", "-readonly", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env=e, preexec_fn=child_setup(mode))
        p.stdin.write(sql.encode())
        p.stdin.close()
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            raise SystemExit("sqlite3 failed on bench/dibao.sql")
        if want_out:
            return out.decode()
        return dt, ru.ru_maxrss

    def verify(self):
        """The program's dibao.csv, bench_dibao, the sqlite3 shell and the peer agree."""
        m, db = self.month, self.path("demo.db")
        d = self.path("csv")
        os.makedirs(d, exist_ok=True)
        run([self.jz, "--db", db, "report", m, "--csv", d, "--utf8"], "normal")
        ref = program_csv(os.path.join(d, "dibao.csv"))
        got = {
            "bench_dibao": table_of(run([self.dibao, db, m], "normal", stdout=subprocess.PIPE)[2].decode()),
            "sqlite3": table_of(self.sqlite(db, sql_params(m), "normal", want_out=True)),
            "peer": table_of(run(["/usr/bin/python3", os.path.join(HERE, "peer_dibao.py"), db, m,
                                  self.path("peer.xlsx"), "--csv"], "normal", stdout=subprocess.PIPE)[2].decode()),
        }
        bad = [k for k, v in got.items() if v != ref]
        self.notes["verify"] = ("低保表 %d 行 x 26 栏：report --csv、bench_dibao、sqlite3、peer_dibao.py 的数字%s"
                                % (len(ref), "完全一致 (all equal)" if not bad else "不一致 (DIFFER): " + ", ".join(bad)))
        self.log(self.notes["verify"])

    # ---- 4. roll build and lock ----
    def roll(self, mode):
        src, db = self.path("demo.db"), self.path("roll.db")
        for _ in range(self.a.runs):
            shutil.copyfile(src, db)
            t1, kb1, _ = run([self.jz, "--db", db, "roll", self.month_now, "--as", "jingban"], mode)
            t2, kb2, _ = run([self.jz, "--db", db, "roll", self.month_now, "--lock", "--as", "shenhe"], mode)
            self.rec("roll_build", mode, t1, kb1)
            self.rec("roll_lock", mode, t2, kb2)
            self.rec("roll", mode, t1 + t2, max(kb1, kb2))
        os.unlink(db)

    # ---- 5. import ----
    def imp(self, mode):
        db = self.path("imp.db")
        for _ in range(self.a.runs):
            shutil.copyfile(self.path("town.db"), db)
            t, kb, _ = run([self.jz, "--db", db, "import", "roster", self.path("roster.csv"), "--add-villages",
                            "--encoding", "gbk", "--as", "admin"], mode)
            self.rec("import", mode, t, kb)
        os.unlink(db)

    # ---- 6. check ----
    def check(self, mode):
        for _ in range(self.a.runs):
            t, kb, out = run([self.jz, "--db", self.path("demo.db"), "check"], mode, stdout=subprocess.PIPE,
                             check=False)
            self.rec("check", mode, t, kb)
        last = out.decode(errors="replace").strip().splitlines()
        self.notes["check"] = "`jiuzhu check` on the demo file says: " + " / ".join(last[-3:])

    def demo_again(self, mode):
        """The demo made again in this mode (normal: made once by data())."""
        if mode == "normal" or self.a.no_demo_1core:
            return
        db = self.path("demo1.db")
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.unlink(f)
        a = self.a
        t, kb, _ = run([self.jz, "--db", db, "demo", "--households", str(a.households), "--months",
                        str(a.months), "--seed", str(a.seed), "--no-open"], mode)
        self.rec("demo", mode, t, kb)
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.unlink(f)

    def signin(self, mode):
        """A sign-in alone: a wrong password is hashed too, then refused."""
        db = self.path("roll.db")
        for _ in range(self.a.runs):
            shutil.copyfile(self.path("demo.db"), db)
            t, kb, _ = run([self.jz, "--db", db, "roll", self.month_now, "--as", "jingban"], mode,
                           env={"JIUZHU_PASSWORD": "wrong-password"}, check=False)
            self.rec("signin", mode, t, kb)
        os.unlink(db)

    def mode(self, mode):
        self.log("== %s (load %s)" % (MODES[mode], uptime()))
        before = uptime()
        for step in (self.demo_again, self.desk, self.search_bench, self.workbook, self.signin, self.roll,
                     self.imp, self.check):
            self.log("  %s ..." % step.__name__)
            step(mode)
        self.load[mode] = "%s → %s" % (before, uptime())


# ---- the report ----
ITEMS = [  # key, label, target seconds (or None), target KB (or None)
    ("demo", "0. demo 生成 (20,000 户, 36 个月)", 60, None),
    ("desk", "1. 救助台冷启动到登录画面 desk cold start", 0.050, 12 * 1024),
    ("workbook", "3. 月报工作簿 workbook (8 张表)", 1.0, 30 * 1024),
    ("dibao_prog", "3a. 低保表：jiuzhu (bench_dibao, jz_fig_people)", None, None),
    ("dibao_sql", "3b. 低保表：sqlite3 命令行 (下限 lower bound)", None, None),
    ("dibao_peer", "3c. 低保表：Python + openpyxl 同行 peer", None, None),
    ("roll_build", "4a. 花名册生成 roll build", None, None),
    ("roll_lock", "4b. 花名册锁定 roll lock", 1.0, None),
    ("roll", "4. 生成 + 锁定 build + lock", 1.0, None),
    ("signin", "4c. 其中验一次密码 of which one sign-in (argon2id)", None, None),
    ("import", "5. 导入 50,000 行 GBK 花名册 import", 3.0, None),
    ("check", "6. jiuzhu check", None, None),
]


def fmt_t(v):
    return "%.0f ms" % (v * 1e3) if v < 1 else "%.2f s" % v


def cell(vals):
    if not vals:
        return "—"
    t = stats([v[0] for v in vals])
    kb = max(v[1] for v in vals if v[1] is not None) if any(v[1] for v in vals) else 0
    s = "%s / %s / %s" % tuple(fmt_t(x) for x in t) if len(vals) > 1 else fmt_t(t[0])
    return s + (", %.1f MB" % (kb / 1024) if kb else "")


def verdict(vals, t_target, kb_target):
    if not vals or (t_target is None and kb_target is None):
        return ""
    med = stats([v[0] for v in vals])[1]
    kb = max(v[1] or 0 for v in vals)
    ok = (t_target is None or med < t_target) and (kb_target is None or kb < kb_target)
    return "pass" if ok else "**miss**"


def machine():
    model, cores = "", os.cpu_count()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C")).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024
    return "%s, %d 核 cores, %d MB RAM, %s %s" % (model, cores, mem, platform.system(), platform.release())


def report(b, modes):
    a = b.a
    L = ["# jiuzhu bench results", "",
         "Made by `make bench` (bench/run.py). Re-run it when the machine is quiet: the load average",
         "is given with each column.", "",
         "- 日期 date: %s UTC" % time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
         "- 机器 machine: %s" % machine(),
         "- SQLite %s; build: `%s` (-O2)" % (subprocess.run(["sqlite3", "--version"], capture_output=True,
                                                           text=True).stdout.split()[0], a.build),
         "- 数据 data: %s" % b.notes.get("data", ""),
         "- 每项 %d 次：最小 / 中位 / 最大 (min / median / max)，峰值内存 peak RSS 取最大。" % a.runs,
         "- 平均负载 load average (1, 5, 15 min): demo %s; " % b.load.get("demo", "—")
         + "; ".join("%s %s" % (MODES[m], b.load.get(m, "")) for m in modes),
         "- %s" % b.notes.get("verify", ""),
         "- %s" % b.notes.get("check", ""), ""]
    head = "| 项目 item | 目标 target | " + " | ".join(MODES[m] for m in modes) + " | 结果 |"
    L += [head, "|" + "---|" * (len(modes) + 3)]
    for key, label, tt, tk in ITEMS:
        cells = [cell(b.res.get((key, m))) for m in modes]
        target = []
        if tt is not None:
            target.append("< %s" % fmt_t(tt))
        if tk is not None:
            target.append("< %d MB" % (tk // 1024))
        verd = [verdict(b.res.get((key, m)), tt, tk) for m in modes]
        verd = " / ".join(v for v in verd if v)
        L.append("| %s | %s | %s | %s |" % (label, ", ".join(target), " | ".join(cells), verd))
        if key == "desk":
            s = [b.res.get(("search", m)) for m in modes]
            cells = []
            for d in s:
                cells.append("p50 %s / p99 %s / max %s ms (%s 次按键 keystrokes, 索引载入 load %s ms)"
                             % (d["p50_ms"], d["p99_ms"], d["max_ms"], d["keystrokes"], d["load_ms"])
                             if d else "—")
            verd = " / ".join(("pass" if float(d["p99_ms"]) < 10 else "**miss**") for d in s if d)
            L.append("| 2. 搜索每次按键 search keystroke (%s 人) | p99 < 10 ms | %s | %s |"
                     % (s[0]["persons"] if s[0] else "", " | ".join(cells), verd))
    L.append("")
    for m in modes:
        med = {k: stats([v[0] for v in b.res.get((k, m), [])]) for k in
               ("dibao_prog", "dibao_sql", "dibao_peer", "workbook")}
        if not all(med[k][0] for k in med):
            continue
        ratio = {n: tuple(med[a][x] / med[c][x] for x in (1, 0)) for n, a, c in (
            ("jiuzhu/sqlite3", "dibao_prog", "dibao_sql"), ("jiuzhu/python", "dibao_prog", "dibao_peer"),
            ("workbook/sqlite3", "workbook", "dibao_sql"), ("workbook/python", "workbook", "dibao_peer"))}
        verd = "pass" if ratio["jiuzhu/sqlite3"][1] <= 2 else "**miss**"
        L.append("- 比值 ratios, %s (median; min of the %d runs): 低保表 jiuzhu/sqlite3 = %.2f; %.2f "
                 "(target ≤ 2, judged on the min, the least disturbed run of each: %s); jiuzhu/python = "
                 "%.2f; %.2f; whole workbook (8 tables + xlsx) / sqlite3 低保 = %.2f; %.2f; "
                 "workbook / python 低保 sheet = %.2f; %.2f"
                 % ((MODES[m], a.runs) + ratio["jiuzhu/sqlite3"] + (verd,) + ratio["jiuzhu/python"]
                    + ratio["workbook/sqlite3"] + ratio["workbook/python"]))
    L += ["",
          "Scope of 3a–3c: each is a whole process run on the same file, wall time from spawn to exit.",
          "3a `bench_dibao DB M` opens the file and runs `jz_fig_people` (the program's one grouped query",
          "of 低保, 特困 and 补贴 persons, and the rolls' money) and prints the 低保 table; 3b `sqlite3` runs",
          "bench/dibao.sql (低保 cases only, the same rules); 3c `peer_dibao.py` computes the 低保 table in",
          "Python and writes it with openpyxl. The workbook (3) computes all eight tables, runs the",
          "cross-checks and writes the xlsx. Roll: `roll M --as jingban` then `roll M --lock --as shenhe`",
          "on a fresh copy of the demo file for each run, M the demo's current (draft) month.",
          "1 核 512 MB: sched_setaffinity({0}) and RLIMIT_AS = 512 MB in the child (taskset -c 0,",
          "prlimit --as=536870912)."]
    notes = os.path.join(HERE, "notes.md")  # the analysis, kept by hand
    if os.path.exists(notes):
        L += ["", open(notes, encoding="utf-8").read().rstrip()]
    return "\n".join(L) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--households", type=int, default=20000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--search-n", type=int, default=300)
    ap.add_argument("--work", help="folder for the files (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="keep demo.db, roster.csv, town.db found in --work")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--only", choices=list(MODES))
    ap.add_argument("--no-demo-1core", action="store_true", help="do not make the demo again on 1 core")
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    a = ap.parse_args()
    tmp = None
    if not a.work:
        tmp = a.work = tempfile.mkdtemp(prefix="jzbench.")
    os.makedirs(a.work, exist_ok=True)
    b = Bench(a)
    try:
        b.data()
        b.verify()
        modes = [a.only] if a.only else list(MODES)
        for m in modes:
            b.mode(m)
        text = report(b, modes)
        with open(a.out, "w") as f:
            f.write(text)
        print(text)
        print("written to %s" % a.out)
    finally:
        if tmp and not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
