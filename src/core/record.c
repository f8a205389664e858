/* record.c — building and writing the event of a change (see record.h). */
#include "core/record.h"

#include <stdio.h>
#include <string.h>

#include "store/event.h"

int jz_session_has_role(const jz_session *s, const char *role)
{
	return strstr(s->op.roles, role) != NULL || strstr(s->op.roles, "管理员") != NULL;
}

void jz_change_init(jz_change *c, const char *action, const char *entity, const char *reason)
{
	memset(c, 0, sizeof *c);
	c->action = action;
	c->entity = entity;
	c->reason = reason ? reason : "";
}

static void append(char *buf, size_t n, const char *field, const char *v)
{
	size_t len = strlen(buf);
	if (len < n)
		snprintf(buf + len, n - len, "%s=%s\n", field, v ? v : "");
}

void jz_diff_text(jz_change *c, const char *field, const char *old_v, const char *new_v)
{
	if (!old_v) {
		if (new_v && *new_v)
			append(c->new_text, sizeof c->new_text, field, new_v);
		return;
	}
	if (strcmp(old_v, new_v ? new_v : "") == 0)
		return;
	append(c->old_text, sizeof c->old_text, field, old_v);
	append(c->new_text, sizeof c->new_text, field, new_v);
}

void jz_diff_int(jz_change *c, const char *field, long long old_v, long long new_v)
{
	char a[24], b[24];
	snprintf(a, sizeof a, "%lld", old_v);
	snprintf(b, sizeof b, "%lld", new_v);
	jz_diff_text(c, field, a, b);
}

int jz_record_as(jz_db *db, const char *login, jz_change *c, jz_err *e)
{
	jz_event ev = {0};
	snprintf(ev.operator_, sizeof ev.operator_, "%s", login);
	snprintf(ev.action, sizeof ev.action, "%s", c->action);
	snprintf(ev.entity, sizeof ev.entity, "%s", c->entity);
	ev.entity_id = c->entity_id;
	ev.household_id = c->household_id;
	ev.old_text = c->old_text;
	ev.new_text = c->new_text;
	ev.reason = c->reason;
	return jz_event_append(db, &ev, e);
}

int jz_record(jz_session *s, jz_change *c, jz_err *e)
{
	return jz_record_as(s->db, s->op.login, c, e);
}
