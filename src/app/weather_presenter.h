// The weather screen of My Life: the weather now, the next 7 days and the air quality for one
// district of the city. The district is the citizen's choice (kept in the vault's preferences
// as `life.district` while the vault is unlocked, else for this run only), or their profile's
// district, or the city's first. When the platform cannot be reached the last weather stays
// on screen and a message says so.
#pragma once

#include "app/app_context.h"
#include "app/weather_codes.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct DayWeather {
    std::string date; // "2026-11-29" (city time)
    WeatherCondition condition;
    Message temperatures;  // "3 – 11 °C"
    Message precipitation; // chance of rain and amount: "60% · 4.2 mm"
};

struct WeatherNow {
    Message district; // "Weather in {0}"
    WeatherCondition condition;
    Message temperature; // "7.1 °C"
    Message details;     // feels like, humidity, wind
    std::string observed_at;
    std::vector<DayWeather> days; // up to 7
};

struct AirNow {
    std::int64_t european_aqi = 0;
    AirQualityBand band = AirQualityBand::good;
    Message band_words; // "Fair"
    Message index;      // "European AQI 32"
    Message particles;  // "PM2.5 12.3 µg/m³ · PM10 20.1 µg/m³"
};

class WeatherView {
public:
    virtual ~WeatherView() = default;
    virtual void show_districts(const std::vector<std::string>& names, std::size_t selected) = 0;
    virtual void show_busy(bool busy) = 0;
    virtual void show_weather(const WeatherNow& weather) = 0;
    virtual void show_air(const AirNow& air) = 0;
    // An empty message clears the note.
    virtual void show_note(const Message& note) = 0;
};

// The preference key that remembers the chosen district.
inline constexpr const char* district_preference = "life.district";

// The district a screen starts with: the signed-in citizen's, else the city's first; "" without
// a city profile.
std::string default_district(const PlatformData& data);

// The city's district names as a picker lists them, and which one is `district`.
struct DistrictNames {
    std::vector<std::string> names;
    std::size_t selected = 0;
};
DistrictNames district_names(const api::City& city, const std::string& district, bool chinese);

class WeatherPresenter {
public:
    WeatherPresenter(AppContext& context, WeatherView& view);

    // Shows the districts and loads the weather (once the city profile is known).
    void start();
    void choose_district(std::size_t index);
    void refresh();
    // The screen came into view: fetch again when what is shown is over half an hour old.
    void on_shown();

    const std::string& district() const { return district_; }
    bool has_weather() const { return forecast_.has_value(); }

private:
    void show_districts();
    void load_preference();
    void set_district(const std::string& id, bool remember);
    void on_forecast(const std::string& district, Result<api::Forecast> result);
    void on_air(const std::string& district, Result<api::AirQuality> result);
    std::string district_name(const std::string& id) const;

    AppContext& context_;
    WeatherView& view_;
    std::string district_;
    bool chosen_ = false; // the citizen picked district_ (vs. a default)
    int pending_ = 0;
    std::optional<api::Forecast> forecast_;
    std::chrono::system_clock::time_point fetched_at_{};
    std::optional<api::AirQuality> air_;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
