// Offline forms are complete (issue 11): a service's guide, with its application form schema,
// is kept in the vault the way Open311 definitions are (ETag and body keyed by URL). Fetched
// once online, the form opens with its required fields and checks them when the platform
// cannot be reached, and the application waits in the outbox; online, the kept copy is
// revalidated with If-None-Match and the platform's 304 is seen on the server's side.
#include "catch.hpp"

#include "app/kept_service_guide.h"
#include "app/service_guide_presenter.h"
#include "application_test_support.h"
#include "payment_fixture.h"
#include "store/catalog_cache.h"
#include "store/outbox.h"

#include <boost/json.hpp>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

// The reference platform with its fault control on, the demo citizen signed in.
struct OfflineBench {
    AppTestContext t{with_faults()};
    OfflineBench() { t.sign_in(); }
    ~OfflineBench() {
        t.ui.drain();
        t.http->cancel_all();
    }

    httplib::Client control() const {
        httplib::Client c("127.0.0.1", t.server.port());
        c.set_read_timeout(10, 0);
        return c;
    }
    // Every platform call is cut off before any byte comes back, as when the network is down.
    void unreachable() const {
        const boost::json::array rules{
            boost::json::object{{"path_prefix", "/v1/"}, {"fault", "drop"}}};
        auto res = control().Post(
            "/_faults", boost::json::serialize(boost::json::object{{"seed", 1}, {"rules", rules}}),
            "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    }
    void reachable() const { control().Delete("/_faults"); }
    boost::json::object snapshot() const {
        auto res = control().Get("/_faults");
        REQUIRE(res);
        return boost::json::parse(res->body).as_object();
    }
    static int count(const boost::json::object& snap, const char* map, const std::string& key) {
        const auto* v = snap.at(map).as_object().if_contains(key);
        return v ? static_cast<int>(v->as_int64()) : 0;
    }

    std::string guide_url() const { return t.client->service_guide_url(online_service); }
    std::optional<std::string> kept_etag() {
        const auto url = guide_url();
        return t.vault->run_and_wait(
            [url](store::Vault& v) { return store::VaultEtagStore(v).etag_for(url); });
    }
    std::int64_t outbox_count() {
        return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).count(); });
    }
    std::size_t platform_applications() {
        auto r = wait_for<std::vector<api::Application>>(
            [&](auto done) { t.client->applications(done); });
        REQUIRE(r.ok());
        return r->size();
    }

    // Opens the form and waits until it is shown or has said why not.
    void open(ApplicationFormPresenter& p, FakeFormView& view) {
        p.start();
        REQUIRE(t.ui.run_until([&] { return p.loaded() || !view.note.empty(); }));
    }
};

const FormFieldRow* row_named(const std::vector<FormFieldRow>& rows, const std::string& name) {
    for (const auto& r : rows) {
        if (r.name == name) {
            return &r;
        }
    }
    return nullptr;
}

struct GuideRecorder : ServiceGuideView {
    std::optional<GuideModel> guide;
    Message error;
    void show_busy(bool) override {}
    void show_guide(const GuideModel& g) override { guide = g; }
    void show_checklist(const std::vector<ChecklistItem>&) override {}
    void show_favourite(bool) override {}
    void show_error(const Message& m) override { error = m; }
    void apply_online(const std::string&) override {}
    void book(const std::string&, const std::string&) override {}
};

} // namespace

TEST_CASE("offline, the application form comes from the guide kept in the vault: its required "
          "fields are shown and checked, and the application waits in the outbox",
          "[app][ui-logic]") {
    OfflineBench b;
    {
        FakeFormView online;
        ApplicationFormPresenter p(*b.t.context, online, online_service);
        b.open(p, online);
        REQUIRE(p.loaded());
        CHECK_FALSE(p.from_kept_copy());
        CHECK(online.note.empty());
    }
    REQUIRE(b.kept_etag().has_value()); // kept with its ETag
    CHECK_FALSE(b.kept_etag()->empty());

    b.unreachable();
    FakeFormView view;
    ApplicationFormPresenter p(*b.t.context, view, online_service);
    b.open(p, view);
    INFO(view.note.id);
    REQUIRE(p.loaded());
    CHECK(p.from_kept_copy());
    const auto* name = row_named(view.fields, "applicant_name");
    REQUIRE(name != nullptr);
    CHECK(name->required);
    const auto* delivery = row_named(view.fields, "delivery");
    REQUIRE(delivery != nullptr);
    CHECK(delivery->options.size() == 2);
    CHECK(view.note.id ==
          "The platform cannot be reached. This form is the copy kept on this computer on {0}; "
          "your application will be sent when the platform can be reached.");
    REQUIRE(view.note.args.size() == 1);
    CHECK(view.note.args[0].size() == 16); // "2026-12-03 21:40", the citizen's clock
    CHECK(view.note.args[0].find('T') == std::string::npos);

    // The required fields are checked offline, as online.
    p.submit();
    CHECK(view.note.id == "Some fields need your attention.");
    REQUIRE(p.problems().count("applicant_name") == 1);
    CHECK(p.problems().at("applicant_name").id == "This field is required.");
    CHECK(b.outbox_count() == 0);

    fill_valid_form(p);
    CHECK(p.problems().empty());
    p.submit();
    REQUIRE(b.t.ui.run_until([&] { return view.submitted.has_value(); }));
    CHECK(view.submitted->id ==
          "The platform cannot be reached. Your application is saved and will be sent when it "
          "can.");
    REQUIRE(b.t.ui.run_until([&] { return !b.t.outbox->flushing(); }));
    b.t.ui.drain();
    CHECK(b.outbox_count() == 1);

    // Back online, after the outbox's backoff: the application is filed, once.
    b.reachable();
    b.t.context->now = [] {
        return std::chrono::system_clock::now() + std::chrono::hours(1);
    };
    b.t.data.set_connection(ConnectionState::online);
    REQUIRE(b.t.ui.run_until([&] { return b.outbox_count() == 0; }));
    CHECK(b.platform_applications() == 1);
}

