// The outbox tells the truth, against the loopback reference platform and a real vault file: a
// report queued offline for a category whose required field the form never showed is refused
// by the city when it is back, is shown as refused with the city's own reason (also after a
// restart), is never sent again as it is, and is replaced when the citizen corrects it and sends
// it again, or goes only after the citizen agreed to discard it. Offline, the form shows the
// category's required field from the definition kept in the vault. My reports never asks to
// unlock a vault that is open.
#include "app/my_reports_presenter.h"
#include "app/report_presenter.h"
#include "app/voice_reports.h"
#include "catch.hpp"
#include "life_test_support.h"
#include "store/outbox.h"

#include <algorithm>
#include <atomic>
#include <optional>

using namespace cd;
using namespace std::chrono_literals;

namespace {

constexpr const char* passphrase = "correct horse battery staple 42";

struct ReportView : app::ReportView {
    std::vector<api::open311::Service> services;
    std::vector<api::open311::Attribute> attributes;
    std::vector<app::ReportProblem> problems;
    std::optional<app::ReportDraft> draft;
    Message note;
    int cleared = 0;
    void show_categories(const std::vector<api::open311::Service>& s) override { services = s; }
    void show_attributes(const std::vector<api::open311::Attribute>& a) override { attributes = a; }
    void show_districts(const std::vector<std::string>&) override {}
    void show_counter(const Message&, bool) override {}
    void show_photos(const std::vector<std::string>&) override {}
    void show_problems(const std::vector<app::ReportProblem>& p) override { problems = p; }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    void clear_form() override { ++cleared; }
    void show_draft(const app::ReportDraft& d) override { draft = d; }
    bool has_attribute(const std::string& code, bool required) const {
        return std::any_of(attributes.begin(), attributes.end(),
                           [&](const auto& a) { return a.code == code && a.required == required; });
    }
};

struct MineView : app::MyReportsView {
    std::vector<app::MyReport> reports;
    Message note;
    int shown = 0;
    bool answer = false;
    int asked = 0;
    std::optional<store::OutboxItem> edited;
    void show_reports(const std::vector<app::MyReport>& r) override {
        reports = r;
        ++shown;
    }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    bool confirm_discard(const Message&) override {
        ++asked;
        return answer;
    }
    void edit_report(const store::OutboxItem& item) override { edited = item; }
};

// The platform seen from the app: down (nothing listens) or up.
class SwitchablePlatform final : public app::PlatformAccess {
public:
    explicit SwitchablePlatform(test::AppTestContext& t)
        : live_(t.client), dead_(std::make_shared<api::PlatformClient>(
                               t.http, api::PlatformConfig{"http://127.0.0.1:9", {}})) {}
    void acquire(std::function<void(Result<Client>)> use) override { use(up ? live_ : dead_); }
    std::atomic<bool> up{false};

private:
    Client live_, dead_;
};

// One run of the app over the test's vault file: its own vault service, outbox and context.
struct Run {
    Run(test::AppTestContext& t, app::PlatformAccess& platform)
        : vault(t.ui, t.dir.path() / "vault.db",
                store::VaultOptions::insecure_fast_kdf_for_tests()),
          outbox(t.ui, vault, t.events, [&t] { return t.context->now(); }),
          context{t.ui, t.worker, platform, vault, t.events, t.data, t.notifier, outbox} {
        bool done = false;
        vault.unlock(store::SecretBytes(passphrase), [&](Status s) { done = s.ok(); });
        if (!t.ui.run_until([&] { return done; })) {
            throw std::runtime_error("the test vault did not open");
        }
    }
    app::VaultService vault;
    app::OutboxSender outbox;
    app::AppContext context;
};

app::ReportDraft bin_report() {
    app::ReportDraft d;
    d.service_code = "201"; // overflowing bin: bin_type is required
    d.description = "小区东门的垃圾桶满了三天。";
    d.address = "鼓楼区 东街 1号";
    return d;
}

std::vector<store::OutboxItem> items(app::VaultService& vault) {
    return vault.run_and_wait([](store::Vault& v) { return *store::Outbox(v).all(); });
}

std::vector<app::MyReportEntry> entries(app::VaultService& vault) {
    return vault.run_and_wait([](store::Vault& v) { return *app::load_my_reports(v); });
}

void poll(test::AppTestContext& t, app::MyReportsPresenter& mine, MineView& view) {
    const int before = view.shown;
    mine.poll();
    REQUIRE(t.ui.run_until([&] { return !mine.loading() && view.shown > before; }));
}

// Queues the bin report offline (its definition never fetched), then lets the city refuse it.
void queue_and_get_refused(test::AppTestContext& t, SwitchablePlatform& platform,
                           app::AppContext& context) {
    ReportView view;
    app::ReportPresenter presenter(context, view);
    presenter.send(bin_report());
    REQUIRE(t.ui.run_until([&] { return view.cleared == 1; }));
    REQUIRE(t.ui.run_until([&] { return !context.outbox.flushing(); }));
    REQUIRE(items(context.vault).size() == 1);
    CHECK_FALSE(items(context.vault)[0].refused());

    platform.up = true;
    t.context->now = [] {
        return std::chrono::system_clock::now() + 20min;
    };
    context.outbox.flush();
    REQUIRE(t.ui.run_until([&] {
        return !context.outbox.flushing() && !items(context.vault).empty() &&
               items(context.vault)[0].refused();
    }));
    CHECK(view.note.id.find("refused") != std::string::npos);
}

void close(test::AppTestContext& t, app::VaultService& vault) {
    t.ui.drain();
    bool locked = false;
    vault.lock([&] { locked = true; });
    REQUIRE(t.ui.run_until([&] { return locked; }));
}

} // namespace

