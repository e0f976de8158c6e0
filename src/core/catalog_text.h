// The matching behind CatalogIndex (internal to core): a text prepared once at index build time,
// a query prepared once per search, and the test of one against the other.
// Han characters match themselves or any of their readings (every reading of a polyphone):
// whole, by its initial (s, sh), or half-typed at the end of the query; spaces in the query only
// mark syllable boundaries; ASCII words match by word prefix, case-insensitively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cd::search {

// Letters a-z are 0-25, digits 26-35.
std::uint32_t letter_number(char32_t ascii_letter_or_digit);

struct Range {
    std::uint32_t begin; // UTF-8 byte offsets, end exclusive
    std::uint32_t end;
};

// Lower is better; "none" means no match.
enum class Tier : std::uint8_t { exact, prefix, substring, none };

struct Unit {
    char32_t value;      // lowercased; a Han character or an ASCII letter or digit
    std::uint32_t begin; // byte range in the text
    std::uint32_t end;
    std::uint64_t starts;   // letters a reading of this unit (or the unit itself) starts with
    std::uint32_t readings; // first syllable id in PreparedText::syllables
    std::uint8_t reading_count;
};

struct Word {
    std::uint32_t begin; // byte range in the text (ASCII, so also its length)
    std::uint32_t end;
};

class PreparedText {
public:
    explicit PreparedText(std::string_view text);
    std::size_t length() const { return length_; } // code points

    // Lookup keys (see Query::keys): a query can only match this text if it has all of them.
    // Appends, unsorted and possibly repeated.
    void keys(std::vector<std::uint32_t>& out) const;

private:
    friend class Query;
    std::vector<Unit> units_;
    std::vector<std::uint16_t> syllables_;
    std::string lowered_; // the text with ASCII letters lowercased (words are read from it)
    std::vector<Word> words_;
    Range content_{0, 0}; // from the first letter or character to the last, punctuation aside
    bool has_han_ = false;
    std::uint64_t mask_ = 0; // every letter/digit it could match, plus a bloom of Han characters
    std::size_t length_ = 0;
};

struct Match {
    Tier tier = Tier::none;
    std::uint32_t start = 0; // byte offset where the match starts (ranking: earlier is better)
};

class Query {
public:
    explicit Query(std::string_view text);
    bool empty() const { return chars_.empty(); }
    // The query's character when it is a single ASCII letter or digit, else 0.
    char32_t single_ascii() const;

    // What a text must offer to be matched (all of them, see PreparedText::keys): the first
    // letter, each pair of adjacent letters typed without a space, each non-ASCII character.
    std::vector<std::uint32_t> keys() const;

    // How well this query matches the text; fills `ranges` (if given) with what matched.
    Match match(const PreparedText& text, std::vector<Range>* ranges = nullptr) const;

private:
    Match match_han(const PreparedText& text, std::vector<Range>* ranges) const;
    Match match_words(const PreparedText& text, std::vector<Range>* ranges) const;
    std::uint64_t step(const PreparedText& text, const Unit& unit, std::uint64_t states) const;

    std::vector<char32_t> chars_;     // lowercased, separators removed, at most 63
    std::vector<bool> boundary_;      // boundary_[i]: a separator stood before chars_[i]
    std::vector<std::string> tokens_; // ASCII words, for English matching
    std::uint64_t mask_ = 0;
    bool ascii_ = true;
};

} // namespace cd::search
