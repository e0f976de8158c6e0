// Catalog search over a small hand-made catalog: which services come first for Chinese, pinyin,
// initials, polyphones, English, mixed and spaced input, and what each result highlights.
#include "catch.hpp"

#include "core/catalog_index.h"

#include <future>
#include <string>
#include <vector>

namespace {

using cd::MatchTier;
using cd::ServiceKind;

cd::CatalogEntry entry(std::string id, std::string zh, std::string en,
                       std::vector<std::string> keywords, std::vector<std::string> events = {}) {
    const auto kind = id[0] == 'G' ? ServiceKind::government : ServiceKind::convenience;
    return {std::move(id),    kind, std::move(zh), std::move(en), std::move(keywords),
            std::move(events)};
}

const cd::CatalogIndex& index() {
    static const cd::CatalogIndex built({
        entry("G01", "社保卡补办", "Social security card replacement", {"社保", "social security"},
              {"就业", "Working"}),
        entry("G02", "社会保障卡申领", "Social security card application", {"社保卡", "医保"}),
        entry("G03", "居住证办理", "Residence permit application", {"居住证", "residence permit"},
              {"迁居", "Moving house"}),
        entry("G04", "公积金提取", "Housing fund withdrawal", {"公积金", "housing fund"},
              {"购房", "Buying a home"}),
        entry("G05", "行政许可申请", "Administrative licence application", {"许可", "licence"}),
        entry("G06", "驾驶证换领", "Driving licence renewal", {"驾照"}, {"驾车", "Driving"}),
        entry("G07", "结婚登记", "Marriage registration", {"结婚"}, {"婚姻", "Marriage"}),
        entry("G08", "出生医学证明", "Birth medical certificate", {"新生儿", "newborn"},
              {"生育", "Having a baby"}),
        entry("G09", "银行卡挂失", "Bank card loss report", {"挂失"}),
        entry("G10", "社保查询", "Social security inquiry", {"查询"}),
        entry("G11", "校长信箱", "Principal's mailbox", {"教育"}),
        entry("G12", "重大疾病医保报销", "Critical illness reimbursement", {"大病"}),
        entry("C01", "工商银行卡办理", "ICBC bank card service", {"银行卡", "bank card"}),
        entry("C02", "重庆路营业厅", "Chongqing Road service hall", {"营业厅"}),
        entry("C03", "长乐区政务服务中心", "Changle District service centre", {"政务"}),
        entry("C04", "水费缴纳", "Water bill payment", {"水费", "自来水", "water"}),
        entry("C05", "电费缴纳", "Electricity bill payment", {"电费", "electricity"}),
        entry("C06", "绿化养护预约", "Greening maintenance booking", {"园林"}),
        entry("C07", "社区卫生服务中心", "Community health centre", {"医疗"}),
        entry("C08", "5G套餐办理", "5G plan signup", {"宽带", "broadband"}),
        entry("C09", "长江路便利店", "Changjiang Road convenience store", {"便利店"}),
    });
    return built;
}

std::vector<std::string> top_ids(const cd::SearchResults& r, std::size_t n) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < r.hits.size() && i < n; ++i) {
        ids.push_back(index().entries()[r.hits[i].entry].id);
    }
    return ids;
}

struct Case {
    const char* query;
    std::vector<std::string> top; // the first results, in order (empty: nothing matches)
    MatchTier first_tier = MatchTier::exact_name;
};

} // namespace

