// Helper for the crash-safety test: unlocks the vault given on the command line (passphrase
// on stdin, never argv) and appends payments as fast as it can, printing each entry's id on
// stdout only after its commit has returned: "P <id>" once recorded, "R <id>" once resolved.
// The test kills it with SIGKILL at random moments. Test-only: it uses the fast test KDF.
#include "store/payment_ledger.h"
#include "store/vault.h"

#include <cstdio>
#include <iostream>
#include <string>
#if defined(_WIN32)
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

using namespace cd;
using namespace cd::store;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: ledger_writer <vault>  (passphrase on stdin)\n");
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    SecretBytes passphrase = SecretBytes::take(line.data(), line.size());
    Vault vault(VaultOptions::insecure_fast_kdf_for_tests());
    if (auto s = vault.unlock(argv[1], std::move(passphrase)); !s) {
        std::fprintf(stderr, "unlock failed: %s\n", s.error().detail.c_str());
        return 1;
    }
    PaymentLedger ledger(vault);
    const std::string prefix = "crash-" + std::to_string(getpid()) + "-";
    for (long i = 0;; ++i) {
        auto id = ledger.record_pending(NewPayment{
            "bill-" + std::to_string(i), "福州水务", "water", "ACC", Money::from_fen(100 + i),
            prefix + std::to_string(i), std::chrono::system_clock::now()});
        if (!id) {
            std::fprintf(stderr, "record failed: %s\n", id.error().detail.c_str());
            return 1;
        }
        std::printf("P %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
        if (i % 2 == 0) {
            if (auto s = ledger.resolve(*id, PaymentStatus::paid, "R" + std::to_string(i),
                                        std::chrono::system_clock::now());
                !s) {
                std::fprintf(stderr, "resolve failed: %s\n", s.error().detail.c_str());
                return 1;
            }
            std::printf("R %lld\n", static_cast<long long>(*id));
            std::fflush(stdout);
        }
    }
}
