/* test_report.c — the monthly workbook (core/figures*.c, core/report*.c,
 * io/xlsx_report.c) on a township small enough to count by hand, built by
 * raw SQL (persons 101..112, households 201..206, cases 301..306, 临时救助
 * 401..403). The month is 2026-10; today is 2026-11-27 (testutil).
 *
 * The township: 东山村 (农村) and 城南社区 (城市). Standards from
 * 2026-01-01: 低保 城市 750.00, 农村 610.00; 特困 基本生活 农村 1000.00
 * (factor 160%: 610 x 1.6 = 976 < 1000, so 1000.00); 最低工资 农村 1800.00
 * (照料护理 2% 30% 60%: 36.00, 540.00, 1080.00).
 *
 *  H201 东山村, cause 疾病. Case 301 低保 整户保障, 在保 from 2025-12:
 *    101 户主 M 1950-03-01 (76, 老年) 完全丧失, 肢体 1级 (重度)
 *    102 配偶 F 1955-06-15 (71, 老年) 部分丧失
 *    103 孙女 F 2012-11-30 (13 on 10-31: birthday not yet) 在校生
 *  H202 东山村, cause 残疾. Case 302 低保 单人保, from 2026-10 (new):
 *    104 户主 M 1980-01-01 (46, 成年) 智力 3级 (残疾, not 重度)
 *    105 子 M 2008-10-31 (18 on 10-31) — not covered
 *  H203 城南社区, cause 其他. Case 303 低保, 退出, 2025-06..2026-09:
 *    106 户主 F 1990-05-05, 107 女 F 2020-01-01 — both leave in October
 *  H204 城南社区, cause 灾害. Case 304 低保, 在保 from 2025-01:
 *    108 户主 M 1960-12-01 (65, 老年)
 *    109 妻 F 1962-02-02, until_month 2026-09 — leaves in October
 *  H205 东山村: case 305 特困 集中供养 全护理 from 2025-03:
 *    110 F 1940-01-01 (86) 视力 2级
 *  H206 东山村: case 306 特困 分散供养 全自理 from 2026-10 (new):
 *    111 M 2012-01-01 (14, 未满16周岁)
 *  112 M 1985 not of the township (临时救助 非本地户籍).
 *
 * 低保 in October (covered: 101 102 103 104 108):
 *   东山村: 2 户 (201 202), 4 人, 女 2 (102 103), 老年 2, 成年 1 (104),
 *     未成年 1 (103), 在校 1, 残疾 2 (101 104), 重度 1 (101), 完全丧失 1,
 *     部分丧失 1, 单人保 1 (104), 疾病 1 户, 残疾 1 户, 新增 1 户 1 人
 *     (202, 104), 退出 0.
 *   城南社区: 1 户 (204), 1 人 (108), 老年 1, 灾害 1 户, 新增 0, 退出 1 户
 *     (203) 3 人 (106 107 109).
 *   September had 7 persons (101 102 103 106 107 108 109) in 3 households;
 *   October 5 in 3: 新增 − 退出 = 1 − 3 = −2 persons, 1 − 1 = 0 households.
 * Money, rolls locked: 2025-12 (last year, not in 累计): 301 1500.00.
 *   2026-09: 301 1500.00, 303 800.00, 304 1500.00, 305 2000.00.
 *   2026-10: 301 1500.00, 302 610.00, 304 750.00, 303 扣回 −100.00,
 *            305 2000.00, 306 1200.00.
 *   当月: 东山村 2110.00, 城南社区 650.00, 合计 2760.00; 月人均 2110/4 =
 *   527.50, 650/1 = 650.00, 2760/5 = 552.00. 累计: 东山村 1500 + 2110 =
 *   3610.00, 城南社区 800 + 1500 + 650 = 2950.00, 合计 6560.00.
 * 特困 in October: 集中 1 人 (110: 女, 老年, 残疾, 全护理), paid 2000.00,
 *   累计 4000.00; 分散 1 人 (111: 未满16), paid 1200.00, 累计 1200.00.
 * 临时救助 (payments in October): 401 急难 先行 3 人 1000.00 (paperwork
 *   missing); 402 支出 非本地 2 人 一事一议 县级审批 3000.00; in September
 *   403 急难 1 人 500.00. October: 2 户次 5 人次, 急难 1/3, 支出 1/2, 先行
 *   1, 缺材料 1, 非本地 1/2, 一事一议 1, 县级 1, 4000.00, average 2000.00.
 *   Year: 3 户次 6 人次, 急难 2/4, 4500.00, average 1500.00.
 * 备用金: 01-10 预拨 10000.00; 09-10 支出 500.00 (403 火灾); 10-05 支出
 *   1000.00 (401 重病); 10-20 支出 3000.00 (402 就学); 10-25 退回 200.00.
 *   October: 期初 9500.00, 退回 200.00, 支出 4000.00 (重病 1000, 就学 3000),
 *   期末 5700.00. Year: 期初 0, 预拨 10000.00, 退回 200.00, 支出 4500.00
 *   (火灾 500), 期末 5700.00. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/figures.h"
#include "core/report.h"
#include "core/todo.h"
#include "io/report_file.h"

static const char FIXTURE[] =
	"INSERT INTO setting(key, area, from_date, value) VALUES"
	" ('dibao.standard_fen','城市','2026-01-01','75000'), ('dibao.standard_fen','农村','2026-01-01','61000'),"
	" ('tekun.basic_fen','农村','2026-01-01','100000'), ('wage.minimum_fen','农村','2026-01-01','180000');"
	"INSERT INTO household(id, number, village_id, area, poverty_cause, created_at) VALUES"
	" (201, 'H201', (SELECT id FROM village WHERE name = '东山村'), '农村', '疾病', '2025-01-01'),"
	" (202, 'H202', (SELECT id FROM village WHERE name = '东山村'), '农村', '残疾', '2025-01-01'),"
	" (203, 'H203', (SELECT id FROM village WHERE name = '城南社区'), '城市', '其他', '2025-01-01'),"
	" (204, 'H204', (SELECT id FROM village WHERE name = '城南社区'), '城市', '灾害', '2025-01-01'),"
	" (205, 'H205', (SELECT id FROM village WHERE name = '东山村'), '农村', '', '2025-01-01'),"
	" (206, 'H206', (SELECT id FROM village WHERE name = '东山村'), '农村', '', '2025-01-01');"
	"INSERT INTO person(id, id_number, name, household_id, relation, labour, disability_cat,"
	"  disability_grade, student, created_at) VALUES"
	" (101, '500154195003010110', '甲', 201, '户主', '完全丧失', '肢体', 1, 0, '2025-01-01'),"
	" (102, '500154195506150220', '乙', 201, '配偶', '部分丧失', '', 0, 0, '2025-01-01'),"
	" (103, '500154201211300320', '丙', 201, '孙女', '有劳动能力', '', 0, 1, '2025-01-01'),"
	" (104, '500154198001010410', '丁', 202, '户主', '有劳动能力', '智力', 3, 0, '2025-01-01'),"
	" (105, '500154200810310510', '戊', 202, '子', '有劳动能力', '', 0, 0, '2025-01-01'),"
	" (106, '500154199005050620', '己', 203, '户主', '有劳动能力', '', 0, 0, '2025-01-01'),"
	" (107, '500154202001010720', '庚', 203, '女', '有劳动能力', '', 0, 0, '2025-01-01'),"
	" (108, '500154196012010810', '辛', 204, '户主', '有劳动能力', '', 0, 0, '2025-01-01'),"
	" (109, '500154196202020920', '壬', 204, '妻', '有劳动能力', '', 0, 0, '2025-01-01'),"
	" (110, '500154194001011020', '癸', 205, '户主', '完全丧失', '视力', 2, 0, '2025-01-01'),"
	" (111, '500154201201011110', '子', 206, '户主', '有劳动能力', '', 0, 1, '2025-01-01'),"
	" (112, '500154198501011210', '丑', NULL, '', '有劳动能力', '', 0, 0, '2025-01-01');"
	"INSERT INTO case_file(id, number, household_id, programme, mode, self_care, area, state,"
	"  accepted_on, accepted_by, entry_reason, exit_reason, start_month, end_month, created_at) VALUES"
	" (301, 'DB1', 201, '低保', '整户保障', '', '农村', '在保', '2025-11-01', 'a', '新申请', '', '2025-12', '', 'x'),"
	" (302, 'DB2', 202, '低保', '单人保', '', '农村', '在保', '2026-09-01', 'a', '因残', '', '2026-10', '', 'x'),"
	" (303, 'DB3', 203, '低保', '整户保障', '', '城市', '退出', '2025-05-01', 'a', '新申请', '收入超标', '2025-06', '2026-09', 'x'),"
	" (304, 'DB4', 204, '低保', '整户保障', '', '城市', '在保', '2024-12-01', 'a', '新申请', '', '2025-01', '', 'x'),"
	" (305, 'TK1', 205, '特困', '集中供养', '全护理', '农村', '在保', '2025-02-01', 'a', '新申请', '', '2025-03', '', 'x'),"
	" (306, 'TK2', 206, '特困', '分散供养', '全自理', '农村', '在保', '2026-09-01', 'a', '新申请', '', '2026-10', '', 'x');"
	"INSERT INTO case_member(case_id, person_id, until_month) VALUES"
	" (301, 101, ''), (301, 102, ''), (301, 103, ''), (302, 104, ''), (303, 106, ''), (303, 107, ''),"
	" (304, 108, ''), (304, 109, '2026-09'), (305, 110, ''), (306, 111, '');"
	"INSERT INTO case_amount(case_id, from_month, base_fen, supplement_fen, total_fen, covered) VALUES"
	" (301, '2025-12', 150000, 0, 150000, 3), (302, '2026-10', 61000, 0, 61000, 1),"
	" (303, '2025-06', 80000, 0, 80000, 2), (304, '2025-01', 150000, 0, 150000, 2),"
	" (304, '2026-10', 75000, 0, 75000, 1), (305, '2025-03', 200000, 0, 200000, 1),"
	" (306, '2026-10', 120000, 0, 120000, 1);"
	"INSERT INTO roll(month, built_at, built_by) VALUES ('2025-12', 'x', 'a'), ('2026-09', 'x', 'a'),"
	" ('2026-10', 'x', 'a');"
	"INSERT INTO roll_line(month, case_id, household_id, person_id, programme, kind, for_month, amount_fen) VALUES"
	" ('2025-12', 301, 201, 101, '低保', '月发', '2025-12', 150000),"
	" ('2026-09', 301, 201, 101, '低保', '月发', '2026-09', 150000),"
	" ('2026-09', 303, 203, 106, '低保', '月发', '2026-09', 80000),"
	" ('2026-09', 304, 204, 108, '低保', '月发', '2026-09', 150000),"
	" ('2026-09', 305, 205, 110, '特困', '月发', '2026-09', 200000),"
	" ('2026-10', 301, 201, 101, '低保', '月发', '2026-10', 150000),"
	" ('2026-10', 302, 202, 104, '低保', '月发', '2026-10', 61000),"
	" ('2026-10', 304, 204, 108, '低保', '月发', '2026-10', 75000),"
	" ('2026-10', 303, 203, 106, '低保', '扣回', '2026-09', -10000),"
	" ('2026-10', 305, 205, 110, '特困', '月发', '2026-10', 200000),"
	" ('2026-10', 306, 206, 111, '特困', '月发', '2026-10', 120000);"
	"UPDATE roll SET locked_at = 'x', locked_by = 'a';"
	"INSERT INTO aid_case(id, number, person_id, household_id, kind, cause, persons, non_local,"
	"  advance, paperwork_due, state, accepted_on, accepted_by, approved_fen, county_doc,"
	"  yishi_date, created_at) VALUES"
	" (401, 'LS1', 106, 203, '急难', '重病', 3, 0, 1, '2026-10-12', '已救助', '2026-10-05', 'a', 100000, '', '', 'x'),"
	" (402, 'LS2', 112, NULL, '支出', '就学', 2, 1, 0, '', '已救助', '2026-10-15', 'a', 300000, '县1号', '2026-10-18', 'x'),"
	" (403, 'LS3', 108, 204, '急难', '火灾', 1, 0, 0, '', '已救助', '2026-09-05', 'a', 50000, '', '', 'x');"
	"INSERT INTO aid_payment(aid_case_id, seq, due_on, amount_fen, paid_on) VALUES"
	" (401, 1, '2026-10-05', 100000, '2026-10-05'), (402, 1, '2026-10-20', 300000, '2026-10-20'),"
	" (403, 1, '2026-09-10', 50000, '2026-09-10');"
	"INSERT INTO fund_move(on_date, kind, amount_fen, doc, reason, aid_case_id, created_by, created_at) VALUES"
	" ('2026-01-10', '预拨', 1000000, '县拨1号', '', NULL, 'a', 'x'),"
	" ('2026-09-10', '支出', -50000, '', '', 403, 'a', 'x'),"
	" ('2026-10-05', '支出', -100000, '', '', 401, 'a', 'x'),"
	" ('2026-10-20', '支出', -300000, '', '', 402, 'a', 'x'),"
	" ('2026-10-25', '退回', 20000, '', '多发退回', 402, 'a', 'x');";

static int setup(void **state)
{
	tu_fixture_setup(state);
	tu_fixture *f = *state;
	tu_exec(f->db, FIXTURE);
	return 0;
}

static long long v(const struct jz_figures *f, const char *t, const char *r, const char *c)
{
	const struct jz_fig_cell *x = jz_fig_cell(jz_fig_row(jz_fig_table(f, t), r), c);
	if (!x)
		print_error("no figure %s/%s/%s\n", t, r, c);
	assert_non_null(x);
	return x->v;
}

static void expect_row(const struct jz_figures *f, const char *t, const char *r,
		       const char *const *cols, const long long *want)
{
	for (int i = 0; cols[i]; i++)
		if (v(f, t, r, cols[i]) != want[i]) {
			print_error("%s %s %s: got %lld, want %lld\n", t, r, cols[i], v(f, t, r, cols[i]), want[i]);
			fail();
		}
}

static const char *const DIBAO_COLS[] = {
	"households", "persons", "female", "elderly", "adult", "minor", "student", "disabled",
	"severe", "labour_none", "labour_part", "single", "cause_ill", "cause_disabled",
	"cause_study", "cause_disaster", "cause_labour", "cause_other", "new_households",
	"new_persons", "exit_households", "exit_persons", "paid", "per_person", "ytd", NULL};

static void expect_dibao(const struct jz_figures *f)
{
	static const long long cun[] = {2, 4, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0,
					211000, 52750, 361000};
	static const long long shequ[] = {1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3,
					  65000, 65000, 295000};
	static const long long total[] = {3, 5, 2, 3, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 3,
					  276000, 55200, 656000};
	expect_row(f, "dibao", "东山村", DIBAO_COLS, cun);
	expect_row(f, "dibao", "农村", DIBAO_COLS, cun);
	expect_row(f, "dibao", "城南社区", DIBAO_COLS, shequ);
	expect_row(f, "dibao", "城市", DIBAO_COLS, shequ);
	expect_row(f, "dibao", "合计", DIBAO_COLS, total);
	assert_int_equal(v(f, "dibao", "东山村", "standard"), 61000);
	assert_int_equal(v(f, "dibao", "城南社区", "standard"), 75000);
	assert_int_equal(v(f, "dibao", "城市", "standard"), 75000);
	assert_null(jz_fig_cell(jz_fig_row(jz_fig_table(f, "dibao"), "合计"), "standard"));
}

static void expect_tekun(const struct jz_figures *f)
{
	static const char *const cols[] = {"persons", "female", "elderly", "under16", "disabled",
		"care_half", "care_full", "paid", "ytd", "basic_standard", "care_self_standard",
		"care_half_standard", "care_full_standard", NULL};
	static const long long ji[] = {1, 1, 1, 0, 1, 0, 1, 200000, 400000, 100000, 3600, 54000, 108000};
	static const long long fen[] = {1, 0, 0, 1, 0, 0, 0, 120000, 120000, 100000, 3600, 54000, 108000};
	static const long long all[] = {2, 1, 1, 1, 1, 0, 1, 320000, 520000, 100000, 3600, 54000, 108000};
	expect_row(f, "tekun", "集中供养", cols, ji);
	expect_row(f, "tekun", "分散供养", cols, fen);
	expect_row(f, "tekun", "合计", cols, all);
}

static void expect_aid(const struct jz_figures *f)
{
	static const char *const cols[] = {"cases", "persons", "jinan_cases", "jinan_persons",
		"zhichu_cases", "zhichu_persons", "advance_cases", "paperwork_missing", "nonlocal_cases",
		"nonlocal_persons", "yishi_cases", "county_cases", "paid", "average", NULL};
	static const long long m[] = {2, 5, 1, 3, 1, 2, 1, 1, 1, 2, 1, 1, 400000, 200000};
	static const long long y[] = {3, 6, 2, 4, 1, 2, 1, 1, 1, 2, 1, 1, 450000, 150000};
	expect_row(f, "linshi", "本月", cols, m);
	expect_row(f, "linshi", "本年累计", cols, y);
	static const char *const fcols[] = {"opening", "alloc", "returned", "adjust_in", "spent",
		"cause:火灾", "cause:重病", "cause:就学", "cause:其他", "adjust_out", "closing", NULL};
	static const long long fm[] = {950000, 0, 20000, 0, 400000, 0, 100000, 300000, 0, 0, 570000};
	static const long long fy[] = {0, 1000000, 20000, 0, 450000, 50000, 100000, 300000, 0, 0, 570000};
	expect_row(f, "beiyongjin", "本月", fcols, fm);
	expect_row(f, "beiyongjin", "本年累计", fcols, fy);
}

static void show_checks(const struct jz_figures *f)
{
	for (int i = 0; i < f->nchecks && i < JZ_FIG_MAX_CHECKS; i++)
		print_error("check: %s\n", f->checks[i]);
}

static void test_hand_counted(void **state)
{
	tu_fixture *t = *state;
	struct jz_figures f;
	jz_err e;
	assert_int_equal(jz_figures_compute(t->db, "2026-10", &f, &e), 0);
	show_checks(&f);
	assert_int_equal(f.nchecks, 0);
	assert_true(f.roll_locked);
	expect_dibao(&f);
	expect_tekun(&f);
	expect_aid(&f);
	/* 增减变动明细: 302 and 306 in, 303 out */
	const struct jz_fig_table *b = jz_fig_table(&f, "biandong");
	assert_int_equal(b->nrows, 3);
	assert_string_equal(jz_fig_cell(&b->rows[0], "change")->text, "纳入");
	assert_string_equal(jz_fig_cell(&b->rows[2], "change")->text, "退出");
	assert_string_equal(jz_fig_cell(&b->rows[2], "reason")->text, "收入超标");
	assert_string_equal(jz_fig_cell(&b->rows[2], "id_masked")->text, "500154********0620");
	assert_int_equal(jz_fig_cell(&b->rows[2], "before")->v, 80000);
	assert_int_equal(jz_fig_cell(&b->rows[2], "persons")->v, 2);
	jz_figures_free(&f);
}

