// Booking a hall: the halls that handle the service, a day (today and the next two weeks, city
// time), the free slots of that day, and booking one (or moving an existing appointment to
// it). When someone else took the slot meanwhile (409) the citizen is told and the day's slots
// are fetched again for a fresh choice. And My appointments: the list, with cancel.
#pragma once

#include "app/app_context.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cd::app {

struct BookingHall {
    std::string id;
    std::string name;
    std::string address;
};

struct SlotRow {
    std::string id;
    std::string time; // "09:00–09:30"
    bool available = false;
};

class BookingView {
public:
    virtual ~BookingView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_halls(const std::vector<BookingHall>& halls, std::size_t selected) = 0;
    virtual void show_days(const std::vector<std::string>& dates, std::size_t selected) = 0;
    virtual void show_slots(const std::vector<SlotRow>& slots) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears it
    // Booked (or moved): the dialog may close.
    virtual void show_booked(const Message& outcome) = 0;
};

// The days a booking may be made for: today and the next `count - 1`, city time, "YYYY-MM-DD".
std::vector<std::string> booking_days(std::chrono::system_clock::time_point now, int count = 14);

class BookingPresenter {
public:
    // hall_id may be empty (the first hall is chosen); move_id names an appointment to move.
    BookingPresenter(AppContext& context, BookingView& view, std::string service_id,
                     std::string hall_id, std::string move_id = {});

    void start();
    void choose_hall(std::size_t index);
    void choose_day(std::size_t index);
    void book(std::size_t slot_index);
    void refresh_slots();

    const std::vector<api::Hall>& halls() const { return halls_; }
    const std::vector<api::Slot>& slots() const { return slots_; }
    const std::string& hall_id() const { return hall_id_; }
    const std::string& date() const { return date_; }
    bool busy() const { return pending_ > 0; }
    int slot_loads() const { return slot_loads_; }
    // Until the citizen picks a day, the booking moves on from a day without a free slot to
    // the next one, so it opens on the first day that has one.
    bool seeking_free_day() const { return seeking_free_day_; }

private:
    void on_halls(std::vector<api::Hall> halls);
    void on_booked(Result<api::Appointment> result);

    AppContext& context_;
    BookingView& view_;
    std::string service_id_;
    std::string hall_id_;
    std::string move_id_;
    std::vector<api::Hall> halls_;
    std::vector<std::string> days_;
    std::string date_;
    std::vector<api::Slot> slots_;
    int pending_ = 0;
    int slot_loads_ = 0;
    bool seeking_free_day_ = true;
    Lifetime lifetime_; // last
};

struct AppointmentRow {
    std::string id;
    std::string service;
    std::string hall;
    std::string date;
    std::string time;
    Message status;
    bool active = false; // booked (can be moved or cancelled)
};

class AppointmentsView {
public:
    virtual ~AppointmentsView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_appointments(const std::vector<AppointmentRow>& rows) = 0;
    virtual void show_note(const Message& note) = 0;
};

class AppointmentsPresenter {
public:
    AppointmentsPresenter(AppContext& context, AppointmentsView& view);

    void start();
    void on_shown() { refresh(); }
    void refresh();
    void cancel(std::size_t index);

    const std::vector<api::Appointment>& appointments() const { return appointments_; }

private:
    void show();
    std::string service_name(const std::string& id) const;

    AppContext& context_;
    AppointmentsView& view_;
    std::vector<api::Appointment> appointments_;
    std::map<std::string, std::string> hall_names_;
    bool fetching_ = false;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
