#include "app/connection_monitor.h"

#include "app/local_time.h"
#include "diag/log.h"

#include <cstdio>

namespace cd::app {

using namespace std::chrono;

ConnectionMonitor::ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Probe probe)
    : ConnectionMonitor(main, ui, Options{std::move(probe), nullptr, {}, {}, {}}) {}

ConnectionMonitor::ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Options options)
    : main_(main), ui_(ui), options_(std::move(options)), backoff_(options_.jitter) {
    if (!options_.now) {
        options_.now = [] {
            return system_clock::now();
        };
    }
    if (!options_.utc_offset_minutes) {
        options_.utc_offset_minutes = local_utc_offset_minutes;
    }
}

ConnectionMonitor::~ConnectionMonitor() {
    cancel_reconnect();
    if (followed_ != nullptr) {
        followed_->set_outcome_listener({});
    }
}

void ConnectionMonitor::follow(PlatformAccess& platform) {
    followed_ = &platform;
    platform.set_outcome_listener(lifetime_.guard(
        [this](Endpoint endpoint, const Error* error) { on_outcome(endpoint, error); }));
}

void ConnectionMonitor::check() {
    if (checking_ || !options_.probe) {
        return;
    }
    checking_ = true;
    if (state() == ConnectionState::not_configured) {
        main_.on_connection_changed(ConnectionState::connecting);
    }
    auto deliver = lifetime_.guard([this](Result<std::string> answer) {
        checking_ = false;
        if (answer.ok()) {
            main_.set_platform_name(*answer);
            apply(Contact::good, nullptr);
        } else {
            apply(classify_contact(&answer.error()), &answer.error());
            if (state() == ConnectionState::connecting) { // no verdict (cancelled): say so
                enter(ConnectionState::offline, Degradation::none);
            }
            if (state() != ConnectionState::online) {
                schedule_reconnect();
            }
        }
    });
    options_.probe([deliver, &ui = ui_](Result<std::string> answer) mutable {
        ui.post([deliver, answer = std::move(answer)]() mutable { deliver(std::move(answer)); });
    });
}

void ConnectionMonitor::reconnect_now() {
    cancel_reconnect();
    backoff_.reset();
    check();
}

void ConnectionMonitor::on_outcome(Endpoint endpoint, const Error* error) {
    const Contact contact = classify_contact(error);
    if (endpoint == Endpoint::open311) {
        if (contact == Contact::none) {
            return;
        }
        const Open311State now =
            contact == Contact::unreachable ? Open311State::unreachable : Open311State::reachable;
        if (now != open311_) {
            open311_ = now;
            diag::info(diag::Category::app, "Open311 endpoint ",
                       now == Open311State::reachable ? "answers" : "cannot be reached");
            main_.on_open311_changed(now);
        }
        return;
    }
    apply(contact, error);
}

void ConnectionMonitor::apply(Contact contact, const Error* error) {
    switch (contact) {
    case Contact::none:
        return;
    case Contact::good:
        contacted_ = true;
        last_contact_ = options_.now();
        last_problem_.clear();
        backoff_.reset();
        cancel_reconnect();
        enter(ConnectionState::online, Degradation::none);
        return;
    case Contact::unreachable:
        last_problem_ = error->log_line();
        enter(ConnectionState::offline, Degradation::none);
        break;
    case Contact::unreadable:
        last_problem_ = error->log_line();
        enter(ConnectionState::degraded, Degradation::unreadable);
        break;
    case Contact::server_errors:
        last_problem_ = error->log_line();
        enter(ConnectionState::degraded, Degradation::server_errors);
        break;
    }
    schedule_reconnect();
}

void ConnectionMonitor::enter(ConnectionState next, Degradation degradation) {
    ConnectionReport report = main_.connection_report();
    if (report.state == next && report.degradation == degradation) {
        if (next == ConnectionState::online) { // the last contact moved on: keep it true
            report.last_contact = clock_text(last_contact_);
            main_.on_connection_report(report);
        }
        return;
    }
    const bool was = report.state == next;
    report.state = next;
    report.degradation = degradation;
    if (!was) {
        report.since = clock_text(options_.now());
    }
    report.last_contact = contacted_ ? clock_text(last_contact_) : std::string();
    if (next == ConnectionState::online) {
        diag::info(diag::Category::app, "platform online: ", report.platform_name);
    } else {
        diag::warn(diag::Category::app, "platform ",
                   next == ConnectionState::offline ? "offline: " : "degraded: ", last_problem_);
    }
    main_.on_connection_report(report);
}

void ConnectionMonitor::schedule_reconnect() {
    if (options_.timer == nullptr || checking_ || scheduled_delay_.count() > 0) {
        return;
    }
    scheduled_delay_ = backoff_.next();
    diag::info(diag::Category::app, "next connection attempt in ", scheduled_delay_.count(), " ms");
    options_.timer->start(scheduled_delay_, lifetime_.guard([this] {
        scheduled_delay_ = milliseconds(0);
        check();
    }));
}

void ConnectionMonitor::cancel_reconnect() {
    if (options_.timer != nullptr && scheduled_delay_.count() > 0) {
        options_.timer->stop();
    }
    scheduled_delay_ = milliseconds(0);
}

std::string ConnectionMonitor::clock_text(system_clock::time_point at) const {
    const auto local = floor<minutes>(at + minutes(options_.utc_offset_minutes(at)));
    const auto now = options_.now();
    const auto today = floor<days>(now + minutes(options_.utc_offset_minutes(now)));
    const auto day = floor<days>(local);
    const hh_mm_ss hms{local - day};
    char text[32];
    if (day == today) {
        std::snprintf(text, sizeof text, "%02d:%02d", int(hms.hours().count()),
                      int(hms.minutes().count()));
    } else { // an outage across midnight: the time alone would mislead
        const year_month_day ymd{day};
        std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", int(ymd.year()),
                      unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                      int(hms.minutes().count()));
    }
    return text;
}

} // namespace cd::app
