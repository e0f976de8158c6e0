// Shared by the My Life presenter tests: the city profile loaded from the loopback platform
// into the shared data, as the connection probe does in the app.
#pragma once

#include "app_test_context.h"

#include <future>

namespace cd::test {

inline void load_city(AppTestContext& t) {
    std::promise<Result<api::City>> answer;
    t.client->city([&](Result<api::City> r) { answer.set_value(std::move(r)); });
    auto city = answer.get_future().get();
    if (!city.ok()) {
        throw std::runtime_error("no city profile: " + city.error().log_line());
    }
    t.data.set_city(std::move(*city));
}

// 2026-11-30 (a Monday) at hh:mm in the city (UTC+8).
inline std::chrono::system_clock::time_point city_time(int day, int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / day} + hours(hour - 8) + minutes(minute);
}

} // namespace cd::test
