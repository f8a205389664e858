-- dibao.sql — the lower bound of the bench: the 低保 table of the monthly
-- workbook (reports/dibao.ini; rules at the top of src/core/figures_people.c)
-- computed by the sqlite3 shell alone, from the same file, with the best SQL
-- we could write. Only 低保 cases are read (the program's grouped query
-- also serves 特困 and the 补贴 rows). Parameters (set by bench/run.py with
-- .parameter set): :m month, :prev M-1, :first/:last days of M, :prev_first/
-- :prev_last days of M-1, :year_first YYYY-01.
-- Output (csv): label, the 26 columns in dibao.ini order; money in fen,
-- a standard not set is empty.
WITH
elderly AS (SELECT CAST(value AS INTEGER) AS age FROM setting
  WHERE key = 'dibao.elderly_age' AND area = '*' AND from_date <= :last
  ORDER BY from_date DESC LIMIT 1),
c AS (SELECT id, household_id, mode,
  (start_month <= :m AND (end_month = '' OR end_month >= :m)
   AND (state <> '渐退' OR grace_until >= :m)) AS now_in,
  (start_month <= :prev AND (end_month = '' OR end_month >= :prev)
   AND (state <> '渐退' OR grace_until >= :prev)) AS before_in
  FROM case_file
  WHERE programme = '低保' AND state IN ('在保','渐退','退出') AND start_month <> ''
  AND start_month <= :m AND (end_month = '' OR end_month >= :prev)),
hv AS (SELECT h.id, coalesce(y.village_id, h.village_id) AS village_id,
  coalesce(y.area, h.area) AS area, coalesce(y.poverty_cause, h.poverty_cause) AS cause
  FROM household h
  LEFT JOIN household_past y ON y.rowid = (SELECT rowid FROM household_past
    WHERE household_id = h.id AND changed_on > :last ORDER BY changed_on, rowid LIMIT 1)),
pv AS (SELECT c.household_id, c.mode, m.person_id, p.sex,
  CAST(substr(:last,1,4) AS INTEGER) - CAST(substr(p.birth,1,4) AS INTEGER)
    - (substr(:last,6,5) < substr(p.birth,6,5)) AS age,
  coalesce(x.labour, p.labour) AS labour,
  coalesce(x.disability_grade, p.disability_grade) AS grade,
  coalesce(x.student, p.student) AS student,
  c.now_in AND (m.until_month = '' OR m.until_month >= :m)
    AND NOT (coalesce(x.deceased_on, p.deceased_on) <> ''
             AND coalesce(x.deceased_on, p.deceased_on) < :first) AS n,
  c.before_in AND (m.until_month = '' OR m.until_month >= :prev)
    AND NOT (coalesce(x2.deceased_on, p.deceased_on) <> ''
             AND coalesce(x2.deceased_on, p.deceased_on) < :prev_first) AS b
  FROM c JOIN case_member m ON m.case_id = c.id JOIN person p ON p.id = m.person_id
  LEFT JOIN person_past x ON x.rowid = (SELECT rowid FROM person_past
    WHERE person_id = p.id AND changed_on > :last ORDER BY changed_on, rowid LIMIT 1)
  LEFT JOIN person_past x2 ON x2.rowid = (SELECT rowid FROM person_past
    WHERE person_id = p.id AND changed_on > :prev_last ORDER BY changed_on, rowid LIMIT 1)),
pr AS (SELECT pv.*, hv.village_id, hv.area, hv.cause,
  max(n) OVER (PARTITION BY person_id) AS pn, max(b) OVER (PARTITION BY person_id) AS pb,
  max(n) OVER (PARTITION BY pv.household_id) AS hn,
  max(b) OVER (PARTITION BY pv.household_id) AS hb
  FROM pv JOIN hv ON hv.id = pv.household_id WHERE n OR b),
g AS (SELECT village_id, area,
  count(DISTINCT CASE WHEN n THEN household_id END) AS households,
  count(DISTINCT CASE WHEN n THEN person_id END) AS persons,
  count(DISTINCT CASE WHEN n AND sex = 'F' THEN person_id END) AS female,
  count(DISTINCT CASE WHEN n AND age >= (SELECT age FROM elderly) THEN person_id END) AS elderly,
  count(DISTINCT CASE WHEN n AND age >= 18 AND age < (SELECT age FROM elderly) THEN person_id END) AS adult,
  count(DISTINCT CASE WHEN n AND age < 18 THEN person_id END) AS minor,
  count(DISTINCT CASE WHEN n AND student THEN person_id END) AS student,
  count(DISTINCT CASE WHEN n AND grade > 0 THEN person_id END) AS disabled,
  count(DISTINCT CASE WHEN n AND grade BETWEEN 1 AND 2 THEN person_id END) AS severe,
  count(DISTINCT CASE WHEN n AND labour = '完全丧失' THEN person_id END) AS labour_none,
  count(DISTINCT CASE WHEN n AND labour = '部分丧失' THEN person_id END) AS labour_part,
  count(DISTINCT CASE WHEN n AND mode = '单人保' THEN person_id END) AS single,
  count(DISTINCT CASE WHEN n AND cause = '疾病' THEN household_id END) AS cause_ill,
  count(DISTINCT CASE WHEN n AND cause = '残疾' THEN household_id END) AS cause_disabled,
  count(DISTINCT CASE WHEN n AND cause = '因学' THEN household_id END) AS cause_study,
  count(DISTINCT CASE WHEN n AND cause = '灾害' THEN household_id END) AS cause_disaster,
  count(DISTINCT CASE WHEN n AND cause = '缺乏劳动力' THEN household_id END) AS cause_labour,
  count(DISTINCT CASE WHEN n AND cause = '其他' THEN household_id END) AS cause_other,
  count(DISTINCT CASE WHEN n AND hn AND NOT hb THEN household_id END) AS new_households,
  count(DISTINCT CASE WHEN n AND NOT pb THEN person_id END) AS new_persons,
  count(DISTINCT CASE WHEN b AND hb AND NOT hn THEN household_id END) AS exit_households,
  count(DISTINCT CASE WHEN b AND NOT pn THEN person_id END) AS exit_persons
  FROM pr GROUP BY village_id, area),
