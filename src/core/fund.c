/* fund.c — the township's reserve fund (临时救助备用金, see fund.h): the
 * four movements, each one transaction with its event (entity "fund"); the
 * rules of a payment (scope, approval, county record, 一事一议, balance);
 * the low-balance warning; the statement of a period and its workbook; the
 * top-up request (申请拨付表). Money is integer fen throughout. */
#include "core/fund.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/record.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "io/xlsx_table.h"
#include "store/township_store.h"

#define YUAN(fen, buf) (jz_money_format((fen), (buf), sizeof(buf)), (buf))

/* ---- checks shared by the movements ---- */

/* date (NULL: today) into day; refused when not a real date or later than
 * today (the ledger records what happened). */
static int movement_day(const char *date, char day[11], jz_err *e)
{
	char today[11];
	jz_today(today);
	if (!date || !*date) {
		memcpy(day, today, 11);
		return 0;
	}
	if (!jz_date_valid(date))
		return jz_fail(e, JZ_EUSER, "日期「%s」无效，应写成 YYYY-MM-DD，例如 %s", date, today);
	if (strcmp(date, today) > 0)
		return jz_fail(e, JZ_EUSER, "日期 %s 晚于今天（%s）：台账只记已经发生的收支", date, today);
	snprintf(day, 11, "%s", date);
	return 0;
}

static int need_text(const char *v, const char *what, jz_err *e)
{
	for (const char *p = v; p && *p; p++)
		if (*p != ' ' && *p != '\t')
			return 0;
	return jz_fail(e, JZ_EUSER, "请填写%s", what);
}

static int need_amount(long long fen, jz_err *e)
{
	if (fen <= 0)
		return jz_fail(e, JZ_EUSER, "金额必须大于 0（更正错账请用「调整」）");
	if (fen > 100000000000LL) /* 10 亿元: a typing error */
		return jz_fail(e, JZ_EUSER, "金额太大，请核对");
	return 0;
}

static int need_role(const jz_session *s, const char *role, const char *what, jz_err *e)
{
	if (jz_session_has_role(s, role))
		return 0;
	return jz_fail(e, JZ_EUSER, "「%s」要由有「%s」角色的操作员办理，%s（%s）没有这个角色",
		       what, role, s->op.name, s->op.login);
}

/* Refuses taking fen out on day when the balance on day or any later day
 * with a movement would go below zero; the message shows the balance. */
static int covers(jz_db *db, long long fen, const char *day, const char *what, jz_err *e)
{
	long long now, low;
	char low_day[11], a[32], b[32], c[32];
	if (jz_store_fund_balance(db, NULL, &now, e) || jz_store_fund_lowest_from(db, day, &low, low_day, e))
		return -1;
	if (low - fen >= 0)
		return 0;
	if (low == now)
		return jz_fail(e, JZ_EUSER, "备用金余额不足：余额 %s 元，%s %s 元，差 %s 元。"
			       "请先申请县级拨付（jiuzhu fund request）", YUAN(now, a), what, YUAN(fen, b),
			       YUAN(fen - now, c));
	return jz_fail(e, JZ_EUSER, "备用金余额不足：%s 的余额只有 %s 元，%s %s 元会使当天余额为负"
		       "（现在余额 %s 元）。请按实际日期登记，或先登记拨付", low_day, YUAN(low, a), what,
		       YUAN(fen, b), YUAN(now, c));
}

/* Writes line m and its event (the caller holds the transaction); c is the
 * case of a 支出 or 退回, or NULL. */
