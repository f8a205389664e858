/* builtin.h — data files compiled into the binary.
 *
 * tools/embed.sh writes build/gen/builtin_files.c from the files
 * forms/NAME.ini and reports/NAME (see the Makefile), so the program runs with no files beside
 * it. A file on disk of the same name, when there is one, takes precedence
 * (see io/form_file.h): the built-in copy is the fallback. */
#ifndef JZ_BUILTIN_H
#define JZ_BUILTIN_H

struct jz_builtin {
	const char *name;          /* path as given to embed.sh: "forms/person.ini" */
	const unsigned char *data; /* len bytes, followed by a NUL not counted in len */
	unsigned len;
};

/* Every embedded file in the order given to embed.sh (the Makefile sorts
 * them), jz_builtin_files_n of them; a {NULL, NULL, 0} entry follows the
 * last one. */
extern const struct jz_builtin jz_builtin_files[];
extern const unsigned jz_builtin_files_n;

/* The embedded file called name ("forms/person.ini"), or NULL. */
const struct jz_builtin *jz_builtin_find(const char *name);

#endif
