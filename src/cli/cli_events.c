/* cli_events.c — `jiuzhu events`: the event trail of a period, of a case
 * or a 临时救助 case, printed or exported for an inspector. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/aid.h"
#include "core/audit.h"
#include "core/case.h"
#include "core/clock.h"

static int print_one(const jz_event *ev, void *arg)
{
	int *n = arg;
	(*n)++;
	printf("%lld  %s  %s  %s（%s）%s%s\n", ev->id, ev->at, ev->operator_, jz_audit_action_label(ev->action),
	       ev->action, ev->reason && *ev->reason ? " 原因：" : "", ev->reason ? ev->reason : "");
	char line[2048];
	if (ev->old_text && *ev->old_text) {
		jz_audit_one_line(ev->old_text, line, sizeof line);
		printf("    原：%s\n", line);
	}
	if (ev->new_text && *ev->new_text) {
		jz_audit_one_line(ev->new_text, line, sizeof line);
		printf("    新：%s\n", line);
	}
	return 0;
}

/* --case / --aid: the record the events belong to. */
static int which(jz_db *db, const char *case_no, const char *aid_no, struct jz_audit_filter *f, jz_err *e)
{
	if (case_no) {
		jz_case c;
		if (jz_case_load(db, case_no, &c, e))
			return -1;
		f->entity = "case";
		f->entity_id = c.id;
	} else if (aid_no) {
		jz_aid a;
		if (jz_aid_load(db, aid_no, &a, e))
			return -1;
		f->entity = "aid_case";
		f->entity_id = a.id;
	}
	return 0;
}

int jz_cmd_events(jz_cli *c)
{
	const char *from = NULL, *to = NULL, *case_no = NULL, *aid_no = NULL, *out = NULL, *pos[1];
	int utf8 = 0;
	jz_opt opts[] = {{"--from", &from, NULL}, {"--to", &to, NULL}, {"--case", &case_no, NULL},
		{"--aid", &aid_no, NULL}, {"-o", &out, NULL}, {"--utf8", NULL, &utf8}, {0}};
	jz_err e = {0};
	if (jz_cli_parse(c, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	if ((from && !jz_date_valid(from)) || (to && !jz_date_valid(to))) {
		jz_fail(&e, JZ_EUSER, "--from / --to 要写成 YYYY-MM-DD，例如 --from 2026-01-01 --to 2026-06-30");
		return jz_cli_report(&e);
	}
	jz_db *db = jz_cli_open(c, &e);
	struct jz_audit_filter f = {.from = from, .to = to};
	int n = 0, rc = !db || which(db, case_no, aid_no, &f, &e) ? -1 : 0;
	if (!rc && out) {
		n = jz_audit_export(db, &f, out, utf8, &e);
		rc = n < 0;
	} else if (!rc) {
		rc = jz_audit_each(db, &f, print_one, &n, &e);
	}
	jz_db_close(db);
	if (rc)
		return jz_cli_report(&e);
	if (out)
		printf("已导出 %d 条操作记录到 %s\n", n, out);
	else
		printf("共 %d 条操作记录\n", n);
	return 0;
}
