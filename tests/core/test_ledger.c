/* test_ledger.c — the ledgers (core/ledger.c, screening.c, care.c,
 * survey.c, ledger_write.c, ledger_todo.c): the screening workflow and its
 * close rules; the fill from 建档立卡 findings (only seed 001's categories,
 * nothing twice, findings inserted here by raw SQL as the comparison
 * would); 特困 visits overdue by tekun.visit_interval_days and missing care
 * agreements on the to-do list; surveys missing after survey.due_day; the
 * derived ledgers (双清, 潜在, 渐退, 变动, 收入已达标) on a small fixture of
 * raw rows; filters; the export as CSV in GBK and UTF-8 and as xlsx; the
 * 经办 role. Today is 2026-11-27. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "core/care.h"
#include "core/ledger.h"
#include "core/ledger_write.h"
#include "core/screening.h"
#include "core/survey.h"
#include "core/todo.h"

#define PW "pw-secret"

struct fx {
	tu_fixture *t;
	jz_db *db;
	jz_session jb, sh; /* 经办, 审核 only */
	char id1[19], id2[19], id3[19], id4[19];
};

static int setup(void **state)
{
	void *t = NULL;
	jz_err e;
	char sql[1024];
	tu_fixture_setup(&t);
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->t = t;
	x->db = x->t->db;
	assert_int_equal(jz_operator_add(&x->t->s, "jingban", "李经办", "经办", PW, &e), 0);
	assert_int_equal(jz_operator_add(&x->t->s, "shenhe", "王审核", "审核", PW, &e), 0);
	tu_sign_in(&x->jb, x->db, "jingban", PW);
	tu_sign_in(&x->sh, x->db, "shenhe", PW);
	tu_id("50015419800101001", x->id1);
	tu_id("50015419820202002", x->id2);
	tu_id("50015419400303003", x->id3);
	tu_id("50015419900404004", x->id4);
	/* household 1 (东山村): 王建国 + 刘红梅; household 2 (城南社区): 赵老汉 */
	tu_exec(x->db, "INSERT INTO household(id, number, village_id, area, created_at) VALUES"
		       " (1, 'H1', 1, '农村', '2026-01-01'), (2, 'H2', 2, '城市', '2026-01-01')");
	snprintf(sql, sizeof sql, "INSERT INTO person(id_number, name, household_id, relation, created_at) VALUES"
		 " ('%s', '王建国', 1, '户主', '2026-01-01'), ('%s', '刘红梅', 1, '配偶', '2026-01-01'),"
		 " ('%s', '赵老汉', 2, '户主', '2026-01-01')", x->id1, x->id2, x->id3);
	tu_exec(x->db, sql);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	if (x) {
		void *t = x->t;
		free(x);
		tu_fixture_teardown(&t);
	}
	return 0;
}

/* Rows of ledger name for the filter (village, from, to, state). */
static int rows(jz_db *db, const char *name, const char *village, const char *from, const char *to,
		const char *state, struct jz_ledger_table *t)
{
	struct jz_ledger_filter f = {0};
	jz_err e;
	snprintf(f.village, sizeof f.village, "%s", village);
	snprintf(f.from, sizeof f.from, "%s", from);
	snprintf(f.to, sizeof f.to, "%s", to);
	snprintf(f.state, sizeof f.state, "%s", state);
	jz_err_clear(&e);
	int rc = jz_ledger_load(db, jz_ledger_find(name, &e), &f, TU_TODAY, t, &e);
	if (rc)
		print_error("load %s: %s\n", name, e.msg);
	assert_int_equal(rc, 0);
	return t->n;
}

static int count(jz_db *db, const char *name, const char *village, const char *state)
{
	struct jz_ledger_table t = {0};
	int n = rows(db, name, village, "", "", state, &t);
	jz_ledger_free(&t);
	return n;
}

