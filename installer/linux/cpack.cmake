# Linux packages: `cpack -G DEB` and `cpack -G RPM` each make two packages, one per install
# component: citizendesk (the app, for citizens) and citizendesk-platform (the reference
# platform server, for developers and tests; `citizendesk --demo` embeds its own copy).
include(${CMAKE_CURRENT_LIST_DIR}/docs.cmake)

set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/cpack_per_generator.cmake)

# The descriptions as Debian writes them: a synopsis line, then lines under 80 columns.
set(citizendesk_synopsis "desktop client for a city's citizen-service platform")
# (No ';' in them: set() would split the text there into a list.)
set(citizendesk_description
    "CitizenDesk brings a city's citizen services to the desktop, in four tabs:\n"
    "convenience services (My Life), government services with their guides,\n"
    "online applications and appointments (My Government), bill payments with a\n"
    "private encrypted history (My Payments), and reports to the city with their\n"
    "answers (My Voice). It is written for every citizen, the elderly included:\n"
    "large clear text, plain words, Chinese first and English too.\n"
    "\n"
    "A built-in demo city lets you try it without an account: citizendesk --demo.")
string(CONCAT citizendesk_description ${citizendesk_description})
set(platform_synopsis "reference platform server for CitizenDesk")
set(platform_description
    "The city platform that CitizenDesk speaks to, over seeded, deterministic data:\n"
    "government and convenience services, halls and slots, bills, a demo citizen,\n"
    "and Open311 GeoReport v2 for reports to the city, with fault injection for\n"
    "tests. For trying the app, for tests and for developers, not for a city's\n"
    "production service.")
string(CONCAT platform_description ${platform_description})

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CITIZENDESK_PACKAGE_NAME "citizendesk")
set(CPACK_DEBIAN_CITIZENDESK_DESCRIPTION "${citizendesk_synopsis}\n${citizendesk_description}")
# wxWidgets' own translations (stock menu items, dialogs) live in a separate package.
set(CPACK_DEBIAN_CITIZENDESK_PACKAGE_RECOMMENDS "wx3.2-i18n, fonts-noto-cjk")
set(CPACK_DEBIAN_PLATFORM_PACKAGE_NAME "citizendesk-platform")
set(CPACK_DEBIAN_PLATFORM_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PLATFORM_DESCRIPTION "${platform_synopsis}\n${platform_description}")

set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-proprietary")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_CITIZENDESK_PACKAGE_NAME "citizendesk")
set(CPACK_RPM_CITIZENDESK_PACKAGE_SUMMARY "Desktop client for a city's citizen-service platform")
set(CPACK_RPM_CITIZENDESK_PACKAGE_DESCRIPTION "${citizendesk_description}")
set(CPACK_RPM_CITIZENDESK_PACKAGE_GROUP "Applications/Productivity")
set(CPACK_RPM_PLATFORM_PACKAGE_NAME "citizendesk-platform")
set(CPACK_RPM_PLATFORM_PACKAGE_SUMMARY "Reference platform server for CitizenDesk")
set(CPACK_RPM_PLATFORM_PACKAGE_DESCRIPTION "${platform_description}")
set(CPACK_RPM_PLATFORM_PACKAGE_GROUP "Development/Tools")
# Folders that the filesystem, hicolor-icon-theme, man and the locale packages own: ours
# are only the files in them, so that removing CitizenDesk never removes a shared folder.
set(shared_dirs
    /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps /usr/share/locale)
foreach(size 16 24 32 48 64 128 256)
    list(APPEND shared_dirs /usr/share/icons/hicolor/${size}x${size}
        /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
foreach(lang ${CITIZENDESK_LANGUAGES})
    list(APPEND shared_dirs /usr/share/locale/${lang} /usr/share/locale/${lang}/LC_MESSAGES)
endforeach()
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION ${shared_dirs})
# The binaries are stripped and there is no debuginfo package, so /usr/lib/.build-id links
# (and that shared folder) would serve nothing.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
