/* test_field.c — the field editor (ui/field.h) and the drawing helpers
 * (ui/draw.h).
 *
 * Editing and layout run without a terminal. Drawing goes to windows of a
 * curses screen made with newterm() on /dev/null (TERM=xterm-256color,
 * LC_ALL=C.UTF-8), never refreshed: the cells are read back with mvwin_wch
 * and mvwinnwstr. A zh_CN.GBK case runs only where that locale exists
 * (e.g. localedef -i zh_CN -f GBK DIR/zh_CN.GBK, then LOCPATH=DIR). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "io/text.h"
#include "ui/draw.h"
#include "ui/field.h"

#define WANG "\xE7\x8E\x8B" /* 王 U+738B */
#define JIAN "\xE5\xBB\xBA" /* 建 U+5EFA */
#define GUO "\xE5\x9B\xBD"  /* 国 U+56FD */
#define TEN_HANZI "一二三四五六七八九十"

/* ---- helpers ---- */

static void assert_text(const jz_edit *ed, const char *want)
{
	char *t = jz_edit_text(ed);
	assert_string_equal(t, want);
	free(t);
}

static void type(jz_edit *ed, const char *utf8)
{
	size_t len = strlen(utf8), i = 0;
	uint32_t cp;

	while (i < len) {
		i += jz_utf8_decode(utf8 + i, len - i, &cp);
		jz_edit_key(ed, 0, cp);
	}
}

static int width_of(const jz_edit *ed, int i)
{
	return jz_cp_width(ed->cp[i]);
}

/* Checks the single-line layout invariants for the current cursor and
 * returns the cursor column. */
static int check_layout(jz_edit *ed, int cols)
{
	int col = jz_edit_layout(ed, cols), s = ed->scroll;
	int marks = cols >= 4, L = marks && s > 0, tail = 0;

	for (int i = s; i < ed->len; i++)
		tail += width_of(ed, i);
	int R = marks && tail > cols - L;
	assert_true(s >= 0 && s <= ed->cursor);
	assert_true(col >= L && col < cols - R);
	/* The cursor's column is the width of what lies before it. */
	int w = L;
	for (int i = s; i < ed->cursor; i++)
		w += width_of(ed, i);
	assert_int_equal(col, w);
	/* Its character (or the end cell) fits whole between the marks. */
	int cw = ed->cursor < ed->len ? width_of(ed, ed->cursor) : 1;
	assert_true(col + cw <= cols - R);
	return col;
}

/* ---- editing ---- */

static void init_and_text(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, WANG JIAN GUO, 0);
	assert_int_equal(ed.len, 3);
	assert_int_equal(ed.cursor, 3);
	assert_int_equal(ed.scroll, 0);
	assert_int_equal(ed.dirty, 0);
	assert_int_equal(ed.cp[0], 0x738B);
	assert_text(&ed, WANG JIAN GUO);
	jz_edit_set(&ed, NULL);
	assert_int_equal(ed.len, 0);
	assert_text(&ed, "");
	jz_edit_set(&ed, "abc");
	assert_int_equal(ed.cursor, 3);
	assert_int_equal(ed.dirty, 0);
	jz_edit_free(&ed);

	jz_edit_init(&ed, NULL, -5);
	assert_int_equal(ed.len, 0);
	assert_int_equal(ed.max_chars, 0);
	assert_text(&ed, "");
	jz_edit_free(&ed);
	jz_edit_free(&ed); /* twice is harmless */
}

static void insert_chinese_and_ascii(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, "", 0);
	assert_int_equal(jz_edit_key(&ed, 0, 0x738B), JZ_EDIT_CHANGED);
	assert_int_equal(ed.dirty, 1);
	assert_int_equal(jz_edit_key(&ed, 0, 'a'), JZ_EDIT_CHANGED);
	assert_int_equal(jz_edit_key(&ed, 0, 0x5EFA), JZ_EDIT_CHANGED);
	assert_int_equal(ed.len, 3);
	assert_int_equal(ed.cursor, 3);
	assert_text(&ed, WANG "a" JIAN);
	/* The cursor moves by character, not byte or column. */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_LEFT), JZ_EDIT_MOVED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_LEFT), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 1);
	type(&ed, "b" GUO);
	assert_text(&ed, WANG "b" GUO "a" JIAN);
	assert_int_equal(ed.cursor, 3);
	/* A character outside the BMP is one character too. */
	jz_edit_key(&ed, 1, KEY_END);
	assert_int_equal(jz_edit_key(&ed, 0, 0x20000), JZ_EDIT_CHANGED);
	assert_int_equal(ed.len, 6);
	assert_text(&ed, WANG "b" GUO "a" JIAN "\xF0\xA0\x80\x80");
	jz_edit_free(&ed);
}

