/* form_screen.c — drawing and editing a form (see form_screen.h): one line
 * per field, the error on the field's line, a pick list with type-to-filter
 * for choices, F2/Ctrl-S to save, Esc asks before dropping changes. */
#include "ui/form_screen.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/id.h"
#include "core/pinyin.h"
#include "io/form_file.h"
#include "store/township_store.h"
#include "ui/field.h"

#define LABEL_W 16
#define EDIT_W 30
#define POPUP_ROWS 6

struct choice {
	char **value, **label;
	int n;
};

struct form {
	struct jz_form_def def;
	struct jz_form_ops ops;
	jz_edit *ed;
	char (*err)[768];
	struct choice *ch;
	int focus, scroll, pick, changed;
	int listing; /* the pick list of a choice field is open */
};

/* ---- choices: from the form file, or "@villages" from the database ---- */

static void choice_add(struct choice *c, const char *value, const char *label)
{
	char **v = realloc(c->value, (c->n + 1) * sizeof *v);
	if (v)
		c->value = v;
	char **l = realloc(c->label, (c->n + 1) * sizeof *l);
	if (l)
		c->label = l;
	if (!v || !l)
		return;
	c->value[c->n] = strdup(value);
	c->label[c->n] = strdup(label);
	c->n++;
}

static void choices_load(jz_desk *d, const struct jz_field_def *f, struct choice *c)
{
	if (f->nchoices == 1 && strcmp(f->choices[0], "@villages") == 0) {
		jz_village v[100];
		jz_err e = {0};
		int n = jz_store_villages(d->s.db, v, 100, &e);
		for (int i = 0; i < n && i < 100; i++) {
			char id[24];
			snprintf(id, sizeof id, "%lld", v[i].id);
			choice_add(c, id, v[i].name);
		}
		return;
	}
	for (int i = 0; i < f->nchoices; i++)
		choice_add(c, f->choices[i], f->choices[i]);
}

static int dynamic(const struct jz_field_def *f)
{
	return f->type == JZ_F_CHOICE && f->nchoices == 1 && f->choices[0][0] == '@';
}

static const char *label_of(const struct choice *c, const char *value)
{
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->value[i], value))
			return c->label[i];
	return value;
}

static const char *value_of(const struct choice *c, const char *label)
{
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->label[i], label))
			return c->value[i];
	return NULL;
}

/* The i-th choice matching the typed filter (substring or pinyin initials). */
static int filtered(const struct choice *c, const char *filter, int k)
{
	for (int i = 0; i < c->n; i++) {
		int hit = !*filter || strstr(c->label[i], filter) || jz_pinyin_match(c->label[i], filter);
		if (hit && k-- == 0)
			return i;
	}
	return -1;
}

/* ---- checking ---- */

static char *field_text(struct form *f, int i) { return jz_edit_text(&f->ed[i]); }

/* Checks field i; stores the error on its line. Returns 0 when fine. */
static int check_field(jz_desk *d, struct form *f, int i, char *norm, size_t n)
{
	const struct jz_field_def *def = &f->def.fields[i];
	char *text = field_text(f, i);
	jz_err e = {0};
	int rc = 0;
	f->err[i][0] = '\0';
	if (dynamic(def)) {
		const char *v = value_of(&f->ch[i], text);
		if (!v && (*text || def->required))
			rc = jz_fail(&e, JZ_EUSER, "「%s」请从列表中选择", def->label);
		snprintf(norm, n, "%s", v ? v : "");
	} else if (def->type == JZ_F_ID && *text) {
		char today[11], id[19];
		jz_today(today);
		rc = jz_id_normalize(text, today, 0, id, NULL, &e);
		snprintf(norm, n, "%s", rc ? text : id);
	} else
		rc = jz_field_check(def, text, norm, n, &e);
	if (rc)
		snprintf(f->err[i], sizeof f->err[i], "%s", e.msg);
	free(text);
	(void)d;
	return rc;
}

/* ---- drawing ---- */

static int visible_rows(const jz_desk *d) { return d->rows - 2 - 3 - 2; }

