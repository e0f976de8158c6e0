// PlatformClient against the real reference server: every call's happy path, with the answers
// checked against what the server's seed holds.
#include "catch.hpp"
#include "platform_fixture.h"

#include <algorithm>
#include <chrono>
#include <ctime>

using namespace cd;
using namespace cd::test;
using api::PlatformClient;

namespace {

std::string day_after_tomorrow() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                        std::chrono::hours(48));
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// Field values the server's validation accepts, by field type.
std::string fill_form(const api::OnlineForm& form) {
    boost::json::object values;
    for (const auto& f : form.fields) {
        if (f.type == "number") {
            values[f.name] = f.min.value_or(1);
        } else if (f.type == "select") {
            values[f.name] = f.options.empty() ? "" : f.options.front().value;
        } else if (f.type == "date") {
            values[f.name] = "2026-12-24";
        } else if (f.type == "phone") {
            values[f.name] = "13800000000";
        } else if (f.type == "resident_id") {
            values[f.name] = "11010519491231002X";
        } else {
            values[f.name] = "Zhang Ming asks about it";
        }
    }
    return boost::json::serialize(values);
}

} // namespace

TEST_CASE("platform: city, catalog, guide and halls map the server's answers", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;

    auto city = await<api::City>([&](auto d) { c.city(d); });
    REQUIRE(city.ok());
    CHECK_FALSE(city->name.zh.empty());
    CHECK_FALSE(city->name.en.empty());
    REQUIRE_FALSE(city->districts.empty());
    CHECK(city->districts.front().latitude != 0.0);
    CHECK_FALSE(city->categories.empty());
    CHECK_FALSE(city->departments.empty());
    CHECK_FALSE(city->hotlines.empty());
    CHECK(city->open311.endpoint.find("open311") != std::string::npos);
    CHECK(city->catalog_version > 0);

    auto catalog = await<api::CatalogFetch>([&](auto d) { c.catalog({}, d); });
    REQUIRE(catalog.ok());
    REQUIRE(catalog->catalog);
    CHECK_FALSE(catalog->not_modified);
    CHECK(catalog->catalog->version == city->catalog_version);
    CHECK(catalog->catalog->since == 0);
    CHECK(catalog->catalog->count == static_cast<std::int64_t>(catalog->catalog->services.size()));
    CHECK(catalog->catalog->services.size() > 100);
    CHECK_FALSE(catalog->catalog->etag.empty());
    CHECK(catalog->bytes > 0);

    const auto& services = catalog->catalog->services;
    auto online = std::find_if(services.begin(), services.end(),
                               [](const auto& s) { return s.channel != "counter"; });
    REQUIRE(online != services.end());
    auto guide = await<api::ServiceGuide>([&](auto d) { c.service_guide(online->id, d); });
    REQUIRE(guide.ok());
    CHECK(guide->service.id == online->id);
    CHECK(guide->service.name.zh == online->name.zh);
    CHECK_FALSE(guide->steps.empty());
    CHECK_FALSE(guide->form.fields.empty());
    CHECK(guide->form.max_attachments > 0);

    auto missing = await<api::ServiceGuide>([&](auto d) { c.service_guide("no-such-service", d); });
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().http_status == 404);
    CHECK_FALSE(missing.error().problem_type.empty());

    auto halls = await<std::vector<api::Hall>>([&](auto d) { c.halls("", d); });
    REQUIRE(halls.ok());
    REQUIRE_FALSE(halls->empty());
    CHECK_FALSE(halls->front().opening_hours.empty());
    auto one = await<api::Hall>([&](auto d) { c.hall(halls->front().id, d); });
    REQUIRE(one.ok());
    CHECK(one->name.en == halls->front().name.en);
    auto in_district =
        await<std::vector<api::Hall>>([&](auto d) { c.halls(halls->front().district, d); });
    REQUIRE(in_district.ok());
    CHECK(std::all_of(in_district->begin(), in_district->end(),
                      [&](const auto& h) { return h.district == halls->front().district; }));
}

