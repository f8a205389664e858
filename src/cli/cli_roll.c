/* cli_roll.c — `jiuzhu roll` (build, lock and export a month's payment
 * roll) and `jiuzhu onetime` (a one-off payment to a group): the same core
 * calls (core/roll.c) as the desk. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/roll.h"
#include "io/form_file.h"

static const char ROLL_USAGE[] =
	"用法：jiuzhu roll YYYY-MM [--lock] [--export 文件夹 [--utf8]] --as 操作员\n"
	"  生成（或重新生成）该月发放花名册草稿并列出合计；--lock 锁定（锁定后不能再改）；\n"
	"  --export 每个村一个 xlsx 花名册和银行代发文件（默认 GBK，--utf8 写成 UTF-8）。\n"
	"  已锁定的月份只能导出：jiuzhu roll YYYY-MM --export 文件夹 --as 操作员\n";

static const char ONETIME_USAGE[] =
	"用法：jiuzhu onetime 名称 --amount 元 --per 人|户 --month YYYY-MM\n"
	"        [--programme 低保|特困|孤儿|残疾补贴] [--village 村名] [--ids 名单文件] --as 操作员\n"
	"  例：jiuzhu onetime 价格临时补贴 --amount 100 --per 人 --month 2026-11 --programme 低保 --as jingban\n"
	"  名单文件每行一个身份证号。\n";

static void print_warnings(const struct jz_roll_warnings *w)
{
	for (int i = 0; i < w->n && i < JZ_ROLL_MAX_WARN; i++)
		printf("注意：%s\n", w->text[i]);
	if (w->n > JZ_ROLL_MAX_WARN)
		printf("注意：另有 %d 条未列出\n", w->n - JZ_ROLL_MAX_WARN);
}

static void print_totals(jz_db *db, const char *month, const struct jz_roll_info *info, jz_err *e)
{
	struct jz_roll_sum sums[64];
	struct jz_roll_result fig;
	char a[32];
	int n = jz_roll_sums(db, month, sums, 64, e);
	if (n < 0 || jz_roll_figures(db, month, &fig, e))
		return;
	if (*info->locked_at)
		printf("%s 发放花名册：已锁定（%.10s %s）\n", month, info->locked_at, info->locked_by);
	else
		printf("%s 发放花名册：草稿，未锁定%s%s\n", month, *info->built_by ? "，生成人 " : "", info->built_by);
	for (int i = 0; i < n; i++) {
		jz_money_format(sums[i].fen, a, sizeof a);
		printf("  %s %s  %d 笔  %s 元\n", sums[i].programme, sums[i].area, sums[i].lines, a);
	}
	printf("按类别：");
	for (int k = 0; k < JZ_ROLL_KINDS; k++) {
		jz_money_format(fig.fen[k], a, sizeof a);
		printf("%s%s %d 笔 %s 元", k ? "，" : "", jz_roll_kinds[k], fig.lines[k], a);
	}
	jz_money_format(fig.total_fen, a, sizeof a);
	printf("\n合计：%d 笔 %s 元\n", fig.total_lines, a);
}

static void print_people(const struct jz_bank_person *p, int n)
{
	char a[32];
	for (int i = 0; i < n; i++) {
		jz_money_format(p[i].fen, a, sizeof a);
		printf("%s%s（%s，%s %s，%s 元）", i ? "，" : "", p[i].name, p[i].id_number, p[i].village,
		       p[i].household, a);
	}
}

static void print_export(const char *dir, const struct jz_roll_export *x)
{
	char a[32];
	printf("已导出到 %s：\n", dir);
	for (int i = 0; i < x->nworkbooks; i++) {
		jz_money_format(x->workbook_fen[i], a, sizeof a);
		printf("  %s  %d 笔  %s 元\n", x->workbooks[i], x->workbook_lines[i], a);
	}
	jz_money_format(x->total_fen, a, sizeof a);
	printf("花名册合计：%s 元\n", a);
	for (int i = 0; i < x->nbank; i++) {
		const struct jz_bank_file *b = &x->bank[i];
		jz_money_format(b->fen, a, sizeof a);
		printf("  %s（%s）  %d 人  %s 元\n", b->file, b->label, b->rows, a);
		if (b->nmissing) {
			jz_money_format(b->missing_fen, a, sizeof a);
			printf("以下 %d 人没有银行账号：", b->nmissing);
			print_people(b->missing, b->nmissing);
			printf("。共 %s 元，未列入 %s，请补录账号或另行发放\n", a, b->file);
		}
		if (b->nowing) {
			jz_money_format(-b->owing_fen, a, sizeof a);
			printf("以下 %d 人扣回多于发放，应追回：", b->nowing);
			print_people(b->owing, b->nowing);
			printf("。共 %s 元，未列入 %s\n", a, b->file);
		}
	}
}

static int do_export(jz_db *db, const char *month, const char *dir, int utf8, jz_err *e)
{
	struct jz_roll_export x;
	if (jz_roll_export(db, month, dir, utf8, &x, e))
		return -1;
	print_export(dir, &x);
	jz_roll_export_free(&x);
	return 0;
}

/* 经办 builds the draft (again) before locking or exporting it; an
 * operator without 经办 (审核) locks or exports the draft as it was built. A
 * locked month is only exported. */
