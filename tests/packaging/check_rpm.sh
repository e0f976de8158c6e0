#!/bin/sh
# Run by ctest: the two RPMs carry a real header (summary, description, licence, group, URL)
# and own only their files and their own folders, never a folder that the filesystem,
# hicolor-icon-theme or another package owns (removing CitizenDesk would remove it).
# usage: check_rpm.sh RPM PACKAGES_DIR VERSION APP_ID
set -u
rpm=$1 dir=$2 version=$3 app_id=$4

fail() { echo "FAIL: $*"; status=1; }
command -v "$rpm" >/dev/null && command -v rpmbuild >/dev/null || {
    echo "FAIL: rpm or rpmbuild not found (so cpack made no RPM): installer/debian/install-deps.sh"
    echo "installs the package rpm; then configure again"
    exit 1
}
status=0
seen=""
for pkg in "$dir"/*.rpm; do
    [ -e "$pkg" ] || continue
    name=$("$rpm" -qp --qf '%{NAME}' "$pkg")
    seen="$seen $name"
    echo "== $(basename "$pkg")"
    "$rpm" -qip "$pkg" | grep -v -e '^Build Date' -e '^Build Host'
    for tag in SUMMARY LICENSE GROUP URL DESCRIPTION; do
        value=$("$rpm" -qp --qf "%{$tag}" "$pkg")
        case "$value" in
        "" | "(none)" | unknown | "no package description available")
            fail "$name: $tag is '$value'" ;;
        esac
    done
    [ "$("$rpm" -qp --qf '%{VERSION}' "$pkg")" = "$version" ] || fail "$name: not version $version"
    [ "$("$rpm" -qp --qf '%{LICENSE}' "$pkg")" = "LicenseRef-proprietary" ] ||
        fail "$name: License is not the project's (LicenseRef-proprietary)"

    # Folders the package owns: only its own documentation folder.
    dirs=$("$rpm" -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$pkg" | sed -n 's/^d[^ ]* //p')
    echo "owned folders:"
    echo "$dirs" | sed 's/^/  /'
    for d in $dirs; do
        [ "$d" = "/usr/share/doc/$name" ] || fail "$name owns the shared folder $d"
    done

    files=$("$rpm" -qlp "$pkg")
    case "$name" in
    citizendesk)
        for f in /usr/bin/citizendesk /usr/share/applications/$app_id.desktop \
            /usr/share/metainfo/$app_id.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
            /usr/share/man/man1/citizendesk.1.gz /usr/share/doc/citizendesk/copyright; do
            echo "$files" | grep -qx "$f" || fail "citizendesk lacks $f"
        done
        echo "$files" | grep -qx /usr/bin/citizendesk-platform &&
            fail "citizendesk holds the platform server"
        "$rpm" -qp --requires "$pkg" | grep -q '^libwx_gtk3u_core' ||
            fail "citizendesk does not require wxGTK"
        ;;
    citizendesk-platform)
        echo "$files" | grep -qx /usr/bin/citizendesk-platform ||
            fail "citizendesk-platform lacks its binary"
        ;;
    *) fail "unexpected package $name" ;;
    esac
done
[ "$seen" = " citizendesk citizendesk-platform" ] ||
    fail "expected the RPMs citizendesk and citizendesk-platform, found:$seen"
exit $status