/* The workbook and the CSV files, read back with python3-openpyxl. */
static const char PY[] =
	"import csv, sys, openpyxl\n"
	"d = sys.argv[1]\n"
	"wb = openpyxl.load_workbook(d + '/r.xlsx')\n"
	"assert wb.sheetnames[:8] == ['低保', '特困供养', '临时救助', '备用金', '增减变动明细',"
	" '孤儿和残疾人补贴', '工作情况', '排查进展'], wb.sheetnames\n"
	"def rows(name):\n"
	"    ws = wb[name]\n"
	"    return {r[0]: r[1:] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}\n"
	"def fen(x):\n"
	"    return None if x is None else round(x * 100)\n"
	"db = rows('低保')\n"
	"cun = [2, 4, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0]\n"
	"shequ = [1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3]\n"
	"total = [3, 5, 2, 3, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 3]\n"
	"for k, want, money in (('东山村', cun, [61000, 211000, 52750, 361000]),"
	" ('农村', cun, [61000, 211000, 52750, 361000]), ('城南社区', shequ, [75000, 65000, 65000, 295000]),"
	" ('城市', shequ, [75000, 65000, 65000, 295000]), ('合计', total, [None, 276000, 55200, 656000])):\n"
	"    r = db[k]\n"
	"    assert list(r[:22]) == want, (k, r)\n"
	"    assert [fen(x) for x in r[22:26]] == money, (k, r)\n"
	"    assert all(isinstance(x, int) for x in r[:22]), 'counts are numbers'\n"
	"tk = rows('特困供养')\n"
	"assert list(tk['集中供养'][:7]) == [1, 1, 1, 0, 1, 0, 1], tk\n"
	"assert [fen(x) for x in tk['集中供养'][7:]] == [100000, 3600, 54000, 108000, 200000, 400000], tk\n"
	"assert list(tk['分散供养'][:7]) == [1, 0, 0, 1, 0, 0, 0], tk\n"
	"assert [fen(x) for x in tk['合计'][11:]] == [320000, 520000], tk\n"
	"ls = rows('临时救助')\n"
	"assert list(ls['本月'][:12]) == [2, 5, 1, 3, 1, 2, 1, 1, 1, 2, 1, 1], ls\n"
	"assert [fen(x) for x in ls['本月'][12:]] == [400000, 200000], ls\n"
	"assert list(ls['本年累计'][:4]) == [3, 6, 2, 4] and fen(ls['本年累计'][12]) == 450000, ls\n"
	"fd = rows('备用金')\n"
	"assert [fen(x) for x in fd['本月']] == [950000, 0, 20000, 0, 400000, 0, 0, 100000, 0, 300000, 0, 0, 0, 570000], fd\n"
	"assert [fen(x) for x in fd['本年累计']] == [0, 1000000, 20000, 0, 450000, 50000, 0, 100000, 0, 300000, 0, 0, 0, 570000], fd\n"
	"ws = wb['低保']\n"
	"m = {str(r) for r in ws.merged_cells.ranges}\n"
	"assert 'A1:AA1' in m and 'A3:A4' in m and 'D3:J3' in m and 'K3:L3' in m and 'B3:B4' in m, m\n"
	"assert ws['A1'].value.startswith('南门镇城乡最低生活保障情况统计表（2026年10月）'), ws['A1'].value\n"
	"assert ws.freeze_panes == 'B5', ws.freeze_panes\n"
	"assert ws.print_title_rows.replace('$', '') == '3:4', ws.print_title_rows\n"
	"assert ws.page_setup.orientation == 'landscape' and str(ws.page_setup.paperSize) == '9'\n"
	"assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0\n"
	"assert ws['A1'].font.name == '宋体' and ws['B5'].border.left.style == 'thin'\n"
	"assert ws['X5'].number_format == '0.00', ws['X5'].number_format\n"
	"assert ws.column_dimensions['A'].width >= 10\n"
	"foot = [r[0] for r in ws.iter_rows(values_only=True) if r[0] and str(r[0]).startswith('单位负责人')]\n"
	"assert len(foot) == 1 and '审核人' in foot[0] and '填表人' in foot[0] and '填报日期' in foot[0], foot\n"
	"assert '核对说明' not in wb.sheetnames\n"
	"with open(d + '/dibao.csv', encoding='gbk', newline='') as f:\n"
	"    c = list(csv.reader(f))\n"
	"assert c[0][:4] == ['村（社区）', '保障户数', '保障人数', '女性'], c[0]\n"
	"assert c[0][-4:] == ['低保标准', '当月支出金额', '月人均补助', '累计支出'], c[0]\n"
	"assert c[1] == ['东山村'] + [str(x) for x in cun] + ['610.00', '2110.00', '527.50', '3610.00'], c[1]\n"
	"assert c[-1][0] == '合计' and c[-1][23] == '' and c[-1][24] == '2760.00', c[-1]\n"
	"print('ok')\n";

