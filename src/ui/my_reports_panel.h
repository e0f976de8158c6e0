// My Voice's "My reports": implements app::MyReportsView. The citizen's reports (waiting ones
// first among the newest), and the selected one's exchange with the city as a timeline, with
// the photos kept on this computer (the city took one); a refused one offers "Edit and send
// again" (the Report form, through on_edit) and "Discard". A timer asks the presenter to poll
// while the app runs.
#pragma once

#include "app/my_reports_presenter.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>

class wxButton;
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
    bool confirm_discard(const Message& question) override;
    void edit_report(const store::OutboxItem& item) override;

    // Where "Edit and send again" goes (the page opens its Report form).
    void set_on_edit(std::function<void(const store::OutboxItem&)> on_edit) {
        on_edit_ = std::move(on_edit);
    }
    app::MyReportsPresenter& presenter() { return presenter_; }
    wxListCtrl* list() const { return list_; }
    wxButton* edit_button() const { return edit_; }
    wxButton* discard_button() const { return discard_; }
    wxString note_text() const;
    // The selected report's detail: its words, the exchange with the city, the photos kept here.
    wxString detail_text() const;
    // For tests: the answer the Discard question gets instead of asking (unset: ask).
    std::function<bool()> confirm_for_tests;

private:
    void show_timeline(long row);
    std::string selected_reference() const;
    void update_actions();

    wxListCtrl* list_ = nullptr;
    wxTextCtrl* timeline_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* discard_ = nullptr;
    std::function<void(const store::OutboxItem&)> on_edit_;
    std::vector<app::MyReport> reports_;
    wxTimer poll_timer_;
    app::MyReportsPresenter presenter_; // last
};

// A UTC ISO 8601 time as the citizen's local date and time ("" stays "").
wxString local_time_text(const std::string& utc);

} // namespace cd::ui
