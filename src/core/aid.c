/* aid.c — 临时救助: accepting a case (for a person of the township or not),
 * 跟进救助, 转介, 个案会商, conversion to a 低保/特困 application, reading,
 * and what the aid_*.c files share (see aid.h). Steps are aid_step.c,
 * payments aid_pay.c, dues, figures and receipts aid_report.c. */
#include "core/aid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case_util.h"
#include "core/clock.h"
#include "core/household.h"
#include "core/id.h"
#include "core/record.h"
#include "core/settings.h"
#include "core/workdays.h"
#include "store/aid_store.h"
#include "store/case_store.h"
#include "store/people.h"

const char *const jz_aid_kinds[] = {"急难", "支出", NULL};
const char *const jz_aid_methods[] = {"现金", "银行", NULL};

/* ---- shared ---- */

int jz_aid_need_role(const jz_session *s, const char *role, const char *what, jz_err *e)
{
	return jz_case_need_role(s, role, what, e);
}

void jz_aid_yuan(long long fen, char *buf, size_t n)
{
	snprintf(buf, n, "%s%lld.%02lld", fen < 0 ? "-" : "", llabs(fen) / 100, llabs(fen) % 100);
}

int jz_aid_record(jz_session *s, const jz_aid *a, const char *action, const char *why,
		  const char *detail, jz_err *e)
{
	jz_change ch;
	jz_change_init(&ch, action, "aid_case", why);
	jz_diff_text(&ch, "案件", NULL, a->number);
	jz_diff_text(&ch, "项目", NULL, "临时救助");
	jz_diff_text(&ch, "状态", NULL, a->state);
	if (detail && *detail)
		jz_diff_text(&ch, "内容", NULL, detail);
	ch.entity_id = a->id;
	ch.household_id = a->household_id;
	return jz_record(s, &ch, e);
}

