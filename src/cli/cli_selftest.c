/* cli_selftest.c — `jiuzhu --selftest`: a quick proof that this build works
 * on this machine (make windows-check runs it under wine). In a temporary
 * folder it creates a small demo township, converts GBK both ways, checks a
 * GBK CSV with `import roster --dry-run` when the binary has that command,
 * writes the fund statement workbook and reads its size back; then removes
 * what it made. Exit 0 when every step passed. The steps go through the same
 * commands a clerk uses. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/text.h"
#include "platform/platform.h"

struct st {
	char dir[4096], db[4200], csv[4200], xlsx[4200];
	int failed;
};

static void step(struct st *t, const char *what, int ok)
{
	printf("selftest: %-28s %s\n", what, ok ? "ok" : "失败 FAILED");
	if (!ok)
		t->failed = 1;
}

/* Runs one command as `jiuzhu --db DB args...`; returns its exit code. */
static int run(struct st *t, const char *name, char **args)
{
	int (*cmd)(jz_cli *) = jz_cli_command(name);
	if (!cmd)
		return -1;
	int n = 0;
	while (args[n])
		n++;
	jz_cli c = {.argc = n, .argv = args, .db_path = t->db, .command = args[0]};
	return cmd(&c);
}

static int gbk_round_trip(void)
{
	static const char wang_gbk[] = "\xCD\xF5"; /* 王 in GBK */
	jz_err e = {0};
	size_t n = 0;
	char *u = jz_iconv("UTF-8", "GBK", wang_gbk, 2, &n, &e);
	int ok = u && n == 3 && !memcmp(u, "王", 3);
	char *g = ok ? jz_iconv("GBK", "UTF-8", u, n, &n, &e) : NULL;
	ok = ok && g && n == 2 && !memcmp(g, wang_gbk, 2);
	free(u);
	free(g);
	return ok;
}

static int write_gbk_csv(const char *path)
{
	/* 户编号,村(社区),城乡类别,姓名,身份证号,与户主关系 / 990001,青龙村,农村,王芳,...,户主
	 * in GBK, as a village office's Excel saves it */
	static const char text[] =
		"\xBB\xA7\xB1\xE0\xBA\xC5,\xB4\xE5(\xC9\xE7\xC7\xF8),\xB3\xC7\xCF\xE7\xC0\xE0\xB1\xF0,"
		"\xD0\xD5\xC3\xFB,\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5,\xD3\xEB\xBB\xA7\xD6\xF7\xB9\xD8\xCF\xB5\r\n"
		"990001,\xC7\xE0\xC1\xFA\xB4\xE5,\xC5\xA9\xB4\xE5,\xCD\xF5\xB7\xBC,11010519491231002X,"
		"\xBB\xA7\xD6\xF7\r\n";
	FILE *f = jz_plat_fopen(path, "wb");
	if (!f)
		return -1;
	int bad = fwrite(text, 1, sizeof text - 1, f) != sizeof text - 1;
	return fclose(f) != 0 || bad ? -1 : 0;
}

static void cleanup(struct st *t)
{
	char side[4300];
	unlink(t->xlsx);
	unlink(t->csv);
	unlink(t->db);
	snprintf(side, sizeof side, "%s-wal", t->db);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", t->db);
	unlink(side);
}

int jz_cli_selftest(void)
{
	struct st t = {.failed = 0};
	jz_plat_temp_dir(t.dir, sizeof t.dir);
	snprintf(t.db, sizeof t.db, "%s/jz-selftest-%d.db", t.dir, (int)getpid());
	snprintf(t.csv, sizeof t.csv, "%s/jz-selftest-%d.csv", t.dir, (int)getpid());
	snprintf(t.xlsx, sizeof t.xlsx, "%s/jz-selftest-%d 收支情况表.xlsx", t.dir,
		 (int)getpid());
	cleanup(&t);
	printf("selftest: 临时文件夹 %s\n", t.dir);

	char *demo[] = {"demo", "--no-open", "--fresh", "--households", "12", "--months", "0", "--seed", "7", NULL};
	step(&t, "演示乡镇 demo", run(&t, "demo", demo) == 0);
	step(&t, "GBK 转换 code page 936", gbk_round_trip());

	if (jz_cli_command("import")) {
		char *imp[] = {"import", "roster", t.csv, "--dry-run", "--as", "admin", NULL};
		setenv("JIUZHU_PASSWORD", "demo", 1);
		int ok = write_gbk_csv(t.csv) == 0;
		step(&t, "导入 GBK CSV import roster --dry-run", ok && run(&t, "import", imp) == 0);
	} else
		printf("selftest: %-28s 跳过 skipped（这个版本没有 import 命令）\n", "导入 GBK CSV");

	char *fund[] = {"fund", "statement", "-o", t.xlsx, NULL};
	int rc = run(&t, "fund", fund);
	struct stat sb;
	int ok = rc == 0 && stat(t.xlsx, &sb) == 0 && sb.st_size > 1000;
	step(&t, "写工作簿 fund statement", ok);
	if (ok)
		printf("selftest: 工作簿 %lld 字节 bytes\n", (long long)sb.st_size);

	cleanup(&t);
	printf("selftest: %s\n", t.failed ? "失败 FAILED" : "全部通过 all passed");
	return t.failed ? 2 : 0;
}
