#include "server/life_data.h"

#include "server/catalog_data.h"
#include "server/halls.h"
#include "server/http_io.h"
#include "server/seed_rng.h"

#include <cmath>
#include <cstdio>

namespace cd::server {
namespace {

constexpr std::int64_t utc_offset_s = 8 * 3600;

// "2026-11-28T20:15" in local time, as Open-Meteo writes times when a timezone is set.
std::string local_minute(std::int64_t local_s) {
    return iso8601_ms(local_s * 1000).substr(0, 16);
}

std::string local_date(std::int64_t day) {
    return iso8601_ms(day * 86400000LL).substr(0, 10);
}

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}

json::object location(const District& d) {
    return {{"latitude", d.lat},
            {"longitude", d.lon},
            {"generationtime_ms", 0.12},
            {"utc_offset_seconds", utc_offset_s},
            {"timezone", "Asia/Shanghai"},
            {"timezone_abbreviation", "GMT+8"},
            {"elevation", 12.0}};
}

double seasonal_mean(std::int64_t day) {
    int y;
    unsigned m, dd;
    civil_from_days(day, y, m, dd);
    auto doy = static_cast<double>(day - days_from_civil(y, 1, 1));
    return 17.5 - 12.0 * std::cos(2.0 * 3.14159265358979 * (doy - 20.0) / 365.0);
}

int weather_code_for(SeedRng& rng) {
    static const int codes[] = {0, 1, 2, 3, 3, 45, 51, 61, 61, 63, 80, 95};
    return codes[rng.below(sizeof codes / sizeof codes[0])];
}

} // namespace

json::object weather_json(const District& d, std::uint64_t seed) {
    auto now_local = to_ms(Clock::now()) / 1000 + utc_offset_s;
    auto today = now_local / 86400;
    json::object o = location(d);
    json::array times, codes, tmax, tmin, rain, prob, rise, set;
    for (int i = 0; i < 7; ++i) {
        SeedRng rng(seed ^ SeedRng::hash(d.id) ^ static_cast<std::uint64_t>(today + i) * 7919u);
        double mean = seasonal_mean(today + i) + (rng.unit() - 0.5) * 6.0;
        int code = weather_code_for(rng);
        times.emplace_back(local_date(today + i));
        codes.emplace_back(code);
        tmax.emplace_back(round1(mean + 4.0 + rng.unit() * 2.0));
        tmin.emplace_back(round1(mean - 4.0 - rng.unit() * 2.0));
        double mm = code >= 51 ? round1(rng.unit() * 20.0) : 0.0;
        rain.emplace_back(mm);
        prob.emplace_back(code >= 51 ? rng.range(50, 95) : rng.range(0, 20));
        rise.emplace_back(local_date(today + i) + "T06:" + std::to_string(10 + rng.range(0, 40)));
        set.emplace_back(local_date(today + i) + "T17:" + std::to_string(10 + rng.range(0, 40)));
    }
    SeedRng now_rng(seed ^ SeedRng::hash(d.id) ^ static_cast<std::uint64_t>(now_local / 900));
    auto quarter = now_local - now_local % 900;
    double hour = static_cast<double>(now_local % 86400) / 3600.0;
    double lo = tmin[0].as_double(), hi = tmax[0].as_double();
    double temp =
        lo + (hi - lo) * (0.5 - 0.5 * std::cos(2.0 * 3.14159265358979 * (hour - 3.0) / 24.0));
    o["current_units"] = {
        {"time", "iso8601"},           {"interval", "seconds"},        {"temperature_2m", "°C"},
        {"relative_humidity_2m", "%"}, {"apparent_temperature", "°C"}, {"precipitation", "mm"},
        {"weather_code", "wmo code"},  {"wind_speed_10m", "km/h"},     {"wind_direction_10m", "°"}};
    o["current"] = {
        {"time", local_minute(quarter)},
        {"interval", 900},
        {"temperature_2m", round1(temp)},
        {"relative_humidity_2m", now_rng.range(45, 92)},
        {"apparent_temperature", round1(temp - 1.5 + now_rng.unit())},
        {"precipitation", codes[0].as_int64() >= 51 ? round1(now_rng.unit() * 2.0) : 0.0},
        {"weather_code", codes[0]},
        {"wind_speed_10m", round1(3.0 + now_rng.unit() * 15.0)},
        {"wind_direction_10m", now_rng.range(0, 359)}};
    o["daily_units"] = {{"time", "iso8601"},          {"weather_code", "wmo code"},
                        {"temperature_2m_max", "°C"}, {"temperature_2m_min", "°C"},
                        {"precipitation_sum", "mm"},  {"precipitation_probability_max", "%"},
                        {"sunrise", "iso8601"},       {"sunset", "iso8601"}};
    o["daily"] = {{"time", times},
                  {"weather_code", codes},
                  {"temperature_2m_max", tmax},
                  {"temperature_2m_min", tmin},
                  {"precipitation_sum", rain},
                  {"precipitation_probability_max", prob},
                  {"sunrise", rise},
                  {"sunset", set}};
    return o;
}

