#include "ui/command_line.h"

#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/log.h>

#include <cstring>

#ifdef _WIN32
#include <windows.h>

#include <shellapi.h>
#endif

namespace cd::ui {

namespace {

// Collects what the parser reports (it reports through wxLog) so we can print it plainly.
class CollectingLog : public wxLog {
public:
    wxString text;

protected:
    void DoLogTextAtLevel(wxLogLevel, const wxString& msg) override {
        if (!text.empty()) {
            text += "\n";
        }
        text += msg;
    }
};

void describe(wxCmdLineParser& p) {
    p.AddSwitch("h", "help", _("show this help and exit"), wxCMD_LINE_OPTION_HELP);
    p.AddSwitch("", "version", _("print the version and exit"));
    p.AddOption("", "lang", _("language of the interface: en or zh_CN (default: the system's)"));
    p.AddOption("", "log-level", _("detail of the support log: trace, debug, info, warn or error"));
    p.AddOption("", "platform", _("address of the city platform to use (https://...)"));
    p.AddSwitch("", "demo", _("use the built-in demo city platform"));
    p.AddOption("", "data-dir", _("keep data, settings and logs in this folder instead"));
    p.AddSwitch("", "diagnose",
                _("print versions and the data, settings and log folders, then exit"));
    p.SetLogo(_("CitizenDesk: your city's services on your desktop."));
}

std::string utf8(const wxString& s) {
    const wxScopedCharBuffer b = s.utf8_str();
    return std::string(b.data(), b.length());
}

} // namespace

std::string prescan_language(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            return argv[i + 1];
        }
        if (std::strncmp(argv[i], "--lang=", 7) == 0) {
            return argv[i] + 7;
        }
    }
    return {};
}

namespace {

CommandLine parse(wxCmdLineParser& parser) {
    parser.SetSwitchChars("-");
    describe(parser);

    CommandLine result;
    auto* collector = new CollectingLog;
    wxLog* previous = wxLog::SetActiveTarget(collector);
    const int rc = parser.Parse(false);
    wxLog::SetActiveTarget(previous);
    const wxString problems = collector->text;
    delete collector;

    if (rc == -1) {
        result.outcome = CommandLine::Outcome::show_help;
        result.text = utf8(parser.GetUsageString());
        return result;
    }
    if (rc != 0) {
        result.outcome = CommandLine::Outcome::error;
        result.text = utf8(problems) + "\n" + utf8(_("Run with --help to see the options."));
        return result;
    }
    if (parser.Found("version")) {
        result.outcome = CommandLine::Outcome::show_version;
        return result;
    }
    wxString value;
    if (parser.Found("lang", &value)) {
        result.options.lang = utf8(value);
    }
    if (parser.Found("log-level", &value)) {
        result.options.log_level = utf8(value);
    }
    if (parser.Found("platform", &value)) {
        result.options.platform_url = utf8(value);
    }
    if (parser.Found("data-dir", &value)) {
        result.options.data_dir = utf8(value);
    }
    result.options.demo = parser.Found("demo");
    result.options.diagnose = parser.Found("diagnose");
    return result;
}

} // namespace

CommandLine parse_command_line(int argc, char** argv) {
    wxCmdLineParser parser(argc, argv);
    return parse(parser);
}

CommandLine parse_command_line(int argc, wchar_t** argv) {
    wxCmdLineParser parser(argc, argv);
    return parse(parser);
}

CommandLine parse_process_command_line(int argc, char** argv) {
#ifdef _WIN32
    int wide_argc = 0;
    if (LPWSTR* wide_argv = CommandLineToArgvW(GetCommandLineW(), &wide_argc)) {
        CommandLine out = parse_command_line(wide_argc, wide_argv);
        LocalFree(wide_argv);
        return out;
    }
#endif
    return parse_command_line(argc, argv);
}

} // namespace cd::ui
