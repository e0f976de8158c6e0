# Run by ctest (fixture packaging.build_packages): make the Linux packages of this build in a
# scratch folder, the way README's `cpack -G DEB` does, for the checks that read them.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
string(TIMESTAMP started "%s")
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G "${GENERATORS}" -B ${OUT}
        --config ${BINARY_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${BINARY_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed:\n${log}")
endif()
string(TIMESTAMP finished "%s")
math(EXPR seconds "${finished} - ${started}")
file(GLOB packages ${OUT}/*.deb ${OUT}/*.rpm)
list(JOIN packages "\n  " listed)
message(STATUS "cpack -G ${GENERATORS}: ${seconds} s\n  ${listed}")
