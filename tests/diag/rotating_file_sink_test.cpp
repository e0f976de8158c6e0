#include "catch.hpp"

#include "diag/log.h"
#include "diag/redact.h"
#include "diag/rotating_file_sink.h"
#include "temp_dir.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using namespace cd::diag;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("the log folder is created and lines are appended", "[diag][file]") {
    cd::test::TempDir tmp;
    const fs::path dir = tmp.path() / "state" / "logs";
    {
        RotatingFileSink sink(dir, "citizendesk", {});
        REQUIRE(sink.is_open());
        sink.write({}, "first");
    }
    {
        RotatingFileSink sink(dir, "citizendesk", {});
        sink.write({}, "second");
    }
    CHECK(read_all(dir / "citizendesk.log") == "first\nsecond\n");
}

TEST_CASE("rotation caps the size and keeps N older files", "[diag][file]") {
    cd::test::TempDir tmp;
    RotatingFileSink sink(tmp.path(), "app", {100, 2});
    const std::string line(39, 'x'); // 40 bytes with the newline: two lines fit in 100
    for (int i = 0; i < 9; ++i) {
        sink.write({}, line);
    }
    CHECK(fs::file_size(tmp.path() / "app.log") <= 100);
    CHECK(fs::exists(tmp.path() / "app.1.log"));
    CHECK(fs::exists(tmp.path() / "app.2.log"));
    CHECK_FALSE(fs::exists(tmp.path() / "app.3.log"));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) {
        (void)e;
        ++files;
    }
    CHECK(files == 3);
}

#ifndef _WIN32
TEST_CASE("log files are readable by their owner only", "[diag][file]") {
    cd::test::TempDir tmp;
    RotatingFileSink sink(tmp.path(), "app", {});
    sink.write({}, "x");
    const auto perms = fs::status(tmp.path() / "app.log").permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
}
#endif

TEST_CASE(
    "an ID number, a phone number and a token written through the logger never reach the file",
    "[diag][file][redact]") {
    cd::test::TempDir tmp;
    auto sink =
        std::make_shared<RotatingFileSink>(tmp.path(), "citizendesk", RotatingFileSink::Limits{});
    const Level saved = level();
    set_level(Level::trace);
    add_sink(sink);
    info(Category::store, "profile: id 440524188001010014, mobile 139-0000-1111");
    debug(
        Category::net,
        "POST /v1/session -> {\"access_token\":\"AT-canary-1\",\"refresh_token\":\"RT-canary-2\"}");
    warn(Category::api, "header Authorization: Bearer BT-canary-3");
    error(Category::app, "unlock failed for ", secret("PP-canary-4"));
    remove_sink(sink);
    set_level(saved);
    sink->flush();

    const std::string file = read_all(sink->path());
    REQUIRE(std::count(file.begin(), file.end(), '\n') == 4);
    for (std::string_view canary : {"440524188001010014", "139-0000-1111", "AT-canary-1",
                                    "RT-canary-2", "BT-canary-3", "PP-canary-4"}) {
        INFO(canary);
        CHECK(file.find(canary) == std::string::npos);
    }
    CHECK(file.find("***") != std::string::npos);
}
