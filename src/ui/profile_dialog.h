// File > My Profile: the citizen's own details in the vault, each field with its problem under
// it. Implements app::ProfileView; app::ProfilePresenter reads, checks and saves.
#pragma once

#include "app/profile_presenter.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class ProfileDialog final : public wxDialog, public app::ProfileView {
public:
    ProfileDialog(wxWindow* parent, app::AppContext& context);

    void show_profile(const app::ProfileFields& fields) override;
    void show_busy(bool busy) override;
    void show_field_problems(const std::vector<store::FieldProblem>& problems) override;
    void show_note(const Message& note) override;
    void saved() override;

    // For tests: what a field holds and says.
    app::ProfilePresenter& presenter() { return presenter_; }
    void enter(const std::string& field, const wxString& value);
    wxString problem_text(const std::string& field) const;
    wxString note_text() const;

private:
    struct Field {
        wxTextCtrl* input = nullptr;
        wxStaticText* problem = nullptr;
    };
    void add_field(const std::string& key, const wxString& label, const wxString& hint);
    app::ProfileFields fields() const;
    wxString value(const std::string& key) const;

    std::map<std::string, Field> fields_;
    wxStaticText* note_ = nullptr;
    wxButton* save_ = nullptr;
    app::ProfilePresenter presenter_; // last
};

} // namespace cd::ui
