#!/bin/sh
# test_check.sh — `jiuzhu check` finds what the sqlite3 shell did behind the
# program's back: an event edited or deleted anywhere in the history, a
# locked roll's line changed, a household with two heads, the fund below
# zero, a case amount that is not its means test, a row pointing at
# nothing; a clean demo passes (exit 0), each damage gives exit 2 and a
# line saying where. Each damage is made on a fresh copy of the demo. (The
# sqlite3 shell has no jz_today(), so editing a person means dropping the
# trigger that keeps past values first.)
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_rc 0 "demo with history" "$J" --db "$db" demo --no-open --households 60
expect_rc 0 "a clean demo passes" "$J" --db "$db" check
expect_out "没有发现问题" "said so"
expect_rc 0 "quick check" "$J" --db "$db" check --quick

# A member joins a household with a case in force: the case is due for
# review today (its amount waits for the review), and the file stays clean.
hh=$(sqlite3 "$db" "SELECT h.number FROM household h JOIN case_file c ON c.household_id = h.id
	WHERE c.state = '在保' AND c.programme = '低保' ORDER BY c.id LIMIT 1")
expect_rc 0 "a member joins a household on 低保" "$J" --db "$db" household member-add "$hh" --name 王新 \
	--id 110105202001010031 --relation 子 --as jingban
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM case_file c JOIN household h ON h.id = c.household_id
	WHERE h.number = '$hh' AND c.state = '在保' AND c.review_due = '2026-11-27'")" 1 "its case is due for review today"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE action = 'case.flag'")" 1 "with an event"
expect_rc 0 "and the file is still clean" "$J" --db "$db" check

damaged() { # description sql expected-text
	cp "$db" "$T/x.db"
	rm -f "$T/x.db-wal" "$T/x.db-shm"
	sqlite3 "$T/x.db" "$2" || bad "sql for $1"
	expect_rc 2 "$1 is found" "$J" --db "$T/x.db" check
	expect_out "$3" "$1: where it is"
}
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
mid=$(sqlite3 "$db" "SELECT id FROM event ORDER BY id LIMIT 1 OFFSET (SELECT count(*)/2 FROM event)")
damaged "an event edited in the middle" \
	"DROP TRIGGER event_no_update; UPDATE event SET reason = reason || '。' WHERE id = $mid" \
	"第 $mid 条操作记录"
damaged "the first event edited" \
	"DROP TRIGGER event_no_update; UPDATE event SET operator = 'someone' WHERE id = 1" "第 1 条操作记录"
damaged "an event deleted" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = $mid" "操作记录被删除过"
damaged "an event re-hashed by hand" \
	"DROP TRIGGER event_no_update; UPDATE event SET new = 'x', hash = lower(hex(randomblob(32))) WHERE id = $mid" \
	"第 $((mid + 1)) 条操作记录"
month=$(sqlite3 "$db" "SELECT max(month) FROM roll WHERE locked_at <> ''")
damaged "a locked roll changed" \
	"DROP TRIGGER roll_line_locked_update; UPDATE roll_line SET amount_fen = amount_fen + 1 WHERE id = (SELECT min(id) FROM roll_line WHERE month = '$month')" \
	"$month 发放花名册：锁定后被改动过"
damaged "a locked roll's line deleted" \
	"DROP TRIGGER roll_line_locked_delete; DELETE FROM roll_line WHERE id = (SELECT max(id) FROM roll_line WHERE month = '$month')" \
	"锁定后被改动过"
hh=$(sqlite3 "$db" "SELECT number FROM household h WHERE (SELECT count(*) FROM person WHERE household_id = h.id) > 1 LIMIT 1")
damaged "two heads" \
	"DROP INDEX person_one_head; DROP TRIGGER person_keep_past; UPDATE person SET relation = '户主' WHERE household_id = (SELECT id FROM household WHERE number = '$hh')" \
	"家庭 $hh"
damaged "the fund below zero" \
	"DROP TRIGGER fund_never_negative; INSERT INTO fund_move(on_date, kind, amount_fen, reason, created_by, created_at) VALUES ('2026-11-27', '调整', -999999999, 'x', 'x', 'x')" \
	"不能为负"
case=$(sqlite3 "$db" "SELECT number FROM case_file WHERE state = '在保' AND programme = '低保' AND review_due > '2026-11-27' ORDER BY id LIMIT 1")
damaged "a case amount edited" \
	"UPDATE case_amount SET base_fen = base_fen + 1000, total_fen = total_fen + 1000 WHERE case_id = (SELECT id FROM case_file WHERE number = '$case')" \
	"案件 $case"
damaged "a row pointing at nothing" \
	"PRAGMA foreign_keys = OFF; INSERT INTO case_member(case_id, person_id) VALUES (999999, 999999)" \
	"表 case_member"
finish
