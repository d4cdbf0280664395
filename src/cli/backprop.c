/* `losscape backprop --at W,B`: the chain rule written out per sample on the neuron
 * surfaces, linreg and tiny-net (and svm-hinge), then a `mean` row equal to the
 * gradient `trace` reports there. The numbers come from data_backprop. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/data.h"


static void row(const DataBackprop *b)
{
    const double v[] = {b->x, b->y, b->z, b->a, b->dC_da, b->da_dz, b->dz_dw, b->dz_db,
                        b->dC_dw, b->dC_db};
    for (int k = 0; k < 10; k++) csv_number(stdout, v[k], k < 9 ? ',' : '\n');
}

int backprop_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape backprop --at W,B --surface neuron-mse|neuron-xent|linreg|"
               "tiny-net|svm-hinge\n"
               "CSV on stdout: sample,x,y,z,a,dC_da,da_dz,dz_dw,dz_db,dC_dw,dC_db, one row per\n"
               "sample, then a `mean` row (the mean of every column), whose dC_dw, dC_db\n"
               "equal the gradient `trace` reports at W,B. The per-sample cost is C_i with C\n"
               "the mean of C_i (squared error C_i = (a - y)^2 / 2). Forward: z = w*x + b,\n"
               "a = the activation (linreg: a = z; neurons: sigmoid); backward: the local\n"
               "derivatives dC/da, da/dz, dz/dw = x, dz/db = 1 and their products.\n"
               "tiny-net (parameters w1, w2): z = w1*x and a = tanh(z) are the hidden unit;\n"
               "dC_da is through the output w2*a; dz_db = 0 and dC_db = (w2*a - y)*a is the\n"
               "output weight's gradient. svm-hinge (w1, w2): z = a = w1*x1 + w2*x2 with x1\n"
               "in the x column; dz_dw = x1, dz_db = x2; dC_dw, dC_db include the penalty.\n");
        opts_usage(OPT_BACKPROP, stdout);
        return 0;
    }
    DataBackprop b;
    if (o->nstarts != 1) {
        fprintf(stderr, "losscape backprop: --at W,B is required (exactly one)\n");
        return 2;
    }
    Vec2 at = o->starts[0];
    if (data_backprop(o->surface, 0, at.x, at.y, &b) != 0) {
        fprintf(stderr, "losscape backprop: --surface: expected neuron-mse, neuron-xent, "
                        "linreg, tiny-net or svm-hinge, got '%s'\n", o->surface->name);
        return 2;
    }
    int n = o->surface->nsamples;
    double mean[10] = {0};
    printf("sample,x,y,z,a,dC_da,da_dz,dz_dw,dz_db,dC_dw,dC_db\n");
    for (int i = 0; i < n; i++) {
        data_backprop(o->surface, i, at.x, at.y, &b);
        printf("%d,", i);
        row(&b);
        const double v[] = {b.x, b.y, b.z, b.a, b.dC_da, b.da_dz, b.dz_dw, b.dz_db,
                            b.dC_dw, b.dC_db};
        for (int k = 0; k < 10; k++) mean[k] += v[k] / n;
    }
    printf("mean,");
    for (int k = 0; k < 10; k++) csv_number(stdout, mean[k], k < 9 ? ',' : '\n');
    return opts_finish("losscape backprop");
}
