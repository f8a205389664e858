/* bundle_store.h — the county bundle: one township's figures of one month
 * in a small SQLite file (meta(key, value), cell(...)), so the county can
 * merge the townships' files without their databases. Readable with the
 * sqlite3 shell by anyone who wants to look. */
#ifndef JZ_BUNDLE_STORE_H
#define JZ_BUNDLE_STORE_H

#include "core/err.h"

#define JZ_BUNDLE_FORMAT "jiuzhu-county-bundle 1"

struct jz_bundle_cell {
	const char *tbl, *row_key, *row_label, *col, *text; /* text NULL for a number */
	int village;
	long long v;
};

typedef struct jz_bundle_out jz_bundle_out;
/* Starts a bundle at path (written under a temporary name, renamed by
 * jz_bundle_close when all went well). */
jz_bundle_out *jz_bundle_create(const char *path, jz_err *e);
int jz_bundle_meta(jz_bundle_out *b, const char *key, const char *value, jz_err *e);
int jz_bundle_cell(jz_bundle_out *b, const struct jz_bundle_cell *c, jz_err *e);
/* Commits and renames (ok), or discards; returns 0 or -1. */
int jz_bundle_close(jz_bundle_out *b, int ok, jz_err *e);

/* Reads a bundle: meta_fn for each meta row, then cell_fn for each cell in
 * the order written. Refuses a file that is not a bundle. */
int jz_bundle_read(const char *path, void (*meta_fn)(const char *key, const char *value, void *arg),
		   int (*cell_fn)(const struct jz_bundle_cell *c, void *arg), void *arg, jz_err *e);

#endif
