// The vault and platform session presenter against the loopback reference platform and a real
// vault: create, unlock (wrong passphrase, then right), sign in by password and by SMS code,
// the session restored from the vault after a relock, sign-out forgetting it, a rotated
// refresh token saved again, and no secret in the log file.
#include "app/session_presenter.h"
#include "app_test_context.h"
#include "catch.hpp"
#include "diag/log.h"
#include "diag/rotating_file_sink.h"
#include "movable_clock.h"
#include "store/connection.h"
#include "store/preferences.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace cd;
using namespace cd::test;
using app::SessionDialog;
using app::SessionPresenter;

namespace {

const char* const passphrase = "Lantern-river 2026";

struct FakeSessionView final : app::SessionView {
    std::set<SessionDialog> shown;
    std::map<SessionDialog, int> opened; // how many times each was opened
    std::map<SessionDialog, bool> busy;
    std::map<SessionDialog, Message> error;
    std::map<SessionDialog, Message> info;
    std::map<SessionDialog, store::PassphraseStrength> strength;
    Message citizen;

    void open(SessionDialog d) override {
        shown.insert(d);
        ++opened[d];
        error[d] = {};
    }
    void close(SessionDialog d) override { shown.erase(d); }
    void show_busy(SessionDialog d, bool b) override { busy[d] = b; }
    void show_error(SessionDialog d, const Message& m) override { error[d] = m; }
    void show_info(SessionDialog d, const Message& m) override { info[d] = m; }
    void show_strength(SessionDialog d, const store::PassphraseStrength& s) override {
        strength[d] = s;
    }
    void show_citizen(const Message& who) override { citizen = who; }
    void offer_recovery(const Message& why) override { recovery = why; }
    void choose_backup_file() override { ++backup_choosers; }
    Message recovery;
    int backup_choosers = 0;
    bool is_open(SessionDialog d) const { return shown.count(d) != 0; }
};

AppTestContext::Options locked_vault() {
    AppTestContext::Options o;
    o.unlock_vault = false;
    return o;
}

std::optional<std::string> saved_token(AppTestContext& t) {
    auto saved = t.vault->run_and_wait([](store::Vault& v) {
        return store::Preferences(v).get(SessionPresenter::refresh_token_key);
    });
    return saved.ok() ? *saved : std::nullopt;
}

struct EventLog {
    std::vector<app::AppEvent> seen;
    app::Subscription sub;
    explicit EventLog(app::EventHub& hub)
        : sub(hub, [this](app::AppEvent e) { seen.push_back(e); }) {}
    int count(app::AppEvent e) const { return int(std::count(seen.begin(), seen.end(), e)); }
};

// Creates the vault through the presenter and waits for the sign-in offer.
void create_through_presenter(AppTestContext& t, SessionPresenter& p, FakeSessionView& view) {
    p.start();
    REQUIRE(view.is_open(SessionDialog::create_vault));
    p.create_vault(store::SecretBytes(passphrase), store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return view.is_open(SessionDialog::sign_in); }));
    REQUIRE(t.vault->unlocked());
}

void sign_in_with_password(AppTestContext& t, SessionPresenter& p, FakeSessionView& view) {
    p.sign_in_with_password(server::demo_phone, store::SecretBytes(server::demo_password));
    REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
    CHECK_FALSE(view.is_open(SessionDialog::sign_in));
}