static void test_workbook(void **state)
{
	tu_fixture *t = *state;
	struct jz_report r;
	jz_err e;
	char path[256], cmd[512];
	assert_int_equal(jz_report_build(t->db, "2026-10", NULL, &r, &e), 0);
	snprintf(path, sizeof path, "%s/r.xlsx", t->dir);
	assert_int_equal(jz_report_write_xlsx(&r, path, &e), 0);
	assert_int_equal(jz_report_write_csv(&r, t->dir, 0, &e), 0);
	jz_report_free(&r);
	snprintf(path, sizeof path, "%s/check.py", t->dir);
	tu_write_file(path, PY, strlen(PY));
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/check.py %s", t->dir, t->dir);
	assert_int_equal(system(cmd), 0);
}

/* A change after the month (a person's disability, recorded today) leaves
 * the month's figures as they were; the next month sees it. */
static void test_reproducible(void **state)
{
	tu_fixture *t = *state;
	struct jz_figures f;
	jz_err e;
	tu_exec(t->db, "UPDATE person SET disability_cat = '', disability_grade = 0, labour = '有劳动能力' WHERE id = 101;"
		       "UPDATE household SET poverty_cause = '其他', village_id = (SELECT id FROM village WHERE name = '城南社区')"
		       " WHERE id = 201;");
	assert_int_equal(jz_figures_compute(t->db, "2026-10", &f, &e), 0);
	show_checks(&f);
	assert_int_equal(f.nchecks, 0);
	expect_dibao(&f);
	jz_figures_free(&f);
	assert_int_equal(jz_figures_compute(t->db, "2026-11", &f, &e), 0);
	assert_int_equal(v(&f, "dibao", "合计", "disabled"), 1);
	assert_int_equal(v(&f, "dibao", "合计", "severe"), 0);
	assert_int_equal(v(&f, "dibao", "东山村", "persons"), 1);
	assert_int_equal(v(&f, "dibao", "城南社区", "persons"), 4);
	assert_int_equal(v(&f, "dibao", "合计", "new_persons"), 0);
	assert_int_equal(f.roll_locked, 0);
	jz_figures_free(&f);
}

