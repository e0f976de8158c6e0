# Cross build for 64-bit Windows with Debian's MinGW-w64 (GCC 12), posix thread model:
# std::thread, std::mutex and std::condition_variable need winpthreads, which only the
# -posix compilers provide (the -win32 ones lack them in GCC 12).
#
# The libraries (wxWidgets msw, libcurl with Schannel, SQLCipher, OpenSSL's libcrypto, Boost
# headers) come from installer/windows/build-deps.sh; pass its prefix as
# CITIZENDESK_WIN_DEPS_PREFIX (the script writes it into /tmp/win-deps.path).
# Test executables run under Wine through CMAKE_CROSSCOMPILING_EMULATOR, so `ctest` works.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_cd_triple x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${_cd_triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_cd_triple}-g++-posix)
set(CMAKE_RC_COMPILER ${_cd_triple}-windres)
set(CMAKE_AR ${_cd_triple}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${_cd_triple}-ranlib CACHE FILEPATH "")

# try_compile projects do not see cache variables unless they are forwarded.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CITIZENDESK_WIN_DEPS_PREFIX)
if(NOT CITIZENDESK_WIN_DEPS_PREFIX AND DEFINED ENV{CITIZENDESK_WIN_DEPS_PREFIX})
    set(CITIZENDESK_WIN_DEPS_PREFIX "$ENV{CITIZENDESK_WIN_DEPS_PREFIX}")
endif()
if(NOT CITIZENDESK_WIN_DEPS_PREFIX AND EXISTS /tmp/win-deps.path)
    file(STRINGS /tmp/win-deps.path CITIZENDESK_WIN_DEPS_PREFIX LIMIT_COUNT 1)
endif()
set(CITIZENDESK_WIN_DEPS_PREFIX "${CITIZENDESK_WIN_DEPS_PREFIX}" CACHE PATH
    "Prefix with the Windows builds of the dependencies (installer/windows/build-deps.sh)")

# Headers and libraries only from the mingw sysroot and the dependency prefix; programs
# (wx-config, pkg-config, msgfmt) from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${_cd_triple} ${CITIZENDESK_WIN_DEPS_PREFIX})
list(APPEND CMAKE_PREFIX_PATH "${CITIZENDESK_WIN_DEPS_PREFIX}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config must read the prefix's .pc files, never the build machine's.
if(CITIZENDESK_WIN_DEPS_PREFIX)
    set(ENV{PKG_CONFIG_LIBDIR} "${CITIZENDESK_WIN_DEPS_PREFIX}/lib/pkgconfig")
    set(ENV{PKG_CONFIG_PATH} "")
    set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
    set(wxWidgets_CONFIG_EXECUTABLE "${CITIZENDESK_WIN_DEPS_PREFIX}/bin/wx-config" CACHE FILEPATH "")
endif()

# Every dependency is linked statically: the prefix holds static libraries only, and the mingw
# zlib package's import library has no zlib1.dll to ship with it.
set(ZLIB_LIBRARY /usr/${_cd_triple}/lib/libz.a CACHE FILEPATH "")
set(OPENSSL_USE_STATIC_LIBS TRUE)

# The runtime (libstdc++, libgcc, winpthread) is linked statically so an .exe runs without
# DLLs next to it, under Wine and on a citizen's computer alike.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# Wine runs the tests (and Catch2's discovery at build time) through wine-exec.sh.
find_program(CITIZENDESK_WINE NAMES wine wine64)
if(CITIZENDESK_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/wine-exec.sh")
endif()

# Link with LLVM's lld where it is installed: GNU ld took 4 to 6 minutes of CPU and up to 1.7 GB
# for each test executable here (its PE back end and the COMDAT sections of C++ templates),
# lld a few seconds, from the same link line (mingw-lld-link.py explains how).
# CITIZENDESK_MINGW_GNU_LD=ON keeps GNU ld, e.g. to compare.
option(CITIZENDESK_MINGW_GNU_LD "Link the Windows build with GNU ld instead of lld" OFF)
find_program(CITIZENDESK_LD_LLD NAMES ld.lld)
find_program(CITIZENDESK_PYTHON3 NAMES python3)
if(CITIZENDESK_LD_LLD AND CITIZENDESK_PYTHON3 AND NOT CITIZENDESK_MINGW_GNU_LD)
    set(CMAKE_C_LINKER_LAUNCHER "${CITIZENDESK_PYTHON3};${CMAKE_CURRENT_LIST_DIR}/mingw-lld-link.py")
    set(CMAKE_CXX_LINKER_LAUNCHER "${CITIZENDESK_PYTHON3};${CMAKE_CURRENT_LIST_DIR}/mingw-lld-link.py")
endif()
