#!/bin/sh
# Builds the tests under a sanitizer preset (asan: AddressSanitizer + UBSan; tsan:
# ThreadSanitizer) and runs the labels that need no display, then prints a summary: tests run,
# passed, failed, and the sanitizer reports (each report is kept in <build>/sanitizer-logs/).
# Third-party reports are suppressed by library or file in the *.supp files next to this
# script, each with its reason; none of our tests is skipped.
#   tests/sanitizers/run.sh asan|tsan [extra ctest arguments]
set -eu

preset="${1:-}"
case "$preset" in
asan | tsan) ;;
*)
    echo "usage: tests/sanitizers/run.sh asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac
shift
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/$preset"
labels="core diag net api store app server"
started=$(date +%s)

cd "$root"
cmake --preset "$preset" >/dev/null
targets=""
for l in $labels; do
    targets="$targets ${l}_tests"
done
# shellcheck disable=SC2086
cmake --build --preset "$preset" --target $targets
built=$(date +%s)

logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
# Reports go to files (log_path) so that they can be counted, and abort the test that made
# them (ASan and, with -fno-sanitize-recover, UBSan stop at once; TSan fails at exit).
export ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp"
export TSAN_OPTIONS="log_path=$logs/tsan:suppressions=$here/tsan.supp:second_deadlock_stack=1:history_size=4"

regex="^($(echo $labels | tr ' ' '|'))\$"
status=0
ctest --test-dir "$build" -L "$regex" -j2 --timeout 900 --output-on-failure "$@" \
    >"$build/ctest.log" 2>&1 || status=$?
finished=$(date +%s)

tail -n 30 "$build/ctest.log"
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$build/ctest.log" || true)
total=$(echo "$summary" | sed -n 's/.* out of \([0-9]*\).*/\1/p')
failed=$(echo "$summary" | sed -n 's/.*passed, \([0-9]*\) tests failed.*/\1/p')
reports=0
for f in "$logs"/*; do
    [ -f "$f" ] || continue
    n=$(grep -cE '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: UndefinedBehaviorSanitizer)|runtime error:' "$f" || true)
    reports=$((reports + n))
done
echo
echo "sanitizers ($preset): tests run ${total:-?}, passed $(( ${total:-0} - ${failed:-0} )), failed ${failed:-?}, sanitizer reports $reports"
echo "sanitizers ($preset): build $((built - started)) s, tests $((finished - built)) s; reports in $logs"
if [ "$reports" -gt 0 ]; then
    grep -hE '^SUMMARY:' "$logs"/* | sort | uniq -c | sort -rn | head -n 30
    status=1
fi
exit $status
