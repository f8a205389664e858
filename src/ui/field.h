/* field.h — the text editor behind every form field.
 *
 * A field is an array of code points edited by character (a hanzi typed
 * through an input method arrives from get_wch as one character), with a
 * cursor and a horizontal scroll. Editing (jz_edit_key, jz_edit_insert_utf8)
 * and layout (jz_edit_layout) need no terminal and are unit-tested alone;
 * jz_edit_draw puts the result on a curses window through ui/draw.h, so
 * the same width rules apply (jz_cp_width; a hanzi takes 2 columns and is
 * never split).
 *
 * Single-line fields never hold control characters. A note (multiline = 1)
 * also holds '\n' and is laid out and drawn with the _lines functions,
 * soft-wrapped to the box width.
 *
 * Usage:
 *     jz_edit name;
 *     jz_edit_init(&name, "王建国", 20);
 *     ... jz_edit_key(&name, is_key, code) for each key from get_wch ...
 *     jz_edit_draw(&name, win, y, x, 24, focused);
 *     char *s = jz_edit_text(&name); ... free(s);
 *     jz_edit_free(&name);
 */
#ifndef JZ_FIELD_H
#define JZ_FIELD_H

#include <stdint.h>

#include "ui/draw.h"

/* Shown in every free column of an empty field. */
#define JZ_EDIT_FILL '_'

/* Longest text a field holds, whatever max_chars says. */
#define JZ_EDIT_HARD_MAX (1 << 24)

typedef struct jz_edit {
	uint32_t *cp; /* the text: len code points, no terminator */
	int len, cap;
	int cursor;    /* in characters, 0..len */
	int scroll;    /* first visible character (a row start for notes) */
	int max_chars; /* 0 = no limit */
	int dirty;     /* set by every change; init and set clear it */
	/* Optional, set after jz_edit_init (it zeroes them): */
	int multiline; /* 1: a note: keeps newlines, Enter inserts one */
	uint32_t mask; /* single-line only: nonzero draws every character as
			  this one (passwords: '*'); the text is unchanged */
	int wrap_cols; /* notes: columns of the last layout, for Up/Down */
} jz_edit;

void jz_edit_init(jz_edit *ed, const char *utf8, int max_chars);
void jz_edit_free(jz_edit *ed);

/* Replaces the text (filtered as jz_edit_insert_utf8 does, cut to
 * max_chars), puts the cursor at its end, scroll at 0, clears dirty.
 * NULL means "". */
void jz_edit_set(jz_edit *ed, const char *utf8);

/* The text as UTF-8 (malloc'd, caller frees). Never NULL: aborts when out
 * of memory. */
char *jz_edit_text(const jz_edit *ed);

enum jz_edit_result {
	JZ_EDIT_IGNORED, /* not an editing key, or nothing to do (the caller may
			    use it: Left at the start, Up in the first row...) */
	JZ_EDIT_CHANGED, /* the text changed (dirty is set) */
	JZ_EDIT_MOVED,   /* only the cursor moved */
};

/* Feeds one key as returned by get_wch: is_key != 0 for KEY_* codes
 * (KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE, KEY_DC), else a
 * character (wint_t); also accepts 127 and 8 as backspace, Ctrl-A/Ctrl-E
 * home/end, Ctrl-K kill to end, Ctrl-U kill to start. Control characters
 * other than those are ignored (not inserted); characters beyond max_chars
 * are refused (result IGNORED); so are surrogates and values past
 * U+10FFFF.
 * Notes (multiline) also take '\n', '\r' and KEY_ENTER (insert a newline),
 * KEY_UP / KEY_DOWN (move a display row, by the width of the last
 * jz_edit_layout_lines; IGNORED in the first / last row); there Home/End,
 * Ctrl-A/E/K/U work on the current line, and Ctrl-K at a line's end joins
 * the next line. A single-line field ignores Enter, Up and Down. */
enum jz_edit_result jz_edit_key(jz_edit *ed, int is_key, unsigned key);

/* Inserts pasted UTF-8 at the cursor (invalid bytes become U+FFFD, control
 * chars dropped, newlines dropped for single-line; for notes "\r\n" and a
 * lone '\r' become '\n'); whatever goes past max_chars is dropped. NULL
 * inserts nothing. */
void jz_edit_insert_utf8(jz_edit *ed, const char *s);

/* Adjusts scroll so the cursor is visible in `cols` columns (wide chars
 * take 2, never split) and returns the cursor's column offset within the
 * field, 0..cols-1. When scrolled, column 0 holds '<' and, when text goes
 * past the right edge, column cols-1 holds '>' (fields of 4 columns or
 * more); the cursor is never on a mark. The scroll moves only as far as it
 * must, and back when the text no longer fills the field. */
int jz_edit_layout(jz_edit *ed, int cols);

/* Draws the field at (y, x) of win, cols wide: the text from scroll, then
 * spaces (or JZ_EDIT_FILL everywhere when the field is empty), underlined
 * when focused, with the '<' / '>' marks. Never writes past cols: a wide
 * char that would straddle the edge is replaced by a space. When focused,
 * leaves the window's cursor on the field's cursor (callers that move it
 * afterwards place it with jz_edit_layout's return). */
void jz_edit_draw(jz_edit *ed, WINDOW *win, int y, int x, int cols, int focused);

/* Notes: lays the text out in a box `rows` x `cols`, soft-wrapped (a wide
 * character that does not fit goes to the next row; '\n' ends a row), and
 * scrolls by rows so the cursor's row is visible. Sets wrap_cols. Stores
 * the cursor's row and column within the box in *row / *col (either may be
 * NULL). */
void jz_edit_layout_lines(jz_edit *ed, int rows, int cols, int *row, int *col);

/* Notes: draws the box at (y, x), like jz_edit_draw for each row. */
void jz_edit_draw_lines(jz_edit *ed, WINDOW *win, int y, int x, int rows, int cols, int focused);

#endif
