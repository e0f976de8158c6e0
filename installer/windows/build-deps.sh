#!/bin/bash
# Builds, from Debian source packages, everything the Windows (x86_64-w64-mingw32) build of
# CitizenDesk links, into one prefix that cmake/toolchains/x86_64-w64-mingw32.cmake reads:
#   OpenSSL (libcrypto for SQLCipher, the vault and the server; libssl for the TLS test fixture),
#   SQLCipher, libcurl with Schannel, libpng + libjpeg-turbo (photos in My Voice), wxWidgets 3.2
#   msw (base + core only), cpp-httplib's header; zlib comes from libz-mingw-w64-dev, Boost and
#   Catch2 headers from the build machine's Debian packages (architecture-independent).
#
# The prefix is ${CITIZENDESK_WIN_DEPS_DIR:-$HOME/.cache/citizendesk/win-deps}/<key>, the key
# hashed from the chosen source versions and this script, so a second run only checks and
# prints the path. When it is complete its path is written to /tmp/win-deps.path.
#
# Environment: CITIZENDESK_WIN_DEPS_DIR (cache root), CITIZENDESK_WIN_DEPS_JOBS (default 2: the
# machine is shared), CITIZENDESK_WIN_DEPS_REFRESH=1 (read the source indexes again).
set -euo pipefail

TRIPLE=x86_64-w64-mingw32
ROOT="${CITIZENDESK_WIN_DEPS_DIR:-$HOME/.cache/citizendesk/win-deps}"
JOBS="${CITIZENDESK_WIN_DEPS_JOBS:-2}"
SELF="${BASH_SOURCE[0]}"

say() { echo "build-deps: $*"; }
die() { echo "build-deps: ERROR: $*" >&2; exit 1; }

# ---- what the build machine must have (package names for the message) ----------------------
need_tool() { # command package
    command -v "$1" >/dev/null 2>&1 ||
        die "'$1' is missing (Debian package $2). Fix: installer/debian/install-deps.sh"
}
need_tool "$TRIPLE-gcc-posix" gcc-mingw-w64-x86-64-posix
need_tool "$TRIPLE-g++-posix" g++-mingw-w64-x86-64-posix
need_tool "$TRIPLE-windres" binutils-mingw-w64-x86-64
need_tool dpkg-source dpkg-dev
need_tool apt-get apt
need_tool cmake cmake
need_tool ninja ninja-build
need_tool make make
need_tool perl perl
need_tool tclsh tcl
need_tool gcc build-essential
[ -f "/usr/$TRIPLE/lib/libz.a" ] ||
    die "mingw zlib is missing (Debian package libz-mingw-w64-dev). Fix: installer/debian/install-deps.sh"
[ -f /usr/include/boost/json.hpp ] ||
    die "Boost.JSON headers are missing (libboost-json1.81-dev). Fix: installer/debian/install-deps.sh"
[ -f /usr/include/catch2/catch.hpp ] ||
    die "Catch2 is missing (Debian package catch2). Fix: installer/debian/install-deps.sh"

# ---- step runner: name, duration, log, and what to do when it fails -------------------------
CURRENT_LOG=""
step() { # name fix-hint command...
    local name="$1" hint="$2"
    shift 2
    local log="$LOGS/$name.log" start end
    CURRENT_LOG="$log"
    start=$(date +%s)
    printf 'build-deps: %-22s ... ' "$name"
    if "$@" >"$log" 2>&1; then
        end=$(date +%s)
        echo "done in $((end - start)) s"
        echo "$name $((end - start))" >>"$LOGS/durations"
    else
        end=$(date +%s)
        echo "FAILED after $((end - start)) s"
        echo "build-deps: step '$name' failed; last lines of $log:" >&2
        tail -n 25 "$log" >&2
        echo "build-deps: fix: $hint" >&2
        exit 1
    fi
}

# ---- a private apt configuration that adds deb-src entries ----------------------------------
# Derived at run time from the machine's deb822 sources: each stanza again as deb-src, and the
# main archive's once more for trixie (the newer wxWidgets 3.2.x, curl and SQLCipher 4). It
# lives in the cache and its own lists folder, so the system's apt setup is never changed.
APT_DIR="$ROOT/apt"
SRC_DIR="$ROOT/sources"
mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/sources.list.d" \
    "$APT_DIR/preferences.d" "$SRC_DIR"
SYSTEM_SOURCES=/etc/apt/sources.list.d/debian.sources
[ -r "$SYSTEM_SOURCES" ] ||
    die "no $SYSTEM_SOURCES (deb822 apt sources) to derive deb-src entries from. Fix: write one with the machine's Debian mirror."
