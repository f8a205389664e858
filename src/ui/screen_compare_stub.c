/* screen_compare_stub.c — a stand-in for jz_push_compare (数据比对), which
 * another branch writes. Delete at merge: this file only lets the 导入与比对
 * chooser (screen_tools.c) link on the import branch. */
#include "ui/desk.h"

void jz_push_compare(jz_desk *d)
{
	jz_desk_msg(d, 0, "「数据比对」尚未完成，将在后续版本提供");
}
