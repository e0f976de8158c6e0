// The command line, parsed with wxCmdLineParser into app::StartupOptions. --help, --version and
// mistakes are answered on the terminal, before any window or display is needed.
#pragma once

#include "app/startup_options.h"

#include <string>

namespace cd::ui {

struct CommandLine {
    enum class Outcome { run, show_help, show_version, error } outcome = Outcome::run;
    app::StartupOptions options;
    std::string text; // usage for show_help; the problem for error (translated, UTF-8)
};

CommandLine parse_command_line(int argc, char** argv);
CommandLine parse_command_line(int argc, wchar_t** argv);

// This process's command line. On Windows main()'s argv is in the ANSI code page, which
// cannot spell a Chinese --data-dir, so the wide one (GetCommandLineW) is read instead.
CommandLine parse_process_command_line(int argc, char** argv);

// The value given to --lang (or --lang=...), read before the parser so that --help itself
// can be shown in that language. Empty when absent.
std::string prescan_language(int argc, char** argv);

} // namespace cd::ui
