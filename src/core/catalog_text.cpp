#include "core/catalog_text.h"

#include "core/pinyin.h"
#include "core/utf8.h"

#include <algorithm>
#include <bit>

namespace cd::search {
namespace {

constexpr std::size_t max_query_chars = 63; // query positions 0..63 fit one 64-bit state set

bool is_ascii_alnum(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Lowercase ASCII; full-width letters, digits and space become their ASCII forms.
char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c + 32;
    }
    if (c >= 0xFF21 && c <= 0xFF3A) {
        return c - 0xFF21 + 'a';
    }
    if (c >= 0xFF41 && c <= 0xFF5A) {
        return c - 0xFF41 + 'a';
    }
    if (c >= 0xFF10 && c <= 0xFF19) {
        return c - 0xFF10 + '0';
    }
    return c == 0x3000 ? U' ' : c;
}

// Spaces and punctuation (ASCII, general, CJK, full-width forms) separate words and syllables.
bool is_separator(char32_t c) {
    return (c < 0x80 && !is_ascii_alnum(c)) || (c >= 0x80 && c <= 0xBF) ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF65) || c == 0xFFFD;
}

// Letters are bits 0-25, digits 26-35; anything else lands in a 28-bit bloom above them.
std::uint64_t bit_of(char32_t c) {
    if (c >= 'a' && c <= 'z') {
        return std::uint64_t{1} << (c - 'a');
    }
    if (c >= '0' && c <= '9') {
        return std::uint64_t{1} << (26 + c - '0');
    }
    return std::uint64_t{1} << (36 + c % 28);
}

// Keys: a code point as itself, a letter/digit alone, an ordered pair of letters/digits.
constexpr std::uint32_t letter_keys = 0x300000;
constexpr std::uint32_t pair_keys = 0x400000;

} // namespace

std::uint32_t letter_number(char32_t c) {
    return c >= 'a' ? static_cast<std::uint32_t>(c - 'a')
                    : 26 + static_cast<std::uint32_t>(c - '0');
}

namespace {

std::uint32_t letter_key(char32_t c) {
    return letter_keys + letter_number(c);
}

std::uint32_t pair_key(char32_t a, char32_t b) {
    return pair_keys + letter_number(a) * 36 + letter_number(b);
}

bool same_letter(char32_t typed, char reading) {
    // Readings write u-umlaut as "v"; people type it as either "v" or "u" (绿: lv, lu).
    return typed == static_cast<unsigned char>(reading) || (reading == 'v' && typed == 'u');
}

} // namespace

PreparedText::PreparedText(std::string_view text) {
    lowered_.assign(text);
    for (auto& ch : lowered_) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    bool in_word = false;
    const auto decoded = utf8::decode(text);
    units_.reserve(decoded.size());
    for (const auto& cp : decoded) {
        ++length_;
        const char32_t c = fold(cp.value);
        const bool ascii = is_ascii_alnum(c) && cp.end - cp.begin == 1;
        if (ascii && in_word) {
            words_.back().end = cp.end;
        } else if (ascii) {
            words_.push_back({cp.begin, cp.end});
        }
        in_word = ascii;
        if (is_separator(c)) {
            continue;
        }
        Unit unit{c, cp.begin, cp.end, bit_of(c), static_cast<std::uint32_t>(syllables_.size()), 0};
        std::uint16_t ids[pinyin::max_readings];
        const std::size_t n = pinyin::reading_ids(c, ids);
        for (std::size_t i = 0; i < n; ++i) {
            syllables_.push_back(ids[i]);
            const auto s = pinyin::syllable(ids[i]);
            unit.starts |= bit_of(static_cast<unsigned char>(s.front()));
            for (char letter : s) {
                mask_ |= bit_of(static_cast<unsigned char>(letter));
                if (letter == 'v') {
                    mask_ |= bit_of('u');
                }
            }
        }
        unit.reading_count = static_cast<std::uint8_t>(n);
        has_han_ = has_han_ || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3FFFF);
        mask_ |= unit.starts;
        units_.push_back(unit);
    }
    if (!units_.empty()) {
        content_ = {units_.front().begin, units_.back().end};
    }
    if (!has_han_) {
        units_.clear(); // only the Chinese matcher reads units; words cover the rest
        syllables_.clear();
    }
    // Thousands of these live as long as the index: keep no spare capacity.
    units_.shrink_to_fit();
    syllables_.shrink_to_fit();
    words_.shrink_to_fit();
    if (words_.empty()) {
        lowered_ = {}; // only words are read from it
    }
}

