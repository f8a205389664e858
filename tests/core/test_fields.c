/* test_fields.c — form keys bound to record members (core/fields.h): every
 * key of the shipped person and household forms goes into its record and
 * comes back as it went in; the forms' choice lists are the core's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/fields.h"
#include "core/household.h"
#include "io/form_file.h"

/* A value the field accepts, other than "" where it can. */
static const char *sample(const struct jz_field_def *d, int i)
{
	if (!strcmp(d->key, "name"))
		return i ? "欧阳建国" : "王建国";
	if (!strcmp(d->key, "bank_account"))
		return "6228480402564890018";
	if (!strcmp(d->key, "hukou"))
		return "重庆市云阳县南门镇";
	if (!strcmp(d->key, "grp"))
		return "3组";
	if (!strcmp(d->key, "address"))
		return "河坝街 12 号";
	if (!strcmp(d->key, "village_id"))
		return i ? "1234567" : "12";
	switch (d->type) {
	case JZ_F_ID: return "11010519491231002X";
	case JZ_F_DATE: return "2026-03-10";
	case JZ_F_MONTH: return "2026-03";
	case JZ_F_PHONE: return i ? "023-52212345" : "13812345678";
	case JZ_F_YESNO: return i ? "否" : "是";
	case JZ_F_INT: return "1";
	case JZ_F_MONEY: return "1500.00";
	case JZ_F_CHOICE: return d->nchoices ? d->choices[i % d->nchoices] : "1";
	default: return "文字";
	}
}

typedef int (*get_fn)(const void *rec, const char *key, char *buf, size_t n);
typedef int (*set_fn)(void *rec, const char *key, const char *value, jz_err *e);

static int pget(const void *r, const char *k, char *b, size_t n) { return jz_person_get_field(r, k, b, n); }
static int pset(void *r, const char *k, const char *v, jz_err *e) { return jz_person_set_field(r, k, v, e); }
static int hget(const void *r, const char *k, char *b, size_t n) { return jz_household_get_field(r, k, b, n); }
static int hset(void *r, const char *k, const char *v, jz_err *e) { return jz_household_set_field(r, k, v, e); }

/* One value through the form check, into the record and back. */
static void round_trip(const struct jz_field_def *d, void *rec, get_fn get, set_fn set,
		       const char *value)
{
	char norm[256], back[256];
	jz_err e;
	jz_err_clear(&e);
	if (jz_field_check(d, value, norm, sizeof norm, &e))
		print_error("%s: form refuses \"%s\": %s\n", d->key, value, e.msg);
	assert_int_equal(e.code, JZ_OK);
	if (set(rec, d->key, norm, &e))
		print_error("%s: set \"%s\": %s\n", d->key, norm, e.msg);
	assert_int_equal(e.code, JZ_OK);
	assert_int_equal(get(rec, d->key, back, sizeof back), 0);
	const char *want = d->type == JZ_F_YESNO && !*norm ? "否" : norm; /* a flag is never blank */
	if (strcmp(back, want))
		print_error("%s: set \"%s\", got \"%s\"\n", d->key, norm, back);
	assert_string_equal(back, want);
}

