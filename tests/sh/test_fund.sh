#!/bin/sh
# test_fund.sh — the reserve fund (临时救助备用金) on the command line:
# allocations (经办, with the county's document), returns (tied to a case or
# not), adjustments (审批 only, negative allowed), money typed in yuan
# ("1,500.00" yes, "1500元", "-200" or 3 decimals no), the balance alone on
# the last line and the low-balance reminder, an overdraw refused (exit 1)
# with the balance in the message, the ledger refusing UPDATE/DELETE, one
# event per movement, `fund list`, and the statement and top-up request
# workbooks read back with openpyxl: opening + in - out = closing, the
# spending by 急难/支出 and by cause, adjacent periods chain. Payments are
# made by the temporary-assistance cases; here they are put into the ledger
# by raw SQL (the trigger still refuses an overdraw).
. "$(dirname "$0")/lib.sh"
export JIUZHU_PASSWORD=demo
db="$T/demo.db"
q() { sqlite3 "$db" "$1"; }
last() { tail -n 1 "$T/out"; }
expect_eq() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3: got「$1」, want「$2」"; fi; }
fund() { "$J" --db "$db" fund "$@"; }
yuan() { q "SELECT printf('%s%d.%02d', CASE WHEN ($1) < 0 THEN '-' ELSE '' END, abs($1) / 100, abs($1) % 100)"; }

expect_rc 0 "demo" "$J" --db "$db" demo --no-open --households 20 --months 0

# ---- an empty fund ----
expect_rc 0 "balance of an empty fund" fund balance
expect_eq "$(last)" "0.00" "the balance alone on the last line"
expect_out "请申请县级拨付" "the low-balance reminder"

# ---- allocations ----
expect_rc 1 "allocate without --as" fund allocate 1500 --doc 开州民发〔2026〕1号
expect_out "--as" "the operator is asked for"
expect_rc 1 "allocate without a document" fund allocate 1500 --as jingban
expect_out "文号" "the document is asked for"
expect_rc 1 "allocate by 审核" fund allocate 1500 --doc X --as shenhe
expect_out "经办" "the role is named"
expect_rc 1 "1500元 refused" fund allocate 1500元 --doc X --as jingban
expect_out "元" "the unit is named"
expect_rc 1 "a negative allocation refused" fund allocate -200 --doc X --as jingban
expect_out "负数" "negative named"
expect_rc 1 "three decimals refused" fund allocate 1500.123 --doc X --as jingban
expect_out "两位小数" "decimals named"
expect_rc 1 "a date after today refused" fund allocate 1500 --doc X --date 2026-11-28 --as jingban
expect_out "晚于今天" "the future date is named"
expect_rc 1 "a bad date refused" fund allocate 1500 --doc X --date 2026-02-30 --as jingban
expect_eq "$(q "SELECT count(*) FROM fund_move")" "0" "nothing written by the refusals"
expect_rc 0 "allocate 1,500.00" fund allocate 1,500.00 --doc "开州民发〔2026〕12号" --date 2026-03-01 --as jingban
expect_out "1500.00" "the new balance is printed"
expect_rc 0 "allocate 20000 as admin" fund allocate 20000 --doc "开州民发〔2026〕30号" --date 2026-05-10 --as admin
expect_rc 0 "allocate 1500.5" fund allocate 1500.5 --doc "开州民发〔2026〕41号" --date 2026-09-01 --as jingban
expect_rc 0 "balance" fund balance
expect_eq "$(last)" "23000.50" "balance after three allocations"
expect_rc 0 "balance on a date" fund balance --date 2026-04-01
expect_eq "$(last)" "1500.00" "balance on 2026-04-01"
expect_out "请申请县级拨付" "below 5000.00 on that day: reminder"

# ---- temporary-assistance cases and their payments (raw SQL) ----
pid=$(q "SELECT min(id) FROM person")
q "INSERT INTO aid_case(number, person_id, kind, cause, advance, state, accepted_on, accepted_by,
   approved_fen, created_at) VALUES
   ('LS2026T01', $pid, '急难', '火灾', 1, '已救助', '2026-05-01', 'jingban', 300000, '2026-05-01T09:00:00'),
   ('LS2026T02', $pid, '支出', '重病', 0, '已审批', '2026-05-02', 'jingban', 150000, '2026-05-02T09:00:00'),
   ('LS2026T03', $pid, '支出', '疫情', 1, '受理', '2026-06-02', 'jingban', 0, '2026-06-02T09:00:00')"
