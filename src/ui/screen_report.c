/* screen_report.c — 报表 at the desk: the month's workbook table by table
 * (scrollable both ways), the cross-checks that failed, the figures changed
 * since it was submitted; exporting the workbook or the CSV files, editing
 * the text part and marking the month 已报送. Keys: Tab / Shift-Tab or 1-8
 * the table, arrows and PgUp PgDn to scroll, [ ] the month, F5 or x the
 * workbook, F6 or c the CSV files, F4 or t the text part, F7 or s 已报送.
 * Every action is one core call (core/report.h), its message shown as is. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/report.h"
#include "core/todo.h"
#include "ui/desk.h"

struct rep {
	char month[8];
	struct jz_report r;
	int built;
	int sheet, row, col;  /* table shown, first row and first column shown */
};

static void load(jz_desk *d, struct rep *p)
{
	jz_err e = {0};
	char dir[4200];
	if (p->built)
		jz_report_free(&p->r);
	p->built = 0;
	jz_report_dir(d->s.db, dir, sizeof dir);
	if (jz_report_build(d->s.db, p->month, dir, &p->r, &e)) {
		jz_report_free(&p->r);
		jz_desk_report(d, &e);
		return;
	}
	p->built = 1;
	if (p->sheet >= p->r.ndefs)
		p->sheet = 0;
}

/* ---- drawing ---- */

static void cell_text(const struct jz_xr_sheet *s, int r, int c, char *buf, size_t n)
{
	const struct jz_xr_cell *x = &s->cells[r * s->def->ncols + c];
	enum jz_rpt_kind k = s->def->cols[c].kind;
	long long a = x->v < 0 ? -x->v : x->v;
	if (!x->has)
		snprintf(buf, n, "%s", "");
	else if (k == JZ_RPT_TEXT)
		snprintf(buf, n, "%s", x->text ? x->text : "");
	else if (k == JZ_RPT_MONEY)
		snprintf(buf, n, "%s%lld.%02lld", x->v < 0 ? "-" : "", a / 100, a % 100);
	else
		snprintf(buf, n, "%lld", x->v);
}

static int col_width(const struct jz_xr_sheet *s, int c)
{
	const struct jz_rpt_col *col = &s->def->cols[c];
	char buf[256];
	int w = jz_str_width(col->head[col->depth - 1]);
	for (int r = 0; r < s->nrows; r++) {
		cell_text(s, r, c, buf, sizeof buf);
		int x = jz_str_width(buf);
		w = x > w ? x : w;
	}
	int cap = col->kind == JZ_RPT_TEXT ? 30 : 14;
	return w > cap ? cap : w < 4 ? 4 : w;
}

static int label_width(const struct jz_xr_sheet *s)
{
	int w = jz_str_width(s->def->label);
	for (int r = 0; r < s->nrows; r++) {
		int x = jz_str_width(s->labels[r]);
		w = x > w ? x : w;
	}
	return w > 16 ? 16 : w;
}

static void draw_status(jz_desk *d, struct rep *p)
{
	const struct jz_figures *f = &p->r.fig;
	const struct jz_xr_sheet *s = &p->r.sheets[p->sheet];
	char line[400];
	snprintf(line, sizeof line, "%s 月报  %d/%d %s%s%s%s", p->month, p->sheet + 1, p->r.ndefs, s->def->sheet,
		 f->roll_locked ? "" : "  草稿（花名册未锁定）", *f->submitted_on ? "  已报送 " : "",
		 f->submitted_on);
	attron(A_BOLD);
	jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 1);
	attroff(A_BOLD);
	if (f->nchecks || f->nchanged) {
		if (f->nchecks)
			snprintf(line, sizeof line, "核对未通过 %d 项：%s", f->nchecks, f->checks[0]);
		else
			snprintf(line, sizeof line, "报送后有 %d 个数字变动：%s", f->nchanged, f->changed[0]);
		attron(jz_attr(d, JZ_PAIR_WARN));
		jz_draw_text(stdscr, 2, 2, line, d->cols - 4, 1);
		attroff(jz_attr(d, JZ_PAIR_WARN));
	} else {
		jz_draw_text(stdscr, 2, 2, "核对全部通过", d->cols - 4, 1);
	}
}

