/* `losscape gradcheck`: the analytic gradient against central differences at each
 * --at point, and their relative error |a - n| / max(|a|, |n|, 1e-12) — why one
 * checks a hand-written gradient, and how h trades truncation for round-off. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/grad.h"


int gradcheck_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape gradcheck --at X,Y [--at X,Y ...] [--h H] [--surface NAME |\n"
               "                          --expr \"EXPRESSION\"]\n"
               "CSV on stdout: x,y,analytic_gx,analytic_gy,numeric_gx,numeric_gy,rel_error\n"
               "numeric: central differences with step H (1e-5); rel_error: |a - n| /\n"
               "max(|a|, |n|, 1e-12) with Euclidean norms.\n");
        opts_usage(OPT_GRADCHECK, stdout);
        return 0;
    }
    if (o->nstarts == 0) {
        fprintf(stderr, "losscape gradcheck: --at X,Y is required (at least one)\n");
        return 2;
    }
    double h = o->optim.h > 0 ? o->optim.h : GRAD_H;
    printf("x,y,analytic_gx,analytic_gy,numeric_gx,numeric_gy,rel_error\n");
    for (int i = 0; i < o->nstarts; i++) {
        Vec2 p = o->starts[i], a, n;
        grad_eval(o->surface, GRAD_ANALYTIC, h, NULL, 0, p.x, p.y, &a);
        grad_eval(o->surface, GRAD_CENTRAL, h, NULL, 0, p.x, p.y, &n);
        csv_number(stdout, p.x, ',');
        csv_number(stdout, p.y, ',');
        csv_number(stdout, a.x, ',');
        csv_number(stdout, a.y, ',');
        csv_number(stdout, n.x, ',');
        csv_number(stdout, n.y, ',');
        csv_number(stdout, grad_rel_error(a, n), '\n');
    }
    return opts_finish("losscape gradcheck");
}
