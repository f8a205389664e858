/* person.c — checking a person as typed (see household.h): the ID, the name
 * and the coded fields, each refused with the field named and the fix said. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/household.h"
#include "core/id.h"
#include "core/record.h"
#include "io/text.h"

const char *const jz_relations[] = {"户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女",
	"外孙子", "外孙女", "儿媳", "女婿", "祖父", "祖母", "兄弟", "姐妹", "其他", NULL};
const char *const jz_labours[] = {"有劳动能力", "部分丧失", "完全丧失", NULL};
const char *const jz_disability_cats[] = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重", NULL};
const char *const jz_employments[] = {"在职", "灵活就业", "外出务工", "登记失业", "未登记失业",
	"困难企业职工", "未就业高校毕业生", "其他", NULL};
const char *const jz_poverty_causes[] = {"疾病", "残疾", "因学", "灾害", "缺乏劳动力", "其他", NULL};

static int in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(v, *list) == 0)
			return 1;
	return 0;
}

static void join(const char *const *list, char *buf, size_t n)
{
	buf[0] = '\0';
	for (; *list; list++) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? "、" : "", *list);
	}
}

/* Refuses v unless it is in list (empty allowed when may_be_empty). */
int jz_check_choice(const char *key, const char *field, const char *v, const char *const *list,
		    int may_be_empty, jz_err *e)
{
	char all[512];
	if ((!*v && may_be_empty) || in_list(v, list))
		return 0;
	join(list, all, sizeof all);
	if (!*v)
		return jz_fail_field(e, JZ_EUSER, key, "「%s」不能为空，请从以下选择：%s", field, all);
	return jz_fail_field(e, JZ_EUSER, key, "「%s」的值「%s」不在可选范围内，请从以下选择：%s", field, v, all);
}

static int check_name(const char *name, jz_err *e)
{
#define FAIL(...) jz_fail_field(e, JZ_EUSER, "name", __VA_ARGS__)
	size_t n = strlen(name);
	if (!n)
		return FAIL("「姓名」不能为空");
	if (!jz_utf8_valid(name, n))
		return FAIL("「姓名」含有无法识别的字符（可能是 GBK 编码的文字），请重新输入");
	if (name[0] == ' ' || name[n - 1] == ' ')
		return FAIL("「姓名」「%s」首尾有空格，请删除", name);
	if (jz_utf8_count(name) > 20)
		return FAIL("「姓名」太长（%zu 个字），最多 20 个字", jz_utf8_count(name));
	for (const char *c = name; *c; c++)
		if ((*c >= '0' && *c <= '9') || (unsigned char)*c < 0x20)
			return FAIL("「姓名」「%s」里不能有数字或控制字符", name);
	return 0;
#undef FAIL
}

static int digits_only(const char *s, const char *extra)
{
	for (; *s; s++)
		if (!(*s >= '0' && *s <= '9') && !(extra && strchr(extra, *s)))
			return 0;
	return 1;
}

static int check_phone(const char *phone, jz_err *e)
{
	size_t n = strlen(phone);
	if (!n)
		return 0;
	if (!digits_only(phone, "-") || n < 7 || n > 20)
		return jz_fail_field(e, JZ_EUSER, "phone", "「联系电话」「%s」不对：只能是 7 到 20 位数字（座机可带 -），例如 13812345678 或 023-52212345", phone);
	if (phone[0] == '1' && n != 11 && !strchr(phone, '-'))
		return jz_fail_field(e, JZ_EUSER, "phone", "「联系电话」「%s」是 %zu 位，手机号应为 11 位", phone, n);
	return 0;
}

static int check_bank(const char *acct, jz_err *e)
{
	size_t n = strlen(acct);
	if (n && (!digits_only(acct, NULL) || n < 10 || n > 30))
		return jz_fail_field(e, JZ_EUSER, "bank_account", "「银行账号」「%s」不对：应为 10 到 30 位数字，不要带空格", acct);
	return 0;
}

static int check_date(const char *key, const char *field, const char *d, const char *birth, const char *today,
		      jz_err *e)
{
	if (!*d)
		return 0;
	if (!jz_date_valid(d))
		return jz_fail_field(e, JZ_EUSER, key, "「%s」「%s」不是有效日期，应写成 YYYY-MM-DD，例如 2026-03-10", field, d);
	if (strcmp(d, today) > 0)
		return jz_fail_field(e, JZ_EUSER, key, "「%s」%s 在今天（%s）之后，请核对", field, d, today);
	if (birth && strcmp(d, birth) < 0)
		return jz_fail_field(e, JZ_EUSER, key, "「%s」%s 早于出生日期 %s，请核对", field, d, birth);
	return 0;
}

