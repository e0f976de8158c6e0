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
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --preset dev "$@"
