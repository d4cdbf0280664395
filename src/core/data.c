/* Data surfaces: none yet (the models of DESIGN section 4 arrive here). */
#include "data.h"

#include <stddef.h>

int data_count(void) { return 0; }

const Surface *data_at(int i)
{
    (void)i;
    return NULL;
}
