// What the app currently knows from the platform and shares between screens, UI thread only:
// the city profile (districts, categories, departments, life events, hotlines, Open311), the
// service catalog, and the signed-in citizen's profile. Setting one publishes an AppEvent.
#pragma once

#include "api/platform_types.h"
#include "app/app_events.h"
#include "app/connection_state.h"
#include "app/tab_freshness.h"

#include <memory>
#include <optional>

namespace cd::app {

class PlatformData {
public:
    explicit PlatformData(EventHub& events) : events_(events) {}

    // Null until the platform has answered once (or a cached copy was loaded).
    std::shared_ptr<const api::City> city() const { return city_; }
    std::shared_ptr<const api::Catalog> catalog() const { return catalog_; }
    // Present while signed in.
    const std::optional<api::Profile>& profile() const { return profile_; }
    bool signed_in() const { return signed_in_; }
    // The signed-in citizen's platform id (from the session, else the profile); '' when signed
    // out or not known. Payments and queued submissions are bound to it.
    const std::string& citizen_id() const { return citizen_id_; }
    ConnectionState connection() const { return connection_; }
    // The platform answers (online or degraded): AppEvent::online was the last published.
    bool online() const { return reachable(connection_); }

    void set_city(api::City city);
    void set_catalog(std::shared_ptr<const api::Catalog> catalog);
    // Publishes signed_in. `citizen_id` is the session's; empty: the profile's id.
    void set_signed_in(std::optional<api::Profile> profile, std::string citizen_id = {});
    void set_signed_out(); // publishes signed_out
    // Publishes online only on a move to reachable() (payments resolve and the outbox sends on
    // it), offline only on a move away from it.
    void set_connection(ConnectionState state);

    // Which tabs show what was kept rather than what the platform just said; screens report
    // to it, the main window shows it. Follows set_connection().
    TabFreshness& freshness() { return freshness_; }
    const TabFreshness& freshness() const { return freshness_; }

private:
    EventHub& events_;
    std::shared_ptr<const api::City> city_;
    std::shared_ptr<const api::Catalog> catalog_;
    std::optional<api::Profile> profile_;
    bool signed_in_ = false;
    std::string citizen_id_;
    ConnectionState connection_ = ConnectionState::not_configured;
    TabFreshness freshness_;
};

// The Chinese or the English text, falling back to the other when one is empty.
const std::string& localized(const api::LocalizedText& text, bool chinese);

} // namespace cd::app
