#!/bin/sh
# test_desk_safety.sh — the desk keeps things safe, in tmux at 80x24, with
# time passing through JIUZHU_NOW=@file: after auth.idle_minutes without a
# key it locks over the open screen (global keys do nothing, a wrong
# password is refused, the right one returns to the screen with what was
# typed); closing makes the day's backup once, keeping backup.keep of them;
# after a desk killed with -9 the next start checks the file and says it is
# whole; after the file is damaged, the next start offers the newest good
# backup and an 管理员 restores it from the desk (the damaged file kept).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

db="$T/demo.db"
now="$T/now"
"$J" --db "$db" demo --no-open --households 20 --months 0 >/dev/null || { bad "demo"; finish; }
q() { sqlite3 "$db" "$1"; }
set_now() { echo "$1" > "$now"; }
desk() { echo "env LC_ALL=C.UTF-8 TERM=screen-256color JIUZHU_NOW=@$now $J --db $db"; }
signin() {
	expect_screen "登录名" "$1: sign-in"
	tm_text "$1"; tm_keys Enter; tm_text demo; tm_keys Enter
	expect_screen "待办" "$1: home"
}

# ---- the idle lock ----
set_now 2026-11-27T09:00:00
tm_start "$(desk)"
signin jingban
tm_keys F3
expect_screen "查找" "the search is open"
tm_text "王"
expect_screen "找到" "the search has taken the key (its time is the last key's)"
set_now 2026-11-27T09:14:00
sleep 1.5
expect_gone "工作台已锁定" "not locked before auth.idle_minutes"
set_now 2026-11-27T09:15:30
expect_screen "工作台已锁定" "locked after 15 idle minutes" 5
expect_screen "请 李经办（jingban）输入密码" "the operator is named"
tm_keys F9
sleep 0.3
expect_screen "工作台已锁定" "F9 does not open the menu over the lock"
tm_text "wrong"; tm_keys Enter
expect_screen "登录名或密码不对" "a wrong password is refused"
tm_text "demo"; tm_keys Enter
expect_screen "已解锁" "the right password unlocks"
expect_screen "王" "the search and what was typed are still there"
expect_gone "工作台已锁定" "the lock is gone"

# ---- the daily backup on close ----
tm_keys F10
tm_dead || bad "the desk quits"
daily="$T/backups/jiuzhu-2026-11-27.db"
[ -f "$daily" ] && ok "the day's backup is made on close" || bad "no $daily"
grep -q "已自动备份到" "$T/desk.err" && ok "said so after the desk closed" || bad "no note of the backup"
[ ! -f "$db.open" ] && ok "a clean close removes the marker" || bad "the marker stays"
"$J" --db "$daily" check >/dev/null && ok "the backup passes jiuzhu check" || bad "the backup is not whole"
tm_stop
tm_start "$(desk)"
expect_screen "登录名" "started again"
tm_keys F10
tm_dead || bad "quits again"
[ "$(ls "$T/backups" | wc -l)" = 1 ] && ok "once a day only" || bad "$(ls "$T/backups")"
q "INSERT INTO setting(key, area, from_date, value) VALUES ('backup.keep', '*', '2026-01-01', '2')"
for day in 28 29 30; do
	set_now 2026-11-${day}T17:00:00
	tm_stop
	tm_start "$(desk)"
	expect_screen "登录名" "started on the ${day}th"
	tm_keys F10
	tm_dead || bad "quits on the ${day}th"
done
[ "$(ls "$T/backups" | tr '\n' ' ')" = "jiuzhu-2026-11-29.db jiuzhu-2026-11-30.db " ] &&
	ok "backup.keep keeps the newest 2" || bad "backups: $(ls "$T/backups")"

# ---- a desk killed -9 ----
tm_stop
set_now 2026-12-01T09:00:00
tm_start "$(desk)"
signin jingban
pid=$(head -n 1 "$db.open" 2>/dev/null)   # the desk writes its pid into the marker
[ -n "$pid" ] && kill -9 "$pid"
sleep 0.5
[ -f "$db.open" ] && ok "a killed desk leaves the marker" || bad "no marker after kill -9"
tm_stop
tm_start "$(desk)"
expect_screen "上次工作台没有正常关闭，已检查数据文件：完好" "the next start checks and says the file is whole"
tm_keys F10
tm_dead || bad "quits after the check"

# ---- a damaged file ----
tm_stop
q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
q "SELECT count(*) FROM person" > "$T/persons.before"
/usr/bin/python3 - "$db" <<'PY'
import sys
path = sys.argv[1]
with open(path, 'r+b') as f:
    data = bytearray(f.read())
    page = int.from_bytes(data[16:18], 'big') or 65536
    n = len(data) // page
    for p in range(n // 2, n // 2 + 3):   # three pages in the middle
        data[p * page:(p + 1) * page] = b'\x00' * page
    f.seek(0); f.write(data)
PY
touch "$db.open"
tm_start "$(desk)"
expect_screen "数据文件已损坏" "the damage is found after the sign-in screen is drawn" 15
expect_screen "jiuzhu-2026-12-01.db" "the newest good backup is offered (made when the last desk closed)"
tm_keys y
expect_screen "管理员登录名" "an 管理员 is asked for"
tm_text admin; tm_keys Enter
expect_screen "管理员密码" "and the password"
tm_text demo; tm_keys Enter
expect_screen "已从备份恢复" "restored from the desk" 15
expect_screen "登录名" "back at the sign-in"
tm_keys F10
tm_dead || bad "quits after the restore"
ls "$T" | grep -q "demo.db.before-restore-" && ok "the damaged file is kept aside" || bad "no file aside"
"$J" --db "$db" check >/dev/null && ok "the restored file passes jiuzhu check" || bad "check fails after restore"
[ "$(q "SELECT count(*) FROM person")" = "$(cat "$T/persons.before")" ] && ok "the persons are all there" ||
	bad "persons differ"
[ "$(q "SELECT count(*) FROM event WHERE action = 'db.restore' AND operator = 'admin'")" = 1 ] &&
	ok "the restore is an event by admin" || bad "no restore event"

# ---- 备份 from the menu: a backup now, a copy to a USB stick ----
tm_stop
mkdir -p "$T/usb"
set_now 2026-12-02T10:00:00
tm_start "$(desk)"
signin jingban
tm_keys F9
expect_screen "b. 备份" "the menu lists 备份 under b"
tm_keys b
expect_screen "b立即备份 u拷到U盘 r恢复" "the backup screen names its keys"
expect_screen "jiuzhu-2026-12-01.db" "the backups are listed"
tm_keys b
expect_screen "已备份到" "b makes a backup now"
tm_keys u
expect_screen "拷到哪个文件夹" "u asks the folder"
tm_keys C-u; tm_text "$T/usb"; tm_keys Enter
expect_screen "南门镇-20261202-100000.db" "the copy is named after the township and the time"
tm_keys Escape; sleep 0.4; tm_keys F10
tm_dead || bad "quits after the backups"
[ -s "$T/usb/jiuzhu-南门镇-20261202-100000.db" ] && ok "the copy is on the stick" || bad "$(ls "$T/usb")"
"$J" --db "$T/usb/jiuzhu-南门镇-20261202-100000.db" check >/dev/null && ok "and whole" || bad "the copy fails check"
finish
