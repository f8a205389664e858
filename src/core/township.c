/* township.c — creating the township and its villages (see township.h). */
#include "core/township.h"

#include <stdio.h>
#include <string.h>

#include "core/operator.h"
#include "core/record.h"
#include "io/text.h"
#include "store/township_store.h"

static int check_name(const char *field, const char *v, jz_err *e)
{
	size_t n = strlen(v);
	if (!n)
		return jz_fail(e, JZ_EUSER, "「%s」不能为空", field);
	if (!jz_utf8_valid(v, n) || jz_utf8_count(v) > 30)
		return jz_fail(e, JZ_EUSER, "「%s」「%s」不对：最多 30 个字，且只能是正常文字", field, v);
	return 0;
}

static int check_township(const jz_township *t, jz_err *e)
{
	if (check_name("乡镇名称", t->name, e) || check_name("所属县（区）", t->county, e))
		return -1;
	const char *c = t->area_code;
	int ok = strlen(c) == 6;
	for (int i = 0; ok && i < 6; i++)
		ok = c[i] >= '0' && c[i] <= '9';
	if (!ok)
		return jz_fail(e, JZ_EUSER, "「行政区划代码」「%s」应为 6 位数字（县级代码，例如 500154）", c);
	return 0;
}

int jz_township_load(jz_db *db, jz_township *t, jz_err *e)
{
	int r = jz_store_township_get(db, t, e);
	if (r == 0)
		return jz_fail(e, JZ_EDATA, "数据库 %s 里还没有乡镇，请先运行 jiuzhu init", jz_db_path(db));
	return r < 0 ? -1 : 0;
}

int jz_township_create(jz_db *db, const jz_township *t, const char *admin_password, jz_err *e)
{
	jz_township old;
	if (check_township(t, e))
		return -1;
	int r = jz_store_township_get(db, &old, e);
	if (r != 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "这个数据库里已经有乡镇「%s」了，不能再建一个", old.name);
	if (jz_tx_begin(db, e))
		return -1;
	jz_change c;
	jz_change_init(&c, "township.create", "township", "建立乡镇");
	jz_diff_text(&c, "乡镇", NULL, t->name);
	jz_diff_text(&c, "县（区）", NULL, t->county);
	jz_diff_text(&c, "行政区划代码", NULL, t->area_code);
	c.entity_id = 1;
	if (jz_store_township_insert(db, t, e) || jz_record_as(db, "admin", &c, e) ||
	    jz_operator_add_first(db, "admin", "管理员", admin_password, e))
		goto fail;
	return jz_tx_commit(db, e);
fail:
	jz_tx_rollback(db);
	return -1;
}

int jz_township_update(jz_session *s, jz_township *t, const char *why, jz_err *e)
{
	jz_township old;
	if (!jz_session_has_role(s, "管理员"))
		return jz_fail(e, JZ_EUSER, "只有管理员可以修改乡镇信息");
	if (check_township(t, e) || jz_tx_begin(s->db, e))
		return -1;
	if (jz_township_load(s->db, &old, e))
		goto fail;
	jz_change c;
	jz_change_init(&c, "township.update", "township", why);
	jz_diff_text(&c, "乡镇", old.name, t->name);
	jz_diff_text(&c, "县（区）", old.county, t->county);
	jz_diff_text(&c, "行政区划代码", old.area_code, t->area_code);
	jz_diff_text(&c, "电话", old.phone, t->phone);
	c.entity_id = 1;
	if (jz_store_township_update(s->db, t, e) || jz_record(s, &c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}

static int next_code(jz_db *db, char *out, size_t n, jz_err *e)
{
	jz_village all[100];
	int cnt = jz_store_villages(db, all, 100, e), max = 0;
	if (cnt < 0)
		return -1;
	for (int i = 0; i < cnt && i < 100; i++) {
		int c = 0;
		sscanf(all[i].code, "%d", &c);
		if (c > max)
			max = c;
	}
	if (max >= 99)
		return jz_fail(e, JZ_EUSER, "村（社区）编码已用到 99，请手工指定编码");
	unsigned next = (unsigned)(max + 1) % 100u;
	if (n < 3)
		return jz_fail(e, JZ_EDATA, "内部错误：编码缓冲区太小");
	out[0] = (char)('0' + next / 10);
	out[1] = (char)('0' + next % 10);
	out[2] = '\0';
	return 0;
}

int jz_village_add(jz_session *s, jz_village *v, jz_err *e)
{
	jz_village other;
	if (!jz_session_has_role(s, "管理员") && !jz_session_has_role(s, "经办"))
		return jz_fail(e, JZ_EUSER, "「添加村（社区）」要由管理员或经办人员办理，%s（%s）没有这个角色",
			       s->op.name, s->op.login);
	if (check_name("村（社区）名称", v->name, e))
		return -1;
	if (strcmp(v->kind, "村") && strcmp(v->kind, "社区"))
		return jz_fail(e, JZ_EUSER, "「类型」只能是 村 或 社区，现在是「%s」", v->kind);
	snprintf(v->area, sizeof v->area, "%s", strcmp(v->kind, "社区") == 0 ? "城市" : "农村");
	int r = jz_store_village_by_name(s->db, v->name, &other, e);
	if (r != 0)
		return r < 0 ? -1 : jz_fail(e, JZ_EUSER, "村（社区）「%s」已经有了", v->name);
	if (jz_tx_begin(s->db, e))
		return -1;
	if (!*v->code && next_code(s->db, v->code, sizeof v->code, e))
		goto fail;
	jz_change c;
	jz_change_init(&c, "village.add", "village", "新增村（社区）");
	jz_diff_text(&c, "名称", NULL, v->name);
	jz_diff_text(&c, "类型", NULL, v->kind);
	jz_diff_text(&c, "编码", NULL, v->code);
	if (jz_store_village_insert(s->db, v, e))
		goto fail;
	c.entity_id = v->id;
	if (jz_record(s, &c, e))
		goto fail;
	return jz_tx_commit(s->db, e);
fail:
	jz_tx_rollback(s->db);
	return -1;
}