pay() { # case amount_fen date
	q "INSERT INTO fund_move(on_date, kind, amount_fen, aid_case_id, created_by, created_at)
	   SELECT '$3', '支出', -$2, id, 'jingban', '$3T10:00:00' FROM aid_case WHERE number = '$1'"
}
pay LS2026T01 180000 2026-05-12
pay LS2026T02 150000 2026-06-01
pay LS2026T03 50000 2026-06-03
pay LS2026T01 20000 2026-09-02
expect_rc 0 "balance after the payments" fund balance
expect_eq "$(last)" "19000.50" "23000.50 - 4000.00"

# ---- returns ----
expect_rc 0 "return tied to a case" fund return 300 --reason 多付退回 --case LS2026T02 --date 2026-06-05 --as jingban
expect_rc 1 "return more than the case was paid" fund return 1200.01 --reason 退回 --case LS2026T02 --as jingban
expect_out "只支付了 1200.00 元" "what was paid is shown"
expect_rc 1 "return to an unknown case" fund return 10 --reason 退回 --case LS-NONE --as jingban
expect_out "LS-NONE" "the number is named"
expect_rc 1 "return without a reason" fund return 10 --as jingban
expect_out "原因" "the reason is asked for"
expect_rc 0 "return not tied to a case" fund return 0.5 --reason 银行退票 --date 2026-10-10 --as jingban

# ---- adjustments ----
expect_rc 1 "adjust by 经办" fund adjust -200 --reason 重复登记 --as jingban
expect_out "审批" "the 审批 role is named"
expect_rc 0 "adjust -200 by 审批" fund adjust -200 --reason "5月10日预拨重复登记 200 元" --date 2026-10-11 --as shenpi
expect_rc 0 "adjust +50.5 by 审批" fund adjust 50.5 --reason 尾差 --date 2026-10-12 --as shenpi
expect_rc 0 "balance" fund balance
bal=$(last)
expect_eq "$bal" "19151.50" "19000.50 + 300 + 0.50 - 200 + 50.50"
expect_eq "$bal" "$(yuan "(SELECT sum(amount_fen) FROM fund_move)")" "the balance is the ledger's sum"
expect_eq "$(q "SELECT approved_by FROM fund_move WHERE kind = '调整' ORDER BY id LIMIT 1")" "shenpi" "the approver is recorded"

# ---- overdraw ----
n=$(q "SELECT count(*) FROM fund_move")
expect_rc 1 "an overdraw refused" fund adjust -19151.51 --reason 调减 --as shenpi
expect_out "余额 $bal 元" "the balance is in the message"
expect_rc 1 "a back-dated overdraw refused" fund adjust -2000 --reason 调减 --date 2026-04-01 --as shenpi
expect_out "2026-04-01 的余额只有 1500.00 元" "the day's balance is in the message"
expect_eq "$(q "SELECT count(*) FROM fund_move")" "$n" "nothing written"
if q "INSERT INTO fund_move(on_date, kind, amount_fen, created_by, created_at) VALUES ('2026-11-27', '调整', -1915151, 'x', 'x')" 2>"$T/err"; then
	bad "raw SQL overdrew the fund"
else
	grep -q "余额不足" "$T/err" && ok "the trigger refuses a raw overdraw" || bad "raw overdraw failed without the trigger's message"
fi

# ---- the ledger is never edited ----
if q "UPDATE fund_move SET amount_fen = 1 WHERE kind = '预拨'" 2>"$T/err"; then bad "raw UPDATE changed the ledger"
else grep -q "不可修改" "$T/err" && ok "UPDATE refused" || bad "UPDATE failed without the trigger's message"; fi
if q "DELETE FROM fund_move" 2>"$T/err"; then bad "raw DELETE emptied the ledger"
else grep -q "不可删除" "$T/err" && ok "DELETE refused" || bad "DELETE failed without the trigger's message"; fi
expect_eq "$(q "SELECT count(*) FROM event WHERE entity = 'fund'")" "7" "one event per movement of the command line"

# ---- list ----
expect_rc 0 "fund list" fund list --from 2026-06-01 --to 2026-06-30
expect_out "LS2026T03" "the case number of a payment"
expect_out "多付退回" "the reason of a return"
expect_out "300.00" "the amount of the return"

