#include "app/suggestions.h"

#include "app/bills_presenter.h"
#include "app/platform_data.h"
#include "core/resident_id.h"
#include "store/preferences.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace cd::app {

namespace {

constexpr int elderly_age = 60;
constexpr int near_retirement_age = 55;
constexpr std::size_t per_reason = 2; // no single reason may fill the list

const api::CatalogEntry* find_service(const api::Catalog* catalog, const std::string& id) {
    if (catalog == nullptr) {
        return nullptr;
    }
    for (const auto& s : catalog->services) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

bool tagged(const api::CatalogEntry& s, const std::string& event) {
    return std::find(s.life_events.begin(), s.life_events.end(), event) != s.life_events.end();
}

bool mentions(const api::CatalogEntry& s, const std::vector<std::string>& words) {
    for (const auto& w : words) {
        for (const auto& k : s.keywords) {
            if (k.find(w) != std::string::npos) {
                return true;
            }
        }
        if (s.name.zh.find(w) != std::string::npos || s.name.en.find(w) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string city_name_of(const api::City* city, const std::string& event, bool chinese) {
    if (city != nullptr) {
        for (const auto& e : city->life_events) {
            if (e.id == event) {
                return localized(e.name, chinese);
            }
        }
    }
    return {};
}

std::string district_name(const api::City* city, const std::string& id, bool chinese) {
    if (city != nullptr) {
        for (const auto& d : city->districts) {
            if (d.id == id) {
                return localized(d.name, chinese);
            }
        }
    }
    return id;
}

class Collector {
public:
    Collector(const api::Catalog* catalog, bool chinese) : catalog_(catalog), chinese_(chinese) {}

    bool full() const { return out_.size() >= max_suggestions; }

    void service(const api::CatalogEntry& s, const Message& reason) {
        if (full() || !seen_.insert("s:" + s.id).second) {
            return;
        }
        Suggestion g;
        g.title = localized(s.name, chinese_);
        g.reason = reason;
        g.tab = s.kind == "convenience" ? Tab::life : Tab::government;
        g.service_id = s.id;
        out_.push_back(std::move(g));
    }

    // Up to per_reason catalog services that `match`, government ones first.
    template <class Match> void services(Match match, const Message& reason) {
        if (catalog_ == nullptr) {
            return;
        }
        std::size_t added = 0;
        for (const char* kind : {"government", "convenience"}) {
            for (const auto& s : catalog_->services) {
                if (added >= per_reason || full()) {
                    return;
                }
                if (s.kind == kind && match(s) && !seen_.count("s:" + s.id)) {
                    service(s, reason);
                    ++added;
                }
            }
        }
    }

    void hall(const api::Hall& h, const Message& reason) {
        if (full() || !seen_.insert("h:" + h.id).second) {
            return;
        }
        Suggestion g;
        g.title = localized(h.name, chinese_) + " \xc2\xb7 " + localized(h.address, chinese_);
        g.reason = reason;
        g.tab = Tab::government;
        g.hall_id = h.id;
        out_.push_back(std::move(g));
    }

    std::vector<Suggestion> take() { return std::move(out_); }

private:
    const api::Catalog* catalog_;
    bool chinese_;
    std::set<std::string> seen_;
    std::vector<Suggestion> out_;
};

} // namespace

const std::vector<std::string>& home_life_events() {
    static const std::vector<std::string> ids{"moving", "birth", "retirement", "business"};
    return ids;
}

Message life_event_title(const std::string& id) {
    if (id == "moving")
        return msg(N_("Moving house"));
    if (id == "birth")
        return msg(N_("A new baby"));
    if (id == "retirement")
        return msg(N_("Retiring"));
    if (id == "business")
        return msg(N_("Starting a business"));
    return msg(N_("Other"));
}

Result<bool> suggestions_enabled(store::Vault& vault) {
    auto value = store::Preferences(vault).get(suggestions_preference);
    if (!value.ok()) {
        return value.error();
    }
    return !(*value && **value == "off");
}

Status set_suggestions_enabled(store::Vault& vault, bool enabled) {
    return store::Preferences(vault).set(suggestions_preference, enabled ? "on" : "off");
}

Result<std::vector<std::string>> chosen_life_events(store::Vault& vault) {
    auto value = store::Preferences(vault).get(life_events_preference);
    if (!value.ok()) {
        return value.error();
    }
    std::vector<std::string> ids;
    if (*value) {
        std::string part;
        for (char c : **value + ",") {
            if (c == ',') {
                if (!part.empty()) {
                    ids.push_back(part);
                }
                part.clear();
            } else {
                part += c;
            }
        }
    }
    return ids;
}

Status set_chosen_life_events(store::Vault& vault, const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) {
        text += text.empty() ? id : "," + id;
    }
    return store::Preferences(vault).set(life_events_preference, text);
}

std::optional<int> age_from_resident_id(const std::string& resident_id, const std::string& today) {
    if (!is_valid_resident_id(resident_id)) {
        return std::nullopt;
    }
    int by = 0, bm = 0, bd = 0, ty = 0, tm = 0, td = 0;
    const std::string birth = resident_id.substr(6, 8);
    if (std::sscanf(birth.c_str(), "%4d%2d%2d", &by, &bm, &bd) != 3 || today.size() != 10 ||
        std::sscanf(today.c_str(), "%4d-%2d-%2d", &ty, &tm, &td) != 3) {
        return std::nullopt;
    }
    int age = ty - by;
    if (tm < bm || (tm == bm && td < bd)) {
        --age;
    }
    if (age < 0) {
        return std::nullopt;
    }
    return age;
}

std::vector<Suggestion> compute_suggestions(const SuggestionInputs& in, const api::Catalog* catalog,
                                            const std::vector<api::Hall>& halls,
                                            const api::City* city, bool chinese) {
    Collector c(catalog, chinese);
    for (const auto& id : in.favourites) {
        if (const auto* s = find_service(catalog, id)) {
            c.service(*s, msg(N_("Because you marked it as a favourite")));
        }
    }
    std::size_t recent = 0;
    for (const auto& id : in.recents) {
        if (const auto* s = find_service(catalog, id); s != nullptr && recent < per_reason) {
            c.service(*s, msg(N_("Because you used it recently")));
            ++recent;
        }
    }
    for (const auto& event : in.life_events) {
        std::string name = city_name_of(city, event, chinese);
        const Message reason = name.empty() ? msg(N_("Because you chose \"{0}\" on Home"),
                                                  {life_event_title(event).id})
                                            : msg(N_("Because you chose \"{0}\" on Home"), {name});
        c.services([&](const api::CatalogEntry& s) { return tagged(s, event); }, reason);
    }
    if (in.age && *in.age >= elderly_age) {
        c.services([](const api::CatalogEntry& s) { return tagged(s, "elderly-care"); },
                   msg(N_("Because you are over {0}"), {std::to_string(elderly_age)}));
    } else if (in.age && *in.age >= near_retirement_age) {
        c.services([](const api::CatalogEntry& s) { return tagged(s, "retirement"); },
                   msg(N_("Because you are over {0}: retirement is near"),
                       {std::to_string(near_retirement_age)}));
    }
    if (!in.district.empty()) {
        const Message reason =
            msg(N_("Because you live in {0}"), {district_name(city, in.district, chinese)});
        std::size_t added = 0;
        for (const auto& h : halls) {
            if (h.district == in.district && added < 2) {
                c.hall(h, reason);
                ++added;
            }
        }
    }
    const int month = in.today.size() >= 7 ? std::atoi(in.today.substr(5, 2).c_str()) : 0;
    if (month == 12 || month == 1 || month == 2) {
        c.services(
            [](const api::CatalogEntry& s) {
                return mentions(s, {"heating", "\xe4\xbe\x9b\xe6\x9a\x96", "gas"});
            },
            msg(N_("Because it is winter: heating")));
    } else if (month >= 6 && month <= 8) {
        c.services([](const api::CatalogEntry& s) { return tagged(s, "school"); },
                   msg(N_("Because it is summer: school enrolment")));
    }
    return c.take();
}

} // namespace cd::app
