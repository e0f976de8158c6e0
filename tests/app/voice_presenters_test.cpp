// My Voice presenters against the loopback reference platform's Open311 endpoint: report
// validation, the outbox while offline and delivery when back, a report surviving the
// presenters and the outbox being recreated, the reply timeline and its one notification, the
// anonymous flag in the public feed, and the custom endpoint settings (api_key never logged).
#include "app/my_reports_presenter.h"
#include "app/open311_settings.h"
#include "app/public_feed_presenter.h"
#include "app/report_presenter.h"
#include "app/voice_reports.h"
#include "catch.hpp"
#include "comma_locale.h"
#include "diag/log.h"
#include "life_test_support.h"
#include "movable_clock.h"
#include "store/outbox.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>

using namespace cd;
using namespace std::chrono_literals;

namespace {

struct FakeReportView : app::ReportView {
    std::vector<api::open311::Service> services;
    std::vector<api::open311::Attribute> attributes;
    std::vector<std::string> photos;
    std::vector<app::ReportProblem> problems;
    Message note;
    Message counter;
    bool too_long = false;
    int cleared = 0;
    bool busy = false;
    void show_categories(const std::vector<api::open311::Service>& s) override { services = s; }
    void show_attributes(const std::vector<api::open311::Attribute>& a) override { attributes = a; }
    void show_districts(const std::vector<std::string>&) override {}
    void show_counter(const Message& c, bool over) override {
        counter = c;
        too_long = over;
    }
    void show_photos(const std::vector<std::string>& p) override { photos = p; }
    void show_problems(const std::vector<app::ReportProblem>& p) override { problems = p; }
    void show_busy(bool b) override { busy = b; }
    void show_note(const Message& n) override { note = n; }
    void clear_form() override { ++cleared; }
    void show_draft(const app::ReportDraft&) override {}
};

struct FakeMyReportsView : app::MyReportsView {
    std::vector<app::MyReport> reports;
    Message note;
    void show_reports(const std::vector<app::MyReport>& r) override { reports = r; }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    bool confirm_discard(const Message&) override { return false; }
    void edit_report(const store::OutboxItem&) override {}
};

struct FakeFeedView : app::PublicFeedView {
    std::vector<std::string> categories, districts;
    std::vector<app::FeedItem> items;
    int item_updates = 0;
    std::optional<app::FeedItem> opened;
    std::vector<app::TimelineEntry> exchange;
    void show_filters(const std::vector<std::string>& c,
                      const std::vector<std::string>& d) override {
        categories = c;
        districts = d;
    }
    void show_items(const std::vector<app::FeedItem>& i) override {
        items = i;
        ++item_updates;
    }
    void show_exchange(const app::FeedItem& item,
                       const std::vector<app::TimelineEntry>& timeline) override {
        opened = item;
        exchange = timeline;
    }
    void show_busy(bool) override {}
    void show_note(const Message&) override {}
};

struct FakeSettingsView : app::Open311SettingsView {
    std::optional<app::Open311Settings> shown;
    bool has_key = false;
    Message problem;
    int saves = 0;
    void show_settings(const app::Open311Settings& s, bool key, const std::string&) override {
        shown = s;
        has_key = key;
    }
    void show_problem(const Message& p) override { problem = p; }
    void saved() override { ++saves; }
};

// A platform that can be "down" (nothing listens) and come back.
class SwitchablePlatform final : public app::PlatformAccess {
public:
    SwitchablePlatform(test::AppTestContext& t)
        : live_(t.client), dead_(std::make_shared<api::PlatformClient>(
                               t.http, api::PlatformConfig{"http://127.0.0.1:9", {}})) {}
    void acquire(std::function<void(Result<Client>)> use) override { use(up ? live_ : dead_); }
    std::atomic<bool> up{false};

private:
    Client live_, dead_;
};

app::ReportDraft draft_102(const std::string& text) {
    app::ReportDraft d;
    d.service_code = "102"; // streetlight out: no required attributes
    d.description = text;
    d.address = "文三路 88号 Wensan Road 88";
    return d;
}

std::int64_t outbox_count(test::AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).count(); });
}

std::vector<app::MyReportEntry> my_entries(test::AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *app::load_my_reports(v); });
}

bool has_problem(const std::vector<app::ReportProblem>& problems, const std::string& field) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const auto& p) { return p.field == field; });
}

