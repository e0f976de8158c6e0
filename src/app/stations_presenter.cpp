#include "app/stations_presenter.h"

#include "app/weather_presenter.h"

#include <algorithm>
#include <charconv>

namespace cd::app {
namespace {

std::string kilometres(double km) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, km, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(text, end) : std::string("?");
}

} // namespace

StationsPresenter::StationsPresenter(AppContext& context, StationsView& view)
    : context_(context), view_(view) {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::city_changed && district_.empty()) {
            start();
        } else if (event == AppEvent::online && stations_.empty()) {
            refresh();
        } else if (event == AppEvent::signed_in || event == AppEvent::signed_out) {
            show(); // the citizen's location changed: sort again
        }
    }));
}

void StationsPresenter::start() {
    auto city = context_.data.city();
    if (!city || city->districts.empty()) {
        return;
    }
    if (district_.empty()) {
        district_ = default_district(context_.data);
    }
    const auto districts = district_names(*city, district_, context_.chinese);
    view_.show_districts(districts.names, districts.selected);
    refresh();
}

void StationsPresenter::choose_district(std::size_t index) {
    auto city = context_.data.city();
    if (city && index < city->districts.size()) {
        district_ = city->districts[index].id;
        refresh();
    }
}

void StationsPresenter::refresh() {
    if (district_.empty()) {
        return;
    }
    view_.show_busy(true);
    const std::string district = district_;
    call_platform<std::vector<api::Station>>(
        context_.platform, context_.ui,
        [district](api::PlatformClient& c, auto done) { c.stations(district, done); },
        lifetime_.guard([this, district](Result<std::vector<api::Station>> result) {
            view_.show_busy(false);
            if (district != district_) {
                return;
            }
            if (!result.ok()) {
                const Error& e = result.error();
                view_.show_note(e.kind == ErrorKind::network || e.kind == ErrorKind::timeout
                                    ? msg(N_("The platform cannot be reached. The stations will "
                                             "appear when you are back online."))
                                    : e.message_for_user());
                return;
            }
            stations_ = std::move(*result);
            view_.show_note({});
            show();
        }));
}

void StationsPresenter::update_open_now() {
    show();
}

void StationsPresenter::show() {
    if (stations_.empty()) {
        return;
    }
    auto from = citizen_location();
    view_.show_stations(arrange(stations_, city_clock(context_.now()), from, context_.chinese),
                        from ? msg(N_("Nearest to your address first"))
                             : msg(N_("By name (sign in to sort by distance from your address)")));
}

std::optional<GeoPoint> StationsPresenter::citizen_location() const {
    auto city = context_.data.city();
    const auto& profile = context_.data.profile();
    if (!city || !context_.data.signed_in() || !profile) {
        return std::nullopt;
    }
    for (const auto& d : city->districts) {
        if (d.id == profile->district) {
            return GeoPoint{d.latitude, d.longitude};
        }
    }
    return std::nullopt;
}

std::vector<StationRow> StationsPresenter::arrange(const std::vector<api::Station>& stations,
                                                   const CityClock& clock,
                                                   std::optional<GeoPoint> from, bool chinese) {
    std::vector<StationRow> rows;
    for (const auto& s : stations) {
        StationRow row;
        row.id = s.id;
        row.name = localized(s.name, chinese);
        row.address = localized(s.address, chinese);
        row.phone = s.phone;
        row.hours = hours_spans(s.opening_hours);
        row.open_now = open_at(s.opening_hours, clock);
        if (from) {
            row.distance_km = distance_km(from->latitude, from->longitude, s.latitude, s.longitude);
            row.distance = msg(N_("{0} km"), {kilometres(*row.distance_km)});
        }
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StationRow& a, const StationRow& b) {
        if (a.distance_km && b.distance_km && *a.distance_km != *b.distance_km) {
            return *a.distance_km < *b.distance_km;
        }
        return a.name < b.name;
    });
    return rows;
}

} // namespace cd::app
