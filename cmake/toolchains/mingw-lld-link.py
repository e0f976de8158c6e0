#!/usr/bin/env python3
"""Links a MinGW-w64 program with LLVM's lld instead of GNU ld, keeping everything else GCC's.

GNU ld spends minutes of CPU and over a gigabyte on each of our static test executables (its
PE back end is slow with the many COMDAT sections of C++ templates); lld links the same
objects in seconds. Debian's MinGW GCC always runs its configured ld, so this asks the driver
for the exact link line it would run (-###), and runs that line with ld.lld: the same crt
files, libraries and order as GCC chose, minus GNU ld's LTO plugin options.

Usage (CMake's CMAKE_<LANG>_LINK_EXECUTABLE): mingw-lld-link.py <g++ driver> <arguments...>
"""
import shlex
import subprocess
import sys


def main() -> int:
    driver, args = sys.argv[1], sys.argv[2:]
    probe = subprocess.run([driver, *args, "-###"], capture_output=True, text=True)
    if probe.returncode != 0:
        sys.stderr.write(probe.stderr)
        return probe.returncode
    link = None
    for line in probe.stderr.splitlines():
        if not line.startswith(" "):
            continue  # the link line is the one indented command that runs collect2
        words = shlex.split(line)
        if words and words[0].endswith("collect2"):
            link = words[1:]
    if link is None:
        sys.stderr.write("mingw-lld-link: the driver printed no link line\n" + probe.stderr)
        return 2
    kept = []
    skip_next = False
    for w in link:
        if skip_next:
            skip_next = False
            continue
        if w == "-plugin":
            skip_next = True
            continue
        if w.startswith("-plugin-opt="):
            continue
        kept.append(w)
    return subprocess.run(["ld.lld", *kept]).returncode


if __name__ == "__main__":
    sys.exit(main())
