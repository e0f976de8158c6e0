# Windows only (installer/CMakeLists.txt includes this on every system; it returns at once
# elsewhere): the executable's resources, then the two packages, NSIS installer and ZIP.
if(NOT WIN32)
    return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/app_resources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/cpack.cmake)
