#!/bin/sh
# run.sh — runs every test program and shell test of one build tree.
#   sh tests/run.sh BUILD_DIR LABEL
# Unit tests are the cmocka programs under BUILD_DIR/tests; shell tests are
# tests/sh/*.sh, given JIUZHU_BIN (the binary under test) and BUILD_DIR.
# Ends with the line "N passed, N failed" and a non-zero exit on failure.
# ONLY=pattern (a grep -E pattern on the test's name) runs just those.
build=$1
label=${2:-plain}
pass=0
fail=0
failed=""
export LC_ALL=C.UTF-8 TZ=UTC
export JIUZHU_BIN="$PWD/$build/jiuzhu" BUILD_DIR="$PWD/$build" SRC_DIR="$PWD"
unset JIUZHU_DB JIUZHU_NOW JIUZHU_PASSWORD XDG_DATA_HOME
log_dir="$build/test-logs"
mkdir -p "$log_dir"

run_one() { # name command...
	name=$1
	shift
	if [ -n "${ONLY:-}" ] && ! echo "$name" | grep -Eq "$ONLY"; then
		return 0
	fi
	log="$log_dir/$(echo "$name" | tr '/' '_').log"
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok    $name"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "FAIL  $name (log: $log)"
		tail -n 30 "$log" | sed 's/^/      /'
	fi
}

for t in $(find "$build/tests" -type f -perm -u+x 2>/dev/null | sort); do
	run_one "${t#$build/tests/}" "$t"
done
for t in tests/sh/test_*.sh; do
	[ -f "$t" ] || continue
	case "$label:$t" in
	asan:*install*) continue ;; # installing once, from the plain build, is enough
	esac
	run_one "$t" sh "$t"
done

echo "$label: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { echo "failed:$failed"; exit 1; }
