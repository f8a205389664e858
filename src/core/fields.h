/* fields.h — form keys bound to record members, so the form screen stays
 * generic: it shows the fields of forms/person.ini or forms/household.ini
 * (io/form_file.h) and moves each value between the record and its line by
 * key. Values are text as a form shows them: yes/no as 是/否, the disability
 * grade "1".."4" or "" for none, the village as its decimal row id.
 *
 * The set functions store the value only: the checks of the field's type
 * (jz_field_check) come before, the core's rules (jz_person_validate,
 * jz_household_validate) after. */
#ifndef JZ_FIELDS_H
#define JZ_FIELDS_H

#include <stddef.h>

#include "core/err.h"
#include "core/model.h"

/* Person keys: name id_number relation labour disability_cat
 * disability_grade serious_illness student employment unemployed_since
 * unemployment_insurance phone bank_account hukou; read only (get, not set):
 * sex (男/女, from the ID), birth, deceased_on (see jz_person_died). */
int jz_person_get_field(const jz_person *p, const char *key, char *buf, size_t n); /* 0, or -1 unknown key */
int jz_person_set_field(jz_person *p, const char *key, const char *value, jz_err *e);

/* Household keys: village_id number grp address area poverty_cause
 * jiandang tuopin monitored edge relocated no_labour phone; read only:
 * closed_on. */
int jz_household_get_field(const jz_household *h, const char *key, char *buf, size_t n);
int jz_household_set_field(jz_household *h, const char *key, const char *value, jz_err *e);

#endif
