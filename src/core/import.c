/* import.c — the roster import from file to database (see import.h):
 * read the table, parse and check every row, collect every problem, then
 * write it all in one transaction with an import_run record and its
 * event. The rows are import_parse.c, the checks import_check.c, the
 * writing import_apply.c. */
#include "core/import.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/import_int.h"
#include "core/record.h"
#include "io/form_file.h"
#include "store/import_store.h"

/* At most n bytes of v, cut on a character boundary, "..." when cut. */
static void shorten(const char *v, char *out, size_t n)
{
	size_t len = strlen(v);
	if (len < n) {
		memcpy(out, v, len + 1);
		return;
	}
	size_t k = n - 4;
	while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
		k--;
	memcpy(out, v, k);
	memcpy(out + k, "...", 4);
}

static void add_line(char ***list, int *n, int *total, char *line)
{
	(*total)++;
	if (*n >= JZ_IMPORT_SHOWN || !line) {
		free(line);
		return;
	}
	if (*n % 32 == 0) {
		char **g = realloc(*list, (size_t)(*n + 32) * sizeof **list);
		if (!g) {
			free(line);
			return;
		}
		*list = g;
	}
	(*list)[(*n)++] = line;
}

static char *format_line(const struct imp_ctx *x, int line, int col, const char *v, const char *fmt,
			 va_list ap)
{
	char msg[768], val[96], head[256];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (col >= 0 && v) {
		(void)x;
		shorten(v, val, sizeof val);
		snprintf(head, sizeof head, "第 %d 行, 列「%s」, 值「%s」: ", line, jz_import_colname[col], val);
	} else if (col >= 0)
		snprintf(head, sizeof head, "第 %d 行, 列「%s」: ", line, jz_import_colname[col]);
	else
		snprintf(head, sizeof head, "第 %d 行: ", line);
	size_t n = strlen(head) + strlen(msg) + 1;
	char *out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s", head, msg);
	return out;
}

void imp_problem(struct imp_ctx *x, int line, int col, const char *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = x->r->problems_total < JZ_IMPORT_SHOWN ? format_line(x, line, col, v, fmt, ap) : NULL;
	va_end(ap);
	add_line(&x->r->problems, &x->r->nproblems, &x->r->problems_total, s);
}

void imp_note(struct imp_ctx *x, int line, int col, const char *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = x->r->notes_total < JZ_IMPORT_SHOWN ? format_line(x, line, col, v, fmt, ap) : NULL;
	va_end(ap);
	add_line(&x->r->notes, &x->r->nnotes, &x->r->notes_total, s);
}

/* The row number a line starts with ("第 N 行"), 0 if none. */
static long line_no(const char *s)
{
	return !strncmp(s, "第 ", 4) ? strtol(s + 4, NULL, 10) : 0;
}

struct keyed {
	long line;
	int idx;
	char *s;
};

static int by_line(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->idx - y->idx;
}

/* Lists in file order (a row's lines as found), so the clerk goes down
 * the file once. */
static void sort_lines(char **v, int n)
{
	struct keyed *k = n > 1 ? malloc((size_t)n * sizeof *k) : NULL;
	if (!k)
		return;
	for (int i = 0; i < n; i++)
		k[i] = (struct keyed){line_no(v[i]), i, v[i]};
	qsort(k, (size_t)n, sizeof *k, by_line);
	for (int i = 0; i < n; i++)
		v[i] = k[i].s;
	free(k);
}

void jz_import_result_free(struct jz_import_result *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->nproblems; i++)
		free(r->problems[i]);
	for (int i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->problems);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

/* What the file is, by its first bytes (and name): 1 xlsx, 2 the old
 * binary .xls, 0 text. */
static int file_kind(const char *path)
{
	unsigned char magic[4] = {0};
	size_t len = strlen(path);
	FILE *f = fopen(path, "rb");
	size_t n = 0;
	if (f) {
		n = fread(magic, 1, 4, f);
		fclose(f);
	}
	if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)
		return 1;
	if (n == 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0)
		return 2;
	return len > 5 && (!strcmp(path + len - 5, ".xlsx") || !strcmp(path + len - 5, ".XLSX"));
}

static int read_table(struct imp_ctx *x, jz_err *e)
{
	const struct jz_import_opts *o = x->o;
	int kind = file_kind(o->path);
	if (kind == 2)
		return jz_fail(e, JZ_EUSER, "「%s」是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 里「另存为」 .xlsx 或 CSV，再导入",
			       o->path);
	int rc = kind ? jz_xlsx_read(o->path, o->sheet, &x->t, e) : jz_csv_read(o->path, o->encoding, &x->t, e);
	if (!rc)
		snprintf(x->r->encoding, sizeof x->r->encoding, "%s", x->t.encoding);
	return rc;
}

static int file_sha256(const char *path, char out[65], jz_err *e)
{
	crypto_hash_sha256_state st;
	unsigned char buf[65536], digest[crypto_hash_sha256_BYTES];
	FILE *f = fopen(path, "rb");
	if (!f)
		return jz_fail(e, JZ_EDATA, "读不了文件「%s」", path);
	crypto_hash_sha256_init(&st);
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		crypto_hash_sha256_update(&st, buf, n);
	fclose(f);
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, 65, digest, sizeof digest);
	return 0;
}

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

static int changes(const struct jz_import_result *r)
{
	return r->households_added + r->households_changed + r->persons_added + r->persons_changed +
	       r->cases_added + r->cases_changed + r->villages_added;
}

