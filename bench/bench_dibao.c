/* bench_dibao.c — the program's side of the 低保 comparison: opens the file
 * read-only and computes the figures with the program's own code, then
 * prints the 低保 table as CSV (label, the 26 columns of reports/dibao.ini,
 * money in fen, a standard not set left empty) so bench/run.py can check it
 * against the sqlite3 shell and the Python peer.
 *   bench_dibao DB YYYY-MM          only jz_fig_people (低保, 特困, 补贴:
 *                                   one grouped query and the roll's money)
 *   bench_dibao DB YYYY-MM --all    every table of the workbook and the
 *                                   cross-checks (jz_figures_compute)
 * The time of the computation alone goes to stderr ("compute_ms N"). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/figures.h"
#include "store/db.h"

static const char *const cols[] = {
	"households", "persons", "female", "elderly", "adult", "minor", "student", "disabled",
	"severe", "labour_none", "labour_part", "single", "cause_ill", "cause_disabled",
	"cause_study", "cause_disaster", "cause_labour", "cause_other", "new_households",
	"new_persons", "exit_households", "exit_persons", "standard", "paid", "per_person", "ytd",
	NULL};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void print_table(const struct jz_fig_table *t)
{
	for (int i = 0; t && i < t->nrows; i++) {
		printf("\"%s\"", t->rows[i].label);
		for (int k = 0; cols[k]; k++) {
			const struct jz_fig_cell *c = jz_fig_cell(&t->rows[i], cols[k]);
			if (c)
				printf(",%lld", c->v);
			else
				printf(",");
		}
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_dibao DB YYYY-MM [--all]\n");
		return 2;
	}
	int all = argc > 3 && !strcmp(argv[3], "--all");
	jz_err e = {0};
	jz_db *db = jz_db_open(argv[1], JZ_OPEN_READONLY, &e);
	if (!db) {
		fprintf(stderr, "%s\n", e.msg);
		return 2;
	}
	struct jz_figures f;
	memset(&f, 0, sizeof f);
	double t0 = now_ms();
	int rc;
	if (all) {
		rc = jz_figures_compute(db, argv[2], &f, &e);
	} else {
		snprintf(f.month, sizeof f.month, "%s", argv[2]);
		jz_month_last_day(f.month, f.last_day);
		rc = jz_fig_people(db, &f, &e);
	}
	double t = now_ms() - t0;
	if (rc)
		fprintf(stderr, "%s\n", e.msg);
	else
		print_table(jz_fig_table(&f, "dibao"));
	fprintf(stderr, "compute_ms %.1f\n", t);
	jz_figures_free(&f);
	jz_db_close(db);
	return rc ? 2 : 0;
}
