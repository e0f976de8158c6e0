# The Windows (MSVC) and macOS routes cannot be built on this CI machine; what can be checked
# here is checked here, in CMake script mode, with no tool beyond CMake itself.
add_test(NAME packaging.vcpkg_manifest
    COMMAND ${CMAKE_COMMAND} -DMANIFEST=${PROJECT_SOURCE_DIR}/vcpkg.json
        -P ${CMAKE_CURRENT_LIST_DIR}/check_vcpkg_manifest.cmake)
add_test(NAME packaging.presets
    COMMAND ${CMAKE_COMMAND} -DPRESETS=${PROJECT_SOURCE_DIR}/CMakePresets.json
        -P ${CMAKE_CURRENT_LIST_DIR}/check_presets.cmake)
add_test(NAME packaging.macos_info_plist
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
        -DOUT=${CMAKE_CURRENT_BINARY_DIR}/Info.plist -DVERSION=${PROJECT_VERSION}
        "-DLANGUAGES=${CITIZENDESK_LANGUAGES}"
        -P ${CMAKE_CURRENT_LIST_DIR}/check_info_plist.cmake)
set_tests_properties(packaging.vcpkg_manifest packaging.presets packaging.macos_info_plist
    PROPERTIES LABELS packaging)
add_test(NAME packaging.sqlcipher_vcpkg_layout
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
        -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sqlcipher-vcpkg-layout "-DGENERATOR=${CMAKE_GENERATOR}"
        -P ${CMAKE_CURRENT_LIST_DIR}/check_sqlcipher_vcpkg_layout.cmake)
set_tests_properties(packaging.sqlcipher_vcpkg_layout PROPERTIES LABELS packaging)
