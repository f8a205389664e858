/* test_field_fuzz.c — deterministic random input for the form field editor
 * (ui/field.c) and the field checks (io/form_file.c jz_field_check,
 * core/fields.c): random UTF-8, invalid bytes, control characters, keys,
 * huge pastes, tiny output buffers. Under ASan (make check's second pass)
 * any overflow aborts. After each step the editor's invariants are checked:
 * the cursor and scroll inside the text, the text within max_chars, valid
 * UTF-8 out, no control character in a single-line field.
 *
 * The seed is printed; JZ_FUZZ_SEED=N and JZ_FUZZ_ROUNDS=N repeat or
 * lengthen a run. Plain C, no cmocka: a failure prints the seed and round. */
#include <curses.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fields.h"
#include "core/model.h"
#include "io/form_file.h"
#include "io/text.h"
#include "ui/draw.h"
#include "ui/field.h"

static uint64_t rng_state;
static unsigned long seed, round_no;

static uint32_t rnd(void) /* xorshift64*: the same run for the same seed */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}
static uint32_t below(uint32_t n) { return n ? rnd() % n : 0; }

static void fail(const char *what)
{
	fprintf(stderr, "FAIL: %s (seed %lu, round %lu)\n", what, seed, round_no);
	exit(1);
}

/* One random code point: mostly printable, often hanzi, sometimes the
 * awkward ones (controls, surrogates, beyond U+10FFFF, wide, combining). */
static uint32_t random_cp(void)
{
	switch (below(12)) {
	case 0: return below(32);                 /* C0 controls */
	case 1: return 0x7f + below(0x21);        /* DEL, C1 */
	case 2: return 0xd800 + below(0x800);     /* surrogates */
	case 3: return 0x110000 + below(0x1000000);
	case 4: return 0x300 + below(0x70);       /* combining */
	case 5: return 0x1f300 + below(0x300);    /* emoji */
	case 6: case 7: return 0x4e00 + below(0x5200);
	case 8: return 0xff01 + below(0x5e);      /* full-width */
	case 9: return rnd() % 0x110000;
	default: return 0x20 + below(0x5f);
	}
}

/* Random bytes into buf (n-1 at most, NUL-terminated): valid UTF-8 mixed
 * with stray continuation bytes, cut sequences, overlongs and digits. */
static size_t random_text(char *buf, size_t n)
{
	size_t len = 0, want = below(4) == 0 ? below((uint32_t)n) : below(40);
	while (len + 5 < n && len < want) {
		uint32_t k = below(10);
		if (k == 0) {
			buf[len++] = (char)(0x80 + below(0x80)); /* any high byte */
		} else if (k == 1) {
			static const char *bad[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
						    "\xE4\xB8", "\xF0\x9F", "\xFF", "\xFE"};
			const char *b = bad[below(8)];
			size_t bl = strlen(b);
			memcpy(buf + len, b, bl);
			len += bl;
		} else if (k < 4) {
			buf[len++] = (char)('0' + below(10));
		} else if (k == 4) {
			static const char punct[] = "-./:, \t\r\nXx元;";
			buf[len++] = punct[below(sizeof punct - 1)];
		} else {
			uint32_t cp = random_cp();
			if (cp >= 0xd800 && cp < 0xe000)
				cp = 0x41;
			if (cp > 0x10ffff)
				cp = 0x4e00;
			char out[4];
			size_t m = jz_utf8_encode(cp, out);
			memcpy(buf + len, out, m);
			len += m;
		}
	}
	buf[len] = 0;
	return len;
}