static void cursor_keys(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, WANG "ab" JIAN, 0);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_RIGHT), JZ_EDIT_IGNORED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_HOME), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 0);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_HOME), JZ_EDIT_IGNORED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_LEFT), JZ_EDIT_IGNORED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_RIGHT), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 1);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_END), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 4);
	assert_int_equal(jz_edit_key(&ed, 0, 1), JZ_EDIT_MOVED); /* Ctrl-A */
	assert_int_equal(ed.cursor, 0);
	assert_int_equal(jz_edit_key(&ed, 0, 5), JZ_EDIT_MOVED); /* Ctrl-E */
	assert_int_equal(ed.cursor, 4);
	assert_int_equal(jz_edit_key(&ed, 0, 5), JZ_EDIT_IGNORED);
	assert_int_equal(ed.dirty, 0);
	jz_edit_free(&ed);
}

static void deleting(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, WANG "ab" JIAN GUO, 0);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_BACKSPACE), JZ_EDIT_CHANGED);
	assert_text(&ed, WANG "ab" JIAN);
	assert_int_equal(ed.dirty, 1);
	assert_int_equal(jz_edit_key(&ed, 0, 127), JZ_EDIT_CHANGED);
	assert_text(&ed, WANG "ab");
	assert_int_equal(jz_edit_key(&ed, 0, 8), JZ_EDIT_CHANGED);
	assert_text(&ed, WANG "a");
	assert_int_equal(jz_edit_key(&ed, 1, KEY_DC), JZ_EDIT_IGNORED); /* at the end */
	jz_edit_key(&ed, 1, KEY_HOME);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_BACKSPACE), JZ_EDIT_IGNORED); /* at the start */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_DC), JZ_EDIT_CHANGED);
	assert_text(&ed, "a");
	assert_int_equal(ed.cursor, 0);

	/* Ctrl-K kills to the end, Ctrl-U to the start. */
	jz_edit_set(&ed, "12" WANG "34" JIAN);
	jz_edit_key(&ed, 1, KEY_HOME);
	jz_edit_key(&ed, 1, KEY_RIGHT);
	jz_edit_key(&ed, 1, KEY_RIGHT);
	jz_edit_key(&ed, 1, KEY_RIGHT);
	assert_int_equal(jz_edit_key(&ed, 0, 21), JZ_EDIT_CHANGED); /* Ctrl-U */
	assert_text(&ed, "34" JIAN);
	assert_int_equal(ed.cursor, 0);
	assert_int_equal(jz_edit_key(&ed, 0, 21), JZ_EDIT_IGNORED);
	jz_edit_key(&ed, 1, KEY_RIGHT);
	assert_int_equal(jz_edit_key(&ed, 0, 11), JZ_EDIT_CHANGED); /* Ctrl-K */
	assert_text(&ed, "3");
	assert_int_equal(ed.cursor, 1);
	assert_int_equal(jz_edit_key(&ed, 0, 11), JZ_EDIT_IGNORED);
	jz_edit_free(&ed);
}

static void controls_ignored(void **state)
{
	static const unsigned chars[] = {0,    '\t', '\n',   '\r',   2,        4,          27,
					 31,   0x85, 0x9F,   0xD800, 0xDFFF, 0x110000, 0xFFFFFFFFu};
	static const unsigned keys[] = {KEY_UP, KEY_DOWN, KEY_ENTER, KEY_F(1), KEY_NPAGE, KEY_BTAB};
	jz_edit ed;

	jz_edit_init(&ed, "ab", 0);
	for (size_t i = 0; i < sizeof chars / sizeof *chars; i++)
		assert_int_equal(jz_edit_key(&ed, 0, chars[i]), JZ_EDIT_IGNORED);
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		assert_int_equal(jz_edit_key(&ed, 1, keys[i]), JZ_EDIT_IGNORED);
	assert_text(&ed, "ab");
	assert_int_equal(ed.dirty, 0);
	/* Printable, and not control: a space, '~', U+00A0, U+FFFD. */
	type(&ed, " ~\xC2\xA0\xEF\xBF\xBD");
	assert_int_equal(ed.len, 6);
	jz_edit_free(&ed);
}

