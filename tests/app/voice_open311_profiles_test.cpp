// My Voice presenters (report, My reports, public feed) against every city profile of the
// reference server's Open311 endpoint (server/open311_profiles.h), and the defects real
// GeoReport v2 servers brought out: updates unsupported, the endpoint changed, a refusal in
// the city's words, service_notice, one photo only, records without service fields, times
// with offsets, attribute keys as objects.
#include "catch.hpp"
#include "server/open311_profiles.h"
#include "voice_test_support.h"

#include <fstream>

using namespace cd;
using namespace cd::test;
using namespace std::chrono_literals;

namespace {

bool is_utc(const std::string& text) {
    return text.size() == 20 && text.back() == 'Z' && text[10] == 'T';
}

void use_strict_key(AppTestContext& t) {
    use_endpoint(t, {true, t.server.base_url() + "/open311/v2", server::strict_jurisdiction_id,
                     server::strict_api_key, false});
}

std::string write_png(AppTestContext& t, const std::string& name) {
    const auto path = (t.dir.path() / name).string();
    std::ofstream png(path, std::ios::binary);
    png << "\x89PNG\r\n\x1a\n" << std::string(1500, 'x');
    return path;
}

// The requests the city holds whose description contains `text`.
std::vector<api::open311::ServiceRequest> at_city(AppTestContext& t, const std::string& text) {
    std::promise<Result<api::open311::RequestList>> answer;
    api::open311::Open311Config config;
    config.endpoint = t.server.base_url() + "/open311/v2";
    config.jurisdiction_id = server::strict_jurisdiction_id;
    api::open311::Open311Client city(t.http, config);
    city.requests({}, [&](Result<api::open311::RequestList> r) { answer.set_value(std::move(r)); });
    auto list = answer.get_future().get();
    REQUIRE(list.ok());
    std::vector<api::open311::ServiceRequest> out;
    for (const auto& r : list->requests) {
        if (r.description.find(text) != std::string::npos) {
            out.push_back(r);
        }
    }
    return out;
}

} // namespace

TEST_CASE("My Voice works the same against every Open311 city profile",
          "[app][ui-logic][voice][open311-profiles]") {
    for (const auto& profile : server::open311_profile_names()) {
        DYNAMIC_SECTION("profile " << profile) {
            AppTestContext t(with_profile(profile));
            load_city(t);
            if (profile == "strict-auth") {
                use_strict_key(t);
            }
            ReportViewRecorder view;
            app::ReportPresenter report(*t.context, view);
            report.start();
            REQUIRE(t.ui.run_until([&] { return !view.services.empty(); }));
            report.choose_category(category_index(view.services, "101"));
            REQUIRE(t.ui.run_until([&] { return !view.attributes.empty(); }));
            const auto& size = view.attributes.front();
            REQUIRE(size.code == "size");
            REQUIRE(size.required);
            REQUIRE_FALSE(size.values.empty());

            auto draft = streetlight_draft("路口有个大坑 " + profile);
            draft.service_code = "101";
            report.send(draft);
            t.ui.drain();
            REQUIRE(view.problems.size() == 1); // the required size, kept with odd keys
            CHECK(view.problems[0].field == "size");
            CHECK(view.cleared == 0);
            draft.attributes["size"] = {size.values.back().key};
            report.send(draft);
            REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
            REQUIRE(t.ui.run_until(
                [&] { return outbox_items(t) == 0 && !report_entries(t).at(0).waiting(); }));
            // What the city says back reaches the citizen.
            REQUIRE(t.ui.run_until([&] { return view.note.args.size() == 2; }));
            CHECK(view.note.id ==
                  "Your report was delivered to the city (number {0}). The city says: {1}");
            CHECK(view.note.args[1].find("2") != std::string::npos);
            const auto held = at_city(t, "路口有个大坑 " + profile);
            REQUIRE(held.size() == 1);

            MyReportsRecorder mine_view;
            app::MyReportsPresenter mine(*t.context, mine_view);
            mine.poll();
            REQUIRE(t.ui.run_until([&] { return !mine.loading(); }));
            REQUIRE(mine_view.reports.size() == 1);
            const auto& r = mine_view.reports[0];
            CHECK(r.state.id == "Open");
            CHECK(r.service_name == "道路坑洼 Pothole");
            CHECK(r.description == "路口有个大坑 " + profile); // without the client reference
            CHECK(is_utc(r.requested_utc));
            CHECK(mine_view.note.id.empty());
            if (profile == "no-updates") {
                REQUIRE(r.timeline.size() == 1);
                CHECK(r.timeline[0].status == "open");
            }

            FeedRecorder feed_view;
            app::PublicFeedPresenter feed(*t.context, feed_view);
            feed.start();
            REQUIRE(t.ui.run_until(
                [&] { return feed_view.item_loads > 0 && !feed_view.categories.empty(); }));
            REQUIRE(feed_view.items.size() > 10);
            for (std::size_t i = 0; i < feed_view.items.size(); ++i) {
                INFO(feed_view.items[i].requested_utc);
                CHECK(is_utc(feed_view.items[i].requested_utc));
                if (profile != "bare-records") { // no code to name them by, but our own
                    CHECK_FALSE(feed_view.items[i].service_name.empty());
                }
                if (i > 0) {
                    CHECK(feed_view.items[i - 1].requested_utc >= feed_view.items[i].requested_utc);
                }
            }
            CHECK(feed_view.items[0].mine);
            CHECK(feed_view.items[0].service_name == "道路坑洼 Pothole"); // the category chosen
            CHECK(feed_view.items[0].description == "路口有个大坑 " + profile);
            // An old report, closed with the city's words: its exchange never says "not found".
            const auto old = feed_view.items.size() - 1;
            REQUIRE_FALSE(feed_view.items[old].answer.empty());
            feed.open(old);
            REQUIRE(t.ui.run_until(
                [&] { return feed_view.exchanges == 2 || !feed_view.note.id.empty(); }));
            CHECK(feed_view.note.id.empty());
            REQUIRE_FALSE(feed_view.exchange.empty());
            CHECK(feed_view.exchange.back().status == "closed");
            CHECK(feed_view.exchange.back().text == feed_view.items[old].answer);
        }
    }
}

