# Read by cpack before each generator runs (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb writes the project's summary above every component's own description, which
    # would give citizendesk-platform the app's synopsis: each package brings its own.
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
