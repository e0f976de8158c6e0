// Shared by the apply-online, My applications and booking presenter tests: fake views that
// keep what the presenters show, and a platform that can be switched off and on.
#pragma once

#include "app/application_form_presenter.h"
#include "app/applications_presenter.h"
#include "app/appointment_presenter.h"
#include "app_test_context.h"

#include <atomic>
#include <map>
#include <optional>

namespace cd::test {

struct FakeFormView : app::ApplicationFormView {
    std::string service;
    std::vector<app::FormFieldRow> fields;
    bool attachments_allowed = false;
    std::map<std::string, std::string> shown_values;
    std::map<std::string, Message> problems;
    std::vector<app::AttachmentRow> attachments;
    Message note;
    std::optional<Message> submitted;
    bool busy = false;
    bool replace_answer = false; // what the citizen answers when asked to replace typed text
    std::vector<std::vector<std::string>> asked_to_replace;

    void show_busy(bool b) override { busy = b; }
    void show_form(const std::string& name, const std::vector<app::FormFieldRow>& f,
                   bool allowed) override {
        service = name;
        fields = f;
        attachments_allowed = allowed;
    }
    void show_value(const std::string& field, const std::string& value) override {
        shown_values[field] = value;
    }
    bool confirm_replace(const std::vector<std::string>& labels) override {
        asked_to_replace.push_back(labels);
        return replace_answer;
    }
    void show_field_problem(const std::string& field, const Message& problem) override {
        problems[field] = problem;
    }
    void show_attachments(const std::vector<app::AttachmentRow>& a) override { attachments = a; }
    void show_note(const Message& n) override { note = n; }
    void show_submitted(const Message& outcome) override { submitted = outcome; }
};

struct FakeApplicationsView : app::ApplicationsView {
    std::vector<app::ApplicationRow> rows;
    std::string timeline_id;
    std::vector<app::TimelineRow> timeline;
    Message next;
    Message note;
    int lists_shown = 0;

    void show_busy(bool) override {}
    void show_applications(const std::vector<app::ApplicationRow>& r) override {
        rows = r;
        ++lists_shown;
    }
    void show_timeline(const std::string& id, const std::vector<app::TimelineRow>& t,
                       const Message& n) override {
        timeline_id = id;
        timeline = t;
        next = n;
    }
    void show_note(const Message& n) override { note = n; }
    bool answer = false;
    int asked = 0;
    std::optional<store::OutboxItem> edited;
    bool confirm_discard(const Message&) override {
        ++asked;
        return answer;
    }
    void edit_application(const store::OutboxItem& item) override { edited = item; }
};

struct FakeBookingView : app::BookingView {
    std::vector<app::BookingHall> halls;
    std::vector<std::string> days;
    std::vector<app::SlotRow> slots;
    Message note;
    std::optional<Message> booked;

    void show_busy(bool) override {}
    void show_halls(const std::vector<app::BookingHall>& h, std::size_t) override { halls = h; }
    std::size_t day_selected = 0;
    void show_days(const std::vector<std::string>& d, std::size_t selected) override {
        days = d;
        day_selected = selected;
    }
    void show_slots(const std::vector<app::SlotRow>& s) override { slots = s; }
    void show_note(const Message& n) override { note = n; }
    void show_booked(const Message& outcome) override { booked = outcome; }
};

struct FakeAppointmentsView : app::AppointmentsView {
    std::vector<app::AppointmentRow> rows;
    Message note;
    int lists_shown = 0;
    void show_busy(bool) override {}
    void show_appointments(const std::vector<app::AppointmentRow>& r) override {
        rows = r;
        ++lists_shown;
    }
    void show_note(const Message& n) override { note = n; }
};

// The real platform behind a switch: while off, every call fails as when the network is down.
class SwitchablePlatformAccess final : public app::PlatformAccess {
public:
    explicit SwitchablePlatformAccess(app::PlatformAccess& real) : real_(real) {}
    std::atomic<bool> reachable{true};
    void acquire(std::function<void(Result<Client>)> use) override {
        if (reachable) {
            real_.acquire(std::move(use));
        } else {
            use(make_error(ErrorKind::network, "switched off by the test"));
        }
    }

private:
    app::PlatformAccess& real_;
};

// An online service of the seeded catalog whose form has applicant_name, resident_id, phone,
// address, delivery (pickup | post), preferred_date and notes.
inline constexpr const char* online_service = "G0002";

inline void fill_valid_form(app::ApplicationFormPresenter& p) {
    p.set_value("applicant_name", "张明");
    p.set_value("resident_id", "11010519491231002X");
    p.set_value("phone", "13800000000");
    p.set_value("address", "翠苑三区12幢");
    p.set_value("delivery", "pickup");
}

} // namespace cd::test
