# Thin wrapper around CMake. Quick start: `make demo`, then `make test`.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
TEST_BUILD ?= build-test
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps build demo test test-sanitize bench install clean completions

all: build

deps:
	@bash scripts/install-deps.sh

# Release build of the convstat binary.
build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCONVSTAT_BUILD_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target convstat

# Fills the default cache with demo data and shows the overview of the last 30 days.
demo: build
	./$(BUILD)/convstat demo
	./$(BUILD)/convstat overview

# Every test: warnings are errors; unit tests (Catch2) and end-to-end tests (the real binary).
test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONVSTAT_WERROR=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer and UBSan (one CI leg).
test-sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCONVSTAT_WERROR=ON -DCONVSTAT_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# Regenerates completions/ from the command tree (a test fails when they drift).
completions: build
	./$(BUILD)/convstat completion bash > completions/convstat.bash
	./$(BUILD)/convstat completion zsh > completions/_convstat
	./$(BUILD)/convstat completion fish > completions/convstat.fish

bench: build
	bash bench/run

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(ASAN_BUILD)
