#!/bin/sh
# test_windows.sh — the Windows .exe under wine (make windows-check):
# - the self-test (temporary database, demo, GBK both ways, a workbook
#   under a Chinese name);
# - a backup and a workbook into a folder named in Chinese and written with
#   \ separators, a workbook read from there, JIUZHU_DB with a Chinese path;
# - the desk in tmux at 80x24 as a clerk uses it: sign in, home screen, /
#   and a search typed in Chinese (王 arrives whole through the console
#   input events), a member's name changed in Chinese and saved, Esc back,
#   F1 and Esc 1 open the help, F10 quits with status 0 and leaves the
#   daily backup;
# - a command's password prompt and its Chinese output on the console.
# Skips cleanly when wine or the .exe is missing. WIN_EXE (default
# build-win/jiuzhu.exe) picks the .exe, WINEPREFIX the wine folder (default:
# wineprefix beside the .exe).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

src=${SRC_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
exe=${WIN_EXE:-$src/build-win/jiuzhu.exe}
if ! command -v wine >/dev/null 2>&1 || [ ! -f "$exe" ]; then
	echo "skip: needs wine and $exe (./install.sh --windows; make windows)"
	exit 0
fi
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
export WINEPREFIX=${WINEPREFIX:-$(dirname "$exe")/wineprefix} WINEDEBUG=-all
mkdir -p "$WINEPREFIX"
w() { wine "$exe" "$@"; }

expect_rc 0 "selftest under wine" w --today 2026-11-27 --selftest
expect_out "全部通过 all passed" "every step passed"
expect_out "工作簿" "the workbook was written and read back"

db="Z:$T/demo.db"
expect_rc 0 "demo under wine" w --db "$db" demo --no-open --households 40 --seed 5
[ -f "$T/demo.db" ] && ok "the database is where --db said" || bad "no $T/demo.db"
mkdir -p "$T/U盘"
usb=$(printf 'Z:%s\\U盘\\' "$T" | tr '/' '\\')
expect_rc 0 "backup to a folder written the Windows way ($usb)" w --db "$db" backup "$usb"
[ "$(ls "$T/U盘" | grep -c '^jiuzhu-南门镇-.*\.db$')" = 1 ] && ok "the backup is in the Chinese-named folder" ||
	bad "U盘 holds: $(ls "$T/U盘")"
expect_rc 0 "backup --list" w --db "$db" backup --list
expect_rc 0 "a workbook into the Chinese-named folder" w --db "$db" fund statement -o "Z:$T/U盘/收支情况表.xlsx"
/usr/bin/python3 -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(wb.active.title)" \
	"$T/U盘/收支情况表.xlsx" >"$T/out" 2>&1 && ok "openpyxl reads it back" || { bad "the workbook:"; cat "$T/out"; }
[ -z "$(ls "$T/U盘" | grep '^jz-')" ] && ok "no temporary file left" || bad "left: $(ls "$T/U盘")"
/usr/bin/python3 - "$T/U盘/残联名单.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "残疾人"
ws.append(["姓名", "残疾类型", "残疾等级", "身份证号码"])
ws.append(["某乙", "肢体", "二级", "11010519491231002X"])
wb.save(sys.argv[1])
PY
JIUZHU_PASSWORD=demo expect_rc 0 "a workbook read from the Chinese-named folder" \
	w --db "$db" compare disability "Z:$T/U盘/残联名单.xlsx" --sheet 残疾人 --dry-run --as jingban
JIUZHU_DB="Z:$T/U盘/乡镇.db" expect_rc 0 "JIUZHU_DB naming a Chinese path" w demo --no-open --households 5
[ -f "$T/U盘/乡镇.db" ] && ok "the database is there" || bad "U盘 holds: $(ls "$T/U盘")"

tm_start "env WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all JIUZHU_NOW=2026-11-13T09:00:00 wine '$exe' --db '$db'"
expect_screen "登录名" "sign-in screen under wine" 60
tm_text admin; tm_keys Enter; tm_text demo; tm_keys Enter
expect_screen "距本月15日报送截止还有 2 天" "home screen"
tm_keys /
expect_screen "查找：" "/ opens the search"
tm_text 王
expect_screen "查找：王" "王 arrives as one character"
expect_screen "找到" "and finds people"
tm_keys Enter
expect_screen "户编号" "Enter opens the household card"
tm_keys Enter
expect_screen "身份证号：" "Enter on a member opens the member form"
tm_keys C-u; tm_text 王小明; tm_keys F2
expect_screen "修改原因" "F2 saves and asks for the reason"
tm_keys Enter
expect_screen "已保存" "the form saves"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM person WHERE name = '王小明'")" = 1 ] &&
	ok "the name typed in Chinese is in the database" || bad "no 王小明 in the database"
tm_keys Escape; sleep 0.4; tm_keys Escape; sleep 0.4; tm_keys Escape
expect_gone "查找：王" "Esc goes back"
expect_screen "待办" "to the home screen"
sleep 0.5 # the last Esc waits 0.3 s for a digit (Esc 1 = F1)
tm_keys F1
expect_screen "| 帮助" "F1 opens the help"
tm_keys Escape
expect_gone "| 帮助" "Esc closes it"
tm_keys Escape 1
expect_screen "| 帮助" "Esc then 1 is F1 too (the plain-key alternative)"
tm_keys Escape
expect_gone "| 帮助" "Esc closes it again"
tm_keys F10
if tm_dead; then ok "F10 quits, status 0"; else bad "the .exe did not end cleanly"; fi
[ -f "$T/backups/jiuzhu-2026-11-13.db" ] && ok "the daily backup beside the database" ||
	bad "no daily backup: $(cat "$T/desk.err")"
tm_stop

# Command output on the console (WriteConsoleW), and the password prompt.
tm_start "env WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all JIUZHU_NOW=2026-11-13T09:00:00 wine '$exe' --db '$db' household add --village 青龙村 --name 王建国 --id 11010519491231002X --as jingban"
expect_screen "操作员 jingban 的密码：" "the password prompt on the console" 60
tm_text demo; tm_keys Enter
expect_screen "已建立家庭，户主 王建国" "its message in Chinese on the console" 60
if tm_dead; then ok "household add under wine, status 0"; else bad "household add"; fi
tm_stop
tm_start "env WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all JIUZHU_NOW=2026-11-13T09:00:00 wine '$exe' --db '$db' fund balance; sleep 5"
expect_screen "临时救助备用金余额" "Chinese command output on the console" 60
finish