TEST_CASE("platform: life information in the Open-Meteo and holiday-cn formats",
          "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;
    auto city = await<api::City>([&](auto d) { c.city(d); });
    REQUIRE(city.ok());
    const auto district = city->districts.front().id;

    auto weather = await<api::Forecast>([&](auto d) { c.weather(district, d); });
    REQUIRE(weather.ok());
    CHECK_FALSE(weather->daily.time.empty());
    CHECK(weather->daily.temperature_2m_max.size() == weather->daily.time.size());
    CHECK_FALSE(weather->current.time.empty());

    auto air = await<api::AirQuality>([&](auto d) { c.air_quality(district, d); });
    REQUIRE(air.ok());
    CHECK_FALSE(air->hourly.time.empty());
    CHECK(air->current.pm2_5 >= 0.0);

    auto holidays = await<api::Holidays>([&](auto d) { c.holidays(2026, d); });
    REQUIRE(holidays.ok());
    CHECK(holidays->year == 2026);
    CHECK_FALSE(holidays->days.empty());
    auto no_year = await<api::Holidays>([&](auto d) { c.holidays(1901, d); });
    REQUIRE_FALSE(no_year.ok());
    CHECK(no_year.error().http_status == 404);

    auto stations = await<std::vector<api::Station>>([&](auto d) { c.stations(district, d); });
    REQUIRE(stations.ok());
    CHECK(std::all_of(stations->begin(), stations->end(),
                      [&](const auto& s) { return s.district == district; }));

    auto news = await<api::NewsPage>([&](auto d) { c.news(5, 0, d); });
    REQUIRE(news.ok());
    CHECK(news->items.size() == 5);
    CHECK(news->total >= 5);
    auto page2 = await<api::NewsPage>([&](auto d) { c.news(5, 5, d); });
    REQUIRE(page2.ok());
    REQUIRE_FALSE(page2->items.empty());
    CHECK(page2->items.front().id != news->items.front().id);
}

TEST_CASE("platform: sign in by password or code, profile, accounts, sign out", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;

    auto anonymous = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE_FALSE(anonymous.ok());
    CHECK(anonymous.error().kind == ErrorKind::auth);

    auto wrong = await<api::SessionTokens>(
        [&](auto d) { c.login(server::demo_phone, "not-the-password", d); });
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::auth);
    CHECK(wrong.error().http_status == 401);
    CHECK_FALSE(c.signed_in());

    auto tokens = sign_in(c);
    CHECK(c.signed_in());
    CHECK(tokens.access_expires_at > std::chrono::system_clock::now());
    CHECK(tokens.refresh_expires_at > tokens.access_expires_at);

    auto me = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE(me.ok());
    CHECK(me->id == tokens.citizen_id);
    CHECK(me->name.en == "Zhang Ming");
    CHECK(me->wallet_balance.fen > 0);
    CHECK(me->phone_masked.find(server::demo_phone) == std::string::npos);

    auto accounts = await<std::vector<api::Account>>([&](auto d) { c.accounts(d); });
    REQUIRE(accounts.ok());
    CHECK_FALSE(accounts->empty());

    auto out = await<cd::Done>([&](auto d) { c.logout(d); });
    CHECK(out.ok());
    CHECK_FALSE(c.signed_in());

    auto code = await<api::CodeSent>([&](auto d) { c.request_code(server::demo_phone, d); });
    REQUIRE(code.ok());
    CHECK(code->expires_in > 0);
    auto by_code = await<api::SessionTokens>(
        [&](auto d) { c.login_with_code(server::demo_phone, server::demo_one_time_code, d); });
    REQUIRE(by_code.ok());
    CHECK(by_code->access_token != tokens.access_token);
    CHECK(await<api::Profile>([&](auto d) { c.me(d); }).ok());
}

