// What the vault and sign-in dialogs share: a form of labelled fields, an optional passphrase
// strength meter, an error line and an info line, OK and Cancel. Modeless: the answers go to
// app::SessionPresenter, whose results arrive later on the UI thread (the key derivation runs
// on the store thread), and the presenter closes the dialog when it is done.
#pragma once

#include "app/session_presenter.h"

#include <wx/dialog.h>

#include <vector>

class wxBoxSizer;
class wxButton;
class wxSizer;
class wxFlexGridSizer;
class wxGauge;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class SessionDialog : public wxDialog {
public:
    void set_busy(bool busy);
    void set_error(const Message& error);
    void set_info(const Message& info);
    void set_strength(const store::PassphraseStrength& strength);
    wxString error_text() const;
    wxString info_text() const;

    // At submit: a secret field's text, read once into SecretBytes, and the field emptied so
    // the control's copy does not stay for as long as the dialog is open.
    static store::SecretBytes take_secret(wxTextCtrl* field);
    // While typing (the strength meter): the text without emptying the field; every copy this
    // code makes is wiped before it returns (see the residual risk in the .cpp).
    static store::SecretBytes read_secret(const wxTextCtrl* field);

protected:
    SessionDialog(wxWindow* parent, app::SessionPresenter& presenter, app::SessionDialog kind,
                  const wxString& title, const wxString& name);

    void add_intro(const wxString& text);
    // A labelled text field; `name` lets tests find it.
    wxTextCtrl* add_field(const wxString& label, const wxString& name, bool secret);
    void add_row(wxWindow* label, wxWindow* field);
    void add_row(wxWindow* label, wxSizer* field);
    // The strength meter, fed from `field` as the citizen types.
    void add_strength_for(wxTextCtrl* field);
    // A window shown below the error and info lines (added by finish()).
    void add_after_messages(wxWindow* window);
    // Adds the message lines and the buttons and sizes the dialog.
    void finish(const wxString& ok_label);

    virtual void submit() = 0;

    app::SessionPresenter& presenter_;
    const app::SessionDialog kind_;
    wxButton* ok_ = nullptr;

private:
    wxBoxSizer* column_ = nullptr;
    wxFlexGridSizer* form_ = nullptr;
    wxGauge* meter_ = nullptr;
    wxStaticText* meter_text_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxStaticText* info_ = nullptr;
    std::vector<wxWindow*> after_messages_;
};

} // namespace cd::ui
