/* search.h — the desk's incremental search (/ or F3 from anywhere).
 *
 * jz_search_open loads a compact index of every person with one query; each
 * keystroke is then matched in memory, with no SQL (a township of 50,000
 * persons answers in about a millisecond). After writes, call
 * jz_search_reload: the index does not see changes by itself.
 *
 * What a query finds (spaces at both ends are trimmed; full-width letters
 * and digits count as ASCII ones; an empty query finds nothing):
 *   letters only ("wjg")   names whose pinyin initials start with them
 *                          (jz_pinyin_match: 王建国; 曾 answers to z and c),
 *                          and names written in Latin letters that contain
 *                          them, ignoring case;
 *   digits (and X/x)       the ID number containing them anywhere (4 or more
 *                          characters: fewer would match nearly every ID),
 *                          the household number starting with them, a phone
 *                          (the person's or the household's) containing them
 *                          (4 or more digits). Spaces and '-' inside are
 *                          ignored for ID and phone ("138-0023-1234");
 *   hanzi ("建国")          names containing them;
 *   hanzi then letters     hanzi as the name's first characters, letters as
 *   ("王j", "王jg")         the initials of the next ones;
 *   anything               an exact or leading household number.
 *
 * Ranking, best first:
 *   0  the exact ID number or the exact household number;
 *   1  the name's start (initials, leading hanzi, Latin prefix);
 *   2  the ID's tail, a household number's start, a phone's start or end;
 *   3  the rest (a name, ID or phone containing the query in the middle).
 * Within a rank: household heads, then other members, then persons in no
 * household; then by household number; then by birth date (a household's
 * members come out in the order of its card); then by person id.
 *
 * Persons in no household of the township (non-local, or removed) are found
 * too, with member = 0 and household_id = 0. The deceased are found,
 * flagged. Not thread-safe: one jz_search per thread. */
#ifndef JZ_SEARCH_H
#define JZ_SEARCH_H

#include "core/model.h"
#include "store/db.h"

struct jz_search_hit {
	jz_rowid person_id, household_id; /* household_id 0: in no household */
	char name[96];
	char id_number[19];
	char household_number[24];
	char village[96];
	char relation[24];
	char phone[32]; /* the person's phone, else the household's */
	int deceased;
	int member; /* in a household (its head included) */
};

typedef struct jz_search jz_search;

/* Loads the index (one SELECT). NULL on error, with e set. */
jz_search *jz_search_open(jz_db *db, jz_err *e);
/* Reloads after data changed: call it after writes, or whenever the search
 * screen comes back. It returns at once when nothing was written since the
 * last load (by this connection or any other), so calling it often is
 * cheap. On error the old index stays and -1 is returned. */
int jz_search_reload(jz_search *s, jz_err *e);
void jz_search_close(jz_search *s);
/* Persons in the index. */
int jz_search_size(const jz_search *s);

struct jz_search_filter {
	jz_rowid village_id;   /* 0 = all; else only persons of households of that
				* village (persons in no household are left out) */
	const char *programme; /* NULL = all; else only persons of households with an
				* open case (not 退出/不予) of 低保, 特困, 孤儿 or 残疾补贴 */
};

/* Fills out with up to max hits for query, best first (f may be NULL: no
 * filter). Returns the number of persons that match in total (may exceed
 * max), 0 for an empty or blank query, or -1 with e set. out may be NULL
 * when max is 0. Queries longer than 255 bytes find nothing. */
int jz_search_run(jz_search *s, const char *query, const struct jz_search_filter *f,
		  struct jz_search_hit *out, int max, jz_err *e);

#endif
