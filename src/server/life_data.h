// Life data: weather and air quality in Open-Meteo's response format, public holidays with
// make-up working days in holiday-cn's format, community service stations and city news.
// Weather is synthetic but seasonal and deterministic for (seed, district, day).
#pragma once

#include "server/city_data.h"

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>

namespace cd::server {

boost::json::object weather_json(const District& d, std::uint64_t seed);
boost::json::object air_quality_json(const District& d, std::uint64_t seed);
// nullopt for a year the server has no notice for.
std::optional<boost::json::object> holidays_json(int year);
boost::json::array stations_json(std::uint64_t seed, const std::string& district);
boost::json::array news_json(std::uint64_t seed);

} // namespace cd::server