void later(test::AppTestContext& t) {
    // Past any retry backoff of the outbox.
    t.context->now = [] {
        return std::chrono::system_clock::now() + 3h;
    };
}

} // namespace

TEST_CASE("a report is validated: 4,000 characters and the required attributes",
          "[app][ui-logic][voice]") {
    std::string at_limit;
    for (int i = 0; i < 4000; ++i) {
        at_limit += "字"; // 3 bytes each: the limit is in characters
    }
    auto ok = draft_102(at_limit);
    CHECK(app::validate_report(ok, {}).empty());
    auto over = draft_102(at_limit + "a");
    auto problems = app::validate_report(over, {});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "description");
    CHECK(problems[0].message.args == std::vector<std::string>{"4001"});

    auto nowhere = draft_102("路灯不亮");
    nowhere.address.clear();
    CHECK(has_problem(app::validate_report(nowhere, {}), "place"));
    nowhere.latitude = "30.27";
    nowhere.longitude = "200";
    CHECK(has_problem(app::validate_report(nowhere, {}), "coordinates"));
    nowhere.longitude = "120.15";
    CHECK(app::validate_report(nowhere, {}).empty());

    // The pothole's definition from the server: "size" is a required single-value list.
    test::AppTestContext t;
    test::load_city(t);
    FakeReportView view;
    app::ReportPresenter presenter(*t.context, view);
    presenter.start();
    REQUIRE(t.ui.run_until([&] { return !view.services.empty(); }));
    presenter.description_changed(at_limit + "ab");
    CHECK(view.too_long);
    CHECK(view.counter.args == std::vector<std::string>{"4002"});
    const auto pothole = std::find_if(view.services.begin(), view.services.end(),
                                      [](const auto& s) { return s.code == "101"; });
    REQUIRE(pothole != view.services.end());
    presenter.choose_category(static_cast<std::size_t>(pothole - view.services.begin()));
    REQUIRE(t.ui.run_until([&] { return !view.attributes.empty(); }));

    app::ReportDraft draft = draft_102("路口有个大坑");
    draft.service_code = "101";
    presenter.send(draft);
    t.ui.drain();
    CHECK(has_problem(view.problems, "size"));
    CHECK(view.cleared == 0);
    CHECK(outbox_count(t) == 0);

    draft.attributes["size"] = {"gigantic"};
    presenter.send(draft);
    t.ui.drain();
    CHECK(has_problem(view.problems, "size")); // not one of the listed values

    draft.attributes["size"] = {"large"};
    presenter.send(draft);
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    CHECK(view.problems.empty());
    // Delivered, with the attribute the server requires.
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0 && !my_entries(t)[0].waiting(); }));
}

TEST_CASE("typed coordinates are read with a point under de_DE", "[app][ui-logic][voice]") {
    test::CommaDecimalLocale comma;
    auto here = draft_102("路灯不亮");
    here.address.clear();
    here.latitude = "30.27";
    here.longitude = " 120.15 ";
    CHECK(app::validate_report(here, {}).empty());
    here.latitude = "30,27"; // what the locale would write: not what travels
    CHECK(has_problem(app::validate_report(here, {}), "coordinates"));
}

TEST_CASE("offline, a report waits in the outbox and leaves when the platform is back",
          "[app][ui-logic][voice]") {
    test::AppTestContext t;
    SwitchablePlatform platform(t);
    app::AppContext context{t.ui,     t.worker, platform,   *t.vault,
                            t.events, t.data,   t.notifier, *t.outbox};
    FakeReportView view;
    app::ReportPresenter presenter(context, view);
    FakeMyReportsView mine_view;
    app::MyReportsPresenter mine(context, mine_view);

    presenter.send(draft_102("小区门口路灯一直不亮。"));
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    CHECK(outbox_count(t) == 1);
    // The first try fails: the note says it waits.
    REQUIRE(t.ui.run_until(
        [&] { return view.note.id.find("waiting to be sent") != std::string::npos; }));
    CHECK(outbox_count(t) == 1);

    mine.poll();
    REQUIRE(t.ui.run_until([&] { return !mine.loading(); }));
    REQUIRE(mine_view.reports.size() == 1);
    CHECK(mine_view.reports[0].waiting);
    CHECK(mine_view.reports[0].state.id == "Waiting to send");
    CHECK(mine_view.reports[0].description == "小区门口路灯一直不亮。");

    platform.up = true;
    later(t);
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    REQUIRE(t.ui.run_until([&] {
        return !mine.loading() && mine_view.reports.size() == 1 && !mine_view.reports[0].waiting &&
               mine_view.reports[0].state.id == "Open";
    }));
    CHECK(mine_view.reports[0].description == "小区门口路灯一直不亮。");
    CHECK(view.note.id.find("delivered") != std::string::npos);
    const auto entries = my_entries(t);
    REQUIRE(entries.size() == 1);
    CHECK(std::stoll(entries[0].reference) > 100000);
}

