#include "store/inbox.h"

#include "store/outbox.h"
#include "store/schema.h"
#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

namespace {

const auto t0 = sys_days(year(2026) / 12 / 3) + hours(9);

NewInboxMessage note(std::string owner, std::string kind, Message title, Message body,
                     system_clock::time_point at, std::string shown = {}) {
    return NewInboxMessage{std::move(owner), std::move(kind),  std::move(title),
                           std::move(body),  std::move(shown), at};
}

InboxFilter of(std::string owner) {
    InboxFilter f;
    f.owner = std::move(owner);
    return f;
}

} // namespace

TEST_CASE("The inbox keeps a message with its arguments, newest first, per citizen") {
    test::OpenVault v;
    Inbox inbox(v.vault);
    auto bill =
        inbox.add(note("c-1", "bill", msg("A bill is due soon"),
                       msg("{0}: {1} due on {2}", {"福州水务", "¥42.50", ""}), t0, "账单即将到期"));
    auto reply = inbox.add(note("c-1", "report", msg("The city replied to your report"),
                                msg("Reply"), t0 + minutes(1)));
    auto other = inbox.add(note("c-2", "bill", msg("A bill is overdue"), msg("x"), t0));
    auto vault = inbox.add(note("", "vault", msg("Passphrase changed"), msg("y"), t0 - hours(1)));
    REQUIRE(bill.ok());
    REQUIRE(reply.ok());
    REQUIRE(other.ok());
    REQUIRE(vault.ok());

    auto page = *inbox.page(of("c-1"), std::nullopt);
    REQUIRE(page.messages.size() == 3); // c-2's is not there; the vault's is
    CHECK(page.messages[0].id == *reply);
    CHECK(page.messages[1].id == *bill);
    CHECK(page.messages[2].id == *vault);
    CHECK(page.messages[1].body.args == std::vector<std::string>{"福州水务", "¥42.50", ""});
    CHECK(page.messages[1].title == msg("A bill is due soon"));
    CHECK(page.messages[1].created_utc == "2026-12-03T09:00:00Z");
    CHECK(page.messages[1].unread());
    CHECK_FALSE(page.next);

    InboxFilter own_only = of("c-1");
    own_only.with_unowned = false;
    CHECK(inbox.page(own_only, std::nullopt)->messages.size() == 2);
    CHECK(*inbox.unread_count(of("c-1")) == 3);
    CHECK(*inbox.unread_count(of("c-2")) == 2);
    CHECK(*inbox.unread_count(of("")) == 1); // nobody signed in: the vault's own only

    // Kept through a lock.
    v.vault.lock();
    REQUIRE(v.vault.unlock(v.path, SecretBytes(test::test_passphrase)).ok());
    CHECK(*Inbox(v.vault).unread_count(of("c-1")) == 3);
}

TEST_CASE("Inbox pages by keyset and filters by kind and unread") {
    test::OpenVault v;
    Inbox inbox(v.vault);
    for (int i = 0; i < 7; ++i) {
        // Two messages a second: ties on the stamp are ordered by id.
        REQUIRE(inbox
                    .add(note("c-1", i % 2 == 0 ? "bill" : "payment", msg("n"),
                              msg("{0}", {std::to_string(i)}), t0 + seconds(i / 2)))
                    .ok());
    }
    std::vector<std::string> seen;
    std::optional<InboxCursor> after;
    int pages = 0;
    do {
        auto page = *inbox.page(of("c-1"), after, 3);
        for (const auto& m : page.messages) {
            seen.push_back(m.body.args.at(0));
        }
        after = page.next;
        ++pages;
    } while (after);
    CHECK(pages == 3);
    CHECK(seen == std::vector<std::string>{"6", "5", "4", "3", "2", "1", "0"});

    InboxFilter bills = of("c-1");
    bills.kind = "bill";
    CHECK(inbox.page(bills, std::nullopt)->messages.size() == 4);
    CHECK(*inbox.unread_count(bills) == 4);

    auto newest = inbox.page(of("c-1"), std::nullopt, 1)->messages.at(0);
    CHECK(*inbox.mark_read(newest.id, of("c-1"), t0 + hours(1)));
    InboxFilter unread = of("c-1");
    unread.unread_only = true;
    CHECK(inbox.page(unread, std::nullopt)->messages.size() == 6);
    CHECK(*inbox.unread_count(bills) == 3);
}

