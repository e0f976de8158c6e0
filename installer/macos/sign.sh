#!/bin/sh
# Signs and notarises CitizenDesk for macOS; called by cpack through prepare_image.cmake and
# finish_image.cmake. Identities come from the environment only: CI imports the Developer ID
# certificate from its secrets into a temporary keychain and stores a notarytool profile there.
#   sign.sh app <CitizenDesk.app>   sign the nested libraries, then the bundle
#   sign.sh dmg <image.dmg>         sign the disk image
#   sign.sh notarize <image.dmg>    submit to Apple's notary service, wait, staple the ticket
# Environment: CITIZENDESK_MACOS_SIGN_IDENTITY (required), CITIZENDESK_NOTARY_PROFILE (notarize),
# CITIZENDESK_KEYCHAIN (optional: the keychain holding both, when it is not the default one).
set -eu

identity="${CITIZENDESK_MACOS_SIGN_IDENTITY:?sign.sh: set CITIZENDESK_MACOS_SIGN_IDENTITY}"
keychain_args=""
if [ -n "${CITIZENDESK_KEYCHAIN:-}" ]; then
    keychain_args="--keychain ${CITIZENDESK_KEYCHAIN}"
fi

sign() {
    # Hardened runtime and a secure timestamp: both are required for notarisation.
    # shellcheck disable=SC2086
    codesign --force --timestamp --options runtime $keychain_args --sign "$identity" "$1"
}

case "${1:-}" in
app)
    app="$2"
    # Inside out: a bundle's signature covers the code it contains, so that code comes first.
    if [ -d "$app/Contents/Frameworks" ]; then
        find "$app/Contents/Frameworks" -type f \( -name '*.dylib' -o -perm -u+x \) | while read -r lib; do
            sign "$lib"
        done
    fi
    sign "$app"
    codesign --verify --strict --verbose=2 "$app"
    ;;
dmg)
    sign "$2"
    codesign --verify --verbose=2 "$2"
    ;;
notarize)
    profile="${CITIZENDESK_NOTARY_PROFILE:?sign.sh: set CITIZENDESK_NOTARY_PROFILE}"
    # shellcheck disable=SC2086
    xcrun notarytool submit "$2" --keychain-profile "$profile" $keychain_args --wait
    xcrun stapler staple "$2"
    xcrun stapler validate "$2"
    ;;
*)
    echo "usage: sign.sh app <CitizenDesk.app> | dmg <image.dmg> | notarize <image.dmg>" >&2
    exit 2
    ;;
esac
