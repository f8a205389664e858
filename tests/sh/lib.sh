# lib.sh — helpers for the shell tests (sourced). Each test gets a private
# temporary folder, HOME and XDG_DATA_HOME inside it, and a fixed clock.
set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/jiuzhu-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" JIUZHU_NOW=2026-11-27T09:30:00
mkdir -p "$HOME"
J=${JIUZHU_BIN:?JIUZHU_BIN is not set}
fails=0

ok() { printf 'ok   %s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; fails=$((fails + 1)); }

# expect_rc CODE DESCRIPTION command...: runs the command, output in $T/out.
expect_rc() {
	want=$1 what=$2
	shift 2
	"$@" >"$T/out" 2>&1
	got=$?
	if [ "$got" = "$want" ]; then ok "$what"; else bad "$what: exit $got, want $want"; sed 's/^/    /' "$T/out"; fi
}
# expect_out TEXT DESCRIPTION: the last command's output contains TEXT.
expect_out() {
	if grep -qF -- "$1" "$T/out"; then ok "$2"; else bad "$2: no「$1」in:"; sed 's/^/    /' "$T/out"; fi
}
finish() {
	[ "$fails" = 0 ] || { echo "$fails check(s) failed"; exit 1; }
	echo "all checks passed"
}
