// File > Settings (Ctrl+,; the application menu on macOS): language, text size, elder mode,
// high contrast, suggestions, notifications by kind, idle lock, bill reminders, the city
// platform and the log detail — everything the command line can set, except --data-dir,
// which says where this very file lives. Implements app::SettingsView; the rules and saving
// are app::SettingsPresenter's.
#pragma once

#include "app/settings_presenter.h"

#include <wx/dialog.h>

#include <filesystem>

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class SettingsDialog final : public wxDialog, public app::SettingsView {
public:
    SettingsDialog(wxWindow* parent, const std::filesystem::path& settings_file,
                   app::SettingsPresenter::Applied applied);

    void show_settings(const app::UserSettings& settings) override;
    void show_problem(std::optional<app::SettingsField> field, const Message& problem) override;

    // What the controls say now, as settings (for the presenter, and tests).
    app::UserSettings edited() const;
    // Saves (as the Save button does); false when the presenter refused.
    bool save();

    wxChoice* language_choice() const { return language_; }
    wxChoice* text_size_choice() const { return text_size_; }
    wxCheckBox* elder_mode_box() const { return elder_mode_; }
    wxChoice* platform_choice() const { return platform_kind_; }
    wxTextCtrl* platform_field() const { return platform_; }
    wxSpinCtrl* idle_lock_field() const { return idle_lock_; }
    wxSpinCtrl* reminder_days_field() const { return reminder_days_; }
    wxString problem_text() const;

private:
    void update_enabled();

    wxChoice* language_ = nullptr;
    wxChoice* text_size_ = nullptr;
    wxCheckBox* elder_mode_ = nullptr;
    wxCheckBox* high_contrast_ = nullptr;
    wxCheckBox* suggestions_ = nullptr;
    wxCheckBox* notify_applications_ = nullptr;
    wxCheckBox* notify_reports_ = nullptr;
    wxCheckBox* notify_bills_ = nullptr;
    wxCheckBox* notify_payments_ = nullptr;
    wxSpinCtrl* idle_lock_ = nullptr;
    wxSpinCtrl* reminder_days_ = nullptr;
    wxChoice* platform_kind_ = nullptr;
    wxTextCtrl* platform_ = nullptr;
    wxChoice* log_level_ = nullptr;
    wxStaticText* problem_ = nullptr;
    app::UserSettings shown_;          // what is not edited here (elder_mode_asked) passes through
    app::SettingsPresenter presenter_; // last
};

} // namespace cd::ui
