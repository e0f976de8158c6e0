// A small JSON Schema validator over Boost.JSON for the subset the OpenAPI document uses:
// $ref (local), type, nullable, required, properties, additionalProperties, items, enum,
// allOf, oneOf, minimum/maximum, minItems/maxItems. Formats are not checked.
#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace cd::test {

class SchemaValidator {
public:
    // `document` holds the schemas that "$ref": "#/..." points into; it must outlive this.
    explicit SchemaValidator(const boost::json::value& document) : doc_(document) {}

    // Every violation as "path: message"; empty when the instance conforms.
    std::vector<std::string> validate(const boost::json::value& instance,
                                      const boost::json::value& schema) const;

    // The value a local JSON pointer ("#/components/schemas/Bill") names; throws if absent.
    const boost::json::value& resolve(const std::string& ref) const;

private:
    void check(const boost::json::value& v, const boost::json::value& schema,
               const std::string& path, std::vector<std::string>& out, int depth) const;
    const boost::json::value& doc_;
};

} // namespace cd::test
