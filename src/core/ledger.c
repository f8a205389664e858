/* ledger.c — the list of ledgers, their columns, and loading their rows
 * (see ledger.h). The SQL is in store/ledger_store.c; 低保边缘 rows from the
 * means tests come from ledger_edge.c. */
#include "core/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/ledger_edge.h"
#include "core/settings.h"
#include "io/form_file.h"
#include "store/ledger_store.h"

#define T JZ_LCOL_TEXT
#define M JZ_LCOL_MONEY
#define I JZ_LCOL_INT
#define DEF(name, title, states, add, cols) {name, title, states, add, cols, (int)(sizeof cols / sizeof cols[0])}

static const struct jz_ledger_col c_screening[] = {
	{"清单", 4, T}, {"类别", 14, T}, {"姓名", 8, T}, {"身份证号", 18, T}, {"户编号", 6, T},
	{"村（社区）", 10, T},
	{"走访日期", 10, T}, {"结果", 10, T}, {"不符合条件原因及依据", 20, T}, {"关联案件", 12, T},
	{"销号日期", 10, T}, {"录入省系统", 10, T}};
static const struct jz_ledger_col c_shuangqing[] = {
	{"项目或类别", 12, T}, {"姓名", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T}, {"日期", 10, T},
	{"家庭成员", 24, T}, {"月收入", 10, M}, {"存款", 10, M}, {"车辆", 4, I}, {"住房", 4, I},
	{"不符合原因", 16, T}, {"政策依据及核查情况", 24, T}};
static const struct jz_ledger_col c_income_ok[] = {
	{"户主", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T}, {"发现日期", 10, T},
	{"人均月收入", 10, M}, {"低保标准", 10, M}, {"原因", 24, T}, {"反馈扶贫系统日期", 10, T},
	{"反馈人", 8, T}};
static const struct jz_ledger_col c_jiantui[] = {
	{"案件编号", 12, T}, {"项目", 4, T}, {"户主", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T},
	{"渐退至", 7, T}, {"月金额", 10, M}, {"剩余月数", 4, I}, {"原因", 10, T}};
static const struct jz_ledger_col c_watch[] = {
	{"来源", 8, T}, {"姓名", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T}, {"列入日期", 10, T},
	{"情况", 24, T}, {"下次走访", 10, T}, {"销号", 16, T}};
static const struct jz_ledger_col c_edge[] = {
	{"来源", 8, T}, {"姓名", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T}, {"列入日期", 10, T},
	{"人均月收入", 10, M}, {"低保标准", 10, M}, {"情况", 24, T}, {"下次走访", 10, T}, {"销号", 16, T}};
static const struct jz_ledger_col c_relative[] = {
	{"姓名", 8, T}, {"身份证号", 18, T}, {"关系", 6, T}, {"干部或工作人员", 8, T}, {"职务", 10, T},
	{"操作员", 8, T}, {"备案日期", 10, T}, {"村（社区）", 10, T}, {"在办或在保", 16, T}};
static const struct jz_ledger_col c_tekun[] = {
	{"案件编号", 12, T}, {"姓名", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T},
	{"自理能力", 6, T}, {"照料协议", 8, T}, {"照料人及签订日期", 24, T}, {"上次探访", 10, T},
	{"应探访日期", 10, T}};
static const struct jz_ledger_col c_visit[] = {
	{"案件编号", 12, T}, {"姓名", 8, T}, {"村（社区）", 10, T}, {"探访日期", 10, T}, {"探访人", 10, T},
	{"探访情况", 24, T}, {"需求", 20, T}};
static const struct jz_ledger_col c_care[] = {
	{"案件编号", 12, T}, {"姓名", 8, T}, {"村（社区）", 10, T}, {"自理能力", 6, T}, {"照料人", 8, T},
	{"关系", 6, T}, {"电话", 12, T}, {"签订日期", 10, T}, {"有效期至", 10, T}, {"协议内容", 20, T},
	{"终止日期", 10, T}};
static const struct jz_ledger_col c_survey[] = {
	{"村（社区）", 10, T}, {"月份", 7, T}, {"报送日期", 10, T}, {"报送人", 8, T}, {"失业人员", 4, I},
	{"困难企业职工", 4, I}, {"未就业高校毕业生", 4, I}, {"登记失业农民工", 4, I}, {"灵活就业", 4, I},
	{"低保边缘", 4, I}, {"名单人数", 4, I}, {"备注", 16, T}};
