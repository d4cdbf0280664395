/* Data surfaces (DESIGN section 4): the costs of real models on small data sets,
 * with gradients by back-propagation. The catalogue in surface.c lists them after
 * the classic functions. */
#ifndef LOSSCAPE_DATA_H
#define LOSSCAPE_DATA_H

#include "surface.h"

/* Returns the number of data surfaces. */
int data_count(void);

/* Returns data surface i (0 <= i < data_count()), static and read-only. */
const Surface *data_at(int i);

#endif
