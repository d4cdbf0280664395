/* `losscape basins`: the optimiser run from every start of a G x G grid over the
 * view, drawn as a PNG tinted by the basin each start ends in, and optionally
 * every start's end as CSV. Both files are written under temporary names and
 * renamed only when both are complete, so a failure leaves neither behind. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "cli/opts.h"
#include "core/basins.h"
#include "gfx/image.h"

#define MIN_SIDE 512 /* smaller grids are scaled up by a whole factor to at least this */

static void help(void)
{
    printf("usage: losscape basins --out FILE.png [--grid G] [--steps N] [--csv FILE]\n"
           "                       [--surface NAME | --expr \"EXPRESSION\"] [--view ...]\n"
           "                       [--optimizer NAME] [--lr ETA] [...]\n"
           "Runs the optimiser from the centres of a G x G grid of cells over the view\n"
           "(G 256 and N 1000 by default; G at most 2048), each run stopping when it\n"
           "converges (gradient norm below 1e-6), diverges (not finite, or 1e6 from the\n"
           "view's centre) or has taken N steps.\n"
           "PNG: one block per start, tinted by the basin it ends in (one colour per known\n"
           "minimum, and per other point where runs converge), dark red-gray where it\n"
           "diverged, light gray where it was still running; row 0 of the grid at the top\n"
           "(largest y). The image is G*k pixels a side with k = ceil(512 / G) for G\n"
           "below 512 (nearest-neighbour blocks of k x k pixels), else G.\n"
           "CSV: x0,y0,x,y,loss,status,minimum, exactly G*G rows after the header, in grid\n"
           "order: row-major from the top-left start (x increasing along a row, rows from\n"
           "the largest y down); status converged|diverged|running; minimum the index of\n"
           "the listed minimum reached (as in `losscape list`), or -1.\n");
    opts_usage(OPT_BASINS, stdout);
}

/* Returns 2 after one line on stderr when the options cannot make a basins run. */
static int check(const Options *o)
{
    const char *why = !o->out                     ? "--out FILE.png is required"
                      : o->noptim > 1             ? "--optimizer: one optimizer, not a race"
                      : o->csv && !strcmp(o->csv, o->out)
                          ? "--csv and --out name the same file"
                          : NULL;
    if (!why) return 0;
    fprintf(stderr, "losscape basins: %s\n", why);
    return 2;
}


