/* screen_import.c — 导入花名册 at the desk: the clerk types the file's path,
 * F3 (or Enter, or s) checks it without writing (the summary and every
 * problem, scrollable), F2 (or i) imports it with a progress bar and shows
 * the result. The work is core/import.c, the same call as
 * `jiuzhu import roster`. Villages the file names that the township lacks
 * are created only when the clerk answers y to the question. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "ui/desk.h"
#include "ui/field.h"

struct imp {
	jz_edit path;
	int typing;        /* the cursor is in the path field */
	char **rows;       /* the result as display rows, wrapped to the screen */
	int nrows;
	int scroll;
	int checked_ok;    /* the last dry run found no problem */
	int add_villages;
	jz_desk *d;        /* for the progress bar */
};

static void clear_rows(struct imp *m)
{
	for (int i = 0; i < m->nrows; i++)
		free(m->rows[i]);
	free(m->rows);
	m->rows = NULL;
	m->nrows = 0;
	m->scroll = 0;
}

static void add_row(struct imp *m, const char *s, size_t n)
{
	char **g = realloc(m->rows, (size_t)(m->nrows + 1) * sizeof *g);
	char *r = malloc(n + 1);
	if (!g || !r) {
		free(r);
		if (g)
			m->rows = g;
		return;
	}
	memcpy(r, s, n);
	r[n] = '\0';
	m->rows = g;
	m->rows[m->nrows++] = r;
}

/* Adds text (lines split at '\n'), wrapped to cols, continuation indented. */
static void add_text(struct imp *m, const char *text, int cols)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), p);
		const char *q = line;
		int first = 1;
		do {
			char buf[1100];
			snprintf(buf, sizeof buf, "%s%s", first ? "" : "    ", q);
			size_t fit = jz_str_fit(q, cols - (first ? 0 : 4), NULL);
			if (fit == 0 && *q)
				fit = 1;
			add_row(m, buf, fit + (first ? 0 : 4));
			q += fit;
			first = 0;
		} while (*q);
		p += len + (nl != NULL);
	}
}

static void show_result(struct imp *m, const struct jz_import_result *r, int dry, int rc, const jz_err *e,
			int cols)
{
	char summary[4096];
	clear_rows(m);
	if (r->rows) {
		jz_import_summary(r, dry || rc, summary, sizeof summary);
		char *tail = strstr(summary, "试导入");
		if (rc && tail)
			*tail = '\0';
		add_text(m, summary, cols);
	}
	if (rc)
		add_text(m, e->msg, cols);
	char head[128];
	if (r->problems_total) {
		snprintf(head, sizeof head, "问题 %d 处%s：", r->problems_total,
			 r->problems_total > r->nproblems ? "（只列出前面的）" : "");
		add_text(m, head, cols);
		for (int i = 0; i < r->nproblems; i++)
			add_text(m, r->problems[i], cols);
	}
	if (r->notes_total) {
		snprintf(head, sizeof head, "修复和说明 %d 处：", r->notes_total);
		add_text(m, head, cols);
		for (int i = 0; i < r->nnotes; i++)
			add_text(m, r->notes[i], cols);
	}
}

static void draw(jz_desk *d, void *p)
{
	struct imp *m = p;
	int top = jz_desk_body_top(d), rows = jz_desk_body_rows(d);
	jz_draw_text(stdscr, top, 2, "文件：", 6, 0);
	jz_edit_draw(&m->path, stdscr, top, 8, d->cols - 10, m->typing);
	jz_draw_text(stdscr, top + 1, 2, "CSV（UTF-8 或 GBK）或 xlsx，一行一人；先试导入，看过汇总和问题再导入",
		     d->cols - 4, 0);
	int first = top + 3, n = rows - 3;
	if (!m->nrows) {
		jz_draw_text(stdscr, first, 2, "写好文件路径，按 F3 试导入（只检查，不写入）", d->cols - 4, 0);
		return;
	}
	if (m->scroll > m->nrows - n)
		m->scroll = m->nrows - n > 0 ? m->nrows - n : 0;
	for (int i = 0; i < n - 1 && m->scroll + i < m->nrows; i++)
		jz_draw_text(stdscr, first + i, 2, m->rows[m->scroll + i], d->cols - 4, 0);
	if (m->nrows > n - 1) {
		char more[96];
		snprintf(more, sizeof more, "第 %d-%d 行，共 %d 行（上下键、PgUp PgDn 翻看）", m->scroll + 1,
			 m->scroll + n - 1 < m->nrows ? m->scroll + n - 1 : m->nrows, m->nrows);
		jz_draw_text(stdscr, first + n - 1, 2, more, d->cols - 4, 0);
	}
}

static void progress(int done, int total, void *arg)
{
	struct imp *m = arg;
	jz_desk *d = m->d;
	int y = jz_desk_body_top(d) + 3, width = d->cols - 30;
	int fill = total > 0 ? (int)((long long)done * width / total) : width;
	char line[64];
	jz_draw_text(stdscr, y, 2, "导入中 [", 8, 0);
	jz_draw_fill(stdscr, y, 10, fill, '#', 0);
	jz_draw_fill(stdscr, y, 10 + fill, width - fill, '-', 0);
	snprintf(line, sizeof line, "] %d / %d 户", done, total);
	jz_draw_text(stdscr, y, 10 + width, line, 20, 1);
	wnoutrefresh(stdscr);
	doupdate();
}

