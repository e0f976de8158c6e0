// Service halls (政务服务中心): the city hall and one per district, with addresses, opening
// hours and 30-minute appointment slots. Slot ids name hall, day and time:
// "H03-20261130-0930". Times are local (Asia/Shanghai, UTC+08:00).
#pragma once

#include "server/city_data.h"

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cd::server {

struct OpeningPeriod {
    int weekday; // 1 = Monday ... 7 = Sunday
    int open;    // minutes after midnight, local time
    int close;
};

struct Hall {
    std::string id; // "H00" city hall, "H01".. per district
    Name name;
    std::string district;
    Name address;
    double lat;
    double lon;
    std::string phone;
    int windows;
    std::vector<OpeningPeriod> hours;
};

struct Slot {
    std::string id;
    std::string hall_id;
    std::int64_t day; // days since epoch (local date)
    int minute;       // start, minutes after local midnight
};

const std::vector<Hall>& halls();
const Hall* find_hall(const std::string& id);

// All slots of one hall on one local day (empty when closed).
std::vector<Slot> slots_for(const Hall& hall, std::int64_t day);
// Parses and checks a slot id against the hall's hours.
std::optional<Slot> parse_slot(const std::string& id);

// "2026-11-30T09:30:00+08:00"
std::string slot_start(const Slot& s);
std::string slot_end(const Slot& s);
// The slot's start as UTC milliseconds.
std::int64_t slot_start_ms(const Slot& s);
// Today's local date (UTC+8) as days since epoch.
std::int64_t local_today();

boost::json::object hall_json(const Hall& h);

} // namespace cd::server
