#!/bin/sh
# torture.sh — kill -9 at random moments during writes, then restart and
# prove nothing committed was lost and nothing was half-written.
#
#   JIUZHU_BIN=build/jiuzhu sh tests/torture/torture.sh [RUNS [SEED]]
#
# Each run picks a scenario from the table below (deterministically, from
# the seed: the same seed replays the same runs), starts the real binary on
# one write (or drives a desk form save through tmux), kills it with
# SIGKILL after a random delay (uniform over about 1.5 times that write's
# measured duration, so most kills land while it works and some after it
# finished), then:
#   - every change whose command had reported success before the kill
#     (exit 0, or 已保存 on the desk's screen) is in the file: the test
#     side logs a check for each (an SQL expression that must be 1, a
#     workbook that must open, a demo file that must pass `jiuzhu check`),
#     and all logged checks are run again after every kill;
#   - nothing is half-written: the batch invariants below hold (a locked
#     roll has its lock event with its line count; every household, person,
#     case, payment and fund move has its event), no workbook is a half
#     file (*.xlsx that do not open; a killed export may leave only a
#     *.tmp beside it);
#   - `jiuzhu check` exits 0 (event chain, integrity, invariants).
# To add a scenario (a roster import, a monthly report...): one line in
# SCENARIOS, "NAME WEIGHT CHECK | COMMAND", both expanded at run time
# ($J, $db, $run, $OUT: a fresh folder for this run's files; CHECK is
# "sql EXPR", "xlsxdir $OUT" or "check FILE"); or, for a write that needs
# preparing, "NAME WEIGHT" and a function sc_NAME calling
# `attempt CHECK command...`.
. "$(dirname "$0")/../sh/lib.sh"
. "$(dirname "$0")/../sh/tmux.sh"
. "$(dirname "$0")/fixture.sh"
trap 'tm_stop; rm -rf "$T"' EXIT
export JIUZHU_PASSWORD=demo
RUNS=${1:-50}
SEED=${2:-${TORTURE_SEED:-$(date +%s)}}
DESK=${TORTURE_DESK:-1} # 0: no tmux scenarios

SCENARIOS='
household_add  4
member_add     3
case_new       2
case_step      2
roll_lock      2
fund_allocate  1
aid_advance    2
aid_pay        1
roll_export    1
demo           1
desk_member    1
desk_household 1
notice_export  1 xlsxdir $OUT | "$J" --db "$db" notice --export "$OUT"
fund_statement 1 xlsxdir $OUT | "$J" --db "$db" fund statement --from 2026-01-01 --to 2026-12-31 -o "$OUT/fund.xlsx"
events_export  1 xlsxdir $OUT | "$J" --db "$db" events --from 2026-01-01 -o "$OUT/events.xlsx"
'
# Waiting for their branches (one line each when they land on main):
# import_roster 2 sql (SELECT count(*) FROM import_run WHERE id = (SELECT max(id) FROM import_run)) = 1 | "$J" --db "$db" import roster "$SRC_DIR/tests/torture/roster.csv" --as jingban
# report        1 xlsxdir $OUT | "$J" --db "$db" report 2026-11 -o "$OUT/report.xlsx" --as jingban
[ -z "${TORTURE_ONLY:-}" ] || SCENARIOS=$(echo "$SCENARIOS" | awk -v n="$TORTURE_ONLY" '$1 == n { $2 = 1; print }') # one alone

echo "torture: $RUNS runs, seed $SEED (replay: sh tests/torture/torture.sh $RUNS $SEED)"
R=$SEED
rnd() { # rnd N: a number 0..N-1 in $r
	R=$(((R * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff))
	r=$(((R >> 20) % $1))
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

db="$T/t.db"
LOG="$T/committed" # one check a line: sql EXPR | xlsx PATH | check DB
: >"$LOG"
mkdir -p "$T/x"
fast_demo "$db" || exit 1
q() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }
village=$(q "SELECT name FROM village ORDER BY code LIMIT 1")
"$J" --db "$db" household add --village "$village" --name 王建国 --id 11010519491231002X \
	--phone 13800001111 --as jingban >/dev/null || bad "the desk's household"
"$J" --db "$db" fund allocate 500000 --doc 县民发〔2026〕99号 --as jingban >/dev/null || bad "fund"

# A valid resident ID from a counter: 110101, a birth date, 3 digits, check.
ID_N=0
new_id() {
	ID_N=$((ID_N + 1))
	NAME=$(echo "$ID_N" | sed 'y/0123456789/零一二三四五六七八九/')
	y=$((1950 + ID_N / 1000 % 50)) m=$((ID_N / 50000 % 12 + 1)) d=$((ID_N % 28 + 1))
	body=$(printf '110101%04d%02d%02d%03d' "$y" "$m" "$d" $((ID_N % 1000)))
	id=$(echo "$body" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0;
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i];
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }')
}

