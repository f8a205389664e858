/* ledger_store.c — the SQL of each ledger (see ledger_store.h). Each text
 * is an inner query wrapped by FILTERED, which applies the village, period
 * and state filters to its first six columns; all values are bound. */
#include "store/ledger_store.h"

#include <stdio.h>
#include <string.h>

#define FILTERED(inner)                                                                   \
	"SELECT * FROM (" inner ") WHERE (:village = '' OR vil = :village)"                   \
	" AND (:from = '' OR substr(day, 1, 7) >= :from) AND (:to = '' OR substr(day, 1, 7) <= :to)" \
	" AND (:state = '' OR st = :state OR st2 = :state) ORDER BY day, vil, id"

#define VIL(h) "(SELECT v.name FROM household hh JOIN village v ON v.id = hh.village_id WHERE hh.id = " h ")"
#define HEAD(h) "(SELECT p.name FROM person p WHERE p.household_id = " h " AND p.relation = '户主')"
#define HEADID(h) "(SELECT p.id_number FROM person p WHERE p.household_id = " h " AND p.relation = '户主')"
#define MEMBERS(h) "(SELECT group_concat(p.name || '(' || p.relation || ')', '、') FROM person p" \
	" WHERE p.household_id = " h " AND p.deceased_on = '')"
#define LASTCASE(h) "(SELECT x.id FROM case_file x WHERE x.household_id = " h " ORDER BY x.id DESC LIMIT 1)"
#define INCOME(c) "(SELECT coalesce(sum(i.monthly_fen), 0) FROM case_income i WHERE i.case_id = " c ")"
#define REFUSED_ON "coalesce(nullif(c.approved_on, ''), nullif(c.investigated_on, ''), c.accepted_on)"

static const char SQL_SCREENING[] = FILTERED(
	"SELECT s.id AS id, s.household_id AS hid, coalesce(" VIL("s.household_id") ", s.village) AS vil,"
	" s.listed_on AS day,"
	" CASE WHEN s.closed_on <> '' THEN '已销号' WHEN s.result <> '' THEN '待销号'"
	"  WHEN s.visit_on <> '' THEN '待定结果' ELSE '待走访' END AS st, s.category AS st2,"
	" s.list, s.category, s.name, s.id_number,"
	" coalesce((SELECT number FROM household WHERE id = s.household_id), ''),"
	" coalesce(" VIL("s.household_id") ", s.village),"
	" s.visit_on, s.result, s.reason || CASE WHEN s.basis <> '' THEN '：' || s.basis ELSE '' END,"
	" coalesce((SELECT number FROM case_file WHERE id = s.case_id), ''), s.closed_on, s.province_on"
	" FROM screening s");

static const char SQL_SHUANGQING[] = FILTERED(
	"SELECT c.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, " REFUSED_ON " AS day,"
	" '申请不予' AS st, c.programme AS st2, c.programme, " HEAD("c.household_id") ","
	" " HEADID("c.household_id") ", " VIL("c.household_id") ", " REFUSED_ON ", " MEMBERS("c.household_id") ","
	" " INCOME("c.id") ", c.deposit_fen, c.vehicles, c.houses, c.refused_reason, c.findings"
	" FROM case_file c WHERE c.state = '不予'"
	" UNION ALL "
	"SELECT -s.id, s.household_id, coalesce(" VIL("s.household_id") ", s.village),"
	" coalesce(nullif(s.visit_on, ''), s.listed_on), '排查不符合', s.category, s.category,"
	" s.name, s.id_number, coalesce(" VIL("s.household_id") ", s.village), coalesce(nullif(s.visit_on, ''), s.listed_on),"
	" " MEMBERS("s.household_id") ", " INCOME(LASTCASE("s.household_id")) ","
	" (SELECT deposit_fen FROM case_file WHERE id = " LASTCASE("s.household_id") "),"
	" (SELECT vehicles FROM case_file WHERE id = " LASTCASE("s.household_id") "),"
	" (SELECT houses FROM case_file WHERE id = " LASTCASE("s.household_id") "), s.reason, s.basis"
	" FROM screening s WHERE s.result = '不符合条件'");

