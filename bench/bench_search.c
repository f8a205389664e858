/* bench_search.c — the desk's search over a whole township, one query per
 * keystroke as a clerk types: names character by character, pinyin
 * initials letter by letter, ID fragments digit by digit. Prints the index
 * load time and the latency of each keystroke (p50, p99, max, in ms).
 *   bench_search DB [N]   (N persons sampled for the typing, default 300) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/pinyin.h"
#include "core/search.h"
#include "io/text.h"
#include "store/db.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct lat {
	double *v;
	int n, cap;
};

static void timed(jz_search *s, const char *q, struct lat *l)
{
	static struct jz_search_hit hits[20];
	jz_err e = {0};
	double t0 = now_ms();
	jz_search_run(s, q, NULL, hits, 20, &e);
	double t = now_ms() - t0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = t;
}

/* The first letter of each hanzi's first reading. */
static void initials(const char *name, char *out, size_t n)
{
	size_t o = 0, i = 0, len = strlen(name);
	while (i < len && o + 1 < n) {
		uint32_t cp;
		size_t k = jz_utf8_decode(name + i, len - i, &cp);
		if (!k)
			break;
		i += k;
		uint32_t m = jz_pinyin_letters(cp);
		for (int b = 0; b < 26 && m; b++)
			if (m & (1u << b)) {
				out[o++] = (char)('a' + b);
				break;
			}
	}
	out[o] = '\0';
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_search DB [N]\n");
		return 2;
	}
	int n = argc > 2 ? atoi(argv[2]) : 300;
	jz_err e = {0};
	jz_db *db = jz_db_open(argv[1], JZ_OPEN_READONLY, &e);
	if (!db) {
		fprintf(stderr, "%s\n", e.msg);
		return 2;
	}
	double t0 = now_ms();
	jz_search *s = jz_search_open(db, &e);
	double load = now_ms() - t0;
	if (!s) {
		fprintf(stderr, "%s\n", e.msg);
		return 2;
	}
	int total = jz_search_size(s);
	struct lat l = {0};
	/* Sample persons (the bench reads the file directly), then type each
	 * one's name, initials and the end of the ID as a clerk would. */
	sqlite3_stmt *st;
	sqlite3_prepare_v2(jz_db_handle(db),
		"SELECT name, id_number FROM person WHERE household_id IS NOT NULL ORDER BY random() LIMIT ?",
		-1, &st, NULL);
	sqlite3_bind_int(st, 1, n);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char name[96], id[19], buf[128], ini[32];
		snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(st, 1));
		size_t len = strlen(name);
		for (size_t i = 1; i <= len; i++) { /* the name, a character at a time */
			if (i < len && (name[i] & 0xC0) == 0x80)
				continue;
			memcpy(buf, name, i);
			buf[i] = '\0';
			timed(s, buf, &l);
		}
		initials(name, ini, sizeof ini);
		for (size_t i = 1; i <= strlen(ini); i++) {
			memcpy(buf, ini, i);
			buf[i] = '\0';
			timed(s, buf, &l);
		}
		for (int i = 1; i <= 8; i++) { /* the last digits of the ID */
			memcpy(buf, id + 18 - i, (size_t)i);
			buf[i] = '\0';
			timed(s, buf, &l);
		}
	}
	sqlite3_finalize(st);
	qsort(l.v, (size_t)l.n, sizeof *l.v, cmp);
	printf("persons %d load_ms %.1f keystrokes %d p50_ms %.3f p99_ms %.3f max_ms %.3f\n", total, load, l.n,
	       l.n ? l.v[l.n / 2] : 0, l.n ? l.v[(int)(l.n * 0.99)] : 0, l.n ? l.v[l.n - 1] : 0);
	free(l.v);
	jz_search_close(s);
	jz_db_close(db);
	return 0;
}