# attempt CHECK command...: runs the write, kills it after a random delay;
# when it had finished with exit 0, CHECK is logged as committed. The
# duration of each scenario's last full run sets the range of the delay.
attempt() {
	chk=$1
	shift
	# The first time, and every 8th, a scenario runs to its end unkilled: its
	# duration sets the range of the random delay of the next kills.
	eval "dur=\${DUR_$SC:-} n=\${N_$SC:-0}"
	eval "N_$SC=$((n + 1))"
	t0=$(now_ms)
	"$@" >"$T/out" 2>&1 &
	pid=$!
	if [ -n "$dur" ] && [ $((n % 8)) != 0 ]; then
		rnd $((dur * 3 / 2 + 1))
		sleep "$(printf '%d.%03d' $((r / 1000)) $((r % 1000)))"
		kill -9 "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
	rc=$?
	if [ "$rc" = 0 ]; then
		[ -n "$dur" ] && [ $((n % 8)) != 0 ] || eval "DUR_$SC=$(($(now_ms) - t0))"
		case $chk in
		xlsxdir\ *) find "${chk#xlsxdir }" -name '*.xlsx' | sed 's/^/xlsx /' >>"$LOG" ;;
		*) echo "$chk" >>"$LOG" ;;
		esac
		committed=$((committed + 1))
	elif grep -q "Sanitizer\|runtime error" "$T/out"; then
		bad "run $run $SC: a sanitizer report (exit $rc):"
		head -20 "$T/out" | sed 's/^/    /'
	elif [ "$rc" = 137 ]; then
		killed=$((killed + 1))
	else
		other=$((other + 1)) # refused (nothing to do): also fine, but say it
		echo "  run $run $SC: exit $rc: $(head -c 300 "$T/out")"
	fi
}

