#!/bin/sh
# test_torture.sh — the check-sized run of tests/torture/torture.sh: 50
# writes (CLI writes and desk form saves through tmux) killed with SIGKILL
# at random moments; after each, every change reported as done is there,
# nothing is half-written and `jiuzhu check` passes. `make torture` runs
# 1,000. TORTURE_SEED=N replays a run (the kill delays depend on timing).
exec sh "$(dirname "$0")/../torture/torture.sh" "${TORTURE_RUNS:-50}" "${TORTURE_SEED:-1127}"