static void test_screening_rules(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid id = 0, other = 0;
	assert_int_equal(jz_screening_add(&x->sh, "整户无劳动力", x->id1, "", "", "", &id, &e), -1);
	tu_assert_msg(&e, "经办");
	assert_int_equal(jz_screening_add(&x->jb, "整户没劳力", x->id1, "", "", "", &id, &e), -1);
	tu_assert_msg(&e, "整户无劳动力");
	assert_int_equal(jz_screening_add(&x->jb, "整户无劳动力", x->id4, "", "", "", &id, &e), -1);
	tu_assert_msg(&e, "请填写姓名");
	assert_int_equal(jz_screening_add(&x->jb, "贫困边缘", x->id4, "外乡人", "东山村", "", &other, &e), 0);
	assert_int_equal(jz_screening_add(&x->jb, "整户无劳动力", x->id1, "", "", "2026-11-01", &id, &e), 0);
	assert_int_equal(tu_count(x->db, "SELECT household_id FROM screening WHERE list = '001'"), 1);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM screening WHERE list = '000'"), 1);
	assert_int_equal(jz_screening_add(&x->jb, "整户无劳动力", x->id1, "", "", "", NULL, &e), -1);
	tu_assert_msg(&e, "已在");
	/* result needs a visit; close needs a result */
	assert_int_equal(jz_screening_result(&x->jb, id, "纳入低保", "", "", "", &e), -1);
	tu_assert_msg(&e, "走访");
	assert_int_equal(jz_screening_close(&x->jb, id, "", &e), -1);
	tu_assert_msg(&e, "结果");
	assert_int_equal(jz_screening_visit(&x->jb, id, "2026-10-01", "张三", &e), -1);
	tu_assert_msg(&e, "早于列入日期");
	assert_int_equal(jz_screening_visit(&x->jb, id, "2026-11-03", "", &e), -1);
	assert_int_equal(jz_screening_visit(&x->jb, id, "2026-11-03", "张三 李四", &e), 0);
	/* 纳入低保 without the case: no close */
	assert_int_equal(jz_screening_result(&x->jb, id, "纳入低保", "", "", "", &e), 0);
	assert_int_equal(jz_screening_close(&x->jb, id, "", &e), -1);
	tu_assert_msg(&e, "关联救助案件");
	tu_exec(x->db, "INSERT INTO case_file(id, number, household_id, programme, area, state, accepted_on,"
		       " accepted_by, created_at) VALUES (7, 'TK2026-0007', 1, '特困', '农村', '受理', '2026-11-05',"
		       " 'jingban', '2026-11-05'), (8, 'DB2026-0008', 1, '低保', '农村', '受理', '2026-11-05',"
		       " 'jingban', '2026-11-05')");
	assert_int_equal(jz_screening_result(&x->jb, id, "纳入低保", "", "", "TK2026-0007", &e), -1);
	tu_assert_msg(&e, "不符");
	assert_int_equal(jz_screening_result(&x->jb, id, "纳入低保", "", "", "DB2026-0008", &e), 0);
	assert_int_equal(jz_screening_close(&x->jb, id, "2026-11-02", &e), -1);
	tu_assert_msg(&e, "早于走访日期");
	assert_int_equal(jz_screening_close(&x->jb, id, "", &e), 0);
	assert_int_equal(jz_screening_visit(&x->jb, id, "", "王五", &e), -1);
	tu_assert_msg(&e, "销号");
	/* 不符合条件: a reason from the setting; 其他 needs a basis */
	assert_int_equal(jz_screening_visit(&x->jb, other, "", "张三", &e), 0);
	assert_int_equal(jz_screening_result(&x->jb, other, "不符合条件", "太富", "", "", &e), -1);
	tu_assert_msg(&e, "收入超标|财产超标");
	assert_int_equal(jz_screening_result(&x->jb, other, "不符合条件", "其他", "", "", &e), -1);
	tu_assert_msg(&e, "依据");
	assert_int_equal(jz_screening_result(&x->jb, other, "不符合条件", "收入超标", "人均 900 元", "", &e), 0);
	assert_int_equal(count(x->db, "income_ok", "", ""), 0); /* not a household of the township */
	assert_int_equal(jz_screening_close(&x->jb, other, "", &e), 0);
	assert_int_equal(jz_screening_province(&x->jb, other, "", &e), 0);
	assert_int_equal(jz_screening_province(&x->jb, other, "", &e), -1);
	char v[128];
	tu_text(x->db, "SELECT province_on || province_by FROM screening WHERE list = '000'", v, sizeof v);
	assert_string_equal(v, TU_TODAY "jingban");
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE entity = 'screening'"), 10);
	/* the ledger: states and the village filter (the stranger's typed village) */
	assert_int_equal(count(x->db, "screening", "", "已销号"), 2);
	assert_int_equal(count(x->db, "screening", "东山村", ""), 2);
	assert_int_equal(count(x->db, "screening", "城南社区", ""), 0);
	assert_int_equal(count(x->db, "screening", "", "贫困边缘"), 1);
	/* 双清: the not-eligible screening with the household's figures */
	assert_int_equal(count(x->db, "shuangqing", "", "排查不符合"), 1);
}

