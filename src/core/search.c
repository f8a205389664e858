/* search.c — the desk's incremental search, in memory (see search.h).
 *
 * The index holds each searched field as a column: one NUL-terminated
 * string per person, back to back. A substring query is one memmem pass
 * over a column, each hit mapped back to its person by a search over the
 * column's offsets. Pinyin initials are precomputed per name as a row of
 * letter masks, so "wjg" costs three AND operations per person. A run marks
 * each person's best rank in a byte array, then walks it rank by rank in
 * an order sorted once at load (heads, members, the rest; by household
 * number, birth, id), so a keystroke sorts nothing. */
#define _GNU_SOURCE /* memmem */
#include "core/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "io/text.h"
#include "store/search_store.h"

enum { R_EXACT, R_PREFIX, R_EDGE, R_INNER, NRANK, R_NONE = 0xFF };
enum { RULE_NAME, RULE_ID, RULE_PHONE };
enum { K_HEAD, K_MEMBER, K_NONE };

#define QMAX 256
#define ALL_LETTERS 0x3FFFFFFu
#define MAX_INTERN 256

struct buf {
	char *s;
	size_t len, cap;
};

/* One string per person, back to back; off[i] is where person i's starts,
 * off[n] = b.len. */
struct col {
	struct buf b;
	uint32_t *off;
};

struct ent {
	jz_rowid person_id, household_id, village_id;
	unsigned programmes; /* bits of the household's open cases, as search_store.h */
	uint32_t hhnum, village, relation, phone; /* offsets in idx.text */
	uint32_t birth;                           /* YYYYMMDD, for ordering */
	uint8_t kind, deceased;
};

struct idx {
	size_t n, cap;
	struct ent *ents;
	struct col name;   /* as stored */
	char *fold;        /* name.b with ASCII letters lower-cased (same offsets) */
	struct col id;     /* x as X */
	struct col phone;  /* the person's phone, digits only */
	struct col hphone; /* the household's phone, digits only */
	uint32_t *moff;    /* masks[moff[i] .. moff[i+1]): person i's initials */
	uint32_t *masks;
	size_t nmasks, capmasks;
	struct buf text;   /* shown fields: household number, village, relation, phone */
	uint32_t intern[MAX_INTERN];
	int ninterns;
	uint32_t *order;   /* persons in ranking order: head/member/none,
			    * household number, birth, id */
	uint8_t *rank;     /* scratch for a run: each person's best rank */
};

struct jz_search {
	jz_db *db;
	struct idx x;
	long long changes, version; /* the database's stamp when x was loaded */
};

/* ---- building ---- */

