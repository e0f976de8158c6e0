#!/bin/sh
# Exports citizendesk.svg to the PNG sizes the hicolor icon theme and installers use.
# Run after editing the SVG; the PNGs are committed so that builds need no SVG renderer.
set -eu
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}"
    /usr/bin/convert -background none -density 384 citizendesk.svg -resize "${size}x${size}" \
        "hicolor/${size}x${size}/citizendesk.png"
done
