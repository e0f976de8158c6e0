// Shared by the My Life presenter tests: the city profile loaded from the loopback platform
// into the shared data, as the connection probe does in the app.
#pragma once

#include "app_test_context.h"

#include <httplib.h>

#include <future>
#include <string>

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

// What a browser gets at `url` on the loopback platform: its status, content type and body.
struct WebPage {
    int status = 0;
    std::string content_type;
    std::string body;
};
inline WebPage open_in_browser(AppTestContext& t, const std::string& url) {
    const std::string base = t.server.base_url();
    if (url.rfind(base, 0) != 0) {
        return {};
    }
    httplib::Client client(base);
    client.set_default_headers({{"Accept", "text/html"}});
    auto res = client.Get(url.substr(base.size()));
    if (!res) {
        return {};
    }
    return {res->status, res->get_header_value("Content-Type"), res->body};
}

// 2026-11-30 (a Monday) at hh:mm in the city (UTC+8).
inline std::chrono::system_clock::time_point city_time(int day, int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / day} + hours(hour - 8) + minutes(minute);
}

} // namespace cd::test