void relock_and_unlock(AppTestContext& t, SessionPresenter& p, FakeSessionView& view) {
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    CHECK_FALSE(t.data.signed_in());
    p.unlock_requested();
    REQUIRE(view.is_open(SessionDialog::unlock));
    p.unlock(store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

TEST_CASE("session: first run creates the vault, and a wrong passphrase keeps the unlock dialog "
          "open, and the right one unlocks",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    EventLog events(t.events);
    SessionPresenter p(*t.context, view);

    p.start();
    REQUIRE(view.is_open(SessionDialog::create_vault));
    CHECK_FALSE(view.strength[SessionDialog::create_vault].acceptable);

    p.passphrase_edited(SessionDialog::create_vault, store::SecretBytes("short"));
    CHECK_FALSE(view.strength[SessionDialog::create_vault].acceptable);
    p.passphrase_edited(SessionDialog::create_vault, store::SecretBytes(passphrase));
    CHECK(view.strength[SessionDialog::create_vault].acceptable);

    // Confirmation differs, then a weak passphrase: refused here, no vault file.
    p.create_vault(store::SecretBytes(passphrase), store::SecretBytes("Lantern-river 2027"));
    CHECK(view.error[SessionDialog::create_vault].id ==
          "The two passphrases are not the same. Type them again.");
    p.create_vault(store::SecretBytes("aaaaaaaaaaaa"), store::SecretBytes("aaaaaaaaaaaa"));
    CHECK_FALSE(view.error[SessionDialog::create_vault].empty());
    CHECK_FALSE(t.vault->exists());
    CHECK(view.is_open(SessionDialog::create_vault));

    p.create_vault(store::SecretBytes(passphrase), store::SecretBytes(passphrase));
    CHECK(view.busy[SessionDialog::create_vault]); // the key is derived on the store thread
    REQUIRE(t.ui.run_until([&] { return !view.is_open(SessionDialog::create_vault); }));
    CHECK(t.vault->exists());
    CHECK(t.vault->unlocked());
    CHECK(events.count(app::AppEvent::vault_unlocked) == 1);
    // No session saved yet: Sign In is offered.
    REQUIRE(t.ui.run_until([&] { return view.is_open(SessionDialog::sign_in); }));
    p.change_passphrase_requested();
    REQUIRE(view.is_open(SessionDialog::change_passphrase));

    p.lock(); // closes what needs the open vault
    CHECK_FALSE(view.is_open(SessionDialog::sign_in));
    CHECK_FALSE(view.is_open(SessionDialog::change_passphrase));
    REQUIRE(t.ui.run_until([&] { return events.count(app::AppEvent::vault_locked) == 1; }));
    CHECK_FALSE(t.vault->unlocked());

    p.start();
    REQUIRE(view.is_open(SessionDialog::unlock));
    p.unlock(store::SecretBytes("Lantern-river 2099"));
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::unlock].empty(); }));
    CHECK(view.error[SessionDialog::unlock].id == "The passphrase is not correct.");
    CHECK(view.is_open(SessionDialog::unlock));
    CHECK_FALSE(view.busy[SessionDialog::unlock]);
    CHECK_FALSE(t.vault->unlocked());
    CHECK(events.count(app::AppEvent::vault_unlocked) == 1);

    p.unlock(store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return !view.is_open(SessionDialog::unlock); }));
    CHECK(t.vault->unlocked());
    CHECK(events.count(app::AppEvent::vault_unlocked) == 2);
}

TEST_CASE("session: repeated wrong passphrases say the next try waits",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    for (int attempt = 1; attempt <= 3; ++attempt) {
        view.error[SessionDialog::unlock] = {};
        p.unlock(store::SecretBytes("Wrong-passphrase 1"));
        REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::unlock].empty(); }));
    }
    CHECK(view.info[SessionDialog::unlock] ==
          msg("To protect your data, the next try waits {0} seconds.", {"2"}));
}

TEST_CASE("session: signing in with the password saves the session in the vault and names the "
          "citizen, masked",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    EventLog events(t.events);
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);

    p.sign_in_with_password("1380000", store::SecretBytes(server::demo_password));
    CHECK(view.error[SessionDialog::sign_in].id == "Enter your 11-digit mobile number.");
    p.sign_in_with_password(server::demo_phone, store::SecretBytes("Wrong@2026"));
    REQUIRE(t.ui.run_until([&] {
        return !view.error[SessionDialog::sign_in].empty() && !view.busy[SessionDialog::sign_in];
    }));
    CHECK(view.is_open(SessionDialog::sign_in));
    CHECK_FALSE(t.data.signed_in());

    sign_in_with_password(t, p, view);
    REQUIRE(t.data.profile().has_value());
    CHECK(events.count(app::AppEvent::signed_in) == 1);
    CHECK(view.citizen.id == "Signed in: {0} ({1})");
    REQUIRE(view.citizen.args.size() == 2);
    CHECK(view.citizen.args[1] == t.data.profile()->phone_masked);
    CHECK(view.citizen.args[0].find('*') != std::string::npos);
    CHECK(view.citizen.args[0] != app::localized(t.data.profile()->name, false));
    t.ui.drain();
    auto token = saved_token(t);
    REQUIRE(token.has_value());
    CHECK(token->size() >= 16);
}

