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
