#include "app/tab_freshness.h"

#include "app/local_time.h"

namespace cd::app {

TabFreshness::TabFreshness()
    : utc_offset_(local_utc_offset_minutes), now_([] { return std::chrono::system_clock::now(); }) {
}

void TabFreshness::fresh(Tab tab, const std::string& source, TimePoint at) {
    const Message before = notice(tab);
    Source& s = sources(tab)[source];
    s.shown = true;
    s.kept = false;
    s.last_good = at;
    tell_if_changed(tab, before);
}

void TabFreshness::kept(Tab tab, const std::string& source, std::optional<TimePoint> last_good) {
    const Message before = notice(tab);
    Source& s = sources(tab)[source];
    s.shown = true;
    s.kept = true;
    if (last_good) {
        s.last_good = last_good;
    }
    tell_if_changed(tab, before);
}

void TabFreshness::failed(Tab tab, const std::string& source) {
    auto& all = sources(tab);
    auto it = all.find(source);
    if (it == all.end() || !it->second.shown) {
        return; // nothing on screen from it: the screen's own message says what went wrong
    }
    const Message before = notice(tab);
    it->second.kept = true;
    tell_if_changed(tab, before);
}

void TabFreshness::cleared(Tab tab, const std::string& source) {
    const Message before = notice(tab);
    sources(tab).erase(source);
    tell_if_changed(tab, before);
}

void TabFreshness::on_connection_changed(ConnectionState state) {
    std::array<Message, tab_count> before;
    for (Tab tab : all_tabs) {
        before[std::size_t(tab_index(tab))] = notice(tab);
    }
    connection_ = state;
    if (state == ConnectionState::offline) {
        for (auto& tab : tabs_) {
            for (auto& [name, source] : tab) {
                source.kept = source.kept || source.shown;
            }
        }
    }
    for (Tab tab : all_tabs) {
        tell_if_changed(tab, before[std::size_t(tab_index(tab))]);
    }
}

bool TabFreshness::showing(Tab tab) const {
    for (const auto& [name, source] : sources(tab)) {
        if (source.shown) {
            return true;
        }
    }
    return false;
}

bool TabFreshness::stale(Tab tab) const {
    for (const auto& [name, source] : sources(tab)) {
        if (source.shown && source.kept) {
            return true;
        }
    }
    return false;
}

Message TabFreshness::notice(Tab tab) const {
    if (!stale(tab)) {
        return {};
    }
    // The oldest of what is kept: the tab as a whole is no newer than that.
    std::optional<TimePoint> oldest;
    bool unknown = false;
    for (const auto& [name, source] : sources(tab)) {
        if (!source.shown || !source.kept) {
            continue;
        }
        if (!source.last_good) {
            unknown = true;
        } else if (!oldest || *source.last_good < *oldest) {
            oldest = source.last_good;
        }
    }
    const bool unreachable = connection_ == ConnectionState::offline;
    if (unknown || !oldest) {
        return unreachable ? msg(N_("Showing what was kept on this computer; the platform "
                                    "cannot be reached."))
                           : msg(N_("Showing what was kept on this computer; it could not be "
                                    "brought up to date."));
    }
    const std::string at = local_clock_text(*oldest, now_(), utc_offset_);
    return unreachable
               ? msg(N_("Showing what was kept at {0}; the platform cannot be reached."), {at})
               : msg(N_("Showing what was kept at {0}; it could not be brought up to date."), {at});
}

void TabFreshness::tell_if_changed(Tab tab, const Message& before) {
    if (listener_ && !(notice(tab) == before)) {
        listener_(tab);
    }
}

} // namespace cd::app
