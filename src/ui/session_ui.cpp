#include "ui/session_ui.h"

#include "app/session_presenter.h"
#include "ui/change_passphrase_dialog.h"
#include "ui/create_vault_dialog.h"
#include "ui/main_frame.h"
#include "ui/message_text.h"
#include "ui/restore_backup_dialog.h"
#include "ui/sign_in_dialog.h"
#include "ui/start_over_dialog.h"
#include "ui/text_scaling.h"
#include "ui/unlock_dialog.h"

#include <wx/clntdata.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/statusbr.h>
#include <wx/weakref.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

namespace cd::ui {

namespace {

using app::SessionDialog;

// The session's view: opens and closes the four dialogs and shows who is signed in in the
// status bar's second field. Owned by the main window (as its client object), so it goes when
// the window goes; the dialogs are the window's children and go first.
class SessionController final : public wxClientData, public app::SessionView {
public:
    SessionController(wxWindow* frame, app::AppContext& context)
        : frame_(frame), presenter_(context, *this) {}

    app::SessionPresenter& presenter() { return presenter_; }

    void open(SessionDialog kind) override {
        ui::SessionDialog* dialog = find(kind);
        if (dialog == nullptr) {
            dialog = make(kind);
            dialogs_[index(kind)] = dialog;
            if (auto* main = dynamic_cast<MainFrame*>(frame_)) {
                rescale_text(dialog, main->text_factor());
                dialog->Fit();
            }
            dialog->CentreOnParent();
        }
        dialog->Show();
        dialog->Raise();
    }

    void close(SessionDialog kind) override {
        if (ui::SessionDialog* dialog = find(kind)) {
            dialog->Hide();
            dialog->Destroy();
        }
        dialogs_[index(kind)] = nullptr;
    }

    void show_busy(SessionDialog kind, bool busy) override {
        if (ui::SessionDialog* dialog = find(kind)) {
            dialog->set_busy(busy);
        }
    }

    void show_error(SessionDialog kind, const Message& error) override {
        if (ui::SessionDialog* dialog = find(kind)) {
            dialog->set_error(error);
            if (auto* unlock = dynamic_cast<UnlockDialog*>(dialog); unlock && !error.empty()) {
                unlock->clear_passphrase();
            }
        }
    }

    void show_info(SessionDialog kind, const Message& info) override {
        if (ui::SessionDialog* dialog = find(kind)) {
            dialog->set_info(info);
        }
    }

    void show_strength(SessionDialog kind, const store::PassphraseStrength& strength) override {
        if (ui::SessionDialog* dialog = find(kind)) {
            dialog->set_strength(strength);
        }
    }

    void offer_recovery(const Message& why) override {
        if (auto* unlock = dynamic_cast<UnlockDialog*>(find(SessionDialog::unlock))) {
            unlock->offer_recovery(why);
        }
    }

    void choose_backup_file() override {
        wxWindow* parent = find(SessionDialog::unlock);
        wxFileDialog chooser(parent != nullptr ? parent : frame_, _("Choose your backup file"),
                             wxString(), wxString(), _("Backups (*.cdvault)|*.cdvault|All files|*"),
                             wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (chooser.ShowModal() != wxID_OK) {
            return;
        }
        const std::string utf8 = chooser.GetPath().utf8_string();
        presenter_.backup_chosen(std::filesystem::path(std::u8string(utf8.begin(), utf8.end())));
    }

    void show_citizen(const Message& who) override {
        auto* window = dynamic_cast<wxFrame*>(frame_);
        wxStatusBar* bar = window != nullptr ? window->GetStatusBar() : nullptr;
        if (bar == nullptr) {
            return;
        }
        if (bar->GetFieldsCount() < 2) {
            const int widths[] = {-3, -2};
            bar->SetFieldsCount(2, widths);
        }
        bar->SetStatusText(who.empty() ? wxString() : tr(who), 1);
    }

private:
    static std::size_t index(SessionDialog kind) { return std::size_t(kind); }

    ui::SessionDialog* find(SessionDialog kind) const { return dialogs_[index(kind)].get(); }

    ui::SessionDialog* make(SessionDialog kind) {
        switch (kind) {
        case SessionDialog::create_vault:
            return new CreateVaultDialog(frame_, presenter_);
        case SessionDialog::unlock:
            return new UnlockDialog(frame_, presenter_);
        case SessionDialog::sign_in:
            return new SignInDialog(frame_, presenter_);
        case SessionDialog::change_passphrase:
            return new ChangePassphraseDialog(frame_, presenter_);
        case SessionDialog::start_over:
            return new StartOverDialog(frame_, presenter_);
        case SessionDialog::restore_backup:
            return new RestoreBackupDialog(frame_, presenter_);
        }
        return nullptr;
    }

    wxWindow* frame_;
    std::array<wxWeakRef<ui::SessionDialog>, 6> dialogs_;
    app::SessionPresenter presenter_; // last: its callbacks may reach the members above
};

SessionController& controller_for(wxWindow* frame, app::AppContext& context) {
    if (auto* existing = dynamic_cast<SessionController*>(frame->GetClientObject())) {
        return *existing;
    }
    auto* created = new SessionController(frame, context);
    frame->SetClientObject(created); // the frame deletes it
    return *created;
}

} // namespace

bool start_dialogs_disabled() {
    const char* value = std::getenv("CITIZENDESK_NO_START_DIALOGS");
    return value != nullptr && std::strcmp(value, "1") == 0;
}

void start_session(wxWindow* frame, app::AppContext& context) {
    if (start_dialogs_disabled()) {
        return;
    }
    controller_for(frame, context).presenter().start();
}

void run_session_command(wxWindow* frame, app::AppContext& context, SessionCommand command) {
    app::SessionPresenter& presenter = controller_for(frame, context).presenter();
    switch (command) {
    case SessionCommand::unlock:
        presenter.unlock_requested();
        break;
    case SessionCommand::lock:
        presenter.lock();
        break;
    case SessionCommand::change_passphrase:
        presenter.change_passphrase_requested();
        break;
    case SessionCommand::sign_in:
        presenter.sign_in_requested();
        break;
    case SessionCommand::sign_out:
        presenter.sign_out();
        break;
    case SessionCommand::start_over:
        presenter.start_over_requested();
        break;
    case SessionCommand::restore_backup:
        presenter.restore_requested();
        break;
    }
}

} // namespace cd::ui
