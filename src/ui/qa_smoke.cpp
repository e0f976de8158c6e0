#include "ui/qa_smoke.h"

#if defined(CITIZENDESK_QA_HOOKS)
#include "ui/main_frame.h"

#include <wx/button.h>
#include <wx/file.h>
#include <wx/notebook.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <random>
#endif

namespace cd::ui {

#if defined(CITIZENDESK_QA_HOOKS)

namespace {

// Lives as long as the main window (deleted when it is destroyed). It looks every 100 ms:
// there is no event for "a session dialog was shown", and a smoke may be slow under Wine.
class SmokeProbe final : public wxEvtHandler {
public:
    SmokeProbe(MainFrame* frame, app::AppContext& context, const wxString& report)
        : frame_(frame), context_(context), report_(report, wxFile::write) {
        write("window=shown");
        wxString tabs;
        for (size_t i = 0; i < frame->notebook()->GetPageCount(); ++i) {
            tabs << (i > 0 ? "|" : "") << frame->notebook()->GetPageText(i);
        }
        write("tabs=" + tabs);
        timer_.SetOwner(this);
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { step(); });
        timer_.Start(100);
        frame->Bind(wxEVT_DESTROY, [this, frame](wxWindowDestroyEvent& event) {
            event.Skip();
            if (event.GetEventObject() == frame) {
                timer_.Stop();
                delete this;
            }
        });
    }

private:
    void write(const wxString& line) {
        report_.Write(line + "\n", wxConvUTF8);
        report_.Flush();
    }

    static wxString throwaway_passphrase() {
        std::random_device rd;
        wxString s = "Smoke-";
        for (int i = 0; i < 4; ++i) {
            s << wxString::Format("%08x", rd());
        }
        return s;
    }

    // Fills a session dialog's fields and presses its default button, as a citizen would.
    bool submit(const char* dialog_name,
                std::initializer_list<std::pair<const char*, wxString>> fields) {
        wxWindow* dialog = wxWindow::FindWindowByName(dialog_name);
        if (dialog == nullptr || !dialog->IsShown()) {
            return false;
        }
        for (const auto& [name, value] : fields) {
            auto* field = dynamic_cast<wxTextCtrl*>(dialog->FindWindowByName(name, dialog));
            if (field == nullptr) {
                return false;
            }
            field->SetValue(value);
        }
        auto* ok = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_OK));
        if (ok == nullptr || !ok->IsEnabled()) {
            return false;
        }
        wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
        click.SetEventObject(ok);
        ok->ProcessWindowEvent(click);
        return true;
    }

    void step() {
        if (!online_ && frame_->presenter().connection() == app::ConnectionState::online) {
            online_ = true;
            write("platform=online " + frame_->GetStatusBar()->GetStatusText(0));
        }
        if (!vault_submitted_) {
            const wxString passphrase = throwaway_passphrase();
            vault_submitted_ = submit("create_vault_dialog",
                                      {{"passphrase", passphrase}, {"confirmation", passphrase}});
        } else if (!vault_ && context_.vault.unlocked()) {
            vault_ = true;
            write(wxString("vault=") + (context_.vault.exists() ? "created" : "missing"));
        }
        if (vault_ && online_ && !sign_in_submitted_) {
            // The demo city's published demo citizen (README), not anyone's real account.
            sign_in_submitted_ =
                submit("sign_in_dialog", {{"phone", "13800000000"}, {"password", "Demo@2026"}});
        } else if (sign_in_submitted_ && !signed_in_ && context_.data.signed_in()) {
            signed_in_ = true;
            write("signed_in=yes");
        }
        if (vault_ && online_ && signed_in_) {
            timer_.Stop();
            write("status=" + frame_->GetStatusBar()->GetStatusText(0));
            write("done");
        } else if (++ticks_ > 1800) { // three minutes: report what is missing, do not hang
            timer_.Stop();
            write(wxString::Format("timeout vault=%d online=%d signed_in=%d", vault_, online_,
                                   signed_in_));
        }
    }

    MainFrame* frame_;
    app::AppContext& context_;
    wxFile report_;
    wxTimer timer_;
    bool vault_submitted_ = false;
    bool vault_ = false;
    bool online_ = false;
    bool sign_in_submitted_ = false;
    bool signed_in_ = false;
    int ticks_ = 0;
};

} // namespace

void start_qa_smoke(MainFrame* frame, app::AppContext& context) {
    wxString report;
    if (!wxGetEnv("CITIZENDESK_QA_SMOKE_REPORT", &report) || report.empty()) {
        return;
    }
    new SmokeProbe(frame, context, report);
}

#else

void start_qa_smoke(MainFrame*, app::AppContext&) {}

#endif

} // namespace cd::ui
