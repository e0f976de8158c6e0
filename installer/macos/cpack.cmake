# macOS: CitizenDesk.app on a drag-and-drop disk image (`cpack -G DragNDrop`, preset macos).
# Included from installer/CMakeLists.txt on every system and does nothing but on APPLE. Written
# and checked by reading, never run on this project's CI machine (Debian);
# .github/workflows/macos.yml runs it.
#
# The bundle: Info.plist from Info.plist.in (the bundle id is the id of the Linux desktop entry
# and AppStream data), the icon made from resources/icons by iconutil, and the catalogs in
# Resources/<lang>.lproj, where wxFileTranslationsLoader looks on macOS (GetResourcesDir(),
# i.e. Contents/Resources, then <lang>.lproj). The app keeps its data in ~/Library (see
# src/app/app_paths.h), never inside the bundle, so the bundle can be signed and replaced.
#
# Signing and notarising read identities from the environment only; nothing in the repository
# is secret, and when they are unset the image is made unsigned and says so:
#   CITIZENDESK_MACOS_SIGN_IDENTITY  a "Developer ID Application: ..." identity in the keychain
#   CITIZENDESK_NOTARY_PROFILE       a notarytool keychain profile (xcrun notarytool
#                                    store-credentials), used only when the identity is set
if(NOT APPLE)
    return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/info_plist.cmake)

set(CITIZENDESK_BUNDLE_ID "org.citizendesk.CitizenDesk")
# The deployment target the libraries were built for is the oldest macOS the app can start on.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(citizendesk_minimum_macos ${CMAKE_OSX_DEPLOYMENT_TARGET})
else()
    set(citizendesk_minimum_macos 11.0)
endif()

citizendesk_write_info_plist(${CMAKE_CURRENT_BINARY_DIR}/Info.plist
    VERSION ${PROJECT_VERSION}
    EXECUTABLE CitizenDesk
    BUNDLE_ID ${CITIZENDESK_BUNDLE_ID}
    MINIMUM_MACOS ${citizendesk_minimum_macos}
    LANGUAGES ${CITIZENDESK_LANGUAGES})
set_target_properties(citizendesk PROPERTIES
    OUTPUT_NAME CitizenDesk
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/Info.plist)

# Catalogs: the i18n target compiles them into <build>/share/locale; the bundle gets copies.
foreach(lang ${CITIZENDESK_LANGUAGES})
    set(mo ${PROJECT_BINARY_DIR}/share/locale/${lang}/LC_MESSAGES/citizendesk.mo)
    target_sources(citizendesk PRIVATE ${mo})
    set_source_files_properties(${mo} TARGET_DIRECTORY citizendesk PROPERTIES
        GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources/${lang}.lproj)
endforeach()
add_dependencies(citizendesk translations)

# Icon: an .iconset folder of the exported PNG sizes, turned into .icns by Apple's iconutil.
find_program(ICONUTIL iconutil)
if(ICONUTIL)
    set(png_dir ${PROJECT_SOURCE_DIR}/resources/icons/hicolor)
    set(iconset ${CMAKE_CURRENT_BINARY_DIR}/citizendesk.iconset)
    set(icns ${CMAKE_CURRENT_BINARY_DIR}/citizendesk.icns)
    set(copies)
    set(pngs)
    # iconset name -> exported size (a @2x entry is twice its nominal size)
    foreach(pair "16x16:16" "16x16@2x:32" "32x32:32" "32x32@2x:64" "128x128:128"
            "128x128@2x:256" "256x256:256")
        string(REPLACE ":" ";" pair ${pair})
        list(GET pair 0 name)
        list(GET pair 1 size)
        set(png ${png_dir}/${size}x${size}/citizendesk.png)
        list(APPEND pngs ${png})
        list(APPEND copies COMMAND ${CMAKE_COMMAND} -E copy ${png} ${iconset}/icon_${name}.png)
    endforeach()
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E rm -rf ${iconset}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${copies}
        COMMAND ${ICONUTIL} --convert icns --output ${icns} ${iconset}
        DEPENDS ${pngs}
        COMMENT "Making the app icon (citizendesk.icns)"
        VERBATIM)
    # The rule lives in this folder, so a target here owns it and the bundle waits for it.
    add_custom_target(citizendesk_icns DEPENDS ${icns})
    add_dependencies(citizendesk citizendesk_icns)
    target_sources(citizendesk PRIVATE ${icns})
    set_source_files_properties(${icns} TARGET_DIRECTORY citizendesk PROPERTIES
        GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources)
else()
    message(WARNING "iconutil not found: CitizenDesk.app gets the generic application icon")
endif()

# Libraries that are not part of macOS (Homebrew's SQLCipher and the OpenSSL it links) are
# copied into Contents/Frameworks with their install names rewritten, so the app runs on a Mac
# without Homebrew. Rewriting invalidates signatures, and Apple silicon runs no unsigned code:
# the bundle is signed ad hoc here, and with the real identity later (prepare_image.cmake).
install(CODE [[
    include(BundleUtilities)
    set(app "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/CitizenDesk.app")
    fixup_bundle("${app}" "" "")
    execute_process(COMMAND codesign --force --deep --sign - "${app}" COMMAND_ERROR_IS_FATAL ANY)
]])

if(CMAKE_OSX_ARCHITECTURES)
    string(REPLACE ";" "-" citizendesk_macos_arch "${CMAKE_OSX_ARCHITECTURES}")
else()
    set(citizendesk_macos_arch ${CMAKE_SYSTEM_PROCESSOR})
endif()
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "CitizenDesk-${PROJECT_VERSION}-macos-${citizendesk_macos_arch}")
set(CPACK_DMG_VOLUME_NAME "CitizenDesk ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
# Read by the two scripts below, which run inside cpack (only CPACK_* variables reach them).
set(CPACK_CITIZENDESK_MACOS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/prepare_image.cmake)
set(CPACK_POST_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/finish_image.cmake)
