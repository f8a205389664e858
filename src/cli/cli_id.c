/* cli_id.c — `jiuzhu id check ID...`: checks resident IDs as the forms do. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/id.h"

int jz_cmd_id(jz_cli *c)
{
	const char *pos[64];
	jz_opt opts[] = {{0}};
	jz_err e = {0};
	char today[11];
	int n = jz_cli_parse(c, opts, pos, 64, &e), bad = 0;
	if (n < 0)
		return jz_cli_report(&e);
	if (n < 2 || strcmp(pos[0], "check")) {
		fprintf(stderr, "jiuzhu: 用法：jiuzhu id check 身份证号...\n");
		return 1;
	}
	jz_today(today);
	for (int i = 1; i < n; i++) {
		char out[19];
		jz_id_info info;
		if (jz_id_normalize(pos[i], today, 1, out, &info, &e)) {
			printf("%s\t错误：%s\n", pos[i], e.msg);
			bad = 1;
			continue;
		}
		printf("%s\t正确\t%s\t%s\t出生 %s\t区划 %s\n", pos[i], out, jz_sex_label(info.sex),
		       info.birth, info.area);
	}
	return bad;
}
