/* migrate.c — the schema, as numbered migrations (PRAGMA user_version).
 *
 * To change the schema, append a migration; never edit one that has shipped.
 * Each step runs in its own transaction together with the new user_version,
 * so a file is always at a whole version. A file newer than the last entry
 * here is refused by db.c before anything touches it. */
#include "store/migrate.h"

#include <stdio.h>

static const struct jz_migration migrations[] = {
	{1,
	 /* The township, its villages, households, persons, operators, settings
	  * and the event trail every write goes through. */
	 "CREATE TABLE township("
	 "  id INTEGER PRIMARY KEY CHECK (id = 1),"
	 "  name TEXT NOT NULL, county TEXT NOT NULL,"
	 "  area_code TEXT NOT NULL CHECK (length(area_code) = 6 AND area_code NOT GLOB '*[^0-9]*'),"
	 "  phone TEXT NOT NULL DEFAULT '', is_demo INTEGER NOT NULL DEFAULT 0,"
	 "  created_at TEXT NOT NULL);"
	 "CREATE TABLE village("
	 "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,"
	 "  kind TEXT NOT NULL CHECK (kind IN ('村','社区')),"
	 "  area TEXT NOT NULL CHECK (area IN ('城市','农村')),"
	 "  groups INTEGER NOT NULL DEFAULT 0);"
	 "CREATE TABLE household("
	 "  id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE,"
	 "  village_id INTEGER NOT NULL REFERENCES village(id),"
	 "  grp TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',"
	 "  area TEXT NOT NULL CHECK (area IN ('城市','农村')),"
	 "  poverty_cause TEXT NOT NULL DEFAULT '' CHECK (poverty_cause IN"
	 "    ('','疾病','残疾','因学','灾害','缺乏劳动力','其他')),"
	 "  jiandang INTEGER NOT NULL DEFAULT 0 CHECK (jiandang IN (0,1)),"
	 "  tuopin TEXT NOT NULL DEFAULT '' CHECK (tuopin IN ('','未脱贫','已脱贫')),"
	 "  monitored INTEGER NOT NULL DEFAULT 0 CHECK (monitored IN (0,1)),"
	 "  edge INTEGER NOT NULL DEFAULT 0 CHECK (edge IN (0,1)),"
	 "  relocated INTEGER NOT NULL DEFAULT 0 CHECK (relocated IN (0,1)),"
	 "  no_labour INTEGER NOT NULL DEFAULT 0 CHECK (no_labour IN (0,1)),"
	 "  phone TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,"
	 "  closed_on TEXT);"
	 "CREATE TABLE person("
	 "  id INTEGER PRIMARY KEY,"
	 "  id_number TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),"
	 "  name TEXT NOT NULL CHECK (name <> ''),"
	 /* Sex and birth date are derived from the ID, never typed. */
	 "  sex TEXT GENERATED ALWAYS AS"
	 "    (CASE WHEN CAST(substr(id_number,17,1) AS INTEGER) % 2 = 1 THEN 'M' ELSE 'F' END) STORED,"
	 "  birth TEXT GENERATED ALWAYS AS (substr(id_number,7,4) || '-' ||"
	 "    substr(id_number,11,2) || '-' || substr(id_number,13,2)) STORED,"
	 /* An ID is in at most one household (UNIQUE above); NULL = not a
	  * member of a household of this township (non-local, or removed). */
	 "  household_id INTEGER REFERENCES household(id),"
	 "  relation TEXT NOT NULL DEFAULT '',"
	 "  labour TEXT NOT NULL DEFAULT '有劳动能力'"
	 "    CHECK (labour IN ('有劳动能力','部分丧失','完全丧失')),"
	 "  disability_cat TEXT NOT NULL DEFAULT '' CHECK (disability_cat IN"
	 "    ('','视力','听力','言语','肢体','智力','精神','多重')),"
	 "  disability_grade INTEGER NOT NULL DEFAULT 0 CHECK (disability_grade BETWEEN 0 AND 4),"
	 "  serious_illness INTEGER NOT NULL DEFAULT 0 CHECK (serious_illness IN (0,1)),"
	 "  student INTEGER NOT NULL DEFAULT 0 CHECK (student IN (0,1)),"
	 "  employment TEXT NOT NULL DEFAULT '',"
	 "  unemployed_since TEXT NOT NULL DEFAULT '',"
	 "  unemployment_insurance INTEGER NOT NULL DEFAULT 0 CHECK (unemployment_insurance IN (0,1)),"
	 "  phone TEXT NOT NULL DEFAULT '', bank_account TEXT NOT NULL DEFAULT '',"
	 "  deceased_on TEXT NOT NULL DEFAULT '', hukou TEXT NOT NULL DEFAULT '',"
	 "  created_at TEXT NOT NULL,"
	 "  CHECK ((disability_cat = '') = (disability_grade = 0)));"
	 /* Exactly one head: at most one by this index, at least one by the core. */
	 "CREATE UNIQUE INDEX person_one_head ON person(household_id)"
	 "  WHERE relation = '户主' AND household_id IS NOT NULL;"
	 "CREATE INDEX person_household ON person(household_id);"
	 "CREATE TABLE operator("
	 "  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	 "  roles TEXT NOT NULL, pw_hash TEXT NOT NULL,"
	 "  disabled INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,"
	 "  locked_until TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
	 /* Settings and standards: a value for an area ('*' = everywhere) in
	  * force from a date; a new value never rewrites the past. */
	 "CREATE TABLE setting("
	 "  key TEXT NOT NULL, area TEXT NOT NULL DEFAULT '*', from_date TEXT NOT NULL,"
	 "  value TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
	 "  PRIMARY KEY (key, area, from_date));"
	 "CREATE TABLE event("
	 "  id INTEGER PRIMARY KEY, at TEXT NOT NULL, operator TEXT NOT NULL,"
	 "  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id INTEGER,"
	 "  household_id INTEGER, old TEXT NOT NULL DEFAULT '', new TEXT NOT NULL DEFAULT '',"
	 "  reason TEXT NOT NULL DEFAULT '',"
	 "  prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE);"
	 "INSERT INTO setting(key, area, from_date, value, note) VALUES"
	 "  ('auth.pwhash_ops', '*', '1900-01-01', '2', 'argon2id 迭代次数'),"
	 "  ('auth.pwhash_mem_kib', '*', '1900-01-01', '65536', 'argon2id 内存 (KiB)，旧电脑可调低'),"
	 "  ('dibao.edge_factor_pct', '*', '1900-01-01', '150', '低保边缘：人均收入不超过标准的百分比'),"
	 "  ('dibao.grace_months', '*', '1900-01-01', '6', '渐退期默认月数 (3–12)');"},
	{2,
	 /* The event trail is append-only; search and card lookups get indexes. */
	 "CREATE TRIGGER event_no_update BEFORE UPDATE ON event"
	 "  BEGIN SELECT RAISE(ABORT, '操作记录不可修改'); END;"
	 "CREATE TRIGGER event_no_delete BEFORE DELETE ON event"
	 "  BEGIN SELECT RAISE(ABORT, '操作记录不可删除'); END;"
	 "CREATE INDEX event_household ON event(household_id) WHERE household_id IS NOT NULL;"
	 "CREATE INDEX event_entity ON event(entity, entity_id);"
	 "CREATE INDEX person_name ON person(name);"
	 "CREATE INDEX household_village ON household(village_id);"},
	{3,
	 /* Cases: an application and its life (steps, amounts by month), the
	  * means test's figures, the monthly payment roll and the lists the case
	  * rules consult (近亲属备案), referrals and refusals of offered work. */
	 "CREATE TABLE case_file("
	 "  id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE,"
	 "  household_id INTEGER NOT NULL REFERENCES household(id),"
	 "  programme TEXT NOT NULL CHECK (programme IN ('低保','特困','孤儿','残疾补贴')),"
	 "  mode TEXT NOT NULL DEFAULT '', self_care TEXT NOT NULL DEFAULT '',"
	 "  area TEXT NOT NULL CHECK (area IN ('城市','农村')),"
	 "  state TEXT NOT NULL CHECK (state IN"
	 "    ('受理','调查','评议','审核','公示','在保','渐退','退出','不予')),"
	 "  accepted_on TEXT NOT NULL, accepted_by TEXT NOT NULL,"
	 "  entry_reason TEXT NOT NULL DEFAULT '新申请', waived INTEGER NOT NULL DEFAULT 0,"
	 "  investigate_due TEXT NOT NULL DEFAULT '', investigated_on TEXT NOT NULL DEFAULT '',"
	 "  investigators TEXT NOT NULL DEFAULT '', findings TEXT NOT NULL DEFAULT '',"
	 "  notice_from TEXT NOT NULL DEFAULT '', notice_to TEXT NOT NULL DEFAULT '',"
	 "  approved_on TEXT NOT NULL DEFAULT '', approved_by TEXT NOT NULL DEFAULT '',"
	 "  county_doc TEXT NOT NULL DEFAULT '', county_date TEXT NOT NULL DEFAULT '',"
	 "  start_month TEXT NOT NULL DEFAULT '', end_month TEXT NOT NULL DEFAULT '',"
	 "  review_due TEXT NOT NULL DEFAULT '', grace_until TEXT NOT NULL DEFAULT '',"
	 "  exit_reason TEXT NOT NULL DEFAULT '', exit_note TEXT NOT NULL DEFAULT '',"
	 "  exit_on TEXT NOT NULL DEFAULT '', refused_reason TEXT NOT NULL DEFAULT '',"
	 "  province_on TEXT NOT NULL DEFAULT '', province_by TEXT NOT NULL DEFAULT '',"
	 "  province_pending INTEGER NOT NULL DEFAULT 0,"
	 "  deposit_fen INTEGER NOT NULL DEFAULT 0, vehicles INTEGER NOT NULL DEFAULT 0,"
	 "  houses INTEGER NOT NULL DEFAULT 0,"
	 "  imported_from TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
	 "CREATE INDEX case_household ON case_file(household_id);"
	 "CREATE INDEX case_state ON case_file(state);"
	 /* until_month: the last month a member's share is paid, when it was
	  * stopped (refused work three times); '' while covered. */
	 "CREATE TABLE case_member("
	 "  case_id INTEGER NOT NULL REFERENCES case_file(id),"
	 "  person_id INTEGER NOT NULL REFERENCES person(id),"
	 "  until_month TEXT NOT NULL DEFAULT '', PRIMARY KEY (case_id, person_id));"
	 "CREATE INDEX case_member_person ON case_member(person_id);"
	 "CREATE TABLE case_income("
	 "  case_id INTEGER NOT NULL REFERENCES case_file(id),"
	 "  person_id INTEGER NOT NULL REFERENCES person(id), kind TEXT NOT NULL,"
	 "  monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),"
	 "  PRIMARY KEY (case_id, person_id, kind));"
	 "CREATE TABLE case_expense("
	 "  case_id INTEGER NOT NULL REFERENCES case_file(id), kind TEXT NOT NULL,"
	 "  monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0), PRIMARY KEY (case_id, kind));"
	 /* The monthly amount in force from a month on: dated facts, so a past
	  * month's figures can always be computed again. */
	 "CREATE TABLE case_amount("
	 "  case_id INTEGER NOT NULL REFERENCES case_file(id), from_month TEXT NOT NULL,"
	 "  base_fen INTEGER NOT NULL, supplement_fen INTEGER NOT NULL, total_fen INTEGER NOT NULL,"
	 "  covered INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',"
	 "  PRIMARY KEY (case_id, from_month), CHECK (total_fen = base_fen + supplement_fen));"
	 "CREATE TABLE case_supplement("
	 "  case_id INTEGER NOT NULL REFERENCES case_file(id), from_month TEXT NOT NULL,"
	 "  person_id INTEGER NOT NULL REFERENCES person(id), fen INTEGER NOT NULL,"
	 "  PRIMARY KEY (case_id, from_month, person_id));"
	 "CREATE TABLE referral("
	 "  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_file(id),"
	 "  department TEXT NOT NULL, referred_on TEXT NOT NULL, outcome TEXT NOT NULL DEFAULT '');"
	 "CREATE TABLE work_refusal("
	 "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id),"
	 "  refused_on TEXT NOT NULL, offer TEXT NOT NULL, good_reason INTEGER NOT NULL DEFAULT 0);"
	 /* 近亲属备案: relatives of village cadres and office staff. */
	 "CREATE TABLE relative("
	 "  id INTEGER PRIMARY KEY, id_number TEXT NOT NULL, name TEXT NOT NULL,"
	 "  cadre_name TEXT NOT NULL, cadre_post TEXT NOT NULL DEFAULT '',"
	 "  operator_login TEXT NOT NULL DEFAULT '', relation TEXT NOT NULL,"
	 "  registered_on TEXT NOT NULL);"
	 "CREATE INDEX relative_id ON relative(id_number);"
	 "ALTER TABLE operator ADD COLUMN id_number TEXT NOT NULL DEFAULT '';"
	 /* The payment roll of a month; a locked roll never changes again. */
	 "CREATE TABLE roll("
	 "  month TEXT PRIMARY KEY, built_at TEXT NOT NULL, built_by TEXT NOT NULL,"
	 "  locked_at TEXT NOT NULL DEFAULT '', locked_by TEXT NOT NULL DEFAULT '');"
	 "CREATE TABLE onetime("
	 "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, per TEXT NOT NULL CHECK (per IN ('人','户')),"
	 "  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0), month TEXT NOT NULL,"
	 "  selection TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
	 "CREATE TABLE roll_line("
	 "  id INTEGER PRIMARY KEY, month TEXT NOT NULL REFERENCES roll(month),"
	 "  case_id INTEGER REFERENCES case_file(id), onetime_id INTEGER REFERENCES onetime(id),"
	 "  household_id INTEGER NOT NULL REFERENCES household(id),"
	 "  person_id INTEGER NOT NULL REFERENCES person(id),"
	 "  programme TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('月发','补发','扣回','一次性')),"
	 "  for_month TEXT NOT NULL, amount_fen INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');"
	 "CREATE INDEX roll_line_month ON roll_line(month);"
	 "CREATE INDEX roll_line_case ON roll_line(case_id, for_month);"
	 "CREATE TRIGGER roll_locked_stays BEFORE UPDATE ON roll WHEN OLD.locked_at <> ''"
	 "  BEGIN SELECT RAISE(ABORT, '花名册已锁定，不能再修改'); END;"
	 "CREATE TRIGGER roll_locked_no_delete BEFORE DELETE ON roll WHEN OLD.locked_at <> ''"
	 "  BEGIN SELECT RAISE(ABORT, '花名册已锁定，不能删除'); END;"
	 "CREATE TRIGGER roll_line_locked_insert BEFORE INSERT ON roll_line"
	 "  WHEN (SELECT locked_at FROM roll WHERE month = NEW.month) <> ''"
	 "  BEGIN SELECT RAISE(ABORT, '花名册已锁定，不能再增加'); END;"
	 "CREATE TRIGGER roll_line_locked_update BEFORE UPDATE ON roll_line"
	 "  WHEN (SELECT locked_at FROM roll WHERE month = OLD.month) <> ''"
	 "  BEGIN SELECT RAISE(ABORT, '花名册已锁定，不能修改'); END;"
	 "CREATE TRIGGER roll_line_locked_delete BEFORE DELETE ON roll_line"
	 "  WHEN (SELECT locked_at FROM roll WHERE month = OLD.month) <> ''"
	 "  BEGIN SELECT RAISE(ABORT, '花名册已锁定，不能删除'); END;"
	 /* Workflow settings, as rows (a county changes them without C). */
	 "INSERT INTO setting(key, area, from_date, value, note) VALUES"
	 "  ('case.investigate_days', '*', '1900-01-01', '15', '受理后入户调查期限（天）'),"
	 "  ('case.democratic_review', '*', '1900-01-01', '0', '是否需要民主评议（1 是 0 否）'),"
	 "  ('case.notice_days', '*', '1900-01-01', '7', '公示天数'),"
	 "  ('case.county_approves', '*', '1900-01-01', '1', '审批在县里（1）还是委托乡镇（0）'),"
	 "  ('case.review_months_stable', '*', '1900-01-01', '12', '稳定户复核间隔（月）'),"
	 "  ('case.review_months_other', '*', '1900-01-01', '6', '其他户复核间隔（月）'),"
	 "  ('case.grace_jiandang', '*', '1900-01-01', '1', '建档立卡低保户可渐退（1 是 0 否）'),"
	 "  ('case.grace_rural', '*', '1900-01-01', '0', '农村低保户可渐退（1 是 0 否）'),"
	 "  ('case.grace_amount_pct', '*', '1900-01-01', '100', '渐退期按原金额的百分比发放'),"
	 "  ('means.migrant_deduction_pct', '*', '1900-01-01', '30', '外出务工收入扣减就业成本（%）'),"
	 "  ('dibao.rounding', '*', '1900-01-01', '0', '金额取整：0 四舍五入到元，1 向上取整到元，2 保留到分'),"
	 "  ('dibao.low_income_pct', '*', '1900-01-01', '150', '低收入家庭：人均收入不超过低保标准的百分比'),"
	 "  ('dibao.single_disability_max_grade', '*', '1900-01-01', '2', '单人保重残：残疾等级一级至此级'),"
	 "  ('dibao.single_mental_max_grade', '*', '1900-01-01', '4', '单人保重残：智力、精神残疾一级至此级'),"
	 "  ('dibao.single_amount_rule', '*', '1900-01-01', '0', '单人保金额：0 按全额标准，1 按差额'),"
	 "  ('dibao.supp_disabled12_pct', '*', '1900-01-01', '20', '分类施保：一、二级残疾人（标准的 %）'),"
	 "  ('dibao.supp_disabled34_pct', '*', '1900-01-01', '10', '分类施保：三、四级残疾人（标准的 %）'),"
	 "  ('dibao.elderly_age', '*', '1900-01-01', '60', '老年人年龄'),"
	 "  ('dibao.supp_elderly_pct', '*', '1900-01-01', '0', '分类施保：老年人（标准的 %），0 为不加发'),"
	 "  ('dibao.supp_minor_pct', '*', '1900-01-01', '0', '分类施保：未成年人（标准的 %），0 为不加发'),"
	 "  ('dibao.supp_ill_pct', '*', '1900-01-01', '0', '分类施保：重病患者（标准的 %），0 为不加发'),"
	 "  ('tekun.basic_factor_pct', '*', '1900-01-01', '160', '特困基本生活标准不低于低保标准的 %'),"
	 "  ('tekun.care_self_pct', '*', '1900-01-01', '2', '特困照料护理：全自理（最低工资的 %）'),"
	 "  ('tekun.care_half_pct', '*', '1900-01-01', '30', '特困照料护理：半自理（最低工资的 %）'),"
	 "  ('tekun.care_full_pct', '*', '1900-01-01', '60', '特困照料护理：全护理（最低工资的 %）'),"
	 "  ('case.entry_reasons', '*', '1900-01-01', '新申请|收入下降|因病|因残|因灾|因学|缺乏劳动力|其他',"
	 "   '纳入原因（用 | 分隔，专题报告按此统计）'),"
	 "  ('case.exit_reasons', '*', '1900-01-01', '收入超标|死亡|迁出|骗保|拒不配合|自愿退出|其他',"
	 "   '退出原因（用 | 分隔；死亡、骗保立即退出，不渐退）');"},
	{4,
	 /* 临时救助 and the township's reserve fund (临时救助备用金). */
	 "CREATE TABLE aid_case("
	 "  id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE,"
	 "  person_id INTEGER NOT NULL REFERENCES person(id),"
	 "  household_id INTEGER REFERENCES household(id),"  /* NULL: not of this township */
	 "  kind TEXT NOT NULL CHECK (kind IN ('急难','支出')),"
	 "  cause TEXT NOT NULL, need TEXT NOT NULL DEFAULT '',"
	 "  asked_fen INTEGER NOT NULL DEFAULT 0 CHECK (asked_fen >= 0),"
	 "  evidence TEXT NOT NULL DEFAULT '', persons INTEGER NOT NULL DEFAULT 1,"
	 "  non_local INTEGER NOT NULL DEFAULT 0, hukou TEXT NOT NULL DEFAULT '',"
	 "  advance INTEGER NOT NULL DEFAULT 0,"
	 "  paperwork_due TEXT NOT NULL DEFAULT '', paperwork_done_on TEXT NOT NULL DEFAULT '',"
	 "  state TEXT NOT NULL CHECK (state IN ('受理','调查','审核','已审批','已救助','不予','结案')),"
	 "  accepted_on TEXT NOT NULL, accepted_by TEXT NOT NULL,"
	 "  investigated_on TEXT NOT NULL DEFAULT '', findings TEXT NOT NULL DEFAULT '',"
	 "  reviewed_on TEXT NOT NULL DEFAULT '', reviewed_by TEXT NOT NULL DEFAULT '',"
	 "  approved_on TEXT NOT NULL DEFAULT '', approved_by TEXT NOT NULL DEFAULT '',"
	 "  approved_fen INTEGER NOT NULL DEFAULT 0 CHECK (approved_fen >= 0),"
	 "  county_doc TEXT NOT NULL DEFAULT '', county_date TEXT NOT NULL DEFAULT '',"
	 "  yishi_date TEXT NOT NULL DEFAULT '', yishi_participants TEXT NOT NULL DEFAULT '',"
	 "  yishi_reason TEXT NOT NULL DEFAULT '',"
	 "  followup_of INTEGER REFERENCES aid_case(id),"
	 "  meeting_date TEXT NOT NULL DEFAULT '', meeting_note TEXT NOT NULL DEFAULT '',"
	 "  converted_case_id INTEGER REFERENCES case_file(id),"
	 "  refused_reason TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
	 "CREATE INDEX aid_case_person ON aid_case(person_id);"
	 /* 一次审批、分阶段救助: the scheduled payments of one approval. */
	 "CREATE TABLE aid_payment("
	 "  id INTEGER PRIMARY KEY, aid_case_id INTEGER NOT NULL REFERENCES aid_case(id),"
	 "  seq INTEGER NOT NULL, due_on TEXT NOT NULL,"
	 "  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),"
	 "  paid_on TEXT NOT NULL DEFAULT '', method TEXT NOT NULL DEFAULT '',"
	 "  fund_move_id INTEGER, note TEXT NOT NULL DEFAULT '', UNIQUE (aid_case_id, seq));"
	 /* The fund's ledger: never edited, a wrong line is corrected by a new
	  * one. amount_fen is signed: + 预拨 退回, - 支出, either for 调整. */
	 "CREATE TABLE fund_move("
	 "  id INTEGER PRIMARY KEY, on_date TEXT NOT NULL,"
	 "  kind TEXT NOT NULL CHECK (kind IN ('预拨','支出','退回','调整')),"
	 "  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),"
	 "  doc TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',"
	 "  aid_case_id INTEGER REFERENCES aid_case(id),"
	 "  approved_by TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL,"
	 "  CHECK ((kind = '支出') = (aid_case_id IS NOT NULL) OR kind = '退回'),"
	 "  CHECK (kind <> '支出' OR amount_fen < 0), CHECK (kind NOT IN ('预拨','退回') OR amount_fen > 0));"
	 "CREATE TRIGGER fund_move_no_update BEFORE UPDATE ON fund_move"
	 "  BEGIN SELECT RAISE(ABORT, '备用金台账不可修改，错账请用调整更正'); END;"
	 "CREATE TRIGGER fund_move_no_delete BEFORE DELETE ON fund_move"
	 "  BEGIN SELECT RAISE(ABORT, '备用金台账不可删除，错账请用调整更正'); END;"
	 "CREATE TRIGGER fund_never_negative BEFORE INSERT ON fund_move"
	 "  WHEN (SELECT coalesce(sum(amount_fen), 0) FROM fund_move) + NEW.amount_fen < 0"
	 "  BEGIN SELECT RAISE(ABORT, '备用金余额不足'); END;"
	 /* The office's holiday calendar for working days: 休 a weekday off,
	  * 班 a weekend day at work (调休). */
	 "CREATE TABLE holiday("
	 "  day TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('休','班')),"
	 "  note TEXT NOT NULL DEFAULT '');"
	 "INSERT INTO setting(key, area, from_date, value, note) VALUES"
	 "  ('aid.causes', '*', '1900-01-01', '火灾|交通事故|重病|突发灾害|就学|疫情|其他',"
	 "   '临时救助原因（用 | 分隔）'),"
	 "  ('aid.paperwork_workdays', '*', '1900-01-01', '5', '先行救助后补充材料的期限（工作日）'),"
	 "  ('aid.township_limit_fen', '*', '1900-01-01', '200000', '乡镇审批临时救助的上限，超过报县审批'),"
	 "  ('aid.usual_max_fen', '*', '1900-01-01', '1000000', '临时救助一般最高金额，超过须一事一议'),"
	 "  ('fund.low_balance_fen', '*', '1900-01-01', '500000', '备用金余额低于此数时提醒申请拨付'),"
	 "  ('means.deposit_limit_pct', '*', '1900-01-01', '200', '低保：人均存款不超过全年低保标准的 %'),"
	 "  ('means.vehicle_limit', '*', '1900-01-01', '0', '低保：家庭可有的机动车数（残疾人代步车除外）'),"
	 "  ('means.house_limit', '*', '1900-01-01', '1', '低保：家庭可有的住房套数'),"
	 "  ('case.review_months_unsteady', '*', '1900-01-01', '3', '收入不稳定户（有劳动力务工、灵活就业或失业）复核间隔（月）');"},
	{5,
	 /* The roster import, comparisons with other offices' lists, the
	  * ledgers (台账) and the monthly report; and the past values of the
	  * person and household fields the report counts, so a past month's
	  * figures come out the same after later edits. jz_today() is the
	  * program's "today" (core/clock.c), registered on every connection. */
	 "CREATE TABLE import_run("
	 "  id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL,"
	 "  at TEXT NOT NULL, by TEXT NOT NULL, rows INTEGER NOT NULL,"
	 "  households_added INTEGER NOT NULL DEFAULT 0, households_changed INTEGER NOT NULL DEFAULT 0,"
	 "  persons_added INTEGER NOT NULL DEFAULT 0, persons_changed INTEGER NOT NULL DEFAULT 0,"
	 "  cases_added INTEGER NOT NULL DEFAULT 0, cases_changed INTEGER NOT NULL DEFAULT 0);"
	 /* 数据比对: one run per file compared, its findings worked one by one. */
	 "CREATE TABLE compare_run("
	 "  id INTEGER PRIMARY KEY,"
	 "  source TEXT NOT NULL CHECK (source IN ('jiandang','death','disability','medical')),"
	 "  file TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,"
	 "  rows INTEGER NOT NULL, matched INTEGER NOT NULL, findings INTEGER NOT NULL);"
	 "CREATE TABLE finding("
	 "  id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES compare_run(id),"
	 "  source TEXT NOT NULL, kind TEXT NOT NULL, category TEXT NOT NULL DEFAULT '',"
	 "  id_number TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', village TEXT NOT NULL DEFAULT '',"
	 "  person_id INTEGER REFERENCES person(id), household_id INTEGER REFERENCES household(id),"
	 "  case_id INTEGER REFERENCES case_file(id), detail TEXT NOT NULL DEFAULT '',"
	 "  death_date TEXT NOT NULL DEFAULT '', months_after INTEGER NOT NULL DEFAULT 0,"
	 "  recover_fen INTEGER NOT NULL DEFAULT 0, found_on TEXT NOT NULL,"
	 "  state TEXT NOT NULL DEFAULT '待核实' CHECK (state IN ('待核实','已核实','已处理','已排除')),"
	 "  worked_on TEXT NOT NULL DEFAULT '', worked_by TEXT NOT NULL DEFAULT '',"
	 "  note TEXT NOT NULL DEFAULT '');"
	 "CREATE INDEX finding_id_number ON finding(id_number);"
	 "CREATE INDEX finding_state ON finding(state);"
	 /* 六类对象排查: seed 001's list and seed 000's, one row a person and
	  * category; visited, then 销号 (closed) or not eligible with the reason. */
	 "CREATE TABLE screening("
	 "  id INTEGER PRIMARY KEY, list TEXT NOT NULL CHECK (list IN ('001','000')),"
	 "  category TEXT NOT NULL, id_number TEXT NOT NULL, name TEXT NOT NULL,"
	 "  household_id INTEGER REFERENCES household(id), village TEXT NOT NULL DEFAULT '',"
	 "  finding_id INTEGER REFERENCES finding(id), listed_on TEXT NOT NULL,"
	 "  visit_on TEXT NOT NULL DEFAULT '', visitors TEXT NOT NULL DEFAULT '',"
	 "  result TEXT NOT NULL DEFAULT '' CHECK (result IN ('','纳入低保','纳入特困','其他救助','不符合条件')),"
	 "  reason TEXT NOT NULL DEFAULT '', basis TEXT NOT NULL DEFAULT '',"
	 "  case_id INTEGER REFERENCES case_file(id), closed_on TEXT NOT NULL DEFAULT '',"
	 "  province_on TEXT NOT NULL DEFAULT '', province_by TEXT NOT NULL DEFAULT '',"
	 "  UNIQUE (list, category, id_number));"
	 /* 收入已达标: households above the standard, fed back to the poverty office. */
	 "CREATE TABLE income_ok("
	 "  id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id),"
	 "  case_id INTEGER REFERENCES case_file(id), screening_id INTEGER REFERENCES screening(id),"
	 "  found_on TEXT NOT NULL, per_capita_fen INTEGER NOT NULL DEFAULT 0,"
	 "  standard_fen INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL,"
	 "  fed_back_on TEXT NOT NULL DEFAULT '', fed_back_by TEXT NOT NULL DEFAULT '');"
	 /* 潜在救助对象 and 低保边缘 kept under watch. */
	 "CREATE TABLE watch("
	 "  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('潜在救助对象','低保边缘')),"
	 "  household_id INTEGER REFERENCES household(id), id_number TEXT NOT NULL,"
	 "  name TEXT NOT NULL, village TEXT NOT NULL DEFAULT '', situation TEXT NOT NULL DEFAULT '',"
	 "  source TEXT NOT NULL DEFAULT '', listed_on TEXT NOT NULL,"
	 "  next_visit TEXT NOT NULL DEFAULT '', closed_on TEXT NOT NULL DEFAULT '',"
	 "  close_reason TEXT NOT NULL DEFAULT '');"
	 /* 特困: care agreements (照料护理协议) and visits (定期探访). */
	 "CREATE TABLE care_agreement("
	 "  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_file(id),"
	 "  carer_name TEXT NOT NULL, carer_id_number TEXT NOT NULL DEFAULT '',"
	 "  carer_phone TEXT NOT NULL DEFAULT '', carer_relation TEXT NOT NULL DEFAULT '',"
	 "  signed_on TEXT NOT NULL, valid_until TEXT NOT NULL DEFAULT '',"
	 "  content TEXT NOT NULL DEFAULT '', ended_on TEXT NOT NULL DEFAULT '');"
	 "CREATE INDEX care_agreement_case ON care_agreement(case_id);"
	 "CREATE TABLE visit("
	 "  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_file(id),"
	 "  visited_on TEXT NOT NULL, visitor TEXT NOT NULL,"
	 "  finding TEXT NOT NULL DEFAULT '', needs TEXT NOT NULL DEFAULT '');"
	 "CREATE INDEX visit_case ON visit(case_id, visited_on);"
	 /* 集中供养意愿: who wants a bed, and where placed. */
	 "CREATE TABLE bed_wish("
	 "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id),"
	 "  case_id INTEGER REFERENCES case_file(id), asked_on TEXT NOT NULL,"
	 "  wants INTEGER NOT NULL CHECK (wants IN (0,1)), preferred TEXT NOT NULL DEFAULT '',"
	 "  placed_on TEXT NOT NULL DEFAULT '', placed_at TEXT NOT NULL DEFAULT '',"
	 "  note TEXT NOT NULL DEFAULT '');"
	 /* 困难群众摸排表: each village's monthly survey, counts and persons. */
	 "CREATE TABLE survey("
	 "  village_id INTEGER NOT NULL REFERENCES village(id), month TEXT NOT NULL,"
	 "  handed_on TEXT NOT NULL, by TEXT NOT NULL,"
	 "  unemployed INTEGER NOT NULL DEFAULT 0, hard_enterprise INTEGER NOT NULL DEFAULT 0,"
	 "  graduates INTEGER NOT NULL DEFAULT 0, migrant_uninsured INTEGER NOT NULL DEFAULT 0,"
	 "  flexible INTEGER NOT NULL DEFAULT 0, edge INTEGER NOT NULL DEFAULT 0,"
	 "  note TEXT NOT NULL DEFAULT '', PRIMARY KEY (village_id, month));"
	 "CREATE TABLE survey_person("
	 "  id INTEGER PRIMARY KEY, village_id INTEGER NOT NULL REFERENCES village(id),"
	 "  month TEXT NOT NULL, category TEXT NOT NULL CHECK (category IN"
	 "    ('失业人员','困难企业职工','未就业高校毕业生','登记失业农民工','灵活就业','低保边缘')),"
	 "  id_number TEXT NOT NULL DEFAULT '', name TEXT NOT NULL, situation TEXT NOT NULL DEFAULT '');"
	 /* 转介 also from a 临时救助 case or a screening: exactly one of the three. */
	 "CREATE TABLE referral_new("
	 "  id INTEGER PRIMARY KEY, case_id INTEGER REFERENCES case_file(id),"
	 "  aid_case_id INTEGER REFERENCES aid_case(id), screening_id INTEGER REFERENCES screening(id),"
	 "  department TEXT NOT NULL, referred_on TEXT NOT NULL, outcome TEXT NOT NULL DEFAULT '',"
	 "  outcome_on TEXT NOT NULL DEFAULT '',"
	 "  CHECK ((case_id IS NOT NULL) + (aid_case_id IS NOT NULL) + (screening_id IS NOT NULL) = 1));"
	 "INSERT INTO referral_new(id, case_id, department, referred_on, outcome)"
	 "  SELECT id, case_id, department, referred_on, outcome FROM referral;"
	 "DROP TABLE referral;"
	 "ALTER TABLE referral_new RENAME TO referral;"
	 /* The monthly report: its text part, when it was sent, and the figures
	  * as sent (to show what changed when it is made again later). */
	 "CREATE TABLE report_month("
	 "  month TEXT PRIMARY KEY, progress TEXT NOT NULL DEFAULT '',"
	 "  problems TEXT NOT NULL DEFAULT '', help TEXT NOT NULL DEFAULT '',"
	 "  submitted_on TEXT NOT NULL DEFAULT '', submitted_by TEXT NOT NULL DEFAULT '');"
	 "CREATE TABLE report_figure("
	 "  month TEXT NOT NULL, tbl TEXT NOT NULL, row_key TEXT NOT NULL, col_key TEXT NOT NULL,"
	 "  value INTEGER NOT NULL, PRIMARY KEY (month, tbl, row_key, col_key));"
	 /* Past values: a row holds the values a person (household) had before
	  * changed_on; the value on a date is the first row changed after it,
	  * else the current one. Written by triggers, so no path can miss it. */
	 "CREATE TABLE person_past("
	 "  person_id INTEGER NOT NULL REFERENCES person(id), changed_on TEXT NOT NULL,"
	 "  household_id INTEGER, relation TEXT NOT NULL, labour TEXT NOT NULL,"
	 "  disability_cat TEXT NOT NULL, disability_grade INTEGER NOT NULL,"
	 "  serious_illness INTEGER NOT NULL, student INTEGER NOT NULL,"
	 "  employment TEXT NOT NULL, deceased_on TEXT NOT NULL);"
	 "CREATE INDEX person_past_person ON person_past(person_id, changed_on);"
	 "CREATE TRIGGER person_keep_past AFTER UPDATE OF household_id, relation, labour,"
	 "  disability_cat, disability_grade, serious_illness, student, employment, deceased_on ON person"
	 "  WHEN OLD.household_id IS NOT NEW.household_id OR OLD.relation <> NEW.relation"
	 "    OR OLD.labour <> NEW.labour OR OLD.disability_cat <> NEW.disability_cat"
	 "    OR OLD.disability_grade <> NEW.disability_grade"
	 "    OR OLD.serious_illness <> NEW.serious_illness OR OLD.student <> NEW.student"
	 "    OR OLD.employment <> NEW.employment OR OLD.deceased_on <> NEW.deceased_on"
	 "  BEGIN INSERT INTO person_past VALUES (OLD.id, jz_today(), OLD.household_id, OLD.relation,"
	 "    OLD.labour, OLD.disability_cat, OLD.disability_grade, OLD.serious_illness, OLD.student,"
	 "    OLD.employment, OLD.deceased_on); END;"
	 "CREATE TABLE household_past("
	 "  household_id INTEGER NOT NULL REFERENCES household(id), changed_on TEXT NOT NULL,"
	 "  village_id INTEGER NOT NULL, area TEXT NOT NULL, poverty_cause TEXT NOT NULL,"
	 "  jiandang INTEGER NOT NULL, tuopin TEXT NOT NULL, monitored INTEGER NOT NULL,"
	 "  edge INTEGER NOT NULL, no_labour INTEGER NOT NULL);"
	 "CREATE INDEX household_past_household ON household_past(household_id, changed_on);"
	 "CREATE TRIGGER household_keep_past AFTER UPDATE OF village_id, area, poverty_cause,"
	 "  jiandang, tuopin, monitored, edge, no_labour ON household"
	 "  WHEN OLD.village_id <> NEW.village_id OR OLD.area <> NEW.area"
	 "    OR OLD.poverty_cause <> NEW.poverty_cause OR OLD.jiandang <> NEW.jiandang"
	 "    OR OLD.tuopin <> NEW.tuopin OR OLD.monitored <> NEW.monitored"
	 "    OR OLD.edge <> NEW.edge OR OLD.no_labour <> NEW.no_labour"
	 "  BEGIN INSERT INTO household_past VALUES (OLD.id, jz_today(), OLD.village_id, OLD.area,"
	 "    OLD.poverty_cause, OLD.jiandang, OLD.tuopin, OLD.monitored, OLD.edge, OLD.no_labour); END;"
	 "INSERT INTO setting(key, area, from_date, value, note) VALUES"
	 "  ('screening.not_eligible_reasons', '*', '1900-01-01',"
	 "   '收入超标|财产超标|已享受其他保障|有赡养扶养能力|户籍不在本地|本人不愿申请|已死亡或迁出|其他',"
	 "   '排查不符合条件的原因（用 | 分隔，排查进展按此统计）'),"
	 "  ('tekun.visit_interval_days', '*', '1900-01-01', '30', '分散供养特困人员探访间隔（天）'),"
	 "  ('survey.due_day', '*', '1900-01-01', '20', '各村每月报送困难群众摸排表的截止日'),"
	 "  ('report.due_day', '*', '1900-01-01', '15', '月报报送县民政局的截止日（当月此日之前）'),"
	 "  ('jiandang.income_factor_months', '*', '1900-01-01', '12',"
	 "   '已脱贫户年人均纯收入与月低保标准的倍数比较（低于此倍数列入排查）');"},
	{6,
	 /* Operators and backups (issue 9): lockout, idle lock, backups kept. */
	 "INSERT INTO setting(key, area, from_date, value, note) VALUES"
	 "  ('auth.max_failures', '*', '1900-01-01', '5', '连续输错密码多少次后锁定操作员'),"
	 "  ('auth.lock_minutes', '*', '1900-01-01', '30', '输错密码锁定的时间（分钟），管理员可提前解锁'),"
	 "  ('auth.idle_minutes', '*', '1900-01-01', '15', '工作台无操作多少分钟后锁屏，0 为不锁'),"
	 "  ('backup.keep', '*', '1900-01-01', '10', '自动备份保留的份数'),"
	 "  ('backup.daily', '*', '1900-01-01', '1', '关闭工作台时自动备份（每天最多一次，1 是 0 否）');"},
};

