/* test_form_file.c — the form engine (io/form_file.h): the shipped forms,
 * their built-in copies, refused form files, the override from disk, the
 * type checks of jz_field_check and the money helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/builtin.h"
#include "io/form_file.h"

static const char *const shipped[] = {"person", "household", "township", "village", "standard",
	"signin", NULL};

static const char *src_dir(void)
{
	const char *d = getenv("SRC_DIR");
	return d && *d ? d : ".";
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	assert_non_null(buf);
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		assert_true(n < cap - 1); /* forms are small */
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void spit(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Parses text as a form that must be refused; the message must hold every
 * word given (NULL-terminated). */
static void refused(const char *text, ...)
{
	struct jz_form_def f;
	jz_err e;
	jz_err_clear(&e);
	int r = jz_form_parse("forms/bad.ini", text, strlen(text), &f, &e);
	if (r == 0)
		print_error("accepted:\n%s\n", text);
	assert_int_equal(r, -1);
	assert_int_equal(e.code, JZ_EDATA);
	assert_null(f.fields);
	assert_int_equal(f.nfields, 0);
	va_list ap;
	va_start(ap, text);
	for (const char *w; (w = va_arg(ap, const char *)) != NULL;) {
		if (!strstr(e.msg, w))
			print_error("message lacks \"%s\": %s\n", w, e.msg);
		assert_non_null(strstr(e.msg, w));
	}
	va_end(ap);
	assert_non_null(strstr(e.msg, "forms/bad.ini"));
	jz_form_free(&f);
}

static void same_form(const struct jz_form_def *a, const struct jz_form_def *b)
{
	assert_string_equal(a->name, b->name);
	assert_string_equal(a->title, b->title);
	assert_string_equal(a->help, b->help);
	assert_int_equal(a->nfields, b->nfields);
	for (int i = 0; i < a->nfields; i++) {
		const struct jz_field_def *x = &a->fields[i], *y = &b->fields[i];
		assert_string_equal(x->key, y->key);
		assert_string_equal(x->label, y->label);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->required, y->required);
		assert_int_equal(x->nchoices, y->nchoices);
		for (int j = 0; j < x->nchoices; j++)
			assert_string_equal(x->choices[j], y->choices[j]);
		assert_int_equal(x->has_min, y->has_min);
		assert_int_equal(x->has_max, y->has_max);
		assert_true(x->min == y->min && x->max == y->max);
		assert_string_equal(x->help, y->help);
		assert_string_equal(x->deflt, y->deflt);
		assert_string_equal(x->source, y->source);
	}
}

/* ---- the shipped forms ---------------------------------------------------- */

static void builtin_forms_parse(void **state)
{
	unsigned nforms = 0;
	for (unsigned i = 0; i < jz_builtin_files_n; i++) {
		const struct jz_builtin *b = &jz_builtin_files[i];
		assert_int_equal(b->data[b->len], 0);
		if (strncmp(b->name, "forms/", 6) != 0)
			continue;
		struct jz_form_def f;
		jz_err e;
		jz_err_clear(&e);
		if (jz_form_parse(b->name, (const char *)b->data, b->len, &f, &e))
			print_error("%s\n", e.msg);
		assert_int_equal(e.code, JZ_OK); /* not even a warning */
		assert_true(f.nfields > 0);
		assert_true(*f.title);
		for (int k = 0; k < f.nfields; k++) {
			assert_true(*f.fields[k].label);
			assert_non_null(jz_form_field(&f, f.fields[k].key));
		}
		jz_form_free(&f);
		nforms++;
	}
	assert_true(nforms >= 6);
	assert_null(jz_builtin_files[jz_builtin_files_n].name);
	for (int i = 0; shipped[i]; i++) {
		struct jz_form_def f;
		jz_err e;
		if (jz_form_load(shipped[i], NULL, &f, &e))
			print_error("%s: %s\n", shipped[i], e.msg);
		assert_string_equal(f.name, shipped[i]);
		jz_form_free(&f);
		jz_form_free(&f); /* twice is harmless */
	}
}

/* Every forms/NAME.ini on disk has a built-in copy, byte for byte, and the
 * two parse the same. */
