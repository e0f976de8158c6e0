// Life information: Open-Meteo forecast and air quality, holiday-cn, stations, news.
#include "api/json_mapping.h"
#include "api/platform_parser.h"

namespace cd::api {
namespace {

using namespace mapping;

void opening_period(ObjectReader& r, OpeningPeriod& o) {
    o.weekday = static_cast<int>(r.integer("weekday", 1, 7));
    o.open = r.string("open");
    o.close = r.string("close");
}

// The daily/hourly arrays of Open-Meteo run in parallel with `time`.
void same_length(ObjectReader& r, std::size_t times, std::size_t n, const char* key) {
    if (r.ok() && n != times) {
        r.fail(key, "has " + std::to_string(n) + " values for " + std::to_string(times) + " times");
    }
}

} // namespace

Result<Forecast> parse_forecast(std::string_view body) {
    return parse_object<Forecast>(body, [](ObjectReader& r, Forecast& o) {
        o.latitude = number(r, "latitude");
        o.longitude = number(r, "longitude");
        number(r, "generationtime_ms");
        o.utc_offset_seconds = r.integer("utc_offset_seconds");
        o.timezone = r.string("timezone");
        r.string("timezone_abbreviation");
        number(r, "elevation");
        r.object("current_units");
        r.object("daily_units");
        member(r, "current", o.current, [](ObjectReader& c, CurrentWeather& x) {
            x.time = c.string("time");
            x.interval = c.integer("interval");
            x.temperature_2m = number(c, "temperature_2m");
            x.relative_humidity_2m = c.integer("relative_humidity_2m");
            x.apparent_temperature = number(c, "apparent_temperature");
            x.precipitation = number(c, "precipitation");
            x.weather_code = c.integer("weather_code");
            x.wind_speed_10m = number(c, "wind_speed_10m");
            x.wind_direction_10m = c.integer("wind_direction_10m");
        });
        member(r, "daily", o.daily, [](ObjectReader& d, DailyWeather& x) {
            x.time = strings(d, "time");
            x.weather_code = integers(d, "weather_code");
            x.temperature_2m_max = numbers(d, "temperature_2m_max");
            x.temperature_2m_min = numbers(d, "temperature_2m_min");
            x.precipitation_sum = numbers(d, "precipitation_sum");
            x.precipitation_probability_max = integers(d, "precipitation_probability_max");
            x.sunrise = strings(d, "sunrise");
            x.sunset = strings(d, "sunset");
            const auto n = x.time.size();
            same_length(d, n, x.weather_code.size(), "weather_code");
            same_length(d, n, x.temperature_2m_max.size(), "temperature_2m_max");
            same_length(d, n, x.temperature_2m_min.size(), "temperature_2m_min");
            same_length(d, n, x.precipitation_sum.size(), "precipitation_sum");
            same_length(d, n, x.precipitation_probability_max.size(),
                        "precipitation_probability_max");
            same_length(d, n, x.sunrise.size(), "sunrise");
            same_length(d, n, x.sunset.size(), "sunset");
        });
    });
}

Result<AirQuality> parse_air_quality(std::string_view body) {
    return parse_object<AirQuality>(body, [](ObjectReader& r, AirQuality& o) {
        o.latitude = number(r, "latitude");
        o.longitude = number(r, "longitude");
        number(r, "generationtime_ms");
        r.integer("utc_offset_seconds");
        o.timezone = r.string("timezone");
        r.string("timezone_abbreviation");
        number(r, "elevation");
        r.object("current_units");
        r.object("hourly_units");
        member(r, "current", o.current, [](ObjectReader& c, CurrentAir& x) {
            x.time = c.string("time");
            c.integer("interval");
            x.european_aqi = c.integer("european_aqi");
            x.us_aqi = c.integer("us_aqi");
            x.pm10 = number(c, "pm10");
            x.pm2_5 = number(c, "pm2_5");
            x.carbon_monoxide = number(c, "carbon_monoxide");
            x.nitrogen_dioxide = number(c, "nitrogen_dioxide");
            x.ozone = number(c, "ozone");
        });
        member(r, "hourly", o.hourly, [](ObjectReader& h, HourlyAir& x) {
            x.time = strings(h, "time");
            x.pm10 = numbers(h, "pm10");
            x.pm2_5 = numbers(h, "pm2_5");
            x.european_aqi = integers(h, "european_aqi");
            same_length(h, x.time.size(), x.pm10.size(), "pm10");
            same_length(h, x.time.size(), x.pm2_5.size(), "pm2_5");
            same_length(h, x.time.size(), x.european_aqi.size(), "european_aqi");
        });
    });
}

Result<Holidays> parse_holidays(std::string_view body) {
    return parse_object<Holidays>(body, [](ObjectReader& r, Holidays& o) {
        o.year = r.integer("year", 1900, 2200);
        o.papers = strings(r, "papers");
        o.days = objects<HolidayDay>(r, "days", [](ObjectReader& x, HolidayDay& y) {
            y.name = x.string("name");
            y.date = x.string("date");
            y.is_off_day = x.boolean("isOffDay");
        });
    });
}

Result<std::vector<Station>> parse_stations(std::string_view body) {
    return parse_object<std::vector<Station>>(body, [](ObjectReader& r, std::vector<Station>& o) {
        o = objects<Station>(r, "stations", [](ObjectReader& x, Station& y) {
            y.id = x.string("id");
            y.name = text(x, "name");
            y.district = x.string("district");
            y.kind = x.integer("kind");
            y.address = text(x, "address");
            y.latitude = number(x, "latitude");
            y.longitude = number(x, "longitude");
            y.phone = x.string("phone");
            y.opening_hours = objects<OpeningPeriod>(x, "opening_hours", opening_period);
        });
    });
}

Result<NewsPage> parse_news(std::string_view body) {
    return parse_object<NewsPage>(body, [](ObjectReader& r, NewsPage& o) {
        o.items = objects<NewsItem>(r, "items", [](ObjectReader& x, NewsItem& y) {
            y.id = x.string("id");
            y.title = text(x, "title");
            y.summary = text(x, "summary");
            y.department = x.string("department");
            y.published_at = x.string("published_at");
        });
        o.total = r.integer("total", 0);
    });
}

} // namespace cd::api
