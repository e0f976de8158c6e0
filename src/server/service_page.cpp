#include "server/service_page.h"

#include "core/html_text.h"

namespace cd::server {
namespace json = boost::json;

namespace {

// "中文 / English" from a {"zh", "en"} object; "" when the key is missing.
std::string both(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_object()) {
        return {};
    }
    const auto& t = v->as_object();
    auto part = [&](std::string_view lang) -> std::string {
        const auto* x = t.if_contains(lang);
        return x && x->is_string() ? std::string(x->as_string()) : std::string();
    };
    const std::string zh = part("zh");
    const std::string en = part("en");
    return html_escape(zh.empty() || en.empty() ? zh + en : zh + " / " + en);
}

std::string list(const json::object& guide, std::string_view key, std::string_view item_key,
                 const char* tag) {
    const auto* v = guide.if_contains(key);
    if (!v || !v->is_array() || v->as_array().empty()) {
        return {};
    }
    std::string out = std::string("<") + tag + ">\n";
    for (const auto& item : v->as_array()) {
        if (item.is_object()) {
            out += "<li>" + both(item.as_object(), item_key) + "</li>\n";
        }
    }
    return out + "</" + tag + ">\n";
}

} // namespace

std::string service_page_html(const json::object& guide) {
    const std::string title = both(guide, "name");
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
                      title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<p>" +
                      both(guide, "summary") + "</p>\n";
    if (const std::string docs = list(guide, "required_documents", "name", "ul"); !docs.empty()) {
        out += "<h2>所需材料 / Documents to bring</h2>\n" + docs;
    }
    if (const std::string steps = list(guide, "steps", "name", "ol"); !steps.empty()) {
        out += "<h2>办理流程 / Steps</h2>\n" + steps;
    }
    return out + "</body></html>\n";
}

} // namespace cd::server
