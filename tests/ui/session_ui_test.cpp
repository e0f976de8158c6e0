// The first run in the real window: the create-vault dialog comes up by itself, the citizen
// chooses a passphrase, the vault is unlocked; then Sign In is offered and signs the demo
// citizen in, who is named (masked) in the status bar.
#include "catch.hpp"

#include "app/app_events.h"
#include "linked_window.h"

#include <wx/button.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using cd::app::AppEvent;
using cd::app::ConnectionState;
using cd::test::LinkedWindow;
using cd::test::wait_until;
using cd::ui::SessionCommand;

namespace {

wxWindow* shown_dialog(const char* name) {
    wxWindow* found = nullptr;
    wait_until(
        [&] {
            found = wxWindow::FindWindowByName(name);
            return found != nullptr && found->IsShown();
        },
        std::chrono::seconds(30));
    return found != nullptr && found->IsShown() ? found : nullptr;
}

void type_into(wxWindow* dialog, const char* field, const char* text) {
    auto* control = dynamic_cast<wxTextCtrl*>(dialog->FindWindowByName(field, dialog));
    REQUIRE(control != nullptr);
    control->SetValue(wxString::FromUTF8(text)); // sends wxEVT_TEXT as typing does
}

wxString text_of(wxWindow* dialog, const char* field) {
    auto* control = dynamic_cast<wxTextCtrl*>(dialog->FindWindowByName(field, dialog));
    REQUIRE(control != nullptr);
    return control->GetValue();
}

void click(wxWindow* dialog, const char* name) {
    auto* button = dynamic_cast<wxButton*>(dialog->FindWindowByName(name, dialog));
    REQUIRE(button != nullptr);
    REQUIRE(button->IsShownOnScreen());
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

void press_ok(wxWindow* dialog) {
    auto* ok = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_OK));
    REQUIRE(ok != nullptr);
    REQUIRE(ok->IsEnabled());
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(ok);
    ok->ProcessWindowEvent(click);
}

} // namespace

TEST_CASE("First run: the create-vault dialog unlocks the vault, then Sign In signs the citizen "
          "in",
          "[ui]") {
    unsetenv("CITIZENDESK_NO_START_DIALOGS");
    LinkedWindow window(cd::test::demo_plan());
    int unlocked_events = 0;
    cd::app::Subscription sub(window.context().events, [&](AppEvent e) {
        unlocked_events += e == AppEvent::vault_unlocked ? 1 : 0;
    });
    CHECK_FALSE(window.context().vault.exists());

    wxWindow* create = shown_dialog("create_vault_dialog");
    REQUIRE(create != nullptr);
    type_into(create, "passphrase", "Lantern-river 2026");
    type_into(create, "confirmation", "Lantern-river 2027");
    press_ok(create);
    auto* error = create->FindWindowByName("error", create);
    REQUIRE(error != nullptr);
    CHECK(error->GetLabel() == "The two passphrases are not the same. Type them again.");
    CHECK_FALSE(window.context().vault.exists());

    // The passphrases were read once at submit and the fields emptied: no copy waits in them.
    CHECK(text_of(create, "passphrase").empty());
    CHECK(text_of(create, "confirmation").empty());

    type_into(create, "passphrase", "Lantern-river 2026");
    type_into(create, "confirmation", "Lantern-river 2026");
    press_ok(create);
    REQUIRE(
        wait_until([&] { return window.context().vault.unlocked(); }, std::chrono::seconds(30)));
    CHECK(window.context().vault.exists());
    CHECK(wait_until([] { return wxWindow::FindWindowByName("create_vault_dialog") == nullptr; }));
    CHECK(unlocked_events == 1);

    // No session saved yet: Sign In is offered.
    wxWindow* sign_in = shown_dialog("sign_in_dialog");
    REQUIRE(sign_in != nullptr);
    REQUIRE(window.reaches(ConnectionState::online));
    type_into(sign_in, "phone", "13800000000");
    type_into(sign_in, "password", "Demo@2026");
    press_ok(sign_in);
    CHECK(text_of(sign_in, "password").empty());
    REQUIRE(
        wait_until([&] { return window.context().data.signed_in(); }, std::chrono::seconds(30)));
    REQUIRE(wait_until([&] {
        return window.frame->GetStatusBar()->GetFieldsCount() == 2 &&
               window.frame->GetStatusBar()->GetStatusText(1).StartsWith("Signed in: ");
    }));
    const wxString who = window.frame->GetStatusBar()->GetStatusText(1);
    CHECK(who.Contains("*"));
    CHECK_FALSE(who.Contains("13800000000"));
    CHECK(wait_until([] { return wxWindow::FindWindowByName("sign_in_dialog") == nullptr; }));
}

TEST_CASE("A damaged vault: the unlock dialog offers to start over, and the damaged file is kept "
          "aside",
          "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // the test opens the vault itself
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.create_vault());
    cd::app::AppContext& context = window.context();
    run_session_command(window.frame, context, SessionCommand::lock);
    REQUIRE(wait_until([&] { return !context.vault.unlocked(); }));
    {
        std::fstream f(context.vault.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.write(std::string(64, '\0').data(), 64); // the header: no passphrase opens it now
    }

    run_session_command(window.frame, context, SessionCommand::unlock);
    wxWindow* unlock = shown_dialog("unlock_dialog");
    REQUIRE(unlock != nullptr);
    wxWindow* recovery = unlock->FindWindowByName("recovery", unlock);
    REQUIRE(recovery != nullptr);
    CHECK_FALSE(recovery->IsShown());
    type_into(unlock, "passphrase", "correct horse battery staple 42");
    press_ok(unlock);
    CHECK(text_of(unlock, "passphrase").empty());
    REQUIRE(wait_until([&] { return recovery->IsShown(); }, std::chrono::seconds(30)));
    CHECK(unlock->FindWindowByName("error", unlock)->GetLabel().Contains("damaged"));

    click(unlock, "start_over");
    wxWindow* start = shown_dialog("start_over_dialog");
    REQUIRE(start != nullptr);
    type_into(start, "passphrase", "Harbour-light 2026");
    type_into(start, "confirmation", "Harbour-light 2026");
    press_ok(start);
    CHECK(text_of(start, "passphrase").empty());
    CHECK(text_of(start, "confirmation").empty());
    REQUIRE(wait_until([&] { return context.vault.unlocked(); }, std::chrono::seconds(30)));
    CHECK(wait_until([] { return wxWindow::FindWindowByName("unlock_dialog") == nullptr; }));

    int kept = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(context.vault.path().parent_path())) {
        kept += entry.path().filename().string().rfind("vault.db.damaged-", 0) == 0 ? 1 : 0;
    }
    CHECK(kept == 1);
}
