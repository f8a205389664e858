/* width.h — the display-width tables generated into build/gen/width_table.c
 * by tools/gen_width.awk; only io/text.c reads them (see jz_cp_width). */
#ifndef JZ_WIDTH_H
#define JZ_WIDTH_H

#include <stdint.h>

/* A closed range of code points, first <= last; tables are sorted and
 * their ranges neither overlap nor touch. */
struct jz_wrange {
	uint32_t first, last;
};

extern const struct jz_wrange jz_wide_ranges[]; /* 2 columns: EAW W and F */
extern const unsigned jz_wide_ranges_n;
extern const struct jz_wrange jz_zero_ranges[]; /* 0 columns: Mn Me Cf, controls */
extern const unsigned jz_zero_ranges_n;

#endif
