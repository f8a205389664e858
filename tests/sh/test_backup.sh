#!/bin/sh
# test_backup.sh — `jiuzhu backup` and `jiuzhu restore` on the command line:
# a backup into the backups folder next to the database, into a folder (a
# USB stick) named after the township, listed with what each holds; a
# restore needs an 管理员, refuses a file that is not a whole jiuzhu
# database (the current file untouched), keeps the current file aside,
# brings back the backup's content and records who restored it; when the
# current file is unreadable, the 管理员 is checked against the backup.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 20 --months 0

expect_rc 0 "backup" "$J" --db "$db" backup
expect_out "backups/jiuzhu-2026-11-27-093000.db" "into the backups folder, named by the time"
b1="$T/backups/jiuzhu-2026-11-27-093000.db"
mkdir "$T/usb"
expect_rc 0 "backup to a folder" "$J" --db "$db" backup "$T/usb"
expect_out "南门镇" "named after the township"
[ "$(ls "$T/usb" | grep -c '^jiuzhu-南门镇-20261127-093000.db$')" = 1 ] && ok "the file is on the stick" || bad "$(ls "$T/usb")"
expect_rc 0 "backup list" "$J" --db "$db" backup --list
expect_out "南门镇，" "the list says what the backup holds"

persons=$(q "SELECT count(*) FROM person")
JIUZHU_NOW=2026-11-27T10:00:00 expect_rc 0 "a household added after the backup" \
	"$J" --db "$db" household add --village 大坪村 --name 王大山 --id 11010519491231002X --as jingban
expect_eq "$(q "SELECT count(*) FROM person")" "$((persons + 1))" "one more person"

expect_rc 1 "restore by a non-admin" "$J" --db "$db" restore "$b1" --as jingban
expect_out "只有管理员" "refused"
echo "not a database" > "$T/junk.db"
sum=$(md5sum < "$db")
expect_rc 1 "restore from junk" "$J" --db "$db" restore "$T/junk.db" --as admin
expect_out "不能用这个文件恢复" "the file is refused"
expect_eq "$(md5sum < "$db")" "$sum" "the current file is untouched"
expect_rc 1 "restore from a missing file" "$J" --db "$db" restore "$T/none.db" --as admin

JIUZHU_NOW=2026-11-27T11:00:00 expect_rc 0 "restore" "$J" --db "$db" restore "$b1" --as admin
expect_out "原来的数据文件保留在" "the current file is kept aside"
aside=$(ls "$T" | grep "demo.db.before-restore-20261127-110000$")
[ -n "$aside" ] && ok "aside as demo.db.before-restore-20261127-110000" || bad "$(ls "$T")"
expect_eq "$(q "SELECT count(*) FROM person")" "$persons" "the household added after the backup is gone"
expect_eq "$(sqlite3 "$T/$aside" "SELECT count(*) FROM person")" "$((persons + 1))" "and still in the file aside"
expect_eq "$(q "SELECT operator FROM event WHERE action = 'db.restore'")" "admin" "the restore is an event"
expect_rc 0 "the restored file passes check" "$J" --db "$db" check

echo "garbage" > "$db"
rm -f "$db-wal" "$db-shm"
expect_rc 1 "a non-admin cannot restore a broken file either" "$J" --db "$db" restore "$b1" --as jingban
expect_rc 0 "an 管理员 of the backup restores a broken file" "$J" --db "$db" restore "$b1" --as admin
expect_rc 0 "and it passes check" "$J" --db "$db" check
finish
