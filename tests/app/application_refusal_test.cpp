// An application the platform refused for good (here: queued with a form the platform's rules
// no longer accept) is shown in My applications as refused with the platform's reason, also
// after a restart; it is never sent again as it is; "Edit and send again" opens its form filled
// in, and the corrected application takes its place; Discard removes it only after asking.
#include "application_test_support.h"
#include "catch.hpp"
#include "store/outbox.h"

#include <future>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

// Queued as an older form would have been: without the phone number, which is required.
std::int64_t queue_incomplete(AppTestContext& t) {
    const std::string payload =
        R"({"service_id":"G0002","service_name":"Test service","form":{"applicant_name":"张明",)"
        R"("resident_id":"11010519491231002X","address":"翠苑三区12幢","delivery":"pickup"},)"
        R"("idempotency_key":"cdapp-refusal-test-1"})";
    return t.vault->run_and_wait([&](store::Vault& v) {
        return *store::Outbox(v).enqueue(application_outbox_kind, payload, {}, t.context->now());
    });
}

std::vector<store::OutboxItem> items(AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).all(); });
}

std::size_t platform_count(AppTestContext& t) {
    std::promise<Result<std::vector<api::Application>>> answer;
    t.client->applications(
        [&](Result<std::vector<api::Application>> r) { answer.set_value(std::move(r)); });
    auto r = answer.get_future().get();
    REQUIRE(r.ok());
    return r->size();
}

void refused_by_platform(AppTestContext& t, ApplicationsPresenter& p, FakeApplicationsView& view) {
    queue_incomplete(t);
    p.start();
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !items(t).empty() && items(t)[0].refused(); }));
    REQUIRE(t.ui.run_until([&] { return !view.rows.empty() && view.rows[0].refused; }));
}

} // namespace

TEST_CASE("an application refused for good is shown with the platform's reason, survives a "
          "restart and is replaced when edited and sent again",
          "[app][ui-logic][outbox]") {
    AppTestContext t;
    t.sign_in();
    {
        FakeApplicationsView view;
        ApplicationsPresenter p(*t.context, view);
        refused_by_platform(t, p, view);
        CHECK(view.rows[0].status_words.id == "Refused by the platform");
        CHECK(view.rows[0].service == "Test service");
        CHECK(view.rows[0].reason.id == "The platform did not accept the application: {0}");
        REQUIRE(view.rows[0].reason.args.size() == 1);
        CHECK(view.rows[0].reason.args[0].find("phone") != std::string::npos);
        CHECK(view.note.id.find("refused") != std::string::npos);
        t.ui.drain();
    }
    // A restart: the vault locked and opened again, a new screen.
    bool locked = false;
    t.vault->lock([&] { locked = true; });
    REQUIRE(t.ui.run_until([&] { return locked; }));
    bool unlocked = false;
    t.vault->unlock(store::SecretBytes("correct horse battery staple 42"),
                    [&](Status s) { unlocked = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return unlocked; }));
    t.context->now = [] {
        return std::chrono::system_clock::now() + std::chrono::hours(24 * 30);
    };
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    CHECK(items(t).at(0).attempts == 1); // never sent again as it is
    CHECK(platform_count(t) == 0);

    FakeApplicationsView view;
    ApplicationsPresenter p(*t.context, view);
    p.start();
    REQUIRE(t.ui.run_until([&] { return !view.rows.empty() && view.rows[0].refused; }));
    const std::int64_t refused_id = view.rows[0].outbox_id;

    p.edit_and_send_again(refused_id);
    REQUIRE(view.edited.has_value());
    CHECK(application_service_of(*view.edited) == online_service);
    FakeFormView form_view;
    ApplicationFormPresenter form(*t.context, form_view, online_service);
    form.resume(*view.edited);
    form.start();
    REQUIRE(t.ui.run_until([&] { return form.loaded(); }));
    t.ui.drain();
    CHECK(form_view.shown_values["applicant_name"] == "张明");
    CHECK(form_view.note.id == "The platform did not accept the application: {0}");
    CHECK_FALSE(form_view.problems["phone"].empty()); // what the platform wanted, shown
    form.set_value("phone", "13800000000");
    form.submit();
    REQUIRE(t.ui.run_until([&] { return form_view.submitted.has_value(); }));
    CHECK(form_view.submitted->id == "Your application was submitted. Its number is {0}.");
    REQUIRE(t.ui.run_until([&] { return items(t).empty(); }));
    CHECK(platform_count(t) == 1);
}

TEST_CASE("a refused application goes only after the citizen agreed to discard it",
          "[app][ui-logic][outbox]") {
    AppTestContext t;
    t.sign_in();
    FakeApplicationsView view;
    ApplicationsPresenter p(*t.context, view);
    refused_by_platform(t, p, view);
    const std::int64_t id = view.rows[0].outbox_id;

    view.answer = false;
    p.discard(id);
    t.ui.drain();
    CHECK(view.asked == 1);
    CHECK(items(t).size() == 1);

    view.answer = true;
    p.discard(id);
    CHECK(view.asked == 2);
    REQUIRE(t.ui.run_until([&] { return items(t).empty(); }));
    REQUIRE(t.ui.run_until([&] { return view.rows.empty() || !view.rows[0].refused; }));
}
