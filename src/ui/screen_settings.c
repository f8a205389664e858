/* screen_settings.c — settings: the township, its villages, and the
 * standards with their effective dates (a new standard never rewrites the
 * past: it is a new row from a date on). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "core/township.h"
#include "io/form_file.h"
#include "store/township_store.h"
#include "ui/form_screen.h"

#define MAX_ROWS 300

/* Standards a clerk sets on this screen: setting key, and its name in
 * forms/standard.ini. Amounts are per person per month, in fen. */
static const char *const standards[][2] = {
	{"dibao.standard_fen", "低保标准"},
	{"tekun.basic_fen", "特困基本生活标准"},
	{"wage.minimum_fen", "最低工资标准"},
	{"orphan.concentrated_fen", "孤儿集中供养标准"},
	{"orphan.scattered_fen", "孤儿分散供养标准"},
	{"orphan.de_facto_fen", "事实无人抚养儿童标准"},
	{"disability.care_grade1_fen", "一级重度残疾人护理补贴"},
	{"disability.care_grade2_fen", "二级重度残疾人护理补贴"},
};
#define NSTANDARDS (int)(sizeof standards / sizeof standards[0])

static const char *label_of(const char *key)
{
	for (int i = 0; i < NSTANDARDS; i++)
		if (!strcmp(standards[i][0], key))
			return standards[i][1];
	return key;
}

enum { P_TOWN, P_VILLAGES, P_STANDARDS, P_OTHER, NPANES };
static const char *const pane_names[] = {"1 乡镇", "2 村（社区）", "3 保障标准", "4 其他设置"};

struct settings {
	int pane, sel, scroll;
	jz_village v[MAX_ROWS];
	int nv;
	struct jz_setting_row all[MAX_ROWS];
	int nall;
	int rows[MAX_ROWS]; /* indexes into all[] shown on the current pane */
	int nrows;
};

static int is_standard(const char *key)
{
	for (int i = 0; i < NSTANDARDS; i++)
		if (!strcmp(standards[i][0], key))
			return 1;
	return 0;
}

/* The rows of the standards pane, or of the other settings. */
static void pick_rows(struct settings *s)
{
	s->nrows = 0;
	for (int i = 0; i < s->nall; i++)
		if (is_standard(s->all[i].key) == (s->pane == P_STANDARDS))
			s->rows[s->nrows++] = i;
}

static void load(jz_desk *d, struct settings *s)
{
	jz_err e = {0};
	if (jz_township_load(d->s.db, &d->town, &e) ||
	    (s->nv = jz_store_villages(d->s.db, s->v, MAX_ROWS, &e)) < 0 ||
	    (s->nall = jz_store_settings_list(d->s.db, "", s->all, MAX_ROWS, &e)) < 0) {
		s->nv = s->nv < 0 ? 0 : s->nv;
		s->nall = 0;
		jz_desk_report(d, &e);
	}
	s->nv = s->nv > MAX_ROWS ? MAX_ROWS : s->nv;
	s->nall = s->nall > MAX_ROWS ? MAX_ROWS : s->nall;
	pick_rows(s);
}

static void draw_list(jz_desk *d, struct settings *s, int y, int n, void (*line)(struct settings *, int, char *, size_t))
{
	int rows = d->rows - 2 - y;
	if (s->sel < s->scroll)
		s->scroll = s->sel;
	if (s->sel >= s->scroll + rows)
		s->scroll = s->sel - rows + 1;
	for (int i = 0; i < rows && s->scroll + i < n; i++) {
		char buf[300];
		line(s, s->scroll + i, buf, sizeof buf);
		int sel = s->scroll + i == s->sel;
		int a = sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		jz_draw_text(stdscr, y + i, 2, sel ? ">" : " ", 2, 1);
		jz_draw_text(stdscr, y + i, 4, buf, d->cols - 6, 1);
		attroff(a);
	}
}

static void village_line(struct settings *s, int i, char *buf, size_t n)
{
	snprintf(buf, n, "%-4s %-14s %-4s %s  %d 个组", s->v[i].code, s->v[i].name, s->v[i].kind,
		 s->v[i].area, s->v[i].groups);
}

static void setting_line(struct settings *s, int i, char *buf, size_t n)
{
	const struct jz_setting_row *r = &s->all[s->rows[i]];
	char value[64];
	size_t kl = strlen(r->key);
	if (kl > 4 && !strcmp(r->key + kl - 4, "_fen"))
		jz_money_format(atoll(r->value), value, sizeof value);
	else
		snprintf(value, sizeof value, "%s", r->value);
	if (is_standard(r->key))
		snprintf(buf, n, "%-24s %-4s %s 起  %s 元", label_of(r->key), !strcmp(r->area, "*") ? "全部" : r->area,
			 r->from_date, value);
	else
		snprintf(buf, n, "%s：%s（%s，%s 起）", *r->note ? r->note : r->key, value, r->key, r->from_date);
}

