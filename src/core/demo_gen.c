/* demo_gen.c — random, repeatable families for the demo (see demo_gen.h):
 * names, valid unique IDs, ages, disabilities, students, migrant workers. */
#include "core/demo_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/household.h"
#include "core/id.h"

void jz_demo_gen_init(struct jz_demo_gen *g, unsigned long long seed)
{
	char today[11];
	g->rng = seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
	jz_today(today);
	/* Fixed reference so the same seed gives the same people on any day. */
	snprintf(g->ref, sizeof g->ref, "%s", strcmp(today, "2025-12-31") < 0 ? today : "2025-12-31");
}

void jz_demo_gen_free(struct jz_demo_gen *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->ids_cap; i++)
		free(g->ids[i]);
	free(g->ids);
	free(g);
}

unsigned jz_demo_rand(struct jz_demo_gen *g, unsigned n) /* splitmix64 */
{
	unsigned long long z = (g->rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return n ? (unsigned)(z % n) : 0;
}

int jz_demo_pct(struct jz_demo_gen *g, unsigned p) { return jz_demo_rand(g, 100) < p; }

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Adds id to the set; 0 if it was already there. */
static int id_set_add(struct jz_demo_gen *g, const char *id)
{
	if (g->ids_n * 2 >= g->ids_cap) {
		size_t cap = g->ids_cap ? g->ids_cap * 2 : 4096;
		char **n = calloc(cap, sizeof *n);
		if (!n)
			return -1;
		for (size_t i = 0; i < g->ids_cap; i++)
			if (g->ids[i]) {
				size_t k = hash_str(g->ids[i]) % cap;
				while (n[k])
					k = (k + 1) % cap;
				n[k] = g->ids[i];
			}
		free(g->ids);
		g->ids = n;
		g->ids_cap = cap;
	}
	size_t k = hash_str(id) % g->ids_cap;
	for (; g->ids[k]; k = (k + 1) % g->ids_cap)
		if (!strcmp(g->ids[k], id))
			return 0;
	g->ids[k] = strdup(id);
	g->ids_n++;
	return g->ids[k] ? 1 : -1;
}

static void birth_for_age(struct jz_demo_gen *g, int age, char out[11])
{
	long days = jz_date_to_days(g->ref) - (long)age * 365 - jz_demo_rand(g, 365);
	jz_days_to_date(days, out);
}

static int make_id(struct jz_demo_gen *g, const char *birth, char sex, char out[19])
{
	static const char *const others[] = {"500101", "500235", "510722", "420528", "500113"};
	unsigned r = jz_demo_rand(g, 100);
	const char *area = r < 85 ? "500154" : r < 95 ? "500234" : others[jz_demo_rand(g, 5)];
	for (int tries = 0; tries < 1000; tries++) {
		unsigned seq = jz_demo_rand(g, 500) * 2 + (sex == 'M');
		char first17[18];
		snprintf(first17, sizeof first17, "%.6s%.4s%.2s%.2s%03u", area, birth, birth + 5,
			 birth + 8, seq % 1000);
		snprintf(out, 19, "%s%c", first17, jz_id_check_digit(first17));
		int added = id_set_add(g, out);
		if (added)
			return added < 0 ? -1 : 0;
	}
	return -1;
}

static void make_name(struct jz_demo_gen *g, const char *surname, char sex, char *out, size_t n)
{
	const char *const *chars = sex == 'M' ? jz_demo_male_chars : jz_demo_female_chars;
	int nchars = sex == 'M' ? jz_demo_male_chars_n : jz_demo_female_chars_n;
	const char *a = chars[jz_demo_rand(g, nchars)];
	if (jz_demo_pct(g, 30))
		snprintf(out, n, "%s%s", surname, a);
	else
		snprintf(out, n, "%s%s%s", surname, a, chars[jz_demo_rand(g, nchars)]);
}

const char *jz_demo_surname(struct jz_demo_gen *g)
{
	int total = 0;
	for (int i = 0; i < jz_demo_surnames_n; i++)
		total += jz_demo_surnames[i].weight;
	int r = (int)jz_demo_rand(g, total);
	for (int i = 0; i < jz_demo_surnames_n; i++)
		if ((r -= jz_demo_surnames[i].weight) < 0)
			return jz_demo_surnames[i].text;
	return "王";
}

static void disability(struct jz_demo_gen *g, jz_person *p, int age)
{
	static const char *const cats[] = {"肢体", "肢体", "肢体", "视力", "听力", "言语", "智力", "精神", "多重"};
	if (!jz_demo_pct(g, age >= 60 ? 12 : 4))
		return;
	snprintf(p->disability_cat, sizeof p->disability_cat, "%s", cats[jz_demo_rand(g, 9)]);
	p->disability_grade = 1 + (int)jz_demo_rand(g, 4);
}

static void work(struct jz_demo_gen *g, jz_person *p, int age, int rural)
{
	const char *labour = "有劳动能力";
	if (age < 16 || (age > 70 && jz_demo_pct(g, 60)) || (p->disability_grade && p->disability_grade <= 2))
		labour = "完全丧失";
	else if (age > 70 || (age >= 60 && jz_demo_pct(g, 40)) || p->serious_illness || p->disability_grade)
		labour = "部分丧失";
	snprintf(p->labour, sizeof p->labour, "%s", labour);
	p->student = (age >= 6 && age <= 18 && jz_demo_pct(g, 95)) || (age >= 19 && age <= 22 && jz_demo_pct(g, 40));
	if (age < 18 || age >= 60 || p->student || strcmp(labour, "完全丧失") == 0)
		return;
	static const char *const rural_jobs[] = {"外出务工", "外出务工", "外出务工", "灵活就业",
		"灵活就业", "在职", "登记失业", "未登记失业", "其他", "其他"};
	static const char *const urban_jobs[] = {"在职", "在职", "在职", "灵活就业", "灵活就业",
		"外出务工", "登记失业", "未登记失业", "困难企业职工", "其他"};
	const char *job = (rural ? rural_jobs : urban_jobs)[jz_demo_rand(g, 10)];
	if (age >= 21 && age <= 25 && jz_demo_pct(g, 15))
		job = "未就业高校毕业生";
	snprintf(p->employment, sizeof p->employment, "%s", job);
	if (strcmp(job, "登记失业") == 0) {
		jz_days_to_date(jz_date_to_days(g->ref) - 30 - jz_demo_rand(g, 700), p->unemployed_since);
		p->unemployment_insurance = jz_demo_pct(g, 30);
	}
}

static void contact(struct jz_demo_gen *g, jz_person *p, int is_head, int age)
{
	static const char *const pre[] = {"138", "139", "136", "151", "158", "187", "177", "199"};
	if (age >= 18 && (is_head || jz_demo_pct(g, 40)))
		snprintf(p->phone, sizeof p->phone, "%s%08u", pre[jz_demo_rand(g, 8)],
			 jz_demo_rand(g, 100000000));
	if (is_head && jz_demo_pct(g, 90))
		snprintf(p->bank_account, sizeof p->bank_account, "622848%07u%06u",
			 jz_demo_rand(g, 10000000), jz_demo_rand(g, 1000000));
}

int jz_demo_person(struct jz_demo_gen *g, jz_person *p, const char *surname, char sex,
		       int age, int is_head, int rural)
{
	char birth[11];
	memset(p, 0, sizeof *p);
	birth_for_age(g, age, birth);
	if (make_id(g, birth, sex, p->id_number))
		return -1;
	make_name(g, surname, sex, p->name, sizeof p->name);
	disability(g, p, age);
	p->serious_illness = jz_demo_pct(g, age >= 60 ? 7 : 2);
	work(g, p, age, rural);
	contact(g, p, is_head, age);
	return 0;
}