-- the rows: each village, 城市 and 农村, 合计 (sums of the groups, as the program adds them)
people AS (SELECT 0 AS k, v.name AS label, 
    sum(households) AS households, sum(persons) AS persons, sum(female) AS female, sum(elderly) AS
    elderly, sum(adult) AS adult, sum(minor) AS minor, sum(student) AS student, sum(disabled) AS
    disabled, sum(severe) AS severe, sum(labour_none) AS labour_none, sum(labour_part) AS
    labour_part, sum(single) AS single, sum(cause_ill) AS cause_ill, sum(cause_disabled) AS
    cause_disabled, sum(cause_study) AS cause_study, sum(cause_disaster) AS cause_disaster,
    sum(cause_labour) AS cause_labour, sum(cause_other) AS cause_other, sum(new_households) AS
    new_households, sum(new_persons) AS new_persons, sum(exit_households) AS exit_households,
    sum(exit_persons) AS exit_persons
  FROM g JOIN village v ON v.id = g.village_id GROUP BY v.id
  UNION ALL SELECT 1, area, 
    sum(households), sum(persons), sum(female), sum(elderly), sum(adult), sum(minor), sum(student),
    sum(disabled), sum(severe), sum(labour_none), sum(labour_part), sum(single), sum(cause_ill),
    sum(cause_disabled), sum(cause_study), sum(cause_disaster), sum(cause_labour),
    sum(cause_other), sum(new_households), sum(new_persons), sum(exit_households),
    sum(exit_persons) FROM g GROUP BY area
  UNION ALL SELECT 2, '合计', 
    sum(households), sum(persons), sum(female), sum(elderly), sum(adult), sum(minor), sum(student),
    sum(disabled), sum(severe), sum(labour_none), sum(labour_part), sum(single), sum(cause_ill),
    sum(cause_disabled), sum(cause_study), sum(cause_disaster), sum(cause_labour),
    sum(cause_other), sum(new_households), sum(new_persons), sum(exit_households),
    sum(exit_persons) FROM g),
money AS (SELECT l.month = :m AS this_month, hv.village_id, hv.area, l.amount_fen
  FROM roll_line l LEFT JOIN case_file cf ON cf.id = l.case_id JOIN hv ON hv.id = l.household_id
  WHERE l.month BETWEEN :year_first AND :m AND coalesce(cf.programme, l.programme) = '低保'),
mg AS (SELECT village_id, area, sum(CASE WHEN this_month THEN amount_fen ELSE 0 END) AS paid,
  sum(amount_fen) AS ytd FROM money GROUP BY village_id, area),
paid AS (SELECT v.name AS label, sum(paid) AS paid, sum(ytd) AS ytd
  FROM mg JOIN village v ON v.id = mg.village_id GROUP BY v.id
  UNION ALL SELECT area, sum(paid), sum(ytd) FROM mg GROUP BY area
  UNION ALL SELECT '合计', sum(paid), sum(ytd) FROM mg),
rows AS (SELECT 0 AS k, code AS ord, name AS label, area FROM village
  UNION ALL SELECT 1, 1, '城市', '城市' UNION ALL SELECT 1, 2, '农村', '农村'
  UNION ALL SELECT 2, 0, '合计', '')
SELECT r.label, coalesce(households, 0), coalesce(persons, 0), coalesce(female, 0),
  coalesce(elderly, 0), coalesce(adult, 0), coalesce(minor, 0), coalesce(student, 0),
  coalesce(disabled, 0), coalesce(severe, 0), coalesce(labour_none, 0), coalesce(labour_part, 0),
  coalesce(single, 0), coalesce(cause_ill, 0), coalesce(cause_disabled, 0), coalesce(cause_study, 0),
  coalesce(cause_disaster, 0), coalesce(cause_labour, 0), coalesce(cause_other, 0),
  coalesce(new_households, 0), coalesce(new_persons, 0), coalesce(exit_households, 0),
  coalesce(exit_persons, 0),
  (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'dibao.standard_fen' AND area = r.area
    AND from_date <= :last ORDER BY from_date DESC LIMIT 1),
  coalesce(m.paid, 0),
  CASE WHEN coalesce(persons, 0) > 0 THEN (coalesce(m.paid, 0) * 2 + persons) / (2 * persons) ELSE 0 END,
  coalesce(m.ytd, 0)
FROM rows r LEFT JOIN people p ON p.k = r.k AND p.label = r.label
LEFT JOIN paid m ON m.label = r.label
ORDER BY r.k, r.ord;
