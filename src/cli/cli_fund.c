/* cli_fund.c — `jiuzhu fund ...`: the township's reserve fund for
 * temporary assistance (临时救助备用金) through the same core calls as the
 * desk (core/fund.c): allocate, return, adjust, balance, list, statement,
 * request. Payments are made from the temporary-assistance cases. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/fund.h"
#include "io/form_file.h"
#include "io/text.h"

static const char USAGE[] =
	"用法：\n"
	"  jiuzhu fund allocate 元 --doc 县级文号 [--date YYYY-MM-DD] --as 操作员     县级预拨（经办）\n"
	"  jiuzhu fund return 元 --reason 原因 [--case 临时救助案件编号] [--date YYYY-MM-DD] --as 操作员\n"
	"                                                                          退回（经办）\n"
	"  jiuzhu fund adjust 元 --reason 原因 [--date YYYY-MM-DD] --as 操作员\n"
	"        更正错账（审批）；调减写负数，例如 -200\n"
	"  jiuzhu fund balance [--date YYYY-MM-DD]      余额（最后一行只有金额）\n"
	"  jiuzhu fund list [--from YYYY-MM-DD] [--to YYYY-MM-DD]          台账明细\n"
	"  jiuzhu fund statement [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o 文件.xlsx]  收支情况表\n"
	"  jiuzhu fund request [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--amount 元] -o 文件.xlsx\n"
	"        申请拨付表\n"
	"  期间默认从今年 1 月 1 日到今天。金额按元填写：1500、1500.5、1,500.00。\n";

static int is_negative(const char *a)
{
	if (a[0] == '-')
		return a[1] >= '0' && a[1] <= '9';
	return !strncmp(a, "－", strlen("－")) || !strncmp(a, "−", strlen("−"));
}

/* Takes a negative amount ("-200", "－200") out of the arguments, where
 * option parsing would take it for an option; NULL when there is none. */
static const char *take_negative(jz_cli *c)
{
	const char *neg = NULL;
	int out = 1;
	for (int i = 1; i < c->argc; i++) {
		const char *prev = c->argv[i - 1];
		int is_value = i > 1 && prev[0] == '-' && prev[1] == '-' && !strchr(prev, '=');
		if (!neg && !is_value && is_negative(c->argv[i]))
			neg = c->argv[i];
		else
			c->argv[out++] = c->argv[i];
	}
	c->argc = out;
	return neg;
}

/* The amount in yuan into fen; signed only when allowed (adjust). */
static int amount(const char *v, int signed_ok, long long *fen, jz_err *e)
{
	int neg = 0;
	if (v && is_negative(v)) {
		if (!signed_ok)
			return jz_fail(e, JZ_EUSER, "金额「%s」不能是负数：预拨和退回都记正数，"
				       "更正错账请用 jiuzhu fund adjust（审批）", v);
		neg = 1;
		v += v[0] == '-' ? 1 : strlen("－");
	}
	if (jz_money_parse(v, fen, e)) {
		e->code = JZ_EUSER;
		return -1;
	}
	if (neg)
		*fen = -*fen;
	return 0;
}

static void print_balance(jz_db *db, const char *what)
{
	long long b;
	char a[32];
	jz_err e = {0};
	if (jz_fund_balance(db, NULL, &b, &e) == 0)
		printf("%s，备用金余额 %s 元\n", what, (jz_money_format(b, a, sizeof a), a));
}