static void max_chars(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, "", 3);
	type(&ed, WANG "a");
	assert_int_equal(jz_edit_key(&ed, 0, 0x5EFA), JZ_EDIT_CHANGED);
	assert_int_equal(jz_edit_key(&ed, 0, 'x'), JZ_EDIT_IGNORED);
	assert_int_equal(jz_edit_key(&ed, 0, 0x56FD), JZ_EDIT_IGNORED);
	assert_text(&ed, WANG "a" JIAN);
	/* Deleting makes room again; moving never needs any. */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_LEFT), JZ_EDIT_MOVED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_BACKSPACE), JZ_EDIT_CHANGED);
	assert_int_equal(jz_edit_key(&ed, 0, 'x'), JZ_EDIT_CHANGED);
	assert_text(&ed, WANG "x" JIAN);
	/* A paste is cut at the limit, a set too. */
	jz_edit_set(&ed, "1");
	jz_edit_key(&ed, 1, KEY_HOME);
	jz_edit_insert_utf8(&ed, WANG JIAN GUO);
	assert_text(&ed, WANG JIAN "1");
	assert_int_equal(ed.cursor, 2);
	jz_edit_set(&ed, "abcdef");
	assert_text(&ed, "abc");
	assert_int_equal(ed.cursor, 3);
	jz_edit_free(&ed);
}

static void paste(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, "", 0);
	jz_edit_insert_utf8(&ed, "a\xFF" "b\xE7\x8E" "c");
	assert_int_equal(ed.len, 6); /* each bad byte is one U+FFFD */
	assert_int_equal(ed.cp[1], JZ_REPLACEMENT);
	assert_int_equal(ed.cp[3], JZ_REPLACEMENT);
	assert_int_equal(ed.cp[4], JZ_REPLACEMENT);
	assert_text(&ed, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c");
	assert_int_equal(ed.dirty, 1);

	jz_edit_set(&ed, "");
	jz_edit_insert_utf8(&ed, "\t" WANG "\x01\x1B[A\r\n" JIAN "\n\x7F\xC2\x85" GUO "\r");
	assert_text(&ed, WANG "[A" JIAN GUO);
	assert_int_equal(ed.cursor, 5);

	/* Into the middle; the cursor ends after the paste. */
	jz_edit_set(&ed, "12");
	jz_edit_key(&ed, 1, KEY_LEFT);
	jz_edit_insert_utf8(&ed, "\xE5\xBC\xA0\xE4\xB8\x89\n"); /* 张三 */
	assert_text(&ed, "1\xE5\xBC\xA0\xE4\xB8\x89" "2");
	assert_int_equal(ed.cursor, 3);

	/* Nothing to insert is no change. */
	jz_edit_set(&ed, "x");
	jz_edit_insert_utf8(&ed, "\n\t\r");
	jz_edit_insert_utf8(&ed, "");
	jz_edit_insert_utf8(&ed, NULL);
	assert_text(&ed, "x");
	assert_int_equal(ed.dirty, 0);
	jz_edit_free(&ed);
}

static void layout_wide_never_split(void **state)
{
	jz_edit ed;

	/* 10 hanzi (20 columns) in a 7-column field. */
	jz_edit_init(&ed, TEN_HANZI, 0);
	int col = check_layout(&ed, 7);
	/* At the end: '<', two hanzi (cols 1-4), the cursor cell at 5. */
	assert_int_equal(ed.scroll, 8);
	assert_int_equal(col, 5);
	jz_edit_key(&ed, 1, KEY_HOME);
	assert_int_equal(check_layout(&ed, 7), 0);
	assert_int_equal(ed.scroll, 0);
	/* Walk right, then left: always visible, never past a mark, and the
	 * scroll moves only when it must. */
	int prev = ed.scroll;
	for (int i = 0; i < 10; i++) {
		jz_edit_key(&ed, 1, KEY_RIGHT);
		check_layout(&ed, 7);
		assert_true(ed.scroll >= prev);
		prev = ed.scroll;
	}
	for (int i = 0; i < 10; i++) {
		int before = ed.scroll;
		jz_edit_key(&ed, 1, KEY_LEFT);
		check_layout(&ed, 7);
		if (ed.cursor >= before)
			assert_int_equal(ed.scroll, before);
		else
			assert_int_equal(ed.scroll, ed.cursor);
	}
	/* Every width from 1 to 25, every cursor position. */
	for (int cols = 1; cols <= 25; cols++)
		for (int c = 0; c <= 10; c++) {
			ed.cursor = c;
			int got = jz_edit_layout(&ed, cols);
			assert_true(got >= 0 && got < cols);
			if (cols >= 4)
				check_layout(&ed, cols);
		}
	/* Mixed widths. */
	jz_edit_set(&ed, "a" WANG "b" JIAN "cd" GUO "e" WANG "fg");
	for (int cols = 4; cols <= 16; cols++) {
		ed.scroll = 0;
		for (int c = 0; c <= ed.len; c++) {
			ed.cursor = c;
			check_layout(&ed, cols);
		}
		for (int c = ed.len; c >= 0; c--) {
			ed.cursor = c;
			check_layout(&ed, cols);
		}
	}
	assert_int_equal(jz_edit_layout(&ed, 0), 0);
	assert_int_equal(jz_edit_layout(&ed, -3), 0);
	jz_edit_free(&ed);
}

