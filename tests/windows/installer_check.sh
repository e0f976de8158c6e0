#!/bin/bash
# The NSIS installer as an administrator uses it, in a fresh Wine prefix: a silent install
# (/S) with the city platform's address (/PLATFORM=...), the installed citizendesk.exe's
# --diagnose showing that address and the Windows folders, a silent uninstall that leaves the
# citizen's vault in place and takes the Start-menu entry and the uninstall entry with it; then
# a per-user install (/CurrentUser) removed with /REMOVEDATA, which does take the data; and a
# wrong address refused with exit code 2 before anything is installed.
#
# Usage: tests/windows/installer_check.sh <build folder of the cross build>
# Makes the installer there with `cpack -G NSIS` and uses its own prefix <build>/installer-check.
set -euo pipefail
BUILD="$(cd "${1:?usage: installer_check.sh <build folder>}" && pwd)"
OUT="$BUILD/installer-check"
export WINEPREFIX="$OUT/wineprefix"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
export WINEARCH=win64
unset DISPLAY # nothing here needs a window: silent install and uninstall, --diagnose
PLATFORM="https://city.example.org/api"

say() { echo "installer-check: $*"; }
fail() {
    echo "installer-check: FAILED: $*" >&2
    exit 1
}
for tool in wine wineserver cpack makensis; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing. Fix: installer/debian/install-deps.sh"
done
declare -a TIMES=()
timed() { # name command...
    local name="$1" t=$SECONDS
    shift
    "$@"
    TIMES+=("$name $((SECONDS - t)) s")
}
# `wine` returns when the program does; an uninstaller copies itself to %TEMP% and returns at
# once, so wait for every process of the prefix.
run_wine() {
    local rc=0
    wine "$@" || rc=$?
    wineserver -w
    return $rc
}

rm -rf "$OUT"
mkdir -p "$OUT"
# What cpack installs before packing (it drops the reference server again), and the catalogs
# the window looks for beside bin/.
cmake --build "$BUILD" --target citizendesk citizendesk-platform translations >/dev/null ||
    fail "cmake --build $BUILD --target citizendesk citizendesk-platform translations"
timed cpack cpack --config "$BUILD/CPackConfig.cmake" -G NSIS -B "$OUT/package" >"$OUT/cpack.log" 2>&1 ||
    fail "cpack -G NSIS (log: $OUT/cpack.log)"
INSTALLER="$(ls "$OUT"/package/CitizenDesk-*-win64.exe)"
say "installer: $INSTALLER ($(du -h "$INSTALLER" | cut -f1))"

timed wineboot run_wine wineboot --init >/dev/null 2>&1
C="$WINEPREFIX/drive_c"
USER_DIR="$(ls -d "$C"/users/* | grep -v '/Public$' | head -n1)"
PROGRAMS_ALL="$C/ProgramData/Microsoft/Windows/Start Menu/Programs"
PROGRAMS_USER="$USER_DIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
say "Wine gap: Wine runs every program with administrator rights and has no UAC prompt, so the"
say "  default install here is per-machine (Program Files), as for an administrator on Windows;"
say "  a citizen without those rights gets the per-user install, checked below with /CurrentUser."

# ---- a wrong address: refused, nothing installed --------------------------------------------
rc=0
run_wine "$INSTALLER" /S /PLATFORM=ftp://city.example.org || rc=$?
[ "$rc" -eq 2 ] || fail "/PLATFORM=ftp://... exited with $rc, not 2"
[ ! -e "$C/Program Files/CitizenDesk" ] || fail "a refused /PLATFORM still installed files"
say "/PLATFORM=ftp://... refused with exit code 2, nothing installed"

