#!/bin/sh
# The short soak `make test` runs (tests/run.sh): tests/soak/soak.sh for 15 s of
# random input to the real window, its checks named soak-short-*. The full two
# minutes are `make soak`. A failure prints its seed: replay with
#   SEED=N DURATION=15 sh tests/soak/soak.sh
cd "$(dirname "$0")/../.." || exit 1
DURATION=${DURATION:-15} SOAK_NAME=soak-short exec sh tests/soak/soak.sh