TEST_CASE("the kept guide is revalidated with If-None-Match: a 304 shows it, a new answer "
          "replaces it",
          "[app][ui-logic]") {
    OfflineBench b;
    const std::string path = std::string("GET /v1/services/") + online_service;
    {
        FakeFormView first;
        ApplicationFormPresenter p(*b.t.context, first, online_service);
        b.open(p, first);
        REQUIRE(p.loaded());
    }
    const auto etag = b.kept_etag();
    REQUIRE(etag.has_value());
    CHECK(OfflineBench::count(b.snapshot(), "not_modified", path) == 0);

    FakeFormView second;
    ApplicationFormPresenter p(*b.t.context, second, online_service);
    b.open(p, second);
    REQUIRE(p.loaded());
    CHECK_FALSE(p.from_kept_copy()); // confirmed by the platform: no "kept copy" note
    CHECK(second.note.empty());
    CHECK(row_named(second.fields, "applicant_name") != nullptr);
    auto snap = b.snapshot();
    CHECK(OfflineBench::count(snap, "counters", path) == 2);
    CHECK(OfflineBench::count(snap, "not_modified", path) == 1); // asked with its ETag: 304

    // A copy whose ETag the platform no longer knows is replaced by the platform's answer.
    const auto url = b.guide_url();
    REQUIRE(b.t.vault->run_and_wait([url](store::Vault& v) {
        store::VaultEtagStore cache(v);
        return cache.store_etag(url, "\"an-older-guide\"", *cache.body_for(url)).ok();
    }));
    FakeFormView third;
    ApplicationFormPresenter again(*b.t.context, third, online_service);
    b.open(again, third);
    REQUIRE(again.loaded());
    snap = b.snapshot();
    CHECK(OfflineBench::count(snap, "counters", path) == 3);
    CHECK(OfflineBench::count(snap, "not_modified", path) == 1);
    b.t.ui.drain();
    CHECK(b.kept_etag() == etag);
}

TEST_CASE("offline, a guide opened before is shown from the vault with the date of its copy, "
          "so Apply online is still there",
          "[app][ui-logic]") {
    OfflineBench b;
    {
        GuideRecorder online;
        ServiceGuidePresenter p(*b.t.context, online);
        p.start(online_service);
        REQUIRE(b.t.ui.run_until([&] { return p.loaded(); }));
        CHECK(online.guide->kept_note.empty());
    }
    b.unreachable();
    GuideRecorder view;
    ServiceGuidePresenter p(*b.t.context, view);
    p.start(online_service);
    REQUIRE(b.t.ui.run_until([&] { return p.loaded() || !view.error.empty(); }));
    INFO(view.error.id);
    REQUIRE(p.loaded());
    CHECK(view.guide->online);
    CHECK_FALSE(view.guide->documents.empty());
    CHECK(view.guide->kept_note.id ==
          "The platform cannot be reached. This guide is the copy kept on this computer on {0}.");
    CHECK(view.guide->link == b.t.client->service_page_url(online_service)); // even offline
}

TEST_CASE("offline, a form never fetched says it cannot be shown", "[app][ui-logic]") {
    OfflineBench b;
    b.unreachable();
    FakeFormView view;
    ApplicationFormPresenter p(*b.t.context, view, online_service);
    b.open(p, view);
    CHECK_FALSE(p.loaded());
    CHECK(view.note.id == "The platform cannot be reached, so the form cannot be shown. Try again "
                          "when you are online.");
}