static int write_move(jz_session *s, struct jz_fund_move *m, const char *action,
		      const struct jz_fund_case *c, jz_err *e)
{
	jz_change ch;
	char a[32];
	long long after;
	snprintf(m->created_by, sizeof m->created_by, "%s", s->op.login);
	jz_change_init(&ch, action, "fund", m->reason);
	jz_diff_text(&ch, "类别", NULL, m->kind);
	jz_diff_text(&ch, "日期", NULL, m->on_date);
	jz_diff_text(&ch, "金额", NULL, YUAN(m->amount_fen, a));
	jz_diff_text(&ch, "文号", NULL, m->doc);
	if (c) {
		jz_diff_text(&ch, "案件", NULL, c->number);
		jz_diff_text(&ch, "姓名", NULL, c->person_name);
		ch.household_id = c->household_id;
	}
	jz_diff_text(&ch, "批准人", NULL, m->approved_by);
	if (jz_store_fund_insert(s->db, m, e) || jz_store_fund_balance(s->db, NULL, &after, e))
		return -1;
	jz_diff_text(&ch, "余额", NULL, YUAN(after, a));
	ch.entity_id = m->id;
	return jz_record(s, &ch, e);
}

/* ---- payments ---- */

static int is_approved(const struct jz_fund_case *c)
{
	return (!strcmp(c->state, "已审批") || !strcmp(c->state, "已救助")) && c->approved_fen > 0;
}

static int is_advance(const struct jz_fund_case *c)
{
	return c->advance && (!strcmp(c->kind, "急难") || !strcmp(c->cause, "疫情"));
}

static int in_scope(const struct jz_fund_case *c, jz_err *e)
{
	if (!strcmp(c->state, "不予") || !strcmp(c->state, "结案"))
		return jz_fail(e, JZ_EUSER, "临时救助案件 %s（%s）已「%s」，不能再从备用金支出", c->number,
			       c->person_name, c->state);
	if (is_approved(c) || is_advance(c))
		return 0;
	return jz_fail(e, JZ_EUSER, "临时救助案件 %s（%s）现在是「%s」，既未审批也不是先行救助，"
		       "不在备用金使用范围内：先审批（或按急难型先行救助）再支出", c->number,
		       c->person_name, c->state);
}

/* The approval standard: the case's total after fen within its approval,
 * the county's document above the township's limit, 一事一议 above the
 * usual maximum. */
static int within_standard(jz_db *db, const struct jz_fund_case *c, long long fen, const char *day,
			   jz_err *e)
{
	long long limit, usual, paid, cap;
	char a[32], b[32], d[32], f[32];
	if (jz_setting_int(db, "aid.township_limit_fen", "*", day, &limit, e) ||
	    jz_setting_int(db, "aid.usual_max_fen", "*", day, &usual, e) ||
	    jz_store_fund_case_paid(db, c->id, &paid, e))
		return -1;
	cap = is_approved(c) ? c->approved_fen : limit;
	if (paid + fen > cap) {
		const char *what = is_approved(c) ? "审批金额" : "先行救助（尚未审批）的乡镇审批上限";
		return jz_fail(e, JZ_EUSER, "超标准支出：案件 %s（%s）已支付 %s 元，再付 %s 元将超过%s %s 元"
			       "（还可支付 %s 元）", c->number, c->person_name, YUAN(paid, a), YUAN(fen, b),
			       what, YUAN(cap, d), YUAN(cap > paid ? cap - paid : 0, f));
	}
	if (paid + fen > limit && !c->county_doc[0])
		return jz_fail(e, JZ_EUSER, "案件 %s（%s）合计支付 %s 元，超过乡镇审批上限 %s 元，"
			       "须有县级审批文号：请先登记县级审批", c->number, c->person_name,
			       YUAN(paid + fen, a), YUAN(limit, b));
	if (paid + fen > usual && !c->yishi_date[0])
		return jz_fail(e, JZ_EUSER, "案件 %s（%s）合计支付 %s 元，超过临时救助一般最高金额 %s 元，"
			       "须有「一事一议」记录：请先登记一事一议", c->number, c->person_name,
			       YUAN(paid + fen, a), YUAN(usual, b));
	return 0;
}

