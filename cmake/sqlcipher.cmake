# The citizendesk_sqlcipher target: SQLCipher with its codec, from vcpkg's CMake package on
# Windows, from pkg-config elsewhere (Debian, Homebrew on macOS). A module of its own so that
# tests/packaging can check the vcpkg branch against a package laid out as vcpkg lays it out.
add_library(citizendesk_sqlcipher INTERFACE)
target_compile_definitions(citizendesk_sqlcipher INTERFACE SQLITE_HAS_CODEC)
find_package(sqlcipher CONFIG QUIET)
if(TARGET sqlcipher::sqlcipher)
    # The port installs include/sqlcipher/sqlite3.h but exports only include/: without the
    # subfolder, <sqlite3.h> is some other SQLite's header, or none.
    get_target_property(sqlcipher_includes sqlcipher::sqlcipher INTERFACE_INCLUDE_DIRECTORIES)
    find_path(CITIZENDESK_SQLCIPHER_INCLUDE_DIR sqlite3.h PATHS ${sqlcipher_includes}
        PATH_SUFFIXES sqlcipher NO_DEFAULT_PATH REQUIRED)
    target_include_directories(citizendesk_sqlcipher SYSTEM INTERFACE ${CITIZENDESK_SQLCIPHER_INCLUDE_DIR})
    target_link_libraries(citizendesk_sqlcipher INTERFACE sqlcipher::sqlcipher)
else()
    pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
    target_link_libraries(citizendesk_sqlcipher INTERFACE PkgConfig::SQLCIPHER)
endif()
