// My applications (a Page the My Government tab embeds): implements app::ApplicationsView with
// the list of applications and the timeline of the selected one; polls on a timer while it
// lives, and fetches again when its tab is shown or the citizen comes back to the window.
#pragma once

#include "app/applications_presenter.h"
#include "ui/page.h"

#include <wx/timer.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class ApplicationsPanel final : public Page, public app::ApplicationsView {
public:
    ApplicationsPanel(wxWindow* parent, app::AppContext& context);
    ~ApplicationsPanel() override;

    void show_busy(bool busy) override;
    void show_applications(const std::vector<app::ApplicationRow>& rows) override;
    void show_timeline(const std::string& application_id, const std::vector<app::TimelineRow>& rows,
                       const Message& next) override;
    void show_note(const Message& note) override;
    bool confirm_discard(const Message& question) override;
    void edit_application(const store::OutboxItem& item) override;

    void on_page_shown() override { presenter_.on_shown(); }
    void rewrap() override;

    // For tests: the ids of the applications shown, in order.
    const std::vector<std::string>& shown_ids() const { return ids_; }
    app::ApplicationsPresenter& presenter() { return presenter_; }

private:
    void on_window_activated(wxActivateEvent& event);
    // The outbox item of the selected row (0: the row is at the platform already).
    std::int64_t selected_outbox_id() const;
    void update_actions();

    wxWindow* top_ = nullptr; // the window whose activation means "the citizen is back"
    wxListCtrl* list_ = nullptr;
    wxListCtrl* timeline_ = nullptr;
    wxStaticText* next_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* discard_ = nullptr;
    std::vector<std::string> ids_;
    std::vector<app::ApplicationRow> rows_;
    app::AppContext& context_;
    wxTimer poll_;
    app::ApplicationsPresenter presenter_; // last
};

} // namespace cd::ui
