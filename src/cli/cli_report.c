/* cli_report.c — `jiuzhu report ...`: the monthly workbook (月报), its text
 * part, marking it 已报送, and the 专题报告 of 低保 entries and exits,
 * through the same core calls as the desk's 报表 screen (core/report.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/report.h"
#include "io/text.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu report YYYY-MM [-o 文件.xlsx] [--csv 文件夹 [--utf8]]   生成月报（不加 -o/--csv 时显示摘要）\n"
	"  jiuzhu report YYYY-MM --notes 文字文件 --as 操作员              填写文字部分\n"
	"        文件里以「工作进展情况」「存在问题及困难」「请求帮助解决」各起一段\n"
	"  jiuzhu report YYYY-MM --submitted [--date YYYY-MM-DD] --as 操作员  标记已报送（保存报送时的数字）\n"
	"  jiuzhu report changes --from YYYY-MM --to YYYY-MM              低保纳入、退出专题统计\n";

static char *read_text(const char *path, jz_err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		jz_fail(e, JZ_EUSER, "打不开文字文件 %s：%s", path, jz_errno_text(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n;
	char *buf = malloc(cap + 1);
	n = buf ? fread(buf, 1, cap, f) : 0;
	int bad = !buf || ferror(f) || n == cap;
	fclose(f);
	if (bad) {
		free(buf);
		jz_fail(e, JZ_EUSER, "读不了文字文件 %s（读取出错或超过 64 KB）", path);
		return NULL;
	}
	buf[n] = '\0';
	size_t bom = 0;
	const char *enc = jz_detect_encoding(buf, n, &bom);
	if (!enc || !strcmp(enc, "UTF-8")) {
		memmove(buf, buf + bom, n - bom + 1);
		return buf;
	}
	size_t len = 0;
	char *u = jz_iconv("UTF-8", enc, buf + bom, n - bom, &len, e);
	free(buf);
	return u;
}

/* Skips what may follow a heading: 】 ： : and spaces. */
static char *after_heading(char *s)
{
	for (;;) {
		if (!strncmp(s, "】", 3) || !strncmp(s, "：", 3))
			s += 3;
		else if (*s == ':' || *s == ' ')
			s++;
		else
			return s;
	}
}

/* Splits the text at the three headings (a line starting with the heading,
 * maybe after # or 【, its text on the same line or the next ones); text
 * before any heading is 工作进展情况. */
static void split_notes(char *text, char *part[3])
{
	static const char *const heads[] = {"工作进展情况", "存在问题及困难", "请求帮助解决"};
	part[0] = text;
	part[1] = part[2] = "";
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n'), *s = line;
		while (*s == ' ' || *s == '#' || !strncmp(s, "【", 3))
			s += !strncmp(s, "【", 3) ? 3 : 1;
		for (int k = 0; k < 3; k++)
			if (!strncmp(s, heads[k], strlen(heads[k]))) {
				char *rest = after_heading(s + strlen(heads[k]));
				part[k] = (*rest == '\r' || *rest == '\n' || !*rest) && nl ? nl + 1 : rest;
				*line = '\0';
				break;
			}
		line = nl ? nl + 1 : NULL;
	}
	for (int k = 0; k < 3; k++) { /* no blank lines around */
		size_t n = strlen(part[k]);
		while (n && strchr("\r\n ", part[k][n - 1]))
			part[k][--n] = '\0';
		while (*part[k] == '\n' || *part[k] == '\r')
			part[k]++;
	}
}

static int notes(jz_cli *c, const char *month, const char *file, const char *as)
{
	jz_err e = {0};
	jz_session s = {0};
	char *text = read_text(file, &e), *part[3];
	if (!text)
		return jz_cli_report(&e);
	split_notes(text, part);
	int rc = jz_cli_session(c, as, &s, &e) ||
		 jz_report_text_set(&s, month, part[0], part[1], part[2], &e);
	free(text);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("%s 月报文字部分已保存\n", month);
	return 0;
}

static int submit(jz_cli *c, const char *month, const char *date, const char *as)
{
	jz_err e = {0};
	jz_session s = {0};
	int rc = jz_cli_session(c, as, &s, &e) || jz_report_submit(&s, month, date, &e);
	jz_db_close(s.db);
	if (rc)
		return jz_cli_report(&e);
	printf("%s 月报已标记为已报送，报送时的数字已保存\n", month);
	return 0;
}

static long long cellv(const struct jz_figures *f, const char *t, const char *r, const char *col)
{
	const struct jz_fig_cell *x = jz_fig_cell(jz_fig_row(jz_fig_table(f, t), r), col);
	return x ? x->v : 0;
}

