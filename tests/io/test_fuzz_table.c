/* test_fuzz_table.c — runs the readers' fuzz target (tests/fuzz/fuzz_table.c)
 * on random mutations of seed inputs for a few seconds (FUZZ_SECONDS, 3 by
 * default; `make fuzz` without clang gives 600), with a fixed random seed.
 * Seeds: CSV in UTF-8, with a BOM, GBK and quoted fields; and workbooks,
 * whose XML parts are mutated and zipped again (stored) so the mutations
 * reach the XML readers instead of stopping at the zip's checks; one
 * workbook written by libxlsxwriter is also mutated as raw bytes.
 * `test_fuzz_table --seeds DIR` writes the seeds for libFuzzer instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include "../fuzz/fuzz_table.c"
#include "testutil.h"

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (unsigned)(rng % n) : 0;
}

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void put(struct buf *b, const void *d, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, d, n);
	b->n += n;
}

static const char *const special[] = {"\"", ",", "\r\n", "\n", "<", ">", "&amp;", "\xef\xbb\xbf", "\xff\xfe",
	"\xe4\xb8\xad", "\x81\x30\x81\x30", "<c r=\"XFD1048576\" t=\"s\"><v>99999999</v></c>", "<v>-1</v>",
	"t=\"inlineStr\"", "<r><t>x</t></r>", "r=\"A0\"", "r=\"ZZZZ9\"", "&#0;", "]]>", "<![CDATA[", "\"\"\"", "\0"};

/* One mutation of src into out: flips, inserts, deletes, special tokens. */
static void mutate(const unsigned char *src, size_t n, struct buf *out)
{
	out->n = 0;
	put(out, src, n);
	int k = 1 + (int)rnd(8);
	for (int i = 0; i < k; i++) {
		size_t at = out->n ? rnd((unsigned)out->n) : 0;
		switch (rnd(6)) {
		case 0:
			if (out->n)
				out->p[at] ^= (unsigned char)(1u << rnd(8));
			break;
		case 1:
			if (out->n)
				out->p[at] = (unsigned char)rnd(256);
			break;
		case 2: { /* delete a run */
			size_t len = rnd(16);
			if (at + len > out->n)
				len = out->n - at;
			memmove(out->p + at, out->p + at + len, out->n - at - len);
			out->n -= len;
			break;
		}
		case 3: { /* insert a special token */
			const char *s = special[rnd(sizeof special / sizeof special[0])];
			size_t len = *s ? strlen(s) : 1;
			struct buf tmp = {0};
			put(&tmp, out->p + at, out->n - at);
			out->n = at;
			put(out, s, len);
			put(out, tmp.p, tmp.n);
			free(tmp.p);
			break;
		}
		case 4: /* truncate */
			out->n = at;
			break;
		default: { /* duplicate a run */
			size_t len = rnd(32);
			if (at + len > out->n)
				len = out->n - at;
			struct buf tmp = {0};
			put(&tmp, out->p + at, len);
			put(&tmp, out->p + at, out->n - at);
			out->n = at;
			put(out, tmp.p, tmp.n);
			free(tmp.p);
		}
		}
	}
}

static const char *const csv_seeds[] = {
	"户编号,村(社区),姓名,身份证号,与户主关系\r\n5200001,东山村,王五,500154199001011234,户主\r\n",
	"\xef\xbb\xbf" "姓名,备注\n\"张,三\",\"两\n行\"\n李四,\"引\"\"号\"\n",
	"\xd0\xd5\xc3\xfb,\xc9\xed\xb7\xdd\xd6\xa4\xba\xc5\n\xcd\xf5\xce\xe5,'500154199001011234 \n", /* GBK */
	"a,b,c\n1,2\n,,,,\n\"unterminated\n",
};

/* The parts of a small workbook: [Content_Types], rels, workbook, sheets, strings. */
static const char *const part_names[] = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
	"xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"};
#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
static const char *const part_seeds[] = {
	"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
	"<?xml version=\"1.0\"?><workbook " NS "><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"Sheet2\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
	"<?xml version=\"1.0\"?><sst " NS " count=\"3\"><si><t>姓名</t></si><si><r><t>身份</t></r><r><t>证号</t></r>"
	"<rPh><t>x</t></rPh></si><si><t xml:space=\"preserve\"> 王五 </t></si></sst>",
	"<?xml version=\"1.0\"?><worksheet " NS "><dimension ref=\"A1:C2\"/><sheetData><row r=\"1\">"
	"<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c>"
	"<c r=\"B3\"><v>5.32326E+17</v></c><c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\" t=\"e\"><v>#N/A</v></c>"
	"<c r=\"E3\" t=\"str\"><f>A1</f><v>x</v></c></row></sheetData></worksheet>",
	"<?xml version=\"1.0\"?><worksheet " NS "><sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c>"
	"<c><v>1</v></c></row></sheetData></worksheet>",
};
#define NPARTS (int)(sizeof part_names / sizeof part_names[0])

