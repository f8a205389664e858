/* aid_pay.c — paying 临时救助 (see aid.h): one payment or the next of a
 * staged plan (一次审批、分阶段救助), always out of the township's reserve
 * fund (jz_fund_pay) and never above the approval nor, above the township
 * limit, before the county's decision; and the 事后补充说明 of a 先行 case. */
#include <stdio.h>
#include <string.h>

#include "core/aid.h"
#include "core/clock.h"
#include "core/fund.h"
#include "core/household.h"
#include "store/aid_store.h"

#define MAX_STAGES 24 /* a plan; the lists below hold it and the payments made before */

int jz_aid_pay_in_tx(jz_session *s, jz_aid *a, jz_rowid stage_id, long long fen,
		     const char *method, const char *date, struct jz_aid_payment *out, jz_err *e)
{
	struct jz_aid_payment p = {0}, v[MAX_STAGES + 40];
	jz_rowid move = 0;
	char line[200], yuan[32];
	long long paid, planned;
	int n = 0;
	if (stage_id) {
		n = jz_store_aid_payments(s->db, a->id, v, MAX_STAGES + 40, e);
		if (n < 0)
			return -1;
		for (int i = 0; i < n && i < MAX_STAGES + 40; i++)
			if (v[i].id == stage_id)
				p = v[i];
		if (!p.id)
			return jz_fail(e, JZ_EDATA, "找不到案件 %s 的这一期发放", a->number);
	} else {
		int seq = jz_store_aid_max_seq(s->db, a->id, e);
		if (seq < 0)
			return -1;
		p.aid_case_id = a->id;
		p.seq = seq + 1;
		snprintf(p.due_on, sizeof p.due_on, "%s", date);
		p.amount_fen = fen;
	}
	/* The fund first: it refuses an overdraft or a case out of scope. */
	if (jz_fund_pay(s, a->id, fen, date, &move, e))
		return -1;
	snprintf(p.paid_on, sizeof p.paid_on, "%s", date);
	snprintf(p.method, sizeof p.method, "%s", method);
	p.fund_move_id = move;
	if ((stage_id ? jz_store_aid_payment_update(s->db, &p, e) : jz_store_aid_payment_insert(s->db, &p, e)) ||
	    jz_store_aid_sums(s->db, a->id, &paid, &planned, e))
		return -1;
	if (*a->approved_on && !strcmp(a->state, "已审批") && paid >= a->approved_fen && planned == 0) {
		snprintf(a->state, sizeof a->state, "已救助");
		if (jz_store_aid_update(s->db, a, e))
			return -1;
	}
	jz_aid_yuan(fen, yuan, sizeof yuan);
	snprintf(line, sizeof line, "第 %d 次发放 %s 元，%s，%s%s", p.seq, yuan, method, date,
		 a->advance && !*a->approved_on ? "（先行救助）" : "");
	if (jz_aid_record(s, a, "aid.pay", a->advance && !*a->approved_on ? "先行救助发放" : "发放临时救助金", line, e))
		return -1;
	if (out)
		*out = p;
	return 0;
}

/* Why a case cannot be paid now, or 0. */
static int payable(jz_db *db, const jz_aid *a, jz_err *e)
{
	char x[32];
	if (!strcmp(a->state, "已救助"))
		return jz_fail(e, JZ_EUSER, "案件 %s 审批的金额已经全部发放", a->number);
	if (!strcmp(a->state, "不予") || !strcmp(a->state, "结案"))
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，不能发放", a->number, a->state);
	if (strcmp(a->state, "已审批"))
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」，还没有审批，不能发放%s", a->number, a->state,
			       a->advance ? "（先行救助已在受理时发放，其余要等审批）" : "");
	int need = jz_aid_needs_county(db, a, e);
	if (need < 0)
		return -1;
	if (need && !*a->county_doc) {
		jz_aid_yuan(a->approved_fen, x, sizeof x);
		return jz_fail(e, JZ_EUSER, "案件 %s 审批金额 %s 元超过乡镇审批额度，须县民政局审批后才能发放："
			       "请先记录县审批文号和日期（aid step %s --doc 文号 --doc-date YYYY-MM-DD）",
			       a->number, x, a->number);
	}
	return 0;
}

