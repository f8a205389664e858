# Makefile — builds jiuzhu, its tests, and installs it.
#   make            build build/jiuzhu
#   make check      unit + shell tests, then the same under ASan+UBSan
#   make fuzz       the roster readers fuzzed for 10 minutes (FUZZ_SECONDS=600)
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
SAN     ?=

VERSION := 0.1.0

# `make V=1` shows the full commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n'
endif

# ncursesw, falling back to ncurses where ncursesw's .pc file is missing.
CURSES_PC := $(shell pkg-config --exists ncursesw && echo ncursesw || echo ncurses)
PKGS := $(CURSES_PC) sqlite3 xlsxwriter libsodium inih expat

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
# minizip's cflags put its crypt.h on the include path: take only its libs.
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) minizip zlib) -lcsv

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(SAN) \
	-Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -DJZ_VERSION='"$(VERSION)"' -MMD -MP
ALL_LDFLAGS := $(SAN) $(LDFLAGS)

SRC      := $(sort $(wildcard src/core/*.c src/store/*.c src/io/*.c src/ui/*.c src/cli/*.c))
# The platform layer (src/platform/platform.h): posix.c here, win32*.c for
# `make windows`.
PLATFORM ?= posix
SRC      += $(sort $(wildcard src/platform/$(PLATFORM)*.c))
LIB_SRC  := $(filter-out src/cli/main.c,$(SRC))
GEN_SRC  := $(BUILD)/gen/width_table.c $(BUILD)/gen/pinyin_table.c
GEN_SRC  += $(BUILD)/gen/builtin_files.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_SRC:%.c=%.o)
MAIN_OBJ := $(BUILD)/obj/src/cli/main.o

TEST_SRC := $(sort $(wildcard tests/core/*.c tests/store/*.c tests/io/*.c tests/ui/*.c tests/cli/*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all check check-plain check-asan install uninstall clean
.PHONY: windows windows32 windows-check
all: $(BUILD)/jiuzhu

$(BUILD)/jiuzhu: $(MAIN_OBJ) $(BUILD)/libjiuzhu.a
	$(say) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libjiuzhu.a: $(LIB_OBJ)
	@rm -f $@
	$(say) AR $@
	$(Q)ar rcs $@ $^

$(BUILD)/obj/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Display widths, generated from Debian's unicode-data.
UNI := /usr/share/unicode
$(BUILD)/gen/width_table.c: tools/gen_width.awk $(UNI)/EastAsianWidth.txt $(UNI)/UnicodeData.txt
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)LC_ALL=C awk -f tools/gen_width.awk $(UNI)/EastAsianWidth.txt $(UNI)/UnicodeData.txt > $@.tmp && mv $@.tmp $@

# Pinyin initials for search, from the Unihan readings (needs bzip2).
$(BUILD)/gen/pinyin_table.c: tools/gen_pinyin.sh tools/gen_pinyin.awk $(UNI)/Unihan_Readings.txt.bz2
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)sh tools/gen_pinyin.sh $(UNI)/Unihan_Readings.txt.bz2 $@

# Forms and report templates compiled in (io/builtin.h); a file on disk wins.
# The folders are prerequisites too, so adding or removing a file rebuilds.
EMBED_FILES := $(sort $(wildcard forms/*.ini reports/*))
$(BUILD)/gen/builtin_files.c: tools/embed.sh $(EMBED_FILES) $(wildcard forms reports)
	@mkdir -p $(dir $@)
	$(say) GEN $@
	$(Q)sh tools/embed.sh $@ $(EMBED_FILES)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libjiuzhu.a
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-unused-parameter -Itests -o $@ $< $(BUILD)/libjiuzhu.a $(PKG_LIBS) -lcmocka $(ALL_LDFLAGS)

# `make check`: everything, then again under the sanitizers.
check: check-plain check-asan

check-plain: $(BUILD)/jiuzhu $(TEST_BIN)
	@sh tests/run.sh $(BUILD) "plain"

check-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		check-plain-asan

check-plain-asan: $(BUILD)/jiuzhu $(TEST_BIN)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		sh tests/run.sh $(BUILD) "asan"

# `make fuzz`: the CSV and xlsx readers (tests/fuzz/fuzz_table.c) fuzzed for
# FUZZ_SECONDS under ASan+UBSan: with clang's libFuzzer when clang is
# installed (seeds written by the check's driver), else the driver itself.
FUZZ_SECONDS ?= 600
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRC := tests/fuzz/fuzz_table.c src/io/csv_in.c src/io/xlsx_in.c src/io/text.c src/core/err.c \
	$(BUILD)/gen/width_table.c
.PHONY: fuzz
fuzz: $(BUILD)/tests/io/test_fuzz_table $(BUILD)/gen/width_table.c
	@if command -v clang >/dev/null 2>&1; then \
		mkdir -p build-fuzz/corpus && \
		$(BUILD)/tests/io/test_fuzz_table --seeds build-fuzz/corpus && \
		echo "  CLANG build-fuzz/fuzz_table (libFuzzer)" && \
		clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) -Isrc -I$(BUILD)/gen \
			$(PKG_CFLAGS) $(FUZZ_SRC) -o build-fuzz/fuzz_table $(PKG_LIBS) && \
		build-fuzz/fuzz_table -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=build-fuzz/ build-fuzz/corpus; \
	else \
		$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="-O1 -g" SAN="$(FUZZ_SAN)" \
			build-asan/tests/io/test_fuzz_table && \
		FUZZ_SECONDS=$(FUZZ_SECONDS) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
			build-asan/tests/io/test_fuzz_table; \
	fi

# `make bench`: a 20,000-household demo township and a 50,000-row roster,
# timed (bench/run.py; not part of `make check`). BENCH_ARGS passes options,
# e.g. BENCH_ARGS="--runs 3 --keep /tmp/jzbench". Results: bench/RESULTS.md.
.PHONY: bench
BENCH_BIN := $(BUILD)/bench/bench_search $(BUILD)/bench/bench_dibao
bench: $(BUILD)/jiuzhu $(BENCH_BIN)
	@/usr/bin/python3 bench/run.py --build $(BUILD) $(BENCH_ARGS)

# A profiling aid: LD_PRELOAD=$(BUILD)/bench/sqlprof.so jiuzhu ... prints the
# statements that took the most time (bench/sqlprof.c).
$(BUILD)/bench/sqlprof.so: bench/sqlprof.c
	@mkdir -p $(dir $@)
	$(say) BENCH $@
	$(Q)$(CC) -O2 -fPIC -shared -Wall -Wextra -o $@ $< $(shell pkg-config --cflags --libs sqlite3) -ldl

$(BUILD)/bench/%: bench/%.c $(BUILD)/libjiuzhu.a
	@mkdir -p $(dir $@)
	$(say) BENCH $@
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libjiuzhu.a $(PKG_LIBS) $(ALL_LDFLAGS)

install: $(BUILD)/jiuzhu
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BUILD)/jiuzhu $(DESTDIR)$(PREFIX)/bin/jiuzhu
	install -m 0644 jiuzhu.1 $(DESTDIR)$(PREFIX)/share/man/man1/jiuzhu.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/jiuzhu $(DESTDIR)$(PREFIX)/share/man/man1/jiuzhu.1

clean:
	rm -rf build build-asan build-fuzz

# The Windows .exe (README "Windows"): cross-built with mingw-w64 against
# libraries built from their Debian sources into a cached folder that is
# never committed (install.sh --windows installs the tools). make -j2 at most.
windows:
	@sh tools/windows/build-libs.sh x86_64 build-win
	@sh tools/windows/build-exe.sh x86_64 build-win

windows32:
	@sh tools/windows/build-libs.sh i686 build-win32
	@sh tools/windows/build-exe.sh i686 build-win32

windows-check: windows
	@sh tools/windows/check.sh build-win

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# `make torture`: 1,000 writes killed with SIGKILL at random moments
# (tests/torture/torture.sh; `make check` runs 50). RUNS=N SEED=N.
.PHONY: torture
torture: $(BUILD)/jiuzhu
	@env -u JIUZHU_DB -u JIUZHU_NOW -u JIUZHU_PASSWORD -u XDG_DATA_HOME LC_ALL=C.UTF-8 TZ=UTC \
		JIUZHU_BIN="$(CURDIR)/$(BUILD)/jiuzhu" sh tests/torture/torture.sh $(or $(RUNS),1000) $(SEED)
