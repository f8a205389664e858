/* cli.h — what the subcommands share: options, opening the database,
 * asking for a password, and reporting errors with the right exit code
 * (0 ok, 1 user error, 2 data or file error). */
#ifndef JZ_CLI_H
#define JZ_CLI_H

#include "core/err.h"
#include "core/session.h"

typedef struct jz_cli {
	int argc;
	char **argv;         /* the subcommand's own arguments, argv[0] = its name */
	const char *db_path; /* from --db or JIUZHU_DB, or NULL for the default */
	const char *command; /* the top-level command ("household" for household add): --help's */
} jz_cli;

/* Prints e's message to stderr ("jiuzhu: ...") and returns its exit code. */
int jz_cli_report(const jz_err *e);
/* The database path: --db, JIUZHU_DB, else $XDG_DATA_HOME/jiuzhu/<file>
 * (~/.local/share/jiuzhu/<file>). Creates the folder when create is set. */
int jz_cli_db_path(const jz_cli *c, const char *file, int create, char *out, size_t n, jz_err *e);
/* The arguments after a subcommand's verb ("case new ..." -> "new ..."). */
jz_cli jz_cli_sub(const jz_cli *c);
/* Opens the township database for reading commands (no sign-in). */
jz_db *jz_cli_open(const jz_cli *c, jz_err *e);
/* Reads a password: JIUZHU_PASSWORD, else asked on the terminal without echo
 * (twice when confirm is set). */
int jz_cli_password(const char *prompt, int confirm, char *out, size_t n, jz_err *e);
/* Opens the township database and signs in as `login` (--as). */
int jz_cli_session(const jz_cli *c, const char *login, jz_session *s, jz_err *e);
/* 1 when both stdin and stdout are terminals. */
int jz_cli_interactive(void);
/* Prints s and pads it with spaces to cols display columns (Chinese counts 2). */
void jz_cli_cell(const char *s, int cols);

int jz_cmd_init(jz_cli *c);
int jz_cmd_demo(jz_cli *c);
int jz_cmd_desk(jz_cli *c);
int jz_cmd_id(jz_cli *c);
int jz_cmd_household(jz_cli *c);
int jz_cmd_case(jz_cli *c);
int jz_cmd_standard(jz_cli *c);
int jz_cmd_notice(jz_cli *c);
int jz_cmd_roll(jz_cli *c);
int jz_cmd_onetime(jz_cli *c);
int jz_cmd_fund(jz_cli *c);
int jz_cmd_aid(jz_cli *c);
int jz_cmd_holiday(jz_cli *c);
int jz_cmd_operator(jz_cli *c);
int jz_cmd_check(jz_cli *c);
int jz_cmd_backup(jz_cli *c);
int jz_cmd_restore(jz_cli *c);
int jz_cmd_events(jz_cli *c);
int jz_cmd_export(jz_cli *c);
int jz_cmd_merge(jz_cli *c);
int jz_cmd_compare(jz_cli *c);
int jz_cmd_finding(jz_cli *c);
int jz_cmd_report(jz_cli *c);
int jz_cmd_import(jz_cli *c);
int jz_cmd_ledger(jz_cli *c);
int jz_cmd_screening(jz_cli *c);
int jz_cmd_visit(jz_cli *c);
int jz_cmd_care(jz_cli *c);
int jz_cmd_survey(jz_cli *c);
int jz_cmd_watch(jz_cli *c);
int jz_cmd_bed(jz_cli *c);
int jz_cmd_referral(jz_cli *c);
int jz_cmd_income_ok(jz_cli *c);
/* The command called name in main.c's table, or NULL (cli_selftest.c asks
 * whether this build has a command). */
int (*jz_cli_command(const char *name))(jz_cli *c);
/* `jiuzhu --selftest` (cli_selftest.c): 0 when every step passed. */
int jz_cli_selftest(void);



/* Option parsing for subcommands: "--name value", "--name=value", flags. */
typedef struct jz_opt {
	const char *name;  /* "--seed" */
	const char **val;  /* receives the value (NULL for a flag) */
	int *flag;         /* set to 1 for a flag */
} jz_opt;
/* Parses c->argv[1..]; positional arguments go to pos (at most maxpos).
 * Returns the number of positionals, or -1 with a message. */
int jz_cli_parse(const jz_cli *c, const jz_opt *opts, const char **pos, int maxpos, jz_err *e);
/* Takes every "--name value" of a repeatable option out of c's arguments
 * into vals (at most max); returns how many, or -1 with a message. */
int jz_cli_take_multi(jz_cli *c, const char *name, const char **vals, int max, jz_err *e);
/* Money typed in yuan ("1500", "1500.5", "1,500.00") into fen. */
int jz_cli_money(const char *opt, const char *v, long long *fen, jz_err *e);
/* Parses a decimal integer option value in [min, max]. */
int jz_cli_int(const char *opt, const char *v, long min, long max, long *out, jz_err *e);
#endif
