# Run by cpack (CPACK_POST_BUILD_SCRIPTS) after the disk image is made: sign it, then notarise
# and staple it, each only when its identity is given in the environment (see cpack.cmake).
foreach(image IN LISTS CPACK_PACKAGE_FILES)
    if(NOT image MATCHES "\\.dmg$")
        continue()
    endif()
    if("$ENV{CITIZENDESK_MACOS_SIGN_IDENTITY}" STREQUAL "")
        message(STATUS "${image}: not signed, not notarised (CITIZENDESK_MACOS_SIGN_IDENTITY is not set)")
        continue()
    endif()
    execute_process(COMMAND "${CPACK_CITIZENDESK_MACOS_DIR}/sign.sh" dmg "${image}"
        COMMAND_ERROR_IS_FATAL ANY)
    if("$ENV{CITIZENDESK_NOTARY_PROFILE}" STREQUAL "")
        message(STATUS "${image}: signed, not notarised (CITIZENDESK_NOTARY_PROFILE is not set)")
    else()
        execute_process(COMMAND "${CPACK_CITIZENDESK_MACOS_DIR}/sign.sh" notarize "${image}"
            COMMAND_ERROR_IS_FATAL ANY)
    endif()
endforeach()
