# The MSVC build (preset windows-msvc) uses the Visual C++ runtime as DLLs (/MD, like vcpkg's
# x64-windows libraries): they are installed beside citizendesk.exe, so the NSIS installer and
# the portable ZIP run on a Windows without the Visual C++ Redistributable. Included from
# installer/CMakeLists.txt on every system; does nothing but with MSVC (MinGW's runtime is
# win-package's concern in installer/windows).
if(NOT MSVC)
    return()
endif()
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)
