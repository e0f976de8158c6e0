// Known ledger contents for history, chart, export tests and the history benchmark: entry i
// is fully determined by i (time, payee, category, amount, outcome), so a test can compute
// what any filter or total must give without reading the ledger back.
#pragma once

#include "store/payment_ledger.h"
#include "store/vault.h"

#include <array>
#include <chrono>
#include <stdexcept>
#include <string>

namespace cd::test {

struct SeededEntry {
    std::string bill_id;
    std::string payee;
    std::string category;
    Money amount;
    std::chrono::system_clock::time_point at;
    store::PaymentStatus status = store::PaymentStatus::paid;
};

struct LedgerSeed {
    std::chrono::system_clock::time_point first; // entry 0's time
    std::chrono::minutes step{60 * 7};           // entry i is at first + i * step

    SeededEntry entry(int i) const {
        static const std::array<const char*, 7> kinds = {
            "water", "power", "gas", "telecom", "property", "traffic_fine", "social_insurance"};
        static const std::array<const char*, 5> payees = {
            "福州水务集团", "国网福州供电", "Comma, Inc.", "=HYPERLINK(\"x\")", "华润燃气"};
        SeededEntry e;
        e.bill_id = "seed-" + std::to_string(i);
        e.payee = payees[static_cast<std::size_t>(i % 5)];
        e.category = kinds[static_cast<std::size_t>(i % 7)];
        e.amount = Money::from_fen(1000 + (i * 37) % 9000);
        e.at = first + step * i;
        e.status = i % 10 == 3   ? store::PaymentStatus::declined
                   : i % 10 == 7 ? store::PaymentStatus::pending
                                 : store::PaymentStatus::paid;
        return e;
    }

    // Appends entries [0, count) in one transaction (the store thread's caller runs it).
    void append(store::Vault& vault, int count) const {
        store::PaymentLedger ledger(vault);
        auto status = (*vault.connection())->transaction([&]() -> Status {
            for (int i = 0; i < count; ++i) {
                const auto e = entry(i);
                auto id = ledger.record_pending(store::NewPayment{
                    e.bill_id, e.payee, e.category, "ACC-" + std::to_string(i % 3), e.amount,
                    "seed-key-" + std::to_string(i), e.at});
                if (!id) {
                    return id.error();
                }
                if (e.status != store::PaymentStatus::pending) {
                    std::string receipt = "R";
                    receipt += std::to_string(i);
                    if (auto s = ledger.resolve(*id, e.status, receipt, e.at); !s) {
                        return s;
                    }
                }
            }
            return Done{};
        });
        if (!status) {
            throw std::runtime_error("seeding the ledger failed: " + status.error().detail);
        }
    }
};

} // namespace cd::test
