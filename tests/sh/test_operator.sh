#!/bin/sh
# test_operator.sh — `jiuzhu operator`: an 管理员 adds operators (new
# password from JIUZHU_NEW_PASSWORD, never an option), sets roles and the
# operator's own ID, disables and re-enables; an operator changes his own
# password; five wrong passwords lock the operator for auth.lock_minutes
# (the clock is JIUZHU_NOW), the lock ends by itself or an 管理员 unlocks;
# the last active 管理员 cannot be disabled or lose the role; a non-admin is
# refused everything but his own password; no password reaches the events.
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
op() { "$J" --db "$db" operator "$@"; }

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 10 --months 0

# ---- adding ----
expect_rc 1 "add without a new password on a pipe" op add wangwu --name 王五 --roles 经办 --as admin </dev/null
expect_out "JIUZHU_NEW_PASSWORD" "where the new password comes from"
expect_rc 1 "--password is not an option" op add wangwu --password x --roles 经办 --as admin
export JIUZHU_NEW_PASSWORD=wang-pw-1
expect_rc 1 "add by a non-admin" op add wangwu --name 王五 --roles 经办 --as jingban
expect_out "只有管理员" "the role is named"
expect_rc 1 "an unknown role" op add wangwu --name 王五 --roles 科长 --as admin
expect_out "角色「科长」不存在" "the role is named"
expect_rc 1 "a bad ID for the operator" op add wangwu --name 王五 --roles 经办 --id-number 110105194912310021 --as admin
expect_out "身份证号" "the ID is named"
expect_eq "$(q "SELECT count(*) FROM operator WHERE login='wangwu'")" "0" "nothing half-added"
expect_rc 0 "add" op add wangwu --name 王五 --roles 经办 --id-number 11010519491231002X --as admin
expect_rc 1 "add twice" op add wangwu --name 王五 --roles 经办 --as admin
expect_out "已被使用" "the login is taken"
expect_rc 0 "list" op list
expect_out "110105********002X" "the operator's ID masked in the list"
expect_out "王五" "the name in the list"
export JIUZHU_PASSWORD=wang-pw-1
expect_rc 0 "the new operator signs in" op passwd wangwu --as wangwu
expect_eq "$(q "SELECT count(*) FROM event WHERE action='operator.passwd'")" "1" "one passwd event"

# ---- passwords never stored or logged in clear ----
expect_eq "$(q "SELECT count(*) FROM event WHERE old LIKE '%wang-pw-1%' OR new LIKE '%wang-pw-1%'")" "0" \
	"no password in the events"
expect_eq "$(q "SELECT pw_hash LIKE '\$argon2id\$%' FROM operator WHERE login='wangwu'")" "1" "an argon2id hash"

# ---- a non-admin ----
expect_rc 1 "a non-admin cannot change another's password" op passwd jingban --as wangwu
expect_out "只有管理员" "refused"
expect_rc 1 "a non-admin cannot disable" op disable jingban --reason 调离 --as wangwu
expect_rc 1 "a non-admin cannot unlock" op unlock jingban --as wangwu
expect_rc 1 "a non-admin cannot set roles" op set wangwu --roles 经办,审批,管理员 --as wangwu
expect_eq "$(q "SELECT roles FROM operator WHERE login='wangwu'")" "经办" "roles unchanged"

# ---- lockout ----
export JIUZHU_PASSWORD=wrong JIUZHU_NOW=2026-11-27T10:00:00
for i in 1 2 3 4; do
	expect_rc 1 "wrong password $i" op passwd wangwu --as wangwu
	expect_out "登录名或密码不对" "the usual message $i"
done
expect_rc 1 "the fifth wrong password" op passwd wangwu --as wangwu
expect_out "已锁定到 2026-11-27 10:30" "locked for auth.lock_minutes"
expect_eq "$(q "SELECT count(*) FROM event WHERE action='operator.lock'")" "1" "the lock is an event"
export JIUZHU_PASSWORD=wang-pw-1 JIUZHU_NOW=2026-11-27T10:29:00
expect_rc 1 "the right password while locked" op passwd wangwu --as wangwu
expect_out "已锁定" "still locked"
export JIUZHU_NOW=2026-11-27T10:30:01
expect_rc 0 "the lock ends by itself" op passwd wangwu --as wangwu
expect_eq "$(q "SELECT failed || '|' || locked_until FROM operator WHERE login='wangwu'")" "0|" "the count is reset"
JIUZHU_PASSWORD=demo "$J" --db "$db" setting set auth.max_failures 3 --as admin >/dev/null 2>&1 ||
	q "INSERT INTO setting(key, area, from_date, value) VALUES ('auth.max_failures', '*', '2026-01-01', '3')"
export JIUZHU_PASSWORD=wrong
for i in 1 2 3; do op passwd wangwu --as wangwu >/dev/null 2>&1; done
expect_rc 1 "the setting sets the count" op passwd wangwu --as wangwu
expect_out "已锁定" "locked after 3"
export JIUZHU_PASSWORD=demo
expect_rc 0 "an admin unlocks" op unlock wangwu --as admin
expect_rc 1 "unlocking again" op unlock wangwu --as admin
expect_out "没有被锁定" "nothing to unlock"
JIUZHU_PASSWORD=wang-pw-1 expect_rc 0 "signs in after the unlock" op passwd wangwu --as wangwu

# ---- roles, disabling, the last admin ----
expect_rc 0 "set roles" op set wangwu --roles 经办,审核 --name 王小五 --as admin
expect_eq "$(q "SELECT name || '|' || roles FROM operator WHERE login='wangwu'")" "王小五|经办,审核" "roles and name set"
expect_rc 1 "disable without a reason" op disable wangwu --as admin
expect_out "原因" "the reason is asked for"
expect_rc 0 "disable" op disable wangwu --reason 调离 --as admin
JIUZHU_PASSWORD=wang-pw-1 expect_rc 1 "a disabled operator cannot sign in" op passwd wangwu --as wangwu
expect_out "已停用" "said so"
expect_rc 0 "enable" op enable wangwu --as admin
expect_rc 1 "the last admin cannot be disabled" op disable admin --reason 退休 --as admin
expect_out "最后一位" "said so"
expect_rc 1 "the last admin keeps the role" op set admin --roles 经办 --as admin
expect_rc 0 "a second admin" op set shenpi --roles 审批,管理员 --as admin
expect_rc 0 "then the first may go" op disable admin --reason 退休 --as shenpi
expect_eq "$(q "SELECT count(*) FROM event WHERE entity='operator'")" \
	"$(q "SELECT count(*) FROM event WHERE entity='operator' AND operator <> ''")" "every event names its operator"
finish
