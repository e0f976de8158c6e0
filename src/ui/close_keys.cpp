#include "ui/close_keys.h"

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/toplevel.h>

namespace cd::ui {

bool is_close_key(int key_code, bool control_down, bool other_modifiers) {
    if (other_modifiers) {
        return false;
    }
    return (key_code == WXK_ESCAPE && !control_down) ||
           (control_down && (key_code == 'W' || key_code == 'w'));
}

namespace {

// Bound on the application object while the main window lives (a class, not a lambda, so
// that it can be unbound again).
class CloseKeys final : public wxEvtHandler {
public:
    explicit CloseKeys(wxTopLevelWindow* main) : main_(main) {
        wxTheApp->Bind(wxEVT_CHAR_HOOK, &CloseKeys::on_key, this);
        main->Bind(wxEVT_DESTROY, [this](wxWindowDestroyEvent& event) {
            event.Skip();
            if (event.GetEventObject() == main_) {
                if (wxTheApp != nullptr) {
                    wxTheApp->Unbind(wxEVT_CHAR_HOOK, &CloseKeys::on_key, this);
                }
                delete this;
            }
        });
    }

private:
    void on_key(wxKeyEvent& event) {
        event.Skip();
        const bool others = event.AltDown() || event.ShiftDown() || event.MetaDown();
        if (!is_close_key(event.GetKeyCode(), event.ControlDown(), others)) {
            return;
        }
        auto* source = dynamic_cast<wxWindow*>(event.GetEventObject());
        wxWindow* top = source != nullptr ? wxGetTopLevelParent(source) : nullptr;
        if (top == nullptr || top == main_) {
            return;
        }
        event.Skip(false);
        // A dialog's Cancel button says what closing means there (its presenter may be told);
        // otherwise the window closes as its close box would close it.
        if (auto* dialog = dynamic_cast<wxDialog*>(top)) {
            const int escape =
                dialog->GetEscapeId() == wxID_ANY ? wxID_CANCEL : dialog->GetEscapeId();
            if (wxWindow* cancel = dialog->FindWindow(escape);
                cancel != nullptr && cancel->IsEnabled()) {
                wxCommandEvent click(wxEVT_BUTTON, escape);
                click.SetEventObject(cancel);
                cancel->ProcessWindowEvent(click);
                return;
            }
        }
        top->Close();
    }

    wxTopLevelWindow* main_;
};

} // namespace

void close_secondary_windows_with_keys(wxTopLevelWindow* main) {
    if (wxTheApp != nullptr) {
        new CloseKeys(main); // deletes itself with the main window
    }
}

} // namespace cd::ui
