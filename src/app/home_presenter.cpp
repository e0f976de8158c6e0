#include "app/home_presenter.h"

#include "app/bill_reminders.h"
#include "app/bills_presenter.h"
#include "app/local_time.h"
#include "app/weather_presenter.h"
#include "store/outbox.h"
#include "store/payment_ledger.h"
#include "store/preferences.h"
#include "store/profile.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace cd::app {

namespace {

// Everything Home reads from the vault, in one job on the store thread.
struct VaultRead {
    std::vector<store::PaymentEntry> pending;
    std::vector<store::OutboxItem> outbox;
    int reminder_days = default_reminder_days;
    std::string resident_id;
    std::vector<std::string> favourites;
    std::vector<std::string> recents;
    std::vector<std::string> life_events;
    bool suggestions_on = true;
    std::string district; // the district the citizen chose on My Life
};

Result<VaultRead> read_all(store::Vault& vault, const std::string& citizen) {
    VaultRead r;
    store::Preferences prefs(vault);
    if (!citizen.empty()) {
        auto pending = store::PaymentLedger(vault).unresolved_of(citizen, false);
        if (!pending.ok()) {
            return pending.error();
        }
        r.pending = std::move(*pending);
    }
    auto outbox = store::Outbox(vault).all();
    if (!outbox.ok()) {
        return outbox.error();
    }
    for (auto& item : *outbox) {
        if (item.owner.empty() || item.owner == citizen) {
            r.outbox.push_back(std::move(item));
        }
    }
    if (auto days = prefs.get(reminder_days_key); days.ok() && *days) {
        const int n = std::atoi((*days)->c_str());
        r.reminder_days = n > 0 ? n : default_reminder_days;
    }
    if (auto profile = store::ProfileRepository(vault).load(); profile.ok() && *profile) {
        r.resident_id = (*profile)->resident_id;
    }
    if (auto f = prefs.favourites(); f.ok()) {
        r.favourites = std::move(*f);
    }
    if (auto recent = prefs.recents(); recent.ok()) {
        r.recents = std::move(*recent);
    }
    if (auto events = chosen_life_events(vault); events.ok()) {
        r.life_events = std::move(*events);
    }
    if (auto on = suggestions_enabled(vault); on.ok()) {
        r.suggestions_on = *on;
    }
    if (auto district = prefs.get(district_preference); district.ok() && *district) {
        r.district = **district;
    }
    return r;
}

int current_year(const std::string& today) {
    return today.size() >= 4 ? std::atoi(today.substr(0, 4).c_str()) : 0;
}

} // namespace

HomePresenter::HomePresenter(AppContext& context, HomeView& view) : context_(context), view_(view) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        switch (event) {
        case AppEvent::city_changed:
        case AppEvent::catalog_changed:
            show();
            break;
        case AppEvent::open311_changed:
            break;
        default:
            refresh();
        }
    }));
    outbox_listener_ = context_.outbox.add_listener(lifetime_.guard(
        [this](const store::OutboxItem&, const Result<std::string>&) { read_vault(); }));
}

HomePresenter::~HomePresenter() {
    context_.outbox.remove_listener(outbox_listener_);
}

void HomePresenter::refresh() {
    ++generation_;
    pending_ = 0;
    const auto now = context_.now();
    sources_.today = local_date(now);
    sources_.utc_offset_minutes = local_utc_offset_minutes(now);
    sources_.chinese = context_.chinese;
    sources_.signed_in = context_.data.signed_in();
    inputs_.today = sources_.today;
    if (!sources_.signed_in) {
        sources_.due_bills.reset();
        sources_.applications.reset();
        sources_.appointments.reset();
    }
    if (!context_.vault.unlocked()) {
        sources_.pending_payments.clear();
        sources_.outbox.reset();
        inputs_ = SuggestionInputs{};
        inputs_.today = sources_.today;
    }
    read_vault();
    read_platform();
    show();
}

void HomePresenter::done_one() {
    if (pending_ > 0) {
        --pending_;
    }
    show();
}