static int pay_checks(jz_db *db, jz_rowid aid_case_id, long long fen, const char *day,
		      struct jz_fund_case *c, jz_err *e)
{
	int r = jz_store_fund_case_get(db, aid_case_id, c, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER,
			"找不到临时救助案件（编号 %lld）：备用金只能支付临时救助案件", aid_case_id);
	if (in_scope(c, e) || within_standard(db, c, fen, day, e))
		return -1;
	if (c->accepted_on[0] && strcmp(day, c->accepted_on) < 0)
		return jz_fail(e, JZ_EUSER, "支出日期 %s 早于案件 %s 的受理日期 %s", day, c->number,
			       c->accepted_on);
	return covers(db, fen, day, "本次支出", e);
}

int jz_fund_can_pay(jz_db *db, jz_rowid aid_case_id, long long fen, const char *date, jz_err *e)
{
	char day[11];
	struct jz_fund_case c;
	if (need_amount(fen, e) || movement_day(date, day, e))
		return -1;
	return pay_checks(db, aid_case_id, fen, day, &c, e);
}

int jz_fund_pay(jz_session *s, jz_rowid aid_case_id, long long fen, const char *date,
		jz_rowid *move_id, jz_err *e)
{
	struct jz_fund_move m = {0};
	struct jz_fund_case c;
	if (need_amount(fen, e) || movement_day(date, m.on_date, e))
		return -1;
	if (!jz_session_has_role(s, "经办") && !jz_session_has_role(s, "审批"))
		return need_role(s, "经办", "备用金支出", e);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (pay_checks(s->db, aid_case_id, fen, m.on_date, &c, e))
		goto fail;
	snprintf(m.kind, sizeof m.kind, "支出");
	m.amount_fen = -fen;
	m.aid_case_id = aid_case_id;
	snprintf(m.reason, sizeof m.reason, "临时救助 %s %s（%s）", c.number, c.person_name, c.cause);
	if (write_move(s, &m, "fund.pay", &c, e))
		goto fail;
	if (jz_tx_commit(s->db, e))
		goto fail;
	if (move_id)
		*move_id = m.id;
	return 0;
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_fund_case_paid(jz_db *db, jz_rowid aid_case_id, long long *fen, jz_err *e)
{
	return jz_store_fund_case_paid(db, aid_case_id, fen, e);
}

int jz_fund_balance(jz_db *db, const char *date, long long *fen, jz_err *e)
{
	return jz_store_fund_balance(db, date, fen, e);
}

/* ---- allocations, returns, adjustments ---- */

int jz_fund_allocate(jz_session *s, long long fen, const char *doc, const char *date, jz_err *e)
{
	struct jz_fund_move m = {0};
	if (need_role(s, "经办", "登记县级预拨", e) || need_amount(fen, e) ||
	    need_text(doc, "县级预拨的文号（例如 开州民发〔2026〕12号）", e) ||
	    movement_day(date, m.on_date, e))
		return -1;
	snprintf(m.kind, sizeof m.kind, "预拨");
	snprintf(m.doc, sizeof m.doc, "%s", doc);
	snprintf(m.reason, sizeof m.reason, "县级预拨 %s", doc);
	m.amount_fen = fen;
	if (jz_tx_begin(s->db, e))
		return -1;
	if (write_move(s, &m, "fund.allocate", NULL, e) || jz_tx_commit(s->db, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return 0;
}

/* A return tied to case c (NULL: none): at most what the fund paid it. */
static int return_move(jz_session *s, long long fen, const char *reason, const char *date,
		       const struct jz_fund_case *c, jz_err *e)
{
	struct jz_fund_move m = {0};
	long long paid;
	char a[32], b[32];
	if (need_role(s, "经办", "登记退回", e) || need_amount(fen, e) ||
	    need_text(reason, "退回的原因", e) || movement_day(date, m.on_date, e))
		return -1;
	if (jz_tx_begin(s->db, e))
		return -1;
	if (c && jz_store_fund_case_paid(s->db, c->id, &paid, e))
		goto fail;
	if (c && fen > paid) {
		jz_fail(e, JZ_EUSER, "案件 %s（%s）从备用金只支付了 %s 元，不能退回 %s 元", c->number,
			c->person_name, YUAN(paid, a), YUAN(fen, b));
		goto fail;
	}
	snprintf(m.kind, sizeof m.kind, "退回");
	snprintf(m.reason, sizeof m.reason, "%s", reason);
	m.amount_fen = fen;
	m.aid_case_id = c ? c->id : 0;
	if (write_move(s, &m, "fund.return", c, e) || jz_tx_commit(s->db, e))
		goto fail;
	return 0;
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_fund_return(jz_session *s, long long fen, const char *reason, const char *date,
		   jz_rowid aid_case_id, jz_err *e)
{
	struct jz_fund_case c;
	if (!aid_case_id)
		return return_move(s, fen, reason, date, NULL, e);
	int r = jz_store_fund_case_get(s->db, aid_case_id, &c, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到临时救助案件（编号 %lld）", aid_case_id);
	return return_move(s, fen, reason, date, &c, e);
}

int jz_fund_return_number(jz_session *s, long long fen, const char *reason, const char *date,
			  const char *case_number, jz_err *e)
{
	struct jz_fund_case c;
	if (!case_number || !*case_number)
		return return_move(s, fen, reason, date, NULL, e);
	int r = jz_store_fund_case_by_number(s->db, case_number, &c, e);
	if (r <= 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "找不到编号为「%s」的临时救助案件", case_number);
	return return_move(s, fen, reason, date, &c, e);
}

int jz_fund_adjust(jz_session *s, long long fen, const char *reason, const char *date, jz_err *e)
{
	struct jz_fund_move m = {0};
	if (fen == 0)
		return jz_fail(e, JZ_EUSER, "调整金额不能为 0：调增写正数，调减写负数（例如 -200）");
	if (need_role(s, "审批", "备用金调整", e) || need_amount(fen < 0 ? -fen : fen, e) ||
	    need_text(reason, "调整的原因（哪一笔错了、错在哪里）", e) || movement_day(date, m.on_date, e))
		return -1;
	snprintf(m.kind, sizeof m.kind, "调整");
	snprintf(m.reason, sizeof m.reason, "%s", reason);
	snprintf(m.approved_by, sizeof m.approved_by, "%s", s->op.login);
	m.amount_fen = fen;
	if (jz_tx_begin(s->db, e))
		return -1;
	if ((fen < 0 && covers(s->db, -fen, m.on_date, "调减", e)) ||
	    write_move(s, &m, "fund.adjust", NULL, e) || jz_tx_commit(s->db, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return 0;
}

/* ---- the warning, the statement ---- */

int jz_fund_low(jz_db *db, const char *today, long long *balance, long long *limit, jz_err *e)
{
	long long b, l;
	char day[11];
	if (!today || !*today)
		jz_today(day);
	else
		snprintf(day, sizeof day, "%s", today);
	if (jz_store_fund_balance(db, day, &b, e) ||
	    jz_setting_int(db, "fund.low_balance_fen", "*", day, &l, e))
		return -1;
	if (balance)
		*balance = b;
	if (limit)
		*limit = l;
	return b < l;
}

static int period(const char *from, const char *to, jz_err *e)
{
	if (!from || !jz_date_valid(from))
		return jz_fail(e, JZ_EUSER, "起始日期「%s」无效，应写成 YYYY-MM-DD", from ? from : "");
	if (!to || !jz_date_valid(to))
		return jz_fail(e, JZ_EUSER, "截止日期「%s」无效，应写成 YYYY-MM-DD", to ? to : "");
	if (strcmp(from, to) > 0)
		return jz_fail(e, JZ_EUSER, "起始日期 %s 晚于截止日期 %s", from, to);
	return 0;
}

static struct jz_fund_part *cause_part(struct jz_fund_statement *st, const char *name)
{
	for (int i = 0; i < st->ncauses; i++)
		if (!strcmp(st->by_cause[i].name, name))
			return &st->by_cause[i];
	if (st->ncauses == JZ_FUND_MAX_CAUSES) { /* the last line takes the rest */
		snprintf(st->by_cause[JZ_FUND_MAX_CAUSES - 1].name, sizeof st->by_cause[0].name, "其余原因");
		return &st->by_cause[JZ_FUND_MAX_CAUSES - 1];
	}
	struct jz_fund_part *p = &st->by_cause[st->ncauses++];
	snprintf(p->name, sizeof p->name, "%s", name);
	return p;
}

static int add_spent(const char *kind, const char *cause, int n, long long fen, void *arg)
{
	struct jz_fund_statement *st = arg;
	struct jz_fund_part *k = &st->by_kind[strcmp(kind, "急难") == 0 ? 0 : 1];
	struct jz_fund_part *c = cause_part(st, cause[0] ? cause : "未填原因");
	k->n += n;
	k->fen += fen;
	c->n += n;
	c->fen += fen;
	return 0;
}

/* The causes of the setting aid.causes, in its order, as empty lines. */
static void seed_causes(jz_db *db, struct jz_fund_statement *st)
{
	char list[512], *p, *save = NULL;
	jz_err ignore;
	if (jz_store_setting_get(db, "aid.causes", "*", st->to, list, sizeof list, &ignore) <= 0)
		return;
	for (p = strtok_r(list, "|", &save); p; p = strtok_r(NULL, "|", &save))
		if (*p && st->ncauses < JZ_FUND_MAX_CAUSES - 1)
			cause_part(st, p);
}

int jz_fund_statement(jz_db *db, const char *from, const char *to, struct jz_fund_statement *st,
		      jz_err *e)
{
	struct jz_fund_sums s;
	char a[32], b[32], c[32], d[32];
	memset(st, 0, sizeof *st);
	if (period(from, to, e))
		return -1;
	snprintf(st->from, sizeof st->from, "%s", from);
	snprintf(st->to, sizeof st->to, "%s", to);
	snprintf(st->by_kind[0].name, sizeof st->by_kind[0].name, "急难型");
	snprintf(st->by_kind[1].name, sizeof st->by_kind[1].name, "支出型");
	seed_causes(db, st);
	if (jz_store_fund_opening(db, from, &st->opening_fen, e) ||
	    jz_store_fund_balance(db, to, &st->closing_fen, e) || jz_store_fund_sums(db, from, to, &s, e) ||
	    jz_store_fund_spent_by(db, from, to, add_spent, st, e))
		return -1;
	st->alloc_n = s.alloc_n, st->alloc_fen = s.alloc_fen;
	st->return_n = s.return_n, st->return_fen = s.return_fen;
	st->adj_in_n = s.adj_in_n, st->adj_in_fen = s.adj_in_fen;
	st->spent_n = s.spent_n, st->spent_fen = s.spent_fen;
	st->adj_out_n = s.adj_out_n, st->adj_out_fen = s.adj_out_fen;
	st->in_fen = s.alloc_fen + s.return_fen + s.adj_in_fen;
	st->out_fen = s.spent_fen + s.adj_out_fen;
	if (st->opening_fen + st->in_fen - st->out_fen != st->closing_fen ||
	    st->by_kind[0].fen + st->by_kind[1].fen != st->spent_fen)
		return jz_fail(e, JZ_EDATA, "备用金台账对不上：期初 %s + 收入 %s - 支出 %s ≠ 期末 %s，"
			       "请检查数据文件", YUAN(st->opening_fen, a), YUAN(st->in_fen, b),
			       YUAN(st->out_fen, c), YUAN(st->closing_fen, d));
	return 0;
}

static void township_name(jz_db *db, char *buf, size_t n)
{
	jz_township t;
	jz_err ignore;
	if (jz_store_township_get(db, &t, &ignore) > 0)
		snprintf(buf, n, "%s", t.name);
	else
		buf[0] = '\0';
}

static void stmt_row(jz_xwriter *w, const char *label, int n, int show_n, long long fen)
{
	char num[16];
	snprintf(num, sizeof num, "%d", n);
	const char *cells[3] = {label, show_n ? num : "", NULL};
	long long v[3] = {0, 0, fen};
	jz_xtable_row(w, cells, v);
}

int jz_fund_statement_xlsx(jz_db *db, const struct jz_fund_statement *st, const char *path,
			   jz_err *e)
{
	static const struct jz_xcol cols[] = {
		{"项目", JZ_CELL_TEXT, 30}, {"笔数", JZ_CELL_TEXT, 8}, {"金额（元）", JZ_CELL_MONEY, 16}};
	char name[96], title[200], note[120], footer[400], today[11], a[32], b[32], c[32], d[32];
	char label[96];
	township_name(db, name, sizeof name);
	jz_today(today);
	snprintf(title, sizeof title, "%s临时救助备用金收支情况表", name);
	snprintf(note, sizeof note, "期间：%s 至 %s　　金额单位：元", st->from, st->to);
	snprintf(footer, sizeof footer, "核对：期初 %s + 收入 %s - 支出 %s = 期末 %s　　制表：＿＿＿＿　"
		 "审核：＿＿＿＿　　制表日期：%s", YUAN(st->opening_fen, a), YUAN(st->in_fen, b),
		 YUAN(st->out_fen, c), YUAN(st->closing_fen, d), today);
	struct jz_xtable t = {path, "收支情况", title, note, footer, cols, 3, -1};
	jz_xwriter *w = jz_xtable_open(&t, e);
	if (!w)
		return -1;
	stmt_row(w, "一、期初余额", 0, 0, st->opening_fen);
	stmt_row(w, "二、本期收入", st->alloc_n + st->return_n + st->adj_in_n, 1, st->in_fen);
	stmt_row(w, "　　县级预拨", st->alloc_n, 1, st->alloc_fen);
	stmt_row(w, "　　退回", st->return_n, 1, st->return_fen);
	stmt_row(w, "　　调整（调增）", st->adj_in_n, 1, st->adj_in_fen);
	stmt_row(w, "三、本期支出", st->spent_n + st->adj_out_n, 1, st->out_fen);
	stmt_row(w, "　　临时救助支出", st->spent_n, 1, st->spent_fen);
	for (int i = 0; i < 2; i++) {
		snprintf(label, sizeof label, "　　　其中：%s", st->by_kind[i].name);
		stmt_row(w, label, st->by_kind[i].n, 1, st->by_kind[i].fen);
	}
	for (int i = 0; i < st->ncauses; i++) {
		snprintf(label, sizeof label, "　　　按原因：%s", st->by_cause[i].name);
		stmt_row(w, label, st->by_cause[i].n, 1, st->by_cause[i].fen);
	}
	stmt_row(w, "　　调整（调减）", st->adj_out_n, 1, st->adj_out_fen);
	stmt_row(w, "四、期末余额", 0, 0, st->closing_fen);
	return jz_xtable_close(w, e);
}

/* ---- the ledger lines, the top-up request ---- */

struct lines_arg {
	long long balance;
	jz_fund_line_fn fn;
	void *arg;
};

static int each_line(const struct jz_fund_move *m, void *arg)
{
	struct lines_arg *la = arg;
	la->balance += m->amount_fen;
	return la->fn(m, la->balance, la->arg);
}

int jz_fund_lines(jz_db *db, const char *from, const char *to, jz_fund_line_fn fn, void *arg,
		  jz_err *e)
{
	struct lines_arg la = {0, fn, arg};
	if (period(from, to, e) || jz_store_fund_opening(db, from, &la.balance, e))
		return -1;
	return jz_store_fund_moves(db, from, to, NULL, each_line, &la, e);
}

struct request_arg {
	jz_xwriter *w;
	int seq;
};

static int request_row(const struct jz_fund_move *m, void *arg)
{
	struct request_arg *ra = arg;
	ra->seq++;
	const char *cells[7] = {NULL, m->on_date, m->case_number, m->person_name, m->case_kind, m->cause, NULL};
	long long v[7] = {ra->seq, 0, 0, 0, 0, 0, -m->amount_fen};
	jz_xtable_row(ra->w, cells, v);
	return 0;
}

/* The amount asked (see fund.h). */
static int request_amount(struct jz_fund_request *rq, long long asked, jz_err *e)
{
	long long use = rq->spent_fen - rq->return_fen, gap = rq->low_fen - rq->balance_fen;
	char a[32], b[32];
	if (asked > 0) {
		rq->asked_fen = asked;
		return 0;
	}
	rq->asked_fen = use > gap ? use : gap;
	if (rq->asked_fen > 0)
		return 0;
	return jz_fail(e, JZ_EUSER, "%s 至 %s 备用金没有净支出，余额 %s 元也不低于提醒线 %s 元，"
		       "不需要申请拨付；确要申请请写明金额（--amount 元）", rq->from, rq->to,
		       YUAN(rq->balance_fen, a), YUAN(rq->low_fen, b));
}

static int request_figures(jz_db *db, const char *from, const char *to, long long asked,
			   struct jz_fund_request *rq, jz_err *e)
{
	struct jz_fund_sums s;
	memset(rq, 0, sizeof *rq);
	if (period(from, to, e))
		return -1;
	snprintf(rq->from, sizeof rq->from, "%s", from);
	snprintf(rq->to, sizeof rq->to, "%s", to);
	jz_today(rq->on);
	if (jz_store_fund_sums(db, from, to, &s, e) ||
	    jz_fund_low(db, rq->on, &rq->balance_fen, &rq->low_fen, e) < 0)
		return -1;
	rq->spent_n = s.spent_n, rq->spent_fen = s.spent_fen;
	rq->return_n = s.return_n, rq->return_fen = s.return_fen;
	return request_amount(rq, asked, e);
}

int jz_fund_request(jz_db *db, const char *from, const char *to, long long asked_fen,
		    const char *path, struct jz_fund_request *rq, jz_err *e)
{
	static const struct jz_xcol cols[] = {
		{"序号", JZ_CELL_INT, 6}, {"支出日期", JZ_CELL_TEXT, 12}, {"案件编号", JZ_CELL_TEXT, 18},
		{"姓名", JZ_CELL_TEXT, 10}, {"类型", JZ_CELL_TEXT, 8}, {"原因", JZ_CELL_TEXT, 12},
		{"金额（元）", JZ_CELL_MONEY, 14}};
	char name[96], title[200], note[600], footer[300], a[32], b[32], c[32], d[32], f[32];
	if (request_figures(db, from, to, asked_fen, rq, e))
		return -1;
	township_name(db, name, sizeof name);
	snprintf(title, sizeof title, "%s临时救助备用金申请拨付表", name);
	snprintf(note, sizeof note, "期间 %s 至 %s：支出 %d 笔 %s 元，退回 %d 笔 %s 元；%s 余额 %s 元"
		 "（提醒线 %s 元）；申请拨付 %s 元", rq->from, rq->to, rq->spent_n, YUAN(rq->spent_fen, a),
		 rq->return_n, YUAN(rq->return_fen, b), rq->on, YUAN(rq->balance_fen, c),
		 YUAN(rq->low_fen, d), YUAN(rq->asked_fen, f));
	snprintf(footer, sizeof footer, "经办人：＿＿＿＿　　审批人：＿＿＿＿　　乡镇（街道）盖章　　日期：%s",
		 rq->on);
	struct jz_xtable t = {path, "申请拨付", title, note, footer, cols, 7, 6};
	struct request_arg ra = {jz_xtable_open(&t, e), 0};
	if (!ra.w)
		return -1;
	int rc = jz_store_fund_moves(db, from, to, "支出", request_row, &ra, e);
	int rc2 = jz_xtable_close(ra.w, rc ? NULL : e);
	return rc || rc2 ? -1 : 0;
}