static void side_text(struct form *f, int i, char *buf, size_t n)
{
	const struct jz_field_def *def = &f->def.fields[i];
	buf[0] = '\0';
	if (def->type == JZ_F_ID) {
		char *t = field_text(f, i), today[11], id[19];
		jz_id_info info;
		jz_today(today);
		if (*t && jz_id_normalize(t, today, 0, id, &info, NULL) == 0)
			snprintf(buf, n, "%s %s %d岁", jz_sex_label(info.sex), info.birth, jz_age_on(info.birth, today));
		free(t);
	}
}

static void draw_field(jz_desk *d, struct form *f, int i, int y)
{
	const struct jz_field_def *def = &f->def.fields[i];
	char label[96], side[128];
	snprintf(label, sizeof label, "%s%s：", def->required ? "*" : "", def->label);
	jz_draw_right(stdscr, y, 1, label, LABEL_W);
	jz_edit_draw(&f->ed[i], stdscr, y, LABEL_W + 2, EDIT_W, i == f->focus);
	int x = LABEL_W + 3 + EDIT_W, w = d->cols - x - 1;
	if (f->err[i][0]) {
		attron(jz_attr(d, JZ_PAIR_ERROR));
		jz_draw_text(stdscr, y, x, f->err[i], w, 0);
		attroff(jz_attr(d, JZ_PAIR_ERROR));
	} else {
		side_text(f, i, side, sizeof side);
		jz_draw_text(stdscr, y, x, side, w, 0);
	}
}

static void draw_popup(jz_desk *d, struct form *f, int y)
{
	struct choice *c = &f->ch[f->focus];
	char *filter = field_text(f, f->focus);
	int x = LABEL_W + 2, shown = 0;
	int skip = f->pick >= POPUP_ROWS ? f->pick - POPUP_ROWS + 1 : 0;
	for (int k = skip; shown < POPUP_ROWS && y + shown < d->rows - 3; k++) {
		int i = filtered(c, filter, k);
		if (i < 0)
			break;
		int a = k == f->pick ? jz_attr(d, JZ_PAIR_SELECT) : (int)A_REVERSE;
		attron(a);
		jz_draw_text(stdscr, y + shown, x, c->label[i], EDIT_W, 1);
		attroff(a);
		shown++;
	}
	if (!shown)
		jz_draw_text(stdscr, y, x, "（没有匹配的选项）", EDIT_W, 1);
	free(filter);
}

static void draw(jz_desk *d, void *p)
{
	struct form *f = p;
	int rows = visible_rows(d), top = 2;
	if (f->focus < f->scroll)
		f->scroll = f->focus;
	if (f->focus >= f->scroll + rows)
		f->scroll = f->focus - rows + 1;
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, f->def.title, d->cols - 4, 0);
	attroff(A_BOLD);
	for (int i = 0; i < rows && f->scroll + i < f->def.nfields; i++)
		draw_field(d, f, f->scroll + i, top + i);
	const struct jz_field_def *def = &f->def.fields[f->focus];
	jz_draw_text(stdscr, d->rows - 4, 2, def->help, d->cols - 4, 0);
	int y = top + f->focus - f->scroll;
	if (def->type == JZ_F_CHOICE && f->listing)
		draw_popup(d, f, y + 1);
	jz_desk_cursor(d, y, LABEL_W + 2 + jz_edit_layout(&f->ed[f->focus], EDIT_W));
}

/* ---- keys ---- */

static void leave_field(jz_desk *d, struct form *f)
{
	char norm[512];
	if (check_field(d, f, f->focus, norm, sizeof norm))
		jz_desk_msg(d, 1, "%s", f->err[f->focus]); /* the whole message, not cut */
	f->pick = 0;
	f->listing = 0;
}

/* In a choice field that holds a whole choice, typing starts a new filter. */
static void typing_replaces(struct form *f, const jz_key *k)
{
	const struct jz_field_def *def = &f->def.fields[f->focus];
	if (def->type != JZ_F_CHOICE || f->listing || k->is_key || k->code < ' ' || k->code == 127)
		return;
	char *text = field_text(f, f->focus);
	if (value_of(&f->ch[f->focus], text))
		jz_edit_set(&f->ed[f->focus], "");
	free(text);
}

