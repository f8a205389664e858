/* xlsx_out.h — the files of a payment roll: a village's roll as an xlsx
 * workbook (libxlsxwriter) and a bank file (CSV, GBK or UTF-8). No SQL and
 * no policy here: core/roll.c hands over the rows ready to write. Amounts
 * come as whole fen; the workbook stores them as numbers shown "0.00". */
#ifndef JZ_XLSX_OUT_H
#define JZ_XLSX_OUT_H

#include "core/err.h"

/* One line of a village's roll. */
struct jz_xlsx_roll_row {
	const char *household, *name, *id_number, *programme, *kind, *for_month, *bank_account;
	long long amount_fen;
};

/* Writes the roll to path: a title row, the header 序号 户编号 姓名 身份证号
 * 项目 类别 所属月份 金额 银行账号 签字, the rows, and a 合计 row (its amount
 * the sum of the rows, to the fen). Text in 宋体, IDs and accounts as text,
 * amounts as numbers "0.00", column widths fitted to Chinese text, printed
 * landscape on A4 with the header repeated. */
int jz_xlsx_roll_write(const char *path, const char *title, const struct jz_xlsx_roll_row *rows,
		       int n, jz_err *e);

/* One person of a bank file. */
struct jz_bank_row {
	const char *name, *id_number, *bank_account;
	long long amount_fen;
};

/* Writes the bank file: 姓名,身份证号,银行账号,金额 then one row each and a
 * 合计 row; amounts with 2 decimals, no grouping; CRLF line ends; GBK unless
 * utf8 is set (a name GBK cannot write is an error saying to use --utf8). */
int jz_bank_csv_write(const char *path, const struct jz_bank_row *rows, int n, int utf8,
		      jz_err *e);

#endif
