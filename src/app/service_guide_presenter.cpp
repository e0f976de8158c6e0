#include "app/service_guide_presenter.h"

#include "app/government_presenter.h"
#include "app/kept_service_guide.h"
#include "store/preferences.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

namespace cd::app {
namespace {

std::set<std::size_t> parse_ticks(const std::string& text) {
    std::set<std::size_t> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        if (!part.empty() && part.find_first_not_of("0123456789") == std::string::npos &&
            part.size() < 6) {
            out.insert(static_cast<std::size_t>(std::stoul(part)));
        }
    }
    return out;
}

struct Personal {
    std::optional<std::string> ticks;
    bool favourite = false;
};

} // namespace

bool hall_open_at(const api::Hall& hall, std::chrono::system_clock::time_point now) {
    return open_at(hall.opening_hours, city_clock(now));
}

std::string checklist_key(const std::string& service_id) {
    return "government.checklist." + service_id;
}

ServiceGuidePresenter::ServiceGuidePresenter(AppContext& context, ServiceGuideView& view)
    : context_(context), view_(view) {}

void ServiceGuidePresenter::start(const std::string& service_id) {
    id_ = service_id;
    loaded_ = false;
    view_.show_busy(true);
    note_recent_service(context_, service_id);
    kept_service_guide(context_, service_id, lifetime_.guard([this](Result<KeptGuide> result) {
        view_.show_busy(false);
        if (!result.ok()) {
            view_.show_error(result.error().message_for_user());
            return;
        }
        const api::ServiceGuide& g = result->guide;
        const bool zh = context_.chinese;
        GuideModel m;
        m.id = g.service.id;
        m.name = localized(g.service.name, zh);
        m.summary = localized(g.summary, zh);
        m.convenience = g.service.kind == "convenience";
        for (const auto& d : g.required_documents) {
            m.documents.push_back({localized(d.name, zh), d.original, d.copies, false});
        }
        for (const auto& f : g.fees) {
            m.fees.push_back({localized(f.item, zh), f.amount});
        }
        m.legal_days = g.legal_time_limit_days;
        m.promised_days = g.promised_time_limit_days;
        for (const auto& s : g.steps) {
            m.steps.push_back({localized(s.name, zh), localized(s.description, zh)});
        }
        const auto now = context_.now();
        for (const auto& h : g.halls) {
            m.halls.push_back({h.id, localized(h.name, zh), localized(h.address, zh), h.phone,
                               hours_spans(h.opening_hours), hall_open_at(h, now)});
        }
        halls_ = g.halls;
        m.online = !m.convenience && (g.service.channel == "online" || g.service.channel == "both");
        m.bookable = !m.convenience && !g.halls.empty();
        if (g.address) {
            m.address = localized(*g.address, zh);
        }
        m.phone = g.phone;
        m.link = result->page_url;
        m.kept_note = kept_guide_note(*result, now);
        guide_ = std::move(m);
        loaded_ = true;
        view_.show_guide(guide_);
        load_personal();
    }));
}

void ServiceGuidePresenter::load_personal() {
    if (!context_.vault.unlocked()) {
        return;
    }
    const std::string id = id_;
    context_.vault.run<Personal>(
        [id](store::Vault& v) -> Result<Personal> {
            store::Preferences p(v);
            auto ticks = p.get(checklist_key(id));
            if (!ticks.ok()) {
                return ticks.error();
            }
            auto favourites = p.favourites();
            if (!favourites.ok()) {
                return favourites.error();
            }
            Personal out{*ticks, std::find(favourites->begin(), favourites->end(), id) !=
                                     favourites->end()};
            return out;
        },
        lifetime_.guard([this, id](Result<Personal> r) {
            if (!r.ok() || id != id_) {
                return;
            }
            if (r->ticks) {
                const auto ticks = parse_ticks(*r->ticks);
                for (std::size_t i = 0; i < guide_.documents.size(); ++i) {
                    guide_.documents[i].ticked = ticks.count(i) != 0;
                }
                view_.show_checklist(guide_.documents);
            }
            guide_.favourite = r->favourite;
            view_.show_favourite(guide_.favourite);
        }));
}

void ServiceGuidePresenter::toggle_document(std::size_t index) {
    if (index >= guide_.documents.size()) {
        return;
    }
    guide_.documents[index].ticked = !guide_.documents[index].ticked;
    view_.show_checklist(guide_.documents);
    save_checklist();
}

void ServiceGuidePresenter::save_checklist() {
    if (!context_.vault.unlocked()) {
        return; // ticks still help for this visit; nothing to keep them in
    }
    std::string value;
    for (std::size_t i = 0; i < guide_.documents.size(); ++i) {
        if (guide_.documents[i].ticked) {
            value += (value.empty() ? "" : ",") + std::to_string(i);
        }
    }
    const std::string key = checklist_key(id_);
    context_.vault.run<Done>(
        [key, value](store::Vault& v) {
            store::Preferences p(v);
            return value.empty() ? p.erase(key) : p.set(key, value);
        },
        [](Status) {});
}

void ServiceGuidePresenter::toggle_favourite() {
    if (!loaded_) {
        return;
    }
    if (!context_.vault.unlocked()) {
        view_.show_error(msg(N_("Unlock your data to keep favourites.")));
        return;
    }
    const bool want = !guide_.favourite;
    set_favourite_service(context_, id_, want, lifetime_.guard([this, want](Status s) {
        if (s.ok()) {
            guide_.favourite = want;
            view_.show_favourite(want);
        } else {
            view_.show_error(s.error().message_for_user());
        }
    }));
}

void ServiceGuidePresenter::apply_online() {
    if (loaded_ && guide_.online) {
        view_.apply_online(id_);
    }
}

void ServiceGuidePresenter::book(int hall_index) {
    if (!loaded_ || !guide_.bookable) {
        return;
    }
    const bool chosen =
        hall_index >= 0 && static_cast<std::size_t>(hall_index) < guide_.halls.size();
    view_.book(id_, chosen ? guide_.halls[static_cast<std::size_t>(hall_index)].id : std::string());
}

void ServiceGuidePresenter::refresh_open_now() {
    if (!loaded_) {
        return;
    }
    const auto now = context_.now();
    for (std::size_t i = 0; i < guide_.halls.size() && i < halls_.size(); ++i) {
        guide_.halls[i].open_now = hall_open_at(halls_[i], now);
    }
    view_.show_guide(guide_);
}

} // namespace cd::app
