#include "store/ledger_csv.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

namespace {

// An RFC 4180 reader for the round trip: quoted fields, doubled quotes, CRLF records.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty() && field.empty()) {
        rows.pop_back();
    }
    return rows;
}

} // namespace

TEST_CASE("csv_field quotes what RFC 4180 requires and defuses formulas") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_field("-0.05", false) == "-0.05");
}

TEST_CASE("The ledger exports to CSV with a BOM and parses back to the same entries") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    const auto t0 = sys_days(year(2026) / 11 / 1) + hours(8);
    const std::vector<std::string> payees = {"福州水务", "Comma, Inc.", "Quote \"Q\" Ltd",
                                             "Line\r\nBreak", "=cmd|calc"};
    // One transaction for the fixture: 1,203 separate commits would each wait for fsync.
    REQUIRE(v.db()
                .transaction([&]() -> Status {
                    for (std::size_t i = 0; i < 1203; ++i) {
                        auto id = ledger.record_pending(
                            NewPayment{"B" + std::to_string(i), payees[i % payees.size()], "water",
                                       "ACC", Money::from_fen(static_cast<std::int64_t>(i)),
                                       "key-" + std::to_string(i), t0 + minutes(i)});
                        if (!id) {
                            return id.error();
                        }
                        if (i % 2 == 0) {
                            if (auto s = ledger.resolve(*id, PaymentStatus::paid,
                                                        "R" + std::to_string(i), t0);
                                !s) {
                                return s;
                            }
                        }
                    }
                    return Done{};
                })
                .ok());
    const auto out = v.dir.path() / "export" / "history.csv";
    std::filesystem::create_directories(out.parent_path());
    auto count = export_ledger_csv(ledger, {}, out);
    REQUIRE(count.ok());
    CHECK(*count == 1203);
    // Nothing but the destination is left in the folder (the temp file was renamed).
    CHECK(std::distance(std::filesystem::directory_iterator(out.parent_path()),
                        std::filesystem::directory_iterator()) == 1);

    const std::string text = test::read_bytes(out);
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto rows = parse_csv(text.substr(3));
    REQUIRE(rows.size() == 1204);
    CHECK(rows[0].size() == 9);
    CHECK(rows[0][0] == "time_utc");
    // Newest first: row 1 is payment 1202.
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::size_t i = 1203 - r;
        const auto& row = rows[r];
        REQUIRE(row.size() == 9);
        CHECK(row[1] == "B" + std::to_string(i));
        const std::string& expected_payee = payees[i % payees.size()];
        CHECK(row[2] == (expected_payee[0] == '=' ? "'" + expected_payee : expected_payee));
        CHECK(row[5] == to_decimal_string(Money::from_fen(static_cast<std::int64_t>(i))));
        CHECK(row[6] == (i % 2 == 0 ? "paid" : "pending"));
        CHECK(row[7] == (i % 2 == 0 ? "R" + std::to_string(i) : ""));
    }
}

TEST_CASE("A CSV export into a missing folder fails and leaves nothing behind") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto r = export_ledger_csv(ledger, {}, v.dir.path() / "missing" / "x.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::storage);
}

TEST_CASE("A chunked CSV export leaves nothing until commit, and nothing after abort") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    for (int i = 0; i < 25; ++i) {
        REQUIRE(ledger
                    .record_pending(NewPayment{"B" + std::to_string(i), "福州水务", "water", "ACC",
                                               Money::from_fen(100), "key-" + std::to_string(i),
                                               sys_days(year(2026) / 11 / 1) + minutes(i)})
                    .ok());
    }
    const auto dest = v.dir.path() / "chunks.csv";
    auto files = [&] {
        int n = 0;
        for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(v.dir.path())) {
            ++n;
        }
        return n;
    };
    const int before = files();
    {
        auto writer = LedgerCsvWriter::open(dest);
        REQUIRE(writer.ok());
        CHECK(*(*writer)->write_chunk(ledger, {}, 10) == false);
        CHECK((*writer)->written() == 10);
        CHECK_FALSE(std::filesystem::exists(dest));
        (*writer)->abort();
        CHECK(files() == before);
    }
    {
        auto writer = LedgerCsvWriter::open(dest);
        REQUIRE(writer.ok());
        (*writer)->write_chunk(ledger, {}, 10);
        // Destroyed without commit: as cancelled.
    }
    CHECK(files() == before);
    auto writer = LedgerCsvWriter::open(dest);
    REQUIRE(writer.ok());
    int chunks = 0;
    for (bool done = false; !done; ++chunks) {
        auto r = (*writer)->write_chunk(ledger, {}, 10);
        REQUIRE(r.ok());
        done = *r;
    }
    CHECK(chunks == 3);
    REQUIRE((*writer)->commit().ok());
    CHECK((*writer)->written() == 25);
    const auto rows = parse_csv(test::read_bytes(dest).substr(3));
    CHECK(rows.size() == 26);
    CHECK(files() == before + 1);
}

TEST_CASE("A CSV export to a folder that does not exist fails with the citizen's message") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto r = export_ledger_csv(ledger, {}, v.dir.path() / "no-such-folder" / "out.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::storage);
    CHECK_FALSE(r.error().user_message.empty());
}

TEST_CASE("the CSV's header row is the one the app passes, quoted like any field", "[store]") {
    CHECK(csv_header_row({"时间", "收款单位", "金额（元）"}) == "时间,收款单位,金额（元）");
    CHECK(csv_header_row({"Amount, yuan", "=sum"}) == "\"Amount, yuan\",'=sum");
    test::TempDir dir;
    const auto dest = dir.path() / "history.csv";
    auto writer = LedgerCsvWriter::open(dest, csv_header_row({"时间", "收款单位"}));
    REQUIRE(writer.ok());
    REQUIRE((*writer)->commit().ok());
    CHECK(test::read_bytes(dest) == "\xEF\xBB\xBF时间,收款单位\r\n");
}
