# The app bundle's Info.plist, from Info.plist.in. A function rather than inline code so that the
# packaging test (tests/packaging/check_info_plist.cmake, CMake script mode) configures exactly
# what the macOS build does, on any system.
#
# citizendesk_write_info_plist(<output>
#     VERSION <x.y.z> EXECUTABLE <name> BUNDLE_ID <reverse-dns> MINIMUM_MACOS <version>
#     LANGUAGES <lang>...)
set(CITIZENDESK_MACOS_INFO_PLIST_TEMPLATE ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in)

function(citizendesk_write_info_plist output)
    cmake_parse_arguments(ARG "" "VERSION;EXECUTABLE;BUNDLE_ID;MINIMUM_MACOS" "LANGUAGES" ${ARGN})
    foreach(required VERSION EXECUTABLE BUNDLE_ID MINIMUM_MACOS)
        if(NOT ARG_${required})
            message(FATAL_ERROR "citizendesk_write_info_plist: ${required} is missing")
        endif()
    endforeach()
    set(CITIZENDESK_BUNDLE_NAME "CitizenDesk")
    set(CITIZENDESK_BUNDLE_EXECUTABLE "${ARG_EXECUTABLE}")
    set(CITIZENDESK_BUNDLE_ICON "citizendesk")
    set(CITIZENDESK_BUNDLE_ID "${ARG_BUNDLE_ID}")
    set(CITIZENDESK_BUNDLE_VERSION "${ARG_VERSION}")
    set(CITIZENDESK_BUNDLE_MINIMUM_MACOS "${ARG_MINIMUM_MACOS}")
    # SOURCE_DATE_EPOCH, when set, fixes the year (reproducible builds).
    string(TIMESTAMP year "%Y" UTC)
    set(CITIZENDESK_BUNDLE_COPYRIGHT "Copyright © ${year} The CitizenDesk developers")
    # English is the development language and has no catalog; every LINGUAS entry has one.
    set(lines "\t\t<string>en</string>")
    foreach(lang ${ARG_LANGUAGES})
        string(APPEND lines "\n\t\t<string>${lang}</string>")
    endforeach()
    set(CITIZENDESK_BUNDLE_LOCALIZATIONS "${lines}")
    configure_file(${CITIZENDESK_MACOS_INFO_PLIST_TEMPLATE} ${output} @ONLY)
endfunction()
