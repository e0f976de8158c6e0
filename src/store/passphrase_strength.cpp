#include "store/passphrase_strength.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace cd::store {
namespace {

// Code points, so that a passphrase in Chinese is measured by what the citizen typed.
std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k) {
            cp =
                (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3f);
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

bool is_common(std::string_view s) {
    static constexpr std::array<std::string_view, 12> common = {
        "password",  "12345678",  "123456789", "1234567890", "qwertyuiop", "iloveyou",
        "qwerty123", "password1", "abc123456", "a123456789", "woaini1314", "1qaz2wsx3edc"};
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(common.begin(), common.end(), lower) != common.end();
}

// Every step between neighbours the same (+1, -1 or 0): "1234567890", "aaaaaaaaaa", "zyxw...".
bool is_sequence(const std::vector<char32_t>& cps) {
    if (cps.size() < 2) {
        return true;
    }
    const auto step = static_cast<long>(cps[1]) - static_cast<long>(cps[0]);
    if (step < -1 || step > 1) {
        return false;
    }
    for (std::size_t i = 2; i < cps.size(); ++i) {
        if (static_cast<long>(cps[i]) - static_cast<long>(cps[i - 1]) != step) {
            return false;
        }
    }
    return true;
}

} // namespace

Status require_acceptable_passphrase(std::string_view utf8) {
    PassphraseStrength strength = passphrase_strength(utf8);
    if (strength.acceptable) {
        return Done{};
    }
    Error e = make_error(ErrorKind::validation, "the passphrase breaks the minimum rules");
    e.user_message = std::move(strength.problems.front());
    return e;
}

Message passphrase_rules() {
    return msg(N_("Use at least {0} characters and at least two kinds of character (letters, "
                  "digits, symbols or Chinese characters). A short sentence is easy to remember "
                  "and hard to guess."),
               {std::to_string(min_passphrase_characters)});
}

PassphraseStrength passphrase_strength(std::string_view utf8) {
    PassphraseStrength r;
    const auto cps = code_points(utf8);
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (char32_t c : cps) {
        if (c >= 0x80) {
            other = true;
        } else if (c >= 'a' && c <= 'z') {
            lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            upper = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else {
            symbol = true;
        }
    }
    const int kinds =
        (lower || upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) + (other ? 1 : 0);
    const int length = static_cast<int>(cps.size());

    if (length < min_passphrase_characters) {
        r.problems.push_back(msg(N_("The passphrase needs at least {0} characters."),
                                 {std::to_string(min_passphrase_characters)}));
    }
    if (kinds < 2) {
        r.problems.push_back(msg(N_("Mix at least two kinds of character: letters, digits, "
                                    "symbols or Chinese characters.")));
    }
    if (is_common(utf8) || is_sequence(cps)) {
        r.problems.push_back(
            msg(N_("This passphrase is too easy to guess. Avoid common words and sequences.")));
    }
    r.acceptable = r.problems.empty();
    if (!r.acceptable) {
        r.level = PassphraseLevel::too_weak;
        r.hint = r.problems.front();
        return r;
    }
    // Rough score: length counts most, every extra kind of character helps.
    const int score = length + 3 * (kinds + (lower && upper ? 1 : 0));
    if (score >= 30) {
        r.level = PassphraseLevel::strong;
        r.hint = msg(N_("Strong passphrase."));
    } else if (score >= 22) {
        r.level = PassphraseLevel::good;
        r.hint = msg(N_("Good passphrase. A few more characters make it stronger."));
    } else {
        r.level = PassphraseLevel::fair;
        r.hint = msg(N_("Fair passphrase. A longer one is safer."));
    }
    return r;
}

} // namespace cd::store
