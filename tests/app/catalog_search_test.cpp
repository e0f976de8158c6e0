#include "catch.hpp"

#include "api/catalog_writer.h"
#include "api/platform_parser.h"
#include "app/catalog_sync.h"
#include "app/search_presenter.h"
#include "life_test_support.h"
#include "store/catalog_cache.h"

#include <algorithm>
#include <cctype>

using namespace cd;
using namespace cd::app;

namespace {

struct RecordingListener : CatalogSyncListener {
    std::vector<CatalogState> states;
    int indexes = 0;
    void catalog_status_changed(const CatalogStatus& s) override { states.push_back(s.state); }
    void catalog_index_ready(const std::shared_ptr<const CatalogIndex>&) override { ++indexes; }
};

struct FakeSearchView : SearchView {
    SearchModel model;
    int shown = 0;
    std::vector<std::string> opened;
    void show_search(const SearchModel& m) override {
        model = m;
        ++shown;
    }
    void open_service(const std::string& id) override { opened.push_back(id); }
};

api::CatalogEntry service(std::string id, std::string kind, std::string zh, std::string en,
                          std::int64_t version = 1) {
    api::CatalogEntry e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = {std::move(zh), std::move(en)};
    e.keywords = {"keyword"};
    e.channel = "both";
    e.version = version;
    return e;
}

api::Catalog small_catalog() {
    api::Catalog c;
    c.version = 7;
    c.etag = "\"small-7\"";
    c.services = {
        service("G0001", "government", "社会保障卡申领", "Social security card application"),
        service("G0002", "government", "居住证办理", "Residence permit"),
        service("C00001", "convenience", "自来水报修", "Water repair")};
    c.services[0].keywords.push_back("社保卡");
    c.count = 3;
    return c;
}

void save_to_vault(test::AppTestContext& t, const api::Catalog& c) {
    Status stored = t.vault->run_and_wait([&](store::Vault& v) {
        return store::CatalogCache(v).store(
            {std::to_string(c.version), c.etag, api::write_catalog(c), {}});
    });
    REQUIRE(stored.ok());
}

std::optional<store::CatalogSnapshot> saved(test::AppTestContext& t) {
    auto loaded =
        t.vault->run_and_wait([](store::Vault& v) { return store::CatalogCache(v).load(); });
    REQUIRE(loaded.ok());
    return *loaded;
}

bool settled(const CatalogSync& s) {
    return !s.status().busy && s.status().state != CatalogState::loading;
}

} // namespace

TEST_CASE("the catalog is written in the contract's own schema and reads back the same",
          "[ui-logic][app]") {
    const api::Catalog c = small_catalog();
    auto back = api::parse_catalog(api::write_catalog(c));
    REQUIRE(back.ok());
    CHECK(back->version == 7);
    REQUIRE(back->services.size() == 3);
    CHECK(back->services[0].name.zh == "社会保障卡申领");
    CHECK(back->services[2].kind == "convenience");
    CHECK(back->services[1].keywords == std::vector<std::string>{"keyword"});
}

TEST_CASE("a delta replaces changed services, adds new ones and drops removed ones",
          "[ui-logic][app]") {
    const api::Catalog held = small_catalog();
    api::Catalog delta;
    delta.version = 9;
    delta.since = 7;
    delta.etag = "\"small-9\"";
    delta.services = {service("G0002", "government", "居住证签注", "Residence permit renewal", 8),
                      service("G0003", "government", "护照办理", "Passport", 9)};
    delta.removed = {{"C00001", 9}};
    const api::Catalog merged = merge_catalog(held, delta);
    CHECK(merged.version == 9);
    CHECK(merged.etag == "\"small-9\"");
    REQUIRE(merged.services.size() == 3);
    CHECK(merged.services[0].id == "G0001");
    CHECK(merged.services[1].name.zh == "居住证签注");
    CHECK(merged.services[2].id == "G0003");
    CHECK(merged.count == 3);
}

TEST_CASE("offline, the saved catalog is shown and searchable, and the sync says it is offline",
          "[ui-logic][app]") {
    test::AppTestContext::Options options;
    options.start_platform = false;
    test::AppTestContext t(options);
    save_to_vault(t, small_catalog());

    CatalogSync sync(*t.context);
    RecordingListener listener;
    sync.add_listener(&listener);
    sync.start();
    REQUIRE(t.ui.run_until([&] { return settled(sync) && sync.index() != nullptr; }));

    CHECK(sync.status().state == CatalogState::offline);
    CHECK(sync.status().message.id == "Offline: showing the saved catalog.");
    REQUIRE(t.data.catalog() != nullptr);
    CHECK(t.data.catalog()->services.size() == 3);
    CHECK(t.data.catalog()->version == 7);
    CHECK(listener.indexes == 1);
    CHECK(std::find(listener.states.begin(), listener.states.end(), CatalogState::offline) !=
          listener.states.end());
    const auto r = sync.index()->search("sbk");
    REQUIRE(r.total == 1);
    CHECK(sync.index()->entries()[r.hits[0].entry].id == "G0001");
    sync.remove_listener(&listener);
}

