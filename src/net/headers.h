// HTTP header fields in the order they were added, looked up without regard to case (RFC 9110
// field names are case-insensitive). Used for both requests and responses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cd::net {

class Headers {
public:
    using Field = std::pair<std::string, std::string>;

    // Appends a field (a name may repeat, as Set-Cookie does).
    void add(std::string name, std::string value);
    // Replaces every field of that name by one.
    void set(std::string name, std::string value);
    void remove(std::string_view name);

    // The first value of that name, if any.
    std::optional<std::string> get(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }

    const std::vector<Field>& fields() const { return fields_; }
    bool empty() const { return fields_.empty(); }
    void clear() { fields_.clear(); }

private:
    std::vector<Field> fields_;
};

bool iequals(std::string_view a, std::string_view b);

// A Content-Length value (RFC 9110 8.6: 1*DIGIT) in bytes; nullopt when it is not a number.
// A number past 2^64 - 1 saturates there, so that a size limit refuses it rather than
// mistaking it for no length at all.
std::optional<std::uint64_t> parse_content_length(std::string_view value);

} // namespace cd::net
