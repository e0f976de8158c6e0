// A second process for the instance-lock tests (flock locks an open file, so only another
// process shows what a second copy of the app meets). Runs the real start-up step on the
// --data-dir folder given, then:
//   probe  exits at once: 0 when it got the lock, 4 when another copy holds it, 1 otherwise
//   hold   prints "locked" and keeps the lock until its standard input closes
#include "app/startup_folders.h"
#include "core/path_text.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

#if defined(_WIN32)
#include <windows.h>

#include <shellapi.h>
#endif

namespace {

// The folder as given, in full: Windows' argv is in the ANSI code page, so read it wide there.
std::filesystem::path folder_argument(char** argv) {
#if defined(_WIN32)
    int count = 0;
    if (LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count)) {
        std::filesystem::path folder =
            count >= 3 ? std::filesystem::path(wide[2]) : std::filesystem::path();
        LocalFree(wide);
        return folder;
    }
#endif
    return cd::path_from_utf8(argv[2]);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        return 1;
    }
    auto opened = cd::app::open_app_folders(cd::app::paths_under(folder_argument(argv)));
    if (!opened) {
        return opened.error().kind == cd::ErrorKind::conflict ? 4 : 1;
    }
    if (std::strcmp(argv[1], "hold") == 0) {
        std::puts("locked");
        std::fflush(stdout);
        while (std::fgetc(stdin) != EOF) {
        }
    }
    return 0;
}
