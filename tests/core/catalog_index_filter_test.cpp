// The index only tests names that hold every lookup key of a query (catalog_postings). This
// checks that shortcut never loses a match: for thousands of queries, the index finds exactly
// the services that testing every text of every entry finds.
#include "catch.hpp"

#include "core/catalog_index.h"
#include "core/catalog_text.h"
#include "core/pinyin.h"
#include "core/utf8.h"

#include <set>
#include <string>
#include <vector>

namespace {

std::vector<cd::CatalogEntry> catalog() {
    const char* names[][2] = {
        {"社保卡补办", "Social security card replacement"},
        {"社会保障卡申领", "Social security card application"},
        {"居住证办理", "Residence permit application"},
        {"公积金提取", "Housing fund withdrawal"},
        {"行政许可申请", "Administrative licence application"},
        {"银行卡挂失", "Bank card loss report"},
        {"重庆路营业厅", "Chongqing Road service hall"},
        {"长乐区政务服务中心", "Changle District service centre"},
        {"绿化养护预约", "Greening maintenance booking"},
        {"女性健康检查", "Women's health check"},
        {"5G套餐办理", "5G plan signup"},
        {"ETC（电子收费）办理", "ETC toll tag"},
        {"西湖区·和平路便利店", "Convenience store, Heping Road, Xihu District"},
        {"校长信箱", "Principal's mailbox"},
        {"略阳路药店", "Lüeyang Road pharmacy"},
    };
    std::vector<cd::CatalogEntry> out;
    int n = 0;
    for (const auto& name : names) {
        out.push_back({"S" + std::to_string(++n),
                       cd::ServiceKind::government,
                       name[0],
                       name[1],
                       {"便民", "convenience"},
                       {"迁居", "Moving house"}});
    }
    return out;
}

// Every entry the query matches, by testing every text.
std::set<std::size_t> brute_force(const std::vector<cd::CatalogEntry>& entries,
                                  const std::string& q) {
    const cd::search::Query query(q);
    std::set<std::size_t> found;
    auto hit = [&](const std::string& text) {
        return query.match(cd::search::PreparedText(text)).tier != cd::search::Tier::none;
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        bool any = hit(e.name_zh) || hit(e.name_en);
        for (const auto& k : e.keywords) {
            any = any || hit(k);
        }
        for (const auto& l : e.life_events) {
            any = any || hit(l);
        }
        if (any) {
            found.insert(i);
        }
    }
    return found;
}

// Queries people type: every one- and two-letter input, and for each name its characters,
// pinyin, initials and mixtures of the three, whole and in pieces.
std::vector<std::string> queries(const std::vector<cd::CatalogEntry>& entries) {
    std::vector<std::string> out;
    const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (char a : letters) {
        out.emplace_back(1, a);
        for (char b : letters) {
            out.push_back(std::string{a, b});
        }
    }
    for (const auto& e : entries) {
        const auto cps = cd::utf8::decode(e.name_zh);
        for (std::size_t from = 0; from < cps.size(); ++from) {
            std::string chars, full, initials, mixed, spaced;
            for (std::size_t k = from; k < cps.size(); ++k) {
                const auto ch = e.name_zh.substr(cps[k].begin, cps[k].end - cps[k].begin);
                const auto readings = cd::pinyin::readings(cps[k].value);
                const std::string r = readings.empty() ? ch : std::string(readings.back());
                chars += ch;
                full += r;
                initials += r.substr(0, 1);
                mixed += k % 2 ? r.substr(0, 1) : r;
                spaced += (k == from ? "" : " ") + r;
                out.insert(out.end(), {chars, full, initials, mixed, spaced});
            }
        }
        out.push_back(e.name_en);
        out.push_back(e.name_en.substr(0, e.name_en.size() / 2));
    }
    return out;
}

} // namespace

TEST_CASE("catalog search: the lookup-key shortcut finds exactly what testing every text finds",
          "[core][search]") {
    const auto entries = catalog();
    const cd::CatalogIndex index(entries);
    std::size_t checked = 0;
    std::size_t matched = 0;
    for (const auto& q : queries(entries)) {
        const auto expected = brute_force(entries, q);
        const auto r = index.search(q, entries.size());
        std::set<std::size_t> got;
        for (const auto& hit : r.hits) {
            got.insert(hit.entry);
        }
        INFO("query: \"" << q << "\"");
        REQUIRE(got == expected);
        CHECK(r.total == expected.size());
        ++checked;
        matched += expected.empty() ? 0 : 1;
    }
    CHECK(checked > 2000);
    CHECK(matched > 1000); // the queries mostly do match something: the test has teeth
}