/* A zip (stored) of the parts, part `which` replaced by repl; into out. */
static void zip_parts(const char *tmp, int which, const struct buf *repl, struct buf *out)
{
	zipFile z = zipOpen(tmp, APPEND_STATUS_CREATE);
	assert_non_null(z);
	for (int i = 0; i < NPARTS; i++) {
		const void *d = i == which ? (const void *)repl->p : part_seeds[i];
		size_t n = i == which ? repl->n : strlen(part_seeds[i]);
		assert_int_equal(zipOpenNewFileInZip(z, part_names[i], NULL, NULL, 0, NULL, 0, NULL, 0, 0), ZIP_OK);
		if (n)
			assert_int_equal(zipWriteInFileInZip(z, d, (unsigned)n), ZIP_OK);
		zipCloseFileInZip(z);
	}
	assert_int_equal(zipClose(z, NULL), ZIP_OK);
	size_t len = 0;
	char *bytes = tu_slurp(tmp, &len);
	assert_non_null(bytes);
	out->n = 0;
	put(out, bytes, len);
	free(bytes);
}

static void lxw_seed(const char *path, struct buf *out)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "户编号", NULL);
	worksheet_write_string(ws, 0, 1, "身份证号", NULL);
	worksheet_write_number(ws, 1, 1, 532326000000000000.0, NULL);
	worksheet_write_string(ws, 2, 0, "东山村", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	size_t len = 0;
	char *bytes = tu_slurp(path, &len);
	assert_non_null(bytes);
	put(out, bytes, len);
	free(bytes);
}

static void run_one(unsigned char sel, const struct buf *b)
{
	struct buf in = {0};
	put(&in, &sel, 1);
	put(&in, b->p, b->n);
	LLVMFuzzerTestOneInput(in.p, in.n);
	free(in.p);
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fuzz_readers(void **state)
{
	char dir[64], tmp[128], lxw[128];
	struct buf m = {0}, z = {0}, raw = {0};
	const char *env = getenv("FUZZ_SECONDS");
	double limit = env ? atof(env) : 3.0, start = seconds();
	long runs = 0;
	tu_tmpdir(dir, sizeof dir);
	tu_path(tmp, sizeof tmp, dir, "m.xlsx");
	tu_path(lxw, sizeof lxw, dir, "lxw.xlsx");
	lxw_seed(lxw, &raw);
	while (seconds() - start < limit) {
		for (int k = 0; k < 20; k++, runs++) {
			unsigned what = rnd(10);
			if (what < 4) {
				const char *s = csv_seeds[rnd(sizeof csv_seeds / sizeof csv_seeds[0])];
				mutate((const unsigned char *)s, strlen(s), &m);
				run_one((unsigned char)(rnd(4) << 1), &m);
			} else if (what < 9) {
				int part = (int)rnd(NPARTS);
				mutate((const unsigned char *)part_seeds[part], strlen(part_seeds[part]), &m);
				zip_parts(tmp, part, &m, &z);
				run_one((unsigned char)(1 | (rnd(2) << 1)), &z);
			} else {
				mutate(raw.p, raw.n, &m);
				run_one(1, &m);
			}
		}
	}
	print_message("fuzz: %ld inputs in %.1f s, no crash\n", runs, seconds() - start);
	free(m.p);
	free(z.p);
	free(raw.p);
	tu_rmdir(dir);
}

/* Writes the seeds as files for libFuzzer's corpus. */
static int write_seeds(const char *dir)
{
	char path[512];
	struct buf b = {0}, z = {0}, raw = {0};
	for (size_t i = 0; i < sizeof csv_seeds / sizeof csv_seeds[0]; i++) {
		b.n = 0;
		put(&b, csv_seeds[i], strlen(csv_seeds[i]));
		snprintf(path, sizeof path, "%s/csv%zu", dir, i);
		FILE *f = fopen(path, "wb");
		if (!f)
			return 1;
		fputc(0, f);
		fwrite(b.p, 1, b.n, f);
		fclose(f);
	}
	snprintf(path, sizeof path, "%s/seed.xlsx.tmp", dir);
	b.n = 0;
	put(&b, part_seeds[0], strlen(part_seeds[0]));
	zip_parts(path, 0, &b, &z);
	lxw_seed(path, &raw);
	const struct buf *x[] = {&z, &raw};
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/xlsx%d", dir, i);
		FILE *f = fopen(path, "wb");
		if (!f)
			return 1;
		fputc(1, f);
		fwrite(x[i]->p, 1, x[i]->n, f);
		fclose(f);
	}
	snprintf(path, sizeof path, "%s/seed.xlsx.tmp", dir);
	unlink(path);
	free(b.p);
	free(z.p);
	free(raw.p);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--seeds"))
		return write_seeds(argv[2]);
	const struct CMUnitTest tests[] = {cmocka_unit_test(fuzz_readers)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