static void draw(jz_desk *d, void *p)
{
	struct settings *s = p;
	char line[300];
	for (int i = 0, x = 2; i < NPANES; i++) {
		int a = i == s->pane ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		x += jz_draw_text(stdscr, 1, x, pane_names[i], 14, 0) + 2;
		attroff(a);
	}
	if (s->pane == P_TOWN) {
		const jz_township *t = &d->town;
		snprintf(line, sizeof line, "乡镇：%s", t->name);
		jz_draw_text(stdscr, 3, 4, line, d->cols - 6, 0);
		snprintf(line, sizeof line, "县（区）：%s    行政区划代码：%s", t->county, t->area_code);
		jz_draw_text(stdscr, 4, 4, line, d->cols - 6, 0);
		snprintf(line, sizeof line, "办公电话：%s", *t->phone ? t->phone : "无");
		jz_draw_text(stdscr, 5, 4, line, d->cols - 6, 0);
	} else if (s->pane == P_VILLAGES)
		draw_list(d, s, 3, s->nv, village_line);
	else
		draw_list(d, s, 3, s->nrows, setting_line);
}

/* ---- forms ---- */

static int town_get(const void *r, const char *k, char *b, size_t n)
{
	const jz_township *t = r;
	const char *v = !strcmp(k, "name") ? t->name : !strcmp(k, "county") ? t->county :
			!strcmp(k, "area_code") ? t->area_code : !strcmp(k, "phone") ? t->phone : NULL;
	if (!v)
		return -1;
	snprintf(b, n, "%s", v);
	return 0;
}

static int town_set(void *r, const char *k, const char *v, jz_err *e)
{
	jz_township *t = r;
	if (!strcmp(k, "name"))
		snprintf(t->name, sizeof t->name, "%s", v);
	else if (!strcmp(k, "county"))
		snprintf(t->county, sizeof t->county, "%s", v);
	else if (!strcmp(k, "area_code"))
		snprintf(t->area_code, sizeof t->area_code, "%s", v);
	else if (!strcmp(k, "phone"))
		snprintf(t->phone, sizeof t->phone, "%s", v);
	else
		return jz_fail(e, JZ_EDATA, "表单字段「%s」不属于乡镇", k);
	return 0;
}

static int town_save(jz_desk *d, void *r, const char *why, jz_err *e)
{
	return jz_township_update(&d->s, r, why, e);
}

static int village_get(const void *r, const char *k, char *b, size_t n)
{
	const jz_village *v = r;
	if (!strcmp(k, "name"))
		snprintf(b, n, "%s", v->name);
	else if (!strcmp(k, "kind"))
		snprintf(b, n, "%s", v->kind);
	else if (!strcmp(k, "groups"))
		snprintf(b, n, "%.0d", v->groups); /* blank, not 0, on a new village */
	else
		return -1;
	return 0;
}

static int village_set(void *r, const char *k, const char *val, jz_err *e)
{
	jz_village *v = r;
	if (!strcmp(k, "name"))
		snprintf(v->name, sizeof v->name, "%s", val);
	else if (!strcmp(k, "kind"))
		snprintf(v->kind, sizeof v->kind, "%s", val);
	else if (!strcmp(k, "groups"))
		v->groups = atoi(val);
	else
		return jz_fail(e, JZ_EDATA, "表单字段「%s」不属于村（社区）", k);
	return 0;
}

static int village_save(jz_desk *d, void *r, const char *why, jz_err *e)
{
	(void)why;
	return jz_village_add(&d->s, r, e);
}

struct standard_rec {
	char key[64], area[16], from[11], amount[32];
};

static int std_get(const void *r, const char *k, char *b, size_t n)
{
	const struct standard_rec *s = r;
	const char *v = !strcmp(k, "key") ? s->key : !strcmp(k, "area") ? s->area :
			!strcmp(k, "from") ? s->from : !strcmp(k, "amount") ? s->amount : NULL;
	if (!v)
		return -1;
	snprintf(b, n, "%s", v);
	return 0;
}

static int std_set(void *r, const char *k, const char *v, jz_err *e)
{
	struct standard_rec *s = r;
	char *dst = !strcmp(k, "key") ? s->key : !strcmp(k, "area") ? s->area :
		    !strcmp(k, "from") ? s->from : !strcmp(k, "amount") ? s->amount : NULL;
	if (!dst)
		return jz_fail(e, JZ_EDATA, "表单字段「%s」不属于保障标准", k);
	snprintf(dst, sizeof s->key, "%s", v);
	return 0;
}

static int std_save(jz_desk *d, void *r, const char *why, jz_err *e)
{
	struct standard_rec *s = r;
	const char *key = NULL;
	long long fen;
	char value[32];
	for (int i = 0; i < NSTANDARDS; i++)
		if (!strcmp(standards[i][1], s->key) || !strcmp(standards[i][0], s->key))
			key = standards[i][0];
	if (!key)
		return jz_fail_field(e, JZ_EUSER, "key", "「标准」「%s」不认识，请从列表中选择", s->key);
	if (jz_money_parse(s->amount, &fen, e))
		return -1;
	snprintf(value, sizeof value, "%lld", fen);
	return jz_setting_set(&d->s, key, s->area, s->from, value, why, e);
}

