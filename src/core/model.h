/* model.h — the plain records the core works on and the store reads and
 * writes. Types only: no functions here, so the store may include it. */
#ifndef JZ_MODEL_H
#define JZ_MODEL_H

typedef long long jz_rowid;

typedef struct jz_township {
	char name[96];
	char county[96];
	char area_code[7];
	char phone[32];
	int is_demo;
	char created_at[20];
} jz_township;

typedef struct jz_village {
	jz_rowid id;
	char code[8];   /* two digits, part of household numbers */
	char name[96];
	char kind[8];   /* 村 or 社区 */
	char area[8];   /* 农村 or 城市 */
	int groups;     /* number of 组 */
} jz_village;

typedef struct jz_household {
	jz_rowid id;
	char number[24];
	jz_rowid village_id;
	char grp[24];
	char address[192];
	char area[8];           /* 城市 / 农村 */
	char poverty_cause[24]; /* 致贫原因, coded: 疾病 残疾 因学 灾害 缺乏劳动力 其他 */
	int jiandang;           /* 建档立卡 */
	char tuopin[12];        /* '' / 未脱贫 / 已脱贫 */
	int monitored;          /* 脱贫监测户 */
	int edge;               /* 边缘户 */
	int relocated;          /* 易地扶贫搬迁 */
	int no_labour;          /* 整户无劳动力 */
	char phone[32];
	char closed_on[11];
} jz_household;

typedef struct jz_person {
	jz_rowid id;
	char id_number[19];
	char name[96];
	char sex;          /* 'M' / 'F', derived from the ID */
	char birth[11];    /* derived from the ID */
	jz_rowid household_id; /* 0: not in a household of the township */
	char relation[24]; /* 户主 (also typed 本人), 配偶, 子, 女, ... */
	char labour[24];   /* 有劳动能力 / 部分丧失 / 完全丧失 */
	char disability_cat[12];
	int disability_grade; /* 0 none, 1..4 */
	int serious_illness;
	int student;
	char employment[40];
	char unemployed_since[11];
	int unemployment_insurance;
	char phone[32];
	char bank_account[40];
	char deceased_on[11];
	char hukou[96];    /* where a non-local person is from */
} jz_person;

typedef struct jz_operator {
	jz_rowid id;
	char login[32];
	char name[64];
	char roles[96];    /* comma-separated: 经办,审核,审批,管理员 */
	char id_number[19]; /* the operator's own ID: he never approves his household */
	int disabled;
	int failed;             /* wrong passwords in a row */
	char locked_until[20];  /* YYYY-MM-DDTHH:MM:SS, "" when not locked */
} jz_operator;

#endif