# ---- scenarios: one write each ----
sc_household_add() {
	new_id
	attempt "sql (SELECT count(*) FROM person WHERE id_number = '$id' AND relation = '户主') = 1" \
		"$J" --db "$db" household add --village "$village" --name 刘$NAME --id "$id" --as jingban
}
sc_member_add() {
	new_id
	# (a household without a case in force: a new member there changes the
	# means test, which `jiuzhu check` reports until the case is reviewed)
	hh=$(q "SELECT number FROM household h WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.household_id = h.id AND c.state NOT IN ('退出', '不予')) ORDER BY random() LIMIT 1")
	attempt "sql (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE p.id_number = '$id' AND h.number = '$hh') = 1" \
		"$J" --db "$db" household member-add "$hh" --name 张$NAME --id "$id" --relation 其他 --as jingban
}
sc_case_new() {
	hh=$(q "SELECT number FROM household h WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.household_id = h.id AND c.programme = '低保' AND c.state NOT IN ('退出', '不予')) ORDER BY random() LIMIT 1")
	n=$(q "SELECT count(*) FROM case_file c JOIN household h ON h.id = c.household_id WHERE h.number = '$hh'")
	attempt "sql (SELECT count(*) FROM case_file c JOIN household h ON h.id = c.household_id WHERE h.number = '$hh') >= $((n + 1))" \
		"$J" --db "$db" case new --household "$hh" --programme 低保 --as jingban
}
sc_case_step() {
	c=$(q "SELECT number FROM case_file WHERE state = '受理' ORDER BY random() LIMIT 1")
	[ -n "$c" ] || { sc_case_new; return; }
	attempt "sql (SELECT state FROM case_file WHERE number = '$c') <> '受理'" \
		"$J" --db "$db" case step "$c" --note 入户核实 --as jingban
}
sc_roll_lock() {
	m=$(q "SELECT max(month) FROM roll WHERE locked_at <> ''")
	y=${m%-*} mm=${m#*-}
	mm=$((1${mm} - 100 + 1))
	[ "$mm" -gt 12 ] && { mm=1; y=$((y + 1)); }
	m=$(printf '%04d-%02d' "$y" "$mm")
	attempt "sql (SELECT locked_at <> '' FROM roll WHERE month = '$m') = 1" \
		"$J" --db "$db" roll "$m" --lock --as jingban
}
sc_fund_allocate() {
	attempt "sql (SELECT count(*) FROM fund_move WHERE doc = '县民发〔2026〕$run号') = 1" \
		"$J" --db "$db" fund allocate 1000 --doc "县民发〔2026〕$run号" --as jingban
}
sc_aid_advance() {
	p=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY random() LIMIT 1")
	n=$(q "SELECT count(*) FROM aid_case a JOIN person p ON p.id = a.person_id WHERE p.id_number = '$p'")
	attempt "sql (SELECT count(*) FROM aid_case a JOIN person p ON p.id = a.person_id JOIN aid_payment y ON y.aid_case_id = a.id WHERE p.id_number = '$p' AND y.paid_on <> '') >= $((n + 1))" \
		"$J" --db "$db" aid new --person "$p" --kind 急难 --cause 火灾 --amount 100 --advance --as jingban
}
sc_aid_pay() { # a 支出 case through its steps (each its own write), then paid
	a=$(q "SELECT number FROM aid_case WHERE state NOT IN ('已救助', '不予', '已审批') AND kind = '支出' ORDER BY id LIMIT 1")
	if [ -z "$a" ]; then
		p=$(q "SELECT id_number FROM person WHERE household_id IS NOT NULL AND deceased_on = '' ORDER BY random() LIMIT 1")
		attempt "sql (SELECT count(*) FROM aid_case a JOIN person p ON p.id = a.person_id WHERE p.id_number = '$p' AND a.kind = '支出') >= 1" \
			"$J" --db "$db" aid new --person "$p" --kind 支出 --cause 重病 --amount 200 --as jingban
		return
	fi
	st=$(q "SELECT state FROM aid_case WHERE number = '$a'")
	who=$(case "$st" in 受理) echo jingban ;; 调查) echo shenhe ;; *) echo shenpi ;; esac)
	attempt "sql (SELECT state FROM aid_case WHERE number = '$a') <> '$st'" \
		"$J" --db "$db" aid step "$a" --as "$who"
	a=$(q "SELECT number FROM aid_case WHERE state = '已审批' AND kind = '支出' ORDER BY id LIMIT 1")
	[ -n "$a" ] || return 0
	attempt "sql (SELECT state FROM aid_case WHERE number = '$a') = '已救助'" \
		"$J" --db "$db" aid pay "$a" --as jingban
}
sc_roll_export() {
	m=$(q "SELECT max(month) FROM roll WHERE locked_at <> ''")
	out="$T/x/roll$run"
	mkdir -p "$out"
	attempt "xlsxdir $out" "$J" --db "$db" roll "$m" --export "$out" --as shenhe
}
sc_demo() {
	f="$T/demo$run.db"
	attempt "check $f" "$J" --db "$f" demo --no-open --households 8 --months 0
	# killed: the file is whole or refused in words, never a crash
	"$J" --db "$f" check >"$T/out" 2>&1
	case $? in 0 | 1 | 2) ;; *) bad "run $run: check of a killed demo crashed: $(head -c 300 "$T/out")" ;; esac
}
# The desk: a member's phone changed on the member form, F2, the reason,
# Enter: killed while it saves. 已保存 on the screen counts as committed.
desk_pid() {
	sh_pid=$(tmx display-message -p -t desk '#{pane_pid}' 2>/dev/null)
	[ -n "$sh_pid" ] && pgrep -P "$sh_pid" | head -n 1
}
# desk_save KEY WAIT TABS VALUE CHECK: on 王建国's card, KEY opens a form
# (WAIT on the screen), TABS Tabs reach a field, VALUE replaces it, F2, the
# reason, Enter; the desk is killed while it saves. 已保存 on the screen
# counts as committed: CHECK is logged.
desk_save() {
	tm_stop
	tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color $J --db $db" || return 0
	tm_wait "登录名" 10 || { bad "run $run: the desk did not start"; tm_screen | sed 's/^/    |/'; return; }
	tm_text jingban; tm_keys Enter; tm_text demo; tm_keys Enter
	tm_wait "待办" 10 || { bad "run $run: no home"; tm_screen | sed 's/^/    |/'; return; }
	tm_keys /; tm_wait "查找：" 5; tm_text wjg
	tm_wait "王建国" 5; tm_keys Enter
	tm_wait "1 成员" 5; tm_keys "$1"
	tm_wait "$2" 5 || { bad "run $run: no form「$2」"; tm_screen | sed 's/^/    |/'; return; }
	i=0
	while [ "$i" -lt "$3" ]; do tm_keys Tab; i=$((i + 1)); done
	tm_keys C-u; tm_text "$4"; tm_keys F2
	tm_wait "修改原因" 5 || { bad "run $run: no reason asked"; tm_screen | sed 's/^/    |/'; return; }
	pid=$(desk_pid)
	# (the save takes a few milliseconds after tmux hands over the Enter)
	rnd 30
	tm_keys Enter
	sleep "$(printf '0.%03d' "$r")"
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	sleep 0.1
	[ -z "${TORTURE_DEBUG:-}" ] || tm_screen | sed "s/^/    D|/"
	if tm_screen | grep -q "已保存"; then
		echo "$5" >>"$LOG"
		committed=$((committed + 1))
	else
		killed=$((killed + 1))
	fi
	if grep -q "Sanitizer\|runtime error" "$T/desk.err" 2>/dev/null; then
		bad "run $run $SC: a sanitizer report from the desk:"
		head -20 "$T/desk.err" | sed 's/^/    /'
	fi
	tm_stop
}
sc_desk_member() { # the member form: the phone (12th field)
	[ "$DESK" = 1 ] || { sc_member_add; return; }
	v=$(printf '139%08d' "$run")
	desk_save Enter "身份证号：" 11 "$v" \
		"sql (SELECT phone FROM person WHERE id_number = '11010519491231002X') = '$v' OR (SELECT count(*) FROM event WHERE action LIKE 'person.%' AND new LIKE '%$v%') >= 1"
}
sc_desk_household() { # the household form: the address (3rd field)
	[ "$DESK" = 1 ] || { sc_household_add; return; }
	v="河坝街$(echo "$run" | sed 'y/0123456789/零一二三四五六七八九/')号"
	desk_save e "住址：" 2 "$v" \
		"sql (SELECT h.address FROM household h JOIN person p ON p.household_id = h.id WHERE p.id_number = '11010519491231002X') = '$v' OR (SELECT count(*) FROM event WHERE action LIKE 'household.%' AND new LIKE '%$v%') >= 1"
}