static void finding(jz_db *db, int run, const char *cat, const char *idn, const char *name, const char *source)
{
	char sql[512];
	snprintf(sql, sizeof sql, "INSERT INTO finding(run_id, source, kind, category, id_number, name, village,"
		 " found_on) VALUES (%d, '%s', '排查', '%s', '%s', '%s', '东山村', '2026-11-20')", run, source, cat,
		 idn, name);
	tu_exec(db, sql);
}

static void test_fill(void **state)
{
	struct fx *x = *state;
	jz_err e;
	int added = -1;
	tu_exec(x->db, "INSERT INTO compare_run(id, source, file, at, by, rows, matched, findings) VALUES"
		       " (1, 'jiandang', 'jd.xlsx', '2026-11-20T10:00:00', 'jingban', 9, 5, 4),"
		       " (2, 'death', 'death.xlsx', '2026-11-20T11:00:00', 'jingban', 3, 1, 1)");
	finding(x->db, 1, "整户无劳动力", x->id1, "王建国", "jiandang");
	finding(x->db, 1, "脱贫监测户", x->id1, "王建国", "jiandang");
	finding(x->db, 1, "重残重病", x->id4, "外乡人", "jiandang");
	finding(x->db, 1, "贫困边缘", x->id3, "赵老汉", "jiandang"); /* seed 000's: not filled */
	finding(x->db, 1, "", x->id2, "刘红梅", "jiandang");          /* no category */
	finding(x->db, 2, "整户无劳动力", x->id3, "赵老汉", "death"); /* another source */
	assert_int_equal(jz_screening_fill_from_findings(&x->sh, 0, &added, &e), -1);
	assert_int_equal(jz_screening_fill_from_findings(&x->jb, 99, &added, &e), -1);
	tu_assert_msg(&e, "99");
	assert_int_equal(jz_screening_fill_from_findings(&x->jb, 1, &added, &e), 0);
	assert_int_equal(added, 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM screening WHERE list = '001' AND finding_id IS NOT NULL"), 3);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM screening WHERE household_id = 1"), 2);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'screening.fill'"), 3);
	assert_int_equal(jz_screening_fill_from_findings(&x->jb, 0, &added, &e), 0);
	assert_int_equal(added, 0);
	assert_int_equal(jz_screening_fill_from_findings(&x->jb, 1, &added, &e), 0);
	assert_int_equal(added, 0);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM screening"), 3);
	/* a second run finds one more */
	tu_exec(x->db, "INSERT INTO compare_run(id, source, file, at, by, rows, matched, findings) VALUES"
		       " (3, 'jiandang', 'jd2.xlsx', '2026-11-21T10:00:00', 'jingban', 9, 5, 2)");
	finding(x->db, 3, "整户无劳动力", x->id1, "王建国", "jiandang");
	finding(x->db, 3, "脱贫边缘户", x->id3, "赵老汉", "jiandang");
	assert_int_equal(jz_screening_fill_from_findings(&x->jb, 0, &added, &e), 0);
	assert_int_equal(added, 1);
	/* a manual row of the same person and category is refused */
	assert_int_equal(jz_screening_add(&x->jb, "脱贫边缘户", x->id3, "", "", "", NULL, &e), -1);
	tu_assert_msg(&e, "已在");
	assert_int_equal(count(x->db, "screening", "城南社区", "待走访"), 1);
}