/* A month with no cases at all: zeros, no error, no failed check. */
static void test_empty_month(void **state)
{
	tu_fixture *t = *state;
	struct jz_report r;
	jz_err e;
	char path[256];
	assert_int_equal(jz_report_build(t->db, "2024-05", NULL, &r, &e), 0);
	assert_int_equal(r.fig.nchecks, 0);
	assert_int_equal(v(&r.fig, "dibao", "合计", "persons"), 0);
	assert_int_equal(v(&r.fig, "dibao", "东山村", "paid"), 0);
	assert_int_equal(v(&r.fig, "tekun", "合计", "persons"), 0);
	assert_int_equal(v(&r.fig, "linshi", "本月", "cases"), 0);
	assert_int_equal(v(&r.fig, "beiyongjin", "本月", "closing"), 0);
	assert_int_equal(v(&r.fig, "paicha", "合计", "listed"), 0);
	snprintf(path, sizeof path, "%s/empty.xlsx", t->dir);
	assert_int_equal(jz_report_write_xlsx(&r, path, &e), 0);
	jz_report_free(&r);
}

/* Submitted, then changed: the changed figures are listed. */
static void test_submitted(void **state)
{
	tu_fixture *t = *state;
	struct jz_figures f;
	struct jz_report_text tx;
	jz_err e;
	assert_int_equal(jz_report_submit(&t->s, "2026-10", "2026-12-01", &e), -1);
	tu_assert_msg(&e, "不能晚于今天");
	assert_int_equal(jz_report_submit(&t->s, "2026-10", "2026-10-20", &e), -1);
	assert_int_equal(jz_report_text_set(&t->s, "2026-10", "走访 12 户", "人手不足", "", &e), 0);
	assert_int_equal(jz_report_submit(&t->s, "2026-10", "2026-11-05", &e), 0);
	assert_int_equal(jz_report_text_get(t->db, "2026-10", &tx, &e), 0);
	assert_string_equal(tx.submitted_on, "2026-11-05");
	assert_string_equal(tx.progress, "走访 12 户");
	assert_true(tu_count(t->db, "SELECT count(*) FROM report_figure WHERE month = '2026-10'") > 100);
	assert_int_equal(tu_count(t->db, "SELECT value FROM report_figure WHERE month = '2026-10'"
					 " AND tbl = 'dibao' AND row_key = '合计' AND col_key = 'persons'"), 5);
	assert_true(tu_count(t->db, "SELECT count(*) FROM event WHERE action = 'report.submit'") == 1);
	assert_int_equal(jz_figures_compute(t->db, "2026-10", &f, &e), 0);
	assert_int_equal(f.nchanged, 0);
	jz_figures_free(&f);
	/* a late correction: 108's share stopped from September */
	tu_exec(t->db, "UPDATE case_member SET until_month = '2026-09' WHERE person_id = 108");
	assert_int_equal(jz_figures_compute(t->db, "2026-10", &f, &e), 0);
	assert_true(f.nchanged > 0);
	int found = 0;
	for (int i = 0; i < f.nchanged && i < JZ_FIG_MAX_CHANGED; i++)
		found |= strstr(f.changed[i], "dibao 合计 persons：报送时 5，现在 4") != NULL;
	if (!found)
		for (int i = 0; i < f.nchanged && i < JZ_FIG_MAX_CHANGED; i++)
			print_error("%s\n", f.changed[i]);
	assert_true(found);
	jz_figures_free(&f);
	/* a village added since: its figures are new */
	tu_exec(t->db, "INSERT INTO village(code, name, kind, area) VALUES ('09', '新村', '村', '农村')");
	assert_int_equal(jz_figures_compute(t->db, "2026-10", &f, &e), 0);
	found = 0;
	for (int i = 0; i < f.nchanged && i < JZ_FIG_MAX_CHANGED; i++)
		found |= strstr(f.changed[i], "报送后新出现") != NULL;
	assert_true(found);
	jz_figures_free(&f);
	char last[8];
	assert_int_equal(jz_report_last_submitted(t->db, last, &e), 0);
	assert_string_equal(last, "2026-10");
}