static const char SQL_INCOME_OK[] = FILTERED(
	"SELECT i.id AS id, i.household_id AS hid, " VIL("i.household_id") " AS vil, i.found_on AS day,"
	" CASE WHEN i.fed_back_on = '' THEN '未反馈' ELSE '已反馈' END AS st,"
	" CASE WHEN i.case_id IS NOT NULL THEN '退出' WHEN i.screening_id IS NOT NULL THEN '排查' ELSE '登记' END AS st2,"
	" " HEAD("i.household_id") ", " HEADID("i.household_id") ", " VIL("i.household_id") ", i.found_on,"
	" i.per_capita_fen, i.standard_fen, i.reason, i.fed_back_on, i.fed_back_by FROM income_ok i"
	" UNION ALL "
	"SELECT -c.id, c.household_id, " VIL("c.household_id") ", c.exit_on, '未反馈', '退出',"
	" " HEAD("c.household_id") ", " HEADID("c.household_id") ", " VIL("c.household_id") ", c.exit_on,"
	" NULL, NULL, c.programme || '退出：收入超标' || CASE WHEN c.exit_note <> '' THEN '，' || c.exit_note ELSE '' END,"
	" '', '' FROM case_file c WHERE c.exit_reason = '收入超标' AND c.exit_on <> ''"
	" AND NOT EXISTS (SELECT 1 FROM income_ok o WHERE o.case_id = c.id)");

#define MONTHNO(m) "(CAST(substr(" m ", 1, 4) AS INTEGER) * 12 + CAST(substr(" m ", 6, 2) AS INTEGER))"

static const char SQL_JIANTUI[] = FILTERED(
	"SELECT c.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, c.grace_until AS day,"
	" c.programme AS st, c.area AS st2, c.number, c.programme, " HEAD("c.household_id") ","
	" " HEADID("c.household_id") ", " VIL("c.household_id") ", c.grace_until,"
	" (SELECT a.total_fen FROM case_amount a WHERE a.case_id = c.id AND a.from_month <= substr(:today, 1, 7)"
	"  ORDER BY a.from_month DESC LIMIT 1),"
	" max(0, " MONTHNO("c.grace_until") " - " MONTHNO(":today") " + 1), c.exit_reason"
	" FROM case_file c WHERE c.state = '渐退'");

static const char SQL_QIANZAI[] = FILTERED(
	"SELECT w.id AS id, w.household_id AS hid, w.village AS vil, w.listed_on AS day,"
	" CASE WHEN w.closed_on = '' THEN '在册' ELSE '已销号' END AS st, w.source AS st2,"
	" w.source, w.name, w.id_number, w.village, w.listed_on, w.situation, w.next_visit,"
	" trim(w.closed_on || ' ' || w.close_reason) FROM watch w WHERE w.kind = '潜在救助对象'"
	" UNION ALL "
	"SELECT -c.id, c.household_id, " VIL("c.household_id") ", " REFUSED_ON ", '在册', '申请不予', '申请不予',"
	" " HEAD("c.household_id") ", " HEADID("c.household_id") ", " VIL("c.household_id") ", " REFUSED_ON ","
	" c.programme || '申请不予：' || c.refused_reason, '', '' FROM case_file c WHERE c.state = '不予'"
	" AND NOT EXISTS (SELECT 1 FROM watch w WHERE w.household_id = c.household_id AND w.kind = '潜在救助对象')"
	" AND NOT EXISTS (SELECT 1 FROM case_file y WHERE y.household_id = c.household_id"
	"  AND y.state IN ('在保', '渐退'))");

static const char SQL_BIANYUAN[] = FILTERED(
	"SELECT w.id AS id, w.household_id AS hid, w.village AS vil, w.listed_on AS day,"
	" CASE WHEN w.closed_on = '' THEN '在册' ELSE '已销号' END AS st, w.source AS st2,"
	" w.source, w.name, w.id_number, w.village, w.listed_on, NULL, NULL, w.situation, w.next_visit,"
	" trim(w.closed_on || ' ' || w.close_reason) FROM watch w WHERE w.kind = '低保边缘'");

static const char SQL_RELATIVE[] = FILTERED(
	"SELECT r.id AS id, p.household_id AS hid, coalesce(" VIL("p.household_id") ", '') AS vil,"
	" r.registered_on AS day, r.relation AS st, r.cadre_post AS st2,"
	" r.name, r.id_number, r.relation, r.cadre_name, r.cadre_post, r.operator_login, r.registered_on,"
	" coalesce(" VIL("p.household_id") ", ''),"
	" coalesce((SELECT group_concat(c.programme || c.state, '、') FROM case_file c"
	"  WHERE c.household_id = p.household_id AND c.state NOT IN ('退出', '不予')), '')"
	" FROM relative r LEFT JOIN person p ON p.id_number = r.id_number");

/* 特困 分散供养 in force: the care agreement (needed when not self-caring)
 * and the visits at the interval :n (days). */
