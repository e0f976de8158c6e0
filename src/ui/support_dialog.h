// "Support information": shows the full support report before it leaves the computer, and
// saves it or copies it on request. Implements app::SupportReportView.
#pragma once

#include "app/support_report_presenter.h"

#include <wx/dialog.h>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class SupportDialog final : public wxDialog, public app::SupportReportView {
public:
    SupportDialog(wxWindow* parent, app::Dispatcher& ui, app::TaskRunner& worker,
                  app::SupportReportPresenter::Inputs inputs);

    void show_busy(const Message& what) override;
    void show_report(const std::string& text) override;
    void show_saved(const Message& where) override;
    void show_problem(const Message& problem) override;

    wxString report_text() const;
    wxString status_text() const;
    app::SupportReportPresenter& presenter() { return presenter_; }

private:
    void on_save(wxCommandEvent& event);
    void on_copy(wxCommandEvent& event);

    wxStaticText* status_ = nullptr;
    wxTextCtrl* text_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* copy_ = nullptr;
    app::SupportReportPresenter presenter_;
};

} // namespace cd::ui
