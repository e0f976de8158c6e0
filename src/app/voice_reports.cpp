#include "app/voice_reports.h"

#include "core/utf8.h"
#include "store/preferences.h"

#include <random>
#include <sstream>

namespace cd::app {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, sep)) {
        out.push_back(part);
    }
    return out;
}

int hex(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

std::string form_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
                   hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Names never contain tabs or newlines: the line format stays intact.
std::string clean(std::string text) {
    for (auto& c : text) {
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return text;
}

Status save_my_reports(store::Preferences& prefs, const std::vector<MyReportEntry>& entries) {
    std::string text;
    for (const auto& e : entries) {
        std::string photos;
        for (const auto& p : e.kept_photos) {
            photos += (photos.empty() ? "" : "\x1f") + clean(p);
        }
        text += e.reference + "\t" + (e.anonymous ? "a" : "n") + "\t" + clean(e.name) + "\t" +
                clean(e.category) + "\t" + photos + "\n";
    }
    return prefs.set(my_reports_preference, text);
}

} // namespace

std::string outbox_reference(std::int64_t item_id) {
    return "outbox:" + std::to_string(item_id);
}

Result<std::vector<MyReportEntry>> load_my_reports(store::Vault& vault) {
    store::Preferences prefs(vault);
    auto text = prefs.get(my_reports_preference);
    if (!text.ok()) {
        return text.error();
    }
    std::vector<MyReportEntry> out;
    for (const auto& line : split(text->value_or(""), '\n')) {
        auto parts = split(line, '\t');
        if (parts.empty() || parts[0].empty()) {
            continue;
        }
        MyReportEntry e;
        e.reference = parts[0];
        e.anonymous = parts.size() < 2 || parts[1] != "n";
        e.name = parts.size() > 2 ? parts[2] : "";
        e.category = parts.size() > 3 ? parts[3] : "";
        if (parts.size() > 4) {
            for (auto& p : split(parts[4], '\x1f')) {
                if (!p.empty()) {
                    e.kept_photos.push_back(std::move(p));
                }
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

Status add_my_report(store::Vault& vault, const MyReportEntry& entry) {
    auto entries = load_my_reports(vault);
    if (!entries.ok()) {
        return entries.error();
    }
    entries->push_back(entry);
    store::Preferences prefs(vault);
    return save_my_reports(prefs, *entries);
}

Status map_my_report(store::Vault& vault, const std::string& outbox_ref,
                     const std::string& request_id, const std::vector<std::string>& kept_photos) {
    auto entries = load_my_reports(vault);
    if (!entries.ok()) {
        return entries.error();
    }
    bool found = false;
    for (auto& e : *entries) {
        if (e.reference == outbox_ref) {
            e.reference = request_id;
            e.kept_photos = kept_photos;
            found = true;
        }
    }
    if (!found) {
        entries->push_back({request_id, true, {}, {}, kept_photos});
    }
    store::Preferences prefs(vault);
    return save_my_reports(prefs, *entries);
}

Status forget_my_report(store::Vault& vault, const std::string& reference) {
    auto entries = load_my_reports(vault);
    if (!entries.ok()) {
        return entries.error();
    }
    std::erase_if(*entries, [&](const MyReportEntry& e) { return e.reference == reference; });
    store::Preferences prefs(vault);
    return save_my_reports(prefs, *entries);
}

Result<std::set<std::string>> load_seen_updates(store::Vault& vault) {
    store::Preferences prefs(vault);
    auto text = prefs.get(replies_seen_preference);
    if (!text.ok()) {
        return text.error();
    }
    std::set<std::string> out;
    for (auto& id : split(text->value_or(""), '\n')) {
        if (!id.empty()) {
            out.insert(id);
        }
    }
    return out;
}

Status save_seen_updates(store::Vault& vault, const std::set<std::string>& seen) {
    std::string text;
    for (const auto& id : seen) {
        text += id + "\n";
    }
    store::Preferences prefs(vault);
    return prefs.set(replies_seen_preference, text);
}

std::string new_client_reference() {
    static const char digits[] = "0123456789abcdef";
    std::random_device device;
    std::mt19937_64 bits((static_cast<std::uint64_t>(device()) << 32) ^ device());
    std::string out = "cdr-";
    for (int i = 0; i < 10; ++i) {
        out += digits[bits() % 16];
    }
    return out;
}

namespace {
constexpr std::string_view ref_open = " [ref: ";
constexpr std::size_t max_description_chars = 4000;
} // namespace

std::string with_client_reference(const std::string& description, const std::string& reference) {
    const std::string tag = std::string(ref_open) + reference + "]";
    // The tag must not push a description over Open311's 4,000 characters: then it goes
    // without, and a lookup matches on the whole description instead.
    if (utf8::decode(description).size() + tag.size() > max_description_chars) {
        return description;
    }
    return description + tag;
}

std::string client_reference_in(const std::string& description) {
    const auto at = description.rfind(ref_open);
    if (at == std::string::npos || description.empty() || description.back() != ']') {
        return {};
    }
    const auto begin = at + ref_open.size();
    return description.substr(begin, description.size() - 1 - begin);
}

std::string without_client_reference(const std::string& description) {
    if (client_reference_in(description).empty()) {
        return description;
    }
    return description.substr(0, description.rfind(ref_open));
}

std::string encode_payload(const api::FormFields& fields) {
    return api::form_encode(fields);
}

api::FormFields decode_payload(const std::string& payload) {
    api::FormFields out;
    for (const auto& pair : split(payload, '&')) {
        auto eq = pair.find('=');
        if (eq == std::string::npos) {
            out.emplace_back(form_decode(pair), "");
        } else {
            out.emplace_back(form_decode(pair.substr(0, eq)), form_decode(pair.substr(eq + 1)));
        }
    }
    return out;
}

std::string payload_field(const api::FormFields& fields, const std::string& name) {
    for (const auto& [k, v] : fields) {
        if (k == name) {
            return v;
        }
    }
    return {};
}

} // namespace cd::app
