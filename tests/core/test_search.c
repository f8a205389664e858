/* test_search.c — the desk's incremental search (core/search.h): pinyin
 * initials, hanzi substrings, ID tails, household numbers, phones, the
 * village filter, ranking, reload, and speed over 50,000 persons. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/id.h"
#include "core/pinyin.h"
#include "core/search.h"
#include "store/db.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define MAXHITS 64

/* ---- helpers ---- */

struct fx {
	char dir[64], path[128];
	jz_db *db;
	jz_search *s;
	/* IDs of the small township */
	char wjg[19], lxy[19], wxm[19], zgq[19], zjg[19], wjj[19], gqh[19], wjg2[19], smith[19];
	struct jz_search_hit hits[MAXHITS];
};

static void exec_sql(jz_db *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(jz_db_handle(db), sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		print_error("SQL %s: %s\n", sql, err ? err : "?");
	sqlite3_free(err);
	assert_int_equal(rc, SQLITE_OK);
}

/* A valid ID from 17 digits; with want_x, the first serial (digits 15-17
 * counting up from first17's) whose check digit is X. */
static void make_id(const char *first17, int want_x, char out[19])
{
	char f[18];
	memcpy(f, first17, 17);
	f[17] = '\0';
	int serial = atoi(f + 14);
	for (;;) {
		char c = jz_id_check_digit(f);
		assert_true(c != '\0');
		if (!want_x || c == 'X') {
			snprintf(out, 19, "%.17s%c", f, c);
			return;
		}
		serial++;
		assert_true(serial < 1000);
		f[14] = (char)('0' + serial / 100);
		f[15] = (char)('0' + serial / 10 % 10);
		f[16] = (char)('0' + serial % 10);
	}
}

static jz_db *new_db(struct fx *f)
{
	jz_err e;
	jz_err_clear(&e);
	snprintf(f->dir, sizeof f->dir, "/tmp/jz-search-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/jz.db", f->dir);
	jz_db *db = jz_db_open(f->path, JZ_OPEN_CREATE, &e);
	if (!db)
		print_error("jz_db_open: %s\n", e.msg);
	assert_non_null(db);
	return db;
}

static void remove_db(struct fx *f)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char p[200];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", f->path, suffix[i]);
		unlink(p);
	}
	rmdir(f->dir);
}

static void add_person(jz_db *db, const char *id, const char *name, int hid, const char *relation,
		       const char *phone, const char *deceased_on)
{
	char sql[1024], hh[16];
	if (hid)
		snprintf(hh, sizeof hh, "%d", hid);
	else
		snprintf(hh, sizeof hh, "NULL");
	snprintf(sql, sizeof sql,
		 "INSERT INTO person(id_number, name, household_id, relation, phone, deceased_on,"
		 " created_at) VALUES ('%s', '%s', %s, '%s', '%s', '%s', '2026-11-27T09:30:00')",
		 id, name, hh, relation, phone, deceased_on);
	exec_sql(db, sql);
}

