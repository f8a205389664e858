/* test_operator.c — operators, roles and passwords (core/operator.c):
 * signing in without saying which half was wrong, only a 管理员 adds
 * operators, login names and roles checked, passwords stored as argon2id
 * hashes only. "Today" is always 2026-11-27; the real clock is never read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "testutil.h"

#include "store/event.h"

static long long operators(tu_fixture *f)
{
	return tu_count(f->db, "SELECT count(*) FROM operator");
}

/* jz_sign_in fails; the session's operator is left alone; returns the message. */
static void sign_in_fails(tu_fixture *f, const char *login, const char *pw, char *msg, size_t n)
{
	jz_session s = {.db = f->db};
	jz_err e;
	snprintf(s.op.login, sizeof s.op.login, "untouched");
	jz_err_clear(&e);
	assert_int_equal(jz_sign_in(&s, login, pw, &e), -1);
	assert_int_equal(e.code, JZ_EUSER);
	assert_string_equal(s.op.login, "untouched");
	snprintf(msg, n, "%s", e.msg);
}

static void test_sign_in(void **state)
{
	tu_fixture *f = *state;
	jz_session s = {.db = f->db};
	jz_err e;
	assert_int_equal(jz_sign_in(&s, "admin", TU_ADMIN_PW, &e), 0);
	assert_string_equal(s.op.login, "admin");
	assert_string_equal(s.op.roles, "管理员");
	assert_true(s.op.id > 0);
	assert_int_equal(s.op.disabled, 0);
	assert_true(s.db == f->db);

	char wrong_pw[768], no_user[768], msg[768];
	sign_in_fails(f, "admin", "wrong-password", wrong_pw, sizeof wrong_pw);
	sign_in_fails(f, "nobody", TU_ADMIN_PW, no_user, sizeof no_user);
	/* The same words whichever half was wrong, naming neither. */
	assert_string_equal(wrong_pw, no_user);
	assert_non_null(strstr(wrong_pw, "登录名或密码"));
	assert_null(strstr(wrong_pw, "wrong-password"));
	assert_null(strstr(no_user, "nobody"));
	assert_null(strstr(wrong_pw, "admin"));
	sign_in_fails(f, "admin", "", msg, sizeof msg);
	assert_string_equal(msg, wrong_pw);
	sign_in_fails(f, "Admin", TU_ADMIN_PW, msg, sizeof msg); /* logins are exact */
	assert_string_equal(msg, wrong_pw);
	sign_in_fails(f, "admin", TU_ADMIN_PW " ", msg, sizeof msg);
	assert_string_equal(msg, wrong_pw);
	sign_in_fails(f, "", "", msg, sizeof msg);
	assert_string_equal(msg, wrong_pw);
	/* Signing in writes nothing. */
	long long ev = jz_event_count(f->db);
	assert_int_equal(jz_sign_in(&s, "admin", TU_ADMIN_PW, &e), 0);
	assert_int_equal(jz_event_count(f->db), ev);
}

static void test_add_needs_admin(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	assert_int_equal(jz_operator_add(&f->s, "jingban", "李经办", "经办", "pw-jingban", &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "shenpi", "张审批", "审核,审批", "pw-shenpi", &e), 0);
	long long n = operators(f), ev = jz_event_count(f->db);

	static const char *const not_admins[][2] = {{"jingban", "pw-jingban"}, {"shenpi", "pw-shenpi"}};
	for (int i = 0; i < 2; i++) {
		jz_session s;
		tu_sign_in(&s, f->db, not_admins[i][0], not_admins[i][1]);
		assert_false(jz_session_has_role(&s, "管理员"));
		jz_err_clear(&e);
		assert_int_equal(jz_operator_add(&s, "newbie", "新人", "经办", "pw-newbie", &e), -1);
		assert_int_equal(e.code, JZ_EUSER);
		tu_assert_msg(&e, "管理员");
		assert_int_equal(operators(f), n);
		assert_int_equal(jz_event_count(f->db), ev);
	}
	/* Nor can anyone add a "first" operator once there is one. */
	jz_err_clear(&e);
	assert_int_equal(jz_operator_add_first(f->db, "boss", "老板", "pw-boss", &e), -1);
	tu_assert_msg(&e, "管理员");
	assert_int_equal(operators(f), n);

	/* A second 管理员 may. */
	assert_int_equal(jz_operator_add(&f->s, "zhuren", "赵主任", "审批,管理员", "pw-zhuren", &e), 0);
	jz_session z;
	tu_sign_in(&z, f->db, "zhuren", "pw-zhuren");
	assert_true(jz_session_has_role(&z, "经办")); /* 管理员 holds every role */
	assert_int_equal(jz_operator_add(&z, "newbie", "", "经办", "pw-newbie", &e), 0);
	jz_operator o;
	assert_int_equal(jz_store_operator_get(f->db, "newbie", &o, NULL, 0, &e), 1);
	assert_string_equal(o.name, "newbie"); /* an empty name becomes the login */
	/* The event names who added whom, never the password. */
	char buf[512];
	tu_text(f->db, "SELECT operator || '|' || action || '|' || new FROM event ORDER BY id DESC LIMIT 1",
		buf, sizeof buf);
	assert_non_null(strstr(buf, "zhuren|operator.add|"));
	assert_non_null(strstr(buf, "登录名=newbie"));
	assert_non_null(strstr(buf, "角色=经办"));
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM event WHERE instr(new || old || reason, 'pw-') > 0"), 0);
}