TEST_CASE("a report the city refused is shown with its reason, survives a restart and is "
          "replaced when edited and sent again",
          "[app][ui-logic][voice][outbox]") {
    test::AppTestContext t;
    test::load_city(t);
    close(t, *t.vault); // the runs below open the same file
    SwitchablePlatform platform(t);
    std::vector<std::int64_t> counts;
    {
        Run run(t, platform);
        run.outbox.set_refused_count_listener([&](std::int64_t n) { counts.push_back(n); });
        queue_and_get_refused(t, platform, run.context);
        REQUIRE(t.ui.run_until([&] { return !counts.empty() && counts.back() == 1; }));

        MineView view;
        app::MyReportsPresenter mine(run.context, view);
        poll(t, mine, view);
        REQUIRE(view.reports.size() == 1);
        CHECK(view.reports[0].refused);
        CHECK(view.reports[0].state.id == "Refused by the city");
        CHECK(view.reports[0].waiting_reason.id == "The city refused the report: {0}");
        REQUIRE(view.reports[0].waiting_reason.args.size() == 1);
        CHECK(view.reports[0].waiting_reason.args[0] == "bin_type is required");
        close(t, run.vault);
    }

    // A restart: the vault file opened again, new outbox, new screens.
    Run run(t, platform);
    std::int64_t refused_now = -1;
    run.outbox.set_refused_count_listener([&](std::int64_t n) { refused_now = n; });
    REQUIRE(t.ui.run_until([&] { return refused_now == 1; }));
    ReportView form;
    app::ReportPresenter presenter(run.context, form);
    MineView view;
    app::MyReportsPresenter mine(run.context, view);
    poll(t, mine, view);
    REQUIRE(view.reports.size() == 1);
    CHECK(view.reports[0].refused);
    CHECK(view.reports[0].waiting_reason.args == std::vector<std::string>{"bin_type is required"});
    // Never sent again as it is, however late.
    t.context->now = [] {
        return std::chrono::system_clock::now() + 24h * 30;
    };
    run.outbox.flush();
    REQUIRE(t.ui.run_until([&] { return !run.outbox.flushing(); }));
    REQUIRE(items(run.vault).size() == 1);
    CHECK(items(run.vault)[0].attempts == 2); // offline once, refused once: no more

    // Edit and send again: the form comes back filled in, with the field the city wanted.
    const std::string old_ref = view.reports[0].reference;
    mine.edit_and_send_again(old_ref);
    REQUIRE(t.ui.run_until([&] { return view.edited.has_value(); }));
    presenter.edit(*view.edited);
    REQUIRE(form.draft.has_value());
    CHECK(form.draft->service_code == "201");
    CHECK(form.draft->description == "小区东门的垃圾桶满了三天。");
    CHECK(form.note.id == "The city refused the report: {0}");
    REQUIRE(t.ui.run_until([&] { return form.has_attribute("bin_type", true); }));
    // Still without it, the form says so before anything leaves.
    presenter.send(*form.draft);
    CHECK(std::any_of(form.problems.begin(), form.problems.end(),
                      [](const auto& p) { return p.field == "bin_type"; }));
    CHECK(items(run.vault)[0].refused());

    auto corrected = *form.draft;
    corrected.attributes["bin_type"] = {"kitchen"};
    presenter.send(corrected);
    REQUIRE(t.ui.run_until([&] { return form.cleared == 1; }));
    REQUIRE(t.ui.run_until([&] { return items(run.vault).empty(); }));
    REQUIRE(t.ui.run_until([&] { return refused_now == 0; }));
    const auto mine_now = entries(run.vault);
    REQUIRE(mine_now.size() == 1); // replaced, not added
    CHECK_FALSE(mine_now[0].waiting());
    CHECK(mine_now[0].reference != old_ref);
    poll(t, mine, view);
    REQUIRE(view.reports.size() == 1);
    CHECK_FALSE(view.reports[0].refused);
    CHECK_FALSE(view.reports[0].waiting);
    close(t, run.vault);
}

