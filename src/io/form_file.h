/* form_file.h — the forms of the desk, read from INI files.
 *
 * A form is forms/<name>.ini: its title, help and fields in order, each with
 * a label, a type, whether it is required, its choices and limits. The
 * binary carries a built-in copy of every shipped form (io/builtin.h); a
 * file of the same name in the forms folder wins, so a county can change a
 * label, a help line or a choice list without touching C.
 *
 * The format (UTF-8, with or without BOM, LF or CRLF; a comment starts with
 * ; or # at the start of a line, or with ; after a space: a value cannot
 * hold " ;", write the full-width ；):
 *
 *     [form]
 *     title = 家庭成员
 *     help  = 一行说明
 *
 *     [name]                  ; one section per field, in screen order;
 *     label    = 姓名          ; the section name is the record's key
 *     type     = text         ; text id date month money int choice yesno phone note
 *     required = yes          ; yes / no (default no)
 *     max      = 20           ; text, note: characters; int: value; money: yuan
 *     help     = 按户口簿填写
 *
 * choices = a|b|c (type choice only); "@villages" instead of a list means
 * the screen fills the list at run time: the field then has the one choice
 * "@villages" and source "villages" until the screen replaces it (or
 * jz_form_set_choices does). min, max: whole numbers (money: yuan, at most
 * 2 decimals). default: a value the field accepts. A line indented under help or choices continues it (help:
 * joined as is, choices: as one more |-separated part), so lines stay short:
 * Debian's inih cuts lines at 200 bytes (about 60 hanzi), and a longer line
 * is refused here rather than cut. An unknown key or type, an empty choice
 * list, a field given twice, min > max... make the whole form refused with a
 * message naming the file, the line and the fix. */
#ifndef JZ_FORM_FILE_H
#define JZ_FORM_FILE_H

#include <stddef.h>

#include "core/err.h"

/* Longest line of a form file in bytes, without its line ending: inih's
 * 200-byte buffer less '\r', '\n' and the NUL. */
#define JZ_FORM_MAX_LINE 197

enum jz_ftype {
	JZ_F_TEXT, JZ_F_ID, JZ_F_DATE, JZ_F_MONTH, JZ_F_MONEY, JZ_F_INT,
	JZ_F_CHOICE, JZ_F_YESNO, JZ_F_PHONE, JZ_F_NOTE
};

struct jz_field_def {
	char key[32];      /* the section name: a record member ("id_number") */
	char label[64];
	enum jz_ftype type;
	int required;
	char **choices;    /* type choice: nchoices strings (malloc'd) */
	int nchoices;
	long long min, max; /* int: value; money: fen; text, note: characters */
	int has_min, has_max;
	char help[256];
	char deflt[128];
	char source[32];   /* choices = @villages: "villages", and choices is
			    * {"@villages"} until the screen fills the list;
			    * "" otherwise */
};

struct jz_form_def {
	char name[32];     /* "person" */
	char title[96];
	char help[256];
	struct jz_field_def *fields; /* nfields, in file order */
	int nfields;
};

/* The name of a type as written in a form ("money"), and back (-1 if
 * unknown). */
const char *jz_ftype_name(enum jz_ftype t);
int jz_ftype_parse(const char *s);

/* Loads form `name` ("person": letters, digits, '_'): from dir/<name>.ini
 * when dir is non-NULL and that file exists, else the built-in copy
 * forms/<name>.ini. A file that exists but is wrong is refused, not
 * skipped. Any problem: -1 with a Chinese message naming the file, the line
 * and what is wrong (JZ_EDATA); f is then empty (safe to free). */
int jz_form_load(const char *name, const char *dir, struct jz_form_def *f, jz_err *e);

/* Parses the len bytes of text (need not be NUL-terminated). file is the
 * name shown in messages ("forms/person.ini", "/srv/forms/person.ini"); the
 * form's name is its base name without ".ini". Same result as jz_form_load. */
int jz_form_parse(const char *file, const char *text, size_t len, struct jz_form_def *f,
		  jz_err *e);

/* Frees what f holds and empties it; f may be empty or already freed. */
void jz_form_free(struct jz_form_def *f);

/* The field of key, or NULL. */
const struct jz_field_def *jz_form_field(const struct jz_form_def *f, const char *key);

/* Replaces the choices of a field (the @villages list at run time): copies
 * the n strings. 0, or -1 when out of memory (e set). */
int jz_form_set_choices(struct jz_field_def *d, const char *const *list, int n, jz_err *e);

/* Checks a value as typed against its field's type and writes its normal
 * form to norm (n bytes; norm may be NULL to only check), before the core's
 * own rules. Leading and trailing spaces (also the full-width space) are
 * dropped; full-width digits and punctuation become ASCII in every type but
 * text and note.
 *   text, note  valid UTF-8, no control character (note may hold line
 *               breaks), min/max characters when set
 *   id          18 characters: 17 digits then a digit or X (x becomes X);
 *               the check digit and birth date are the core's (core/id.h)
 *   date        a real date, YYYY-MM-DD; 2026-3-5, 2026/3/5, 2026.3.5 and
 *               20260305 are accepted and written 2026-03-05
 *   month       YYYY-MM; 2026-3, 2026/03, 202603 become 2026-03
 *   money       yuan: "1500", "1500.5", "1,500.00" become "1500.00"; a unit
 *               (元), a sign, more than 2 decimals or bad grouping refused;
 *               min/max (fen) apply
 *   int         a whole number within min/max, written without leading zeros
 *   choice      one of the choices (any value while the list is still the
 *               "@villages" placeholder: the screen checks it)
 *   yesno       是 or 否 (also y/n, yes/no, 1/0)
 *   phone       digits and '-', 7 to 20 characters
 * An empty value is refused when required, else accepted as "".
 * Returns 0, or -1 with a Chinese message naming the label and the fix
 * (JZ_EUSER, e->field = d->key). */
int jz_field_check(const struct jz_field_def *d, const char *value, char *norm, size_t n,
		   jz_err *e);

/* Money in yuan as typed ("1500", "1500.5", "1,500.00") to whole fen, with
 * integers only (never a float). Refuses empty text, units, signs, more
 * than 2 decimals, bad thousands grouping and more than 10^12 yuan. */
int jz_money_parse(const char *yuan_text, long long *fen, jz_err *e);
/* 150050 -> "1500.50", -5 -> "-0.05"; no grouping. */
void jz_money_format(long long fen, char *buf, size_t n);

#endif
