/* import_parse.c — the roster's rows as values: finding the header row
 * (a title may stand above it), then every cell checked and coded, with
 * the usual ways clerks write the same thing (本人 for 户主, 因病 for 疾病,
 * 一级 for 1). Each bad cell is a problem naming row, column and value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/columns.h"
#include "core/household.h"
#include "core/id_clean.h"
#include "core/import_int.h"
#include "io/form_file.h"

const char *const jz_import_colname[C_N] = {
	"户编号", "村(社区)", "城乡类别", "姓名", "身份证号", "与户主关系", "劳动能力", "残疾类别",
	"残疾等级", "重病", "在校生", "就业状况", "救助项目", "保障方式", "月保障金额", "起始年月",
	"建档立卡", "联系电话", "银行账号", "致贫原因"};

static const struct jz_colspec spec[C_N] = {
	{"户编号|户号|家庭编号", 1},
	{"村(社区)|村社区|所属村|所属村(社区)|村|村居", 1},
	{"城乡类别|城乡|城乡属性", 0},
	{"姓名", 1},
	{"身份证号|公民身份号码|身份证号码|身份证", 1},
	{"与户主关系|关系", 1},
	{"劳动能力", 0},
	{"残疾类别", 0},
	{"残疾等级", 0},
	{"重病|是否重病", 0},
	{"在校生|是否在校生", 0},
	{"就业状况", 0},
	{"救助项目|保障类别", 0},
	{"保障方式", 0},
	{"月保障金额|月保障金|保障金额|月救助金额", 0},
	{"起始年月|保障起始年月|起始时间", 0},
	{"建档立卡|是否建档立卡", 0},
	{"联系电话|电话", 0},
	{"银行账号|银行卡号", 0},
	{"致贫原因", 0},
};

/* A synonym table: "written|written|...=coded". */
static int lookup(const char *const *map, const char *v, char *out, size_t n)
{
	for (int i = 0; map[i]; i++) {
		const char *eq = strchr(map[i], '=');
		const char *p = map[i];
		while (p < eq) {
			const char *bar = memchr(p, '|', (size_t)(eq - p));
			size_t len = (size_t)((bar ? bar : eq) - p);
			if (strlen(v) == len && !strncmp(p, v, len)) {
				snprintf(out, n, "%s", eq + 1);
				return 1;
			}
			p += len + (bar != NULL);
		}
	}
	return 0;
}

static const char *const rel_map[] = {"本人|户主=户主", "妻子|丈夫|妻|夫|配偶=配偶", "儿子|长子|次子|子=子",
	"女儿|长女|次女|女=女", "父|父亲=父亲", "母|母亲=母亲", "孙|孙子=孙子", "孙女=孙女",
	"媳妇|儿媳=儿媳", NULL};
static const char *const labour_map[] = {"有劳动能力|有|健全|劳动力=有劳动能力",
	"部分丧失|部分丧失劳动能力|部分=部分丧失",
	"完全丧失|完全丧失劳动能力|无劳动能力|丧失劳动能力|无=完全丧失", NULL};
static const char *const grade_map[] = {"1|一级|1级|一=1", "2|二级|2级|二=2", "3|三级|3级|三=3",
	"4|四级|4级|四=4", "0|无=0", NULL};
static const char *const yes_map[] = {"是|1|√|Y|y|有=1", "否|0|N|n|无=0", NULL};
static const char *const area_map[] = {"城市|城镇|城=城市", "农村|乡村|农=农村", NULL};
static const char *const prog_map[] = {"低保|城市低保|农村低保|最低生活保障=低保",
	"特困|特困供养|特困人员|五保=特困", NULL};
static const char *const mode_map[] = {"整户保障|整户|整户施保|全户保=整户保障",
	"单人保|单人施保|单人保障=单人保", "集中供养|集中=集中供养", "分散供养|分散=分散供养", NULL};
static const char *const cause_map[] = {"疾病|因病=疾病", "残疾|因残=残疾", "因学|上学=因学",
	"灾害|因灾=灾害", "缺乏劳动力|缺劳力|缺劳动力=缺乏劳动力", "其他=其他", NULL};
static const char *const jiandang_map[] = {"是|1|建档立卡户=是", "否|0|无=否", "未脱贫|贫困户=未脱贫",
	"已脱贫|脱贫户|脱贫=已脱贫", NULL};

static const char *cell(const struct imp_ctx *x, int r, int c)
{
	int j = x->col[c];
	if (j < 0 || r >= x->t.nrows || j >= x->t.ncells[r])
		return "";
	return x->t.rows[r][j];
}