static void every_key(const char *form, void *rec, size_t size, get_fn get, set_fn set)
{
	struct jz_form_def f;
	jz_err e;
	assert_int_equal(jz_form_load(form, NULL, &f, &e), 0);
	assert_true(f.nfields > 0);
	for (int i = 0; i < f.nfields; i++) {
		const struct jz_field_def *d = &f.fields[i];
		char buf[256];
		assert_int_equal(get(rec, d->key, buf, sizeof buf), 0); /* known to the core */
		round_trip(d, rec, get, set, sample(d, 0));
		round_trip(d, rec, get, set, sample(d, 1));
		for (int j = 0; j < d->nchoices && !*d->source; j++) /* not "@villages" */
			round_trip(d, rec, get, set, d->choices[j]);
		if (!d->required)
			round_trip(d, rec, get, set, "");
		if (*d->deflt)
			round_trip(d, rec, get, set, d->deflt);
		round_trip(d, rec, get, set, sample(d, 0));
	}
	/* a second record filled from what the first gives back is the same */
	char copy[4096];
	assert_true(size <= sizeof copy);
	memset(copy, 0, size);
	for (int i = 0; i < f.nfields; i++) {
		char buf[256];
		assert_int_equal(get(rec, f.fields[i].key, buf, sizeof buf), 0);
		assert_int_equal(set(copy, f.fields[i].key, buf, &e), 0);
	}
	for (int i = 0; i < f.nfields; i++) {
		char a[256], b[256];
		get(rec, f.fields[i].key, a, sizeof a);
		get(copy, f.fields[i].key, b, sizeof b);
		assert_string_equal(a, b);
	}
	jz_form_free(&f);
}

static void person_keys(void **state)
{
	jz_person p;
	memset(&p, 0, sizeof p);
	every_key("person", &p, sizeof p, pget, pset);
	assert_string_equal(p.name, "王建国");
	assert_string_equal(p.id_number, "11010519491231002X");
	assert_int_equal(p.disability_grade, 1);
	assert_int_equal(p.serious_illness, 1);
}

static void household_keys(void **state)
{
	jz_household h;
	memset(&h, 0, sizeof h);
	every_key("household", &h, sizeof h, hget, hset);
	assert_true(h.village_id == 12);
	assert_int_equal(h.jiandang, 1);
	assert_string_equal(h.grp, "3组");
}

