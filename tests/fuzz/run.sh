#!/bin/sh
# Builds the libFuzzer targets in a separate clang build folder and runs each for a bounded
# time. Exits non-zero when a target crashes (the reproducer is left in <build>/artifacts/).
#   tests/fuzz/run.sh [seconds-per-target]     default 20; FUZZ_BUILD_DIR moves the build (default build/fuzz)
set -eu

seconds="${1:-20}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build/fuzz}"
targets="json open311 platform"

command -v clang++ >/dev/null 2>&1 || { echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
        -DCITIZENDESK_FUZZ=ON -DCITIZENDESK_BUILD_BENCHMARKS=OFF >"$build/configure.log" 2>&1 ||
        { cat "$build/configure.log" >&2; exit 2; }
fi
for t in $targets; do
    cmake --build "$build" --target "fuzz_$t" -j2
done

mkdir -p "$build/artifacts"
status=0
for t in $targets; do
    # New inputs go to a work corpus in the build folder; the checked-in seeds stay read-only.
    work="$build/corpus/$t"
    mkdir -p "$work"
    seeds="$root/tests/fuzz/corpus/$t"
    extra=""
    if [ "$t" = open311 ]; then
        extra="$root/tests/api/fixtures/open311"
    fi
    echo "fuzz: $t for ${seconds}s"
    # shellcheck disable=SC2086
    if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
        "$work" "$seeds" $extra >"$build/fuzz-$t.log" 2>&1; then
        echo "fuzz: $t FAILED; see $build/fuzz-$t.log and $build/artifacts/" >&2
        tail -n 40 "$build/fuzz-$t.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$build/fuzz-$t.log" | tail -n 2 || true
    fi
done
exit $status
