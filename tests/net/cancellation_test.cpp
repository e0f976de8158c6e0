// Cancelling one request, all of them, and shutting down with requests in flight.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"

#include <atomic>
#include <future>

using namespace cd;
using namespace cd::test;
using std::chrono::milliseconds;

namespace {

// Counts completions per request and keeps the last result.
struct Tracker {
    std::mutex mutex;
    std::condition_variable changed;
    std::map<net::RequestId, int> calls;
    std::map<net::RequestId, std::optional<Error>> errors;

    net::Callback callback_for(std::shared_ptr<net::RequestId> id_slot) {
        return [this, id_slot](Result<net::Response> r) {
            std::lock_guard lock(mutex);
            calls[*id_slot]++;
            errors[*id_slot] = r.ok() ? std::nullopt : std::optional<Error>(r.error());
            changed.notify_all();
        };
    }
    net::RequestId send(net::HttpClient& c, net::Request r) {
        auto slot = std::make_shared<net::RequestId>(0);
        std::lock_guard lock(mutex); // the callback cannot run before the slot is filled
        *slot = c.send(std::move(r), callback_for(slot));
        return *slot;
    }
    bool wait_for(std::size_t completed) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(20),
                                [&] { return calls.size() >= completed; });
    }
};

} // namespace

TEST_CASE("cancelling one request in flight completes it once as cancelled", "[net][cancel]") {
    FixtureServer server;
    server.route("/slow", Reply{.body = "late", .delay = milliseconds(5000)});
    server.route("/fast", Reply{.body = "quick"});
    net::CurlHttpClient client(fast_config());
    Tracker tracker;
    const auto slow = tracker.send(client, get(server.url("/slow")));
    // Wait until the server has the request, so the cancel hits a transfer in flight.
    REQUIRE(server.wait_for_count("/slow", 1));
    REQUIRE(server.count("/slow") == 1);
    client.cancel(slow);
    REQUIRE(tracker.wait_for(1));
    const auto fast = tracker.send(client, get(server.url("/fast")));
    REQUIRE(tracker.wait_for(2));
    client.cancel(slow); // again, after completion: no second call
    client.cancel(fast);
    REQUIRE(fetch(client, get(server.url("/fast"))).ok()); // the worker has seen the cancels

    std::lock_guard lock(tracker.mutex);
    CHECK(tracker.calls[slow] == 1);
    REQUIRE(tracker.errors[slow]);
    CHECK(tracker.errors[slow]->kind == ErrorKind::cancelled);
    CHECK_FALSE(tracker.errors[slow]->retryable);
    CHECK(tracker.calls[fast] == 1);
    CHECK_FALSE(tracker.errors[fast]);
}

TEST_CASE("cancel_all completes every pending request as cancelled", "[net][cancel]") {
    FixtureServer server;
    server.route("/slow", Reply{.body = "late", .delay = milliseconds(5000)});
    server.route("/retrying", Reply{.status = 503, .headers = {{"Retry-After", "30"}}});
    auto config = fast_config();
    config.retry.max_total = std::chrono::seconds(60); // so that the 30 s wait is scheduled
    net::CurlHttpClient client(config);
    Tracker tracker;
    std::vector<net::RequestId> ids;
    for (int i = 0; i < 3; ++i) {
        ids.push_back(tracker.send(client, get(server.url("/slow"))));
    }
    ids.push_back(tracker.send(client, get(server.url("/retrying")))); // waits 30 s to retry
    REQUIRE(server.wait_for_count("/slow", 3));
    REQUIRE(server.wait_for_count("/retrying", 1));
    client.cancel_all();
    REQUIRE(tracker.wait_for(4));
    std::lock_guard lock(tracker.mutex);
    for (auto id : ids) {
        CHECK(tracker.calls[id] == 1);
        REQUIRE(tracker.errors[id]);
        CHECK(tracker.errors[id]->kind == ErrorKind::cancelled);
    }
}

TEST_CASE("destroying the client with requests in flight cancels them and joins", "[net][cancel]") {
    FixtureServer server;
    server.route("/slow", Reply{.body = "late", .delay = milliseconds(5000)});
    Tracker tracker;
    std::vector<net::RequestId> ids;
    {
        net::CurlHttpClient client(fast_config());
        for (int i = 0; i < 3; ++i) {
            ids.push_back(tracker.send(client, get(server.url("/slow"))));
        }
        REQUIRE(server.wait_for_count("/slow", 3));
    } // the destructor returns only after every callback ran
    std::lock_guard lock(tracker.mutex);
    REQUIRE(tracker.calls.size() == 3);
    for (auto id : ids) {
        CHECK(tracker.calls[id] == 1);
        REQUIRE(tracker.errors[id]);
        CHECK(tracker.errors[id]->kind == ErrorKind::cancelled);
    }
}

TEST_CASE("a callback that drops the last reference to the client does not end the process",
          "[net][cancel]") {
    // The app's screens share clients: the last owner can be a completion callback, which runs
    // on the client's own thread. Joining there would throw std::system_error (EDEADLK) and
    // terminate; the client must let its worker finish instead, and still complete what is left.
    FixtureServer server;
    server.route("/quick", Reply{.body = "now"});
    server.route("/slow", Reply{.body = "late", .delay = milliseconds(5000)});
    Tracker tracker;
    auto client = std::make_shared<net::CurlHttpClient>(fast_config());
    const net::RequestId slow = tracker.send(*client, get(server.url("/slow")));
    REQUIRE(server.wait_for_count("/slow", 1));
    std::promise<std::thread::id> released_on;
    auto holder = std::make_shared<std::shared_ptr<net::CurlHttpClient>>(client);
    client->send(get(server.url("/quick")), [holder, &released_on](Result<net::Response>) {
        holder->reset(); // the last reference: the client is destroyed here, on its worker
        released_on.set_value(std::this_thread::get_id());
    });
    client.reset();
    auto future = released_on.get_future();
    REQUIRE(future.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
    CHECK(future.get() != std::this_thread::get_id());
    REQUIRE(tracker.wait_for(1));
    std::lock_guard lock(tracker.mutex);
    CHECK(tracker.calls[slow] == 1);
    REQUIRE(tracker.errors[slow]);
    CHECK(tracker.errors[slow]->kind == ErrorKind::cancelled);
}