int jz_aid_save(jz_session *s, jz_aid *a, const char *action, const char *why, const char *detail,
		jz_err *e)
{
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_aid_update(s->db, a, e) || jz_aid_record(s, a, action, why, detail, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_aid_limits(jz_db *db, const char *date, long long *township_fen, long long *usual_fen,
		  jz_err *e)
{
	return jz_setting_int(db, "aid.township_limit_fen", "*", date, township_fen, e) ||
	       jz_setting_int(db, "aid.usual_max_fen", "*", date, usual_fen, e)
		       ? -1
		       : 0;
}

long long jz_aid_paid(jz_db *db, jz_rowid id, jz_err *e)
{
	long long paid = 0;
	return jz_store_aid_sums(db, id, &paid, NULL, e) ? -1 : paid;
}

int jz_aid_get(jz_db *db, jz_rowid id, jz_aid *a, jz_err *e)
{
	int r = jz_store_aid_get(db, id, a, e);
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到临时救助案件（编号 %lld）", id);
	return r < 0 ? -1 : 0;
}

int jz_aid_load(jz_db *db, const char *key, jz_aid *a, jz_err *e)
{
	int r = jz_store_aid_by_number(db, key, a, e);
	if (r == 0) {
		char *end;
		long long id = strtoll(key, &end, 10);
		if (*key && !*end)
			r = jz_store_aid_get(db, id, a, e);
	}
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "找不到临时救助案件「%s」：请写案件编号，例如 LS2026-0001", key);
	return r < 0 ? -1 : 0;
}

int jz_aid_payments(jz_db *db, jz_rowid id, struct jz_aid_payment *out, int max, jz_err *e)
{
	return jz_store_aid_payments(db, id, out, max, e);
}

int jz_aid_causes(jz_db *db, char (*out)[JZ_AID_CAUSE_MAX], int max, jz_err *e)
{
	char list[1024], today[11], *save = NULL;
	int n = 0;
	jz_today(today);
	if (jz_setting_text(db, "aid.causes", "*", today, list, sizeof list, e))
		return -1;
	for (char *t = strtok_r(list, "|", &save); t && n < max; t = strtok_r(NULL, "|", &save))
		if (*t)
			snprintf(out[n++], JZ_AID_CAUSE_MAX, "%s", t);
	return n;
}

static int check_cause(jz_db *db, const char *cause, jz_err *e)
{
	char list[32][JZ_AID_CAUSE_MAX];
	const char *ptrs[33];
	int n = jz_aid_causes(db, list, 32, e);
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		ptrs[i] = list[i];
	ptrs[n] = NULL;
	return jz_check_choice("cause", "救助原因", cause ? cause : "", ptrs, 0, e);
}

/* Refuses text too long for its field (size bytes with the NUL). */
static int check_len(const char *field, const char *v, size_t size, jz_err *e)
{
	if (v && strlen(v) >= size)
		return jz_fail(e, JZ_EUSER, "「%s」太长（最多 %zu 个汉字），请精简", field, (size - 1) / 3);
	return 0;
}

/* ---- accepting ---- */

/* The person of a case: found by ID, or created outside any household
 * (non-local) when unknown, with name and where he is from. */
static int find_person(jz_session *s, const struct jz_aid_new *in, const char *today, jz_person *p,
		       jz_err *e)
{
	char id[19];
	if (jz_id_normalize(in->id_number, today, 1, id, NULL, e))
		return -1;
	int r = jz_store_person_by_idno(s->db, id, p, e);
	if (r < 0)
		return -1;
	if (r) {
		if (*p->deceased_on)
			return jz_fail(e, JZ_EUSER, "身份证号 %s（%s）已于 %s 登记死亡，不能受理临时救助", id, p->name,
				       p->deceased_on);
		if (in->name && *in->name && strcmp(in->name, p->name))
			return jz_fail(e, JZ_EUSER, "身份证号 %s 登记的姓名是「%s」，不是「%s」，请核对", id, p->name,
				       in->name);
		return 0;
	}
	if (!in->name || !*in->name || !in->hukou || !*in->hukou)
		return jz_fail(e, JZ_EUSER, "本乡镇没有身份证号为 %s 的人员：非本地户籍人员请写姓名和户籍地"
			       "（--name 姓名 --from 户籍地）", id);
	memset(p, 0, sizeof *p);
	snprintf(p->id_number, sizeof p->id_number, "%s", id);
	snprintf(p->name, sizeof p->name, "%s", in->name);
	if (check_len("户籍地", in->hukou, sizeof p->hukou, e))
		return -1;
	snprintf(p->hukou, sizeof p->hukou, "%s", in->hukou);
	if (jz_person_validate(p, today, e) || jz_store_person_insert(s->db, p, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "person.add", "person", "临时救助登记（非本乡镇户籍）");
	jz_person_diff(&c, NULL, p);
	c.entity_id = p->id;
	return jz_record(s, &c, e);
}

static int check_new(jz_db *db, const struct jz_aid_new *in, const char *today, jz_err *e)
{
	long long limit, usual;
	char a[32], b[32];
	if (jz_check_choice("kind", "救助类型", in->kind ? in->kind : "", jz_aid_kinds, 0, e) ||
	    check_cause(db, in->cause, e) ||
	    (in->method && jz_check_choice("method", "发放方式", in->method, jz_aid_methods, 0, e)) ||
	    check_len("困难情况", in->need, sizeof ((jz_aid *)0)->need, e) ||
	    check_len("证明材料", in->evidence, sizeof ((jz_aid *)0)->evidence, e) ||
	    check_len("户籍地", in->hukou, sizeof ((jz_aid *)0)->hukou, e))
		return -1;
	if (in->asked_fen <= 0)
		return jz_fail_field(e, JZ_EUSER, "amount", "申请金额要大于 0");
	if (in->persons < 0 || in->persons > 99)
		return jz_fail_field(e, JZ_EUSER, "persons", "救助人数 %d 不对，应在 1 到 99 之间", in->persons);
	if (!in->advance)
		return 0;
	if (strcmp(in->kind, "急难") && strcmp(in->cause, "疫情"))
		return jz_fail(e, JZ_EUSER, "先行救助只用于急难型临时救助（因疫情的任何类型也可以）；支出型请按受理、调查、审核、审批办理");
	if (jz_aid_limits(db, today, &limit, &usual, e))
		return -1;
	if (in->asked_fen > limit) {
		jz_aid_yuan(in->asked_fen, a, sizeof a);
		jz_aid_yuan(limit, b, sizeof b);
		return jz_fail(e, JZ_EUSER, "先行救助金额 %s 元超过乡镇审批额度 %s 元：先行救助只能在乡镇额度内，"
			       "超过部分须报县民政局审批，请降低先行金额，其余按审批程序办理", a, b);
	}
	return 0;
}

static int fill_number(jz_db *db, jz_aid *a, const char *today, jz_err *e)
{
	char prefix[16];
	snprintf(prefix, sizeof prefix, "LS%.4s-", today);
	int serial = jz_store_aid_max_serial(db, prefix, e);
	if (serial < 0)
		return -1;
	snprintf(a->number, sizeof a->number, "%s%04u", prefix, (unsigned)(serial + 1) % 1000000u);
	return 0;
}

static void fill_new(jz_aid *a, const struct jz_aid_new *in, const jz_person *p, const char *login,
		     const char *today)
{
	memset(a, 0, sizeof *a);
	a->person_id = p->id;
	a->household_id = p->household_id;
	a->non_local = p->household_id == 0;
	/* where a non-local person is from: his record, else as typed now */
	snprintf(a->hukou, sizeof a->hukou, "%s", *p->hukou || !a->non_local || !in->hukou ? p->hukou : in->hukou);
	snprintf(a->kind, sizeof a->kind, "%s", in->kind);
	snprintf(a->cause, sizeof a->cause, "%s", in->cause);
	snprintf(a->need, sizeof a->need, "%s", in->need ? in->need : "");
	snprintf(a->evidence, sizeof a->evidence, "%s", in->evidence ? in->evidence : "");
	a->asked_fen = in->asked_fen;
	a->persons = in->persons ? in->persons : 1;
	a->advance = in->advance != 0;
	snprintf(a->state, sizeof a->state, "受理");
	memcpy(a->accepted_on, today, sizeof a->accepted_on);
	snprintf(a->accepted_by, sizeof a->accepted_by, "%s", login);
}

/* 先行救助: paid at once, the paperwork due some working days later. */
static int advance_pay(jz_session *s, jz_aid *a, const struct jz_aid_new *in, const char *today,
		       jz_err *e)
{
	long long days;
	if (jz_setting_int(s->db, "aid.paperwork_workdays", "*", today, &days, e) ||
	    jz_workdays_add(s->db, today, (int)days, a->paperwork_due, e))
		return -1;
	a->approved_fen = a->asked_fen; /* what the township decided on the spot */
	if (jz_store_aid_update(s->db, a, e))
		return -1;
	return jz_aid_pay_in_tx(s, a, 0, a->asked_fen, in->method ? in->method : "现金", today, NULL, e);
}

static int create(jz_session *s, const struct jz_aid_new *in, jz_rowid followup_of, jz_aid *out,
		  jz_err *e)
{
	char today[11], what[320], amount[32];
	jz_person p;
	jz_aid a;
	jz_today(today);
	if (jz_aid_need_role(s, "经办", "受理临时救助", e) || check_new(s->db, in, today, e))
		return -1;
	if (jz_tx_begin(s->db, e))
		return -1;
	if (find_person(s, in, today, &p, e))
		goto fail;
	fill_new(&a, in, &p, s->op.login, today);
	a.followup_of = followup_of;
	if (fill_number(s->db, &a, today, e) || jz_store_aid_insert(s->db, &a, e))
		goto fail;
	jz_aid_yuan(a.asked_fen, amount, sizeof amount);
	snprintf(what, sizeof what, "%s %s型，%s，申请 %s 元%s%s", p.name, a.kind, a.cause, amount,
		 a.non_local ? "，非本地户籍" : "", a.advance ? "，先行救助" : "");
	if (jz_aid_record(s, &a, followup_of ? "aid.followup" : "aid.new",
			  followup_of ? "跟进救助受理" : "受理临时救助", what, e))
		goto fail;
	if (a.advance && advance_pay(s, &a, in, today, e))
		goto fail;
	if (out && jz_aid_get(s->db, a.id, out, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_aid_new(jz_session *s, const struct jz_aid_new *in, jz_aid *out, jz_err *e)
{
	return create(s, in, 0, out, e);
}

int jz_aid_followup(jz_session *s, jz_rowid first_id, const struct jz_aid_new *in, jz_aid *out,
		    jz_err *e)
{
	jz_aid first;
	jz_person p;
	if (jz_aid_get(s->db, first_id, &first, e))
		return -1;
	long long paid = jz_aid_paid(s->db, first.id, e);
	if (paid < 0)
		return -1;
	if (paid == 0)
		return jz_fail(e, JZ_EUSER, "案件 %s 还没有发放救助金：跟进救助要在首次救助（先行救助）发放之后", first.number);
	if (jz_store_person_get(s->db, first.person_id, &p, e) <= 0)
		return jz_fail(e, JZ_EDATA, "案件 %s 的救助对象不见了", first.number);
	struct jz_aid_new n = *in;
	n.id_number = p.id_number;
	n.name = NULL;
	n.hukou = NULL;
	if (!n.kind || !*n.kind)
		n.kind = "支出";
	if (!n.cause || !*n.cause)
		n.cause = first.cause;
	return create(s, &n, first.id, out, e);
}

/* ---- the rest of a case's life ---- */

int jz_aid_refer(jz_session *s, jz_rowid id, const char *department, const char *note, jz_err *e)
{
	static const char *const departments[] = {"教育", "医疗保障", "住房城乡建设", "人力资源和社会保障",
		"残联", "乡村振兴", "慈善组织", "其他", NULL};
	jz_aid a;
	char line[400];
	if (jz_aid_need_role(s, "经办", "转介", e) ||
	    jz_check_choice("department", "转介部门", department ? department : "", departments, 0, e) ||
	    check_len("说明", note, 256, e) || jz_aid_get(s->db, id, &a, e))
		return -1;
	snprintf(line, sizeof line, "转介%s%s%s", department, note && *note ? "：" : "", note ? note : "");
	char today[11];
	jz_today(today);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_referral_add_aid(s->db, a.id, department, today, NULL, e) ||
	    jz_aid_record(s, &a, "aid.refer", "转介", line, e)) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_aid_meeting(jz_session *s, jz_rowid id, const char *date, const char *note, jz_err *e)
{
	jz_aid a;
	char today[11], line[600];
	jz_today(today);
	if (jz_aid_need_role(s, "经办", "个案会商", e))
		return -1;
	if (!date || !jz_date_valid(date))
		return jz_fail_field(e, JZ_EUSER, "date", "会商日期「%s」不对，应写成 YYYY-MM-DD", date ? date : "");
	if (strcmp(date, today) > 0)
		return jz_fail_field(e, JZ_EUSER, "date", "会商日期 %s 在今天之后，请核对", date);
	if (!note || !*note)
		return jz_fail_field(e, JZ_EUSER, "note", "请写明会商情况（参加部门、商定的救助措施）");
	if (check_len("会商情况", note, sizeof a.meeting_note, e) || jz_aid_get(s->db, id, &a, e))
		return -1;
	snprintf(a.meeting_date, sizeof a.meeting_date, "%s", date);
	snprintf(a.meeting_note, sizeof a.meeting_note, "%s", note);
	snprintf(line, sizeof line, "%s：%s", date, note);
	return jz_aid_save(s, &a, "aid.meeting", "个案会商", line, e);
}

/* Cuts s to at most n-1 bytes without splitting a UTF-8 character. */
static void utf8_cut(char *s, size_t n)
{
	size_t len = strlen(s);
	if (len < n)
		return;
	len = n - 1;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	s[len] = '\0';
}

int jz_aid_convert(jz_session *s, jz_rowid id, const char *programme, jz_case *out, jz_err *e)
{
	static const char *const progs[] = {"低保", "特困", NULL};
	jz_aid a;
	jz_person p;
	jz_case c, old;
	char facts[1200], line[160];
	if (jz_check_choice("programme", "转为", programme ? programme : "", progs, 0, e) ||
	    jz_aid_get(s->db, id, &a, e))
		return -1;
	if (jz_store_person_get(s->db, a.person_id, &p, e) <= 0)
		return jz_fail(e, JZ_EDATA, "案件 %s 的救助对象不见了", a.number);
	if (!p.household_id)
		return jz_fail(e, JZ_EUSER, "「%s」（%s）不是本乡镇户籍家庭的成员（户籍地：%s），不能在本乡镇申请%s："
			       "请告知其向户籍所在地乡镇（街道）申请；如已落户本乡镇，请先把他登记到家庭里",
			       p.name, p.id_number, *p.hukou ? p.hukou : "未登记", programme);
	if (a.converted_case_id) {
		int r = jz_store_case_get(s->db, a.converted_case_id, &old, e);
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "案件 %s 已经转为%s申请 %s", a.number, r ? old.programme : "",
					    r ? old.number : "");
	}
	jz_rowid member = p.id;
	int tekun = !strcmp(programme, "特困");
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_case_new(s, p.household_id, programme, NULL, tekun ? &member : NULL, tekun ? 1 : 0, &c, e))
		goto fail;
	snprintf(facts, sizeof facts, "由临时救助案件 %s 转入（%s型，%s）。困难情况：%s%s%s", a.number, a.kind,
		 a.cause, *a.need ? a.need : "未写", *a.findings ? "。调查：" : "", a.findings);
	utf8_cut(facts, sizeof c.findings);
	memcpy(c.findings, facts, strlen(facts) + 1);
	if (jz_store_case_update(s->db, &c, e) || jz_case_record(s, &c, "case.findings", "由临时救助转入", facts, e))
		goto fail;
	a.converted_case_id = c.id;
	snprintf(line, sizeof line, "转为%s申请 %s", programme, c.number);
	if (jz_store_aid_update(s->db, &a, e) || jz_aid_record(s, &a, "aid.convert", "转为低保或特困申请", line, e))
		goto fail;
	if (out)
		*out = c;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
