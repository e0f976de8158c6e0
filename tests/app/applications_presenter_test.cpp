#include "catch.hpp"

#include "application_test_support.h"
#include "core/reference_number.h"
#include "movable_clock.h"
#include "store/preferences.h"

#include <future>
#include <regex>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

std::string submit_directly(AppTestContext& t) {
    api::NewApplication a;
    a.service_id = online_service;
    a.form_json = R"({"applicant_name":"张明","resident_id":"11010519491231002X",)"
                  R"("phone":"13800000000","address":"翠苑三区12幢","delivery":"pickup"})";
    std::promise<Result<api::Application>> answer;
    t.client->submit_application(a, [&](Result<api::Application> r) { answer.set_value(r); });
    auto r = answer.get_future().get();
    REQUIRE(r.ok());
    return r->id;
}

} // namespace

TEST_CASE("a status change is notified exactly once, also across a restart", "[app][ui-logic]") {
    // The platform's clock is the test's: under review 2 h after submission, decided after 26 h.
    MovableClock platform_clock;
    AppTestContext::Options options;
    options.server.clock = platform_clock.function();
    AppTestContext t(options);
    t.sign_in();
    const std::string id = submit_directly(t);

    {
        FakeApplicationsView view;
        ApplicationsPresenter p(*t.context, view);
        p.start();
        REQUIRE(t.ui.run_until([&] { return view.lists_shown == 1; }));
        REQUIRE(view.rows.size() == 1);
        CHECK(view.rows[0].id == id);
        // Shown grouped, as a citizen reads it aloud: "A 3F9C 01B2 D4E6".
        CHECK(view.rows[0].number == readable_reference(id));
        // (The letter prefix takes the random part's leading letters too: "AB 3F9C 01B2 D4E".)
        CHECK(std::regex_match(view.rows[0].number, std::regex(R"(A[A-F]*( [0-9A-F]{1,4})+)")));
        CHECK(view.rows[0].status == "accepted");
        CHECK(view.rows[0].status_words.id == "Accepted");
        // Times as the citizen's clock reads them, not the platform's UTC stamps.
        const std::regex local_minute(R"(\d{4}-\d\d-\d\d \d\d:\d\d)");
        CHECK(std::regex_match(view.rows[0].submitted_at, local_minute));
        CHECK(std::regex_match(view.rows[0].updated_at, local_minute));
        CHECK(t.notifier.sent().empty()); // first sight: nothing to tell

        p.select(0);
        CHECK(view.timeline_id == id);
        REQUIRE(view.timeline.size() == 1);
        CHECK(view.next.id == "Next step expected by {0}");
        CHECK(std::regex_match(view.timeline[0].at, local_minute));
        CHECK(std::regex_match(view.next.args.at(0), local_minute));

        platform_clock.advance(std::chrono::hours(2) + std::chrono::minutes(36));
        p.on_poll_timer();
        p.on_poll_timer(); // a poll while one is under way is skipped, never overlapped
        CHECK(p.fetches() == 2);
        REQUIRE(t.ui.run_until([&] { return view.lists_shown == 2; }));
        CHECK(view.rows[0].status == "under_review");
        REQUIRE(view.timeline.size() == 2); // the selected timeline follows
        CHECK(view.timeline[1].status_words.id == "Under review");

        p.on_focus(); // just fetched: focusing the window again does not fetch
        CHECK(p.fetches() == 2);
        p.on_shown();
        REQUIRE(t.ui.run_until([&] { return view.lists_shown == 3; }));
        CHECK(view.rows[0].status == "under_review");
        t.ui.drain();
    }
    auto sent = t.notifier.sent();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first.id == "Application status changed");
    CHECK(sent[0].second.id == "Your application for {0} is being reviewed.");
    CHECK_FALSE(sent[0].second.args.at(0).empty());

    auto kept = t.vault->run_and_wait(
        [](store::Vault& v) { return *store::Preferences(v).get(last_status_preference); });
    REQUIRE(kept);
    CHECK(kept->find("under_review") != std::string::npos);

    // The app restarts: the statuses seen are read back, so nothing is told twice.
    FakeApplicationsView view;
    ApplicationsPresenter again(*t.context, view);
    again.start();
    REQUIRE(t.ui.run_until([&] { return view.lists_shown == 1; }));
    CHECK(view.rows[0].status == "under_review");
    CHECK(t.notifier.sent().size() == 1);
}

TEST_CASE("signed out, My applications asks the citizen to sign in", "[app][ui-logic]") {
    AppTestContext t;
    FakeApplicationsView view;
    ApplicationsPresenter p(*t.context, view);
    p.start();
    t.ui.drain();
    CHECK(p.fetches() == 0);
    CHECK(view.note.id == "Sign in to see your applications.");
}
