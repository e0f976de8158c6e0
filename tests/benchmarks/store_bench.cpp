// store_bench [runs]: builds a vault of 100,000 payments with the production cipher settings
// in a temporary folder, then times the operations the Payments tab and the start-up rely on.
// Prints the median of each over the runs (default 7). Never asserts time.
#include "store/ledger_csv.h"
#include "store/payment_ledger.h"
#include "store/vault.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace cd;
using namespace cd::store;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int payment_count = 100000;
constexpr const char* passphrase = "benchmark passphrase 2026";

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

[[noreturn]] void fail(const char* what, const Error& e) {
    std::fprintf(stderr, "%s failed: %s\n", what, e.detail.c_str());
    std::exit(1);
}

void fill(Vault& vault) {
    PaymentLedger ledger(vault);
    const char* categories[] = {
        "water", "power", "gas", "telecom", "property", "fines", "social_insurance", "other"};
    std::mt19937 random(7);
    const auto start = std::chrono::sys_days(std::chrono::year(2023) / 1 / 1);
    auto status = (*vault.connection())->transaction([&]() -> Status {
        for (int i = 0; i < payment_count; ++i) {
            const auto when = start + std::chrono::minutes(i * 10 + static_cast<int>(random() % 7));
            auto id = ledger.record_pending(NewPayment{
                "bill-" + std::to_string(i), "福州公共事业 " + std::to_string(random() % 60),
                categories[random() % 8], "ACC-" + std::to_string(random() % 20),
                Money::from_fen(1000 + static_cast<std::int64_t>(random() % 50000)),
                "bench-" + std::to_string(i), when});
            if (!id) {
                return id.error();
            }
            if (random() % 10 != 0) {
                std::string receipt = "R";
                receipt += std::to_string(i); // (not "R" + ...: GCC 12 -Wrestrict false positive)
                if (auto s = ledger.resolve(*id, PaymentStatus::paid, receipt, when); !s) {
                    return s;
                }
            }
        }
        return Done{};
    });
    if (!status) {
        fail("fill", status.error());
    }
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("citizendesk-store-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "vault.db";

    Vault vault; // production settings: 256,000 PBKDF2 rounds, 4096-byte pages
    auto t = Clock::now();
    if (auto s = vault.create(path, SecretBytes(passphrase)); !s) {
        fail("create", s.error());
    }
    const double create_ms = ms_since(t);
    t = Clock::now();
    fill(vault);
    const double fill_ms = ms_since(t);
    vault.lock();
    std::printf("store_bench: %d payments, %d runs, file %.1f MB; create %.0f ms, insert all in "
                "one transaction %.0f ms\n",
                payment_count, runs, static_cast<double>(std::filesystem::file_size(path)) / 1e6,
                create_ms, fill_ms);

    std::vector<double> unlock, unlock_unchecked, first_page, deep_page, monthly, by_category, csv;
    std::size_t csv_bytes = 0;
    for (int run = 0; run < runs; ++run) {
        t = Clock::now();
        if (auto s = vault.unlock(path, SecretBytes(passphrase)); !s) {
            fail("unlock", s.error());
        }
        unlock.push_back(ms_since(t));
        {
            VaultOptions no_check;
            no_check.quick_check_on_unlock = false;
            Vault bare(no_check);
            t = Clock::now();
            if (auto s = bare.unlock(path, SecretBytes(passphrase)); !s) {
                fail("unlock without quick_check", s.error());
            }
            unlock_unchecked.push_back(ms_since(t));
        }
        PaymentLedger ledger(vault);

        t = Clock::now();
        auto first = ledger.page({}, std::nullopt, 50);
        first_page.push_back(ms_since(t));
        if (!first || first->entries.size() != 50) {
            fail("first page", first ? Error{} : first.error());
        }
        // The cursor at row 99,950, found once (untimed), then the page after it timed.
        std::optional<LedgerCursor> cursor;
        for (int walked = 0; walked < payment_count - 50; walked += 1000) {
            cursor = ledger.page({}, cursor, 1000)->next;
        }
        t = Clock::now();
        auto deep = ledger.page({}, cursor, 50);
        deep_page.push_back(ms_since(t));
        if (!deep || deep->entries.size() != 50) {
            fail("deep page", deep ? Error{} : deep.error());
        }

        t = Clock::now();
        auto months = ledger.monthly_totals({}, 480);
        monthly.push_back(ms_since(t));
        t = Clock::now();
        auto cats = ledger.category_totals({});
        by_category.push_back(ms_since(t));
        if (!months || !cats) {
            fail("totals", months ? cats.error() : months.error());
        }

        const auto out = dir / "history.csv";
        t = Clock::now();
        auto exported = export_ledger_csv(ledger, {}, out);
        csv.push_back(ms_since(t));
        if (!exported || *exported != payment_count) {
            fail("csv export", exported ? Error{} : exported.error());
        }
        csv_bytes = std::filesystem::file_size(out);
        vault.lock();
    }
    std::printf("median over %d runs (ms):\n", runs);
    std::printf("  unlock (256k KDF + quick_check + migrate check) %8.1f\n", median(unlock));
    std::printf("  unlock without quick_check (256k KDF)           %8.1f\n",
                median(unlock_unchecked));
    std::printf("  first page (50 rows)                            %8.3f\n", median(first_page));
    std::printf("  deep page (50 rows after row 99,950, keyset)    %8.3f\n", median(deep_page));
    std::printf("  monthly totals (UTC+8 months)                   %8.1f\n", median(monthly));
    std::printf("  per-category totals                             %8.1f\n", median(by_category));
    std::printf("  CSV export, %d rows, %.1f MB                %8.1f\n", payment_count,
                static_cast<double>(csv_bytes) / 1e6, median(csv));
    std::filesystem::remove_all(dir);
    return 0;
}
