#include "app/government_presenter.h"

#include "store/preferences.h"

#include <algorithm>

namespace cd::app {

void note_recent_service(AppContext& context, const std::string& service_id) {
    if (!context.vault.unlocked()) {
        return;
    }
    auto now = context.now();
    context.vault.run<Done>(
        [service_id, now](store::Vault& v) {
            return store::Preferences(v).note_recent(service_id, now);
        },
        [](Status) {});
}

void set_favourite_service(AppContext& context, const std::string& service_id, bool favourite,
                           std::function<void(Status)> done) {
    auto now = context.now();
    context.vault.run<Done>(
        [service_id, favourite, now](store::Vault& v) {
            store::Preferences p(v);
            return favourite ? p.add_favourite(service_id, now) : p.remove_favourite(service_id);
        },
        std::move(done));
}

GovernmentPresenter::GovernmentPresenter(AppContext& context, GovernmentView& view)
    : context_(context), view_(view) {}

void GovernmentPresenter::start() {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent e) {
        switch (e) {
        case AppEvent::catalog_changed:
        case AppEvent::city_changed:
            rebuild();
            break;
        case AppEvent::vault_unlocked:
        case AppEvent::vault_locked:
            if (mode_ == BrowseMode::favourites || mode_ == BrowseMode::recent) {
                load_personal();
            }
            break;
        default:
            break;
        }
    }));
    rebuild();
}

void GovernmentPresenter::refresh() {
    if (mode_ == BrowseMode::favourites || mode_ == BrowseMode::recent) {
        load_personal();
    }
}

void GovernmentPresenter::set_mode(BrowseMode mode) {
    if (mode == mode_) {
        return;
    }
    mode_ = mode;
    group_ = 0;
    rebuild();
}

ServiceItem GovernmentPresenter::item_of(const api::CatalogEntry& e) const {
    return {e.id, localized(e.name, context_.chinese),
            e.channel == "online" || e.channel == "both"};
}

void GovernmentPresenter::rebuild() {
    auto catalog = context_.data.catalog();
    auto city = context_.data.city();
    by_id_.clear();
    groups_.clear();
    if (catalog) {
        for (const auto& s : catalog->services) {
            by_id_.emplace(s.id, &s);
        }
    }
    if (mode_ == BrowseMode::favourites || mode_ == BrowseMode::recent) {
        view_.show_groups(mode_, groups_);
        load_personal();
        return;
    }
    if (!catalog || !city) {
        services_.clear();
        view_.show_groups(mode_, groups_);
        view_.show_services(services_);
        view_.show_note(msg(N_("The service catalog is still loading...")));
        return;
    }
    if (mode_ == BrowseMode::departments) {
        for (const auto& d : city->departments) {
            groups_.push_back({d.id, localized(d.name, context_.chinese), 0});
        }
    } else {
        for (const auto& e : city->life_events) {
            groups_.push_back({e.id, localized(e.name, context_.chinese), 0});
        }
    }
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        at.emplace(groups_[i].id, i);
    }
    for (const auto& s : catalog->services) {
        if (s.kind != "government") {
            continue;
        }
        if (mode_ == BrowseMode::departments) {
            if (auto it = at.find(s.department); it != at.end()) {
                ++groups_[it->second].services;
            }
        } else {
            for (const auto& e : s.life_events) {
                if (auto it = at.find(e); it != at.end()) {
                    ++groups_[it->second].services;
                }
            }
        }
    }
    view_.show_note({});
    view_.show_groups(mode_, groups_);
    if (group_ >= groups_.size()) {
        group_ = 0;
    }
    show_group();
}

void GovernmentPresenter::choose_group(std::size_t index) {
    if (index < groups_.size()) {
        group_ = index;
        show_group();
    }
}

void GovernmentPresenter::show_group() {
    services_.clear();
    auto catalog = context_.data.catalog();
    if (catalog && group_ < groups_.size()) {
        const std::string& id = groups_[group_].id;
        for (const auto& s : catalog->services) {
            if (s.kind != "government") {
                continue;
            }
            const bool in = mode_ == BrowseMode::departments
                                ? s.department == id
                                : std::find(s.life_events.begin(), s.life_events.end(), id) !=
                                      s.life_events.end();
            if (in) {
                services_.push_back(item_of(s));
            }
        }
    }
    view_.show_services(services_);
}

void GovernmentPresenter::load_personal() {
    if (!context_.vault.unlocked()) {
        services_.clear();
        view_.show_services(services_);
        view_.show_note(msg(N_("Unlock your data to see your favourite and recent services.")));
        return;
    }
    const bool favourites = mode_ == BrowseMode::favourites;
    context_.vault.run<std::vector<std::string>>(
        [favourites](store::Vault& v) {
            store::Preferences p(v);
            return favourites ? p.favourites() : p.recents();
        },
        lifetime_.guard([this, favourites](Result<std::vector<std::string>> ids) {
            if (favourites != (mode_ == BrowseMode::favourites) ||
                (mode_ != BrowseMode::favourites && mode_ != BrowseMode::recent)) {
                return; // the citizen switched lists meanwhile
            }
            if (!ids.ok()) {
                services_.clear();
                view_.show_services(services_);
                view_.show_note(ids.error().message_for_user());
                return;
            }
            show_ids(*ids);
        }));
}

void GovernmentPresenter::show_ids(const std::vector<std::string>& ids) {
    services_.clear();
    for (const auto& id : ids) {
        if (auto it = by_id_.find(id); it != by_id_.end()) {
            services_.push_back(item_of(*it->second));
        }
    }
    view_.show_services(services_);
    if (!services_.empty()) {
        view_.show_note({});
    } else if (mode_ == BrowseMode::favourites) {
        view_.show_note(msg(N_("No favourites yet: open a service and mark it with the star.")));
    } else {
        view_.show_note(msg(N_("The services you open will be listed here.")));
    }
}

void GovernmentPresenter::open_service(std::size_t index) {
    if (index < services_.size()) {
        view_.open_service(services_[index].id);
    }
}

} // namespace cd::app
