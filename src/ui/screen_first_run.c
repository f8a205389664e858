/* screen_first_run.c — the desk's first run on a new database: the same
 * questions as `jiuzhu init` (the township's form, then the password of the
 * 管理员 admin), then the sign-in screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/township.h"
#include "ui/form_screen.h"

static const char *const lines[] = {
	"欢迎使用救助台。",
	"",
	"这是一个新的数据文件，还没有乡镇。按 Enter 填写乡镇名称、所属县（区）和",
	"行政区划代码，再为管理员 admin 设置密码，之后用 admin 登录。",
	"",
	"如果只是想先看看，请按 F10 退出，然后运行 jiuzhu demo 打开演示乡镇。",
};

static void draw(jz_desk *d, void *p)
{
	(void)p;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		jz_draw_text(stdscr, 3 + (int)i, 4, lines[i], d->cols - 8, 0);
	jz_draw_text(stdscr, 12, 4, jz_db_path(d->s.db), d->cols - 8, 0);
}

static int town_get(const void *r, const char *k, char *b, size_t n)
{
	const jz_township *t = r;
	const char *v = !strcmp(k, "name") ? t->name : !strcmp(k, "county") ? t->county :
			!strcmp(k, "area_code") ? t->area_code : !strcmp(k, "phone") ? t->phone : NULL;
	if (!v)
		return -1;
	snprintf(b, n, "%s", v);
	return 0;
}

static int town_set(void *r, const char *k, const char *v, jz_err *e)
{
	jz_township *t = r;
	char *dst = !strcmp(k, "name") ? t->name : !strcmp(k, "county") ? t->county :
		    !strcmp(k, "phone") ? t->phone : NULL;
	if (!strcmp(k, "area_code"))
		return snprintf(t->area_code, sizeof t->area_code, "%s", v) >= (int)sizeof t->area_code ?
			jz_fail_field(e, JZ_EUSER, "area_code", "「行政区划代码」应为 6 位数字") : 0;
	if (!dst)
		return jz_fail(e, JZ_EDATA, "表单字段「%s」不属于乡镇", k);
	snprintf(dst, sizeof t->name, "%s", v);
	return 0;
}

static int town_create(jz_desk *d, void *r, const char *why, jz_err *e)
{
	char pw[256], again[256];
	(void)why;
	if (!jz_desk_prompt_ex(d, "管理员 admin 的密码：", "", pw, sizeof pw, 1))
		return jz_fail(e, JZ_EUSER, "没有设置密码，乡镇未建立；按 F2 重新保存");
	if (!jz_desk_prompt_ex(d, "再输入一次密码：", "", again, sizeof again, 1) || strcmp(pw, again))
		return jz_fail(e, JZ_EUSER, "两次输入的密码不一样，乡镇未建立；按 F2 重新保存");
	if (jz_township_create(d->s.db, r, pw, e))
		return -1;
	return jz_township_load(d->s.db, &d->town, e);
}

static void open_form(jz_desk *d)
{
	jz_township *t = calloc(1, sizeof *t);
	if (!t)
		return;
	struct jz_form_ops ops = {.rec = t, .get = town_get, .set = town_set, .save = town_create,
				  .free = free};
	jz_push_form(d, "township", "新建乡镇", &ops);
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	(void)p;
	if (!k->fn && !k->is_key && (k->code == '\n' || k->code == '\r')) {
		open_form(d);
		return JZ_KEY_REDRAW;
	}
	if (!k->fn && !k->is_key && k->code == JZ_ESC)
		return JZ_KEY_QUIT;
	return JZ_KEY_IGNORED;
}

/* Back from the form: signed-in work starts once the township exists. */
static void resume(jz_desk *d, void *p)
{
	(void)p;
	if (d->town.name[0]) {
		jz_desk_msg(d, 0, "已建立乡镇「%s」，请用 admin 和刚才的密码登录", d->town.name);
		jz_push_signin_root(d);
	}
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Enter", "填写乡镇"};
	return 1;
}

void jz_push_first_run(jz_desk *d)
{
	jz_screen s = {.title = "第一次使用", .draw = draw, .key = key, .keybar = keybar, .resume = resume};
	jz_desk_push(d, &s);
}