static void layout_scrolls_back(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, "abcdefghijkl", 0);
	assert_int_equal(check_layout(&ed, 8), 7);
	assert_int_equal(ed.scroll, 6); /* '<' ghijkl, the cursor cell */
	/* Deleting from the end pulls the text back in as room appears. */
	for (int i = 0; i < 5; i++)
		jz_edit_key(&ed, 0, 127);
	check_layout(&ed, 8);
	assert_int_equal(ed.scroll, 0); /* "abcdefg" + the cursor cell */
	/* A text that fits exactly still needs a cell after it for the cursor. */
	jz_edit_set(&ed, "1234" WANG WANG);
	assert_int_equal(check_layout(&ed, 8), 7);
	assert_true(ed.scroll > 0);
	jz_edit_key(&ed, 1, KEY_HOME);
	assert_int_equal(check_layout(&ed, 8), 0);
	assert_int_equal(ed.scroll, 0);
	jz_edit_free(&ed);
}

static void mask_layout(void **state)
{
	jz_edit ed;

	jz_edit_init(&ed, WANG JIAN GUO "ab", 0);
	ed.mask = '*';
	assert_int_equal(jz_edit_layout(&ed, 10), 5); /* 5 stars */
	assert_text(&ed, WANG JIAN GUO "ab");
	jz_edit_free(&ed);
}

static void huge_paste(void **state)
{
	const int n = 100000;
	char *big = malloc((size_t)n * 3 + 1), *p = big;
	jz_edit ed;

	assert_non_null(big);
	for (int i = 0; i < n; i++) {
		if (i % 3 == 0)
			memcpy(p, WANG, 3), p += 3;
		else if (i % 7 == 0)
			*p++ = '\xFF';
		else
			*p++ = (char)('a' + i % 26);
	}
	*p = '\0';
	jz_edit_init(&ed, "<>", 0);
	jz_edit_key(&ed, 1, KEY_LEFT);
	jz_edit_insert_utf8(&ed, big);
	assert_int_equal(ed.len, n + 2);
	assert_int_equal(ed.cursor, n + 1);
	check_layout(&ed, 30);
	jz_edit_key(&ed, 1, KEY_END);
	check_layout(&ed, 30);
	jz_edit_key(&ed, 1, KEY_HOME);
	check_layout(&ed, 30);
	assert_int_equal(ed.scroll, 0);
	for (int i = 0; i < 1000; i++)
		jz_edit_key(&ed, 0, 0x56FD);
	assert_int_equal(ed.len, n + 1002);
	char *t = jz_edit_text(&ed);
	assert_int_equal(jz_utf8_count(t), (size_t)n + 1002);
	free(t);
	jz_edit_key(&ed, 0, 11); /* Ctrl-K */
	assert_int_equal(ed.len, 1000);
	free(big);

	/* 100,000 combining marks: still linear. */
	big = malloc((size_t)n * 2 + 2);
	assert_non_null(big);
	big[0] = 'e';
	for (int i = 0; i < n; i++)
		memcpy(big + 1 + 2 * i, "\xCC\x81", 2); /* U+0301 */
	big[1 + 2 * n] = '\0';
	jz_edit_set(&ed, big);
	assert_int_equal(ed.len, n + 1);
	for (int i = 0; i < 100; i++) {
		jz_edit_key(&ed, 1, KEY_LEFT);
		assert_true(jz_edit_layout(&ed, 10) < 10);
	}
	free(big);
	jz_edit_free(&ed);
}

