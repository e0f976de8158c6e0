#!/bin/bash
# The real window of the Windows build, under Xvfb + Wine: `citizendesk.exe --demo --lang zh_CN`
# with a fresh data folder. The QA smoke hook of a build with tests (src/ui/qa_smoke.h, turned
# on by CITIZENDESK_QA_SMOKE_REPORT) creates the vault in its dialog and signs the demo citizen
# in, and reports what the window holds; this script checks the report (the tabs with
# their Chinese titles, the vault, the embedded demo platform answering), keeps a screenshot in
# the build folder, closes the window as Windows would (WM_CLOSE) and checks the exit code.
#
# Usage: tests/windows/window_smoke.sh <build folder with bin/citizendesk.exe>
# WINEPREFIX is the caller's (tests/windows/run.sh makes one per build folder).
set -euo pipefail
BUILD="$(cd "${1:?usage: window_smoke.sh <build folder>}" && pwd)"
EXE="$BUILD/bin/citizendesk.exe"
OUT="$BUILD/window-smoke"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"

say() { echo "window-smoke: $*"; }
fail() {
    echo "window-smoke: FAILED: $*" >&2
    exit 1
}
[ -f "$EXE" ] || fail "$EXE is missing (build the windows-mingw preset first)"
for tool in wine wineserver winepath xvfb-run import; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing. Fix: installer/debian/install-deps.sh"
done

# A display of our own, always: the same screen size on every machine, nothing on the user's.
if [ -z "${CITIZENDESK_SMOKE_DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x1024x24" env CITIZENDESK_SMOKE_DISPLAY=1 "$0" "$@"
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# The exe and its catalogs (the installer packs them; the window looks for them beside bin/).
cmake --build "$BUILD" --target citizendesk translations >/dev/null ||
    fail "cmake --build $BUILD --target citizendesk translations"
# Wine's helper processes of earlier runs were started without this display: end them.
wineserver -k >/dev/null 2>&1 || true
wineserver -w
REPORT="$OUT/report.txt"
SHOT="$OUT/window-smoke.png"
start=$(date +%s)

# Wine shows Chinese only through a font that has it: link the host's Noto CJK (fonts-noto-cjk)
# behind Wine's default UI fonts, as Windows links its own CJK fonts. Without it the titles are
# boxes on the screenshot (the report reads the titles from the controls, not the pixels).
cjk="$(fc-list ':lang=zh-cn' file 2>/dev/null | grep -i 'NotoSansCJK-Regular' | head -n1 | cut -d: -f1 || true)"
if [ -n "$cjk" ]; then
    face="$(basename "$cjk")"
    for base in Tahoma "MS Shell Dlg" "MS Shell Dlg 2" "Segoe UI" "Microsoft Sans Serif"; do
        wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink' \
            /v "$base" /t REG_MULTI_SZ /d "$face,Noto Sans CJK SC" /f >/dev/null 2>&1 || true
    done
    mkdir -p "$WINEPREFIX/drive_c/windows/Fonts"
    ln -sf "$cjk" "$WINEPREFIX/drive_c/windows/Fonts/$face"
else
    say "Wine gap: no Noto Sans CJK on this machine (fonts-noto-cjk): Chinese shows as boxes on the screenshot"
fi

data_w="$(winepath -w "$OUT/data")"
report_w="$(winepath -w "$REPORT")"
say "starting citizendesk.exe --demo --lang zh_CN --data-dir $data_w"
CITIZENDESK_QA_SMOKE_REPORT="$report_w" wine "$EXE" --demo --lang zh_CN --data-dir "$data_w" \
    >"$OUT/stdout.txt" 2>&1 &
app=$!

# The hook writes "done" (or "timeout ..." after three minutes); wait for either, a little
# longer, and stop waiting if the app ends first.
deadline=$((SECONDS + 240))
until grep -q -E '^(done|timeout)' "$REPORT" 2>/dev/null; do
    if ! kill -0 "$app" 2>/dev/null; then
        cat "$REPORT" 2>/dev/null || true
        fail "citizendesk.exe ended before the smoke was done (output in $OUT/stdout.txt)"
    fi
    [ $SECONDS -lt $deadline ] || { cat "$REPORT" 2>/dev/null || true; fail "no report after 240 s"; }
    sleep 0.5
done
import -window root "$SHOT" || say "the screenshot could not be taken"
sed 's/^/window-smoke:   /' "$REPORT"

# Close the window as a logoff or Task Manager would: WM_CLOSE (taskkill without /f).
wine taskkill /im citizendesk.exe >/dev/null 2>&1 || true
deadline=$((SECONDS + 60))
while kill -0 "$app" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
if kill -0 "$app" 2>/dev/null; then
    wineserver -k || true
    fail "the window did not close within 60 s of WM_CLOSE"
fi
rc=0
wait "$app" || rc=$?

problems=()
expect() { # description regex
    grep -q -E "$2" "$REPORT" || problems+=("$1")
}
expect "the tabs with their Chinese titles, Home first" '^tabs=首页\|我的生活\|我的政府\|我的支付\|我的声音$'
expect "the vault created in its dialog" '^vault=created$'
expect "the demo platform answering" '^platform=online '
expect "the demo citizen signed in over loopback" '^signed_in=yes$'
expect "the smoke finished" '^done$'
[ -f "$OUT/data/data/vault.db" ] || problems+=("the vault file data\\vault.db")
[ -f "$OUT/data/data/demo-platform.db" ] || problems+=("the demo platform's database")
[ "$rc" -eq 0 ] || problems+=("exit code 0 after WM_CLOSE (got $rc)")
if [ ${#problems[@]} -gt 0 ]; then
    printf 'window-smoke: missing: %s\n' "${problems[@]}" >&2
    echo "window-smoke: the app's log: $OUT/data/logs/citizendesk.log" >&2
    fail "the window smoke"
fi
say "screenshot: $SHOT"
say "passed in $(($(date +%s) - start)) s"
