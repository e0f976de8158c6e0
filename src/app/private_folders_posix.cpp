// The POSIX side of private_folders.h: umask 077, chmod 0700 / 0600.
#include "app/private_folders.h"

#include <cstdio>
#include <system_error>

#include <sys/stat.h>

namespace cd::app {

namespace fs = std::filesystem;

void create_private_from_now_on() {
    ::umask(077);
}

std::error_code create_private_folders(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec); // 0700 through the umask
    return ec;
}

namespace {

std::string octal(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

} // namespace

// Only group and other rights are wrong; a path that has none is left as it is.
void repair_privacy(const fs::path& path, bool folder, PrivacyRepair& out) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode) || (st.st_mode & 077) == 0) {
        return;
    }
    const mode_t wanted = folder ? 0700 : 0600;
    if (::chmod(path.c_str(), wanted) != 0) {
        out.failed.push_back(path.string() + " stays " + octal(st.st_mode));
        return;
    }
    out.repaired.push_back(path.string() + " was " + octal(st.st_mode) + ", now " + octal(wanted));
}

} // namespace cd::app