TEST_CASE("a refused report goes only after the citizen agreed to discard it",
          "[app][ui-logic][voice][outbox]") {
    test::AppTestContext t;
    test::load_city(t);
    SwitchablePlatform platform(t);
    app::AppContext context{t.ui,     t.worker, platform,   *t.vault,
                            t.events, t.data,   t.notifier, *t.outbox};
    queue_and_get_refused(t, platform, context);
    MineView view;
    app::MyReportsPresenter mine(context, view);
    poll(t, mine, view);
    REQUIRE(view.reports.size() == 1);
    const std::string ref = view.reports[0].reference;

    view.answer = false;
    mine.discard(ref);
    t.ui.drain();
    CHECK(view.asked == 1);
    CHECK(items(*t.vault).size() == 1);
    CHECK(entries(*t.vault).size() == 1);

    view.answer = true;
    mine.discard(ref);
    CHECK(view.asked == 2);
    REQUIRE(t.ui.run_until([&] { return items(*t.vault).empty(); }));
    REQUIRE(t.ui.run_until([&] { return !mine.loading() && view.reports.empty(); }));
    CHECK(entries(*t.vault).empty());
}

TEST_CASE("offline, the report form shows and checks the required field from the kept "
          "definition",
          "[app][ui-logic][voice][outbox]") {
    test::AppTestContext t;
    test::load_city(t);
    {
        ReportView view;
        app::ReportPresenter presenter(*t.context, view);
        presenter.start();
        REQUIRE(t.ui.run_until([&] { return !view.services.empty(); }));
        // Every category's definition is kept for later (with its ETag).
        const auto with_definition = std::count_if(view.services.begin(), view.services.end(),
                                                   [](const auto& s) { return s.metadata; });
        REQUIRE(t.ui.run_until([&] {
            return t.vault->run_and_wait([](store::Vault& v) {
                return *(*v.connection())
                            ->query_int("SELECT count(*) FROM http_cache WHERE etag <> '' AND "
                                        "url LIKE '%/services/%'");
            }) == with_definition;
        }));
    }
    t.server.stop(); // the same address, nobody answering

    ReportView view;
    app::ReportPresenter presenter(*t.context, view);
    presenter.start();
    REQUIRE(t.ui.run_until([&] { return !view.services.empty(); }));
    auto bin = std::find_if(view.services.begin(), view.services.end(),
                            [](const auto& s) { return s.code == "201"; });
    REQUIRE(bin != view.services.end());
    presenter.choose_category(static_cast<std::size_t>(bin - view.services.begin()));
    REQUIRE(t.ui.run_until([&] { return view.has_attribute("bin_type", true); }));
    presenter.send(bin_report());
    CHECK(std::any_of(view.problems.begin(), view.problems.end(),
                      [](const auto& p) { return p.field == "bin_type"; }));
    CHECK(items(*t.vault).empty());
}

TEST_CASE("My reports does not ask to unlock an open vault, empty or offline",
          "[app][ui-logic][voice][outbox]") {
    test::AppTestContext::Options options;
    options.start_platform = false; // unreachable
    options.unlock_vault = false;
    test::AppTestContext t(options);
    MineView view;
    app::MyReportsPresenter mine(*t.context, view);
    mine.start();
    CHECK(view.note.id.find("Unlock") != std::string::npos); // locked: right to say so

    bool created = false;
    t.vault->create(store::SecretBytes(passphrase), [&](Status s) { created = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return created; }));
    t.events.publish(app::AppEvent::vault_unlocked);
    REQUIRE(t.ui.run_until([&] { return !mine.loading() && view.shown > 0; }));
    CHECK(view.reports.empty());
    CHECK(view.note.id.find("Unlock") == std::string::npos);
    CHECK(view.note.id.find("locked") == std::string::npos);

    // A report waiting while the city cannot be reached: still no word of unlocking.
    ReportView form;
    app::ReportPresenter presenter(*t.context, form);
    app::ReportDraft d = bin_report();
    d.service_code = "102";
    presenter.send(d);
    REQUIRE(t.ui.run_until([&] { return form.cleared == 1; }));
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    poll(t, mine, view);
    REQUIRE(view.reports.size() == 1);
    CHECK(view.reports[0].waiting);
    CHECK(view.note.id.find("Unlock") == std::string::npos);
    CHECK(view.note.id.find("locked") == std::string::npos);
}
