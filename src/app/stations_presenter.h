// The community stations screen of My Life: the service stations of one district with their
// hours and whether they are open now (city time), nearest first when the citizen's address is
// known (their profile's district centre: the platform gives no street coordinates), else by
// name.
#pragma once

#include "app/app_context.h"
#include "app/station_hours.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct StationRow {
    std::string id;
    std::string name;
    std::string address;
    std::string phone;
    std::vector<HoursSpan> hours;
    bool open_now = false;
    std::optional<double> distance_km; // when the citizen's address is known
    Message distance;                  // "1.2 km", empty when unknown
};

class StationsView {
public:
    virtual ~StationsView() = default;
    virtual void show_districts(const std::vector<std::string>& names, std::size_t selected) = 0;
    virtual void show_busy(bool busy) = 0;
    virtual void show_stations(const std::vector<StationRow>& stations, const Message& order) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
};

struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

class StationsPresenter {
public:
    StationsPresenter(AppContext& context, StationsView& view);

    void start();
    void choose_district(std::size_t index);
    void refresh();
    // Open now is recomputed from context.now() (the view calls this once a minute).
    void update_open_now();

    const std::string& district() const { return district_; }

    // Pure: rows for `stations` at `clock`, nearest to `from` first if given, else by name.
    static std::vector<StationRow> arrange(const std::vector<api::Station>& stations,
                                           const CityClock& clock, std::optional<GeoPoint> from,
                                           bool chinese);

private:
    std::optional<GeoPoint> citizen_location() const;
    void show();

    AppContext& context_;
    StationsView& view_;
    std::string district_;
    std::vector<api::Station> stations_;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
