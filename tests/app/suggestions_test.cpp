// Suggestions on Home: computed on this computer from the profile, the choices and the season,
// each with why it is shown; one switch turns them off; and none of their inputs reaches the
// platform (the reference server records every request it gets).
#include "app/home_presenter.h"
#include "app/suggestions.h"
#include "app/weather_presenter.h"
#include "app_test_context.h"
#include "catch.hpp"
#include "core/resident_id.h"
#include "life_test_support.h"
#include "store/preferences.h"
#include "store/profile.h"

#include <future>
#include <mutex>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

// A valid resident ID number born on `birth` ("YYYYMMDD").
std::string resident_id_born(const std::string& birth) {
    const std::string first17 = "350102" + birth + "001";
    return first17 + resident_id_check_char(first17);
}

api::CatalogEntry service(const std::string& id, const std::string& kind,
                          std::vector<std::string> events, std::vector<std::string> keywords = {}) {
    api::CatalogEntry s;
    s.id = id;
    s.kind = kind;
    s.name = {id + "-zh", id + "-en"};
    s.life_events = std::move(events);
    s.keywords = std::move(keywords);
    return s;
}

std::vector<std::string> reasons(const std::vector<Suggestion>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) {
        out.push_back(s.reason.id);
    }
    return out;
}

struct FakeHomeView : HomeView {
    HomeState last;
    void show_home(const HomeState& state) override { last = state; }
};

// Every request the reference platform got, as text (method, target, headers, body).
struct RequestLog {
    std::mutex mutex;
    std::vector<std::string> seen;
    void add(const std::string& what) {
        std::lock_guard lock(mutex);
        seen.push_back(what);
    }
    std::vector<std::string> all() {
        std::lock_guard lock(mutex);
        return seen;
    }
    void clear() {
        std::lock_guard lock(mutex);
        seen.clear();
    }
};

std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

} // namespace

TEST_CASE("age comes from the resident ID's birth date", "[ui-logic][suggestions]") {
    CHECK(age_from_resident_id(resident_id_born("19580312"), "2026-12-03") == 68);
    CHECK(age_from_resident_id(resident_id_born("19661203"), "2026-12-03") == 60);
    CHECK(age_from_resident_id(resident_id_born("19661204"), "2026-12-03") == 59);
    CHECK_FALSE(age_from_resident_id("350102195803120010", "2026-12-03")); // bad check char
    CHECK_FALSE(age_from_resident_id(resident_id_born("20300101"), "2026-12-03"));
}

TEST_CASE("each suggestion says why it is shown", "[ui-logic][suggestions]") {
    api::Catalog catalog;
    catalog.services = {service("fav", "government", {}),
                        service("care", "government", {"elderly-care"}),
                        service("retire", "government", {"retirement"}),
                        service("move", "government", {"moving"}),
                        service("gas", "convenience", {}, {"gas"}),
                        service("school", "government", {"school"})};
    api::City city;
    city.districts = {{"D03", {"西湖区", "Xihu District"}, 0, 0, 0}};
    city.life_events = {{"moving", {"迁居", "Moving house"}}};
    api::Hall near, far;
    near.id = "H1";
    near.name = {"西湖大厅", "Xihu Hall"};
    near.district = "D03";
    far.id = "H2";
    far.district = "D01";

    SuggestionInputs in;
    in.today = "2026-12-03";
    in.age = 68;
    in.district = "D03";
    in.favourites = {"fav"};
    in.life_events = {"moving"};
    auto list = compute_suggestions(in, &catalog, {near, far}, &city, false);
    CHECK(reasons(list) ==
          std::vector<std::string>{"Because you marked it as a favourite",
                                   "Because you chose \"{0}\" on Home", "Because you are over {0}",
                                   "Because you live in {0}", "Because it is winter: heating"});
    REQUIRE(list.size() == 5);
    CHECK(list[1].reason.args == std::vector<std::string>{"Moving house"});
    CHECK(list[2].service_id == "care");
    CHECK(list[2].reason.args == std::vector<std::string>{"60"});
    CHECK(list[3].hall_id == "H1");
    CHECK(list[3].reason.args == std::vector<std::string>{"Xihu District"});
    CHECK(list[4].service_id == "gas");
    CHECK(list[4].tab == Tab::life);

    SECTION("in summer, school enrolment; at 57, retirement") {
        in.today = "2026-07-01";
        in.age = 57;
        in.favourites.clear();
        in.life_events.clear();
        in.district.clear();
        list = compute_suggestions(in, &catalog, {near}, &city, false);
        CHECK(reasons(list) ==
              std::vector<std::string>{"Because you are over {0}: retirement is near",
                                       "Because it is summer: school enrolment"});
    }
    SECTION("nothing to go on: nothing suggested") {
        SuggestionInputs none;
        none.today = "2026-04-01";
        CHECK(compute_suggestions(none, &catalog, {near}, &city, false).empty());
    }
}