TEST_CASE("an endpoint change reloads the categories, the feed and My reports at once",
          "[app][ui-logic][voice][open311-profiles]") {
    AppTestContext t;
    load_city(t);
    server::PlatformServerOptions other_city;
    other_city.seed = 7;
    server::PlatformServer other(other_city);
    REQUIRE(other.start().ok());

    ReportViewRecorder report_view;
    app::ReportPresenter report(*t.context, report_view);
    report.start();
    FeedRecorder feed_view;
    app::PublicFeedPresenter feed(*t.context, feed_view);
    feed.start();
    MyReportsRecorder mine_view;
    app::MyReportsPresenter mine(*t.context, mine_view);
    mine.start();
    REQUIRE(t.ui.run_until([&] {
        return report_view.category_loads == 1 && feed_view.item_loads > 0 && !mine.loading() &&
               feed_view.filter_loads >= 2;
    }));
    auto texts = [](const std::vector<app::FeedItem>& items) {
        std::vector<std::string> out;
        for (const auto& i : items) {
            out.push_back(i.description + "|" + i.address);
        }
        return out;
    };
    const auto first_items = texts(feed_view.items);
    const int items_before = feed_view.item_loads;
    const int filters_before = feed_view.filter_loads;
    const int reports_before = mine_view.shown;

    struct SettingsView : app::Open311SettingsView {
        int saves = 0;
        void show_settings(const app::Open311Settings&, bool, const std::string&) override {}
        void show_problem(const Message&) override {}
        void saved() override { ++saves; }
    } settings_view;
    app::Open311SettingsPresenter settings(*t.context, settings_view);
    settings.save(true, other.base_url() + "/open311/v2", "", "key-of-the-other-city");
    REQUIRE(t.ui.run_until([&] {
        return settings_view.saves == 1 && report_view.category_loads == 2 &&
               feed_view.item_loads > items_before + 1 && feed_view.filter_loads > filters_before &&
               mine_view.shown > reports_before && !mine.loading();
    }));
    // The other city's reports, not the old ones kept until a restart.
    CHECK_FALSE(feed_view.items.empty());
    CHECK(texts(feed_view.items) != first_items);
}

