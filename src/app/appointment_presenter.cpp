#include "app/appointment_presenter.h"

#include <algorithm>
#include <cstdio>

namespace cd::app {
namespace {

std::string hhmm(const std::string& iso) {
    return iso.size() >= 16 ? iso.substr(11, 5) : iso;
}

std::string day_of(const std::string& iso) {
    return iso.size() >= 10 ? iso.substr(0, 10) : iso;
}

Message unreachable_or(const Error& e) {
    return e.kind == ErrorKind::network || e.kind == ErrorKind::timeout
               ? msg(N_("The platform cannot be reached. Try again when you are online."))
               : e.message_for_user();
}

} // namespace

std::vector<std::string> booking_days(std::chrono::system_clock::time_point now, int count) {
    using namespace std::chrono;
    const auto city_day = floor<days>(now + hours(8)); // China Standard Time, no DST
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        const year_month_day ymd{city_day + days(i)};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        out.emplace_back(text);
    }
    return out;
}

BookingPresenter::BookingPresenter(AppContext& context, BookingView& view, std::string service_id,
                                   std::string hall_id, std::string move_id)
    : context_(context), view_(view), service_id_(std::move(service_id)),
      hall_id_(std::move(hall_id)), move_id_(std::move(move_id)) {}

void BookingPresenter::start() {
    days_ = booking_days(context_.now());
    date_ = days_.front();
    view_.show_days(days_, 0);
    ++pending_;
    view_.show_busy(true);
    const std::string id = service_id_;
    call_platform<api::ServiceGuide>(
        context_.platform, context_.ui,
        [id](api::PlatformClient& c, auto done) { c.service_guide(id, done); },
        lifetime_.guard([this](Result<api::ServiceGuide> r) {
            --pending_;
            view_.show_busy(pending_ > 0);
            if (!r.ok()) {
                view_.show_note(unreachable_or(r.error()));
                return;
            }
            on_halls(std::move(r->halls));
        }));
}

void BookingPresenter::on_halls(std::vector<api::Hall> halls) {
    halls_ = std::move(halls);
    if (halls_.empty()) {
        view_.show_note(msg(N_("No hall takes appointments for this service.")));
        return;
    }
    std::size_t selected = 0;
    std::vector<BookingHall> rows;
    for (std::size_t i = 0; i < halls_.size(); ++i) {
        const auto& h = halls_[i];
        if (h.id == hall_id_) {
            selected = i;
        }
        rows.push_back(
            {h.id, localized(h.name, context_.chinese), localized(h.address, context_.chinese)});
    }
    hall_id_ = halls_[selected].id;
    view_.show_halls(rows, selected);
    refresh_slots();
}

void BookingPresenter::choose_hall(std::size_t index) {
    if (index < halls_.size() && halls_[index].id != hall_id_) {
        hall_id_ = halls_[index].id;
        view_.show_note({}); // what was said was about the other hall
        refresh_slots();
    }
}

void BookingPresenter::choose_day(std::size_t index) {
    seeking_free_day_ = false; // the citizen's choice from now on
    if (index < days_.size() && days_[index] != date_) {
        date_ = days_[index];
        view_.show_note({}); // what was said was about the other day
        refresh_slots();
    }
}

void BookingPresenter::refresh_slots() {
    if (hall_id_.empty()) {
        return;
    }
    ++pending_;
    view_.show_busy(true);
    const std::string hall = hall_id_;
    const std::string date = date_;
    call_platform<api::SlotList>(
        context_.platform, context_.ui,
        [hall, date](api::PlatformClient& c, auto done) { c.slots(hall, date, done); },
        lifetime_.guard([this, hall, date](Result<api::SlotList> r) {
            --pending_;
            view_.show_busy(pending_ > 0);
            if (hall != hall_id_ || date != date_) {
                return; // the citizen has moved on
            }
            if (!r.ok()) {
                view_.show_note(unreachable_or(r.error()));
                return;
            }
            ++slot_loads_;
            slots_ = std::move(r->slots);
            std::vector<SlotRow> rows;
            for (const auto& s : slots_) {
                rows.push_back({s.id, hhmm(s.start) + "\u2013" + hhmm(s.end), s.available});
            }
            const bool none_free = std::none_of(slots_.begin(), slots_.end(),
                                                [](const api::Slot& s) { return s.available; });
            const auto at = std::find(days_.begin(), days_.end(), date_);
            if (none_free && seeking_free_day_ && at != days_.end() && at + 1 != days_.end()) {
                date_ = *(at + 1); // try the next day before showing an empty one
                view_.show_days(days_, std::size_t(at + 1 - days_.begin()));
                refresh_slots();
                return;
            }
            seeking_free_day_ = false;
            view_.show_slots(rows);
            if (none_free) {
                view_.show_note(msg(N_("No free slot on this day. Try another day or hall.")));
            }
        }));
}

