# Run by ctest (packaging.sqlcipher_vcpkg_layout): vcpkg's sqlcipher port (Windows) installs its
# header as include/sqlcipher/sqlite3.h but exports only include/ from sqlcipher::sqlcipher.
# This builds a probe against a package laid out that way, with a plain SQLite's sqlite3.h in
# include/ as vcpkg's sqlite3 port would put it, and fails unless cmake/sqlcipher.cmake makes
# <sqlite3.h> SQLCipher's.
# -DSOURCE_DIR=<repository> -DWORK=<scratch folder> -DGENERATOR=<cmake generator>
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/installed)
file(WRITE ${prefix}/include/sqlcipher/sqlite3.h "#define PROBE_SQLCIPHER_HEADER 1\n")
file(WRITE ${prefix}/include/sqlite3.h "#error this is plain SQLite's header, not SQLCipher's\n")
file(WRITE ${prefix}/share/sqlcipher/sqlcipher-config.cmake [[
add_library(sqlcipher::sqlcipher INTERFACE IMPORTED)
get_filename_component(prefix "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
set_target_properties(sqlcipher::sqlcipher PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${prefix}/include")
]])
file(WRITE ${WORK}/probe/probe.c [[
#include <sqlite3.h>
#ifndef PROBE_SQLCIPHER_HEADER
#error <sqlite3.h> is not SQLCipher's
#endif
#ifndef SQLITE_HAS_CODEC
#error SQLITE_HAS_CODEC is not defined
#endif
int probe(void) { return 0; }
]])
file(WRITE ${WORK}/probe/CMakeLists.txt "cmake_minimum_required(VERSION 3.22)
project(probe C)
include(${SOURCE_DIR}/cmake/sqlcipher.cmake)
add_library(probe OBJECT probe.c)
target_link_libraries(probe PRIVATE citizendesk_sqlcipher)
")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK}/probe -B ${WORK}/build -G ${GENERATOR}
        -DCMAKE_PREFIX_PATH=${prefix}
    RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(rc EQUAL 0)
    execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/build
        RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
endif()
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the probe does not build against a vcpkg-style sqlcipher package:\n${log}")
endif()
message(STATUS "<sqlite3.h> is SQLCipher's with a vcpkg-style package")