static int todo_has(jz_db *db, const char *today, const char *kind, const char *word)
{
	struct jz_todo t[128];
	jz_err e;
	int n = jz_todo_list(db, NULL, today, t, 128, &e), hits = 0;
	assert_true(n >= 0);
	for (int i = 0; i < n && i < 128; i++)
		if (!strcmp(t[i].kind, kind) && strstr(t[i].text, word))
			hits++;
	return hits;
}

static void test_visits_and_care(void **state)
{
	struct fx *x = *state;
	jz_err e;
	tu_exec(x->db, "INSERT INTO case_file(id, number, household_id, programme, mode, self_care, area, state,"
		       " accepted_on, accepted_by, approved_on, created_at) VALUES"
		       " (3, 'TK2026-0003', 2, '特困', '分散供养', '全护理', '城市', '在保', '2026-08-01', 'jingban',"
		       "  '2026-09-01', '2026-08-01'),"
		       " (4, 'TK2026-0004', 1, '特困', '集中供养', '全护理', '农村', '在保', '2026-08-01', 'jingban',"
		       "  '2026-09-01', '2026-08-01')");
	tu_exec(x->db, "INSERT INTO case_member(case_id, person_id) SELECT 3, id FROM person WHERE name = '赵老汉'");
	/* 集中供养 is not visited here; 分散供养 is overdue since 2026-10-01 */
	assert_int_equal(count(x->db, "tekun", "", ""), 1);
	assert_int_equal(count(x->db, "tekun", "", "探访超期"), 1);
	assert_int_equal(count(x->db, "tekun", "", "缺协议"), 1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "探访", "赵老汉"), 1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "照料", "赵老汉"), 1);
	assert_int_equal(todo_has(x->db, "2026-09-20", "探访", "赵老汉"), 0);
	/* visits: only of 特困 分散供养 in force; the date not in the future */
	assert_int_equal(jz_visit_add(&x->jb, "TK2026-0004", "", "张三", "", "", NULL, &e), -1);
	tu_assert_msg(&e, "分散供养");
	assert_int_equal(jz_visit_add(&x->jb, "TK2026-0003", "2026-12-01", "张三", "", "", NULL, &e), -1);
	assert_int_equal(jz_visit_add(&x->jb, "TK2026-0003", "2026-11-20", "张三", "身体尚可", "", NULL, &e), 0);
	assert_int_equal(count(x->db, "tekun", "", "探访超期"), 0);
	assert_int_equal(todo_has(x->db, TU_TODAY, "探访", "赵老汉"), 0);
	assert_int_equal(count(x->db, "visit", "城南社区", ""), 1);
	/* the interval is a setting */
	assert_int_equal(jz_store_setting_put(x->db, "tekun.visit_interval_days", "*", "2026-11-01", "5", NULL, &e), 0);
	assert_int_equal(count(x->db, "tekun", "", "探访超期"), 1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "探访", "2026-11-25"), 1);
	/* a care agreement takes the item away; ended, it is back */
	struct jz_care_in in = {"赵小妹", "", "13800000000", "女儿", "2026-11-21", "2027-11-20", "日常照料"};
	struct jz_care_in bad = {"", "", "", "", "", "", ""};
	jz_rowid aid = 0;
	assert_int_equal(jz_care_add(&x->jb, "TK2026-0003", &bad, &aid, &e), -1);
	tu_assert_msg(&e, "照料人");
	assert_int_equal(jz_care_add(&x->jb, "TK2026-0003", &in, &aid, &e), 0);
	assert_int_equal(count(x->db, "tekun", "", "有协议"), 1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "照料", "赵老汉"), 0);
	assert_int_equal(count(x->db, "care", "", "有效"), 1);
	assert_int_equal(jz_care_end(&x->jb, aid, "", &e), 0);
	assert_int_equal(jz_care_end(&x->jb, aid, "", &e), -1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "照料", "赵老汉"), 1);
	assert_int_equal(count(x->db, "care", "", "已终止"), 1);
}

