#include "catch.hpp"

#include "app/main_presenter.h"
#include "app/tab_presenter.h"

#include <vector>

using namespace cd::app;

namespace {

struct FakeMainView : MainView {
    std::vector<cd::Message> statuses;
    std::vector<Tab> shown_tabs;
    void show_connection_status(const cd::Message& status) override { statuses.push_back(status); }
    void show_tab(Tab tab) override { shown_tabs.push_back(tab); }
    cd::Message outbox;
    void show_outbox_summary(const cd::Message& status) override { outbox = status; }
};

struct FakeTabView : TabView {
    cd::Message headline;
    cd::Message explanation;
    int renders = 0;
    void show_empty_state(const cd::Message& h, const cd::Message& e) override {
        headline = h;
        explanation = e;
        ++renders;
    }
};

} // namespace

TEST_CASE("the tabs come in the product's order with their names, Home first", "[ui-logic][main]") {
    REQUIRE(all_tabs.size() == 5);
    CHECK(tab_title(all_tabs[0]).id == "Home");
    CHECK(tab_title(all_tabs[1]).id == "My Life");
    CHECK(tab_title(all_tabs[2]).id == "My Government");
    CHECK(tab_title(all_tabs[3]).id == "My Payments");
    CHECK(tab_title(all_tabs[4]).id == "My Voice");
}

TEST_CASE("a tab shows an honest empty state before any platform is connected", "[ui-logic][tab]") {
    FakeTabView view;
    TabPresenter payments(Tab::payments, view);
    CHECK(view.renders == 1);
    CHECK(view.headline.id == "Not connected to a platform yet");
    CHECK(view.explanation == tab_purpose(Tab::payments));
    CHECK(payments.title().id == "My Payments");
}

TEST_CASE("every tab follows the connection state", "[ui-logic][main][tab]") {
    FakeMainView main_view;
    FakeTabView life_view, voice_view;
    TabPresenter life(Tab::life, life_view), voice(Tab::voice, voice_view);
    MainPresenter main(main_view, "demo.citizendesk");
    main.add_tab(life);
    main.add_tab(voice);
    main.start(std::nullopt);

    REQUIRE(main_view.statuses.size() == 1);
    CHECK(main_view.statuses.back().id == "Not connected to a platform yet");

    main.on_connection_changed(ConnectionState::connecting);
    CHECK(main_view.statuses.back() == cd::msg("Connecting to {0}…", {"demo.citizendesk"}));
    CHECK(life_view.headline.id == "Connecting to the city platform…");
    CHECK(voice_view.headline.id == "Connecting to the city platform…");

    main.on_connection_changed(ConnectionState::offline);
    CHECK(main_view.statuses.back() ==
          cd::msg("Offline: {0} cannot be reached", {"demo.citizendesk"}));
    CHECK(life_view.headline.id == "The city platform cannot be reached right now");

    main.on_connection_changed(ConnectionState::online);
    CHECK(main_view.statuses.back() == cd::msg("Connected to {0}", {"demo.citizendesk"}));
    CHECK(voice_view.headline.id == "Nothing here yet");
    CHECK(voice_view.explanation == tab_purpose(Tab::voice));
}

TEST_CASE("an unchanged connection state does not redraw the tab", "[ui-logic][tab]") {
    FakeTabView view;
    TabPresenter gov(Tab::government, view);
    gov.on_connection_changed(ConnectionState::not_configured);
    CHECK(view.renders == 1);
    gov.on_connection_changed(ConnectionState::online);
    CHECK(view.renders == 2);
}

TEST_CASE("the last tab is restored, and a new citizen or a stale index gets Home",
          "[ui-logic][main]") {
    FakeMainView view;
    MainPresenter main(view, "x");

    main.start(std::nullopt); // nothing saved: a new citizen
    CHECK(view.shown_tabs.back() == Tab::home);

    main.start(3);
    CHECK(view.shown_tabs.back() == Tab::payments);
    CHECK(main.current_tab() == Tab::payments);

    main.start(7); // a settings file from a future version, or edited by hand
    CHECK(view.shown_tabs.back() == Tab::home);
    main.start(-1);
    CHECK(view.shown_tabs.back() == Tab::home);

    main.on_tab_selected(Tab::voice);
    CHECK(main.current_tab() == Tab::voice);
    CHECK(tab_index(main.current_tab()) == 4);
}

TEST_CASE("the status bar counts the refused submissions until there are none",
          "[ui-logic][main][outbox]") {
    FakeMainView view;
    MainPresenter presenter(view, "platform.example");
    presenter.set_refused_count(2);
    CHECK(view.outbox.id == "{0} submissions were refused: see My reports or My applications");
    CHECK(view.outbox.args == std::vector<std::string>{"2"});
    presenter.set_refused_count(1);
    CHECK(view.outbox.id == "1 submission was refused: see My reports or My applications");
    presenter.set_refused_count(0);
    CHECK(view.outbox.empty());
}
