# Run by ctest (packaging.macos_info_plist): configures the app bundle's Info.plist exactly as
# the macOS build does (installer/macos/info_plist.cmake, CMake script mode, on any system) and
# checks what macOS reads from it: the bundle id is the Linux desktop/AppStream id, the version
# is the project's, the minimum macOS is the macos preset's deployment target, the app is
# high-resolution capable and localised in English and every LINGUAS language.
# -DSOURCE_DIR=<repository> -DOUT=<file to write> -DVERSION=<project version> -DLANGUAGES=<list>
cmake_minimum_required(VERSION 3.22)
include(${SOURCE_DIR}/installer/macos/info_plist.cmake)
set(problems)

file(READ ${SOURCE_DIR}/resources/linux/org.citizendesk.CitizenDesk.metainfo.xml metainfo)
string(REGEX MATCH "<id>([^<]+)</id>" _ "${metainfo}")
set(appstream_id "${CMAKE_MATCH_1}")
file(READ ${SOURCE_DIR}/installer/macos/cpack.cmake cpack)
string(REGEX MATCH "set\\(CITIZENDESK_BUNDLE_ID \"([^\"]+)\"\\)" _ "${cpack}")
set(bundle_id "${CMAKE_MATCH_1}")
if(NOT bundle_id STREQUAL appstream_id)
    list(APPEND problems "bundle id '${bundle_id}' (cpack.cmake) is not the AppStream id '${appstream_id}'")
endif()

file(READ ${SOURCE_DIR}/CMakePresets.json presets)
string(JSON count LENGTH "${presets}" configurePresets)
math(EXPR last "${count} - 1")
set(minimum "")
foreach(i RANGE ${last})
    string(JSON name GET "${presets}" configurePresets ${i} name)
    if(name STREQUAL "macos")
        string(JSON minimum ERROR_VARIABLE err
            GET "${presets}" configurePresets ${i} cacheVariables CMAKE_OSX_DEPLOYMENT_TARGET)
    endif()
endforeach()
if(NOT minimum MATCHES "^[0-9]+\\.[0-9]+$")
    list(APPEND problems "the macos preset sets no CMAKE_OSX_DEPLOYMENT_TARGET ('${minimum}')")
    set(minimum 11.0)
endif()

citizendesk_write_info_plist(${OUT} VERSION ${VERSION} EXECUTABLE CitizenDesk
    BUNDLE_ID ${bundle_id} MINIMUM_MACOS ${minimum} LANGUAGES ${LANGUAGES})
file(READ ${OUT} plist)

# Nothing left unconfigured (CMake configures MACOSX_BUNDLE_INFO_PLIST a second time: a
# leftover ${...} or @...@ would be replaced by whatever that scope holds).
if(plist MATCHES "@[A-Za-z_]+@" OR plist MATCHES "\\$\\{")
    list(APPEND problems "placeholders left in the configured plist")
endif()

# Compared without the whitespace between elements, as plain text.
string(REGEX REPLACE ">[ \t\r\n]+<" "><" flat "${plist}")
macro(expect key value_xml)
    string(FIND "${flat}" "<key>${key}</key>${value_xml}" at)
    if(at EQUAL -1)
        list(APPEND problems "${key} is not ${value_xml}")
    endif()
endmacro()
expect(CFBundleIdentifier "<string>${appstream_id}</string>")
expect(CFBundleExecutable "<string>CitizenDesk</string>")
expect(CFBundlePackageType "<string>APPL</string>")
expect(CFBundleShortVersionString "<string>${VERSION}</string>")
expect(CFBundleVersion "<string>${VERSION}</string>")
expect(LSMinimumSystemVersion "<string>${minimum}</string>")
expect(NSHighResolutionCapable "<true/>")
expect(CFBundleDevelopmentRegion "<string>en</string>")
if(NOT flat MATCHES "<key>NSHumanReadableCopyright</key><string>Copyright [^<]*The CitizenDesk developers</string>")
    list(APPEND problems "NSHumanReadableCopyright is missing or does not name the developers")
endif()
string(REGEX MATCH "<key>CFBundleLocalizations</key><array>(<string>[^<]*</string>)*</array>" localizations "${flat}")
foreach(lang en ${LANGUAGES})
    string(FIND "${localizations}" "<string>${lang}</string>" at)
    if(at EQUAL -1)
        list(APPEND problems "CFBundleLocalizations lacks ${lang}")
    endif()
endforeach()

# Well-formed XML, when xmllint is there to say so (the checks above do not depend on it).
find_program(XMLLINT xmllint)
if(XMLLINT)
    execute_process(COMMAND ${XMLLINT} --noout --nonet ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        list(APPEND problems "not well-formed XML: ${err}")
    endif()
else()
    message(STATUS "xmllint not found: well-formedness not checked")
endif()

if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "${OUT}:\n  ${text}")
endif()
message(STATUS "Info.plist: ${bundle_id} ${VERSION}, macOS ${minimum}+, localised in en ${LANGUAGES}")
