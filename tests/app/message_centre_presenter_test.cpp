// The message centre over a real vault: notifications kept per citizen, grouped by kind,
// searched, counted and marked read; the desktop still gets every one.
#include "app/message_centre_presenter.h"

#include "app_test_context.h"
#include "catch.hpp"

#include <algorithm>

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct FakeMessageView final : MessageCentreView {
    std::vector<MessageGroup> groups;
    bool more = false;
    Message empty;
    Message error;
    int shown = 0;
    void show_messages(const std::vector<MessageGroup>& g, bool m) override {
        groups = g;
        more = m;
        empty = {};
        ++shown;
    }
    void show_empty(const Message& why) override {
        groups.clear();
        empty = why;
        ++shown;
    }
    void show_error(const Message& e) override { error = e; }

    std::vector<std::string> kinds() const {
        std::vector<std::string> out;
        for (const auto& g : groups) {
            out.push_back(g.kind);
        }
        return out;
    }
    std::size_t rows() const {
        std::size_t n = 0;
        for (const auto& g : groups) {
            n += g.rows.size();
        }
        return n;
    }
};

struct Centre {
    test::AppTestContext t{offline()};
    MessageCentre centre{t.notifier, *t.vault, t.data, [this] {
                             return t.context->now();
                         }};
    FakeMessageView view;
    std::int64_t told = -1;

    static test::AppTestContext::Options offline() {
        test::AppTestContext::Options o;
        o.start_platform = false;
        return o;
    }
    Centre() {
        t.context->now = [] {
            return sys_days(year(2026) / 12 / 3) + hours(9);
        };
        t.data.set_signed_in(std::nullopt, "citizen-a");
    }
    // Waits until every message raised so far is kept (the count is told after each).
    bool settle(MessageCentrePresenter& p, std::int64_t unread) {
        return t.ui.run_until([&] { return p.unread_count() == unread; });
    }
};

} // namespace

TEST_CASE("Message centre groups kept notifications by kind, newest first", "[ui-logic]") {
    Centre c;
    MessageCentrePresenter p(*c.t.context, c.centre);
    c.centre.notify_about(NoticeKind::report, msg("The city replied to your report"),
                          msg("Open My Voice to read the reply."));
    c.centre.notify_about(NoticeKind::bill, msg("A bill is due soon"), msg("water"));
    c.centre.notify_about(NoticeKind::bill, msg("A bill is overdue"), msg("power"));
    c.centre.notify(msg("Something else"), msg("b"));
    REQUIRE(c.settle(p, 4));
    // The desktop was told each one too.
    CHECK(c.t.notifier.sent().size() == 4);

    p.attach(&c.view);
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 4; }));
    CHECK(c.view.kinds() == std::vector<std::string>{"bill", "report", "other"});
    REQUIRE(c.view.groups[0].rows.size() == 2);
    CHECK(c.view.groups[0].heading == msg("Bills"));
    CHECK(c.view.groups[0].unread == 2);
    CHECK(c.view.groups[0].rows[0].title == msg("A bill is overdue")); // newest first
    CHECK(c.view.groups[0].rows[1].title == msg("A bill is due soon"));
    CHECK(c.view.groups[0].rows[0].unread);
    CHECK_FALSE(c.view.groups[0].rows[0].when.empty());
    CHECK_FALSE(c.view.more);

    // A new message reaches the open window by itself.
    c.centre.notify_about(NoticeKind::payment, msg("A pending payment went through"), msg("x"));
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 5; }));
    CHECK(c.view.kinds() == std::vector<std::string>{"bill", "payment", "report", "other"});
}

TEST_CASE("Message centre search finds the English text and the text as shown", "[ui-logic]") {
    Centre c;
    // As the view renders: the Chinese text the citizen saw is searchable too.
    c.centre.set_renderer([](const Message& m) {
        return m.id == "A bill is due soon" ? std::string("账单即将到期") : m.id;
    });
    MessageCentrePresenter p(*c.t.context, c.centre);
    c.centre.notify_about(NoticeKind::bill, msg("A bill is due soon"),
                          msg("{0}: {1} yuan", {"Water company", "42.50"}));
    c.centre.notify_about(NoticeKind::report, msg("The city replied to your report"), msg("b"));
    REQUIRE(c.settle(p, 2));
    p.attach(&c.view);
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 2; }));

    // Each search answers with a new listing: wait for it, then look.
    auto found = [&](std::string text) {
        const int before = c.view.shown;
        p.search(std::move(text));
        REQUIRE(c.t.ui.run_until([&] { return c.view.shown > before; }));
        return c.view.kinds();
    };
    CHECK(found("即将到期") == std::vector<std::string>{"bill"});
    CHECK(c.view.rows() == 1);
    CHECK(found("water company") == std::vector<std::string>{"bill"}); // an argument, any case
    CHECK(found("replied") == std::vector<std::string>{"report"});
    CHECK(found("") == std::vector<std::string>{"bill", "report"});
    p.search("gas meter");
    REQUIRE(c.t.ui.run_until([&] { return !c.view.empty.empty(); }));
    CHECK(c.view.empty == msg("No message contains \"{0}\".", {"gas meter"}));
    CHECK(p.unread_count() == 2); // searching counts nothing away
}

