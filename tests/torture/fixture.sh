# fixture.sh — a demo township for the proof tests (sourced after
# tests/sh/lib.sh): `fast_demo DB [ARGS...]` makes the demo (60 households
# with history unless ARGS say otherwise) and re-hashes the four demo
# operators' passwords (still "demo") with the cheapest argon2id settings,
# so that the hundreds of signed-in commands of these tests do not each
# spend a quarter second hashing. The settings are changed with sqlite3
# (test set-up, outside the audit trail, which `jiuzhu check` does not
# cover); every later write goes through the program.
fast_demo() {
	_db=$1
	shift
	[ $# -gt 0 ] || set -- --households 60
	"$J" --db "$_db" demo --no-open "$@" >/dev/null || { bad "demo $*"; return 1; }
	sqlite3 "$_db" "UPDATE setting SET value = '8' WHERE key = 'auth.pwhash_mem_kib';
		UPDATE setting SET value = '1' WHERE key = 'auth.pwhash_ops'" || { bad "cheap hash settings"; return 1; }
	for _o in admin jingban shenhe shenpi; do
		JIUZHU_PASSWORD=demo JIUZHU_NEW_PASSWORD=demo "$J" --db "$_db" operator passwd "$_o" --as admin \
			>/dev/null || { bad "re-hash $_o"; return 1; }
	done
}
# events DB: the number of events (the audit trail grows with every write).
events() { sqlite3 "$1" "SELECT count(*) FROM event"; }