derive_sources() {
    awk 'BEGIN { RS = ""; ORS = "\n\n" }
         /(^|\n)Types:[^\n]*deb/ {
             gsub(/Types:[^\n]*/, "Types: deb-src"); print
             if ($0 !~ /URIs:[^\n]*security/ && $0 ~ /Suites:[^\n]*[a-z]+( |\n|$)/) {
                 t = $0; gsub(/Suites:[^\n]*/, "Suites: trixie", t); print t
             }
         }' "$SYSTEM_SOURCES"
}
new_sources="$(derive_sources)"
[ -n "$new_sources" ] || die "no deb stanza in $SYSTEM_SOURCES to derive deb-src entries from."
if [ "$new_sources" != "$(cat "$APT_DIR/sources.list.d/citizendesk-src.sources" 2>/dev/null)" ]; then
    printf '%s\n' "$new_sources" >"$APT_DIR/sources.list.d/citizendesk-src.sources"
    rm -f "$APT_DIR/lists/"*Sources* 2>/dev/null || true
fi
APT_OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
    -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache=$APT_DIR/cache"
    -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$APT_DIR/preferences.d"
    -o "APT::Sandbox::User=$(id -un)" -o "Debug::NoLocking=1")

LOGS="$ROOT/logs"
mkdir -p "$LOGS"
T0=$(date +%s)

if [ "${CITIZENDESK_WIN_DEPS_REFRESH:-0}" = 1 ] || ! ls "$APT_DIR/lists/"*Sources* >/dev/null 2>&1; then
    step apt-source-indexes "check the network and $APT_DIR/sources.list.d/citizendesk-src.sources" \
        apt-get "${APT_OPTS[@]}" update
fi

# ---- choose and fetch the sources -----------------------------------------------------------
# name:version-pattern. The newest version matching the pattern whose files can be fetched wins
# (an index may list a version the mirror no longer holds); fetched sources stay in the cache.
# cpp-httplib stays on bookworm's 0.11 line, the API the Linux build and the tests use.
PACKAGES=(
    "openssl:3\\."
    "sqlcipher:4\\."
    "curl:8\\."
    "libpng1.6:1\\.6\\."
    "libjpeg-turbo:1:2\\.|2\\."
    "wxwidgets3.2:3\\.2\\."
    "cpp-httplib:0\\.11\\."
)
declare -A VERSION
fetch_source() { # package pattern
    local pkg="$1" pattern="$2" v
    local unavailable="$SRC_DIR/unavailable"
    touch "$unavailable"
    local candidates
    candidates="$(apt-cache "${APT_OPTS[@]}" showsrc "$pkg" 2>/dev/null |
        awk -v p="$pkg" '/^Package:/ { ok = ($2 == p) } ok && /^Version:/ { print $2 }' |
        grep -E "^($pattern)" | sort -u -V -r || true)"
    [ -n "$candidates" ] ||
        die "no source of '$pkg' matching '$pattern' in the indexes. Fix: CITIZENDESK_WIN_DEPS_REFRESH=1 $SELF"
    for v in $candidates; do
        grep -qxF "$pkg=$v" "$unavailable" && continue
        local dsc="${pkg}_${v#*:}.dsc"
        if [ ! -f "$SRC_DIR/$dsc" ]; then
            if ! (cd "$SRC_DIR" && apt-get "${APT_OPTS[@]}" source --download-only -qq "$pkg=$v") \
                >>"$LOGS/fetch-$pkg.log" 2>&1; then
                echo "$pkg=$v" >>"$unavailable"
                continue
            fi
        fi
        VERSION[$pkg]="$v"
        return 0
    done
    die "no version of '$pkg' could be fetched (see $LOGS/fetch-$pkg.log). Fix: check the network, then CITIZENDESK_WIN_DEPS_REFRESH=1 $SELF"
}
fetch_all() {
    local entry
    for entry in "${PACKAGES[@]}"; do
        fetch_source "${entry%%:*}" "${entry#*:}"
    done
}
start=$(date +%s)
fetch_all
say "sources chosen in $(($(date +%s) - start)) s:"
for entry in "${PACKAGES[@]}"; do
    printf 'build-deps:   %-14s %s\n' "${entry%%:*}" "${VERSION[${entry%%:*}]}"
done
BOOST_VERSION="$(dpkg-query -W -f='${Version}' libboost1.81-dev 2>/dev/null || echo unknown)"
CATCH_VERSION="$(dpkg-query -W -f='${Version}' catch2 2>/dev/null || echo unknown)"
ZLIB_VERSION="$(dpkg-query -W -f='${Version}' libz-mingw-w64-dev 2>/dev/null || echo unknown)"
GCC_VERSION="$($TRIPLE-g++-posix -dumpversion)"