static void disk_equals_builtin(void **state)
{
	char dir[512], path[1024];
	snprintf(dir, sizeof dir, "%s/forms", src_dir());
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		size_t flen;
		char *text = slurp(path, &flen);
		assert_non_null(text);
		char bname[300];
		snprintf(bname, sizeof bname, "forms/%s", de->d_name);
		const struct jz_builtin *b = jz_builtin_find(bname);
		if (!b)
			print_error("%s is not built in: run make\n", bname);
		assert_non_null(b);
		assert_int_equal(b->len, flen);
		assert_memory_equal(b->data, text, flen);

		struct jz_form_def fd, fb;
		jz_err e;
		int r = jz_form_parse(path, text, flen, &fd, &e);
		if (r)
			print_error("%s\n", e.msg);
		assert_int_equal(r, 0);
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(len - 4), de->d_name);
		assert_int_equal(jz_form_load(name, NULL, &fb, &e), 0);
		same_form(&fd, &fb);
		jz_form_free(&fb);
		assert_int_equal(jz_form_load(name, dir, &fb, &e), 0); /* from disk */
		same_form(&fd, &fb);
		jz_form_free(&fb);
		jz_form_free(&fd);
		free(text);
		n++;
	}
	closedir(d);
	assert_true(n >= 6);
	assert_null(jz_builtin_find("forms/nosuch.ini"));
	assert_null(jz_builtin_find(NULL));
}

/* inih cuts lines at 200 bytes: every shipped line stays below. */
static void shipped_lines_short(void **state)
{
	char dir[512], path[1024];
	snprintf(dir, sizeof dir, "%s/forms", src_dir());
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		size_t flen;
		char *text = slurp(path, &flen);
		assert_non_null(text);
		int line = 1;
		size_t start = 0;
		for (size_t i = 0; i <= flen; i++)
			if (i == flen || text[i] == '\n') {
				if (i - start >= 200 || i - start > JZ_FORM_MAX_LINE)
					print_error("%s:%d is %zu bytes\n", path, line, i - start);
				assert_true(i - start <= JZ_FORM_MAX_LINE);
				assert_true(text[i - (i > start)] != '\r'); /* LF endings */
				line++;
				start = i + 1;
			}
		assert_true(flen > 0 && text[flen - 1] == '\n');
		free(text);
	}
	closedir(d);
}

