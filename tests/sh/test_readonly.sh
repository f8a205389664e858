#!/bin/sh
# test_readonly.sh — a read-only database (root ignores mode 0444, so a
# tmpfs remounted read-only; as root, or in a user namespace; SKIP when
# neither is allowed). The CLI: a write is refused with exit 2 and a message
# saying the file is read-only and what to do; once writable again the file
# is unchanged and `jiuzhu check` passes. The desk, with a member form open
# when the file becomes read-only: F2 shows the message and keeps the text;
# nothing half-saved. (Linux refuses to remount a file system read-only
# while a program has a file open for writing, as the desk does, except as
# the kernel does after a disk error: an ext4 image on a loop device made
# read-only by ext4's trigger_fs_error under the open desk.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/../torture/fixture.sh"
. "$(dirname "$0")/../torture/tmpfs.sh"
. "$(dirname "$0")/../torture/desk.sh"
trap 'tm_stop; rm -rf "$T"' EXIT
need_tmpfs 8m
export JIUZHU_PASSWORD=demo
db="$M/d.db"
fast_demo "$db" --households 20 --months 0 || { finish; exit 1; }
desk_household "$db"
village=$(sqlite3 "$db" "SELECT name FROM village ORDER BY code LIMIT 1")
snap() { sqlite3 "$db" .dump | md5sum; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }

# ---- the CLI on a read-only mount ----
before=$(snap)
ro_disk || bad "remount read-only"
expect_rc 2 "household add on a read-only disk" "$J" --db "$db" household add --village "$village" \
	--name 曾小红 --id 11010219840406970X --as jingban
expect_out "只读" "the message says read-only"
expect_out "复制到可写的地方" "and what to do"
expect_rc 2 "fund allocate on a read-only disk" "$J" --db "$db" fund allocate 100 --doc 县民发〔2026〕1号 --as jingban
expect_out "只读" "the message says read-only"
rw_disk || bad "remount read-write"
expect_eq "$(snap)" "$before" "the database is unchanged"
expect_rc 0 "check passes" "$J" --db "$db" check
expect_rc 0 "the write succeeds when writable" "$J" --db "$db" household add --village "$village" \
	--name 曾小红 --id 11010219840406970X --as jingban

# ---- the desk: the disk goes read-only while a form is open ----
# Linux refuses to remount a file system read-only while a program (the
# desk) has a file open for writing; the kernel itself does it after a disk
# error (errors=remount-ro). So: an ext4 image on a loop device, and ext4's
# trigger_fs_error to make that happen under the open desk.
ext="$T/ext"
mkdir -p "$ext"
trap 'tm_stop; umount "$ext" 2>/dev/null || umount -l "$ext" 2>/dev/null; umount "$M" 2>/dev/null || umount -l "$M" 2>/dev/null; rm -rf "$T"' EXIT
trig=
if truncate -s 16M "$T/ext4.img" && mkfs.ext4 -q -F "$T/ext4.img" >/dev/null 2>&1 &&
	mount -o loop,errors=remount-ro "$T/ext4.img" "$ext" 2>/dev/null; then
	dev=$(findmnt -n -o SOURCE "$ext")
	trig=/sys/fs/ext4/${dev#/dev/}/trigger_fs_error
	[ -w "$trig" ] || trig=
fi
if [ -z "$trig" ]; then
	echo "SKIP the desk part: no loop-mounted ext4 with trigger_fs_error here (needs root, a loop device, mkfs.ext4)"
else
	edb="$ext/d.db"
	sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	cp "$db" "$edb"
	sync
	if desk_member_form "$edb"; then
		desk_type_phone 13987654321
		echo 1 >"$trig"
		findmnt -n -o OPTIONS "$ext" | grep -q 'ro' && ok "the disk is read-only under the desk" || bad "the disk did not go read-only"
		tm_keys F2
		expect_screen "修改原因" "F2 asks the reason"
		tm_keys Enter
		expect_screen "只读" "the message line says read-only"
		expect_screen "13987654321" "the form still shows what was typed"
		expect_screen "身份证号：" "the form is still open"
		tm_stop
		sleep 0.3
		umount "$ext" || umount -l "$ext"
		e2fsck -fy "$T/ext4.img" >/dev/null 2>&1
		mount -o loop "$T/ext4.img" "$ext" || bad "mount the disk again"
		expect_eq "$(desk_phone "$edb")" "13800001111" "nothing half-saved"
		expect_rc 0 "check passes on the disk mounted again" "$J" --db "$edb" check
		umount "$ext"
	fi
fi

# ---- the desk started on a read-only disk says so ----
ro_disk || bad "remount read-only"
tm_start "env LC_ALL=C.UTF-8 TERM=screen-256color $J --db $db"
i=0
while [ ! -s "$T/desk.rc" ] && [ "$i" -lt 100 ] && ! tm_screen 2>/dev/null | grep -q "只读"; do sleep 0.05; i=$((i + 1)); done
if tm_screen 2>/dev/null | grep -q "只读" || grep -q "只读" "$T/desk.err"; then
	ok "the desk on a read-only disk says so"
else
	bad "the desk on a read-only disk: no「只读」"
	sed 's/^/    !/' "$T/desk.err"
	tm_screen | sed 's/^/    |/'
fi
tm_stop
rw_disk
finish