TEST_CASE("a queued report survives the presenters, the outbox and a vault lock",
          "[app][ui-logic][voice]") {
    test::AppTestContext t;
    SwitchablePlatform platform(t);
    {
        app::OutboxSender sender(t.ui, *t.vault, t.events,
                                 [] { return std::chrono::system_clock::now(); });
        app::AppContext context{t.ui,     t.worker, platform,   *t.vault,
                                t.events, t.data,   t.notifier, sender};
        FakeReportView view;
        app::ReportPresenter presenter(context, view);
        presenter.send(draft_102("河边有污水直接排入河道。"));
        REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
        REQUIRE(t.ui.run_until([&] { return !sender.flushing(); }));
        t.ui.drain();
    }
    bool locked = false;
    t.vault->lock([&] { locked = true; });
    REQUIRE(t.ui.run_until([&] { return locked; }));
    bool unlocked = false;
    t.vault->unlock(store::SecretBytes("correct horse battery staple 42"),
                    [&](Status s) { unlocked = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return unlocked; }));
    CHECK(outbox_count(t) == 1);

    platform.up = true;
    app::OutboxSender sender(t.ui, *t.vault, t.events,
                             [] { return std::chrono::system_clock::now() + 3h; });
    app::AppContext context{t.ui,     t.worker, platform,   *t.vault,
                            t.events, t.data,   t.notifier, sender};
    FakeReportView view;
    app::ReportPresenter presenter(context, view);
    sender.flush();
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    const auto entries = my_entries(t);
    REQUIRE(entries.size() == 1);
    REQUIRE_FALSE(entries[0].waiting());
    // The city has it.
    std::promise<Result<api::open311::ServiceRequest>> answer;
    api::open311::Open311Config config;
    config.endpoint = t.server.base_url() + "/open311/v2";
    api::open311::Open311Client city(t.http, config);
    city.request(entries[0].reference,
                 [&](Result<api::open311::ServiceRequest> r) { answer.set_value(std::move(r)); });
    auto request = answer.get_future().get();
    REQUIRE(request.ok());
    CHECK(app::without_client_reference(request->description) == "河边有污水直接排入河道。");
    CHECK_FALSE(app::client_reference_in(request->description).empty());
}

TEST_CASE("a reply from the city updates the timeline and notifies once",
          "[app][ui-logic][voice]") {
    test::MovableClock platform_clock; // the platform reads it: replies come when the test says
    test::AppTestContext::Options options;
    options.server.clock = platform_clock.function();
    test::AppTestContext t(options);
    test::load_city(t);
    FakeReportView view;
    app::ReportPresenter presenter(*t.context, view);
    FakeMyReportsView mine_view;
    app::MyReportsPresenter mine(*t.context, mine_view);

    presenter.send(draft_102("路灯一闪一闪的。"));
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    REQUIRE(t.ui.run_until([&] { return !my_entries(t)[0].waiting(); }));

    // The first reply comes 1 virtual hour after the report, the second after 6.
    platform_clock.advance(std::chrono::hours(2));
    mine.poll();
    REQUIRE(t.ui.run_until([&] { return !mine.loading(); }));
    REQUIRE(mine_view.reports.size() == 1);
    REQUIRE(mine_view.reports[0].timeline.size() == 1);
    CHECK(mine_view.reports[0].timeline[0].text.find("Received") != std::string::npos);
    REQUIRE(t.notifier.sent().size() == 1);
    CHECK(t.notifier.sent()[0].first.id == "The city replied to your report");

    mine.poll(); // nothing new
    REQUIRE(t.ui.run_until([&] { return !mine.loading(); }));
    CHECK(mine_view.reports[0].timeline.size() == 1);
    CHECK(t.notifier.sent().size() == 1);

    // What was seen is kept in the vault: a new screen does not notify again.
    FakeMyReportsView again_view;
    app::MyReportsPresenter again(*t.context, again_view);
    again.poll();
    REQUIRE(t.ui.run_until([&] { return !again.loading() && !again_view.reports.empty(); }));
    CHECK(again_view.reports[0].timeline.size() == 1);
    CHECK(t.notifier.sent().size() == 1);
}

