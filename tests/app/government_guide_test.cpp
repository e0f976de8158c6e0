#include "catch.hpp"

#include "app/catalog_sync.h"
#include "app/government_presenter.h"
#include "app/service_guide_presenter.h"
#include "life_test_support.h"

#include <algorithm>

using namespace cd;
using namespace cd::app;

namespace {

struct FakeGovernmentView : GovernmentView {
    BrowseMode mode = BrowseMode::departments;
    std::vector<BrowseGroup> groups;
    std::optional<std::vector<ServiceItem>> services;
    Message note;
    std::vector<std::string> opened;
    void show_groups(BrowseMode m, const std::vector<BrowseGroup>& g) override {
        mode = m;
        groups = g;
    }
    void show_services(const std::vector<ServiceItem>& s) override { services = s; }
    void show_note(const Message& n) override { note = n; }
    void open_service(const std::string& id) override { opened.push_back(id); }
};

struct FakeGuideView : ServiceGuideView {
    std::optional<GuideModel> guide;
    std::vector<ChecklistItem> checklist;
    int checklists = 0;
    std::optional<bool> favourite;
    Message error;
    bool busy = false;
    std::vector<std::string> applied;
    std::vector<std::pair<std::string, std::string>> booked;
    void show_busy(bool b) override { busy = b; }
    void show_guide(const GuideModel& g) override {
        guide = g;
        checklist = g.documents;
    }
    void show_checklist(const std::vector<ChecklistItem>& d) override {
        checklist = d;
        ++checklists;
    }
    void show_favourite(bool f) override { favourite = f; }
    void show_error(const Message& m) override { error = m; }
    void apply_online(const std::string& id) override { applied.push_back(id); }
    void book(const std::string& id, const std::string& hall) override {
        booked.emplace_back(id, hall);
    }
};

// The platform's city profile and catalog in the shared data, as the app has them.
void load_catalog(test::AppTestContext& t, CatalogSync& sync) {
    test::load_city(t);
    sync.start();
    REQUIRE(t.ui.run_until([&] { return sync.index() != nullptr && !sync.status().busy; }));
}

const api::CatalogEntry& first_of(const test::AppTestContext& t, const std::string& kind,
                                  const std::string& channel = "") {
    const auto& services = t.data.catalog()->services;
    auto it = std::find_if(services.begin(), services.end(), [&](const api::CatalogEntry& s) {
        return s.kind == kind && (channel.empty() || s.channel == channel);
    });
    REQUIRE(it != services.end());
    return *it;
}

bool loaded(ServiceGuidePresenter& p, FakeGuideView& v) {
    return p.loaded() && v.favourite.has_value();
}

api::Hall weekday_hall() {
    api::Hall h;
    h.id = "H1";
    for (int d = 1; d <= 5; ++d) {
        h.opening_hours.push_back({d, "09:00", "17:00"});
    }
    h.opening_hours.push_back({6, "09:00", "12:00"});
    return h;
}

} // namespace

TEST_CASE("a hall is open now by its weekly hours on the city's clock", "[ui-logic][app]") {
    using test::city_time; // 2026-11-30 is a Monday; the 5th of December a Saturday
    const api::Hall hall = weekday_hall();
    struct Row {
        int day, hour, minute;
        bool open;
    };
    const Row table[] = {
        {30, 8, 59, false}, {30, 9, 0, true},    {30, 12, 30, true}, {30, 16, 59, true},
        {30, 17, 0, false}, {30, 23, 59, false}, {29, 10, 0, false}, // Sunday
    };
    for (const Row& r : table) {
        INFO("Nov " << r.day << " " << r.hour << ":" << r.minute);
        CHECK(hall_open_at(hall, city_time(r.day, r.hour, r.minute)) == r.open);
    }
    using namespace std::chrono;
    const auto saturday = sys_days{year{2026} / December / 5};
    CHECK(hall_open_at(hall, saturday + hours(11 - 8) + minutes(59)));
    CHECK_FALSE(hall_open_at(hall, saturday + hours(12 - 8)));
    // 01:00 UTC on Monday is 09:00 in the city; 23:30 UTC on Sunday is 07:30 on Monday.
    CHECK(hall_open_at(hall, sys_days{year{2026} / November / 30} + hours(1)));
    CHECK_FALSE(hall_open_at(hall, sys_days{year{2026} / November / 29} + hours(23) + minutes(30)));
    api::Hall closed;
    CHECK_FALSE(hall_open_at(closed, city_time(30, 10, 0)));
}

