// End to end: personal data a citizen types (ID number, mobile, name, the sign-in password and
// the vault passphrase) goes through the real presenters, libcurl and the loopback reference
// platform, and then every file the app and the demo platform wrote is searched for it, in
// UTF-8 and in UTF-16LE (what a Windows build would write). Only the encrypted vault may hold
// it, and the vault is encrypted, so no file may show it.
#include "app/app_paths.h"
#include "app/application_form_presenter.h"
#include "app/payment_presenter.h"
#include "app/payment_resolver.h"
#include "app/profile_presenter.h"
#include "app/report_presenter.h"
#include "app/session_presenter.h"
#include "application_test_support.h"
#include "catch.hpp"
#include "diag/log.h"
#include "diag/rotating_file_sink.h"
#include "life_test_support.h"
#include "store/outbox.h"
#include "store/preferences.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

using namespace cd;
using namespace cd::test;
namespace fs = std::filesystem;

namespace {

// Canaries: values that appear nowhere else, so any hit is a leak. The ID number has a valid
// GB 11643 check digit and the mobile number is a valid mainland number, so that every check
// on the way lets them through to where they are kept.
const std::string canary_id = "350102198605172839";
const std::string canary_mobile = "15959876543";
const std::string canary_name = "林安雀";
const std::string canary_passphrase = "Canary-vault passphrase 7391";

struct Needle {
    std::string what;
    std::string text;
};

std::string utf16le(const std::string& utf8) {
    std::string out;
    auto put = [&](unsigned unit) {
        out += static_cast<char>(unit & 0xff);
        out += static_cast<char>(unit >> 8);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
        unsigned cp = len == 1 ? b : len == 2 ? b & 0x1f : len == 3 ? b & 0x0f : b & 0x07;
        for (int k = 1; k < len; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3f);
        }
        i += static_cast<std::size_t>(len);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xd800 + (cp >> 10));
            put(0xdc00 + (cp & 0x3ff));
        } else {
            put(cp);
        }
    }
    return out;
}

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every needle found in the file, as "file: what (encoding)".
std::vector<std::string> leaks_in(const fs::path& file, const std::vector<Needle>& needles) {
    const std::string bytes = contents(file);
    std::vector<std::string> found;
    for (const auto& n : needles) {
        if (bytes.find(n.text) != std::string::npos) {
            found.push_back(file.string() + ": " + n.what + " (UTF-8)");
        }
        if (bytes.find(utf16le(n.text)) != std::string::npos) {
            found.push_back(file.string() + ": " + n.what + " (UTF-16LE)");
        }
    }
    return found;
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file()) {
            out.push_back(it->path());
        }
    }
    return out;
}

std::set<fs::path> temp_entries() {
    std::set<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path())) {
        out.insert(e.path());
    }
    return out;
}

struct NullProfileView : app::ProfileView {
    int saves = 0;
    std::vector<store::FieldProblem> problems;
    void show_profile(const app::ProfileFields&) override {}
    void show_busy(bool) override {}
    void show_field_problems(const std::vector<store::FieldProblem>& p) override { problems = p; }
    void show_note(const Message&) override {}
    void saved() override { ++saves; }
};

struct NullSessionView : app::SessionView {
    std::set<app::SessionDialog> shown;
    void open(app::SessionDialog d) override { shown.insert(d); }
    void close(app::SessionDialog d) override { shown.erase(d); }
    void show_busy(app::SessionDialog, bool) override {}
    void show_error(app::SessionDialog, const Message&) override {}
    void show_info(app::SessionDialog, const Message&) override {}
    void show_strength(app::SessionDialog, const store::PassphraseStrength&) override {}
    void show_citizen(const Message&) override {}
    void offer_recovery(const Message&) override {}
    void choose_backup_file() override {}
};

struct NullReportView : app::ReportView {
    std::vector<app::ReportProblem> problems;
    Message note;
    int cleared = 0;
    void show_categories(const std::vector<api::open311::Service>&) override {}
    void show_attributes(const std::vector<api::open311::Attribute>&) override {}
    void show_districts(const std::vector<std::string>&) override {}
    void show_counter(const Message&, bool) override {}
    void show_photos(const std::vector<std::string>&) override {}
    void show_problems(const std::vector<app::ReportProblem>& p) override { problems = p; }
    void show_busy(bool) override {}
    void show_note(const Message& n) override { note = n; }
    void clear_form() override { ++cleared; }
    void show_draft(const app::ReportDraft&) override {}
};