TEST_CASE("catalog search: expected top results for typical input", "[core][search]") {
    using T = MatchTier;
    const std::vector<Case> cases = {
        // Chinese substring of names, then keywords.
        {"社保", {"G10", "G01", "G02"}, T::name_prefix},
        {"社保卡补办", {"G01"}, T::exact_name},
        {"保障", {"G02"}, T::name_substring},
        {"居住证", {"G03"}, T::name_prefix},
        {"行政", {"G05"}, T::name_prefix},
        {"重庆", {"C02"}, T::name_prefix},
        {"卡", {"G01", "G09", "C01", "G02"}, T::name_substring},
        // Full pinyin.
        {"shebao", {"G10", "G01", "G02"}, T::name_prefix},
        {"baozhang", {"G02"}, T::name_substring},
        {"juzhuzheng", {"G03"}, T::name_prefix},
        {"kabuban", {"G01"}, T::name_substring},
        {"gongshangyinhang", {"C01"}, T::name_prefix},
        // Initials, and initials mixed with whole syllables.
        {"sb", {"G10", "G01", "G02"}, T::name_prefix},
        {"sbk", {"G01", "G02"}, T::name_prefix},
        {"sbkbb", {"G01"}, T::exact_name},
        {"jzz", {"G03"}, T::name_prefix},
        {"gjj", {"G04"}, T::name_prefix},
        {"shhbzk", {"G02"}, T::name_prefix},
        {"cq", {"C02"}, T::name_prefix},
        {"xz", {"G11", "G05"}, T::name_prefix},
        // Polyphones: every reading, full and initial.
        {"xingzheng", {"G05"}, T::name_prefix},
        {"yinhang", {"G09", "C01"}, T::name_prefix},
        {"yh", {"G09", "C06", "C01"}, T::name_prefix},
        {"hang", {"G05", "G09", "C01"}, T::name_prefix},
        {"chongqing", {"C02"}, T::name_prefix},
        {"zhongqing", {"C02"}, T::name_prefix},
        {"zhongda", {"G12"}, T::name_prefix},
        {"changle", {"C03"}, T::name_prefix},
        {"changjiang", {"C09"}, T::name_prefix},
        {"xiaozhang", {"G11"}, T::name_prefix},
        {"lvhua", {"C06"}, T::name_prefix},
        {"luhua", {"C06"}, T::name_prefix},
        // Mixed and spaced.
        {"社保 ka", {"G01", "G02"}, T::name_prefix},
        {"社保ka", {"G01", "G02"}, T::name_prefix},
        {"社保 卡", {"G01", "G02"}, T::name_prefix},
        {"she bao", {"G10", "G01", "G02"}, T::name_prefix},
        {"shebaok", {"G01", "G02"}, T::name_prefix},
        {"gongjijin tiqu", {"G04"}, T::exact_name},
        {"ＳＢＫ", {"G01", "G02"}, T::name_prefix},
        // English words and prefixes, any case.
        {"water", {"C04"}, T::name_prefix},
        {"WATER BILL", {"C04"}, T::name_prefix},
        {"water bill payment", {"C04"}, T::exact_name},
        {"bill", {"C04", "C05"}, T::name_substring},
        {"pay", {"C04", "C05"}, T::name_substring},
        {"card", {"G09", "C01", "G01", "G02"}, T::name_substring},
        {"soc sec", {"G10", "G01", "G02"}, T::name_prefix},
        {"permit residence", {"G03"}, T::name_substring},
        {"card bank", {"G09", "C01"}, T::name_substring},
        {"5g", {"C08"}, T::name_prefix},
        // One letter: every name with a reading starting with it, shortest first.
        {"s", {"C04", "G10", "G01", "G02", "C07"}, T::name_prefix},
        // Keywords and life events rank below names.
        {"新生儿", {"G08"}, T::keyword},
        {"newborn", {"G08"}, T::keyword},
        {"购房", {"G04"}, T::life_event},
        {"buying home", {"G04"}, T::life_event},
        {"moving", {"G03"}, T::life_event},
        // Nothing.
        {"xyzq", {}},
        {"税务", {}},
        {"   ", {}},
        {"", {}},
    };
    for (const auto& c : cases) {
        INFO("query: \"" << c.query << "\"");
        const auto r = index().search(c.query);
        CHECK(top_ids(r, c.top.size()) == c.top);
        if (c.top.empty()) {
            CHECK(r.total == 0);
        } else if (!r.hits.empty()) {
            CHECK(r.hits.front().tier == c.first_tier);
        }
    }
}

