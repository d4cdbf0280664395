/* The learning-rate sweep: one trajectory per learning rate, stopped early as in
 * the window, keeping only how each run ended. */
#include "sweep.h"

#include <math.h>
#include <stddef.h>

void sweep_run(const Surface *s, const OptimConfig *cfg, Vec2 start, Vec2 centre,
               double lr_min, double lr_max, int count, int steps, TrajPoint *scratch,
               int nscratch, SweepPoint *out)
{
#pragma omp parallel for schedule(dynamic, 1) if (nscratch >= count)
    for (int i = 0; i < count; i++) {
        OptimConfig c = *cfg;
        c.lr = lr_min * pow(lr_max / lr_min, (double)i / (count - 1));
        TrajPoint *buf = scratch + (nscratch >= count ? (size_t)i * (steps + 1) : 0);
        Trajectory t = {buf, steps + 1, 0, TRAJ_RUNNING};
        traj_run(&t, s, &c, start, steps, centre, TRAJ_STOP_EARLY);
        out[i] = (SweepPoint){c.lr, t.pts[t.len - 1].loss, t.status, t.len - 1};
    }
}