/* The small township:
 *   东山村 (1, code 01)   010001 王建国 户主, 李秀英 配偶 (deceased), 王小明 子
 *                         010002 曾国强 户主, 国庆华 子
 *   城南社区 (2, code 02) 020001 张建国 户主, 王建军 子
 *   in no household       王俊刚, John Smith */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = new_db(f);
	jz_db *db = f->db;
	exec_sql(db,
		 "INSERT INTO village(id, code, name, kind, area) VALUES"
		 " (1, '01', '东山村', '村', '农村'), (2, '02', '城南社区', '社区', '城市');"
		 "INSERT INTO household(id, number, village_id, area, phone, created_at) VALUES"
		 " (1, '010001', 1, '农村', '023-5566 7788', '2026-11-27T09:30:00'),"
		 " (2, '010002', 1, '农村', '', '2026-11-27T09:30:00'),"
		 " (3, '020001', 2, '城市', '13800231234', '2026-11-27T09:30:00');");
	make_id("50015419650312001", 0, f->wjg);
	make_id("50015419670805002", 0, f->lxy);
	make_id("50015419920101003", 0, f->wxm);
	make_id("50015419580722004", 1, f->zgq); /* ends in X */
	make_id("50015419711130005", 0, f->zjg);
	make_id("50015419880216006", 0, f->wjj);
	make_id("50015420001001007", 0, f->gqh);
	make_id("11010519850618008", 0, f->wjg2);
	make_id("11010519790909009", 0, f->smith);
	/* Members inserted before heads: the order must come from the index. */
	add_person(db, f->wxm, "王小明", 1, "子", "", "");
	add_person(db, f->lxy, "李秀英", 1, "配偶", "", "2024-03-01");
	add_person(db, f->wjg, "王建国", 1, "户主", "13912345678", "");
	add_person(db, f->gqh, "国庆华", 2, "子", "", "");
	add_person(db, f->zgq, "曾国强", 2, "户主", "", "");
	add_person(db, f->wjj, "王建军", 3, "子", "", "");
	add_person(db, f->zjg, "张建国", 3, "户主", "", "");
	add_person(db, f->wjg2, "王俊刚", 0, "", "", "");
	add_person(db, f->smith, "John Smith", 0, "", "", "");
	jz_err e;
	jz_err_clear(&e);
	f->s = jz_search_open(db, &e);
	if (!f->s)
		print_error("jz_search_open: %s\n", e.msg);
	assert_non_null(f->s);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	jz_search_close(f->s);
	jz_db_close(f->db);
	remove_db(f);
	free(f);
	return 0;
}

/* Runs q (village filter v, 0 = all); returns the total, hits in f->hits. */
static int run(struct fx *f, const char *q, jz_rowid v)
{
	jz_err e;
	jz_err_clear(&e);
	struct jz_search_filter flt = {.village_id = v, .programme = NULL};
	memset(f->hits, 0xAB, sizeof f->hits);
	int n = jz_search_run(f->s, q, &flt, f->hits, MAXHITS, &e);
	if (n < 0)
		print_error("jz_search_run %s: %s\n", q, e.msg);
	assert_true(n >= 0);
	return n;
}

/* The names of the hits, in order, joined by spaces. */
static const char *names(struct fx *f, int n)
{
	static char out[1024];
	out[0] = '\0';
	for (int i = 0; i < n && i < MAXHITS; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, f->hits[i].name);
	}
	return out;
}

#define assert_names(f, q, v, want)                                                   \
	do {                                                                          \
		int n_ = run((f), (q), (v));                                          \
		assert_string_equal(names((f), n_), (want));                          \
	} while (0)

static int has_name(struct fx *f, int n, const char *name)
{
	for (int i = 0; i < n && i < MAXHITS; i++)
		if (strcmp(f->hits[i].name, name) == 0)
			return 1;
	return 0;
}

/* ---- the small township ---- */

static void initials_find_names(void **state)
{
	struct fx *f = *state;
	assert_names(f, "wjg", 0, "王建国 王俊刚");
	assert_names(f, "WJG", 0, "王建国 王俊刚");
	assert_names(f, "ｗｊｇ", 0, "王建国 王俊刚"); /* full-width, as some IMEs type */
	assert_names(f, "  wjg  ", 0, "王建国 王俊刚");
	assert_names(f, "zjg", 0, "张建国");
	assert_names(f, "wj", 0, "王建国 王建军 王俊刚"); /* head, member, no household */
	/* Only prefixes of the initials. */
	assert_int_equal(run(f, "jg", 0), 0);
}

static void several_readings(void **state)
{
	struct fx *f = *state;
	assert_names(f, "zgq", 0, "曾国强");
	assert_names(f, "cgq", 0, "曾国强");
	int n = run(f, "c", 0);
	assert_true(has_name(f, n, "曾国强"));
	n = run(f, "z", 0);
	assert_true(has_name(f, n, "曾国强"));
	assert_true(has_name(f, n, "张建国"));
}

static void hanzi_substring(void **state)
{
	struct fx *f = *state;
	assert_names(f, "建国", 0, "王建国 张建国");
	assert_names(f, "王建国", 0, "王建国");
	assert_names(f, "秀", 0, "李秀英");
	/* Names starting with it first, then heads, members, by household. */
	assert_names(f, "国", 0, "国庆华 王建国 曾国强 张建国");
	assert_names(f, "王", 0, "王建国 王小明 王建军 王俊刚");
}

