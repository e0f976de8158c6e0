#!/bin/bash
# The Windows build, checked under Wine: builds the dependencies from Debian sources (cached),
# cross-builds the app and the non-UI test suites with the windows-mingw preset, runs those
# suites under Wine with ctest (against the reference server on loopback, as on Linux), then
# `citizendesk.exe --version` and `--diagnose`, which must show the Windows folders (AppData).
#
# Wine's own gaps are listed in tests/windows/wine-gaps.txt, each with its reason, and printed
# with the run: nothing is skipped silently. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Wine wants a display as soon as anything makes a window (wineboot's desktop, a hidden message
# window): without one, run inside a virtual display, all Wine processes sharing it.
if [ -z "${DISPLAY:-}" ] && [ -z "${CITIZENDESK_IN_XVFB:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    CITIZENDESK_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
SRC="$PWD"
BUILD="$SRC/build/windows"
SUITES=(core diag store net api app server)

say() { echo "windows: $*"; }
fail() {
    echo "windows: FAILED: $*" >&2
    exit 1
}
declare -a TIMES=()
timed() { # name command...
    local name="$1" start
    shift
    start=$(date +%s)
    "$@"
    TIMES+=("$name $(($(date +%s) - start)) s")
}

for tool in wine x86_64-w64-mingw32-g++-posix cmake ninja; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail "'$tool' is missing. Fix: installer/debian/install-deps.sh"
done

# ---- dependencies ----------------------------------------------------------------------------
timed build-deps installer/windows/build-deps.sh
PREFIX="$(cat /tmp/win-deps.path)"

# ---- a Wine prefix of our own, made once per build folder ------------------------------------
mkdir -p "$BUILD"
export WINEPREFIX="$BUILD/wineprefix"
export WINEDEBUG=-all
# No Mono or Gecko installer dialogs: nothing here needs .NET or an HTML engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
# The prefix's wineserver goes when this script does (also on failure), not seconds later.
trap 'wineserver -k >/dev/null 2>&1 || true' EXIT
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    say "creating the Wine prefix $WINEPREFIX"
    timed wineboot wine wineboot --init
    wineserver --wait
fi

# ---- cross-build the app and the suites ------------------------------------------------------
timed configure cmake --preset windows-mingw -DCITIZENDESK_WIN_DEPS_PREFIX="$PREFIX" >/dev/null
targets=(citizendesk)
for s in "${SUITES[@]}"; do targets+=("${s}_tests"); done
timed build cmake --build "$BUILD" --target "${targets[@]}"

# ---- the suites under Wine -------------------------------------------------------------------
# wine-gaps.txt: one "<ctest name regex> | <reason>" per line (" | " separates, so the regex
# may hold a bare '|'); # starts a comment.
GAPS_FILE="$SRC/tests/windows/wine-gaps.txt"
exclude=""
while IFS= read -r line; do
    case "$line" in '#'* | '') continue ;; esac
    regex="${line%% | *}"
    reason="${line#* | }"
    say "excluded under Wine: $regex -- $reason"
    exclude="${exclude:+$exclude|}$regex"
done <"$GAPS_FILE"
label="^($(
    IFS='|'
    echo "${SUITES[*]}"
))\$"
ctest_args=(--test-dir "$BUILD" -L "$label" --output-on-failure --timeout 300 -j 2)
[ -n "$exclude" ] && ctest_args+=(-E "$exclude")
timed wine-tests ctest "${ctest_args[@]}" "$@"

# ---- the executable itself -------------------------------------------------------------------
EXE="$BUILD/bin/citizendesk.exe"
version="$("$SRC/cmake/toolchains/wine-exec.sh" "$EXE" --version 2>&1)" ||
    fail "citizendesk.exe --version exited with an error: $version"
echo "$version"
echo "$version" | grep -q '^CitizenDesk [0-9]' || fail "--version printed no version"
diagnose="$("$SRC/cmake/toolchains/wine-exec.sh" "$EXE" --diagnose 2>&1)" ||
    fail "citizendesk.exe --diagnose exited with an error: $diagnose"
echo "$diagnose"
# The vault, logs and cache live under %LOCALAPPDATA%, the settings under %APPDATA%, each as a
# drive-letter path (the Wine prefix's C:\users\<name>\AppData\...).
echo "$diagnose" | grep -Eq '[A-Za-z]:\\.*AppData\\Local\\CitizenDesk' ||
    fail "--diagnose shows no Windows data folder (<drive>:\\...\\AppData\\Local\\CitizenDesk)"
echo "$diagnose" | grep -Eq '[A-Za-z]:\\.*AppData\\Roaming\\CitizenDesk' ||
    fail "--diagnose shows no Windows settings folder (<drive>:\\...\\AppData\\Roaming\\CitizenDesk)"
say "--version and --diagnose under Wine: Windows folders shown"

# ---- win-package: the installer and window checks go below this line -------------------------
# The real window (Xvfb + Wine, the QA smoke hook of this build with tests), then the NSIS
# installer made from this build in a fresh prefix of its own. Each prints its Wine gaps.
timed window-smoke "$SRC/tests/windows/window_smoke.sh" "$BUILD"
timed installer-check "$SRC/tests/windows/installer_check.sh" "$BUILD"

# ---- end of win-package's checks -------------------------------------------------------------

say "times: $(printf '%s; ' "${TIMES[@]}")"
say "all Windows checks passed"