/* allocate, return, adjust: one movement by the signed-in operator. */
static int cmd_move(jz_cli *c, const char *verb)
{
	const char *as = NULL, *doc = NULL, *reason = NULL, *date = NULL, *cs = NULL, *pos[1];
	jz_opt opts[] = {{"--as", &as, NULL}, {"--doc", &doc, NULL}, {"--reason", &reason, NULL},
			 {"--date", &date, NULL}, {"--case", &cs, NULL}, {0}};
	jz_err e = {0};
	jz_session s = {0};
	jz_cli sub = jz_cli_sub(c);
	const char *neg = take_negative(&sub);
	int np = jz_cli_parse(&sub, opts, pos, 1, &e);
	long long fen = 0;
	if (np < 0)
		return jz_cli_report(&e);
	if (np + (neg != NULL) != 1) {
		fputs(USAGE, stderr);
		return 1;
	}
	int adj = !strcmp(verb, "adjust");
	if (amount(neg ? neg : pos[0], adj, &fen, &e))
		return jz_cli_report(&e);
	if (!strcmp(verb, "allocate") && (reason || cs))
		return fprintf(stderr, "jiuzhu: 预拨只需 --doc 县级文号（不用 --reason、--case）\n"), 1;
	if (strcmp(verb, "allocate") && doc)
		return fprintf(stderr, "jiuzhu: --doc 只用于预拨（allocate）\n"), 1;
	if (adj && cs)
		return fprintf(stderr, "jiuzhu: 调整不对应案件；退回某案件的钱请用 jiuzhu fund return --case\n"), 1;
	if (jz_cli_session(c, as, &s, &e))
		return jz_cli_report(&e);
	int rc;
	if (!strcmp(verb, "allocate"))
		rc = jz_fund_allocate(&s, fen, doc, date, &e);
	else if (!strcmp(verb, "return"))
		rc = jz_fund_return_number(&s, fen, reason, date, cs, &e);
	else
		rc = jz_fund_adjust(&s, fen, reason, date, &e);
	if (!rc)
		print_balance(s.db, !strcmp(verb, "allocate") ? "已登记县级预拨" :
			      !strcmp(verb, "return") ? "已登记退回" : "已登记调整");
	jz_db_close(s.db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_balance(jz_cli *c)
{
	const char *date = NULL, *pos[1];
	jz_opt opts[] = {{"--date", &date, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char day[11], a[32], b[32];
	long long bal = 0, limit = 0;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	jz_today(day);
	if (date && !jz_date_valid(date))
		return fprintf(stderr, "jiuzhu: --date 的值「%s」不对，应写成 YYYY-MM-DD\n", date), 1;
	if (date)
		snprintf(day, sizeof day, "%s", date);
	jz_db *db = jz_cli_open(c, &e);
	int low = db ? jz_fund_low(db, day, &bal, &limit, &e) : -1;
	jz_db_close(db);
	if (low < 0)
		return jz_cli_report(&e);
	printf("临时救助备用金余额（截至 %s，单位：元）\n", day);
	if (low)
		printf("提醒：余额低于 %s 元，请申请县级拨付（jiuzhu fund request）\n",
		       (jz_money_format(limit, b, sizeof b), b));
	jz_money_format(bal, a, sizeof a);
	printf("%s\n", a);
	return 0;
}

/* --from/--to into from/to: by default this year up to today. */
static int get_period(const char *f, const char *t, char from[11], char to[11], jz_err *e)
{
	char today[11];
	jz_today(today);
	if ((f && !jz_date_valid(f)) || (t && !jz_date_valid(t)))
		return jz_fail(e, JZ_EUSER, "日期「%s」不对，应写成 YYYY-MM-DD", f && !jz_date_valid(f) ? f : t);
	snprintf(to, 11, "%s", t ? t : today);
	if (f)
		snprintf(from, 11, "%s", f);
	else
		snprintf(from, 11, "%.4s-01-01", to);
	if (strcmp(from, to) > 0)
		return jz_fail(e, JZ_EUSER, "起始日期 %s 晚于截止日期 %s", from, to);
	return 0;
}

/* A label padded to cols display columns. */
static void label(const char *s, int cols)
{
	int w = jz_str_width(s);
	fputs(s, stdout);
	for (; w < cols; w++)
		putchar(' ');
}

static void line(const char *name, int n, int show_n, long long fen)
{
	char a[32];
	jz_money_format(fen, a, sizeof a);
	label(name, 24);
	if (show_n)
		printf("%5d 笔", n);
	else
		printf("        ");
	printf("%14s\n", a);
}

static void print_statement(const struct jz_fund_statement *st)
{
	char name[96];
	printf("临时救助备用金收支情况（%s 至 %s，单位：元）\n", st->from, st->to);
	line("期初余额", 0, 0, st->opening_fen);
	line("本期收入", st->alloc_n + st->return_n + st->adj_in_n, 1, st->in_fen);
	line("  县级预拨", st->alloc_n, 1, st->alloc_fen);
	line("  退回", st->return_n, 1, st->return_fen);
	line("  调整（调增）", st->adj_in_n, 1, st->adj_in_fen);
	line("本期支出", st->spent_n + st->adj_out_n, 1, st->out_fen);
	line("  临时救助支出", st->spent_n, 1, st->spent_fen);
	for (int i = 0; i < 2; i++) {
		snprintf(name, sizeof name, "    %s", st->by_kind[i].name);
		line(name, st->by_kind[i].n, 1, st->by_kind[i].fen);
	}
	for (int i = 0; i < st->ncauses; i++)
		if (st->by_cause[i].n) {
			snprintf(name, sizeof name, "    原因：%s", st->by_cause[i].name);
			line(name, st->by_cause[i].n, 1, st->by_cause[i].fen);
		}
	line("  调整（调减）", st->adj_out_n, 1, st->adj_out_fen);
	line("期末余额", 0, 0, st->closing_fen);
	printf("核对：期初 + 收入 - 支出 = 期末，一致\n");
}

static int cmd_statement(jz_cli *c)
{
	const char *f = NULL, *t = NULL, *out = NULL, *pos[1];
	jz_opt opts[] = {{"--from", &f, NULL}, {"--to", &t, NULL}, {"-o", &out, NULL}, {"--output", &out, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char from[11], to[11];
	struct jz_fund_statement st;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0 || get_period(f, t, from, to, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db || jz_fund_statement(db, from, to, &st, &e) ||
		 (out && jz_fund_statement_xlsx(db, &st, out, &e));
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	print_statement(&st);
	if (out)
		printf("已写入 %s\n", out);
	return 0;
}

static int print_line(const struct jz_fund_move *m, long long balance, void *arg)
{
	char a[32], b[32], what[512];
	(void)arg;
	if (!strcmp(m->kind, "预拨"))
		snprintf(what, sizeof what, "%s", m->doc);
	else if (m->case_number[0])
		snprintf(what, sizeof what, "%s %s %s%s%s", m->case_number, m->person_name, m->cause,
			 strcmp(m->kind, "支出") ? " " : "", strcmp(m->kind, "支出") ? m->reason : "");
	else
		snprintf(what, sizeof what, "%s%s%s", m->reason, m->approved_by[0] ? " 批准：" : "", m->approved_by);
	jz_money_format(m->amount_fen, a, sizeof a);
	jz_money_format(balance, b, sizeof b);
	printf("%s  %s %12s %12s  %s\n", m->on_date, m->kind, a, b, what);
	return 0;
}

static int cmd_list(jz_cli *c)
{
	const char *f = NULL, *t = NULL, *pos[1];
	jz_opt opts[] = {{"--from", &f, NULL}, {"--to", &t, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char from[11], to[11], a[32];
	long long open = 0;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0 || get_period(f, t, from, to, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db || jz_store_fund_opening(db, from, &open, &e);
	if (!rc) {
		printf("日期        类别         金额         余额  摘要（单位：元）\n");
		printf("%s  期初 %25s\n", from, (jz_money_format(open, a, sizeof a), a));
		rc = jz_fund_lines(db, from, to, print_line, NULL, &e);
	}
	jz_db_close(db);
	return rc ? jz_cli_report(&e) : 0;
}

static int cmd_request(jz_cli *c)
{
	const char *f = NULL, *t = NULL, *out = NULL, *amt = NULL, *pos[1];
	jz_opt opts[] = {{"--from", &f, NULL}, {"--to", &t, NULL}, {"-o", &out, NULL}, {"--output", &out, NULL},
			 {"--amount", &amt, NULL}, {0}};
	jz_err e = {0};
	jz_cli sub = jz_cli_sub(c);
	char from[11], to[11], a[32], b[32], d[32];
	long long asked = 0;
	struct jz_fund_request rq;
	if (jz_cli_parse(&sub, opts, pos, 0, &e) < 0 || get_period(f, t, from, to, &e) ||
	    (amt && amount(amt, 0, &asked, &e)))
		return jz_cli_report(&e);
	if (!out)
		return fprintf(stderr, "jiuzhu: 请用 -o 文件.xlsx 指定申请拨付表写到哪里\n"), 1;
	jz_db *db = jz_cli_open(c, &e);
	int rc = !db || jz_fund_request(db, from, to, asked, out, &rq, &e);
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	printf("申请拨付（%s 至 %s）：支出 %d 笔 %s 元，退回 %s 元；余额 %s 元\n", rq.from, rq.to, rq.spent_n,
	       (jz_money_format(rq.spent_fen, a, sizeof a), a), (jz_money_format(rq.return_fen, b, sizeof b), b),
	       (jz_money_format(rq.balance_fen, d, sizeof d), d));
	printf("申请金额：%s 元\n已写入 %s\n", (jz_money_format(rq.asked_fen, a, sizeof a), a), out);
	return 0;
}

int jz_cmd_fund(jz_cli *c)
{
	const char *v = c->argc > 1 ? c->argv[1] : "";
	if (!strcmp(v, "allocate") || !strcmp(v, "return") || !strcmp(v, "adjust"))
		return cmd_move(c, v);
	if (!strcmp(v, "balance"))
		return cmd_balance(c);
	if (!strcmp(v, "statement"))
		return cmd_statement(c);
	if (!strcmp(v, "request"))
		return cmd_request(c);
	if (!strcmp(v, "list"))
		return cmd_list(c);
	if (*v)
		fprintf(stderr, "jiuzhu: fund 没有「%s」这个子命令\n", v);
	fputs(USAGE, stderr);
	return 1;
}
