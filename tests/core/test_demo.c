/* test_demo.c — the demo township (core/demo*.c): the same seed and the
 * same day give the same people, another seed other people; every ID is
 * valid, every household has exactly one head, and the event chain holds.
 * "Today" is always 2026-11-27; the real clock is never read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/demo.h"
#include "store/event.h"

#define HOUSEHOLDS 60

struct demo {
	char dir[64];
	char path[128];
	jz_db *db;
};

static void build(struct demo *d, unsigned long long seed)
{
	jz_err e;
	tu_tmpdir(d->dir, sizeof d->dir);
	tu_path(d->path, sizeof d->path, d->dir, "demo.db");
	d->db = tu_open_new(d->path);
	struct jz_demo_opts o = {.seed = seed, .households = HOUSEHOLDS};
	jz_err_clear(&e);
	int rc = jz_demo_build(d->db, &o, &e);
	if (rc)
		print_error("jz_demo_build: %s\n", e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(jz_tx_depth(d->db), 0);
}

static void drop(struct demo *d)
{
	jz_db_close(d->db);
	tu_rmdir(d->dir);
}

/* "id_number,name,relation;" for every person, in the order added
 * (malloc'd). */
static char *people(jz_db *db)
{
	sqlite3_stmt *st;
	size_t cap = 1 << 16, n = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT id_number, name, relation FROM person ORDER BY id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char row[256];
		int len = snprintf(row, sizeof row, "%s,%s,%s;", sqlite3_column_text(st, 0),
				   sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
		while (n + (size_t)len + 1 > cap) {
			char *bigger = realloc(out, cap *= 2);
			assert_non_null(bigger);
			out = bigger;
		}
		memcpy(out + n, row, (size_t)len + 1);
		n += (size_t)len;
	}
	sqlite3_finalize(st);
	return out;
}

static void test_same_seed_same_people(void **state)
{
	struct demo a, b, c;
	tu_fix_clock();
	build(&a, 7);
	build(&b, 7);
	build(&c, 8);
	char *pa = people(a.db), *pb = people(b.db), *pc = people(c.db);
	assert_true(strlen(pa) > 0);
	assert_string_equal(pa, pb);
	assert_string_not_equal(pa, pc);
	free(pa);
	free(pb);
	free(pc);
	/* Households too. */
	static const char q[] = "SELECT group_concat(number || address || poverty_cause, ';')"
				" FROM (SELECT * FROM household ORDER BY id)";
	char ha[16384], hb[16384];
	tu_text(a.db, q, ha, sizeof ha);
	tu_text(b.db, q, hb, sizeof hb);
	assert_string_equal(ha, hb);
	drop(&a);
	drop(&b);
	drop(&c);
}

static void test_demo_is_valid(void **state)
{
	struct demo d;
	jz_err e;
	tu_fix_clock();
	build(&d, 7);
	jz_db *db = d.db;

	jz_township t;
	assert_int_equal(jz_township_load(db, &t, &e), 0);
	assert_int_equal(t.is_demo, 1);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM household"), HOUSEHOLDS);
	long long persons = tu_count(db, "SELECT count(*) FROM person");
	assert_true(persons >= HOUSEHOLDS);

	/* Every ID passes the same check as a typed one, unchanged, and sex and
	 * birth agree with it. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT id_number, sex, birth, name FROM person", -1, &st, NULL), SQLITE_OK);
	long long n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		char out[19];
		jz_id_info info;
		jz_err_clear(&e);
		if (jz_id_normalize(id, TU_TODAY, 0, out, &info, &e) != 0)
			print_error("demo ID %s refused: %s\n", id, e.msg);
		assert_int_equal(jz_id_normalize(id, TU_TODAY, 0, out, &info, &e), 0);
		assert_string_equal(out, id);
		assert_int_equal(info.sex, ((const char *)sqlite3_column_text(st, 1))[0]);
		assert_string_equal(info.birth, (const char *)sqlite3_column_text(st, 2));
		assert_true(strlen((const char *)sqlite3_column_text(st, 3)) > 0);
		n++;
	}
	sqlite3_finalize(st);
	assert_int_equal(n, persons);

	/* Exactly one head per household; every person in one. */
	assert_int_equal(tu_count(db,
		"SELECT count(*) FROM household h WHERE (SELECT count(*) FROM person p"
		" WHERE p.household_id = h.id AND p.relation = '户主') <> 1"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM person WHERE household_id IS NULL"), 0);
	assert_int_equal(tu_count(db, "SELECT count(DISTINCT id_number) FROM person"), persons);
	/* Coded fields hold their codes. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM person WHERE relation NOT IN ('户主','配偶',"
				      "'子','女','父亲','母亲','孙子','孙女')"), 0);
	/* Deaths are in the past and after birth. */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM person WHERE deceased_on <> ''"
				      " AND (deceased_on > '2026-11-27' OR deceased_on < birth)"), 0);

	/* Every write went through the event trail, chained. */
	assert_true(jz_event_count(db) >= persons + HOUSEHOLDS);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM event e JOIN event p ON p.id = e.id - 1"
				      " WHERE e.prev_hash <> p.hash"), 0);
	assert_int_equal(tu_count(db, "SELECT count(*) FROM event WHERE operator = ''"), 0);
	/* Four operators, all signing in with "demo". */
	assert_int_equal(tu_count(db, "SELECT count(*) FROM operator"), 4);
	jz_session s;
	tu_sign_in(&s, db, "jingban", "demo");
	tu_sign_in(&s, db, "admin", "demo");

	/* A second demo into the same file is refused. */
	struct jz_demo_opts o = {.seed = 7, .households = 5};
	jz_err_clear(&e);
	assert_int_equal(jz_demo_build(db, &o, &e), -1);
	tu_assert_msg(&e, "已经有乡镇");
	assert_int_equal(tu_count(db, "SELECT count(*) FROM household"), HOUSEHOLDS);
	drop(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_people),
		cmocka_unit_test(test_demo_is_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
