#!/bin/bash
# Run by ctest: install the .deb files into a clean root and run the programs from there.
#
# The root is a minimal Debian system made of Debian packages only: the Essential set (what
# every Debian system has, and what no package declares) plus the closure of our packages'
# Depends and Pre-Depends, resolved through dpkg's own records of this machine's installed
# packages (dpkg-query -s) and filled with exactly the files dpkg says each of them owns
# (dpkg-query -L). Nothing else of this machine is in it: no -dev package, no build tree, no
# library that a dependency forgot to declare. Our packages are installed into it with
# `dpkg --root` WITHOUT --force-depends, so dpkg itself checks their Depends against it; then
# the programs run inside it (chroot, in their own mount and PID namespaces, with /proc and an
# empty LD_LIBRARY_PATH). A library missing from Depends fails the run, as it would on a
# citizen's computer. No network is needed: everything comes from this machine's packages.
#
# usage: clean_root_install.sh PACKAGES_DIR WORK_DIR APP_ID
set -euo pipefail
packages_dir=$1 work=$2 app_id=$3
started=$(date +%s)
step_started=$started
step() {
    local now
    now=$(date +%s)
    echo "-- $1 ($((now - step_started)) s)"
    step_started=$now
}
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# dpkg --root and chroot need root; an ordinary user gets it inside a user namespace.
if [ "$(id -u)" != 0 ]; then
    if unshare --map-root-user true 2>/dev/null; then
        exec unshare --map-root-user bash "$0" "$@"
    fi
    echo "SKIP: needs root, or unprivileged user namespaces for unshare --map-root-user"
    exit 77
fi

