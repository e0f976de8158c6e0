#!/bin/sh
# Installs what CitizenDesk needs to build, test and package on Debian 12 (bookworm).
# Safe to run again: apt-get skips what is already there. Uses sudo when not root.
set -eu

PACKAGES="
  build-essential cmake ninja-build pkg-config git
  libwxgtk3.2-dev wx3.2-i18n libgtk-3-dev
  libglib2.0-dev
  libcurl4-openssl-dev
  libsqlcipher-dev sqlcipher
  libboost-json1.81-dev
  catch2
  libcpp-httplib-dev libssl-dev openssl zlib1g-dev
  gettext unicode-data locales
  clang libclang-rt-14-dev clang-format
  xvfb xauth xdotool imagemagick fonts-noto-cjk
  at-spi2-core python3-pyatspi dbus-x11
  libcairo2-dev poppler-utils
  desktop-file-utils appstream dpkg-dev file
  lintian help2man rpm
"
# The Windows cross build and its checks under Wine (installer/windows/build-deps.sh,
# tests/windows/run.sh): compilers with the posix thread model, windres, zlib for mingw,
# the tools the dependencies' own builds need (tcl for SQLCipher's amalgamation, autotools
# for Debian's patched curl), NSIS and Wine. dpkg-dev brings `apt-get source`; lld links the
# Windows executables (cmake/toolchains/mingw-lld-link.py).
PACKAGES="$PACKAGES
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools
  binutils-mingw-w64-x86-64 libz-mingw-w64-dev lld python3
  tcl autoconf automake libtool perl make xz-utils
  nsis wine wine64
"

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: run this as root, or install sudo." >&2
    exit 1
fi

# Skip the network entirely when everything is present already.
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present."
else
    echo "install-deps: installing:$missing"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# The tests run under a comma-decimal locale to prove numbers on the wire keep their '.'.
# `locales` may be installed with that locale not generated (as in most images): generate it
# then, from the package's own data, without the network.
TEST_LOCALE="de_DE.UTF-8"
if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\{0,1\}8'; then
    echo "install-deps: locale $TEST_LOCALE present."
else
    echo "install-deps: generating locale $TEST_LOCALE"
    if grep -q "^# *$TEST_LOCALE UTF-8" /etc/locale.gen 2>/dev/null; then
        $SUDO sed -i "s/^# *\($TEST_LOCALE UTF-8\)/\1/" /etc/locale.gen
    elif ! grep -q "^$TEST_LOCALE UTF-8" /etc/locale.gen 2>/dev/null; then
        echo "$TEST_LOCALE UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    fi
    $SUDO locale-gen
fi