json::object air_quality_json(const District& d, std::uint64_t seed) {
    auto now_local = to_ms(Clock::now()) / 1000 + utc_offset_s;
    auto today = now_local / 86400;
    json::object o = location(d);
    json::array times, pm10, pm25, eaqi;
    double cur_pm25 = 0, cur_pm10 = 0;
    int cur_aqi = 0;
    auto this_hour = now_local / 3600;
    for (int h = 0; h < 24; ++h) {
        auto hour = today * 24 + h;
        SeedRng rng(seed ^ SeedRng::hash(d.id + "aq") ^ static_cast<std::uint64_t>(hour));
        double p25 = round1(8.0 + rng.unit() * 55.0);
        double p10 = round1(p25 * (1.3 + rng.unit() * 0.6));
        int aqi = static_cast<int>(std::lround(p25 * 1.7));
        times.emplace_back(local_minute(hour * 3600));
        pm25.emplace_back(p25);
        pm10.emplace_back(p10);
        eaqi.emplace_back(aqi);
        if (hour == this_hour) {
            cur_pm25 = p25;
            cur_pm10 = p10;
            cur_aqi = aqi;
        }
    }
    SeedRng rng(seed ^ SeedRng::hash(d.id + "gas") ^ static_cast<std::uint64_t>(this_hour));
    o["current_units"] = {{"time", "iso8601"},
                          {"interval", "seconds"},
                          {"european_aqi", "EAQI"},
                          {"us_aqi", "USAQI"},
                          {"pm10", "μg/m³"},
                          {"pm2_5", "μg/m³"},
                          {"carbon_monoxide", "μg/m³"},
                          {"nitrogen_dioxide", "μg/m³"},
                          {"ozone", "μg/m³"}};
    o["current"] = {{"time", local_minute(this_hour * 3600)},
                    {"interval", 3600},
                    {"european_aqi", cur_aqi},
                    {"us_aqi", static_cast<int>(cur_aqi * 1.9)},
                    {"pm10", cur_pm10},
                    {"pm2_5", cur_pm25},
                    {"carbon_monoxide", round1(180 + rng.unit() * 300)},
                    {"nitrogen_dioxide", round1(8 + rng.unit() * 40)},
                    {"ozone", round1(20 + rng.unit() * 90)}};
    o["hourly_units"] = {
        {"time", "iso8601"}, {"pm10", "μg/m³"}, {"pm2_5", "μg/m³"}, {"european_aqi", "EAQI"}};
    o["hourly"] = {{"time", times}, {"pm10", pm10}, {"pm2_5", pm25}, {"european_aqi", eaqi}};
    return o;
}

std::optional<json::object> holidays_json(int year) {
    struct Range {
        const char* name;
        const char* first;
        const char* last;
        bool off;
    };
    static const Range y2025[] = {
        {"元旦", "2025-01-01", "2025-01-01", true},
        {"春节", "2025-01-26", "2025-01-26", false},
        {"春节", "2025-01-28", "2025-02-04", true},
        {"春节", "2025-02-08", "2025-02-08", false},
        {"清明节", "2025-04-04", "2025-04-06", true},
        {"劳动节", "2025-04-27", "2025-04-27", false},
        {"劳动节", "2025-05-01", "2025-05-05", true},
        {"端午节", "2025-05-31", "2025-06-02", true},
        {"国庆节、中秋节", "2025-09-28", "2025-09-28", false},
        {"国庆节、中秋节", "2025-10-01", "2025-10-08", true},
        {"国庆节、中秋节", "2025-10-11", "2025-10-11", false},
    };
    static const Range y2026[] = {
        {"元旦", "2026-01-01", "2026-01-03", true},
        {"元旦", "2026-01-04", "2026-01-04", false},
        {"春节", "2026-02-14", "2026-02-14", false},
        {"春节", "2026-02-15", "2026-02-23", true},
        {"春节", "2026-02-28", "2026-02-28", false},
        {"清明节", "2026-04-04", "2026-04-06", true},
        {"劳动节", "2026-05-01", "2026-05-05", true},
        {"劳动节", "2026-05-09", "2026-05-09", false},
        {"端午节", "2026-06-19", "2026-06-21", true},
        {"国庆节", "2026-09-20", "2026-09-20", false},
        {"中秋节", "2026-09-25", "2026-09-27", true},
        {"国庆节", "2026-10-01", "2026-10-07", true},
        {"国庆节", "2026-10-10", "2026-10-10", false},
    };
    const Range* begin = nullptr;
    std::size_t n = 0;
    if (year == 2025) {
        begin = y2025;
        n = sizeof y2025 / sizeof y2025[0];
    } else if (year == 2026) {
        begin = y2026;
        n = sizeof y2026 / sizeof y2026[0];
    } else {
        return std::nullopt;
    }
    json::array days;
    for (std::size_t i = 0; i < n; ++i) {
        auto a = *parse_iso_date(begin[i].first), b = *parse_iso_date(begin[i].last);
        for (auto d = a; d <= b; ++d) {
            days.push_back(
                {{"name", begin[i].name}, {"date", local_date(d)}, {"isOffDay", begin[i].off}});
        }
    }
    return json::object{
        {"$schema", "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json"},
        {"$id", "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/" +
                    std::to_string(year) + ".json"},
        {"year", year},
        {"papers", json::array{"https://www.gov.cn/zhengce/content/ (State Council notice on " +
                               std::to_string(year) + " public holidays)"}},
        {"days", std::move(days)}};
}

