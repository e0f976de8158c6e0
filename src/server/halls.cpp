#include "server/halls.h"

#include "server/http_io.h"

#include <cstdio>

namespace cd::server {
namespace {

constexpr int utc_offset_minutes = 8 * 60;
constexpr int slot_minutes = 30;

std::vector<OpeningPeriod> weekday_hours(bool saturday) {
    std::vector<OpeningPeriod> h;
    for (int d = 1; d <= 5; ++d) {
        h.push_back({d, 9 * 60, 12 * 60});
        h.push_back({d, 13 * 60 + 30, 17 * 60});
    }
    if (saturday) {
        h.push_back({6, 9 * 60, 12 * 60});
    }
    return h;
}

std::string hhmm(int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

std::string local_time(std::int64_t day, int minute) {
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%s:00+08:00", y, m, d, hhmm(minute).c_str());
    return buf;
}

int weekday_of(std::int64_t day) {
    // 1970-01-01 was a Thursday (4).
    auto w = static_cast<int>(((day % 7) + 7 + 3) % 7); // 0 = Monday
    return w + 1;
}

} // namespace

const std::vector<Hall>& halls() {
    static const std::vector<Hall> list = [] {
        std::vector<Hall> v;
        const auto& city = city_data();
        v.push_back({"H00",
                     {"海川市民中心", "Haichuan Citizen Centre"},
                     "D01",
                     {"上城区解放东路18号", "18 Jiefang East Road, Shangcheng District"},
                     30.2450,
                     120.2105,
                     "0571-12345",
                     40,
                     weekday_hours(true)});
        int n = 0;
        for (const auto& d : city.districts) {
            ++n;
            char id[16];
            std::snprintf(id, sizeof id, "H%02d", n);
            const char* street = n % 2 ? "人民路" : "行政中心路";
            const char* street_en = n % 2 ? "Renmin Road" : "Administrative Centre Road";
            v.push_back({id,
                         {d.name.zh + "政务服务中心", d.name.en + " Government Service Centre"},
                         d.id,
                         {d.name.zh + street + std::to_string(n * 11 + 1) + "号",
                          std::to_string(n * 11 + 1) + " " + street_en + ", " + d.name.en},
                         d.lat + 0.004,
                         d.lon - 0.003,
                         "0571-" + std::to_string(86000000 + n * 1111),
                         12 + n % 5,
                         weekday_hours(n % 3 == 0)});
        }
        return v;
    }();
    return list;
}

const Hall* find_hall(const std::string& id) {
    for (const auto& h : halls()) {
        if (h.id == id) {
            return &h;
        }
    }
    return nullptr;
}

std::vector<Slot> slots_for(const Hall& hall, std::int64_t day) {
    std::vector<Slot> out;
    int wd = weekday_of(day);
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    for (const auto& p : hall.hours) {
        if (p.weekday != wd) {
            continue;
        }
        for (int t = p.open; t + slot_minutes <= p.close; t += slot_minutes) {
            char id[64];
            std::snprintf(id, sizeof id, "%s-%04d%02u%02u-%02d%02d", hall.id.c_str(), y, m, d,
                          t / 60, t % 60);
            out.push_back({id, hall.id, day, t});
        }
    }
    return out;
}

std::optional<Slot> parse_slot(const std::string& id) {
    // HXX-YYYYMMDD-HHMM
    if (id.size() != 3 + 1 + 8 + 1 + 4 || id[3] != '-' || id[12] != '-') {
        return std::nullopt;
    }
    const Hall* hall = find_hall(id.substr(0, 3));
    if (!hall) {
        return std::nullopt;
    }
    std::string date = id.substr(4, 4) + "-" + id.substr(8, 2) + "-" + id.substr(10, 2);
    auto day = parse_iso_date(date);
    if (!day) {
        return std::nullopt;
    }
    for (auto& s : slots_for(*hall, *day)) {
        if (s.id == id) {
            return s;
        }
    }
    return std::nullopt;
}

std::string slot_start(const Slot& s) {
    return local_time(s.day, s.minute);
}

std::string slot_end(const Slot& s) {
    return local_time(s.day, s.minute + slot_minutes);
}

std::int64_t slot_start_ms(const Slot& s) {
    return (s.day * 1440 + s.minute - utc_offset_minutes) * 60000LL;
}

std::int64_t local_today() {
    auto ms = to_ms(Clock::now()) + utc_offset_minutes * 60000LL;
    return ms / 86400000LL;
}

boost::json::object hall_json(const Hall& h) {
    boost::json::array hours;
    for (const auto& p : h.hours) {
        hours.push_back({{"weekday", p.weekday}, {"open", hhmm(p.open)}, {"close", hhmm(p.close)}});
    }
    return {{"id", h.id},
            {"name", {{"zh", h.name.zh}, {"en", h.name.en}}},
            {"district", h.district},
            {"address", {{"zh", h.address.zh}, {"en", h.address.en}}},
            {"latitude", h.lat},
            {"longitude", h.lon},
            {"phone", h.phone},
            {"windows", h.windows},
            {"opening_hours", std::move(hours)}};
}

} // namespace cd::server
