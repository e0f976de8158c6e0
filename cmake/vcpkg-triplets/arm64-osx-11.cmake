# vcpkg's arm64-osx with the deployment target the app claims (LSMinimumSystemVersion): without it
# the ports are built for the building Mac's own macOS and the bundle would need that instead.
# Keep VCPKG_OSX_DEPLOYMENT_TARGET equal to the macos preset's CMAKE_OSX_DEPLOYMENT_TARGET
# (tests/packaging/check_presets.cmake checks it).
set(VCPKG_TARGET_ARCHITECTURE arm64)
set(VCPKG_CRT_LINKAGE dynamic)
set(VCPKG_LIBRARY_LINKAGE static)
set(VCPKG_CMAKE_SYSTEM_NAME Darwin)
set(VCPKG_OSX_ARCHITECTURES arm64)
set(VCPKG_OSX_DEPLOYMENT_TARGET 11.0)