# A table line "NAME WEIGHT CHECK | COMMAND": both expanded now.
generic() {
	OUT="$T/x/$SC$run"
	mkdir -p "$OUT"
	spec=$(echo "$1" | sed 's/^[^ ]* *[0-9]* *//')
	eval "chk=\"${spec%% | *}\""
	eval "set -- ${spec#* | }"
	attempt "$chk" "$@"
	xl=1
}

# ---- what must hold after every kill ----
INVARIANTS="
SELECT 'roll ' || month || ' locked without its lock event (lines + lock + event)' FROM roll r WHERE locked_at <> '' AND NOT EXISTS (SELECT 1 FROM event WHERE action = 'roll.lock' AND new LIKE '月份=' || r.month || '%' AND new LIKE '%合计=' || (SELECT count(*) FROM roll_line WHERE month = r.month) || ' 笔%');
SELECT 'a lock event of a roll not locked: ' || new FROM event e WHERE action = 'roll.lock' AND NOT EXISTS (SELECT 1 FROM roll WHERE locked_at <> '' AND e.new LIKE '月份=' || month || '%');
SELECT 'households without their event' WHERE (SELECT count(*) FROM household) <> (SELECT count(*) FROM event WHERE action = 'household.add');
SELECT 'persons without their event' WHERE (SELECT count(*) FROM person) <> (SELECT count(*) FROM event WHERE action = 'person.add');
SELECT 'cases without their event' WHERE (SELECT count(*) FROM case_file) <> (SELECT count(*) FROM event WHERE action = 'case.new');
SELECT 'payment ' || y.id || ' without its fund move' FROM aid_payment y LEFT JOIN fund_move m ON m.id = y.fund_move_id WHERE y.paid_on <> '' AND (m.id IS NULL OR m.amount_fen <> -y.amount_fen);
SELECT 'payments without their event' WHERE (SELECT count(*) FROM aid_payment WHERE paid_on <> '') <> (SELECT count(*) FROM event WHERE action = 'aid.pay');
"
verify() {
	out=$(q "$INVARIANTS" 2>&1)
	[ -z "$out" ] || bad "run $run ($SC): half-written: $out"
	# every logged change is still there
	awk '/^sql / { print "SELECT " NR " WHERE NOT coalesce((" substr($0, 5) "), 0);" }' "$LOG" >"$T/lost.sql"
	out=$(sqlite3 -cmd ".timeout 5000" "$db" <"$T/lost.sql" 2>&1)
	[ -z "$out" ] || bad "run $run ($SC): a committed change is gone (lines $out of the log): $(for n in $out; do sed -n "${n}p" "$LOG"; done)"
	grep '^check ' "$LOG" | while read -r _ f; do
		"$J" --db "$f" check >/dev/null 2>&1 || echo "demo $f"
	done >"$T/badcheck"
	[ -s "$T/badcheck" ] && bad "run $run: a committed demo fails check: $(cat "$T/badcheck")"
	if [ -n "$(find "$T/x" -name '*.xlsx' -newer "$T/stamp" 2>/dev/null | head -n 1)" ] || [ "$xl" = 1 ]; then
		grep '^xlsx ' "$LOG" | cut -c6- >"$T/want"
		/usr/bin/python3 - "$T/x" "$T/want" <<'PY' || bad "run $run ($SC): workbooks"
import glob, os, sys, zipfile
bad = 0
for p in glob.glob(sys.argv[1] + "/**/*.xlsx", recursive=True) + glob.glob(sys.argv[1] + "/*.xlsx"):
    try:
        with zipfile.ZipFile(p) as z:
            if z.testzip() is not None or "xl/workbook.xml" not in z.namelist():
                raise ValueError("damaged member")
    except Exception as e:
        print("half-written workbook %s: %s" % (p, e)); bad = 1
for w in open(sys.argv[2], encoding="utf-8").read().split("\n"):
    if w and not os.path.isfile(w):
        print("committed workbook missing: %s" % w); bad = 1
sys.exit(bad)
PY
	fi
	touch "$T/stamp"
	xl=0
	"$J" --db "$db" check >"$T/check.out" 2>&1 || { bad "run $run ($SC): jiuzhu check after the kill:"; sed 's/^/    /' "$T/check.out"; }
}

# ---- the runs ----
total=0
for w in $(echo "$SCENARIOS" | awk 'NF >= 2 { print $2 }'); do total=$((total + w)); done
committed=0 killed=0 other=0
SC=start
xl=0
touch "$T/stamp"
verify
run=1
start=$(now_ms)
while [ "$run" -le "$RUNS" ]; do
	rnd "$total"
	pick=$r
	line=$(echo "$SCENARIOS" | awk -v p="$pick" 'NF >= 2 { if (p < $2) { print; exit } p -= $2 }')
	SC=${line%% *}
	case $line in
	*" | "*) generic "$line" ;;
	*) "sc_$SC" ;;
	esac
	verify
	[ "$fails" = 0 ] || { echo "stopped at run $run ($SC), seed $SEED"; break; }
	run=$((run + 1))
done
echo "torture: $((run - 1)) runs in $((($(now_ms) - start) / 1000)) s: $committed committed, $killed killed mid-write, $other refused; $(wc -l <"$LOG") committed changes checked after every kill"
[ "$committed" -gt 0 ] && [ "$killed" -gt 0 ] || bad "the kills should land both during and after writes"
finish
