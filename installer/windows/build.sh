#!/bin/bash
# README's one Windows command, on Debian: installs what is missing, builds the dependencies
# from Debian sources (cached: seconds the second time), cross-builds CitizenDesk in release
# mode, and makes the two packages a citizen gets:
#   build/windows-release/CitizenDesk-<version>-win64.exe   the installer (NSIS)
#   build/windows-release/CitizenDesk-<version>-win64.zip   the portable copy
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC="$PWD"
BUILD="$SRC/build/windows-release"

say() { echo "windows-build: $*"; }
fail() {
    echo "windows-build: FAILED: $*" >&2
    exit 1
}
declare -a TIMES=()
timed() { # name command...
    local name="$1" t=$SECONDS
    shift
    "$@"
    TIMES+=("$name $((SECONDS - t)) s")
}

timed install-deps installer/debian/install-deps.sh || fail "installer/debian/install-deps.sh"
timed build-deps installer/windows/build-deps.sh || fail "installer/windows/build-deps.sh"
PREFIX="$(cat /tmp/win-deps.path)"

# Release: optimised, no tests (so no QA hooks in what citizens install), the same warnings
# as every other build, errors included.
timed configure cmake -S "$SRC" -B "$BUILD" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$SRC/cmake/toolchains/x86_64-w64-mingw32.cmake" \
    -DCITIZENDESK_WIN_DEPS_PREFIX="$PREFIX" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCITIZENDESK_BUILD_TESTS=OFF -DCITIZENDESK_BUILD_BENCHMARKS=OFF -DCITIZENDESK_FUZZ=OFF \
    -DCITIZENDESK_WARNINGS_AS_ERRORS=ON >/dev/null || fail "configuring $BUILD"
timed build cmake --build "$BUILD" -j 2 || fail "building $BUILD"
for gen in NSIS ZIP; do
    timed "cpack-$gen" cpack --config "$BUILD/CPackConfig.cmake" -G "$gen" -B "$BUILD" >/dev/null ||
        fail "cpack -G $gen (run it in $BUILD to see why)"
done

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")"
for f in "$BUILD/CitizenDesk-$version-win64.exe" "$BUILD/CitizenDesk-$version-win64.zip"; do
    [ -f "$f" ] || fail "$f was not made"
    say "$f ($(du -h "$f" | cut -f1))"
done
say "times: $(printf '%s; ' "${TIMES[@]}")"
