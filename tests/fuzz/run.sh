#!/bin/sh
# Builds the libFuzzer targets in a separate clang build folder and runs each one, either for a
# bounded time (CI) or for a number of executions (a longer local campaign), then prints one
# line per target: executions, coverage (libFuzzer's cov/ft) and findings. Exits non-zero when
# a target crashes or breaks one of its rules (the reproducer is left in <build>/artifacts/).
#   tests/fuzz/run.sh [seconds-per-target]        default 20
#   tests/fuzz/run.sh --runs N [target...]        N executions per target (libFuzzer -runs=N)
#   FUZZ_BUILD_DIR moves the build (default build/fuzz); FUZZ_TARGETS limits the targets.
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build/fuzz}"
all="json open311 platform net_headers utc_time money outbox_payload server_request"
targets="${FUZZ_TARGETS:-$all}"

limit="-max_total_time=20"
if [ "${1:-}" = "--runs" ]; then
    [ -n "${2:-}" ] || { echo "fuzz: --runs needs a number" >&2; exit 2; }
    limit="-runs=$2"
    shift 2
    [ $# -eq 0 ] || targets="$*"
elif [ -n "${1:-}" ]; then
    limit="-max_total_time=$1"
fi

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
names=""
for t in $targets; do
    names="$names fuzz_$t"
done
# shellcheck disable=SC2086
cmake --build "$build" --target $names -j2

mkdir -p "$build/artifacts"
status=0
summary=""
for t in $targets; do
    # New inputs go to a work corpus in the build folder; the checked-in seeds stay read-only.
    work="$build/corpus/$t"
    mkdir -p "$work"
    seeds="$root/tests/fuzz/corpus/$t"
    extra=""
    if [ "$t" = open311 ]; then
        extra="$root/tests/api/fixtures/open311"
    fi
    dict=""
    if [ -f "$root/tests/fuzz/dict/$t.dict" ]; then
        dict="-dict=$root/tests/fuzz/dict/$t.dict"
    fi
    log="$build/fuzz-$t.log"
    echo "fuzz: $t ($limit)"
    findings=0
    # shellcheck disable=SC2086
    if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$t" $limit -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" $dict \
        "$work" "$seeds" $extra >"$log" 2>&1; then
        echo "fuzz: $t FAILED; see $log and $build/artifacts/" >&2
        tail -n 40 "$log" >&2
        findings=1
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    # The last status line ("#N DONE cov: C ft: F ..." or the last pulse) holds the coverage.
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    summary="$summary$(printf '%-16s %12s %8s %8s %9s' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$findings")
"
done
printf '%-16s %12s %8s %8s %9s\n' target executions cov ft findings
printf '%s' "$summary"
exit $status
