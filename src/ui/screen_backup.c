/* screen_backup.c — 备份 at the desk: the backups kept next to the
 * database (newest first, with what each holds), b a backup now, u a copy
 * to a folder of the clerk's choice (a USB stick kept off-site), r restore
 * the selected one (an 管理员's password; the current file is kept aside). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/backup.h"
#include "ui/desk.h"

#define MAX_BACKUPS 64

struct bk {
	char path[MAX_BACKUPS][4096];
	char info[MAX_BACKUPS][256];
	int n, sel;
};

static void load(jz_desk *d, struct bk *b)
{
	char why[512];
	b->n = jz_backup_list(jz_db_path(d->s.db), b->path, MAX_BACKUPS);
	for (int i = 0; i < b->n; i++) {
		struct jz_file_info fi;
		if (jz_store_file_info(b->path[i], &fi, why, sizeof why) == 1)
			snprintf(b->info[i], sizeof b->info[i], "%lld 条记录，最后 %.10s %.5s", fi.events, fi.last_event,
				 fi.last_event + 11);
		else
			snprintf(b->info[i], sizeof b->info[i], "不能用（已损坏）");
	}
	if (b->sel >= b->n)
		b->sel = b->n ? b->n - 1 : 0;
}

static void draw(jz_desk *d, void *p)
{
	struct bk *b = p;
	char dir[4096], line[4300];
	jz_backup_dir(jz_db_path(d->s.db), dir, sizeof dir);
	snprintf(line, sizeof line, "备份文件夹：%s（关闭工作台时自动备份，每天一份）", dir);
	jz_draw_text(stdscr, 1, 2, line, d->cols - 4, 0);
	if (!b->n)
		jz_draw_text(stdscr, 3, 2, "还没有备份。按 b 立即备份，按 u 拷到 U 盘", d->cols - 4, 0);
	int rows = jz_desk_body_rows(d) - 3;
	int first = b->sel >= rows ? b->sel - rows + 1 : 0;
	for (int i = 0; i < rows && first + i < b->n; i++) {
		const char *name = strrchr(b->path[first + i], '/');
		int a = first + i == b->sel ? jz_attr(d, JZ_PAIR_SELECT) : 0;
		attron(a);
		mvhline(3 + i, 0, ' ', d->cols);
		jz_draw_text(stdscr, 3 + i, 2, name ? name + 1 : b->path[first + i], 34, 1);
		jz_draw_text(stdscr, 3 + i, 37, b->info[first + i], d->cols - 39, 0);
		attroff(a);
	}
}

static void progress(int done, int total, void *arg)
{
	jz_desk *d = arg;
	if (total > 0) {
		jz_desk_msg(d, 0, "正在备份……%d%%", (int)(100LL * done / total));
		jz_desk_draw_now(d);
	}
}

static int make(jz_desk *d, struct bk *b, const char *where)
{
	char out[4400];
	jz_err e = {0};
	if (jz_backup_make(d->s.db, where, out, sizeof out, progress, d, &e))
		jz_desk_report(d, &e);
	else
		jz_desk_msg(d, 0, "已备份到 %s", out);
	load(d, b);
	return JZ_KEY_REDRAW;
}

static int key(jz_desk *d, void *p, const jz_key *k)
{
	struct bk *b = p;
	char dir[1024];
	if (k->fn)
		return JZ_KEY_IGNORED;
	if (k->is_key) {
		if (k->code == KEY_UP && b->sel > 0)
			b->sel--;
		else if (k->code == KEY_DOWN && b->sel + 1 < b->n)
			b->sel++;
		else
			return JZ_KEY_IGNORED;
		return JZ_KEY_REDRAW;
	}
	switch (k->code) {
	case 'b':
		return make(d, b, NULL);
	case 'u':
		if (!jz_desk_prompt(d, "拷到哪个文件夹（U 盘）：", "/media/", dir, sizeof dir))
			return JZ_KEY_REDRAW;
		return make(d, b, dir);
	case 'r':
		if (!b->n)
			return JZ_KEY_HANDLED;
		if (jz_desk_ask(d, "用选中的备份替换现在的数据？现在的文件会改名保留。y 恢复 Esc 取消", "y") != 'y')
			return JZ_KEY_REDRAW;
		jz_desk_restore(d, b->path[b->sel]); /* on success the desk is back at the sign-in */
		return JZ_KEY_REDRAW;
	case JZ_ESC:
		return JZ_KEY_CLOSE;
	}
	return JZ_KEY_IGNORED;
}

static int keybar(jz_desk *d, void *p, struct jz_keyitem *out, int max)
{
	(void)d, (void)p, (void)max;
	out[0] = (struct jz_keyitem){"b", "立即备份"};
	out[1] = (struct jz_keyitem){"u", "拷到U盘"};
	out[2] = (struct jz_keyitem){"r", "恢复"};
	out[3] = (struct jz_keyitem){"Esc", "返回"};
	return 4;
}

void jz_push_backup(jz_desk *d)
{
	struct bk *b = calloc(1, sizeof *b);
	if (!b)
		return;
	load(d, b);
	jz_screen s = {.title = "备份", .st = b, .draw = draw, .key = key, .free = free, .keybar = keybar};
	jz_desk_push(d, &s);
}