static void draw_table(jz_desk *d, struct rep *p, int top, int rows)
{
	const struct jz_xr_sheet *s = &p->r.sheets[p->sheet];
	const struct jz_report_def *def = s->def;
	char buf[256];
	int lw = label_width(s);
	if (p->col >= def->ncols)
		p->col = def->ncols ? def->ncols - 1 : 0;
	if (p->row > s->nrows - rows)
		p->row = s->nrows - rows > 0 ? s->nrows - rows : 0;
	attron(A_BOLD);
	jz_draw_text(stdscr, top, 2, def->label, lw, 1);
	attroff(A_BOLD);
	for (int r = 0; r < rows && p->row + r < s->nrows; r++)
		jz_draw_text(stdscr, top + 1 + r, 2, s->labels[p->row + r], lw, 1);
	int x = 3 + lw;
	for (int c = p->col; c < def->ncols && x < d->cols - 2; c++) {
		const struct jz_rpt_col *col = &def->cols[c];
		int w = col_width(s, c);
		if (x + w > d->cols - 2 && c > p->col)
			break; /* only whole columns, but the first is always shown */
		if (x + w > d->cols - 2)
			w = d->cols - 2 - x;
		attron(A_BOLD);
		if (col->kind == JZ_RPT_TEXT)
			jz_draw_text(stdscr, top, x, col->head[col->depth - 1], w, 1);
		else
			jz_draw_right(stdscr, top, x, col->head[col->depth - 1], w);
		attroff(A_BOLD);
		for (int r = 0; r < rows && p->row + r < s->nrows; r++) {
			cell_text(s, p->row + r, c, buf, sizeof buf);
			if (col->kind == JZ_RPT_TEXT)
				jz_draw_text(stdscr, top + 1 + r, x, buf, w, 1);
			else
				jz_draw_right(stdscr, top + 1 + r, x, buf, w);
		}
		x += w + 1;
	}
}

static void draw(jz_desk *d, void *st)
{
	struct rep *p = st;
	int top = 4, rows = jz_desk_body_top(d) + jz_desk_body_rows(d) - top - 2;
	if (!p->built) {
		jz_draw_text(stdscr, 1, 2, "月报未能生成（见下方提示）；[ ] 换月份，Esc 返回", d->cols - 4, 0);
		return;
	}
	draw_status(d, p);
	if (rows > 0)
		draw_table(d, p, top, rows);
	const struct jz_xr_sheet *s = &p->r.sheets[p->sheet];
	char line[200];
	snprintf(line, sizeof line, "第 %d 栏起，共 %d 栏 %d 行（方向键翻看）", p->col + 1, s->def->ncols, s->nrows);
	jz_draw_text(stdscr, top + rows + 1, 2, line, d->cols - 4, 1);
}

/* ---- actions ---- */

static void beside_db(jz_desk *d, const char *name, char *out, size_t n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s", jz_db_path(d->s.db));
	snprintf(out, n, "%s/%s", dirname(path), name);
}

static int export_xlsx(jz_desk *d, struct rep *p)
{
	char def[4200], name[64], path[4200];
	jz_err e = {0};
	snprintf(name, sizeof name, "月报_%s.xlsx", p->month);
	beside_db(d, name, def, sizeof def);
	if (!p->built || !jz_desk_prompt(d, "导出月报到文件：", def, path, sizeof path))
		return JZ_KEY_REDRAW;
	if (jz_report_write_xlsx(&p->r, path, &e))
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已导出 %s（%d 张表）", path, p->r.ndefs);
	return JZ_KEY_REDRAW;
}

static int export_csv(jz_desk *d, struct rep *p)
{
	char def[4200], dir[4200];
	jz_err e = {0};
	beside_db(d, "", def, sizeof def);
	if (!p->built || !jz_desk_prompt(d, "CSV 写到文件夹（GBK）：", def, dir, sizeof dir))
		return JZ_KEY_REDRAW;
	if (jz_report_write_csv(&p->r, dir, 0, &e))
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已写出 %d 个 CSV 文件到 %s", p->r.ndefs, dir);
	return JZ_KEY_REDRAW;
}

static int edit_text(jz_desk *d, struct rep *p)
{
	struct jz_report_text *t = calloc(2, sizeof *t);
	jz_err e = {0};
	if (!t)
		return JZ_KEY_REDRAW;
	if (jz_report_text_get(d->s.db, p->month, &t[0], &e)) {
		jz_desk_report(d, &e);
	} else if (jz_desk_prompt(d, "工作进展情况：", t[0].progress, t[1].progress, sizeof t[1].progress) &&
		   jz_desk_prompt(d, "存在问题及困难：", t[0].problems, t[1].problems, sizeof t[1].problems) &&
		   jz_desk_prompt(d, "请求帮助解决：", t[0].help, t[1].help, sizeof t[1].help)) {
		if (jz_report_text_set(&d->s, p->month, t[1].progress, t[1].problems, t[1].help, &e))
			jz_desk_report(d, &e);
		else {
			load(d, p);
			jz_desk_msg(d, 0, "%s 月报文字部分已保存", p->month);
		}
	} else {
		jz_desk_msg(d, 0, "没有保存，文字部分保持原样");
	}
	free(t);
	return JZ_KEY_REDRAW;
}

