// Which tabs show data the platform has not confirmed: each screen reports, per source of data
// (weather, catalog, bills, the public feed...), whether what it shows just came from the
// platform, was read from the copy kept in the vault, or stayed on screen because a refresh
// failed. When the platform cannot be reached, everything shown is what was kept. A tab shows
// its own notice ("Showing what was kept at 09:12; the platform cannot be reached") while any
// of its sources is kept, with the oldest time such data was last good; a successful refresh
// clears that source only. Lives in PlatformData; MainPresenter shows it. UI thread only.
#pragma once

#include "app/connection_state.h"
#include "app/tabs.h"
#include "core/message.h"

#include <array>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace cd::app {

class TabFreshness {
public:
    using TimePoint = std::chrono::system_clock::time_point;
    // Told the tab whose notice may have changed.
    using Listener = std::function<void(Tab)>;
    // The local clock's offset from UTC at a time (default: the computer's time zone).
    using UtcOffset = std::function<int(TimePoint)>;

    TabFreshness();

    // What the source shows came from the platform at `at`.
    void fresh(Tab tab, const std::string& source, TimePoint at);
    // What it shows was read from the vault's copy, last good at `last_good` (unknown: empty).
    void kept(Tab tab, const std::string& source, std::optional<TimePoint> last_good = {});
    // A refresh failed: what it shows (if anything) stays, and is what was kept.
    void failed(Tab tab, const std::string& source);
    // The source shows nothing any more (signed out, another endpoint): nothing to warn about.
    void cleared(Tab tab, const std::string& source);
    // The platform cannot be reached: everything shown is what was kept until refreshed.
    void on_connection_changed(ConnectionState state);

    // Some source of the tab shows data from the platform (fresh or kept).
    bool showing(Tab tab) const;
    bool stale(Tab tab) const;
    // The tab's notice; empty when what it shows is current (or it shows nothing).
    Message notice(Tab tab) const;

    void set_listener(Listener listener) { listener_ = std::move(listener); }
    void set_utc_offset(UtcOffset offset) { utc_offset_ = std::move(offset); }
    // "Now" for the notice's time (today's times show without the date).
    void set_clock(std::function<TimePoint()> now) { now_ = std::move(now); }

private:
    struct Source {
        bool shown = false; // it shows data from the platform (fresh or kept)
        bool kept = false;
        std::optional<TimePoint> last_good;
    };
    std::map<std::string, Source>& sources(Tab tab) { return tabs_[std::size_t(tab_index(tab))]; }
    const std::map<std::string, Source>& sources(Tab tab) const {
        return tabs_[std::size_t(tab_index(tab))];
    }
    void tell_if_changed(Tab tab, const Message& before);

    std::array<std::map<std::string, Source>, tab_count> tabs_;
    ConnectionState connection_ = ConnectionState::not_configured;
    Listener listener_;
    UtcOffset utc_offset_;
    std::function<TimePoint()> now_;
};

} // namespace cd::app
