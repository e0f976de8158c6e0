#include "diag/redact.h"

#include <array>
#include <cctype>

namespace cd::diag {
namespace {

// U+E000 and U+E001 (private use) bracket a secret; no legitimate text we log contains them.
constexpr std::string_view secret_open = "\xEE\x80\x80";
constexpr std::string_view secret_close = "\xEE\x80\x81";
constexpr std::string_view mask = "***";

constexpr std::array<std::string_view, 21> secret_keys{"password",
                                                       "passwd",
                                                       "passphrase",
                                                       "pin",
                                                       "secret",
                                                       "client_secret",
                                                       "token",
                                                       "access_token",
                                                       "refresh_token",
                                                       "id_token",
                                                       "session_token",
                                                       "api_key",
                                                       "apikey",
                                                       "x-api-key",
                                                       "otp",
                                                       "verification_code",
                                                       "sms_code",
                                                       "authorization",
                                                       "proxy-authorization",
                                                       "cookie",
                                                       "set-cookie"};

bool is_ident(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool is_secret_key(std::string_view key) {
    const std::string k = lower(key);
    for (auto s : secret_keys) {
        if (k == s) {
            return true;
        }
    }
    return false;
}

std::string strip_marked(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto open = text.find(secret_open, pos);
        if (open == std::string_view::npos) {
            out.append(text.substr(pos));
            return out;
        }
        out.append(text.substr(pos, open - pos));
        out.append(mask);
        const auto close = text.find(secret_close, open + secret_open.size());
        if (close == std::string_view::npos) {
            return out; // unterminated: hide everything after the mark
        }
        pos = close + secret_close.size();
    }
}

// key=value, key: value, "key":"value", 'key' = 'value' for the keys above.
std::string strip_secret_fields(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_ident(text[i]) || (i > 0 && is_ident(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && is_ident(text[j])) {
            ++j;
        }
        const std::string_view key = text.substr(i, j - i);
        std::size_t k = j;
        if (k < text.size() && (text[k] == '"' || text[k] == '\'')) {
            ++k;
        }
        while (k < text.size() && text[k] == ' ') {
            ++k;
        }
        if (!is_secret_key(key) || k >= text.size() || (text[k] != '=' && text[k] != ':')) {
            out.append(key);
            i = j;
            continue;
        }
        ++k;
        while (k < text.size() && text[k] == ' ') {
            ++k;
        }
        out.append(text.substr(i, k - i));
        const bool whole_line = lower(key).find("authorization") != std::string::npos ||
                                lower(key).find("cookie") != std::string::npos;
        if (k < text.size() && (text[k] == '"' || text[k] == '\'')) {
            const char quote = text[k];
            std::size_t end = k + 1;
            while (end < text.size() && text[end] != quote) {
                end += (text[end] == '\\' && end + 1 < text.size()) ? 2 : 1;
            }
            out += quote;
            out.append(mask);
            if (end < text.size()) {
                out += quote;
                ++end;
            }
            i = end;
            continue;
        }
        std::size_t end = k;
        while (end < text.size() && text[end] != '\n' &&
               (whole_line ||
                std::string_view("&,; }\"')\t").find(text[end]) == std::string_view::npos)) {
            ++end;
        }
        if (end > k) {
            out.append(mask);
        }
        i = end;
    }
    return out;
}

// "Bearer <token>" wherever it appears (headers, messages, quoted values).
std::string strip_bearer(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if ((i == 0 || !is_ident(text[i - 1])) && i + 6 < text.size() &&
            lower(text.substr(i, 6)) == "bearer" && text[i + 6] == ' ') {
            std::size_t k = i + 6;
            while (k < text.size() && text[k] == ' ') {
                ++k;
            }
            std::size_t end = k;
            while (end < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[end])) ||
                    std::string_view("-._~+/=").find(text[end]) != std::string_view::npos)) {
                ++end;
            }
            out.append(text.substr(i, k - i));
            if (end > k) {
                out.append(mask);
            }
            i = end;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::size_t digit_run(std::string_view s, std::size_t from) {
    std::size_t j = from;
    while (j < s.size() && is_digit(s[j])) {
        ++j;
    }
    return j - from;
}

// Length of a grouped number starting at i ("138 1234 5678", "110101 19900307 451X"), or 0.
std::size_t grouped_match(std::string_view s, std::size_t i,
                          std::initializer_list<std::size_t> groups, bool last_may_be_x) {
    std::size_t pos = i;
    std::size_t index = 0;
    for (std::size_t g : groups) {
        const bool last = index + 1 == groups.size();
        std::size_t run = digit_run(s, pos);
        if (last && last_may_be_x && run == g - 1 && pos + run < s.size() &&
            (s[pos + run] == 'X' || s[pos + run] == 'x')) {
            run = g;
        } else if (run != g) {
            return 0;
        }
        pos += run;
        if (!last) {
            if (pos >= s.size() || (s[pos] != ' ' && s[pos] != '-')) {
                return 0;
            }
            ++pos;
        }
        ++index;
    }
    if (pos < s.size() && is_digit(s[pos])) {
        return 0;
    }
    return pos - i;
}

bool mobile_prefix(std::string_view s, std::size_t i) {
    return s[i] == '1' && i + 1 < s.size() && s[i + 1] >= '3' && s[i + 1] <= '9';
}

std::string strip_numbers(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        const std::size_t run = digit_run(text, i);
        const bool x_suffix =
            i + run < text.size() && (text[i + run] == 'X' || text[i + run] == 'x');
        std::size_t hide = 0;
        if (run == 18 || (run == 17 && x_suffix)) {
            hide = 18;
        } else if (run == 11 && mobile_prefix(text, i)) {
            hide = 11;
        } else if ((run == 13 && text.substr(i, 2) == "86" && mobile_prefix(text, i + 2)) ||
                   (run == 15 && text.substr(i, 4) == "0086" && mobile_prefix(text, i + 4))) {
            out.append(text.substr(i, run - 11)); // the country code stays, the number goes
            i += run - 11;
            hide = 11;
        } else if (run == 3 && mobile_prefix(text, i)) {
            hide = grouped_match(text, i, {3, 4, 4}, false);
        } else if (run == 6) {
            hide = grouped_match(text, i, {6, 8, 4}, true);
        }
        if (hide > 0) {
            out.append(mask);
            i += hide;
        } else {
            out.append(text.substr(i, run));
            i += run;
        }
    }
    return out;
}

} // namespace

std::string secret(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 6);
    out.append(secret_open);
    out.append(value);
    out.append(secret_close);
    return out;
}

std::string redact(std::string_view text) {
    return strip_numbers(strip_bearer(strip_secret_fields(strip_marked(text))));
}

} // namespace cd::diag