/* Writes j's cells as CSV into `path`; returns 0, or -1 with the reason in err. */
static int write_csv(const BasinsJob *j, const char *path, const char *shown, char *err,
                     int n)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, n, "%s: cannot write: %s", shown, strerror(errno));
        return -1;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    fprintf(f, "x0,y0,x,y,loss,status,minimum\n");
    for (int row = 0; row < j->grid; row++)
        for (int col = 0; col < j->grid; col++) {
            const BasinsCell *c = &j->cells[(size_t)row * j->grid + col];
            Vec2 s = basins_start(j, col, row);
            csv_number(f, s.x, ',');
            csv_number(f, s.y, ',');
            csv_number(f, c->x, ',');
            csv_number(f, c->y, ',');
            csv_number(f, c->loss, ',');
            fprintf(f, "%s,%d\n", traj_status_name(c->status), c->minimum);
        }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        snprintf(err, n, "%s: cannot write: %s", shown, strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

/* Paints j's grid (k x k pixels a start) and saves it as PNG at `path`. Returns
 * 0, or -1 with the reason in err. */
static int write_png(const BasinsJob *j, const char *path, const char *shown, char *err,
                     int n)
{
    int k = j->grid < MIN_SIDE ? (MIN_SIDE + j->grid - 1) / j->grid : 1;
    int side = j->grid * k;
    uint32_t *px = malloc(sizeof *px * (size_t)side * side);
    if (!px) {
        snprintf(err, n, "out of memory for %dx%d pixels", side, side);
        return -1;
    }
    Canvas c = canvas_init(px, side, side, side);
    basins_draw(&c, (Rect){0, 0, side, side}, j, 0, j->grid, 255);
    int rc = image_save_png(&c, path, err, n);
    if (rc != 0) {
        /* image_save_png names its path: name the one the user gave instead */
        const char *reason = strstr(err, ": cannot write: ");
        char why[256];
        snprintf(why, sizeof why, "%s", reason ? reason + 16 : "unknown error");
        snprintf(err, n, "%s: cannot write: %s", shown, why);
    }
    free(px);
    return rc;
}

/* The temporary names the outputs are written under until both are complete. */
typedef struct {
    char png[4096], csv[4096];
} Temps;

/* Removes the temporary files. */
static void drop_temps(const Temps *t, const Options *o)
{
    remove(t->png);
    if (o->csv) remove(t->csv);
}

/* Names the temporary files after the outputs and creates them empty, so a path
 * that cannot be written fails before the runs, with the system's reason.
 * Returns 0, or 1 after one line on stderr with nothing left behind. */
static int make_temps(Temps *t, const Options *o)
{
    long pid = (long)getpid();
    if (snprintf(t->png, sizeof t->png, "%s.tmp-%ld", o->out, pid) >= (int)sizeof t->png ||
        snprintf(t->csv, sizeof t->csv, "%s.tmp-%ld", o->csv ? o->csv : "", pid) >=
            (int)sizeof t->csv) {
        fprintf(stderr, "losscape basins: an output path is too long\n");
        return 1;
    }
    const char *tmp[2] = {t->png, o->csv ? t->csv : NULL}, *shown[2] = {o->out, o->csv};
    for (int i = 0; i < 2 && tmp[i]; i++) {
        FILE *f = fopen(tmp[i], "w");
        if (!f || fclose(f) != 0) {
            fprintf(stderr, "losscape basins: %s: cannot write: %s\n", shown[i],
                    strerror(errno));
            if (i) remove(tmp[0]);
            return 1;
        }
    }
    return 0;
}

/* Writes the PNG and the CSV (when asked) into the temporary files, then renames
 * both; returns 0, or 1 after one line on stderr with nothing left behind. */
static int write_outputs(const BasinsJob *j, const Options *o, const Temps *t)
{
    char err[512];
    if (o->csv && write_csv(j, t->csv, o->csv, err, sizeof err) != 0) goto fail;
    if (write_png(j, t->png, o->out, err, sizeof err) != 0) goto fail;
    if (rename(t->png, o->out) != 0) {
        snprintf(err, sizeof err, "%s: cannot write: %s", o->out, strerror(errno));
        goto fail;
    }
    if (o->csv && rename(t->csv, o->csv) != 0) {
        snprintf(err, sizeof err, "%s: cannot write: %s", o->csv, strerror(errno));
        remove(o->out);
        goto fail;
    }
    return 0;
fail:
    fprintf(stderr, "losscape basins: %s\n", err);
    drop_temps(t, o);
    return 1;
}

int basins_main(Options *o)
{
    if (o->help) {
        help();
        return 0;
    }
    if (check(o) != 0) return 2;
    Temps t;
    if (make_temps(&t, o) != 0) return 1;
    int g = o->grid ? o->grid : BASINS_GRID;
    int steps = o->has_steps ? (int)o->steps : BASINS_STEPS;
    BasinsCell *cells = malloc(sizeof *cells * (size_t)g * g);
    BasinsJob *j = malloc(sizeof *j);
    int rc = 1;
    if (!cells || !j) {
        fprintf(stderr, "losscape basins: out of memory for a %dx%d grid\n", g, g);
        drop_temps(&t, o);
        goto done;
    }
    OptimConfig cfg = opts_optim(o, 0);
    cfg.horizon = steps;
    basins_init(j, o->surface, &cfg, o->view, g, steps, cells);
    basins_run_rows(j, 0, g);
    rc = write_outputs(j, o, &t);
done:
    free(j);
    free(cells);
    return rc;
}
