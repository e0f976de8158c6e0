// HTTPS against a loopback server with a self-signed certificate made at test time.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"
#include "temp_dir.h"

#include <cstdlib>
#include <fstream>

using namespace cd;
using namespace cd::test;

namespace {

// A key and a self-signed certificate for 127.0.0.1, made with the openssl command.
bool make_certificate(const TempDir& dir) {
    const auto key = (dir.path() / "key.pem").string();
    const auto cert = (dir.path() / "cert.pem").string();
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
        " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout \"" +
        key + "\" -out \"" + cert + "\" > \"" + (dir.path() / "openssl.log").string() + "\" 2>&1";
    return std::system(command.c_str()) == 0 && std::filesystem::exists(cert);
}

} // namespace

TEST_CASE("a self-signed server is refused by default and trusted with its CA file", "[net][tls]") {
    TempDir dir;
    if (!make_certificate(dir)) {
        WARN("skipped: the openssl command is not available to make a test certificate");
        return;
    }
    FixtureServer server(dir.path() / "cert.pem", dir.path() / "key.pem");
    server.route("/secure", Reply{.body = "secret-free"});

    auto config = fast_config();
    net::CurlHttpClient client(config);
    auto refused = fetch(client, get(server.url("/secure")));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::tls);
    CHECK_FALSE(refused.error().retryable);
    CHECK(server.count("/secure") == 0);

    config.extra_ca_file = dir.path() / "cert.pem";
    net::CurlHttpClient trusting(config);
    auto accepted = fetch(trusting, get(server.url("/secure")));
    REQUIRE(accepted.ok());
    CHECK(accepted->status == 200);
    CHECK(accepted->body == "secret-free");
}

TEST_CASE("an unreadable extra CA file fails requests with a TLS error", "[net][tls]") {
    TempDir dir;
    std::ofstream(dir.path() / "not-a-cert.pem") << "hello";
    auto config = fast_config();
    config.extra_ca_file = dir.path() / "not-a-cert.pem";
    net::CurlHttpClient client(config);
    auto r = fetch(client, get("https://127.0.0.1:1/"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::tls);
    CHECK(r.error().detail.find("CA file") != std::string::npos);
}
