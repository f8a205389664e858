/* draw.h — drawing helpers every screen uses.
 *
 * Everything goes through the ncursesw wide-character API (setcchar +
 * mvwadd_wch, one cell at a time), with UTF-8 decoded by jz_utf8_decode:
 * wchar_t is UCS-4 on glibc, and ncursesw converts to the locale's encoding
 * (UTF-8 or GBK) on output, provided the program called setlocale(LC_ALL, "").
 *
 * Columns are measured with jz_cp_width (io/text.h), never wcwidth, so text
 * drawn here takes exactly jz_str_width() columns until it is clipped:
 *   - an invalid UTF-8 byte is drawn as U+FFFD (1 column);
 *   - C0/DEL/C1 controls take no column and are dropped (text.h leaves
 *     replacing them to callers); so are zero-width characters with nothing
 *     before them to combine with;
 *   - ncurses places cells with the C library's wcwidth, so a character
 *     whose wcwidth differs from jz_cp_width (every non-ASCII character in
 *     the C locale; in a zh_CN.GBK locale the ambiguous-width punctuation
 *     such as · — “ ” … ↑ ↓, which GBK draws 2 columns wide, and every
 *     character GBK cannot encode) is drawn as jz_cp_width() '?' instead;
 *   - a character is never split: one that does not fit is not drawn.
 * Drawing uses the window's attributes and colour (wattron before calling);
 * nothing is ever written outside the window or past `cols`. */
#ifndef JZ_DRAW_H
#define JZ_DRAW_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "io/text.h" /* jz_str_width and friends, for callers measuring text */

/* Writes UTF-8 text at (y, x) clipped to cols display columns (never
 * splitting a character, invalid UTF-8 shown as U+FFFD), padding to cols
 * with spaces when pad is set. Returns the columns the text itself took
 * (padding not counted): jz_str_width(utf8) when it fits. NULL draws "". */
int jz_draw_text(WINDOW *w, int y, int x, const char *utf8, int cols, int pad);

/* Same, right-aligned / centred within cols; the rest of the cols columns
 * is filled with spaces. Text too wide is cut at the end, as by
 * jz_draw_text. Return the text's columns. */
int jz_draw_right(WINDOW *w, int y, int x, const char *utf8, int cols);
int jz_draw_center(WINDOW *w, int y, int x, const char *utf8, int cols);

/* The key bar: items like {"F1","帮助"}; drawn on row y from column 0
 * across cols, each key in reverse video directly followed by its label,
 * items one space apart. An item that does not fit whole is dropped (later,
 * shorter ones may still be drawn, in order); never wraps. The rest of the
 * row is filled with spaces. NULL key or label counts as "". */
struct jz_keyitem {
	const char *key;
	const char *label;
};
void jz_draw_keybar(WINDOW *w, int y, int cols, const struct jz_keyitem *items, int n);

/* The engine behind the above, for code that holds code points (the text
 * fields): draws cp[0..n) at (y, x) within cols columns, with `attr` added
 * to the window's attributes, by the rules at the top of this file; pads
 * to cols with spaces when pad is set. Returns the text's columns. */
int jz_draw_cps(WINDOW *w, int y, int x, const uint32_t *cp, size_t n, int cols, int pad, attr_t attr);

/* Writes `count` copies of the single-column character ch at (y, x),
 * clipped to the window, with attr added. */
void jz_draw_fill(WINDOW *w, int y, int x, int count, uint32_t ch, attr_t attr);

#endif