static const struct jz_ledger_col c_survey_person[] = {
	{"村（社区）", 10, T}, {"月份", 7, T}, {"类别", 16, T}, {"姓名", 8, T}, {"身份证号", 18, T},
	{"情况", 24, T}};
static const struct jz_ledger_col c_referral[] = {
	{"转介部门", 12, T}, {"案件", 12, T}, {"姓名", 8, T}, {"村（社区）", 10, T}, {"转介日期", 10, T},
	{"办理结果", 24, T}, {"反馈日期", 10, T}};
static const struct jz_ledger_col c_bed[] = {
	{"姓名", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T}, {"询问日期", 10, T}, {"意愿", 6, T},
	{"意向机构", 12, T}, {"安置日期", 10, T}, {"安置机构", 12, T}, {"备注", 16, T}};
static const struct jz_ledger_col c_change[] = {
	{"项目", 4, T}, {"案件编号", 12, T}, {"户主", 8, T}, {"身份证号", 18, T}, {"村（社区）", 10, T},
	{"日期或起保月", 10, T}, {"原因", 20, T}, {"审批日期", 10, T}};

static const struct jz_ledger_def defs[] = {
	DEF("screening", "六类对象排查台账",
	    "待走访|待定结果|待销号|已销号|未脱贫建档立卡|整户无劳动力|重残重病|已脱贫收入低于低保标准|脱贫监测户|"
	    "脱贫边缘户|剩余贫困人口|脱贫不稳定|贫困边缘|未落实分类施保的低保残疾人|未脱贫因残致贫|未脱贫因病致贫",
	    "排查对象", c_screening),
	DEF("shuangqing", "双清双入双退台账", "申请不予|排查不符合", NULL, c_shuangqing),
	DEF("income_ok", "收入已达标台账", "未反馈|已反馈|退出|排查|登记", "收入已达标户", c_income_ok),
	DEF("jiantui", "渐退台账", "低保|特困|城市|农村", NULL, c_jiantui),
	DEF("qianzai", "潜在救助对象台账", "在册|已销号|申请不予|手工", "潜在救助对象", c_watch),
	DEF("bianyuan", "低保边缘台账", "在册|已销号|测算|手工", "低保边缘户", c_edge),
	DEF("relative", "近亲属备案台账", "", NULL, c_relative),
	DEF("tekun", "特困分散供养照料与探访台账", "探访超期|正常|缺协议|有协议|无需协议", NULL, c_tekun),
	DEF("visit", "特困人员探访记录", "", "探访记录", c_visit),
	DEF("care", "特困人员照料护理协议台账", "有效|已终止|半自理|全护理", "照料护理协议", c_care),
	DEF("survey", "困难群众摸排表报送情况", "已报送|未报送|村|社区", "摸排表", c_survey),
	DEF("survey_person", "困难群众摸排名单", "失业人员|困难企业职工|未就业高校毕业生|登记失业农民工|灵活就业|低保边缘",
	    "摸排人员", c_survey_person),
	DEF("referral", "转介台账", "待反馈|已反馈", NULL, c_referral),
	DEF("bed", "集中供养意愿台账", "待安置|已安置|不愿意", "集中供养意愿", c_bed),
	DEF("change", "低保特困变动台账", "新增|退出|低保|特困|孤儿|残疾补贴", NULL, c_change),
};
#define NDEFS (int)(sizeof defs / sizeof defs[0])

int jz_ledger_count(void) { return NDEFS; }

const struct jz_ledger_def *jz_ledger_at(int i) { return i >= 0 && i < NDEFS ? &defs[i] : NULL; }

const struct jz_ledger_def *jz_ledger_find(const char *name, jz_err *e)
{
	for (int i = 0; name && i < NDEFS; i++)
		if (!strcmp(defs[i].name, name) || !strcmp(defs[i].title, name))
			return &defs[i];
	jz_fail(e, JZ_EUSER, "没有「%s」这个台账；用 jiuzhu ledger list 查看台账名称", name ? name : "");
	return NULL;
}

int jz_ledger_filter_check(const struct jz_ledger_filter *f, jz_err *e)
{
	if (f->from[0] && !jz_month_valid(f->from))
		return jz_fail_field(e, JZ_EUSER, "from", "起始月份「%s」不对，应写成 YYYY-MM", f->from);
	if (f->to[0] && !jz_month_valid(f->to))
		return jz_fail_field(e, JZ_EUSER, "to", "截止月份「%s」不对，应写成 YYYY-MM", f->to);
	if (f->from[0] && f->to[0] && strcmp(f->from, f->to) > 0)
		return jz_fail_field(e, JZ_EUSER, "to", "截止月份 %s 早于起始月份 %s", f->to, f->from);
	return 0;
}