TEST_CASE("Inbox search matches the English text, the arguments and the text as shown") {
    test::OpenVault v;
    Inbox inbox(v.vault);
    REQUIRE(inbox
                .add(note("c-1", "bill", msg("A bill is due soon"),
                          msg("{0}: {1} due on {2}", {"福州水务", "¥42.50", "2026-12-05"}), t0,
                          "账单即将到期"))
                .ok());
    REQUIRE(inbox
                .add(note("c-1", "report", msg("The city replied to your report"), msg("Reply"), t0,
                          "100% done_"))
                .ok());
    auto found = [&](std::string text) {
        InboxFilter f = of("c-1");
        f.text = std::move(text);
        return inbox.page(f, std::nullopt)->messages.size();
    };
    CHECK(found("due soon") == 1);
    CHECK(found("DUE SOON") == 1); // ASCII case does not matter
    CHECK(found("水务") == 1);
    CHECK(found("即将到期") == 1);
    CHECK(found("replied") == 1);
    CHECK(found("100%") == 1); // % and _ match themselves
    CHECK(found("%") == 1);
    CHECK(found("_") == 1);
    CHECK(found("gas") == 0);
    InboxFilter other = of("c-2");
    other.text = "due soon";
    CHECK(inbox.page(other, std::nullopt)->messages.empty());
}

TEST_CASE("Marking read is once, per citizen, and mark all read leaves others' messages") {
    test::OpenVault v;
    Inbox inbox(v.vault);
    const auto mine = *inbox.add(note("c-1", "bill", msg("a"), msg("b"), t0));
    const auto theirs = *inbox.add(note("c-2", "bill", msg("a"), msg("b"), t0));
    REQUIRE(*inbox.add(note("c-1", "payment", msg("a"), msg("b"), t0)) > 0);

    CHECK_FALSE(*inbox.mark_read(theirs, of("c-1"), t0)); // not c-1's to read
    CHECK(*inbox.unread_count(of("c-2")) == 1);
    CHECK(*inbox.mark_read(mine, of("c-1"), t0 + minutes(1)));
    CHECK_FALSE(*inbox.mark_read(mine, of("c-1"), t0 + minutes(2))); // read once
    auto page = *inbox.page(of("c-1"), std::nullopt);
    for (const auto& m : page.messages) {
        if (m.id == mine) {
            CHECK(m.read_utc == "2026-12-03T09:01:00Z");
        }
    }
    CHECK(*inbox.mark_all_read(of("c-1"), t0 + hours(1)) == 1);
    CHECK(*inbox.unread_count(of("c-1")) == 0);
    CHECK(*inbox.unread_count(of("c-2")) == 1);
}

TEST_CASE("A version-5 vault gains the message centre and keeps its data") {
    test::TempDir dir;
    const auto path = dir.path() / "vault.db";
    {
        VaultOptions old = VaultOptions::insecure_fast_kdf_for_tests();
        old.schema_version_limit = 5;
        Vault v(old);
        REQUIRE(v.create(path, SecretBytes(test::test_passphrase)).ok());
        REQUIRE(*schema_version(**v.connection()) == 5);
        REQUIRE_FALSE(Inbox(v).add(note("c-1", "bill", msg("a"), msg("b"), t0)).ok());
        REQUIRE(Outbox(v).enqueue("voice.report", "p", {}, t0, "c-1").ok());
    }
    Vault current(VaultOptions::insecure_fast_kdf_for_tests());
    REQUIRE(current.unlock(path, SecretBytes(test::test_passphrase)).ok());
    CHECK(*schema_version(**current.connection()) == 6);
    Inbox inbox(current);
    CHECK(*inbox.unread_count(of("c-1")) == 0);
    REQUIRE(inbox.add(note("c-1", "bill", msg("a"), msg("b"), t0)).ok());
    CHECK(*inbox.unread_count(of("c-1")) == 1);
    CHECK(*Outbox(current).count() == 1);
    CHECK(current.check_integrity()->ok);
}

TEST_CASE("Message text never reaches the vault file in plain text") {
    test::OpenVault v;
    Inbox inbox(v.vault);
    REQUIRE(inbox
                .add(note("c-1", "bill", msg("A bill is due soon"),
                          msg("{0}", {"canary-inbox-7731"}), t0, "canary-shown-8842"))
                .ok());
    v.vault.lock();
    CHECK_FALSE(test::file_contains(v.path, "canary-inbox-7731"));
    CHECK_FALSE(test::file_contains(v.path, "canary-shown-8842"));
}