# ---- statement ----
expect_rc 1 "statement with a bad period" fund statement --from 2026-07-01 --to 2026-06-01
expect_rc 0 "statement of the year" fund statement -o "$T/year.xlsx"
expect_out "期末余额" "printed"
expect_rc 0 "statement to 2026-06-30" fund statement --from 2026-01-01 --to 2026-06-30 -o "$T/h1.xlsx"
expect_rc 0 "statement from 2026-07-01" fund statement --from 2026-07-01 --to 2026-11-27 -o "$T/h2.xlsx"
/usr/bin/python3 - "$T" >"$T/py" 2>&1 <<'PY'
import sys, openpyxl
d = sys.argv[1]
def read(name):
    ws = openpyxl.load_workbook(d + "/" + name).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].endswith("临时救助备用金收支情况表"), rows[0]
    assert rows[2] == ("项目", "笔数", "金额（元）"), rows[2]
    assert ws.cell(row=4, column=3).number_format == "0.00"
    v = {}
    for r in rows[3:]:
        if r[0] and r[2] is not None:
            v[r[0].strip("\u3000 ")] = (int(r[1]) if r[1] else 0, round(r[2] * 100))
    return v
y, h1, h2 = read("year.xlsx"), read("h1.xlsx"), read("h2.xlsx")
for v in (y, h1, h2):
    assert v["一、期初余额"][1] + v["二、本期收入"][1] - v["三、本期支出"][1] == v["四、期末余额"][1], v
    assert v["县级预拨"][1] + v["退回"][1] + v["调整（调增）"][1] == v["二、本期收入"][1]
    assert v["临时救助支出"][1] + v["调整（调减）"][1] == v["三、本期支出"][1]
    assert v["其中：急难型"][1] + v["其中：支出型"][1] == v["临时救助支出"][1]
    assert sum(f for k, (n, f) in v.items() if k.startswith("按原因：")) == v["临时救助支出"][1]
assert h1["四、期末余额"] == h2["一、期初余额"], (h1, h2)
assert y["一、期初余额"][1] == h1["一、期初余额"][1] == 0
assert y["四、期末余额"][1] == h2["四、期末余额"][1] == 1915150
assert y["县级预拨"] == (3, 2300050), y["县级预拨"]
assert y["临时救助支出"] == (4, 400000)
assert y["其中：急难型"] == (2, 200000) and y["其中：支出型"] == (2, 200000)
assert y["按原因：火灾"] == (2, 200000) and y["按原因：重病"] == (1, 150000) and y["按原因：疫情"] == (1, 50000)
assert y["退回"] == (2, 30050) and y["调整（调增）"] == (1, 5050) and y["调整（调减）"] == (1, 20000)
assert h1["临时救助支出"] == (3, 380000) and h2["临时救助支出"] == (1, 20000)
assert h1["四、期末余额"][1] == 150000 + 2000000 - 380000 + 30000
print("statement ok", y["四、期末余额"][1], h1["四、期末余额"][1])
PY
if grep -q "^statement ok" "$T/py"; then ok "statement workbooks reconcile ($(cat "$T/py"))"; else bad "statement workbooks:"; sed 's/^/    /' "$T/py"; fi
h1close=$(yuan "(SELECT sum(amount_fen) FROM fund_move WHERE on_date <= '2026-06-30')")
expect_rc 0 "statement printed for the first half" fund statement --from 2026-01-01 --to 2026-06-30
expect_out "$h1close" "its closing is the ledger's sum to 2026-06-30 ($h1close)"

# ---- the top-up request ----
expect_rc 1 "request without -o" fund request
expect_out "-o" "the file is asked for"
expect_rc 0 "request for May-June" fund request --from 2026-05-01 --to 2026-06-30 -o "$T/req.xlsx"
expect_out "申请金额：3500.00 元" "asked: the net use (3800.00 spent, 300.00 returned)"
/usr/bin/python3 - "$T/req.xlsx" >"$T/py" 2>&1 <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
assert rows[0][0].endswith("临时救助备用金申请拨付表"), rows[0]
assert rows[2] == ("序号", "支出日期", "案件编号", "姓名", "类型", "原因", "金额（元）"), rows[2]
body = [r for r in rows[3:] if isinstance(r[0], int)]
total = [r for r in rows if r[0] == "合计"]
assert [r[2] for r in body] == ["LS2026T01", "LS2026T02", "LS2026T03"], body
assert round(sum(r[6] for r in body) * 100) == 380000
assert round(total[0][6] * 100) == 380000, total
assert "申请拨付 3500.00 元" in rows[1][0], rows[1][0]
print("request ok")
PY
if grep -q "^request ok" "$T/py"; then ok "request workbook read back"; else bad "request workbook:"; sed 's/^/    /' "$T/py"; fi
expect_rc 0 "request with an amount" fund request --from 2026-05-01 --to 2026-06-30 --amount 10,000 -o "$T/req2.xlsx"
expect_out "申请金额：10000.00 元" "the amount given wins"

finish
