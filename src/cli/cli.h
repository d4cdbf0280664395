/* The headless subcommands (DESIGN section 3), each a thin shell over core/ (and
 * gfx/ for images), dispatched from a table. */
#ifndef LOSSCAPE_CLI_H
#define LOSSCAPE_CLI_H

/* Runs `losscape ARGV...` when argv[1] is a subcommand, --help or --version, and
 * returns the exit status (0, 1 or 2); returns -1 when the window should open. */
int cli_main(int argc, char **argv);

/* The subcommands; argv[0] is the subcommand's name. Each returns its exit status. */
int list_main(int argc, char **argv);
int trace_main(int argc, char **argv);
int render_main(int argc, char **argv);
int bench_main(int argc, char **argv);
int sweep_main(int argc, char **argv);

#endif