static void test_roles_of_a_session(void **state)
{
	jz_session s = {0};
	snprintf(s.op.roles, sizeof s.op.roles, "经办,审核");
	assert_true(jz_session_has_role(&s, "经办"));
	assert_true(jz_session_has_role(&s, "审核"));
	assert_false(jz_session_has_role(&s, "审批"));
	assert_false(jz_session_has_role(&s, "管理员"));
	snprintf(s.op.roles, sizeof s.op.roles, "管理员");
	assert_true(jz_session_has_role(&s, "审批"));
}

static void test_bad_login_names(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	long long n = operators(f), ev = jz_event_count(f->db);
	static const char *const bad[] = {
		"", "a", "Zhang", "张三", "li si", "li-si", "li@si", " lisi", "lisi\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		jz_err_clear(&e);
		assert_int_equal(jz_operator_add(&f->s, bad[i], "某人", "经办", "pw-good", &e), -1);
		assert_int_equal(e.code, JZ_EUSER);
		tu_assert_msg(&e, "登录名");
	}
	assert_int_equal(operators(f), n);
	assert_int_equal(jz_event_count(f->db), ev);
	/* Lowercase letters, digits, _ and . from 2 to 31 characters. */
	assert_int_equal(jz_operator_add(&f->s, "li.si_2", "李四", "经办", "pw-good", &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "ab", "甲", "经办", "pw-good", &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "abcdefghijklmnopqrstuvwxyz01234", "乙", "经办", "pw-good", &e), 0);
	assert_int_equal(operators(f), n + 3);
}

/* A login longer than 31 characters is cut to 31 by jz_operator_add before
 * it is checked, so it is accepted under a name the clerk never typed. */
static void test_long_login_refused(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	long long n = operators(f);
	jz_err_clear(&e);
	assert_int_equal(jz_operator_add(&f->s, "abcdefghijklmnopqrstuvwxyz012345", "某人", "经办",
					 "pw-good", &e), -1);
	tu_assert_msg(&e, "登录名");
	assert_int_equal(operators(f), n);
}