TEST_CASE("session: signing in with an SMS code", "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);

    p.request_code(server::demo_phone);
    REQUIRE(t.ui.run_until([&] { return !view.info[SessionDialog::sign_in].empty(); }));
    CHECK(view.info[SessionDialog::sign_in].id ==
          "A code was sent to your phone. It is valid for {0} minutes.");
    p.sign_in_with_code(server::demo_phone, "000000");
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::sign_in].empty(); }));
    CHECK_FALSE(t.data.signed_in());

    p.sign_in_with_code(server::demo_phone, server::demo_one_time_code);
    REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
    CHECK(t.data.profile().has_value());
    t.ui.drain();
    CHECK(saved_token(t).has_value());
}

TEST_CASE("session: after a relock the session comes back from the vault without the password, and "
          "sign-out forgets it",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    EventLog events(t.events);
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    sign_in_with_password(t, p, view);
    t.ui.drain();
    const auto first = saved_token(t);
    REQUIRE(first.has_value());
    const int sign_in_offers = view.opened[SessionDialog::sign_in];

    relock_and_unlock(t, p, view);
    CHECK(events.count(app::AppEvent::signed_out) == 1);
    REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
    CHECK(view.opened[SessionDialog::sign_in] == sign_in_offers); // no password asked
    CHECK(t.data.profile().has_value());
    CHECK(t.client->signed_in());
    // The refresh used the saved token (single-use) and the new one replaced it.
    t.ui.drain();
    const auto second = saved_token(t);
    REQUIRE(second.has_value());
    CHECK(*second != *first);

    p.sign_out();
    CHECK_FALSE(t.data.signed_in());
    CHECK(view.citizen.empty());
    t.ui.run_until([&] { return !t.client->signed_in(); });
    CHECK_FALSE(saved_token(t).has_value());

    relock_and_unlock(t, p, view);
    REQUIRE(t.ui.run_until([&] { return view.is_open(SessionDialog::sign_in); }));
    CHECK_FALSE(t.data.signed_in());
}

TEST_CASE("session: a lock while the session is being restored keeps the rotated token for the "
          "next unlock",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    sign_in_with_password(t, p, view);
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    REQUIRE_FALSE(t.client->signed_in());

    p.unlock(store::SecretBytes(passphrase));
    // The saved token has gone to the platform (single-use): lock before the answer is in.
    REQUIRE(t.ui.run_until([&] { return t.client->signed_in(); }));
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    t.ui.run_until([] { return false; }, std::chrono::milliseconds(500)); // the late answer
    CHECK_FALSE(t.data.signed_in());
    CHECK_FALSE(t.client->signed_in());

    const int sign_in_offers = view.opened[SessionDialog::sign_in];
    p.unlock(store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
    CHECK(view.opened[SessionDialog::sign_in] == sign_in_offers);
}

TEST_CASE("session: a refresh made inside a later call saves the rotated token",
          "[ui-logic][app][session]") {
    MovableClock platform_clock; // the platform reads it: the test expires the token at will
    auto options = locked_vault();
    options.server.clock = platform_clock.function();
    AppTestContext t(options);
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    sign_in_with_password(t, p, view);
    t.ui.drain();
    const auto first = saved_token(t);
    REQUIRE(first.has_value());

    platform_clock.advance(std::chrono::seconds(options.server.access_token_seconds + 1));
    bool answered = false;
    app::call_platform<api::Profile>(
        *t.platform, t.ui, [](api::PlatformClient& c, auto done) { c.me(done); },
        [&](Result<api::Profile> r) {
            CHECK(r.ok());
            answered = true;
        });
    REQUIRE(t.ui.run_until([&] { return answered; }));
    REQUIRE(t.ui.run_until([&] {
        auto now = saved_token(t);
        return now && *now != *first;
    }));

    // The saved (rotated) token is the live one: it restores the session after a relock.
    relock_and_unlock(t, p, view);
    REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
}

TEST_CASE("session: the passphrase is changed off the UI thread and the new one unlocks",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    p.change_passphrase_requested();
    REQUIRE(view.is_open(SessionDialog::change_passphrase));
    const char* const next = "Harbour-bell 7731";
    p.change_passphrase(store::SecretBytes("Not-the-passphrase 1"), store::SecretBytes(next),
                        store::SecretBytes(next));
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::change_passphrase].empty(); }));
    CHECK(view.is_open(SessionDialog::change_passphrase));

    p.change_passphrase(store::SecretBytes(passphrase), store::SecretBytes(next),
                        store::SecretBytes(next));
    CHECK(view.busy[SessionDialog::change_passphrase]);
    REQUIRE(t.ui.run_until([&] { return !view.is_open(SessionDialog::change_passphrase); }));
    CHECK(t.notifier.sent().size() == 1);

    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    p.unlock(store::SecretBytes(next));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
}