/* What the screens rely on in the shipped forms. */
static void shipped_contents(void **state)
{
	struct jz_form_def f;
	jz_err e;
	static const char *const person_keys[] = {"name", "id_number", "relation", "labour",
		"disability_cat", "disability_grade", "serious_illness", "student", "employment",
		"unemployed_since", "unemployment_insurance", "phone", "bank_account", "hukou", NULL};
	assert_int_equal(jz_form_load("person", NULL, &f, &e), 0);
	for (int i = 0; person_keys[i]; i++) {
		assert_non_null(jz_form_field(&f, person_keys[i]));
		assert_string_equal(f.fields[i].key, person_keys[i]); /* in this order */
	}
	const struct jz_field_def *d = jz_form_field(&f, "relation");
	assert_int_equal(d->type, JZ_F_CHOICE);
	assert_int_equal(d->nchoices, 17); /* continued on a second line */
	assert_string_equal(d->choices[0], "户主");
	assert_string_equal(d->choices[14], "兄弟");
	assert_string_equal(d->choices[16], "其他");
	d = jz_form_field(&f, "disability_grade");
	assert_string_equal(d->label, "残疾等级");
	assert_int_equal(d->nchoices, 4);
	assert_string_equal(d->choices[3], "4");
	assert_non_null(strstr(d->help, "一级到四级"));
	assert_int_equal(jz_form_field(&f, "serious_illness")->type, JZ_F_YESNO);
	assert_int_equal(jz_form_field(&f, "unemployed_since")->type, JZ_F_DATE);
	assert_int_equal(jz_form_field(&f, "id_number")->type, JZ_F_ID);
	assert_true(jz_form_field(&f, "name")->required);
	assert_string_equal(jz_form_field(&f, "labour")->deflt, "有劳动能力");
	assert_null(jz_form_field(&f, "nosuch"));
	assert_null(jz_form_field(&f, NULL));
	jz_form_free(&f);

	assert_int_equal(jz_form_load("household", NULL, &f, &e), 0);
	d = jz_form_field(&f, "village_id");
	assert_int_equal(d->type, JZ_F_CHOICE);
	assert_string_equal(d->source, "villages");
	assert_int_equal(d->nchoices, 1);
	assert_string_equal(d->choices[0], "@villages");
	assert_int_equal(jz_form_field(&f, "jiandang")->type, JZ_F_YESNO);
	assert_int_equal(jz_form_field(&f, "tuopin")->nchoices, 2);
	/* the screen fills @villages; then the check uses the list */
	struct jz_field_def *v = &f.fields[0];
	char norm[64];
	assert_int_equal(jz_field_check(v, "任何村", norm, sizeof norm, &e), 0);
	const char *const names[] = {"红星村", "河坝社区"};
	assert_int_equal(jz_form_set_choices(v, names, 2, &e), 0);
	assert_int_equal(jz_form_set_choices(v, names, 2, &e), 0); /* replaces */
	assert_int_equal(jz_field_check(v, "河坝社区", norm, sizeof norm, &e), 0);
	assert_int_equal(jz_field_check(v, "任何村", norm, sizeof norm, &e), -1);
	assert_non_null(strstr(e.msg, "红星村、河坝社区"));
	assert_int_equal(jz_form_set_choices(v, NULL, 0, &e), 0);
	assert_int_equal(jz_field_check(v, "红星村", norm, sizeof norm, &e), -1);
	assert_non_null(strstr(e.msg, "没有可选"));
	jz_form_free(&f);

	assert_int_equal(jz_form_load("village", NULL, &f, &e), 0);
	d = jz_form_field(&f, "groups");
	assert_int_equal(d->type, JZ_F_INT);
	assert_true(d->has_min && d->has_max && d->min == 0 && d->max == 99);
	assert_int_equal(jz_form_field(&f, "kind")->nchoices, 2);
	jz_form_free(&f);

	assert_int_equal(jz_form_load("standard", NULL, &f, &e), 0);
	assert_int_equal(jz_form_field(&f, "amount")->type, JZ_F_MONEY);
	assert_true(jz_form_field(&f, "amount")->max == 10000000LL); /* 100000 yuan in fen */
	assert_string_equal(jz_form_field(&f, "key")->choices[0], "低保标准");
	assert_int_equal(jz_form_field(&f, "from")->type, JZ_F_DATE);
	assert_int_equal(jz_form_field(&f, "area")->nchoices, 3);
	jz_form_free(&f);

	assert_int_equal(jz_form_load("township", NULL, &f, &e), 0);
	assert_non_null(jz_form_field(&f, "area_code"));
	jz_form_free(&f);
	assert_int_equal(jz_form_load("signin", NULL, &f, &e), 0);
	assert_non_null(jz_form_field(&f, "password"));
	jz_form_free(&f);

	assert_int_equal(jz_form_load("nosuch", NULL, &f, &e), -1);
	assert_non_null(strstr(e.msg, "nosuch"));
	assert_int_equal(jz_form_load("../etc/passwd", "/tmp", &f, &e), -1);
	assert_int_equal(jz_form_load("", NULL, &f, &e), -1);
}

/* ---- refused form files --------------------------------------------------- */

#define HEAD "[form]\ntitle = 测试\n"