void HomePresenter::read_vault() {
    if (!context_.vault.unlocked()) {
        return;
    }
    ++pending_;
    const std::string citizen = context_.data.signed_in() ? context_.data.citizen_id() : "";
    const int generation = generation_;
    context_.vault.run<VaultRead>([citizen](store::Vault& v) { return read_all(v, citizen); },
                                  lifetime_.guard([this, generation](Result<VaultRead> r) {
                                      if (generation != generation_) {
                                          return;
                                      }
                                      if (r.ok()) {
                                          sources_.pending_payments = std::move(r->pending);
                                          sources_.outbox = std::move(r->outbox);
                                          sources_.reminder_days = r->reminder_days;
                                          inputs_.age =
                                              age_from_resident_id(r->resident_id, sources_.today);
                                          inputs_.favourites = std::move(r->favourites);
                                          inputs_.recents = std::move(r->recents);
                                          inputs_.life_events = std::move(r->life_events);
                                          inputs_.district = r->district;
                                          state_.suggestions_on = r->suggestions_on;
                                      }
                                      done_one();
                                  }));
}

void HomePresenter::read_platform() {
    const int generation = generation_;
    const int year = current_year(sources_.today);
    ++pending_;
    call_platform<api::Holidays>(
        context_.platform, context_.ui,
        [year](api::PlatformClient& c, auto done) { c.holidays(year, done); },
        lifetime_.guard([this, generation](Result<api::Holidays> r) {
            if (generation != generation_) {
                return;
            }
            // Home tells the truth about its own data too (issue 11's per-tab notice).
            if (r.ok()) {
                sources_.holidays = std::move(r->days);
                context_.data.freshness().fresh(Tab::home, "holidays", context_.now());
            } else {
                context_.data.freshness().failed(Tab::home, "holidays");
            }
            done_one();
        }));
    if (!halls_loaded_) {
        // All halls, matched to the district here: the district never leaves this computer.
        ++pending_;
        call_platform<std::vector<api::Hall>>(
            context_.platform, context_.ui,
            [](api::PlatformClient& c, auto done) { c.halls("", done); },
            lifetime_.guard([this, generation](Result<std::vector<api::Hall>> r) {
                if (r.ok()) {
                    halls_ = std::move(*r);
                    halls_loaded_ = true;
                }
                if (generation == generation_) {
                    done_one();
                }
            }));
    }
    if (!context_.data.signed_in()) {
        context_.data.freshness().cleared(Tab::home, "bills");
        return;
    }
    ++pending_;
    call_platform<api::BillList>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.bills("due", done); },
        lifetime_.guard([this, generation](Result<api::BillList> r) {
            if (generation != generation_) {
                return;
            }
            if (r.ok()) {
                sources_.due_bills = std::move(r->bills);
                context_.data.freshness().fresh(Tab::home, "bills", context_.now());
            } else {
                context_.data.freshness().failed(Tab::home, "bills");
            }
            done_one();
        }));
    ++pending_;
    call_platform<std::vector<api::Application>>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.applications(done); },
        lifetime_.guard([this, generation](Result<std::vector<api::Application>> r) {
            if (generation != generation_) {
                return;
            }
            if (r.ok()) {
                sources_.applications = std::move(*r);
            }
            done_one();
        }));
    ++pending_;
    call_platform<std::vector<api::Appointment>>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.appointments(done); },
        lifetime_.guard([this, generation](Result<std::vector<api::Appointment>> r) {
            if (generation != generation_) {
                return;
            }
            if (r.ok()) {
                read_appointment_details(std::move(*r));
            }
            done_one();
        }));
}

