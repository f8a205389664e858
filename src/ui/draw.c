/* draw.c — text, alignment and the key bar on ncursesw (draw.h).
 *
 * One cell at a time: a spacing character plus the zero-width ones that
 * follow it go into one cchar_t (setcchar) and are placed with mvwadd_wch at
 * a column computed here from jz_cp_width. Explicit positioning means no
 * wrapping and no dependence on where the last write left the cursor, and
 * the bottom-right cell of a window can be written like any other. */
#include "ui/draw.h"

#include <string.h>
#include <wchar.h>

#include "io/text.h"

#if !defined(__STDC_ISO_10646__)
#error "draw.c passes Unicode code points as wchar_t: needs a UCS-4 wchar_t (glibc)"
#endif
#if !NCURSES_WIDECHAR
#error "draw.c needs the wide-character curses API (ncursesw)"
#endif

/* Where code points come from: a UTF-8 string or an array. */
struct src {
	const char *s;
	size_t len;
	const uint32_t *cp;
	size_t n, i;
};

static int src_next(struct src *r, uint32_t *c)
{
	if (r->cp) {
		if (r->i >= r->n)
			return 0;
		*c = r->cp[r->i++];
		return 1;
	}
	if (r->i >= r->len)
		return 0;
	r->i += jz_utf8_decode(r->s + r->i, r->len - r->i, c);
	return 1;
}

static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

/* One cell being assembled: wc[0] spacing, then up to CCHARW_MAX - 1
 * zero-width characters; or, when sub is set, `width` question marks. */
struct cell {
	wchar_t wc[CCHARW_MAX + 1];
	int n, width, sub;
};

static void put(WINDOW *w, int y, int x, const wchar_t *wcs, attr_t attr)
{
	cchar_t cc;

	if (setcchar(&cc, wcs, attr, 0, NULL) != ERR)
		mvwadd_wch(w, y, x, &cc); /* ERR in the bottom-right cell, written anyway */
}

static void flush(WINDOW *w, int y, int x, struct cell *c, attr_t attr)
{
	if (c->n == 0)
		return;
	if (c->sub) {
		static const wchar_t q[] = L"?";
		for (int i = 0; i < c->width; i++)
			put(w, y, x + i, q, attr);
	} else {
		c->wc[c->n] = L'\0';
		put(w, y, x, c->wc, attr);
	}
	c->n = 0;
}

/* Columns left in the window from (y, x), or 0 when (y, x) is outside. */
static int room(WINDOW *w, int y, int x)
{
	if (!w || y < 0 || x < 0 || y >= getmaxy(w) || x >= getmaxx(w))
		return 0;
	return getmaxx(w) - x;
}

static int draw_src(WINDOW *w, int y, int x, struct src *r, int cols, int pad, attr_t attr)
{
	int r_cols = room(w, y, x);
	if (cols > r_cols)
		cols = r_cols;
	if (cols <= 0)
		return 0;

	struct cell c = {.n = 0};
	int col = 0; /* where c goes */
	uint32_t cp;
	while (src_next(r, &cp)) {
		int cw = jz_cp_width(cp);
		if (cw == 0) {
			/* A combining mark joins the cell before it, when there is
			 * one and ncurses agrees it takes no column. */
			if (!is_control(cp) && c.n > 0 && !c.sub && c.n < CCHARW_MAX && wcwidth((wchar_t)cp) == 0)
				c.wc[c.n++] = (wchar_t)cp;
			continue;
		}
		if (col + c.width + cw > cols)
			break;
		flush(w, y, x + col, &c, attr);
		col += c.width;
		c.width = cw;
		c.n = 1;
		c.sub = wcwidth((wchar_t)cp) != cw;
		c.wc[0] = (wchar_t)cp;
	}
	if (c.n) {
		flush(w, y, x + col, &c, attr);
		col += c.width;
	}
	if (pad)
		jz_draw_fill(w, y, x + col, cols - col, ' ', attr);
	return col;
}

void jz_draw_fill(WINDOW *w, int y, int x, int count, uint32_t ch, attr_t attr)
{
	int r = room(w, y, x);
	wchar_t wcs[2] = {(wchar_t)ch, L'\0'};

	if (count > r)
		count = r;
	if (jz_cp_width(ch) != 1 || wcwidth((wchar_t)ch) != 1)
		wcs[0] = L'?';
	for (int i = 0; i < count; i++)
		put(w, y, x + i, wcs, attr);
}

int jz_draw_cps(WINDOW *w, int y, int x, const uint32_t *cp, size_t n, int cols, int pad, attr_t attr)
{
	struct src r = {.cp = cp, .n = cp ? n : 0};
	static const uint32_t none[1];

	if (!r.cp)
		r.cp = none;
	return draw_src(w, y, x, &r, cols, pad, attr);
}

static int draw_utf8(WINDOW *w, int y, int x, const char *utf8, int cols, int pad, attr_t attr)
{
	if (!utf8)
		utf8 = "";
	struct src r = {.s = utf8, .len = strlen(utf8)};
	return draw_src(w, y, x, &r, cols, pad, attr);
}

int jz_draw_text(WINDOW *w, int y, int x, const char *utf8, int cols, int pad)
{
	return draw_utf8(w, y, x, utf8, cols, pad, A_NORMAL);
}

/* Draws utf8 at offset num/den of the free space in cols, spaces around. */
static int draw_aligned(WINDOW *w, int y, int x, const char *utf8, int cols, int num, int den)
{
	int r = room(w, y, x), used;

	if (cols > r)
		cols = r;
	if (cols <= 0)
		return 0;
	if (!utf8)
		utf8 = "";
	jz_str_fit(utf8, cols, &used);
	int off = (cols - used) * num / den;
	jz_draw_fill(w, y, x, off, ' ', A_NORMAL);
	int n = draw_utf8(w, y, x + off, utf8, cols - off, 0, A_NORMAL);
	jz_draw_fill(w, y, x + off + n, cols - off - n, ' ', A_NORMAL);
	return n;
}

int jz_draw_right(WINDOW *w, int y, int x, const char *utf8, int cols)
{
	return draw_aligned(w, y, x, utf8, cols, 1, 1);
}

int jz_draw_center(WINDOW *w, int y, int x, const char *utf8, int cols)
{
	return draw_aligned(w, y, x, utf8, cols, 1, 2);
}

void jz_draw_keybar(WINDOW *w, int y, int cols, const struct jz_keyitem *items, int n)
{
	int r = room(w, y, 0), col = 0;

	if (cols > r)
		cols = r;
	if (cols <= 0)
		return;
	for (int i = 0; items && i < n; i++) {
		const char *key = items[i].key ? items[i].key : "";
		const char *label = items[i].label ? items[i].label : "";
		int kw = jz_str_width(key), lw = jz_str_width(label);
		int gap = col > 0;
		if (kw + lw == 0 || col + gap + kw + lw > cols)
			continue;
		if (gap)
			jz_draw_fill(w, y, col++, 1, ' ', A_NORMAL);
		col += draw_utf8(w, y, col, key, kw, 0, A_REVERSE);
		col += draw_utf8(w, y, col, label, lw, 0, A_NORMAL);
	}
	jz_draw_fill(w, y, col, cols - col, ' ', A_NORMAL);
}