static void note_lines(void **state)
{
	jz_edit ed;
	int row, col;

	jz_edit_init(&ed, "", 0);
	ed.multiline = 1;
	jz_edit_insert_utf8(&ed, "ab\r\ncd\re");
	assert_text(&ed, "ab\ncd\ne");
	assert_int_equal(jz_edit_key(&ed, 0, '\r'), JZ_EDIT_CHANGED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_ENTER), JZ_EDIT_CHANGED);
	type(&ed, WANG JIAN);
	assert_text(&ed, "ab\ncd\ne\n\n" WANG JIAN);
	assert_int_equal(jz_edit_key(&ed, 0, '\t'), JZ_EDIT_IGNORED);

	jz_edit_layout_lines(&ed, 3, 10, &row, &col);
	assert_int_equal(row, 2); /* rows: ab cd e "" 王建 — the last three shown */
	assert_int_equal(col, 4);
	assert_int_equal(ed.scroll, 6);
	/* Up and Down go by row and keep the column as far as they can. */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_UP), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 8);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_UP), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 6); /* column 0: before "e" */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_RIGHT), JZ_EDIT_MOVED);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_UP), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 4); /* column 1: between c and d */
	jz_edit_layout_lines(&ed, 3, 10, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 1);
	jz_edit_key(&ed, 1, KEY_UP);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_UP), JZ_EDIT_IGNORED);
	/* Home/End and the kills work on the current line. */
	assert_int_equal(jz_edit_key(&ed, 1, KEY_END), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 2);
	assert_int_equal(jz_edit_key(&ed, 0, 11), JZ_EDIT_CHANGED); /* joins "cd" */
	assert_text(&ed, "abcd\ne\n\n" WANG JIAN);
	assert_int_equal(jz_edit_key(&ed, 0, 11), JZ_EDIT_CHANGED);
	assert_text(&ed, "ab\ne\n\n" WANG JIAN);
	jz_edit_key(&ed, 1, KEY_DOWN);
	assert_int_equal(ed.cursor, 4);
	jz_edit_key(&ed, 1, KEY_DOWN);
	jz_edit_key(&ed, 1, KEY_DOWN);
	assert_int_equal(ed.cursor, 6);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_DOWN), JZ_EDIT_IGNORED);
	jz_edit_key(&ed, 1, KEY_END);
	assert_int_equal(jz_edit_key(&ed, 0, 21), JZ_EDIT_CHANGED); /* Ctrl-U */
	assert_text(&ed, "ab\ne\n\n");
	assert_int_equal(jz_edit_key(&ed, 1, KEY_HOME), JZ_EDIT_IGNORED);

	/* Soft wrap: 5 hanzi in 4 columns are three rows; a full row's end
	 * moves the cursor to the next row. */
	jz_edit_set(&ed, "一二三四五");
	jz_edit_layout_lines(&ed, 5, 4, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 2);
	jz_edit_set(&ed, "一二三四");
	jz_edit_layout_lines(&ed, 5, 4, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 0);
	assert_int_equal(jz_edit_key(&ed, 1, KEY_UP), JZ_EDIT_MOVED);
	assert_int_equal(ed.cursor, 2);
	jz_edit_layout_lines(&ed, 1, 4, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(ed.scroll, 2);
	jz_edit_free(&ed);
}

/* ---- drawing ---- */

static SCREEN *screen;
static FILE *scr_out, *scr_in;

static int curses_up(void **state)
{
	setenv("TERM", "xterm-256color", 1);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return -1;
	scr_out = fopen("/dev/null", "w");
	scr_in = fopen("/dev/null", "r");
	if (!scr_out || !scr_in)
		return -1;
	screen = newterm(NULL, scr_out, scr_in);
	if (!screen)
		return -1;
	set_term(screen);
	return 0;
}

static int curses_down(void **state)
{
	endwin();
	delscreen(screen);
	fclose(scr_out);
	fclose(scr_in);
	setlocale(LC_ALL, "C");
	return 0;
}

/* A window of '#' to draw on. */
static WINDOW *canvas(int rows, int cols)
{
	WINDOW *w = newwin(rows, cols, 0, 0);
	assert_non_null(w);
	for (int y = 0; y < rows; y++)
		for (int x = 0; x < cols; x++)
			mvwaddch(w, y, x, '#');
	return w;
}

static wchar_t cell(WINDOW *w, int y, int x)
{
	cchar_t cc;
	wchar_t wcs[CCHARW_MAX + 1] = {0};
	attr_t a;
	short pair;

	assert_int_not_equal(mvwin_wch(w, y, x, &cc), ERR);
	getcchar(&cc, wcs, &a, &pair, NULL);
	return wcs[0];
}