static void test_survey(void **state)
{
	struct fx *x = *state;
	jz_err e;
	long long c[JZ_SURVEY_N] = {3, 0, 1, 2, 5, 4};
	assert_int_equal(todo_has(x->db, TU_TODAY, "摸排", "东山村"), 1);
	assert_int_equal(todo_has(x->db, TU_TODAY, "摸排", "城南社区"), 1);
	assert_int_equal(todo_has(x->db, "2026-11-20", "摸排", ""), 0); /* due day itself */
	assert_int_equal(jz_survey_hand(&x->jb, "西山村", "2026-11", c, "", "", &e), -1);
	tu_assert_msg(&e, "西山村");
	assert_int_equal(jz_survey_hand(&x->jb, "东山村", "2026-12", c, "", "", &e), -1);
	assert_int_equal(jz_survey_hand(&x->sh, "东山村", "2026-11", c, "", "", &e), -1);
	assert_int_equal(jz_survey_hand(&x->jb, "东山村", "2026-11", c, "", "2026-11-18", &e), 0);
	assert_int_equal(todo_has(x->db, TU_TODAY, "摸排", "东山村"), 0);
	assert_int_equal(todo_has(x->db, TU_TODAY, "摸排", "城南社区"), 1);
	assert_int_equal(count(x->db, "survey", "", "已报送"), 1);
	assert_int_equal(count(x->db, "survey", "", "未报送"), 1);
	/* a correction replaces the counts, with its own event */
	c[0] = 4;
	assert_int_equal(jz_survey_hand(&x->jb, "东山村", "2026-11", c, "更正", "", &e), 0);
	assert_int_equal(tu_count(x->db, "SELECT unemployed FROM survey"), 4);
	assert_int_equal(tu_count(x->db, "SELECT count(*) FROM event WHERE action = 'survey.correct'"), 1);
	/* a period of three months: every village each month */
	struct jz_ledger_table t = {0};
	assert_int_equal(rows(x->db, "survey", "", "2026-09", "2026-11", "", &t), 6);
	assert_string_equal(t.rows[0].cell[1], "2026-09");
	jz_ledger_free(&t);
	assert_int_equal(jz_survey_person_add(&x->jb, "东山村", "2026-11", "农民工", "", "张三", "", NULL, &e), -1);
	assert_int_equal(jz_survey_person_add(&x->jb, "东山村", "2026-11", "灵活就业", "", "张三", "跑外卖", NULL, &e), 0);
	assert_int_equal(count(x->db, "survey_person", "东山村", "灵活就业"), 1);
}