static int check_id(jz_person *p, const char *today, jz_err *e)
{
	jz_id_info info;
	char norm[19];
	if (jz_id_normalize(p->id_number, today, 0, norm, &info, e) == 0) {
		memcpy(p->id_number, norm, sizeof norm);
		p->sex = info.sex;
		memcpy(p->birth, info.birth, sizeof p->birth);
		return 0;
	}
	char msg[sizeof e->msg];
	snprintf(msg, sizeof msg, "%s", e->msg);
	return jz_fail_field(e, JZ_EUSER, "id_number", "「身份证号」：%s", msg);
}

static int check_disability(const jz_person *p, jz_err *e)
{
	if (jz_check_choice("disability_cat", "残疾类别", p->disability_cat, jz_disability_cats, 1, e))
		return -1;
	if (p->disability_grade < 0 || p->disability_grade > 4)
		return jz_fail_field(e, JZ_EUSER, "disability_grade", "「残疾等级」只能是一级到四级（1–4），现在是 %d", p->disability_grade);
	if (!*p->disability_cat != !p->disability_grade)
		return jz_fail_field(e, JZ_EUSER, "disability_grade", "「残疾类别」和「残疾等级」要同时填写或同时不填（第二代残疾证上都有）");
	return 0;
}

static int check_work(jz_person *p, const char *today, jz_err *e)
{
	if (!*p->labour)
		snprintf(p->labour, sizeof p->labour, "有劳动能力");
	if (jz_check_choice("labour", "劳动能力", p->labour, jz_labours, 0, e) ||
	    jz_check_choice("employment", "就业状况", p->employment, jz_employments, 1, e))
		return -1;
	if (*p->unemployed_since && strcmp(p->employment, "登记失业") != 0)
		return jz_fail_field(e, JZ_EUSER, "unemployed_since", "只有「就业状况」为登记失业时才填「失业登记日期」");
	return check_date("unemployed_since", "失业登记日期", p->unemployed_since, p->birth, today, e);
}

int jz_person_validate(jz_person *p, const char *today, jz_err *e)
{
	if (strcmp(p->relation, "本人") == 0)
		snprintf(p->relation, sizeof p->relation, "户主");
	if (check_name(p->name, e) || check_id(p, today, e))
		return -1;
	if (p->household_id && jz_check_choice("relation", "与户主关系", p->relation, jz_relations, 0, e))
		return -1;
	if (check_disability(p, e) || check_work(p, today, e) || check_phone(p->phone, e) ||
	    check_bank(p->bank_account, e))
		return -1;
	return check_date("deceased_on", "死亡日期", p->deceased_on, p->birth, today, e);
}

static const char *yn(int v) { return v ? "是" : "否"; }

static void grade_text(int g, char buf[8])
{
	snprintf(buf, 8, "%d", g);
}

/* Lists every field of p that differs from old (all of them when old is NULL). */
void jz_person_diff(jz_change *c, const jz_person *old, const jz_person *p)
{
	char a[8] = "", b[8];
#define T(label, f) jz_diff_text(c, label, old ? old->f : NULL, p->f)
#define B(label, f) jz_diff_text(c, label, old ? yn(old->f) : NULL, yn(p->f))
	T("身份证号", id_number);
	T("姓名", name);
	T("与户主关系", relation);
	T("劳动能力", labour);
	T("残疾类别", disability_cat);
	if (old)
		grade_text(old->disability_grade, a);
	grade_text(p->disability_grade, b);
	if (p->disability_grade || old)
		jz_diff_text(c, "残疾等级", old ? a : NULL, b);
	B("重病", serious_illness);
	B("在校生", student);
	T("就业状况", employment);
	T("失业登记日期", unemployed_since);
	B("失业保险", unemployment_insurance);
	T("联系电话", phone);
	T("银行账号", bank_account);
	T("死亡日期", deceased_on);
	T("户籍地", hukou);
#undef T
#undef B
}

int jz_person_alive_on(const jz_person *p, const char *date)
{
	return !*p->deceased_on || strcmp(date, p->deceased_on) <= 0;
}
