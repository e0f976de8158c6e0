// A crash loses nothing committed: a child process appends payments and is killed (SIGKILL;
// TerminateProcess on Windows) at random moments; after each kill the vault opens, passes
// integrity_check, and holds every entry whose commit the child had reported. (Test KDF: 4,000
// rounds, so 60 runs take seconds; the file format is otherwise the production one.)
#include "store/payment_ledger.h"
#include "store_test_support.h"

#include "catch.hpp"

#include <chrono>
#include <random>
#include <set>
#include <string>

#if defined(_WIN32)
#include <windows.h>
#else
#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace cd;
using namespace cd::store;

namespace {

struct ChildReport {
    std::set<std::int64_t> recorded;
    std::set<std::int64_t> resolved;
};

#if defined(_WIN32)

// The writer with its stdin and stdout piped. Killed with TerminateProcess, Windows' nearest
// to SIGKILL: the process ends at once, running no code of its own.
class Writer {
public:
    explicit Writer(const std::filesystem::path& vault) {
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
        std::wstring command = L"\"" + std::filesystem::path(CITIZENDESK_LEDGER_WRITER).wstring() +
                               L"\" \"" + vault.wstring() + L"\"";
        PROCESS_INFORMATION info{};
        const BOOL started = CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, 0,
                                            nullptr, nullptr, &startup, &info);
        CloseHandle(child_in);
        CloseHandle(child_out);
        REQUIRE(started);
        CloseHandle(info.hThread);
        process_ = info.hProcess;
    }
    ~Writer() {
        if (stdin_ != nullptr) {
            CloseHandle(stdin_);
        }
        CloseHandle(stdout_);
        CloseHandle(process_);
    }
    void send(const std::string& text) {
        DWORD put = 0;
        REQUIRE(WriteFile(stdin_, text.data(), static_cast<DWORD>(text.size()), &put, nullptr));
        REQUIRE(put == text.size());
        CloseHandle(stdin_);
        stdin_ = nullptr;
    }
    // Appends what the child printed, waiting up to `wait_ms` for some; false at end of output.
    bool read(std::string& into, int wait_ms) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
        for (;;) {
            DWORD ready = 0;
            if (!PeekNamedPipe(stdout_, nullptr, 0, nullptr, &ready, nullptr)) {
                return false; // broken pipe: the child is gone and everything is read
            }
            if (ready > 0) {
                char chunk[4096];
                DWORD got = 0;
                if (!ReadFile(stdout_, chunk, sizeof chunk < ready ? sizeof chunk : ready, &got,
                              nullptr) ||
                    got == 0) {
                    return false;
                }
                into.append(chunk, got);
                return true;
            }
            if (std::chrono::steady_clock::now() >= until) {
                return true;
            }
            Sleep(1);
        }
    }
    void kill() { TerminateProcess(process_, killed_code); }
    bool ended_by_kill() {
        REQUIRE(WaitForSingleObject(process_, INFINITE) == WAIT_OBJECT_0);
        DWORD code = 0;
        REQUIRE(GetExitCodeProcess(process_, &code));
        return code == killed_code;
    }

private:
    static constexpr UINT killed_code = 137; // what a shell reports for SIGKILL
    HANDLE process_ = nullptr;
    HANDLE stdin_ = nullptr;
    HANDLE stdout_ = nullptr;
};

#else