static int go(jz_desk *d, struct form *f, int delta)
{
	int n = f->focus + delta;
	if (n < 0 || n >= f->def.nfields)
		return JZ_KEY_HANDLED;
	leave_field(d, f);
	f->focus = n;
	return JZ_KEY_REDRAW;
}

/* Puts the highlighted pick into the field. */
static void take_pick(struct form *f)
{
	struct choice *c = &f->ch[f->focus];
	char *filter = field_text(f, f->focus);
	int i = filtered(c, filter, f->pick);
	free(filter);
	if (i >= 0) {
		jz_edit_set(&f->ed[f->focus], c->label[i]);
		f->changed = 1;
	}
	f->listing = 0;
}

static int save(jz_desk *d, struct form *f)
{
	char norm[512], why[256] = "";
	jz_err e = {0};
	int first_bad = -1;
	for (int i = 0; i < f->def.nfields; i++) {
		if (check_field(d, f, i, norm, sizeof norm)) {
			if (first_bad < 0)
				first_bad = i;
		} else if (f->ops.set(f->ops.rec, f->def.fields[i].key, norm, &e)) {
			snprintf(f->err[i], sizeof f->err[i], "%s", e.msg);
			if (first_bad < 0)
				first_bad = i;
		}
	}
	if (first_bad >= 0) {
		f->focus = first_bad;
		jz_desk_msg(d, 1, "%s", f->err[first_bad]);
		return JZ_KEY_REDRAW;
	}
	if (f->ops.check && f->ops.check(d, f->ops.rec, &e)) {
		for (int i = 0; i < f->def.nfields; i++)
			if (e.field[0] && !strcmp(e.field, f->def.fields[i].key)) {
				snprintf(f->err[i], sizeof f->err[i], "%s", e.msg);
				f->focus = i;
			}
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	if (f->ops.why_default && !jz_desk_prompt(d, "修改原因：", f->ops.why_default, why, sizeof why))
		return JZ_KEY_REDRAW;
	if (f->ops.save(d, f->ops.rec, why, &e)) {
		for (int i = 0; i < f->def.nfields; i++)
			if (e.field[0] && !strcmp(e.field, f->def.fields[i].key)) {
				snprintf(f->err[i], sizeof f->err[i], "%s", e.msg);
				f->focus = i;
			}
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	jz_desk_msg(d, 0, "已保存");
	return JZ_KEY_CLOSE;
}

static int yesno_key(struct form *f, const jz_key *k)
{
	const char *v = NULL;
	char *cur = field_text(f, f->focus);
	if (k->code == ' ')
		v = strcmp(cur, "是") == 0 ? "否" : "是";
	else if (k->code == 'y' || k->code == 'Y' || k->code == '1')
		v = "是";
	else if (k->code == 'n' || k->code == 'N' || k->code == '0')
		v = "否";
	free(cur);
	if (!v)
		return 0;
	jz_edit_set(&f->ed[f->focus], v);
	f->changed = 1;
	return 1;
}

static int escape(jz_desk *d, struct form *f)
{
	if (!f->changed)
		return JZ_KEY_CLOSE;
	switch (jz_desk_ask(d, "有未保存的修改：s 保存   d 放弃修改   c 继续编辑", "sdc")) {
	case 's': return save(d, f);
	case 'd': return JZ_KEY_CLOSE;
	default: return JZ_KEY_REDRAW;
	}
}

static int list_key(struct form *f, const jz_key *k)
{
	const struct jz_field_def *def = &f->def.fields[f->focus];
	if (def->type != JZ_F_CHOICE)
		return 0;
	if (!f->listing) { /* space or F4 opens the whole list */
		if ((!k->is_key && k->code == ' ') || (k->is_key && k->code == KEY_F(4)))
			return f->listing = 1, f->pick = 0, 1;
		return 0;
	}
	if (!k->is_key && k->code == JZ_ESC)
		return f->listing = 0, 1;
	if (!k->is_key)
		return 0;
	if (k->code == KEY_DOWN) {
		char *filter = field_text(f, f->focus);
		if (filtered(&f->ch[f->focus], filter, f->pick + 1) >= 0)
			f->pick++;
		free(filter);
		return 1;
	}
	if (k->code == KEY_UP && f->pick > 0) {
		f->pick--;
		return 1;
	}
	return 0;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct form *f = p;
	int choice = f->def.fields[f->focus].type == JZ_F_CHOICE;
	if (k->fn == 2 || (!k->is_key && !k->fn && k->code == JZ_CTRL('s')))
		return save(d, f);
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (list_key(f, k))
		return JZ_KEY_REDRAW;
	if (!k->is_key && k->code == JZ_ESC)
		return escape(d, f);
	if (!k->is_key && (k->code == '\t' || k->code == '\n' || k->code == '\r')) {
		if (choice && f->listing)
			take_pick(f);
		return go(d, f, 1);
	}
	if (k->is_key && (k->code == KEY_BTAB || k->code == KEY_UP))
		return go(d, f, -1);
	if (k->is_key && k->code == KEY_DOWN)
		return go(d, f, 1);
	if (!k->is_key && f->def.fields[f->focus].type == JZ_F_YESNO && yesno_key(f, k))
		return JZ_KEY_REDRAW;
	typing_replaces(f, k);
	if (jz_edit_key(&f->ed[f->focus], k->is_key, k->code) == JZ_EDIT_CHANGED) {
		f->changed = 1;
		f->pick = 0;
		f->listing = choice; /* typing in a choice field filters its list */
		f->err[f->focus][0] = '\0';
	}
	return JZ_KEY_REDRAW;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"F2", "保存"};
	out[1] = (struct jz_keyitem){"Tab", "下一项"};
	out[2] = (struct jz_keyitem){"Esc", "返回"};
	return 3;
}

static int is_typing(jz_desk *d, void *p) { (void)d, (void)p; return 1; }

static void free_form(void *p)
{
	struct form *f = p;
	for (int i = 0; f->ed && f->ch && i < f->def.nfields; i++) {
		jz_edit_free(&f->ed[i]);
		for (int k = 0; k < f->ch[i].n; k++) {
			free(f->ch[i].value[k]);
			free(f->ch[i].label[k]);
		}
		free(f->ch[i].value);
		free(f->ch[i].label);
	}
	free(f->ed);
	free(f->err);
	free(f->ch);
	if (f->ops.free)
		f->ops.free(f->ops.rec);
	jz_form_free(&f->def);
	free(f);
}

/* Where a county's own form files live: JIUZHU_FORMS, else forms/ beside
 * the database. */
static void forms_dir(jz_desk *d, char *buf, size_t n)
{
	const char *env = getenv("JIUZHU_FORMS");
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s", jz_db_path(d->s.db));
	snprintf(buf, n, "%s/forms", dirname(path));
}

static int init_fields(jz_desk *d, struct form *f)
{
	int n = f->def.nfields;
	f->ed = calloc(n, sizeof *f->ed);
	f->err = calloc(n, sizeof *f->err);
	f->ch = calloc(n, sizeof *f->ch);
	if (!f->ed || !f->err || !f->ch)
		return -1;
	for (int i = 0; i < n; i++) {
		const struct jz_field_def *def = &f->def.fields[i];
		char val[512] = "";
		if (f->ops.get(f->ops.rec, def->key, val, sizeof val) || !*val)
			snprintf(val, sizeof val, "%s", def->deflt);
		if (def->type == JZ_F_CHOICE)
			choices_load(d, def, &f->ch[i]);
		jz_edit_init(&f->ed[i], dynamic(def) ? label_of(&f->ch[i], val) : val,
			     def->has_max && def->type == JZ_F_TEXT ? (int)def->max : 200);
	}
	return 0;
}

void jz_push_form(jz_desk *d, const char *form, const char *title, const struct jz_form_ops *ops)
{
	char dir[4200];
	jz_err e = {0};
	struct form *f = calloc(1, sizeof *f);
	if (!f) {
		ops->free(ops->rec);
		return;
	}
	f->ops = *ops;
	forms_dir(d, dir, sizeof dir);
	if (jz_form_load(form, dir, &f->def, &e) || !f->def.nfields || init_fields(d, f)) {
		jz_desk_report(d, &e);
		free_form(f);
		return;
	}
	jz_screen s = {.title = title, .st = f, .draw = draw, .key = key, .free = free_form,
		       .keybar = keybar, .typing = is_typing};
	jz_desk_push(d, &s);
}