KEY="$({
    for entry in "${PACKAGES[@]}"; do echo "${entry%%:*}=${VERSION[${entry%%:*}]}"; done
    echo "boost=$BOOST_VERSION catch2=$CATCH_VERSION zlib=$ZLIB_VERSION gcc=$GCC_VERSION"
    sha256sum "$SELF" | cut -d' ' -f1
} | sha256sum | cut -c1-16)"
PREFIX="$ROOT/$KEY"
BUILD="$ROOT/build/$KEY"
STAMPS="$PREFIX/.stamps"
mkdir -p "$PREFIX/include" "$PREFIX/lib/pkgconfig" "$PREFIX/lib/cmake" "$STAMPS" "$BUILD"
say "prefix $PREFIX"

CC="$TRIPLE-gcc-posix"
CXX="$TRIPLE-g++-posix"

# Unpacks a fetched source (with Debian's patches applied) into a fresh build folder.
unpack() { # package -> prints the folder
    local pkg="$1" v="${VERSION[$1]}"
    local dir="$BUILD/$pkg"
    rm -rf "$dir"
    dpkg-source --no-check -x "$SRC_DIR/${pkg}_${v#*:}.dsc" "$dir" >/dev/null
    echo "$dir"
}

built() { [ -f "$STAMPS/$1" ]; }
mark() { echo "${VERSION[$1]:-$1}" >"$STAMPS/$1"; }

# A CMake dependency, cross-built with this toolchain (kept here, so the prefix's key covers
# it and the project's own toolchain file can change without rebuilding the dependencies).
DEPS_TOOLCHAIN="$BUILD/deps-toolchain.cmake"
cat >"$DEPS_TOOLCHAIN" <<EOF
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER $CC)
set(CMAKE_CXX_COMPILER $CXX)
set(CMAKE_RC_COMPILER $TRIPLE-windres)
set(CMAKE_FIND_ROOT_PATH /usr/$TRIPLE $PREFIX)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
EOF
cmake_dep() { # source-dir build-dir cmake-args...
    local src="$1" bld="$2"
    shift 2
    PKG_CONFIG_LIBDIR="$PREFIX/lib/pkgconfig" PKG_CONFIG_PATH="" \
        cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$DEPS_TOOLCHAIN" \
        -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_BUILD_TYPE=Release "$@"
    cmake --build "$bld" -j "$JOBS"
    cmake --install "$bld"
}

# ---- OpenSSL ---------------------------------------------------------------------------------
# Static libraries only: no apps, tests, docs, engines, loadable modules or legacy provider.
build_openssl() {
    local src
    src="$(unpack openssl)"
    cd "$src"
    ./Configure mingw64 --prefix="$PREFIX" --libdir=lib --openssldir="$PREFIX/ssl" \
        no-shared no-apps no-tests no-docs no-engine no-module no-legacy no-dso \
        no-quic no-comp no-idea no-md4 no-mdc2 no-rc2 no-rc4 no-rc5 no-seed no-whirlpool \
        no-camellia no-aria no-sm2 no-sm3 no-sm4 no-srp no-ssl3 no-dtls \
        CC="$CC" CXX="$CXX" AR="$TRIPLE-ar" RANLIB="$TRIPLE-ranlib" RC="$TRIPLE-windres"
    make -j"$JOBS" build_libs
    make install_dev
}
built openssl || { step openssl "see the log; OpenSSL's Configure options are in build_openssl in $SELF" build_openssl && mark openssl; }