static void hanzi_then_initials(void **state)
{
	struct fx *f = *state;
	assert_names(f, "王j", 0, "王建国 王建军 王俊刚");
	assert_names(f, "王jg", 0, "王建国 王俊刚");
	assert_names(f, "王建g", 0, "王建国");
	assert_names(f, "曾g", 0, "曾国强");
	assert_int_equal(run(f, "张x", 0), 0);
}

static void latin_names(void **state)
{
	struct fx *f = *state;
	assert_names(f, "smith", 0, "John Smith");
	assert_names(f, "SMI", 0, "John Smith");
	assert_names(f, "john", 0, "John Smith");
	assert_int_equal(f->hits[0].member, 0);
	assert_int_equal(f->hits[0].household_id, 0);
}

static void id_tail(void **state)
{
	struct fx *f = *state;
	/* The last 4, 5, 6 characters of an ID find its owner first. */
	for (int k = 4; k <= 6; k++) {
		int n = run(f, f->wjg + 18 - k, 0);
		assert_true(n >= 1);
		assert_string_equal(f->hits[0].name, "王建国");
		assert_string_equal(f->hits[0].id_number, f->wjg);
	}
	/* X, typed either way. */
	char q[8];
	snprintf(q, sizeof q, "%s", f->zgq + 14);
	assert_int_equal(q[3], 'X');
	int n = run(f, q, 0);
	assert_true(n >= 1);
	assert_string_equal(f->hits[0].name, "曾国强");
	q[3] = 'x';
	n = run(f, q, 0);
	assert_true(n >= 1);
	assert_string_equal(f->hits[0].name, "曾国强");
	/* A fragment from the middle: the birth date. */
	n = run(f, "19920101", 0);
	assert_int_equal(n, 1);
	assert_string_equal(f->hits[0].name, "王小明");
	/* The whole ID: exact, ranked before everything. */
	n = run(f, f->lxy, 0);
	assert_int_equal(n, 1);
	assert_string_equal(f->hits[0].name, "李秀英");
	/* Shorter than 4: not an ID fragment (it would match nearly all). */
	assert_int_equal(run(f, "19", 0), 0);
}

static void household_number(void **state)
{
	struct fx *f = *state;
	/* Exact: the whole household, head first. */
	assert_names(f, "010001", 0, "王建国 李秀英 王小明");
	assert_names(f, "020001", 0, "张建国 王建军");
	/* Prefix: heads of each household first, then the members. */
	int n = run(f, "0100", 0);
	assert_true(n >= 5);
	assert_string_equal(names(f, 5), "王建国 曾国强 李秀英 王小明 国庆华");
	assert_names(f, "02", 0, "张建国 王建军");
	assert_string_equal(f->hits[0].household_number, "020001");
	assert_string_equal(f->hits[0].village, "城南社区");
	assert_string_equal(f->hits[1].relation, "子");
	assert_int_equal(f->hits[1].member, 1);
}

static void phone(void **state)
{
	struct fx *f = *state;
	/* The person's own phone, whole or in part. */
	assert_names(f, "13912345678", 0, "王建国");
	assert_names(f, "5678", 0, "王建国");
	assert_names(f, "2345", 0, "王建国");
	assert_string_equal(f->hits[0].phone, "13912345678");
	/* The household's phone finds every member; separators don't matter. */
	assert_names(f, "7788", 0, "王建国 李秀英 王小明");
	assert_names(f, "5566 7788", 0, "王建国 李秀英 王小明");
	assert_names(f, "023-5566", 0, "王建国 李秀英 王小明");
	assert_names(f, "13800231234", 0, "张建国 王建军");
	assert_string_equal(f->hits[1].phone, "13800231234"); /* the household's */
	/* Fewer than 4 digits: no phone search. */
	assert_int_equal(run(f, "778", 0), 0);
}