/* The home countdown: report.due_day, and the next month once submitted. */
static void test_deadline(void **state)
{
	tu_fixture *t = *state;
	struct jz_deadline dl;
	jz_err e;
	assert_int_equal(jz_report_deadline_db(t->db, "2026-11-27", &dl, &e), 0);
	assert_string_equal(dl.month, "2026-10");
	assert_string_equal(dl.due, "2026-11-15");
	assert_int_equal(dl.days_left, -12);
	assert_true(dl.warn);
	tu_exec(t->db, "INSERT INTO setting(key, area, from_date, value) VALUES ('report.due_day', '*', '2026-01-01', '10')");
	assert_int_equal(jz_report_deadline_db(t->db, "2026-11-27", &dl, &e), 0);
	assert_string_equal(dl.due, "2026-11-10");
	assert_int_equal(jz_report_submit(&t->s, "2026-10", "2026-11-27", &e), 0);
	assert_int_equal(jz_report_deadline_db(t->db, "2026-11-27", &dl, &e), 0);
	assert_string_equal(dl.month, "2026-11");
	assert_string_equal(dl.due, "2026-12-10");
	assert_int_equal(dl.days_left, 13);
	assert_false(dl.warn);
}

/* 专题报告: 302 in (农村, 因残), 303 out (城市, 收入超标). */
static void test_flows(void **state)
{
	tu_fixture *t = *state;
	struct jz_flows fl;
	jz_err e;
	assert_int_equal(jz_report_flows(t->db, "2026-09", "2026-10", &fl, &e), 0);
	long long in_rural = -1, in_reason = -1, out_city = -1, out_reason = -1, in_total = -1;
	for (int i = 0; i < fl.n; i++) {
		const struct jz_flow_line *l = &fl.v[i];
		if (l->entered && !strcmp(l->group, "农村"))
			in_rural = l->households;
		if (l->entered && !strcmp(l->group, "合计"))
			in_total = l->persons;
		if (l->entered && !strcmp(l->group, "原因：因残"))
			in_reason = l->persons;
		if (!l->entered && !strcmp(l->group, "城市"))
			out_city = l->persons;
		if (!l->entered && !strcmp(l->group, "原因：收入超标"))
			out_reason = l->households;
	}
	assert_int_equal(in_rural, 1);
	assert_int_equal(in_total, 1);
	assert_int_equal(in_reason, 1);
	assert_int_equal(out_city, 2);
	assert_int_equal(out_reason, 1);
	assert_int_equal(jz_report_flows(t->db, "2026-10", "2026-09", &fl, &e), -1);
}

