# tmpfs.sh — a small disk of our own for the disk-full and read-only tests
# (sourced after tests/sh/lib.sh). `need_tmpfs SIZE` mounts a tmpfs of SIZE
# at $M = $T/mnt: directly as root (CI), else by running the whole test
# again inside a user and mount namespace (unshare -rm); when neither is
# allowed the test prints SKIP with the reason and passes.
need_tmpfs() {
	M="$T/mnt"
	mkdir -p "$M"
	# in the namespace tmux sees uid 0 but not root's /tmp/tmux-0: its own folder
	[ -z "${JZ_IN_UNSHARE:-}" ] || export TMUX_TMPDIR="$T"
	if mount -t tmpfs -o "size=$1" tmpfs "$M" 2>"$T/mount.err"; then
		trap 'tm_stop 2>/dev/null; umount "$M" 2>/dev/null || umount -l "$M" 2>/dev/null; rm -rf "$T"' EXIT
		return 0
	fi
	if [ -z "${JZ_IN_UNSHARE:-}" ] && unshare -rm true 2>/dev/null; then
		echo "not root: running again in a user namespace (unshare -rm)"
		rm -rf "$T"
		JZ_IN_UNSHARE=1 exec unshare -rm sh "$0"
	fi
	echo "SKIP: cannot mount a tmpfs ($(cat "$T/mount.err")); unshare -rm is not allowed here either"
	exit 0
}
# fill_disk: checkpoints DB's WAL into the file and truncates it (so the
# next write needs new space), then fills what is left of $M.
fill_disk() {
	sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	dd if=/dev/zero of="$M/fill" bs=16k >/dev/null 2>&1
	sync
}
free_disk() { rm -f "$M/fill"; }
# ro_disk / rw_disk: $M read-only and back (in a user namespace only the
# mount's own flag may change: a bind remount).
ro_disk() { mount -o remount,ro "$M" 2>/dev/null || mount -o remount,bind,ro "$M"; }
rw_disk() { mount -o remount,rw "$M" 2>/dev/null || mount -o remount,bind,rw "$M"; }
