#include "server/open311_services.h"

#include <boost/json.hpp>

#include <string_view>

namespace cd::server {

const std::vector<ReportService>& report_services() {
    static const std::vector<ReportService> list = {
        {"101",
         "道路坑洼 Pothole",
         "路面坑洼、破损。Holes or damage in the road surface.",
         "道路 Roads",
         "坑洼,路面,pothole",
         "市城市管理局",
         {{"size", "singlevaluelist", true, "坑洼大小 How large is it?",
           "small:小于30厘米 under 30 cm|medium:30-100厘米 30-100 cm|large:大于1米 over 1 m"},
          {"lane", "string", false, "所在车道 Which lane?", ""}}},
        {"102",
         "路灯不亮 Streetlight out",
         "路灯不亮或闪烁。A streetlight is out or flickering.",
         "道路 Roads",
         "路灯,照明,streetlight",
         "市城市管理局",
         {{"pole_number", "string", false, "灯杆编号 Pole number", ""}}},
        {"201",
         "垃圾满溢 Overflowing bin",
         "垃圾桶满溢未清运。A bin is overflowing.",
         "环境 Environment",
         "垃圾,清运,bin",
         "市城市管理局",
         {{"bin_type", "singlevaluelist", true, "垃圾桶类型 Bin type",
           "kitchen:厨余垃圾 food waste|recyclable:可回收物 recyclables|other:其他垃圾 other "
           "waste|hazardous:有害垃圾 hazardous"}}},
        {"202",
         "违规排污 Illegal discharge",
         "向河道或雨水管排放污水。Sewage discharged into a river or drain.",
         "环境 Environment",
         "排污,污水,pollution",
         "市生态环境局",
         {{"water_body", "singlevaluelist", false, "水体 Water body",
           "river:河道 river|lake:湖泊 lake|drain:雨水管 storm drain"},
          {"smell", "multivaluelist", false, "异味 Smell",
           "oil:油味 oily|chemical:化学品味 chemical|rotten:腐臭 rotten"}}},
        {"301",
         "噪音扰民 Noise nuisance",
         "夜间施工或商业噪音。Night-time works or commercial noise.",
         "秩序 Public order",
         "噪音,扰民,noise",
         "市生态环境局",
         {{"noise_time", "datetime", true, "噪音发生时间 When did it happen?", ""},
          {"source", "singlevaluelist", true, "噪音来源 Source",
           "works:施工 construction|shop:商铺 shop|traffic:交通 traffic|neighbour:邻里 "
           "neighbours"}}},
        {"302",
         "违规停车 Illegal parking",
         "占用消防通道或人行道停车。Parking on a fire lane or pavement.",
         "秩序 Public order",
         "停车,占道,parking",
         "市公安局交通警察支队",
         {{"plate", "string", false, "车牌号 Number plate", ""}}},
        {"401",
         "绿化损坏 Damaged greenery",
         "树木倒伏、绿地破坏。Fallen trees or damaged lawns.",
         "园林 Parks",
         "绿化,树木,trees",
         "市城市管理局",
         {}},
        {"402",
         "公园设施损坏 Broken park equipment",
         "座椅、健身器材损坏。Broken benches or fitness equipment.",
         "园林 Parks",
         "公园,设施,equipment",
         "市城市管理局",
         {{"equipment", "text", false, "损坏设施描述 What is broken?", ""}}},
        {"501",
         "井盖缺失 Missing manhole cover",
         "井盖缺失或破损，存在安全隐患。A manhole cover is missing or broken.",
         "市政设施 Utilities",
         "井盖,manhole",
         "市城市管理局",
         {}},
        {"502",
         "停水或水压低 Water supply problem",
         "停水、水压低或水质异常。No water, low pressure or discoloured water.",
         "市政设施 Utilities",
         "停水,水压,water",
         "海川水务集团",
         {{"hours", "number", false, "已持续小时数 For how many hours?", ""}}},
    };
    return list;
}

const ReportService* report_service(const std::string& code) {
    for (const auto& s : report_services()) {
        if (code == s.code) {
            return &s;
        }
    }
    return nullptr;
}

boost::json::array value_list(const char* values) {
    boost::json::array out;
    std::string_view v = values;
    while (!v.empty()) {
        auto bar = v.find('|');
        auto item = v.substr(0, bar);
        auto colon = item.find(':');
        out.push_back({{"key", item.substr(0, colon)}, {"name", item.substr(colon + 1)}});
        if (bar == std::string_view::npos) {
            break;
        }
        v.remove_prefix(bar + 1);
    }
    return out;
}

} // namespace cd::server