static const char SQL_TEKUN[] = FILTERED(
	"SELECT id, hid, vil, coalesce(nullif(last, ''), start) AS day,"
	" CASE WHEN date(coalesce(nullif(last, ''), start), '+' || :n || ' days') < :today THEN '探访超期'"
	"  ELSE '正常' END AS st,"
	" CASE WHEN agreement <> '' THEN '有协议' WHEN self_care IN ('半自理', '全护理') THEN '缺协议'"
	"  ELSE '无需协议' END AS st2,"
	" number, name, id_number, vil, self_care,"
	" CASE WHEN agreement <> '' THEN '有协议' WHEN self_care IN ('半自理', '全护理') THEN '缺协议'"
	"  ELSE '无需协议' END, agreement, last,"
	" date(coalesce(nullif(last, ''), start), '+' || :n || ' days') FROM ("
	"SELECT c.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, c.number AS number,"
	" c.self_care AS self_care, coalesce(nullif(c.approved_on, ''), c.accepted_on) AS start,"
	" (SELECT p.name FROM case_member m JOIN person p ON p.id = m.person_id WHERE m.case_id = c.id"
	"  ORDER BY p.id LIMIT 1) AS name,"
	" (SELECT p.id_number FROM case_member m JOIN person p ON p.id = m.person_id WHERE m.case_id = c.id"
	"  ORDER BY p.id LIMIT 1) AS id_number,"
	" coalesce((SELECT a.carer_name || ' ' || a.signed_on || CASE WHEN a.valid_until <> ''"
	"  THEN '至' || a.valid_until ELSE '' END FROM care_agreement a WHERE a.case_id = c.id"
	"  AND a.ended_on = '' AND (a.valid_until = '' OR a.valid_until >= :today)"
	"  ORDER BY a.signed_on DESC LIMIT 1), '') AS agreement,"
	" coalesce((SELECT max(v.visited_on) FROM visit v WHERE v.case_id = c.id), '') AS last"
	" FROM case_file c WHERE c.programme = '特困' AND c.mode = '分散供养' AND c.state IN ('在保', '渐退'))");

static const char SQL_VISIT[] = FILTERED(
	"SELECT v.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, v.visited_on AS day,"
	" v.visitor AS st, c.number AS st2, c.number,"
	" (SELECT p.name FROM case_member m JOIN person p ON p.id = m.person_id WHERE m.case_id = c.id"
	"  ORDER BY p.id LIMIT 1), " VIL("c.household_id") ", v.visited_on, v.visitor, v.finding, v.needs"
	" FROM visit v JOIN case_file c ON c.id = v.case_id");

static const char SQL_CARE[] = FILTERED(
	"SELECT a.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, a.signed_on AS day,"
	" CASE WHEN a.ended_on <> '' OR (a.valid_until <> '' AND a.valid_until < :today) THEN '已终止'"
	"  ELSE '有效' END AS st, c.self_care AS st2, c.number,"
	" (SELECT p.name FROM case_member m JOIN person p ON p.id = m.person_id WHERE m.case_id = c.id"
	"  ORDER BY p.id LIMIT 1), " VIL("c.household_id") ", c.self_care, a.carer_name, a.carer_relation,"
	" a.carer_phone, a.signed_on, a.valid_until, a.content, a.ended_on"
	" FROM care_agreement a JOIN case_file c ON c.id = a.case_id");

/* Every village for every month from :from to :to (default: this month). */
static const char SQL_SURVEY[] = FILTERED(
	"WITH RECURSIVE m(month, k) AS (SELECT coalesce(nullif(:from, ''), substr(:today, 1, 7)), 0"
	" UNION ALL SELECT substr(date(month || '-01', '+1 month'), 1, 7), k + 1 FROM m"
	" WHERE month < coalesce(nullif(:to, ''), substr(:today, 1, 7)) AND k < 240)"
	"SELECT v.id AS id, NULL AS hid, v.name AS vil, m.month AS day,"
	" CASE WHEN s.handed_on IS NULL THEN '未报送' ELSE '已报送' END AS st, v.kind AS st2,"
	" v.name, m.month, coalesce(s.handed_on, ''), coalesce(s.by, ''), s.unemployed, s.hard_enterprise,"
	" s.graduates, s.migrant_uninsured, s.flexible, s.edge,"
	" (SELECT count(*) FROM survey_person sp WHERE sp.village_id = v.id AND sp.month = m.month),"
	" coalesce(s.note, '') FROM m CROSS JOIN village v"
	" LEFT JOIN survey s ON s.village_id = v.id AND s.month = m.month");

static const char SQL_SURVEY_PERSON[] = FILTERED(
	"SELECT sp.id AS id, p.household_id AS hid, v.name AS vil, sp.month AS day, sp.category AS st,"
	" sp.category AS st2, v.name, sp.month, sp.category, sp.name, sp.id_number, sp.situation"
	" FROM survey_person sp JOIN village v ON v.id = sp.village_id"
	" LEFT JOIN person p ON p.id_number = sp.id_number AND sp.id_number <> ''");

