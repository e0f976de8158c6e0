#include "app/connection_monitor.h"

#include "app/local_time.h"
#include "diag/log.h"

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
    if (watched_ != nullptr) {
        watched_->set_listener({});
    }
}

void ConnectionMonitor::watch(NetworkChangeSource& source) {
    watched_ = &source;
    source.set_listener(lifetime_.guard([this](bool available) { on_network_changed(available); }));
}

void ConnectionMonitor::on_network_changed(bool available) {
    if (!available || state() == ConnectionState::online || !options_.probe) {
        return;
    }
    const auto now = options_.now();
    if (network_reconnects_ > 0 && now >= last_network_reconnect_ &&
        now - last_network_reconnect_ < network_burst) {
        return; // the same burst: its first change already started an attempt
    }
    ++network_reconnects_;
    last_network_reconnect_ = now;
    diag::info(diag::Category::app, "the network changed: trying the platform now");
    reconnect_now();
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
    return local_clock_text(at, options_.now(), options_.utc_offset_minutes);
}

} // namespace cd::app
