# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) once the files are staged and before the disk image is
# made. The image holds CitizenDesk.app and nothing else: the reference server and the Linux
# layout of the catalogs (share/locale) are installed by rules shared with the other systems,
# and the bundle already carries its own copies. Then the bundle is signed when an identity is
# given in the environment (see cpack.cmake).
set(app "${CPACK_TEMPORARY_DIRECTORY}/CitizenDesk.app")
if(NOT IS_DIRECTORY "${app}")
    file(GLOB staged LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*")
    message(FATAL_ERROR "CitizenDesk.app is not in the staging folder; it holds: ${staged}")
endif()
file(GLOB staged LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*")
foreach(path IN LISTS staged)
    if(NOT path STREQUAL app)
        message(STATUS "Left out of the disk image: ${path}")
        file(REMOVE_RECURSE "${path}")
    endif()
endforeach()

if("$ENV{CITIZENDESK_MACOS_SIGN_IDENTITY}" STREQUAL "")
    message(STATUS "CitizenDesk.app is signed ad hoc only: CITIZENDESK_MACOS_SIGN_IDENTITY is not set")
else()
    execute_process(COMMAND "${CPACK_CITIZENDESK_MACOS_DIR}/sign.sh" app "${app}"
        COMMAND_ERROR_IS_FATAL ANY)
endif()
