// Booking a hall slot for a service (window name "booking"), or moving an appointment: the
// hall, the day, the day's slots (taken ones shown as taken), and Book. Implements
// app::BookingView; not modal.
#pragma once

#include "app/appointment_presenter.h"

#include <wx/dialog.h>

#include <functional>

class wxButton;
class wxChoice;
class wxListBox;
class wxStaticText;

namespace cd::ui {

class BookingDialog final : public wxDialog, public app::BookingView {
public:
    // `on_done` runs when the booking or move succeeded (My appointments refreshes).
    BookingDialog(wxWindow* parent, app::AppContext& context, const std::string& service_id,
                  const std::string& hall_id, const std::string& move_id = {},
                  std::function<void()> on_done = {});

    void show_busy(bool busy) override;
    void show_halls(const std::vector<app::BookingHall>& halls, std::size_t selected) override;
    void show_days(const std::vector<std::string>& dates, std::size_t selected) override;
    void show_slots(const std::vector<app::SlotRow>& slots) override;
    void show_note(const Message& note) override;
    void show_booked(const Message& outcome) override;

    app::BookingPresenter& presenter() { return presenter_; }

private:
    wxChoice* halls_ = nullptr;
    wxStaticText* address_ = nullptr;
    wxChoice* days_ = nullptr;
    wxListBox* slots_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton* book_ = nullptr;
    std::vector<app::BookingHall> hall_rows_;
    std::function<void()> on_done_;
    bool booked_ = false;
    app::BookingPresenter presenter_; // last
};

} // namespace cd::ui
