/* sqlprof.c — a profiling aid for the bench, not part of jiuzhu: an
 * LD_PRELOAD shim that wraps sqlite3_open_v2, installs a profile callback on
 * every connection and, at exit, prints to stderr the statements that took
 * the most time in all (count, total ms, the SQL's first 160 bytes).
 *   make build/bench/sqlprof.so
 *   LD_PRELOAD=build/bench/sqlprof.so jiuzhu --db X roll 2026-11 --as jingban */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512

struct slot {
	char *sql;        /* the statement's text */
	char text[201];   /* its beginning and its end, to print */
	long long n, ns;
};
static struct slot slots[SLOTS];
static int nslots;

static struct slot *find(const char *sql)
{
	for (int i = 0; i < nslots; i++)
		if (!strcmp(slots[i].sql, sql))
			return &slots[i];
	if (nslots == SLOTS || !(slots[nslots].sql = strdup(sql)))
		return NULL;
	struct slot *s = &slots[nslots++];
	size_t n = strlen(sql);
	if (n < sizeof s->text)
		snprintf(s->text, sizeof s->text, "%s", sql);
	else
		snprintf(s->text, sizeof s->text, "%.110s ... %s", sql, sql + n - 80);
	return s;
}

static int on_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	const char *sql = sqlite3_sql((sqlite3_stmt *)p);
	struct slot *s = sql ? find(sql) : NULL;
	if (s) {
		s->n++;
		s->ns += *(sqlite3_int64 *)x;
	}
	return 0;
}

static int by_time(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	return x->ns < y->ns ? 1 : x->ns > y->ns ? -1 : 0;
}

static void report(void)
{
	long long all = 0;
	qsort(slots, (size_t)nslots, sizeof *slots, by_time);
	for (int i = 0; i < nslots; i++)
		all += slots[i].ns;
	fprintf(stderr, "sqlprof: %.1f ms in SQL statements\n", all / 1e6);
	for (int i = 0; i < nslots && i < 25; i++) {
		for (char *c = slots[i].text; *c; c++)
			if (*c == '\n' || *c == '\t')
				*c = ' ';
		fprintf(stderr, "%8lld %9.1f ms  %s\n", slots[i].n, slots[i].ns / 1e6, slots[i].text);
	}
}

int sqlite3_open_v2(const char *path, sqlite3 **db, int flags, const char *vfs)
{
	static int (*real)(const char *, sqlite3 **, int, const char *);
	static int once;
	if (!real)
		real = (int (*)(const char *, sqlite3 **, int, const char *))dlsym(RTLD_NEXT, "sqlite3_open_v2");
	int rc = real(path, db, flags, vfs);
	if (rc == SQLITE_OK)
		sqlite3_trace_v2(*db, SQLITE_TRACE_PROFILE, on_trace, NULL);
	if (!once++)
		atexit(report);
	return rc;
}
