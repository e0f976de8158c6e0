// Words and icons for Open-Meteo's weather codes (WMO 4677 "present weather", the 28 codes
// Open-Meteo uses) and for the European air quality index bands. Used by the weather screen.
#pragma once

#include "core/message.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace cd::app {

// A small set of pictures the view draws (as symbols); several codes share one.
enum class WeatherIcon {
    clear,
    mainly_clear,
    partly_cloudy,
    overcast,
    fog,
    drizzle,
    rain,
    freezing,
    snow,
    showers,
    thunderstorm,
    unknown,
};

struct WeatherCondition {
    Message words; // "Slight rain"
    WeatherIcon icon = WeatherIcon::unknown;
};

// The condition for a WMO code; an unknown code gives WeatherIcon::unknown and words that say so.
WeatherCondition weather_condition(std::int64_t code);
// Every code Open-Meteo sends, ascending.
const std::vector<std::int64_t>& known_weather_codes();
// "clear", "rain", ..., "unknown": a stable name for logs, tests and the view's symbol table.
std::string_view icon_name(WeatherIcon icon);

enum class AirQualityBand { good, fair, moderate, poor, very_poor, extremely_poor };

// European AQI: 0-20 good, (20,40] fair, (40,60] moderate, (60,80] poor, (80,100] very poor,
// above 100 extremely poor. A boundary value belongs to the better band.
AirQualityBand air_quality_band(std::int64_t european_aqi);
Message air_quality_words(AirQualityBand band);

} // namespace cd::app
