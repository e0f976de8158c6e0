#include "server/catalog_data.h"

#include "server/catalog_lists.h"
#include "server/seed_rng.h"

#include <boost/json.hpp>

#include <cstdio>
#include <string_view>

namespace cd::server {
namespace {

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::string numbered(char prefix, std::size_t n, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%0*zu", prefix, width, n);
    return buf;
}

Service government(const lists::Subject& s, int subject, int action, std::size_t n) {
    const auto& a = lists::actions[action];
    Service svc;
    svc.id = numbered('G', n, 4);
    svc.kind = "government";
    svc.group = s.department;
    svc.name = {std::string(s.zh) + a.zh_suffix, std::string(a.en_prefix) + " " + s.en};
    svc.keywords = split(s.keywords);
    svc.life_events = split(s.events);
    svc.channel = a.channel;
    svc.subject = subject;
    svc.action = action;
    return svc;
}

void add_government(Catalog& c) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < lists::subject_count; ++i) {
        std::string_view acts = lists::subjects[i].actions;
        for (char ch : acts) {
            c.services.push_back(
                government(lists::subjects[i], static_cast<int>(i), ch - '0', ++n));
        }
        c.services.push_back(government(lists::subjects[i], static_cast<int>(i), 10, ++n));
    }
}

void add_convenience(Catalog& c, std::uint64_t seed) {
    const auto& city = city_data();
    const auto& streets = street_names();
    SeedRng rng(seed, "convenience");
    std::size_t n = 0;
    constexpr int per_district = 9;
    for (std::size_t t = 0; t < lists::convenience_type_count; ++t) {
        const auto& type = lists::convenience_types[t];
        for (const auto& d : city.districts) {
            // Nine outlets on distinct streets: a partial shuffle of the street list.
            std::vector<int> order(streets.size());
            for (std::size_t i = 0; i < order.size(); ++i) {
                order[i] = static_cast<int>(i);
            }
            for (int k = 0; k < per_district; ++k) {
                auto j = static_cast<std::size_t>(k) +
                         rng.below(order.size() - static_cast<std::size_t>(k));
                std::swap(order[static_cast<std::size_t>(k)], order[j]);
                const auto& street =
                    streets[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])];
                Service s;
                s.id = numbered('C', ++n, 5);
                s.kind = "convenience";
                s.group = type.category;
                s.name = {d.name.zh + street.zh + type.zh,
                          std::string(type.en) + ", " + street.en + ", " + d.name.en};
                s.keywords = split(type.keywords);
                s.keywords.push_back(street.zh);
                s.channel = type.channel;
                s.district = d.id;
                s.subject = static_cast<int>(t);
                s.street = order[static_cast<std::size_t>(k)];
                c.services.push_back(std::move(s));
            }
        }
    }
}

// Later catalog versions: real changes for ?since=VERSION to report.
void add_revisions(Catalog& c, std::uint64_t seed) {
    SeedRng rng(seed, "revisions");
    std::vector<std::size_t> gov, conv;
    for (std::size_t i = 0; i < c.services.size(); ++i) {
        (c.services[i].kind == "government" ? gov : conv).push_back(i);
    }
    // v2: thirty counter-only government services go online as well.
    int changed = 0;
    for (int guard = 0; changed < 30 && guard < 10000; ++guard) {
        auto& s = c.services[gov[rng.below(gov.size())]];
        if (s.channel == "counter") {
            s.channel = "both";
            s.version = 2;
            ++changed;
        }
    }
    // v3: twenty-five convenience outlets gain keywords (moved, longer hours).
    for (int k = 0; k < 25; ++k) {
        auto& s = c.services[conv[rng.below(conv.size())]];
        s.keywords.push_back(k % 2 ? "延长营业" : "新址");
        s.version = 3;
    }
    // v4: six outlets close.
    for (int k = 0; k < 6; ++k) {
        auto idx = conv[rng.below(conv.size())];
        if (c.services[idx].version == 0) {
            continue; // already removed
        }
        c.removed.push_back({c.services[idx].id, 4});
        c.services[idx].version = 0;
    }
    std::erase_if(c.services, [](const Service& s) { return s.version == 0; });
    // v5: the "one thing" bundles and e-certificates arrive.
    std::size_t n = gov.size();
    for (std::size_t i = 0; i < lists::new_subject_count; ++i) {
        auto s =
            government(lists::new_subjects[i], static_cast<int>(lists::subject_count + i), 8, ++n);
        s.channel = "online";
        s.version = 5;
        c.services.push_back(std::move(s));
    }
    c.version = 5;
}

} // namespace