static void broken_forms(void **state)
{
	refused(HEAD "[name]\nlabel = 姓名\ntype = txt\n", "第 5 行", "type", "txt", "text", NULL);
	refused(HEAD "[name]\nlabel = 姓名\ntype = text\nlable = 名字\n", "第 6 行", "lable", "不认识",
		NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\nchoices =\n", "第 6 行", "choices", "空", NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\n", "第 3 行", "缺少 choices", NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\nchoices = 男||女\n", "第 6 行", "空的一项", NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\nchoices = 男|女|男\n", "「男」出现了两次", NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\nchoices = 男|女\ndefault = 未知\n", "第 7 行",
		"default", "未知", NULL);
	refused(HEAD "[sex]\nlabel = 性别\ntype = choice\nchoices = @people\n", "@people", "@villages",
		NULL);
	refused(HEAD "[v]\nlabel = 村\ntype = choice\nchoices = 红星村|@villages\n", "单独写", NULL);
	refused(HEAD "[name]\nlabel = 姓名\ntype = text\n[name]\nlabel = 又一个\ntype = text\n", "第 6 行",
		"[name] 重复", "第 3 行", NULL);
	refused(HEAD "[n]\nlabel = 组数\ntype = int\nmin = 10\nmax = 5\n", "第 7 行", "min", "大于 max",
		NULL);
	refused(HEAD "[n]\nlabel = 组数\ntype = int\nmax = 五\n", "max", "不是整数", NULL);
	refused(HEAD "[d]\nlabel = 日期\ntype = date\nmax = 5\n", "date", "不能写 min 或 max", NULL);
	refused(HEAD "[d]\nlabel = 日期\ntype = date\nchoices = a|b\n", "date", "不能写 choices", NULL);
	refused(HEAD "[n]\nlabel = 是否\ntype = yesno\nrequired = maybe\n", "required", "maybe", NULL);
	refused(HEAD "[n]\ntype = text\n", "第 3 行", "缺少 label", NULL);
	refused(HEAD "[n]\nlabel = 名\n", "缺少 type", NULL);
	refused(HEAD "[n]\nlabel = 名\ntype = text\nlabel = 又名\n", "第 6 行", "label 重复", NULL);
	refused(HEAD "[n]\nlabel = 名\ntype = text\n[m]\n", "第 6 行", "[m]", "什么也没写", NULL);
	refused(HEAD "[Name]\nlabel = 名\ntype = text\n", "第 3 行", "[Name]", "小写", NULL);
	refused(HEAD "[form]\ntitle = 又一个\n", "第 3 行", "[form] 重复", NULL);
	refused(HEAD "[form2\n", "第 3 行", "]", NULL);
	refused(HEAD "[n]\nlabel = 名\ntype = text\n这一行没有等号\n", "第 6 行", "看不懂", NULL);
	refused(HEAD "[n]\nlabel = 名\n  type = text\n", "第 5 行", "续行", "label", NULL);
	refused("title = 测试\n[n]\nlabel = 名\ntype = text\n", "第 1 行", "[form]", NULL);
	refused("[n]\nlabel = 名\ntype = text\n", "缺少 [form]", NULL);
	refused("[form]\nhelp = 没有标题\n[n]\nlabel = 名\ntype = text\n", "title", NULL);
	refused("[form]\ntitle = 测试\ncolor = red\n[n]\nlabel = 名\ntype = text\n", "第 3 行", "color",
		NULL);
	refused(HEAD, "没有任何字段", NULL);
	refused("", "[form]", NULL);
	/* two problems: the first is told, the count given */
	refused(HEAD "[a]\nlabel = 名\ntype = txt\n[b]\nlabel = 名\ntype = bad\n", "第 5 行", "共 2 处问题",
		NULL);
	/* a label too long for the screen */
	refused(HEAD "[n]\nlabel = 这是一个非常非常非常非常非常非常非常非常长的显示名称\ntype = text\n",
		"第 4 行", "label 太长", NULL);

	/* 250 bytes on one line: refused, not cut by inih */
	char text[1024];
	char help[260];
	memset(help, 'a', 243);
	help[243] = '\0';
	snprintf(text, sizeof text, HEAD "[n]\nlabel = 名\ntype = text\nhelp = %s\n", help);
	assert_true(strlen(strstr(text, "help = ")) == 251);
	refused(text, "第 6 行", "太长", "250 字节", NULL);
	/* 197 bytes is the longest line inih holds with its \r\n\0 */
	memset(help, 'b', 190);
	help[190] = '\0';
	snprintf(text, sizeof text, HEAD "[n]\nlabel = 名\ntype = text\nhelp = %s\n", help);
	struct jz_form_def f;
	jz_err e;
	assert_int_equal(jz_form_parse("x.ini", text, strlen(text), &f, &e), 0);
	assert_int_equal(strlen(f.fields[0].help), 190);
	jz_form_free(&f);
	memset(help, 'b', 191);
	help[191] = '\0';
	snprintf(text, sizeof text, HEAD "[n]\nlabel = 名\ntype = text\nhelp = %s\r\n", help);
	refused(text, "第 6 行", "太长", NULL);

	/* GBK text (王建国) and a NUL byte */
	refused(HEAD "[n]\nlabel = \xCD\xF5\xBD\xA8\xB9\xFA\ntype = text\n", "第 4 行", "UTF-8", NULL);
	const char nul[] = HEAD "[n]\nlabel = 名\0\ntype = text\n";
	assert_int_equal(jz_form_parse("forms/bad.ini", nul, sizeof nul - 1, &f, &e), -1);
	assert_non_null(strstr(e.msg, "空字符"));
}