void PreparedText::keys(std::vector<std::uint32_t>& out) const {
    // The letters each unit can be typed with: its readings, or itself when it is ASCII.
    auto spellings = [&](const Unit& u, auto&& each) {
        if (u.reading_count == 0 && is_ascii_alnum(u.value)) {
            const char c = static_cast<char>(u.value);
            each(std::string_view(&c, 1));
        }
        for (std::uint8_t r = 0; r < u.reading_count; ++r) {
            each(pinyin::syllable(syllables_[u.readings + r]));
        }
    };
    auto add_pair = [&](char a, char b) {
        const auto x = static_cast<unsigned char>(a);
        const auto y = static_cast<unsigned char>(b);
        out.push_back(pair_key(x, y));
        if (x == 'v' || y == 'v') { // "u" may be typed for u-umlaut
            out.push_back(pair_key(x == 'v' ? 'u' : x, y == 'v' ? 'u' : y));
        }
    };
    for (std::size_t i = 0; i < units_.size(); ++i) {
        const Unit& u = units_[i];
        if (!is_ascii_alnum(u.value)) {
            out.push_back(static_cast<std::uint32_t>(u.value));
        }
        spellings(u, [&](std::string_view s) {
            out.push_back(letter_key(static_cast<unsigned char>(s[0])));
            // Typed letters next to each other: inside one reading, or a (partly typed)
            // reading followed by the first letter of the next unit.
            for (std::size_t j = 0; j < s.size(); ++j) {
                if (j + 1 < s.size()) {
                    add_pair(s[j], s[j + 1]);
                }
                if (i + 1 < units_.size()) {
                    spellings(units_[i + 1],
                              [&](std::string_view next) { add_pair(s[j], next[0]); });
                }
            }
        });
    }
    for (const auto& w : words_) {
        out.push_back(letter_key(static_cast<unsigned char>(lowered_[w.begin])));
        for (auto j = w.begin; j + 1 < w.end; ++j) {
            add_pair(lowered_[j], lowered_[j + 1]);
        }
    }
}

char32_t Query::single_ascii() const {
    return chars_.size() == 1 && is_ascii_alnum(chars_[0]) ? chars_[0] : 0;
}

