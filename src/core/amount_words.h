// An amount of money written out in words, so that a payment can be confirmed by reading
// rather than by counting digits (the aging-friendly rules ask for it): English words for
// the English interface, and the uppercase financial numerals (大写金额) a Chinese cheque or
// receipt uses, which cannot be altered by adding a stroke.
#pragma once

#include "core/money.h"

#include <string>

namespace cd {

// "one hundred twenty-eight yuan fifty fen", "zero yuan", "minus five fen".
std::string amount_in_english_words(Money amount);

// "壹佰贰拾捌元伍角", "壹仟零伍元整", "伍分", "负壹元整" (UTF-8), after the People's Bank
// rules for writing amounts: one 零 for a run of zeros, 整 when there are no fen.
std::string amount_in_chinese_capitals(Money amount);

} // namespace cd
