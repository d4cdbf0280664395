/* libFuzzer target for the scene parser (issue 7): arbitrary bytes, cut at the
 * first NUL, go to scene_parse. A failure must leave a "name:line: ..." message; a
 * success is formatted with scene_format and parsed back, which must succeed and
 * give the same Scene (every field, doubles bit for bit), and formatting into a
 * buffer one byte too small must report -1 without writing past it. Built by
 * `make fuzz` with -fsanitize=fuzzer,address,undefined against src/core. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scene.h"

#define OUT_MAX (1 << 17) /* formatted scene: 16 KiB of expr + texts + 256 starts fit */

static Scene a, b;         /* large: kept off the stack */
static char out[OUT_MAX];

static void die(const char *what, const char *text, const char *detail)
{
    fprintf(stderr, "fuzz_scene: %s\n%s\ninput: \"%.300s\"\n", what, detail, text);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[1400];
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (scene_parse(&a, text, "fuzz", err, sizeof err) != 0) {
        if (strncmp(err, "fuzz:", 5) != 0 || strchr(err, '\n'))
            die("a failed parse without a one-line \"fuzz:LINE: ...\" message", text, err);
        free(text);
        return 0;
    }
    if (err[0]) die("a successful parse left a message", text, err);
    int len = scene_format(&a, out, OUT_MAX);
    if (len < 0) die("scene_format: the buffer is too small", text, "");
    if ((size_t)len != strlen(out)) die("scene_format: length differs from strlen", text, out);
    if (scene_parse(&b, out, "formatted", err, sizeof err) != 0)
        die("the formatted scene does not parse", text, err);
    /* both were zeroed whole before parsing, padding included */
    if (memcmp(&a, &b, sizeof a) != 0) die("the round trip changed the scene", text, out);
    /* one byte short: -1, and nothing written past the smaller buffer (ASan) */
    char *small = malloc((size_t)len);
    if (small && scene_format(&a, small, len) != -1)
        die("scene_format into a buffer one byte short did not return -1", text, out);
    free(small);
    free(text);
    return 0;
}