static void village_filter(void **state)
{
	struct fx *f = *state;
	assert_names(f, "建国", 1, "王建国");
	assert_names(f, "建国", 2, "张建国");
	assert_names(f, "wj", 2, "王建军");
	/* Persons in no household belong to no village. */
	assert_names(f, "wjg", 1, "王建国");
	assert_int_equal(run(f, "smith", 1), 0);
	assert_int_equal(run(f, "wjg", 99), 0);
	/* A programme keeps households with an open case of it: none yet. */
	jz_err e;
	struct jz_search_filter flt = {.village_id = 0, .programme = "低保"};
	assert_int_equal(jz_search_run(f->s, "wjg", &flt, f->hits, MAXHITS, &e), 0);
	assert_int_equal(jz_search_run(f->s, "wjg", NULL, f->hits, MAXHITS, &e), 2);
	/* Household 1 gets an open 低保 case; a refused 特困 case does not count. */
	exec_sql(f->db,
		 "INSERT INTO case_file(number, household_id, programme, area, state, accepted_on,"
		 " accepted_by, created_at) VALUES"
		 " ('DB2026-0001', 1, '低保', '农村', '在保', '2026-01-05', 'jingban', '2026-01-05T09:00:00'),"
		 " ('TK2026-0001', 1, '特困', '农村', '不予', '2026-01-05', 'jingban', '2026-01-05T09:00:00');");
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_int_equal(jz_search_run(f->s, "wjg", &flt, f->hits, MAXHITS, &e), 1);
	assert_string_equal(f->hits[0].name, "王建国");
	flt.programme = "特困";
	assert_int_equal(jz_search_run(f->s, "wjg", &flt, f->hits, MAXHITS, &e), 0);
}

static void ranking(void **state)
{
	struct fx *f = *state;
	/* An exact household number before an ID or phone containing it. */
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE person SET phone = '1390%s' WHERE id_number = '%s'",
		 "020001", f->smith);
	exec_sql(f->db, sql);
	jz_err e;
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_names(f, "020001", 0, "张建国 王建军 John Smith");
	/* A name's start before a name containing the query, whatever the
	 * household: covered by 国 in hanzi_substring. An ID's tail (张建国,
	 * household 020001) before a phone containing it in the middle (王建国,
	 * household 010001, first in the household order): */
	assert_true(f->zjg[17] != 'X');
	snprintf(sql, sizeof sql, "UPDATE person SET phone = '18%.4s00000' WHERE id_number = '%s'",
		 f->zjg + 14, f->wjg);
	exec_sql(f->db, sql);
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	int n = run(f, f->zjg + 14, 0);
	assert_int_equal(n, 2);
	assert_string_equal(names(f, n), "张建国 王建国");
	/* Fields of a hit. */
	n = run(f, "lxy", 0);
	assert_int_equal(n, 1);
	struct jz_search_hit *h = &f->hits[0];
	assert_string_equal(h->name, "李秀英");
	assert_string_equal(h->id_number, f->lxy);
	assert_string_equal(h->household_number, "010001");
	assert_string_equal(h->village, "东山村");
	assert_string_equal(h->relation, "配偶");
	assert_string_equal(h->phone, "023-5566 7788"); /* none of her own: the household's */
}

