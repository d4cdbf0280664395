/* Random initialisation: start points drawn from a Gaussian around a centre with a
 * seeded generator of our own, so a class sees different initial weights reach
 * different minima, and the same seed gives the same starts everywhere. */
#ifndef LOSSCAPE_INIT_H
#define LOSSCAPE_INIT_H

#include "geom.h"

#define INIT_SCALE 1.0 /* default standard deviation of random starts (> 0) */

/* Fills out[0..k-1] with points centre + scale * N(0, I), from `seed`. */
void init_gaussian(Vec2 centre, double scale, int k, unsigned long seed, Vec2 *out);

#endif
