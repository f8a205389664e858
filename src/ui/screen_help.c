/* screen_help.c — the key reference (F1 or ?). */
#include <stdlib.h>

#include "ui/desk.h"

static const char *const lines[] = {
	"按键一览（功能键在有些终端上无效时，可以用右边的字母键或 Esc 加数字）",
	"",
	"  F1  或 ?        帮助（本页）",
	"  F2  或 Ctrl-S   保存表单",
	"  F3  或 /        查找家庭和人员（姓名、拼音首字母、身份证号片段、户编号、电话）",
	"  F9  或 m        菜单",
	"  F10 或 q        退出救助台",
	"  Esc             返回上一层；表单有改动时会先问：保存 / 放弃 / 继续编辑",
	"  Esc 再按 1..9,0 相当于 F1..F10",
	"",
	"  上下键 PgUp PgDn 在列表中移动        Enter  打开选中的一项",
	"  Tab / Shift-Tab 在表单的字段之间移动  左右键 Home End 在字段内移动光标",
	"  Backspace Del   删除字符              Ctrl-U / Ctrl-K  删到行首 / 行尾",
	"",
	"  字母键 ? / m q 只在光标不在输入框里时才是快捷键；在输入框里就是输入。",
	"  终端至少要 80x24。日期都写成 YYYY-MM-DD，金额按元填写（例如 1500 或 1500.50）。",
};

static void draw(jz_desk *d, void *p)
{
	(void)p;
	int n = (int)(sizeof lines / sizeof lines[0]);
	for (int i = 0; i < n && 2 + i < d->rows - 2; i++)
		jz_draw_text(stdscr, 2 + i, 2, lines[i], d->cols - 4, 0);
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	(void)d, (void)p;
	if (k->fn == 1 || (!k->is_key && !k->fn && (k->code == '?' || k->code == JZ_ESC || k->code == '\n')))
		return JZ_KEY_CLOSE;
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"Esc", "返回"};
	return 1;
}

void jz_push_help(jz_desk *d)
{
	jz_screen s = {.title = "帮助", .draw = draw, .key = key, .keybar = keybar};
	jz_desk_push(d, &s);
}
