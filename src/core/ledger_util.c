/* ledger_util.c — checks shared by the ledger writes (see ledger_util.h). */
#include "core/ledger_util.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/id.h"
#include "store/people.h"
#include "store/township_store.h"

int jz_ledger_need_clerk(const jz_session *s, const char *what, jz_err *e)
{
	if (jz_session_has_role(s, "经办"))
		return 0;
	return jz_fail(e, JZ_EUSER, "%s需要「经办」角色，操作员 %s 没有", what, s->op.login);
}

int jz_ledger_date(const char *in, const char *field, const char *label, char out[11], jz_err *e)
{
	char today[11];
	jz_today(today);
	if (!in || !in[0]) {
		memcpy(out, today, 11);
		return 0;
	}
	if (!jz_date_valid(in))
		return jz_fail_field(e, JZ_EUSER, field, "%s「%s」不对，应写成 YYYY-MM-DD", label, in);
	if (strcmp(in, today) > 0)
		return jz_fail_field(e, JZ_EUSER, field, "%s %s 晚于今天 %s", label, in, today);
	snprintf(out, 11, "%s", in);
	return 0;
}

int jz_ledger_idno(const char *in, char out[19], jz_err *e)
{
	char today[11];
	jz_today(today);
	if (jz_id_normalize(in ? in : "", today, 0, out, NULL, e)) {
		snprintf(e->field, sizeof e->field, "id_number");
		return -1;
	}
	return 0;
}

int jz_ledger_person(jz_db *db, const char *id_number, jz_rowid *person_id, jz_rowid *hid,
		     char *name, size_t name_n, char *village, size_t village_n, jz_err *e)
{
	jz_person p;
	jz_household h;
	jz_village v;
	*hid = 0;
	if (person_id)
		*person_id = 0;
	village[0] = '\0';
	int r = jz_store_person_by_idno(db, id_number, &p, e);
	if (r <= 0)
		return r;
	if (person_id)
		*person_id = p.id;
	snprintf(name, name_n, "%s", p.name);
	if (!p.household_id)
		return 0;
	*hid = p.household_id;
	if (jz_store_household_get(db, p.household_id, &h, e) < 0 ||
	    jz_store_village_get(db, h.village_id, &v, e) < 0)
		return -1;
	snprintf(village, village_n, "%s", v.name);
	return 0;
}

int jz_ledger_in_list(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p = list;
	if (!n)
		return 0;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && !strncmp(p, item, n))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}