TEST_CASE("My Government browses by department and by life event", "[ui-logic][app]") {
    test::AppTestContext t;
    CatalogSync sync(*t.context);
    load_catalog(t, sync);
    FakeGovernmentView view;
    GovernmentPresenter p(*t.context, view);
    p.start();

    const auto city = t.data.city();
    REQUIRE(view.groups.size() == city->departments.size());
    auto busy =
        std::max_element(view.groups.begin(), view.groups.end(),
                         [](const auto& a, const auto& b) { return a.services < b.services; });
    REQUIRE(busy->services > 0);
    p.choose_group(std::size_t(busy - view.groups.begin()));
    REQUIRE(view.services.has_value());
    CHECK(view.services->size() == busy->services);
    const std::string dept = busy->id;
    for (const auto& item : *view.services) {
        const auto& all = t.data.catalog()->services;
        auto it =
            std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.id == item.id; });
        REQUIRE(it != all.end());
        CHECK(it->department == dept);
        CHECK(it->kind == "government");
    }

    p.set_mode(BrowseMode::life_events);
    CHECK(view.mode == BrowseMode::life_events);
    REQUIRE(view.groups.size() == city->life_events.size());
    CHECK(std::any_of(view.groups.begin(), view.groups.end(),
                      [](const BrowseGroup& g) { return g.services > 0; }));
    for (std::size_t i = 0; i < view.groups.size(); ++i) {
        if (view.groups[i].services > 0) {
            p.choose_group(i);
            CHECK(view.services->size() == view.groups[i].services);
            p.open_service(0);
            CHECK(view.opened == std::vector<std::string>{view.services->at(0).id});
            break;
        }
    }
}

TEST_CASE("a service guide lists documents, halls and the ways to do it, and ticks are kept",
          "[ui-logic][app]") {
    test::AppTestContext t;
    CatalogSync sync(*t.context);
    load_catalog(t, sync);
    t.context->now = [] {
        return test::city_time(30, 10, 0);
    }; // a Monday morning
    const api::CatalogEntry& service = first_of(t, "government", "both");

    FakeGuideView view;
    {
        ServiceGuidePresenter p(*t.context, view);
        p.start(service.id);
        REQUIRE(t.ui.run_until([&] { return loaded(p, view); }));
        REQUIRE(view.guide.has_value());
        const GuideModel& g = *view.guide;
        CHECK(g.id == service.id);
        CHECK_FALSE(g.convenience);
        REQUIRE(g.documents.size() >= 2);
        CHECK(g.legal_days > 0);
        CHECK_FALSE(g.steps.empty());
        REQUIRE_FALSE(g.halls.empty());
        CHECK_FALSE(g.halls[0].address.empty());
        CHECK_FALSE(g.halls[0].hours.empty());
        CHECK(g.online);
        CHECK(g.bookable);
        CHECK_FALSE(*view.favourite);
        CHECK(std::none_of(g.documents.begin(), g.documents.end(),
                           [](const ChecklistItem& d) { return d.ticked; }));

        p.toggle_document(1);
        CHECK(view.checklist[1].ticked);
        p.apply_online();
        CHECK(view.applied == std::vector<std::string>{service.id});
        p.book(0);
        REQUIRE(view.booked.size() == 1);
        CHECK(view.booked[0] == std::make_pair(service.id, g.halls[0].id));
        p.book(-1);
        CHECK(view.booked[1].second.empty());
        t.ui.drain();
    }

    // Opened again (the window closed in between): the tick is still there, the rest is not.
    FakeGuideView again;
    ServiceGuidePresenter p(*t.context, again);
    p.start(service.id);
    REQUIRE(t.ui.run_until([&] { return loaded(p, again) && again.checklists > 0; }));
    CHECK_FALSE(again.checklist[0].ticked);
    CHECK(again.checklist[1].ticked);
}