TEST_CASE("platform: bills, a payment with its key, payments and the receipt", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;
    sign_in(c);

    auto due = await<api::BillList>([&](auto d) { c.bills("due", d); });
    INFO((due.ok() ? std::string() : due.error().log_line()));
    REQUIRE(due.ok());
    REQUIRE_FALSE(due->bills.empty());
    CHECK(std::all_of(due->bills.begin(), due->bills.end(),
                      [](const auto& b) { return b.status == "due"; }));
    std::int64_t sum = 0;
    for (const auto& b : due->bills) {
        sum += b.amount.fen;
    }
    CHECK(due->total_due.fen == sum);

    auto before = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE(before.ok());
    auto bill = *std::min_element(due->bills.begin(), due->bills.end(),
                                  [](const auto& a, const auto& b) { return a.amount < b.amount; });

    api::PaymentOrder order{bill.id, bill.amount, "test-key-0001"};
    auto paid = await<api::Payment>([&](auto d) { c.pay(order, d); });
    REQUIRE(paid.ok());
    CHECK(paid->bill_id == bill.id);
    CHECK(paid->amount == bill.amount);
    CHECK(paid->status == "succeeded");
    CHECK_FALSE(paid->replayed);

    auto again = await<api::Payment>([&](auto d) { c.pay(order, d); });
    REQUIRE(again.ok());
    CHECK(again->replayed);
    CHECK(again->id == paid->id);

    auto other_key = await<api::Payment>([&](auto d) {
        c.pay({bill.id, bill.amount, "test-key-0002"}, d);
    });
    REQUIRE_FALSE(other_key.ok());
    CHECK(other_key.error().kind == ErrorKind::conflict);
    CHECK_FALSE(api::payment_outcome_unknown(other_key.error()));

    auto no_key = await<api::Payment>([&](auto d) { c.pay({bill.id, bill.amount, ""}, d); });
    REQUIRE_FALSE(no_key.ok());
    CHECK(no_key.error().kind == ErrorKind::validation);

    auto after = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE(after.ok());
    CHECK(after->wallet_balance.fen == before->wallet_balance.fen - bill.amount.fen);

    auto now_bill = await<api::Bill>([&](auto d) { c.bill(bill.id, d); });
    REQUIRE(now_bill.ok());
    CHECK(now_bill->status == "paid");
    CHECK(now_bill->payment_id == paid->id);

    auto list = await<std::vector<api::Payment>>([&](auto d) { c.payments(d); });
    REQUIRE(list.ok());
    CHECK(std::count_if(list->begin(), list->end(),
                        [&](const auto& p) { return p.bill_id == bill.id; }) == 1);
    auto one = await<api::Payment>([&](auto d) { c.payment(paid->id, d); });
    REQUIRE(one.ok());
    CHECK(one->receipt_no == paid->receipt_no);

    auto receipt = await<api::Receipt>([&](auto d) { c.receipt(paid->id, d); });
    REQUIRE(receipt.ok());
    CHECK(receipt->payment_id == paid->id);
    CHECK(receipt->total == bill.amount);
    CHECK(receipt->account_number == bill.account_number); // the citizen's number at the payee
    CHECK_FALSE(receipt->account_number.empty());
    REQUIRE(receipt->items.size() == 1);
    CHECK(receipt->items.front().bill_id == bill.id);
}

TEST_CASE("platform: an application with attachments, its timeline, the list", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;
    sign_in(c);
    auto catalog = await<api::CatalogFetch>([&](auto d) { c.catalog({}, d); });
    REQUIRE(catalog.ok());
    const auto& services = catalog->catalog->services;
    auto online = std::find_if(services.begin(), services.end(),
                               [](const auto& s) { return s.channel == "online"; });
    REQUIRE(online != services.end());
    auto guide = await<api::ServiceGuide>([&](auto d) { c.service_guide(online->id, d); });
    REQUIRE(guide.ok());

    api::NewApplication app{online->id,
                            fill_form(guide->form),
                            {{"id-card.png", "image/png", std::string(3000, '\x89')},
                             {"form \"signed\".pdf", "application/pdf", "%PDF-1.7 ..."}},
                            "cdapp-api-test-1"};
    auto sent = await<api::Application>([&](auto d) { c.submit_application(app, d); });
    REQUIRE(sent.ok());
    // Sent again with its key (as after a lost answer): the same application, not a second.
    auto resent = await<api::Application>([&](auto d) { c.submit_application(app, d); });
    REQUIRE(resent.ok());
    CHECK(resent->id == sent->id);
    CHECK(sent->service_id == online->id);
    CHECK(sent->status == "accepted");
    REQUIRE(sent->attachments.size() == 2);
    CHECK(sent->attachments[0].name == "id-card.png");
    CHECK(sent->attachments[0].size == 3000);
    CHECK(sent->attachments[1].content_type == "application/pdf");
    CHECK_FALSE(sent->timeline.empty());
    CHECK(sent->form_json.find("Zhang Ming asks") != std::string::npos);

    auto bad = await<api::Application>([&](auto d) {
        c.submit_application({online->id, "{}", {}, {}}, d);
    });
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == ErrorKind::validation);

    auto one = await<api::Application>([&](auto d) { c.application(sent->id, d); });
    REQUIRE(one.ok());
    CHECK(one->submitted_at == sent->submitted_at);
    auto all = await<std::vector<api::Application>>([&](auto d) { c.applications(d); });
    REQUIRE(all.ok());
    CHECK(std::any_of(all->begin(), all->end(), [&](const auto& a) { return a.id == sent->id; }));
}

