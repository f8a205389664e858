/* fields.c — reading and writing record members by form key (see fields.h).
 * One table per record: key, label for messages, kind, where it lives. */
#include "core/fields.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum kind {
	K_TEXT,  /* char array */
	K_YESNO, /* int 0/1 as 否/是 */
	K_GRADE, /* int 0..4 as "" or "1".."4" */
	K_ROWID, /* jz_rowid as decimal, 0 as "" */
	K_SEX,   /* char 'M'/'F' as 男/女, read only */
};

struct binding {
	const char *key;
	const char *label;
	enum kind kind;
	size_t off, size;
	const char *read_only; /* why it cannot be set, or NULL */
};

#define TEXT(T, m, label) {#m, label, K_TEXT, offsetof(T, m), sizeof(((T *)0)->m), NULL}
#define RO(T, m, label, why) {#m, label, K_TEXT, offsetof(T, m), sizeof(((T *)0)->m), why}
#define YESNO(T, m, label) {#m, label, K_YESNO, offsetof(T, m), sizeof(int), NULL}

static const struct binding person_fields[] = {
	TEXT(jz_person, name, "姓名"),
	TEXT(jz_person, id_number, "身份证号"),
	TEXT(jz_person, relation, "与户主关系"),
	TEXT(jz_person, labour, "劳动能力"),
	TEXT(jz_person, disability_cat, "残疾类别"),
	{"disability_grade", "残疾等级", K_GRADE, offsetof(jz_person, disability_grade), sizeof(int), NULL},
	YESNO(jz_person, serious_illness, "重病"),
	YESNO(jz_person, student, "在校生"),
	TEXT(jz_person, employment, "就业状况"),
	TEXT(jz_person, unemployed_since, "失业登记日期"),
	YESNO(jz_person, unemployment_insurance, "失业保险"),
	TEXT(jz_person, phone, "联系电话"),
	TEXT(jz_person, bank_account, "银行账号"),
	TEXT(jz_person, hukou, "户籍地"),
	{"sex", "性别", K_SEX, offsetof(jz_person, sex), sizeof(char), "由身份证号自动得出，改身份证号即可"},
	RO(jz_person, birth, "出生日期", "由身份证号自动得出，改身份证号即可"),
	RO(jz_person, deceased_on, "死亡日期", "请用「登记死亡」办理，不能在表单里直接改"),
	{NULL, NULL, K_TEXT, 0, 0, NULL},
};

static const struct binding household_fields[] = {
	{"village_id", "村（社区）", K_ROWID, offsetof(jz_household, village_id), sizeof(jz_rowid), NULL},
	TEXT(jz_household, number, "户编号"),
	TEXT(jz_household, grp, "组"),
	TEXT(jz_household, address, "住址"),
	TEXT(jz_household, area, "城乡"),
	TEXT(jz_household, poverty_cause, "致贫原因"),
	YESNO(jz_household, jiandang, "建档立卡"),
	TEXT(jz_household, tuopin, "脱贫状态"),
	YESNO(jz_household, monitored, "脱贫监测户"),
	YESNO(jz_household, edge, "边缘户"),
	YESNO(jz_household, relocated, "易地扶贫搬迁"),
	YESNO(jz_household, no_labour, "整户无劳动力"),
	TEXT(jz_household, phone, "联系电话"),
	RO(jz_household, closed_on, "注销日期", "请用「注销家庭」办理，不能在表单里直接改"),
	{NULL, NULL, K_TEXT, 0, 0, NULL},
};

static const struct binding *find(const struct binding *t, const char *key)
{
	for (; key && t->key; t++)
		if (strcmp(t->key, key) == 0)
			return t;
	return NULL;
}

