#include "ui/open311_settings_dialog.h"

#include "ui/accessible_names.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

Open311SettingsDialog::Open311SettingsDialog(wxWindow* parent, app::AppContext& context)
    : wxDialog(parent, wxID_ANY, _("Where reports go"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      city_(new wxRadioButton(this, wxID_ANY, _("The &city's reporting service"), wxDefaultPosition,
                              wxDefaultSize, wxRB_GROUP)),
      custom_(new wxRadioButton(this, wxID_ANY, _("&Another Open311 GeoReport v2 endpoint"))),
      endpoint_(new wxTextCtrl(this, wxID_ANY)), jurisdiction_(new wxTextCtrl(this, wxID_ANY)),
      api_key_(new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_PASSWORD)),
      multiple_media_(
          new wxCheckBox(this, wxID_ANY, _("This endpoint accepts several &photos per report"))),
      key_state_(new wxStaticText(this, wxID_ANY, wxString())),
      problem_(new wxStaticText(this, wxID_ANY, wxString())), presenter_(context, *this) {
    endpoint_->SetHint("https://311.example.org/open311/v2");
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->Add(label_for(endpoint_, _("&Endpoint:")), wxSizerFlags().CenterVertical());
    grid->Add(endpoint_, wxSizerFlags().Expand());
    grid->Add(label_for(jurisdiction_, _("&Jurisdiction ID:")), wxSizerFlags().CenterVertical());
    grid->Add(jurisdiction_, wxSizerFlags().Expand());
    grid->Add(label_for(api_key_, _("API &key:")), wxSizerFlags().CenterVertical());
    grid->Add(api_key_, wxSizerFlags().Expand());
    grid->AddSpacer(0);
    grid->Add(key_state_);
    grid->AddSpacer(0);
    grid->Add(multiple_media_);

    const int gap = FromDIP(10);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(city_, wxSizerFlags().Border(wxALL, gap));
    column->Add(custom_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
    column->Add(problem_, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
                wxSizerFlags().Expand().Border(wxALL, gap));
    // GTK's stock labels follow the process locale, not the language chosen with --lang.
    if (auto* save = FindWindow(wxID_OK)) {
        save->SetLabel(_("&Save"));
    }
    if (auto* cancel = FindWindow(wxID_CANCEL)) {
        cancel->SetLabel(_("Cancel"));
    }
    SetSizerAndFit(column);
    SetMinSize(FromDIP(wxSize(520, -1)));
    Fit();

    city_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_enabled(); });
    custom_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_enabled(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            presenter_.save(custom_->GetValue(), endpoint_->GetValue().ToStdString(wxConvUTF8),
                            jurisdiction_->GetValue().ToStdString(wxConvUTF8),
                            api_key_->GetValue().ToStdString(wxConvUTF8),
                            custom_->GetValue() && multiple_media_->GetValue());
        },
        wxID_OK);
    update_enabled();
    presenter_.start();
}

void Open311SettingsDialog::update_enabled() {
    const bool custom = custom_->GetValue();
    endpoint_->Enable(custom);
    jurisdiction_->Enable(custom);
    api_key_->Enable(custom);
    multiple_media_->Enable(custom); // the city's own endpoint gets one photo per report
}

void Open311SettingsDialog::show_settings(const app::Open311Settings& settings, bool has_api_key,
                                          const std::string& city_endpoint) {
    city_->SetLabel(
        wxString::Format(_("The &city's reporting service (%s)"), from_utf8(city_endpoint)));
    (settings.custom ? custom_ : city_)->SetValue(true);
    endpoint_->ChangeValue(from_utf8(settings.endpoint));
    jurisdiction_->ChangeValue(from_utf8(settings.jurisdiction_id));
    api_key_->ChangeValue(wxString());
    multiple_media_->SetValue(settings.multiple_media);
    key_state_->SetLabel(has_api_key ? _("A key is stored. Leave empty to keep it.")
                                     : _("No key stored."));
    update_enabled();
    Layout();
}

wxString Open311SettingsDialog::key_state_text() const {
    return key_state_->GetLabel();
}

void Open311SettingsDialog::show_problem(const Message& problem) {
    problem_->SetLabel(tr(problem));
    Layout();
}

void Open311SettingsDialog::saved() {
    api_key_->ChangeValue(wxString());
    if (IsModal()) {
        EndModal(wxID_OK);
    } else {
        Hide(); // shown modeless (tests): closing is hiding
    }
}

} // namespace cd::ui