/* The run's record and its event. */
static int record_run(struct imp_ctx *x, jz_err *e)
{
	const struct jz_import_result *r = x->r;
	struct jz_import_run run = {0};
	long long id;
	snprintf(run.file, sizeof run.file, "%s", base_name(x->o->path));
	snprintf(run.by, sizeof run.by, "%s", x->s->op.login);
	if (file_sha256(x->o->path, run.sha256, e))
		return -1;
	run.rows = r->rows;
	run.households_added = r->households_added;
	run.households_changed = r->households_changed;
	run.persons_added = r->persons_added;
	run.persons_changed = r->persons_changed;
	run.cases_added = r->cases_added;
	run.cases_changed = r->cases_changed;
	if (jz_store_import_run_add(x->s->db, &run, &id, e))
		return -1;
	jz_change c;
	char line[256];
	jz_change_init(&c, "import.roster", "import_run", "花名册导入");
	jz_diff_text(&c, "文件", NULL, run.file);
	jz_diff_text(&c, "SHA-256", NULL, run.sha256);
	snprintf(line, sizeof line, "%d 行；新增 %d 户 %d 人 %d 件，修改 %d 户 %d 人 %d 件，新建村 %d 个", r->rows,
		 r->households_added, r->persons_added, r->cases_added, r->households_changed,
		 r->persons_changed, r->cases_changed, r->villages_added);
	jz_diff_text(&c, "结果", NULL, line);
	c.entity_id = id;
	return jz_record(x->s, &c, e);
}

/* Inside the transaction: writes everything, or nothing when the database
 * already holds it all the same way (the same file again). */
static int write_all(struct imp_ctx *x, jz_err *e)
{
	if (imp_apply(x, e))
		return -1;
	if (!changes(x->r))
		return 1;
	if (record_run(x, e))
		return -1;
	x->r->written = 1;
	return 0;
}

int jz_import_roster(jz_session *s, const struct jz_import_opts *o, struct jz_import_result *r,
		     jz_err *e)
{
	struct imp_ctx x;
	int rc = -1;
	memset(r, 0, sizeof *r);
	memset(&x, 0, sizeof x);
	x.s = s;
	x.o = o;
	x.r = r;
	jz_today(x.today);
	jz_month_of(x.today, x.month);
	snprintf(x.source, sizeof x.source, "%.100s %s", base_name(o->path), x.today);
	if (!o->dry_run && !jz_session_has_role(s, "经办")) {
		jz_fail(e, JZ_EUSER, "导入花名册要由有「经办」角色的操作员办理，%s（%s）没有这个角色", s->op.name, s->op.login);
		goto out;
	}
	/* One transaction from the first look at the database to the last
	 * write: the checks see what the writes will see, and SQLite takes its
	 * locks once instead of once a statement. */
	if (read_table(&x, e) || imp_parse(&x, e) || jz_store_big_batch(s->db, 1, e) || jz_tx_begin(s->db, e))
		goto out;
	if (imp_check(&x, e))
		goto rollback;
	if (r->problems_total) {
		jz_fail(e, JZ_EUSER, "花名册有 %d 个问题%s，%s：请改正后再导入", r->problems_total,
			r->problems_total > r->nproblems ? "（只列出前面的）" : "", o->dry_run ? "不能导入" : "什么也没有导入");
		goto rollback;
	}
	int w = o->dry_run ? 1 : write_all(&x, e); /* 1: nothing to commit */
	if (w < 0)
		goto rollback;
	if (w > 0) {
		jz_tx_rollback(s->db);
		rc = 0;
		goto out;
	}
	rc = jz_tx_commit(s->db, e);
	goto out;
rollback:
	jz_tx_rollback(s->db);
out:
	sort_lines(r->problems, r->nproblems);
	sort_lines(r->notes, r->nnotes);
	jz_store_big_batch(s->db, 0, NULL);
	jz_table_free(&x.t);
	free(x.rows);
	free(x.order);
	free(x.vil);
	return rc;
}

static void put(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void put(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

void jz_import_summary(const struct jz_import_result *r, int dry_run, char *buf, size_t n)
{
	char money[32];
	*buf = '\0';
	put(buf, n, "表头在第 %d 行，编码 %s；%d 户，%d 人\n", r->header_row, r->encoding, r->households, r->persons);
	for (int i = 0; i < r->nprogs; i++) {
		jz_money_format(r->progs[i].fen, money, sizeof money);
		put(buf, n, "  %s（%s）%d 件，每月 %s 元\n", r->progs[i].programme, r->progs[i].mode,
		    r->progs[i].cases, money);
	}
	jz_money_format(r->total_fen, money, sizeof money);
	put(buf, n, "案件 %d 件，每月保障金额合计 %s 元\n", r->cases, money);
	if (r->notes_total)
		put(buf, n, "修复和说明 %d 处（见下）\n", r->notes_total);
	if (*r->unknown)
		put(buf, n, "不认识的列（已忽略）：%s\n", r->unknown);
	if (dry_run)
		put(buf, n, "试导入：将新增 %d 户、%d 人；没有写入任何数据\n", r->households_added, r->persons_added);
	else if (!r->written)
		put(buf, n, "救助台里已经是这样，没有变化\n");
	else
		put(buf, n, "已导入：新增 %d 户 %d 人 %d 件，修改 %d 户 %d 人 %d 件，新建村 %d 个\n",
		    r->households_added, r->persons_added, r->cases_added, r->households_changed,
		    r->persons_changed, r->cases_changed, r->villages_added);
}