TEST_CASE("session: no passphrase, password or token reaches the log file",
          "[ui-logic][app][session]") {
    TempDir logs;
    auto sink = std::make_shared<diag::RotatingFileSink>(logs.path(), "citizendesk",
                                                         diag::RotatingFileSink::Limits{});
    const diag::Level before = diag::level();
    diag::set_level(diag::Level::trace);
    diag::add_sink(sink);
    std::string first;
    std::string second;
    {
        AppTestContext t(locked_vault());
        FakeSessionView view;
        SessionPresenter p(*t.context, view);
        create_through_presenter(t, p, view);
        sign_in_with_password(t, p, view);
        t.ui.drain();
        first = saved_token(t).value_or("");
        relock_and_unlock(t, p, view);
        p.lock();
        REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
        p.unlock(store::SecretBytes("Wrong-passphrase 2"));
        REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::unlock].empty(); }));
        p.unlock(store::SecretBytes(passphrase));
        REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));
        t.ui.drain();
        second = saved_token(t).value_or("");
    }
    diag::remove_sink(sink);
    diag::set_level(before);
    sink->flush();
    REQUIRE_FALSE(first.empty());
    REQUIRE_FALSE(second.empty());
    const std::string log = read_file(sink->path());
    CHECK(log.find("vault unlocked") != std::string::npos); // the log was written
    CHECK(log.find("platform session restored") != std::string::npos);
    for (const std::string& secret : {std::string(passphrase), std::string("Wrong-passphrase"),
                                      std::string(server::demo_password), first, second}) {
        INFO("secret of " << secret.size() << " characters");
        CHECK(log.find(secret) == std::string::npos);
    }
}

// ---- the ways out of a damaged vault ----------------------------------------------------

namespace {

// Overwrites the vault's header (its salt) with zeros: no passphrase opens it any more.
void damage_header(const std::filesystem::path& vault) {
    std::fstream f(vault, std::ios::in | std::ios::out | std::ios::binary);
    f.write(std::string(64, '\0').data(), 64);
}

std::vector<std::filesystem::path> kept_aside(const std::filesystem::path& folder,
                                              const std::string& why) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("vault.db." + why + "-", 0) == 0 && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos) {
            found.push_back(entry.path());
        }
    }
    return found;
}

// A vault created through the presenter, then locked and damaged on disk; the unlock attempt
// has failed and the dialog offers the ways out.
void damaged_and_refused(AppTestContext& t, SessionPresenter& p, FakeSessionView& view,
                         std::string* original_bytes = nullptr) {
    create_through_presenter(t, p, view);
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    damage_header(t.vault->path());
    if (original_bytes != nullptr) {
        *original_bytes = read_file(t.vault->path());
    }
    p.unlock_requested();
    REQUIRE(view.is_open(SessionDialog::unlock));
    CHECK(view.recovery.empty());
    p.unlock(store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::unlock].empty(); }));
    CHECK(view.error[SessionDialog::unlock] == store::damaged_vault_message());
    CHECK_FALSE(view.recovery.empty());
}

} // namespace

TEST_CASE("session: a wrong passphrase does not offer the ways out of a damaged file",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    p.unlock_requested();
    p.unlock(store::SecretBytes("Lantern-river 2099"));
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::unlock].empty(); }));
    CHECK(view.recovery.empty());
}

TEST_CASE("session: a damaged vault file offers to start over, which keeps the file aside and "
          "opens a new vault",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    EventLog events(t.events);
    SessionPresenter p(*t.context, view);
    std::string damaged;
    damaged_and_refused(t, p, view, &damaged);

    p.start_over_requested();
    REQUIRE(view.is_open(SessionDialog::start_over));
    CHECK_FALSE(view.strength[SessionDialog::start_over].acceptable);
    p.start_over(store::SecretBytes("Harbour-light 2026"),
                 store::SecretBytes("Harbour-light 2027"));
    CHECK(view.error[SessionDialog::start_over].id ==
          "The two passphrases are not the same. Type them again.");
    CHECK(kept_aside(t.dir.path(), "damaged").empty()); // nothing moved for a refused answer

    p.start_over(store::SecretBytes("Harbour-light 2026"),
                 store::SecretBytes("Harbour-light 2026"));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
    REQUIRE(t.ui.run_until([&] { return events.count(app::AppEvent::vault_unlocked) == 2; }));
    CHECK_FALSE(view.is_open(SessionDialog::start_over));
    CHECK_FALSE(view.is_open(SessionDialog::unlock));

    // The damaged file is kept, byte for byte, beside the new vault.
    const auto aside = kept_aside(t.dir.path(), "damaged");
    REQUIRE(aside.size() == 1);
    CHECK(read_file(aside.front()) == damaged);
    const auto told = t.notifier.sent();
    REQUIRE_FALSE(told.empty());
    CHECK(told.back().first.id == "New vault created");
    REQUIRE(told.back().second.args.size() == 1);
    CHECK(told.back().second.args[0] == aside.front().filename().string());

    // The new vault opens with the new passphrase.
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    p.unlock_requested();
    p.unlock(store::SecretBytes("Harbour-light 2026"));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
}

