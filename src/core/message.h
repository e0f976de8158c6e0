// A translatable message: an English msgid plus positional arguments ({0}, {1}, ...).
// Layers below ui speak in these; only the view translates (with _()) and fills the arguments,
// so tests assert ids and the language can change without touching any logic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

// Marks a string literal for xgettext (keyword N_) without translating it here.
#define N_(text) text

namespace cd {

struct Message {
    std::string id;                // English source text, the gettext msgid; empty = no message
    std::vector<std::string> args; // substituted for {0}, {1}, ... after translation

    bool empty() const { return id.empty(); }
    friend bool operator==(const Message&, const Message&) = default;
};

// Builds a message from an N_()-marked id and its arguments.
Message msg(std::string_view id, std::vector<std::string> args = {});

// Replaces {0}, {1}, ... in a (translated) template with the arguments; "{{" and "}}" are literal
// braces. A placeholder without an argument is left as it is, so a translator's slip stays visible.
std::string format_message(std::string_view templ, const std::vector<std::string>& args);

} // namespace cd