TEST_CASE("the public feed shows a name only on the citizen's own non-anonymous reports",
          "[app][ui-logic][voice]") {
    test::AppTestContext t;
    test::load_city(t);
    api::Profile profile;
    profile.name = {"张明", "Zhang Ming"};
    t.data.set_signed_in(profile);
    FakeReportView view;
    app::ReportPresenter presenter(*t.context, view);

    auto anonymous = draft_102("匿名：路灯不亮");
    anonymous.anonymous = true;
    presenter.send(anonymous);
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    auto named = draft_102("实名：路灯不亮");
    named.anonymous = false;
    presenter.send(named);
    REQUIRE(t.ui.run_until([&] { return view.cleared == 2; }));
    REQUIRE(t.ui.run_until([&] {
        auto e = my_entries(t);
        return outbox_count(t) == 0 && e.size() == 2 && !e[0].waiting() && !e[1].waiting();
    }));

    FakeFeedView feed_view;
    app::PublicFeedPresenter feed(*t.context, feed_view);
    feed.start();
    REQUIRE(t.ui.run_until([&] { return feed_view.item_updates > 0; }));
    auto find = [&](const std::string& text) {
        return std::find_if(feed_view.items.begin(), feed_view.items.end(),
                            [&](const auto& i) { return i.description == text; });
    };
    REQUIRE(find("匿名：路灯不亮") != feed_view.items.end());
    REQUIRE(find("实名：路灯不亮") != feed_view.items.end());
    CHECK(find("匿名：路灯不亮")->mine);
    CHECK(find("匿名：路灯不亮")->author.empty());
    CHECK(find("实名：路灯不亮")->author == "Zhang Ming");
    const auto others = std::count_if(feed_view.items.begin(), feed_view.items.end(),
                                      [](const auto& i) { return !i.mine; });
    CHECK(others > 10); // the seeded city reports
    CHECK(std::all_of(feed_view.items.begin(), feed_view.items.end(),
                      [](const auto& i) { return i.mine || i.author.empty(); }));

    // Filters: category "102" keeps only streetlights; a district keeps only its addresses.
    REQUIRE(t.ui.run_until([&] { return !feed_view.categories.empty(); }));
    feed.choose_category(0);
    const auto all = feed_view.items.size();
    for (std::size_t i = 0; i < feed_view.categories.size(); ++i) {
        if (feed_view.categories[i].find("Streetlight") != std::string::npos) {
            feed.choose_category(i + 1);
        }
    }
    REQUIRE_FALSE(feed_view.items.empty());
    CHECK(feed_view.items.size() < all);
    CHECK(std::all_of(feed_view.items.begin(), feed_view.items.end(),
                      [](const auto& i) { return i.service_code == "102"; }));
    feed.choose_category(0);
    feed.choose_district(1);
    const auto& district = t.data.city()->districts[0];
    CHECK(feed_view.items.size() < all);
    CHECK(std::all_of(feed_view.items.begin(), feed_view.items.end(), [&](const auto& i) {
        return i.address.find(district.name.zh) != std::string::npos;
    }));

    // Opening one shows its exchange.
    feed.choose_district(0);
    feed.open(feed_view.items.size() - 1); // the oldest: the city has answered it
    REQUIRE(t.ui.run_until([&] { return !feed_view.exchange.empty(); }));
    CHECK(feed_view.opened->id == feed_view.items.back().id);

    auto hotline = app::city_hotline(t.data, true);
    REQUIRE(hotline);
    CHECK(hotline->number == "12345");
    CHECK(hotline->name == "市民服务热线");
}

