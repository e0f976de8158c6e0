#include "catch.hpp"

#include "core/amount_words.h"

#include <cstdint>
#include <limits>

using cd::Money;

TEST_CASE("an amount reads in English words, yuan then fen", "[core][money]") {
    CHECK(cd::amount_in_english_words(Money{12850}) == "one hundred twenty-eight yuan fifty fen");
    CHECK(cd::amount_in_english_words(Money{0}) == "zero yuan");
    CHECK(cd::amount_in_english_words(Money{5}) == "five fen");
    CHECK(cd::amount_in_english_words(Money{100}) == "one yuan");
    CHECK(cd::amount_in_english_words(Money{1'100'011}) == "eleven thousand yuan eleven fen");
    CHECK(cd::amount_in_english_words(Money{2'000'000'00}) == "two million yuan");
    CHECK(cd::amount_in_english_words(Money{1'002'003'04}) ==
          "one million two thousand three yuan four fen");
    CHECK(cd::amount_in_english_words(Money{cd::max_amount_fen}) == "ten billion yuan");
    CHECK(cd::amount_in_english_words(Money{-1999}) == "minus nineteen yuan ninety-nine fen");
}

TEST_CASE("an amount reads in Chinese uppercase numerals as on a cheque", "[core][money]") {
    CHECK(cd::amount_in_chinese_capitals(Money{12850}) == "壹佰贰拾捌元伍角");
    CHECK(cd::amount_in_chinese_capitals(Money{12856}) == "壹佰贰拾捌元伍角陆分");
    CHECK(cd::amount_in_chinese_capitals(Money{0}) == "零元整");
    CHECK(cd::amount_in_chinese_capitals(Money{50}) == "伍角");
    CHECK(cd::amount_in_chinese_capitals(Money{5}) == "伍分");
    CHECK(cd::amount_in_chinese_capitals(Money{1000}) == "壹拾元整");
    CHECK(cd::amount_in_chinese_capitals(Money{105}) == "壹元零伍分");
    CHECK(cd::amount_in_chinese_capitals(Money{100500}) == "壹仟零伍元整");
    CHECK(cd::amount_in_chinese_capitals(Money{101000}) == "壹仟零壹拾元整");
    CHECK(cd::amount_in_chinese_capitals(Money{1000000}) == "壹万元整");
    CHECK(cd::amount_in_chinese_capitals(Money{1010000}) == "壹万零壹佰元整");
    CHECK(cd::amount_in_chinese_capitals(Money{10000000000}) == "壹亿元整");
    CHECK(cd::amount_in_chinese_capitals(Money{10001000000}) == "壹亿零壹万元整");
    CHECK(cd::amount_in_chinese_capitals(Money{12345678900}) ==
          "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整");
    CHECK(cd::amount_in_chinese_capitals(Money{cd::max_amount_fen}) == "壹佰亿元整");
    CHECK(cd::amount_in_chinese_capitals(Money{-100}) == "负壹元整");
}

TEST_CASE("the extreme int64 amount is written without overflow", "[core][money]") {
    const Money lowest{std::numeric_limits<std::int64_t>::min()};
    CHECK(cd::amount_in_english_words(lowest).starts_with("minus ninety-two quadrillion"));
    CHECK(cd::amount_in_chinese_capitals(lowest).starts_with("负玖"));
}