TEST_CASE("catalog search: a half-typed syllable counts only at the end of the query",
          "[core][search]") {
    // 参 reads can, cen or shen. "she" is half of shen, so "shebao" must not find 参保 (a citizen
    // typing shebao means 社保); "she" alone still may (shen is being typed).
    const cd::CatalogIndex small({
        entry("G20", "医保参保登记", "Medical insurance enrolment", {}),
        entry("G21", "社保查询", "Social security inquiry", {}),
    });
    const auto ids = [&](const char* q) {
        std::vector<std::string> out;
        for (const auto& hit : small.search(q).hits) {
            out.push_back(small.entries()[hit.entry].id);
        }
        return out;
    };
    CHECK(ids("shebao") == std::vector<std::string>{"G21"});
    CHECK(ids("shenbao") == std::vector<std::string>{"G20"});
    CHECK(ids("canbao") == std::vector<std::string>{"G20"});
    CHECK(ids("ybcb") == std::vector<std::string>{"G20"});
    CHECK(ids("shbcx") == std::vector<std::string>{"G21"}); // sh: the initial of 社
    CHECK(ids("she").size() == 2);
    CHECK(ids("sheb") == std::vector<std::string>{"G21"}); // she + the initial of 保
}

TEST_CASE("catalog search: highlights are UTF-8 byte ranges of the matched name part",
          "[core][search]") {
    using R = cd::TextRange;
    auto first = [](const char* q) {
        return index().search(q).hits.at(0);
    };
    CHECK(first("社保卡补办").name_zh == std::vector<R>{{0, 15}});
    CHECK(first("sbk").name_zh == std::vector<R>{{0, 9}});
    CHECK(first("社保 ka").name_zh == std::vector<R>{{0, 9}});
    CHECK(first("baozhang").name_zh == std::vector<R>{{6, 12}});
    CHECK(first("kabuban").name_zh == std::vector<R>{{6, 15}});
    CHECK(first("xingzheng").name_zh == std::vector<R>{{0, 6}});
    const auto water = first("WATER BILL");
    CHECK(water.name_en == std::vector<R>{{0, 5}, {6, 10}});
    CHECK(water.name_zh.empty());
    CHECK(first("bill wat").name_en == std::vector<R>{{0, 3}, {6, 10}});
    const auto pay = first("pay");
    CHECK(pay.name_en == std::vector<R>{{11, 14}});
}

TEST_CASE("catalog search: keyword and life-event hits say which one matched", "[core][search]") {
    const auto kw = index().search("newborn").hits.at(0);
    CHECK(kw.tier == MatchTier::keyword);
    CHECK(kw.matched_item == 1);
    CHECK(kw.name_zh.empty());
    CHECK(kw.name_en.empty());
    const auto ev = index().search("Moving house").hits.at(0);
    CHECK(ev.tier == MatchTier::life_event);
    CHECK(ev.matched_item == 1);
}

TEST_CASE("catalog search: limit keeps the best hits and total counts all", "[core][search]") {
    const auto all = index().search("s", 100);
    const auto two = index().search("s", 2);
    REQUIRE(all.total >= 5);
    CHECK(two.total == all.total);
    REQUIRE(two.hits.size() == 2);
    CHECK(two.hits[0].entry == all.hits[0].entry);
    CHECK(two.hits[1].entry == all.hits[1].entry);
    CHECK(all.hits.size() == all.total);
}

TEST_CASE("catalog search: an empty index and malformed UTF-8 find nothing", "[core][search]") {
    const cd::CatalogIndex empty;
    CHECK(empty.search("sbk").total == 0);
    CHECK(index().search("\xff\xfe").total == 0);
    CHECK(index().search(std::string(200, 'a')).total == 0);
}

TEST_CASE("catalog search: one index serves searches from several threads", "[core][search]") {
    const std::vector<std::string> queries = {"社保", "sbk", "water bill", "yh", "s", "卡", "hang"};
    std::vector<std::vector<std::size_t>> expected;
    for (const auto& q : queries) {
        std::vector<std::size_t> entries;
        for (const auto& hit : index().search(q).hits) {
            entries.push_back(hit.entry);
        }
        expected.push_back(entries);
    }
    std::vector<std::future<bool>> workers;
    for (int w = 0; w < 4; ++w) {
        workers.push_back(std::async(std::launch::async, [&] {
            bool same = true;
            for (int round = 0; round < 200; ++round) {
                const auto i = static_cast<std::size_t>(round) % queries.size();
                std::vector<std::size_t> entries;
                for (const auto& hit : index().search(queries[i]).hits) {
                    entries.push_back(hit.entry);
                }
                same = same && entries == expected[i];
            }
            return same;
        }));
    }
    for (auto& w : workers) {
        CHECK(w.get());
    }
}