static int roll_run(jz_session *s, const char *month, int lock, const char *dir, int utf8, jz_err *e)
{
	struct jz_roll_info info;
	struct jz_roll_result res;
	int r = jz_roll_get(s->db, month, &info, e);
	if (r < 0)
		return -1;
	int locked = r && *info.locked_at;
	if (locked && (lock || !dir))
		return jz_roll_build(s, month, NULL, e); /* refused, with the reason */
	if (!locked) {
		if (jz_session_has_role(s, "经办") || (!lock && !dir)) {
			if (jz_roll_build(s, month, &res, e))
				return -1;
			print_warnings(&res.warn);
		}
		if (lock && jz_roll_lock(s, month, e))
			return -1;
		if ((r = jz_roll_get(s->db, month, &info, e)) < 0)
			return -1;
		if (!r || !*info.built_at)
			return jz_fail(e, JZ_EUSER, "还没有生成 %s 的发放花名册：请经办人先生成（jiuzhu roll %s --as 经办人）",
				       month, month);
	}
	print_totals(s->db, month, &info, e);
	return dir ? do_export(s->db, month, dir, utf8, e) : 0;
}

int jz_cmd_roll(jz_cli *c)
{
	const char *as = NULL, *dir = NULL, *pos[1];
	int lock = 0, utf8 = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"--export", &dir, NULL}, {"--lock", NULL, &lock},
			 {"--utf8", NULL, &utf8}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 1) {
		fputs(ROLL_USAGE, stderr);
		return 1;
	}
	if (utf8 && !dir) {
		fprintf(stderr, "jiuzhu: --utf8 要和 --export 一起用\n");
		return 1;
	}
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	int rc = roll_run(&s, pos[0], lock, dir, utf8, &e);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

/* Reads the ID list file (one ID per line). */
static int read_ids(const char *path, char (**ids)[19], int *n, jz_err *e)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	*ids = NULL;
	*n = 0;
	if (!f)
		return jz_fail(e, JZ_EUSER, "打不开名单文件 %s：%s", path, jz_errno_text(errno));
	for (;;) {
		if (len + 4096 > cap) {
			char *nb = realloc(buf, cap = cap * 2 + 4096);
			if (!nb) {
				free(buf);
				fclose(f);
				return jz_fail(e, JZ_EDATA, "内存不足");
			}
			buf = nb;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return jz_fail(e, JZ_EDATA, "读名单文件 %s 失败", path);
	}
	int lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += buf[i] == '\n';
	*ids = calloc((size_t)lines, sizeof **ids);
	if (!*ids) {
		free(buf);
		return jz_fail(e, JZ_EDATA, "内存不足");
	}
	*n = jz_roll_parse_ids(buf, len, *ids, lines, e);
	free(buf);
	if (*n < 0) {
		free(*ids);
		*ids = NULL;
		return -1;
	}
	return 0;
}

static void print_onetime(const struct jz_onetime_spec *sp, const struct jz_onetime_result *r)
{
	char a[32], t[32];
	jz_money_format(sp->amount_fen, a, sizeof a);
	jz_money_format(r->total_fen, t, sizeof t);
	print_warnings(&r->warn);
	printf("已把一次性发放「%s」列入 %s 发放花名册：每%s %s 元，%d 人 %d 户，%d 笔，合计 %s 元\n", sp->name,
	       sp->month, sp->per, a, r->persons, r->households, r->lines, t);
	printf("导出银行代发文件：jiuzhu roll %s --export 文件夹 --as 操作员\n", sp->month);
}

int jz_cmd_onetime(jz_cli *c)
{
	const char *as = NULL, *amount = NULL, *per = NULL, *month = NULL, *prog = NULL, *village = NULL,
		   *idfile = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--amount", &amount, NULL}, {"--per", &per, NULL},
			 {"--month", &month, NULL}, {"--programme", &prog, NULL}, {"--village", &village, NULL},
			 {"--ids", &idfile, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	char (*ids)[19] = NULL;
	int nids = 0;
	long long fen = 0;
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 1 || !amount || !per || !month) {
		fputs(ONETIME_USAGE, stderr);
		return 1;
	}
	if (jz_cli_money("--amount", amount, &fen, &e) ||
	    (idfile && read_ids(idfile, &ids, &nids, &e)))
		return jz_cli_report(&e);
	if (jz_cli_session(c, as, &s, &e)) {
		free(ids);
		return jz_cli_report(&e);
	}
	const char *src = idfile ? strrchr(idfile, '/') : NULL;
	struct jz_onetime_spec sp = {.name = pos[0], .amount_fen = fen, .per = per, .month = month,
		.programme = prog, .village = village, .ids = (const char (*)[19])ids, .nids = nids,
		.ids_source = src ? src + 1 : idfile};
	struct jz_onetime_result *r = calloc(1, sizeof *r);
	int rc = r ? jz_onetime_new(&s, &sp, r, &e) : jz_fail(&e, JZ_EDATA, "内存不足");
	if (!rc)
		print_onetime(&sp, r);
	free(r);
	free(ids);
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}