/* Lines that are fine: comments, BOM, CRLF, continuations, inline comments. */
static void accepted_forms(void **state)
{
	const char *text = "\xEF\xBB\xBF; 注释\r\n# 也是注释\r\n[form]\r\ntitle = 测试 ; 行尾注释\r\n"
			   "help = 第一段，\r\n  第二段。\r\n\r\n"
			   "[kind]\r\nlabel = 类型\r\ntype = choice\r\nrequired = yes\r\n"
			   "choices = 甲|乙\r\n\t|丙\r\n\t丁|\r\n\t戊\r\ndefault = 乙\r\nhelp = 说明\r\n"
			   "[money]\r\nlabel = 金额\r\ntype = money\r\nmin = 0.5\r\nmax = 1,000\r\n"
			   "[memo]\r\nlabel = 备注\r\ntype = note\r\nmax = 5\r\nrequired = 否\r\n";
	struct jz_form_def f;
	jz_err e;
	jz_err_clear(&e);
	if (jz_form_parse("/some/where/test.ini", text, strlen(text), &f, &e))
		print_error("%s\n", e.msg);
	assert_int_equal(e.code, JZ_OK);
	assert_string_equal(f.name, "test");
	assert_string_equal(f.title, "测试");
	assert_string_equal(f.help, "第一段，第二段。");
	assert_int_equal(f.nfields, 3);
	const struct jz_field_def *d = &f.fields[0];
	assert_string_equal(d->key, "kind");
	assert_true(d->required);
	assert_int_equal(d->nchoices, 5);
	assert_string_equal(d->choices[2], "丙");
	assert_string_equal(d->choices[3], "丁");
	assert_string_equal(d->choices[4], "戊");
	assert_string_equal(d->deflt, "乙");
	d = jz_form_field(&f, "money");
	assert_true(d->has_min && d->min == 50);
	assert_true(d->has_max && d->max == 100000);
	d = jz_form_field(&f, "memo");
	assert_int_equal(d->type, JZ_F_NOTE);
	assert_false(d->required);
	jz_form_free(&f);

	assert_string_equal(jz_ftype_name(JZ_F_MONEY), "money");
	assert_int_equal(jz_ftype_parse("yesno"), JZ_F_YESNO);
	assert_int_equal(jz_ftype_parse("Yesno"), -1);
}

/* ---- the file on disk wins ------------------------------------------------ */

static void disk_override(void **state)
{
	char dir[64], path[128];
	snprintf(dir, sizeof dir, "/tmp/jz-forms-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/person.ini", dir);

	const struct jz_builtin *b = jz_builtin_find("forms/person.ini");
	assert_non_null(b);
	const char *at = strstr((const char *)b->data, "label    = 姓名\n");
	assert_non_null(at);
	size_t pre = (size_t)(at - (const char *)b->data);
	char *text = malloc(b->len + 64);
	assert_non_null(text);
	int n = snprintf(text, b->len + 64, "%.*slabel    = 户籍姓名\n%s", (int)pre,
			 (const char *)b->data, at + strlen("label    = 姓名\n"));
	spit(path, text, (size_t)n);

	struct jz_form_def f;
	jz_err e;
	assert_int_equal(jz_form_load("person", dir, &f, &e), 0);
	assert_string_equal(jz_form_field(&f, "name")->label, "户籍姓名");
	jz_form_free(&f);
	/* without the folder, or for a form not in it: the built-in copy */
	assert_int_equal(jz_form_load("person", NULL, &f, &e), 0);
	assert_string_equal(jz_form_field(&f, "name")->label, "姓名");
	jz_form_free(&f);
	assert_int_equal(jz_form_load("household", dir, &f, &e), 0);
	jz_form_free(&f);
	assert_int_equal(jz_form_load("person", "/nonexistent/jz", &f, &e), 0);
	jz_form_free(&f);

	/* a broken override is refused, naming the file, not silently skipped */
	const char *broken = HEAD "[name]\nlabel = 姓名\ntype = txt\n";
	spit(path, broken, strlen(broken));
	assert_int_equal(jz_form_load("person", dir, &f, &e), -1);
	assert_non_null(strstr(e.msg, path));
	assert_non_null(strstr(e.msg, "第 5 行"));
	assert_non_null(strstr(e.msg, "删除"));
	assert_null(f.fields);
	jz_form_free(&f);

	unlink(path);
	rmdir(dir);
	free(text);
}