// Today's and tomorrow's appointments, with the hall's name and the guide's documents.
void HomePresenter::read_appointment_details(std::vector<api::Appointment> appointments) {
    const std::string tomorrow = add_days(sources_.today, 1);
    std::vector<AppointmentSoon> soon;
    std::set<std::string> guides;
    for (auto& a : appointments) {
        const std::string day = a.start.substr(0, std::min<std::size_t>(10, a.start.size()));
        if (a.status != "booked" || (day != sources_.today && day != tomorrow)) {
            continue;
        }
        if (!bring_.count(a.service_id)) {
            guides.insert(a.service_id);
        }
        soon.push_back({std::move(a), {}, {}, {}});
    }
    sources_.appointments = std::move(soon);
    const int generation = generation_;
    for (const auto& id : guides) {
        ++pending_;
        call_platform<api::ServiceGuide>(
            context_.platform, context_.ui,
            [id](api::PlatformClient& c, auto done) { c.service_guide(id, done); },
            lifetime_.guard([this, id, generation](Result<api::ServiceGuide> r) {
                if (r.ok()) {
                    auto& docs = bring_[id];
                    docs.clear();
                    for (const auto& d : r->required_documents) {
                        docs.push_back(localized(d.name, context_.chinese));
                    }
                    service_names_[id] = localized(r->service.name, context_.chinese);
                }
                if (generation == generation_) {
                    done_one();
                }
            }));
    }
}

void HomePresenter::set_suggestions_enabled(bool on) {
    state_.suggestions_on = on;
    show();
    if (context_.vault.unlocked()) {
        context_.vault.run<Done>(
            [on](store::Vault& v) { return app::set_suggestions_enabled(v, on); }, [](Status) {});
    }
}

void HomePresenter::choose_life_event(const std::string& id, bool chosen) {
    auto& events = inputs_.life_events;
    events.erase(std::remove(events.begin(), events.end(), id), events.end());
    if (chosen) {
        events.push_back(id);
    }
    show();
    if (context_.vault.unlocked()) {
        context_.vault.run<Done>(
            [events](store::Vault& v) { return set_chosen_life_events(v, events); }, [](Status) {});
    }
}

void HomePresenter::set_my_reports(std::vector<MyReport> reports) {
    sources_.my_reports = std::move(reports);
    show();
}

void HomePresenter::show() {
    // Names for the appointments: the hall list and the guides may have come after them.
    if (sources_.appointments) {
        for (auto& soon : *sources_.appointments) {
            const auto& a = soon.appointment;
            soon.hall = a.hall_id;
            for (const auto& h : halls_) {
                if (h.id == a.hall_id) {
                    soon.hall = localized(h.name, context_.chinese);
                }
            }
            soon.service = a.service_id;
            if (auto it = service_names_.find(a.service_id); it != service_names_.end()) {
                soon.service = it->second;
            } else if (auto catalog = context_.data.catalog()) {
                for (const auto& s : catalog->services) {
                    if (s.id == a.service_id) {
                        soon.service = localized(s.name, context_.chinese);
                    }
                }
            }
            if (auto it = bring_.find(a.service_id); it != bring_.end()) {
                soon.bring = it->second;
            }
        }
    }
    state_.items = attention_items(sources_);
    state_.headline = state_.items.empty() ? nothing_needs_attention() : Message{};
    state_.fine = state_.items.empty() ? what_is_fine(sources_) : std::vector<Message>{};

    state_.life_events.clear();
    for (const auto& id : home_life_events()) {
        const bool chosen = std::find(inputs_.life_events.begin(), inputs_.life_events.end(), id) !=
                            inputs_.life_events.end();
        state_.life_events.push_back({id, life_event_title(id), chosen});
    }
    state_.suggestions.clear();
    state_.suggestions_note = {};
    if (!state_.suggestions_on) {
        state_.suggestions_note = msg(N_("Suggestions are off."));
    } else if (!context_.vault.unlocked()) {
        state_.suggestions_note =
            msg(N_("Unlock your data to see suggestions made from your profile."));
    } else {
        SuggestionInputs inputs = inputs_;
        if (const auto& profile = context_.data.profile(); profile && !profile->district.empty()) {
            inputs.district = profile->district;
        }
        auto catalog = context_.data.catalog();
        auto city = context_.data.city();
        state_.suggestions =
            compute_suggestions(inputs, catalog.get(), halls_, city.get(), context_.chinese);
        if (state_.suggestions.empty()) {
            state_.suggestions_note =
                msg(N_("No suggestions yet: save your profile or choose a life event below."));
        }
    }
    view_.show_home(state_);
}

} // namespace cd::app
