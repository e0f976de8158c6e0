# CPack for Windows: `cpack -G NSIS` makes CitizenDesk-<version>-win64.exe, the installer a
# citizen runs, and `cpack -G ZIP` CitizenDesk-<version>-win64.zip, the portable copy.
# The NSIS script is our own (NSIS.template.in beside this file): per-user by default,
# per-machine for administrators, /PLATFORM=, and an uninstaller that keeps the vault.
#
# The ZIP unpacks to CitizenDesk-<version>-win64\bin\citizendesk.exe with its catalogs under
# share\locale. It keeps its data where the installed app does (%APPDATA%, %LOCALAPPDATA%),
# so deleting the unpacked folder never deletes a vault; an empty file named "portable"
# beside citizendesk.exe keeps everything in a "CitizenDesk-data" folder beside it instead
# (src/app/installed_settings.h).
list(PREPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR})

set(CPACK_GENERATOR "NSIS;ZIP")
# One installer holding everything, not a section per install component: our NSIS template has
# no component page, and with components (the reference server is one, for the Linux packages)
# CPack gave it no files at all, a 260 KB installer without citizendesk.exe.
set(CPACK_MONOLITHIC_INSTALL ON)
set(CPACK_PACKAGE_FILE_NAME "CitizenDesk-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "CitizenDesk")
set(CPACK_NSIS_PACKAGE_NAME "CitizenDesk")
set(CPACK_NSIS_DISPLAY_NAME "CitizenDesk")
set(CPACK_NSIS_COMPRESSOR "/SOLID lzma")
set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/drop_reference_server.cmake)
# For our template: cpack sees only the CPACK_ variables set here.
set(CPACK_CITIZENDESK_NSIS_STRINGS ${CMAKE_CURRENT_LIST_DIR}/installer_strings.nsh)
set(CPACK_CITIZENDESK_ICO ${CITIZENDESK_ICO})
set(CPACK_CITIZENDESK_VERSION_QUAD ${CITIZENDESK_VERSION_QUAD})
set(CPACK_CITIZENDESK_COPYRIGHT ${CITIZENDESK_COPYRIGHT})

# wxWidgets' own Chinese catalog (stock buttons, file dialogs) from the dependency prefix,
# where the Linux package recommends wx3.2-i18n instead.
if(CITIZENDESK_WIN_DEPS_PREFIX)
    foreach(lang ${CITIZENDESK_LANGUAGES})
        file(GLOB _cd_wxstd "${CITIZENDESK_WIN_DEPS_PREFIX}/share/locale/${lang}/LC_MESSAGES/wxstd*.mo")
        if(_cd_wxstd)
            install(FILES ${_cd_wxstd} DESTINATION share/locale/${lang}/LC_MESSAGES)
        endif()
    endforeach()
endif()