void jz_ledger_filter_default(const struct jz_ledger_def *def, const char *today, struct jz_ledger_filter *f)
{
	if (strcmp(def->name, "survey") || f->from[0] || f->to[0])
		return;
	snprintf(f->from, sizeof f->from, "%.7s", today);
	snprintf(f->to, sizeof f->to, "%.7s", today);
}

void jz_ledger_filter_text(const struct jz_ledger_filter *f, char *buf, size_t n)
{
	int period = f->from[0] || f->to[0];
	snprintf(buf, n, "%s%s%s%s%s%s%s", f->village[0] ? "村（社区）：" : "", f->village,
		 f->village[0] && period ? "  " : "", period ? "期间：" : "", f->from, period ? "至" : "", f->to);
	if (f->state[0]) {
		size_t l = strlen(buf);
		snprintf(buf + l, n - l, "%s状态：%s", l ? "  " : "", f->state);
	}
	if (!buf[0])
		snprintf(buf, n, "全部");
}

void jz_ledger_free(struct jz_ledger_table *t)
{
	for (int i = 0; i < t->n; i++) {
		for (int c = 0; c < t->def->ncols; c++)
			free(t->rows[i].cell[c]);
		free(t->rows[i].cell);
		free(t->rows[i].num);
	}
	free(t->rows);
	t->rows = NULL;
	t->n = t->cap = 0;
}

/* Adds a row: meta = id, household, state; cells = the shown columns. */
int jz_ledger_add_row(struct jz_ledger_table *t, jz_rowid id, jz_rowid hid, const char *state,
		      const char *const *cells, int ncells)
{
	const struct jz_ledger_def *d = t->def;
	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct jz_ledger_row *r = realloc(t->rows, (size_t)cap * sizeof *r);
		if (!r)
			return -1;
		t->rows = r;
		t->cap = cap;
	}
	struct jz_ledger_row *r = &t->rows[t->n];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->household_id = hid;
	snprintf(r->state, sizeof r->state, "%s", state);
	r->cell = calloc((size_t)d->ncols, sizeof *r->cell);
	r->num = calloc((size_t)d->ncols, sizeof *r->num);
	if (!r->cell || !r->num)
		goto oom;
	t->n++;
	for (int c = 0; c < d->ncols; c++) {
		const char *v = c < ncells ? cells[c] : "";
		char buf[32];
		if (d->cols[c].kind != JZ_LCOL_TEXT && v[0]) {
			r->num[c] = strtoll(v, NULL, 10);
			if (d->cols[c].kind == JZ_LCOL_MONEY)
				jz_money_format(r->num[c], buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "%lld", r->num[c]);
			v = buf;
		}
		if (!(r->cell[c] = strdup(v)))
			return -1;
	}
	return 0;
oom:
	free(r->cell);
	free(r->num);
	return -1;
}

struct taking {
	struct jz_ledger_table *t;
	int oom;
};

static int take(const char *const *cells, int ncols, void *arg)
{
	struct taking *k = arg;
	if (jz_ledger_add_row(k->t, strtoll(cells[0], NULL, 10), strtoll(cells[1], NULL, 10), cells[4],
			      cells + JZ_LEDGER_META, ncols - JZ_LEDGER_META))
		k->oom = 1;
	return k->oom;
}

int jz_ledger_load(jz_db *db, const struct jz_ledger_def *def, const struct jz_ledger_filter *f,
		   const char *today, struct jz_ledger_table *t, jz_err *e)
{
	long long n = 0;
	if (t->def)
		jz_ledger_free(t);
	t->def = def;
	if (jz_ledger_filter_check(f, e))
		return -1;
	if (!strcmp(def->name, "tekun") &&
	    jz_setting_int(db, "tekun.visit_interval_days", "*", today, &n, e))
		return -1;
	struct jz_ledger_params p = {f->village, f->from, f->to, f->state, today, n};
	struct taking k = {t, 0};
	if (jz_store_ledger_rows(db, def->name, &p, take, &k, e))
		return -1;
	if (k.oom)
		return jz_fail(e, JZ_EDATA, "内存不足");
	if (!strcmp(def->name, "bianyuan") && jz_ledger_edge_rows(db, f, today, t, e))
		return -1;
	return 0;
}