static attr_t cell_attr(WINDOW *w, int y, int x)
{
	cchar_t cc;
	wchar_t wcs[CCHARW_MAX + 1];
	attr_t a;
	short pair;

	mvwin_wch(w, y, x, &cc);
	getcchar(&cc, wcs, &a, &pair, NULL);
	return a;
}

/* Row y as the characters curses holds (each wide one once), compared. */
static void assert_row(WINDOW *w, int y, const wchar_t *want)
{
	wchar_t got[256];
	int n = mvwinnwstr(w, y, 0, got, 255);
	assert_true(n >= 0);
	got[n] = L'\0';
	if (wcscmp(got, want) != 0) {
		fprintf(stderr, "row %d: got  \"%ls\"\n        want \"%ls\"\n", y, got, want);
		fail();
	}
}

static void draw_text_columns(void **state)
{
	WINDOW *w = canvas(2, 12);

	/* 王a建 occupies columns 0-4. */
	assert_int_equal(jz_draw_text(w, 0, 0, WANG "a" JIAN, 12, 0), 5);
	assert_int_equal(cell(w, 0, 0), 0x738B);
	assert_int_equal(cell(w, 0, 1), 0x738B); /* its second column */
	assert_int_equal(cell(w, 0, 2), L'a');
	assert_int_equal(cell(w, 0, 3), 0x5EFA);
	assert_int_equal(cell(w, 0, 5), L'#');
	assert_row(w, 0, L"\x738B" L"a\x5EFA#######");
	/* Padding. */
	assert_int_equal(jz_draw_text(w, 1, 2, WANG "a", 6, 1), 3);
	assert_row(w, 1, L"##\x738B" L"a   ####");
	delwin(w);
}

static void draw_text_clips(void **state)
{
	WINDOW *w = canvas(4, 10);

	/* 王建国 in 5 columns: 国 would straddle, so it is not drawn. */
	assert_int_equal(jz_draw_text(w, 0, 0, WANG JIAN GUO, 5, 0), 4);
	assert_row(w, 0, L"\x738B\x5EFA######");
	assert_int_equal(jz_draw_text(w, 1, 0, WANG JIAN GUO, 5, 1), 4);
	assert_row(w, 1, L"\x738B\x5EFA #####");
	/* The window's edge clips too: nothing wraps to the next row. */
	assert_int_equal(jz_draw_text(w, 2, 7, "a" WANG "b", 20, 1), 3);
	assert_row(w, 2, L"#######a\x738B");
	assert_row(w, 3, L"##########");
	assert_int_equal(jz_draw_text(w, 3, 8, WANG WANG, 20, 1), 2);
	assert_row(w, 3, L"########\x738B");
	/* The bottom-right cell is written like any other. */
	assert_int_equal(jz_draw_text(w, 3, 9, "xy", 5, 0), 1);
	assert_int_equal(cell(w, 3, 9), L'x');
	/* Outside the window, or no room: nothing. */
	assert_int_equal(jz_draw_text(w, 4, 0, "a", 5, 1), 0);
	assert_int_equal(jz_draw_text(w, 0, 10, "a", 5, 1), 0);
	assert_int_equal(jz_draw_text(w, -1, 0, "a", 5, 1), 0);
	assert_int_equal(jz_draw_text(w, 0, 0, "a", 0, 1), 0);
	assert_int_equal(jz_draw_text(w, 0, 0, NULL, 3, 0), 0);
	delwin(w);
}

static void draw_text_odd_input(void **state)
{
	WINDOW *w = canvas(3, 10);

	/* Invalid bytes are U+FFFD, controls are dropped. */
	assert_int_equal(jz_draw_text(w, 0, 0, "a\xFF" "b\t\n\x1B" "c", 10, 0), 4);
	assert_row(w, 0, L"a\xFFFD" L"bc######");
	assert_int_equal(jz_str_width("a\xFF" "b\t\n\x1B" "c"), 4);
	/* A combining mark shares its base's cell; a leading one is dropped. */
	assert_int_equal(jz_draw_text(w, 1, 0, "\xCC\x81" "e\xCC\x81x", 10, 0), 2);
	cchar_t cc;
	wchar_t wcs[CCHARW_MAX + 1] = {0};
	attr_t a;
	short pair;
	mvwin_wch(w, 1, 0, &cc);
	getcchar(&cc, wcs, &a, &pair, NULL);
	assert_int_equal(wcs[0], L'e');
	assert_int_equal(wcs[1], 0x301);
	assert_int_equal(cell(w, 1, 1), L'x');
	/* Where wcwidth disagrees with our table, '?' in our width. */
	if (wcwidth(0x378) != 1) { /* unassigned: 1 column for us */
		assert_int_equal(jz_draw_text(w, 2, 0, "a\xCD\xB8" "b", 10, 0), 3);
		assert_row(w, 2, L"a?b#######");
	}
	delwin(w);
}