const std::vector<Name>& street_names() {
    static const std::vector<Name> names = {
        {"和平路", "Heping Road"},       {"人民路", "Renmin Road"},
        {"解放路", "Jiefang Road"},      {"中山路", "Zhongshan Road"},
        {"建设路", "Jianshe Road"},      {"文化路", "Wenhua Road"},
        {"新华路", "Xinhua Road"},       {"东风路", "Dongfeng Road"},
        {"滨江路", "Binjiang Road"},     {"湖滨路", "Hubin Road"},
        {"长江路", "Changjiang Road"},   {"黄河路", "Huanghe Road"},
        {"翠苑街", "Cuiyuan Street"},    {"金沙街", "Jinsha Street"},
        {"梅园街", "Meiyuan Street"},    {"柳浪街", "Liulang Street"},
        {"桂花街", "Guihua Street"},     {"银杏街", "Yinxing Street"},
        {"凤起路", "Fengqi Road"},       {"庆春路", "Qingchun Road"},
        {"学院路", "Xueyuan Road"},      {"文三路", "Wensan Road"},
        {"天目山路", "Tianmushan Road"}, {"莫干山路", "Moganshan Road"},
        {"秋涛路", "Qiutao Road"},       {"江南大道", "Jiangnan Avenue"},
        {"钱江路", "Qianjiang Road"},    {"望江路", "Wangjiang Road"},
        {"古墩路", "Gudun Road"},        {"丰潭路", "Fengtan Road"},
        {"紫金港路", "Zijingang Road"},  {"余杭塘路", "Yuhangtang Road"},
        {"市心路", "Shixin Road"},       {"通惠路", "Tonghui Road"},
        {"富春路", "Fuchun Road"},       {"锦城街", "Jincheng Street"},
        {"桐君街", "Tongjun Street"},    {"千岛湖大道", "Qiandaohu Avenue"},
        {"星桥街", "Xingqiao Street"},   {"运河路", "Yunhe Road"},
    };
    return names;
}

const Service* Catalog::find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &services[it->second];
}

std::string Catalog::etag() const {
    return "\"catalog-v" + std::to_string(version) + "-s" + std::to_string(seed) + "\"";
}

std::size_t Catalog::count(const std::string& kind) const {
    std::size_t n = 0;
    for (const auto& s : services) {
        n += s.kind == kind;
    }
    return n;
}

void Catalog::index() {
    by_id_.clear();
    for (std::size_t i = 0; i < services.size(); ++i) {
        by_id_[services[i].id] = i;
    }
}

Catalog build_catalog(std::uint64_t seed) {
    Catalog c;
    c.seed = seed;
    c.services.reserve(11000);
    add_government(c);
    add_convenience(c, seed);
    add_revisions(c, seed);
    c.index();
    return c;
}

boost::json::object service_json(const Service& s) {
    boost::json::object o;
    o["id"] = s.id;
    o["kind"] = s.kind;
    o[s.kind == "government" ? "department" : "category"] = s.group;
    o["name"] = {{"zh", s.name.zh}, {"en", s.name.en}};
    boost::json::array kw, ev;
    for (const auto& k : s.keywords) {
        kw.emplace_back(k);
    }
    for (const auto& e : s.life_events) {
        ev.emplace_back(e);
    }
    o["keywords"] = std::move(kw);
    o["life_events"] = std::move(ev);
    o["channel"] = s.channel;
    if (!s.district.empty()) {
        o["district"] = s.district;
    }
    o["version"] = s.version;
    return o;
}

} // namespace cd::server
