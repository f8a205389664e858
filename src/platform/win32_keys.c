/* win32_keys.c — keyboard input on Windows (jz_plat_get_key, platform.h).
 * ncurses' console driver builds characters from bytes and loses what an
 * input method sends, so the keys are read here as console events
 * (ReadConsoleInputW): UnicodeChar for text, virtual-key codes for F1-F12,
 * arrows, Home/End, PgUp/PgDn, Insert/Delete, Backspace, Esc, Enter and
 * Shift-Tab, handed on as wget_wch would (OK or KEY_CODE_YES). */
#include "platform/platform.h"

#include <curses.h>
#include <string.h>
#include <windows.h>

static struct {
	int rc;
	wint_t ch;
} queue[32];
static int queued;

static void push_back(int rc, wint_t ch)
{
	if (queued < (int)(sizeof queue / sizeof queue[0])) {
		queue[queued].rc = rc;
		queue[queued].ch = ch;
		queued++;
	}
}

static int pop(wint_t *ch)
{
	int rc = queue[0].rc;
	*ch = queue[0].ch;
	queued--;
	memmove(queue, queue + 1, (size_t)queued * sizeof queue[0]);
	return rc;
}

static int last_rc; /* what the last key was, so that it comes back whole */
static wint_t last_ch;

void jz_plat_unget_key(wint_t ch)
{
	/* in front of what is waiting, as unget_wch does; a function key
	 * pushed back stays a function key */
	if (queued < (int)(sizeof queue / sizeof queue[0])) {
		memmove(queue + 1, queue, (size_t)queued * sizeof queue[0]);
		queue[0].rc = ch == last_ch ? last_rc : OK;
		queue[0].ch = ch;
		queued++;
	}
}

/* The curses key for a virtual-key code, or 0 when the key is text. */
static int vk_key(WORD vk, DWORD state)
{
	if (vk >= VK_F1 && vk <= VK_F12)
		return KEY_F(vk - VK_F1 + 1);
	switch (vk) {
	case VK_UP: return KEY_UP;
	case VK_DOWN: return KEY_DOWN;
	case VK_LEFT: return KEY_LEFT;
	case VK_RIGHT: return KEY_RIGHT;
	case VK_HOME: return KEY_HOME;
	case VK_END: return KEY_END;
	case VK_PRIOR: return KEY_PPAGE;
	case VK_NEXT: return KEY_NPAGE;
	case VK_INSERT: return KEY_IC;
	case VK_DELETE: return KEY_DC;
	case VK_BACK: return KEY_BACKSPACE;
	case VK_TAB: return (state & SHIFT_PRESSED) ? KEY_BTAB : 0;
	default: return 0;
	}
}

static wchar_t high_half; /* the first half of a surrogate pair */

/* Turns one key-down event into queued keys. */
static void take_event(const KEY_EVENT_RECORD *k)
{
	int n = k->wRepeatCount ? k->wRepeatCount : 1;
	int key = vk_key(k->wVirtualKeyCode, k->dwControlKeyState);
	wchar_t u = k->uChar.UnicodeChar;
	for (int i = 0; i < n; i++) {
		if (key) {
			push_back(KEY_CODE_YES, (wint_t)key);
		} else if (k->wVirtualKeyCode == VK_ESCAPE) {
			push_back(OK, 27); /* wine gives no character for Esc */
		} else if (k->wVirtualKeyCode == VK_RETURN) {
			push_back(OK, L'\n');
		} else if (u >= 0xD800 && u <= 0xDBFF) {
			high_half = u;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			if (high_half)
				push_back(OK, (wint_t)(0x10000 + ((high_half - 0xD800) << 10) + (u - 0xDC00)));
			high_half = 0;
		} else if ((k->dwControlKeyState & (LEFT_ALT_PRESSED | RIGHT_ALT_PRESSED)) &&
			   !(k->dwControlKeyState & (LEFT_CTRL_PRESSED | RIGHT_CTRL_PRESSED)) && u >= 0x20 && u < 0x7F) {
			push_back(OK, 27); /* Alt+key as a terminal sends it: Esc, key (Alt+1 = F1) */
			push_back(OK, (wint_t)u);
		} else if (u == L'\r') {
			push_back(OK, L'\n');
		} else if (u) {
			push_back(OK, (wint_t)u);
		}
	}
}

/* The console window changed size: tell curses, then the desk (KEY_RESIZE
 * as on Linux). */
static void take_resize(void)
{
	CONSOLE_SCREEN_BUFFER_INFO bi;
	/* CONOUT$ is the active buffer: ncurses draws on one of its own */
	HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
				 NULL, OPEN_EXISTING, 0, NULL);
	if (out == INVALID_HANDLE_VALUE)
		return;
	BOOL got = GetConsoleScreenBufferInfo(out, &bi);
	CloseHandle(out);
	if (!got)
		return;
	int rows = bi.srWindow.Bottom - bi.srWindow.Top + 1;
	int cols = bi.srWindow.Right - bi.srWindow.Left + 1;
	if (rows > 0 && cols > 0 && (rows != LINES || cols != COLS)) {
		resize_term(rows, cols);
		push_back(KEY_CODE_YES, KEY_RESIZE);
	}
}

int jz_plat_get_key(int ms, wint_t *ch)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	DWORD start = GetTickCount();
	if (is_wintouched(stdscr))
		wrefresh(stdscr); /* as wget_wch does before it waits */
	while (!queued) {
		DWORD spent = GetTickCount() - start;
		DWORD left = ms < 0 ? INFINITE : (spent >= (DWORD)ms ? 0 : (DWORD)ms - spent);
		if (WaitForSingleObject(in, left) != WAIT_OBJECT_0)
			return ERR;
		INPUT_RECORD r;
		DWORD got = 0;
		if (!ReadConsoleInputW(in, &r, 1, &got) || got == 0)
			return ERR;
		if (r.EventType == KEY_EVENT && r.Event.KeyEvent.bKeyDown)
			take_event(&r.Event.KeyEvent);
		else if (r.EventType == WINDOW_BUFFER_SIZE_EVENT)
			take_resize();
	}
	last_rc = pop(ch);
	last_ch = *ch;
	return last_rc;
}