/* The cell without spaces around it, into out. */
static void trimmed(const char *v, char *out, size_t n)
{
	while (*v == ' ' || *v == '\t' || !strncmp(v, "\xe3\x80\x80", 3))
		v += *v == ' ' || *v == '\t' ? 1 : 3;
	size_t len = strlen(v);
	while (len && (v[len - 1] == ' ' || v[len - 1] == '\t' || v[len - 1] == '\r' || v[len - 1] == '\n'))
		len--;
	if (len >= 3 && !strncmp(v + len - 3, "\xe3\x80\x80", 3))
		len -= 3;
	if (len >= n)
		len = n - 1;
	memcpy(out, v, len);
	out[len] = '\0';
}

/* Reads a coded cell; a value outside map is a problem listing choices. */
static int coded(struct imp_ctx *x, int r, int c, const char *const *map, const char *choices,
		 char *out, size_t n)
{
	char v[128];
	trimmed(cell(x, r, c), v, sizeof v);
	*out = '\0';
	if (!*v || lookup(map, v, out, n))
		return 0;
	imp_problem(x, r + 1, c, v, "应为 %s 之一", choices);
	return -1;
}

static int listed(struct imp_ctx *x, int r, int c, const char *const *list, char *out, size_t n)
{
	char v[128], choices[400] = "";
	trimmed(cell(x, r, c), v, sizeof v);
	*out = '\0';
	for (int i = 0; list[i]; i++) {
		if (!strcmp(list[i], v) || !*v) {
			size_t l = strlen(v) < n ? strlen(v) : n - 1;
			memcpy(out, v, l);
			out[l] = '\0';
			return 0;
		}
		size_t l = strlen(choices);
		snprintf(choices + l, sizeof choices - l, "%s%s", i ? "、" : "", list[i]);
	}
	imp_problem(x, r + 1, c, v, "应为 %s 之一", choices);
	return -1;
}

static int yesno(struct imp_ctx *x, int r, int c, int *out)
{
	char v[8];
	*out = -1;
	if (coded(x, r, c, yes_map, "是、否", v, sizeof v))
		return -1;
	if (*v)
		*out = *v == '1';
	return 0;
}

/* 起始年月: 2024-03, 2024/3, 2024.03, 202403, 2024年3月, a date, or the
 * day number Excel keeps for a date cell. */
static int month_cell(struct imp_ctx *x, int r, char out[8])
{
	char v[64];
	int y = 0, m = 0;
	char tail[8] = "";
	trimmed(cell(x, r, C_MONTH), v, sizeof v);
	*out = '\0';
	if (!*v)
		return 0;
	long serial = 0;
	if (strlen(v) == 5 && sscanf(v, "%5ld", &serial) == 1 && serial > 20000) {
		char ymd[11];
		jz_days_to_date(serial - 25569, ymd);
		sscanf(ymd, "%4d-%2d", &y, &m);
	} else if (strlen(v) == 6 && strspn(v, "0123456789") == 6) {
		sscanf(v, "%4d%2d", &y, &m);
	} else if (sscanf(v, "%4d%*[-/.年]%2d%7s", &y, &m, tail) < 2) {
		y = 0;
	}
	char ym[16];
	snprintf(ym, sizeof ym, "%04d-%02d", y, m);
	if (y < 1990 || !jz_month_valid(ym)) {
		imp_problem(x, r + 1, C_MONTH, v, "不是年月，请写成 2024-03 这样");
		return -1;
	}
	if (strcmp(ym, x->month) > 0) {
		imp_problem(x, r + 1, C_MONTH, v, "起始年月在本月（%s）之后", x->month);
		return -1;
	}
	memcpy(out, ym, 8);
	return 0;
}

static int amount_cell(struct imp_ctx *x, int r, struct imp_row *w)
{
	char v[64];
	jz_err e = {0};
	trimmed(cell(x, r, C_AMOUNT), v, sizeof v);
	size_t n = strlen(v);
	if (n >= 3 && !strcmp(v + n - 3, "元"))
		v[n - 3] = '\0';
	w->has_fen = 0;
	if (!*v)
		return 0;
	if (jz_money_parse(v, &w->fen, &e)) {
		imp_problem(x, r + 1, C_AMOUNT, v, "%s", e.msg);
		w->bad_fen = 1;
		return -1;
	}
	if (w->fen < 0) {
		imp_problem(x, r + 1, C_AMOUNT, v, "金额不能是负数");
		w->bad_fen = 1;
		return -1;
	}
	w->has_fen = 1;
	return 0;
}