TEST_CASE("offline with nothing saved, the sync says the catalog is not available",
          "[ui-logic][app]") {
    test::AppTestContext::Options options;
    options.start_platform = false;
    test::AppTestContext t(options);
    CatalogSync sync(*t.context);
    sync.start();
    REQUIRE(t.ui.run_until([&] { return settled(sync); }));
    CHECK(sync.status().state == CatalogState::failed);
    CHECK(sync.status().message.id == "Offline: the service catalog is not available yet.");
    CHECK(t.data.catalog() == nullptr);
    CHECK(sync.index() == nullptr);
}

TEST_CASE("the first start downloads and saves the catalog, and the next revalidates with a 304",
          "[ui-logic][app]") {
    test::AppTestContext t;
    test::load_city(t);
    std::int64_t version = 0;
    {
        CatalogSync first(*t.context);
        first.start();
        REQUIRE(t.ui.run_until(
            [&] { return settled(first) && first.index() != nullptr && saved(t).has_value(); }));
        CHECK(first.status().state == CatalogState::current);
        CHECK_FALSE(first.status().not_modified);
        REQUIRE(t.data.catalog() != nullptr);
        CHECK(t.data.catalog()->services.size() > 10000);
        version = t.data.catalog()->version;
        CHECK(saved(t)->version == std::to_string(version));
        CHECK_FALSE(saved(t)->etag.empty());
        CHECK(first.index_builds() == 1);
    }
    t.ui.drain();
    t.data.set_catalog(nullptr);

    CatalogSync second(*t.context);
    second.start();
    REQUIRE(t.ui.run_until([&] { return settled(second) && second.index() != nullptr; }));
    CHECK(second.status().state == CatalogState::current);
    CHECK(second.status().not_modified);
    CHECK(second.status().version == version);
    REQUIRE(t.data.catalog() != nullptr);
    CHECK(t.data.catalog()->services.size() > 10000);
    CHECK(second.index_builds() == 1);
}

TEST_CASE("an older saved catalog is brought up to date with a since= delta", "[ui-logic][app]") {
    test::AppTestContext t;
    // What the platform serves, saved as if one version ago with one service changed and
    // one missing: the delta since then repairs both.
    std::promise<Result<api::CatalogFetch>> answer;
    t.client->catalog({}, [&](Result<api::CatalogFetch> r) { answer.set_value(std::move(r)); });
    auto full = answer.get_future().get();
    REQUIRE(full.ok());
    api::Catalog old = *full->catalog;
    REQUIRE(old.version > 1);
    old.version -= 1;
    old.etag = "\"an-older-one\"";
    auto newest =
        std::max_element(old.services.begin(), old.services.end(),
                         [](const auto& a, const auto& b) { return a.version < b.version; });
    REQUIRE(newest->version > old.version);
    const std::string changed_id = newest->id;
    newest->name.zh = "旧名称";
    save_to_vault(t, old);

    CatalogSync sync(*t.context);
    sync.start();
    REQUIRE(t.ui.run_until([&] {
        return settled(sync) && t.data.catalog() != nullptr &&
               t.data.catalog()->version == full->catalog->version;
    }));
    CHECK(sync.status().state == CatalogState::current);
    const auto& services = t.data.catalog()->services;
    CHECK(services.size() == full->catalog->services.size());
    auto it = std::find_if(services.begin(), services.end(),
                           [&](const auto& s) { return s.id == changed_id; });
    REQUIRE(it != services.end());
    CHECK(it->name.zh != "旧名称");
}

TEST_CASE("without a vault the catalog is fetched and shown, and saved once the vault unlocks",
          "[ui-logic][app]") {
    test::AppTestContext::Options options;
    options.unlock_vault = false;
    test::AppTestContext t(options);
    CatalogSync sync(*t.context);
    sync.start();
    REQUIRE(t.ui.run_until([&] { return settled(sync) && sync.index() != nullptr; }));
    CHECK(sync.status().state == CatalogState::current);
    REQUIRE(t.data.catalog() != nullptr);

    bool created = false;
    t.vault->create(store::SecretBytes("correct horse battery staple 42"),
                    [&](Status s) { created = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return created; }));
    t.events.publish(AppEvent::vault_unlocked);
    REQUIRE(t.ui.run_until([&] { return saved(t).has_value(); }));
    CHECK(saved(t)->version == std::to_string(t.data.catalog()->version));
}

// ---- search -----------------------------------------------------------------------------

