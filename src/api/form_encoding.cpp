#include "api/form_encoding.h"

namespace cd::api {
namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

void encode_into(std::string& out, std::string_view text, bool space_as_plus) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else if (c == ' ' && space_as_plus) {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
}

} // namespace

std::string percent_encode(std::string_view text) {
    std::string out;
    encode_into(out, text, false);
    return out;
}

std::string form_encode(const FormFields& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) {
            out += '&';
        }
        encode_into(out, name, true);
        out += '=';
        encode_into(out, value, true);
    }
    return out;
}

} // namespace cd::api