static void test_bad_roles(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	long long n = operators(f);
	static const struct {
		const char *roles, *word;
	} bad[] = {
		{"厨师", "厨师"},
		{"经办,厨师", "厨师"},
		{"admin", "admin"},
		{"经办,经办", "重复"},
		{"", "至少要有一个角色"},
		{",", "至少要有一个角色"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		jz_err_clear(&e);
		assert_int_equal(jz_operator_add(&f->s, "lisi", "李四", bad[i].roles, "pw-good", &e), -1);
		assert_int_equal(e.code, JZ_EUSER);
		tu_assert_msg(&e, bad[i].word);
		jz_err_clear(&e);
		assert_int_equal(jz_roles_valid(bad[i].roles, &e), -1);
		tu_assert_msg(&e, bad[i].word);
	}
	assert_int_equal(operators(f), n);
	/* A full-width comma, as a Chinese input method types it, is fine. */
	assert_int_equal(jz_roles_valid("经办，审核", &e), 0);
	assert_int_equal(jz_roles_valid("经办,审核,审批,管理员", &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "lisi", "李四", "经办，审核", "pw-good", &e), 0);
	jz_session s;
	tu_sign_in(&s, f->db, "lisi", "pw-good");
	assert_true(jz_session_has_role(&s, "审核"));
	assert_false(jz_session_has_role(&s, "审批"));
}

static void test_duplicate_login(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	assert_int_equal(jz_operator_add(&f->s, "jingban", "李经办", "经办", "pw-one", &e), 0);
	long long n = operators(f), ev = jz_event_count(f->db);
	jz_err_clear(&e);
	assert_int_equal(jz_operator_add(&f->s, "jingban", "王经办", "审核", "pw-two", &e), -1);
	assert_int_equal(e.code, JZ_EUSER);
	tu_assert_msg(&e, "已被使用");
	jz_err_clear(&e);
	assert_int_equal(jz_operator_add(&f->s, "admin", "又一个", "经办", "pw-two", &e), -1);
	tu_assert_msg(&e, "已被使用");
	assert_int_equal(operators(f), n);
	assert_int_equal(jz_event_count(f->db), ev);
	/* The first one keeps his password. */
	jz_session s;
	tu_sign_in(&s, f->db, "jingban", "pw-one");
	assert_string_equal(s.op.name, "李经办");
}

static void test_password_stored_as_argon2id(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	char h1[256], h2[256], ha[256];
	jz_err_clear(&e);
	assert_int_equal(jz_operator_add(&f->s, "lisi", "李四", "经办", "abc", &e), -1);
	tu_assert_msg(&e, "密码太短");
	assert_int_equal(jz_operator_add(&f->s, "lisi", "李四", "经办", "same-password", &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "wangwu", "王五", "经办", "same-password", &e), 0);
	tu_text(f->db, "SELECT pw_hash FROM operator WHERE login = 'lisi'", h1, sizeof h1);
	tu_text(f->db, "SELECT pw_hash FROM operator WHERE login = 'wangwu'", h2, sizeof h2);
	tu_text(f->db, "SELECT pw_hash FROM operator WHERE login = 'admin'", ha, sizeof ha);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_int_equal(strncmp(h2, "$argon2id$", 10), 0);
	assert_int_equal(strncmp(ha, "$argon2id$", 10), 0);
	assert_null(strstr(h1, "same-password"));
	assert_null(strstr(ha, TU_ADMIN_PW));
	assert_string_not_equal(h1, h2); /* salted */
	/* The cost comes from the settings (lowered by the test setup). */
	assert_non_null(strstr(h1, "m=8192,t=1"));
	/* Nothing anywhere in the file holds a password in clear. */
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM event WHERE instr(old || new || reason,"
				      " 'same-password') > 0"), 0);
	assert_int_equal(tu_count(f->db, "SELECT count(*) FROM operator WHERE instr(login || name || roles"
				      " || pw_hash, 'same-password') > 0"), 0);
	jz_session s;
	tu_sign_in(&s, f->db, "lisi", "same-password");
	tu_sign_in(&s, f->db, "wangwu", "same-password");

	/* A password hashed under an older cost still signs in after a change. */
	assert_int_equal(jz_store_setting_put(f->db, "auth.pwhash_mem_kib", "*", "2026-01-01", "16384", NULL, &e), 0);
	assert_int_equal(jz_operator_add(&f->s, "zhaoliu", "赵六", "经办", "pw-zhaoliu", &e), 0);
	tu_text(f->db, "SELECT pw_hash FROM operator WHERE login = 'zhaoliu'", h2, sizeof h2);
	assert_non_null(strstr(h2, "m=16384,t=1"));
	tu_sign_in(&s, f->db, "lisi", "same-password");
	tu_sign_in(&s, f->db, "zhaoliu", "pw-zhaoliu");
}

static void test_disabled_operator(void **state)
{
	tu_fixture *f = *state;
	jz_err e;
	char wrong[768], msg[768];
	assert_int_equal(jz_operator_add(&f->s, "lisi", "李四", "经办", "pw-lisi", &e), 0);
	tu_exec(f->db, "UPDATE operator SET disabled = 1 WHERE login = 'lisi'");
	sign_in_fails(f, "lisi", "pw-lisi", msg, sizeof msg);
	assert_non_null(strstr(msg, "已停用"));
	/* A wrong password does not reveal that the operator exists. */
	sign_in_fails(f, "lisi", "not-it", wrong, sizeof wrong);
	sign_in_fails(f, "nobody", "not-it", msg, sizeof msg);
	assert_string_equal(wrong, msg);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, tu_fixture_setup, tu_fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_sign_in),
		T(test_add_needs_admin),
		cmocka_unit_test(test_roles_of_a_session),
		T(test_bad_login_names),
		T(test_long_login_refused),
		T(test_bad_roles),
		T(test_duplicate_login),
		T(test_password_stored_as_argon2id),
		T(test_disabled_operator),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
