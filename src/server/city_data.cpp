#include "server/city_data.h"

namespace cd::server {

const District* CityData::district(const std::string& id) const {
    for (const auto& d : districts) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

const Department* CityData::department(const std::string& id) const {
    for (const auto& d : departments) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

const CityData& city_data() {
    static const CityData city = [] {
        CityData c;
        c.name = {"海川市", "Haichuan"};
        c.timezone = "Asia/Shanghai";
        c.districts = {
            {"D01", {"上城区", "Shangcheng District"}, 30.2425, 120.1690, 1324000},
            {"D02", {"滨江区", "Binjiang District"}, 30.2084, 120.2120, 543000},
            {"D03", {"西湖区", "Xihu District"}, 30.2723, 120.1298, 1145000},
            {"D04", {"拱墅区", "Gongshu District"}, 30.3194, 120.1418, 1187000},
            {"D05", {"萧山区", "Xiaoshan District"}, 30.1838, 120.2645, 2011000},
            {"D06", {"余杭区", "Yuhang District"}, 30.4193, 120.2995, 1318000},
            {"D07", {"临平区", "Linping District"}, 30.4220, 120.2990, 1160000},
            {"D08", {"钱塘区", "Qiantang District"}, 30.3226, 120.4930, 769000},
            {"D09", {"富阳区", "Fuyang District"}, 30.0490, 119.9600, 835000},
            {"D10", {"临安区", "Lin'an District"}, 30.2337, 119.7248, 648000},
            {"D11", {"桐庐县", "Tonglu County"}, 29.7977, 119.6913, 454000},
            {"D12", {"淳安县", "Chun'an County"}, 29.6090, 119.0420, 329000},
        };
        c.categories = {
            {"utilities", {"水电燃气", "Utilities"}},
            {"transport", {"交通出行", "Transport"}},
            {"health", {"医疗健康", "Health"}},
            {"education", {"教育服务", "Education"}},
            {"housing", {"住房保障", "Housing"}},
            {"elderly-family", {"养老家庭", "Elderly & family"}},
            {"culture-tourism", {"文化旅游", "Culture & tourism"}},
            {"community", {"社区服务", "Community"}},
        };
        c.departments = {
            {"public-security", {"市公安局", "Public Security Bureau"}, "0571-110"},
            {"exit-entry", {"市出入境管理局", "Exit-Entry Administration"}, "0571-87280600"},
            {"traffic-police", {"市公安局交通警察支队", "Traffic Police Division"}, "0571-122"},
            {"civil-affairs", {"市民政局", "Civil Affairs Bureau"}, "0571-85252000"},
            {"human-resources",
             {"市人力资源和社会保障局", "Human Resources and Social Security Bureau"},
             "0571-12333"},
            {"healthcare-security",
             {"市医疗保障局", "Healthcare Security Administration"},
             "0571-12393"},
            {"market-regulation",
             {"市市场监督管理局", "Administration for Market Regulation"},
             "0571-12315"},
            {"taxation", {"国家税务总局海川市税务局", "Haichuan Taxation Bureau"}, "0571-12366"},
            {"housing-construction",
             {"市住房和城乡建设局", "Housing and Urban-Rural Development Bureau"},
             "0571-87060000"},
            {"natural-resources",
             {"市规划和自然资源局", "Planning and Natural Resources Bureau"},
             "0571-87055000"},
            {"provident-fund",
             {"市住房公积金管理中心", "Housing Provident Fund Management Center"},
             "0571-12329"},
            {"transport", {"市交通运输局", "Transport Bureau"}, "0571-12328"},
            {"education", {"市教育局", "Education Bureau"}, "0571-87061000"},
            {"health", {"市卫生健康委员会", "Health Commission"}, "0571-12320"},
            {"ecology", {"市生态环境局", "Ecology and Environment Bureau"}, "0571-12369"},
            {"culture-tourism",
             {"市文化广电旅游局", "Culture, Radio, Television and Tourism Bureau"},
             "0571-12345"},
            {"justice", {"市司法局", "Justice Bureau"}, "0571-12348"},
            {"veterans", {"市退役军人事务局", "Veterans Affairs Bureau"}, "0571-87070000"},
            {"disabled-persons", {"市残疾人联合会", "Disabled Persons' Federation"}, "0571-12385"},
            {"urban-management", {"市城市管理局", "Urban Management Bureau"}, "0571-12319"},
            {"water", {"市林业水利局", "Forestry and Water Resources Bureau"}, "0571-87080000"},
            {"agriculture", {"市农业农村局", "Agriculture and Rural Affairs Bureau"}, "0571-12316"},
            {"commerce", {"市商务局", "Commerce Bureau"}, "0571-87090000"},
            {"emergency", {"市应急管理局", "Emergency Management Bureau"}, "0571-12350"},
        };
        c.hotlines = {
            {{"市民服务热线", "Citizen service hotline"}, "12345"},
            {{"报警电话", "Police"}, "110"},
            {{"火警", "Fire"}, "119"},
            {{"急救", "Ambulance"}, "120"},
            {{"交通事故", "Traffic accidents"}, "122"},
            {{"社保咨询", "Social insurance"}, "12333"},
            {{"消费者投诉", "Consumer complaints"}, "12315"},
        };
        return c;
    }();
    return city;
}

} // namespace cd::server