TEST_CASE("session: a damaged vault file is restored from a backup chosen by the citizen",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    const auto backup = t.dir.path() / "my-backup.cdvault";
    auto made = t.vault->run_and_wait([&](store::Vault& v) -> Status {
        if (auto s = store::Preferences(v).set("canary", "kept in the backup"); !s.ok()) {
            return s;
        }
        return v.backup_to(backup, store::SecretBytes("Backup-phrase 2026"));
    });
    REQUIRE(made.ok());
    p.lock();
    REQUIRE(t.ui.run_until([&] { return !t.vault->unlocked(); }));
    damage_header(t.vault->path());
    p.unlock_requested();
    p.unlock(store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return !view.recovery.empty(); }));

    p.restore_requested();
    CHECK(view.backup_choosers == 1);
    p.backup_chosen(backup);
    REQUIRE(view.is_open(SessionDialog::restore_backup));
    CHECK(view.info[SessionDialog::restore_backup] ==
          msg("Backup file: {0}", {"my-backup.cdvault"}));

    p.restore_backup(store::SecretBytes("Not-the-phrase 1"));
    REQUIRE(t.ui.run_until([&] { return !view.error[SessionDialog::restore_backup].empty(); }));
    CHECK(view.error[SessionDialog::restore_backup].id == "The passphrase is not correct.");
    CHECK(kept_aside(t.dir.path(), "replaced").empty()); // a refused backup moves nothing
    CHECK_FALSE(t.vault->unlocked());

    p.restore_backup(store::SecretBytes("Backup-phrase 2026"));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
    CHECK_FALSE(view.is_open(SessionDialog::restore_backup));
    CHECK_FALSE(view.is_open(SessionDialog::unlock));
    CHECK(kept_aside(t.dir.path(), "replaced").size() == 1);
    auto canary =
        t.vault->run_and_wait([](store::Vault& v) { return store::Preferences(v).get("canary"); });
    REQUIRE(canary.ok());
    CHECK(*canary == std::optional<std::string>("kept in the backup"));
    CHECK(std::filesystem::exists(backup)); // the backup itself stays where it was
}

TEST_CASE("session: starting over from the File menu while the vault is open locks it first and "
          "keeps the old file",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    EventLog events(t.events);
    SessionPresenter p(*t.context, view);
    create_through_presenter(t, p, view);
    p.start_over_requested();
    REQUIRE(view.is_open(SessionDialog::start_over));
    p.start_over(store::SecretBytes("Harbour-light 2026"),
                 store::SecretBytes("Harbour-light 2026"));
    REQUIRE(t.ui.run_until([&] { return events.count(app::AppEvent::vault_unlocked) == 2; }));
    CHECK(events.count(app::AppEvent::vault_locked) == 1);
    CHECK(t.vault->unlocked());
    CHECK(kept_aside(t.dir.path(), "damaged").size() == 1);
}

TEST_CASE("session: the empty file an interrupted first create left brings the first-run dialog, "
          "not a damaged-file error",
          "[ui-logic][app][session]") {
    AppTestContext t(locked_vault());
    FakeSessionView view;
    SessionPresenter p(*t.context, view);
    std::ofstream(t.vault->path(), std::ios::binary).close();
    REQUIRE(std::filesystem::exists(t.vault->path()));
    p.start();
    REQUIRE(view.is_open(SessionDialog::create_vault));
    CHECK_FALSE(view.is_open(SessionDialog::unlock));
    p.create_vault(store::SecretBytes(passphrase), store::SecretBytes(passphrase));
    REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
    CHECK(t.vault->exists());
}