static int get(const struct binding *t, const void *rec, const char *key, char *buf, size_t n)
{
	const struct binding *b = find(t, key);
	if (!b)
		return -1;
	if (!buf || n == 0)
		return 0;
	const char *at = (const char *)rec + b->off;
	int i;
	switch (b->kind) {
	case K_TEXT:
		snprintf(buf, n, "%.*s", (int)strnlen(at, b->size), at);
		break;
	case K_YESNO:
		memcpy(&i, at, sizeof i);
		snprintf(buf, n, "%s", i ? "是" : "否");
		break;
	case K_GRADE:
		memcpy(&i, at, sizeof i);
		if (i > 0)
			snprintf(buf, n, "%d", i);
		else
			buf[0] = '\0';
		break;
	case K_ROWID: {
		jz_rowid id;
		memcpy(&id, at, sizeof id);
		if (id > 0)
			snprintf(buf, n, "%lld", id);
		else
			buf[0] = '\0';
		break;
	}
	case K_SEX:
		snprintf(buf, n, "%s", *at == 'M' ? "男" : *at == 'F' ? "女" : "");
		break;
	}
	return 0;
}

static int set(const struct binding *t, void *rec, const char *what, const char *key,
	       const char *value, jz_err *e)
{
	const struct binding *b = find(t, key);
	const char *v = value ? value : "";
	if (!b)
		return jz_fail_field(e, JZ_EDATA, key ? key : "",
				     "%s没有「%s」这一项：表单文件里的这个字段程序不认识，请删掉它或改回原来的名字",
				     what, key ? key : "");
	if (b->read_only || b->kind == K_SEX)
		return jz_fail_field(e, JZ_EUSER, b->key, "「%s」不能直接修改：%s", b->label,
				     b->read_only ? b->read_only : "");
	char *at = (char *)rec + b->off;
	switch (b->kind) {
	case K_TEXT: {
		size_t len = strlen(v);
		if (len >= b->size)
			return jz_fail_field(e, JZ_EUSER, b->key, "「%s」太长，最多 %zu 个字节（约 %zu 个汉字），请删短一些",
					     b->label, b->size - 1, (b->size - 1) / 3);
		memcpy(at, v, len + 1);
		return 0;
	}
	case K_YESNO: {
		int i;
		if (!strcmp(v, "是"))
			i = 1;
		else if (!strcmp(v, "否") || !*v)
			i = 0;
		else
			return jz_fail_field(e, JZ_EUSER, b->key, "「%s」只能是「是」或「否」，现在是「%s」",
					     b->label, v);
		memcpy(at, &i, sizeof i);
		return 0;
	}
	case K_GRADE: {
		int i;
		if (!*v)
			i = 0;
		else if (v[0] >= '1' && v[0] <= '4' && !v[1])
			i = v[0] - '0';
		else
			return jz_fail_field(e, JZ_EUSER, b->key, "「%s」只能是 1 到 4（一级到四级），没有残疾证的留空，现在是「%s」",
					     b->label, v);
		memcpy(at, &i, sizeof i);
		return 0;
	}
	case K_ROWID: {
		jz_rowid id = 0;
		for (const char *c = v; *c; c++) {
			if (*c < '0' || *c > '9' || id > 100000000000000000LL)
				return jz_fail_field(e, JZ_EUSER, b->key, "「%s」没有选择或不存在，请从列表中选择",
						     b->label);
			id = id * 10 + (*c - '0');
		}
		memcpy(at, &id, sizeof id);
		return 0;
	}
	case K_SEX:
		break;
	}
	return 0;
}

int jz_person_get_field(const jz_person *p, const char *key, char *buf, size_t n)
{
	return get(person_fields, p, key, buf, n);
}

int jz_person_set_field(jz_person *p, const char *key, const char *value, jz_err *e)
{
	return set(person_fields, p, "家庭成员", key, value, e);
}

int jz_household_get_field(const jz_household *h, const char *key, char *buf, size_t n)
{
	return get(household_fields, h, key, buf, n);
}

int jz_household_set_field(jz_household *h, const char *key, const char *value, jz_err *e)
{
	return set(household_fields, h, "家庭", key, value, e);
}
