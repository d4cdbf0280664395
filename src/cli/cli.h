/* The headless subcommands (DESIGN section 3), each a thin shell over core/ (and
 * gfx/ for images), dispatched from a table. */
#ifndef LOSSCAPE_CLI_H
#define LOSSCAPE_CLI_H

/* Runs `losscape ARGV...` when argv[1] is a subcommand, --help or --version, and
 * returns the exit status (0, 1 or 2); returns -1 when the window should open. */
int cli_main(int argc, char **argv);

#include "cli/opts.h"

/* The subcommands, given their parsed options (cli_main parses and frees them).
 * Each returns its exit status. */
int list_main(Options *o);
int trace_main(Options *o);
int render_main(Options *o);
int sweep_main(Options *o);
int gradcheck_main(Options *o);
int backprop_main(Options *o);
int basins_main(Options *o);

/* `bench` parses its own options; argv[0] is "bench". */
int bench_main(int argc, char **argv);

#endif
