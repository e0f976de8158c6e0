// The fault run for "no duplicate reports after a lost answer": GeoReport v2 has no
// idempotency key, so when the city stores a report and the answer is lost, a plain re-send
// files it twice. 200 seeded runs of "commit, then drop the answer" against the reference
// server (fault "drop_after" on POST requests.json, rate 0.5, seed = run number): every
// report must be at the city exactly once, the retries adopting the stored id. Prints the
// figures; deterministic by seed, bounded in count and time.
#include "catch.hpp"
#include "diag/log.h"
#include "voice_test_support.h"

#include <boost/json.hpp>

#include <atomic>
#include <iostream>
#include <map>

using namespace cd;
using namespace cd::test;
using namespace std::chrono_literals;

namespace {

struct CountingSink : diag::Sink {
    std::atomic<int> adopted{0};
    void write(const diag::Record&, std::string_view line) override {
        if (line.find("report found at the city, adopted") != std::string_view::npos) {
            ++adopted;
        }
    }
};

Result<net::Response> call(AppTestContext& t, net::Method method, const std::string& path,
                           const std::string& body = {}) {
    net::Request request;
    request.method = method;
    request.url = t.server.base_url() + path;
    request.body = body;
    if (!body.empty()) {
        request.headers.set("Content-Type", "application/json");
    }
    std::promise<Result<net::Response>> answer;
    t.http->send(std::move(request),
                 [&](Result<net::Response> r) { answer.set_value(std::move(r)); });
    return answer.get_future().get();
}

int drop_hits(AppTestContext& t) {
    auto snapshot = call(t, net::Method::get, "/_faults");
    REQUIRE(snapshot.ok());
    const auto v = boost::json::parse(snapshot->body);
    const auto& rules = v.at("rules").as_array();
    return rules.empty() ? 0 : static_cast<int>(rules[0].at("hits").to_number<std::int64_t>());
}

} // namespace

TEST_CASE("no duplicate reports after a lost answer: 200 seeded fault runs",
          "[app][voice][fault-run]") {
    AppTestContext::Options options;
    options.server.faults = true;
    AppTestContext t(options);
    load_city(t);
    std::chrono::hours shift{0}; // past the outbox's backoff for a retry
    t.context->now = [&shift] {
        return std::chrono::system_clock::now() + shift;
    };
    auto sink = std::make_shared<CountingSink>();
    const auto saved_level = diag::level();
    diag::set_level(diag::Level::info);
    diag::add_sink(sink);

    ReportViewRecorder view;
    app::ReportPresenter report(*t.context, view);
    constexpr int runs = 200;
    int drops = 0;
    int retries = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int run = 0; run < runs; ++run) {
        const std::string spec =
            R"({"seed": )" + std::to_string(1000 + run) +
            R"(, "rules": [{"path_prefix": "/open311/v2/requests.json", "method": "POST",
                "fault": "drop_after", "rate": 0.5}]})";
        REQUIRE(call(t, net::Method::post, "/_faults", spec)->status == 200);
        shift = 0h;
        report.send(streetlight_draft("fault run " + std::to_string(run) + " 路灯不亮"));
        REQUIRE(t.ui.run_until([&] { return view.cleared == run + 1; }));
        for (int attempt = 0; attempt < 8; ++attempt) {
            REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
            t.ui.drain();
            if (outbox_items(t) == 0) {
                break;
            }
            ++retries;
            shift += 2h;
            t.outbox->flush();
        }
        drops += drop_hits(t);
    }
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    diag::remove_sink(sink);
    diag::set_level(saved_level);

    // Every report, counted at the city by its text.
    std::promise<Result<api::open311::RequestList>> answer;
    api::open311::Open311Config config;
    config.endpoint = t.server.base_url() + "/open311/v2";
    api::open311::Open311Client city(t.http, config);
    city.requests({}, [&](Result<api::open311::RequestList> r) { answer.set_value(std::move(r)); });
    auto list = answer.get_future().get();
    REQUIRE(list.ok());
    std::map<std::string, int> held;
    for (const auto& r : list->requests) {
        const auto text = app::without_client_reference(r.description);
        if (text.rfind("fault run ", 0) == 0) {
            ++held[text];
        }
    }
    int duplicates = 0;
    int lost = static_cast<int>(outbox_items(t));
    for (int run = 0; run < runs; ++run) {
        const auto it = held.find("fault run " + std::to_string(run) + " 路灯不亮");
        if (it == held.end()) {
            ++lost;
        } else {
            duplicates += it->second - 1;
        }
    }
    const auto entries = report_entries(t);
    const auto waiting =
        std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.waiting(); });
    std::cout << "fault run: runs " << runs << ", drops after commit " << drops
              << ", lookups that adopted an id " << sink->adopted << ", retries " << retries
              << ", duplicates " << duplicates << ", lost " << lost << ", seconds " << seconds
              << "\n";
    CHECK(drops >= runs / 4); // the fault really hit
    CHECK(sink->adopted == drops);
    CHECK(duplicates == 0);
    CHECK(lost == 0);
    CHECK(waiting == 0);
    CHECK(entries.size() == static_cast<std::size_t>(runs));
}