# ---- SQLCipher -------------------------------------------------------------------------------
# The amalgamation is generated on the build machine (it needs tclsh and a native lemon), then
# compiled once for Windows with Debian's feature set and the OpenSSL provider.
build_sqlcipher() {
    local src
    src="$(unpack sqlcipher)"
    cd "$src"
    ./configure --disable-tcl --with-crypto-lib=none CFLAGS="-DSQLITE_HAS_CODEC" >/dev/null
    make -j"$JOBS" sqlite3.c
    local flags=(-O2 -fno-strict-aliasing -DSQLITE_HAS_CODEC -DSQLCIPHER_CRYPTO_OPENSSL
        -DSQLITE_EXTRA_INIT=sqlcipher_extra_init -DSQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown
        -DSQLITE_THREADSAFE=1 -DSQLITE_TEMP_STORE=2 -DSQLITE_SECURE_DELETE
        -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS4
        -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1
        -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1
        -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_MAX_SCHEMA_RETRY=25
        -I"$PREFIX/include")
    "$CC" "${flags[@]}" -c sqlite3.c -o sqlite3.o
    rm -f libsqlcipher.a
    "$TRIPLE-ar" rcs libsqlcipher.a sqlite3.o
    install -d "$PREFIX/include/sqlcipher"
    install -m 644 sqlite3.h sqlite3ext.h "$PREFIX/include/sqlcipher/"
    install -m 644 libsqlcipher.a "$PREFIX/lib/"
    cat >"$PREFIX/lib/pkgconfig/sqlcipher.pc" <<EOF
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: SQLCipher
Description: SQLite with encryption (static, OpenSSL provider)
Version: ${VERSION[sqlcipher]%%-*}
Requires.private: libcrypto
Libs: -L\${libdir} -lsqlcipher
Cflags: -I\${includedir}/sqlcipher -DSQLITE_HAS_CODEC
EOF
}
built sqlcipher || { step sqlcipher "see the log; tclsh (tcl) builds the amalgamation" build_sqlcipher && mark sqlcipher; }

# ---- libcurl with Schannel -------------------------------------------------------------------
build_curl() {
    local src
    src="$(unpack curl)"
    cmake_dep "$src" "$src/_build" -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIBS=ON \
        -DCURL_USE_SCHANNEL=ON -DCURL_USE_OPENSSL=OFF -DHTTP_ONLY=ON -DENABLE_UNICODE=ON \
        -DCURL_ZLIB=ON -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DUSE_NGHTTP2=OFF -DUSE_LIBIDN2=OFF \
        -DCURL_USE_LIBPSL=OFF -DCURL_USE_LIBSSH2=OFF -DCURL_USE_GSSAPI=OFF \
        -DBUILD_CURL_EXE=OFF -DBUILD_TESTING=OFF -DBUILD_LIBCURL_DOCS=OFF \
        -DBUILD_MISC_DOCS=OFF -DENABLE_CURL_MANUAL=OFF -DCURL_DISABLE_INSTALL=OFF
}
built curl || { step curl "see the log; the CMake options are in build_curl in $SELF" build_curl && mark curl; }

# ---- libpng, libjpeg-turbo (wxImage's PNG and JPEG handlers) ---------------------------------
build_libpng() {
    local src
    src="$(unpack libpng1.6)"
    cmake_dep "$src" "$src/_build" -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF \
        -DPNG_TOOLS=OFF -DPNG_EXECUTABLES=OFF -DPNG_FRAMEWORK=OFF
}
built libpng1.6 || { step libpng "see the log" build_libpng && mark libpng1.6; }

build_libjpeg() {
    local src
    src="$(unpack libjpeg-turbo)"
    cmake_dep "$src" "$src/_build" -DENABLE_SHARED=OFF -DENABLE_STATIC=ON -DWITH_SIMD=OFF \
        -DWITH_TURBOJPEG=OFF -DWITH_JAVA=OFF -DCMAKE_INSTALL_LIBDIR=lib \
        -DCMAKE_INSTALL_BINDIR=bin -DCMAKE_INSTALL_INCLUDEDIR=include
}
built libjpeg-turbo || { step libjpeg-turbo "see the log" build_libjpeg && mark libjpeg-turbo; }

# ---- wxWidgets 3.2 msw -----------------------------------------------------------------------
# The app links base and core only (src/ui, find_package(wxWidgets ... core base)): every other
# library and the features only they need are switched off. Debian's +dfsg source has no
# bundled zlib/png/jpeg/tiff/expat, so the system (prefix) ones are used, and tiff/xml are off.
build_wx() {
    local src
    src="$(unpack wxwidgets3.2)"
    mkdir -p "$src/_build"
    cd "$src/_build"
    ../configure --host="$TRIPLE" --build="$(gcc -dumpmachine)" --prefix="$PREFIX" \
        --with-msw --disable-shared --enable-unicode --disable-debug_info \
        --with-zlib=sys --with-libpng=sys --with-libjpeg=sys --without-libtiff --without-expat \
        --with-regex=builtin --without-opengl --without-libcurl --disable-webview \
        --disable-mediactrl --disable-stc --disable-ribbon --disable-propgrid --disable-richtext \
        --disable-aui --disable-html --disable-htmlhelp --disable-xrc --disable-sockets \
        --disable-webrequest --disable-protocols --disable-url --disable-fs_inet \
        CC="$CC" CXX="$CXX" AR="$TRIPLE-ar" RANLIB="$TRIPLE-ranlib" WINDRES="$TRIPLE-windres" \
        CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib"
    make -j"$JOBS"
    make install
}
built wxwidgets3.2 || { step wxwidgets "see the log; the configure options are in build_wx in $SELF" build_wx && mark wxwidgets3.2; }

