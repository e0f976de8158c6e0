// The generated Unihan pinyin table: known readings, polyphones, u-umlaut, and what has none.
#include "catch.hpp"

#include "core/pinyin.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

bool has(const std::vector<std::string_view>& readings, std::string_view r) {
    return std::find(readings.begin(), readings.end(), r) != readings.end();
}

} // namespace

TEST_CASE("pinyin: a common character has its reading, preferred first", "[core][search]") {
    const auto zhong = cd::pinyin::readings(U'中');
    REQUIRE_FALSE(zhong.empty());
    CHECK(zhong.front() == "zhong");
    CHECK(cd::pinyin::readings(U'社').front() == "she");
    CHECK(cd::pinyin::readings(U'保').front() == "bao");
    CHECK(cd::pinyin::readings(U'卡').front() == "ka");
}

TEST_CASE("pinyin: polyphones have every modern reading", "[core][search]") {
    const auto xing = cd::pinyin::readings(U'行');
    CHECK(xing.front() == "xing");
    CHECK(has(xing, "hang"));
    const auto zhong = cd::pinyin::readings(U'重');
    CHECK(zhong.front() == "zhong");
    CHECK(has(zhong, "chong"));
    const auto chang = cd::pinyin::readings(U'长');
    CHECK(has(chang, "chang"));
    CHECK(has(chang, "zhang"));
    // Readings are distinct once tones are gone (中 zhōng/zhòng is one entry).
    const auto zh = cd::pinyin::readings(U'中');
    CHECK(std::count(zh.begin(), zh.end(), std::string_view("zhong")) == 1);
}

TEST_CASE("pinyin: u-umlaut is written v, and Unihan's lu reading of 绿 is kept",
          "[core][search]") {
    const auto lv = cd::pinyin::readings(U'绿');
    REQUIRE(lv.size() == 2);
    CHECK(lv[0] == "lv");
    CHECK(lv[1] == "lu");
    CHECK(cd::pinyin::readings(U'女').front() == "nv");
}

TEST_CASE("pinyin: Extension A is covered, other scripts have no reading", "[core][search]") {
    CHECK_FALSE(cd::pinyin::readings(U'\u3400').empty()); // 㐀 qiu
    CHECK(cd::pinyin::readings(U'a').empty());
    CHECK(cd::pinyin::readings(U'，').empty());
    CHECK(cd::pinyin::readings(U'\U00020000').empty()); // Extension B: not in the table
}

TEST_CASE("pinyin: syllable numbers round-trip to the same text", "[core][search]") {
    std::uint16_t ids[cd::pinyin::max_readings];
    const auto n = cd::pinyin::reading_ids(U'行', ids);
    const auto text = cd::pinyin::readings(U'行');
    REQUIRE(n == text.size());
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(cd::pinyin::syllable(ids[i]) == text[i]);
    }
    CHECK(cd::pinyin::syllable(60000).empty());
}