class Writer {
public:
    explicit Writer(const std::filesystem::path& vault) {
        int in[2];
        int out[2];
        REQUIRE(pipe(in) == 0);
        REQUIRE(pipe(out) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(in[0], STDIN_FILENO);
            dup2(out[1], STDOUT_FILENO);
            close(in[0]);
            close(in[1]);
            close(out[0]);
            close(out[1]);
            execl(CITIZENDESK_LEDGER_WRITER, CITIZENDESK_LEDGER_WRITER, vault.c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        stdin_ = in[1];
        stdout_ = out[0];
    }
    ~Writer() {
        if (stdin_ >= 0) {
            close(stdin_);
        }
        close(stdout_);
    }
    void send(const std::string& text) {
        REQUIRE(write(stdin_, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
        close(stdin_);
        stdin_ = -1;
    }
    // Appends what the child printed, waiting up to `wait_ms` for some; false at end of output.
    bool read(std::string& into, int wait_ms) {
        pollfd p{stdout_, POLLIN, 0};
        poll(&p, 1, wait_ms);
        if ((p.revents & (POLLIN | POLLHUP)) == 0) {
            return true;
        }
        char chunk[4096];
        const ssize_t n = ::read(stdout_, chunk, sizeof chunk);
        if (n <= 0) {
            return false;
        }
        into.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    void kill() { ::kill(pid_, SIGKILL); }
    bool ended_by_kill() {
        int status = 0;
        REQUIRE(waitpid(pid_, &status, 0) == pid_);
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }

private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
};

#endif

// Runs the writer until `kill_after_ms` after its first committed write (or after its start),
// kills it, and reads everything it printed before it died.
ChildReport run_and_kill(const std::filesystem::path& vault, int kill_after_ms,
                         bool wait_for_first_write) {
    Writer writer(vault);
    writer.send(std::string(test::test_passphrase) + "\n");

    std::string buffer;
    bool killed = false;
    auto start = std::chrono::steady_clock::now();
    bool counting = !wait_for_first_write;
    for (;;) {
        if (!killed && counting &&
            std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(kill_after_ms)) {
            writer.kill();
            killed = true;
        }
        if (!writer.read(buffer, killed ? 1000 : 1)) {
            break; // end of output: the child is gone and everything it printed is read
        }
        if (!counting && buffer.find('\n') != std::string::npos) {
            counting = true;
            start = std::chrono::steady_clock::now();
        }
    }
    CHECK(writer.ended_by_kill()); // it ran until killed, not into an error
    ChildReport report;
    std::size_t pos = 0;
    for (std::size_t nl; (nl = buffer.find('\n', pos)) != std::string::npos; pos = nl + 1) {
        const std::string line = buffer.substr(pos, nl - pos);
        const std::int64_t id = std::stoll(line.substr(2)); // a "\r" before the "\n" is ignored
        (line[0] == 'P' ? report.recorded : report.resolved).insert(id);
    }
    return report;
}

} // namespace

TEST_CASE("Killing a writer at random moments never loses a committed payment", "[crash]") {
    test::OpenVault v;
    v.vault.lock();
    std::mt19937 random(20261128);
    ChildReport all;
    constexpr int runs = 60;
    int runs_with_writes = 0;
    for (int run = 0; run < runs; ++run) {
        // Mostly kill mid-stream; sometimes during start-up (unlock, checkpoint of the last WAL).
        const bool during_startup = random() % 5 == 0;
        const int delay =
            during_startup ? static_cast<int>(random() % 15) : static_cast<int>(random() % 40);
        const ChildReport report = run_and_kill(v.path, delay, !during_startup);
        all.recorded.insert(report.recorded.begin(), report.recorded.end());
        all.resolved.insert(report.resolved.begin(), report.resolved.end());
        runs_with_writes += report.recorded.empty() ? 0 : 1;

        Vault check(VaultOptions::insecure_fast_kdf_for_tests());
        REQUIRE(check.unlock(v.path, SecretBytes(test::test_passphrase)).ok());
        auto integrity = check.check_integrity();
        REQUIRE(integrity.ok());
        REQUIRE(integrity->ok);
        PaymentLedger ledger(check);
        for (std::int64_t id : all.recorded) {
            auto entry = ledger.find(id);
            REQUIRE(entry.ok());
            REQUIRE(entry->has_value());
            if (all.resolved.count(id) != 0) {
                CHECK((*entry)->status == PaymentStatus::paid);
            }
        }
    }
    CHECK(runs_with_writes >= runs / 2);
    CHECK(all.recorded.size() > 100);
}
