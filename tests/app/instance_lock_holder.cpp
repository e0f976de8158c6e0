// A second process for the instance-lock tests (flock locks an open file, so only another
// process shows what a second copy of the app meets). Runs the real start-up step on the
// --data-dir folder given, then:
//   probe  exits at once: 0 when it got the lock, 4 when another copy holds it, 1 otherwise
//   hold   prints "locked" and keeps the lock until its standard input closes
#include "app/startup_folders.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
    if (argc != 3) {
        return 1;
    }
    auto opened = cd::app::open_app_folders(cd::app::paths_under(argv[2]));
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
