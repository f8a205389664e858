# tmux.sh — driving the real desk in tmux, as a clerk would (sourced after
# lib.sh). A private server (-L), no config, escape-time 0, an 80x24 window;
# the screen is polled with capture-pane instead of fixed sleeps.
SOCK="jiuzhu-test-$$"
tmx() { tmux -u -L "$SOCK" -f /dev/null "$@"; }

# tm_start COMMAND: starts the desk in a detached 80x24 session.
tm_start() {
	tmx new-session -d -x 80 -y 24 -s desk "$1" || { bad "tmux could not start"; return 1; }
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
# tm_dead: the desk has exited (the pane stays open because of remain-on-exit).
tm_dead() {
	i=0
	while [ "$i" -lt 200 ]; do
		[ "$(tmx display-message -p -t desk '#{pane_dead}' 2>/dev/null)" = 1 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