static void person_values(void **state)
{
	jz_person p;
	jz_err e;
	char buf[128];
	memset(&p, 0, sizeof p);

	assert_int_equal(jz_person_set_field(&p, "disability_grade", "4", &e), 0);
	assert_int_equal(p.disability_grade, 4);
	assert_int_equal(jz_person_set_field(&p, "disability_grade", "", &e), 0);
	assert_int_equal(p.disability_grade, 0);
	assert_int_equal(jz_person_get_field(&p, "disability_grade", buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(jz_person_set_field(&p, "disability_grade", "5", &e), -1);
	assert_string_equal(e.field, "disability_grade");
	assert_non_null(strstr(e.msg, "残疾等级"));
	assert_int_equal(jz_person_set_field(&p, "disability_grade", "12", &e), -1);
	assert_int_equal(jz_person_set_field(&p, "disability_grade", "一级", &e), -1);

	assert_int_equal(jz_person_set_field(&p, "student", "是", &e), 0);
	assert_int_equal(p.student, 1);
	assert_int_equal(jz_person_set_field(&p, "student", "", &e), 0);
	assert_int_equal(p.student, 0);
	assert_int_equal(jz_person_get_field(&p, "student", buf, sizeof buf), 0);
	assert_string_equal(buf, "否");
	assert_int_equal(jz_person_set_field(&p, "student", "maybe", &e), -1);
	assert_non_null(strstr(e.msg, "在校生"));

	/* too long for the record: refused, never cut inside a character */
	char longname[200];
	longname[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(longname, "王");
	assert_int_equal(jz_person_set_field(&p, "name", longname, &e), -1);
	assert_non_null(strstr(e.msg, "姓名"));
	assert_int_equal(jz_person_set_field(&p, "name", NULL, &e), 0);
	assert_string_equal(p.name, "");

	/* read only: derived from the ID, or changed by their own action */
	p.sex = 'F';
	snprintf(p.birth, sizeof p.birth, "1949-12-31");
	assert_int_equal(jz_person_get_field(&p, "sex", buf, sizeof buf), 0);
	assert_string_equal(buf, "女");
	assert_int_equal(jz_person_get_field(&p, "birth", buf, sizeof buf), 0);
	assert_string_equal(buf, "1949-12-31");
	assert_int_equal(jz_person_set_field(&p, "sex", "男", &e), -1);
	assert_non_null(strstr(e.msg, "身份证号"));
	assert_int_equal(jz_person_set_field(&p, "birth", "1950-01-01", &e), -1);
	assert_int_equal(jz_person_set_field(&p, "deceased_on", "2026-01-01", &e), -1);
	assert_string_equal(p.birth, "1949-12-31");
	assert_string_equal(p.deceased_on, "");

	/* keys the core does not know */
	assert_int_equal(jz_person_get_field(&p, "nickname", buf, sizeof buf), -1);
	assert_int_equal(jz_person_get_field(&p, NULL, buf, sizeof buf), -1);
	assert_int_equal(jz_person_set_field(&p, "nickname", "x", &e), -1);
	assert_int_equal(e.code, JZ_EDATA);
	assert_non_null(strstr(e.msg, "nickname"));
	assert_int_equal(jz_person_set_field(&p, "id", "5", &e), -1);

	/* a short buffer is cut, still terminated */
	snprintf(p.hukou, sizeof p.hukou, "重庆市云阳县");
	char tiny[4];
	assert_int_equal(jz_person_get_field(&p, "hukou", tiny, sizeof tiny), 0);
	assert_string_equal(tiny, "重");
}

static void household_values(void **state)
{
	jz_household h;
	jz_err e;
	char buf[64];
	memset(&h, 0, sizeof h);
	assert_int_equal(jz_household_set_field(&h, "village_id", "7", &e), 0);
	assert_true(h.village_id == 7);
	assert_int_equal(jz_household_set_field(&h, "village_id", "", &e), 0);
	assert_true(h.village_id == 0);
	assert_int_equal(jz_household_get_field(&h, "village_id", buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(jz_household_set_field(&h, "village_id", "红星村", &e), -1);
	assert_string_equal(e.field, "village_id");
	assert_int_equal(jz_household_set_field(&h, "village_id", "-3", &e), -1);
	assert_int_equal(jz_household_set_field(&h, "village_id", "99999999999999999999999", &e), -1);
	assert_int_equal(jz_household_set_field(&h, "number", "010001", &e), 0);
	assert_int_equal(jz_household_set_field(&h, "area", "农村", &e), 0);
	assert_string_equal(h.area, "农村");
	assert_int_equal(jz_household_set_field(&h, "closed_on", "2026-01-01", &e), -1);
	assert_int_equal(jz_household_get_field(&h, "closed_on", buf, sizeof buf), 0);
	assert_int_equal(jz_household_set_field(&h, "no_labour", "是", &e), 0);
	assert_int_equal(h.no_labour, 1);
	assert_int_equal(jz_household_get_field(&h, "name", buf, sizeof buf), -1);
	assert_int_equal(jz_household_set_field(&h, "name", "x", &e), -1);
}

/* The forms' choice lists are the core's coded lists, in the same order. */
static void same_list(const struct jz_form_def *f, const char *key, const char *const *list)
{
	const struct jz_field_def *d = jz_form_field(f, key);
	assert_non_null(d);
	int n = 0;
	while (list[n])
		n++;
	if (d->nchoices != n)
		print_error("%s: %d choices in the form, %d in the core\n", key, d->nchoices, n);
	assert_int_equal(d->nchoices, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(d->choices[i], list[i]);
}

static void forms_match_core_lists(void **state)
{
	struct jz_form_def f;
	jz_err e;
	assert_int_equal(jz_form_load("person", NULL, &f, &e), 0);
	same_list(&f, "relation", jz_relations);
	same_list(&f, "labour", jz_labours);
	same_list(&f, "disability_cat", jz_disability_cats);
	same_list(&f, "employment", jz_employments);
	jz_form_free(&f);
	assert_int_equal(jz_form_load("household", NULL, &f, &e), 0);
	same_list(&f, "poverty_cause", jz_poverty_causes);
	jz_form_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_keys),
		cmocka_unit_test(household_keys),
		cmocka_unit_test(person_values),
		cmocka_unit_test(household_values),
		cmocka_unit_test(forms_match_core_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
