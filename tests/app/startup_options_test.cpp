#include "catch.hpp"

#include "app/startup_options.h"

using namespace cd::app;

TEST_CASE("no options: system language, info log, no platform", "[ui-logic][startup]") {
    auto check = check_startup_options({});
    REQUIRE(check.plan);
    CHECK(check.plan->lang.empty());
    CHECK(check.plan->log_level == cd::diag::Level::info);
    CHECK(check.plan->platform == StartupPlan::Platform::none);
}

TEST_CASE("language names are normalised", "[ui-logic][startup]") {
    CHECK(normalize_language("zh_CN") == "zh_CN");
    CHECK(normalize_language("zh-cn") == "zh_CN");
    CHECK(normalize_language("zh_CN.UTF-8") == "zh_CN");
    CHECK(normalize_language("en") == "en");
    CHECK(normalize_language("en_GB") == "en");
    CHECK(normalize_language("fr") == "");
}

TEST_CASE("an unknown language or log level is refused with the choices", "[ui-logic][startup]") {
    StartupOptions o;
    o.lang = "klingon";
    auto check = check_startup_options(o);
    REQUIRE_FALSE(check.plan);
    CHECK(check.problem.args == std::vector<std::string>{"klingon"});

    o = {};
    o.log_level = "loud";
    check = check_startup_options(o);
    REQUIRE_FALSE(check.plan);
    CHECK(check.problem.id.find("trace, debug, info, warn, error") != std::string::npos);
}

TEST_CASE("platform addresses must be https unless on this computer", "[ui-logic][startup]") {
    auto with_url = [](std::string url) {
        StartupOptions o;
        o.platform_url = std::move(url);
        return check_startup_options(o);
    };
    CHECK(with_url("https://platform.fuzhou.example/api").plan);
    CHECK(with_url("http://127.0.0.1:8080").plan);
    CHECK(with_url("http://localhost:8080/").plan);
    CHECK(with_url("http://[::1]:9000").plan);
    CHECK_FALSE(with_url("http://platform.fuzhou.example").plan);
    CHECK_FALSE(with_url("ftp://platform.fuzhou.example").plan);
    CHECK_FALSE(with_url("https://").plan);
    CHECK_FALSE(with_url("https://user:pw@platform.example").plan);
    auto ok = with_url("https://platform.fuzhou.example");
    CHECK(ok.plan->platform == StartupPlan::Platform::url);
}

TEST_CASE("the demo and a platform address exclude each other", "[ui-logic][startup]") {
    StartupOptions o;
    o.demo = true;
    CHECK(check_startup_options(o).plan->platform == StartupPlan::Platform::demo);
    o.platform_url = "https://x.example";
    CHECK_FALSE(check_startup_options(o).plan);
}