int jz_migrate_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

static int current_version(sqlite3 *h)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static int step(sqlite3 *h, const struct jz_migration *m, jz_err *e)
{
	char ver[64];
	snprintf(ver, sizeof ver, "PRAGMA user_version=%d", m->version);
	if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return jz_fail(e, JZ_EDATA, "升级数据格式到第 %d 版失败：%s", m->version, sqlite3_errmsg(h));
	if (sqlite3_exec(h, m->sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, ver, NULL, NULL, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EDATA, "升级数据格式到第 %d 版失败：%s（文件保持原样）", m->version, sqlite3_errmsg(h));
		sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		jz_fail(e, JZ_EDATA, "升级数据格式到第 %d 版失败：%s", m->version, sqlite3_errmsg(h));
		sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

int jz_migrate(sqlite3 *h, int target, jz_err *e)
{
	int v = current_version(h);
	if (v < 0)
		return jz_fail(e, JZ_EDATA, "读不出数据格式版本：%s", sqlite3_errmsg(h));
	if (v > jz_migrate_latest())
		return jz_fail(e, JZ_EDATA, "数据文件由更新版本的救助台写成（第 %d 版），本程序不能打开", v);
	for (int i = 0; i < jz_migrate_latest(); i++)
		if (migrations[i].version > v && migrations[i].version <= target && step(h, &migrations[i], e))
			return -1;
	return 0;
}