static void test_derived(void **state)
{
	struct fx *x = *state;
	jz_err e;
	struct jz_ledger_table t = {0};
	tu_exec(x->db, "INSERT INTO case_file(id, number, household_id, programme, mode, area, state, accepted_on,"
		       " accepted_by, approved_on, start_month, grace_until, exit_reason, exit_on, refused_reason,"
		       " deposit_fen, vehicles, created_at) VALUES"
		       " (1, 'DB2026-0001', 1, '低保', '整户保障', '农村', '不予', '2026-03-01', 'jingban', '2026-03-20',"
		       "  '', '', '', '', '家庭人均收入超过低保标准', 5000000, 1, '2026-03-01'),"
		       " (2, 'DB2025-0002', 2, '低保', '整户保障', '城市', '渐退', '2025-01-02', 'jingban', '2025-01-20',"
		       "  '2025-02', '2027-02', '收入超标', '', '', 0, 0, '2025-01-02'),"
		       " (5, 'DB2024-0005', 2, '低保', '整户保障', '城市', '退出', '2024-01-02', 'jingban', '2024-01-20',"
		       "  '2024-02', '', '收入超标', '2026-06-30', '', 0, 0, '2024-01-02')");
	tu_exec(x->db, "INSERT INTO case_amount(case_id, from_month, base_fen, supplement_fen, total_fen, covered)"
		       " VALUES (2, '2025-02', 50000, 0, 50000, 1), (2, '2026-06', 40000, 2000, 42000, 1)");
	tu_exec(x->db, "INSERT INTO case_income(case_id, person_id, kind, monthly_fen) SELECT 1, id, '工资', 150000"
		       " FROM person WHERE name = '王建国'");
	/* 双清双入双退: the refusal, with the members, income and assets */
	assert_int_equal(rows(x->db, "shuangqing", "", "", "", "", &t), 1);
	assert_non_null(strstr(t.rows[0].cell[5], "刘红梅(配偶)"));
	assert_string_equal(t.rows[0].cell[6], "1500.00");
	assert_int_equal(t.rows[0].num[7], 5000000);
	assert_string_equal(t.rows[0].cell[8], "1");
	jz_ledger_free(&t);
	/* 潜在救助对象: the refused household, and one kept by hand */
	assert_int_equal(count(x->db, "qianzai", "", "申请不予"), 1);
	assert_int_equal(jz_watch_add(&x->jb, "潜在救助对象", x->id4, "", "", "", "", NULL, &e), -1);
	tu_assert_msg(&e, "姓名");
	assert_int_equal(jz_watch_add(&x->jb, "潜在救助对象", x->id4, "外乡人", "东山村", "独居", "", NULL, &e), 0);
	assert_int_equal(count(x->db, "qianzai", "东山村", "在册"), 2);
	/* 渐退: the amount in force and the months left (2026-11 .. 2027-02) */
	assert_int_equal(rows(x->db, "jiantui", "", "", "", "", &t), 1);
	assert_string_equal(t.rows[0].cell[6], "420.00");
	assert_string_equal(t.rows[0].cell[7], "4");
	jz_ledger_free(&t);
	/* 变动: new entries by start month, exits by date, for a period */
	assert_int_equal(count(x->db, "change", "", "新增"), 2);
	assert_int_equal(count(x->db, "change", "", "退出"), 1);
	assert_int_equal(rows(x->db, "change", "", "2026-01", "2026-12", "", &t), 1);
	assert_string_equal(t.rows[0].state, "退出");
	jz_ledger_free(&t);
	/* 收入已达标: the exit shows by itself; feedback makes its row */
	assert_int_equal(rows(x->db, "income_ok", "", "", "", "未反馈", &t), 1);
	jz_rowid derived = t.rows[0].id;
	assert_true(derived < 0);
	jz_ledger_free(&t);
	assert_int_equal(jz_income_ok_feedback(&x->jb, derived, "2026-11-26", &e), 0);
	assert_int_equal(jz_income_ok_feedback(&x->jb, derived, "", &e), -1);
	tu_assert_msg(&e, "已于 2026-11-26 由 jingban");
	assert_int_equal(count(x->db, "income_ok", "", "已反馈"), 1);
	assert_int_equal(count(x->db, "income_ok", "", ""), 1);
	assert_int_equal(jz_income_ok_add(&x->jb, x->id2, 90000, 61000, "务工收入增加", "", NULL, &e), 0);
	assert_int_equal(count(x->db, "income_ok", "东山村", "未反馈"), 1);
	/* a filter that is wrong */
	struct jz_ledger_filter f = {.from = "2026-13"};
	assert_int_equal(jz_ledger_load(x->db, jz_ledger_find("change", &e), &f, TU_TODAY, &t, &e), -1);
	tu_assert_msg(&e, "2026-13");
	jz_ledger_free(&t);
	assert_null(jz_ledger_find("nosuch", &e));
	tu_assert_msg(&e, "ledger list");
}

