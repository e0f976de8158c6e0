// The pay flow's test bench: AppTestContext with the platform's fault injection on, a payer
// client with a short per-request timeout (so latency faults become timeouts), the control
// endpoint (/_faults) reached with plain cpp-httplib, and the server's and the ledger's truth.
#pragma once

#include "app/idempotency_key.h"
#include "app_test_context.h"
#include "store/payment_ledger.h"

#include <boost/json.hpp>
#include <httplib.h>

#include <algorithm>
#include <future>
#include <string>
#include <vector>

namespace cd::test {

template <class T, class Start> Result<T> wait_for(Start start) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    start([promise](Result<T> r) { promise->set_value(std::move(r)); });
    if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
        return make_error(ErrorKind::timeout, "test: no answer");
    }
    return future.get();
}

inline AppTestContext::Options with_faults() {
    AppTestContext::Options o;
    o.server.faults = true;
    return o;
}

struct PaymentBench {
    AppTestContext t{with_faults()};
    std::shared_ptr<api::PlatformClient> payer;
    std::unique_ptr<app::FixedPlatformAccess> payer_access;
    std::unique_ptr<app::AppContext> context;

    PaymentBench() {
        t.sign_in();
        net::Timeouts quick;
        quick.connect = std::chrono::milliseconds(2'000);
        quick.total = std::chrono::milliseconds(400);
        payer = std::make_shared<api::PlatformClient>(
            t.http, api::PlatformConfig{t.server.base_url(), quick});
        auto signed_in = wait_for<api::SessionTokens>(
            [&](auto d) { payer->login(server::demo_phone, server::demo_password, d); });
        if (!signed_in.ok()) {
            throw std::runtime_error("payer sign-in failed");
        }
        payer_access = std::make_unique<app::FixedPlatformAccess>(payer);
        context = std::make_unique<app::AppContext>(app::AppContext{
            t.ui, t.worker, *payer_access, *t.vault, t.events, t.data, t.notifier, *t.outbox});
    }
    ~PaymentBench() {
        t.ui.drain();
        t.http->cancel_all();
    }

    // Signs the payer client in as the seeded citizen with `phone` and tells the app, as the
    // session screen does (publishes signed_in); sign-out forgets the session and says so.
    void payer_sign_in(const char* phone) {
        auto tokens = wait_for<api::SessionTokens>(
            [&](auto d) { payer->login(phone, server::demo_password, d); });
        REQUIRE(tokens.ok());
        t.data.set_signed_in(std::nullopt, tokens->citizen_id);
    }
    void payer_sign_out() {
        payer->forget_session();
        t.data.set_signed_out();
    }
    // A pending ledger entry for the bill, as an earlier run of the app left it ("" owner: as
    // a build from before owners were recorded left it).
    std::int64_t record_pending(const api::Bill& bill, const std::string& owner) {
        return t.vault->run_and_wait([&](store::Vault& v) {
            store::NewPayment p{bill.id,         bill.provider.en,
                                bill.kind,       bill.account_number,
                                bill.amount,     app::new_idempotency_key("cdpay-"),
                                t.context->now()};
            p.owner = owner;
            auto id = store::PaymentLedger(v).record_pending(p);
            if (!id.ok()) {
                throw std::runtime_error("pending entry not recorded");
            }
            return *id;
        });
    }

    httplib::Client control() const {
        httplib::Client c("127.0.0.1", t.server.port());
        c.set_read_timeout(10, 0);
        return c;
    }
    void faults(boost::json::array rules) const {
        auto res = control().Post(
            "/_faults", boost::json::serialize(boost::json::object{{"seed", 1}, {"rules", rules}}),
            "application/json");
        if (!res || res->status != 200) {
            throw std::runtime_error("fault rules refused");
        }
    }
    void clear_faults() const { control().Delete("/_faults"); }
    // True once every request the platform was handling has finished (a slow attempt that the
    // client gave up on has committed by then): the server says so, no sleep guesses it.
    bool platform_idle() const {
        auto c = control();
        c.set_read_timeout(30, 0);
        auto res = c.Get("/_faults?idle_within=20000");
        if (!res || res->status != 200) {
            return false;
        }
        return boost::json::parse(res->body).as_object().at("in_flight").as_int64() == 0;
    }
    int pay_requests() const {
        auto res = control().Get("/_faults");
        const auto snap = boost::json::parse(res->body).as_object();
        const auto* v = snap.at("counters").as_object().if_contains("POST /v1/payments");
        return v ? static_cast<int>(v->as_int64()) : 0;
    }

    // A due bill the wallet can pay (or, with affordable = false, the one it cannot).
    api::Bill due_bill(const std::string& kind, bool affordable = true) {
        auto due = wait_for<api::BillList>([&](auto d) { t.client->bills("due", d); });
        REQUIRE(due.ok());
        for (const auto& b : due->bills) {
            if (b.kind == kind && (b.amount.fen < 100000) == affordable) {
                return b;
            }
        }
        FAIL("no such due bill: " << kind);
        return {};
    }
    // How many payments the server holds for the bill (the truth about charges).
    int charges(const std::string& bill_id) {
        auto all = wait_for<std::vector<api::Payment>>([&](auto d) { t.client->payments(d); });
        REQUIRE(all.ok());
        return static_cast<int>(std::count_if(all->begin(), all->end(),
                                              [&](const auto& p) { return p.bill_id == bill_id; }));
    }
    std::string bill_status(const std::string& bill_id) {
        auto b = wait_for<api::Bill>([&](auto d) { t.client->bill(bill_id, d); });
        REQUIRE(b.ok());
        return b->status;
    }
    // The ledger's entries for the bill, oldest first.
    std::vector<store::PaymentEntry> ledger(const std::string& bill_id) {
        return t.vault->run_and_wait([&](store::Vault& v) {
            std::vector<store::PaymentEntry> out;
            auto page = store::PaymentLedger(v).page({}, std::nullopt, 500);
            if (!page.ok()) {
                throw std::runtime_error("ledger unreadable");
            }
            for (const auto& e : page->entries) {
                if (e.bill_id == bill_id) {
                    out.insert(out.begin(), e);
                }
            }
            return out;
        });
    }
};

} // namespace cd::test
