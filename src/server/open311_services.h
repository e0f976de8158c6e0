// The My Voice (Open311) service list: codes, names, groups, responsible agencies and the
// attributes each report type asks for. Curated, the same every run.
#pragma once

#include <boost/json/fwd.hpp>

#include <string>
#include <vector>

namespace cd::server {

struct Attribute {
    const char* code;
    const char* datatype; // string number datetime text singlevaluelist multivaluelist
    bool required;
    const char* description;
    const char* values; // "key:name|key:name" for lists
};

struct ReportService {
    const char* code;
    const char* name;
    const char* description;
    const char* group;
    const char* keywords;
    const char* agency;
    std::vector<Attribute> attributes;
};

const std::vector<ReportService>& report_services();
const ReportService* report_service(const std::string& code);

// "key:name|key:name" as Open311 values: [{"key": ..., "name": ...}].
boost::json::array value_list(const char* values);

} // namespace cd::server