/* ---- jz_field_check -------------------------------------------------------- */

static struct jz_field_def def(const char *key, const char *label, enum jz_ftype t)
{
	struct jz_field_def d;
	memset(&d, 0, sizeof d);
	snprintf(d.key, sizeof d.key, "%s", key);
	snprintf(d.label, sizeof d.label, "%s", label);
	d.type = t;
	return d;
}

static void ok(const struct jz_field_def *d, const char *in, const char *want)
{
	char norm[256];
	jz_err e;
	jz_err_clear(&e);
	memset(norm, 'Z', sizeof norm);
	int r = jz_field_check(d, in, norm, sizeof norm, &e);
	if (r)
		print_error("%s \"%s\" refused: %s\n", d->key, in, e.msg);
	assert_int_equal(r, 0);
	assert_string_equal(norm, want);
	assert_int_equal(jz_field_check(d, in, NULL, 0, &e), 0);
}

static void no(const struct jz_field_def *d, const char *in, const char *word)
{
	char norm[256];
	jz_err e;
	jz_err_clear(&e);
	int r = jz_field_check(d, in, norm, sizeof norm, &e);
	if (r == 0)
		print_error("%s \"%s\" accepted as \"%s\"\n", d->key, in, norm);
	assert_int_equal(r, -1);
	assert_int_equal(e.code, JZ_EUSER);
	assert_string_equal(e.field, d->key);
	assert_non_null(strstr(e.msg, d->label)); /* names the field */
	if (word && !strstr(e.msg, word))
		print_error("message lacks \"%s\": %s\n", word, e.msg);
	assert_true(!word || strstr(e.msg, word));
}

static void check_text_types(void **state)
{
	struct jz_field_def d = def("name", "姓名", JZ_F_TEXT);
	ok(&d, "王建国", "王建国");
	ok(&d, "  王建国\xE3\x80\x80", "王建国"); /* spaces and U+3000 around */
	ok(&d, "", "");
	ok(&d, NULL, "");
	ok(&d, "ＡＢ１", "ＡＢ１"); /* text keeps full-width forms */
	no(&d, "王\n建国", "换行");
	no(&d, "\xCD\xF5", "GBK");
	d.required = 1;
	no(&d, "", "不能为空");
	no(&d, "   ", "不能为空");
	d.has_max = 1;
	d.max = 3;
	ok(&d, "王建国", "王建国");
	no(&d, "欧阳建国", "最多 3 个字");
	d.has_min = 1;
	d.min = 2;
	no(&d, "王", "至少");
	char small[4];
	jz_err e;
	assert_int_equal(jz_field_check(&d, "王建国", small, sizeof small, &e), -1); /* does not fit */

	d = def("memo", "备注", JZ_F_NOTE);
	ok(&d, "第一行\r\n第二行\n", "第一行\n第二行");
	no(&d, "响铃\a", "控制字符");
}

static void check_id_date(void **state)
{
	struct jz_field_def d = def("id_number", "身份证号", JZ_F_ID);
	ok(&d, "11010519491231002x", "11010519491231002X");
	ok(&d, " 110105 19491231 002X ", "11010519491231002X");
	ok(&d, "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"); /* full-width */
	no(&d, "1101051949123100", "18 位");
	no(&d, "110105491231002", "15 位");
	no(&d, "1101051949X231002X", "最后一位");
	no(&d, "11010519491231002Y", "数字");

	d = def("unemployed_since", "失业登记日期", JZ_F_DATE);
	ok(&d, "2026-03-10", "2026-03-10");
	ok(&d, "2026-3-5", "2026-03-05");
	ok(&d, "2026/3/5", "2026-03-05");
	ok(&d, "2026.03.05", "2026-03-05");
	ok(&d, "20260305", "2026-03-05");
	ok(&d, "2024-02-29", "2024-02-29");
	ok(&d, "２０２６－０３－１０", "2026-03-10");
	no(&d, "2026-02-29", "28 天");
	no(&d, "1900-02-29", "28 天");
	ok(&d, "2000-02-29", "2000-02-29");
	no(&d, "2026-13-01", "月份");
	no(&d, "2026-03-32", "31 天");
	no(&d, "2026-03", "YYYY-MM-DD");
	no(&d, "2026-03/05", "YYYY-MM-DD");
	no(&d, "26-03-05", "YYYY-MM-DD");
	no(&d, "1899-12-31", "年份");
	no(&d, "2026年3月5日", "YYYY-MM-DD");

	d = def("month", "月份", JZ_F_MONTH);
	ok(&d, "2026-03", "2026-03");
	ok(&d, "2026-3", "2026-03");
	ok(&d, "202603", "2026-03");
	ok(&d, "2026/12", "2026-12");
	no(&d, "2026-00", "月份");
	no(&d, "2026-03-01", "YYYY-MM");
}