# ---- header-only parts -----------------------------------------------------------------------
# cpp-httplib: Debian's binary package splits it into a compiled library; the source's single
# header is used as it is meant to be, with the definitions Debian's build has (gzip, OpenSSL).
install_headers() {
    local src
    src="$(unpack cpp-httplib)"
    install -m 644 "$src/httplib.h" "$PREFIX/include/httplib.h"
    cat >"$PREFIX/lib/pkgconfig/cpp-httplib.pc" <<EOF
prefix=$PREFIX
includedir=\${prefix}/include
libdir=\${prefix}/lib

Name: cpp-httplib
Description: A C++ HTTP/HTTPS server and client library (header-only)
Version: ${VERSION[cpp-httplib]%%+*}
Libs: -L\${libdir} -lssl -lcrypto -lz -lws2_32 -lcrypt32 -luser32 -ladvapi32
Cflags: -I\${includedir} -DCPPHTTPLIB_OPENSSL_SUPPORT -DCPPHTTPLIB_ZLIB_SUPPORT
EOF
    # Boost and Catch2 headers are the same for every target: the installed Debian ones, linked.
    ln -sfn /usr/include/boost "$PREFIX/include/boost"
    ln -sfn /usr/include/catch2 "$PREFIX/include/catch2"
    rm -rf "$PREFIX/lib/cmake/Catch2"
    cp -r /usr/lib/cmake/Catch2 "$PREFIX/lib/cmake/Catch2"
    # Boost.JSON compiled once from its own src.hpp, behind the CONFIG package the project finds.
    local bj="$BUILD/boost_json"
    mkdir -p "$bj"
    printf '#include <boost/json/src.hpp>\n' >"$bj/json.cpp"
    "$CXX" -std=c++20 -O2 -I"$PREFIX/include" -c "$bj/json.cpp" -o "$bj/json.o"
    rm -f "$PREFIX/lib/libboost_json.a"
    "$TRIPLE-ar" rcs "$PREFIX/lib/libboost_json.a" "$bj/json.o"
    local bv="${BOOST_VERSION%%-*}"
    bv="${bv%%+*}"
    local cfg="$PREFIX/lib/cmake/Boost-$bv"
    mkdir -p "$cfg"
    cat >"$cfg/BoostConfig.cmake" <<'EOF'
# Boost for the Windows cross build: the headers and a static Boost.JSON (build-deps.sh).
get_filename_component(_cd_boost_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
if(NOT TARGET Boost::headers)
    add_library(Boost::headers INTERFACE IMPORTED)
    set_target_properties(Boost::headers PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${_cd_boost_prefix}/include")
    add_library(Boost::boost ALIAS Boost::headers)
endif()
if(NOT TARGET Boost::json)
    add_library(Boost::json STATIC IMPORTED)
    set_target_properties(Boost::json PROPERTIES
        IMPORTED_LOCATION "${_cd_boost_prefix}/lib/libboost_json.a"
        INTERFACE_LINK_LIBRARIES Boost::headers)
endif()
# Only json is compiled here; asking for another compiled component fails the find.
set(Boost_FOUND TRUE)
foreach(_cd_c IN LISTS Boost_FIND_COMPONENTS)
    if(_cd_c STREQUAL "json")
        set(Boost_json_FOUND TRUE)
    elseif(Boost_FIND_REQUIRED_${_cd_c})
        set(Boost_FOUND FALSE)
        set(Boost_NOT_FOUND_MESSAGE "only Boost.JSON is built for Windows (build-deps.sh)")
    endif()
endforeach()
EOF
    cat >"$cfg/BoostConfigVersion.cmake" <<EOF
set(PACKAGE_VERSION "$bv")
if(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
    set(PACKAGE_VERSION_COMPATIBLE FALSE)
else()
    set(PACKAGE_VERSION_COMPATIBLE TRUE)
    if(PACKAGE_FIND_VERSION STREQUAL PACKAGE_VERSION)
        set(PACKAGE_VERSION_EXACT TRUE)
    endif()
endif()
EOF
}
built headers || { step headers-boost-catch2 "see the log" install_headers && mark headers; }

touch "$PREFIX/.complete"
echo "$PREFIX" >/tmp/win-deps.path
say "ready in $(($(date +%s) - T0)) s: $PREFIX (written to /tmp/win-deps.path)"
[ -s "$LOGS/durations" ] && say "cold cost of each step so far (s): $(tr '\n' ' ' <"$LOGS/durations")"
