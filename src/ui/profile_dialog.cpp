#include "ui/profile_dialog.h"

#include "ui/message_text.h"
#include "ui/text_wrap.h"
#include "ui/theme.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

ProfileDialog::ProfileDialog(wxWindow* parent, app::AppContext& context)
    : wxDialog(parent, wxID_ANY, _("My profile"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      presenter_(context, *this) {
    SetName("profile");
    auto* column = new wxBoxSizer(wxVERTICAL);
    SetSizer(column);
    const int gap = FromDIP(10);
    auto* intro = new wxStaticText(this, wxID_ANY, wxString());
    intro->SetLabel(wrap_to_width(
        *intro,
        _("Application forms can be filled in from these details when you agree. They stay "
          "encrypted on this computer and are sent only with a form you submit."),
        FromDIP(460)));
    column->Add(intro, wxSizerFlags().Expand().Border(wxALL, gap));
    add_field("name", _("&Name:"), wxString());
    add_field("resident_id", _("&ID number:"), _("18 characters, the last may be X"));
    add_field("phone", _("&Mobile number:"), _("11 digits"));
    add_field("address", _("&Address:"), wxString());
    add_field("citizen_card", _("&Citizen-card number:"), wxString());
    note_ = new wxStaticText(this, wxID_ANY, wxString());
    column->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    save_ = dynamic_cast<wxButton*>(FindWindow(wxID_OK));
    if (save_ != nullptr) {
        save_->SetLabel(_("&Save"));
        save_->Disable(); // until the stored profile is read
    }
    if (auto* cancel = FindWindow(wxID_CANCEL)) {
        cancel->SetLabel(_("Cancel")); // GTK's stock label follows the process locale, not --lang
    }
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetMinSize(FromDIP(wxSize(480, -1)));
    Fit();

    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.save(fields()); }, wxID_OK);
    presenter_.start();
}

void ProfileDialog::add_field(const std::string& key, const wxString& label, const wxString& hint) {
    const int gap = FromDIP(10);
    auto* column = GetSizer();
    column->Add(new wxStaticText(this, wxID_ANY, label),
                wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    Field f;
    f.input = new wxTextCtrl(this, wxID_ANY);
    f.input->SetName("profile-" + key);
    if (!hint.empty()) {
        f.input->SetHint(hint);
    }
    column->Add(f.input, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    f.problem = new wxStaticText(this, wxID_ANY, wxString());
    f.problem->SetForegroundColour(to_wx(current_palette().error));
    column->Add(f.problem, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    fields_[key] = f;
}

wxString ProfileDialog::value(const std::string& key) const {
    return fields_.at(key).input->GetValue();
}

app::ProfileFields ProfileDialog::fields() const {
    const auto text = [this](const char* key) {
        return value(key).Strip(wxString::both).utf8_string();
    };
    return {text("name"), text("resident_id"), text("phone"), text("address"),
            text("citizen_card")};
}

void ProfileDialog::show_profile(const app::ProfileFields& f) {
    fields_.at("name").input->ChangeValue(from_utf8(f.name));
    fields_.at("resident_id").input->ChangeValue(from_utf8(f.resident_id));
    fields_.at("phone").input->ChangeValue(from_utf8(f.phone));
    fields_.at("address").input->ChangeValue(from_utf8(f.address));
    fields_.at("citizen_card").input->ChangeValue(from_utf8(f.citizen_card));
    if (save_ != nullptr) {
        save_->Enable();
    }
}

void ProfileDialog::show_busy(bool busy) {
    if (save_ != nullptr) {
        save_->Enable(!busy && presenter_.loaded());
    }
}

void ProfileDialog::show_field_problems(const std::vector<store::FieldProblem>& problems) {
    for (auto& [key, f] : fields_) {
        f.problem->SetLabel(wxString());
    }
    for (const auto& p : problems) {
        if (auto it = fields_.find(p.field); it != fields_.end()) {
            it->second.problem->SetLabel(
                wrap_to_width(*it->second.problem, tr(p.message), FromDIP(460)));
        }
    }
    Layout();
    Fit();
}

void ProfileDialog::show_note(const Message& note) {
    note_->SetLabel(wrap_to_width(*note_, tr(note), FromDIP(460)));
    Layout();
    Fit();
}

void ProfileDialog::saved() {
    if (IsModal()) {
        EndModal(wxID_OK);
    } else {
        Hide();
    }
}

void ProfileDialog::enter(const std::string& field, const wxString& text) {
    fields_.at(field).input->ChangeValue(text);
}

wxString ProfileDialog::problem_text(const std::string& field) const {
    return fields_.at(field).problem->GetLabel();
}

wxString ProfileDialog::note_text() const {
    return note_->GetLabel();
}

} // namespace cd::ui