static void test_watch_bed_referral(void **state)
{
	struct fx *x = *state;
	jz_err e;
	jz_rowid w = 0, b = 0;
	assert_int_equal(jz_watch_add(&x->jb, "低保边缘", x->id1, "", "", "人均略高于标准", "2026-12-15", &w, &e), 0);
	assert_int_equal(count(x->db, "bianyuan", "东山村", "在册"), 1);
	assert_int_equal(jz_watch_close(&x->jb, w, "", "", &e), -1);
	assert_int_equal(jz_watch_close(&x->jb, w, "", "已纳入低保", &e), 0);
	assert_int_equal(count(x->db, "bianyuan", "", "已销号"), 1);
	assert_int_equal(jz_bed_add(&x->jb, x->id4, 1, "", "", "", &b, &e), -1);
	assert_int_equal(jz_bed_add(&x->jb, x->id3, 1, "镇敬老院", "", "", &b, &e), 0);
	assert_int_equal(count(x->db, "bed", "", "待安置"), 1);
	assert_int_equal(jz_bed_place(&x->jb, b, "", "", &e), -1);
	assert_int_equal(jz_bed_place(&x->jb, b, "", "镇敬老院", &e), 0);
	assert_int_equal(count(x->db, "bed", "城南社区", "已安置"), 1);
	tu_exec(x->db, "INSERT INTO case_file(id, number, household_id, programme, area, state, accepted_on,"
		       " accepted_by, created_at) VALUES (9, 'DB2026-0009', 1, '低保', '农村', '在保', '2026-03-01',"
		       " 'jingban', '2026-03-01')");
	tu_exec(x->db, "INSERT INTO referral(id, case_id, department, referred_on) VALUES (1, 9, '人社所', '2026-11-10')");
	assert_int_equal(count(x->db, "referral", "东山村", "待反馈"), 1);
	assert_int_equal(jz_referral_outcome(&x->jb, 1, "已安排公益岗位", "2026-11-01", &e), -1);
	tu_assert_msg(&e, "早于转介日期");
	assert_int_equal(jz_referral_outcome(&x->jb, 1, "已安排公益岗位", "", &e), 0);
	assert_int_equal(count(x->db, "referral", "", "已反馈"), 1);
	tu_exec(x->db, "INSERT INTO relative(id_number, name, cadre_name, cadre_post, relation, registered_on)"
		       " VALUES ('" "500154198001010010" "', '王建国', '王村长', '村主任', '兄弟', '2026-01-05')");
	assert_int_equal(count(x->db, "relative", "", ""), 1);
}

/* 低保边缘 from the means test: 2 persons, 1,240.00 a month = 620.00 each,
 * above the standard 610.00 but within 150 %; at 1,000.00 each, not. */
