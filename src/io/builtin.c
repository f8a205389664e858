/* builtin.c — finding a data file compiled into the binary (see builtin.h). */
#include "io/builtin.h"

#include <string.h>

const struct jz_builtin *jz_builtin_find(const char *name)
{
	if (!name)
		return NULL;
	for (unsigned i = 0; i < jz_builtin_files_n; i++)
		if (strcmp(jz_builtin_files[i].name, name) == 0)
			return &jz_builtin_files[i];
	return NULL;
}
