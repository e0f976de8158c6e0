// The message centre for real: a desktop without a notification service (the session bus
// leads nowhere), the real WxNotifier, the vault, the status bar and the window.
#include "app/message_centre.h"
#include "linked_window.h"
#include "ui/message_centre_dialog.h"
#include "ui/wx_notifier.h"

#include <wx/treectrl.h>

#include <cstdlib>

using cd::test::LinkedWindow;
using cd::test::wait_until;

namespace {

// The labels of every message row, in order.
std::vector<wxString> message_labels(wxTreeCtrl* tree) {
    std::vector<wxString> labels;
    if (!tree->GetRootItem().IsOk()) {
        return labels; // nothing listed yet
    }
    wxTreeItemIdValue groups;
    for (auto g = tree->GetFirstChild(tree->GetRootItem(), groups); g.IsOk();
         g = tree->GetNextChild(tree->GetRootItem(), groups)) {
        wxTreeItemIdValue rows;
        for (auto r = tree->GetFirstChild(g, rows); r.IsOk(); r = tree->GetNextChild(g, rows)) {
            labels.push_back(tree->GetItemText(r));
        }
    }
    return labels;
}

} // namespace

TEST_CASE("a notification the desktop cannot show is in the message centre and counted", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    cd::test::TempDir nowhere;
    const std::string bus = "unix:path=" + (nowhere.path() / "no-session-bus").string();
    setenv("DBUS_SESSION_BUS_ADDRESS", bus.c_str(), 1); // no notification service
    auto desktop = std::make_unique<cd::ui::WxNotifier>();
    cd::ui::WxNotifier* shown = desktop.get();
    LinkedWindow window(cd::test::demo_plan(), "en", std::move(desktop));
    REQUIRE(window.create_vault());
    window.context().data.set_signed_in(std::nullopt, "citizen-ui-test");
    cd::test::LoggedProblems logged;

    window.context().notifier.notify_about(cd::app::NoticeKind::bill, cd::msg("A bill is due soon"),
                                           cd::msg("{0}: {1} yuan is due on {2}. Pay it on My "
                                                   "Payments.",
                                                   {"Water", "42.50", "2026-12-05"}));
    wxStatusBar* bar = window.frame->GetStatusBar();
    auto unread_text = [&] {
        return bar->GetFieldsCount() > cd::ui::MainFrame::status_messages
                   ? bar->GetStatusText(cd::ui::MainFrame::status_messages)
                   : wxString();
    };
    REQUIRE(wait_until([&] { return unread_text() == "1 unread message"; }));
    CHECK(shown->not_shown() == 1); // the desktop said no, and nothing popped up about it
    CHECK(logged.problems().empty());

    window.context().notifier.notify_about(cd::app::NoticeKind::report,
                                           cd::msg("The city replied to your report"),
                                           cd::msg("Open My Voice to read the reply."));
    REQUIRE(wait_until([&] { return unread_text() == "2 unread messages"; }));

    window.frame->show_message_centre();
    cd::ui::MessageCentreDialog* centre = window.frame->message_centre();
    REQUIRE(centre != nullptr);
    REQUIRE(wait_until([&] { return message_labels(centre->tree()).size() == 2; }));
    const auto labels = message_labels(centre->tree());
    CHECK(labels[0].StartsWith("Unread: A bill is due soon"));
    CHECK(labels[1].StartsWith("Unread: The city replied to your report"));

    // Opening the bill's message reads it: the count goes down, the row says so.
    const auto& groups = window.frame->messages()->groups();
    REQUIRE(groups.size() == 2);
    centre->open_message(groups[0].rows.at(0).id);
    REQUIRE(wait_until([&] { return unread_text() == "1 unread message"; }));
    REQUIRE(wait_until([&] { return message_labels(centre->tree()).at(0).StartsWith("A bill"); }));

    // Ctrl+W closes the window, as Esc does.
    wxCommandEvent close(wxEVT_MENU, wxID_CLOSE);
    centre->GetEventHandler()->ProcessEvent(close);
    REQUIRE(wait_until([&] { return window.frame->message_centre() == nullptr; }));
}
