#include "app/weather_codes.h"

#include <algorithm>
#include <array>

namespace cd::app {
namespace {

struct CodeRow {
    std::int64_t code;
    const char* words;
    WeatherIcon icon;
};

// WMO 4677 as Open-Meteo documents it (https://open-meteo.com/en/docs, "WMO Weather
// interpretation codes").
constexpr std::array<CodeRow, 28> code_table{{
    {0, N_("Clear sky"), WeatherIcon::clear},
    {1, N_("Mainly clear"), WeatherIcon::mainly_clear},
    {2, N_("Partly cloudy"), WeatherIcon::partly_cloudy},
    {3, N_("Overcast"), WeatherIcon::overcast},
    {45, N_("Fog"), WeatherIcon::fog},
    {48, N_("Depositing rime fog"), WeatherIcon::fog},
    {51, N_("Light drizzle"), WeatherIcon::drizzle},
    {53, N_("Moderate drizzle"), WeatherIcon::drizzle},
    {55, N_("Dense drizzle"), WeatherIcon::drizzle},
    {56, N_("Light freezing drizzle"), WeatherIcon::freezing},
    {57, N_("Dense freezing drizzle"), WeatherIcon::freezing},
    {61, N_("Slight rain"), WeatherIcon::rain},
    {63, N_("Moderate rain"), WeatherIcon::rain},
    {65, N_("Heavy rain"), WeatherIcon::rain},
    {66, N_("Light freezing rain"), WeatherIcon::freezing},
    {67, N_("Heavy freezing rain"), WeatherIcon::freezing},
    {71, N_("Slight snowfall"), WeatherIcon::snow},
    {73, N_("Moderate snowfall"), WeatherIcon::snow},
    {75, N_("Heavy snowfall"), WeatherIcon::snow},
    {77, N_("Snow grains"), WeatherIcon::snow},
    {80, N_("Slight rain showers"), WeatherIcon::showers},
    {81, N_("Moderate rain showers"), WeatherIcon::showers},
    {82, N_("Violent rain showers"), WeatherIcon::showers},
    {85, N_("Slight snow showers"), WeatherIcon::snow},
    {86, N_("Heavy snow showers"), WeatherIcon::snow},
    {95, N_("Thunderstorm"), WeatherIcon::thunderstorm},
    {96, N_("Thunderstorm with slight hail"), WeatherIcon::thunderstorm},
    {99, N_("Thunderstorm with heavy hail"), WeatherIcon::thunderstorm},
}};

} // namespace

WeatherCondition weather_condition(std::int64_t code) {
    auto row = std::find_if(code_table.begin(), code_table.end(),
                            [code](const CodeRow& r) { return r.code == code; });
    if (row == code_table.end()) {
        return {msg(N_("Unknown weather (code {0})"), {std::to_string(code)}),
                WeatherIcon::unknown};
    }
    return {msg(row->words), row->icon};
}

const std::vector<std::int64_t>& known_weather_codes() {
    static const std::vector<std::int64_t> codes = [] {
        std::vector<std::int64_t> out;
        for (const auto& row : code_table) {
            out.push_back(row.code);
        }
        return out;
    }();
    return codes;
}

std::string_view icon_name(WeatherIcon icon) {
    switch (icon) {
    case WeatherIcon::clear:
        return "clear";
    case WeatherIcon::mainly_clear:
        return "mainly_clear";
    case WeatherIcon::partly_cloudy:
        return "partly_cloudy";
    case WeatherIcon::overcast:
        return "overcast";
    case WeatherIcon::fog:
        return "fog";
    case WeatherIcon::drizzle:
        return "drizzle";
    case WeatherIcon::rain:
        return "rain";
    case WeatherIcon::freezing:
        return "freezing";
    case WeatherIcon::snow:
        return "snow";
    case WeatherIcon::showers:
        return "showers";
    case WeatherIcon::thunderstorm:
        return "thunderstorm";
    case WeatherIcon::unknown:
        break;
    }
    return "unknown";
}

AirQualityBand air_quality_band(std::int64_t european_aqi) {
    if (european_aqi <= 20) {
        return AirQualityBand::good;
    }
    if (european_aqi <= 40) {
        return AirQualityBand::fair;
    }
    if (european_aqi <= 60) {
        return AirQualityBand::moderate;
    }
    if (european_aqi <= 80) {
        return AirQualityBand::poor;
    }
    if (european_aqi <= 100) {
        return AirQualityBand::very_poor;
    }
    return AirQualityBand::extremely_poor;
}

Message air_quality_words(AirQualityBand band) {
    // TRANSLATORS: the bands of the European air quality index (good .. extremely poor).
    switch (band) {
    case AirQualityBand::good:
        return msg(N_("Good"));
    case AirQualityBand::fair:
        return msg(N_("Fair"));
    case AirQualityBand::moderate:
        return msg(N_("Moderate"));
    case AirQualityBand::poor:
        return msg(N_("Poor"));
    case AirQualityBand::very_poor:
        return msg(N_("Very poor"));
    case AirQualityBand::extremely_poor:
        break;
    }
    return msg(N_("Extremely poor"));
}

} // namespace cd::app
