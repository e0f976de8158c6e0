# Hardening of optimised builds — the release (packaging) configuration — as Debian builds
# its own packages (dpkg-buildflags, hardening=+all): a stack protector, fortified libc
# calls, position-independent executables, and relocations read-only (RELRO) and bound at
# start (BIND_NOW). Debug builds keep their flags: _FORTIFY_SOURCE needs optimisation, and
# the dev preset's objects are shared through the compiler cache. Sanitizer and fuzzer
# builds are left alone too: fortified calls bypass the sanitizers' interceptors.
# tests/packaging/hardening_probe checks what this file does to a Release build.
option(CITIZENDESK_HARDENING "Harden optimised builds on ELF systems" ON)

set(citizendesk_hardened OFF)
if(CITIZENDESK_HARDENING AND UNIX AND NOT APPLE
   AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang"
   AND CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$"
   AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize" AND NOT CITIZENDESK_FUZZ)
    set(citizendesk_hardened ON)
    # -U first: a compiler that defines it already (Ubuntu's) would warn on a redefinition.
    add_compile_options(-fstack-protector-strong -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2)
    include(CheckPIESupported)
    check_pie_supported(LANGUAGES C CXX)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
message(STATUS "Hardening (stack protector, fortify, PIE, RELRO, BIND_NOW): ${citizendesk_hardened}")