static void check_editor(const jz_edit *ed)
{
	/* scroll is settled by the next layout (every draw lays out first) */
	if (ed->len < 0 || ed->cursor < 0 || ed->cursor > ed->len || ed->len > ed->cap ||
	    ed->len > JZ_EDIT_HARD_MAX)
		fail("cursor or length out of range");
	if (ed->max_chars > 0 && ed->len > ed->max_chars)
		fail("more characters than max_chars");
	for (int i = 0; i < ed->len; i++) {
		uint32_t c = ed->cp[i];
		if (c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
			fail("an invalid code point was kept");
		if ((c < 0x20 || c == 0x7f) && !(ed->multiline && c == '\n'))
			fail("a control character was kept");
	}
	char *t = jz_edit_text(ed);
	if (!jz_utf8_valid(t, strlen(t)))
		fail("the text is not valid UTF-8");
	free(t);
}

static const unsigned keys[] = {KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE, KEY_DC,
				KEY_UP, KEY_DOWN, KEY_ENTER, KEY_F(2), KEY_RESIZE, 0, 0x7fffffff};

static void one_key(jz_edit *ed)
{
	if (below(4) == 0)
		jz_edit_key(ed, 1, keys[below(sizeof keys / sizeof keys[0])]);
	else if (below(3) == 0)
		jz_edit_key(ed, 0, below(3) ? below(32) : 127); /* ^A ^E ^K ^U, BS, Enter... */
	else
		jz_edit_key(ed, 0, random_cp());
}

/* A huge paste: a few MB of text, or a long run of one character. */
static void huge_paste(jz_edit *ed)
{
	size_t n = 1 + below(3 << 20);
	char *p = malloc(n + 1);
	if (!p)
		fail("out of memory");
	if (below(2)) {
		memset(p, below(2) ? 'a' : '\n', n);
		p[n] = 0;
	} else {
		random_text(p, n + 1);
	}
	jz_edit_insert_utf8(ed, p);
	free(p);
}

static void fuzz_editor(WINDOW *win, unsigned long rounds)
{
	static const int maxes[] = {0, 1, 2, 5, 18, 20, 60, 500};
	char buf[4096];
	for (round_no = 0; round_no < rounds; round_no++) {
		jz_edit ed;
		random_text(buf, sizeof buf);
		jz_edit_init(&ed, buf, maxes[below(8)]);
		ed.multiline = below(3) == 0;
		if (!ed.multiline && below(4) == 0)
			ed.mask = '*';
		check_editor(&ed);
		int steps = (int)below(60);
		for (int i = 0; i < steps; i++) {
			uint32_t k = below(20);
			if (k < 12) {
				one_key(&ed);
			} else if (k < 15) {
				random_text(buf, sizeof buf);
				jz_edit_insert_utf8(&ed, buf);
			} else if (k == 15) {
				jz_edit_insert_utf8(&ed, NULL);
			} else if (k == 16 && below(40) == 0) {
				huge_paste(&ed);
			} else if (k == 17) {
				random_text(buf, sizeof buf);
				jz_edit_set(&ed, below(8) ? buf : NULL);
			} else {
				int cols = 1 + (int)below(80), rows = 1 + (int)below(10), r, c;
				if (ed.multiline) {
					jz_edit_layout_lines(&ed, rows, cols, &r, &c);
					if (ed.scroll < 0 || ed.scroll > ed.len)
						fail("note scrolled outside its text");
					if (r < 0 || r >= rows || c < 0 || c >= cols + 1)
						fail("note cursor outside its box");
					jz_edit_draw_lines(&ed, win, 0, 0, rows, cols, (int)below(2));
				} else {
					int at = jz_edit_layout(&ed, cols);
					if (ed.scroll < 0 || ed.scroll > ed.cursor)
						fail("scrolled past the cursor");
					if (at < 0 || (cols > 1 && at >= cols))
						fail("cursor outside the field");
					jz_edit_draw(&ed, win, (int)below(20), 0, cols, (int)below(2));
				}
			}
			check_editor(&ed);
		}
		jz_edit_free(&ed);
	}
}

/* jz_field_check for every type, with limits and odd output buffers; a
 * value it accepts is then set into a person and a household by key. */
static const char *person_keys[] = {"name", "id_number", "relation", "labour", "disability_cat",
				    "disability_grade", "serious_illness", "student", "employment",
				    "unemployed_since", "unemployment_insurance", "phone", "bank_account",
				    "hukou", "sex", "birth", "nosuch"};
static const char *household_keys[] = {"village_id", "number", "grp", "address", "area", "poverty_cause",
				       "jiandang", "tuopin", "monitored", "edge", "relocated", "no_labour",
				       "phone", "closed_on", "nosuch"};
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void fuzz_checks(unsigned long rounds)
{
	static char *choices[] = {"低保", "特困", "@villages", ""};
	char value[2048], norm[2048];
	for (round_no = 0; round_no < rounds; round_no++) {
		struct jz_field_def d;
		jz_err e = {0};
		memset(&d, 0, sizeof d);
		snprintf(d.key, sizeof d.key, "%s", person_keys[below(N(person_keys))]);
		snprintf(d.label, sizeof d.label, "字段");
		d.type = (enum jz_ftype)below(JZ_F_NOTE + 1);
		d.required = (int)below(2);
		d.choices = choices;
		d.nchoices = 1 + (int)below(3);
		if (below(2)) {
			d.has_min = d.has_max = 1;
			d.min = (long long)below(100) - 50;
			d.max = d.min + (long long)below(1000000);
		}
		random_text(value, sizeof value);
		size_t n = below(4) == 0 ? below(8) : sizeof norm;
		memset(norm, 'Z', sizeof norm);
		int r = jz_field_check(&d, value, n ? norm : NULL, n, &e);
		if (r != 0 && r != -1)
			fail("jz_field_check returned neither 0 nor -1");
		if (r == -1 && !e.msg[0])
			fail("a refusal without a message");
		if (r == 0 && n) {
			if (!memchr(norm, 0, n))
				fail("the normal form is not terminated within its buffer");
			if (!jz_utf8_valid(norm, strlen(norm)))
				fail("the normal form is not valid UTF-8");
		}
		long long fen;
		jz_money_parse(value, &fen, &e);
		const char *v = r == 0 && n == sizeof norm ? norm : value;
		jz_person p;
		jz_household h;
		memset(&p, 0, sizeof p);
		memset(&h, 0, sizeof h);
		jz_person_set_field(&p, person_keys[below(N(person_keys))], v, &e);
		jz_household_set_field(&h, household_keys[below(N(household_keys))], v, &e);
		char out[64];
		jz_person_get_field(&p, person_keys[below(N(person_keys))], out, 1 + below(sizeof out));
		jz_household_get_field(&h, household_keys[below(N(household_keys))], out, 1 + below(sizeof out));
		/* the width helpers see the same bytes the desk draws */
		int used;
		jz_str_fit(value, (int)below(40), &used);
		jz_str_width(value);
	}
}

int main(void)
{
	const char *s = getenv("JZ_FUZZ_SEED"), *r = getenv("JZ_FUZZ_ROUNDS");
	seed = s ? strtoul(s, NULL, 10) : 20261127UL;
	unsigned long rounds = r ? strtoul(r, NULL, 10) : 20000UL;
	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	printf("field fuzz: seed %lu, %lu rounds (JZ_FUZZ_SEED / JZ_FUZZ_ROUNDS repeat it)\n", seed, rounds);

	setenv("TERM", "xterm-256color", 1);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		fail("no C.UTF-8 locale");
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = out && in ? newterm(NULL, out, in) : NULL;
	if (!scr)
		fail("no curses screen on /dev/null");
	set_term(scr);
	WINDOW *win = newwin(24, 80, 0, 0);

	fuzz_editor(win, rounds / 4);
	fuzz_checks(rounds * 5);

	delwin(win);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	printf("field fuzz: no problem\n");
	return 0;
}
