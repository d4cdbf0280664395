/* `losscape trace`: runs the optimiser from every --start and streams the path as
 * CSV (DESIGN section 3), one row per step, step 0 the start, stopping after the
 * first row that is not finite. */
#include <math.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "core/csv.h"

int trace_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape trace --start X,Y [--start X,Y ...] [--steps N] [options]\n"
               "CSV on stdout: path,optimizer,step,x,y,loss,gx,gy; one row per step,\n"
               "step 0 is the start; paths numbered from 0, start by start and, with\n"
               "--optimizer a,b,..., optimiser by optimiser within a start;\n"
               "a path stops after the first row whose x, y or loss is not finite.\n");
        opts_usage(OPT_TRACE, stdout);
        return 0;
    }
    if (o->nstarts == 0) {
        fprintf(stderr, "losscape trace: --start X,Y is required (at least one)\n");
        return 2;
    }
    printf("%s\n", CSV_TRACE_HEADER);
    for (int p = 0; p < o->nstarts; p++)
        for (int k = 0; k < o->noptim; k++) {
            OptimConfig cfg = opts_optim(o, k);
            TrajIter it;
            traj_begin(&it, o->surface, &cfg, o->starts[p]);
            for (;;) {
                csv_write_point(stdout, p * o->noptim + k, optim_name(cfg.kind), it.step,
                                &it.cur);
                if (it.step >= o->steps || !traj_next(&it)) break;
            }
        }
    return opts_finish("losscape trace");
}
