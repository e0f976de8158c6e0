// My Voice's "My reports": implements app::MyReportsView. The citizen's reports (waiting ones
// first among the newest), and the selected one's exchange with the city as a timeline. A
// timer asks the presenter to poll while the app runs.
#pragma once

#include "app/my_reports_presenter.h"

#include <wx/panel.h>
#include <wx/timer.h>

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class MyReportsPanel final : public wxPanel, public app::MyReportsView {
public:
    MyReportsPanel(wxWindow* parent, app::AppContext& context);

    void show_reports(const std::vector<app::MyReport>& reports) override;
    void show_busy(bool busy) override;
    void show_note(const Message& note) override;

    app::MyReportsPresenter& presenter() { return presenter_; }
    wxListCtrl* list() const { return list_; }

private:
    void show_timeline(long row);

    wxListCtrl* list_ = nullptr;
    wxTextCtrl* timeline_ = nullptr;
    wxStaticText* note_ = nullptr;
    std::vector<app::MyReport> reports_;
    wxTimer poll_timer_;
    app::MyReportsPresenter presenter_; // last
};

// A UTC ISO 8601 time as the citizen's local date and time ("" stays "").
wxString local_time_text(const std::string& utc);

} // namespace cd::ui
