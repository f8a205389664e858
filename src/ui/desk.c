/* desk.c — placeholder until the desk lands. */
#include <stdio.h>

#include "cli/cli.h"

int jz_cmd_desk(jz_cli *c)
{
	(void)c;
	fprintf(stderr, "jiuzhu: 工作台尚未完成\n");
	return 1;
}
