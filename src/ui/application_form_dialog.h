// The apply-online form of one service (window name "application-form"): implements
// app::ApplicationFormView with one control per field of the platform's schema, its problem in
// red beneath it, a consent box for filling in from the profile, and the attachments list.
// Not modal; it saves the draft a moment after the last keystroke and when it closes.
#pragma once

#include "app/application_form_presenter.h"

#include <wx/dialog.h>
#include <wx/timer.h>

#include <map>

class wxButton;
class wxCheckBox;
class wxListBox;
class wxScrolledWindow;
class wxStaticText;

namespace cd::ui {

class ApplicationFormDialog final : public wxDialog, public app::ApplicationFormView {
public:
    // resume: a refused application to correct (see ApplicationFormPresenter::resume).
    ApplicationFormDialog(wxWindow* parent, app::AppContext& context, const std::string& service_id,
                          const store::OutboxItem* resume = nullptr);

    void show_busy(bool busy) override;
    void show_form(const std::string& service_name, const std::vector<app::FormFieldRow>& fields,
                   bool attachments_allowed) override;
    void show_value(const std::string& field, const std::string& value) override;
    bool confirm_replace(const std::vector<std::string>& field_labels) override;
    void show_field_problem(const std::string& field, const Message& problem) override;
    void show_attachments(const std::vector<app::AttachmentRow>& attachments) override;
    void show_note(const Message& note) override;
    void show_submitted(const Message& outcome) override;

    const std::string& service_id() const { return service_id_; }
    // For tests: type into a field as the citizen would, and read what is shown.
    void enter(const std::string& field, const wxString& value);
    wxString problem_text(const std::string& field) const;
    wxString note_text() const;
    bool submitted() const { return submitted_; }
    app::ApplicationFormPresenter& presenter() { return presenter_; }

private:
    struct FieldControls {
        app::FormFieldRow row;
        wxWindow* input = nullptr;
        wxStaticText* problem = nullptr;
    };
    std::string value_of(const FieldControls& f) const;
    void changed(const std::string& field);

    std::string service_id_;
    wxStaticText* title_ = nullptr;
    wxScrolledWindow* body_ = nullptr;
    wxCheckBox* consent_ = nullptr;
    wxListBox* attachments_ = nullptr;
    wxButton* add_file_ = nullptr;
    wxButton* remove_file_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* submit_ = nullptr;
    std::map<std::string, FieldControls> fields_;
    bool filling_ = false; // the presenter is putting a value in: not the citizen typing
    bool submitted_ = false;
    wxTimer draft_timer_;
    app::ApplicationFormPresenter presenter_; // last
};

} // namespace cd::ui