static int submit(jz_desk *d, struct rep *p)
{
	char q[200];
	jz_err e = {0};
	if (p->built && p->r.fig.nchecks)
		snprintf(q, sizeof q, "有 %d 项核对未通过，仍标记 %s 月报为已报送（%s）？y 是 n 否", p->r.fig.nchecks,
			 p->month, d->today);
	else
		snprintf(q, sizeof q, "标记 %s 月报为已报送（%s）并保存报送时的数字？y 是 n 否", p->month, d->today);
	if (jz_desk_ask(d, q, "yn") != 'y')
		return JZ_KEY_REDRAW;
	if (jz_report_submit(&d->s, p->month, d->today, &e)) {
		jz_desk_report(d, &e);
		return JZ_KEY_REDRAW;
	}
	load(d, p);
	jz_desk_msg(d, 0, "%s 月报已报送，首页改为倒数下月的截止日", p->month);
	return JZ_KEY_REDRAW;
}

static int move_month(jz_desk *d, struct rep *p, int n)
{
	char m[8];
	jz_month_add(p->month, n, m);
	memcpy(p->month, m, sizeof p->month);
	p->row = p->col = 0;
	load(d, p);
	return JZ_KEY_REDRAW;
}

static int browse(struct rep *p, unsigned code, int page)
{
	switch (code) {
	case KEY_UP: p->row -= p->row > 0; break;
	case KEY_DOWN: p->row++; break; /* draw clamps */
	case KEY_PPAGE: p->row = p->row > page ? p->row - page : 0; break;
	case KEY_NPAGE: p->row += page; break;
	case KEY_LEFT: p->col -= p->col > 0; break;
	case KEY_RIGHT: p->col++; break;
	case KEY_HOME: p->row = p->col = 0; break;
	case KEY_BTAB: p->sheet = p->sheet > 0 ? p->sheet - 1 : (p->r.ndefs ? p->r.ndefs - 1 : 0); p->row = p->col = 0; break;
	default: return JZ_KEY_IGNORED;
	}
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *st, const jz_key *k)
{
	struct rep *p = st;
	if (k->fn == 4)
		return edit_text(d, p);
	if (k->fn == 5)
		return export_xlsx(d, p);
	if (k->fn == 6)
		return export_csv(d, p);
	if (k->fn == 7)
		return submit(d, p);
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key)
		return p->built ? browse(p, k->code, jz_desk_body_rows(d) - 6) : JZ_KEY_IGNORED;
	switch (k->code) {
	case '\t':
		p->sheet = p->r.ndefs ? (p->sheet + 1) % p->r.ndefs : 0;
		p->row = p->col = 0;
		return JZ_KEY_REDRAW;
	case '[': return move_month(d, p, -1);
	case ']': return move_month(d, p, 1);
	case 't': return edit_text(d, p);
	case 'x': return export_xlsx(d, p);
	case 'c': return export_csv(d, p);
	case 's': return submit(d, p);
	case JZ_ESC: return JZ_KEY_CLOSE;
	}
	if (k->code >= '1' && k->code <= '8' && (int)(k->code - '1') < p->r.ndefs) {
		p->sheet = (int)(k->code - '1');
		p->row = p->col = 0;
		return JZ_KEY_REDRAW;
	}
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *st, struct jz_keyitem *out, int max)
{
	(void)d, (void)st, (void)max;
	out[0] = (struct jz_keyitem){"Tab", "换表"};
	out[1] = (struct jz_keyitem){"[]", "月份"};
	out[2] = (struct jz_keyitem){"F4/t", "文字"};
	out[3] = (struct jz_keyitem){"F5/x", "导出"};
	out[4] = (struct jz_keyitem){"F6/c", "CSV"};
	out[5] = (struct jz_keyitem){"F7/s", "报送"};
	out[6] = (struct jz_keyitem){"Esc", "返回"};
	return 7;
}

static void resume(jz_desk *d, void *st) { load(d, st); }

static void free_rep(void *st)
{
	struct rep *p = st;
	if (p->built)
		jz_report_free(&p->r);
	free(p);
}

void jz_push_report(jz_desk *d)
{
	struct rep *p = calloc(1, sizeof *p);
	struct jz_deadline dl;
	jz_err e = {0};
	if (!p)
		return;
	if (jz_report_deadline_db(d->s.db, d->today, &dl, &e))
		jz_report_deadline(d->today, &dl);
	memcpy(p->month, dl.month, sizeof p->month);
	load(d, p);
	jz_screen s = {.title = "报表", .st = p, .draw = draw, .key = key, .free = free_rep,
		       .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