TEST_CASE("platform: book, move and cancel an appointment at a hall", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;
    sign_in(c);
    auto halls = await<std::vector<api::Hall>>([&](auto d) { c.halls("", d); });
    REQUIRE(halls.ok());
    REQUIRE_FALSE(halls->empty());
    const auto date = day_after_tomorrow();
    std::string hall_id;
    std::vector<api::Slot> open;
    for (const auto& h : *halls) {
        auto slots = await<api::SlotList>([&](auto d) { c.slots(h.id, date, d); });
        REQUIRE(slots.ok());
        CHECK(slots->date == date);
        open.clear();
        for (const auto& s : slots->slots) {
            if (s.available) {
                open.push_back(s);
            }
        }
        if (open.size() >= 2) {
            hall_id = h.id;
            break;
        }
    }
    REQUIRE(open.size() >= 2);
    auto catalog = await<api::CatalogFetch>([&](auto d) { c.catalog({}, d); });
    REQUIRE(catalog.ok());
    const auto service = catalog->catalog->services.front().id;

    auto booked = await<api::Appointment>([&](auto d) { c.book(open[0].id, service, d); });
    REQUIRE(booked.ok());
    CHECK(booked->status == "booked");
    CHECK(booked->hall_id == hall_id);
    CHECK(booked->slot_id == open[0].id);

    auto moved =
        await<api::Appointment>([&](auto d) { c.move_appointment(booked->id, open[1].id, d); });
    REQUIRE(moved.ok());
    CHECK(moved->slot_id == open[1].id);
    CHECK(moved->start == open[1].start);

    auto cancelled = await<cd::Done>([&](auto d) { c.cancel_appointment(booked->id, d); });
    CHECK(cancelled.ok());
    auto after = await<api::Appointment>([&](auto d) { c.appointment(booked->id, d); });
    REQUIRE(after.ok());
    CHECK(after->status == "cancelled");
    auto all = await<std::vector<api::Appointment>>([&](auto d) { c.appointments(d); });
    REQUIRE(all.ok());
    CHECK(std::any_of(all->begin(), all->end(), [&](const auto& a) { return a.id == booked->id; }));
}

TEST_CASE("platform: which failed payments have an unknown outcome", "[api][platform]") {
    auto with_status = [](ErrorKind kind, int status) {
        Error e = make_error(kind, "test");
        e.http_status = status;
        return e;
    };
    CHECK(api::payment_outcome_unknown(with_status(ErrorKind::network, 0)));
    CHECK(api::payment_outcome_unknown(with_status(ErrorKind::timeout, 0)));
    CHECK(api::payment_outcome_unknown(with_status(ErrorKind::protocol, 201)));
    CHECK(api::payment_outcome_unknown(with_status(ErrorKind::cancelled, 0)));
    CHECK(api::payment_outcome_unknown(with_status(ErrorKind::http_status, 503)));
    CHECK_FALSE(api::payment_outcome_unknown(with_status(ErrorKind::http_status, 429)));
    CHECK_FALSE(api::payment_outcome_unknown(with_status(ErrorKind::conflict, 409)));
    CHECK_FALSE(api::payment_outcome_unknown(with_status(ErrorKind::validation, 422)));
    CHECK_FALSE(api::payment_outcome_unknown(with_status(ErrorKind::auth, 401)));
}

TEST_CASE("platform: add an account, see its bill due, remove it", "[api][platform]") {
    PlatformFixture f;
    auto& c = *f.client;
    sign_in(c);

    auto added = await<api::Account>([&](auto d) {
        c.add_account({"power", "7100990017", "Studio"}, d);
    });
    REQUIRE(added.ok());
    CHECK(added->kind == "power");
    CHECK(added->number == "7100990017");
    CHECK(added->label.en == "Studio");
    CHECK_FALSE(added->provider.zh.empty());

    auto due = await<api::BillList>([&](auto d) { c.bills("due", d); });
    REQUIRE(due.ok());
    CHECK(std::count_if(due->bills.begin(), due->bills.end(),
                        [&](const auto& b) { return b.account_id == added->id; }) == 1);

    auto again = await<api::Account>([&](auto d) {
        c.add_account({"power", "7100990017", ""}, d);
    });
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().http_status == 409);
    auto invalid = await<api::Account>([&](auto d) { c.add_account({"boat", "1", ""}, d); });
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().http_status == 422);

    auto removed = await<cd::Done>([&](auto d) { c.remove_account(added->id, d); });
    CHECK(removed.ok());
    auto accounts = await<std::vector<api::Account>>([&](auto d) { c.accounts(d); });
    REQUIRE(accounts.ok());
    CHECK(std::none_of(accounts->begin(), accounts->end(),
                       [&](const auto& a) { return a.id == added->id; }));
    auto twice = await<cd::Done>([&](auto d) { c.remove_account(added->id, d); });
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().http_status == 404);
}
