#include "app/weather_presenter.h"

#include "store/preferences.h"

#include <algorithm>
#include <charconv>

namespace cd::app {
namespace {

// "7.1" whatever the C locale says.
std::string one_decimal(double value) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(text, end) : std::string("?");
}

bool unreachable(const Error& error) {
    return error.kind == ErrorKind::network || error.kind == ErrorKind::timeout;
}

template <class T> T at_or(const std::vector<T>& values, std::size_t i, T fallback) {
    return i < values.size() ? values[i] : fallback;
}

WeatherNow describe(const api::Forecast& f, const std::string& district_name) {
    WeatherNow now;
    now.district = msg(N_("Weather in {0}"), {district_name});
    now.condition = weather_condition(f.current.weather_code);
    now.temperature = msg(N_("{0} °C"), {one_decimal(f.current.temperature_2m)});
    now.details = msg(N_("Feels like {0} °C · humidity {1}% · wind {2} km/h"),
                      {one_decimal(f.current.apparent_temperature),
                       std::to_string(f.current.relative_humidity_2m),
                       one_decimal(f.current.wind_speed_10m)});
    now.observed_at = f.current.time;
    const auto& d = f.daily;
    const std::size_t days = std::min<std::size_t>(d.time.size(), 7);
    for (std::size_t i = 0; i < days; ++i) {
        DayWeather day;
        day.date = d.time[i];
        day.condition = weather_condition(at_or<std::int64_t>(d.weather_code, i, -1));
        day.temperatures =
            msg(N_("{0} – {1} °C"), {one_decimal(at_or(d.temperature_2m_min, i, 0.0)),
                                     one_decimal(at_or(d.temperature_2m_max, i, 0.0))});
        day.precipitation =
            msg(N_("{0}% · {1} mm"),
                {std::to_string(at_or<std::int64_t>(d.precipitation_probability_max, i, 0)),
                 one_decimal(at_or(d.precipitation_sum, i, 0.0))});
        now.days.push_back(std::move(day));
    }
    return now;
}

AirNow describe(const api::AirQuality& a) {
    AirNow air;
    air.european_aqi = a.current.european_aqi;
    air.band = air_quality_band(a.current.european_aqi);
    air.band_words = air_quality_words(air.band);
    air.index = msg(N_("European AQI {0}"), {std::to_string(a.current.european_aqi)});
    air.particles = msg(N_("PM2.5 {0} µg/m³ · PM10 {1} µg/m³"),
                        {one_decimal(a.current.pm2_5), one_decimal(a.current.pm10)});
    return air;
}

} // namespace

std::string default_district(const PlatformData& data) {
    auto city = data.city();
    if (!city || city->districts.empty()) {
        return {};
    }
    if (data.signed_in() && data.profile()) {
        const auto& mine = data.profile()->district;
        for (const auto& d : city->districts) {
            if (d.id == mine) {
                return mine;
            }
        }
    }
    return city->districts.front().id;
}

DistrictNames district_names(const api::City& city, const std::string& district, bool chinese) {
    DistrictNames out;
    for (const auto& d : city.districts) {
        if (d.id == district) {
            out.selected = out.names.size();
        }
        out.names.push_back(localized(d.name, chinese));
    }
    return out;
}

WeatherPresenter::WeatherPresenter(AppContext& context, WeatherView& view)
    : context_(context), view_(view) {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent event) {
        switch (event) {
        case AppEvent::city_changed: // the profile arrived, or came again on a reconnect
            if (district_.empty()) {
                start();
            } else {
                show_districts();
            }
            break;
        case AppEvent::online:
            refresh();
            break;
        case AppEvent::vault_unlocked:
            load_preference();
            break;
        case AppEvent::signed_in:
            if (!chosen_ && !default_district(context_.data).empty()) {
                district_ = default_district(context_.data);
                show_districts();
                refresh();
            }
            break;
        default:
            break;
        }
    }));
}

void WeatherPresenter::start() {
    if (!context_.data.city()) {
        view_.show_note(msg(N_("Waiting for the city's districts from the platform…")));
        return;
    }
    if (district_.empty() || district_name(district_).empty()) {
        district_ = default_district(context_.data);
        chosen_ = false;
    }
    show_districts();
    if (context_.vault.unlocked()) {
        load_preference(); // refreshes when the answer comes
    } else {
        refresh();
    }
}

