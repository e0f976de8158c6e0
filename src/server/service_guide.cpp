#include "server/service_guide.h"

#include "server/catalog_lists.h"
#include "server/halls.h"
#include "server/seed_rng.h"

#include "core/phone_number.h"
#include "core/resident_id.h"

namespace cd::server {
namespace {

namespace json = boost::json;

json::object name(const char* zh, const char* en) {
    return {{"zh", zh}, {"en", en}};
}

json::object field(const char* n, const char* zh, const char* en, const char* type, bool required) {
    return {{"name", n}, {"label", name(zh, en)}, {"type", type}, {"required", required}};
}

json::array documents_for(const Service& s, SeedRng& rng) {
    json::array docs;
    auto doc = [&](const char* zh, const char* en, bool original, int copies) {
        docs.push_back({{"name", name(zh, en)}, {"original", original}, {"copies", copies}});
    };
    if (s.kind == "convenience") {
        doc("居民身份证或社保卡", "Resident ID card or social security card", true, 0);
        return docs;
    }
    doc("申请人居民身份证", "Applicant's resident ID card", true, 1);
    switch (s.action) {
    case 1:
        doc("原证件", "The current certificate", true, 0);
        break;
    case 2:
        doc("遗失声明", "Statement of loss", true, 1);
        break;
    case 3:
        doc("变更事项证明材料", "Proof of the changed details", true, 1);
        break;
    case 7:
        doc("登记申请表", "Registration form", true, 1);
        break;
    default:
        break;
    }
    if (rng.chance(0.5)) {
        doc("户口簿", "Household register (hukou booklet)", true, 1);
    }
    if (rng.chance(0.4)) {
        doc("近期免冠照片", "Recent passport-style photo", true, 2);
    }
    if (s.group == "market-regulation" || s.group == "taxation") {
        doc("营业执照", "Business licence", true, 1);
    }
    if (rng.chance(0.3)) {
        doc("委托书（代办时）", "Power of attorney (when acting for someone)", true, 1);
    }
    return docs;
}

json::array steps_for(const Service& s) {
    json::array steps;
    auto step = [&](const char* zh, const char* en, const char* dzh, const char* den) {
        steps.push_back({{"order", static_cast<int>(steps.size()) + 1},
                         {"name", name(zh, en)},
                         {"description", name(dzh, den)}});
    };
    if (s.channel != "counter") {
        step("网上申请", "Apply online", "在线填写申请表并上传材料。",
             "Fill in the form online and upload the documents.");
    } else {
        step("窗口申请", "Apply at a counter", "携带材料到服务大厅窗口申请。",
             "Bring the documents to a hall counter.");
    }
    step("受理", "Acceptance", "工作人员核对材料，符合条件的当场受理。",
         "Staff check the documents and accept complete applications.");
    step("审核", "Review", "承办部门审核。", "The responsible department reviews the application.");
    step("办结", "Decision", "作出决定并通知申请人。",
         "A decision is made and the applicant is notified.");
    if (s.action == 0 || s.action == 1 || s.action == 2) {
        step("领取", "Pickup", "到大厅领取或选择邮寄送达。",
             "Collect at the hall or choose postal delivery.");
    }
    return steps;
}

} // namespace

json::array form_fields(const Service& s) {
    json::array f;
    if (s.channel == "counter") {
        return f;
    }
    auto name_field = field("applicant_name", "申请人姓名", "Applicant's name", "text", true);
    name_field["min_length"] = 2;
    name_field["max_length"] = 30;
    f.push_back(std::move(name_field));
    f.push_back(field("resident_id", "公民身份号码", "Resident ID number", "resident_id", true));
    f.push_back(field("phone", "联系电话", "Phone number", "phone", true));
    if (s.action == 10) {
        auto q = field("question", "咨询内容", "Your question", "textarea", true);
        q["min_length"] = 5;
        q["max_length"] = 500;
        f.push_back(std::move(q));
        return f;
    }
    auto addr = field("address", "联系地址", "Postal address", "text", true);
    addr["max_length"] = 120;
    f.push_back(std::move(addr));
    if (s.action == 6) {
        auto copies = field("copies", "份数", "Copies", "number", true);
        copies["min"] = 1;
        copies["max"] = 5;
        f.push_back(std::move(copies));
        auto purpose = field("purpose", "用途", "Purpose", "select", true);
        purpose["options"] =
            json::array{{{"value", "work"}, {"label", name("就业", "Employment")}},
                        {{"value", "study"}, {"label", name("升学", "Study")}},
                        {{"value", "travel"}, {"label", name("出境", "Travel abroad")}},
                        {{"value", "other"}, {"label", name("其他", "Other")}}};
        f.push_back(std::move(purpose));
    }
    if (s.action <= 2) {
        auto delivery = field("delivery", "领取方式", "Delivery", "select", true);
        delivery["options"] =
            json::array{{{"value", "pickup"}, {"label", name("窗口领取", "Collect at the hall")}},
                        {{"value", "post"}, {"label", name("邮寄", "By post")}}};
        f.push_back(std::move(delivery));
    }
    auto date = field("preferred_date", "期望办结日期", "Preferred completion date", "date", false);
    date["not_before_today"] = true; // a completion date already past means nothing
    f.push_back(std::move(date));
    auto notes = field("notes", "备注", "Notes", "textarea", false);
    notes["max_length"] = 500;
    f.push_back(std::move(notes));
    return f;
}

json::array validate_form(const Service& s, const json::object& values) {
    json::array errors;
    auto fail = [&](std::string_view f, const char* msg) {
        errors.push_back({{"field", f}, {"message", msg}});
    };
    for (const auto& fv : form_fields(s)) {
        const auto& fd = fv.as_object();
        std::string_view n = fd.at("name").as_string();
        std::string_view type = fd.at("type").as_string();
        const json::value* v = values.if_contains(n);
        bool empty = !v || v->is_null() || (v->is_string() && v->as_string().empty());
        if (empty) {
            if (fd.at("required").as_bool()) {
                fail(n, "This field is required.");
            }
            continue;
        }
        if (type == "number") {
            if (!v->is_int64() && !v->is_uint64()) {
                fail(n, "Must be a whole number.");
                continue;
            }
            auto x = v->to_number<std::int64_t>();
            if ((fd.contains("min") && x < fd.at("min").as_int64()) ||
                (fd.contains("max") && x > fd.at("max").as_int64())) {
                fail(n, "Out of the allowed range.");
            }
            continue;
        }
        if (!v->is_string()) {
            fail(n, "Must be text.");
            continue;
        }
        std::string_view text = v->as_string();
        if (type == "resident_id" && !cd::is_valid_resident_id(text)) {
            fail(n, "Not a valid resident ID number.");
        } else if (type == "phone" && !cd::is_valid_mobile_number(text)) {
            fail(n, "Not a valid mobile number.");
        } else if (type == "date" && (text.size() != 10 || text[4] != '-' || text[7] != '-')) {
            fail(n, "Must be a date (YYYY-MM-DD).");
        } else if (type == "select") {
            bool found = false;
            for (const auto& o : fd.at("options").as_array()) {
                found = found || o.as_object().at("value").as_string() == text;
            }
            if (!found) {
                fail(n, "Not one of the offered options.");
            }
        } else {
            // Length in characters, not bytes: count UTF-8 lead bytes.
            std::int64_t chars = 0;
            for (unsigned char c : text) {
                chars += (c & 0xC0) != 0x80;
            }
            if ((fd.contains("min_length") && chars < fd.at("min_length").as_int64()) ||
                (fd.contains("max_length") && chars > fd.at("max_length").as_int64())) {
                fail(n, "Too short or too long.");
            }
        }
    }
    return errors;
}

json::object service_guide_json(const Service& s) {
    SeedRng rng(SeedRng::hash(s.id));
    json::object g = service_json(s);
    std::string about_zh =
        s.kind == "government" ? "办理" + s.name.zh + "。" : s.name.zh + "，为居民提供便民服务。";
    g["summary"] = {{"zh", about_zh}, {"en", s.name.en + "."}};
    g["required_documents"] = documents_for(s, rng);
    json::array fees;
    if (s.kind == "government" && (s.action == 0 || s.action == 1 || s.action == 2) &&
        rng.chance(0.6)) {
        fees.push_back({{"item", name("工本费", "Production fee")},
                        {"amount_fen", static_cast<std::int64_t>(rng.range(1, 20)) * 500}});
    }
    g["fees"] = std::move(fees);
    int legal = s.kind == "government" ? rng.range(5, 20) : 0;
    g["legal_time_limit_days"] = legal;
    g["promised_time_limit_days"] = legal == 0 ? 0 : rng.range(1, legal);
    g["steps"] = steps_for(s);
    json::array hall_list;
    const auto& all = halls();
    if (s.kind == "government") {
        hall_list.push_back(hall_json(all[0]));
        hall_list.push_back(hall_json(all[1 + rng.below(all.size() - 1)]));
    } else {
        for (const auto& h : all) {
            if (h.district == s.district && h.id != "H00") {
                hall_list.push_back(hall_json(h));
            }
        }
    }
    g["halls"] = std::move(hall_list);
    if (s.kind == "convenience") {
        const auto& street = street_names()[static_cast<std::size_t>(s.street)];
        const auto* d = city_data().district(s.district);
        int number = rng.range(1, 300);
        g["address"] = {{"zh", d->name.zh + street.zh + std::to_string(number) + "号"},
                        {"en", std::to_string(number) + " " + street.en + ", " + d->name.en}};
        g["phone"] = "0571-" + std::to_string(80000000 + rng.below(9999999));
    }
    if (s.channel == "counter") {
        g["form"] = nullptr;
    } else {
        g["form"] = {{"fields", form_fields(s)},
                     {"max_attachments", 5},
                     {"max_attachment_bytes", 5 * 1024 * 1024}};
    }
    return g;
}

} // namespace cd::server
