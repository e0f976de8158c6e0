#include "ui/settings_dialog.h"

#include "app/settings_rules.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <string>

namespace cd::ui {

namespace {

// The language choice's rows: the system's, then each catalog by its own name, which a
// citizen who cannot read the current language still recognises.
constexpr std::array<const char*, 3> language_codes{"", "en", "zh_CN"};
constexpr std::array<const char*, 5> log_levels{"", "trace", "debug", "warn", "error"};
enum PlatformKind { platform_installed = 0, platform_demo = 1, platform_address = 2 };

int index_of(const auto& values, const auto& value) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == value) {
            return int(i);
        }
    }
    return 0;
}

} // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, const std::filesystem::path& settings_file,
                               app::SettingsPresenter::Applied applied)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "settings"),
      presenter_(*this, settings_file, std::move(applied)) {
    const int gap = FromDIP(8);
    auto* grid = new wxFlexGridSizer(2, gap, FromDIP(10));
    grid->AddGrowableCol(1);
    // Each label before its field, so that screen readers tie them together.
    const auto row = [&](const wxString& label, wxWindow* (*make)(SettingsDialog*)) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        wxWindow* field = make(this);
        grid->Add(field, wxSizerFlags().Expand());
        return field;
    };
    language_ = static_cast<wxChoice*>(row(_("&Language:"), [](SettingsDialog* d) -> wxWindow* {
        auto* c = new wxChoice(d, wxID_ANY);
        c->Append(_("The system's language"));
        c->Append("English");
        c->Append(wxString::FromUTF8("\xE4\xB8\xAD\xE6\x96\x87\xEF\xBC\x88\xE7\xAE\x80\xE4\xBD"
                                     "\x93\xEF\xBC\x89")); // 中文（简体）
        return c;
    }));
    text_size_ = static_cast<wxChoice*>(row(_("&Text size:"), [](SettingsDialog* d) -> wxWindow* {
        auto* c = new wxChoice(d, wxID_ANY);
        for (int percent : app::TextSize::steps_percent) {
            c->Append(wxString::Format("%d%%", percent));
        }
        return c;
    }));
    grid->AddSpacer(0);
    elder_mode_ = new wxCheckBox(this, wxID_ANY,
                                 _("&Elder mode: larger text and buttons, the 12345 hotline at "
                                   "hand, amounts in words"));
    grid->Add(elder_mode_);
    grid->AddSpacer(0);
    high_contrast_ = new wxCheckBox(this, wxID_ANY, _("&High contrast colours"));
    grid->Add(high_contrast_);
    grid->AddSpacer(0);
    suggestions_ =
        new wxCheckBox(this, wxID_ANY, _("S&uggestions worked out on this computer only"));
    grid->Add(suggestions_);
    idle_lock_ = static_cast<wxSpinCtrl*>(
        row(_("Lock my data after this many &minutes without use (0: never):"),
            [](SettingsDialog* d) -> wxWindow* {
                return new wxSpinCtrl(d, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                      wxSP_ARROW_KEYS, app::settings_limits::idle_lock_min,
                                      app::settings_limits::idle_lock_max);
            }));
    reminder_days_ = static_cast<wxSpinCtrl*>(
        row(_("Remind me of a bill this many &days before it is due:"),
            [](SettingsDialog* d) -> wxWindow* {
                return new wxSpinCtrl(d, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                      wxSP_ARROW_KEYS, app::settings_limits::reminder_days_min,
                                      app::settings_limits::reminder_days_max);
            }));

    auto* notify_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Desktop notifications"));
    wxWindow* box = notify_box->GetStaticBox();
    notify_applications_ = new wxCheckBox(box, wxID_ANY, _("When an &application changes"));
    notify_reports_ = new wxCheckBox(box, wxID_ANY, _("When the city &replies to my report"));
    notify_bills_ = new wxCheckBox(box, wxID_ANY, _("When a &bill is due soon or overdue"));
    notify_payments_ = new wxCheckBox(box, wxID_ANY, _("When a pending &payment is settled"));
    for (wxCheckBox* check :
         {notify_applications_, notify_reports_, notify_bills_, notify_payments_}) {
        notify_box->Add(check, wxSizerFlags().Border(wxALL, FromDIP(4)));
    }

    auto* platform_box =
        new wxStaticBoxSizer(wxVERTICAL, this, _("City platform (used from the next start)"));
    wxWindow* pbox = platform_box->GetStaticBox();
    platform_kind_ = new wxChoice(pbox, wxID_ANY);
    platform_kind_->Append(_("As installed on this computer"));
    platform_kind_->Append(_("The built-in demo city"));
    platform_kind_->Append(_("This address:"));
    platform_ = new wxTextCtrl(pbox, wxID_ANY);
    platform_->SetHint("https://platform.city.example");
    platform_box->Add(platform_kind_, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    platform_box->Add(platform_, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    auto* log_row = new wxBoxSizer(wxHORIZONTAL);
    log_row->Add(new wxStaticText(pbox, wxID_ANY, _("Detail of the support l&og:")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    log_level_ = new wxChoice(pbox, wxID_ANY);
    log_level_->Append(_("Normal (info)"));
    for (std::size_t i = 1; i < log_levels.size(); ++i) {
        log_level_->Append(log_levels[i]);
    }
    log_row->Add(log_level_);
    platform_box->Add(log_row, wxSizerFlags().Border(wxALL, FromDIP(4)));

    problem_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    column->Add(notify_box, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    column->Add(platform_box, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    column->Add(problem_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL),
                wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    // GTK's stock labels follow the process locale, not the language chosen in the app.
    if (auto* ok = FindWindow(wxID_OK)) {
        ok->SetLabel(_("&Save"));
    }
    if (auto* cancel = FindWindow(wxID_CANCEL)) {
        cancel->SetLabel(_("Cancel"));
    }
    SetSizerAndFit(column);

    platform_kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_enabled(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (save()) {
                EndModal(wxID_OK);
            }
        },
        wxID_OK);
    presenter_.load();
}

void SettingsDialog::show_settings(const app::UserSettings& s) {
    shown_ = s;
    language_->SetSelection(index_of(language_codes, s.language));
    text_size_->SetSelection(index_of(app::TextSize::steps_percent, s.text_size.percent()));
    elder_mode_->SetValue(s.elder_mode);
    high_contrast_->SetValue(s.high_contrast);
    suggestions_->SetValue(s.suggestions);
    notify_applications_->SetValue(s.notify_applications);
    notify_reports_->SetValue(s.notify_reports);
    notify_bills_->SetValue(s.notify_bills);
    notify_payments_->SetValue(s.notify_payments);
    idle_lock_->SetValue(s.idle_lock_minutes);
    reminder_days_->SetValue(s.reminder_days);
    if (s.platform.empty()) {
        platform_kind_->SetSelection(platform_installed);
        platform_->Clear();
    } else if (s.platform == app::demo_platform_setting) {
        platform_kind_->SetSelection(platform_demo);
        platform_->Clear();
    } else {
        platform_kind_->SetSelection(platform_address);
        platform_->ChangeValue(from_utf8(s.platform));
    }
    log_level_->SetSelection(index_of(log_levels, s.log_level));
    update_enabled();
}

void SettingsDialog::show_problem(std::optional<app::SettingsField> field, const Message& problem) {
    problem_->SetLabel(problem.empty() ? wxString() : tr(problem));
    problem_->Wrap(GetClientSize().x - FromDIP(24));
    if (field == app::SettingsField::platform) {
        platform_->SetFocus();
    } else if (field == app::SettingsField::idle_lock_minutes) {
        idle_lock_->SetFocus();
    } else if (field == app::SettingsField::reminder_days) {
        reminder_days_->SetFocus();
    }
    Layout();
    Fit();
}

app::UserSettings SettingsDialog::edited() const {
    app::UserSettings s = shown_;
    s.language = language_codes[std::size_t(std::max(0, language_->GetSelection()))];
    s.text_size = app::TextSize::from_percent(
        app::TextSize::steps_percent[std::size_t(std::max(0, text_size_->GetSelection()))]);
    s.elder_mode = elder_mode_->GetValue();
    s.high_contrast = high_contrast_->GetValue();
    s.suggestions = suggestions_->GetValue();
    s.notify_applications = notify_applications_->GetValue();
    s.notify_reports = notify_reports_->GetValue();
    s.notify_bills = notify_bills_->GetValue();
    s.notify_payments = notify_payments_->GetValue();
    s.idle_lock_minutes = idle_lock_->GetValue();
    s.reminder_days = reminder_days_->GetValue();
    switch (platform_kind_->GetSelection()) {
    case platform_demo:
        s.platform = app::demo_platform_setting;
        break;
    case platform_address:
        s.platform = platform_->GetValue().Strip(wxString::both).utf8_string();
        break;
    default:
        s.platform.clear();
        break;
    }
    s.log_level = log_levels[std::size_t(std::max(0, log_level_->GetSelection()))];
    return s;
}

bool SettingsDialog::save() {
    return presenter_.save(edited());
}

wxString SettingsDialog::problem_text() const {
    return problem_->GetLabel();
}

void SettingsDialog::update_enabled() {
    platform_->Enable(platform_kind_->GetSelection() == platform_address);
}

} // namespace cd::ui