TEST_CASE("Message centre unread count follows opening and mark all read", "[ui-logic]") {
    Centre c;
    MessageCentrePresenter p(*c.t.context, c.centre);
    std::vector<std::int64_t> told;
    p.set_unread_listener([&](std::int64_t n) { told.push_back(n); });
    for (int i = 0; i < 3; ++i) {
        c.centre.notify_about(NoticeKind::bill, msg("A bill is due soon"),
                              msg("{0}", {std::to_string(i)}));
    }
    REQUIRE(c.settle(p, 3));
    p.attach(&c.view);
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 3; }));

    const auto id = c.view.groups[0].rows[1].id;
    p.open(id);
    REQUIRE(c.settle(p, 2));
    REQUIRE(c.t.ui.run_until([&] { return c.view.groups.at(0).unread == 2; }));
    const auto& rows = c.view.groups[0].rows;
    CHECK(std::count_if(rows.begin(), rows.end(),
                        [&](const MessageRow& r) { return r.id == id && !r.unread; }) == 1);
    p.open(id); // read already: nothing changes
    c.t.ui.drain();
    CHECK(p.unread_count() == 2);

    p.mark_all_read();
    REQUIRE(c.settle(p, 0));
    REQUIRE(c.t.ui.run_until([&] { return c.view.groups.at(0).unread == 0; }));
    CHECK(told.back() == 0);
    CHECK(std::find(told.begin(), told.end(), 3) != told.end());
}

TEST_CASE("Message centre never shows another citizen's messages", "[ui-logic]") {
    Centre c;
    MessageCentrePresenter p(*c.t.context, c.centre);
    c.centre.notify_about(NoticeKind::bill, msg("A bill is overdue"), msg("a's bill"));
    c.centre.notify_about(NoticeKind::vault, msg("Passphrase changed"), msg("v"));
    REQUIRE(c.settle(p, 2));

    c.t.data.set_signed_in(std::nullopt, "citizen-b"); // publishes signed_in: count again
    REQUIRE(c.settle(p, 1));                           // the vault's message only
    c.centre.notify_about(NoticeKind::application, msg("Application status changed"),
                          msg("b's application"));
    REQUIRE(c.settle(p, 2));
    p.attach(&c.view);
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 2; }));
    CHECK(c.view.kinds() == std::vector<std::string>{"application", "vault"});
    p.search("a's bill");
    REQUIRE(c.t.ui.run_until([&] { return !c.view.empty.empty(); }));
    p.search("");
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 2; }));

    // Mark all read by b leaves a's message unread.
    p.mark_all_read();
    REQUIRE(c.settle(p, 0));
    c.t.data.set_signed_in(std::nullopt, "citizen-a");
    REQUIRE(c.settle(p, 1));
    CHECK(c.t.ui.run_until([&] {
        return c.view.kinds() == std::vector<std::string>{"bill", "vault"};
    }));

    // Signed out: only what is about the vault itself.
    c.t.data.set_signed_out();
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == 1; }));
    CHECK(c.view.kinds() == std::vector<std::string>{"vault"});
}

TEST_CASE("A notification raised while the vault is locked still reaches the desktop",
          "[ui-logic]") {
    Centre c;
    MessageCentrePresenter p(*c.t.context, c.centre);
    bool locked = false;
    c.t.vault->lock([&] { locked = true; });
    REQUIRE(c.t.ui.run_until([&] { return locked; }));
    c.t.events.publish(AppEvent::vault_locked);
    c.centre.notify_about(NoticeKind::bill, msg("A bill is due soon"), msg("b"));
    c.t.ui.drain();
    CHECK(c.t.notifier.sent().size() == 1);
    CHECK(p.unread_count() == 0);
    p.attach(&c.view);
    CHECK(c.view.empty == msg("Unlock your data to read your messages."));
}

TEST_CASE("Message centre pages older messages on demand", "[ui-logic]") {
    Centre c;
    MessageCentrePresenter p(*c.t.context, c.centre);
    const int total = MessageCentrePresenter::page_size + 5;
    for (int i = 0; i < total; ++i) {
        c.centre.notify_about(NoticeKind::other, msg("n"), msg("{0}", {std::to_string(i)}));
    }
    REQUIRE(c.settle(p, total));
    p.attach(&c.view);
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == std::size_t(total - 5); }));
    CHECK(c.view.more);
    p.load_more();
    REQUIRE(c.t.ui.run_until([&] { return c.view.rows() == std::size_t(total); }));
    CHECK_FALSE(c.view.more);
}
