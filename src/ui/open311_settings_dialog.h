// My Voice's endpoint settings: the city's Open311 endpoint or another GeoReport v2 endpoint
// with its api_key (entered, never shown back), jurisdiction_id and whether it takes several
// photos per report (most cities take one; the others stay with the report). Implements
// app::Open311SettingsView; the presenter keeps them in the vault.
#pragma once

#include "app/open311_settings.h"

#include <wx/dialog.h>

class wxCheckBox;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class Open311SettingsDialog final : public wxDialog, public app::Open311SettingsView {
public:
    Open311SettingsDialog(wxWindow* parent, app::AppContext& context);

    void show_settings(const app::Open311Settings& settings, bool has_api_key,
                       const std::string& city_endpoint) override;
    void show_problem(const Message& problem) override;
    void saved() override;

    // For tests: the controls the citizen uses.
    wxRadioButton* custom_choice() const { return custom_; }
    wxTextCtrl* endpoint_field() const { return endpoint_; }
    wxTextCtrl* api_key_field() const { return api_key_; }
    wxCheckBox* multiple_media_box() const { return multiple_media_; }
    wxString key_state_text() const; // "" until the settings are shown

private:
    void update_enabled();

    wxRadioButton* city_ = nullptr;
    wxRadioButton* custom_ = nullptr;
    wxTextCtrl* endpoint_ = nullptr;
    wxTextCtrl* jurisdiction_ = nullptr;
    wxTextCtrl* api_key_ = nullptr;
    wxCheckBox* multiple_media_ = nullptr;
    wxStaticText* key_state_ = nullptr;
    wxStaticText* problem_ = nullptr;
    app::Open311SettingsPresenter presenter_; // last
};

} // namespace cd::ui
