# CPACK_PRE_BUILD_SCRIPTS: the reference platform server (citizendesk-platform) is for QA and
# developers, never for a citizen's Windows computer; it leaves the staged files before NSIS
# and ZIP see them (src/server installs it for the Linux packages).
file(GLOB_RECURSE _cd_servers "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/citizendesk-platform.exe")
if(_cd_servers)
    file(REMOVE ${_cd_servers})
endif()