TEST_CASE("a custom Open311 endpoint is kept in the vault and its api_key never logged",
          "[app][ui-logic][voice]") {
    const std::string secret = "sekrit-KEY-4711";
    test::AppTestContext t;
    struct Sink : diag::Sink {
        std::mutex mutex;
        std::string text;
        void write(const diag::Record&, std::string_view line) override {
            std::lock_guard lock(mutex);
            text += std::string(line) + "\n";
        }
    };
    auto sink = std::make_shared<Sink>();
    const auto saved_level = diag::level();
    diag::set_level(diag::Level::trace);
    diag::add_sink(sink);

    FakeSettingsView settings_view;
    {
        app::Open311SettingsPresenter settings(*t.context, settings_view);
        settings.start();
        REQUIRE(t.ui.run_until([&] { return settings_view.shown.has_value(); }));
        CHECK_FALSE(settings_view.shown->custom);
        settings.save(true, "ftp://nowhere", "", secret);
        CHECK_FALSE(settings_view.problem.empty());
        settings.save(true, t.server.base_url() + "/open311/v2", "test.example", secret);
        REQUIRE(t.ui.run_until([&] { return settings_view.saves == 1; }));
    }
    auto stored =
        t.vault->run_and_wait([](store::Vault& v) { return *app::load_open311_settings(v); });
    CHECK(stored.custom);
    CHECK(stored.api_key == secret);
    CHECK(stored.jurisdiction_id == "test.example");

    FakeSettingsView reopened;
    app::Open311SettingsPresenter settings(*t.context, reopened);
    settings.start();
    REQUIRE(t.ui.run_until([&] { return reopened.shown.has_value(); }));
    CHECK(reopened.shown->custom);
    CHECK(reopened.shown->endpoint == t.server.base_url() + "/open311/v2");
    CHECK(reopened.shown->api_key.empty()); // never shown back
    CHECK(reopened.has_key);
    // Saving again without a key keeps the stored one.
    settings.save(true, t.server.base_url() + "/open311/v2", "test.example", "");
    REQUIRE(t.ui.run_until([&] { return reopened.saves == 1; }));
    CHECK(t.vault->run_and_wait(
              [](store::Vault& v) { return app::load_open311_settings(v)->api_key; }) == secret);

    // A report goes to the custom endpoint (no city profile loaded: nothing else to use).
    FakeReportView view;
    app::ReportPresenter presenter(*t.context, view);
    presenter.send(draft_102("自定义端点的报告"));
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    REQUIRE(t.ui.run_until([&] { return !my_entries(t)[0].waiting(); }));

    diag::flush();
    diag::remove_sink(sink);
    diag::set_level(saved_level);
    CHECK(sink->text.find("requests.json") != std::string::npos); // the log did see the POST
    CHECK(sink->text.find(secret) == std::string::npos);
}

TEST_CASE("a report with a photo and 4,000 Chinese characters reaches the city",
          "[app][ui-logic][voice]") {
    test::AppTestContext t;
    test::load_city(t);
    const auto photo = (t.dir.path() / "lamp.png").string();
    const auto not_a_photo = (t.dir.path() / "notes.png").string();
    {
        std::ofstream png(photo, std::ios::binary);
        png << "\x89PNG\r\n\x1a\n" << std::string(2000, 'x');
        std::ofstream text(not_a_photo, std::ios::binary);
        text << "just some text";
    }
    FakeReportView view;
    app::ReportPresenter presenter(*t.context, view);
    presenter.add_photo(not_a_photo);
    t.ui.drain();
    CHECK(has_problem(view.problems, "photos"));
    CHECK(presenter.photos().empty());
    presenter.add_photo(photo);
    REQUIRE(t.ui.run_until([&] { return view.photos.size() == 1; }));

    std::string text;
    for (int i = 0; i < 4000; ++i) {
        text += "灯";
    }
    presenter.send(draft_102(text));
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    CHECK(view.photos.empty());
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    const auto entries = my_entries(t);
    REQUIRE(entries.size() == 1);
    REQUIRE_FALSE(entries[0].waiting());

    std::promise<Result<api::open311::ServiceRequest>> answer;
    api::open311::Open311Config config;
    config.endpoint = t.server.base_url() + "/open311/v2";
    api::open311::Open311Client city(t.http, config);
    city.request(entries[0].reference,
                 [&](Result<api::open311::ServiceRequest> r) { answer.set_value(std::move(r)); });
    auto request = answer.get_future().get();
    REQUIRE(request.ok());
    CHECK(request->description == text);
    CHECK(request->media_url.find("lamp.png") != std::string::npos); // sent as multipart
}
