/* cli_init.c — `jiuzhu init` (a new, empty township) and `jiuzhu demo`. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/demo.h"
#include "core/township.h"
#include "store/people.h"
#include "store/township_store.h"

static void remove_db(const char *path)
{
	char side[4200];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int jz_cmd_init(jz_cli *c)
{
	const char *name = NULL, *county = NULL, *code = NULL, *phone = "";
	jz_opt opts[] = {{"--township", &name, NULL}, {"--county", &county, NULL},
			 {"--area-code", &code, NULL}, {"--phone", &phone, NULL}, {0}};
	const char *pos[1];
	char path[4096], pw[256];
	jz_err e = {0};
	struct stat sb;
	if (jz_cli_parse(c, opts, pos, 0, &e) < 0)
		return jz_cli_report(&e);
	if (!name || !county || !code) {
		jz_fail(&e, JZ_EUSER, "缺少参数：jiuzhu init --township 乡镇名称 --county 县区名称 --area-code 6位区划代码");
		return jz_cli_report(&e);
	}
	jz_township t = {0};
	snprintf(t.name, sizeof t.name, "%s", name);
	snprintf(t.county, sizeof t.county, "%s", county);
	snprintf(t.area_code, sizeof t.area_code, "%s", code);
	snprintf(t.phone, sizeof t.phone, "%s", phone);
	if (jz_cli_db_path(c, "jiuzhu.db", 1, path, sizeof path, &e))
		return jz_cli_report(&e);
	int existed = stat(path, &sb) == 0;
	if (jz_cli_password("请为管理员 admin 设置密码：", 1, pw, sizeof pw, &e))
		return jz_cli_report(&e);
	jz_db *db = jz_db_open(path, JZ_OPEN_CREATE, &e);
	if (!db)
		return jz_cli_report(&e);
	int rc = jz_township_create(db, &t, pw, &e);
	jz_db_close(db);
	if (rc) {
		if (!existed)
			remove_db(path);
		return jz_cli_report(&e);
	}
	printf("已建立乡镇「%s」（%s，区划代码 %s）\n数据库：%s\n管理员登录名：admin\n"
	       "打开救助台：jiuzhu --db %s\n", t.name, t.county, t.area_code, path, path);
	return 0;
}

static void progress(int done, int total, void *arg)
{
	(void)arg;
	if (done == total || done % 100 == 0) {
		fprintf(stderr, "\r正在生成演示家庭：%d / %d", done, total);
		if (done == total)
			fputc('\n', stderr);
	}
}

static void summary(jz_db *db, const char *path)
{
	jz_township t;
	jz_village v[100];
	struct jz_counts cnt = {0};
	jz_err e = {0};
	if (jz_store_township_get(db, &t, &e) <= 0 || jz_store_counts(db, &cnt, &e))
		return;
	int n = jz_store_villages(db, v, 100, &e);
	printf("演示乡镇：%s（%s，区划代码 %s）\n", t.name, t.county, t.area_code);
	printf("村（社区）%lld 个：", cnt.villages);
	for (int i = 0; i < n && i < 100; i++)
		printf("%s%s", i ? "、" : "", v[i].name);
	printf("\n家庭 %lld 户，人员 %lld 人\n数据库：%s\n", cnt.households, cnt.persons, path);
	printf("打开救助台：jiuzhu --db %s\n", path);
	printf("登录：管理员 admin，经办 jingban，审核 shenhe，审批 shenpi；演示乡镇所有密码都是 demo\n");
}

/* Opens an existing demo file, or says why the file is not one. */
static jz_db *open_existing_demo(const char *path, int fresh, jz_err *e)
{
	jz_township t;
	jz_db *db = jz_db_open(path, JZ_OPEN_EXISTING, e);
	if (!db)
		return NULL;
	int r = jz_store_township_get(db, &t, e);
	if (r > 0 && !t.is_demo) {
		jz_fail(e, JZ_EUSER, "数据库 %s 里是真实乡镇「%s」，演示数据不会写进去；请用 --db 指定另一个文件", path, t.name);
		jz_db_close(db);
		return NULL;
	}
	if (r < 0 || (r > 0 && fresh)) {
		jz_db_close(db);
		if (r < 0)
			return NULL;
		remove_db(path);
		return jz_db_open(path, JZ_OPEN_CREATE, e);
	}
	return db;
}

int jz_cmd_demo(jz_cli *c)
{
	const char *seed_s = "1", *hh_s = "1000", *months_s = "24";
	int no_open = 0, fresh = 0;
	jz_opt opts[] = {{"--seed", &seed_s, NULL}, {"--households", &hh_s, NULL}, {"--months", &months_s, NULL},
			 {"--no-open", NULL, &no_open}, {"--fresh", NULL, &fresh}, {0}};
	const char *pos[1];
	char path[4096];
	long seed, hh, months;
	jz_err e = {0};
	struct stat sb;
	if (jz_cli_parse(c, opts, pos, 0, &e) < 0 || jz_cli_int("--seed", seed_s, 0, 2147483647L, &seed, &e) ||
	    jz_cli_int("--households", hh_s, 1, 200000, &hh, &e) ||
	    jz_cli_int("--months", months_s, 0, 120, &months, &e) ||
	    jz_cli_db_path(c, "demo.db", 1, path, sizeof path, &e))
		return jz_cli_report(&e);
	jz_db *db = stat(path, &sb) == 0 ? open_existing_demo(path, fresh, &e)
					 : jz_db_open(path, JZ_OPEN_CREATE, &e);
	if (!db)
		return jz_cli_report(&e);
	jz_township t;
	if (jz_store_township_get(db, &t, &e) == 0) {
		struct jz_demo_opts o = {(unsigned long long)seed, (int)hh, (int)months, NULL, NULL};
		if (isatty(2))
			o.progress = progress;
		if (jz_demo_build(db, &o, &e)) {
			jz_db_close(db);
			remove_db(path);
			return jz_cli_report(&e);
		}
	}
	if (no_open || !jz_cli_interactive()) {
		summary(db, path);
		jz_db_close(db);
		return 0;
	}
	jz_db_close(db);
	c->db_path = path;
	return jz_cmd_desk(c);
}