TEST_CASE("sbk finds the social security card first, with the matched characters highlighted",
          "[ui-logic][app]") {
    test::AppTestContext t;
    test::load_city(t);
    t.context->chinese = true;
    CatalogSync sync(*t.context);
    sync.start();
    REQUIRE(t.ui.run_until([&] { return sync.index() != nullptr; }));

    FakeSearchView view;
    SearchPresenter search(*t.context, view, &sync);
    search.set_query("sbk");
    REQUIRE(t.ui.run_until([&] { return view.model.state == SearchState::results; }));
    REQUIRE_FALSE(view.model.groups.empty());
    CHECK(view.model.groups[0].tab == Tab::government);
    const SearchRow& top = view.model.groups[0].rows.at(0);
    INFO(top.name);
    CHECK((top.name.find("社保卡") != std::string::npos ||
           top.name.find("社会保障卡") != std::string::npos));
    CHECK(view.model.selected == 0);
    CHECK(view.model.open);
    CHECK(view.model.total >= view.model.groups[0].rows.size());
    // 社会保障卡 has no s-b-k run of its own: the keyword 社保卡 matched, and the row says so.
    if (top.name.find("社保卡") == std::string::npos) {
        CHECK(top.tier == MatchTier::keyword);
        CHECK(top.matched_term == "社保卡");
    }

    // A name match names no term.
    search.set_query("社会保障卡");
    REQUIRE(t.ui.run_until([&] {
        return view.model.query == "社会保障卡" && view.model.state == SearchState::results;
    }));
    CHECK(view.model.groups.at(0).rows.at(0).matched_term.empty());

    // Full pinyin of a name: the characters it spells are what the view highlights.
    search.set_query("shehuibaozhang");
    REQUIRE(t.ui.run_until([&] {
        return view.model.query == "shehuibaozhang" && view.model.state == SearchState::results;
    }));
    const SearchRow& named = view.model.groups.at(0).rows.at(0);
    INFO(named.name);
    REQUIRE_FALSE(named.matched.empty());
    std::string highlighted;
    for (const TextRange& r : named.matched) {
        CHECK(r.begin < r.end);
        CHECK(r.end <= named.name.size());
        highlighted += named.name.substr(r.begin, r.end - r.begin);
    }
    CHECK(highlighted == "社会保障");
    // The English name's match is there too, for the other-language line.
    search.set_query("social security");
    REQUIRE(t.ui.run_until([&] {
        return view.model.query == "social security" && view.model.state == SearchState::results;
    }));
    const SearchRow& english = view.model.groups.at(0).rows.at(0);
    REQUIRE_FALSE(english.other_matched.empty());
    const TextRange first = english.other_matched[0];
    std::string word = english.other_name.substr(first.begin, first.end - first.begin);
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK((word == "social" || word == "social security"));
}

TEST_CASE("a result that arrives after a newer query is dropped", "[ui-logic][app]") {
    test::AppTestContext t;
    FakeSearchView view;
    SearchPresenter search(*t.context, view, nullptr);
    std::vector<CatalogEntry> entries = index_entries(small_catalog(), nullptr);
    search.set_index(std::make_shared<const CatalogIndex>(std::move(entries)));

    search.set_query("jzz"); // its answer is queued behind...
    search.set_query("sbk"); // ...the newer query, which the view must end up with
    t.ui.drain();
    CHECK(search.dropped_results() == 1);
    CHECK(view.model.query == "sbk");
    REQUIRE(view.model.state == SearchState::results);
    REQUIRE(view.model.groups.size() == 1);
    REQUIRE(view.model.groups[0].rows.size() == 1);
    CHECK(view.model.groups[0].rows[0].service_id == "G0001");
}

TEST_CASE("results are grouped by tab and the keyboard moves, opens and closes",
          "[ui-logic][app]") {
    test::AppTestContext t;
    FakeSearchView view;
    SearchPresenter search(*t.context, view, nullptr);

    search.set_query("keyword");
    CHECK(view.model.state == SearchState::waiting);
    CHECK(view.model.note.id == "The service catalog is still loading...");
    search.set_index(std::make_shared<const CatalogIndex>(index_entries(small_catalog(), nullptr)));
    t.ui.drain();
    REQUIRE(view.model.state == SearchState::results);
    REQUIRE(view.model.groups.size() == 2);
    CHECK(view.model.groups[0].tab == Tab::government);
    CHECK(view.model.groups[0].rows.size() == 2);
    CHECK(view.model.groups[1].tab == Tab::life);
    CHECK(view.model.groups[1].rows[0].service_id == "C00001");

    CHECK(view.model.selected == 0);
    search.move_selection(+1);
    search.move_selection(+1);
    CHECK(view.model.selected == 2); // into the second group
    search.move_selection(+1);
    CHECK(view.model.selected == 0); // wraps
    search.move_selection(-1);
    CHECK(view.model.selected == 2);
    search.activate();
    CHECK(view.opened == std::vector<std::string>{"C00001"});
    CHECK_FALSE(view.model.open);

    search.move_selection(+1); // reopens the list without moving
    CHECK(view.model.open);
    search.escape();
    CHECK_FALSE(view.model.open);
    CHECK(view.model.query == "keyword");
    search.escape();
    CHECK(view.model.state == SearchState::idle);
    CHECK(view.model.query.empty());

    search.set_query("qqqqzzzz");
    t.ui.drain();
    CHECK(view.model.state == SearchState::no_match);
    CHECK(view.model.note.id == "No service matches \"{0}\".");
    search.activate();
    CHECK(view.opened.size() == 1);
    search.set_query("   ");
    CHECK(view.model.state == SearchState::idle);
    CHECK_FALSE(view.model.open);
}
