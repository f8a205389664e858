/* operator.c — operators and passwords (see operator.h).
 * Passwords are hashed with argon2id (crypto_pwhash_str); the cost is a
 * setting so an old PC with little memory can lower it. Never stored or
 * logged in clear. */
#include "core/operator.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/record.h"
#include "core/settings.h"
#include "store/operator_store.h"
#include "store/township_store.h"

_Static_assert(JZ_PWHASH_BYTES == crypto_pwhash_STRBYTES, "argon2id hash size");

static const char *const ROLES[] = {"经办", "审核", "审批", "管理员"};

int jz_roles_valid(const char *roles, jz_err *e)
{
	char buf[96], *save = NULL;
	int seen[4] = {0};
	snprintf(buf, sizeof buf, "%s", roles);
	int n = 0;
	for (char *r = strtok_r(buf, ",，", &save); r; r = strtok_r(NULL, ",，", &save)) {
		int k = -1;
		for (int i = 0; i < 4; i++)
			if (strcmp(r, ROLES[i]) == 0)
				k = i;
		if (k < 0)
			return jz_fail(e, JZ_EUSER, "角色「%s」不存在，只能是 经办、审核、审批、管理员，用逗号分隔", r);
		if (seen[k]++)
			return jz_fail(e, JZ_EUSER, "角色「%s」重复了", r);
		n++;
	}
	return n ? 0 : jz_fail(e, JZ_EUSER, "至少要有一个角色：经办、审核、审批 或 管理员");
}

static int login_valid(const char *login, jz_err *e)
{
	size_t n = strlen(login);
	if (n < 2 || n > 31)
		return jz_fail(e, JZ_EUSER, "登录名「%s」应为 2 到 31 个字符", login);
	for (size_t i = 0; i < n; i++) {
		char c = login[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
			return jz_fail(e, JZ_EUSER, "登录名「%s」只能用小写字母、数字、下划线和点（例如 zhangsan）", login);
	}
	return 0;
}

/* Refuses text that would not fit its field, before anything is copied. */
static int raw_lengths(const char *login, const char *name, const char *roles, jz_err *e)
{
	jz_operator o;
	if (strlen(login) >= sizeof o.login)
		return jz_fail(e, JZ_EUSER, "登录名太长（%zu 个字符），最多 %zu 个", strlen(login), sizeof o.login - 1);
	if (name && strlen(name) >= sizeof o.name)
		return jz_fail(e, JZ_EUSER, "姓名太长，最多 %zu 个字节（约 20 个汉字）", sizeof o.name - 1);
	if (strlen(roles) >= sizeof o.roles)
		return jz_fail(e, JZ_EUSER, "角色写得太长了：只能是 经办、审核、审批、管理员，用逗号分隔");
	return 0;
}

int jz_password_hash(jz_db *db, const char *pw, char out[JZ_PWHASH_BYTES], jz_err *e)
{
	long long ops, kib;
	char today[11];
	if (strlen(pw) < 4)
		return jz_fail(e, JZ_EUSER, "密码太短，至少 4 个字符");
	jz_today(today);
	if (jz_setting_int(db, "auth.pwhash_ops", "*", today, &ops, e) ||
	    jz_setting_int(db, "auth.pwhash_mem_kib", "*", today, &kib, e))
		return -1;
	if (sodium_init() < 0)
		return jz_fail(e, JZ_EDATA, "密码库初始化失败");
	if (crypto_pwhash_str(out, pw, strlen(pw), (unsigned long long)ops, (size_t)kib * 1024) != 0)
		return jz_fail(e, JZ_EDATA, "计算密码摘要时内存不足（设置 auth.pwhash_mem_kib = %lld KiB），请调低该设置", kib);
	return 0;
}

static int insert(jz_db *db, const char *actor, jz_operator *o, const char *password, jz_err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	jz_operator old;
	if (login_valid(o->login, e) || jz_roles_valid(o->roles, e))
		return -1;
	int r = jz_store_operator_get(db, o->login, &old, NULL, 0, e);
	if (r < 0)
		return -1;
	if (r)
		return jz_fail(e, JZ_EUSER, "登录名「%s」已被使用，请换一个", o->login);
	if (jz_password_hash(db, password, hash, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "operator.add", "operator", "新增操作员");
	jz_diff_text(&c, "登录名", NULL, o->login);
	jz_diff_text(&c, "姓名", NULL, o->name);
	jz_diff_text(&c, "角色", NULL, o->roles);
	if (jz_tx_begin(db, e))
		return -1;
	if (jz_store_operator_insert(db, o, hash, e))
		goto fail;
	c.entity_id = o->id;
	if (jz_record_as(db, actor ? actor : o->login, &c, e))
		goto fail;
	sodium_memzero(hash, sizeof hash);
	return jz_tx_commit(db, e);
fail:
	jz_tx_rollback(db);
	return -1;
}

int jz_operator_add(jz_session *s, const char *login, const char *name, const char *roles,
		    const char *password, jz_err *e)
{
	if (!jz_session_has_role(s, "管理员"))
		return jz_fail(e, JZ_EUSER, "只有管理员可以新增操作员（当前操作员 %s）", s->op.login);
	if (raw_lengths(login, name, roles, e))
		return -1;
	jz_operator o = {0};
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.name, sizeof o.name, "%s", name && *name ? name : login);
	snprintf(o.roles, sizeof o.roles, "%s", roles);
	return insert(s->db, s->op.login, &o, password, e);
}

int jz_operator_add_first(jz_db *db, const char *login, const char *name,
			  const char *password, jz_err *e)
{
	int n = jz_store_operator_count(db, e);
	if (n < 0)
		return -1;
	if (n > 0)
		return jz_fail(e, JZ_EUSER, "已经有操作员了，新增操作员需要管理员登录");
	if (raw_lengths(login, name, "管理员", e))
		return -1;
	jz_operator o = {0};
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.name, sizeof o.name, "%s", name);
	snprintf(o.roles, sizeof o.roles, "管理员");
	return insert(db, NULL, &o, password, e);
}