# ---- per-machine, silent, with the platform address ----------------------------------------
timed install run_wine "$INSTALLER" /S "/PLATFORM=$PLATFORM" || fail "the silent install exited with $?"
DIR="$C/Program Files/CitizenDesk"
[ -f "$DIR/bin/citizendesk.exe" ] || fail "no $DIR/bin/citizendesk.exe"
[ -f "$DIR/share/locale/zh_CN/LC_MESSAGES/citizendesk.mo" ] || fail "no Chinese catalog installed"
[ -f "$DIR/Uninstall.exe" ] || fail "no uninstaller"
# Our manifest, and only ours (wx.rc's is switched off): one assembly, per-monitor v2, UTF-8.
manifests="$(grep -a -o 'urn:schemas-microsoft-com:asm.v1' "$DIR/bin/citizendesk.exe" | wc -l)"
[ "$manifests" -eq 1 ] || fail "citizendesk.exe holds $manifests manifests, not 1"
grep -a -q 'PerMonitorV2, PerMonitor' "$DIR/bin/citizendesk.exe" || fail "the manifest lacks PerMonitorV2"
grep -a -q '>UTF-8</activeCodePage>' "$DIR/bin/citizendesk.exe" || fail "the manifest lacks the UTF-8 code page"
grep -q "^platform=$PLATFORM" "$DIR/bin/citizendesk.ini" || fail "bin\\citizendesk.ini does not hold the address"
[ -f "$PROGRAMS_ALL/CitizenDesk.lnk" ] || fail "no Start-menu entry for all users"
wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\CitizenDesk' /v QuietUninstallString \
    >/dev/null 2>&1 || fail "no uninstall entry (Apps & features)"
say "installed per-machine into C:\\Program Files\\CitizenDesk, Start-menu entry and uninstall entry present"

diagnose="$(wine "C:\\Program Files\\CitizenDesk\\bin\\citizendesk.exe" --diagnose 2>&1 | tr -d '\r')" ||
    fail "--diagnose of the installed exe: $diagnose"
echo "$diagnose" | sed 's/^/installer-check:   /'
echo "$diagnose" | grep -q "^Platform  *$PLATFORM (installed setting" ||
    fail "the installed app does not see the address given to the installer"
echo "$diagnose" | grep -q 'AppData\\Roaming\\CitizenDesk' || fail "--diagnose shows no AppData folder"

# The citizen's data, as the app leaves it: the vault in the data folder, the log beside.
data_dir="$(echo "$diagnose" | sed -n 's/^Data folder  *//p')"
log_dir="$(echo "$diagnose" | sed -n 's/^Log folder  *//p')"
VAULT="$(winepath -u "$data_dir")/vault.db"
mkdir -p "$(dirname "$VAULT")" "$(winepath -u "$log_dir")"
echo "the citizen's vault" >"$VAULT"

timed uninstall run_wine "C:\\Program Files\\CitizenDesk\\Uninstall.exe" /S ||
    fail "the silent uninstall exited with $?"
[ ! -e "$DIR" ] || fail "the uninstall left $DIR: $(cd "$DIR" && find . | head)"
[ ! -e "$PROGRAMS_ALL/CitizenDesk.lnk" ] || fail "the Start-menu entry is still there"
if wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\CitizenDesk' >/dev/null 2>&1; then
    fail "the uninstall entry is still there"
fi
[ -f "$VAULT" ] || fail "the uninstall removed the citizen's vault without being asked"
say "uninstalled silently: program, Start-menu entry and uninstall entry gone, the vault kept"

# ---- per-user, then removed with the data ----------------------------------------------------
timed install-user run_wine "$INSTALLER" /S /CurrentUser || fail "the per-user install exited with $?"
UDIR="$USER_DIR/AppData/Local/Programs/CitizenDesk"
[ -f "$UDIR/bin/citizendesk.exe" ] || fail "no per-user install in %LOCALAPPDATA%\\Programs\\CitizenDesk"
[ -f "$PROGRAMS_USER/CitizenDesk.lnk" ] || fail "no Start-menu entry for the user"
[ ! -e "$UDIR/bin/citizendesk.ini" ] || fail "a platform setting was written without /PLATFORM"
run_wine "$(winepath -w "$UDIR/Uninstall.exe")" /S /REMOVEDATA || fail "the per-user uninstall exited with $?"
[ ! -e "$UDIR" ] || fail "the per-user uninstall left $UDIR"
[ ! -e "$PROGRAMS_USER/CitizenDesk.lnk" ] || fail "the user's Start-menu entry is still there"
[ ! -e "$VAULT" ] || fail "/REMOVEDATA kept the vault"
[ ! -e "$(winepath -u "$log_dir")" ] || fail "/REMOVEDATA kept the logs"
say "per-user install and uninstall with /REMOVEDATA: program and data gone"

wineserver -k >/dev/null 2>&1 || true
say "times: $(printf '%s; ' "${TIMES[@]}")"
say "passed"
