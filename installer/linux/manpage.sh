#!/bin/sh
# Writes the gzipped manual page of one of our programs from its own --help, with help2man.
# usage: manpage.sh HELP2MAN PROGRAM VERSION "WHATIS" INCLUDE.h2m CHANGELOG OUTPUT.1.gz
set -eu
help2man=$1 program=$2 version=$3 whatis=$4 include=$5 changelog=$6 out=$7

# The same page on every build (dated by the newest changelog entry, like the package), in
# English, and without a display: --help never opens a window, and a build machine has none.
SOURCE_DATE_EPOCH=$(date -u -d "$(sed -n 's/^ -- .*>  //p' "$changelog" | head -n 1)" +%s)
export SOURCE_DATE_EPOCH
unset DISPLAY WAYLAND_DISPLAY
LC_ALL=C.UTF-8 LANGUAGE='' LANG=C.UTF-8
export LC_ALL LANGUAGE LANG

"$help2man" --no-info --no-discard-stderr --section=1 --name="$whatis" \
    --version-string="$(basename "$program") $version" --include="$include" \
    --output="$out.roff" "$program"
gzip -9 -n -c "$out.roff" >"$out"
rm -f "$out.roff"