/* Every shipped table file parses; a file beside the database wins; a bad
 * one is refused with its name. */
static void test_report_files(void **state)
{
	tu_fixture *t = *state;
	struct jz_report_def *d = calloc(16, sizeof *d);
	jz_err e;
	char path[256];
	assert_non_null(d);
	assert_int_equal(jz_report_defs(NULL, d, 16, &e), 8);
	assert_string_equal(d[0].name, "dibao");
	assert_string_equal(d[0].sheet, "低保");
	assert_int_equal(d[0].depth, 2);
	assert_string_equal(d[7].name, "paicha");
	const char *mine = "[table]\norder = 1\nsheet = 低保简表\ntitle = 低保\nfigures = dibao\nrows = 合计\n"
			   "[persons]\nhead = 人数\ntype = int\n";
	snprintf(path, sizeof path, "%s/dibao.ini", t->dir);
	tu_write_file(path, mine, strlen(mine));
	assert_int_equal(jz_report_def_load("dibao", t->dir, &d[0], &e), 0);
	assert_string_equal(d[0].sheet, "低保简表");
	assert_int_equal(d[0].ncols, 1);
	const char *broken = "[table]\nsheet = x\n[persons]\ntype = float\n";
	tu_write_file(path, broken, strlen(broken));
	assert_int_equal(jz_report_def_load("dibao", t->dir, &d[0], &e), -1);
	tu_assert_msg(&e, "dibao.ini");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hand_counted, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_workbook, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_reproducible, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_empty_month, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_submitted, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_flows, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_deadline, setup, tu_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_report_files, setup, tu_fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