static void draw_in_c_locale(void **state)
{
	WINDOW *w = canvas(1, 10);

	/* A program that forgot setlocale: columns stay right. */
	setlocale(LC_ALL, "C");
	assert_int_equal(jz_draw_text(w, 0, 0, WANG "a" JIAN, 10, 1), 5);
	setlocale(LC_ALL, "C.UTF-8");
	assert_row(w, 0, L"??a??     ");
	delwin(w);
}

static void draw_in_gbk_locale(void **state)
{
	if (!setlocale(LC_ALL, "zh_CN.GBK") && !setlocale(LC_ALL, "zh_CN.gbk"))
		skip();
	WINDOW *w = canvas(1, 16);
	/* 王a建 at 0-4; · (U+00B7) and ↑ are 2 columns in GBK but 1 for us,
	 * 😀 is not in GBK: all '?' in our width. */
	int n = jz_draw_text(w, 0, 0, WANG "a" JIAN "\xC2\xB7\xE2\x86\x91\xF0\x9F\x98\x80" GUO, 16, 0);
	setlocale(LC_ALL, "C.UTF-8");
	assert_int_equal(n, 11);
	assert_int_equal(cell(w, 0, 0), 0x738B);
	assert_int_equal(cell(w, 0, 2), L'a');
	assert_int_equal(cell(w, 0, 3), 0x5EFA);
	assert_row(w, 0, L"\x738B" L"a\x5EFA????\x56FD#####");
	delwin(w);
}

static void draw_aligned(void **state)
{
	WINDOW *w = canvas(4, 12);

	assert_int_equal(jz_draw_right(w, 0, 1, WANG "a", 8), 3);
	assert_row(w, 0, L"#     \x738B" L"a###");
	assert_int_equal(jz_draw_center(w, 1, 0, WANG JIAN, 10), 4);
	assert_row(w, 1, L"   \x738B\x5EFA   ##");
	assert_int_equal(jz_draw_center(w, 2, 0, "abc", 6), 3);
	assert_row(w, 2, L" abc  ######");
	/* Too wide: cut at the end, never split. */
	assert_int_equal(jz_draw_right(w, 3, 0, WANG JIAN GUO, 5), 4);
	assert_row(w, 3, L" \x738B\x5EFA#######");
	delwin(w);
}

static void draw_keybar(void **state)
{
	WINDOW *w = canvas(2, 24);
	static const struct jz_keyitem items[] = {
		{"F1", "帮助"},
		{"Enter", "打开这一户的档案"}, /* too long for what is left */
		{"Esc", "返回"},
		{NULL, "x"},
	};

	jz_draw_keybar(w, 0, 20, items, 4);
	/* F1帮助 Esc返回 x, then spaces to column 20. */
	assert_row(w, 0, L"F1\x5E2E\x52A9 Esc\x8FD4\x56DE x    ####");
	assert_true(cell_attr(w, 0, 0) & A_REVERSE);
	assert_true(cell_attr(w, 0, 1) & A_REVERSE);
	assert_false(cell_attr(w, 0, 2) & A_REVERSE);
	assert_true(cell_attr(w, 0, 7) & A_REVERSE);
	assert_false(cell_attr(w, 0, 10) & A_REVERSE);
	assert_false(cell_attr(w, 0, 15) & A_REVERSE);
	/* Nothing fits: a blank row. */
	jz_draw_keybar(w, 1, 3, items, 3);
	assert_row(w, 1, L"   #####################");
	delwin(w);
}

