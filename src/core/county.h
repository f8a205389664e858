/* county.h — the monthly figures of many townships reaching the county.
 *
 * Each township sends a bundle (`jiuzhu export county YYYY-MM -o FILE`):
 * its figures of the month in a small SQLite file. The county merges the
 * bundles (`jiuzhu merge FILE...`) into its own workbook, laid out by the
 * same table files: the 低保 table gets a row per township (its 合计) and
 * the 城市/农村/合计 rows summed; fixed-row tables are summed row by row;
 * the lists (增减变动明细) are put one after another; standards are left
 * blank in sums and averages (月人均补助, 平均救助水平) are computed again
 * from the sums. */
#ifndef JZ_COUNTY_H
#define JZ_COUNTY_H

#include "core/report.h"

/* Writes township db's figures of month into the bundle path. */
int jz_county_export(jz_db *db, const char *month, const char *path, jz_err *e);

/* Merges n bundles (all of one month, of different townships) into r, laid
 * out by the table files of dir (NULL: built-in). Free r with
 * jz_report_free. */
int jz_county_merge(const char *const *paths, int n, const char *dir, struct jz_report *r, jz_err *e);

#endif
