// A crash loses nothing committed: a child process appends payments and is killed with
// SIGKILL at random moments; after each kill the vault opens, passes integrity_check, and
// holds every entry whose commit the child had reported. (Test KDF: 4,000 rounds, so 60 runs
// take seconds; the file format is otherwise the production one.)
#include "store/payment_ledger.h"
#include "store_test_support.h"

#include "catch.hpp"

#if defined(__unix__) || defined(__APPLE__)
#include <csignal>
#include <poll.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace cd;
using namespace cd::store;

namespace {

struct ChildReport {
    std::set<std::int64_t> recorded;
    std::set<std::int64_t> resolved;
};

// Reads whole lines from fd until `deadline_ms` passes (then SIGKILL) or EOF.
ChildReport run_and_kill(const std::filesystem::path& vault, int kill_after_ms,
                         bool wait_for_first_write) {
    int in[2];
    int out[2];
    REQUIRE(pipe(in) == 0);
    REQUIRE(pipe(out) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
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
    const std::string secret = std::string(test::test_passphrase) + "\n";
    REQUIRE(write(in[1], secret.data(), secret.size()) == static_cast<ssize_t>(secret.size()));
    close(in[1]);

    std::string buffer;
    bool killed = false;
    auto start = std::chrono::steady_clock::now();
    bool counting = !wait_for_first_write;
    for (;;) {
        if (!killed && counting &&
            std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(kill_after_ms)) {
            kill(pid, SIGKILL);
            killed = true;
        }
        pollfd p{out[0], POLLIN, 0};
        poll(&p, 1, killed ? 1000 : 1);
        if (p.revents & (POLLIN | POLLHUP)) {
            char chunk[4096];
            const ssize_t n = read(out[0], chunk, sizeof chunk);
            if (n <= 0) {
                break; // EOF: the child is gone and everything it printed is read
            }
            buffer.append(chunk, static_cast<std::size_t>(n));
            if (!counting && buffer.find('\n') != std::string::npos) {
                counting = true;
                start = std::chrono::steady_clock::now();
            }
        }
    }
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status)); // it ran until killed, not into an error
    ChildReport report;
    std::size_t pos = 0;
    for (std::size_t nl; (nl = buffer.find('\n', pos)) != std::string::npos; pos = nl + 1) {
        const std::string line = buffer.substr(pos, nl - pos);
        const std::int64_t id = std::stoll(line.substr(2));
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
#endif
