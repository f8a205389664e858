/* demo.c — builds the demo township (see demo.h) through the same core
 * functions as the desk, committing in batches so it takes seconds. */
#include "core/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/demo_gen.h"
#include "core/household.h"
#include "core/operator.h"
#include "core/settings.h"
#include "core/township.h"

static int add_villages(jz_session *s, struct jz_demo_gen *g, jz_err *e)
{
	for (int i = 0; i < jz_demo_villages_n; i++) {
		jz_village v = {0};
		if (sscanf(jz_demo_villages[i], "%95[^|]|%7[^|]|%d", v.name, v.kind, &v.groups) != 3)
			return jz_fail(e, JZ_EDATA, "演示村名表有误：%s", jz_demo_villages[i]);
		if (jz_village_add(s, &v, e))
			return -1;
		g->villages[g->nvillages++] = v;
	}
	return 0;
}

/* The standards and settings of DOMAIN.md, for the demo's two years. */
static int add_settings(jz_session *s, jz_err *e)
{
	static const char *const rows[][4] = {
		{"dibao.standard_fen", "城市", "2025-01-01", "72000"},
		{"dibao.standard_fen", "农村", "2025-01-01", "58000"},
		{"dibao.standard_fen", "城市", "2026-01-01", "75000"},
		{"dibao.standard_fen", "农村", "2026-01-01", "61000"},
		{"tekun.basic_fen", "城市", "2025-01-01", "115200"},
		{"tekun.basic_fen", "农村", "2025-01-01", "92800"},
		{"tekun.basic_fen", "城市", "2026-01-01", "120000"},
		{"tekun.basic_fen", "农村", "2026-01-01", "97600"},
		{"wage.minimum_fen", "*", "2025-01-01", "210000"},
		{"orphan.concentrated_fen", "*", "2025-01-01", "160000"},
		{"orphan.scattered_fen", "*", "2025-01-01", "105000"},
		{"orphan.de_facto_fen", "*", "2025-01-01", "105000"},
		{"disability.care_grade1_fen", "*", "2025-01-01", "7000"},
		{"disability.care_grade2_fen", "*", "2025-01-01", "5000"},
		{"disability.living_fen", "*", "2025-01-01", "8000"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (jz_setting_set(s, rows[i][0], rows[i][1], rows[i][2], rows[i][3], "演示标准", e))
			return -1;
	return 0;
}

static int add_operators(jz_session *s, jz_err *e)
{
	static const char *const ops[][3] = {
		{"jingban", "李经办", "经办"}, {"shenhe", "王审核", "审核"}, {"shenpi", "张审批", "审批"}};
	for (int i = 0; i < 3; i++)
		if (jz_operator_add(s, ops[i][0], ops[i][1], ops[i][2], "demo", e))
			return -1;
	return 0;
}

static int add_households(jz_session *s, struct jz_demo_gen *g, const struct jz_demo_opts *o,
			  jz_err *e)
{
	for (int i = 0; i < o->households; i++) {
		if (i % 500 == 0 && (i && jz_tx_commit(s->db, e)))
			return -1;
		if (i % 500 == 0 && i && jz_tx_begin(s->db, e))
			return -1;
		if (jz_demo_household(s, g, e))
			return -1;
		if (o->progress)
			o->progress(i + 1, o->households, o->arg);
	}
	return 0;
}

int jz_demo_build(jz_db *db, const struct jz_demo_opts *o, jz_err *e)
{
	jz_township t = {.name = "南门镇", .county = "开州区", .area_code = "500154",
			 .phone = "023-52881234", .is_demo = 1};
	jz_session s = {.db = db};
	struct jz_demo_gen *g = calloc(1, sizeof *g);
	if (!g)
		return jz_fail(e, JZ_EDATA, "内存不足");
	jz_demo_gen_init(g, o->seed);
	int rc = -1;
	if (jz_township_create(db, &t, "demo", e) || jz_sign_in(&s, "admin", "demo", e))
		goto out;
	if (jz_tx_begin(db, e))
		goto out;
	if (add_operators(&s, e) || add_settings(&s, e) || add_villages(&s, g, e) ||
	    add_households(&s, g, o, e) || jz_demo_deaths(&s, g, e) ||
	    jz_demo_history(db, g, o->households, o->months, e) ||
	    jz_demo_aid(db, g, o->households, o->months < 12 ? o->months : 12, e)) {
		jz_tx_rollback(db);
		goto out;
	}
	rc = jz_tx_commit(db, e);
out:
	jz_demo_gen_free(g);
	return rc;
}