static int buf_reserve(struct buf *b, size_t more)
{
	if (b->len + more <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more)
		cap *= 2;
	if (cap > UINT32_MAX)
		return -1;
	char *s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

/* Appends s[0..len) and a NUL; its offset into *off. */
static int buf_add(struct buf *b, const char *s, size_t len, uint32_t *off)
{
	if (buf_reserve(b, len + 1))
		return -1;
	*off = (uint32_t)b->len;
	memcpy(b->s + b->len, s, len);
	b->s[b->len + len] = '\0';
	b->len += len + 1;
	return 0;
}

/* Appends person n's string to c (off[n] is set already). */
static int col_add(struct col *c, size_t n, const char *s, size_t len)
{
	uint32_t at;
	if (buf_add(&c->b, s, len, &at))
		return -1;
	c->off[n + 1] = (uint32_t)c->b.len;
	return 0;
}

/* Shown text, shared for the few values that repeat (villages, relations). */
static int text_add(struct idx *x, const char *s, int shared, uint32_t *off)
{
	if (!*s) {
		*off = 0; /* text starts with "" */
		return 0;
	}
	if (shared)
		for (int i = 0; i < x->ninterns; i++)
			if (strcmp(x->text.s + x->intern[i], s) == 0) {
				*off = x->intern[i];
				return 0;
			}
	if (buf_add(&x->text, s, strlen(s), off))
		return -1;
	if (shared && x->ninterns < MAX_INTERN)
		x->intern[x->ninterns++] = *off;
	return 0;
}

static int is_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		(cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The letters one character of a name answers to; 0: skipped. The same
 * rules as jz_pinyin_match (pinyin.c), precomputed here per name. */
static uint32_t name_letters(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 1u << (cp - 'A');
	if (cp >= 'a' && cp <= 'z')
		return 1u << (cp - 'a');
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return 1u << (cp - 0xFF21);
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return 1u << (cp - 0xFF41);
	if (cp < 0x80)
		return 0;
	uint32_t m = jz_pinyin_letters(cp);
	if (m == 0 && is_ideograph(cp))
		return ALL_LETTERS;
	return m;
}

static int grow(struct idx *x)
{
	size_t cap = x->cap ? x->cap * 2 : 1024;
	struct ent *ents = realloc(x->ents, cap * sizeof *ents);
	if (!ents)
		return -1;
	x->ents = ents;
	uint32_t **offs[] = {&x->name.off, &x->id.off, &x->phone.off, &x->hphone.off, &x->moff};
	for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
		uint32_t *o = realloc(*offs[i], (cap + 1) * sizeof *o);
		if (!o)
			return -1;
		if (x->cap == 0)
			o[0] = 0;
		*offs[i] = o;
	}
	x->cap = cap;
	return 0;
}

static int add_mask(struct idx *x, uint32_t m)
{
	if (x->nmasks == x->capmasks) {
		size_t cap = x->capmasks ? x->capmasks * 2 : 4096;
		uint32_t *n = realloc(x->masks, cap * sizeof *n);
		if (!n)
			return -1;
		x->masks = n;
		x->capmasks = cap;
	}
	x->masks[x->nmasks++] = m;
	return 0;
}

/* The digits of a phone number ("023-5566 7788" -> "02355667788"). */
static size_t digits_of(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9')
			out[k++] = *s;
	out[k] = '\0';
	return k;
}

static int add_row(const struct jz_search_row *r, void *arg, jz_err *e)
{
	struct idx *x = arg;
	if (x->n == x->cap && grow(x))
		return jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
	size_t i = x->n;
	struct ent *t = &x->ents[i];
	memset(t, 0, sizeof *t);
	t->person_id = r->person_id;
	t->household_id = r->household_id;
	t->village_id = r->village_id;
	t->programmes = r->programmes;
	t->kind = !r->household_id ? K_NONE : r->head ? K_HEAD : K_MEMBER;
	t->deceased = r->deceased != 0;
	for (const char *b = r->birth; *b; b++) /* YYYY-MM-DD -> YYYYMMDD */
		if (*b >= '0' && *b <= '9' && t->birth < 100000000u)
			t->birth = t->birth * 10 + (uint32_t)(*b - '0');

	char id[32], ph[64], hph[64];
	size_t idl = strlen(r->id_number);
	if (idl >= sizeof id)
		idl = sizeof id - 1;
	for (size_t k = 0; k < idl; k++)
		id[k] = r->id_number[k] == 'x' ? 'X' : r->id_number[k];
	size_t phl = digits_of(r->phone, ph, sizeof ph), hphl = digits_of(r->household_phone, hph, sizeof hph);

	size_t len = strlen(r->name);
	if (col_add(&x->name, i, r->name, len) || col_add(&x->id, i, id, idl) ||
	    col_add(&x->phone, i, ph, phl) || col_add(&x->hphone, i, hph, hphl))
		return jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
	for (size_t k = 0; k < len;) {
		uint32_t cp, m;
		k += jz_utf8_decode(r->name + k, len - k, &cp);
		if ((m = name_letters(cp)) != 0 && add_mask(x, m))
			return jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
	}
	x->moff[i + 1] = (uint32_t)x->nmasks;
	if (text_add(x, r->household_number, 0, &t->hhnum) || text_add(x, r->village, 1, &t->village) ||
	    text_add(x, r->relation, 1, &t->relation) ||
	    text_add(x, *r->phone ? r->phone : r->household_phone, 0, &t->phone))
		return jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
	x->n++;
	return 0;
}

static void idx_free(struct idx *x)
{
	free(x->ents);
	free(x->name.b.s);
	free(x->name.off);
	free(x->fold);
	free(x->id.b.s);
	free(x->id.off);
	free(x->phone.b.s);
	free(x->phone.off);
	free(x->hphone.b.s);
	free(x->hphone.off);
	free(x->moff);
	free(x->masks);
	free(x->text.s);
	free(x->rank);
	free(x->order);
	memset(x, 0, sizeof *x);
}

struct sort_key {
	const char *hhnum;
	jz_rowid id;
	uint32_t birth, i;
	uint8_t kind;
};

static int cmp_key(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = strcmp(a->hhnum, b->hhnum);
	if (c)
		return c;
	if (a->birth != b->birth)
		return a->birth < b->birth ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* x->order: the order equal matches come out in. */
static int sort_index(struct idx *x)
{
	struct sort_key *k = malloc((x->n ? x->n : 1) * sizeof *k);
	x->order = malloc((x->n ? x->n : 1) * sizeof *x->order);
	if (!k || !x->order) {
		free(k);
		return -1;
	}
	for (size_t i = 0; i < x->n; i++) {
		const struct ent *t = &x->ents[i];
		k[i] = (struct sort_key){x->text.s + t->hhnum, t->person_id, t->birth, (uint32_t)i, t->kind};
	}
	qsort(k, x->n, sizeof *k, cmp_key);
	for (size_t i = 0; i < x->n; i++)
		x->order[i] = k[i].i;
	free(k);
	return 0;
}

static int idx_load(jz_db *db, struct idx *x, jz_err *e)
{
	memset(x, 0, sizeof *x);
	uint32_t empty;
	if (grow(x) || buf_add(&x->text, "", 0, &empty))
		goto oom;
	if (jz_store_search_rows(db, add_row, x, e)) {
		idx_free(x);
		return -1;
	}
	x->fold = malloc(x->name.b.len ? x->name.b.len : 1);
	x->rank = malloc(x->n ? x->n : 1);
	if (!x->fold || !x->rank || sort_index(x))
		goto oom;
	for (size_t k = 0; k < x->name.b.len; k++) {
		char c = x->name.b.s[k];
		x->fold[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	return 0;
oom:
	idx_free(x);
	return jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
}

jz_search *jz_search_open(jz_db *db, jz_err *e)
{
	jz_search *s = calloc(1, sizeof *s);
	if (!s) {
		jz_fail(e, JZ_EDATA, "内存不足，无法建立查找索引");
		return NULL;
	}
	s->db = db;
	if (jz_store_change_stamp(db, &s->changes, &s->version, e) || idx_load(db, &s->x, e)) {
		free(s);
		return NULL;
	}
	return s;
}

int jz_search_reload(jz_search *s, jz_err *e)
{
	struct idx x;
	long long changes, version;
	if (!s)
		return jz_fail(e, JZ_EDATA, "内部错误：查找索引没有打开");
	if (jz_store_change_stamp(s->db, &changes, &version, e))
		return -1;
	if (changes == s->changes && version == s->version)
		return 0; /* nothing written since the last load */
	if (idx_load(s->db, &x, e))
		return -1;
	idx_free(&s->x);
	s->x = x;
	s->changes = changes;
	s->version = version;
	return 0;
}

void jz_search_close(jz_search *s)
{
	if (!s)
		return;
	idx_free(&s->x);
	free(s);
}

int jz_search_size(const jz_search *s)
{
	return s ? (int)s->x.n : 0;
}

/* ---- matching ---- */

static void mark(struct idx *x, size_t i, int r)
{
	if (r < x->rank[i])
		x->rank[i] = (uint8_t)r;
}

/* memcmp(a, b, n) == 0 for the short strings here, without a call. */
static int same(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (a[k] != b[k])
			return 0;
	return 1;
}

/* 1 if s[0..len) contains q: the plain way, for one short string. */
static int contains(const char *s, size_t len, const char *q, size_t ql)
{
	for (size_t k = 0; k + ql <= len; k++)
		if (s[k] == q[0] && same(s + k, q, ql))
			return 1;
	return 0;
}

static int rule_rank(int rule, const char *s, size_t len, const char *q, size_t ql)
{
	int prefix = same(s, q, ql);
	int suffix = same(s + len - ql, q, ql);
	switch (rule) {
	case RULE_ID:
		return prefix && len == ql ? R_EXACT : suffix ? R_EDGE : R_INNER;
	case RULE_PHONE:
		return prefix || suffix ? R_EDGE : R_INNER;
	default:
		return prefix ? R_PREFIX : R_INNER;
	}
}

/* The person whose string holds byte at, given off[i] <= at < off[n]:
 * galloping forward from i, since hits come in order and are often dense
 * (every ID contains the township's area code). */
static size_t owner(const uint32_t *off, size_t n, size_t i, size_t at)
{
	size_t lo = i, hi = i + 1, step = 1;
	while (hi < n && off[hi] <= at) {
		lo = hi;
		hi += step;
		step *= 2;
	}
	if (hi > n)
		hi = n;
	while (hi - lo > 1) { /* off[lo] <= at < off[hi] */
		size_t mid = lo + (hi - lo) / 2;
		if (off[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Marks everyone whose string in c contains q. base is c->b.s, or a copy
 * with the same offsets (the folded names). One memmem finds the next
 * match however far; after a match the next person is tried directly,
 * which is cheaper when matches are dense ("5001" is in every ID). */
static void scan(struct idx *x, const struct col *c, const char *base, const char *q, size_t ql,
		 int rule)
{
	size_t end = c->b.len, pos = 0, i = 0;
	while (pos < end) {
		const char *m = memmem(base + pos, end - pos, q, ql);
		if (!m)
			return;
		i = owner(c->off, x->n, i, (size_t)(m - base));
		for (;;) {
			size_t s0 = c->off[i], len = c->off[i + 1] - s0 - 1;
			mark(x, i, rule_rank(rule, base + s0, len, q, ql));
			if (++i >= x->n)
				return;
			s0 = c->off[i];
			len = c->off[i + 1] - s0 - 1;
			if (!contains(base + s0, len, q, ql))
				break;
		}
		if (++i >= x->n)
			return;
		pos = c->off[i];
	}
}

/* Household numbers equal to q (exact) or starting with it, ignoring the
 * case of letters. */
static void scan_household_numbers(struct idx *x, const char *q, size_t ql)
{
	if (ql >= 24)
		return;
	char lo0 = q[0] >= 'A' && q[0] <= 'Z' ? (char)(q[0] - 'A' + 'a') : q[0];
	char up0 = q[0] >= 'a' && q[0] <= 'z' ? (char)(q[0] - 'a' + 'A') : q[0];
	for (size_t i = 0; i < x->n; i++) {
		const char *h = x->text.s + x->ents[i].hhnum;
		if (h[0] != lo0 && h[0] != up0)
			continue;
		size_t k = 1;
		for (; k < ql; k++) {
			char a = h[k], b = q[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b || !a)
				break;
		}
		if (k == ql)
			mark(x, i, h[ql] ? R_EDGE : R_EXACT);
	}
}

/* Names whose initials start with the letters bits[0..k). */
static void scan_initials(struct idx *x, const uint32_t *bits, size_t k)
{
	for (size_t i = 0; i < x->n; i++) {
		uint32_t lo = x->moff[i];
		if (x->moff[i + 1] - lo < k)
			continue;
		const uint32_t *m = x->masks + lo;
		size_t j = 0;
		while (j < k && (m[j] & bits[j]))
			j++;
		if (j == k)
			mark(x, i, R_PREFIX);
	}
}

/* Names whose counted characters start with the query's: a hanzi (cps[j]
 * != 0) itself, a letter (bits[j]) as an initial. */
static void scan_mixed(struct idx *x, const uint32_t *cps, const uint32_t *bits, size_t k)
{
	uint32_t want[QMAX]; /* what each position's initials must include */
	for (size_t j = 0; j < k; j++)
		want[j] = cps[j] ? name_letters(cps[j]) : bits[j];
	for (size_t i = 0; i < x->n; i++) {
		if (x->moff[i + 1] - x->moff[i] < k)
			continue;
		const uint32_t *m = x->masks + x->moff[i];
		size_t j = 0;
		while (j < k && (m[j] & want[j]))
			j++;
		if (j < k)
			continue; /* the initials rule it out: no need to decode */
		const char *name = x->name.b.s + x->name.off[i];
		size_t len = x->name.off[i + 1] - x->name.off[i] - 1, pos = 0;
		j = 0;
		while (j < k) {
			uint32_t cp;
			pos += jz_utf8_decode(name + pos, len - pos, &cp);
			if (!name_letters(cp))
				continue;
			if (cps[j] ? cp != cps[j] : !(m[j] & bits[j]))
				break;
			j++;
		}
		if (j == k)
			mark(x, i, R_PREFIX);
	}
}

/* The query as matched: full-width letters, digits and signs as ASCII, the
 * ideographic space as a space, spaces trimmed at both ends. Returns its
 * length, 0 if empty or too long. */
static size_t normalize(const char *in, char q[QMAX])
{
	size_t len = strlen(in), n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		char enc[4];
		i += jz_utf8_decode(in + i, len - i, &cp);
		if (cp == 0x3000)
			cp = ' ';
		else if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		size_t k = jz_utf8_encode(cp, enc);
		if (n + k >= QMAX)
			return 0;
		memcpy(q + n, enc, k);
		n += k;
	}
	size_t a = 0;
	while (a < n && (q[a] == ' ' || q[a] == '\t' || q[a] == '\r' || q[a] == '\n'))
		a++;
	while (n > a && (q[n - 1] == ' ' || q[n - 1] == '\t' || q[n - 1] == '\r' || q[n - 1] == '\n'))
		n--;
	memmove(q, q + a, n - a);
	n -= a;
	q[n] = '\0';
	return n;
}

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static uint32_t letter_bit(char c)
{
	return c >= 'a' ? 1u << (c - 'a') : 1u << (c - 'A');
}

static void copy_text(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);
	if (len >= n) { /* cut on a character boundary */
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static void fill(const struct idx *x, size_t i, struct jz_search_hit *h)
{
	const struct ent *t = &x->ents[i];
	memset(h, 0, sizeof *h);
	h->person_id = t->person_id;
	h->household_id = t->household_id;
	copy_text(h->name, sizeof h->name, x->name.b.s + x->name.off[i]);
	copy_text(h->id_number, sizeof h->id_number, x->id.b.s + x->id.off[i]);
	copy_text(h->household_number, sizeof h->household_number, x->text.s + t->hhnum);
	copy_text(h->village, sizeof h->village, x->text.s + t->village);
	copy_text(h->relation, sizeof h->relation, x->text.s + t->relation);
	copy_text(h->phone, sizeof h->phone, x->text.s + t->phone);
	h->deceased = t->deceased;
	h->member = t->kind != K_NONE;
}

static void match(struct idx *x, const char *q, size_t ql)
{
	char lower[QMAX], digits[QMAX];
	uint32_t bits[QMAX], cps[QMAX];
	int letters = 1, ascii = 1, mixed = 1, has_letter = 0, digit_mode = 1, has_digit = 0, has_x = 0;
	size_t dl = 0, k = 0;

	for (size_t i = 0; i < ql; i++) {
		char c = q[i];
		lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		if ((unsigned char)c >= 0x80)
			ascii = 0;
		if (!is_letter(c))
			letters = 0;
		if (c >= '0' && c <= '9') {
			digits[dl++] = c;
			has_digit = 1;
		} else if (c == 'x' || c == 'X') {
			digits[dl++] = 'X';
			has_x = 1;
		} else if (c != ' ' && c != '-') {
			digit_mode = 0;
		}
	}
	lower[ql] = '\0';
	digits[dl] = '\0';
	digit_mode = digit_mode && has_digit;

	/* Hanzi and letters, each standing for one counted character. */
	for (size_t i = 0; i < ql && mixed;) {
		uint32_t cp;
		i += jz_utf8_decode(q + i, ql - i, &cp);
		if (cp < 0x80 && is_letter((char)cp)) {
			cps[k] = 0;
			bits[k++] = letter_bit((char)cp);
			has_letter = 1;
		} else if (cp >= 0x80 && name_letters(cp)) {
			cps[k] = cp;
			bits[k++] = 0;
		} else {
			mixed = 0;
		}
	}

	scan_household_numbers(x, q, ql);
	if (digit_mode) {
		if (dl >= 4)
			scan(x, &x->id, x->id.b.s, digits, dl, RULE_ID);
		if (dl >= 4 && !has_x) {
			scan(x, &x->phone, x->phone.b.s, digits, dl, RULE_PHONE);
			scan(x, &x->hphone, x->hphone.b.s, digits, dl, RULE_PHONE);
		}
		return;
	}
	scan(x, &x->name, x->fold, lower, ql, RULE_NAME);
	if (letters)
		scan_initials(x, bits, k);
	else if (!ascii && mixed && has_letter)
		scan_mixed(x, cps, bits, k);
}

/* The bit of a programme in ent.programmes; 0 for none or unknown. */
static unsigned programme_bit(const char *p)
{
	static const char *const names[] = {"低保", "特困", "孤儿", "残疾补贴"};
	for (unsigned i = 0; p && i < 4; i++)
		if (!strcmp(p, names[i]))
			return 1u << i;
	return 0;
}

int jz_search_run(jz_search *s, const char *query, const struct jz_search_filter *f,
		  struct jz_search_hit *out, int max, jz_err *e)
{
	if (!s)
		return jz_fail(e, JZ_EDATA, "内部错误：查找索引没有打开");
	if (!out || max < 0)
		max = 0;
	char q[QMAX];
	size_t ql = query ? normalize(query, q) : 0;
	struct idx *x = &s->x;
	if (ql == 0 || x->n == 0)
		return 0;

	memset(x->rank, R_NONE, x->n);
	match(x, q, ql);

	jz_rowid village = f ? f->village_id : 0;
	unsigned prog = f ? programme_bit(f->programme) : 0;
	size_t count[NRANK] = {0};
	int total = 0;
	for (size_t i = 0; i < x->n; i++) {
		if (x->rank[i] == R_NONE)
			continue;
		if ((village && x->ents[i].village_id != village) ||
		    (prog && !(x->ents[i].programmes & prog))) {
			x->rank[i] = R_NONE;
			continue;
		}
		count[x->rank[i]]++;
		total++;
	}
	int filled = 0;
	for (int r = 0; r < NRANK && filled < max; r++)
		for (size_t p = 0, left = count[r]; p < x->n && left && filled < max; p++)
			if (x->rank[x->order[p]] == r) {
				fill(x, x->order[p], &out[filled++]);
				left--;
			}
	return total;
}
