#include "app/platform_data.h"

namespace cd::app {

void PlatformData::set_city(api::City city) {
    city_ = std::make_shared<const api::City>(std::move(city));
    events_.publish(AppEvent::city_changed);
}

void PlatformData::set_catalog(std::shared_ptr<const api::Catalog> catalog) {
    catalog_ = std::move(catalog);
    events_.publish(AppEvent::catalog_changed);
}

void PlatformData::set_signed_in(std::optional<api::Profile> profile, std::string citizen_id) {
    if (citizen_id.empty() && profile) {
        citizen_id = profile->id;
    }
    citizen_id_ = std::move(citizen_id);
    profile_ = std::move(profile);
    signed_in_ = true;
    events_.publish(AppEvent::signed_in);
}

void PlatformData::set_signed_out() {
    profile_.reset();
    citizen_id_.clear();
    signed_in_ = false;
    events_.publish(AppEvent::signed_out);
}

void PlatformData::set_connection(ConnectionState state) {
    if (state == connection_) {
        return;
    }
    const bool was_online = online();
    connection_ = state;
    freshness_.on_connection_changed(state); // before the screens hear of it and refresh
    if (online() != was_online) {
        events_.publish(online() ? AppEvent::online : AppEvent::offline);
    }
}

const std::string& localized(const api::LocalizedText& text, bool chinese) {
    if (chinese) {
        return text.zh.empty() ? text.en : text.zh;
    }
    return text.en.empty() ? text.zh : text.en;
}

} // namespace cd::app
