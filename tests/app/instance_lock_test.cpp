#include "catch.hpp"

#include "app/startup_folders.h"
#include "core/path_text.h"
#include "temp_dir.h"

#include <array>
#include <string>
#include <vector>

#if defined(_WIN32)
#include <windows.h>
#else
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;
#endif

using namespace cd;

namespace {

#if defined(_WIN32)

// The helper (instance_lock_holder.cpp) as a child process with its stdin and stdout piped;
// the folder goes as UTF-16 on the command line (the helper reads it wide).
class Holder {
public:
    Holder(const char* mode, const std::filesystem::path& folder) {
        SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE child_in = nullptr, child_out = nullptr;
        REQUIRE(CreatePipe(&child_in, &stdin_, &inheritable, 0));
        REQUIRE(CreatePipe(&stdout_, &child_out, &inheritable, 0));
        SetHandleInformation(stdin_, HANDLE_FLAG_INHERIT, 0);
        SetHandleInformation(stdout_, HANDLE_FLAG_INHERIT, 0);
        STARTUPINFOW startup{};
        startup.cb = sizeof startup;
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = child_in;
        startup.hStdOutput = child_out;
        startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
        std::wstring command =
            L"\"" + cd::path_from_utf8(CITIZENDESK_INSTANCE_LOCK_HOLDER).wstring() + L"\" " +
            cd::path_from_utf8(mode).wstring() + L" \"" + folder.wstring() + L"\"";
        PROCESS_INFORMATION info{};
        const BOOL started = CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, 0,
                                            nullptr, nullptr, &startup, &info);
        CloseHandle(child_in);
        CloseHandle(child_out);
        REQUIRE(started);
        CloseHandle(info.hThread);
        process_ = info.hProcess;
    }
    ~Holder() {
        close_stdin();
        if (process_ != nullptr) {
            WaitForSingleObject(process_, INFINITE);
            CloseHandle(process_);
        }
        CloseHandle(stdout_);
    }

    // Blocks until the child has said a line (or ended).
    std::string line() {
        std::string text;
        char c = 0;
        DWORD got = 0;
        while (ReadFile(stdout_, &c, 1, &got, nullptr) && got == 1 && c != '\n') {
            if (c != '\r') {
                text += c;
            }
        }
        return text;
    }

    int exit_code() {
        close_stdin();
        REQUIRE(WaitForSingleObject(process_, INFINITE) == WAIT_OBJECT_0);
        DWORD code = 0;
        REQUIRE(GetExitCodeProcess(process_, &code));
        CloseHandle(process_);
        process_ = nullptr;
        return static_cast<int>(code);
    }

private:
    void close_stdin() {
        if (stdin_ != nullptr) {
            CloseHandle(stdin_);
            stdin_ = nullptr;
        }
    }

    HANDLE process_ = nullptr;
    HANDLE stdin_ = nullptr;
    HANDLE stdout_ = nullptr;
};

#else

// The helper (instance_lock_holder.cpp) as a child process with its stdin and stdout piped.
class Holder {
public:
    Holder(const char* mode, const std::filesystem::path& folder) {
        int in[2], out[2];
        REQUIRE(::pipe(in) == 0);
        REQUIRE(::pipe(out) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, in[1]);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        std::string program = CITIZENDESK_INSTANCE_LOCK_HOLDER;
        std::string m = mode, f = folder.string();
        std::array<char*, 4> argv{program.data(), m.data(), f.data(), nullptr};
        const int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        stdin_ = in[1];
        stdout_ = out[0];
        REQUIRE(rc == 0);
    }
    ~Holder() {
        if (stdin_ >= 0) {
            ::close(stdin_);
        }
        if (pid_ > 0) {
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        ::close(stdout_);
    }

    // Blocks until the child has said a line (or ended).
    std::string line() {
        std::string text;
        char c = 0;
        while (::read(stdout_, &c, 1) == 1 && c != '\n') {
            text += c;
        }
        return text;
    }

    int exit_code() {
        if (stdin_ >= 0) {
            ::close(stdin_);
            stdin_ = -1;
        }
        int status = 0;
        REQUIRE(::waitpid(pid_, &status, 0) == pid_);
        pid_ = -1;
        REQUIRE(WIFEXITED(status));
        return WEXITSTATUS(status);
    }

private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
};

#endif

} // namespace

TEST_CASE("two locks on one data folder in one process: the second is refused until the first "
          "ends",
          "[app][instance]") {
    test::TempDir tmp;
    {
        auto first = app::InstanceLock::acquire(tmp.path());
        REQUIRE(first.ok());
        auto second = app::InstanceLock::acquire(tmp.path());
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().kind == ErrorKind::conflict);
        CHECK(app::InstanceLock::held_elsewhere(tmp.path()));
    }
    CHECK_FALSE(app::InstanceLock::held_elsewhere(tmp.path()));
    CHECK(app::InstanceLock::acquire(tmp.path()).ok());
}

TEST_CASE("the start-up path refuses a second copy on the same data folder, in words for the "
          "citizen",
          "[app][instance]") {
    test::TempDir tmp;
    const app::AppPaths paths = app::paths_under(tmp.path() / "profile");
    auto first = app::open_app_folders(paths);
    REQUIRE(first.ok());
    auto second = app::open_app_folders(paths);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == ErrorKind::conflict);
    CHECK(second.error().message_for_user().id.find("already open") != std::string::npos);
    // Another data folder is another citizen's profile: it starts.
    CHECK(app::open_app_folders(app::paths_under(tmp.path() / "other")).ok());
}

TEST_CASE("another process is refused while this one runs, and starts once it has ended",
          "[app][instance]") {
    test::TempDir tmp;
    const auto root = tmp.path() / "profile";
    {
        auto running = app::open_app_folders(app::paths_under(root));
        REQUIRE(running.ok());
        CHECK(Holder("probe", root).exit_code() == 4);
    }
    CHECK(Holder("probe", root).exit_code() == 0);
}

TEST_CASE("while another process holds the data folder this one is refused until that process ends",
          "[app][instance]") {
    test::TempDir tmp;
    const auto root = tmp.path() / "profile";
    Holder other("hold", root);
    REQUIRE(other.line() == "locked");
    auto refused = app::open_app_folders(app::paths_under(root));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::conflict);
    CHECK(other.exit_code() == 0);
    CHECK(app::open_app_folders(app::paths_under(root)).ok());
}

TEST_CASE("a second copy on a data folder with a Chinese name is refused, and starts once the "
          "first has ended",
          "[app][instance][platform]") {
    test::TempDir tmp;
    const auto root = tmp.path() / cd::path_from_utf8("\xE5\xB8\x82\xE6\xB0\x91"); // 市民
    {
        Holder other("hold", root);
        REQUIRE(other.line() == "locked");
        CHECK(std::filesystem::exists(root / "data" / app::InstanceLock::file_name));
        auto refused = app::open_app_folders(app::paths_under(root));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::conflict);
        CHECK(other.exit_code() == 0);
    }
    CHECK(app::open_app_folders(app::paths_under(root)).ok());
}
