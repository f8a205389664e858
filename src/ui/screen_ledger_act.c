/* screen_ledger_act.c — what Enter and F2/a do on a ledger's screen: each
 * ledger's actions asked on the message line, then one core call (core/
 * screening.h, care.h, survey.h, ledger_write.h) whose message is shown as
 * it is. Nothing typed is lost on an error: the clerk presses the key
 * again and the prompts start from the values just typed (kept in the
 * ledger screen's memo). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/care.h"
#include "core/ledger_write.h"
#include "core/screening.h"
#include "core/settings.h"
#include "core/survey.h"
#include "io/form_file.h"
#include "ui/screen_ledger.h"

static int ask(struct jz_ledger_memo *m, jz_desk *d, int slot, const char *q, const char *initial, char *buf, size_t n)
{
	const char *init = m->v[slot][0] ? m->v[slot] : initial ? initial : "";
	if (!jz_desk_prompt(d, q, init, buf, n))
		return 0;
	snprintf(m->v[slot], sizeof m->v[slot], "%s", buf);
	return 1;
}

static void forget(struct jz_ledger_memo *m) { memset(m, 0, sizeof *m); }

/* Shows the outcome of a core call; 1 when it succeeded. */
static int done(struct jz_ledger_memo *m, jz_desk *d, int rc, const jz_err *e, const char *okmsg)
{
	if (rc) {
		jz_desk_report(d, e);
		return 0;
	}
	forget(m);
	jz_desk_msg(d, 0, "%s", okmsg);
	return 1;
}

static int is(const struct jz_ledger_def *def, const char *name) { return !strcmp(def->name, name); }

/* ---- rows ---- */

static int screening_result(struct jz_ledger_memo *m, jz_desk *d, jz_rowid id)
{
	char reasons[512], reason[128] = "", basis[256] = "", cs[64] = "", q[640];
	static const char *const results[] = {"纳入低保", "纳入特困", "其他救助", "不符合条件"};
	jz_err e = {0};
	int k = jz_desk_ask(d, "结果：1 纳入低保  2 纳入特困  3 其他救助  4 不符合条件", "1234");
	if (!k)
		return 0;
	const char *result = results[k - '1'];
	if (k == '4') {
		if (jz_setting_text(d->s.db, "screening.not_eligible_reasons", "*", d->today, reasons,
				    sizeof reasons, &e))
			return done(m, d, -1, &e, "");
		snprintf(q, sizeof q, "原因（%s）：", reasons);
		if (!ask(m, d, 0, q, "", reason, sizeof reason) || !ask(m, d, 1, "依据（政策条款、核查情况）：", "", basis, sizeof basis))
			return 0;
	} else if (!ask(m, d, 2, "关联案件编号（销号前必须关联）：", "", cs, sizeof cs)) {
		return 0;
	}
	return done(m, d, jz_screening_result(&d->s, id, result, reason, basis, cs, &e), &e, "已登记排查结果");
}

