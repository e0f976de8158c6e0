#include "catch.hpp"

#include "application_test_support.h"

#include <algorithm>
#include <future>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

// Moves the booking to the first day (from tomorrow) that has a free slot; its index.
std::size_t day_with_free_slot(AppTestContext& t, BookingPresenter& p, FakeBookingView& view) {
    for (std::size_t day = 1; day < view.days.size(); ++day) {
        if (p.date() != view.days[day]) {
            const int before = p.slot_loads();
            p.choose_day(day);
            REQUIRE(t.ui.run_until([&] { return p.slot_loads() > before; }));
        }
        for (std::size_t i = 0; i < p.slots().size(); ++i) {
            if (p.slots()[i].available) {
                return i;
            }
        }
    }
    FAIL("no free slot in two weeks");
    return 0;
}

} // namespace

TEST_CASE("the booking days are today and the next two weeks in the city", "[app][ui-logic]") {
    using namespace std::chrono;
    // 2026-11-29 20:00 UTC is already 30 November in the city.
    auto days = booking_days(sys_days{year{2026} / November / 29} + hours(20));
    REQUIRE(days.size() == 14);
    CHECK(days.front() == "2026-11-30");
    CHECK(days[1] == "2026-12-01");
    CHECK(days.back() == "2026-12-13");
}

TEST_CASE("booking opens on the first day that has a free slot", "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeBookingView view;
    BookingPresenter p(*t.context, view, online_service, "");
    p.start();
    REQUIRE(t.ui.run_until([&] { return !p.seeking_free_day() && !p.busy(); }));
    REQUIRE(view.days.size() == 14);
    const auto shown =
        std::size_t(std::find(view.days.begin(), view.days.end(), p.date()) - view.days.begin());
    REQUIRE(shown < view.days.size());
    CHECK(view.day_selected == shown);
    CHECK(std::any_of(view.slots.begin(), view.slots.end(),
                      [](const SlotRow& s) { return s.available; }));
    // Every day before it has no free slot, as the platform itself says.
    for (std::size_t day = 0; day < shown; ++day) {
        std::promise<Result<api::SlotList>> answer;
        t.client->slots(p.hall_id(), view.days[day],
                        [&](Result<api::SlotList> r) { answer.set_value(std::move(r)); });
        auto slots = answer.get_future().get();
        REQUIRE(slots.ok());
        CHECK(std::none_of(slots->slots.begin(), slots->slots.end(),
                           [](const api::Slot& s) { return s.available; }));
    }
    // Once the citizen picks a day, an empty one is shown as it is.
    for (std::size_t day = 0; day < view.days.size(); ++day) {
        if (day == shown) {
            continue;
        }
        const int before = p.slot_loads();
        p.choose_day(day);
        REQUIRE(t.ui.run_until([&] { return p.slot_loads() > before; }));
        CHECK(p.date() == view.days[day]);
    }
}

TEST_CASE("a slot taken meanwhile is explained and a fresh choice offered", "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeBookingView view;
    BookingPresenter p(*t.context, view, online_service, "");
    p.start();
    REQUIRE(t.ui.run_until([&] { return !p.seeking_free_day() && !p.busy(); }));
    REQUIRE_FALSE(view.halls.empty());
    CHECK(p.hall_id() == view.halls[0].id);
    CHECK(view.days.size() == 14);

    const std::size_t index = day_with_free_slot(t, p, view);
    const std::string slot_id = p.slots()[index].id;
    CHECK(view.slots[index].available);

    // Someone else gets there first (another client of the platform).
    std::promise<Result<api::Appointment>> other;
    t.client->book(slot_id, online_service,
                   [&](Result<api::Appointment> r) { other.set_value(r); });
    REQUIRE(other.get_future().get().ok());

    const int loads = p.slot_loads();
    p.book(index);
    REQUIRE(t.ui.run_until([&] { return p.slot_loads() > loads; }));
    CHECK_FALSE(view.booked);
    CHECK(view.note.id == "Someone booked that slot a moment ago. The free slots have been "
                          "updated: please pick another one.");
    REQUIRE(p.slots().size() > index);
    CHECK(p.slots()[index].id == slot_id);
    CHECK_FALSE(p.slots()[index].available); // the fresh list shows it taken
    CHECK_FALSE(view.slots[index].available);

    // Another day is a fresh start: the explanation about the old day goes.
    const std::size_t day =
        std::size_t(std::find(view.days.begin(), view.days.end(), p.date()) - view.days.begin());
    const std::size_t other_day = day + 1 < view.days.size() ? day + 1 : day - 1;
    int before = p.slot_loads();
    p.choose_day(other_day);
    REQUIRE(t.ui.run_until([&] { return p.slot_loads() > before; }));
    const bool any_free = std::any_of(p.slots().begin(), p.slots().end(),
                                      [](const api::Slot& s) { return s.available; });
    CHECK(view.note.id == (any_free ? "" : "No free slot on this day. Try another day or hall."));
    before = p.slot_loads();
    p.choose_day(day);
    REQUIRE(t.ui.run_until([&] { return p.slot_loads() > before; }));

    // The fresh choice works.
    std::size_t next = 0;
    while (next < p.slots().size() && !p.slots()[next].available) {
        ++next;
    }
    REQUIRE(next < p.slots().size());
    p.book(next);
    REQUIRE(t.ui.run_until([&] { return view.booked.has_value(); }));
    CHECK(view.booked->id == "Booked for {0} at {1}.");
}

TEST_CASE("My appointments lists, moves and cancels", "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeBookingView booking_view;
    BookingPresenter booking(*t.context, booking_view, online_service, "");
    booking.start();
    REQUIRE(t.ui.run_until([&] { return !booking.seeking_free_day() && !booking.busy(); }));
    const std::size_t index = day_with_free_slot(t, booking, booking_view);
    booking.book(index);
    REQUIRE(t.ui.run_until([&] { return booking_view.booked.has_value(); }));

    FakeAppointmentsView view;
    AppointmentsPresenter list(*t.context, view);
    list.start();
    REQUIRE(t.ui.run_until([&] { return !view.rows.empty() && view.rows[0].hall != "H00"; }));
    REQUIRE(view.rows.size() == 1);
    CHECK(view.rows[0].active);
    CHECK(view.rows[0].status.id == "Booked");
    CHECK(view.rows[0].hall.find(booking_view.halls[0].name) == 0); // its name, not its id
    const std::string appointment = list.appointments()[0].id;

    // Move it to another free slot of the same day.
    FakeBookingView move_view;
    BookingPresenter move(*t.context, move_view, online_service, booking.hall_id(), appointment);
    move.start();
    REQUIRE(t.ui.run_until([&] { return !move.seeking_free_day() && !move.busy(); }));
    const std::size_t to = day_with_free_slot(t, move, move_view);
    const std::string new_slot = move.slots()[to].id;
    move.book(to);
    REQUIRE(t.ui.run_until([&] { return move_view.booked.has_value(); }));
    CHECK(move_view.booked->id == "Your appointment was moved to {0} at {1}.");

    list.refresh();
    REQUIRE(t.ui.run_until([&] { return list.appointments()[0].slot_id == new_slot; }));
    list.cancel(0);
    REQUIRE(t.ui.run_until([&] { return view.note.id == "The appointment was cancelled."; }));
    REQUIRE(t.ui.run_until([&] { return !view.rows.empty() && !view.rows[0].active; }));
    CHECK(view.rows[0].status.id == "Cancelled");
}