static int id_cell(struct imp_ctx *x, int r, struct imp_row *w)
{
	struct jz_id_clean c;
	jz_err e = {0};
	const char *raw = cell(x, r, C_ID);
	if (jz_id_clean(raw, x->today, &c, &e)) {
		imp_problem(x, r + 1, C_ID, raw, "%s", e.msg);
		w->bad_id = 1;
		return -1;
	}
	if (*c.fixed)
		imp_note(x, r + 1, C_ID, raw, "%s", c.fixed);
	memcpy(w->id, c.id, sizeof w->id);
	return 0;
}

static void text_cell(struct imp_ctx *x, int r, int c, char *out, size_t n)
{
	trimmed(cell(x, r, c), out, n);
}

static int programme_cells(struct imp_ctx *x, int r, struct imp_row *w)
{
	int bad = coded(x, r, C_PROG, prog_map, "低保、特困", w->prog, sizeof w->prog) |
		  coded(x, r, C_MODE, mode_map, "整户保障、单人保、集中供养、分散供养", w->mode, sizeof w->mode);
	if (bad)
		return -1;
	int tk_mode = !strcmp(w->mode, "集中供养") || !strcmp(w->mode, "分散供养");
	if (!*w->prog && *w->mode)
		snprintf(w->prog, sizeof w->prog, "%s", tk_mode ? "特困" : "低保");
	if (*w->prog && !*w->mode)
		snprintf(w->mode, sizeof w->mode, "%s", !strcmp(w->prog, "特困") ? "分散供养" : "整户保障");
	if (*w->prog && ((strcmp(w->prog, "特困") == 0) != tk_mode)) {
		imp_problem(x, r + 1, C_MODE, w->mode, "%s的保障方式只能是 %s", w->prog,
			    !strcmp(w->prog, "特困") ? "集中供养、分散供养" : "整户保障、单人保");
		return -1;
	}
	return 0;
}

static int disability_cells(struct imp_ctx *x, int r, struct imp_row *w)
{
	char v[64], g[8];
	text_cell(x, r, C_DISCAT, v, sizeof v);
	size_t n = strlen(v);
	if (n > 6 && !strcmp(v + n - 6, "残疾"))
		v[n - 6] = '\0';
	if (!strcmp(v, "无"))
		*v = '\0';
	int bad = 0;
	*w->dis_cat = '\0';
	if (*v) {
		int ok = 0;
		for (int i = 0; jz_disability_cats[i]; i++)
			if (!strcmp(jz_disability_cats[i], v)) {
				snprintf(w->dis_cat, sizeof w->dis_cat, "%s", jz_disability_cats[i]);
				ok = 1;
			}
		if (!ok) {
			imp_problem(x, r + 1, C_DISCAT, v, "应为 视力、听力、言语、肢体、智力、精神、多重 之一");
			bad = -1;
		}
	}
	w->dis_grade = -1;
	if (coded(x, r, C_DISGRADE, grade_map, "一级、二级、三级、四级（或 1-4）", g, sizeof g))
		return -1;
	if (*g)
		w->dis_grade = atoi(g);
	if (!bad && x->col[C_DISCAT] >= 0 && x->col[C_DISGRADE] >= 0 && (*w->dis_cat != 0) != (w->dis_grade > 0) &&
	    (*w->dis_cat || w->dis_grade > 0)) {
		imp_problem(x, r + 1, *w->dis_cat ? C_DISGRADE : C_DISCAT, *w->dis_cat ? g : v,
			    "残疾类别和残疾等级要一起填（或都空着）");
		bad = -1;
	}
	return bad;
}

static int jiandang_cell(struct imp_ctx *x, int r, struct imp_row *w)
{
	char v[12];
	w->jiandang = -1;
	*w->tuopin = '\0';
	if (coded(x, r, C_JIANDANG, jiandang_map, "是、否、未脱贫、已脱贫", v, sizeof v))
		return -1;
	if (!*v)
		return 0;
	w->jiandang = strcmp(v, "否") != 0;
	if (!strcmp(v, "未脱贫") || !strcmp(v, "已脱贫"))
		snprintf(w->tuopin, sizeof w->tuopin, "%s", v);
	return 0;
}

