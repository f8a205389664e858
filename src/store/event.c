/* event.c — writing and reading the event trail (see event.h).
 *
 * hash = SHA-256 over prev_hash, id, at, operator, action, entity,
 * entity_id, household_id, old, new and reason, each written as
 * "<byte length>:<bytes>", given as 64 hex digits. The first
 * event's prev_hash is 64 zeros. A later issue verifies the chain. */
#include "store/event.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"

static const char ZERO_HASH[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* Each field goes in as "<length>:<bytes>", so no text can move from one
 * field into the next without changing the hash. */
static void feed(crypto_hash_sha256_state *s, const char *text)
{
	char len[24];
	size_t n = text ? strlen(text) : 0;
	snprintf(len, sizeof len, "%zu:", n);
	crypto_hash_sha256_update(s, (const unsigned char *)len, strlen(len));
	if (n)
		crypto_hash_sha256_update(s, (const unsigned char *)text, n);
}

static void feed_int(crypto_hash_sha256_state *s, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	feed(s, buf);
}

void jz_event_hash(const char *prev_hex, const jz_event *ev, char out[65])
{
	crypto_hash_sha256_state s;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&s);
	feed(&s, prev_hex);
	feed_int(&s, ev->id);
	feed(&s, ev->at);
	feed(&s, ev->operator_);
	feed(&s, ev->action);
	feed(&s, ev->entity);
	feed_int(&s, ev->entity_id);
	feed_int(&s, ev->household_id);
	feed(&s, ev->old_text ? ev->old_text : "");
	feed(&s, ev->new_text ? ev->new_text : "");
	feed(&s, ev->reason ? ev->reason : "");
	crypto_hash_sha256_final(&s, digest);
	sodium_bin2hex(out, 65, digest, sizeof digest);
}

static int last_event(jz_db *db, long long *id, char prev[65], jz_err *e)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT id, hash FROM event ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		jz_col_text(st, 1, prev, 65);
	} else if (rc == SQLITE_DONE) {
		*id = 0;
		memcpy(prev, ZERO_HASH, 65);
	} else
		return jz_db_fail(db, e, "读取操作记录");
	sqlite3_reset(st);
	return 0;
}

int jz_event_append(jz_db *db, jz_event *ev, jz_err *e)
{
	char prev[65], hash[65];
	long long last = 0;
	if (jz_tx_depth(db) == 0)
		return jz_fail(e, JZ_EDATA, "内部错误：操作记录必须在事务中写入");
	if (!jz_db_last_event(db, &last, prev) && last_event(db, &last, prev, e))
		return -1;
	ev->id = last + 1;
	jz_now(ev->at);
	jz_event_hash(prev, ev, hash);
	sqlite3_stmt *st = jz_stmt(db,
		"INSERT INTO event(id, at, operator, action, entity, entity_id, household_id,"
		" old, new, reason, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, ev->id);
	jz_bind_text(st, 2, ev->at);
	jz_bind_text(st, 3, ev->operator_);
	jz_bind_text(st, 4, ev->action);
	jz_bind_text(st, 5, ev->entity);
	sqlite3_bind_int64(st, 6, ev->entity_id);
	if (ev->household_id)
		sqlite3_bind_int64(st, 7, ev->household_id);
	jz_bind_text(st, 8, ev->old_text ? ev->old_text : "");
	jz_bind_text(st, 9, ev->new_text ? ev->new_text : "");
	jz_bind_text(st, 10, ev->reason ? ev->reason : "");
	jz_bind_text(st, 11, prev);
	jz_bind_text(st, 12, hash);
	if (sqlite3_step(st) != SQLITE_DONE)
		return jz_db_fail(db, e, "写入操作记录");
	jz_db_set_last_event(db, ev->id, hash);
	return 0;
}

int jz_event_each_household(jz_db *db, long long household_id, int limit,
			    jz_event_fn fn, void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT id, at, operator, action, entity, entity_id, old, new, reason FROM event"
		" WHERE household_id = ? ORDER BY id DESC LIMIT ?", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取操作记录");
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int(st, 2, limit);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		jz_event ev = {.id = sqlite3_column_int64(st, 0), .household_id = household_id};
		jz_col_text(st, 1, ev.at, sizeof ev.at);
		jz_col_text(st, 2, ev.operator_, sizeof ev.operator_);
		jz_col_text(st, 3, ev.action, sizeof ev.action);
		jz_col_text(st, 4, ev.entity, sizeof ev.entity);
		ev.entity_id = sqlite3_column_int64(st, 5);
		ev.old_text = (const char *)sqlite3_column_text(st, 6);
		ev.new_text = (const char *)sqlite3_column_text(st, 7);
		ev.reason = (const char *)sqlite3_column_text(st, 8);
		stop = fn(&ev, arg);
	}
	sqlite3_finalize(st);
	return 0;
}

long long jz_event_count(jz_db *db)
{
	sqlite3_stmt *st = jz_stmt(db, "SELECT count(*) FROM event", NULL);
	long long n = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	return n;
}

int jz_event_each(jz_db *db, const char *from, const char *to, const char *entity,
		  long long entity_id, jz_event_fn fn, void *arg, jz_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT id, at, operator, action, entity, entity_id, coalesce(household_id, 0),"
		" old, new, reason, prev_hash, hash FROM event"
		" WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2 || 'T99')"
		" AND (?3 IS NULL OR (entity = ?3 AND entity_id = ?4)) ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return jz_db_fail(db, e, "读取操作记录");
	jz_bind_text(st, 1, from);
	jz_bind_text(st, 2, to);
	jz_bind_text(st, 3, entity);
	sqlite3_bind_int64(st, 4, entity_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		jz_event ev = {.id = sqlite3_column_int64(st, 0)};
		jz_col_text(st, 1, ev.at, sizeof ev.at);
		jz_col_text(st, 2, ev.operator_, sizeof ev.operator_);
		jz_col_text(st, 3, ev.action, sizeof ev.action);
		jz_col_text(st, 4, ev.entity, sizeof ev.entity);
		ev.entity_id = sqlite3_column_int64(st, 5);
		ev.household_id = sqlite3_column_int64(st, 6);
		ev.old_text = (const char *)sqlite3_column_text(st, 7);
		ev.new_text = (const char *)sqlite3_column_text(st, 8);
		ev.reason = (const char *)sqlite3_column_text(st, 9);
		jz_col_text(st, 10, ev.prev_hash, sizeof ev.prev_hash);
		jz_col_text(st, 11, ev.hash, sizeof ev.hash);
		stop = fn(&ev, arg);
	}
	if (!stop && rc != SQLITE_DONE) {
		jz_db_fail(db, e, "读取操作记录");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