TEST_CASE("one switch turns suggestions off, and it is kept in the vault",
          "[ui-logic][suggestions]") {
    AppTestContext t;
    load_city(t);
    t.vault->run_and_wait(
        [](store::Vault& v) { return store::Preferences(v).set(district_preference, "D03"); });
    {
        FakeHomeView view;
        HomePresenter home(*t.context, view);
        home.start();
        REQUIRE(t.ui.run_until([&] { return home.pending() == 0; }));
        REQUIRE_FALSE(view.last.suggestions.empty()); // the district's halls
        CHECK(view.last.suggestions_on);
        home.set_suggestions_enabled(false);
        CHECK(view.last.suggestions.empty());
        CHECK(view.last.suggestions_note.id == "Suggestions are off.");
        t.ui.drain();
    }
    const auto stored =
        t.vault->run_and_wait([](store::Vault& v) { return suggestions_enabled(v); });
    REQUIRE(stored.ok());
    CHECK_FALSE(*stored);
    FakeHomeView view;
    HomePresenter again(*t.context, view);
    again.start();
    REQUIRE(t.ui.run_until([&] { return again.pending() == 0; }));
    CHECK_FALSE(view.last.suggestions_on);
    CHECK(view.last.suggestions.empty());
}

TEST_CASE("no request to the platform carries an input of the suggestions",
          "[ui-logic][suggestions][privacy]") {
    RequestLog log;
    AppTestContext::Options options;
    options.server.on_request = [&log](const std::string& what) {
        log.add(what);
    };
    AppTestContext t(options);
    t.sign_in();
    load_city(t);
    std::promise<Result<api::CatalogFetch>> fetched;
    t.client->catalog({}, [&](Result<api::CatalogFetch> r) { fetched.set_value(std::move(r)); });
    auto catalog = fetched.get_future().get();
    REQUIRE(catalog.ok());
    REQUIRE(catalog->catalog);
    t.data.set_catalog(std::make_shared<const api::Catalog>(*catalog->catalog));

    const std::string district = "D03";
    const auto city = t.data.city();
    std::string district_zh, district_en;
    for (const auto& d : city->districts) {
        if (d.id == district) {
            district_zh = d.name.zh;
            district_en = d.name.en;
        }
    }
    REQUIRE_FALSE(district_zh.empty());
    const std::string resident_id = resident_id_born("19580312");
    const bool saved = t.vault->run_and_wait([&](store::Vault& v) {
        store::Profile p;
        p.name = "Zhang San";
        p.resident_id = resident_id;
        return store::ProfileRepository(v).save(p).ok() &&
               store::Preferences(v).set(district_preference, district).ok();
    });
    REQUIRE(saved);
    // Winter in the city: 2026-12-15, noon.
    t.context->now = [] {
        return city_time(30, 12, 0) + std::chrono::hours(24 * 15);
    };
    log.clear(); // from here on: only what Home and its suggestions make the client send

    FakeHomeView view;
    HomePresenter home(*t.context, view);
    home.start();
    REQUIRE(t.ui.run_until([&] { return home.pending() == 0; }));
    home.choose_life_event("retirement", true);
    home.choose_life_event("birth", true);
    home.set_suggestions_enabled(false);
    home.set_suggestions_enabled(true);
    home.refresh();
    REQUIRE(t.ui.run_until([&] { return home.pending() == 0; }));
    t.ui.drain();

    // The suggestions did use every input...
    std::vector<std::string> why = reasons(view.last.suggestions);
    INFO("reasons: " << [&] {
        std::string s;
        for (const auto& r : why) {
            s += r + " | ";
        }
        return s;
    }());
    auto has = [&](const std::string& reason) {
        return std::find(why.begin(), why.end(), reason) != why.end();
    };
    CHECK(has("Because you are over {0}"));
    CHECK(has("Because you live in {0}"));
    CHECK(has("Because you chose \"{0}\" on Home"));
    CHECK(has("Because it is winter: heating"));

    // ...and none of them left this computer.
    const auto requests = log.all();
    REQUIRE_FALSE(requests.empty()); // Home did ask the platform (bills, holidays, halls...)
    const std::vector<std::string> secrets{resident_id,
                                           "19580312",
                                           "1958-03-12",
                                           "1958",
                                           district_zh,
                                           district_en,
                                           percent_encoded(district_zh),
                                           "district=D03",
                                           "/D03",
                                           "\"D03\"",
                                           "retirement",
                                           "birth",
                                           "moving",
                                           "business",
                                           "life_event",
                                           "winter",
                                           "heating",
                                           "season",
                                           "summer"};
    for (const auto& request : requests) {
        INFO("request:\n" << request);
        for (const auto& secret : secrets) {
            INFO("must not carry: " << secret);
            CHECK(request.find(secret) == std::string::npos);
        }
        // The age: the request line and the body (headers carry random ids and lengths).
        const std::string line = request.substr(0, request.find('\n'));
        const std::string body = request.substr(request.find("\n\n") + 2);
        for (const std::string& part : {line, body}) {
            CHECK(part.find("68") == std::string::npos);
            CHECK(part.find("age=") == std::string::npos);
            CHECK(part.find("\"age\"") == std::string::npos);
        }
    }
}
