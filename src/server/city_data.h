// The demo city (海川市, Haichuan): districts with coordinates, the eight convenience
// categories, the government departments and hotlines. Curated lists, the same every run.
#pragma once

#include <string>
#include <vector>

namespace cd::server {

struct Name {
    std::string zh;
    std::string en;
};

struct District {
    std::string id; // "D01"
    Name name;
    double lat;
    double lon;
    int population;
};

struct Category {
    std::string id; // "utilities"
    Name name;
};

struct Department {
    std::string id; // "public-security"
    Name name;
    std::string hotline;
};

struct Hotline {
    Name name;
    std::string number;
};

struct CityData {
    Name name;
    std::string timezone;
    std::vector<District> districts;
    std::vector<Category> categories;
    std::vector<Department> departments;
    std::vector<Hotline> hotlines;

    const District* district(const std::string& id) const;
    const Department* department(const std::string& id) const;
};

const CityData& city_data();

} // namespace cd::server
