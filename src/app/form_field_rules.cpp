#include "app/form_field_rules.h"

#include "core/phone_number.h"
#include "core/resident_id.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>

namespace cd::app {
namespace {

namespace json = boost::json;

std::int64_t utf8_chars(const std::string& text) {
    std::int64_t chars = 0;
    for (unsigned char c : text) {
        chars += (c & 0xC0) != 0x80;
    }
    return chars;
}

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isspace(c) != 0; });
}

std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t x = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (first != last && *first == '+') {
        ++first;
    }
    auto [end, ec] = std::from_chars(first, last, x);
    if (ec != std::errc() || end != last || first == last) {
        return std::nullopt;
    }
    return x;
}

bool iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    const int y = std::stoi(text.substr(0, 4));
    const int m = std::stoi(text.substr(5, 2));
    const int d = std::stoi(text.substr(8, 2));
    using namespace std::chrono;
    return y >= 1900 && year_month_day{year{y}, month{unsigned(m)}, day{unsigned(d)}}.ok();
}

bool offered(const api::FormField& field, const std::string& value) {
    return std::any_of(field.options.begin(), field.options.end(),
                       [&](const api::FormOption& o) { return o.value == value; });
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

} // namespace

FieldKind field_kind(const std::string& type) {
    if (type == "textarea") {
        return FieldKind::textarea;
    }
    if (type == "number") {
        return FieldKind::number;
    }
    if (type == "date") {
        return FieldKind::date;
    }
    if (type == "select" || type == "choice") {
        return FieldKind::choice;
    }
    if (type == "multiselect" || type == "multi_select" || type == "multi-choice") {
        return FieldKind::multi_choice;
    }
    if (type == "resident_id") {
        return FieldKind::resident_id;
    }
    if (type == "phone") {
        return FieldKind::phone;
    }
    return FieldKind::text;
}

Message check_field(const api::FormField& field, const std::string& value,
                    const std::string& today) {
    if (value.find('\0') != std::string::npos) {
        // Would end the text early wherever it is read as a C string (wx, the platform).
        return msg(N_("This text contains a character that cannot be saved."));
    }
    if (blank(value)) {
        return field.required ? msg(N_("This field is required.")) : Message{};
    }
    switch (field_kind(field.type)) {
    case FieldKind::number: {
        auto x = whole_number(value);
        if (!x) {
            return msg(N_("Enter a whole number."));
        }
        if (field.min && field.max && (*x < *field.min || *x > *field.max)) {
            return msg(N_("Enter a number from {0} to {1}."),
                       {std::to_string(*field.min), std::to_string(*field.max)});
        }
        if (field.min && *x < *field.min) {
            return msg(N_("Enter at least {0}."), {std::to_string(*field.min)});
        }
        if (field.max && *x > *field.max) {
            return msg(N_("Enter at most {0}."), {std::to_string(*field.max)});
        }
        return {};
    }
    case FieldKind::date:
        if (!iso_date(value)) {
            return msg(N_("Enter a date as YYYY-MM-DD."));
        }
        // ISO dates order as text.
        if (field.not_before_today && iso_date(today) && value < today) {
            return msg(N_("This date has passed. Choose {0} or a later day."), {today});
        }
        return {};
    case FieldKind::choice:
        return offered(field, value) ? Message{} : msg(N_("Choose one of the options."));
    case FieldKind::multi_choice: {
        auto chosen = lines(value);
        if (chosen.empty() && field.required) {
            return msg(N_("This field is required."));
        }
        for (const auto& c : chosen) {
            if (!offered(field, c)) {
                return msg(N_("Choose only from the options."));
            }
        }
        return {};
    }
    case FieldKind::resident_id:
        return is_valid_resident_id(value)
                   ? Message{}
                   : msg(N_("This is not a valid resident ID number (18 characters, the last "
                            "one a check digit or X)."));
    case FieldKind::phone:
        return is_valid_mobile_number(value)
                   ? Message{}
                   : msg(N_("This is not a valid mobile number (11 digits, starting with 1)."));
    case FieldKind::text:
    case FieldKind::textarea:
        break;
    }
    const auto chars = utf8_chars(value);
    if (field.min_length && chars < *field.min_length) {
        return msg(N_("Enter at least {0} characters."), {std::to_string(*field.min_length)});
    }
    if (field.max_length && chars > *field.max_length) {
        return msg(N_("Enter at most {0} characters."), {std::to_string(*field.max_length)});
    }
    return {};
}