/* Another setting: a new value from a date (the old one stays for the past). */
static int set_other(jz_desk *d, struct settings *s)
{
	char value[64], from[32], q[200];
	jz_err e = {0};
	if (!s->nrows)
		return JZ_KEY_HANDLED;
	const struct jz_setting_row *r = &s->all[s->rows[s->sel]];
	size_t kl = strlen(r->key);
	int money = kl > 4 && !strcmp(r->key + kl - 4, "_fen"); /* typed in yuan, kept in fen */
	char shown[64];
	if (money)
		jz_money_format(atoll(r->value), shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", r->value);
	snprintf(q, sizeof q, "%s 的新值%s：", r->key, money ? "（元）" : "");
	if (!jz_desk_prompt(d, q, shown, value, sizeof value) ||
	    !jz_desk_prompt(d, "从哪天起执行（YYYY-MM-DD）：", d->today, from, sizeof from))
		return JZ_KEY_REDRAW;
	long long fen;
	if (money && jz_money_parse(value, &fen, &e) == 0)
		snprintf(value, sizeof value, "%lld", fen);
	if ((money && e.msg[0]) || jz_setting_set(&d->s, r->key, r->area, from, value, "调整设置", &e))
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已设置：%s 从 %s 起为 %s", r->key, from, value);
	load(d, s);
	return JZ_KEY_REDRAW;
}

static int open_form(jz_desk *d, struct settings *s, int add)
{
	if (s->pane == P_OTHER)
		return set_other(d, s);
	if (s->pane == P_TOWN) {
		jz_township *t = malloc(sizeof *t);
		if (!t)
			return JZ_KEY_HANDLED;
		*t = d->town;
		struct jz_form_ops ops = {.rec = t, .get = town_get, .set = town_set, .save = town_save,
					  .free = free, .why_default = "更正乡镇信息"};
		jz_push_form(d, "township", "修改乡镇", &ops);
	} else if (s->pane == P_VILLAGES && add) {
		jz_village *v = calloc(1, sizeof *v);
		if (!v)
			return JZ_KEY_HANDLED;
		snprintf(v->kind, sizeof v->kind, "村");
		struct jz_form_ops ops = {.rec = v, .get = village_get, .set = village_set,
					  .save = village_save, .free = free};
		jz_push_form(d, "village", "新增村（社区）", &ops);
	} else if (s->pane == P_STANDARDS && add) {
		struct standard_rec *r = calloc(1, sizeof *r);
		if (!r)
			return JZ_KEY_HANDLED;
		snprintf(r->area, sizeof r->area, "农村");
		struct jz_form_ops ops = {.rec = r, .get = std_get, .set = std_set, .save = std_save,
					  .free = free, .why_default = "调整保障标准"};
		jz_push_form(d, "standard", "新增保障标准", &ops);
	} else
		jz_desk_msg(d, 0, "村（社区）和标准不能直接修改：标准请新增一行（从某日起执行），不会改写过去");
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct settings *s = p;
	int n = s->pane == P_VILLAGES ? s->nv : s->nrows;
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key && k->code == KEY_UP && s->sel > 0)
		return s->sel--, JZ_KEY_REDRAW;
	if (k->is_key && k->code == KEY_DOWN && s->sel + 1 < n)
		return s->sel++, JZ_KEY_REDRAW;
	if (k->is_key)
		return JZ_KEY_IGNORED;
	if (k->code >= '1' && k->code <= '4') {
		s->pane = (int)k->code - '1';
		s->sel = s->scroll = 0;
		pick_rows(s);
		return JZ_KEY_REDRAW;
	}
	if (k->code == 'a' || k->code == 'e' || k->code == '\n' || k->code == '\r')
		return open_form(d, s, k->code == 'a');
	if (k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct settings *s = p;
	(void)d, (void)max;
	int n = 0;
	out[n++] = (struct jz_keyitem){"1-4", "分页"};
	if (s->pane == P_TOWN)
		out[n++] = (struct jz_keyitem){"e", "修改"};
	else if (s->pane != P_OTHER)
		out[n++] = (struct jz_keyitem){"a", "新增"};
	else
		out[n++] = (struct jz_keyitem){"e", "改值"};
	out[n++] = (struct jz_keyitem){"Esc", "返回"};
	return n;
}

static void resume(jz_desk *d, void *p) { load(d, p); }

void jz_push_settings(jz_desk *d)
{
	struct settings *s = calloc(1, sizeof *s);
	if (!s)
		return;
	load(d, s);
	jz_screen scr = {.title = "设置", .st = s, .draw = draw, .key = key, .free = free,
			 .keybar = keybar, .resume = resume};
	jz_desk_push(d, &scr);
}
