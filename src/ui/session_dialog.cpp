#include "ui/session_dialog.h"

#include "ui/message_text.h"
#include "ui/theme.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

namespace {

constexpr int wrap_width = 420;

} // namespace

SessionDialog::SessionDialog(wxWindow* parent, app::SessionPresenter& presenter,
                             app::SessionDialog kind, const wxString& title, const wxString& name)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               name),
      presenter_(presenter), kind_(kind) {
    column_ = new wxBoxSizer(wxVERTICAL);
    form_ = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    form_->AddGrowableCol(1);
}

void SessionDialog::add_intro(const wxString& text) {
    auto* intro = new wxStaticText(this, wxID_ANY, text);
    intro->Wrap(FromDIP(wrap_width));
    column_->Add(intro, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
}

wxTextCtrl* SessionDialog::add_field(const wxString& label, const wxString& name, bool secret) {
    // The label first: GTK names a field after the text created just before it.
    auto* caption = new wxStaticText(this, wxID_ANY, label);
    auto* field =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                       secret ? wxTE_PASSWORD : 0, wxDefaultValidator, name);
    add_row(caption, field);
    return field;
}

void SessionDialog::add_row(wxWindow* label, wxWindow* field) {
    form_->Add(label, wxSizerFlags().CenterVertical());
    form_->Add(field, wxSizerFlags().Expand());
}

void SessionDialog::add_row(wxWindow* label, wxSizer* field) {
    form_->Add(label, wxSizerFlags().CenterVertical());
    form_->Add(field, wxSizerFlags().Expand());
}

void SessionDialog::add_strength_for(wxTextCtrl* field) {
    auto* caption = new wxStaticText(this, wxID_ANY, _("Strength:"));
    meter_ = new wxGauge(this, wxID_ANY, 3, wxDefaultPosition, FromDIP(wxSize(260, 8)));
    meter_text_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(meter_, wxSizerFlags().Expand());
    box->Add(meter_text_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    form_->Add(caption, wxSizerFlags().CenterVertical());
    form_->Add(box, wxSizerFlags().Expand());
    field->Bind(wxEVT_TEXT, [this, field](wxCommandEvent&) {
        presenter_.passphrase_edited(kind_, read_secret(field));
    });
}

void SessionDialog::add_after_messages(wxWindow* window) {
    after_messages_.push_back(window);
}

void SessionDialog::finish(const wxString& ok_label) {
    column_->Add(form_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    error_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "error");
    info_ =
        new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "info");
    column_->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    column_->Add(info_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(4)));
    for (wxWindow* window : after_messages_) {
        column_->Add(window, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    }
    error_->Hide();
    info_->Hide();

    ok_ = new wxButton(this, wxID_OK, ok_label);
    ok_->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(ok_);
    buttons->AddSpacer(FromDIP(8));
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")));
    column_->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(column_);
    SetEscapeId(wxID_CANCEL);

    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.cancelled(kind_); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { presenter_.cancelled(kind_); });
}

void SessionDialog::set_busy(bool busy) {
    if (ok_ != nullptr) {
        ok_->Enable(!busy);
    }
    if (busy) {
        SetCursor(wxCursor(wxCURSOR_WAIT));
    } else {
        SetCursor(wxNullCursor);
    }
}

void SessionDialog::set_error(const Message& error) {
    error_->SetForegroundColour(to_wx(current_palette().error)); // the theme may have changed
    error_->SetLabel(error.empty() ? wxString() : tr(error));
    error_->Wrap(FromDIP(wrap_width));
    error_->Show(!error.empty());
    Layout();
    Fit();
}

void SessionDialog::set_info(const Message& info) {
    info_->SetLabel(info.empty() ? wxString() : tr(info));
    info_->Wrap(FromDIP(wrap_width));
    info_->Show(!info.empty());
    Layout();
    Fit();
}

void SessionDialog::set_strength(const store::PassphraseStrength& strength) {
    if (meter_ == nullptr) {
        return;
    }
    meter_->SetValue(int(strength.level));
    meter_text_->SetLabel(strength.hint.empty() ? wxString() : tr(strength.hint));
    meter_text_->Wrap(FromDIP(260));
    Layout();
    Fit();
}

wxString SessionDialog::error_text() const {
    return error_->GetLabel();
}

wxString SessionDialog::info_text() const {
    return info_->GetLabel();
}

store::SecretBytes SessionDialog::take_secret(wxTextCtrl* field) {
    store::SecretBytes secret = read_secret(field);
    field->Clear();
    return secret;
}

// wxWidgets gives a field's text only as a wxString (GetValue). The two copies made here, that
// wxString and its UTF-8 form, are wiped before this returns, so no copy made by this code
// lives on after a keystroke or a submit. Residual risk, beyond this code's reach: GetValue
// converts the toolkit's buffer through temporary buffers that wxWidgets frees without wiping,
// and the toolkit keeps the field's own text (GTK wipes a password entry's buffer when it
// changes or goes; Clear() at submit makes it go). Those freed bytes stay in the heap until the
// memory is reused.
store::SecretBytes SessionDialog::read_secret(const wxTextCtrl* field) {
    wxString text = field->GetValue();
    wxCharBuffer utf8 = text.utf8_str();
    store::SecretBytes secret = store::SecretBytes::take(utf8.data(), utf8.length());
    for (wxString::iterator it = text.begin(); it != text.end(); ++it) {
        *it = wxUniChar(0); // in place: wxString's iterators write into its own buffer
    }
    text.clear();
    return secret;
}

} // namespace cd::ui
