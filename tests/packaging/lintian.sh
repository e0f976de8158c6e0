#!/bin/sh
# Run by ctest: lintian on every .deb (in one run: its start-up is most of its cost). Every
# tag is listed; an error fails the test, and so does a hardening tag when the build is meant
# to be hardened (an optimised build: cmake/hardening.cmake).
# usage: lintian.sh LINTIAN STRICT_HARDENING(0|1) PACKAGES_DIR
set -u
lintian=$1 strict_hardening=$2 dir=$3

command -v "$lintian" >/dev/null ||
    { echo "FAIL: lintian not found: installer/debian/install-deps.sh installs it"; exit 1; }
set -- "$dir"/*.deb
[ -e "$1" ] || { echo "FAIL: no .deb in $dir"; exit 1; }
# --display-level: info and pedantic tags too, so that they are seen, not hidden. Exit
# status 2: an error tag (--fail-on error); any other non-zero: lintian itself failed.
output=$("$lintian" --display-level '>=pedantic' --show-overrides --fail-on error "$@" 2>&1)
rc=$?
tags=$(echo "$output" | grep -v '^running with root privileges')
echo "lintian $(for deb in "$@"; do basename "$deb"; done | tr '\n' ' '):"
if [ -n "$tags" ]; then echo "$tags" | sed 's/^/  /'; else echo "  (no tags)"; fi

status=0
if [ $rc -ne 0 ] || echo "$tags" | grep -q '^E: '; then
    echo "FAIL: lintian exits with $rc (2: error tags)"
    status=1
fi
if [ "$strict_hardening" = 1 ] && echo "$tags" | grep -q '^[EWI]: .*: hardening-'; then
    echo "FAIL: this optimised build should be hardened (cmake/hardening.cmake)"
    status=1
fi
exit $status
