// My appointments (a Page the My Government tab embeds): implements app::AppointmentsView with
// the list of appointments and Move… / Cancel for a booked one.
#pragma once

#include "app/appointment_presenter.h"
#include "ui/page.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace cd::ui {

class AppointmentsPanel final : public Page, public app::AppointmentsView {
public:
    AppointmentsPanel(wxWindow* parent, app::AppContext& context);

    void show_busy(bool busy) override;
    void show_appointments(const std::vector<app::AppointmentRow>& rows) override;
    void show_note(const Message& note) override;

    void on_page_shown() override { presenter_.on_shown(); }
    void rewrap() override;

    app::AppointmentsPresenter& presenter() { return presenter_; }

private:
    long selected() const;
    void update_buttons();

    app::AppContext& context_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* move_ = nullptr;
    wxButton* cancel_ = nullptr;
    std::vector<app::AppointmentRow> rows_;
    app::AppointmentsPresenter presenter_; // last
};

} // namespace cd::ui
