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

# The runtime (libstdc++, libgcc, winpthread) is linked statically so an .exe runs without
# DLLs next to it, under Wine and on a citizen's computer alike.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# Wine runs the tests (and Catch2's discovery at build time) through wine-exec.sh.
find_program(CITIZENDESK_WINE NAMES wine wine64)
if(CITIZENDESK_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/wine-exec.sh")
endif()