void BookingPresenter::book(std::size_t slot_index) {
    if (slot_index >= slots_.size() || pending_ > 0) {
        return;
    }
    const api::Slot& slot = slots_[slot_index];
    if (!slot.available) {
        view_.show_note(msg(N_("This slot is taken. Pick a free one.")));
        return;
    }
    ++pending_;
    view_.show_busy(true);
    const std::string slot_id = slot.id;
    const std::string service = service_id_;
    const std::string move = move_id_;
    call_platform<api::Appointment>(
        context_.platform, context_.ui,
        [slot_id, service, move](api::PlatformClient& c, auto done) {
            if (move.empty()) {
                c.book(slot_id, service, done);
            } else {
                c.move_appointment(move, slot_id, done);
            }
        },
        lifetime_.guard([this](Result<api::Appointment> r) {
            --pending_;
            view_.show_busy(pending_ > 0);
            on_booked(std::move(r));
        }));
}

void BookingPresenter::on_booked(Result<api::Appointment> result) {
    if (result.ok()) {
        const auto& a = *result;
        view_.show_booked(msg(move_id_.empty() ? N_("Booked for {0} at {1}.")
                                               : N_("Your appointment was moved to {0} at {1}."),
                              {day_of(a.start), hhmm(a.start)}));
        return;
    }
    const Error& e = result.error();
    if (e.kind == ErrorKind::conflict && e.problem_type.find("slot-taken") != std::string::npos) {
        view_.show_note(msg(N_("Someone booked that slot a moment ago. The free slots have been "
                               "updated: please pick another one.")));
        refresh_slots();
        return;
    }
    if (e.kind == ErrorKind::conflict) {
        view_.show_note(e.message_for_user());
        refresh_slots();
        return;
    }
    view_.show_note(unreachable_or(e));
}

AppointmentsPresenter::AppointmentsPresenter(AppContext& context, AppointmentsView& view)
    : context_(context), view_(view) {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::signed_in || event == AppEvent::online) {
            start();
        } else if (event == AppEvent::signed_out) {
            appointments_.clear();
            show();
        }
    }));
}

void AppointmentsPresenter::start() {
    if (hall_names_.empty()) {
        call_platform<std::vector<api::Hall>>(
            context_.platform, context_.ui,
            [](api::PlatformClient& c, auto done) { c.halls("", done); },
            lifetime_.guard([this](Result<std::vector<api::Hall>> r) {
                if (r.ok()) {
                    for (const auto& h : *r) {
                        hall_names_[h.id] = localized(h.name, context_.chinese);
                    }
                    show();
                }
            }));
    }
    refresh();
}

void AppointmentsPresenter::refresh() {
    if (fetching_) {
        return;
    }
    if (!context_.data.signed_in()) {
        view_.show_note(msg(N_("Sign in to see your appointments.")));
        return;
    }
    fetching_ = true;
    view_.show_busy(true);
    call_platform<std::vector<api::Appointment>>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.appointments(done); },
        lifetime_.guard([this](Result<std::vector<api::Appointment>> r) {
            fetching_ = false;
            view_.show_busy(false);
            if (!r.ok()) {
                view_.show_note(unreachable_or(r.error()));
                return;
            }
            appointments_ = std::move(*r);
            std::stable_sort(appointments_.begin(), appointments_.end(),
                             [](const api::Appointment& a, const api::Appointment& b) {
                                 return a.start < b.start;
                             });
            view_.show_note({});
            show();
        }));
}

void AppointmentsPresenter::cancel(std::size_t index) {
    if (index >= appointments_.size() || appointments_[index].status != "booked") {
        return;
    }
    const std::string id = appointments_[index].id;
    view_.show_busy(true);
    call_platform<Done>(
        context_.platform, context_.ui,
        [id](api::PlatformClient& c, auto done) { c.cancel_appointment(id, done); },
        lifetime_.guard([this](Status s) {
            view_.show_busy(false);
            if (!s.ok()) {
                view_.show_note(unreachable_or(s.error()));
                return;
            }
            view_.show_note(msg(N_("The appointment was cancelled.")));
            refresh();
        }));
}

std::string AppointmentsPresenter::service_name(const std::string& id) const {
    if (auto catalog = context_.data.catalog()) {
        for (const auto& s : catalog->services) {
            if (s.id == id) {
                return localized(s.name, context_.chinese);
            }
        }
    }
    return id;
}

void AppointmentsPresenter::show() {
    std::vector<AppointmentRow> rows;
    for (const auto& a : appointments_) {
        auto hall = hall_names_.find(a.hall_id);
        const bool active = a.status == "booked";
        rows.push_back({a.id, service_name(a.service_id),
                        hall == hall_names_.end() ? a.hall_id : hall->second, day_of(a.start),
                        hhmm(a.start) + "\u2013" + hhmm(a.end),
                        active ? msg(N_("Booked")) : msg(N_("Cancelled")), active});
    }
    view_.show_appointments(rows);
}

} // namespace cd::app
