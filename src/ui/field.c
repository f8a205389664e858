/* field.c — the form field editor (field.h): editing and layout on an
 * array of code points, drawing through ui/draw.h. */
#include "ui/field.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/text.h"

/* ---- characters ---- */

static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

/* 1 if c may be stored in ed. */
static int storable(const jz_edit *ed, uint32_t c)
{
	if (c == '\n')
		return ed->multiline;
	return !is_control(c) && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

/* The mask actually drawn: a one-column character. */
static uint32_t mask_cp(const jz_edit *ed)
{
	return jz_cp_width(ed->mask) == 1 ? ed->mask : '*';
}

/* Columns c takes in ed's display. */
static int cpw(const jz_edit *ed, uint32_t c)
{
	if (c == '\n')
		return 0;
	if (ed->mask && !ed->multiline)
		return 1;
	return jz_cp_width(c);
}

static int limit(const jz_edit *ed)
{
	return ed->max_chars > 0 && ed->max_chars < JZ_EDIT_HARD_MAX ? ed->max_chars : JZ_EDIT_HARD_MAX;
}

/* ---- storage ---- */

/* Room for `more` characters past len; 0 or -1 when out of memory. */
static int reserve(jz_edit *ed, int more)
{
	if (ed->len + more <= ed->cap)
		return 0;
	size_t cap = ed->cap ? (size_t)ed->cap : 16;
	while (cap < (size_t)ed->len + (size_t)more)
		cap *= 2;
	uint32_t *p = realloc(ed->cp, cap * sizeof *p);
	if (!p)
		return -1;
	ed->cp = p;
	ed->cap = (int)cap;
	return 0;
}

static enum jz_edit_result del_range(jz_edit *ed, int from, int to)
{
	if (from < 0)
		from = 0;
	if (to > ed->len)
		to = ed->len;
	if (from >= to)
		return JZ_EDIT_IGNORED;
	memmove(ed->cp + from, ed->cp + to, (size_t)(ed->len - to) * sizeof *ed->cp);
	ed->len -= to - from;
	if (ed->cursor >= to)
		ed->cursor -= to - from;
	else if (ed->cursor > from)
		ed->cursor = from;
	ed->dirty = 1;
	return JZ_EDIT_CHANGED;
}

static enum jz_edit_result insert_one(jz_edit *ed, uint32_t c)
{
	if (!storable(ed, c) || ed->len >= limit(ed) || reserve(ed, 1))
		return JZ_EDIT_IGNORED;
	memmove(ed->cp + ed->cursor + 1, ed->cp + ed->cursor, (size_t)(ed->len - ed->cursor) * sizeof *ed->cp);
	ed->cp[ed->cursor++] = c;
	ed->len++;
	ed->dirty = 1;
	return JZ_EDIT_CHANGED;
}

/* Next character of pasted text at s[*i..len), advancing *i: 1 with *c
 * set, or 0 when the bytes read are dropped. */
static int paste_next(const jz_edit *ed, const char *s, size_t len, size_t *i, uint32_t *c)
{
	*i += jz_utf8_decode(s + *i, len - *i, c);
	if (*c == '\r' && ed->multiline) {
		if (*i < len && s[*i] == '\n')
			return 0; /* the '\n' comes next */
		*c = '\n';
	}
	return storable(ed, *c);
}

/* ---- the API ---- */

void jz_edit_init(jz_edit *ed, const char *utf8, int max_chars)
{
	memset(ed, 0, sizeof *ed);
	ed->max_chars = max_chars > 0 ? max_chars : 0;
	jz_edit_set(ed, utf8);
}

void jz_edit_free(jz_edit *ed)
{
	free(ed->cp);
	ed->cp = NULL;
	ed->len = ed->cap = ed->cursor = ed->scroll = 0;
}

void jz_edit_set(jz_edit *ed, const char *utf8)
{
	ed->len = ed->cursor = ed->scroll = 0;
	jz_edit_insert_utf8(ed, utf8);
	ed->cursor = ed->len;
	ed->dirty = 0;
}

char *jz_edit_text(const jz_edit *ed)
{
	char *out = malloc((size_t)ed->len * 4 + 1), *p = out;

	if (!out) {
		fputs("jiuzhu: out of memory\n", stderr);
		abort();
	}
	for (int i = 0; i < ed->len; i++)
		p += jz_utf8_encode(ed->cp[i], p);
	*p = '\0';
	return out;
}

void jz_edit_insert_utf8(jz_edit *ed, const char *s)
{
	if (!s || !*s)
		return;
	size_t len = strlen(s), i = 0, end;
	int room = limit(ed) - ed->len, n = 0;
	uint32_t c;

	/* Count what goes in, then open the gap once: a huge paste stays
	 * linear. */
	while (i < len && n < room)
		n += paste_next(ed, s, len, &i, &c);
	end = i;
	if (n == 0 || reserve(ed, n))
		return;
	int at = ed->cursor;
	memmove(ed->cp + at + n, ed->cp + at, (size_t)(ed->len - at) * sizeof *ed->cp);
	for (i = 0; i < end;)
		if (paste_next(ed, s, len, &i, &c))
			ed->cp[at++] = c;
	ed->len += n;
	ed->cursor = at;
	ed->dirty = 1;
}

/* ---- lines (notes) ---- */

static int line_start(const jz_edit *ed)
{
	int i = ed->cursor;
	if (!ed->multiline)
		return 0;
	while (i > 0 && ed->cp[i - 1] != '\n')
		i--;
	return i;
}

static int line_end(const jz_edit *ed)
{
	int i = ed->cursor;
	if (!ed->multiline)
		return ed->len;
	while (i < ed->len && ed->cp[i] != '\n')
		i++;
	return i;
}

/* The display row that starts at `start`, `cols` wide: returns where the
 * next row starts, or -1 when this row is the last (holds the text's end).
 * Every cursor position in a row gets a cell within cols: a newline and
 * the end of the text need one column, a zero-width character's position
 * one too. A character wider than cols still gets a row of its own. */
static int next_row(const jz_edit *ed, int start, int cols)
{
	int col = 0;

	for (int i = start; i < ed->len; i++) {
		uint32_t c = ed->cp[i];
		int w = cpw(ed, c), need = w ? w : 1;
		if (col + need > cols && i > start)
			return i;
		if (c == '\n')
			return i + 1;
		col += w;
	}
	if (col + 1 > cols && ed->len > start)
		return ed->len; /* the end gets an empty row */
	return -1;
}

static int width_between(const jz_edit *ed, int from, int to)
{
	int w = 0;
	for (int i = from; i < to; i++)
		w += cpw(ed, ed->cp[i]);
	return w;
}

static enum jz_edit_result vertical(jz_edit *ed, int dir)
{
	int cols = ed->wrap_cols > 0 ? ed->wrap_cols : INT_MAX / 4;
	int prev = -1, start = 0, next;

	for (;;) {
		next = next_row(ed, start, cols);
		if (next < 0 || ed->cursor < next)
			break;
		prev = start;
		start = next;
	}
	int goal = width_between(ed, start, ed->cursor), target, tnext;
	if (dir < 0) {
		if (prev < 0)
			return JZ_EDIT_IGNORED;
		target = prev;
		tnext = start;
	} else {
		if (next < 0)
			return JZ_EDIT_IGNORED;
		target = next;
		tnext = next_row(ed, next, cols);
	}
	/* Positions in the target row run from target to tnext - 1 (its
	 * newline, or its last character when it wraps), or to len. */
	int last = tnext < 0 ? ed->len : tnext - 1, p = target, col = 0;
	while (p < last && col + cpw(ed, ed->cp[p]) <= goal)
		col += cpw(ed, ed->cp[p++]);
	ed->cursor = p;
	return JZ_EDIT_MOVED;
}

/* ---- keys ---- */

static enum jz_edit_result move_to(jz_edit *ed, int p)
{
	if (p < 0)
		p = 0;
	if (p > ed->len)
		p = ed->len;
	if (p == ed->cursor)
		return JZ_EDIT_IGNORED;
	ed->cursor = p;
	return JZ_EDIT_MOVED;
}

static enum jz_edit_result kill_to_end(jz_edit *ed)
{
	int e = line_end(ed);
	if (ed->multiline && e == ed->cursor && e < ed->len)
		e++; /* at the line's end: join the next line */
	return del_range(ed, ed->cursor, e);
}

enum jz_edit_result jz_edit_key(jz_edit *ed, int is_key, unsigned key)
{
	if (ed->cursor < 0 || ed->cursor > ed->len)
		ed->cursor = ed->cursor < 0 ? 0 : ed->len;
	if (is_key) {
		switch (key) {
		case KEY_LEFT:
			return move_to(ed, ed->cursor - 1);
		case KEY_RIGHT:
			return move_to(ed, ed->cursor + 1);
		case KEY_HOME:
			return move_to(ed, line_start(ed));
		case KEY_END:
			return move_to(ed, line_end(ed));
		case KEY_BACKSPACE:
			return del_range(ed, ed->cursor - 1, ed->cursor);
		case KEY_DC:
			return del_range(ed, ed->cursor, ed->cursor + 1);
		case KEY_ENTER:
			return ed->multiline ? insert_one(ed, '\n') : JZ_EDIT_IGNORED;
		case KEY_UP:
			return ed->multiline ? vertical(ed, -1) : JZ_EDIT_IGNORED;
		case KEY_DOWN:
			return ed->multiline ? vertical(ed, 1) : JZ_EDIT_IGNORED;
		}
		return JZ_EDIT_IGNORED;
	}
	switch (key) {
	case 127:
	case 8:
		return del_range(ed, ed->cursor - 1, ed->cursor);
	case 1: /* Ctrl-A */
		return move_to(ed, line_start(ed));
	case 5: /* Ctrl-E */
		return move_to(ed, line_end(ed));
	case 11: /* Ctrl-K */
		return kill_to_end(ed);
	case 21: /* Ctrl-U */
		return del_range(ed, line_start(ed), ed->cursor);
	case '\n':
	case '\r':
		return ed->multiline ? insert_one(ed, '\n') : JZ_EDIT_IGNORED;
	}
	if (is_control(key))
		return JZ_EDIT_IGNORED;
	return insert_one(ed, key);
}

/* ---- single-line layout and drawing ---- */

/* Marks need room for themselves and a wide character between them. */
#define MARK_MIN_COLS 4

int jz_edit_layout(jz_edit *ed, int cols)
{
	int len = ed->len, c = ed->cursor, s = ed->scroll;

	if (c < 0 || c > len)
		ed->cursor = c = c < 0 ? 0 : len;
	if (s > c)
		s = c;
	if (s < 0)
		s = 0;
	if (cols <= 0) {
		ed->scroll = s;
		return 0;
	}
	int marks = cols >= MARK_MIN_COLS;
	/* pre: columns of s..c-1; tail: of s..len-1. Both follow s. */
	long pre = 0, tail;
	for (int i = s; i < c; i++)
		pre += cpw(ed, ed->cp[i]);
	tail = pre;
	for (int i = c; i < len; i++)
		tail += cpw(ed, ed->cp[i]);
	int cw = c < len && cpw(ed, ed->cp[c]) > 1 ? cpw(ed, ed->cp[c]) : 1;

	/* Forward until the cursor's cell fits between the marks. */
	for (;;) {
		int L = marks && s > 0;
		int R = marks && tail > cols - L;
		if (s >= c || pre + cw <= cols - L - R)
			break;
		int w = cpw(ed, ed->cp[s++]);
		pre -= w;
		tail -= w;
	}
	/* Back while everything from s-1 on, and a cell after it, fits. */
	while (s > 0) {
		int w = cpw(ed, ed->cp[s - 1]);
		int L = marks && s - 1 > 0;
		if (tail + w + 1 > cols - L)
			break;
		s--;
		pre += w;
		tail += w;
	}
	ed->scroll = s;
	long col = (marks && s > 0) + pre;
	return col < cols ? (int)col : cols - 1;
}

/* Columns of the window from (y, x) that a field of cols may use. */
static int clip_cols(WINDOW *win, int y, int x, int cols)
{
	if (!win || y < 0 || x < 0 || y >= getmaxy(win) || x >= getmaxx(win))
		return 0;
	return cols < getmaxx(win) - x ? cols : getmaxx(win) - x;
}

void jz_edit_draw(jz_edit *ed, WINDOW *win, int y, int x, int cols, int focused)
{
	cols = clip_cols(win, y, x, cols);
	if (cols <= 0)
		return;
	int cur = jz_edit_layout(ed, cols);
	attr_t a = focused ? A_UNDERLINE : A_NORMAL;

	if (ed->len == 0) {
		jz_draw_fill(win, y, x, cols, JZ_EDIT_FILL, a);
	} else {
		int s = ed->scroll, marks = cols >= MARK_MIN_COLS;
		int L = marks && s > 0, tail = 0;
		for (int i = s; i < ed->len && tail <= cols; i++)
			tail += cpw(ed, ed->cp[i]);
		int R = marks && tail > cols - L, area = cols - L - R;
		if (L)
			jz_draw_fill(win, y, x, 1, '<', a);
		if (ed->mask) {
			int n = ed->len - s < area ? ed->len - s : area;
			jz_draw_fill(win, y, x + L, n, mask_cp(ed), a);
			jz_draw_fill(win, y, x + L + n, area - n, ' ', a);
		} else {
			jz_draw_cps(win, y, x + L, ed->cp + s, (size_t)(ed->len - s), area, 1, a);
		}
		if (R)
			jz_draw_fill(win, y, x + cols - 1, 1, '>', a);
	}
	if (focused)
		wmove(win, y, x + cur);
}

/* ---- notes: layout and drawing ---- */

void jz_edit_layout_lines(jz_edit *ed, int rows, int cols, int *row, int *col)
{
	int len = ed->len;

	if (ed->cursor < 0 || ed->cursor > len)
		ed->cursor = ed->cursor < 0 ? 0 : len;
	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	ed->wrap_cols = cols;
	int scroll = ed->scroll < 0 ? 0 : ed->scroll > len ? len : ed->scroll;
	int start = 0, r = 0, cr = -1, sr = -1, cstart = 0;
	for (;;) {
		int next = next_row(ed, start, cols);
		if (cr < 0 && (next < 0 || ed->cursor < next))
			cr = r, cstart = start;
		if (sr < 0 && (next < 0 || scroll < next))
			sr = r;
		if (next < 0)
			break;
		start = next;
		r++;
	}
	int total = r + 1;
	if (sr > cr)
		sr = cr;
	if (cr >= sr + rows)
		sr = cr - rows + 1;
	if (sr > total - rows)
		sr = total - rows > 0 ? total - rows : 0;
	start = 0;
	for (r = 0; r < sr; r++)
		start = next_row(ed, start, cols);
	ed->scroll = start;
	if (row)
		*row = cr - sr;
	if (col) {
		int w = width_between(ed, cstart, ed->cursor);
		*col = w < cols ? w : cols - 1;
	}
}

void jz_edit_draw_lines(jz_edit *ed, WINDOW *win, int y, int x, int rows, int cols, int focused)
{
	cols = clip_cols(win, y, x, cols);
	if (!win || cols <= 0)
		return;
	if (rows > getmaxy(win) - y)
		rows = getmaxy(win) - y;
	if (rows <= 0)
		return;
	int crow, ccol;
	jz_edit_layout_lines(ed, rows, cols, &crow, &ccol);
	attr_t a = focused ? A_UNDERLINE : A_NORMAL;
	int start = ed->len ? ed->scroll : -1;

	for (int i = 0; i < rows; i++) {
		if (start < 0) {
			jz_draw_fill(win, y + i, x, cols, ed->len ? ' ' : JZ_EDIT_FILL, a);
			continue;
		}
		int next = next_row(ed, start, cols), end = next < 0 ? ed->len : next;
		int n = end - start;
		if (n > 0 && ed->cp[end - 1] == '\n')
			n--;
		jz_draw_cps(win, y + i, x, ed->cp + start, (size_t)n, cols, 1, a);
		start = next;
	}
	if (focused)
		wmove(win, y + crow, x + ccol);
}
