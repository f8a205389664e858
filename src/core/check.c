/* check.c — the checks of `jiuzhu check` (see check.h). The SQL is in
 * store/check_store.c; here the event chain is recomputed and the case
 * amounts compared with their means tests. */
#include "core/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/case_calc.h"
#include "core/clock.h"
#include "store/case_store.h"
#include "store/check_store.h"
#include "store/event.h"

struct ctx {
	jz_db *db;
	jz_problem_fn fn;
	void *arg;
	const char *kind;
	int problems;
	/* the chain */
	char prev[80];
	long long last_id;
	/* roll lock digests seen in the events: month -> "N 行 S 分 HEX" */
	char (*lock_month)[8];
	char (*lock_digest)[128];
	int nlocks, cap;
};

static void problem(const char *where, const char *what, void *arg)
{
	struct ctx *c = arg;
	c->problems++;
	c->fn(c->kind, where, what, c->arg);
}

static void remember_lock(struct ctx *c, const jz_event *ev)
{
	const char *d = ev->new_text ? strstr(ev->new_text, "摘要=") : NULL;
	const char *m = ev->new_text ? strstr(ev->new_text, "月份=") : NULL;
	if (!d || !m)
		return;
	if (c->nlocks == c->cap) {
		int cap = c->cap ? c->cap * 2 : 64;
		void *a = realloc(c->lock_month, (size_t)cap * sizeof *c->lock_month);
		if (!a)
			return;
		c->lock_month = a;
		void *b = realloc(c->lock_digest, (size_t)cap * sizeof *c->lock_digest);
		if (!b)
			return;
		c->lock_digest = b;
		c->cap = cap;
	}
	snprintf(c->lock_month[c->nlocks], 8, "%.7s", m + strlen("月份="));
	d += strlen("摘要=");
	size_t n = strcspn(d, "\n");
	snprintf(c->lock_digest[c->nlocks], 128, "%.*s", (int)(n < 127 ? n : 127), d);
	c->nlocks++;
}

static int chain_one(const jz_event *ev, void *arg)
{
	struct ctx *c = arg;
	char hash[65], where[160], what[256];
	snprintf(where, sizeof where, "第 %lld 条操作记录（%s %s %s）", ev->id, ev->at, ev->operator_, ev->action);
	if (ev->id != c->last_id + 1) {
		snprintf(what, sizeof what, "前面缺了第 %lld 至 %lld 条：操作记录被删除过", c->last_id + 1, ev->id - 1);
		problem(where, what, c);
	} else if (strcmp(ev->prev_hash, c->prev) != 0) {
		problem(where, "记录的上一条摘要与上一条不符：前面的操作记录被改动或删除过", c);
	}
	jz_event_hash(ev->prev_hash, ev, hash);
	if (strcmp(hash, ev->hash) != 0)
		problem(where, "内容与摘要不符：这条操作记录在程序之外被改动过", c);
	snprintf(c->prev, sizeof c->prev, "%s", ev->hash);
	c->last_id = ev->id;
	if (!strcmp(ev->action, "roll.lock"))
		remember_lock(c, ev);
	return 0;
}

static int check_rolls(struct ctx *c, jz_err *e)
{
	char (*months)[8] = calloc(1200, sizeof *months);
	if (!months)
		return jz_fail(e, JZ_EDATA, "内存不足");
	int n = jz_store_locked_months(c->db, months, 1200, e);
	for (int i = 0; i < n && i < 1200; i++) {
		const char *want = NULL;
		for (int k = c->nlocks - 1; k >= 0 && !want; k--)
			if (!strcmp(c->lock_month[k], months[i]))
				want = c->lock_digest[k];
		if (!want)
			continue; /* locked before locks recorded a digest */
		struct jz_roll_digest d;
		char got[128], where[64];
		if (jz_store_roll_digest(c->db, months[i], &d, e)) {
			free(months);
			return -1;
		}
		snprintf(got, sizeof got, "%d 行 %lld 分 %s", d.lines, d.sum_fen, d.hex);
		if (strcmp(got, want) != 0) {
			char what[400];
			int lines = 0;
			long long fen = 0;
			char *end;
			lines = (int)strtol(want, &end, 10);
			end += strcspn(end, "0123456789");
			fen = strtoll(end, NULL, 10);
			snprintf(where, sizeof where, "%s 发放花名册", months[i]);
			snprintf(what, sizeof what, "锁定后被改动过：锁定时 %d 笔共 %lld.%02lld 元，现在 %d 笔共 %lld.%02lld 元",
				 lines, fen / 100, fen % 100, d.lines, d.sum_fen / 100, d.sum_fen % 100);
			problem(where, what, c);
		}
	}
	free(months);
	return n < 0 ? -1 : 0;
}

static int amount_one(const jz_case *cs, void *arg)
{
	struct ctx *c = arg;
	struct jz_case_amount a;
	struct jz_case_means cm;
	char month[8], today[11], where[96], what[160];
	jz_err ignore;
	jz_today(today);
	jz_month_of(today, month);
	/* A review due today or before: the household changed (a death, a
	 * member in or out) and the amount waits for the review (to-do list). */
	if (*cs->review_due && strcmp(cs->review_due, today) <= 0)
		return 0;
	if (cs->imported_from[0] || jz_store_amount_in(c->db, cs->id, month, &a, &ignore) != 1)
		return 0;
	if (strstr(a.note, "导入") || jz_case_calc(c->db, cs, a.from_month, &cm, &ignore))
		return 0;
	if (cm.r.total_fen != a.total_fen) {
		snprintf(where, sizeof where, "案件 %s（%s）", cs->number, cs->programme);
		snprintf(what, sizeof what, "自 %s 起每月 %lld.%02lld 元，按核算应为 %lld.%02lld 元：请复核",
			 a.from_month, a.total_fen / 100, a.total_fen % 100, cm.r.total_fen / 100,
			 cm.r.total_fen % 100);
		problem(where, what, c);
	}
	return 0;
}

int jz_check_all(jz_db *db, int quick, jz_problem_fn fn, void *arg, jz_err *e)
{
	struct ctx c = {.db = db, .fn = fn, .arg = arg};
	memset(c.prev, '0', 64);
	int rc = -1;
	c.kind = "文件";
	if (jz_store_integrity(db, quick, problem, &c, e))
		goto out;
	c.kind = "外键";
	if (jz_store_fk_check(db, problem, &c, e))
		goto out;
	c.kind = "操作记录";
	if (jz_event_each(db, NULL, NULL, NULL, 0, chain_one, &c, e))
		goto out;
	c.kind = "户主";
	if (jz_store_check_heads(db, problem, &c, e))
		goto out;
	c.kind = "身份证号";
	if (jz_store_check_ids(db, problem, &c, e))
		goto out;
	c.kind = "花名册";
	if (check_rolls(&c, e))
		goto out;
	c.kind = "备用金";
	if (jz_store_check_fund(db, problem, &c, e))
		goto out;
	c.kind = "保障金额";
	if (!quick && jz_store_cases(db, "在保", amount_one, &c, e))
		goto out;
	rc = c.problems;
out:
	free(c.lock_month);
	free(c.lock_digest);
	return rc;
}