std::vector<std::uint32_t> Query::keys() const {
    std::vector<std::uint32_t> out;
    if (is_ascii_alnum(chars_.front())) {
        out.push_back(letter_key(chars_.front()));
    }
    for (std::size_t i = 0; i < chars_.size(); ++i) {
        const char32_t c = chars_[i];
        if (!is_ascii_alnum(c)) {
            out.push_back(static_cast<std::uint32_t>(c));
        } else if (i + 1 < chars_.size() && is_ascii_alnum(chars_[i + 1]) && !boundary_[i + 1]) {
            out.push_back(pair_key(c, chars_[i + 1]));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Query::Query(std::string_view text) {
    bool separated = false;
    bool in_token = false;
    for (const auto& cp : utf8::decode(text)) {
        const char32_t c = fold(cp.value);
        if (is_separator(c)) {
            separated = !chars_.empty();
            in_token = false;
            continue;
        }
        if (chars_.size() == max_query_chars) {
            break;
        }
        const bool ascii = is_ascii_alnum(c);
        if (ascii && in_token) {
            tokens_.back().push_back(static_cast<char>(c));
        } else if (ascii) {
            tokens_.emplace_back(1, static_cast<char>(c));
        }
        in_token = ascii;
        ascii_ = ascii_ && ascii;
        chars_.push_back(c);
        boundary_.push_back(separated);
        separated = false;
        mask_ |= bit_of(c);
    }
}

Match Query::match(const PreparedText& text, std::vector<Range>* ranges) const {
    if (chars_.empty()) {
        return {};
    }
    std::vector<Range> han_ranges, word_ranges;
    Match han, words;
    if (text.has_han_ && (mask_ & ~text.mask_) == 0) {
        han = match_han(text, ranges ? &han_ranges : nullptr);
    }
    if (ascii_ && !text.words_.empty()) {
        words = match_words(text, ranges ? &word_ranges : nullptr);
    }
    const bool words_better =
        words.tier < han.tier || (words.tier == han.tier && words.start < han.start);
    if (ranges) {
        *ranges = words_better ? std::move(word_ranges) : std::move(han_ranges);
    }
    return words_better ? words : han;
}

std::uint64_t Query::step(const PreparedText& text, const Unit& unit, std::uint64_t states) const {
    const std::size_t q = chars_.size();
    std::uint64_t next = 0;
    for (std::uint64_t rest = states; rest != 0; rest &= rest - 1) {
        const auto p = static_cast<std::size_t>(std::countr_zero(rest));
        if (p >= q) {
            continue;
        }
        if (chars_[p] == unit.value) {
            next |= std::uint64_t{1} << (p + 1);
        }
        for (std::uint8_t r = 0; r < unit.reading_count; ++r) {
            const auto s = pinyin::syllable(text.syllables_[unit.readings + r]);
            // A prefix of any reading, not reaching across a space the user typed: the whole
            // syllable, its initial (s, sh), or any part of it at the end of the query (still
            // being typed). "she" in the middle of "shebao" is not 参 (shen).
            const bool digraph =
                s.size() > 2 && s[1] == 'h' && (s[0] == 'z' || s[0] == 'c' || s[0] == 's');
            for (std::size_t len = 0; p + len < q && len < s.size() &&
                                      same_letter(chars_[p + len], s[len]) &&
                                      (len == 0 || !boundary_[p + len]);) {
                ++len;
                if (len == s.size() || p + len == q || len == 1 || (len == 2 && digraph)) {
                    next |= std::uint64_t{1} << (p + len);
                }
            }
        }
    }
    return next;
}

Match Query::match_han(const PreparedText& text, std::vector<Range>* ranges) const {
    const auto& units = text.units_;
    const std::size_t q = chars_.size();
    const std::uint64_t done = std::uint64_t{1} << q;
    const char32_t first = chars_.front();
    const std::uint64_t first_bit = bit_of(first);
    for (std::size_t s = 0; s < units.size(); ++s) {
        const bool can_start =
            is_ascii_alnum(first) ? (units[s].starts & first_bit) != 0 : units[s].value == first;
        if (!can_start) {
            continue;
        }
        std::uint64_t states = 1;
        std::size_t end = units.size();
        bool whole = false;
        for (std::size_t k = s; k < units.size() && states != 0; ++k) {
            states = step(text, units[k], states);
            if ((states & done) != 0) {
                end = end == units.size() ? k : end;
                whole = k + 1 == units.size();
                states &= ~done;
                if (s != 0) {
                    break; // a later start can only be a substring: the earliest end will do
                }
            }
        }
        if (end == units.size()) {
            continue;
        }
        const Tier tier = s != 0 ? Tier::substring : whole ? Tier::exact : Tier::prefix;
        if (whole && s == 0) {
            end = units.size() - 1;
        }
        if (ranges) {
            ranges->push_back({units[s].begin, units[end].end});
        }
        return {tier, units[s].begin};
    }
    return {};
}

Match Query::match_words(const PreparedText& text, std::vector<Range>* ranges) const {
    const auto& words = text.words_;
    auto starts_with = [&](const Word& w, const std::string& token) {
        const std::string_view word(text.lowered_.data() + w.begin, w.end - w.begin);
        return word.substr(0, token.size()) == token;
    };
    auto add = [&](const Word& w, const std::string& token) {
        if (ranges) {
            ranges->push_back({w.begin, static_cast<std::uint32_t>(w.begin + token.size())});
        }
    };
    // Leading words in order: a name prefix (or the whole name when every word is complete).
    // (An ASCII word inside a Chinese name only leads when nothing comes before it.)
    bool leading = tokens_.size() <= words.size() && words.front().begin == text.content_.begin;
    bool whole = tokens_.size() == words.size() && words.back().end == text.content_.end;
    for (std::size_t i = 0; leading && i < tokens_.size(); ++i) {
        leading = starts_with(words[i], tokens_[i]);
        whole = whole && leading && words[i].end - words[i].begin == tokens_[i].size();
    }
    if (leading) {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            add(words[i], tokens_[i]);
        }
        return {whole ? Tier::exact : Tier::prefix, words.front().begin};
    }
    // Otherwise each token starts a word of its own, in any order ("passport renewal" finds
    // "Renewal of ordinary passport"); the earliest word that fits each token is taken.
    std::uint64_t used = 0;
    std::uint32_t start = static_cast<std::uint32_t>(-1);
    const std::size_t usable = std::min<std::size_t>(words.size(), 64);
    for (const auto& token : tokens_) {
        std::size_t w = 0;
        while (w < usable && (((used >> w) & 1u) != 0 || !starts_with(words[w], token))) {
            ++w;
        }
        if (w == usable) {
            if (ranges) {
                ranges->clear();
            }
            return {};
        }
        used |= std::uint64_t{1} << w;
        start = std::min(start, words[w].begin);
        add(words[w], token);
    }
    if (ranges) {
        std::sort(ranges->begin(), ranges->end(),
                  [](const Range& a, const Range& b) { return a.begin < b.begin; });
    }
    return {Tier::substring, start};
}

} // namespace cd::search
