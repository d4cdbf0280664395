#!/bin/sh
# Command-line tests of the bilingual interface (issue 5, item 6): `render --lang zh`
# labels the finished paths in Chinese (so the picture differs from --lang en), the
# locale picks the language when --lang is absent, and a bad --lang is a usage error.
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

ARGS="--surface himmelblau --start 0,0 --start -1,-1 --lr 0.01 --steps 500 --size 320x240"
# shellcheck disable=SC2086
run render $ARGS --lang en --out "$T/en.png"
check render-lang-en "$(last_run)" test "$RC" -eq 0 -a -s "$T/en.png"
# shellcheck disable=SC2086
run render $ARGS --lang zh --out "$T/zh.png"
check render-lang-zh "$(last_run)" test "$RC" -eq 0 -a -s "$T/zh.png"
check render-lang-zh-differs "en.png and zh.png are identical" \
    sh -c "! cmp -s '$T/en.png' '$T/zh.png'"
# The locale decides without --lang: LANG=zh_CN draws what --lang zh draws.
# shellcheck disable=SC2086
LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 run render $ARGS --out "$T/loc.png"
check render-lang-locale "the zh_CN locale did not give the Chinese labels" \
    cmp -s "$T/zh.png" "$T/loc.png"
# Without a CJK font the Chinese picture still renders, with one warning line.
if [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
    # shellcheck disable=SC2086
    LOSSCAPE_CJK_FONT=/nonexistent.ttc run render $ARGS --lang zh --out "$T/nofont.png"
    check render-lang-zh-no-font "$(last_run)" \
        sh -c "[ $RC -eq 0 ] && grep -q 'CJK font' '$T/err'"
fi
usage_error "error: --lang xx" "--lang|en or zh" render --lang xx --out "$T/x.png"
usage_error "error: --lang without a value" "--lang" render --out "$T/x.png" --lang
finish