std::map<std::string, Message> check_form(const std::vector<api::FormField>& fields,
                                          const FormValues& values, const std::string& today) {
    std::map<std::string, Message> problems;
    for (const auto& f : fields) {
        auto it = values.find(f.name);
        auto m = check_field(f, it == values.end() ? std::string() : it->second, today);
        if (!m.empty()) {
            problems.emplace(f.name, std::move(m));
        }
    }
    return problems;
}

std::optional<std::string> attachment_content_type(const std::string& filename) {
    const auto dot = filename.rfind('.');
    if (dot == std::string::npos) {
        return std::nullopt;
    }
    const std::string ext = lower(filename.substr(dot + 1));
    if (ext == "pdf") {
        return "application/pdf";
    }
    if (ext == "jpg" || ext == "jpeg") {
        return "image/jpeg";
    }
    if (ext == "png") {
        return "image/png";
    }
    return std::nullopt;
}

Message check_attachment(const api::OnlineForm& form, const std::string& filename,
                         std::int64_t size, std::size_t already) {
    if (form.max_attachments <= 0) {
        return msg(N_("This service takes no attachments."));
    }
    if (static_cast<std::int64_t>(already) >= form.max_attachments) {
        return msg(N_("At most {0} attachments can be added."),
                   {std::to_string(form.max_attachments)});
    }
    if (!attachment_content_type(filename)) {
        return msg(N_("Only PDF, JPEG and PNG files can be attached."));
    }
    if (size <= 0) {
        return msg(N_("The file is empty."));
    }
    if (form.max_attachment_bytes > 0 && size > form.max_attachment_bytes) {
        return msg(N_("The file is larger than {0} MB."),
                   {std::to_string(form.max_attachment_bytes / (1024 * 1024))});
    }
    return {};
}

std::string form_values_json(const std::vector<api::FormField>& fields, const FormValues& values) {
    json::object o;
    for (const auto& f : fields) {
        auto it = values.find(f.name);
        if (it == values.end() || blank(it->second)) {
            continue;
        }
        switch (field_kind(f.type)) {
        case FieldKind::number:
            if (auto x = whole_number(it->second)) {
                o[f.name] = *x;
            } else {
                o[f.name] = it->second;
            }
            break;
        case FieldKind::multi_choice: {
            json::array a;
            for (const auto& c : lines(it->second)) {
                a.emplace_back(c);
            }
            o[f.name] = std::move(a);
            break;
        }
        case FieldKind::phone:
            o[f.name] = normalize_mobile_number(it->second).value_or(it->second);
            break;
        default:
            o[f.name] = it->second;
            break;
        }
    }
    return json::serialize(o);
}

std::map<std::string, Message> field_problems_from(const std::vector<api::FormField>& fields,
                                                   const Error& error) {
    std::map<std::string, Message> problems;
    for (const auto& fe : error.field_errors) {
        for (const auto& f : fields) {
            if (f.name == fe.field && problems.count(f.name) == 0) {
                problems[f.name] = fe.message.empty()
                                       ? msg(N_("The platform did not accept this field."))
                                       : msg(fe.message);
            }
        }
    }
    return problems;
}

std::string form_values_to_json(const FormValues& values) {
    json::object o;
    for (const auto& [k, v] : values) {
        o[k] = v;
    }
    return json::serialize(o);
}

FormValues form_values_from_json(const std::string& text) {
    FormValues values;
    json::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_object()) {
        return values;
    }
    for (const auto& [k, x] : v.as_object()) {
        if (x.is_string()) {
            values[std::string(k)] = std::string(x.as_string());
        }
    }
    return values;
}

} // namespace cd::app
