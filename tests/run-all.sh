#!/bin/sh
# The whole test suite, as README's second quick-start command and .ci/run run it: configure and
# build the `dev` preset, then run every test under a virtual X display (the [ui] tests open
# real windows; Xvfb keeps them off your screen and makes them repeatable).
set -eu
cd "$(dirname "$0")/.."

cmake --preset dev
cmake --build --preset dev

if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "run-all: xvfb-run is missing; install the packages first: installer/debian/install-deps.sh" >&2
    exit 1
fi
# Fuzz the parsers of untrusted input for a bounded time (clang, ASan, UBSan; 8 targets x 6 s,
# about the minute it always took; tests/fuzz/run.sh --runs N is the longer local campaign).
tests/fuzz/run.sh 6

# -a picks a free display number; the screen is large enough for the 1024x720 main window.
# The Linux suite runs first and its result is kept, so its failures show even when the
# Windows checks fail after it.
linux=0
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --preset dev "$@" || linux=$?

# The Windows build under Wine (dependencies from Debian sources, cached between runs; the
# non-UI suites, --version and --diagnose). CITIZENDESK_SKIP_WINDOWS=1 leaves it out locally.
windows=0
if [ "${CITIZENDESK_SKIP_WINDOWS:-0}" = 1 ]; then
    echo "run-all: Windows checks skipped (CITIZENDESK_SKIP_WINDOWS=1)"
else
    tests/windows/run.sh || windows=$?
fi

if [ "$linux" -ne 0 ] || [ "$windows" -ne 0 ]; then
    echo "run-all: FAILED (Linux suite exit $linux, Windows checks exit $windows)" >&2
    exit 1
fi