/* The minute a lock ends: now + auth.lock_minutes, as YYYY-MM-DDTHH:MM:SS. */
static int lock_end(jz_db *db, const char *now, char out[20], jz_err *e)
{
	long long minutes;
	if (jz_setting_int(db, "auth.lock_minutes", "*", now, &minutes, e))
		return -1;
	int hh = (now[11] - '0') * 10 + (now[12] - '0'), mm = (now[14] - '0') * 10 + (now[15] - '0');
	long days = jz_date_to_days(now);
	long long total = (long long)hh * 60 + mm + minutes;
	days += (long)(total / 1440);
	total %= 1440;
	char d[11], buf[64];
	jz_days_to_date(days, d);
	snprintf(buf, sizeof buf, "%.10sT%02d:%02d:%.2s", d, (int)(total / 60), (int)(total % 60), now + 17);
	memcpy(out, buf, 19);
	out[19] = '\0';
	return 0;
}

/* A wrong password for an existing operator: counted, and at
 * auth.max_failures the operator is locked (with an event). Committed on
 * its own: a failed sign-in must not be undone. */
static int count_failure(jz_db *db, jz_operator *o, const char *now, jz_err *e)
{
	long long max;
	if (jz_setting_int(db, "auth.max_failures", "*", now, &max, e))
		return -1;
	o->failed++;
	int locking = o->failed >= max;
	if (locking && lock_end(db, now, o->locked_until, e))
		return -1;
	if (jz_tx_begin(db, e))
		return -1;
	if (jz_store_operator_set_lock(db, o, e))
		goto fail;
	if (locking) {
		jz_change c;
		jz_change_init(&c, "operator.lock", "operator", "连续输错密码");
		c.entity_id = o->id;
		jz_diff_int(&c, "连续输错次数", o->failed - 1, o->failed);
		jz_diff_text(&c, "锁定到", "", o->locked_until);
		if (jz_record_as(db, o->login, &c, e))
			goto fail;
	}
	return jz_tx_commit(db, e);
fail:
	jz_tx_rollback(db);
	return -1;
}

static int locked_message(const jz_operator *o, jz_err *e)
{
	return jz_fail(e, JZ_EUSER, "操作员 %s 连续输错密码，已锁定到 %.10s %.5s。请到时再试，或请管理员解锁",
		o->login, o->locked_until, o->locked_until + 11);
}

int jz_sign_in(jz_session *s, const char *login, const char *password, jz_err *e)
{
	char hash[crypto_pwhash_STRBYTES], now[20];
	jz_operator o;
	int r = jz_store_operator_get(s->db, login, &o, hash, sizeof hash, e);
	if (r < 0)
		return -1;
	if (sodium_init() < 0)
		return jz_fail(e, JZ_EDATA, "密码库初始化失败");
	jz_now(now);
	if (r && o.locked_until[0] && strcmp(o.locked_until, now) > 0)
		return locked_message(&o, e);
	if (r == 0 || crypto_pwhash_str_verify(hash, password, strlen(password)) != 0) {
		if (r && count_failure(s->db, &o, now, e))
			return -1;
		if (r && o.locked_until[0] && strcmp(o.locked_until, now) > 0)
			return locked_message(&o, e);
		return jz_fail(e, JZ_EUSER, "登录名或密码不对，请重新输入");
	}
	if (o.disabled)
		return jz_fail(e, JZ_EUSER, "操作员 %s 已停用，请找管理员", login);
	if (o.failed || o.locked_until[0]) {
		o.failed = 0;
		o.locked_until[0] = '\0';
		if (jz_store_operator_set_lock(s->db, &o, e))
			return -1;
	}
	s->op = o;
	return 0;
}