static void empty_and_no_hit(void **state)
{
	struct fx *f = *state;
	jz_err e;
	assert_int_equal(run(f, "", 0), 0);
	assert_int_equal(run(f, "   ", 0), 0);
	assert_int_equal(run(f, "\xE3\x80\x80", 0), 0); /* ideographic space */
	assert_int_equal(jz_search_run(f->s, NULL, NULL, f->hits, MAXHITS, &e), 0);
	assert_int_equal(run(f, "qqq", 0), 0);
	assert_int_equal(run(f, "99999999", 0), 0);
	assert_int_equal(run(f, "不存在", 0), 0);
	assert_int_equal(run(f, "w%_'", 0), 0);
	char longq[600];
	memset(longq, 'w', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	assert_int_equal(run(f, longq, 0), 0);
	assert_int_equal(jz_search_run(NULL, "w", NULL, f->hits, MAXHITS, &e), -1);
}

static void deceased_and_members(void **state)
{
	struct fx *f = *state;
	run(f, "李秀英", 0);
	assert_int_equal(f->hits[0].deceased, 1);
	assert_int_equal(f->hits[0].member, 1);
	assert_int_equal(f->hits[0].household_id, 1);
	run(f, "王建国", 0);
	assert_int_equal(f->hits[0].deceased, 0);
	run(f, "王俊刚", 0);
	assert_int_equal(f->hits[0].member, 0);
	assert_int_equal(f->hits[0].household_id, 0);
	assert_string_equal(f->hits[0].household_number, "");
	assert_string_equal(f->hits[0].village, "");
}

static void max_and_total(void **state)
{
	struct fx *f = *state;
	jz_err e;
	int n = jz_search_run(f->s, "w", NULL, f->hits, 2, &e);
	assert_int_equal(n, 4);
	assert_string_equal(names(f, 2), "王建国 王小明");
	assert_int_equal(jz_search_run(f->s, "w", NULL, NULL, 0, &e), 4);
	assert_int_equal(jz_search_size(f->s), 9);
}

static void reload_after_insert(void **state)
{
	struct fx *f = *state;
	jz_err e;
	char id[19];
	make_id("50015419900101010", 0, id);
	assert_int_equal(run(f, "赵", 0), 0);
	add_person(f->db, id, "赵六", 2, "子", "", "");
	assert_int_equal(run(f, "赵", 0), 0); /* not until told */
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_names(f, "赵", 0, "赵六");
	assert_names(f, "zl", 0, "赵六");
	assert_int_equal(jz_search_size(f->s), 10);
	/* A change of name and a death are seen after a reload too. */
	exec_sql(f->db, "UPDATE person SET name = '赵七', deceased_on = '2026-01-01' WHERE name = '赵六'");
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_int_equal(run(f, "赵六", 0), 0);
	assert_names(f, "zq", 0, "赵七");
	assert_int_equal(f->hits[0].deceased, 1);
}

/* Writes through another connection (another window, the command line)
 * are seen too; a reload with nothing written keeps the index. */
static void reload_sees_other_connections(void **state)
{
	struct fx *f = *state;
	jz_err e;
	jz_err_clear(&e);
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_int_equal(jz_search_size(f->s), 9);
	assert_names(f, "wjg", 0, "王建国 王俊刚");
	jz_db *other = jz_db_open(f->path, JZ_OPEN_EXISTING, &e);
	assert_non_null(other);
	char id[19];
	make_id("50015419900101011", 0, id);
	add_person(other, id, "钱七", 0, "", "", "");
	jz_db_close(other);
	assert_int_equal(run(f, "钱", 0), 0);
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	assert_names(f, "钱", 0, "钱七");
	assert_int_equal(jz_search_size(f->s), 10);
}

/* ---- a township of 50,000 ---- */

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
	"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
	"彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
	"魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "单",
};
static const char *const given[] = {
	"建", "国", "华", "明", "伟", "芳", "秀", "英", "军", "平", "强", "丽", "敏", "静", "红",
	"文", "杰", "德", "兰", "玉", "春", "海", "林", "成", "长", "乐", "云", "志", "桂", "福",
	"小", "燕", "鹏", "勇", "霞", "刚", "辉", "荣", "莲", "萍", "琴", "亮", "宁", "涛", "婷",
	"翠", "金", "银", "凤", "珍", "俊", "娟", "波", "斌", "超", "晓", "慧", "雪", "梅", "松",
};
#define NS (sizeof surnames / sizeof surnames[0])
#define NG (sizeof given / sizeof given[0])

static unsigned long long rng_state = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

#define BIG_HH 20000
#define BIG_P 50000
#define BIG_OUTSIDE 300 /* persons in no household */

