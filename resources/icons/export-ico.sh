#!/bin/sh
# Packs the exported PNG sizes (export-png.sh) into citizendesk.ico, the Windows icon of the
# executable, its shortcuts and the installer. Run after export-png.sh. The .ico is committed,
# like the PNGs, because a Windows build on Windows (MSVC through vcpkg) has no icoutils.
# 16..128 are stored as 32-bit bitmaps (every Windows draws those); 256 as an 8-bit-per-channel
# PNG, as Windows expects for that size (the exported PNGs have 16 bits per channel).
# Needs icoutils (icotool) and imagemagick: apt-get install icoutils imagemagick.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256; do
    /usr/bin/convert "hicolor/${size}x${size}/citizendesk.png" -depth 8 "PNG32:$tmp/$size.png"
done
icotool --create --output=citizendesk.ico \
    "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
    --raw="$tmp/256.png"
icotool --list citizendesk.ico
