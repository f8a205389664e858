#!/bin/sh
# test_args_fuzz.sh — the real binary (JIUZHU_BIN: the ASan build in make
# check's second pass) run a few hundred times with random and mutated
# command lines (tests/torture/args_fuzz.py): unknown options, missing
# values, long arguments, invalid UTF-8, odd numbers and dates. Every run
# exits 0, 1 or 2, never hangs, and prints no sanitizer report; the demo
# file it wrote to still passes `jiuzhu check`. ARGS_FUZZ_SEED and
# ARGS_FUZZ_RUNS repeat or lengthen a run.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../torture/fixture.sh"
db="$T/fuzz.db"
fast_demo "$db" || { finish; exit 1; }
mkdir -p "$T/work"
seed=${ARGS_FUZZ_SEED:-1127}
runs=${ARGS_FUZZ_RUNS:-300}
echo "seed $seed, $runs runs"
JIUZHU_DB="$db" /usr/bin/python3 "$(dirname "$0")/../torture/args_fuzz.py" "$J" "$T/work" "$seed" "$runs" \
	&& ok "$runs command lines: exit 0/1/2, no hang, no sanitizer report" || bad "argument fuzz (seed $seed)"
expect_rc 0 "the file is still sound" "$J" --db "$db" check
finish
