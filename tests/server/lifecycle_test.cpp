#include "catch.hpp"
#include "diag/log.h"
#include "server_fixture.h"

#include <mutex>
#include <vector>

using namespace cd::test;

namespace {

class CollectingSink : public cd::diag::Sink {
public:
    void write(const cd::diag::Record&, std::string_view line) override {
        std::lock_guard lock(mutex_);
        lines_.emplace_back(line);
    }
    bool contains_all(std::initializer_list<std::string_view> parts) {
        std::lock_guard lock(mutex_);
        for (const auto& l : lines_) {
            bool all = true;
            for (auto p : parts) {
                all = all && l.find(p) != std::string::npos;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

} // namespace

TEST_CASE("the server log names each request's X-Request-ID, method, path and status", "[server]") {
    auto sink = std::make_shared<CollectingSink>();
    cd::diag::add_sink(sink);
    {
        TestServer srv;
        auto c = srv.client();
        REQUIRE(c.Get("/v1/city", {{"X-Request-ID", "trace-me-7"}}));
        REQUIRE(c.Get("/v1/services/nope", {{"X-Request-ID", "trace-me-8"}}));
    }
    cd::diag::remove_sink(sink);
    CHECK(sink->contains_all({"[trace-me-7]", "GET /v1/city -> 200", " ms)"}));
    CHECK(sink->contains_all({"[trace-me-8]", "GET /v1/services/nope -> 404"}));
}

TEST_CASE("two servers run side by side and stop at once after starting", "[server]") {
    cd::server::PlatformServer a, b;
    auto pa = a.start();
    auto pb = b.start();
    REQUIRE(pa);
    REQUIRE(pb);
    CHECK(*pa != *pb);
    CHECK(a.running());
    a.stop();
    a.stop(); // twice is fine
    CHECK_FALSE(a.running());
    httplib::Client c("127.0.0.1", *pb);
    auto res = c.Get("/v1/city");
    REQUIRE(res);
    CHECK(res->status == 200);
    b.stop();
    auto again = b.start(); // a stopped server can start again
    REQUIRE(again);
    b.stop();
}

TEST_CASE("a port already in use is reported as an error, not an exit", "[server]") {
    cd::server::PlatformServer first;
    auto port = first.start();
    REQUIRE(port);
    cd::server::PlatformServerOptions o;
    o.port = *port;
    cd::server::PlatformServer second(o);
    auto clash = second.start();
    REQUIRE_FALSE(clash);
    CHECK(clash.error().kind == cd::ErrorKind::network);
}
