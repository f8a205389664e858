#!/bin/sh
# test_concurrent.sh — two writers on one file at once. Two CLI write loops
# side by side, then a desk saving a form over and over while a CLI loop
# writes: no lost update (the rows at the end are the rows before plus
# every write that said it succeeded; each desk save that said 已保存 has
# its event), any refusal is the clear "busy" message. Then a writer that
# holds the file longer than the busy timeout (a python sqlite3 connection
# inside BEGIN IMMEDIATE): a CLI write waits, then exits 2 with "另一个救助台
# 窗口或命令正在写入，请稍后重试"; the desk's F2 shows that message and keeps
# the form; once the other writer is done, F2 saves.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/../torture/fixture.sh"
. "$(dirname "$0")/../torture/desk.sh"
trap 'tm_stop; rm -rf "$T"' EXIT
export JIUZHU_PASSWORD=demo
db="$T/c.db"
fast_demo "$db" --households 20 --months 0 || { finish; exit 1; }
desk_household "$db"
village=$(sqlite3 "$db" "SELECT name FROM village ORDER BY code LIMIT 1")
q() { sqlite3 -cmd ".timeout 10000" "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
BUSY="另一个救助台窗口或命令正在写入，请稍后重试"

# id_of N: a valid resident ID (born 1980, sequence N).
id_of() {
	printf '11010119800101%03d\n' "$1" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0;
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i];
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }'
}
name_of() { echo "$1" | sed 'y/0123456789/零一二三四五六七八九/'; }
# writer FIRST LAST LOG: adds households FIRST..LAST, logging each result.
writer() {
	n=$1
	while [ "$n" -le "$2" ]; do
		if "$J" --db "$db" household add --village "$village" --name "周$(name_of "$n")" --id "$(id_of "$n")" \
			--as jingban >"$T/w$1.out" 2>&1; then
			echo "ok $n" >>"$3"
		else
			echo "refused $n $(cat "$T/w$1.out")" >>"$3"
		fi
		n=$((n + 1))
	done
}
check_log() { # LOG: refusals only say busy
	if grep '^refused' "$1" | grep -vq "$BUSY"; then
		bad "a refusal that is not the busy message:"
		grep '^refused' "$1" | grep -v "$BUSY" | head -3 | sed 's/^/    /'
	else
		ok "any refusal is the busy message ($(grep -c '^refused' "$1") refused)"
	fi
}

# ---- two CLI write loops at once ----
h0=$(q "SELECT count(*) FROM household")
e0=$(q "SELECT count(*) FROM event")
: >"$T/a.log"
: >"$T/b.log"
writer 1 40 "$T/a.log" &
wa=$!
writer 101 140 "$T/b.log" &
wb=$!
wait "$wa" "$wb"
n=$(cat "$T/a.log" "$T/b.log" | grep -c '^ok')
expect_eq "$(q "SELECT count(*) FROM household")" "$((h0 + n))" "two loops: households = before + $n successful writes"
expect_eq "$(q "SELECT count(*) FROM event")" "$((e0 + 2 * n))" "two loops: each write has its events (household and person)"
check_log "$T/a.log"
check_log "$T/b.log"
[ "$n" -ge 70 ] && ok "most writes went through by waiting ($n of 80)" || bad "only $n of 80 writes went through"

# ---- the desk saving while a CLI loop writes ----
h0=$(q "SELECT count(*) FROM household")
u0=$(q "SELECT count(*) FROM event WHERE action LIKE 'person.%' AND new LIKE '%1390000%'")
: >"$T/c.log"
if desk_member_form "$db"; then
	writer 201 240 "$T/c.log" &
	wc=$!
	saved=0
	for k in 1 2 3 4 5; do
		desk_type_phone "1390000000$k"
		tm_keys F2
		tm_wait "修改原因" 5 || { bad "save $k: no reason asked"; break; }
		tm_keys Enter
		if tm_wait "已保存" 10; then
			saved=$((saved + 1))
		elif tm_screen | grep -q "$BUSY"; then
			ok "save $k: busy, said so"
			tm_keys Escape
		else
			bad "save $k: neither saved nor busy"
			tm_screen | sed 's/^/    |/'
			break
		fi
		tm_keys Enter
		tm_wait "身份证号：" 5 || { bad "the member form again"; tm_screen | sed 's/^/    |/'; break; }
	done
	wait "$wc"
	n=$(grep -c '^ok' "$T/c.log")
	expect_eq "$(q "SELECT count(*) FROM household")" "$((h0 + n))" "desk + loop: households = before + $n successful writes"
	check_log "$T/c.log"
	u=$(q "SELECT count(*) FROM event WHERE action LIKE 'person.%' AND new LIKE '%1390000%'")
	expect_eq "$((u - u0))" "$saved" "desk + loop: each of the $saved saves has its event"
	[ "$saved" -gt 0 ] && expect_eq "$(desk_phone "$db")" "1390000000$saved" "the last phone saved is in the file"
fi

# ---- a writer holding the file longer than the busy timeout ----
hold() { # hold SECONDS: BEGIN IMMEDIATE for that long; "held" in $T/held once it holds
	rm -f "$T/held"
	/usr/bin/python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').write('held')
time.sleep(float(sys.argv[3]))
c.execute('ROLLBACK')" "$db" "$T/held" "$1" &
	holder=$!
	i=0
	while [ ! -s "$T/held" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
}
e0=$(q "SELECT count(*) FROM event")
hold 6
t0=$(date +%s)
expect_rc 2 "a CLI write while another holds the file: exit 2" "$J" --db "$db" household add --village "$village" \
	--name 吴一 --id "$(id_of 301)" --as jingban
waited=$(($(date +%s) - t0))
expect_out "$BUSY" "the busy message"
[ "$waited" -ge 4 ] && ok "it waited for the busy timeout first (${waited} s)" || bad "it gave up after ${waited} s"
wait "$holder"
expect_eq "$(q "SELECT count(*) FROM event")" "$e0" "nothing written"
expect_rc 0 "the same write once the other is done" "$J" --db "$db" household add --village "$village" \
	--name 吴一 --id "$(id_of 301)" --as jingban

if tm_screen | grep -q "身份证号："; then
	desk_type_phone 13911112222
	hold 6
	tm_keys F2
	tm_wait "修改原因" 5
	tm_keys Enter
	expect_screen "$BUSY" "the desk's F2 while another holds the file: the busy message" 10
	expect_screen "13911112222" "the form still shows what was typed"
	wait "$holder"
	tm_keys F2
	expect_screen "修改原因" "F2 again asks the reason"
	tm_keys Enter
	expect_screen "已保存" "saved once the other writer is done"
	expect_eq "$(desk_phone "$db")" "13911112222" "the typed phone is in the file"
	tm_keys Escape; sleep 0.4; tm_keys Escape; sleep 0.4; tm_keys F10
	tm_dead && ok "the desk quits" || bad "the desk quits"
else
	bad "the desk's member form is not open"
	tm_screen | sed 's/^/    |/'
fi
tm_stop
expect_rc 0 "check passes" "$J" --db "$db" check
finish
