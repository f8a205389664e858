/* desk.h — the desk: one loop, a stack of screens, one key table.
 *
 * A screen is a set of callbacks over its own state (calcurse-style: the data
 * and rules stay in core/, a screen only draws and dispatches keys). Key
 * handlers answer like htop's: the loop redraws only when told, and calls
 * doupdate once per round. Global keys (help, search, menu, quit) live in
 * one table in desk.c (nnn-style). */
#ifndef JZ_DESK_H
#define JZ_DESK_H

#include <curses.h>

#include "core/session.h"
#include "ui/draw.h"

enum jz_keyres {
	JZ_KEY_IGNORED = 0, /* not mine: try the global table */
	JZ_KEY_HANDLED,     /* nothing to redraw */
	JZ_KEY_REDRAW,      /* redraw the screen */
	JZ_KEY_CLOSE,       /* pop this screen */
	JZ_KEY_QUIT,        /* leave the desk */
};

typedef struct jz_key {
	int fn;        /* 1..12 for F-keys (also Esc + digit), else 0 */
	int is_key;    /* a curses KEY_* code in code */
	unsigned code; /* KEY_* code, or the character */
} jz_key;

#define JZ_CTRL(c) ((unsigned)(c) & 0x1f)
#define JZ_ESC 27u

struct jz_desk;

typedef struct jz_screen {
	const char *title;
	void *st;
	void (*draw)(struct jz_desk *d, void *st);
	int (*key)(struct jz_desk *d, void *st, const jz_key *k);
	void (*free)(void *st);
	/* Fills the screen's own key bar items; the loop adds the global ones. */
	int (*keybar)(struct jz_desk *d, void *st, struct jz_keyitem *out, int max);
	/* 1 while a text field has the cursor: plain letters are typed, not keys. */
	int (*typing)(struct jz_desk *d, void *st);
	/* Called when the screen comes back on top (data may have changed). */
	void (*resume)(struct jz_desk *d, void *st);
} jz_screen;

#define JZ_MAX_SCREENS 12

typedef struct jz_desk {
	jz_session s;
	jz_township town;
	char today[11];
	int rows, cols;
	int color;
	char msg[512];
	int msg_is_error;
	jz_screen stack[JZ_MAX_SCREENS];
	int depth;
	int dirty;
	int quit;
	int cur_y, cur_x; /* where a screen wants the cursor, -1 = hidden */
	struct jz_search *search; /* the search index, loaded on first use */
	int locked;             /* the idle lock is on top */
	int unclean;            /* the last desk on this file did not close */
	char last_key_at[20];   /* for the idle lock */
	char close_note[4400];  /* printed after endwin (the daily backup) */
} jz_desk;

/* Screens (one file each). */
void jz_push_first_run(jz_desk *d); /* a new database: the township's form */
void jz_push_signin(jz_desk *d);
void jz_push_signin_root(jz_desk *d); /* sign-in as the only screen */
void jz_push_home(jz_desk *d); /* makes home the only screen */
void jz_push_menu(jz_desk *d);
void jz_push_help(jz_desk *d);
void jz_push_search(jz_desk *d);
void jz_push_card(jz_desk *d, jz_rowid household_id);
void jz_push_settings(jz_desk *d);
/* The cases: filter is 受理中, 待我办理, 在保 or 全部. */
void jz_push_cases(jz_desk *d, const char *filter);
void jz_push_case(jz_desk *d, jz_rowid case_id);
/* 临时救助: the list of cases, and the reserve fund (备用金). */
void jz_push_aid(jz_desk *d);
void jz_push_aid_case(jz_desk *d, jz_rowid id); /* one 临时救助 case */
void jz_push_fund(jz_desk *d);
/* The events of one record, e.g. ("case", id, "案件 DB2026-0001"). */
void jz_push_history(jz_desk *d, const char *entity, long long id, const char *title);
/* Operators and their roles (screen_operators.c). */
void jz_push_operators(jz_desk *d);
/* The idle lock over whatever is open (screen_lock.c). */
void jz_push_lock(jz_desk *d, long minutes);

/* Nothing lost (desk_safety.c): the open marker, the check after a start
 * that follows a power cut, the idle lock, the daily backup on close. */
void jz_desk_mark_open(jz_desk *d);
void jz_desk_after_start(jz_desk *d);
void jz_desk_idle_check(jz_desk *d);
void jz_desk_on_close(jz_desk *d);
/* Restores file after an 管理员's password (asked here), current file
 * kept aside; the desk goes back to the sign-in. */
void jz_desk_restore(jz_desk *d, const char *file);
/* 备份: the backups, a backup now, a copy to a USB stick, restore. */
void jz_push_backup(jz_desk *d);
/* Draws now (for a message before slow work). */
void jz_desk_draw_now(jz_desk *d);
/* 数据比对: the findings ledger, a finding, running a comparison. */
void jz_push_compare(jz_desk *d);
/* 报表: the monthly workbook, table by table (screen_report.c). */
void jz_push_report(jz_desk *d);
/* 导入与比对: the chooser, the roster import, the comparisons. */
void jz_push_tools(jz_desk *d);
void jz_push_import(jz_desk *d);
/* 台账: the chooser of the ledgers (screen_ledger.c). */
void jz_push_ledgers(jz_desk *d);

/* The stack. */
void jz_desk_push(jz_desk *d, const jz_screen *s);
void jz_desk_pop(jz_desk *d);
/* Replaces every screen with s (after sign-in). */
void jz_desk_reset(jz_desk *d, const jz_screen *s);

/* The message line: info or error (the one error macro of the desk). */
void jz_desk_msg(jz_desk *d, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void jz_desk_report(jz_desk *d, const jz_err *e);

/* Layout: row 0 the title bar, rows 1..body_rows the body, then the message
 * line and the key bar. */
int jz_desk_body_top(const jz_desk *d);
int jz_desk_body_rows(const jz_desk *d);

/* Colour pairs (monochrome falls back to attributes). */
enum { JZ_PAIR_TITLE = 1, JZ_PAIR_WARN, JZ_PAIR_ERROR, JZ_PAIR_SELECT, JZ_PAIR_OK };
int jz_attr(const jz_desk *d, int pair);

/* Shows the cursor at (y, x) after this round's drawing. */
void jz_desk_cursor(jz_desk *d, int y, int x);

/* Asks a question on the message line; returns the key typed (one of keys,
 * e.g. "ydc"), or 0 on Esc. */
int jz_desk_ask(jz_desk *d, const char *question, const char *keys);

/* Asks for a line of text on the message line, prefilled with initial.
 * Returns 1 with the text in buf, 0 on Esc. */
int jz_desk_prompt(jz_desk *d, const char *question, const char *initial, char *buf, size_t n);
/* Same; secret shows '*' for each character (passwords). */
int jz_desk_prompt_ex(jz_desk *d, const char *question, const char *initial, char *buf, size_t n,
		      int secret);

#endif
