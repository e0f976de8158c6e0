# Run by ctest: the two .deb files hold what they should, each in its own package: the app
# (binary, catalogs, icons and desktop entry under the app id, metainfo, man page, copyright,
# changelog) and the reference server; and the versions in the changelog and the metainfo
# are the project's.
file(GLOB debs ${PACKAGES}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 2)
    message(FATAL_ERROR "expected two .deb files (citizendesk, citizendesk-platform): ${debs}")
endif()

function(deb_fields deb)
    execute_process(COMMAND ${DPKG_DEB} --contents ${deb} OUTPUT_VARIABLE contents)
    execute_process(COMMAND ${DPKG_DEB} --field ${deb} Package OUTPUT_VARIABLE package
        OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${DPKG_DEB} --field ${deb} Depends OUTPUT_VARIABLE depends)
    execute_process(COMMAND ${DPKG_DEB} --field ${deb} Description OUTPUT_VARIABLE description)
    set(contents "${contents}" PARENT_SCOPE)
    set(package "${package}" PARENT_SCOPE)
    set(depends "${depends}" PARENT_SCOPE)
    set(description "${description}" PARENT_SCOPE)
endfunction()

function(expect_paths package contents)
    foreach(path ${ARGN})
        string(FIND "${contents}" " ./${path}\n" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "${package} lacks /${path}; it holds:\n${contents}")
        endif()
    endforeach()
endfunction()

function(refuse_paths package contents)
    foreach(path ${ARGN})
        string(FIND "${contents}" " ./${path}" at)
        if(NOT at EQUAL -1)
            message(FATAL_ERROR "${package} must not hold /${path}; it holds:\n${contents}")
        endif()
    endforeach()
endfunction()

set(seen)
foreach(deb ${debs})
    deb_fields(${deb})
    list(APPEND seen ${package})
    # Debian's rules for Description: a synopsis, then lines of at most 80 columns; and no
    # stray ';' that a CMake list leaves behind.
    string(REPLACE "\n" ";" lines "${description}")
    foreach(line ${lines})
        string(LENGTH "${line}" width)
        if(width GREATER 80)
            message(FATAL_ERROR "${package}: a Description line is ${width} columns:\n${line}")
        endif()
    endforeach()
    string(FIND "${description}" ";" at)
    if(NOT at EQUAL -1)
        message(FATAL_ERROR "${package}: Description holds a ';':\n${description}")
    endif()
    expect_paths(${package} "${contents}" usr/share/doc/${package}/copyright
        usr/share/doc/${package}/changelog.gz)

    if(package STREQUAL "citizendesk")
        set(expected usr/bin/citizendesk usr/share/applications/${APP_ID}.desktop
            usr/share/icons/hicolor/48x48/apps/${APP_ID}.png
            usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
            usr/share/metainfo/${APP_ID}.metainfo.xml usr/share/man/man1/citizendesk.1.gz)
        foreach(lang ${LANGUAGES})
            list(APPEND expected usr/share/locale/${lang}/LC_MESSAGES/citizendesk.mo)
        endforeach()
        expect_paths(${package} "${contents}" ${expected})
        refuse_paths(${package} "${contents}" usr/bin/citizendesk-platform)
        foreach(lib libwxgtk3.2 libcurl4 libsqlcipher)
            string(FIND "${depends}" "${lib}" at)
            if(at EQUAL -1)
                message(FATAL_ERROR "citizendesk does not depend on ${lib}: Depends: ${depends}")
            endif()
        endforeach()
    elseif(package STREQUAL "citizendesk-platform")
        expect_paths(${package} "${contents}" usr/bin/citizendesk-platform
            usr/share/man/man1/citizendesk-platform.1.gz)
        refuse_paths(${package} "${contents}" usr/bin/citizendesk\n usr/share/applications
            usr/share/icons usr/share/locale usr/share/metainfo)
    else()
        message(FATAL_ERROR "unexpected package ${package} (${deb})")
    endif()
endforeach()
list(SORT seen)
if(NOT seen STREQUAL "citizendesk;citizendesk-platform")
    message(FATAL_ERROR "expected the packages citizendesk and citizendesk-platform: ${seen}")
endif()

# One version everywhere: the project's, the changelog's newest entry, the metainfo's newest
# release.
file(STRINGS ${SOURCE_DIR}/installer/linux/changelog first LIMIT_COUNT 1)
if(NOT first MATCHES "^citizendesk \\(${VERSION}\\) ")
    message(FATAL_ERROR "installer/linux/changelog starts with '${first}', not version ${VERSION}")
endif()
file(READ ${SOURCE_DIR}/resources/linux/${APP_ID}.metainfo.xml metainfo)
if(NOT metainfo MATCHES "<releases>[ \n]*<release version=\"${VERSION}\"")
    message(FATAL_ERROR "the metainfo's newest <release> is not version ${VERSION}")
endif()
message(STATUS "${seen}: contents, descriptions and versions as expected")