static void draw_field(void **state)
{
	WINDOW *w = canvas(4, 12);
	jz_edit ed;

	/* 10 hanzi in a 7-column field at x = 2. */
	jz_edit_init(&ed, TEN_HANZI, 0);
	jz_edit_draw(&ed, w, 0, 2, 7, 1);
	assert_int_equal(getcurx(w), 2 + 5); /* before any read moves it */
	assert_int_equal(getcury(w), 0);
	assert_row(w, 0, L"##<\x4E5D\x5341  ###"); /* '<' 九十, cursor cell, space */
	assert_true(cell_attr(w, 0, 3) & A_UNDERLINE);
	jz_edit_key(&ed, 1, KEY_HOME);
	jz_edit_draw(&ed, w, 1, 2, 7, 0);
	assert_row(w, 1, L"##\x4E00\x4E8C\x4E09>###"); /* 一二三 > */
	assert_false(cell_attr(w, 1, 3) & A_UNDERLINE);
	/* In the middle both marks; 5 columns between them take two hanzi
	 * and a space where the third would straddle. */
	for (int i = 0; i < 5; i++)
		jz_edit_key(&ed, 1, KEY_RIGHT);
	int col = jz_edit_layout(&ed, 7);
	jz_edit_draw(&ed, w, 2, 2, 7, 1);
	assert_int_equal(getcurx(w), 2 + col);
	assert_int_equal(cell(w, 2, 2), L'<');
	assert_int_equal(cell(w, 2, 7), L' ');
	assert_int_equal(cell(w, 2, 8), L'>');
	assert_int_equal(cell(w, 2, 9), L'#');
	/* Empty: the fill character. */
	jz_edit_set(&ed, "");
	jz_edit_draw(&ed, w, 3, 1, 5, 0);
	assert_row(w, 3, L"#_____######");
	/* Masked. */
	jz_edit_set(&ed, WANG "ab");
	ed.mask = '*';
	jz_edit_draw(&ed, w, 3, 1, 5, 1);
	assert_int_equal(getcurx(w), 4);
	assert_row(w, 3, L"#***  ######");
	jz_edit_free(&ed);
	delwin(w);
}

static void draw_note(void **state)
{
	WINDOW *w = canvas(4, 8);
	jz_edit ed;

	jz_edit_init(&ed, "", 0);
	ed.multiline = 1; /* before the text, or the newline is dropped */
	jz_edit_set(&ed, "ab\n" TEN_HANZI);
	jz_edit_draw_lines(&ed, w, 0, 1, 3, 5, 1);
	/* Rows: ab / 一二 / 三四 / 五六 / 七八 / 九十 + the end: the last three. */
	assert_int_equal(getcury(w), 2);
	assert_int_equal(getcurx(w), 1 + 4);
	assert_row(w, 0, L"#\x4E94\x516D ##");
	assert_row(w, 1, L"#\x4E03\x516B ##");
	assert_row(w, 2, L"#\x4E5D\x5341 ##");
	assert_row(w, 3, L"########");
	jz_edit_key(&ed, 0, 1); /* Ctrl-A: start of the line */
	jz_edit_key(&ed, 1, KEY_UP);
	jz_edit_draw_lines(&ed, w, 0, 1, 3, 5, 0);
	assert_row(w, 0, L"#ab   ##");
	assert_row(w, 1, L"#\x4E00\x4E8C ##");
	assert_row(w, 2, L"#\x4E09\x56DB ##");
	assert_int_equal(ed.cursor, 0);
	jz_edit_set(&ed, "");
	jz_edit_draw_lines(&ed, w, 0, 1, 2, 5, 0);
	assert_row(w, 0, L"#_____##");
	assert_row(w, 1, L"#_____##");
	jz_edit_free(&ed);
	delwin(w);
}

int main(void)
{
	const struct CMUnitTest editing[] = {
		cmocka_unit_test(init_and_text),
		cmocka_unit_test(insert_chinese_and_ascii),
		cmocka_unit_test(cursor_keys),
		cmocka_unit_test(deleting),
		cmocka_unit_test(controls_ignored),
		cmocka_unit_test(max_chars),
		cmocka_unit_test(paste),
		cmocka_unit_test(layout_wide_never_split),
		cmocka_unit_test(layout_scrolls_back),
		cmocka_unit_test(mask_layout),
		cmocka_unit_test(huge_paste),
		cmocka_unit_test(note_lines),
	};
	const struct CMUnitTest drawing[] = {
		cmocka_unit_test(draw_text_columns),
		cmocka_unit_test(draw_text_clips),
		cmocka_unit_test(draw_text_odd_input),
		cmocka_unit_test(draw_in_c_locale),
		cmocka_unit_test(draw_in_gbk_locale),
		cmocka_unit_test(draw_aligned),
		cmocka_unit_test(draw_keybar),
		cmocka_unit_test(draw_field),
		cmocka_unit_test(draw_note),
	};
	int failed = cmocka_run_group_tests_name("editing", editing, NULL, NULL);
	failed += cmocka_run_group_tests_name("drawing", drawing, curses_up, curses_down);
	return failed ? 1 : 0;
}
