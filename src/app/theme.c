/* The two themes as a table (see theme.h). */
#include "theme.h"

#include <string.h>

static const Theme themes[THEME_COUNT] = {
    [THEME_LIGHT] = {"light",
                     .bg = {255, 255, 255, 255}, .panel = {240, 241, 244, 255},
                     .ink = {25, 27, 32, 255}, .muted = {90, 95, 105, 255},
                     .line = {190, 194, 202, 255}, .face = {255, 255, 255, 255},
                     .hover = {225, 233, 250, 255}, .accent = {38, 99, 220, 255},
                     .accent_ink = {255, 255, 255, 255}, .bad = {200, 30, 30, 255},
                     .good = {20, 130, 60, 255}, .shade = {0, 0, 0, 170}, .weight = 1},
    /* pure black and white, a yellow accent (the brightest colour a projector
     * throws), lines 1.6x as heavy */
    [THEME_CONTRAST] = {"contrast",
                        .bg = {0, 0, 0, 255}, .panel = {18, 18, 18, 255},
                        .ink = {255, 255, 255, 255}, .muted = {205, 205, 205, 255},
                        .line = {150, 150, 150, 255}, .face = {0, 0, 0, 255},
                        .hover = {60, 60, 20, 255}, .accent = {255, 214, 0, 255},
                        .accent_ink = {0, 0, 0, 255}, .bad = {255, 80, 60, 255},
                        .good = {80, 230, 110, 255}, .shade = {0, 0, 0, 200}, .weight = 1.6},
};

const Theme *theme_get(int k) { return &themes[k >= 0 && k < THEME_COUNT ? k : THEME_LIGHT]; }

int theme_find(const char *name)
{
    for (int k = 0; k < THEME_COUNT; k++)
        if (strcmp(themes[k].name, name) == 0) return k;
    return -1;
}

Color theme_alpha(Color c, int a)
{
    c.a = (unsigned char)a;
    return c;
}