struct LastPayView : app::PaymentView {
    std::optional<app::PayState> last;
    void show_payment(const app::PayState& s) override { last = s; }
};

std::int64_t outbox_items(AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).count(); });
}

} // namespace

TEST_CASE("what a citizen types is in no file in plain text, in UTF-8 or UTF-16LE",
          "[app][ui-logic][privacy]") {
    const auto temp_before = temp_entries();
    TempDir profile_dir("citizendesk-no-plaintext"); // as --data-dir lays it out
    const app::AppPaths paths = app::paths_under(profile_dir.path());
    for (const auto& d : {paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir}) {
        fs::create_directories(d);
    }
    const fs::path platform_file = paths.data_dir / "demo-platform.db";

    // The support log as the app writes it, at its most talkative.
    const auto level = diag::level();
    diag::set_level(diag::Level::trace);
    auto log_file = std::make_shared<diag::RotatingFileSink>(paths.log_dir, "citizendesk",
                                                             diag::RotatingFileSink::Limits{});
    diag::add_sink(log_file);
    struct Restore { // also when a REQUIRE ends the test early
        std::shared_ptr<diag::RotatingFileSink>& sink;
        diag::Level level;
        ~Restore() {
            if (sink) {
                diag::remove_sink(sink);
                sink.reset();
            }
            diag::set_level(level);
        }
    } restore{log_file, level};

    std::vector<std::string> tokens; // the live pair, known once signed in
    std::vector<fs::path> scanned;
    std::vector<std::string> leaks;
    std::vector<std::string> platform_leaks;
    auto scan = [&](const fs::path& f) {
        std::vector<Needle> needles{{"passphrase", canary_passphrase},
                                    {"password", server::demo_password},
                                    {"access token", tokens.at(0)},
                                    {"refresh token", tokens.at(1)}};
        // The demo platform's file legitimately holds what the citizen sent it (the
        // application form, the report): there only the secrets are looked for. Everywhere
        // else the personal details too.
        const bool platform =
            f.filename().string().rfind(platform_file.filename().string(), 0) == 0;
        if (!platform) {
            needles.push_back({"ID number", canary_id});
            needles.push_back({"mobile number", canary_mobile});
            needles.push_back({"name", canary_name});
        }
        auto found = leaks_in(f, needles);
        auto& into = platform ? platform_leaks : leaks;
        into.insert(into.end(), found.begin(), found.end());
        scanned.push_back(f);
    };
    {
        AppTestContext::Options options;
        options.unlock_vault = false;
        options.server.database_path = platform_file.string(); // the demo platform's own file
        AppTestContext t(options);

        // The vault passphrase and the sign-in password, through the session screen.
        NullSessionView session_view;
        app::SessionPresenter session(*t.context, session_view);
        session.start();
        session.create_vault(store::SecretBytes(canary_passphrase),
                             store::SecretBytes(canary_passphrase));
        REQUIRE(t.ui.run_until([&] { return t.vault->unlocked(); }));
        session.sign_in_with_password(server::demo_phone,
                                      store::SecretBytes(server::demo_password));
        REQUIRE(t.ui.run_until([&] { return t.data.signed_in(); }));

        // My profile.
        NullProfileView profile_view;
        app::ProfilePresenter profile(*t.context, profile_view);
        profile.start();
        REQUIRE(t.ui.run_until([&] { return profile.loaded(); }));
        profile.save({canary_name, canary_id, canary_mobile, "鼓楼区五四路 1号", ""});
        REQUIRE(t.ui.run_until([&] { return profile_view.saves == 1; }));
        REQUIRE(profile_view.problems.empty());

        // An application form, sent to the platform.
        FakeFormView form_view;
        app::ApplicationFormPresenter form(*t.context, form_view, online_service);
        form.start();
        REQUIRE(t.ui.run_until([&] { return form.loaded(); }));
        form.set_value("applicant_name", canary_name);
        form.set_value("resident_id", canary_id);
        form.set_value("phone", canary_mobile);
        form.set_value("address", "鼓楼区五四路 1号");
        form.set_value("delivery", "pickup");
        form.submit();
        REQUIRE(t.ui.run_until([&] { return form_view.submitted.has_value(); }));
        REQUIRE(t.ui.run_until([&] { return outbox_items(t) == 0; }));

        // A My Voice report in the citizen's name, with the details in its text.
        load_city(t);
        NullReportView report_view;
        app::ReportPresenter report(*t.context, report_view);
        app::ReportDraft draft;
        draft.service_code = "102";
        draft.description = "路灯坏了。联系人 " + canary_name + "，电话 " + canary_mobile +
                            "，身份证 " + canary_id + "。";
        draft.address = "鼓楼区五四路 1号";
        draft.anonymous = false;
        report.send(draft);
        REQUIRE(t.ui.run_until([&] { return report_view.cleared == 1; }));
        REQUIRE(t.ui.run_until([&] { return outbox_items(t) == 0; }));

        // A payment: the ledger, the receipt.
        std::promise<Result<api::BillList>> due;
        t.client->bills("due", [&](Result<api::BillList> r) { due.set_value(std::move(r)); });
        auto bills = due.get_future().get();
        REQUIRE(bills.ok());
        auto bill = std::find_if(bills->bills.begin(), bills->bills.end(),
                                 [](const api::Bill& b) { return b.kind == "water"; });
        REQUIRE(bill != bills->bills.end());
        app::PaymentResolver resolver(*t.context);
        LastPayView pay_view;
        app::PaymentPresenter pay(*t.context, resolver, pay_view, *bill);
        pay.confirm();
        REQUIRE(t.ui.run_until(
            [&] { return pay_view.last && pay_view.last->stage == app::PayStage::paid; }));

        // The live tokens: a fresh sign-in hands them over (the session screen saves the
        // rotated refresh token in the vault, as after any sign-in).
        std::promise<Result<api::SessionTokens>> again;
        t.client->login(server::demo_phone, server::demo_password,
                        [&](Result<api::SessionTokens> r) { again.set_value(std::move(r)); });
        auto pair = again.get_future().get();
        REQUIRE(pair.ok());
        tokens = {pair->access_token, pair->refresh_token};
        REQUIRE(t.ui.run_until([&] {
            auto saved = t.vault->run_and_wait([](store::Vault& v) {
                return store::Preferences(v).get(app::SessionPresenter::refresh_token_key);
            });
            return saved.ok() && *saved == pair->refresh_token;
        }));
        t.ui.drain();
        diag::flush();

        // The test context's own folder (the vault) goes with it: scanned now, while the
        // vault is open and its journal exists.
        for (const auto& f : files_under(t.dir.path())) {
            scan(f);
        }
        t.server.stop();
    }
    diag::remove_sink(log_file);
    log_file.reset(); // closes the file before it is read

    for (const auto& f : files_under(profile_dir.path())) {
        scan(f); // data (the platform file among them), config, logs, cache
    }
    // Whatever else appeared in the temporary folder while the test ran (a concurrent test's
    // files are scanned too: they cannot hold these canaries either).
    for (const auto& e : temp_entries()) {
        if (temp_before.count(e) == 0 && e != profile_dir.path()) {
            if (fs::is_regular_file(e)) {
                scan(e);
            } else {
                for (const auto& f : files_under(e)) {
                    scan(f);
                }
            }
        }
    }
    WARN("no-plaintext scan: " << scanned.size() << " files");
    for (const auto& l : leaks) {
        UNSCOPED_INFO(l);
    }
    CHECK(leaks.empty()); // the app's files: vault, log, settings, cache, temporary files
    // The demo platform's file (the app runs it for --demo): live tokens must be kept hashed
    // there. Fails until the demo platform hashes its session tokens (branch fix-misc).
    for (const auto& l : platform_leaks) {
        UNSCOPED_INFO(l);
    }
    CHECK(platform_leaks.empty());
    // The scan saw what it is meant to see: the platform's file and a log with our lines.
    CHECK(std::any_of(scanned.begin(), scanned.end(),
                      [&](const fs::path& p) { return p == platform_file; }));
    CHECK(std::any_of(scanned.begin(), scanned.end(), [&](const fs::path& p) {
        return p.parent_path() == paths.log_dir && fs::file_size(p) > 0;
    }));
}