static void check_money_int(void **state)
{
	struct jz_field_def d = def("amount", "金额", JZ_F_MONEY);
	ok(&d, "1500", "1500.00");
	ok(&d, "1500.5", "1500.50");
	ok(&d, "1,500.00", "1500.00");
	ok(&d, "1,234,567.89", "1234567.89");
	ok(&d, "0", "0.00");
	ok(&d, "0.07", "0.07");
	ok(&d, "007", "7.00");
	ok(&d, "１５００。５", "1500.50"); /* typed in Chinese mode */
	ok(&d, "１，５００", "1500.00");
	ok(&d, "", "");
	no(&d, "1500元", "元");
	no(&d, "¥1500", "单位");
	no(&d, "-5", "负数");
	no(&d, "+5", "正号");
	no(&d, "1.234", "两位小数");
	no(&d, "1,50", "逗号");
	no(&d, "1500,000", "逗号");
	no(&d, ",500", "逗号");
	no(&d, "1500.", "小数点后");
	no(&d, ".5", "0.5");
	no(&d, "1.5.0", "不是金额");
	no(&d, "一千", "不是金额");
	no(&d, "1 500", "不是金额");
	no(&d, "99999999999999", "太大");
	d.required = 1;
	no(&d, "", "不能为空");
	d.has_min = d.has_max = 1;
	d.min = 100;      /* 1 yuan */
	d.max = 10000000; /* 100000 yuan */
	ok(&d, "1", "1.00");
	ok(&d, "100,000", "100000.00");
	no(&d, "0.99", "不能少于 1.00 元");
	no(&d, "100000.01", "不能超过 100000.00 元");

	d = def("groups", "组数", JZ_F_INT);
	d.has_min = d.has_max = 1;
	d.min = 0;
	d.max = 99;
	ok(&d, "0", "0");
	ok(&d, "007", "7");
	ok(&d, "99", "99");
	ok(&d, "１２", "12");
	no(&d, "100", "0 到 99");
	no(&d, "-1", "0 到 99");
	no(&d, "1.5", "整数");
	no(&d, "3组", "整数");
	no(&d, "-", "整数");
	no(&d, "99999999999999999999999", "太大");
	d.has_max = 0;
	ok(&d, "123456789012", "123456789012");
	no(&d, "-3", "不能小于 0");
	d.has_min = 0;
	ok(&d, "-3", "-3");
}

static void check_choice_yesno_phone(void **state)
{
	char *choices[] = {"户主", "配偶", "子", "女"};
	struct jz_field_def d = def("relation", "与户主关系", JZ_F_CHOICE);
	d.choices = choices;
	d.nchoices = 4;
	ok(&d, "配偶", "配偶");
	ok(&d, " 子 ", "子");
	no(&d, "儿子", "户主、配偶、子、女");
	d.required = 1;
	no(&d, "", "不能为空");

	char *fw[] = {"村（社区）", "1"};
	d = def("kind", "类型", JZ_F_CHOICE);
	d.choices = fw;
	d.nchoices = 2;
	ok(&d, "村（社区）", "村（社区）"); /* full-width brackets kept */
	ok(&d, "１", "1");

	d = def("jiandang", "建档立卡", JZ_F_YESNO);
	ok(&d, "是", "是");
	ok(&d, "否", "否");
	ok(&d, "Y", "是");
	ok(&d, "no", "否");
	ok(&d, "1", "是");
	ok(&d, "0", "否");
	ok(&d, "", "");
	no(&d, "对", "是」或「否");
	no(&d, "yess", "是」或「否");

	d = def("phone", "联系电话", JZ_F_PHONE);
	ok(&d, "13812345678", "13812345678");
	ok(&d, "023-52212345", "023-52212345");
	ok(&d, "138 1234 5678", "13812345678");
	ok(&d, "１３８１２３４５６７８", "13812345678");
	no(&d, "123", "7 到 20 位");
	no(&d, "138-1234-abcd", "7 到 20 位");
	no(&d, "-52212345", "7 到 20 位");
	no(&d, "023--52212345", "7 到 20 位");
	no(&d, "123456789012345678901", "7 到 20 位");
}

