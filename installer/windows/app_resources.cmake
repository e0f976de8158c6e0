# The executable's Windows resources: our manifest (per-monitor DPI, UTF-8 code page, common
# controls v6, asInvoker, Windows 10/11), the icon and VERSIONINFO from the project version,
# plus wxWidgets' own resources from wx/msw/wx.rc with its manifest switched off.
# The .ico is committed (resources/icons/export-ico.sh makes it from the exported PNGs), so a
# build on Windows with MSVC needs no icoutils.
if(NOT CMAKE_RC_COMPILER_LOADED)
    enable_language(RC)
endif()

set(CITIZENDESK_ICO ${PROJECT_SOURCE_DIR}/resources/icons/citizendesk.ico)
set(CITIZENDESK_VERSION_QUAD
    ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${PROJECT_VERSION_PATCH}.0)
string(REPLACE "." "," CITIZENDESK_VERSION_COMMAS ${CITIZENDESK_VERSION_QUAD})
set(CITIZENDESK_COPYRIGHT "Copyright (C) 2026 ${CPACK_PACKAGE_VENDOR}")

set(_cd_win_gen ${CMAKE_CURRENT_BINARY_DIR}/windows)
set(CITIZENDESK_MANIFEST ${_cd_win_gen}/citizendesk.manifest)
configure_file(${CMAKE_CURRENT_LIST_DIR}/citizendesk.manifest.in ${CITIZENDESK_MANIFEST} @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/citizendesk.rc.in ${_cd_win_gen}/citizendesk.rc @ONLY)
set_source_files_properties(${_cd_win_gen}/citizendesk.rc PROPERTIES
    OBJECT_DEPENDS "${CITIZENDESK_ICO};${CITIZENDESK_MANIFEST}")

# An object library of its own: the ui target's compile options are wx's C++ flags
# (e.g. -mthreads), which the resource compiler does not take.
add_library(citizendesk_resources OBJECT ${_cd_win_gen}/citizendesk.rc)
target_include_directories(citizendesk_resources PRIVATE ${wxWidgets_INCLUDE_DIRS})
target_link_libraries(citizendesk PRIVATE citizendesk_resources)
if(MSVC)
    # The linker would embed a manifest of its own beside ours.
    target_link_options(citizendesk PRIVATE /MANIFEST:NO)
endif()
