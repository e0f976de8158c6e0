#include "core/message.h"

#include <cctype>

namespace cd {

Message msg(std::string_view id, std::vector<std::string> args) {
    return Message{std::string(id), std::move(args)};
}

std::string format_message(std::string_view templ, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(templ.size() + 16);
    for (std::size_t i = 0; i < templ.size(); ++i) {
        const char c = templ[i];
        if ((c == '{' || c == '}') && i + 1 < templ.size() && templ[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t j = i + 1;
            std::size_t index = 0;
            while (j < templ.size() && std::isdigit(static_cast<unsigned char>(templ[j]))) {
                index = index * 10 + static_cast<std::size_t>(templ[j] - '0');
                ++j;
            }
            if (j > i + 1 && j < templ.size() && templ[j] == '}' && index < args.size()) {
                out += args[index];
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace cd