TEST_CASE("a refused report shows the city's own words, not the log's",
          "[app][ui-logic][voice][open311-profiles]") {
    AppTestContext t(with_profile("error-object"));
    load_city(t);
    ReportViewRecorder view;
    app::ReportPresenter report(*t.context, view);
    auto draft = streetlight_draft("一个城市不收的类别");
    draft.service_code = "999";
    report.send(draft);
    REQUIRE(t.ui.run_until([&] { return view.note.id.find("refused") != std::string::npos; }));
    CHECK(view.note.id == "The city refused the report: {0}");
    REQUIRE(view.note.args.size() == 1);
    CHECK(view.note.args[0] == "service_code 999 is not accepted by this city");
    for (const auto& a : view.note.args) {
        CHECK(a.find("HTTP status") == std::string::npos);
        CHECK(a.find("middleware") == std::string::npos);
    }
}

TEST_CASE("a city that takes one photo gets one, once, and the others stay with the report",
          "[app][ui-logic][voice][open311-profiles]") {
    AppTestContext t(with_profile("one-media"));
    load_city(t);
    ReportViewRecorder view;
    app::ReportPresenter report(*t.context, view);
    const auto first = write_png(t, "lamp-1.png");
    const auto second = write_png(t, "lamp-2.png");
    report.add_photo(first);
    report.add_photo(second);
    REQUIRE(t.ui.run_until([&] { return view.photos.size() == 2; }));
    report.send(streetlight_draft("两张照片的路灯"));
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    REQUIRE(t.ui.run_until([&] { return outbox_items(t) == 0; }));
    const auto held = at_city(t, "两张照片的路灯");
    REQUIRE(held.size() == 1);
    CHECK(held[0].media_url.find("lamp-1.png") != std::string::npos);
    const auto entries = report_entries(t);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].reference == held[0].id);
    CHECK(entries[0].kept_photos == std::vector<std::string>{second});

    // My reports shows them in the report's detail, saying they stayed on this computer, also
    // after the city's answer to a poll came in.
    MyReportsRecorder mine_view;
    app::MyReportsPresenter mine(*t.context, mine_view);
    mine.start();
    REQUIRE(t.ui.run_until([&] { return mine_view.shown > 0 && !mine.loading(); }));
    mine.poll();
    REQUIRE(t.ui.run_until([&] { return !mine.loading(); }));
    REQUIRE(mine_view.reports.size() == 1);
    const auto& shown = mine_view.reports[0];
    CHECK(shown.reference == held[0].id);
    CHECK(shown.kept_photos == std::vector<std::string>{second});
    CHECK(shown.kept_photos_note.id ==
          "These photos are kept on this computer, not sent to the city (it takes one photo per "
          "report):");
}

TEST_CASE("a report whose photos all reached the city says nothing of kept photos",
          "[app][ui-logic][voice][open311-profiles]") {
    AppTestContext t;
    load_city(t);
    ReportViewRecorder view;
    app::ReportPresenter report(*t.context, view);
    report.add_photo(write_png(t, "bench.png"));
    REQUIRE(t.ui.run_until([&] { return view.photos.size() == 1; }));
    report.send(streetlight_draft("一张照片的路灯"));
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    REQUIRE(t.ui.run_until([&] { return outbox_items(t) == 0; }));
    MyReportsRecorder mine_view;
    app::MyReportsPresenter mine(*t.context, mine_view);
    mine.start();
    REQUIRE(t.ui.run_until([&] { return mine_view.shown > 0 && !mine.loading(); }));
    REQUIRE(mine_view.reports.size() == 1);
    CHECK(mine_view.reports[0].kept_photos.empty());
    CHECK(mine_view.reports[0].kept_photos_note.empty());
}

TEST_CASE("a city answering with a token gets its id looked up",
          "[app][ui-logic][voice][open311-profiles]") {
    AppTestContext t(with_profile("token-only"));
    load_city(t);
    ReportViewRecorder view;
    app::ReportPresenter report(*t.context, view);
    report.send(streetlight_draft("只给令牌的城市"));
    REQUIRE(t.ui.run_until([&] { return outbox_items(t) == 0; }));
    const auto held = at_city(t, "只给令牌的城市");
    REQUIRE(held.size() == 1);
    REQUIRE(t.ui.run_until([&] { return report_entries(t).at(0).reference == held[0].id; }));
}
