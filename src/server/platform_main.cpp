// citizendesk-platform: the reference platform server on the command line.
//   citizendesk-platform [--port N] [--bind ADDR] [--db PATH] [--seed N] [--clock-speed X]
//                        [--faults] [--log-level trace|debug|info|warn|error]
//                        [--open311-profile NAME]
// Prints "listening on http://ADDR:PORT" once it serves; stops cleanly on SIGINT/SIGTERM, and
// on Windows on Ctrl+C, Ctrl+Break, the console closing, logoff or shutdown.
#include "server/platform_server.h"

#include "core/wire_number.h"
#include "diag/log.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#ifdef _WIN32
#include <windows.h>
#endif

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_signal(int) {
    stop_requested = true;
}

#ifdef _WIN32
// Windows has no SIGTERM: closing the console, logoff and shutdown arrive here, on a thread of
// their own. Returning TRUE keeps the process alive while main() stops the server; Windows
// ends it anyway once main() returns (or after its timeout for the last three).
BOOL WINAPI on_console_event(DWORD) {
    stop_requested = true;
    return TRUE;
}
#endif

class StderrSink : public cd::diag::Sink {
public:
    void write(const cd::diag::Record&, std::string_view line) override {
        std::cerr << line << '\n';
    }
};

int usage(const char* why) {
    std::cerr << "citizendesk-platform: " << why << "\n"
              << "usage: citizendesk-platform [--port N] [--bind ADDR] [--db PATH] [--seed N]\n"
              << "         [--clock-speed X] [--faults] [--log-level LEVEL]\n"
              << "         [--open311-profile NAME]   (a city variant; see open311_profiles.h)\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    cd::server::PlatformServerOptions options;
    options.port = 8080;
    try {
        for (int i = 1; i < argc; ++i) {
            std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) {
                    throw std::invalid_argument(arg + " needs a value");
                }
                return argv[++i];
            };
            if (arg == "--port") {
                options.port = std::stoi(value());
                if (options.port < 0 || options.port > 65535) {
                    return usage("--port must be 0-65535");
                }
            } else if (arg == "--bind") {
                options.bind_address = value();
            } else if (arg == "--db") {
                options.database_path = value();
            } else if (arg == "--seed") {
                options.seed = std::stoull(value());
            } else if (arg == "--clock-speed") {
                const auto speed = cd::parse_wire_number(value());
                if (!speed || *speed <= 0) {
                    return usage("--clock-speed must be a positive number such as 60 or 0.5");
                }
                options.clock_speed = *speed;
            } else if (arg == "--open311-profile") {
                options.open311_profile = value();
            } else if (arg == "--faults") {
                options.faults = true;
            } else if (arg == "--log-level") {
                auto level = cd::diag::parse_level(value());
                if (!level) {
                    return usage("unknown log level");
                }
                cd::diag::set_level(*level);
            } else if (arg == "--help" || arg == "-h") {
                usage("the reference platform server");
                return 0;
            } else {
                return usage(("unknown option " + arg).c_str());
            }
        }
    } catch (const std::exception& e) {
        return usage(e.what());
    }
    cd::diag::add_sink(std::make_shared<StderrSink>());
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
#ifdef _WIN32
    SetConsoleCtrlHandler(on_console_event, TRUE);
#endif

    cd::server::PlatformServer server(options);
    auto started = server.start();
    if (!started) {
        std::cerr << "citizendesk-platform: " << started.error().log_line() << "\n";
        return 1;
    }
    std::cout << "listening on " << server.base_url() << std::endl;
    while (!stop_requested) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
    cd::diag::flush();
    return 0;
}
