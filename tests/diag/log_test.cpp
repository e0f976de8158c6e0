#include "catch.hpp"

#include "diag/log.h"

#include <memory>
#include <string>
#include <vector>

namespace {

struct MemorySink : cd::diag::Sink {
    std::vector<std::string> lines;
    std::vector<cd::diag::Record> records;
    void write(const cd::diag::Record& r, std::string_view line) override {
        records.push_back(r);
        lines.emplace_back(line);
    }
};

// Installs a memory sink at a level for one test and restores the log afterwards.
struct CapturedLog {
    std::shared_ptr<MemorySink> sink = std::make_shared<MemorySink>();
    cd::diag::Level saved = cd::diag::level();
    explicit CapturedLog(cd::diag::Level l) {
        cd::diag::set_level(l);
        cd::diag::add_sink(sink);
    }
    ~CapturedLog() {
        cd::diag::remove_sink(sink);
        cd::diag::set_level(saved);
    }
};

} // namespace

using namespace cd::diag;

TEST_CASE("lines below the level are dropped", "[diag][log]") {
    CapturedLog log(Level::info);
    debug(Category::net, "hidden");
    info(Category::net, "shown");
    error(Category::store, "also shown");
    REQUIRE(log.sink->lines.size() == 2);
    CHECK(log.sink->records[0].text == "shown");
    CHECK(log.sink->records[1].level == Level::error);
}

TEST_CASE("a line has UTC time, level, category, thread and text", "[diag][log]") {
    CapturedLog log(Level::trace);
    set_thread_name("ui");
    info(Category::api, "GET /v1/city ", 200, " in ", 12, " ms");
    REQUIRE(log.sink->lines.size() == 1);
    const std::string& line = log.sink->lines[0];
    // 2026-11-28T12:00:00.123Z info  api    [ui] GET /v1/city 200 in 12 ms
    REQUIRE(line.size() > 25);
    CHECK(line[4] == '-');
    CHECK(line[10] == 'T');
    CHECK(line[23] == 'Z');
    CHECK(line.find(" info ") != std::string::npos);
    CHECK(line.find(" api ") != std::string::npos);
    CHECK(line.find("[ui]") != std::string::npos);
    CHECK(line.ends_with("GET /v1/city 200 in 12 ms"));
}

TEST_CASE("every line is redacted before a sink sees it", "[diag][log]") {
    CapturedLog log(Level::trace);
    info(Category::app, "profile saved for 11010519491231002X, phone 13812345678");
    warn(Category::net, "retrying with Authorization: Bearer sekret-token");
    REQUIRE(log.sink->lines.size() == 2);
    for (const auto& l : log.sink->lines) {
        CHECK(l.find("11010519491231002X") == std::string::npos);
        CHECK(l.find("13812345678") == std::string::npos);
        CHECK(l.find("sekret-token") == std::string::npos);
    }
}

TEST_CASE("a value cannot forge extra log lines", "[diag][log]") {
    CapturedLog log(Level::trace);
    info(Category::api, "name=Li\n2026-01-01T00:00:00.000Z error app [ui] forged");
    REQUIRE(log.sink->lines.size() == 1);
    CHECK(log.sink->lines[0].find('\n') == std::string::npos);
}

TEST_CASE("levels parse from the command line's words", "[diag][log]") {
    CHECK(parse_level("trace") == Level::trace);
    CHECK(parse_level("warn") == Level::warn);
    CHECK(parse_level("warning") == Level::warn);
    CHECK(parse_level("error") == Level::error);
    CHECK_FALSE(parse_level("verbose"));
    CHECK_FALSE(parse_level(""));
}