/* ---- money helpers ---------------------------------------------------------- */

static void money_helpers(void **state)
{
	static const struct {
		const char *in;
		long long fen;
	} good[] = {
		{"1500", 150000}, {"1500.5", 150050}, {"1,500.00", 150000}, {"0.29", 29},
		{"0.57", 57}, {"1.15", 115}, {"4.35", 435}, {"1234567890.99", 123456789099LL},
		{"999999999999.99", 99999999999999LL}, {"1000000000000", 100000000000000LL},
		{" 12.30 ", 1230}, {"0.1", 10}, {"0.01", 1},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		long long fen = -1;
		jz_err e;
		if (jz_money_parse(good[i].in, &fen, &e))
			print_error("%s: %s\n", good[i].in, e.msg);
		assert_true(fen == good[i].fen); /* exact: 0.29 is 29 fen, not 28 */
	}
	static const char *const bad[] = {"1500元", "-5", "1.234", "", "1,50", "   ", NULL, "1e3",
		"0x10", "1500.", "1000000000000.01", "nan", "inf", "１５００"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long long fen = 42;
		jz_err e;
		jz_err_clear(&e);
		assert_int_equal(jz_money_parse(bad[i], &fen, &e), -1);
		assert_true(fen == 42); /* untouched */
		assert_int_equal(e.code, JZ_EUSER);
		assert_non_null(strstr(e.msg, "金额"));
	}

	char buf[32];
	jz_money_format(150050, buf, sizeof buf);
	assert_string_equal(buf, "1500.50");
	jz_money_format(0, buf, sizeof buf);
	assert_string_equal(buf, "0.00");
	jz_money_format(7, buf, sizeof buf);
	assert_string_equal(buf, "0.07");
	jz_money_format(-5, buf, sizeof buf);
	assert_string_equal(buf, "-0.05");
	jz_money_format(-123456, buf, sizeof buf);
	assert_string_equal(buf, "-1234.56");
	jz_money_format(9223372036854775807LL, buf, sizeof buf);
	assert_string_equal(buf, "92233720368547758.07");
	jz_money_format(-9223372036854775807LL - 1, buf, sizeof buf);
	assert_string_equal(buf, "-92233720368547758.08");
	char tiny[5];
	jz_money_format(150050, tiny, sizeof tiny);
	assert_string_equal(tiny, "1500"); /* cut, still terminated */

	/* every amount from 0.00 to 20.00 goes round exactly */
	for (long long fen = 0; fen <= 2000; fen++) {
		long long back = -1;
		jz_err e;
		jz_money_format(fen, buf, sizeof buf);
		assert_int_equal(jz_money_parse(buf, &back, &e), 0);
		assert_true(back == fen);
	}
}

/* Money never touches a binary fraction: no float type or float parsing
 * in the form engine's source. */
static void no_float(void **state)
{
	char path[512];
	snprintf(path, sizeof path, "%s/src/io/form_file.c", src_dir());
	size_t len;
	char *text = slurp(path, &len);
	assert_non_null(text);
	static const char *const words[] = {"float", "double", "strtod", "strtof", "atof", "%f",
		"%g", "%e", "math.h", "round(", NULL};
	for (int i = 0; words[i]; i++) {
		if (strstr(text, words[i]))
			print_error("src/io/form_file.c uses %s\n", words[i]);
		assert_null(strstr(text, words[i]));
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_forms_parse),
		cmocka_unit_test(disk_equals_builtin),
		cmocka_unit_test(shipped_lines_short),
		cmocka_unit_test(shipped_contents),
		cmocka_unit_test(broken_forms),
		cmocka_unit_test(accepted_forms),
		cmocka_unit_test(disk_override),
		cmocka_unit_test(check_text_types),
		cmocka_unit_test(check_id_date),
		cmocka_unit_test(check_money_int),
		cmocka_unit_test(check_choice_yesno_phone),
		cmocka_unit_test(money_helpers),
		cmocka_unit_test(no_float),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
