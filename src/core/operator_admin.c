/* operator_admin.c — an 管理员 managing operators: passwords, roles, the
 * operator's own ID (so he never approves his household), disabling and
 * unlocking (see operator.h). The township always keeps an active 管理员. */
#include "core/operator.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/id.h"
#include "core/record.h"
#include "store/operator_store.h"
#include "store/township_store.h"

static int need_admin(jz_session *s, const char *what, jz_err *e)
{
	if (jz_session_has_role(s, "管理员"))
		return 0;
	return jz_fail(e, JZ_EUSER, "只有管理员可以%s（当前操作员 %s）", what, s->op.login);
}

static int load(jz_session *s, const char *login, jz_operator *o, jz_err *e)
{
	int r = jz_store_operator_get(s->db, login, o, NULL, 0, e);
	if (r < 0)
		return -1;
	if (r == 0)
		return jz_fail(e, JZ_EUSER, "没有登录名为「%s」的操作员（jiuzhu operator list 可查看）", login);
	return 0;
}

static int is_admin(const jz_operator *o)
{
	char buf[100];
	snprintf(buf, sizeof buf, ",%s,", o->roles);
	return !o->disabled && strstr(buf, ",管理员,") != NULL;
}

/* Writes o (already changed from old) with its event; refuses a change
 * that would leave no active 管理员. */
static int save(jz_session *s, const jz_operator *old, const jz_operator *o, jz_change *c, jz_err *e)
{
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_operator_update(s->db, o, e) || jz_store_operator_set_lock(s->db, o, e))
		goto fail;
	if (is_admin(old) && !is_admin(o)) {
		int n = jz_store_operator_admins(s->db, e);
		if (n < 0)
			goto fail;
		if (n == 0) {
			jz_fail(e, JZ_EUSER, "%s 是最后一位在用的管理员，不能停用或去掉管理员角色：请先让另一位操作员当管理员",
				o->login);
			goto fail;
		}
	}
	c->entity_id = o->id;
	if (jz_record(s, c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

int jz_operator_passwd(jz_session *s, const char *login, const char *password, jz_err *e)
{
	jz_operator o;
	char hash[JZ_PWHASH_BYTES];
	if (strcmp(login, s->op.login) != 0 && need_admin(s, "修改别人的密码", e))
		return -1;
	if (load(s, login, &o, e) || jz_password_hash(s->db, password, hash, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "operator.passwd", "operator", strcmp(login, s->op.login) ? "管理员重设密码" : "修改本人密码");
	c.entity_id = o.id;
	jz_diff_text(&c, "密码", "（原密码）", "（新密码）");
	o.failed = 0;
	o.locked_until[0] = '\0';
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_store_operator_set_hash(s->db, o.id, hash, e) || jz_store_operator_set_lock(s->db, &o, e) ||
	    jz_record(s, &c, e)) {
		jz_tx_rollback(s->db);
		sodium_memzero(hash, sizeof hash);
		return -1;
	}
	sodium_memzero(hash, sizeof hash);
	return jz_tx_commit(s->db, e);
}

int jz_operator_disable(jz_session *s, const char *login, int disabled, const char *why, jz_err *e)
{
	jz_operator o, old;
	if (need_admin(s, disabled ? "停用操作员" : "启用操作员", e) || load(s, login, &o, e))
		return -1;
	if (disabled && (!why || !*why))
		return jz_fail_field(e, JZ_EUSER, "reason", "停用操作员要写明原因（例如：调离、退休）");
	if (o.disabled == disabled)
		return jz_fail(e, JZ_EUSER, "操作员 %s 已经是%s状态", login, disabled ? "停用" : "在用");
	old = o;
	o.disabled = disabled;
	jz_change c;
	jz_change_init(&c, disabled ? "operator.disable" : "operator.enable", "operator",
		why && *why ? why : "重新启用");
	jz_diff_text(&c, "状态", old.disabled ? "停用" : "在用", o.disabled ? "停用" : "在用");
	return save(s, &old, &o, &c, e);
}

int jz_operator_unlock(jz_session *s, const char *login, jz_err *e)
{
	jz_operator o, old;
	if (need_admin(s, "解锁操作员", e) || load(s, login, &o, e))
		return -1;
	if (!o.locked_until[0] && !o.failed)
		return jz_fail(e, JZ_EUSER, "操作员 %s 没有被锁定", login);
	old = o;
	o.failed = 0;
	o.locked_until[0] = '\0';
	jz_change c;
	jz_change_init(&c, "operator.unlock", "operator", "管理员解锁");
	jz_diff_text(&c, "锁定到", old.locked_until, "");
	jz_diff_int(&c, "连续输错次数", old.failed, 0);
	return save(s, &old, &o, &c, e);
}

static int set_id_number(jz_session *s, jz_operator *o, const char *id_number, jz_err *e)
{
	char today[11];
	if (!*id_number) {
		o->id_number[0] = '\0';
		return 0;
	}
	jz_today(today);
	if (jz_id_normalize(id_number, today, 0, o->id_number, NULL, e))
		return jz_fail_field(e, JZ_EUSER, "id_number", "操作员身份证号不对：%s", e->msg);
	(void)s;
	return 0;
}

int jz_operator_set(jz_session *s, const char *login, const char *name, const char *roles,
		    const char *id_number, jz_err *e)
{
	jz_operator o, old;
	if (need_admin(s, "修改操作员", e) || load(s, login, &o, e))
		return -1;
	old = o;
	if (name) {
		if (!*name || strlen(name) >= sizeof o.name)
			return jz_fail_field(e, JZ_EUSER, "name", "姓名不能为空，最多约 20 个汉字");
		snprintf(o.name, sizeof o.name, "%s", name);
	}
	if (roles) {
		if (jz_roles_valid(roles, e))
			return -1;
		if (strlen(roles) >= sizeof o.roles)
			return jz_fail(e, JZ_EUSER, "角色写得太长了");
		snprintf(o.roles, sizeof o.roles, "%s", roles);
	}
	if (id_number && set_id_number(s, &o, id_number, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "operator.update", "operator", "修改操作员");
	jz_diff_text(&c, "姓名", old.name, o.name);
	jz_diff_text(&c, "角色", old.roles, o.roles);
	jz_diff_text(&c, "身份证号", old.id_number, o.id_number);
	if (!c.new_text[0])
		return 0; /* nothing changed */
	return save(s, &old, &o, &c, e);
}

int jz_operator_create(jz_session *s, const char *login, const char *name, const char *roles,
		       const char *id_number, const char *password, jz_err *e)
{
	if (jz_tx_begin(s->db, e))
		return -1;
	if (jz_operator_add(s, login, name, roles, password, e) ||
	    (id_number && *id_number && jz_operator_set(s, login, NULL, NULL, id_number, e))) {
		jz_tx_rollback(s->db);
		return -1;
	}
	return jz_tx_commit(s->db, e);
}

int jz_operator_list(jz_db *db, jz_operator *out, int max, jz_err *e)
{
	return jz_store_operator_list(db, out, max, e);
}
