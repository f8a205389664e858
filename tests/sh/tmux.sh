# tmux.sh — driving the real desk in tmux, as a clerk would (sourced after
# lib.sh). A private server (-L), no config, escape-time 0, an 80x24 window;
# the screen is polled with capture-pane instead of fixed sleeps.
SOCK="jiuzhu-test-$$"
tmx() { tmux -u -L "$SOCK" -f /dev/null "$@"; }

# tm_start COMMAND: starts the desk in a detached 80x24 session. A shell
# around it keeps its exit status and its stderr (sanitizer reports) in files.
tm_start() {
	rm -f "$T/desk.rc" "$T/desk.err"
	# A server just killed by tm_stop may still be going away: try again.
	tries=0
	until tmx new-session -d -x 80 -y 24 -s desk "$1 2>'$T/desk.err'; echo \$? > '$T/desk.rc'"; do
		tries=$((tries + 1))
		[ "$tries" -lt 5 ] || { bad "tmux could not start"; return 1; }
		tmx kill-server 2>/dev/null
		sleep 0.3
	done
	tmx set-option -g escape-time 0 >/dev/null
	tmx set-option -g remain-on-exit on >/dev/null
}
tm_keys() { tmx send-keys -t desk "$@"; }
tm_text() { tmx send-keys -t desk -l "$1"; } # literal text, Chinese included
tm_screen() { tmx capture-pane -t desk -p; }
tm_stop() { tmx kill-server 2>/dev/null; }

# tm_wait TEXT [SECONDS]: waits until TEXT is on the screen.
tm_wait() {
	want=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		if tm_screen | grep -qF -- "$want"; then return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# expect_screen TEXT DESCRIPTION [SECONDS]
expect_screen() {
	if tm_wait "$1" "${3:-10}"; then ok "$2"; else bad "$2: no「$1」on the screen:"; tm_screen | sed 's/^/    |/'; fi
}
# expect_gone TEXT DESCRIPTION: TEXT leaves the screen.
expect_gone() {
	i=0
	while [ "$i" -lt 200 ] && tm_screen | grep -qF -- "$1"; do sleep 0.05; i=$((i + 1)); done
	if tm_screen | grep -qF -- "$1"; then bad "$2: still「$1」"; tm_screen | sed 's/^/    |/'; else ok "$2"; fi
}
# tm_dead: the desk has exited with status 0 and no sanitizer report.
tm_dead() {
	i=0
	while [ "$i" -lt 400 ] && [ ! -s "$T/desk.rc" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$T/desk.rc" ]; then
		echo "    the desk is still running:"
		tm_screen | sed 's/^/    |/'
		return 1
	fi
	if [ "$(cat "$T/desk.rc")" != 0 ] || grep -q "Sanitizer\|runtime error" "$T/desk.err"; then
		echo "    the desk exited with status $(cat "$T/desk.rc"):"
		sed 's/^/    !/' "$T/desk.err" | head -40
		return 1
	fi
	return 0
}