static int run(jz_desk *d, struct imp *m, int dry)
{
	char *path = jz_edit_text(&m->path);
	struct jz_import_result r;
	jz_err e = {0};
	if (!path || !*path) {
		free(path);
		jz_desk_msg(d, 1, "请先写文件路径，例如 /home/user/花名册.xlsx");
		m->typing = 1;
		return JZ_KEY_REDRAW;
	}
	if (!dry) {
		int k = jz_desk_ask(d, "导入后所有户、人和案件一次写入，确定导入？（y 是 / n 否）", "yn");
		if (k != 'y') {
			free(path);
			return JZ_KEY_REDRAW;
		}
		clear_rows(m);
		erase();
	}
	struct jz_import_opts o = {.path = path, .dry_run = dry, .add_villages = m->add_villages,
				   .progress = dry ? NULL : progress, .arg = m};
	int rc = jz_import_roster(&d->s, &o, &r, &e);
	show_result(m, &r, dry, rc, &e, d->cols - 4);
	m->checked_ok = dry && !rc;
	m->typing = 0;
	if (rc)
		jz_desk_msg(d, 1, "%s", e.msg);
	else if (dry)
		jz_desk_msg(d, 0, "试导入没有发现问题，什么也没有写入；按 F2 导入");
	else
		jz_desk_msg(d, 0, "%s", r.written ? "导入完成" : "救助台里已经是这样，没有变化");
	jz_import_result_free(&r);
	free(path);
	return JZ_KEY_REDRAW;
}

/* With villages the township lacks: asks whether to create them. */
static int villages(jz_desk *d, struct imp *m)
{
	int k = jz_desk_ask(d, m->add_villages ? "不再新建花名册里的新村（社区）？（y 是 / n 否）"
					       : "新建花名册里救助台没有的村（社区）？（y 是 / n 否）", "yn");
	if (k == 'y')
		m->add_villages = !m->add_villages;
	jz_desk_msg(d, 0, m->add_villages ? "将新建花名册里的新村（社区），请再试导入核对" : "不新建村（社区）");
	return JZ_KEY_REDRAW;
}

static int scroll_rows(struct imp *m, jz_desk *d, unsigned code)
{
	int page = jz_desk_body_rows(d) - 5;
	switch (code) {
	case KEY_UP: m->scroll -= m->scroll > 0; break;
	case KEY_DOWN: m->scroll++; break; /* draw clamps it */
	case KEY_PPAGE: m->scroll = m->scroll > page ? m->scroll - page : 0; break;
	case KEY_NPAGE: m->scroll += page; break;
	case KEY_HOME: m->scroll = 0; break;
	case KEY_END: m->scroll = m->nrows; break;
	default: return JZ_KEY_IGNORED;
	}
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct imp *m = p;
	if (k->fn == 3)
		return run(d, m, 1);
	if (k->fn == 2)
		return run(d, m, 0);
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (!k->is_key && k->code == JZ_ESC)
		return JZ_KEY_CLOSE;
	if (!k->is_key && k->code == '\t') {
		m->typing = !m->typing;
		return JZ_KEY_REDRAW;
	}
	if (m->typing) {
		if (!k->is_key && (k->code == '\n' || k->code == '\r'))
			return run(d, m, 1);
		if (k->is_key && (k->code == KEY_PPAGE || k->code == KEY_NPAGE))
			return scroll_rows(m, d, k->code);
		jz_edit_key(&m->path, k->is_key, k->code);
		return JZ_KEY_REDRAW;
	}
	if (k->is_key)
		return scroll_rows(m, d, k->code);
	switch (k->code) {
	case 's': return run(d, m, 1);
	case 'i': return run(d, m, 0);
	case 'v': return villages(d, m);
	case 'e':
	case '\n':
	case '\r': m->typing = 1; return JZ_KEY_REDRAW;
	}
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	struct imp *m = p;
	(void)d, (void)max;
	if (m->typing) {
		out[0] = (struct jz_keyitem){"F3", "试导入"};
		out[1] = (struct jz_keyitem){"F2", "导入"};
		out[2] = (struct jz_keyitem){"Tab", "看结果"};
		out[3] = (struct jz_keyitem){"Esc", "返回"};
		return 4;
	}
	out[0] = (struct jz_keyitem){"s/F3", "试导入"};
	out[1] = (struct jz_keyitem){"i/F2", "导入"};
	out[2] = (struct jz_keyitem){"v", "新建村"};
	out[3] = (struct jz_keyitem){"e", "改路径"};
	out[4] = (struct jz_keyitem){"Esc", "返回"};
	return 5;
}

static int typing(jz_desk *d, void *p)
{
	(void)d;
	return ((struct imp *)p)->typing;
}

static void free_imp(void *p)
{
	struct imp *m = p;
	clear_rows(m);
	jz_edit_free(&m->path);
	free(m);
}

void jz_push_import(jz_desk *d)
{
	struct imp *m = calloc(1, sizeof *m);
	if (!m)
		return;
	m->d = d;
	m->typing = 1;
	jz_edit_init(&m->path, "", 1000);
	jz_screen s = {.title = "导入花名册", .st = m, .draw = draw, .key = key, .free = free_imp,
		       .keybar = keybar, .typing = typing};
	jz_desk_push(d, &s);
}