static void build_big(jz_db *db)
{
	sqlite3 *h = jz_db_handle(db);
	char sql[256];
	exec_sql(db, "BEGIN");
	for (int v = 1; v <= 20; v++) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO village(id, code, name, kind, area) VALUES (%d, '%02d', '第%d村', '村', '农村')",
			 v, v, v);
		exec_sql(db, sql);
	}
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h,
		"INSERT INTO household(id, number, village_id, area, phone, created_at)"
		" VALUES (?, ?, ?, '农村', ?, '2026-11-27T09:30:00')", -1, &st, NULL), SQLITE_OK);
	for (int i = 1; i <= BIG_HH; i++) {
		int v = 1 + (i - 1) % 20;
		char num[16], ph[16] = "";
		snprintf(num, sizeof num, "%02d%04d", v, (i - 1) / 20 + 1);
		if (rnd(10) < 7)
			snprintf(ph, sizeof ph, "1%u%09u", 3 + rnd(6), rnd(1000000000));
		sqlite3_bind_int(st, 1, i);
		sqlite3_bind_text(st, 2, num, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, v);
		sqlite3_bind_text(st, 4, ph, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(h,
		"INSERT INTO person(id_number, name, household_id, relation, phone, deceased_on, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, '2026-11-27T09:30:00')", -1, &st, NULL), SQLITE_OK);
	static const char *const rel[] = {"配偶", "子", "女", "父亲", "母亲", "孙子", "孙女"};
	for (int i = 0; i < BIG_P; i++) {
		/* Unique IDs: the day comes from i mod 29200, the serial from i. */
		char first17[18], id[19], name[32], birth[11], ph[16] = "";
		long day = -10957 + (long)(i * 7919L % 29200);
		jz_days_to_date(day, birth);
		int serial = (i / 29200) * 500 + i % 500;
		snprintf(first17, sizeof first17, "500154%.4s%.2s%.2s%c%c%c", birth, birth + 5,
			 birth + 8, '0' + serial / 100, '0' + serial / 10 % 10, '0' + serial % 10);
		make_id(first17, 0, id);
		snprintf(name, sizeof name, "%s%s%s", surnames[rnd(NS)], given[rnd(NG)],
			 rnd(4) ? given[rnd(NG)] : "");
		int hid = i < BIG_HH ? i + 1 : i >= BIG_P - BIG_OUTSIDE ? 0 : 1 + (int)rnd(BIG_HH);
		if (rnd(10) < 2)
			snprintf(ph, sizeof ph, "15%09u", rnd(1000000000));
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		if (hid)
			sqlite3_bind_int(st, 3, hid);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, i < BIG_HH ? "户主" : hid ? rel[rnd(7)] : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, ph, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, rnd(50) ? "" : "2025-06-01", -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			print_error("insert %s: %s\n", id, sqlite3_errmsg(h));
		assert_int_equal(rc, SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	exec_sql(db, "COMMIT");
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int setup_big(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = new_db(f);
	double t0 = now_ms();
	build_big(f->db);
	double t1 = now_ms();
	jz_err e;
	f->s = jz_search_open(f->db, &e);
	assert_non_null(f->s);
	double t2 = now_ms();
	print_message("    built %d persons in %.0f ms; index loaded in %.1f ms\n", BIG_P, t1 - t0,
		      t2 - t1);
	*state = f;
	return 0;
}

static void big_timing(void **state)
{
	struct fx *f = *state;
	jz_err e;
	assert_int_equal(jz_search_size(f->s), BIG_P);

	/* 200 queries: 1-3 letters, digit fragments (ID tails, household
	 * numbers, phones), a few hanzi, as a clerk types them. */
	char q[200][24];
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(f->db),
		"SELECT id_number FROM person ORDER BY id", -1, &st, NULL), SQLITE_OK);
	char ids[BIG_P / 500][19];
	int nid = 0;
	for (int i = 0; sqlite3_step(st) == SQLITE_ROW; i++)
		if (i % 500 == 0 && nid < BIG_P / 500)
			snprintf(ids[nid++], 19, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	static const char initials[] = "wlzchyxgmsjdtfqbpr";
	for (int i = 0; i < 200; i++) {
		switch (i % 5) {
		case 0: case 1: case 2: {
			int k = 1 + i % 3;
			for (int j = 0; j < k; j++)
				q[i][j] = initials[rnd(sizeof initials - 1)];
			q[i][k] = '\0';
			break;
		}
		case 3: {
			int k = 1 + rnd(6);
			snprintf(q[i], sizeof q[i], "%s", ids[rnd(nid)] + 18 - k);
			break;
		}
		default:
			if (i % 10 == 4)
				snprintf(q[i], sizeof q[i], "%02u%02u", 1 + rnd(20), rnd(30));
			else
				snprintf(q[i], sizeof q[i], "%s%s", surnames[rnd(NS)], rnd(2) ? given[rnd(NG)] : "");
		}
	}
	double t[200], sum = 0;
	long hits = 0;
	for (int i = 0; i < 200; i++) {
		double t0 = now_ms();
		int n = jz_search_run(f->s, q[i], NULL, f->hits, 50, &e);
		t[i] = now_ms() - t0;
		assert_true(n >= 0);
		hits += n;
		sum += t[i];
	}
	qsort(t, 200, sizeof t[0], cmp_double);
	double avg = sum / 200;
	print_message("    200 queries: avg %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms"
		      " (%ld matches)%s\n", avg, t[100], t[197], t[199], hits,
		      UNDER_ASAN ? " [ASan: not asserted]" : "");
	double r0 = now_ms();
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	double r1 = now_ms();
	exec_sql(f->db, "UPDATE person SET phone = '13700000000' WHERE id = 1");
	double r2 = now_ms();
	assert_int_equal(jz_search_reload(f->s, &e), 0);
	double r3 = now_ms();
	print_message("    reload: %.3f ms with nothing written, %.1f ms after a write\n", r1 - r0,
		      r3 - r2);
	assert_int_equal(jz_search_run(f->s, "13700000000", NULL, f->hits, 50, &e), 1);
	if (!UNDER_ASAN)
		assert_true(avg < 5.0);
}

/* The index's initials agree with jz_pinyin_match on every name. */
static void big_agrees_with_pinyin_match(void **state)
{
	struct fx *f = *state;
	static const char *const qs[] = {"w", "wj", "zc", "zg", "cg", "dx", "sx", "lyl", "zzh", "a"};
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(jz_db_handle(f->db), "SELECT name FROM person", -1, &st,
					    NULL), SQLITE_OK);
	int want[sizeof qs / sizeof qs[0]] = {0};
	while (sqlite3_step(st) == SQLITE_ROW)
		for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++)
			want[k] += jz_pinyin_match((const char *)sqlite3_column_text(st, 0), qs[k]);
	sqlite3_finalize(st);
	for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++) {
		jz_err e;
		int n = jz_search_run(f->s, qs[k], NULL, f->hits, MAXHITS, &e);
		if (n != want[k])
			print_error("%s: %d hits, jz_pinyin_match says %d\n", qs[k], n, want[k]);
		assert_int_equal(n, want[k]);
		/* Ranked: heads before members, by household number. */
		for (int i = 1; i < MAXHITS && i < n; i++) {
			const struct jz_search_hit *a = &f->hits[i - 1], *b = &f->hits[i];
			int ka = !a->member ? 2 : strcmp(a->relation, "户主") ? 1 : 0;
			int kb = !b->member ? 2 : strcmp(b->relation, "户主") ? 1 : 0;
			assert_true(ka < kb || (ka == kb && strcmp(a->household_number, b->household_number) <= 0));
		}
	}
	/* Village filter over the big township. */
	jz_err e;
	struct jz_search_filter flt = {.village_id = 7};
	int n = jz_search_run(f->s, "w", &flt, f->hits, MAXHITS, &e);
	assert_true(n > 0 && n < want[0]);
	for (int i = 0; i < n && i < MAXHITS; i++)
		assert_string_equal(f->hits[i].village, "第7村");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(initials_find_names, setup, teardown),
		cmocka_unit_test_setup_teardown(several_readings, setup, teardown),
		cmocka_unit_test_setup_teardown(hanzi_substring, setup, teardown),
		cmocka_unit_test_setup_teardown(hanzi_then_initials, setup, teardown),
		cmocka_unit_test_setup_teardown(latin_names, setup, teardown),
		cmocka_unit_test_setup_teardown(id_tail, setup, teardown),
		cmocka_unit_test_setup_teardown(household_number, setup, teardown),
		cmocka_unit_test_setup_teardown(phone, setup, teardown),
		cmocka_unit_test_setup_teardown(village_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(ranking, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_and_no_hit, setup, teardown),
		cmocka_unit_test_setup_teardown(deceased_and_members, setup, teardown),
		cmocka_unit_test_setup_teardown(max_and_total, setup, teardown),
		cmocka_unit_test_setup_teardown(reload_after_insert, setup, teardown),
		cmocka_unit_test_setup_teardown(reload_sees_other_connections, setup, teardown),
	};
	const struct CMUnitTest big[] = {
		cmocka_unit_test(big_timing),
		cmocka_unit_test(big_agrees_with_pinyin_match),
	};
	int failed = cmocka_run_group_tests_name("search", tests, NULL, NULL);
	failed += cmocka_run_group_tests_name("search_50000", big, setup_big, teardown);
	return failed;
}
