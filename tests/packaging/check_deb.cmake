# Run by ctest: build the .deb in a scratch folder and list what it would install.
set(out ${BINARY_DIR}/packaging-test)
file(REMOVE_RECURSE ${out})
file(MAKE_DIRECTORY ${out})
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G DEB -B ${out} --config ${BINARY_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${BINARY_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed:\n${log}")
endif()
file(GLOB debs ${out}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb, found: ${debs}")
endif()
execute_process(COMMAND ${DPKG_DEB} --contents ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE rc)
execute_process(COMMAND ${DPKG_DEB} --field ${debs} Depends OUTPUT_VARIABLE depends)
set(expected
    "./usr/bin/citizendesk"
    "./usr/share/applications/citizendesk.desktop"
    "./usr/share/icons/hicolor/48x48/apps/citizendesk.png"
    "./usr/share/icons/hicolor/scalable/apps/citizendesk.svg"
    "./usr/share/metainfo/org.citizendesk.CitizenDesk.metainfo.xml")
foreach(lang ${LANGUAGES})
    list(APPEND expected "./usr/share/locale/${lang}/LC_MESSAGES/citizendesk.mo")
endforeach()
foreach(path ${expected})
    string(FIND "${contents}" "${path}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the .deb lacks ${path}; it holds:\n${contents}")
    endif()
endforeach()
foreach(lib libwxgtk3.2 libcurl4 libsqlcipher)
    string(FIND "${depends}" "${lib}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the .deb does not depend on ${lib}: Depends: ${depends}")
    endif()
endforeach()
message(STATUS "${debs}: ${count} package, Depends: ${depends}")