static int act_screening(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_row *r)
{
	char date[16], who[128];
	jz_err e = {0};
	int k = jz_desk_ask(d, "v 走访  r 结果  c 销号  p 已录入省系统  k 家庭卡片", "vrcpk");
	switch (k) {
	case 'v':
		if (!ask(m, d, 3, "走访日期：", d->today, date, sizeof date) || !ask(m, d, 4, "走访人：", "", who, sizeof who))
			return 0;
		return done(m, d, jz_screening_visit(&d->s, r->id, date, who, &e), &e, "已登记走访");
	case 'r':
		return screening_result(m, d, r->id);
	case 'c':
		if (!ask(m, d, 3, "销号日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_screening_close(&d->s, r->id, date, &e), &e, "已销号");
	case 'p':
		if (!ask(m, d, 3, "录入省系统日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_screening_province(&d->s, r->id, date, &e), &e, "已登记录入省系统");
	case 'k':
		if (r->household_id)
			jz_push_card(d, r->household_id);
		else
			jz_desk_msg(d, 0, "此人不是本乡镇家庭的成员");
	}
	return 0;
}

static int act_tekun(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_row *r)
{
	char date[16], who[128], what[256], carer[96], rel[32], phone[32], until[16];
	jz_err e = {0};
	int k = jz_desk_ask(d, "v 登记探访  a 照料护理协议  k 家庭卡片", "vak");
	if (k == 'v') {
		if (!ask(m, d, 3, "探访日期：", d->today, date, sizeof date) || !ask(m, d, 4, "探访人：", "", who, sizeof who) ||
		    !ask(m, d, 5, "探访情况：", "", what, sizeof what))
			return 0;
		return done(m, d, jz_visit_add(&d->s, r->cell[0], date, who, what, "", NULL, &e), &e, "已登记探访");
	}
	if (k == 'a') {
		if (!ask(m, d, 4, "照料人姓名：", "", carer, sizeof carer) || !ask(m, d, 5, "与本人关系：", "", rel, sizeof rel) ||
		    !ask(m, d, 6, "照料人电话：", "", phone, sizeof phone) ||
		    !ask(m, d, 3, "签订日期：", d->today, date, sizeof date) ||
		    !ask(m, d, 7, "有效期至（YYYY-MM-DD，可空）：", "", until, sizeof until))
			return 0;
		struct jz_care_in in = {carer, "", phone, rel, date, until, ""};
		return done(m, d, jz_care_add(&d->s, r->cell[0], &in, NULL, &e), &e, "已登记照料护理协议");
	}
	if (k == 'k')
		jz_push_card(d, r->household_id);
	return 0;
}

/* Six counts typed on one line. */
static int ask_counts(struct jz_ledger_memo *m, jz_desk *d, long long count[JZ_SURVEY_N])
{
	char buf[128];
	if (!ask(m, d, 5, "人数：失业 困难企业职工 未就业毕业生 失业农民工 灵活就业 低保边缘（空格分隔）：", "0 0 0 0 0 0",
		 buf, sizeof buf))
		return 0;
	if (sscanf(buf, "%lld %lld %lld %lld %lld %lld", &count[0], &count[1], &count[2], &count[3], &count[4],
		   &count[5]) != 6) {
		jz_desk_msg(d, 1, "请填写 6 个人数，用空格分开，例如 3 0 1 2 5 4");
		return 0;
	}
	return 1;
}

static int act_simple(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def, const struct jz_ledger_row *r)
{
	char date[16], text[256];
	long long count[JZ_SURVEY_N];
	jz_err e = {0};
	if (is(def, "income_ok") && jz_desk_ask(d, "f 已反馈扶贫系统  Esc 返回", "f") == 'f') {
		if (!ask(m, d, 3, "反馈日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_income_ok_feedback(&d->s, r->id, date, &e), &e, "已登记反馈扶贫系统");
	}
	if ((is(def, "qianzai") || is(def, "bianyuan")) && jz_desk_ask(d, "c 销号  Esc 返回", "c") == 'c') {
		if (!ask(m, d, 4, "销号原因：", "", text, sizeof text) || !ask(m, d, 3, "销号日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_watch_close(&d->s, r->id, date, text, &e), &e, "已销号");
	}
	if (is(def, "care") && jz_desk_ask(d, "e 终止协议  Esc 返回", "e") == 'e') {
		if (!ask(m, d, 3, "终止日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_care_end(&d->s, r->id, date, &e), &e, "协议已终止");
	}
	if (is(def, "survey") && jz_desk_ask(d, "h 登记报送  Esc 返回", "h") == 'h') {
		if (!ask_counts(m, d, count) || !ask(m, d, 3, "报送日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_survey_hand(&d->s, r->cell[0], r->cell[1], count, "", date, &e), &e, "已登记摸排表");
	}
	if (is(def, "referral") && jz_desk_ask(d, "o 登记办理结果  Esc 返回", "o") == 'o') {
		if (!ask(m, d, 4, "办理结果：", "", text, sizeof text) || !ask(m, d, 3, "反馈日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_referral_outcome(&d->s, r->id, text, date, &e), &e, "已登记转介结果");
	}
	if (is(def, "bed") && jz_desk_ask(d, "p 登记安置  Esc 返回", "p") == 'p') {
		if (!ask(m, d, 4, "安置的供养机构：", "", text, sizeof text) || !ask(m, d, 3, "安置日期：", d->today, date, sizeof date))
			return 0;
		return done(m, d, jz_bed_place(&d->s, r->id, date, text, &e), &e, "已登记安置");
	}
	return 0;
}

int jz_ledger_act_row(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def, const struct jz_ledger_row *r)
{
	if (is(def, "screening"))
		return act_screening(m, d, r);
	if (is(def, "tekun"))
		return act_tekun(m, d, r);
	if (is(def, "income_ok") || is(def, "qianzai") || is(def, "bianyuan") || is(def, "care") ||
	    is(def, "survey") || is(def, "referral") || is(def, "bed"))
		return act_simple(m, d, def, r);
	if (r->household_id)
		jz_push_card(d, r->household_id);
	else
		jz_desk_msg(d, 0, "这一行没有可办理的事项");
	return 0;
}

/* ---- adding ---- */

static int add_person_row(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def)
{
	char cat[64], idn[32], name[96], vil[96], text[256], a[32], b[32];
	jz_err e = {0};
	if (is(def, "screening")) {
		if (!ask(m, d, 0, "排查类别（如 整户无劳动力、重残重病、脱贫监测户）：", "", cat, sizeof cat) ||
		    !ask(m, d, 1, "身份证号：", "", idn, sizeof idn) ||
		    !ask(m, d, 2, "姓名（本乡镇人员可空）：", "", name, sizeof name) ||
		    !ask(m, d, 3, "村（社区）（本乡镇人员可空）：", "", vil, sizeof vil))
			return 0;
		return done(m, d, jz_screening_add(&d->s, cat, idn, name, vil, "", NULL, &e), &e, "已登记排查对象");
	}
	if (is(def, "qianzai") || is(def, "bianyuan")) {
		const char *kind = is(def, "qianzai") ? "潜在救助对象" : "低保边缘";
		if (!ask(m, d, 1, "身份证号：", "", idn, sizeof idn) || !ask(m, d, 2, "姓名（本乡镇人员可空）：", "", name, sizeof name) ||
		    !ask(m, d, 3, "村（社区）（本乡镇人员可空）：", "", vil, sizeof vil) ||
		    !ask(m, d, 4, "情况：", "", text, sizeof text))
			return 0;
		return done(m, d, jz_watch_add(&d->s, kind, idn, name, vil, text, "", NULL, &e), &e, "已登记");
	}
	if (is(def, "income_ok")) {
		long long pc = 0, sd = 0;
		if (!ask(m, d, 1, "家庭成员身份证号：", "", idn, sizeof idn) ||
		    !ask(m, d, 5, "家庭人均月收入（元）：", "", a, sizeof a) || !ask(m, d, 6, "低保标准（元）：", "", b, sizeof b) ||
		    !ask(m, d, 4, "原因：", "", text, sizeof text))
			return 0;
		if (jz_money_parse(a, &pc, &e) || jz_money_parse(b, &sd, &e))
			return done(m, d, -1, &e, "");
		return done(m, d, jz_income_ok_add(&d->s, idn, pc, sd, text, "", NULL, &e), &e, "已登记收入已达标户");
	}
	if (is(def, "bed")) {
		if (!ask(m, d, 1, "身份证号：", "", idn, sizeof idn))
			return 0;
		int k = jz_desk_ask(d, "愿意集中供养吗？y 愿意  n 不愿意", "yn");
		if (!k || !ask(m, d, 4, "意向机构（可空）：", "", text, sizeof text))
			return 0;
		return done(m, d, jz_bed_add(&d->s, idn, k == 'y', text, "", "", NULL, &e), &e, "已登记集中供养意愿");
	}
	return -1;
}

int jz_ledger_act_add(struct jz_ledger_memo *m, jz_desk *d, const struct jz_ledger_def *def)
{
	char cs[64], who[128], text[256], vil[96], month[16], cat[64], name[96], idn[32];
	long long count[JZ_SURVEY_N];
	jz_err e = {0};
	int r = add_person_row(m, d, def);
	if (r >= 0)
		return r;
	if (is(def, "visit")) {
		if (!ask(m, d, 0, "特困案件编号：", "", cs, sizeof cs) || !ask(m, d, 4, "探访人：", "", who, sizeof who) ||
		    !ask(m, d, 5, "探访情况：", "", text, sizeof text))
			return 0;
		return done(m, d, jz_visit_add(&d->s, cs, "", who, text, "", NULL, &e), &e, "已登记探访");
	}
	if (is(def, "care")) {
		if (!ask(m, d, 0, "特困案件编号：", "", cs, sizeof cs) || !ask(m, d, 4, "照料人姓名：", "", who, sizeof who) ||
		    !ask(m, d, 5, "与本人关系：", "", text, sizeof text))
			return 0;
		struct jz_care_in in = {who, "", "", text, "", "", ""};
		return done(m, d, jz_care_add(&d->s, cs, &in, NULL, &e), &e, "已登记照料护理协议");
	}
	if (is(def, "survey") || is(def, "survey_person")) {
		char cur[8];
		snprintf(cur, sizeof cur, "%.7s", d->today);
		if (!ask(m, d, 0, "村（社区）：", "", vil, sizeof vil) || !ask(m, d, 1, "月份（YYYY-MM）：", cur, month, sizeof month))
			return 0;
		if (is(def, "survey")) {
			if (!ask_counts(m, d, count))
				return 0;
			return done(m, d, jz_survey_hand(&d->s, vil, month, count, "", "", &e), &e, "已登记摸排表");
		}
		if (!ask(m, d, 2, "类别（失业人员、困难企业职工、未就业高校毕业生、登记失业农民工、灵活就业、低保边缘）：", "",
			 cat, sizeof cat) ||
		    !ask(m, d, 3, "姓名：", "", name, sizeof name) || !ask(m, d, 6, "身份证号（可空）：", "", idn, sizeof idn) ||
		    !ask(m, d, 4, "情况：", "", text, sizeof text))
			return 0;
		return done(m, d, jz_survey_person_add(&d->s, vil, month, cat, idn, name, text, NULL, &e), &e,
			    "已登记摸排人员");
	}
	jz_desk_msg(d, 0, "这个台账不能手工添加");
	return 0;
}
