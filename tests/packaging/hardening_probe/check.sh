#!/bin/sh
# Run by ctest (packaging.hardening_release): cmake/hardening.cmake hardens a Release build
# (PIE, RELRO, BIND_NOW, stack protector, fortified calls: what lintian's hardening tags
# look for) and leaves a Debug build and a sanitizer build alone.
# usage: check.sh CMAKE CXX_COMPILER READELF HARDENING_MODULE PROBE_SOURCE WORK_DIR
set -eu
cmake=$1 cxx=$2 readelf=$3 module=$4 source=$5 work=$6
rm -rf "$work"
mkdir -p "$work"
status=0
fail() { echo "FAIL: $*"; status=1; }

configure() { # name, extra cmake arguments...
    name=$1
    shift
    "$cmake" -S "$source" -B "$work/$name" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
        -DHARDENING_MODULE="$module" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "$@" >"$work/$name.log" 2>&1 ||
        { cat "$work/$name.log"; exit 1; }
}

configure release -DCMAKE_BUILD_TYPE=Release
"$cmake" --build "$work/release" >"$work/release-build.log" 2>&1 || { cat "$work/release-build.log"; exit 1; }
probe=$work/release/probe
"$readelf" -hW "$probe" | grep -q 'Type: *DYN' || fail "not a position-independent executable"
"$readelf" -lW "$probe" | grep -q 'GNU_RELRO' || fail "no RELRO segment"
"$readelf" -dW "$probe" | grep -Eq 'BIND_NOW|FLAGS_1.*NOW' || fail "not linked with -z now"
"$readelf" -sW --dyn-syms "$probe" | grep -q '__stack_chk_fail' || fail "no stack protector"
"$readelf" -sW --dyn-syms "$probe" | grep -q '__printf_chk' || fail "printf is not fortified"
"$readelf" -dW "$probe" | grep -E 'FLAGS|BIND' || true

configure debug -DCMAKE_BUILD_TYPE=Debug
grep -q '_FORTIFY_SOURCE\|stack-protector' "$work/debug/compile_commands.json" &&
    fail "a Debug build is hardened (fortify needs optimisation; the dev cache would miss)"
configure asan -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=-fsanitize=address"
grep -q '_FORTIFY_SOURCE' "$work/asan/compile_commands.json" &&
    fail "a sanitizer build is fortified (fortified calls bypass its interceptors)"
[ $status = 0 ] && echo "Release: PIE, RELRO, BIND_NOW, stack protector, fortify; Debug and ASan: untouched"
exit $status