void WeatherPresenter::show_districts() {
    auto city = context_.data.city();
    if (!city) {
        return;
    }
    const auto districts = district_names(*city, district_, context_.chinese);
    view_.show_districts(districts.names, districts.selected);
}

void WeatherPresenter::load_preference() {
    context_.vault.run<std::optional<std::string>>(
        [](store::Vault& v) { return store::Preferences(v).get(district_preference); },
        lifetime_.guard([this](Result<std::optional<std::string>> saved) {
            if (saved.ok() && *saved && !district_name(**saved).empty()) {
                district_ = **saved;
                chosen_ = true;
                show_districts();
            } else if (saved.ok() && chosen_) {
                set_district(district_, true); // a choice made while locked: keep it now
                return;
            }
            refresh();
        }));
}

void WeatherPresenter::choose_district(std::size_t index) {
    auto city = context_.data.city();
    if (!city || index >= city->districts.size()) {
        return;
    }
    set_district(city->districts[index].id, true);
}

void WeatherPresenter::set_district(const std::string& id, bool remember) {
    district_ = id;
    chosen_ = true;
    if (remember && context_.vault.unlocked()) {
        context_.vault.run<Done>(
            [id](store::Vault& v) { return store::Preferences(v).set(district_preference, id); },
            [](Result<Done>) {}); // not remembered is no reason to bother the citizen
    }
    refresh();
}

void WeatherPresenter::refresh() {
    if (district_.empty()) {
        return;
    }
    pending_ += 2;
    view_.show_busy(true);
    const std::string district = district_;
    call_platform<api::Forecast>(
        context_.platform, context_.ui,
        [district](api::PlatformClient& c, auto done) { c.weather(district, done); },
        lifetime_.guard(
            [this, district](Result<api::Forecast> r) { on_forecast(district, std::move(r)); }));
    call_platform<api::AirQuality>(
        context_.platform, context_.ui,
        [district](api::PlatformClient& c, auto done) { c.air_quality(district, done); },
        lifetime_.guard(
            [this, district](Result<api::AirQuality> r) { on_air(district, std::move(r)); }));
}

void WeatherPresenter::on_shown() {
    if (pending_ == 0 && (!forecast_ || context_.now() - fetched_at_ > std::chrono::minutes(30))) {
        refresh();
    }
}

void WeatherPresenter::on_forecast(const std::string& district, Result<api::Forecast> result) {
    if (--pending_ <= 0) {
        pending_ = 0;
        view_.show_busy(false);
    }
    if (district != district_) {
        return; // the citizen has moved on to another district
    }
    if (!result.ok()) {
        context_.data.freshness().failed(Tab::life, "weather");
        const Error& error = result.error();
        if (unreachable(error)) {
            view_.show_note(forecast_ ? msg(N_("The platform cannot be reached. This is the "
                                               "weather last received ({0})."),
                                            {forecast_->current.time})
                                      : msg(N_("The platform cannot be reached. The weather "
                                               "will appear when you are back online.")));
        } else {
            view_.show_note(error.message_for_user());
        }
        return;
    }
    forecast_ = std::move(*result);
    fetched_at_ = context_.now();
    context_.data.freshness().fresh(Tab::life, "weather", fetched_at_);
    view_.show_note({});
    view_.show_weather(describe(*forecast_, district_name(district)));
}

void WeatherPresenter::on_air(const std::string& district, Result<api::AirQuality> result) {
    if (--pending_ <= 0) {
        pending_ = 0;
        view_.show_busy(false);
    }
    if (district != district_ || !result.ok()) {
        return; // the forecast's answer already says what went wrong
    }
    air_ = std::move(*result);
    view_.show_air(describe(*air_));
}

std::string WeatherPresenter::district_name(const std::string& id) const {
    auto city = context_.data.city();
    if (city) {
        for (const auto& d : city->districts) {
            if (d.id == id) {
                return localized(d.name, context_.chinese);
            }
        }
    }
    return {};
}

} // namespace cd::app
