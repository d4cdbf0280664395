/* `losscape sweep`: final cost against the learning rate from one start, K rates
 * log-spaced from --lr-min to --lr-max, each run as far as the window runs a path
 * (to convergence, divergence or --steps) — "too small, right, too large". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/opts.h"
#include "core/csv.h"
#include "core/sweep.h"

int sweep_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape sweep --start X,Y --lr-min A --lr-max B --count K --steps N\n"
               "CSV on stdout: lr,final_loss,status,steps_taken; K learning rates spaced\n"
               "evenly in log from A to B; each run stops when it converges (gradient norm\n"
               "below 1e-6) or diverges (not finite, or 1e6 from the view's centre).\n");
        opts_usage(OPT_SWEEP, stdout);
        return 0;
    }
    static const char *missing[] = {"--start X,Y (exactly one)", "--lr-min A", "--lr-max B",
                                    "--count K"};
    int which = o->nstarts != 1 ? 0 : !o->lr_min ? 1 : !o->lr_max ? 2 : !o->count ? 3 : -1;
    if (which >= 0) {
        fprintf(stderr, "losscape sweep: %s is required\n", missing[which]);
        return 2;
    }
    if (!(o->lr_max > o->lr_min)) {
        fprintf(stderr, "losscape sweep: --lr-max must be greater than --lr-min\n");
        return 2;
    }
    TrajPoint *pts = malloc(sizeof *pts * (size_t)(o->steps + 1));
    if (!pts) {
        fprintf(stderr, "losscape sweep: out of memory for %ld steps\n", o->steps);
        return 1;
    }
    SweepPoint *pt = malloc(sizeof *pt * (size_t)o->count);
    if (!pt) {
        free(pts);
        fprintf(stderr, "losscape sweep: out of memory\n");
        return 1;
    }
    Vec2 centre = view_centre(o->view);
    OptimConfig cfg = opts_optim(o, 0);
    sweep_run(o->surface, &cfg, o->starts[0], centre, o->lr_min, o->lr_max, o->count,
              (int)o->steps, pts, 1, pt);
    printf("lr,final_loss,status,steps_taken\n");
    for (int i = 0; i < o->count; i++) {
        printf("%.17g,", pt[i].lr);
        csv_number(stdout, pt[i].loss, ',');
        printf("%s,%d\n", traj_status_name(pt[i].status), pt[i].steps);
    }
    free(pt);
    free(pts);
    return opts_finish("losscape sweep");
}