static void parse_row(struct imp_ctx *x, int r, struct imp_row *w)
{
	memset(w, 0, sizeof *w);
	w->line = r + 1;
	text_cell(x, r, C_HH, w->hh, sizeof w->hh);
	if (!*w->hh)
		imp_problem(x, r + 1, C_HH, "", "户编号为空：同一户的成员写同一个户编号");
	else if (strlen(w->hh) > 22 || strspn(w->hh, "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != strlen(w->hh))
		imp_problem(x, r + 1, C_HH, cell(x, r, C_HH), "户编号只能是数字、字母和 -，最长 22 位");
	text_cell(x, r, C_VILLAGE, w->village, sizeof w->village);
	if (!*w->village)
		imp_problem(x, r + 1, C_VILLAGE, "", "村（社区）为空");
	text_cell(x, r, C_NAME, w->name, sizeof w->name);
	if (!*w->name)
		imp_problem(x, r + 1, C_NAME, "", "姓名为空");
	id_cell(x, r, w);
	char rel[64];
	text_cell(x, r, C_REL, rel, sizeof rel);
	if (!lookup(rel_map, rel, w->relation, sizeof w->relation))
		listed(x, r, C_REL, jz_relations, w->relation, sizeof w->relation);
	if (!*rel)
		imp_problem(x, r + 1, C_REL, "", "与户主关系为空：户主写「户主」或「本人」");
	w->is_head = !strcmp(w->relation, "户主");
	coded(x, r, C_AREA, area_map, "城市、农村", w->area, sizeof w->area);
	coded(x, r, C_LABOUR, labour_map, "有劳动能力、部分丧失、完全丧失", w->labour, sizeof w->labour);
	disability_cells(x, r, w);
	yesno(x, r, C_ILL, &w->ill);
	yesno(x, r, C_STUDENT, &w->student);
	char emp[64];
	text_cell(x, r, C_EMPLOY, emp, sizeof emp);
	if (!strcmp(emp, "务农"))
		snprintf(w->employment, sizeof w->employment, "其他");
	else
		listed(x, r, C_EMPLOY, jz_employments, w->employment, sizeof w->employment);
	programme_cells(x, r, w);
	amount_cell(x, r, w);
	w->bad_month = month_cell(x, r, w->month) != 0;
	jiandang_cell(x, r, w);
	text_cell(x, r, C_PHONE, w->phone, sizeof w->phone);
	text_cell(x, r, C_BANK, w->bank, sizeof w->bank);
	coded(x, r, C_CAUSE, cause_map, "疾病、残疾、因学、灾害、缺乏劳动力、其他", w->cause, sizeof w->cause);
}

static int empty_row(const jz_table *t, int r)
{
	for (int j = 0; j < t->ncells[r]; j++) {
		const char *c = t->rows[r][j];
		if (c[strspn(c, " \t\r\n")])
			return 0;
	}
	return 1;
}

/* The header is the first of the top rows that names every required column. */
static int find_header(struct imp_ctx *x, jz_err *e)
{
	jz_err first = {0};
	int tried = 0;
	for (int r = 0; r < x->t.nrows && r < 10; r++) {
		if (!x->t.ncells[r] || empty_row(&x->t, r))
			continue;
		jz_err tmp = {0};
		if (jz_columns_map(x->t.rows[r], x->t.ncells[r], spec, C_N, x->col, x->r->unknown,
				   sizeof x->r->unknown, &tmp) == 0) {
			x->r->header_row = r + 1;
			return r;
		}
		if (!tried++ || x->t.ncells[r] >= 3)
			first = tmp;
		if (x->t.ncells[r] >= 3)
			break;
	}
	if (!tried)
		return jz_fail(e, JZ_EUSER, "文件「%s」是空的，没有表头", x->o->path);
	jz_fail(e, JZ_EUSER, "文件「%s」：%s", x->o->path, first.msg);
	return -1;
}

int imp_parse(struct imp_ctx *x, jz_err *e)
{
	int h = find_header(x, e);
	if (h < 0)
		return -1;
	x->rows = calloc((size_t)(x->t.nrows > 0 ? x->t.nrows : 1), sizeof *x->rows);
	if (!x->rows)
		return jz_fail(e, JZ_EDATA, "内存不足");
	for (int r = h + 1; r < x->t.nrows; r++) {
		if (!x->t.ncells[r] || empty_row(&x->t, r))
			continue;
		parse_row(x, r, &x->rows[x->nrows++]);
	}
	x->r->rows = x->nrows;
	if (!x->nrows)
		return jz_fail(e, JZ_EUSER, "文件「%s」只有表头，没有人员", x->o->path);
	return 0;
}
