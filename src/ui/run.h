// The whole program behind main(): parse the command line, answer --help/--version/--diagnose
// without a display, set up the log, then run the wx application. Deliberately wx-free so that
// main.cpp stays toolkit-neutral.
#pragma once

namespace cd::ui {

int run(int argc, char** argv);

} // namespace cd::ui