static const char SQL_REFERRAL[] = FILTERED(
	"SELECT r.id AS id, coalesce(c.household_id, a.household_id, s.household_id) AS hid,"
	" coalesce(" VIL("coalesce(c.household_id, a.household_id, s.household_id)") ", s.village, '') AS vil,"
	" r.referred_on AS day, CASE WHEN r.outcome = '' THEN '待反馈' ELSE '已反馈' END AS st,"
	" r.department AS st2, r.department,"
	" coalesce(c.number, a.number, '排查' || s.id, ''),"
	" coalesce(" HEAD("c.household_id") ", (SELECT name FROM person WHERE id = a.person_id), s.name, ''),"
	" coalesce(" VIL("coalesce(c.household_id, a.household_id, s.household_id)") ", s.village, ''),"
	" r.referred_on, r.outcome, r.outcome_on"
	" FROM referral r LEFT JOIN case_file c ON c.id = r.case_id"
	" LEFT JOIN aid_case a ON a.id = r.aid_case_id LEFT JOIN screening s ON s.id = r.screening_id");

static const char SQL_BED[] = FILTERED(
	"SELECT b.id AS id, p.household_id AS hid, coalesce(" VIL("p.household_id") ", '') AS vil,"
	" b.asked_on AS day, CASE WHEN b.wants = 0 THEN '不愿意' WHEN b.placed_on <> '' THEN '已安置'"
	"  ELSE '待安置' END AS st, b.preferred AS st2, p.name, p.id_number,"
	" coalesce(" VIL("p.household_id") ", ''), b.asked_on, CASE WHEN b.wants THEN '愿意' ELSE '不愿意' END,"
	" b.preferred, b.placed_on, b.placed_at, b.note"
	" FROM bed_wish b JOIN person p ON p.id = b.person_id");

static const char SQL_CHANGE[] = FILTERED(
	"SELECT c.id AS id, c.household_id AS hid, " VIL("c.household_id") " AS vil, c.start_month AS day,"
	" '新增' AS st, c.programme AS st2, c.programme, c.number, " HEAD("c.household_id") ","
	" " HEADID("c.household_id") ", " VIL("c.household_id") ", c.start_month, c.entry_reason, c.approved_on"
	" FROM case_file c WHERE c.start_month <> '' AND c.approved_on <> ''"
	" UNION ALL "
	"SELECT c.id, c.household_id, " VIL("c.household_id") ", c.exit_on, '退出', c.programme,"
	" c.programme, c.number, " HEAD("c.household_id") ", " HEADID("c.household_id") ","
	" " VIL("c.household_id") ", c.exit_on,"
	" c.exit_reason || CASE WHEN c.exit_note <> '' THEN '：' || c.exit_note ELSE '' END, ''"
	" FROM case_file c WHERE c.exit_on <> ''");

static const struct {
	const char *name, *sql;
} queries[] = {
	{"screening", SQL_SCREENING}, {"shuangqing", SQL_SHUANGQING}, {"income_ok", SQL_INCOME_OK},
	{"jiantui", SQL_JIANTUI}, {"qianzai", SQL_QIANZAI}, {"bianyuan", SQL_BIANYUAN},
	{"relative", SQL_RELATIVE}, {"tekun", SQL_TEKUN}, {"visit", SQL_VISIT}, {"care", SQL_CARE},
	{"survey", SQL_SURVEY}, {"survey_person", SQL_SURVEY_PERSON}, {"referral", SQL_REFERRAL},
	{"bed", SQL_BED}, {"change", SQL_CHANGE},
};

static void bind(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i > 0)
		jz_bind_text(st, i, v ? v : "");
}

int jz_store_ledger_rows(jz_db *db, const char *name, const struct jz_ledger_params *p,
			 jz_ledger_row_fn fn, void *arg, jz_err *e)
{
	const char *sql = NULL;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		if (!strcmp(queries[i].name, name))
			sql = queries[i].sql;
	if (!sql)
		return jz_fail(e, JZ_EUSER, "没有「%s」这个台账", name);
	sqlite3_stmt *st = jz_stmt(db, sql, e);
	if (!st)
		return -1;
	bind(st, ":village", p->village);
	bind(st, ":from", p->from);
	bind(st, ":to", p->to);
	bind(st, ":state", p->state);
	bind(st, ":today", p->today);
	int ni = sqlite3_bind_parameter_index(st, ":n");
	if (ni > 0)
		sqlite3_bind_int64(st, ni, p->n);
	int ncols = sqlite3_column_count(st), rc, stop = 0;
	const char *cells[64];
	if (ncols > 64)
		ncols = 64;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			cells[i] = t ? (const char *)t : "";
		}
		stop = fn(cells, ncols, arg);
	}
	if (!stop && rc != SQLITE_DONE) {
		jz_db_fail(db, e, "读取台账");
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}