static void test_edge_from_means(void **state)
{
	struct fx *x = *state;
	jz_err e;
	struct jz_ledger_table t = {0};
	assert_int_equal(jz_store_setting_put(x->db, "dibao.standard_fen", "农村", "2026-01-01", "61000", NULL, &e), 0);
	tu_exec(x->db, "INSERT INTO case_file(id, number, household_id, programme, mode, area, state, accepted_on,"
		       " accepted_by, refused_reason, created_at) VALUES (10, 'DB2026-0010', 1, '低保', '整户保障',"
		       " '农村', '不予', '2026-10-05', 'jingban', '家庭人均收入超过低保标准', '2026-10-05')");
	tu_exec(x->db, "INSERT INTO case_member(case_id, person_id) SELECT 10, id FROM person WHERE household_id = 1");
	tu_exec(x->db, "INSERT INTO case_income(case_id, person_id, kind, monthly_fen) SELECT 10, id, '工资', 124000"
		       " FROM person WHERE name = '王建国'");
	assert_int_equal(rows(x->db, "bianyuan", "", "", "", "", &t), 1);
	assert_true(t.rows[0].id == -10);
	assert_string_equal(t.rows[0].cell[0], "测算");
	assert_string_equal(t.rows[0].cell[1], "王建国");
	assert_int_equal(t.rows[0].num[5], 62000);
	assert_int_equal(t.rows[0].num[6], 61000);
	jz_ledger_free(&t);
	assert_int_equal(count(x->db, "bianyuan", "城南社区", ""), 0);
	assert_int_equal(count(x->db, "bianyuan", "", "已销号"), 0);
	/* kept by hand: the derived row gives way to the kept one */
	assert_int_equal(jz_watch_add(&x->jb, "低保边缘", x->id1, "", "", "按月走访", "", NULL, &e), 0);
	assert_int_equal(rows(x->db, "bianyuan", "", "", "", "", &t), 1);
	assert_true(t.rows[0].id > 0);
	jz_ledger_free(&t);
	tu_exec(x->db, "DELETE FROM watch");
	/* covered again by a case in force: not 边缘 */
	tu_exec(x->db, "UPDATE case_file SET state = '在保' WHERE id = 10");
	assert_int_equal(count(x->db, "bianyuan", "", ""), 0);
	/* far above the standard: not 边缘 */
	tu_exec(x->db, "UPDATE case_file SET state = '不予' WHERE id = 10");
	tu_exec(x->db, "UPDATE case_income SET monthly_fen = 200000 WHERE case_id = 10");
	assert_int_equal(count(x->db, "bianyuan", "", ""), 0);
}

static void test_export(void **state)
{
	struct fx *x = *state;
	jz_err e;
	char p1[160], p2[160], p3[160];
	size_t n;
	struct jz_ledger_table t = {0};
	assert_int_equal(jz_screening_add(&x->jb, "重残重病", x->id1, "", "", "", NULL, &e), 0);
	assert_int_equal(jz_screening_add(&x->jb, "贫困边缘", x->id4, "外乡人, \"阿三\"", "东山村", "", NULL, &e), 0);
	rows(x->db, "screening", "", "", "", "", &t);
	tu_path(p1, sizeof p1, x->t->dir, "a.csv");
	tu_path(p2, sizeof p2, x->t->dir, "b.csv");
	tu_path(p3, sizeof p3, x->t->dir, "c.xlsx");
	assert_int_equal(jz_ledger_export(&t, "全部", p1, 0, &e), 0);
	assert_int_equal(jz_ledger_export(&t, "全部", p2, 1, &e), 0);
	assert_int_equal(jz_ledger_export(&t, "全部", p3, 0, &e), 0);
	assert_int_equal(jz_ledger_export(&t, "全部", p3, 1, &e), -1);
	assert_int_equal(jz_ledger_export(&t, "全部", "x.txt", 0, &e), -1);
	char *gbk = tu_slurp(p1, &n), *utf = tu_slurp(p2, &n);
	assert_non_null(gbk);
	assert_non_null(utf);
	/* 状 in GBK is D7 B4; the UTF-8 file starts with a BOM */
	assert_memory_equal(gbk, "\xD7\xB4", 2);
	assert_memory_equal(utf, "\xEF\xBB\xBF状态,清单,类别", strlen("\xEF\xBB\xBF状态,清单,类别"));
	assert_non_null(strstr(utf, "\"外乡人, \"\"阿三\"\"\""));
	free(gbk);
	free(utf);
	char *xl = tu_slurp(p3, &n);
	assert_non_null(xl);
	assert_memory_equal(xl, "PK", 2);
	free(xl);
	jz_ledger_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_screening_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_visits_and_care, setup, teardown),
		cmocka_unit_test_setup_teardown(test_survey, setup, teardown),
		cmocka_unit_test_setup_teardown(test_derived, setup, teardown),
		cmocka_unit_test_setup_teardown(test_watch_bed_referral, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edge_from_means, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