shopt -s nullglob
debs=("$packages_dir"/*.deb)
[ ${#debs[@]} -gt 0 ] || fail "no .deb in $packages_dir"
root=$work/root
rm -rf "$work"
mkdir -p "$root"

# --- The packages of the root -----------------------------------------------------------
declare -A installed=() provider=() depends=() wanted=()
# Each field behind a '=', so that an empty one does not vanish between two tabs.
while IFS=$'\t' read -r name status essential provides deps; do
    status=${status#=} essential=${essential#=} provides=${provides#=} deps=${deps#=}
    [ "$status" = "ii " ] || continue
    installed[$name]=1
    depends[$name]=$deps
    [ "$essential" = yes ] && wanted[$name]=1
    IFS=',' read -ra virtuals <<<"$provides"
    for v in "${virtuals[@]}"; do
        v=${v%%(*}
        v=${v// /}
        [ -n "$v" ] && [ -z "${provider[$v]:-}" ] && provider[$v]=$name
    done
done < <(dpkg-query -W \
    -f='${Package}\t=${db:Status-Abbrev}\t=${Essential}\t=${Provides}\t=${Pre-Depends}, ${Depends}\n')

# One Depends clause ("a (>= 1) | b:any") -> the installed package that satisfies it.
resolve() {
    local alternative
    IFS='|' read -ra alternatives <<<"$1"
    for alternative in "${alternatives[@]}"; do
        alternative=${alternative%%(*}
        alternative=${alternative%%[*}
        alternative=${alternative// /}
        alternative=${alternative%%:*}
        [ -n "$alternative" ] || continue
        if [ -n "${installed[$alternative]:-}" ]; then
            echo "$alternative"
            return
        elif [ -n "${provider[$alternative]:-}" ]; then
            echo "${provider[$alternative]}"
            return
        fi
    done
}

queue=("${!wanted[@]}")
for deb in "${debs[@]}"; do
    IFS=',' read -ra clauses <<<"$(dpkg-deb -f "$deb" Pre-Depends), $(dpkg-deb -f "$deb" Depends)"
    for clause in "${clauses[@]}"; do
        [ -n "${clause// /}" ] || continue
        package=$(resolve "$clause")
        [ -n "$package" ] || fail "$(basename "$deb") depends on '$clause', which no package" \
            "installed here provides (install it, e.g. with installer/debian/install-deps.sh)"
        wanted[$package]=1
        queue+=("$package")
    done
done
while [ ${#queue[@]} -gt 0 ]; do
    package=${queue[-1]}
    unset 'queue[-1]'
    IFS=',' read -ra clauses <<<"${depends[$package]}"
    for clause in "${clauses[@]}"; do
        [ -n "${clause// /}" ] || continue
        dependency=$(resolve "$clause")
        # An unsatisfied dependency of an installed package is this machine's business.
        if [ -n "$dependency" ] && [ -z "${wanted[$dependency]:-}" ]; then
            wanted[$dependency]=1
            queue+=("$dependency")
        fi
    done
done
mapfile -t closure < <(printf '%s\n' "${!wanted[@]}" | sort)
echo "${closure[*]}" | fold -s -w 100
step "${#closure[@]} packages: the Essential set and the closure of our Depends"

# --- Their files, as dpkg records them --------------------------------------------------
# Merged /usr, as on this machine (the links belong to no package).
for link in bin sbin lib lib32 lib64 libx32; do
    if [ -L "/$link" ]; then
        ln -s "$(readlink "/$link")" "$root/$link"
        mkdir -p "$root/$(readlink "/$link")"
    fi
done
dpkg-query -L "${closure[@]}" 2>/dev/null | grep '^/.' | while IFS= read -r path; do
    # A file excluded by dpkg's path-exclude (docs in slim images) was never unpacked here.
    if [ -e "$path" ] || [ -L "$path" ]; then printf '%s\n' "${path#/}"; fi
done | sort -u >"$work/files"
# --ignore-failed-read: in a user namespace, folders private to the real root (/root,
# polkit's rules.d) cannot be read, and nothing here needs what is in them.
tar -C / --no-recursion --ignore-failed-read -cf - -T "$work/files" |
    tar -C "$root" --keep-directory-symlink --no-same-owner -xf -
# dpkg's records of them, as their installation left them.
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers" \
    "$root/tmp" "$root/proc" "$root/root"
chmod 1777 "$root/tmp"
dpkg-query -s "${closure[@]}" >"$root/var/lib/dpkg/status"
touch "$root/var/lib/dpkg/available"
for package in "${closure[@]}"; do
    for record in /var/lib/dpkg/info/"$package"{,:*}.{list,md5sums}; do
        if [ -e "$record" ]; then cp "$record" "$root/var/lib/dpkg/info/"; fi
    done
done
# What base-passwd's and libc-bin's maintainer scripts make on a real installation.
cp /usr/share/base-passwd/passwd.master "$root/etc/passwd"
cp /usr/share/base-passwd/group.master "$root/etc/group"
chroot "$root" /sbin/ldconfig
step "root of $(du -sm "$root" | cut -f1) MB from $(wc -l <"$work/files") files"

# --- Our packages, installed by dpkg, which checks their dependencies --------------------
# --path-include: all of our files, even where this machine's dpkg.cfg.d excludes some (slim
# container images drop /usr/share/locale and /usr/share/man).
dpkg --root="$root" --log=/dev/null --path-include='/*' --install "${debs[@]}" ||
    fail "dpkg could not install the packages into the clean root (see above)"
for deb in "${debs[@]}"; do
    package=$(dpkg-deb -f "$deb" Package)
    dpkg --root="$root" --status "$package" | grep -qx 'Status: install ok installed' ||
        fail "$package is not installed in the clean root"
done
dpkg --root="$root" --audit || fail "dpkg --audit finds the clean root inconsistent"
chroot "$root" /sbin/ldconfig
step "installed: $(cd "$packages_dir" && ls -- *.deb | tr '\n' ' ')"

# --- Run from the root -------------------------------------------------------------------
# Nothing of this machine's environment: no display, no library path, an empty home.
# --kill-child: the program ends with unshare, whatever ends unshare.
in_root=(unshare --mount --pid --fork --kill-child=SIGTERM --mount-proc="$root/proc"
    chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin LD_LIBRARY_PATH= LANG=C.UTF-8)
in_root() { "${in_root[@]}" "$@"; }
diagnose=$(in_root citizendesk --diagnose) || fail "citizendesk --diagnose failed in the clean root"
echo "$diagnose"
grep -q '^CitizenDesk  *[0-9]' <<<"$diagnose" || fail "--diagnose names no version"
grep -q '^Toolkit  *wxWidgets 3\.2' <<<"$diagnose" || fail "--diagnose names no wxWidgets"
grep -q '^Vault  *SQLCipher' <<<"$diagnose" || fail "--diagnose names no SQLCipher"
# The catalog is found where the package put it (/usr/share/locale).
help_zh=$(in_root citizendesk --lang zh_CN --help) || fail "citizendesk --help failed"
grep -q '显示本帮助并退出' <<<"$help_zh" ||
    fail "citizendesk --lang zh_CN --help is not in Chinese: the catalog was not found:
$help_zh"
step "citizendesk --diagnose and --lang zh_CN --help run from the clean root"

if [ -e "$root/usr/bin/citizendesk-platform" ]; then
    # The server prints its address once it serves; the test reads that line (no sleeping).
    coproc platform { exec "${in_root[@]}" citizendesk-platform --port 0 2>&1; }
    # unshare ignores SIGTERM while it waits for its child: KILL it, and --kill-child passes a
    # SIGTERM on to the server, which stops cleanly.
    trap 'kill -KILL "$platform_PID" 2>/dev/null || true' EXIT
    address=""
    while IFS= read -r -t 60 line <&"${platform[0]}"; do
        echo "platform: $line"
        if [[ $line =~ ^listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then
            address=${BASH_REMATCH[1]}
            break
        fi
    done
    [ -n "$address" ] || fail "citizendesk-platform did not start in the clean root"
    exec 3<>"/dev/tcp/127.0.0.1/$address"
    printf 'GET /v1/city HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    answer=$(cat <&3)
    exec 3<&-
    kill -KILL "$platform_PID"
    wait "$platform_PID" || true
    trap - EXIT
    head -c 300 <<<"$answer"
    echo
    grep -q '^HTTP/1\.[01] 200' <<<"$answer" || fail "the platform in the clean root does not answer"
    step "citizendesk-platform serves /v1/city from the clean root"
fi

# --- The installed desktop integration -----------------------------------------------------
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
# validate-tree: the metainfo, and that its desktop entry is installed beside it.
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree: $metainfo"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = "$app_id" ] || fail "the desktop entry's icon is '$icon', not the app id $app_id"
icons=("$root"/usr/share/icons/hicolor/*/apps/"$icon".png "$root"/usr/share/icons/hicolor/*/apps/"$icon".svg)
[ ${#icons[@]} -ge 2 ] || fail "no installed icon named $icon"
exec_binary=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_binary" ] || fail "the desktop entry runs '$exec_binary', not installed"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
grep -q "<binary>$exec_binary</binary>" "$metainfo" || fail "the metainfo provides no binary"
man_page=$root/usr/share/man/man1/citizendesk.1.gz
zcat "$man_page" | grep -q '^\.SH OPTIONS\|^\.SH DESCRIPTION' || fail "no manual page at $man_page"
step "desktop entry, icon, AppStream metadata and manual page as installed"

rm -rf "$root" # 300 MB; kept only when a check fails, to look into
echo "clean root install: $(($(date +%s) - started)) s in all"
