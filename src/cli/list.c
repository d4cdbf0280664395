/* `losscape list [--json]`: the surface catalogue as a table or a JSON array. */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opts.h"

/* Prints s as a JSON string. */
static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static void json(void)
{
    printf("[");
    for (int i = 0; i < surface_count(); i++) {
        const Surface *s = surface_at(i);
        printf("%s\n{\"name\":", i ? "," : "");
        json_string(s->name);
        printf(",\"kind\":");
        json_string(s->kind);
        printf(",\"formula\":");
        json_string(s->formula);
        printf(",\"xmin\":%.17g,\"xmax\":%.17g,\"ymin\":%.17g,\"ymax\":%.17g,\"xlabel\":",
               s->view.x0, s->view.x1, s->view.y0, s->view.y1);
        json_string(s->xlabel);
        printf(",\"ylabel\":");
        json_string(s->ylabel);
        printf(",\"minima\":[");
        for (int k = 0; k < s->nmin; k++)
            printf("%s{\"x\":%.17g,\"y\":%.17g,\"f\":%.17g}", k ? "," : "", s->minima[k].x,
                   s->minima[k].y, s->minima[k].f);
        printf("]}");
    }
    printf("\n]\n");
}

static void table(void)
{
    printf("%-16s %-9s %-24s %s\n", "name", "kind", "view", "known minima");
    for (int i = 0; i < surface_count(); i++) {
        const Surface *s = surface_at(i);
        char view[64];
        snprintf(view, sizeof view, "[%g,%g]x[%g,%g]", s->view.x0, s->view.x1, s->view.y0,
                 s->view.y1);
        printf("%-16s %-9s %-24s", s->name, s->kind, view);
        if (!s->nmin) printf(" none");
        for (int k = 0; k < s->nmin; k++)
            printf(" (%.6g, %.6g) = %g", s->minima[k].x, s->minima[k].y, s->minima[k].f);
        printf("\n%16s %s\n", "", s->formula);
    }
}

int list_main(Options *o)
{
    if (o->help) {
        printf("usage: losscape list [--json]\n"
               "The surface catalogue; --json prints an array of\n"
               "{name, kind, formula, xmin, xmax, ymin, ymax, xlabel, ylabel, minima:[{x,y,f}]}\n");
        return 0;
    }
    if (o->json)
        json();
    else
        table();
    return opts_finish("losscape list");
}
