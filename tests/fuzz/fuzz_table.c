/* fuzz_table.c — fuzz target for the roster readers (io/table_in.h).
 *
 * The first byte chooses the reader: its low bit 0 CSV (bits 1-2 the
 * encoding: detect, UTF-8, GBK, GB18030), 1 xlsx (the rest written to a
 * temporary file, since jz_xlsx_read takes a path; bit 1 asks for the sheet
 * "Sheet2" instead of the first). Every table read is walked (each cell must
 * be a NUL-terminated string) and freed. Built with clang's libFuzzer by
 * `make fuzz`, and driven by tests/io/test_fuzz_table.c in `make check`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/table_in.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[64];

static void fuzz_cleanup(void)
{
	if (*fuzz_path)
		unlink(fuzz_path);
}

static const char *fuzz_tmp(void)
{
	if (!*fuzz_path) {
		snprintf(fuzz_path, sizeof fuzz_path, "/tmp/jz-fuzz-XXXXXX");
		int fd = mkstemp(fuzz_path);
		if (fd < 0)
			abort();
		close(fd);
		atexit(fuzz_cleanup);
	}
	return fuzz_path;
}

static void walk(const jz_table *t)
{
	size_t total = 0;
	for (int i = 0; i < t->nrows; i++)
		for (int j = 0; j < t->ncells[i]; j++)
			total += strlen(t->rows[i][j]);
	if (total == (size_t)-1)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const enc[] = {NULL, "UTF-8", "GBK", "GB18030"};
	jz_table t;
	jz_err e = {0};
	if (size < 1)
		return 0;
	uint8_t sel = data[0];
	data++;
	size--;
	if (!(sel & 1)) {
		if (jz_csv_read_mem((const char *)data, size, enc[(sel >> 1) & 3], &t, &e) == 0)
			walk(&t);
		jz_table_free(&t);
		return 0;
	}
	FILE *f = fopen(fuzz_tmp(), "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	if (jz_xlsx_read(fuzz_path, (sel & 2) ? "Sheet2" : NULL, &t, &e) == 0)
		walk(&t);
	jz_table_free(&t);
	return 0;
}