static void summary(const struct jz_report *r)
{
	const struct jz_figures *f = &r->fig;
	long long v;
	printf("%s%s %s 月报%s\n", f->county, f->township, f->month, f->roll_locked ? "" : "（草稿：花名册未锁定）");
	v = cellv(f, "dibao", "合计", "paid");
	printf("低保：%lld 户 %lld 人，新增 %lld 户 %lld 人，退出 %lld 户 %lld 人，当月支出 %lld.%02lld 元\n",
	       cellv(f, "dibao", "合计", "households"), cellv(f, "dibao", "合计", "persons"),
	       cellv(f, "dibao", "合计", "new_households"), cellv(f, "dibao", "合计", "new_persons"),
	       cellv(f, "dibao", "合计", "exit_households"), cellv(f, "dibao", "合计", "exit_persons"),
	       v / 100, (v < 0 ? -v : v) % 100);
	v = cellv(f, "tekun", "合计", "paid");
	printf("特困：%lld 人，当月支出 %lld.%02lld 元\n", cellv(f, "tekun", "合计", "persons"), v / 100,
	       (v < 0 ? -v : v) % 100);
	v = cellv(f, "linshi", "本月", "paid");
	printf("临时救助：%lld 户次 %lld 人次，当月支出 %lld.%02lld 元\n", cellv(f, "linshi", "本月", "cases"),
	       cellv(f, "linshi", "本月", "persons"), v / 100, (v < 0 ? -v : v) % 100);
	v = cellv(f, "beiyongjin", "本月", "closing");
	printf("备用金：期末余额 %lld.%02lld 元\n", v / 100, (v < 0 ? -v : v) % 100);
	if (*f->submitted_on)
		printf("已报送：%s（%s）\n", f->submitted_on, f->submitted_by);
}

static void show_notes(const struct jz_report *r)
{
	const struct jz_figures *f = &r->fig;
	for (int i = 0; i < f->nchecks && i < JZ_FIG_MAX_CHECKS; i++)
		fprintf(stderr, "jiuzhu: 核对未通过：%s\n", f->checks[i]);
	if (f->nchecks > JZ_FIG_MAX_CHECKS)
		fprintf(stderr, "jiuzhu: 另有 %d 项核对未通过\n", f->nchecks - JZ_FIG_MAX_CHECKS);
	if (f->nchanged)
		printf("%s 报送后有 %d 个数字变动：\n", f->submitted_on, f->nchanged);
	for (int i = 0; i < f->nchanged && i < JZ_FIG_MAX_CHANGED; i++)
		printf("  %s\n", f->changed[i]);
}

static int make(jz_cli *c, const char *month, const char *out, const char *csv, int utf8)
{
	jz_err e = {0};
	struct jz_report r;
	char dir[4200];
	jz_db *db = jz_cli_open(c, &e);
	if (!db)
		return jz_cli_report(&e);
	jz_report_dir(db, dir, sizeof dir);
	int rc = jz_report_build(db, month, dir, &r, &e);
	if (!rc) {
		show_notes(&r);
		if (!out && !csv)
			summary(&r);
		if (out && !(rc = jz_report_write_xlsx(&r, out, &e)))
			printf("已写出 %s（%d 张表）\n", out, r.ndefs);
		if (!rc && csv && !(rc = jz_report_write_csv(&r, csv, utf8, &e)))
			printf("已写出 %d 个 CSV 文件到 %s（%s）\n", r.ndefs, csv, utf8 ? "UTF-8" : "GBK");
	}
	jz_report_free(&r);
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int changes(jz_cli *c)
{
	const char *from = NULL, *to = NULL, *pos[1];
	jz_opt opts[] = {{"--from", &from, NULL}, {"--to", &to, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	struct jz_flows *f = malloc(sizeof *f);
	jz_db *db = f ? jz_cli_open(c, &e) : NULL;
	int rc = !db || jz_report_flows(db, from, to, f, &e);
	if (!rc) {
		printf("低保纳入和退出 %s 至 %s\n类别\t户数\t人数\n", f->from, f->to);
		for (int dir = 1; dir >= 0; dir--) {
			printf("%s\n", dir ? "纳入" : "退出");
			for (int i = 0; i < f->n; i++)
				if (f->v[i].entered == dir)
					printf("  %s\t%lld\t%lld\n", f->v[i].group, f->v[i].households, f->v[i].persons);
		}
	}
	if (!f)
		jz_fail(&e, JZ_EDATA, "内存不足");
	free(f);
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

int jz_cmd_report(jz_cli *c)
{
	if (c->argc >= 2 && !strcmp(c->argv[1], "changes"))
		return changes(c);
	const char *as = NULL, *out = NULL, *csv = NULL, *note = NULL, *date = NULL, *pos[1];
	int utf8 = 0, submitted = 0;
	jz_opt opts[] = {{"--as", &as, NULL}, {"-o", &out, NULL}, {"--output", &out, NULL},
			 {"--csv", &csv, NULL}, {"--utf8", NULL, &utf8}, {"--notes", &note, NULL},
			 {"--submitted", NULL, &submitted}, {"--date", &date, NULL}, {0}};
	jz_err e = {0};
	int npos = jz_cli_parse(c, opts, pos, 1, &e);
	if (npos < 0)
		return jz_cli_report(&e);
	if (npos != 1) {
		fputs(USAGE, stderr);
		return 1;
	}
	if (utf8 && !csv) {
		fprintf(stderr, "jiuzhu: --utf8 要和 --csv 一起用\n");
		return 1;
	}
	if (date && !submitted) {
		fprintf(stderr, "jiuzhu: --date 要和 --submitted 一起用\n");
		return 1;
	}
	if ((note || submitted) && !as) {
		fprintf(stderr, "jiuzhu: 填写文字和标记已报送要用 --as 操作员 登录\n");
		return 1;
	}
	if (note && submitted) {
		fprintf(stderr, "jiuzhu: --notes 和 --submitted 请分两次执行\n");
		return 1;
	}
	if (note)
		return notes(c, pos[0], note, as);
	if (submitted)
		return submit(c, pos[0], date, as);
	return make(c, pos[0], out, csv, utf8);
}