/* The first stage not paid yet, or NULL. */
static const struct jz_aid_payment *next_stage(const struct jz_aid_payment *v, int n)
{
	for (int i = 0; i < n; i++)
		if (!*v[i].paid_on)
			return &v[i];
	return NULL;
}

int jz_aid_pay(jz_session *s, jz_rowid id, long long fen, const char *method, const char *date,
	       struct jz_aid_payment *out, jz_err *e)
{
	jz_aid a;
	struct jz_aid_payment v[MAX_STAGES + 40];
	long long paid, planned;
	char today[11], x[32], y[32], z[32];
	jz_today(today);
	if (!method || !*method)
		method = "现金";
	if (!date || !*date)
		date = today;
	if (jz_aid_need_role(s, "经办", "发放临时救助金", e) ||
	    jz_check_choice("method", "发放方式", method, jz_aid_methods, 0, e))
		return -1;
	if (!jz_date_valid(date))
		return jz_fail_field(e, JZ_EUSER, "date", "发放日期「%s」不对，应写成 YYYY-MM-DD", date);
	if (strcmp(date, today) > 0)
		return jz_fail_field(e, JZ_EUSER, "date", "发放日期 %s 在今天之后：发放时再记录", date);
	if (fen < 0)
		return jz_fail(e, JZ_EUSER, "发放金额不能是负数");
	if (jz_aid_get(s->db, id, &a, e) || payable(s->db, &a, e))
		return -1;
	if (strcmp(date, a.approved_on) < 0)
		return jz_fail_field(e, JZ_EUSER, "date", "发放日期 %s 在审批日期 %s 之前，请核对", date, a.approved_on);
	int n = jz_store_aid_payments(s->db, a.id, v, MAX_STAGES + 40, e);
	if (n < 0 || jz_store_aid_sums(s->db, a.id, &paid, &planned, e))
		return -1;
	const struct jz_aid_payment *st = next_stage(v, n < MAX_STAGES + 40 ? n : MAX_STAGES + 40);
	if (st) {
		jz_aid_yuan(st->amount_fen, x, sizeof x);
		if (fen && fen != st->amount_fen)
			return jz_fail(e, JZ_EUSER, "案件 %s 按分期发放：第 %d 期应发 %s 元（%s 起），请按计划发放或先改分期计划",
				       a.number, st->seq, x, st->due_on);
		if (strcmp(date, st->due_on) < 0)
			return jz_fail(e, JZ_EUSER, "案件 %s 第 %d 期定于 %s 发放，还没到时候", a.number, st->seq, st->due_on);
		fen = st->amount_fen;
	} else {
		long long left = a.approved_fen - paid;
		if (!fen)
			fen = left;
		if (fen <= 0 || fen > left) {
			jz_aid_yuan(a.approved_fen, x, sizeof x);
			jz_aid_yuan(paid, y, sizeof y);
			jz_aid_yuan(left, z, sizeof z);
			return jz_fail(e, JZ_EUSER, "%s：案件 %s 审批 %s 元，已发放 %s 元，最多还能发 %s 元",
				       fen <= 0 ? "发放金额要大于 0" : "超过审批金额", a.number, x, y, z);
		}
	}
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_aid_pay_in_tx(s, &a, st ? st->id : 0, fen, method, date, out, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

static int check_stages(const jz_aid *a, const struct jz_aid_stage *v, int n, long long paid, jz_err *e)
{
	long long sum = 0;
	char x[32], y[32], z[32];
	if (n < 1 || n > MAX_STAGES)
		return jz_fail(e, JZ_EUSER, "分期发放要有 1 到 %d 期", MAX_STAGES);
	for (int i = 0; i < n; i++) {
		if (!jz_date_valid(v[i].due_on))
			return jz_fail(e, JZ_EUSER, "第 %d 期的日期「%s」不对，应写成 YYYY-MM-DD", i + 1, v[i].due_on);
		if (strcmp(v[i].due_on, a->approved_on) < 0)
			return jz_fail(e, JZ_EUSER, "第 %d 期的日期 %s 在审批日期 %s 之前", i + 1, v[i].due_on, a->approved_on);
		if (i && strcmp(v[i].due_on, v[i - 1].due_on) < 0)
			return jz_fail(e, JZ_EUSER, "分期要按日期先后排列：第 %d 期 %s 早于第 %d 期 %s", i + 1, v[i].due_on,
				       i, v[i - 1].due_on);
		if (v[i].fen <= 0)
			return jz_fail(e, JZ_EUSER, "第 %d 期的金额要大于 0", i + 1);
		sum += v[i].fen;
	}
	if (paid + sum > a->approved_fen) {
		jz_aid_yuan(a->approved_fen, x, sizeof x);
		jz_aid_yuan(paid, y, sizeof y);
		jz_aid_yuan(sum, z, sizeof z);
		return jz_fail(e, JZ_EUSER, "分期合计 %s 元，加上已发放的 %s 元，超过审批金额 %s 元", z, y, x);
	}
	return 0;
}

int jz_aid_schedule(jz_session *s, jz_rowid id, const struct jz_aid_stage *v, int n, jz_err *e)
{
	jz_aid a;
	long long paid, planned;
	char line[1024], yuan[32];
	if (jz_aid_need_role(s, "经办", "安排分期发放", e) || jz_aid_get(s->db, id, &a, e))
		return -1;
	if (strcmp(a.state, "已审批"))
		return jz_fail(e, JZ_EUSER, "案件 %s 现在是「%s」：只有已审批、还没发完的案件可以安排分期发放", a.number,
			       a.state);
	if (jz_store_aid_sums(s->db, a.id, &paid, &planned, e) || check_stages(&a, v, n, paid, e))
		return -1;
	if (jz_tx_begin(s->db, e))
		return -1;
	int seq = 0;
	if (jz_store_aid_unpaid_delete(s->db, a.id, e) || (seq = jz_store_aid_max_seq(s->db, a.id, e)) < 0)
		goto fail;
	line[0] = '\0';
	for (int i = 0; i < n; i++) {
		struct jz_aid_payment p = {.aid_case_id = a.id, .seq = seq + 1 + i, .amount_fen = v[i].fen};
		snprintf(p.due_on, sizeof p.due_on, "%s", v[i].due_on);
		if (jz_store_aid_payment_insert(s->db, &p, e))
			goto fail;
		jz_aid_yuan(v[i].fen, yuan, sizeof yuan);
		size_t len = strlen(line);
		snprintf(line + len, sizeof line - len, "%s第 %d 期 %s %s 元", i ? "；" : "", p.seq, p.due_on, yuan);
	}
	if (jz_aid_record(s, &a, "aid.schedule", "一次审批、分阶段救助", line, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_aid_paperwork(jz_session *s, jz_rowid id, const char *note, jz_err *e)
{
	jz_aid a;
	char today[11];
	const char *role;
	jz_today(today);
	if (jz_aid_need_role(s, "经办", "事后补充说明", e) || jz_aid_get(s->db, id, &a, e))
		return -1;
	if (!a.advance)
		return jz_fail(e, JZ_EUSER, "案件 %s 不是先行救助，不需要事后补充说明", a.number);
	if (*a.paperwork_done_on)
		return jz_fail(e, JZ_EUSER, "案件 %s 的事后补充说明已于 %s 办结", a.number, a.paperwork_done_on);
	if (!*a.approved_on && strcmp(a.state, "不予")) {
		const char *step = jz_aid_next_step(&a, &role);
		return jz_fail(e, JZ_EUSER, "案件 %s 的调查、审核、审批记录还没补齐（现在是「%s」，下一步：%s，由%s办理）："
			       "先行救助的手续要先补齐，再写事后补充说明", a.number, a.state, step ? step : "",
			       role ? role : "");
	}
	if (!note || !*note)
		return jz_fail_field(e, JZ_EUSER, "note", "请写明事后补充说明（先行救助的情况和理由）");
	if (strlen(note) > 600)
		return jz_fail_field(e, JZ_EUSER, "note", "事后补充说明太长（最多 200 个汉字），请精简");
	memcpy(a.paperwork_done_on, today, sizeof a.paperwork_done_on);
	return jz_aid_save(s, &a, "aid.paperwork", *a.paperwork_due && strcmp(today, a.paperwork_due) > 0
							   ? "事后补充说明（逾期）"
							   : "事后补充说明",
			   note, e);
}
