/* id.h — the resident ID (公民身份号码, GB 11643-1999).
 *
 * Everything that accepts an ID, typed at the desk or read from a file, goes
 * through jz_id_normalize: it refuses what is wrong with a Chinese message
 * that names the position and the fix, and gives back the 18-character form
 * that is stored (trailing lowercase x written as X). Sex and birth date are
 * derived from the ID here, so forms never ask for them separately. */
#ifndef JZ_ID_H
#define JZ_ID_H

#include "core/err.h"

typedef struct jz_id_info {
	char sex;      /* 'M' or 'F' */
	char birth[11]; /* YYYY-MM-DD */
	char area[7];  /* 6-digit administrative area code */
} jz_id_info;

/* Validates and normalises text typed or imported as a resident ID.
 * in: UTF-8 text exactly as given (no trimming by the caller); NULL is
 *     treated as empty.
 * today: "YYYY-MM-DD"; a birth date after today is refused (NULL skips that
 *     check); a birth date before 1900-01-01 is always refused.
 * allow15: if nonzero, a 15-digit old ID (all digits, YYMMDD birth) is
 *     converted: "19" inserted before the 2-digit year, check digit appended.
 * out: 19 bytes, receives the 18-character normalised ID; written only on
 *     success.
 * info (may be NULL): sex from the 17th digit (odd male, even female), birth
 *     date, 6-digit area; written only on success.
 * Returns 0, or -1 with a Chinese message in e (code JZ_EUSER).
 * Checks in this order: valid UTF-8, each character (spaces, full-width,
 * look-alikes of X, other non-digits, X before the end), length, check digit,
 * birth date. */
int jz_id_normalize(const char *in, const char *today, int allow15,
	char out[19], jz_id_info *info, jz_err *e);

/* Check digit for 17 digits: '0'..'9' or 'X' (ISO 7064 MOD 11-2, weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2); '\0' if first17 is NULL or any of
 * its first 17 characters is not a digit. */
char jz_id_check_digit(const char *first17);

/* Public-notice masking: first 6 and last 4 kept, 8 '*' between
 * ("110105********002X"). Anything that is not 18 characters becomes 18 '*',
 * so a bad value never leaks into a notice. */
void jz_id_mask(const char *id18, char out[19]);

/* "男" for 'M', "女" for 'F', "" for anything else. */
const char *jz_sex_label(char sex);

#endif
