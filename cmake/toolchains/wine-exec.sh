#!/bin/bash
# The cross build's CMAKE_CROSSCOMPILING_EMULATOR: runs a Windows .exe under Wine for ctest and
# for Catch2's test discovery. A Windows program writes "\r\n"; the carriage returns are dropped
# from its standard output, else every discovered test name would end in '\r' and match nothing.
# Wine's own chatter is off unless WINEDEBUG says otherwise; WINEPREFIX is the caller's.
set -o pipefail
export WINEDEBUG="${WINEDEBUG:--all}"
"${CITIZENDESK_WINE:-wine}" "$@" | tr -d '\r'
