# losscape: a plain Makefile. `make` builds build/losscape; `make run` and
# `make test` first install missing Debian packages (scripts/deps.sh).
CC      ?= gcc
BUILD   := build
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Werror
DEFS    := -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
CFLAGS  := $(WARN) $(DEFS) $(OPT) -fopenmp -Isrc
SDL_PKG := sdl2 SDL2_ttf SDL2_image
SDL_CFLAGS = $(shell pkg-config --cflags $(SDL_PKG))
SDL_LIBS   = $(shell pkg-config --libs $(SDL_PKG))
LIBS    := -lm -fopenmp
ASAN    := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

CORE_SRC := $(wildcard src/core/*.c)
UI_SRC   := $(wildcard src/gfx/*.c src/app/*.c src/cli/*.c) src/main.c
CORE_OBJ := $(CORE_SRC:src/%.c=$(BUILD)/%.o)
UI_OBJ   := $(UI_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# tests/app: the App driven by events, linked with app/, gfx/text and the option
# table (cli/opts*.c; no window)
APP_TEST_SRC := $(wildcard tests/app/test_*.c)
# the set-up every test in tests/app shares, built into each of them
APP_TEST_LIB := tests/app/apptest.c
APP_LINKED := $(wildcard src/app/*.c) src/gfx/text.c $(wildcard src/cli/opts*.c)
APP_OBJ  := $(patsubst src/%.c,$(BUILD)/%.o,$(APP_LINKED))
APP_TESTS := $(APP_TEST_SRC:tests/app/%.c=$(BUILD)/tests/%)
ASAN_APP := $(patsubst src/%.c,$(BUILD)/asan/%.o,$(APP_LINKED))
ASAN_APP_TESTS := $(APP_TEST_SRC:tests/app/%.c=$(BUILD)/asan/tests/%)
ASAN_CORE := $(CORE_SRC:src/%.c=$(BUILD)/asan/%.o)
ASAN_TESTS := $(TEST_SRC:tests/unit/%.c=$(BUILD)/asan/tests/%)
# libFuzzer targets (tests/fuzz): clang, src/core instrumented, without OpenMP
FUZZ_CC  ?= clang
FUZZ_SECONDS ?= 60
SOAK_SECONDS ?= 120
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 $(DEFS) -g -O1 -Isrc -Wall -Wextra -Wno-unknown-pragmas $(FUZZ_SAN)
FUZZ_CORE := $(CORE_SRC:src/%.c=$(BUILD)/fuzz/%.o)
FUZZERS  := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
# tests/e2e/xdnd_drop: drops files on the window by XDND (xdotool cannot drag files)
XDND_DROP := $(BUILD)/tests/xdnd_drop
X11_FLAGS = $(shell pkg-config --cflags --libs x11)

# keep every object: none is an intermediate to delete after the tests
.SECONDARY:

.PHONY: all run test check deps unit unit-asan bench clean install golden-update format fuzz soak

all: $(BUILD)/losscape

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/losscape

test: deps
	@$(MAKE) --no-print-directory -j2 check

# Everything the tests need, then every suite; the last line is "N passed, N failed".
check: all $(TESTS) $(ASAN_TESTS) $(APP_TESTS) $(ASAN_APP_TESTS) $(FUZZERS) $(XDND_DROP)
	@sh tests/run.sh

# Each fuzz target for FUZZ_SECONDS; new inputs are kept in build/fuzz/corpus-NAME.
fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZERS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_KEEP=1 sh tests/fuzz/smoke.sh

# Random input to the real window under Xvfb for SOAK_SECONDS (tests/soak/soak.sh).
soak: deps
	@$(MAKE) --no-print-directory all
	@DURATION=$(SOAK_SECONDS) sh tests/soak/soak.sh

unit: $(TESTS) $(APP_TESTS)
unit-asan: $(ASAN_TESTS) $(ASAN_APP_TESTS)

bench: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/bench.sh

golden-update: all $(TESTS)
	LOSSCAPE_GOLDEN_UPDATE=1 ./$(BUILD)/tests/test_golden

format:
	clang-format -i src/*.c src/*.h src/*/*.c src/*/*.h tests/unit/*.c tests/app/*.c \
	    tests/app/*.h tests/e2e/*.c

PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/losscape \
	    $(DESTDIR)$(PREFIX)/share/applications $(DESTDIR)$(PREFIX)/share/icons/hicolor/256x256/apps
	install -m 755 $(BUILD)/losscape $(DESTDIR)$(PREFIX)/bin/losscape
	cp -r assets/. $(DESTDIR)$(PREFIX)/share/losscape/
	install -m 644 assets/losscape.desktop $(DESTDIR)$(PREFIX)/share/applications/
	install -m 644 assets/icon.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/256x256/apps/losscape.png

$(BUILD)/losscape: $(CORE_OBJ) $(UI_OBJ)
	@echo "  CC  $@"
	@$(CC) $(OPT) -o $@ $^ $(SDL_LIBS) $(LIBS)

# data_row.c's heat-map rows may fuse a * b + c (core/wide.h, WIDE_FMA): their
# values are held to 1e-12 of the direct formula, not to the bit.
$(BUILD)/core/data_row.o $(BUILD)/asan/core/data_row.o: CFLAGS += -ffp-contract=fast

# src/core is compiled without SDL's include flags: an SDL header there fails.
$(BUILD)/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(SDL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(CORE_OBJ) -lcmocka $(LIBS)

$(BUILD)/tests/%: tests/app/%.c $(APP_TEST_LIB) tests/app/apptest.h $(CORE_OBJ) $(APP_OBJ) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(SDL_CFLAGS) -Itests/unit -o $@ $< $(APP_TEST_LIB) $(APP_OBJ) $(CORE_OBJ) -lcmocka $(SDL_LIBS) $(LIBS)

$(XDND_DROP): tests/e2e/xdnd_drop.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(WARN) $(DEFS) $(OPT) -o $@ $< $(X11_FLAGS)

$(BUILD)/asan/tests/%: tests/app/%.c $(APP_TEST_LIB) tests/app/apptest.h $(ASAN_CORE) $(ASAN_APP) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(ASAN) $(SDL_CFLAGS) -Itests/unit -o $@ $< $(APP_TEST_LIB) $(ASAN_APP) $(ASAN_CORE) -lcmocka $(SDL_LIBS) $(LIBS)

$(BUILD)/asan/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(ASAN) $(SDL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(ASAN) -MMD -MP -c -o $@ $<

$(BUILD)/asan/tests/%: tests/unit/%.c $(ASAN_CORE) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(CC) $(CFLAGS) $(ASAN) -Itests/unit -o $@ $< $(ASAN_CORE) -lcmocka $(LIBS)

$(BUILD)/fuzz/core/%.o: src/core/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_CORE)
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) -lm

clean:
	rm -rf $(BUILD)

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(ASAN_CORE:.o=.d) $(ASAN_APP:.o=.d) $(FUZZ_CORE:.o=.d)
