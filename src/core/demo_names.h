/* demo_names.h — word lists the demo draws from: surnames with their
 * frequency, given-name characters, villages. */
#ifndef JZ_DEMO_NAMES_H
#define JZ_DEMO_NAMES_H

struct jz_weighted {
	const char *text;
	int weight;
};

extern const struct jz_weighted jz_demo_surnames[];
extern const int jz_demo_surnames_n;
extern const char *const jz_demo_male_chars[];
extern const int jz_demo_male_chars_n;
extern const char *const jz_demo_female_chars[];
extern const int jz_demo_female_chars_n;
extern const char *const jz_demo_villages[];   /* "name|kind|groups" */
extern const int jz_demo_villages_n;
extern const char *const jz_demo_streets[];
extern const int jz_demo_streets_n;

#endif