TEST_CASE("favourites and recently opened services are kept in the vault", "[ui-logic][app]") {
    test::AppTestContext t;
    CatalogSync sync(*t.context);
    load_catalog(t, sync);
    const api::CatalogEntry& a = first_of(t, "government", "online");
    const api::CatalogEntry& b = first_of(t, "government", "counter");

    for (const auto* s : {&a, &b}) {
        FakeGuideView view;
        ServiceGuidePresenter p(*t.context, view);
        p.start(s->id);
        REQUIRE(t.ui.run_until([&] { return loaded(p, view); }));
        if (s == &a) {
            p.toggle_favourite();
            REQUIRE(t.ui.run_until([&] { return view.favourite == true; }));
            CHECK(view.guide->online);
        } else {
            CHECK_FALSE(view.guide->online);
            p.apply_online();
            CHECK(view.applied.empty());
        }
    }

    FakeGovernmentView view;
    GovernmentPresenter page(*t.context, view);
    page.start();
    view.services.reset();
    page.set_mode(BrowseMode::favourites);
    REQUIRE(t.ui.run_until([&] { return view.services && !view.services->empty(); }));
    REQUIRE(view.services->size() == 1);
    CHECK(view.services->at(0).id == a.id);
    CHECK(view.groups.empty());

    page.set_mode(BrowseMode::recent);
    view.services.reset();
    REQUIRE(t.ui.run_until([&] { return view.services.has_value(); }));
    REQUIRE(view.services->size() == 2);
    CHECK(view.services->at(0).id == b.id); // newest first
    CHECK(view.services->at(1).id == a.id);

    // Unfavoured from its guide: gone from the list when the page is shown again.
    FakeGuideView guide;
    ServiceGuidePresenter p(*t.context, guide);
    p.start(a.id);
    REQUIRE(t.ui.run_until([&] { return loaded(p, guide); }));
    CHECK(*guide.favourite);
    p.toggle_favourite();
    REQUIRE(t.ui.run_until([&] { return guide.favourite == false; }));
    page.set_mode(BrowseMode::favourites);
    view.services.reset();
    REQUIRE(t.ui.run_until([&] { return view.services.has_value(); }));
    CHECK(view.services->empty());
    CHECK(view.note.id == "No favourites yet: open a service and mark it with the star.");
}

TEST_CASE("a convenience service shows its details, link and contact", "[ui-logic][app]") {
    test::AppTestContext t;
    CatalogSync sync(*t.context);
    load_catalog(t, sync);
    const api::CatalogEntry& service = first_of(t, "convenience");
    FakeGuideView view;
    ServiceGuidePresenter p(*t.context, view);
    p.start(service.id);
    REQUIRE(t.ui.run_until([&] { return loaded(p, view); }));
    const GuideModel& g = *view.guide;
    CHECK(g.convenience);
    CHECK_FALSE(g.online);
    CHECK_FALSE(g.bookable);
    // A page for people, not the app's JSON address.
    CHECK(g.link == t.server.base_url() + "/services/" + service.id);
    CHECK(g.link.find("/v1/") == std::string::npos);
    const auto page = test::open_in_browser(t, g.link);
    CHECK(page.status == 200);
    CHECK(page.content_type.rfind("text/html", 0) == 0);
    CHECK(page.body.find(service.name.zh) != std::string::npos);
    CHECK(page.body.find(service.name.en) != std::string::npos);
    CHECK_FALSE(g.summary.empty());
    CHECK((!g.phone.empty() || !g.address.empty()));
}

TEST_CASE("an unknown service's guide says what went wrong", "[ui-logic][app]") {
    test::AppTestContext t;
    FakeGuideView view;
    ServiceGuidePresenter p(*t.context, view);
    p.start("G9999999");
    REQUIRE(t.ui.run_until([&] { return !view.error.empty(); }));
    CHECK_FALSE(view.busy);
    CHECK_FALSE(p.loaded());
}
