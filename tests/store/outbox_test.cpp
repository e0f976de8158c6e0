#include "store/outbox.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

TEST_CASE("Outbox keeps an item through failures until it is confirmed") {
    test::OpenVault v;
    Outbox outbox(v.vault);
    const auto t0 = sys_days(year(2026) / 11 / 28) + hours(9);
    auto a = outbox.enqueue("voice.report", "{\"text\":\"路灯坏了\"}",
                            {"/photos/1.jpg", "/photos/2.jpg"}, t0);
    auto b = outbox.enqueue("application.submit", "{}", {}, t0 + seconds(1));
    REQUIRE(a.ok());
    REQUIRE(b.ok());

    auto due = *outbox.due(t0 + seconds(1));
    REQUIRE(due.size() == 2);
    CHECK(due[0].id == *a);
    CHECK(due[0].payload == "{\"text\":\"路灯坏了\"}");
    CHECK(due[0].attachments == std::vector<std::string>{"/photos/1.jpg", "/photos/2.jpg"});
    CHECK(due[0].attempts == 0);

    // The first send fails: not due again until the retry time.
    REQUIRE(outbox.record_failure(*a, "network: timeout", t0 + minutes(5)).ok());
    due = *outbox.due(t0 + minutes(1));
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == *b);
    due = *outbox.due(t0 + minutes(5));
    REQUIRE(due.size() == 2);
    const auto& retried = due[0].id == *a ? due[0] : due[1];
    CHECK(retried.attempts == 1);
    CHECK(retried.last_error == "network: timeout");

    // Locking and unlocking loses nothing.
    v.vault.lock();
    CHECK(outbox.count().error().kind == ErrorKind::auth);
    REQUIRE(v.vault.unlock(v.path, SecretBytes(test::test_passphrase)).ok());
    CHECK(*outbox.count() == 2);

    REQUIRE(outbox.confirm(*a).ok());
    CHECK(*outbox.count() == 1);
    CHECK(*v.db().query_int("SELECT count(*) FROM outbox_attachments") == 0);
    CHECK(outbox.confirm(*a).error().kind == ErrorKind::conflict);
    CHECK(outbox.record_failure(*a, "x", t0).error().kind == ErrorKind::conflict);
    auto all = *outbox.all();
    REQUIRE(all.size() == 1);
    CHECK(all[0].kind == "application.submit");
}

TEST_CASE("Outbox keeps a refused item with its reason, never due, until discarded or replaced") {
    test::OpenVault v;
    Outbox outbox(v.vault);
    const auto t0 = sys_days(year(2026) / 12 / 1) + hours(9);
    auto bad = outbox.enqueue("voice.report", "service_code=201", {"/photos/bin.jpg"}, t0);
    auto other = outbox.enqueue("voice.report", "service_code=102", {}, t0);
    REQUIRE(bad.ok());
    REQUIRE(other.ok());

    REQUIRE(outbox.refuse(*bad, "{\"id\":\"bin_type is required\"}", "http 400").ok());
    CHECK(*outbox.count_refused() == 1);
    // Never due again, however late: it is not sent again as it is.
    auto due = *outbox.due(t0 + hours(24 * 365));
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == *other);

    // The reason survives a lock (a restart).
    v.vault.lock();
    REQUIRE(v.vault.unlock(v.path, SecretBytes(test::test_passphrase)).ok());
    auto found = *outbox.find(*bad);
    REQUIRE(found.has_value());
    CHECK(found->refused());
    CHECK(found->refused_reason == "{\"id\":\"bin_type is required\"}");
    CHECK(found->attempts == 1);
    CHECK(found->attachments == std::vector<std::string>{"/photos/bin.jpg"});

    // The corrected item takes its place; the old one is gone with its attachment rows.
    auto fixed = outbox.replace(*bad, "voice.report", "service_code=201&bin_type=kitchen",
                                {"/photos/bin.jpg"}, t0 + minutes(5));
    REQUIRE(fixed.ok());
    CHECK(*fixed != *bad);
    CHECK_FALSE(outbox.find(*bad)->has_value());
    CHECK(*outbox.count_refused() == 0);
    CHECK(*outbox.count() == 2);
    CHECK_FALSE((*outbox.find(*fixed))->refused());
    // Replacing an item that is gone replaces nothing (both or neither).
    CHECK(outbox.replace(*bad, "voice.report", "x", {}, t0).error().kind == ErrorKind::conflict);
    CHECK(*outbox.count() == 2);

    REQUIRE(outbox.discard(*other).ok());
    CHECK(*outbox.count() == 1);
    CHECK(*v.db().query_int("SELECT count(*) FROM outbox_attachments") == 1);
}