json::array stations_json(std::uint64_t seed, const std::string& district) {
    static const Name kinds[] = {{"社区综合服务站", "Community service station"},
                                 {"居家养老服务站", "Home-care service station"},
                                 {"新时代文明实践站", "Civic practice station"},
                                 {"退役军人服务站", "Veterans service station"}};
    json::array out;
    const auto& streets = street_names();
    for (const auto& d : city_data().districts) {
        if (!district.empty() && d.id != district) {
            continue;
        }
        SeedRng rng(seed, "stations" + d.id);
        for (int i = 0; i < 8; ++i) {
            const auto& street = streets[rng.below(streets.size())];
            const auto& kind = kinds[static_cast<std::size_t>(i) % 4];
            int number = rng.range(1, 260);
            char id[16];
            std::snprintf(id, sizeof id, "S%s%02d", d.id.c_str() + 1, i + 1);
            bool weekend = i % 2 == 0;
            json::array hours;
            for (int wd = 1; wd <= (weekend ? 7 : 5); ++wd) {
                hours.push_back(
                    {{"weekday", wd}, {"open", "08:30"}, {"close", wd > 5 ? "12:00" : "17:30"}});
            }
            out.push_back(json::object{
                {"id", id},
                {"name", {{"zh", street.zh + kind.zh}, {"en", kind.en + ", " + street.en}}},
                {"district", d.id},
                {"kind", i % 4},
                {"address",
                 {{"zh", d.name.zh + street.zh + std::to_string(number) + "号"},
                  {"en", std::to_string(number) + " " + street.en + ", " + d.name.en}}},
                {"latitude", round1((d.lat + (rng.unit() - 0.5) * 0.06) * 1e4) / 1e4},
                {"longitude", round1((d.lon + (rng.unit() - 0.5) * 0.06) * 1e4) / 1e4},
                {"phone", "0571-" + std::to_string(85000000 + rng.below(999999))},
                {"opening_hours", std::move(hours)}});
        }
    }
    return out;
}

json::array news_json(std::uint64_t seed) {
    static const Name heads[] = {
        {"市民中心延长周末服务时间", "Citizen Centre extends weekend opening hours"},
        {"新生儿出生“一件事”全面上线", "Newborn 'one thing' bundle now fully online"},
        {"今冬供暖季燃气价格保持稳定", "Gas prices stay stable this heating season"},
        {"地铁新线开通试运营", "New metro line opens for trial operation"},
        {"老旧小区加装电梯补贴标准公布", "Subsidies for lift retrofits in older estates announced"},
        {"医保电子凭证可在全市药店使用",
         "Electronic medical insurance card accepted at all pharmacies"},
        {"义务教育入学报名时间确定", "Dates set for compulsory-education enrolment"},
        {"城市书房新增二十处", "Twenty new city reading rooms open"},
        {"春节期间公交地铁运营时间调整", "Bus and metro hours change over Spring Festival"},
        {"社区食堂覆盖所有街道", "Community canteens now in every subdistrict"},
        {"垃圾分类新规下月起施行", "New waste-sorting rules take effect next month"},
        {"12345热线满意度再创新高", "12345 hotline satisfaction reaches a new high"},
    };
    json::array out;
    SeedRng rng(seed, "news");
    auto now = to_ms(Clock::now());
    std::int64_t at = now - now % 3600000;
    for (int i = 0; i < 36; ++i) {
        const auto& h = heads[static_cast<std::size_t>(i) % (sizeof heads / sizeof heads[0])];
        at -= static_cast<std::int64_t>(rng.range(5, 40)) * 3600000LL;
        char id[16];
        std::snprintf(id, sizeof id, "N%04d", 1000 - i);
        out.push_back(
            {{"id", id},
             {"title", {{"zh", h.zh}, {"en", h.en}}},
             {"summary",
              {{"zh", h.zh + "。详情请见市政府门户网站。"},
               {"en", h.en + ". Details on the city portal."}}},
             {"department", city_data().departments[rng.below(city_data().departments.size())].id},
             {"published_at", iso8601_ms(at)}});
    }
    return out;
}

} // namespace cd::server
